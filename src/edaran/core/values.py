"""Values as a rule file writes them, for messages, explanations and tables."""

from __future__ import annotations

import datetime as dt
import enum

from edaran.core.types import Duration
from edaran.messages import Lang, message

__all__ = ["show_value"]


def show_value(value: object, lang: Lang = "id") -> str:
    """A value as a rule file would write it (``benar``, ``Jumat``, ``{A, B}``, ``5 menit``)."""
    if isinstance(value, bool):
        return message("value.true" if value else "value.false", lang)
    if isinstance(value, enum.Enum):
        label = getattr(value, "label", None)
        return str(label) if label else value.name
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(show_value(v, lang) for v in value)) + "}"
    if isinstance(value, Duration):
        return value.describe()
    if value is None:
        return message("value.empty", lang)
    if hasattr(value, "kode") and hasattr(value, "nama"):
        return f"{value.kode} ({value.nama})"
    return str(value)
