"""The one message catalogue: every sentence a person reads, in Indonesian and English.

Keys are diagnostic codes (``E101``, ``D014``) or short names; the words of
each package's outputs are namespaced (``schedule.col-nip``,
``discipline.sum-head``).  Each entry is ``(indonesian, english)``, a
``str.format`` template filled from named arguments.  Indonesian is the
default language.

Both languages of an entry use the same placeholders.  English nouns that
follow a number take the plural from it with a format spec of their own:
``{count:?warning|warnings}`` is ``warning`` when ``count`` is 1 and
``warnings`` otherwise; Indonesian has no plural and writes the noun.

An argument that is itself worded (a type name, a reason, a list of expected
tokens) is a :class:`Localizable`: it is worded in the message's language
when the message is.
"""

from __future__ import annotations

import errno
import os
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, Protocol, runtime_checkable

from edaran.messages import (
    authoring,
    cli,
    data,
    discipline,
    engine,
    lang,
    model,
    population,
    publish,
    quota,
    report,
    review,
    rules,
    scheduling,
    service,
    variants,
)

__all__ = [
    "CATALOGUE",
    "LANGS",
    "Lang",
    "Localizable",
    "Localized",
    "catalogue_keys",
    "default_lang",
    "has_message",
    "message",
    "os_reason",
]

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

_TABLES = (
    rules,
    data,
    lang,
    model,
    publish,
    engine,
    scheduling,
    discipline,
    quota,
    report,
    variants,
    population,
    service,
    authoring,
    review,
    cli,
)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in _TABLES:
        for key, entry in table.WORDS.items():
            if key in merged:
                raise KeyError(f"message {key!r} is in the catalogue twice ({table.__name__})")
            merged[key] = entry
    return merged


#: Every entry, read-only.
CATALOGUE: Mapping[str, tuple[str, str]] = MappingProxyType(_merge())


@runtime_checkable
class Localizable(Protocol):
    """A message argument worded in the reader's language when the message is."""

    def localize(self, lang: Lang) -> str:
        """The argument's words in ``lang``."""


def default_lang() -> Lang:
    """The language from ``EDARAN_LANG`` (``id`` or ``en``), Indonesian otherwise."""
    value = os.environ.get("EDARAN_LANG", "id").strip().lower()
    return "en" if value.startswith("en") else "id"


class _Plurals(string.Formatter):
    """``str.format`` with one more spec: ``{n:?one|many}`` picks a noun by the count ``n``."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("?"):
            one, _, many = format_spec[1:].partition("|")
            return one if value == 1 else many
        return str(super().format_field(value, format_spec))


_PLURALS = _Plurals()


def message(key: str, lang: Lang, args: Mapping[str, Any] | None = None, /, **more: Any) -> str:
    """The catalogue entry ``key`` in ``lang``, filled with ``args`` and ``more``.

    Arguments that are :class:`Localizable` are worded in ``lang`` first.
    """
    try:
        template = CATALOGUE[key][0 if lang == "id" else 1]
    except KeyError:
        raise KeyError(f"no message {key!r} in the catalogue") from None
    values = {**(args or {}), **more}
    if not values:
        return template
    filled = {
        name: value.localize(lang) if isinstance(value, Localizable) else value
        for name, value in values.items()
    }
    if ":?" in template:
        return _PLURALS.vformat(template, (), filled)
    return template.format_map(filled)


def has_message(key: str) -> bool:
    """True when the catalogue has an entry ``key`` (for words chosen by data)."""
    return key in CATALOGUE


class Localized:
    """A catalogue entry used as a message argument, worded when the message is."""

    def __init__(self, key: str, **args: Any) -> None:
        self.key, self.args = key, args

    def localize(self, lang: Lang) -> str:
        """The entry in ``lang``."""
        return message(self.key, lang, self.args)

    def __repr__(self) -> str:
        return f"Localized({self.key!r}, {self.args!r})"


def os_reason(err: OSError) -> Localized:
    """Why the operating system refused a file, in the reader's language."""
    name = errno.errorcode.get(err.errno or 0, "")
    key = f"os-{name}"
    if key in CATALOGUE:
        return Localized(key)
    return Localized("os-other", text=err.strerror or type(err).__name__)


def catalogue_keys() -> list[str]:
    """Every key in the catalogue, sorted (for docs and completeness tests)."""
    return sorted(CATALOGUE)
