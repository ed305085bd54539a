"""The checker: AST -> typed, resolved :class:`~edaran.ir.Program`, or every problem at once.

It resolves names against the attrs schema and the file's declarations,
types every expression, builds the graph of exceptions (a cycle is an
error), and looks for conflicts between rules statically
(:mod:`edaran.conflicts`).  Problems are collected, never raised one by one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, EdaranError, Label, Severity, Span
from edaran.core.modes import BUILTIN_MODES, STATUS_NOT_IN_FORCE, STATUS_OFF, WORK_MODE
from edaran.core.runtime import UnitTable
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.discipline import check_discipline, check_example_contacts, reads_contacts
from edaran.lang.checks.limits import check_limit, check_limit_params
from edaran.lang.checks.quotas import check_quotas, misplaced_record
from edaran.lang.conflicts import find_conflicts
from edaran.lang.expressions import Env, ExprChecker
from edaran.lang.schema import WEEKDAY, Schema
from edaran.lang.variants import resolve
from edaran.messages import Localized

__all__ = ["MAX_DIAGNOSTICS", "check"]

#: More diagnostics than this from one file are cut, with a note.
MAX_DIAGNOSTICS = 100
_OUTPUT_ALIASES = {"work_mode": WORK_MODE}
#: 'jumlah_pegawai adalah 7' in a contoh: a unit of 7 alike employees, scheduled
_STAFF_WORDS = ("jumlah_pegawai", "staff_count")
#: 'maka jumlah.WFH adalah 3': how many of them the schedule puts in a mode
_COUNT_WORDS = ("jumlah", "count")
_TIMEZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
_HEADER_REQUIRED = ("effective",)


class _Checker:
    def __init__(self, module: n.Module, schema: Schema, static_conflicts: bool = True) -> None:
        self.static_conflicts = static_conflicts
        self.module = module
        self.schema = schema
        self.diagnostics: list[Diagnostic] = []
        modes = [(m, m) for m in BUILTIN_MODES]
        modes += [(d.name.name, d.name.name) for d in module.items if isinstance(d, n.ModeDecl)]
        modes += [(STATUS_OFF, STATUS_OFF), (STATUS_NOT_IN_FORCE, STATUS_NOT_IN_FORCE)]
        self.modes = t.EnumType("mode", "moda", tuple(dict(modes).items()))
        self.env = Env(schema, self.modes)
        self.exprs = ExprChecker(self.env, self.report)
        self.outputs: dict[str, t.Type] = {WORK_MODE: self.modes}
        self.declared: dict[str, Span | None] = {}
        self.params: dict[str, tuple[tuple[dt.date | None, object], ...]] = {}

    def report(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def error(self, code: str, span: Span | None, **args: object) -> None:
        self.report(Diagnostic(code, span, args))

    # ----------------------------------------------------------- driver
    def run(self) -> ir.Program | None:
        items = self.module.items
        header = self.header([i for i in items if isinstance(i, n.Header)])
        self.declare(items)
        rules = self.rules([i for i in items if isinstance(i, n.Rule)])
        overrides = self.exception_graph(rules)
        duties, breaches, sanctions = check_discipline(items, self.exprs, self.modes, self.report)
        self.discipline_ids = {
            "breaches": {b.id for b in breaches},
            "sanctions": {s.id for s in sanctions},
        }
        self.zone = header.timezone if header is not None else "WIB"
        quotas, targets, checklists, report = check_quotas(
            items, self.exprs, self.modes, self.report
        )
        self.quota_blocks = (quotas, targets, report)
        examples = [self.example(e) for e in items if isinstance(e, n.Example)]
        limits = [
            limit
            for decl in items
            if isinstance(decl, n.LimitDecl)
            for limit in check_limit(decl, self.exprs, self.modes, self.report)
        ]
        limits = check_limit_params(limits, self.params, self.report)
        for limit in limits:
            contact = reads_contacts(limit.condition)
            if contact is not None:
                self.error("E122", contact.span, name=contact.written)
            misplaced_record(limit.condition, self.report)
        for breach in breaches:
            misplaced_record(breach.condition, self.report)
        if any(d.is_error for d in self.diagnostics) or header is None or overrides is None:
            return None
        program = ir.Program(
            header=header,
            outputs=self.outputs,
            rules=tuple(rules),
            params=self.params,
            param_types=dict(self.env.params),
            sets=dict(self.env.sets),
            modes=self.modes,
            holidays=tuple(self.holidays(items)),
            workweek=self.workweek(items),
            examples=tuple(e for e in examples if e is not None),
            overrides=overrides,
            limits=tuple(limits),
            duties=tuple(duties),
            breaches=tuple(breaches),
            sanctions=tuple(sanctions),
            quotas=tuple(quotas),
            targets=tuple(targets),
            checklists=tuple(checklists),
            report=report,
            tables={
                name: (table, self.table_spans[name])
                for name, (table, _) in self.env.tables.items()
            },
            source_name=self.module.span.path if self.module.span else "",
        )
        if self.static_conflicts:
            self.diagnostics.extend(find_conflicts(program))
        return None if any(d.is_error for d in self.diagnostics) else program

    # ----------------------------------------------------------- header
    def header(self, headers: list[n.Header]) -> ir.Header | None:
        if not headers:
            source = self.module.span.source if self.module.span else None
            self.error(
                "E110", source.span(0, 0) if source else None, field=Localized("kw-circular")
            )
            return None
        for extra in headers[1:]:
            self.error("E111", extra.span, field=Localized("kw-circular"))
        head = headers[0]
        seen: dict[str, n.HeaderItem] = {}
        values: dict[str, object] = {"bases": ()}
        for item in head.items:
            if item.kind in seen and item.kind != "basis":
                self.error("E111", item.span, field=Localized("kw-" + item.kind))
                continue
            seen[item.kind] = item
            self.header_item(item, values)
        for required in _HEADER_REQUIRED:
            if required not in seen:
                self.error("E110", head.span, field=Localized("kw-" + required))
        if "effective_from" not in values:
            return None
        return ir.Header(number=head.number, **values)  # type: ignore[arg-type]  # values are typed by header_item

    def header_item(self, item: n.HeaderItem, values: dict[str, object]) -> None:
        kind, texts = item.kind, item.values
        if kind in ("subject", "issuer"):
            values[kind] = texts[0]
        elif kind == "basis":
            values["bases"] = (*values["bases"], texts[0])  # type: ignore[misc]  # a tuple set above
        elif kind == "signed":
            values["signed"] = self.date_text(texts[0], item.span)
        elif kind == "effective":
            start = self.date_text(texts[0], item.span)
            if start is not None:
                values["effective_from"] = start
            if len(texts) > 1:
                values["effective_until"] = self.date_text(texts[1], item.span)
        elif kind == "evaluation":
            unit = t.DURATION_UNITS.get(texts[1])
            if unit is not None and not unit.months:
                self.error("E115", item.span, unit=texts[1])
            elif unit is None:
                months_words = [w for w, d in t.DURATION_UNITS.items() if d.months]
                suggestions = suggest(texts[1], months_words)
                self.report(
                    Diagnostic("E103", item.span, {"unit": texts[1]}, suggestions=suggestions)
                )
            else:
                values["evaluation_months"] = int(texts[0]) * unit.months
        elif kind == "timezone":
            if texts[0] not in _TIMEZONES:
                self.report(
                    Diagnostic(
                        "E109",
                        item.span,
                        {"zone": texts[0]},
                        suggestions=suggest(texts[0], _TIMEZONES),
                    )
                )
            else:
                values["timezone"] = texts[0]

    def date_text(self, text: str, span: Span | None) -> dt.date | None:
        return self.exprs.date(n.DateLit(text, span=span))

    # ----------------------------------------------------- declarations
    def claim(self, ident: n.Ident) -> bool:
        if ident.name in self.declared or ident.name in self.schema.roots:
            first = self.declared.get(ident.name)
            labels = (Label(first, "label-declared-here"),) if first is not None else ()
            self.report(Diagnostic("E105", ident.span, {"name": ident.name}, labels=labels))
            return False
        self.declared[ident.name] = ident.span
        return True

    def declare(self, items: Iterable[n.Item]) -> None:
        for item in items:
            if isinstance(item, n.EnumDecl) and self.claim(item.name):
                members = tuple((m.name, m.name) for m in item.members)
                self.env.enums[item.name.name] = t.EnumType(item.name.name, item.name.name, members)
            elif isinstance(item, n.OutputDecl) and self.claim(item.name):
                kind = self.type_ref(item.type)
                if kind is not None:
                    self.outputs[item.name.name] = kind
            elif isinstance(item, n.ModeDecl):
                self.claim(item.name)
        self.table_spans: dict[str, dict[str, Span | None]] = {}
        for item in items:
            if isinstance(item, n.SetDecl):
                self.set_decl(item)
            elif isinstance(item, n.ParamDecl):
                self.param_decl(item)
            elif isinstance(item, n.TableDecl):
                self.table_decl(item)

    def type_ref(self, ref: n.TypeRef) -> t.Type | None:
        table: dict[str, t.Type] = {
            "unit": t.UnitType(self.schema.unit_cls),
            "moda": self.modes,
            "mode": self.modes,
            "hari": WEEKDAY,
            "weekday": WEEKDAY,
        }
        for prim in (
            t.BOOL,
            t.INT,
            t.DECIMAL,
            t.PERCENT,
            t.MONEY,
            t.DATE,
            t.TIME,
            t.DURATION,
            t.TEXT,
        ):
            table[prim.name] = table[prim.id_name] = prim
        for known in self.env.known_enums:
            table[known.name] = table[known.id_name] = known
        table.update(self.env.enums)
        measured = t.quantity_unit(ref.name)
        if measured is not None:
            table[ref.name] = t.QuantityType(measured)
        kind = table.get(ref.name)
        if kind is None:
            self.report(
                Diagnostic(
                    "E206", ref.span, {"name": ref.name}, suggestions=suggest(ref.name, table)
                )
            )
            return None
        return t.SetType(kind) if ref.is_set else kind

    def set_decl(self, item: n.SetDecl) -> None:
        if not self.claim(item.name):
            return
        element = self.type_ref(item.type)
        if element is None:
            return
        typed = self.exprs.check(item.items, t.SetType(element))
        if isinstance(typed, ir.Const):
            self.env.sets[item.name.name] = ir.Const(
                typed.value, t.SetType(element), item.name.name, span=item.span
            )

    def param_decl(self, item: n.ParamDecl) -> None:
        if not self.claim(item.name):
            return
        kind = self.type_ref(item.type)
        if kind is None:
            return
        values: list[tuple[dt.date | None, object]] = []
        for since, expr in [(None, item.value), *((c.date, c.value) for c in item.changes)]:
            day = self.exprs.date(since) if since is not None else None
            value = self.constant(expr, kind)
            if value is not None and (since is None or day is not None):
                values.append((day, value))
        values.sort(key=lambda pair: pair[0] or dt.date.min)
        self.params[item.name.name] = tuple(values)
        self.env.params[item.name.name] = kind

    def table_decl(self, item: n.TableDecl) -> None:
        if not self.claim(item.name):
            return
        if item.key_type.name != "unit":
            self.report(
                Diagnostic(
                    "E206", item.key_type.span, {"name": item.key_type.name}, suggestions=("unit",)
                )
            )
            return
        kind = self.type_ref(item.value_type)
        if kind is None:
            return
        default = self.constant(item.default, kind)
        rows: dict[str, object] = {}
        spans: dict[str, Span | None] = {}
        for row in item.rows:
            if row.key.name in rows:
                first = spans[row.key.name]
                labels = (Label(first, "label-declared-here"),) if first is not None else ()
                name = f"{item.name.name}[{row.key.name}]"
                self.report(Diagnostic("E105", row.key.span, {"name": name}, labels=labels))
                continue
            value = self.constant(row.value, kind, f"{item.name.name}[{row.key.name}]")
            if value is not None:
                rows[row.key.name] = value
                spans[row.key.name] = row.span
        where: dict[str | None, object] = {None: item.default.span}
        where.update(spans)
        table = UnitTable(item.name.name, default, rows, where)
        self.env.tables[item.name.name] = (table, kind)
        self.table_spans[item.name.name] = spans

    def constant(self, expr: n.Expr, kind: t.Type, name: str = "parameter") -> object | None:
        typed = self.exprs.check(expr, kind)
        if typed is None:
            return None
        if not isinstance(typed, ir.Const):
            self.error("E113", expr.span)
            return None
        if not _assignable(typed.type, kind):
            self.error(
                "E203",
                expr.span,
                found=t.TypeName(typed.type),
                name=name,
                expected=t.TypeName(kind),
            )
            return None
        return typed.value

    def holidays(self, items: Iterable[n.Item]) -> list[tuple[dt.date, dt.date, str]]:
        found = []
        for item in items:
            if isinstance(item, n.HolidayDecl):
                start = self.exprs.date(item.start)
                end = self.exprs.date(item.end) if item.end else start
                if start and end:
                    found.append((start, end, item.label))
        return found

    def workweek(self, items: Iterable[n.Item]) -> frozenset[int]:
        days: set[int] = set()
        declared = [i for i in items if isinstance(i, n.WorkweekDecl)]
        for item in declared:
            for ident in item.days:
                member = WEEKDAY.lookup(ident.name)
                if member is None:
                    self.report(
                        Diagnostic(
                            "E205",
                            ident.span,
                            {"name": ident.name, "type": t.TypeName(WEEKDAY)},
                            suggestions=suggest(ident.name, WEEKDAY.names()),
                        )
                    )
                else:
                    days.add(member.value)  # type: ignore[attr-defined]  # a Weekday member
        return frozenset(days) if declared else frozenset(range(5))

    # ------------------------------------------------------------ rules
    def rules(self, rules: list[n.Rule]) -> list[ir.RuleIR]:
        # Labels first: an exception may name a rule written further down.
        self.labels: dict[str, n.Rule] = {}
        unique: list[n.Rule] = []
        for rule in rules:
            label = rule.citation.label
            first = self.labels.get(label)
            if first is not None:
                here = (
                    (Label(first.citation.span, "label-declared-here"),)
                    if first.citation.span
                    else ()
                )
                self.report(Diagnostic("E106", rule.citation.span, {"ref": label}, labels=here))
                continue
            self.labels[label] = rule
            unique.append(rule)
        checked = [self.rule(rule) for rule in unique]
        return [rule for rule in checked if rule is not None]

    def rule(self, rule: n.Rule) -> ir.RuleIR | None:
        for stray in rule.stray:
            hint = f"pengecualian atas {stray.label}"
            self.report(Diagnostic("E114", stray.span, {"ref": stray.label}, suggestions=(hint,)))
        target = _OUTPUT_ALIASES.get(rule.assignment.target.name, rule.assignment.target.name)
        kind = self.outputs.get(target)
        if kind is None:
            self.report(
                Diagnostic(
                    "E108",
                    rule.assignment.target.span,
                    {"name": target},
                    suggestions=suggest(target, [*self.outputs, *_OUTPUT_ALIASES]),
                )
            )
            return None
        value = self.exprs.check(rule.assignment.value, kind)
        if isinstance(value, ir.Const) and value.value in (STATUS_OFF, STATUS_NOT_IN_FORCE):
            self.error("E207", rule.assignment.value.span, name=value.value)
            value = None
        if value is not None and not _assignable(value.type, kind):
            self.error(
                "E203",
                rule.assignment.value.span,
                found=t.TypeName(value.type),
                name=target,
                expected=t.TypeName(kind),
            )
            value = None
        conditions = [self.exprs.condition(c) for c in rule.conditions]
        for typed in (value, *conditions):
            contact = reads_contacts(typed)
            if contact is not None:
                self.error("E122", contact.span, name=contact.written)
                return None
            if misplaced_record(typed, self.report):
                return None
        if value is None or any(c is None for c in conditions):
            return None
        condition: ir.Expr | None = None
        for part in conditions:
            assert part is not None
            condition = (
                part
                if condition is None
                else ir.Op("and", (condition, part), t.BOOL, span=part.span)
            )
        return ir.RuleIR(
            id=rule.citation.label,
            clause=rule.citation.clause,
            title=rule.title,
            output=target,
            value=value,
            condition=condition,
            exceptions=tuple(self.resolve_ref(c) or "" for c in rule.exceptions),
            is_default=rule.is_default,
            span=rule.span,
            binding=rule.binding,
            origin=rule.origin,
        )

    def resolve_ref(self, citation: n.Citation) -> str | None:
        if citation.label in self.labels:
            return citation.label
        same_clause = [
            label for label, r in self.labels.items() if r.citation.clause == citation.clause
        ]
        if citation.tag is None and len(same_clause) == 1:
            return same_clause[0]
        if citation.tag is None and len(same_clause) > 1:
            self.error("E107", citation.span, ref=citation.label, count=len(same_clause))
        else:
            self.report(
                Diagnostic(
                    "E104",
                    citation.span,
                    {"ref": citation.label},
                    suggestions=suggest(citation.label, self.labels),
                )
            )
        return None

    def exception_graph(self, rules: list[ir.RuleIR]) -> dict[str, frozenset[str]] | None:
        by_id = {r.id: r for r in rules}
        edges = {r.id: [e for e in r.exceptions if e in by_id] for r in rules}
        ok = True
        for rule in rules:
            for target in edges[rule.id]:
                if target == rule.id:
                    self.error("E303", rule.span, ref=rule.id)
                    ok = False
                elif _weakens(rule, by_id[target]):
                    target_rule = by_id[target]
                    labels = (Label(target_rule.span, "label-binding"),) if target_rule.span else ()
                    args = {"first": rule.id, "second": target, "parent": target_rule.origin or ""}
                    self.report(Diagnostic("E142", rule.span, args, labels=labels))
                    ok = False
                elif by_id[target].output != rule.output:
                    self.error(
                        "E304",
                        rule.span,
                        first=rule.id,
                        second=target,
                        first_output=rule.output,
                        second_output=by_id[target].output,
                    )
                    ok = False
        for cycle in _cycles(edges):
            if len(cycle) > 1:
                self.cycle(cycle, by_id)
                ok = False
        return _closure(edges) if ok else None

    def cycle(self, cycle: list[str], by_id: dict[str, ir.RuleIR]) -> None:
        path = " → ".join([*cycle, cycle[0]])
        first = by_id[cycle[0]]
        spans = [by_id[c].span for c in cycle[1:]]
        labels = tuple(Label(span, "label-in-cycle") for span in spans if span is not None)
        self.report(Diagnostic("E301", first.span, {"cycle": path}, labels=labels))

    # --------------------------------------------------------- examples
    def example(self, example: n.Example) -> ir.CheckedExample | None:
        givens: list[tuple[tuple[str, ...], object]] = []
        written: set[str] = set()
        staff: object = None
        day: dt.date | None = None
        ok = True
        for given in example.givens:
            if given.path.dotted in written:
                self.error("E401", given.span, name=given.path.dotted)
                ok = False
                continue
            written.add(given.path.dotted)
            if given.path.dotted in _STAFF_WORDS:
                staff = self.constant(given.value, t.INT)
                if isinstance(staff, int) and staff <= 0:
                    self.error("E127", given.value.span, value=staff)
                ok = ok and isinstance(staff, int) and staff > 0
                continue
            fact = self.exprs.check(given.path)
            if not isinstance(fact, ir.Fact):
                ok = False
                continue
            value = self.constant(given.value, fact.type)
            if value is None:
                ok = False
            elif fact.root == "kalender":
                if fact.attrs_path != ("tanggal",):
                    self.error("E403", given.path.span, name=given.path.dotted)
                    ok = False
                else:
                    day = value  # type: ignore[assignment]  # typed DATE by constant()
            else:
                givens.append(((fact.root, *fact.attrs_path), value))
        if day is None and ok:
            self.error("E402", example.span)
        expects: list[tuple[str, object, t.Type]] = []
        for expect in example.expects:
            name = _OUTPUT_ALIASES.get(expect.path.dotted, expect.path.dotted)
            parts = expect.path.parts
            if len(parts) == 2 and parts[0] in _COUNT_WORDS and self.modes.lookup(parts[1]):
                # 'maka jumlah.WFH adalah 3': a count in a schedule example
                count = self.constant(expect.value, t.INT)
                if count is None:
                    ok = False
                else:
                    expects.append((f"jumlah.{self.modes.lookup(parts[1])}", count, t.INT))
                continue
            kind = self.outputs.get(name)
            if kind is None:
                self.report(
                    Diagnostic(
                        "E108",
                        expect.path.span,
                        {"name": name},
                        suggestions=suggest(name, self.outputs),
                    )
                )
                ok = False
                continue
            value = self.constant(expect.value, kind)
            if value is None:
                ok = False
            else:
                expects.append((name, value, kind))
        for count in example.counts:
            known = self.discipline_ids[count.counts]
            if count.of.label not in known:
                hints = suggest(count.of.label, known)
                self.report(
                    Diagnostic("E104", count.of.span, {"ref": count.of.label}, suggestions=hints)
                )
                ok = False
                continue
            prefix = "pelanggaran" if count.counts == "breaches" else "sanksi"
            expects.append((f"{prefix}:{count.of.label}", int(count.number), t.INT))
        if example.contacts and example.expects:
            # An example with contacts counts breaches and sanctions only.
            self.error("E131", example.expects[0].span, name=example.expects[0].path.dotted)
            ok = False
        counting = [name for name, _, _ in expects if name.startswith("jumlah.")]
        others = [e for e in example.expects if not e.path.dotted.startswith(("jumlah.", "count."))]
        if staff is None and counting:
            self.error("E128", example.span, name=counting[0])
            ok = False
        elif staff is not None and others:
            self.error("E128", others[0].span, name=others[0].path.dotted)
            ok = False
        records, baseline, records_ok = self.example_records(example)
        if not ok or not records_ok or day is None:
            return None
        contacts, contacts_ok = check_example_contacts(
            example, day, self.zone, self.exprs, self.report
        )
        if not contacts_ok:
            return None
        return ir.CheckedExample(
            example.title,
            tuple(givens),
            day,
            tuple(expects),
            staff=staff if isinstance(staff, int) else None,
            contacts=contacts,
            baseline=baseline,
            records=records,
            span=example.span,
        )

    def example_records(
        self, example: n.Example
    ) -> tuple[tuple[tuple[str, str, object, t.Type], ...], object, bool]:
        """A quota, target or report example's expectations, its baseline, and whether all check."""
        quotas, targets, report = self.quota_blocks
        found: list[tuple[str, str, object, t.Type]] = []
        ok = True
        measure: t.Type | None = None
        for expect in example.records:
            if expect.kind == "estimate":
                assert expect.category is not None
                name = expect.category.name
                known = {e.category for e in (report.estimates if report else ())}
                value = self.exprs.check(expect.value)
                if name not in known:
                    hint = suggest(name, known)
                    args = {"ref": f"perkiraan {name}"}
                    self.report(Diagnostic("E104", expect.category.span, args, suggestions=hint))
                    ok = False
                elif not isinstance(value, ir.Const):
                    if value is not None:
                        self.error("E113", expect.value.span)
                    ok = False
                else:
                    found.append(("estimate", name, value.value, value.type))
                continue
            assert expect.of is not None
            label = expect.of.label
            pool: list[ir.QuotaIR | ir.TargetIR] = list(quotas) if expect.kind == "quota" else []
            if expect.kind == "target":
                pool = list(targets)
            if expect.kind == "counted":
                pool = [*quotas, *targets]
            block = next((b for b in pool if b.id == label or b.id.startswith(label + "#")), None)
            if block is None:
                hint = suggest(label, {b.id.split("#")[0] for b in pool})
                self.report(Diagnostic("E104", expect.of.span, {"ref": label}, suggestions=hint))
                ok = False
                continue
            if expect.kind == "quota":
                assert isinstance(block, ir.QuotaIR)
                measure = block.measure_type
                wanted = self.constant(expect.value, measure, name=f"kuota {label}")
            else:
                wanted = self.constant(expect.value, t.BOOL, name=label)
                measure = measure or (block.measure_type if isinstance(block, ir.QuotaIR) else None)
            if wanted is None:
                ok = False
                continue
            kind = measure if expect.kind == "quota" and measure is not None else t.BOOL
            found.append((expect.kind, block.id, wanted, kind))
        baseline: object = None
        if example.baseline is not None:
            baseline = self.constant(example.baseline, measure or t.INT, name="dasar")
            ok = ok and baseline is not None
        return tuple(found), baseline, ok


def _weakens(rule: ir.RuleIR, target: ir.RuleIR) -> bool:
    """An exception from another circular overriding a binding rule with another value."""
    if not target.binding or rule.origin == target.origin:
        return False
    same = isinstance(rule.value, ir.Const) and isinstance(target.value, ir.Const)
    return not (same and rule.value.value == target.value.value)  # type: ignore[union-attr]  # Const by the test


def _assignable(found: t.Type, expected: t.Type) -> bool:
    if isinstance(found, t.UnitType) and isinstance(expected, t.UnitType):
        return True
    if isinstance(found, t.SetType) and isinstance(expected, t.SetType):
        return _assignable(found.element, expected.element)
    return found == expected or (found == t.INT and expected == t.DECIMAL)


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Each elementary cycle found by a depth-first search, once."""
    found: list[list[str]] = []
    seen_sets: set[frozenset[str]] = set()
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in edges.get(node, []):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :]
                key = frozenset(cycle)
                if key not in seen_sets:
                    seen_sets.add(key)
                    found.append(cycle)
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in edges:
        if node not in state:
            visit(node, [])
    return found


def _closure(edges: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    result: dict[str, frozenset[str]] = {}
    for start in edges:
        reached: set[str] = set()
        todo = list(edges[start])
        while todo:
            node = todo.pop()
            if node not in reached:
                reached.add(node)
                todo.extend(edges.get(node, []))
        result[start] = frozenset(reached)
    return result


def check(
    module: n.Module, schema: Schema | None = None, *, static_conflicts: bool = True
) -> tuple[ir.Program | None, list[Diagnostic]]:
    """Check a parsed module: the program (None if any error) and every diagnostic.

    ``static_conflicts=False`` skips the search for conflicts, leaving them to
    the run-time check (for tests of that check, and for very large files).
    """
    # A variant or amendment not merged yet (Circular.load merges it first).
    path = module.span.source.name if module.span and module.span.source else None
    module, merging = resolve(module, path if path and not path.startswith("<") else None)
    if any(d.is_error for d in merging):
        return None, merging
    checker = _Checker(module, schema or Schema(), static_conflicts)
    program = checker.run()
    diagnostics = sorted(checker.diagnostics, key=_position)
    if len(diagnostics) > MAX_DIAGNOSTICS:
        hidden = len(diagnostics) - MAX_DIAGNOSTICS
        last = diagnostics[MAX_DIAGNOSTICS - 1]
        note = ("note-truncated", {"count": hidden})
        diagnostics = [
            *diagnostics[: MAX_DIAGNOSTICS - 1],
            attrs.evolve(last, notes=(*last.notes, note)),
        ]
    return program, diagnostics


def _position(diagnostic: Diagnostic) -> tuple[int, int, str]:
    span = diagnostic.span
    return (span.line, span.column, diagnostic.code) if span else (0, 0, diagnostic.code)


def check_or_raise(
    module: n.Module, schema: Schema | None = None, *, static_conflicts: bool = True
) -> ir.Program:
    """Like :func:`check`, raising :class:`EdaranError` when there is any error."""
    program, diagnostics = check(module, schema, static_conflicts=static_conflicts)
    if program is None or any(d.severity is Severity.ERROR for d in diagnostics):
        raise EdaranError(diagnostics)
    return program
