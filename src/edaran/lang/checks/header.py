"""The header pass: number, subject, issuer, dates in force, evaluation, time zone."""

from __future__ import annotations

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic
from edaran.core.modes import STATUS_NOT_IN_FORCE, STATUS_OFF
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.state import State
from edaran.messages import Localized
from edaran.model.calendar import ZONES

__all__ = ["header"]

_REQUIRED = ("effective",)
#: The longest evaluation period a header may give (ten years).
MAX_EVALUATION_MONTHS = 120


def header(state: State) -> None:
    """Check the header (E110, E111, E115, E109, E103, E010) and set ``state.header``."""
    state.header = _header(state, [i for i in state.items if isinstance(i, n.Header)])


def _header(state: State, headers: list[n.Header]) -> ir.Header | None:
    if not headers:
        source = state.module.span.source if state.module.span else None
        state.error("E110", source.span(0, 0) if source else None, field=Localized("kw-circular"))
        return None
    for extra in headers[1:]:
        state.error("E111", extra.span, field=Localized("kw-circular"))
    head = headers[0]
    seen: dict[str, n.HeaderItem] = {}
    values: dict[str, object] = {"bases": ()}
    for item in head.items:
        if item.kind in seen and item.kind != "basis":
            state.error("E111", item.span, field=Localized("kw-" + item.kind))
            continue
        seen[item.kind] = item
        _header_item(state, item, values)
    for required in _REQUIRED:
        if required not in seen:
            state.error("E110", head.span, field=Localized("kw-" + required))
    if "effective_from" not in values:
        return None
    if "afterwards" in seen:
        _afterwards(state, seen, values)
    return ir.Header(number=head.number, **values)  # type: ignore[arg-type]  # values are typed by header_item


#: the words for the amended circular after an end date
_PARENT_WORDS = ("induk", "parent")


def _afterwards(state: State, seen: dict[str, n.HeaderItem], values: dict[str, object]) -> None:
    """``sesudahnya``: the amended circular (E186 where none), TIDAK_BERLAKU or a work mode
    (E188 for another word), after an end date (E187 without one)."""
    item = seen["afterwards"]
    word = item.values[0]
    if word.casefold() in _PARENT_WORDS:
        # An amendment's own 'sesudahnya induk' is marked by lang.variants (AMENDED).
        if item.values[1:] != (ir.AMENDED,):
            state.error("E186", item.span, word=word)
            return
        value: str | None = ir.PARENT
    else:
        mode = state.modes.lookup(word)
        if mode is None or str(mode) == STATUS_OFF:
            known = [*_PARENT_WORDS[:1], *state.modes.names()]
            hints = suggest(word, [k for k in known if k != STATUS_OFF])
            state.report(Diagnostic("E188", item.span, {"word": word}, suggestions=hints))
            return
        value = None if str(mode) == STATUS_NOT_IN_FORCE else str(mode)
    if values.get("effective_until") is None:
        state.error("E187", item.span)
        return
    values["afterwards"] = value


def _header_item(state: State, item: n.HeaderItem, values: dict[str, object]) -> None:
    kind, texts = item.kind, item.values
    if kind in ("subject", "issuer"):
        values[kind] = texts[0]
    elif kind == "basis":
        values["bases"] = (*values["bases"], texts[0])  # type: ignore[misc]  # a tuple set above
    elif kind == "signed":
        values["signed"] = state.date_text(texts[0], item.span)
    elif kind == "effective":
        start = state.date_text(texts[0], item.span)
        if start is not None:
            values["effective_from"] = start
        if len(texts) > 1:
            values["effective_until"] = state.date_text(texts[1], item.span)
    elif kind == "evaluation":
        unit = t.DURATION_UNITS.get(texts[1])
        if unit is not None and not unit.months:
            state.error("E115", item.span, unit=texts[1])
        elif unit is None:
            months_words = [w for w, d in t.DURATION_UNITS.items() if d.months]
            suggestions = suggest(texts[1], months_words)
            state.report(Diagnostic("E103", item.span, {"unit": texts[1]}, suggestions=suggestions))
        else:
            months = int(texts[0]) * unit.months
            if not 1 <= months <= MAX_EVALUATION_MONTHS:
                # 0 months would never fall due; a huge number overflows every date.
                state.error("E010", item.span, months=months, limit=MAX_EVALUATION_MONTHS)
            else:
                values["evaluation_months"] = months
    elif kind == "timezone":
        if texts[0] not in ZONES:
            state.report(
                Diagnostic(
                    "E109",
                    item.span,
                    {"zone": texts[0]},
                    suggestions=suggest(texts[0], ZONES),
                )
            )
        else:
            values["timezone"] = texts[0]
