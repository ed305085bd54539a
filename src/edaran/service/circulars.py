"""The service's configuration and the circulars it serves.

A service serves the ``*.edaran`` files of one folder (each known by its
file name without ``.edaran``) and any templates named on the command line
(shipped, or installed as packages: ``edaran.templates`` entry points).
Every circular is loaded and checked when the service starts, so a broken
file stops the start with its diagnostics, not a request later.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from edaran.core.diagnostics import Diagnostic, EdaranError
from edaran.core.suggest import suggest
from edaran.core.values import json_value
from edaran.engine.circular import Circular
from edaran.io.publish import provenance
from edaran.lang.variants import locate, template_names
from edaran.service.errors import ServiceError

__all__ = ["DEFAULT_MAX_BODY", "Served", "ServiceConfig"]

#: The largest request body by default: a province's roster as CSV fits many times over.
DEFAULT_MAX_BODY = 20 * 1024 * 1024


@attrs.frozen
class ServiceConfig:
    """How a service runs.

    ``folder``: the folder whose ``*.edaran`` files are served, and the only
    place a rule file sent to ``/check`` or ``/test`` may extend or amend
    besides the templates; ``templates``: template names served too;
    ``token``: when set, every request but ``/health`` and ``/openapi.json``
    needs ``Authorization: Bearer <token>``; ``max_body``: the largest
    request body in bytes; ``max_rule_bytes``: the largest rule file sent to
    ``/check`` and ``/test``; ``max_days``: the longest date range of one
    request; ``without_names``: leave people's names out of every response.
    """

    folder: Path | None = None
    templates: tuple[str, ...] = ()
    token: str | None = attrs.field(default=None, repr=False)
    max_body: int = DEFAULT_MAX_BODY
    max_rule_bytes: int = 512 * 1024
    max_days: int = 366
    without_names: bool = False


class Served:
    """The circulars of a configuration, loaded and checked, by id."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.circulars: dict[str, Circular] = {}
        problems: list[Diagnostic] = []
        paths: list[tuple[str, Path]] = []
        if config.folder is not None:
            paths += [(p.stem, p) for p in sorted(config.folder.glob("*.edaran"))]
        paths += [(name, locate(name, None)) for name in config.templates]
        for ident, path in paths:
            try:
                self.circulars[ident] = Circular.load(path)
            except EdaranError as err:
                problems += err.diagnostics
        if problems:
            raise EdaranError(problems)

    def get(self, ident: str) -> Circular:
        """The circular served as ``ident``; E604 (404) naming the nearest ids otherwise."""
        found = self.circulars.get(ident)
        if found is None:
            error = ServiceError(404, "E604", circular=ident[:80])
            error.suggestions = tuple(suggest(ident, self.circulars))
            raise error
        return found

    def may_extend(self, path: Path) -> bool:
        """Whether a rule file sent to the service may extend or amend ``path``.

        A template (shipped or installed) or a file inside the served folder;
        never anything else on the server's disk.
        """
        resolved = path.resolve()
        if any(resolved == locate(name, None) for name in template_names()):
            return True
        folder = self.config.folder
        return folder is not None and resolved.is_relative_to(folder.resolve())

    # ------------------------------------------------------------ descriptions
    def listing(self) -> dict[str, object]:
        """``GET /circulars`` (schema ``circulars.schema.json``)."""
        return {
            "circulars": [
                {
                    "id": ident,
                    "number": c.number,
                    "title": c.program.header.subject,
                    "effective_from": _iso(c.program.header.effective_from),
                    "effective_until": _iso(c.program.header.effective_until),
                    "provenance": provenance(c),
                }
                for ident, c in self.circulars.items()
            ]
        }

    def detail(self, ident: str) -> dict[str, object]:
        """``GET /circulars/{id}``: clauses, parameters and versions (``circular.schema.json``)."""
        c = self.get(ident)
        program = c.program
        return {
            "id": ident,
            "provenance": provenance(c),
            "number": c.number,
            "title": program.header.subject,
            "outputs": list(program.outputs),
            "clauses": [
                {
                    "rule": r.id,
                    "clause": r.clause,
                    "title": r.title,
                    "output": r.output,
                    "default": r.is_default,
                    "origin": r.origin,
                }
                for r in program.rules
            ],
            "parameters": [
                {
                    "name": name,
                    "values": [
                        {"from": _iso(since), "value": json_value(value)} for since, value in values
                    ],
                }
                for name, values in program.params.items()
                if name not in program.tables  # a table that changes from dates
            ],
            "versions": [_version(v) for v in c.versions()],
        }


def _version(c: Circular) -> dict[str, object]:
    header = c.program.header
    return {
        "number": c.number,
        "effective_from": _iso(header.effective_from),
        "effective_until": _iso(header.effective_until),
        "rule_file_sha256": c.source_sha256,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
