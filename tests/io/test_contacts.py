"""Contact logs (butir 10.b-d): :mod:`edaran.io.contacts`.

The small logs under ``tests/data/contacts/`` are read against the twelve-person
roster beside them.  Every kind of problem has a golden rendering in both
languages (``tests/golden/contacts/``); the properties check that a log fed in
parts is the log fed whole, and that no input makes the reader raise.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edaran.core import Diagnostic, Severity, render_all
from edaran.io import Roster, load_roster, merge_contacts, read_contact_logs, read_contacts
from edaran.io.cells import BadValue, enum_key
from edaran.io.contacts import CHANNEL_WORDS, COLUMNS, parse_timestamp
from edaran.messages import Lang
from edaran.model import Channel, Contact
from golden import check_golden
from paths import REPO
from properties import fast_and_full

DATA = "tests/data/contacts"
WIB = ZoneInfo("Asia/Jakarta")
PLUS8 = dt.timezone(dt.timedelta(hours=8))
LANGS: list[Lang] = ["id", "en"]

BUDI = "196805121994031002"  # head of BAPPEDA, the sender
DEWI = "197807142003122001"  # head of UPTB_ASET, the sender
ANDI = "197501012000031001"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative paths keep rendered locations stable; the language comes from render_all.
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster(REPO / DATA / "roster")


def _at(text: str, tz: dt.tzinfo = WIB) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=tz)


def _codes(found: list[Diagnostic]) -> list[tuple[str, int | None]]:
    return [(d.code, d.span.line if d.span else None) for d in found]


# ------------------------------------------------------------------ good logs
EXPECTED = [
    # +08:00 is kept: 08:00 WITA is 07:00 WIB, the earliest of the log
    Contact("K005", "198502152010012002", DEWI, Channel.PANGGILAN,
            _at("2026-04-10 08:00", PLUS8), _at("2026-04-10 08:02", PLUS8)),
    Contact("K001", ANDI, BUDI, Channel.PANGGILAN,
            _at("2026-04-10 09:00"), _at("2026-04-10 09:01:30")),
    Contact("K002", "198203102008012002", BUDI, Channel.PESAN,
            _at("2026-04-10 09:15"), _at("2026-04-10 09:27"), "rapat daring"),
    Contact("K003", "199004042019032003", BUDI, Channel.PANGGILAN, _at("2026-04-10 10:00")),
    Contact("K004", "198001012005011001", DEWI, Channel.PESAN,
            _at("2026-04-10 10:30:05"), _at("2026-04-10 10:35:05")),
    Contact("K006", "199211302019031002", DEWI, Channel.PESAN,
            _at("2026-04-10 23:50"), _at("2026-04-11 00:20"), "sedang di jalan, sinyal lemah"),
]  # fmt: skip


@pytest.mark.parametrize("name", ["kontak.csv", "kontak.jsonl"])
def test_good_log_in_both_formats(roster: Roster, name: str) -> None:
    contacts, found = read_contacts(f"{DATA}/{name}", roster=roster, tz=WIB)
    assert found == []
    assert contacts == EXPECTED
    # equality of aware datetimes is by instant: check the zones themselves too
    offsets = [c.dikirim.utcoffset() for c in contacts]
    assert offsets == [dt.timedelta(hours=h) for h in [8, 7, 7, 7, 7, 7]]
    k002 = contacts[2]
    assert k002.dikirim.tzinfo is WIB  # a time without a zone takes tz
    assert k002.waktu_respon is not None and k002.waktu_respon.exact == dt.timedelta(minutes=12)
    assert k002.beralasan and k002.terjawab
    assert not contacts[3].terjawab and contacts[3].waktu_respon is None
    assert contacts[4].waktu_respon is not None
    assert contacts[4].waktu_respon.exact == dt.timedelta(minutes=5)  # exactly 5:00
    assert contacts[5].dijawab is not None and contacts[5].dijawab.date() == dt.date(2026, 4, 11)


def test_naive_times_take_the_zone_given(roster: Roster) -> None:
    contacts, _ = read_contacts(f"{DATA}/kontak.csv", roster=roster, tz=PLUS8)
    by_id = {c.id: c for c in contacts}
    assert by_id["K002"].dikirim == dt.datetime(2026, 4, 10, 1, 15, tzinfo=dt.UTC)
    assert by_id["K001"].dikirim == dt.datetime(2026, 4, 10, 2, 0, tzinfo=dt.UTC)  # +07:00 kept


def test_order_does_not_depend_on_the_order_of_rows(roster: Roster, tmp_path: Path) -> None:
    lines = (REPO / DATA / "kontak.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "kontak.csv").write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n")
    contacts, found = read_contacts(tmp_path / "kontak.csv", roster=roster, tz=WIB)
    assert found == [] and contacts == EXPECTED


def test_semicolons_crlf_and_windows_1252(roster: Roster) -> None:
    contacts, found = read_contacts(f"{DATA}/kontak-cp1252.csv", roster=roster, tz=WIB)
    assert _codes(found) == [("D006", 2)]
    assert [c.alasan for c in contacts] == ["rapat di kantor cabang Pagar Alam (café)"]


# ------------------------------------------------------------------ timestamps
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04-10T09:00:00+07:00", "2026-04-10T09:00:00+07:00"),
        ("2026-04-10T09:00:00+08:00", "2026-04-10T09:00:00+08:00"),
        ("2026-04-10 09:00", "2026-04-10T09:00:00+07:00"),
        ("2026-04-10 09:00:05", "2026-04-10T09:00:05+07:00"),
        ("  2026-04-10t09:00:05.25  ", "2026-04-10T09:00:05.250000+07:00"),
        ("10/04/2026 09:00", "2026-04-10T09:00:00+07:00"),
        ("10-04-2026 9.05", "2026-04-10T09:05:00+07:00"),
        ("2026-4-1 07:30", "2026-04-01T07:30:00+07:00"),
        ("2026-04-10 09:00:00Z", "2026-04-10T09:00:00+00:00"),
        ("2026-04-10T09:00+0800", "2026-04-10T09:00:00+08:00"),
        ("2026-04-10T09:00-03", "2026-04-10T09:00:00-03:00"),
        ("10/04/2026 09.00 WITA", "2026-04-10T09:00:00+08:00"),
        ("2026-04-10 09:00 wit", "2026-04-10T09:00:00+09:00"),
        ("2026-04-10 09:00 UTC", "2026-04-10T09:00:00+00:00"),
    ],
)
def test_timestamps_accepted(text: str, expected: str) -> None:
    moment = parse_timestamp(text, WIB)
    assert moment == dt.datetime.fromisoformat(expected)
    assert moment.utcoffset() == dt.datetime.fromisoformat(expected).utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-04-10",  # a date without a time
        "09:00",
        "2026-02-30 09:00",  # no such day
        "2026-04-10 24:00",
        "2026-04-10 09:60",
        "2026-04-10 09:00+15:00",  # beyond +14:00
        "2026-04-10 09:00+07:60",
        "2026-04-10 09:00 CET",
        "2026-W15-5T09:00:00",  # an ISO week date: not a form people write here
        "04/10/2026 09:00 PM",
        "1775786400",  # epoch seconds
        "2026-04-10 9 pagi",
    ],
)
def test_timestamps_refused(text: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_timestamp(text, WIB)
    assert caught.value.code == "D043"


# ------------------------------------------------------------------ channels
def test_channel_words() -> None:
    assert CHANNEL_WORDS[enum_key("Telepon")] is Channel.PANGGILAN
    assert CHANNEL_WORDS[enum_key("WhatsApp")] is Channel.PESAN
    assert CHANNEL_WORDS[enum_key("WA call")] is Channel.PANGGILAN
    assert CHANNEL_WORDS[enum_key("panggilan-video")] is Channel.PANGGILAN
    for channel in Channel:  # the enum's own values and English names
        assert CHANNEL_WORDS[channel.value] is channel
        assert CHANNEL_WORDS[channel.english] is channel


def test_channel_words_are_documented() -> None:
    docs = (REPO / "docs" / "data-formats.md").read_text(encoding="utf-8")
    listed: dict[str, Channel] = {}
    for channel, label in [(Channel.PANGGILAN, "call"), (Channel.PESAN, "message")]:
        row = re.search(rf"^\| {label} \(`Channel\.{channel.name}`\) \| (.+) \|$", docs, re.M)
        assert row, f"docs/data-formats.md lists no {label} words"
        listed.update({enum_key(w): channel for w in re.findall(r"`([^`]+)`", row.group(1))})
    assert listed == dict(CHANNEL_WORDS)


# ------------------------------------------------------------------ problems, golden
BAD_FILES = [
    ("kontak-bad.csv", False),
    ("kontak-bad.csv", True),
    ("kontak-bad.jsonl", False),
    ("kontak-bad.jsonl", True),
    ("kontak-no-reason.csv", False),
    ("kontak-no-reason.csv", True),  # a missing column stays an error
    ("kontak-empty.csv", False),
    ("kontak-binary.csv", False),
    ("kontak-cp1252.csv", False),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "skip"), BAD_FILES)
def test_problems_golden(roster: Roster, name: str, skip: bool, lang: Lang) -> None:
    _, found = read_contacts(f"{DATA}/{name}", roster=roster, tz=WIB, skip_bad_rows=skip)
    stem = name.replace(".", "-") + ("-skip" if skip else "")
    check_golden(f"contacts/{stem}.{lang}.txt", render_all(found, lang))


def test_every_problem_of_the_bad_csv(roster: Roster) -> None:
    contacts, found = read_contacts(f"{DATA}/kontak-bad.csv", roster=roster, tz=WIB)
    assert _codes(found) == [
        ("D043", 2),  # '9 pagi'
        ("D041", 3),  # unknown NIP, one digit away from Andi's
        ("D044", 4),  # answered before it was sent
        ("D047", 5),  # unknown channel 'pesen'
        ("D045", 7),  # B05 again with another answer: the first (line 6) is kept
        ("D046", 8),  # B05 again, the same: a warning
        ("D020", 9),  # empty NIP
        ("D030", 10),  # NIP turned into a number by Excel
        ("D043", 11),  # 30 February
        ("D019", 12),  # a cell short
    ]
    assert [d.is_error for d in found].count(False) == 1  # only the exact repeat
    assert found[1].suggestions == (ANDI,)
    assert found[3].suggestions == ("pesan",)
    assert [c.id for c in contacts] == ["B05", "B10"]
    assert contacts[0].dijawab == _at("2026-04-10 10:01")  # the first B05


def test_every_problem_of_the_bad_json_lines(roster: Roster) -> None:
    contacts, found = read_contacts(f"{DATA}/kontak-bad.jsonl", roster=roster, tz=WIB)
    assert _codes(found) == [
        ("D048", 2),  # trailing comma
        ("D048", 3),  # an array, not an object
        ("D049", 4),  # a NIP as a float
        ("D050", 5),  # no dikirim
        ("D051", 6),  # 'dijwab': a warning, and the row is read as unanswered
        ("D013", 7),  # dikirim and sent_at
        ("D045", 8),  # J1 again as a message
        ("D044", 9),
    ]
    assert found[4].suggestions == ("dijawab",)
    assert [c.id for c in contacts] == ["J1", "J6"]


def test_skip_bad_rows_turns_row_errors_into_warnings(roster: Roster) -> None:
    strict, errors = read_contacts(f"{DATA}/kontak-bad.csv", roster=roster, tz=WIB)
    lenient, warnings = read_contacts(
        f"{DATA}/kontak-bad.csv", roster=roster, tz=WIB, skip_bad_rows=True
    )
    assert lenient == strict  # the valid rows, either way
    assert any(d.is_error for d in errors)
    assert not any(d.is_error for d in warnings)
    assert _codes(warnings)[:-1] == _codes(errors)
    assert warnings[-1].code == "D052"
    assert warnings[-1].args == {"count": 9, "kept": 2}  # 10 problems on 9 rows; B05 and B10


@pytest.mark.parametrize("name", ["kontak-no-reason.csv", "kontak-empty.csv", "kontak-binary.csv"])
def test_problems_of_the_whole_file_stay_errors(roster: Roster, name: str) -> None:
    contacts, found = read_contacts(f"{DATA}/{name}", roster=roster, tz=WIB, skip_bad_rows=True)
    assert contacts == []
    assert [d.code for d in found if d.is_error] == [
        {"kontak-no-reason.csv": "D011", "kontak-empty.csv": "D007"}.get(name, "D005")
    ]


def test_without_a_roster_any_valid_nip_is_taken() -> None:
    contacts, found = read_contacts(f"{DATA}/kontak-bad.csv", tz=WIB)
    assert "D041" not in {d.code for d in found}
    assert [c.id for c in contacts] == ["B02", "B05", "B10"]


def test_json_values_that_python_refuses(tmp_path: Path) -> None:
    path = tmp_path / "kontak.ndjson"
    lines = [
        '{"id": ' + "9" * 5000 + "}",  # over the limit of int() on text
        "[" * 100_000 + "]" * 100_000,  # deeper than the recursion limit
        '{"id": "X", "nip": true, "pengirim": ["a"], "saluran": {"x": 1}, "dikirim": 1.5}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    contacts, found = read_contacts(path, tz=WIB)
    assert contacts == []
    assert _codes(found) == [("D048", 1), ("D048", 2), *[("D049", 3)] * 4]


def test_missing_file_and_size_limit(tmp_path: Path) -> None:
    _, found = read_contacts(tmp_path / "tidak-ada.jsonl", tz=WIB)
    assert [d.code for d in found] == ["D001"]
    _, found = read_contacts(f"{DATA}/kontak.csv", tz=WIB, max_bytes=100)
    assert [d.code for d in found] == ["D004"]


def test_row_problems_are_capped(tmp_path: Path) -> None:
    rows = [f"X{i},{ANDI},{BUDI},surat,2026-04-10 09:00,," for i in range(250)]
    path = tmp_path / "kontak.csv"
    path.write_text("\n".join([",".join(COLUMNS), *rows]) + "\n", encoding="utf-8")
    _, found = read_contacts(path, tz=WIB, skip_bad_rows=True)
    assert [d.code for d in found[-2:]] == ["D036", "D052"]
    assert found[-2].args == {"count": 50, "limit": 200}
    assert found[-1].args == {"count": 250, "kept": 0}
    assert len(found) == 202


# ------------------------------------------------------------------ several logs
def test_two_logs_read_as_one(roster: Roster) -> None:
    paths = [f"{DATA}/kontak-a.csv", f"{DATA}/kontak-b.jsonl"]
    contacts, found = read_contact_logs(paths, roster=roster, tz=WIB)
    # K003 is in both with the same values (Telepon/panggilan, 10:00 naive/+07:00)
    assert [c.id for c in contacts] == ["K001", "K002", "K003", "K007"]
    assert _codes(found) == [("D045", 2)]  # K002 answered at 09:29 in the second log
    assert found[0].span is not None and found[0].span.path.endswith("kontak-b.jsonl")
    assert found[0].labels[0].span.path.endswith("kontak-a.csv")
    assert contacts[1].dijawab == _at("2026-04-10 09:27")  # the first log wins
    for lang in LANGS:
        check_golden(f"contacts/two-logs.{lang}.txt", render_all(found, lang))


def test_merge_in_memory_reports_conflicts_without_a_place() -> None:
    one = Contact("K1", ANDI, BUDI, Channel.PESAN, _at("2026-04-10 09:00"))
    other = Contact(
        "K1", ANDI, BUDI, Channel.PESAN, _at("2026-04-10 09:00"), _at("2026-04-10 09:03")
    )
    merged, found = merge_contacts([one], [one, other])
    assert merged == [one]
    assert [(d.code, d.span, d.severity) for d in found] == [("D045", None, Severity.ERROR)]
    assert found[0].args == {"id": "K1", "fields": "dijawab"}
    assert merge_contacts([other], [one])[0] == [other]  # the first log wins


# A small log: ids unique, times on a 5-minute grid over two Fridays (ties happen).
NIPS = [ANDI, "198203102008012002", "199004042019032003", "198001012005011001"]
START = dt.datetime(2026, 4, 10, 7, 30, tzinfo=WIB)


@st.composite
def contact_logs(draw: st.DrawFn) -> list[Contact]:
    contacts = []
    for number in range(draw(st.integers(0, 25))):
        sent = START + dt.timedelta(
            days=7 * draw(st.integers(0, 1)), minutes=5 * draw(st.integers(0, 20))
        )
        delay = draw(st.none() | st.integers(0, 24 * 3600))
        answered = None if delay is None else sent + dt.timedelta(seconds=delay)
        reason = draw(st.none() | st.sampled_from(["rapat daring", "sedang di jalan, macet"]))
        channel = draw(st.sampled_from(list(Channel)))
        nip = draw(st.sampled_from(NIPS))
        contacts.append(Contact(f"K{number:03d}", nip, BUDI, channel, sent, answered, reason))
    return contacts


@st.composite
def split_logs(draw: st.DrawFn) -> tuple[list[Contact], list[Contact], list[Contact]]:
    """A log and two parts of it that overlap, each part in any order."""
    whole = draw(contact_logs())
    sides = [draw(st.sampled_from(["a", "b", "ab"])) for _ in whole]
    first = draw(st.permutations([c for c, s in zip(whole, sides, strict=True) if "a" in s]))
    second = draw(st.permutations([c for c, s in zip(whole, sides, strict=True) if "b" in s]))
    return whole, list(first), list(second)


@fast_and_full(fast=20, full=100)
def test_merge_of_two_parts_is_the_whole(max_examples: int) -> None:
    @settings(max_examples=max_examples, deadline=None)
    @given(split_logs())
    def holds(logs: tuple[list[Contact], ...]) -> None:
        whole, first, second = logs
        expected = sorted(whole, key=lambda c: (c.dikirim, c.id))
        assert merge_contacts(first, second) == (expected, [])
        assert merge_contacts(second, first) == (expected, [])
        assert merge_contacts(whole) == (expected, [])

    holds()


def _stamp(moment: dt.datetime, style: int) -> str:
    local = moment.astimezone(WIB)
    styles = [moment.isoformat(), f"{local:%Y-%m-%d %H:%M:%S}", f"{local:%d/%m/%Y %H.%M.%S} WIB"]
    return styles[style]


def _write_csv(path: Path, contacts: list[Contact], style: int) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "nip", "sender", "channel", "sent_at", "answered_at", "reason"])
    for c in contacts:
        answered = _stamp(c.dijawab, style) if c.dijawab else ""
        row = [c.id, c.nip, c.pengirim, c.saluran.english, _stamp(c.dikirim, style), answered]
        writer.writerow([*row, c.alasan or ""])
    path.write_text(out.getvalue(), encoding="utf-8")


def _write_jsonl(path: Path, contacts: list[Contact], style: int) -> None:
    lines = []
    for c in contacts:
        answered = _stamp(c.dijawab, style) if c.dijawab else None
        record = {
            "id": c.id,
            "nip": int(c.nip),
            "pengirim": c.pengirim,
            "saluran": c.saluran.value,
            "dikirim": _stamp(c.dikirim, style),
            "dijawab": answered,
            "alasan": c.alasan,
        }
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")  # fmt: skip


@fast_and_full(fast=8, full=30)
def test_a_log_read_in_two_files_is_the_log_read_whole(max_examples: int) -> None:
    @settings(max_examples=max_examples, deadline=None)
    @given(split_logs(), st.integers(0, 2), st.integers(0, 2))
    def holds(logs: tuple[list[Contact], ...], style_a: int, style_b: int) -> None:
        whole, first, second = logs
        with tempfile.TemporaryDirectory() as tmp:
            _write_csv(Path(tmp, "whole.csv"), whole, 0)
            _write_csv(Path(tmp, "a.csv"), first, style_a)
            _write_jsonl(Path(tmp, "b.jsonl"), second, style_b)
            read_whole, found = read_contacts(Path(tmp, "whole.csv"), tz=WIB)
            assert found == [] or not whole  # an empty log is a header only: no problem
            parts, found = read_contact_logs([Path(tmp, "a.csv"), Path(tmp, "b.jsonl")], tz=WIB)
        assert read_whole == sorted(whole, key=lambda c: (c.dikirim, c.id))
        assert parts == read_whole
        assert not any(d.is_error for d in found)

    holds()


@fast_and_full(fast=30, full=150)
def test_no_input_makes_the_reader_raise(max_examples: int) -> None:
    @settings(
        max_examples=max_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(st.binary(max_size=400), st.sampled_from(["csv", "jsonl"]), st.booleans())
    def holds(data: bytes, suffix: str, header: bool) -> None:
        head = (",".join(COLUMNS) + "\n").encode() if header and suffix == "csv" else b""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, f"kontak.{suffix}")
            path.write_bytes(head + data)
            for skip in (False, True):
                contacts, found = read_contacts(path, tz=WIB, skip_bad_rows=skip)
                render_all(found, "en")
                assert all(isinstance(c, Contact) for c in contacts)

    holds()
