"""The one message catalogue: every word a person reads, in Indonesian and English.

Rule-file diagnostics (``E``/``W`` codes) live in :mod:`~edaran.messages.rules`,
data-file diagnostics (``D`` codes) in :mod:`~edaran.messages.data`, and the
words of each package's outputs in a module named after it.  Everything is
read through :func:`message`.
"""

from edaran.messages.catalogue import (
    CATALOGUE,
    LANGS,
    Lang,
    Localizable,
    Localized,
    catalogue_keys,
    default_lang,
    has_message,
    message,
    os_reason,
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
