"""The ground every layer stands on: diagnostics, types and values, the modes, "did you mean"."""

from __future__ import annotations

from edaran.core.diagnostics import (
    Diagnostic,
    EdaranError,
    Label,
    Severity,
    Source,
    Span,
    render,
    render_all,
)
from edaran.core.modes import (
    BUILTIN_MODES,
    DAY_STATUSES,
    STATUS_NOT_IN_FORCE,
    STATUS_OFF,
    WORK_MODE,
)
from edaran.core.runtime import UnitTable, whole_rupiah
from edaran.core.suggest import suggest
from edaran.core.types import Duration, EvalError, Type, TypeName
from edaran.core.values import json_value, show_value

__all__ = [
    "BUILTIN_MODES",
    "DAY_STATUSES",
    "STATUS_NOT_IN_FORCE",
    "STATUS_OFF",
    "WORK_MODE",
    "Diagnostic",
    "Duration",
    "EdaranError",
    "EvalError",
    "Label",
    "Severity",
    "Source",
    "Span",
    "Type",
    "TypeName",
    "UnitTable",
    "json_value",
    "render",
    "render_all",
    "show_value",
    "suggest",
    "whole_rupiah",
]
