"""Defaults, exceptions and conflicts in SQL: the resolution step of the query.

Per profile and day profile (the ``berlaku`` rows, one ``a_i`` per rule), as
:func:`edaran.engine.resolution.resolve` does in Python:

1. a rule that an applicable rule overrides (directly or through others)
   drops out; ordinary survivors decide, else the applicable defaults;
2. the first survivor in file order decides (``aturan``); a later survivor
   with another value is a conflict (``bentrok``, status ``conflict``); no
   survivor is ``no-rule``;
3. the overridden pairs (``kalah``, ``i>j;`` by rule index), the shown
   value, the clause and the one-line reason are worded here, in the plan's
   language, from the message catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlglot import exp

from edaran.core.modes import STATUS_NOT_IN_FORCE, STATUS_OFF
from edaran.engine.decision import Status
from edaran.engine.sql.tables import _any, _case, _col, _concat, sql_value
from edaran.engine.sql.translate import Translator
from edaran.lang import ir
from edaran.messages import Lang, message
from edaran.model.workforce import Weekday

__all__ = ["STATUS_CONFLICT", "STATUS_NO_RULE", "WORK", "resolution", "winners"]

#: Working day, in the day-status column (the other two are Status.OFF and NOT_IN_FORCE).
WORK = "work"
STATUS_CONFLICT = "conflict"
STATUS_NO_RULE = "no-rule"


def winners(plan: Translator, i: int) -> list[int]:
    """Indices of the rules that override rule ``i`` (directly or through others), in file order."""
    loser = plan.rules[i].id
    return [j for j, w in enumerate(plan.rules) if plan.program.overrides.covers(w.id, loser)]


def resolution(plan: Translator) -> exp.Select:
    rules = plan.rules
    a = [_col(f"a{i}") for i in range(len(rules))]
    v = [_col(f"v{i}") for i in range(len(rules))]
    beaten = [_any([a[j].copy() for j in winners(plan, i)]) for i in range(len(rules))]
    ordinary = [
        exp.and_(a[i].copy(), exp.not_(beaten[i].copy()))
        for i, r in enumerate(rules)
        if not r.is_default
    ]
    ordinary_at = [i for i, r in enumerate(rules) if not r.is_default]
    any_ordinary = _any(ordinary)
    survives: list[exp.Expr] = []
    for i, rule in enumerate(rules):
        kept = exp.and_(a[i].copy(), exp.not_(beaten[i].copy()))
        if rule.is_default:
            kept = exp.and_(kept, exp.not_(exp.Paren(this=any_ordinary.copy())))
        survives.append(exp.Paren(this=kept))
    del ordinary, ordinary_at
    first = _case((survives[i].copy(), exp.Literal.number(i)) for i in range(len(rules)))
    first_value = _case((survives[i].copy(), v[i].copy()) for i in range(len(rules)))
    clash = _case(
        (
            exp.and_(
                survives[i].copy(),
                exp.NullSafeNEQ(this=v[i].copy(), expression=first_value.copy()),
            ),
            exp.Literal.number(i),
        )
        for i in range(len(rules))
    )
    working = exp.EQ(this=_col("d_status"), expression=exp.Literal.string(WORK))
    decided = exp.not_(_col("aturan").is_(exp.null()))
    status = _case(
        [
            (exp.not_(working.copy()), _col("d_status")),
            (exp.not_(_col("bentrok").is_(exp.null())), exp.Literal.string(STATUS_CONFLICT)),
            (exp.not_(decided.copy()), exp.Literal.string(STATUS_NO_RULE)),
            (_rule_is_default(plan.rules, _col("aturan")), exp.Literal.string(Status.DEFAULT)),
        ],
        exp.Literal.string(Status.RULE),
    )
    losers = []
    pairs = []
    for i in range(len(rules)):
        beaters = winners(plan, i)
        if not beaters:
            continue
        lost = exp.and_(a[i].copy(), beaten[i].copy())
        losers.append(
            _case([(lost, exp.Literal.string(", " + rules[i].id))], exp.Literal.string(""))
        )
        by = _case((a[j].copy(), exp.Literal.string(f"{i}>{j};")) for j in beaters)
        pairs.append(_case([(lost.copy(), by)], exp.Literal.string("")))
    lost_any = _any(
        [exp.and_(a[i].copy(), beaten[i].copy()) for i in range(len(rules)) if winners(plan, i)]
    )
    before, after = message("decision.over-short", plan.lang, losers="\x00").split("\x00")
    over = _case(
        [
            (
                lost_any,
                _concat(
                    [
                        exp.Literal.string(before),
                        exp.Substring(
                            this=_concat(losers) if losers else exp.Literal.string(""),
                            start=exp.Literal.number(3),
                        ),
                        exp.Literal.string(after),
                    ]
                ),
            )
        ],
        exp.Literal.string(""),
    )
    clause = _case(
        (
            exp.EQ(this=_col("aturan"), expression=exp.Literal.number(i)),
            exp.Literal.string(r.clause),
        )
        for i, r in enumerate(rules)
    )
    cited = _case(
        (
            exp.EQ(this=_col("aturan"), expression=exp.Literal.number(i)),
            exp.Literal.string(f"{r.clause}: {r.title}" if r.title else r.clause),
        )
        for i, r in enumerate(rules)
    )
    shown = _case(
        (
            exp.EQ(this=_col("aturan"), expression=exp.Literal.number(i)),
            plan._shown(i, _col(f"v{i}")),
        )
        for i in range(len(rules))
    )
    off_before, off_after = message("decision.off-short", plan.lang, note="\x00").split("\x00")
    weekday = _case(
        (
            exp.EQ(this=_col("d_catatan"), expression=exp.Literal.string(d.name)),
            exp.Literal.string(d.word(plan.lang)),
        )
        for d in Weekday
    )
    off_note = exp.Coalesce(this=weekday, expressions=[_col("d_catatan")])
    header = plan.program.header
    # 'sesudahnya WFO': after the end, that mode (a mode's name is its shown form too).
    follows = header.afterwards if header.afterwards not in (None, ir.PARENT) else None
    ended = (
        [
            (
                exp.EQ(this=_col("status"), expression=exp.Literal.string(Status.AFTER_END)),
                exp.Literal.string(follows),
            )
        ]
        if follows is not None
        else []
    )
    not_in_force = message(
        "decision.not-in-force-short", plan.lang, note=_in_force_words(header, plan.lang)
    )
    reason = _case(
        [
            (
                exp.EQ(this=_col("status"), expression=exp.Literal.string(Status.OFF)),
                _concat([exp.Literal.string(off_before), off_note, exp.Literal.string(off_after)]),
            ),
            (
                exp.EQ(this=_col("status"), expression=exp.Literal.string(Status.NOT_IN_FORCE)),
                exp.Literal.string(not_in_force),
            ),
            *(
                [
                    (
                        exp.EQ(
                            this=_col("status"), expression=exp.Literal.string(Status.AFTER_END)
                        ),
                        exp.Literal.string(
                            message(
                                "decision.after-end-short",
                                plan.lang,
                                note=str(header.effective_until),
                            )
                        ),
                    )
                ]
                if follows is not None
                else []
            ),
            (exp.not_(_col("aturan").is_(exp.null())), _concat([cited, _col("lebih")])),
        ],
        exp.Literal.string(""),
    )
    mode = _case(
        [
            (
                exp.EQ(this=_col("status"), expression=exp.Literal.string(Status.OFF)),
                exp.Literal.string(STATUS_OFF),
            ),
            (
                exp.EQ(this=_col("status"), expression=exp.Literal.string(Status.NOT_IN_FORCE)),
                exp.Literal.string(STATUS_NOT_IN_FORCE),
            ),
            *ended,
        ],
        shown,
    )
    value = _case(
        [
            (
                exp.EQ(this=_col("status"), expression=exp.Literal.string(Status.OFF)),
                exp.Literal.string(STATUS_OFF),
            ),
            (
                exp.EQ(this=_col("status"), expression=exp.Literal.string(Status.NOT_IN_FORCE)),
                exp.Literal.string(STATUS_NOT_IN_FORCE),
            ),
            *ended,
        ],
        _case(
            (
                exp.EQ(this=_col("aturan"), expression=exp.Literal.number(i)),
                _as_text(v[i].copy(), rules[i].value),
            )
            for i in range(len(rules))
        ),
    )
    # Step by step, one CTE level each: who survives, then the outcome, then the words.
    step1 = exp.select(
        _col("profil"),
        _col("profil_hari"),
        _col("d_status"),
        _col("d_catatan"),
        *(_col(f"a{i}") for i in range(len(rules))),
        *(_col(f"v{i}") for i in range(len(rules))),
        _case([(working.copy(), first)]).as_("aturan"),
        _case([(working.copy(), clash)]).as_("bentrok"),
        _case(
            [(working.copy(), _concat(pairs) if pairs else exp.Literal.string(""))],
            exp.Literal.string(""),
        ).as_("kalah"),
        _case([(working.copy(), over)], exp.Literal.string("")).as_("lebih"),
    ).from_("berlaku")
    step2 = exp.select(
        _col("profil"),
        _col("profil_hari"),
        _col("d_catatan"),
        _col("aturan"),
        _col("bentrok"),
        _col("kalah"),
        _col("lebih"),
        *(_col(f"v{i}") for i in range(len(rules))),
        status.as_("status"),
    ).from_(step1.subquery("s1"))
    step3 = exp.select(
        _col("profil"),
        _col("profil_hari"),
        _col("status"),
        _col("aturan"),
        _col("bentrok"),
        _col("kalah"),
        value.as_("nilai"),
        _case(
            (
                exp.EQ(this=_col("bentrok"), expression=exp.Literal.number(i)),
                _as_text(_col(f"v{i}"), rules[i].value),
            )
            for i in range(len(rules))
        ).as_("nilai_bentrok"),
        _col("d_catatan").as_("catatan"),
        mode.as_("moda"),
        clause.as_("klausul"),
        reason.as_("alasan"),
    ).from_(step2.subquery("s2"))
    return step3


def _rule_is_default(rules: Sequence[ir.RuleIR], index: exp.Expr) -> exp.Expr:
    defaults = [i for i, r in enumerate(rules) if r.is_default]
    if not defaults:
        return exp.false()
    return index.copy().isin(*(exp.Literal.number(i) for i in defaults))


def _as_text(value: exp.Expr, node: ir.Expr) -> exp.Expr:
    """A rule's value as text in the ``nilai`` column (the runner turns it back into a value)."""
    if isinstance(node, ir.Const):
        return exp.Literal.string(str(sql_value(node.value)))
    return exp.cast(value, "VARCHAR")


def in_force_note(header: ir.Header) -> str:
    """The note of a day out of force, as :class:`Decision` records it."""
    start, end = header.effective_from, header.effective_until
    return (start.isoformat() if start else "") + ".." + (end.isoformat() if end else "")


def _in_force_words(header: ir.Header, lang: Lang) -> str:
    """The note of a day out of force in the reader's words, as ``Decision`` shows it."""
    start, end = in_force_note(header).split("..")
    if end:
        return message("decision.in-force-range", lang, start=start, end=end)
    return message("decision.in-force-from", lang, start=start)
