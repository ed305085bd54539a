"""The query that decides one output of a program over the fact tables (:class:`SqlPlan`).

The work is factored: the facts (and the answers) the rules read are
gathered per employee (``fakta``), each distinct combination is one
*profile*; the day facts likewise give *day profiles* (``hari``).  The rules
run once per profile and day profile (``berlaku``, then the resolution in
``putusan``), and the result is expanded back to employee-days by a join,
so the cost of the rules grows with distinct profiles, not with employees x
days.  Days out of force, then days off, are decided before any rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlglot
from sqlglot import exp

from edaran.core.modes import WORK_MODE
from edaran.core.runtime import UnitTable
from edaran.engine.decision import Status
from edaran.engine.sql.resolution import WORK, in_force_note, resolution
from edaran.engine.sql.tables import OUTCOME_COLUMNS, _any, _case, _col, _literal
from edaran.engine.sql.translate import Translator
from edaran.lang import ir

__all__ = ["SqlPlan"]


class SqlPlan(Translator):
    """The query that decides one output of a program over the fact tables.

    ``lang`` is the language of the shown value and the reason.  Building the
    plan raises :class:`~edaran.engine.sql.tables.SqlRefused` when a rule uses
    what SQL cannot express.
    """

    def query(
        self,
        first: dt.date | None = None,
        last: dt.date | None = None,
        *,
        order: Sequence[str] = ("tanggal", "nip"),
        keep: Sequence[str] = (),
    ) -> exp.Select:
        """The decisions of every employee on every day of ``kalender`` from ``first`` to ``last``.

        Columns: :data:`OUTCOME_COLUMNS`, then the ``pegawai`` columns named in
        ``keep`` (an order column, say).  Without dates, every day of the
        calendar table.  ``order`` sorts the rows (empty: no order, for
        partitioned output).
        """
        header = self.program.header
        withs: list[tuple[str, exp.Expr]] = []
        # Unit sets and per-unit tables, over the lineage closure.
        if self._unit_sets:
            withs.append(("himpunan_unit", self._unit_set_cte()))
        for cte, table in self._tables.values():
            withs.extend(self._table_ctes(cte, table))
        # Employees and their profiles.
        fakta = exp.select(
            _col("nip", "e").as_("nip"),
            _col("unit", "e").as_("unit"),
            *(_col(k, "e").as_(k) for k in keep),
            *(c.expr.as_(c.alias) for c in self._employee.values()),
        ).from_(exp.to_table("pegawai").as_("e"))
        for joined, alias, on in self._joins:
            fakta = fakta.join(exp.to_table(joined).as_(alias), on=on, join_type="LEFT")
        withs.append(("fakta", fakta))
        profile_cols = [c.alias for c in self._employee.values()]
        withs.append(
            (
                "fakta_p",
                _ranked("fakta", ["nip", "unit", *keep, *profile_cols], profile_cols, "profil"),
            )
        )
        withs.append(
            (
                "profil",
                exp.select(*(_col(c) for c in ["profil", *profile_cols]))
                .distinct()
                .from_("fakta_p"),
            )
        )
        # Days and their profiles.
        # 'sesudahnya WFO': a working day after the end is plain work, a day off is off.
        ended = self._ended(header)
        status = _case(
            [
                *ended,
                (self._outside(header), exp.Literal.string(Status.NOT_IN_FORCE)),
                (exp.not_(_col("hari_kerja", "k")), exp.Literal.string(Status.OFF)),
            ],
            exp.Literal.string(WORK),
        )
        end_note = [(cond, exp.Literal.string(str(header.effective_until))) for cond, _ in ended]
        note = _case(
            [
                *end_note,
                (self._outside(header), exp.Literal.string(in_force_note(header))),
                (
                    exp.NEQ(
                        this=exp.Coalesce(
                            this=_col("nama_libur", "k"), expressions=[exp.Literal.string("")]
                        ),
                        expression=exp.Literal.string(""),
                    ),
                    _col("nama_libur", "k"),
                ),
            ],
            _col("hari", "k"),
        )
        day_cols = [(alias, source) for alias, source in self._day.values()]
        hari = exp.select(
            _col("tanggal", "k").as_("tanggal"),
            status.as_("d_status"),
            note.as_("d_catatan"),
            *(source.as_(alias) for alias, source in day_cols),
        ).from_(exp.to_table("kalender").as_("k"))
        if first is not None:
            hari = hari.where(exp.GTE(this=_col("tanggal", "k"), expression=_literal(first)))
        if last is not None:
            hari = hari.where(exp.LTE(this=_col("tanggal", "k"), expression=_literal(last)))
        withs.append(("hari", hari))
        day_profile = ["d_status", "d_catatan", *(alias for alias, _ in day_cols)]
        withs.append(
            ("hari_p", _ranked("hari", ["tanggal", *day_profile], day_profile, "profil_hari"))
        )
        withs.append(
            (
                "profil_hari",
                exp.select(*(_col(c) for c in ["profil_hari", *day_profile]))
                .distinct()
                .from_("hari_p"),
            )
        )
        # The rules, once per profile and day profile.
        withs.append(("berlaku", self._applies()))
        withs.append(("putusan", resolution(self)))
        select = exp.select(
            _col("nip", "f").as_("nip"),
            _col("unit", "f").as_("unit"),
            _col("tanggal", "h").as_("tanggal"),
            *(_col(c, "x").as_(c) for c in OUTCOME_COLUMNS[3:]),
            *(_col(k, "f").as_(k) for k in keep),
        ).from_(exp.to_table("fakta_p").as_("f"))
        select = select.join(exp.to_table("hari_p").as_("h"), join_type="CROSS")
        on = exp.and_(
            exp.EQ(this=_col("profil", "x"), expression=_col("profil", "f")),
            exp.EQ(this=_col("profil_hari", "x"), expression=_col("profil_hari", "h")),
        )
        select = select.join(exp.to_table("putusan").as_("x"), on=on, join_type="INNER")
        if order:
            select = select.order_by(*(_col(c) for c in order))
        for name, body in withs:
            select = select.with_(name, as_=body)
        return select

    def sql(
        self,
        dialect: str = "duckdb",
        first: dt.date | None = None,
        last: dt.date | None = None,
        *,
        pretty: bool = False,
        order: Sequence[str] = ("tanggal", "nip"),
        keep: Sequence[str] = (),
    ) -> str:
        """The query as text in ``dialect`` (one of :data:`DIALECTS`)."""
        query = self.query(first, last, order=order, keep=keep)
        return query.sql(dialect=dialect, pretty=pretty, unsupported_level=sqlglot.ErrorLevel.RAISE)

    def _ended(self, header: ir.Header) -> list[tuple[exp.Expr, exp.Expr]]:
        """The working days after the end of a circular that says what follows (``sesudahnya``
        and a mode), as a status case; none otherwise."""
        end = header.effective_until
        if end is None or header.afterwards in (None, ir.PARENT) or self.output != WORK_MODE:
            return []
        after = exp.and_(
            exp.GT(this=_col("tanggal", "k"), expression=_literal(end)), _col("hari_kerja", "k")
        )
        return [(after, exp.Literal.string(Status.AFTER_END))]

    def _outside(self, header: ir.Header) -> exp.Expr:
        parts: list[exp.Expr] = []
        if header.effective_from is not None:
            parts.append(
                exp.LT(this=_col("tanggal", "k"), expression=_literal(header.effective_from))
            )
        if header.effective_until is not None and not self._ended(header):
            parts.append(
                exp.GT(this=_col("tanggal", "k"), expression=_literal(header.effective_until))
            )
        return _any(parts)

    def _unit_set_cte(self) -> exp.Select:
        columns = []
        for codes, alias in self._unit_sets.items():
            hit = (
                _case(
                    [
                        (
                            _col("leluhur").isin(*(exp.Literal.string(c) for c in sorted(codes))),
                            exp.Literal.number(1),
                        )
                    ],
                    exp.Literal.number(0),
                )
                if codes
                else exp.Literal.number(0)
            )
            columns.append(
                exp.EQ(this=exp.Max(this=hit), expression=exp.Literal.number(1)).as_(alias)
            )
        return exp.select(_col("kode"), *columns).from_("silsilah_unit").group_by(_col("kode"))

    def _table_ctes(self, cte: str, table: UnitTable) -> list[tuple[str, exp.Expr]]:
        rows = [exp.Literal.string(c) for c in sorted(table.rows)]
        near_body: exp.Expr
        if rows:
            near_body = exp.Min(this=_case([(_col("leluhur").isin(*rows), _col("jarak"))]))
        else:
            near_body = exp.cast(exp.null(), "BIGINT")
        near = (
            exp.select(_col("kode"), near_body.as_("jarak"))
            .from_("silsilah_unit")
            .group_by(_col("kode"))
        )
        on = exp.and_(
            exp.EQ(this=_col("kode", "s"), expression=_col("kode", "n")),
            exp.EQ(this=_col("jarak", "s"), expression=_col("jarak", "n")),
        )
        hit = (
            exp.select(_col("kode", "n").as_("kode"), _col("leluhur", "s").as_("baris"))
            .from_(exp.to_table(f"{cte}_jarak").as_("n"))
            .join(exp.to_table("silsilah_unit").as_("s"), on=on, join_type="LEFT")
        )
        return [(f"{cte}_jarak", near), (cte, hit)]

    def _applies(self) -> exp.Select:
        columns: list[exp.Expr] = [
            _col("profil", "p"),
            _col("profil_hari", "h"),
            _col("d_status", "h"),
            _col("d_catatan", "h"),
        ]
        columns += [condition.as_(f"a{i}") for i, condition in enumerate(self.conditions)]
        columns += [value.as_(f"v{i}") for i, value in enumerate(self.values)]
        return (
            exp.select(*columns)
            .from_(exp.to_table("profil").as_("p"))
            .join(exp.to_table("profil_hari").as_("h"), join_type="CROSS")
        )


def _ranked(source: str, columns: Sequence[str], keys: Sequence[str], name: str) -> exp.Select:
    """``source`` with a dense rank over ``keys``: equal keys (empty ones too) share a number."""
    rank: exp.Expr
    if keys:
        order = exp.Order(expressions=[exp.Ordered(this=_col(k), nulls_first=True) for k in keys])
        rank = exp.Window(this=exp.DenseRank(), order=order)
    else:
        rank = exp.Literal.number(1)
    return exp.select(*(_col(c) for c in columns), rank.as_(name)).from_(source)
