"""``edaran init``: a new variant folder that extends a template and checks at once.

:func:`scaffold` writes ``target/NAME/`` with

* ``NAME.edaran``: ``memperluas`` the template (a shipped name, or a path
  relative to the new file), the template's own date in force, every rule,
  limit, duty, breach, sanction and declaration of the template as a
  commented-out block to fill, and the template's first ``contoh`` (a child
  does not inherit its parent's examples), so ``edaran check`` and
  ``edaran test`` pass before anything is changed;
* ``roster/unit.csv`` and ``roster/pegawai.csv`` with the documented columns
  and two example rows each (see ``docs/data-formats.md``);
* ``README.md`` for the regency team, in Indonesian.

It refuses, with :class:`ScaffoldError` (an :class:`~edaran.EdaranError`
carrying ``E007``, worded in both languages), a folder that already exists, a
name that is not a plain folder name, and a template that is neither shipped
nor an existing ``.edaran`` file.
"""

from __future__ import annotations

import os
from pathlib import Path

from edaran.core.diagnostics import Diagnostic, EdaranError
from edaran.lang import nodes as n
from edaran.lang.parser import parse_file
from edaran.lang.variants import locate, resolve, template_names
from edaran.messages import Localized

__all__ = ["ScaffoldError", "scaffold"]

DEFAULT_TEMPLATE = "nasional-2026"

_UNIT_CSV = """\
kode,nama,jenis,layanan_publik,induk
BKPSDM,Badan Kepegawaian dan Pengembangan Sumber Daya Manusia,Badan,tidak,
PUSKESMAS_KOTA,UPT Puskesmas Kota,UPT,ya,
"""

_PEGAWAI_CSV = """\
nip,nama,unit,jenjang,jabatan,capaian_kinerja
197512202001121001,"Ir. Herman Siregar, M.T.",BKPSDM,JPT Pratama,Kepala BKPSDM,
199511112022032001,"Dewi Lestari, S.Kep.",PUSKESMAS_KOTA,Fungsional,Perawat Ahli Pertama,"92,5"
"""


class ScaffoldError(EdaranError, ValueError):
    """The scaffold refused: the folder exists, the name or the template is not usable."""

    def __init__(self, path: str | Path, reason: str, **fill: object) -> None:
        args = {"path": str(path), "reason": Localized(f"scaffold.{reason}", **fill)}
        super().__init__([Diagnostic("E007", None, args)])


def scaffold(name: str, target: Path, template: str = DEFAULT_TEMPLATE) -> list[Path]:
    """Write the variant folder ``target/name/``; the paths written, the rule file first."""
    if not name or name in {".", ".."} or any(c in name for c in "/\\") or name.startswith("."):
        raise ScaffoldError(
            name,
            "bad-name",
        )
    folder = Path(target) / name
    if folder.exists():
        raise ScaffoldError(
            folder,
            "exists",
        )
    parent = _template_path(template)
    module, problems = resolve(parse_file(parent), parent)
    if any(d.is_error for d in problems):
        raise EdaranError(problems)
    if _is_path(template):
        reference = Path(os.path.relpath(parent, folder.resolve())).as_posix()
    else:
        reference = template
    rules = folder / f"{name}.edaran"
    roster = folder / "roster"
    roster.mkdir(parents=True)
    rules.write_text(_rule_file(name, reference, module, parse_file(parent)), encoding="utf-8")
    written = [rules]
    for filename, text in (("unit.csv", _UNIT_CSV), ("pegawai.csv", _PEGAWAI_CSV)):
        (roster / filename).write_text(text, encoding="utf-8", newline="")
        written.append(roster / filename)
    readme = folder / "README.md"
    readme.write_text(_readme(name, reference), encoding="utf-8")
    written.append(readme)
    return written


def _is_path(template: str) -> bool:
    return "/" in template or "\\" in template or template.endswith(".edaran")


def _template_path(template: str) -> Path:
    if _is_path(template):
        path = Path(template)
        if path.is_file() and path.suffix == ".edaran":
            return path.resolve()
        raise ScaffoldError(
            template,
            "not-a-file",
        )
    names = template_names()
    if template not in names:
        shipped = ", ".join(names)
        raise ScaffoldError(
            template,
            "unknown",
            shipped=shipped,
        )
    return locate(template, None)


def _text(item: n.Item) -> str:
    span = getattr(item, "span", None)
    if span is None or span.source is None:
        return ""
    return str(span.source.text[span.start : span.end]).rstrip()


def _commented(text: str) -> str:
    return "\n".join(f"# {line}".rstrip() for line in text.splitlines())


def _rule_file(name: str, reference: str, module: n.Module, own: n.Module) -> str:
    header = next(i for i in module.items if isinstance(i, n.Header))
    effective = next((i.values[0] for i in header.items if i.kind == "effective"), None)
    lines = [
        f"# Surat edaran {name}: varian dari templat {header.number} ({reference}).",
        "#",
        "# Isi berkas ini dengan surat edaran daerah Anda:",
        "#   1. ganti NOMOR/TAHUN, tentang, penerbit dan tanggal pada kepala berkas;",
        "#   2. butir templat di bawah diwarisi apa adanya.  Untuk MENGGANTI satu butir,",
        "#      hapus tanda '# ' pada bloknya lalu ubah isinya (nomor butir yang sama",
        "#      menggantikan butir templat); untuk MENGHAPUSNYA tulis 'hapus butir N';",
        "#      butir dengan nomor baru ditambahkan.  Butir 'mengikat' tidak boleh",
        "#      dihapus atau dilemahkan;",
        "#   3. tambahkan 'contoh' untuk setiap aturan Anda, lalu:",
        f"#        edaran check {name}.edaran",
        f"#        edaran test {name}.edaran",
        "",
        'surat_edaran "NOMOR/TAHUN":',
        f'    memperluas "{reference}"',
        '    # tentang "..."',
        '    # penerbit "Bupati/Wali Kota ..."',
    ]
    if effective is not None:
        lines.append(f"    berlaku {effective}    # tanggal templat; ganti dengan tanggal Anda")
    lines += [
        "",
        "# ---------------------------------------------------------------------------",
        f"# Isi templat {header.number}, diwarisi.  Hapus '# ' untuk mengubah.",
        "# ---------------------------------------------------------------------------",
    ]
    for item in module.items:
        if isinstance(item, (n.Header, n.Example, n.RemoveDecl)):
            continue
        text = _text(item)
        if text:
            lines += ["", _commented(text)]
    example = next((i for i in own.items if isinstance(i, n.Example)), None)
    if example is not None:
        lines += [
            "",
            "# ---------------------------------------------------------------------------",
            "# Contoh: diambil dari templat (contoh induk tidak diwarisi).  Sesuaikan bila",
            "# Anda mengubah hari atau aturannya, dan tambahkan contoh Anda sendiri.",
            "# ---------------------------------------------------------------------------",
            "",
            _text(example),
        ]
    return "\n".join(lines) + "\n"


def _readme(name: str, reference: str) -> str:
    if _is_path(reference):
        diff_parent, diff_note = reference, ""
    else:
        diff_parent = "TEMPLAT"
        diff_note = (
            "\nTEMPLAT adalah berkas templat yang terpasang bersama paket:\n\n"
            "```sh\n"
            'python -c "from importlib.resources import files; '
            f"print(files('edaran') / 'templates' / '{reference}.edaran')\"\n"
            "```\n"
        )
    return f"""\
# {name}

Varian surat edaran daerah yang memperluas templat `{reference}`, dibuat
dengan `edaran init`.

## Isi folder

- `{name}.edaran`: aturan surat edaran Anda.  Kepala berkas `memperluas
  "{reference}"` mewarisi seluruh butir templat; setiap butir templat
  tercantum sebagai komentar untuk diisi.  Hapus tanda `# ` pada satu blok
  untuk mengganti butir itu, tulis `hapus butir N` untuk menghapusnya (kecuali
  butir `mengikat`), dan tambahkan butir baru dengan nomor baru.
- `roster/unit.csv` dan `roster/pegawai.csv`: daftar unit dan pegawai, dengan
  kolom seperti ekspor SIMPEG (lihat `docs/data-formats.md`).  Dua baris
  contoh di setiap berkas hanya contoh: ganti dengan data daerah Anda.

## Langkah kerja

```sh
edaran check {name}.edaran          # periksa aturan
edaran test {name}.edaran           # jalankan semua contoh
edaran diff {diff_parent} {name}.edaran   # bandingkan dengan templat
edaran run .                        # periksa, uji, putuskan, ringkas
```
{diff_note}
Setiap aturan yang Anda ubah perlu satu `contoh` yang membuktikannya.
Jangan menerbitkan varian sebelum `edaran check` bersih dan `edaran test`
lulus semua.

Panduan lengkap: `docs/guide-regency.md`.
"""
