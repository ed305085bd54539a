"""Variants: a rule file that extends another (``memperluas "induk.edaran"``).

A province or regency writes its circular as the changes to the one it
follows.  :func:`resolve` turns such a file into one module before checking:

* the parent's declarations, rules, limits and discipline blocks come first,
  each rule marked with the number of the circular it comes from, so an
  explanation cites the parent for an inherited rule and the child for its own;
* a child rule, limit, duty, breach, sanction, quota, target or per-record
  rule (``ketentuan``) with the same citation replaces the parent's in place;
  a declaration with the same name replaces the parent's; ``hapus butir X``
  removes one; everything else is added;
* the header is the child's, with what it leaves out taken from the parent;
  the parent's examples are not inherited (the child's rules may differ);
* the parent is a path relative to the extending file, or the name of a
  template shipped with the package (``memperluas "nasional-2026"``) or
  installed as a package of its own (an ``edaran.templates`` entry point:
  :func:`installed_templates`; a shipped name comes first); a path must name
  an ``.edaran`` file (E012), inside the ``--root`` folder when one is set
  (E013), and is read through the guarded reader (a regular file within the
  size limit);
* a rule the parent marks ``mengikat`` (binding) may be neither removed nor
  replaced (E141); the checker refuses an exception that would override it
  with another value (E142).

An amendment (``mengubah "induk.edaran"``) merges the same way; what differs
is time.  It takes effect on its own ``berlaku`` date, which must fall inside
the amended circular's force (E147), and ends when that one ends unless it
says otherwise.  Before that date the amended circular stays in force: the
engine keeps it as the previous version (:func:`amended`).  A file either
extends or amends, not both (E146).
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from edaran.core.diagnostics import Diagnostic, EdaranError, Label
from edaran.core.files import parent_root
from edaran.lang import nodes as n
from edaran.lang.attributes import OWNERS
from edaran.lang.dates import hijri_parts
from edaran.lang.ir import AMENDED
from edaran.lang.parser import parse_file
from edaran.messages import Localized
from edaran.model.dates import hijri_month, normalise

__all__ = [
    "TEMPLATE_GROUP",
    "amended",
    "extended_path",
    "installed_templates",
    "locate",
    "resolve",
    "template_names",
]

_CITED = (
    n.Rule,
    n.LimitDecl,
    n.DutyDecl,
    n.BreachDecl,
    n.SanctionDecl,
    n.QuotaDecl,
    n.TargetDecl,
    n.ReportDecl,
    n.ProvisionDecl,
)
_NAMED = (n.SetDecl, n.EnumDecl, n.ParamDecl, n.TableDecl, n.OutputDecl, n.ModeDecl)


def _header(module: n.Module) -> n.Header | None:
    return next((i for i in module.items if isinstance(i, n.Header)), None)


def _extends(header: n.Header | None) -> n.HeaderItem | None:
    """The header's ``memperluas`` or ``mengubah`` line."""
    if header is None:
        return None
    return next((i for i in header.items if i.kind in ("extends", "amends")), None)


def extended_path(module: n.Module, path: str | Path | None) -> Path | None:
    """The file this one extends or amends, or None when it does neither."""
    parent = _extends(_header(module))
    return None if parent is None else locate(parent.values[0], path)


def amended(module: n.Module, path: str | Path | None) -> Path | None:
    """The file an amendment (``mengubah``) amends, or None for any other file."""
    parent = _extends(_header(module))
    return extended_path(module, path) if parent is not None and parent.kind == "amends" else None


def _key(item: n.Item) -> tuple[str, str] | None:
    if isinstance(item, _CITED):
        return (type(item).__name__, item.citation.label)
    if isinstance(item, _NAMED):
        return (type(item).__name__, item.name.name)
    if isinstance(item, n.WorkweekDecl):
        return ("WorkweekDecl", "")
    if isinstance(item, n.IsbatDecl):
        # A child's isbat of a month replaces its parent's, whatever day of it either names.
        parts = hijri_parts(item.hijri.text)
        if parts is not None:
            _day, month, year = parts
            return ("IsbatDecl", f"{hijri_month(month) or normalise(month)}-{year}")
    if isinstance(item, n.AttributeDecl):
        owner = OWNERS.get(item.owner.name, item.owner.name)
        return ("AttributeDecl", f"{owner}.{item.name.name}")
    return None


def resolve(
    module: n.Module, path: str | Path | None = None, *, _seen: Sequence[Path] = ()
) -> tuple[n.Module, list[Diagnostic]]:
    """The module with the circular it extends merged in, and what went wrong."""
    header = _header(module)
    extends = _extends(header)
    removals = [i for i in module.items if isinstance(i, n.RemoveDecl)]
    if extends is None:
        problems = [Diagnostic("E144", r.span, {}) for r in removals]
        return module, problems
    assert header is not None  # _extends found a line in it
    both = [i for i in header.items if i.kind in ("extends", "amends")]
    if len({i.kind for i in both}) > 1:
        return module, [Diagnostic("E146", both[1].span, {})]
    if len(both) > 1:  # the checker never sees these lines: the merged header drops them
        kind = Localized("kw-" + both[1].kind)
        return module, [Diagnostic("E111", both[1].span, {"field": kind})]
    parent_path = locate(extends.values[0], path)
    refused = _refused(parent_path, extends)
    if refused is not None:
        return module, [refused]
    if not _seen and path is not None:
        _seen = (Path(path).resolve(),)
    if parent_path in _seen:
        chain = " → ".join(str(p.name) for p in (*_seen, parent_path))
        return module, [Diagnostic("E140", extends.span, {"chain": chain})]
    try:
        parent = parse_file(_shown(parent_path))
    except EdaranError as err:
        return module, [
            Diagnostic("E145", extends.span, {"path": extends.values[0]}),
            *err.diagnostics,
        ]
    parent, problems = resolve(parent, parent_path, _seen=(*_seen, parent_path))
    if extends.kind == "amends":
        header, timing = _amendment_header(_header(parent), header)
        problems.extend(timing)
    merged, more = _merge(parent, module, header)
    return merged, [*problems, *more]


def _amendment_header(
    parent: n.Header | None, child: n.Header
) -> tuple[n.Header, list[Diagnostic]]:
    """The amendment's header with the amended one's end date, and E147 for a date outside it.

    Dates are compared as ISO text: the checker reports one that is not a date.
    """
    own = next((i for i in child.items if i.kind == "effective"), None)
    theirs = next((i for i in (parent.items if parent else ()) if i.kind == "effective"), None)
    if own is None or theirs is None:
        return child, []  # the checker says E110 for a header without 'berlaku'
    start, end = theirs.values[0], theirs.values[1] if len(theirs.values) > 1 else None
    date = own.values[0]
    if date <= start or (end is not None and date > end):
        window = f"{start}..{end or ''}"
        args = {"date": date, "parent": parent.number if parent else "", "window": window}
        return child, [
            Diagnostic(
                "E147",
                own.span,
                args,
                labels=(Label(theirs.span, "label-amended"),) if theirs.span else (),
            )
        ]
    if len(own.values) == 1 and end is not None:
        items = tuple(attrs.evolve(i, values=(date, end)) if i is own else i for i in child.items)
        child = attrs.evolve(child, items=items)
    return _after_window(child, ends=len(own.values) > 1), []


def _after_window(child: n.Header, ends: bool) -> n.Header:
    """The amendment's 'sesudahnya', marked as an amendment's (AMENDED) for the checker.

    An amendment with an end of its own (``berlaku A sampai B``) changes the
    amended circular only over its window: without a ``sesudahnya`` line of its
    own, the amended circular applies again after B (not the amended one's own
    ``sesudahnya``, which the merge would otherwise inherit).
    """
    items = list(child.items)
    own = next((i for i in items if i.kind == "afterwards"), None)
    if own is None and ends:
        items.append(n.HeaderItem("afterwards", ("induk", AMENDED), span=None))
    elif own is not None:
        items[items.index(own)] = attrs.evolve(own, values=(*own.values[:1], AMENDED))
    return attrs.evolve(child, items=tuple(items))


def _refused(parent: Path, extends: n.HeaderItem) -> Diagnostic | None:
    """E012 for a parent that is not a rule file, E013 for one outside ``--root``, E145 for
    the name of a template that is not installed.

    Neither is read: a diagnostic about a parent must never show a line of a
    file that is not a rule file (``memperluas "/etc/shadow"``).
    """
    if _is_template(parent):
        return None
    written = extends.values[0]
    if _bare(written):  # the name of a template that is not installed: no file is read
        return Diagnostic("E145", extends.span, {"path": written})
    if not written.endswith(".edaran"):
        return Diagnostic("E012", extends.span, {"path": written})
    root = parent_root()
    if root is not None and not parent.is_relative_to(root):
        return Diagnostic("E013", extends.span, {"path": written, "root": str(root)})
    return None


def _is_template(path: Path) -> bool:
    """A shipped template, or one installed as a package: allowed wherever it lies."""
    if path.parent == Path(str(_templates())).resolve():
        return True
    return path in installed_templates().values()


#: The entry-point group of templates published as packages (docs/variants.md).
TEMPLATE_GROUP = "edaran.templates"


def template_names() -> list[str]:
    """The templates a rule file can extend by name: shipped, then installed as packages."""
    shipped = [
        p.name.removesuffix(".edaran") for p in _templates().iterdir() if p.name.endswith(".edaran")
    ]
    return sorted({*shipped, *installed_templates()})


def installed_templates() -> dict[str, Path]:
    """Templates installed as packages: entry-point name -> its rule file.

    A province publishes its template as a package with an entry point in
    the group ``edaran.templates``: the name is the template's name, the
    value the package holding ``<name>.edaran`` (``sumsel-2026 =
    "edaran_templat_sumsel"``).  An entry point whose package or file is
    missing is left out.
    """
    found: dict[str, Path] = {}
    for point in importlib.metadata.entry_points(group=TEMPLATE_GROUP):
        try:
            file = resources.files(point.module).joinpath(f"{point.name}.edaran")
        except (ImportError, TypeError):  # the package is gone, or is not a package
            continue
        if file.is_file():
            found.setdefault(point.name, Path(str(file)).resolve())
    return found


def _templates() -> Any:
    return resources.files("edaran").joinpath("templates")


def _shown(path: Path) -> Path:
    """``path`` relative to the working folder when it lies inside it (as messages show it)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _bare(name: str) -> bool:
    """A name without a folder or an ``.edaran`` ending: the name of a template."""
    return "/" not in name and "\\" not in name and not name.endswith(".edaran")


def locate(name: str, path: str | Path | None) -> Path:
    """A path relative to the extending file, or the name of a shipped or installed template."""
    if _bare(name):
        template = _templates().joinpath(f"{name}.edaran")
        if template.is_file():
            return Path(str(template)).resolve()
        installed = installed_templates().get(name)
        if installed is not None:
            return installed
    base = Path(path).parent if path is not None else Path.cwd()
    return (base / name).resolve()


def _merge(
    parent: n.Module, child: n.Module, header: n.Header | None
) -> tuple[n.Module, list[Diagnostic]]:
    parent_header = _header(parent)
    number = parent_header.number if parent_header else ""
    child_number = header.number if header else ""
    items: list[n.Item] = []
    for item in parent.items:
        if isinstance(item, (n.Header, n.Example, n.RemoveDecl)):
            continue
        if isinstance(item, n.Rule) and item.origin is None:
            item = attrs.evolve(item, origin=number)
        items.append(item)
    problems: list[Diagnostic] = []
    for item in child.items:
        if isinstance(item, (n.Header, n.RemoveDecl)):
            continue
        if isinstance(item, n.Rule):
            item = attrs.evolve(item, origin=child_number)
        key = _key(item)
        index = next(
            (i for i, old in enumerate(items) if key is not None and _key(old) == key), None
        )
        if index is None:
            items.append(item)
            continue
        old = items[index]
        if isinstance(old, n.Rule) and old.binding:
            problems.append(_binding(item, old, "replace"))
            continue
        if isinstance(old, n.AttributeDecl) and isinstance(item, n.AttributeDecl):
            merged = _more_members(old, item, problems)
            if merged is None:
                continue
            item = merged
        items[index] = item
    for removal in (i for i in child.items if isinstance(i, n.RemoveDecl)):
        for citation in removal.citations:
            index = next(
                (
                    i
                    for i, old in enumerate(items)
                    if isinstance(old, _CITED) and old.citation.label == citation.label
                ),
                None,
            )
            if index is None:
                problems.append(Diagnostic("E104", citation.span, {"ref": citation.label}))
                continue
            old = items[index]
            if isinstance(old, n.Rule) and old.binding:
                problems.append(_binding(removal, old, "remove"))
                continue
            del items[index]
    return n.Module((_merged_header(parent_header, header), *items), span=child.span), problems


def _more_members(
    old: n.AttributeDecl, new: n.AttributeDecl, problems: list[Diagnostic]
) -> n.AttributeDecl | None:
    """A variant's declaration of an inherited attribute: the parent's enumeration with
    the members the child adds (E165 when the child changes the type)."""

    def shown(decl: n.AttributeDecl) -> str:
        if decl.type is None:
            return "enumerasi {" + ", ".join(m.name for m in decl.members) + "}"
        return decl.type.name

    if (old.type is None) != (new.type is None) or (
        old.type is not None and new.type is not None and old.type != new.type
    ):
        owner = "pegawai" if old.owner.name == "employee" else old.owner.name
        args = {"owner": owner, "name": old.name.name, "parent": shown(old)}
        labels = (Label(old.span, "label-inherited"),) if old.span is not None else ()
        problems.append(Diagnostic("E165", new.span, args, labels=labels))
        return None
    if new.type is not None:
        return new
    names = {m.name for m in old.members}
    added = tuple(m for m in new.members if m.name not in names)
    return attrs.evolve(new, members=(*old.members, *added))


def _binding(item: n.Item, old: n.Rule, action: str) -> Diagnostic:
    label = (Label(old.span, "label-binding"),) if old.span else ()
    args = {
        "ref": old.citation.label,
        "parent": old.origin or "",
        "action": Localized(f"action.{action}"),
    }
    return Diagnostic("E141", item.span, args, labels=label)


def _merged_header(parent: n.Header | None, child: n.Header | None) -> n.Header:
    assert child is not None  # resolve() only merges a file that has a header
    # The merged module extends nothing: resolving it again changes nothing.
    own = tuple(i for i in child.items if i.kind not in ("extends", "amends"))
    child = attrs.evolve(child, items=own)
    kinds = {i.kind for i in child.items}
    inherited = tuple(
        i
        for i in (parent.items if parent else ())
        if i.kind not in kinds and i.kind not in ("extends", "amends")
    )
    return attrs.evolve(child, items=(*child.items, *inherited))
