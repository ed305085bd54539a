"""The pieces every node is made of: names, clause citations, type names, and spans."""

from __future__ import annotations

import attrs

from edaran.core.diagnostics import Span

__all__ = ["Citation", "Ident", "TypeRef", "span_field"]


def span_field() -> Span | None:
    """A node's span: keyword-only, left out of equality and repr (positions are data)."""
    return attrs.field(default=None, eq=False, repr=False, kw_only=True)  # type: ignore[no-any-return]  # attrs.field is typed as returning the field's type


# ------------------------------------------------------------------ pieces
@attrs.frozen
class Ident:
    """A name as written, with where it was written."""

    name: str
    span: Span | None = span_field()


@attrs.frozen
class Citation:
    """A clause citation: ``butir 12.d``, ``angka 3 huruf b``, ``pasal 5 ayat (2)``.

    ``tag`` tells apart two rules that encode the same clause (``butir 6[pendukung]``).
    """

    kind: str
    number: str
    sub: str | None = None
    tag: str | None = None
    span: Span | None = span_field()

    @property
    def clause(self) -> str:
        """The clause as the circular numbers it, without the tag."""
        if self.kind == "angka":
            return f"angka {self.number}" + (f" huruf {self.sub}" if self.sub else "")
        if self.kind == "pasal":
            return f"pasal {self.number}" + (f" ayat ({self.sub})" if self.sub else "")
        return f"butir {self.number}"

    @property
    def label(self) -> str:
        """The clause with its tag, as rules are referred to."""
        return self.clause + (f"[{self.tag}]" if self.tag else "")


@attrs.frozen
class TypeRef:
    """A type as written in a declaration: ``unit``, ``himpunan unit``."""

    name: str
    is_set: bool = False
    span: Span | None = span_field()
