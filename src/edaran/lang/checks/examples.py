"""The examples pass: each ``contoh`` with its facts, date and expected outcomes."""

from __future__ import annotations

import datetime as dt

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.discipline import check_example_attendance, check_example_contacts
from edaran.lang.checks.state import OUTPUT_ALIASES, State

__all__ = ["examples"]

#: 'jumlah_pegawai adalah 7' in a contoh: a unit of 7 alike employees, scheduled
_STAFF_WORDS = ("jumlah_pegawai", "staff_count")
#: the most people a schedule example's unit may have (the example builds each of them)
MAX_EXAMPLE_STAFF = 10_000
#: 'maka jumlah.WFH adalah 3': how many of them the schedule puts in a mode
_COUNT_WORDS = ("jumlah", "count")


def examples(state: State) -> None:
    """Check every example; the ones that check go to ``state.examples``."""
    checked = (_example(state, e) for e in state.items if isinstance(e, n.Example))
    state.examples = [e for e in checked if e is not None]


def _example(state: State, example: n.Example) -> ir.CheckedExample | None:
    givens: list[tuple[tuple[str, ...], object]] = []
    written: set[str] = set()
    staff: object = None
    day: dt.date | None = None
    ok = True
    for given in example.givens:
        if given.path.dotted in written:
            state.error("E401", given.span, name=given.path.dotted)
            ok = False
            continue
        written.add(given.path.dotted)
        if given.path.dotted in _STAFF_WORDS:
            staff = state.constant(given.value, t.INT)
            fits = isinstance(staff, int) and 0 < staff <= MAX_EXAMPLE_STAFF
            if isinstance(staff, int) and not fits:
                # One unit of alike people: 99999999999 of them would be built one by one.
                state.error("E127", given.value.span, value=staff, limit=MAX_EXAMPLE_STAFF)
            ok = ok and fits
            continue
        fact = state.exprs.check(given.path)
        if not isinstance(fact, ir.Fact):
            ok = False
            continue
        value = state.constant(given.value, fact.type)
        if value is None:
            ok = False
        elif fact.root == "kalender":
            if fact.attrs_path != ("tanggal",):
                state.error("E403", given.path.span, name=given.path.dotted)
                ok = False
            else:
                day = value  # type: ignore[assignment]  # typed DATE by constant()
        else:
            givens.append(((fact.root, *fact.attrs_path), value))
    if day is None and ok:
        state.error("E402", example.span)
    expects: list[tuple[str, object, t.Type]] = []
    for expect in example.expects:
        name = OUTPUT_ALIASES.get(expect.path.dotted, expect.path.dotted)
        parts = expect.path.parts
        if len(parts) == 2 and parts[0] in _COUNT_WORDS and state.modes.lookup(parts[1]):
            # 'maka jumlah.WFH adalah 3': a count in a schedule example
            count = state.constant(expect.value, t.INT)
            if count is None:
                ok = False
            else:
                expects.append((f"jumlah.{state.modes.lookup(parts[1])}", count, t.INT))
            continue
        kind = state.outputs.get(name)
        if kind is None:
            state.report(
                Diagnostic(
                    "E108",
                    expect.path.span,
                    {"name": name},
                    suggestions=suggest(name, state.outputs),
                )
            )
            ok = False
            continue
        value = state.constant(expect.value, kind)
        if value is None:
            ok = False
        else:
            expects.append((name, value, kind))
    for count in example.counts:
        blocks = state.breaches if count.counts == "breaches" else state.sanctions
        known = {b.id for b in blocks}
        if count.counts == "breaches":  # an attendance duty's breaches go by its citation
            known |= {d.id for d in state.duties if d.attendance is not None}
        if count.of.label not in known:
            hints = suggest(count.of.label, known)
            state.report(
                Diagnostic("E104", count.of.span, {"ref": count.of.label}, suggestions=hints)
            )
            ok = False
            continue
        prefix = "pelanggaran" if count.counts == "breaches" else "sanksi"
        expects.append((f"{prefix}:{count.of.label}", int(count.number), t.INT))
    if (example.contacts or example.attendance) and example.expects:
        # An example with contacts counts breaches and sanctions only.
        state.error("E131", example.expects[0].span, name=example.expects[0].path.dotted)
        ok = False
    counting = [name for name, _, _ in expects if name.startswith("jumlah.")]
    others = [e for e in example.expects if not e.path.dotted.startswith(("jumlah.", "count."))]
    if staff is None and counting:
        state.error("E128", example.span, name=counting[0])
        ok = False
    elif staff is not None and others:
        state.error("E128", others[0].span, name=others[0].path.dotted)
        ok = False
    records, baseline, records_ok = _example_records(state, example)
    if not ok or not records_ok or day is None:
        return None
    contacts, contacts_ok = check_example_contacts(
        example, day, state.header.timezone if state.header else "WIB", state.exprs, state.report
    )
    zone = state.header.timezone if state.header else "WIB"
    attendance, attendance_ok = check_example_attendance(
        example, day, zone, state.exprs, state.report
    )
    if not contacts_ok or not attendance_ok:
        return None
    return ir.CheckedExample(
        example.title,
        tuple(givens),
        day,
        tuple(expects),
        staff=staff if isinstance(staff, int) else None,
        contacts=contacts,
        attendance=attendance,
        baseline=baseline,
        records=records,
        span=example.span,
    )


def _example_records(
    state: State, example: n.Example
) -> tuple[tuple[tuple[str, str, object, t.Type], ...], object, bool]:
    """A quota, target or report example's expectations, its baseline, and whether all check."""
    quotas, targets, report = state.quotas, state.targets, state.report_block
    found: list[tuple[str, str, object, t.Type]] = []
    ok = True
    measure: t.Type | None = None
    for expect in example.records:
        if expect.kind == "estimate":
            assert expect.category is not None
            name = expect.category.name
            known: dict[str, list[t.Type]] = {}
            for estimate in report.estimates if report else ():
                known.setdefault(estimate.category, []).append(estimate.type)
            value = state.exprs.check(expect.value)
            if name not in known:
                hint = suggest(name, known)
                args = {"ref": f"perkiraan {name}"}
                state.report(Diagnostic("E104", expect.category.span, args, suggestions=hint))
                ok = False
            elif not isinstance(value, ir.Const):
                if value is not None:
                    state.error("E113", expect.value.span)
                ok = False
            elif value.type not in known[name] and value.type != t.INT:
                # An estimate in m3 expected in rupiah: the runner would find no estimate.
                mismatch: dict[str, object] = {
                    "found": t.TypeName(value.type),
                    "name": f"perkiraan {name}",
                    "expected": t.TypeName(known[name][0]),
                }
                state.report(Diagnostic("E203", expect.value.span, mismatch))
                ok = False
            else:
                found.append(("estimate", name, value.value, value.type))
            continue
        assert expect.of is not None
        label = expect.of.label
        pool: list[ir.QuotaIR | ir.TargetIR | ir.ProvisionIR] = (
            list(quotas) if expect.kind == "quota" else []
        )
        if expect.kind == "target":
            pool = list(targets)
        if expect.kind == "counted":
            pool = [*quotas, *targets]
        if expect.kind == "provision":
            pool = list(state.provisions)
        block = next((b for b in pool if b.id == label or b.id.startswith(label + "#")), None)
        if block is None and expect.kind == "provision" and label in _written_provisions(state):
            ok = False  # the provision is there, with its own errors: no second one here
            continue
        if block is None:
            hint = suggest(label, {b.id.split("#")[0] for b in pool})
            state.report(Diagnostic("E104", expect.of.span, {"ref": label}, suggestions=hint))
            ok = False
            continue
        if expect.kind == "quota":
            assert isinstance(block, ir.QuotaIR)
            measure = block.measure_type
            wanted = state.constant(expect.value, measure, name=f"kuota {label}")
        else:
            wanted = state.constant(expect.value, t.BOOL, name=label)
            measure = measure or (block.measure_type if isinstance(block, ir.QuotaIR) else None)
        if wanted is None:
            ok = False
            continue
        kind = measure if expect.kind == "quota" and measure is not None else t.BOOL
        found.append((expect.kind, block.id, wanted, kind))
    baseline: object = None
    if example.baseline is not None:
        baseline = state.constant(example.baseline, measure or t.INT, name="dasar")
        ok = ok and baseline is not None
    return tuple(found), baseline, ok


def _written_provisions(state: State) -> set[str]:
    """The citations of the file's ``ketentuan`` blocks, checked or not."""
    return {d.citation.label for d in state.items if isinstance(d, n.ProvisionDecl)}
