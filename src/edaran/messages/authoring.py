"""Words of the authoring tools: clause coverage, the rules as a table (export, import).

Keys are ``<namespace>.<name>`` (``coverage.*``, ``export.*``, ``import.*``) or
diagnostic codes (E710-E729: a reviewed workbook that cannot be imported;
D090-D099: a bad cell of one); each entry is ``(indonesian, english)``, a
``str.format`` template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- testing/coverage.py --
    "coverage.head": (
        "cakupan butir {path}: {covered} dari {total} butir diuji contoh ({percent}%)",
        "clause coverage {path}: {covered} of {total} butir exercised by examples ({percent}%)",
    ),
    "coverage.inherited": (
        "  butir warisan (dihitung pada berkas asalnya):",
        "  inherited butir (counted by the file they come from):",
    ),
    "coverage.line": ("baris", "line"),
    "coverage.none": ("TIDAK ADA CONTOH", "NO EXAMPLE"),
    "coverage.missing": (
        "butir tanpa contoh: {labels}",
        "butir no example exercises: {labels}",
    ),
    "coverage.below": (
        "cakupan butir {path} {percent}% di bawah --min-coverage {minimum}%",
        "clause coverage of {path} is {percent}%, below --min-coverage {minimum}%",
    ),
    "coverage.kind-rule": ("aturan", "rule"),
    "coverage.kind-limit": ("batas", "limit"),
    "coverage.kind-duty": ("kewajiban", "duty"),
    "coverage.kind-breach": ("pelanggaran", "breach"),
    "coverage.kind-sanction": ("sanksi", "sanction"),
    "coverage.kind-quota": ("kuota", "quota"),
    "coverage.kind-target": ("sasaran", "target"),
    "coverage.kind-report": ("laporan", "report"),
    "coverage.role-decides": ("memutuskan", "decides"),
    "coverage.role-overridden": ("dikalahkan", "overridden"),
    "coverage.role-limit": ("membatasi", "limit"),
    "coverage.role-duty": ("kewajiban", "duty"),
    "coverage.role-breach": ("pelanggaran", "breach"),
    "coverage.role-sanction": ("sanksi", "sanction"),
    "coverage.role-quota": ("kuota", "quota"),
    "coverage.role-target": ("sasaran", "target"),
    "coverage.role-report": ("laporan", "report"),
}
