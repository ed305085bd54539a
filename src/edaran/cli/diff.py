"""``edaran diff A B`` (alias ``beda``): the clauses that differ, and with a roster the impact."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from edaran.cli.common import date_argument, load_circular, roster_or_report
from edaran.cli.usage import add_format
from edaran.messages import Lang, message

if TYPE_CHECKING:
    from edaran.variants.diff import ClauseChange, Impact

__all__ = ["add_parser", "cmd_diff", "write_diff"]


def add_parser(sub: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add ``diff`` (alias ``beda``) to the subcommands ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "diff",
        aliases=["beda"],
        parents=[common],
        help="bandingkan dua surat edaran / compare two circulars",
    )
    p.add_argument("left", type=Path, metavar="A")
    p.add_argument("right", type=Path, metavar="B")
    p.add_argument("--roster", type=Path, help="dampak pada daftar pegawai / impact on a roster")
    p.add_argument("--from", dest="first", type=date_argument)
    p.add_argument("--to", dest="last", type=date_argument)
    add_format(p, ["text", "csv", "json"], "text")
    p.add_argument("--output", type=Path)
    return p


def cmd_diff(args: argparse.Namespace, lang: Lang) -> int:
    """0 whether or not the circulars differ; 1 on an input error."""
    from edaran.variants.diff import diff_clauses, diff_impact

    first, last = getattr(args, "first", None), getattr(args, "last", None)
    roster_path = getattr(args, "roster", None)
    if roster_path is not None and first is None:
        sys.stderr.write(message("diff.roster-needs-from", lang) + "\n")
        return 1
    last = last or first
    if first is not None and last is not None and last < first:
        sys.stderr.write(message("diff.bad-range", lang, first=first, last=last) + "\n")
        return 1
    left = load_circular(args.left, sys.stderr, lang)
    right = load_circular(args.right, sys.stderr, lang)
    if left is None or right is None:
        return 1
    impact = None
    if roster_path is not None:
        roster = roster_or_report(roster_path, lang)
        if roster is None:
            return 1
        assert first is not None and last is not None  # checked above
        impact = diff_impact(left, right, roster.employees, first, last, lang)
    changes = diff_clauses(left, right)
    names = (left.number, right.number)
    from edaran.io.publish import provenance  # not for --help: it reads installed versions

    found = (provenance(left), provenance(right))
    fmt = getattr(args, "format", "text")
    output = getattr(args, "output", None)
    if output is not None:
        with output.open("w", encoding="utf-8", newline="") as out:
            write_diff(changes, impact, names, fmt, out, lang, found)
    else:
        write_diff(changes, impact, names, fmt, sys.stdout, lang, found)
    return 0


def write_diff(
    changes: list[ClauseChange],
    impact: Impact | None,
    names: tuple[str, str],
    fmt: str,
    out: TextIO,
    lang: Lang,
    found: tuple[Mapping[str, str | None], Mapping[str, str | None]] | None = None,
) -> None:
    """Write the differences as ``text`` (a terminal table), ``csv`` or ``json``.

    JSON (schema ``diff.schema.json``) carries the right file's provenance
    and, as ``compared_with``, the left one's (``found``).
    """
    if fmt == "json":
        from edaran.io.publish import provenance

        data = _as_json(changes, impact, names)
        left, right = found or (provenance(), provenance())
        data = {"provenance": dict(right), "compared_with": dict(left), **data}
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        _write_csv(changes, impact, out)
    else:
        out.write(_as_text(changes, impact, names, lang))


def _as_text(
    changes: list[ClauseChange], impact: Impact | None, names: tuple[str, str], lang: Lang
) -> str:
    lines = [message("diff.head", lang, left=names[0], right=names[1]), ""]
    if not changes:
        lines.append("  " + message("diff.none", lang))
    for change in changes:
        kind, what = message(f"diff.{change.kind}", lang), message(f"diff.{change.what}", lang)
        lines.append(f"{kind} {what} {change.key}")
        for mark, text in (("-", change.left_text), ("+", change.right_text)):
            if text is not None:
                lines += [f"  {mark} {line}".rstrip() for line in text.splitlines()]
        lines.append("")
    if impact is not None:
        lines += _impact_text(impact, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _impact_text(impact: Impact, lang: Lang) -> list[str]:
    lines = [
        message(
            "diff.impact-head",
            lang,
            first=impact.first,
            last=impact.last,
            changed=impact.changed,
            total=impact.employee_days,
        )
    ]
    if any(impact.undecided):
        lines.append(
            message("diff.undecided", lang, left=impact.undecided[0], right=impact.undecided[1])
        )
    head = (message("diff.unit", lang), message("diff.change", lang), message("diff.days", lang))
    rows = [(unit, kind, str(n)) for unit, kind, n in impact.counts]
    rows.append((message("diff.total", lang), "", str(impact.changed)))
    widths = [max(len(r[i]) for r in (head, *rows)) for i in range(3)]
    rule = "  ".join("-" * w for w in widths)

    def row(cells: tuple[str, str, str]) -> str:
        return f"{cells[0]:<{widths[0]}}  {cells[1]:<{widths[1]}}  {cells[2]:>{widths[2]}}"

    lines += ["", row(head), rule, *(row(r) for r in rows[:-1]), rule, row(rows[-1])]
    if impact.samples:
        lines += ["", message("diff.samples", lang)]
        for s in impact.samples:
            lines += ["", f"{s.nip} {s.name} ({s.unit}), {s.date}: {s.left} → {s.right}"]
            for mark, text in (("-", s.left_explanation), ("+", s.right_explanation)):
                lines += [f"  {mark} {line}".rstrip() for line in text.splitlines()]
    return lines


def _as_json(
    changes: list[ClauseChange], impact: Impact | None, names: tuple[str, str]
) -> dict[str, object]:
    data: dict[str, object] = {
        "left": names[0],
        "right": names[1],
        "clauses": [
            {
                "kind": c.kind,
                "what": c.what,
                "key": c.key,
                "left": c.left_text,
                "right": c.right_text,
            }
            for c in changes
        ],
    }
    if impact is not None:
        data["impact"] = {
            "from": impact.first.isoformat(),
            "to": impact.last.isoformat(),
            "employee_days": impact.employee_days,
            "changed": impact.changed,
            "undecided": {"left": impact.undecided[0], "right": impact.undecided[1]},
            "counts": [{"unit": u, "change": k, "employee_days": n} for u, k, n in impact.counts],
            "samples": [
                {
                    "nip": s.nip,
                    "name": s.name,
                    "unit": s.unit,
                    "date": s.date.isoformat(),
                    "left": s.left,
                    "right": s.right,
                    "left_explanation": s.left_explanation,
                    "right_explanation": s.right_explanation,
                }
                for s in impact.samples
            ],
        }
    return data


def _write_csv(changes: list[ClauseChange], impact: Impact | None, out: TextIO) -> None:
    """One table: clause rows, then impact rows (unit, change, employee-days)."""
    from edaran.io.publish import csv_writer

    writer = csv_writer(out)
    writer.writerow(["section", "kind", "what", "key", "left", "right", "employee_days"])
    for c in changes:
        writer.writerow(
            ["clause", c.kind, c.what, c.key, c.left_text or "", c.right_text or "", ""]
        )
    if impact is not None:
        for unit, kind, n in impact.counts:
            writer.writerow(["impact", kind, "unit", unit, "", "", n])
