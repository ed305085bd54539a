"""Errors the service answers with: a status, a code E600-E629, words in the caller's language.

A :class:`ServiceError` raised anywhere in a request becomes the JSON of
``error.schema.json``: ``code``, ``message`` and ``diagnostics`` (what the
rule file, roster or log said, each with its file, line and column).
"""

from __future__ import annotations

from collections.abc import Sequence

from edaran.core.diagnostics import Diagnostic
from edaran.io.publish import diagnostic_object
from edaran.messages import Lang, message

__all__ = ["ServiceError", "error_body", "negotiate"]


class ServiceError(Exception):
    """A request refused: the HTTP ``status``, the ``code`` and its message's arguments."""

    def __init__(
        self,
        status: int,
        code: str,
        diagnostics: Sequence[Diagnostic] = (),
        **args: object,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.args_ = args
        self.diagnostics = list(diagnostics)
        self.suggestions: tuple[str, ...] = ()


def error_body(error: ServiceError, lang: Lang) -> dict[str, object]:
    """The JSON of an error (schema ``error.schema.json``)."""
    text = message(error.code, lang, error.args_)
    if error.suggestions:
        quoted = ", ".join(f"'{s}'" for s in error.suggestions)
        text += f"; {message('did-you-mean', lang, names=quoted)}"
    return {
        "code": error.code,
        "message": text,
        "diagnostics": [diagnostic_object(d, lang) for d in error.diagnostics],
    }


def negotiate(header: str | None) -> Lang:
    """The language of ``Accept-Language``: ``en`` when English is preferred, else ``id``.

    Quality values are honoured (``id;q=0.5, en`` is English); anything
    else, or no header, is Indonesian.
    """
    best: tuple[float, Lang] = (0.0, "id")
    for part in (header or "").split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("id", "en", "in"):  # 'in' is the old tag of Indonesian
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        lang: Lang = "en" if primary == "en" else "id"
        if quality > best[0]:
            best = (quality, lang)
    return best[1]
