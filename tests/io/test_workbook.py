"""The workbook base every Excel writer shares (:mod:`edaran.io.workbook`)."""

from __future__ import annotations

from edaran.io.workbook import sheet_title


def test_sheet_titles_are_excel_safe() -> None:
    taken: set[str] = {"ringkasan"}
    assert sheet_title("Ringkasan", taken) == "Ringkasan~2"
    assert sheet_title("X" * 40, taken) == "X" * 31
    assert sheet_title("x" * 40, taken) == "x" * 29 + "~2"
    assert sheet_title("'A[1]'", taken) == "A_1_"
    assert sheet_title("History", taken) == "History~2"
