"""Building the syntax tree: Lark's parse tree into the frozen nodes of :mod:`edaran.lang.nodes`.

The builder judges nothing: every rule of the grammar has a method here that
makes its node, and what a node means is the checker's business.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import lark
from lark.lexer import Token

from edaran.core.diagnostics import Source, Span
from edaran.lang import nodes as n

__all__ = ["DATE_TERMINALS", "TreeBuilder", "unquote"]

#: The terminals of a date: ISO, Hijri, and relative to a named holiday.
DATE_TERMINALS = frozenset({"DATE", "HIJRI_DATE", "REL_DATE"})


# --------------------------------------------------------- transformer
def _text(token: Token) -> str:
    return str(token)


_ESCAPE = re.compile(r'\\(["\\n])')


_ESCAPES = {'"': '"', "\\": "\\", "n": "\n"}


def unquote(token: Token) -> str:
    # One pass, so that '\\n' (an escaped backslash, then n) stays a backslash and an n.
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], str(token)[1:-1])


class TreeBuilder(lark.visitors.Transformer_NonRecursive):  # type: ignore[type-arg]  # lark is untyped here
    """Lark tree -> :mod:`edaran.lang.nodes`.  Builds nodes; judges nothing."""

    def __init__(self, source: Source) -> None:
        super().__init__()
        self.source = source

    def _span(self, meta: Any) -> Span | None:
        if getattr(meta, "empty", True):
            return None
        return self.source.span(meta.start_pos, meta.end_pos)

    def _tok(self, token: Token) -> Span:
        return self.source.span(token.start_pos or 0, token.end_pos or 0)

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        handler = getattr(self, f"_r_{data}", None)
        # A grammar rule without a builder is a bug of edaran's, not of the input:
        # every rule of the grammar is exercised by tests/test_parser.py.
        assert handler is not None, f"grammar rule {data!r} has no AST builder"
        return handler(children, self._span(meta))

    def __default_token__(self, token: Token) -> Token:
        return token

    # -- header
    def _r_start(self, c: list[Any], s: Span | None) -> n.Module:
        return n.Module(tuple(c), span=s)

    def _r_header(self, c: list[Any], s: Span | None) -> n.Header:
        return n.Header(unquote(c[0]), tuple(c[1:]), span=s)

    def _header_item(kind: str) -> Any:  # type: ignore[misc]  # a factory run in the class body
        def build(self: TreeBuilder, c: list[Any], s: Span | None) -> n.HeaderItem:
            # A date's runs of spaces count as one, as in a DateLit (``1  Syawal 1447 H``).
            values = tuple(unquote(t) if t.type == "STRING" else " ".join(t.split()) for t in c)
            return n.HeaderItem(kind, values, span=s)

        return build

    _r_subject = _header_item("subject")
    _r_issuer = _header_item("issuer")
    _r_basis = _header_item("basis")
    _r_signed = _header_item("signed")
    _r_effective = _header_item("effective")
    _r_evaluation = _header_item("evaluation")
    _r_timezone = _header_item("timezone")
    _r_afterwards = _header_item("afterwards")
    _r_extends = _header_item("extends")
    _r_amends = _header_item("amends")

    def _r_covers(self, c: list[Any], s: Span | None) -> n.HeaderItem:
        return n.HeaderItem("covers", (), span=s, expr=c[0])

    # -- declarations
    def _ident(self, token: Token) -> n.Ident:
        return n.Ident(str(token), span=self._tok(token))

    def _r_plain_type(self, c: list[Any], s: Span | None) -> n.TypeRef:
        return n.TypeRef(str(c[0]), span=s)

    def _r_set_type(self, c: list[Any], s: Span | None) -> n.TypeRef:
        return n.TypeRef(str(c[0]), is_set=True, span=s)

    def _r_name_list(self, c: list[Any], s: Span | None) -> tuple[n.Ident, ...]:
        return tuple(self._ident(t) for t in c)

    def _r_set_decl(self, c: list[Any], s: Span | None) -> n.SetDecl:
        return n.SetDecl(self._ident(c[0]), c[1], c[2], span=s)

    def _r_attribute_decl(self, c: list[Any], s: Span | None) -> n.AttributeDecl:
        kind, members = (None, c[2]) if isinstance(c[2], tuple) else (c[2], ())
        required = any(o == ("required",) for o in c[3:])
        column = next((o for o in c[3:] if o[0] == "column"), None)
        return n.AttributeDecl(
            self._ident(c[0]),
            self._ident(c[1]),
            kind,
            members,
            required,
            column[1] if column else None,
            column[2] if column else None,
            span=s,
        )

    def _r_attribute_enum(self, c: list[Any], s: Span | None) -> tuple[n.Ident, ...]:
        return tuple(c[0])

    def _r_attribute_required(self, c: list[Any], s: Span | None) -> tuple[str]:
        return ("required",)

    def _r_attribute_column(self, c: list[Any], s: Span | None) -> tuple[str, str, Span]:
        return ("column", unquote(c[0]), self._tok(c[0]))

    def _r_enum_decl(self, c: list[Any], s: Span | None) -> n.EnumDecl:
        return n.EnumDecl(self._ident(c[0]), c[1], span=s)

    def _r_param_decl(self, c: list[Any], s: Span | None) -> n.ParamDecl:
        return n.ParamDecl(self._ident(c[0]), c[1], c[2], tuple(c[3:]), span=s)

    def _r_param_change(self, c: list[Any], s: Span | None) -> n.ParamChange:
        return n.ParamChange(n.DateLit(str(c[0]), span=self._tok(c[0])), c[1], span=s)

    def _r_output_decl(self, c: list[Any], s: Span | None) -> n.OutputDecl:
        return n.OutputDecl(self._ident(c[0]), c[1], span=s)

    def _r_mode_decl(self, c: list[Any], s: Span | None) -> n.ModeDecl:
        return n.ModeDecl(self._ident(c[0]), unquote(c[1]) if len(c) > 1 else None, span=s)

    def _r_holiday_decl(self, c: list[Any], s: Span | None) -> n.HolidayDecl:
        dates = [n.DateLit(str(t), span=self._tok(t)) for t in c if t.type in DATE_TERMINALS]
        return n.HolidayDecl(dates[0], dates[1] if len(dates) > 1 else None, unquote(c[-1]), span=s)

    def _r_isbat_decl(self, c: list[Any], s: Span | None) -> n.IsbatDecl:
        hijri, day = (n.DateLit(str(t), span=self._tok(t)) for t in c)
        return n.IsbatDecl(hijri, day, span=s)

    def _r_workweek_decl(self, c: list[Any], s: Span | None) -> n.WorkweekDecl:
        return n.WorkweekDecl(c[0], span=s)

    # -- tables and limits
    def _r_table_decl(self, c: list[Any], s: Span | None) -> n.TableDecl:
        name, key, _arrow, value_type, default, *items = c
        return n.TableDecl(
            self._ident(name),
            self._ident(key),
            value_type,
            default,
            tuple(i for i in items if isinstance(i, n.TableRow)),
            changes=tuple(i for i in items if isinstance(i, n.ParamChange)),
            files=tuple(i for i in items if isinstance(i, n.TableFile)),
            span=s,
        )

    def _r_table_row(self, c: list[Any], s: Span | None) -> n.TableRow:
        return n.TableRow(self._ident(c[0]), c[1], changes=tuple(c[2:]), span=s)

    def _r_table_file(self, c: list[Any], s: Span | None) -> n.TableFile:
        return n.TableFile(unquote(c[0]), span=s)

    def _limit_line(kind: str) -> Any:  # type: ignore[misc]  # a factory run in the class body
        def build(self: TreeBuilder, c: list[Any], s: Span | None) -> n.LimitLine:
            (modes, grouped, where), amount, scope, window, *rounding = c
            return n.LimitLine(
                modes,
                kind,
                amount,
                self._ident(scope),
                self._ident(window),
                rounding[0] if rounding else None,
                span=s,
                grouped=grouped,
                modes_span=where,
            )

        return build

    def _r_one_mode(
        self, c: list[Any], s: Span | None
    ) -> tuple[tuple[n.Ident, ...], bool, Span | None]:
        ident = self._ident(c[0])
        return (ident,), False, ident.span

    def _r_mode_set(
        self, c: list[Any], s: Span | None
    ) -> tuple[tuple[n.Ident, ...], bool, Span | None]:
        names = tuple(self._ident(t) for t in c if isinstance(t, Token) and t.type == "NAME")
        return names, True, s

    _r_at_most = _limit_line("at_most")
    _r_at_least = _limit_line("at_least")
    _r_at_most_distinct = _limit_line("distinct")

    def _r_one_block(self, c: list[Any], s: Span | None) -> n.LimitLine:
        (modes, grouped, where), *length, scope, window = c
        return n.LimitLine(
            modes,
            "block",
            n.IntLit("1", span=s),
            self._ident(scope),
            n.Ident("periode", span=self._ident(scope).span),
            None,
            span=s,
            grouped=grouped,
            modes_span=where,
            windows=(window,),
            length=length[0] if length else None,
        )

    def _r_block_length(self, c: list[Any], s: Span | None) -> n.IntLit:
        (number,) = (t for t in c if isinstance(t, Token) and t.type == "INT")
        return n.IntLit(str(number), span=self._tok(number))

    def _r_block_alt(self, c: list[Any], s: Span | None) -> tuple[str, Any, Span | None]:
        return ("or", c[0], s)

    def _r_limit_priority(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("priority", tuple(c))

    def _r_priority_default(self, c: list[Any], s: Span | None) -> n.Priority:
        return n.Priority(c[0], None, span=s)

    def _r_priority_larger(self, c: list[Any], s: Span | None) -> n.Priority:
        return n.Priority(c[0], "larger", span=s)

    def _r_priority_smaller(self, c: list[Any], s: Span | None) -> n.Priority:
        return n.Priority(c[0], "smaller", span=s)

    def _r_block_window(self, c: list[Any], s: Span | None) -> tuple[Any, Any]:
        return (c[0], c[1])

    def _r_limit_if(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("if", c[0])

    def _r_round_down(self, c: list[Any], s: Span | None) -> str:
        return "down"

    def _r_round_up(self, c: list[Any], s: Span | None) -> str:
        return "up"

    def _r_round_nearest(self, c: list[Any], s: Span | None) -> str:
        return "nearest"

    def _r_limit_decl(self, c: list[Any], s: Span | None) -> n.LimitDecl:
        citation, *rest = c
        title = unquote(rest.pop(0)) if rest and isinstance(rest[0], Token) else None
        found: list[n.LimitLine] = []
        for x in rest:
            if isinstance(x, n.LimitLine):
                found.append(x)
            elif isinstance(x, tuple) and x[0] == "or":
                # 'atau A sampai B': another window of the block line above it
                if found and found[-1].kind == "block":
                    last = found[-1]
                    found[-1] = attrs.evolve(last, windows=(*last.windows, x[1]))
                else:
                    found.append(
                        n.LimitLine(
                            (),
                            "block-stray",
                            x[1][0],
                            n.Ident("pegawai"),
                            n.Ident("periode"),
                            span=x[2],
                        )
                    )
        lines = tuple(found)
        conditions = tuple(x[1] for x in rest if isinstance(x, tuple) and x[0] == "if")
        priority = tuple(
            e for x in rest if isinstance(x, tuple) and x[0] == "priority" for e in x[1]
        )
        return n.LimitDecl(citation, title, lines, conditions, span=s, priority=priority)

    def _r_index(self, c: list[Any], s: Span | None) -> n.Index:
        return n.Index(c[0], c[1], span=s)

    # -- discipline
    def _head(self, c: list[Any]) -> tuple[n.Citation, str | None, list[Any]]:
        citation, *rest = c
        title = (
            unquote(rest.pop(0))
            if rest and isinstance(rest[0], Token) and rest[0].type == "STRING"
            else None
        )
        return citation, title, rest

    def _r_duty_decl(self, c: list[Any], s: Span | None) -> n.DutyDecl:
        citation, title, rest = self._head(c)
        modes = next((x[1] for x in rest if x[0] == "modes"), None)
        hours = next((x[1] for x in rest if x[0] == "hours"), None)
        checklist = next((x[1] for x in rest if x[0] == "checklist"), None)
        return n.DutyDecl(
            citation,
            title,
            modes,
            hours,
            span=s,
            checklist=checklist,
            conditions=tuple(x[1] for x in rest if x[0] == "if"),
            attendance=next((x[1] for x in rest if x[0] == "attendance"), None),
            radius=next((x[1] for x in rest if x[0] == "radius"), None),
            verified=any(x[0] == "verified" for x in rest),
        )

    def _r_duty_if(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("if", c[0])

    def _r_duty_attendance(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        kind, *times = c
        window = tuple(n.TimeLit(str(t), span=self._tok(t)) for t in times) or None
        return ("attendance", n.AttendanceLine(self._ident(kind), window, span=s))  # type: ignore[arg-type]  # two times by the grammar

    def _r_duty_radius(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        amount, unit, address = c
        return ("radius", n.Radius(str(amount), self._ident(unit), self._ident(address), span=s))

    def _r_duty_verified(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("verified", True)

    def _r_duty_checklist(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("checklist", c[0])

    # -- quotas, targets and the report
    def _quota_line(kind: str) -> Any:  # type: ignore[misc]  # a factory run in the class body
        def build(self: TreeBuilder, c: list[Any], s: Span | None) -> n.QuotaLine:
            measure, amount, *rest = c
            baseline = rest.pop(0) if rest and isinstance(rest[0], tuple) else None
            scope, window, *rounding = rest
            last_year = baseline is not None and baseline[0] == "last_year"
            return n.QuotaLine(
                measure,
                kind,
                amount,
                baseline[1] if baseline is not None and not last_year else None,
                last_year,
                self._ident(scope),
                self._ident(window),
                rounding[0] if rounding else None,
                span=s,
            )

        return build

    _r_quota_at_most = _quota_line("at_most")
    _r_quota_reduced = _quota_line("reduced")

    def _r_last_year(self, c: list[Any], s: Span | None) -> tuple[str, None]:
        return ("last_year", None)

    def _r_given_baseline(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("given", c[0])

    def _r_quota_order(self, c: list[Any], s: Span | None) -> tuple[str, tuple[Any, ...]]:
        return ("order", tuple(c))

    def _r_quota_decl(self, c: list[Any], s: Span | None) -> n.QuotaDecl:
        citation, title, rest = self._head(c)
        lines = tuple(x for x in rest if isinstance(x, n.QuotaLine))
        conditions = tuple(x[1] for x in rest if isinstance(x, tuple) and x[0] == "if")
        order = tuple(p for x in rest if isinstance(x, tuple) and x[0] == "order" for p in x[1])
        return n.QuotaDecl(citation, title, lines, conditions, order, span=s)

    def _target_line(kind: str) -> Any:  # type: ignore[misc]  # a factory run in the class body
        def build(self: TreeBuilder, c: list[Any], s: Span | None) -> n.TargetLine:
            share_of, amount, scope, window = c
            return n.TargetLine(
                share_of, kind, amount, self._ident(scope), self._ident(window), span=s
            )

        return build

    _r_target_at_least = _target_line("at_least")
    _r_target_at_most = _target_line("at_most")

    def _r_target_decl(self, c: list[Any], s: Span | None) -> n.TargetDecl:
        citation, title, rest = self._head(c)
        lines = tuple(x for x in rest if isinstance(x, n.TargetLine))
        conditions = tuple(x[1] for x in rest if isinstance(x, tuple))
        return n.TargetDecl(citation, title, lines, conditions, span=s)

    def _r_provision_must(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("must", c[0])

    def _r_provision_decl(self, c: list[Any], s: Span | None) -> n.ProvisionDecl:
        kind = self._ident(c[0])
        citation, title, rest = self._head(c[1:])
        musts = tuple(x[1] for x in rest if x[0] == "must")
        conditions = tuple(x[1] for x in rest if x[0] == "if")
        return n.ProvisionDecl(kind, citation, title, musts, conditions, span=s)

    def _r_estimate(self, c: list[Any], s: Span | None) -> n.Estimate:
        return n.Estimate(self._ident(c[0]), c[1], span=s)

    def _r_report_decl(self, c: list[Any], s: Span | None) -> n.ReportDecl:
        citation, title, rest = self._head(c)
        return n.ReportDecl(citation, title, tuple(rest), span=s)

    def _r_duty_modes(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("modes", c[0])

    def _r_duty_hours(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("hours", tuple(n.TimeLit(str(t), span=self._tok(t)) for t in c))

    def _r_breach_decl(self, c: list[Any], s: Span | None) -> n.BreachDecl:
        citation, title, rest = self._head(c)
        return n.BreachDecl(citation, title, tuple(rest), span=s)

    def _r_sanction_decl(self, c: list[Any], s: Span | None) -> n.SanctionDecl:
        citation, title, rest = self._head(c)
        counts, every, of, window, *more = rest[0]
        cut = rest[1] if len(rest) > 1 else None
        within = more[0] if counts == "within" else None
        return n.SanctionDecl(
            citation,
            title,
            every,
            "breaches" if counts in ("within", "consecutive") else counts,
            of,
            window,
            span=s,
            within=within,
            consecutive=counts == "consecutive",
            cut=cut,
        )

    def _r_count_within(self, c: list[Any], s: Span | None) -> tuple[Any, ...]:
        every, *cites, amount, unit = c
        return ("within", str(every), tuple(cites), None, (str(amount), self._ident(unit)))

    def _r_count_consecutive(self, c: list[Any], s: Span | None) -> tuple[Any, ...]:
        every, *cites = c
        return ("consecutive", str(every), tuple(cites), None)

    def _r_sanction_cut(self, c: list[Any], s: Span | None) -> tuple[Any, ...]:
        money, window = c
        return (n.MoneyLit(str(money), span=self._tok(money)), self._ident(window))

    def _count(kind: str) -> Any:  # type: ignore[misc]  # a factory run in the class body
        def build(self: TreeBuilder, c: list[Any], s: Span | None) -> tuple[Any, ...]:
            every, *cites, window = c
            return (kind, str(every), tuple(cites), self._ident(window))

        return build

    _r_count_breaches = _count("breaches")
    _r_count_sanctions = _count("sanctions")

    # -- rules
    def _cite(self, kind: str, c: list[Any], s: Span | None) -> n.Citation:
        tag = next((x for x in c if isinstance(x, n.Ident)), None)
        numbers = [str(t) for t in c if isinstance(t, Token)]
        sub = numbers[1] if len(numbers) > 1 else None
        return n.Citation(kind, numbers[0], sub, tag.name if tag else None, span=s)

    def _r_butir_cite(self, c: list[Any], s: Span | None) -> n.Citation:
        return self._cite("butir", c, s)

    def _r_angka_cite(self, c: list[Any], s: Span | None) -> n.Citation:
        return self._cite("angka", c, s)

    def _r_pasal_cite(self, c: list[Any], s: Span | None) -> n.Citation:
        return self._cite("pasal", c, s)

    def _r_tag(self, c: list[Any], s: Span | None) -> n.Ident:
        return self._ident(c[0])

    def _r_exception_to(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("exception", c[0])

    def _r_exception_more(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("more", c[0])

    def _r_default_rule(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("default", None)

    def _r_binding_rule(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("binding", None)

    def _r_remove_decl(self, c: list[Any], s: Span | None) -> n.RemoveDecl:
        return n.RemoveDecl(tuple(c), span=s)

    def _r_rule_head(self, c: list[Any], s: Span | None) -> tuple[Any, ...]:
        title = unquote(c[1]) if len(c) > 1 and isinstance(c[1], Token) else None
        mods = [m for m in c[1:] if isinstance(m, tuple)]
        # A bare citation continues a 'pengecualian atas' list; before one, it
        # is stray, and the checker says so (nothing semantic happens here).
        exceptions: list[n.Citation] = []
        stray: list[n.Citation] = []
        for kind, citation in mods:
            if kind == "exception" or (kind == "more" and exceptions):
                exceptions.append(citation)
            elif kind == "more":
                stray.append(citation)
        is_default = any(m[0] == "default" for m in mods)
        binding = any(m[0] == "binding" for m in mods)
        return (c[0], title, tuple(exceptions), is_default, tuple(stray), binding)

    def _r_assignment(self, c: list[Any], s: Span | None) -> n.Assignment:
        return n.Assignment(self._ident(c[0]), c[1], span=s)

    def _r_chosen_assignment(self, c: list[Any], s: Span | None) -> n.Assignment:
        return n.Assignment(self._ident(c[0]), n.Choice(c[1], span=s), span=s)

    def _r_condition_line(self, c: list[Any], s: Span | None) -> Any:
        return c[0]

    def _r_rule_body(self, c: list[Any], s: Span | None) -> tuple[Any, ...]:
        return (c[0], tuple(c[1:]))

    def _r_rule(self, c: list[Any], s: Span | None) -> n.Rule:
        (citation, title, exceptions, is_default, stray, binding), (assignment, conditions) = c
        return n.Rule(
            citation,
            title,
            exceptions,
            is_default,
            assignment,
            conditions,
            stray=stray,
            binding=binding,
            span=s,
        )

    def _r_inline_rule(self, c: list[Any], s: Span | None) -> n.Rule:
        citation, title, exceptions, is_default, stray, binding = c[0]
        return n.Rule(
            citation,
            title,
            exceptions,
            is_default,
            c[1],
            tuple(c[2:]),
            stray=stray,
            binding=binding,
            span=s,
        )

    # -- examples
    def _r_example(self, c: list[Any], s: Span | None) -> n.Example:
        givens = tuple(x for x in c[1:] if isinstance(x, n.Given))
        expects = tuple(x for x in c[1:] if isinstance(x, n.Expect))
        contacts = tuple(x for x in c[1:] if isinstance(x, n.ContactLine))
        attendance = tuple(x for x in c[1:] if isinstance(x, n.AttendanceEvent))
        counts = tuple(x for x in c[1:] if isinstance(x, n.ExpectCount))
        records = tuple(x for x in c[1:] if isinstance(x, n.ExpectRecord))
        baseline = next((x[1] for x in c[1:] if isinstance(x, tuple)), None)
        return n.Example(
            unquote(c[0]),
            givens,
            expects,
            contacts=contacts,
            attendance=attendance,
            counts=counts,
            baseline=baseline,
            records=records,
            span=s,
        )

    def _r_example_baseline(self, c: list[Any], s: Span | None) -> tuple[str, Any]:
        return ("baseline", c[0])

    def _expect_record(kind: str) -> Any:  # type: ignore[misc]  # a factory run in the class body
        def build(self: TreeBuilder, c: list[Any], s: Span | None) -> n.ExpectRecord:
            if kind == "estimate":
                return n.ExpectRecord(kind, None, self._ident(c[0]), c[1], span=s)
            return n.ExpectRecord(kind, c[0], None, c[1], span=s)

        return build

    _r_expect_quota = _expect_record("quota")
    _r_expect_counted = _expect_record("counted")
    _r_expect_target = _expect_record("target")
    _r_expect_estimate = _expect_record("estimate")
    _r_expect_provision = _expect_record("provision")

    def _r_contact_line(self, c: list[Any], s: Span | None) -> n.ContactLine:
        channel, sent, answer = c
        sent_lit = n.TimeLit(str(sent), span=self._tok(sent))
        if answer is None:
            return n.ContactLine(self._ident(channel), sent_lit, False, span=s)
        date, time, reason = answer
        return n.ContactLine(self._ident(channel), sent_lit, True, date, time, reason, span=s)

    def _r_attendance_event(self, c: list[Any], s: Span | None) -> n.AttendanceEvent:
        kind, *rest = c
        date = None
        if isinstance(rest[0], Token) and rest[0].type in DATE_TERMINALS:
            token = rest.pop(0)
            date = n.DateLit(str(token), span=self._tok(token))
        time, *where = rest
        location = (where[0], where[1]) if where else None
        time_lit = n.TimeLit(str(time), span=self._tok(time))
        return n.AttendanceEvent(self._ident(kind), time_lit, location, span=s, date=date)

    def _r_coordinate(self, c: list[Any], s: Span | None) -> str:
        return "".join(str(t) for t in c)

    def _r_unanswered(self, c: list[Any], s: Span | None) -> None:
        return None

    def _r_answered(self, c: list[Any], s: Span | None) -> tuple[Any, ...]:
        date = next(
            (n.DateLit(str(t), span=self._tok(t)) for t in c if t.type in DATE_TERMINALS), None
        )
        time = next(n.TimeLit(str(t), span=self._tok(t)) for t in c if t.type == "TIME")
        reason = next((unquote(t) for t in c if t.type == "STRING"), None)
        return (date, time, reason)

    def _r_expect_breaches(self, c: list[Any], s: Span | None) -> n.ExpectCount:
        return n.ExpectCount("breaches", c[0], str(c[1]), span=s)

    def _r_expect_sanctions(self, c: list[Any], s: Span | None) -> n.ExpectCount:
        return n.ExpectCount("sanctions", c[0], str(c[1]), span=s)

    def _r_given(self, c: list[Any], s: Span | None) -> n.Given:
        return n.Given(c[0], c[1], span=s)

    def _r_expect(self, c: list[Any], s: Span | None) -> n.Expect:
        return n.Expect(c[0], c[1], span=s)

    def _r_expect_chosen(self, c: list[Any], s: Span | None) -> n.Expect:
        return n.Expect(c[0], n.Choice(c[1], span=s), span=s)

    # -- expressions
    def _r_path(self, c: list[Any], s: Span | None) -> n.Name:
        return n.Name(tuple(str(t) for t in c), span=s)

    def _r_set_literal(self, c: list[Any], s: Span | None) -> n.SetLit:
        return n.SetLit(tuple(c), span=s)

    def _chain(self, op: str, c: list[Any], s: Span | None) -> Any:
        # 'a dan b dan c ...' is associative: a balanced tree keeps a long flat
        # conjunction shallow, so no later pass recurses as deep as it is long.
        if len(c) == 1:
            return c[0]
        middle = len(c) // 2
        left, right = self._chain(op, c[:middle], None), self._chain(op, c[middle:], None)
        span = None
        if left.span is not None and right.span is not None:
            span = self.source.span(left.span.start, right.span.end)
        return n.Binary(op, left, right, span=span)

    def _r_or_expr(self, c: list[Any], s: Span | None) -> Any:
        return self._chain("or", c, s)

    def _r_and_expr(self, c: list[Any], s: Span | None) -> Any:
        return self._chain("and", c, s)

    def _r_not_(self, c: list[Any], s: Span | None) -> n.Not:
        return n.Not(c[0], span=s)

    def _binary(op: str) -> Any:  # type: ignore[misc]  # a factory run in the class body
        def build(self: TreeBuilder, c: list[Any], s: Span | None) -> n.Binary:
            operands = [x for x in c if not isinstance(x, Token) or x.type not in _OP_TOKENS]
            ops = [x for x in c if isinstance(x, Token) and x.type in _OP_TOKENS]
            name = str(ops[0]) if op == "compare" else op
            op_span = self._tok(ops[0]) if ops else None
            return n.Binary(name, operands[0], operands[1], span=s, op_span=op_span)

        return build

    _r_eq = _binary("eq")
    _r_ne = _binary("ne")
    _r_member = _binary("in")
    _r_not_member = _binary("not_in")
    _r_compare = _binary("compare")
    _r_add = _binary("+")
    _r_sub = _binary("-")
    _r_mul = _binary("*")
    _r_div = _binary("/")

    def _r_neg(self, c: list[Any], s: Span | None) -> n.Binary:
        return n.Binary("neg", None, c[1], span=s, op_span=self._tok(c[0]))

    def _r_hours(self, c: list[Any], s: Span | None) -> n.Hours:
        return n.Hours(c[0], c[1], tuple(c[2:]), span=s)

    def _r_hours_break(self, c: list[Any], s: Span | None) -> tuple[Any, Any]:
        return (c[0], c[1])

    def _r_between(self, c: list[Any], s: Span | None) -> n.Between:
        return n.Between(c[0], c[1], c[2], span=s)

    def _lit(cls: Any) -> Any:
        def build(self: TreeBuilder, c: list[Any], s: Span | None) -> Any:
            return cls(str(c[0]), span=s)

        return build

    _r_int_lit = _lit(n.IntLit)
    _r_dec_lit = _lit(n.DecLit)
    _r_percent_lit = _lit(n.PercentLit)
    _r_money_lit = _lit(n.MoneyLit)
    _r_date_lit = _lit(n.DateLit)
    _r_time_lit = _lit(n.TimeLit)

    def _r_str_lit(self, c: list[Any], s: Span | None) -> n.StrLit:
        return n.StrLit(unquote(c[0]), span=s)

    def _r_true_lit(self, c: list[Any], s: Span | None) -> n.BoolLit:
        return n.BoolLit(True, span=s)

    def _r_false_lit(self, c: list[Any], s: Span | None) -> n.BoolLit:
        return n.BoolLit(False, span=s)

    def _r_quantity(self, c: list[Any], s: Span | None) -> n.Quantity:
        return n.Quantity(str(c[0]), self._ident(c[1]), span=s)


_OP_TOKENS = {"COMPARE", "PLUS", "MINUS", "STAR", "SLASH"}
