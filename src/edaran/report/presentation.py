"""How the savings report reads to people: bases, categories, rupiah, tallies per period.

The CSV, JSON and Excel writers all import this module, and none of them
imports another writer.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from edaran.io.numbers import format_indonesian
from edaran.io.publish import plain
from edaran.messages import Lang, has_message, message
from edaran.model.records import CostCategory
from edaran.report.model import Basis, ReportResult, SavingLine

__all__ = [
    "CATEGORY_ORDER",
    "basis_text",
    "categories",
    "category_key",
    "category_text",
    "count_text",
    "estimated",
    "missing_text",
    "rupiah",
    "units",
    "wfh_days",
    "without_data",
]


#: The categories of butir 13 in the circular's order; others come after, sorted.
CATEGORY_ORDER = tuple(c.name for c in CostCategory)


def basis_text(basis: Basis, lang: Lang = "id") -> str:
    """``aktual``, ``perkiraan``, ``campuran``, ``tanpa data`` (``actual`` ... ``no data``)."""
    return message(f"report.{basis.value}", lang)


def category_text(category: str, lang: Lang = "id") -> str:
    """A category for people: ``BBM`` -> ``BBM`` / ``fuel``; one this module does not know as is."""
    key = f"cat-{category}"
    return message(f"report.{key}", lang) if has_message(f"report.{key}") else category


def category_key(category: str) -> tuple[int, str]:
    """Sort key: the circular's order (:data:`CATEGORY_ORDER`), then others by name."""
    if category in CATEGORY_ORDER:
        return (CATEGORY_ORDER.index(category), "")
    return (len(CATEGORY_ORDER), category)


def categories(lines: Iterable[SavingLine]) -> list[str]:
    """The categories of some lines, in :func:`category_key` order."""
    return sorted({line.category for line in lines}, key=category_key)


def units(lines: Iterable[SavingLine]) -> dict[str, str]:
    """Unit code -> name, in the order the units first appear."""
    found: dict[str, str] = {}
    for line in lines:
        found.setdefault(line.unit, line.unit_name)
    return found


def _group(value: str, sep: str) -> str:
    whole = value
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sep.join([whole, *groups])


def rupiah(amount: Decimal, lang: Lang = "id") -> str:
    """``Rp 1.234.567`` (Indonesian) or ``IDR 1,234,567`` (English); a minus in front of both.

    The digits are :func:`~edaran.io.publish.plain`'s: whole rupiah as they are,
    a fraction (``0,3``) kept, never rounded here.
    """
    if lang == "id":
        return format_indonesian(Decimal(plain(amount)), rupiah=True)
    text = plain(abs(amount))
    whole, dot, fraction = text.partition(".")
    return ("-" if amount < 0 else "") + "IDR " + _group(whole, ",") + dot + fraction


def count_text(count: int, lang: Lang) -> str:
    """A whole number grouped as the reader writes it: ``1.234`` / ``1,234``."""
    text = _group(str(abs(count)), "." if lang == "id" else ",")
    return ("-" if count < 0 else "") + text


# ---------------------------------------------------------------- tallies
def wfh_days(result: ReportResult, period: int, unit: str | None = None) -> int:
    """WFH person-days in a period (of one unit, or all): per unit the largest figure of its lines.

    Every category of a unit carries the same person-days; they are counted
    once per unit, not once per category.
    """
    per_unit: dict[str, int] = {}
    for line in result.lines:
        if line.period.number == period and (unit is None or line.unit == unit):
            per_unit[line.unit] = max(per_unit.get(line.unit, 0), line.wfh_days)
    return sum(per_unit.values())


def estimated(
    result: ReportResult, period: int | None = None, category: str | None = None
) -> Decimal:
    """How much of :meth:`ReportResult.total` is estimated from WFH days (same filters)."""
    return result.estimated_total(period, category)


def missing_text(missing: dict[str, list[str]], result: ReportResult, lang: Lang) -> str:
    """Units without data, by category; a category no unit has data for is named once.

    ``telepon (semua unit)`` rather than 38 unit codes, then ``DISPORA (air),
    DKP (air)`` for the rest.
    """
    units = {line.unit for line in result.lines}
    by_category: dict[str, list[str]] = {}
    for unit, categories in missing.items():
        for category in categories:
            by_category.setdefault(category, []).append(unit)
    everywhere = [c for c, us in by_category.items() if len(us) == len(units) > 1]
    parts = [
        f"{category_text(c, lang)} ({message('report.every-unit', lang)})"
        for c in sorted(everywhere, key=category_key)
    ]
    for unit, categories in missing.items():
        rest = [c for c in categories if c not in everywhere]
        if rest:
            parts.append(f"{unit} ({', '.join(category_text(c, lang) for c in rest)})")
    return ", ".join(parts)


def without_data(result: ReportResult, period: int) -> dict[str, list[str]]:
    """Unit -> the categories it has no data for in a period (basis ``tanpa_data``)."""
    found: dict[str, list[str]] = {}
    for line in result.lines:
        if line.period.number == period and line.basis is Basis.TANPA_DATA:
            found.setdefault(line.unit, []).append(line.category)
    return {u: sorted(cats, key=category_key) for u, cats in found.items()}
