"""Checking per-record rules: ``ketentuan perjalanan butir 5 "...":`` (issue 13).

A provision states what every record of one kind must satisfy
(``harus perjalanan.kelas adalah EKONOMI``), optionally only for the records
that meet its conditions (``jika perjalanan.lama_terbang < 2 jam``).  It
reads what a quota on the same kind reads (the record, its unit, its day,
parameters, sets and tables) and, when the kind has a field naming a person
of the roster (``atribut perjalanan pelaksana: pegawai``), that person as
``pegawai.*``.
"""

from __future__ import annotations

from edaran.core.diagnostics import Diagnostic, Severity
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.attributes import traveller_field
from edaran.lang.checks.quotas import COUNTED
from edaran.lang.checks.shared import Report, facts_of, unique_citations
from edaran.lang.checks.state import State
from edaran.messages import Localized

__all__ = ["check_provision", "provisions"]


def _reads_allowed(expr: ir.Expr, kind: str, traveller: str | None, report: Report) -> bool:
    """E151 for a fact a provision cannot read, E231 for ``pegawai.*`` without a person field."""
    for fact in facts_of(expr):
        if fact.root in (kind, "kalender"):
            continue
        if fact.root == "pegawai" and fact.attrs_path[:1] == ("unit",):
            continue  # the record's unit
        if fact.root == "pegawai":
            if traveller is not None:
                continue
            report(Diagnostic("E231", fact.span, {"name": fact.written, "kind": kind}))
            return False
        allowed = Localized("reads.provision", root=kind)
        report(Diagnostic("E151", fact.span, {"name": fact.written, "allowed": allowed}))
        return False
    return True


def _text(expr: n.Expr) -> str:
    span = expr.span
    if span is not None and span.source is not None:
        return " ".join(span.source.text[span.start : span.end].split())
    return "?"


def check_provision(state: State, decl: n.ProvisionDecl) -> ir.ProvisionIR | None:
    """The checked provision, or None after reporting what is wrong with it."""
    kind = COUNTED.get(decl.kind.name)
    if kind is None:
        hints = suggest(decl.kind.name, COUNTED)
        state.report(
            Diagnostic("E230", decl.kind.span, {"kind": decl.kind.name}, suggestions=hints)
        )
        return None
    traveller = traveller_field(state.schema.record_classes[kind])
    typed = [state.exprs.condition(e) for e in (*decl.musts, *decl.conditions)]
    if any(e is None for e in typed):
        return None
    checked = [e for e in typed if e is not None]
    if not all(_reads_allowed(e, kind, traveller, state.report) for e in checked):
        return None
    musts, conditions = checked[: len(decl.musts)], checked[len(decl.musts) :]
    for must, written in zip(musts, decl.musts, strict=True):
        if not any(f.root == kind or f.root == "pegawai" for f in facts_of(must)):
            state.report(
                Diagnostic("W230", written.span, {"kind": kind}, severity=Severity.WARNING)
            )
    condition = ir.conjunction(conditions)
    return ir.ProvisionIR(
        id=decl.citation.label,
        clause=decl.citation.clause,
        title=decl.title,
        kind=kind,
        musts=tuple(musts),
        must_texts=tuple(_text(e) for e in decl.musts),
        condition=condition,
        traveller=traveller,
        span=decl.span,
    )


def provisions(state: State) -> None:
    """Check the ``ketentuan`` blocks (E230, E231, E151, W230)."""
    decls = [d for d in state.items if isinstance(d, n.ProvisionDecl)]
    quotas = [d for d in state.items if isinstance(d, n.QuotaDecl | n.TargetDecl)]
    taken = {d.citation.label: d.citation for d in quotas}
    unique_citations(decls, state.report, taken)
    for decl in decls:
        checked = check_provision(state, decl)
        if checked is not None:
            state.provisions.append(checked)
