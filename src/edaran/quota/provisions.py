"""Per-record rules (``ketentuan``): each record of a kind checked on its own.

"Perjalanan dinas dengan pesawat di bawah 2 jam menggunakan kelas ekonomi",
"surat tugas bertanggal sebelum keberangkatan": a provision states what every
record of one kind must satisfy, optionally only for the records that meet
its conditions.  Each record that meets the conditions and fails one of the
``harus`` lines is a :class:`RecordFailure`, citing the clause, the record,
the row of its file and the values the failing lines read.

Both backends evaluate a provision: the compiled one (the default) runs the
generated function of :class:`~edaran.engine.compiler.CompiledProgram`; the
interpreter walks the same expressions and records the facts they read,
which is where the values of a failure come from.  They must agree; a
property test holds them to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from edaran.engine.circular import Backend, Circular
from edaran.lang import ir
from edaran.quota.model import RecordFailure

__all__ = ["Person", "check_provisions", "judge"]


class Person:
    """What a per-record rule reads as ``pegawai``: the record's person, with the record's unit.

    ``pegawai.golongan`` is the traveller's grade; ``unit`` is the unit the
    record belongs to (as in quotas), whoever travels.  Without a person (an
    empty cell, or a kind without a person field) every other field is empty.
    """

    __slots__ = ("_person", "unit")

    def __init__(self, person: Any, unit: Any) -> None:
        self._person = person
        self.unit = unit

    def __getattr__(self, name: str) -> Any:
        return getattr(self._person, name) if self._person is not None else None


def _facts(provision: ir.ProvisionIR, record: Any, circular: Circular) -> dict[str, Any]:
    person = getattr(record, provision.traveller) if provision.traveller else None
    return {
        "pegawai": Person(person, record.unit),
        "kalender": circular.calendar.day(record.tanggal),
        provision.kind: record,
    }


def judge(
    circular: Circular,
    provision: ir.ProvisionIR,
    record: Any,
    backend: Backend | None = None,
) -> tuple[bool, tuple[bool, ...]]:
    """Whether ``record`` meets the provision's conditions, and whether it meets each ``harus``."""
    facts = _facts(provision, record, circular)
    day = record.tanggal
    if (backend or circular.backend) == "compiled":
        function = circular.compiled.provisions[provision.id]
        return function(facts["pegawai"], facts["kalender"], record, circular.params_for(day))
    evaluate = circular.interpreter.evaluate
    applies = provision.condition is None or evaluate(provision.condition, facts, day) is True
    return applies, tuple(evaluate(m, facts, day) is True for m in provision.musts)


def _failure(
    circular: Circular,
    provision: ir.ProvisionIR,
    record: Any,
    held: tuple[bool, ...],
    row: int | None,
) -> RecordFailure:
    facts = _facts(provision, record, circular)
    trace: dict[str, object] = {}
    failed = []
    for must, text, ok in zip(provision.musts, provision.must_texts, held, strict=True):
        if not ok:
            failed.append(text)
            circular.interpreter.evaluate(must, facts, record.tanggal, trace=trace)
    return RecordFailure(
        provision.id,
        provision.clause,
        provision.title,
        provision.kind,
        str(getattr(record, "id", "")),
        record.unit.kode,
        record.tanggal,
        row,
        tuple(failed),
        tuple(trace.items()),
    )


def check_provisions(
    circular: Circular,
    records: Mapping[str, Sequence[Any]],
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
    rows: Mapping[str, Mapping[str, int]] | None = None,
    backend: Backend | None = None,
) -> list[RecordFailure]:
    """Every record (by kind: ``perjalanan``, ...) that fails a provision, provision by provision.

    Records dated outside ``first``..``last`` are left out.  ``rows`` gives,
    per kind, the row of each record id in its file.  A record is judged by
    the provisions of the version in force on its date (an amended circular's
    before the amendment takes effect).
    """
    found: list[tuple[int, int, RecordFailure]] = []
    order: dict[str, int] = {}
    for version in circular.versions()[::-1]:
        for provision in version.program.provisions:
            order.setdefault(provision.id, len(order))
    for kind, kept in records.items():
        where = (rows or {}).get(kind, {})
        for position, record in enumerate(kept):
            day = record.tanggal
            if (first is not None and day < first) or (last is not None and day > last):
                continue
            version = circular.in_force(day)
            for provision in version.program.provisions:
                if provision.kind != kind:
                    continue
                applies, held = judge(version, provision, record, backend)
                if applies and not all(held):
                    row = where.get(str(getattr(record, "id", "")))
                    failure = _failure(version, provision, record, held, row)
                    found.append((order[provision.id], position, failure))
    found.sort(key=lambda f: (f[0], f[1]))
    return [failure for _, _, failure in found]
