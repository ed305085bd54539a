"""A whole rule file: its items in the order written."""

from __future__ import annotations

from typing import TypeAlias

import attrs

from edaran.core.diagnostics import Span
from edaran.lang.nodes.base import span_field
from edaran.lang.nodes.blocks import (
    BreachDecl,
    DutyDecl,
    LimitDecl,
    ProvisionDecl,
    QuotaDecl,
    ReportDecl,
    SanctionDecl,
    TargetDecl,
)
from edaran.lang.nodes.statements import (
    AttributeDecl,
    EnumDecl,
    Example,
    Header,
    HolidayDecl,
    IsbatDecl,
    ModeDecl,
    OutputDecl,
    ParamDecl,
    RemoveDecl,
    Rule,
    SetDecl,
    TableDecl,
    WorkweekDecl,
)

__all__ = ["Item", "Module"]


Item: TypeAlias = (
    RemoveDecl
    | QuotaDecl
    | ProvisionDecl
    | TargetDecl
    | ReportDecl
    | DutyDecl
    | BreachDecl
    | SanctionDecl
    | TableDecl
    | LimitDecl
    | Header
    | AttributeDecl
    | SetDecl
    | EnumDecl
    | ParamDecl
    | OutputDecl
    | ModeDecl
    | HolidayDecl
    | IsbatDecl
    | WorkweekDecl
    | Rule
    | Example
)


@attrs.frozen
class Module:
    """A whole rule file."""

    items: tuple[Item, ...]
    span: Span | None = span_field()
