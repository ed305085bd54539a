"""The ground every layer stands on: diagnostics, types and values, the modes, "did you mean".

Each name is imported on first use (:mod:`edaran.core.lazy`).
"""

from __future__ import annotations

import typing

from edaran.core import lazy

if typing.TYPE_CHECKING:
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

__getattr__ = lazy.lazy_names(
    __name__,
    {
        "BUILTIN_MODES": "edaran.core.modes",
        "DAY_STATUSES": "edaran.core.modes",
        "Diagnostic": "edaran.core.diagnostics",
        "Duration": "edaran.core.types",
        "EdaranError": "edaran.core.diagnostics",
        "EvalError": "edaran.core.types",
        "Label": "edaran.core.diagnostics",
        "STATUS_NOT_IN_FORCE": "edaran.core.modes",
        "STATUS_OFF": "edaran.core.modes",
        "Severity": "edaran.core.diagnostics",
        "Source": "edaran.core.diagnostics",
        "Span": "edaran.core.diagnostics",
        "Type": "edaran.core.types",
        "TypeName": "edaran.core.types",
        "UnitTable": "edaran.core.runtime",
        "WORK_MODE": "edaran.core.modes",
        "json_value": "edaran.core.values",
        "render": "edaran.core.diagnostics",
        "render_all": "edaran.core.diagnostics",
        "show_value": "edaran.core.values",
        "suggest": "edaran.core.suggest",
        "whole_rupiah": "edaran.core.runtime",
    },
)
