"""``edaran export``: a circular as a workbook, Markdown or an HTML page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from edaran.engine.circular import Circular
from edaran.io.publish import provenance, require_format
from edaran.messages import Lang
from edaran.review.documents import decisions_by_rule, review_html, review_markdown
from edaran.review.model import review_of

__all__ = ["ExportFormat", "export_review"]

ExportFormat = Literal["xlsx", "md", "html"]


def export_review(
    circular: Circular,
    fmt: ExportFormat,
    lang: Lang = "id",
    *,
    employees: Sequence[Any] | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> bytes | str:
    """The circular as ``fmt``: the workbook's bytes, or the Markdown or HTML text.

    For ``html``, ``employees`` (a roster's) and ``period`` add what each butir
    decides on them.  ``xlsx`` needs the ``excel`` extra (D040 otherwise).
    """
    review = review_of(circular, lang)
    if fmt == "xlsx":
        require_format("xlsx")
        from edaran.review.xlsx import build_review_workbook

        header = circular.program.header
        return build_review_workbook(
            review, lang, dict(provenance(circular)), header.signed or header.effective_from
        )
    if fmt == "md":
        return review_markdown(review, lang)
    decisions = None
    if employees is not None and period is not None:
        decisions = decisions_by_rule(circular, list(employees), *period)
    return review_html(review, lang, decisions, period if decisions is not None else None)
