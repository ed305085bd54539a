"""Hypothesis strategies: random rule files (as text) and random workforces.

The rule files are written in the edaran language itself, so a property test
drives the whole pipeline (parser, checker, both backends).  They are valid
by construction: every name is declared, every exception points to an earlier
rule (so the exception graph is acyclic), labels are unique.  Conflicts
between rules and days that no rule decides are *not* avoided: loaded with
``static_conflicts=False`` they surface at run time, where both backends must
report them identically.

The unit codes come from one small pool, :data:`UNIT_CODES`, shared by the
rules and the workforce; the workforce links them into random trees, so that
``unit termasuk {DISDIK}`` matches a school under the Education Office only
through its lineage (``Unit.silsilah``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from edaran.model import Employee, PositionLevel, Unit, UnitKind

__all__ = [
    "DATE_MAX",
    "DATE_MIN",
    "UNIT_CODES",
    "RuleFile",
    "Workforce",
    "rule_files",
    "scenarios",
    "workforces",
]

DATE_MIN = dt.date(2026, 1, 1)
DATE_MAX = dt.date(2026, 12, 31)

#: unit code -> its natural parent (the workforce may re-link them at random)
UNIT_TREE: dict[str, str | None] = {
    "SETDA": None,
    "BIRO_HUKUM": "SETDA",
    "DISDIK": None,
    "SMAN1_PLG": "DISDIK",
    "UPT_BTKP": "DISDIK",
    "BAPENDA": None,
    "UPTB_SAMSAT_PLG1": "BAPENDA",
    "BPBD": None,
    "RSUD_SF": "DINKES",
    "DINKES": None,
}
UNIT_CODES = tuple(UNIT_TREE)
#: codes a rule may name: the pool and one that no unit has
RULE_CODES = (*UNIT_CODES, "TIDAK_ADA")

#: the last day of each month of 2026 (a month step from the 31st may have no answer)
MONTH_ENDS = (
    *(dt.date(2026, m, 1) - dt.timedelta(days=1) for m in range(2, 13)),
    dt.date(2026, 12, 31),
)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat")
ALL_WEEKDAYS = (*WEEKDAYS, "Sabtu", "Minggu")
LEVELS = tuple(level.name for level in PositionLevel)
KINDS = tuple(kind.name for kind in UnitKind)
MODES = ("WFO", "WFH", "WFA")
#: times of day a rule file may give the start of work; 08:00 and later make 16 hours pass midnight
TIMES = ("07:00", "07:30", "07:45", "08:00", "08:15")
SCORES = (
    Decimal("60"),
    Decimal("75.5"),
    Decimal("79.9"),
    Decimal("80"),
    Decimal("80.0"),
    Decimal("80.1"),
    Decimal("85.5"),
    Decimal("90"),
    Decimal("100"),
)

#: every keyword used, with its Indonesian and English spelling
KEYWORDS = {
    "jika": ("jika", "if"),
    "dan": ("dan", "and"),
    "atau": ("atau", "or"),
    "tidak": ("tidak", "not"),
    "adalah": ("adalah", "is"),
    "termasuk": ("termasuk", "in"),
    "antara": ("antara", "between"),
    "bawaan": ("bawaan", "default"),
    "pengecualian atas": ("pengecualian atas", "exception to"),
    "mulai": ("mulai", "from"),
}


@attrs.frozen
class RuleFile:
    """A generated rule file, the dates it names and the days it is in force."""

    text: str
    dates: tuple[dt.date, ...]
    in_force: tuple[dt.date, dt.date] = (DATE_MIN, DATE_MAX)


@attrs.frozen
class Workforce:
    """Units by code and employees on them."""

    units: dict[str, Unit]
    employees: tuple[Employee, ...]


# ------------------------------------------------------------------ helpers
def _dates(
    lo: dt.date = dt.date(2026, 3, 1), hi: dt.date = dt.date(2026, 10, 31)
) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=lo, max_value=hi)


class _Writer:
    """Draws pieces of rule text; remembers the dates it wrote."""

    def __init__(self, draw: st.DrawFn, english: bool) -> None:
        self.draw = draw
        self.english = english
        self.dates: list[dt.date] = []

    def kw(self, word: str) -> str:
        indonesian, english = KEYWORDS[word]
        if self.english and self.draw(st.booleans()):
            return english
        return indonesian

    def date(
        self, lo: dt.date = dt.date(2026, 3, 1), hi: dt.date = dt.date(2026, 10, 31)
    ) -> dt.date:
        day = self.draw(_dates(lo, hi))
        self.dates.append(day)
        return day

    def pick(self, items: tuple[str, ...] | list[str]) -> str:
        return self.draw(st.sampled_from(tuple(items)))

    def subset(self, items: tuple[str, ...], max_size: int = 3) -> str:
        chosen = self.draw(
            st.lists(st.sampled_from(items), min_size=1, max_size=max_size, unique=True)
        )
        return "{" + ", ".join(chosen) + "}"


@attrs.define
class _Decls:
    """What the file declares, so conditions only name what exists."""

    day_param: bool = False
    score_param: bool = False
    mode_param: bool = False
    unit_set: bool = False
    level_set: bool = False
    day_set: bool = False
    extra_mode: bool = False
    #: per-unit tables (``tabel X: unit -> persen``), looked up by unit or parent
    share_table: bool = False
    mode_table: bool = False
    #: working hours: a dated ``MASUK: waktu``, a ``ISTIRAHAT: durasi``, and outputs of both types
    hours: bool = False
    #: also write comparisons that fail to evaluate on some days
    evaluation_errors: bool = False


def _table_body(w: _Writer, mulai: str, values: tuple[str, ...]) -> list[str]:
    """The rows of a per-unit table; the default and rows may change from dates."""
    lines = []
    if w.draw(st.booleans()):
        lines.append(f"    {mulai} {w.date().isoformat()}: {w.pick(values)}")
    for code in w.draw(st.lists(st.sampled_from(UNIT_CODES), max_size=3, unique=True)):
        lines.append(f"    {code}: {w.pick(values)}")
        dates = sorted({w.date() for _ in range(w.draw(st.integers(0, 2)))})
        lines += [f"        {mulai} {day.isoformat()}: {w.pick(values)}" for day in dates]
    return lines


# --------------------------------------------------------------- conditions
def _atom(w: _Writer, decls: _Decls) -> str:
    """One comparison; ``w.draw`` picks which."""
    if decls.evaluation_errors and w.draw(st.integers(0, 4)) == 0:
        return _risky_atom(w, decls)
    kinds = [
        "day_is",
        "day_in",
        "level_is",
        "level_in",
        "unit_in",
        "unit_is",
        "unit_kind",
        "public",
        "score",
        "date_between",
        "date_cmp",
        "parent",
        "parent_public",
        "score_arith",
        "english_names",
        "duty",
    ]
    if decls.share_table or decls.mode_table:
        kinds += ["table", "table"]
    if decls.hours:
        kinds += ["hours", "hours"]
    kind = w.pick(kinds)
    adalah, termasuk = w.kw("adalah"), w.kw("termasuk")
    if kind == "day_is":
        target = "HARI_WFH" if decls.day_param and w.draw(st.booleans()) else w.pick(WEEKDAYS)
        op = w.pick((adalah, "bukan", f"{adalah} {w.kw('tidak')}"))
        return f"hari {op} {target}"
    if kind == "day_in":
        target = "HARI_LONGGAR" if decls.day_set and w.draw(st.booleans()) else w.subset(WEEKDAYS)
        neg = w.kw("tidak") + " " if w.draw(st.integers(0, 3)) == 0 else ""
        return f"hari {neg}{termasuk} {target}"
    if kind == "level_is":
        return f"pegawai.jenjang {adalah} {w.pick(LEVELS)}"
    if kind == "level_in":
        target = "PIMPINAN" if decls.level_set and w.draw(st.booleans()) else w.subset(LEVELS)
        return f"pegawai.jenjang {termasuk} {target}"
    if kind == "unit_in":
        target = (
            "KELOMPOK_UNIT" if decls.unit_set and w.draw(st.booleans()) else w.subset(RULE_CODES)
        )
        neg = w.kw("tidak") + " " if w.draw(st.integers(0, 3)) == 0 else ""
        return f"unit {neg}{termasuk} {target}"
    if kind == "unit_is":
        code = w.pick(RULE_CODES)
        if w.draw(st.booleans()):
            code = f'"{code}"'
        return f"unit {w.pick((adalah, 'bukan'))} {code}"
    if kind == "unit_kind":
        if w.draw(st.booleans()):
            return f"unit.jenis {adalah} {w.pick(KINDS)}"
        return f"unit.jenis {termasuk} {w.subset(KINDS)}"
    if kind == "public":
        return w.pick(
            (
                "unit.layanan_publik",
                f"unit.layanan_publik {adalah} benar",
                f"unit.layanan_publik {adalah} salah",
            )
        )
    if kind == "score":
        op = w.pick((">=", ">", "<", "<=", "=", "!="))
        bound = (
            "BATAS"
            if decls.score_param and w.draw(st.booleans())
            else w.pick(("80", "80.0", "79.5", "85"))
        )
        return f"pegawai.capaian_kinerja {op} {bound}"
    if kind == "date_between":
        lo = w.date()
        hi = w.date(lo, dt.date(2026, 12, 31))
        return f"tanggal {w.kw('antara')} {lo.isoformat()} {w.kw('dan')} {hi.isoformat()}"
    if kind == "date_cmp":
        return f"tanggal {w.pick(('>=', '<', '>', '<='))} {w.date().isoformat()}"
    if kind == "parent":
        if w.draw(st.booleans()):
            return f"unit.induk {termasuk} {w.subset(RULE_CODES)}"
        return f"unit.induk {adalah} {w.pick(RULE_CODES)}"
    if kind == "parent_public":
        # A nullable boolean: a unit without a parent has no answer.
        return w.pick(("unit.induk.layanan_publik", f"unit.induk.jenis {adalah} {w.pick(KINDS)}"))
    if kind == "table":
        # A parent may be missing: the lookup is then empty, like a missing score.
        key = w.pick(("unit", "unit.induk"))
        if decls.share_table and (not decls.mode_table or w.draw(st.booleans())):
            op, share = w.pick((">=", "<", ">", "=")), w.pick(("50%", "60%", "100%"))
            return f"PROPORSI_WFH[{key}] {op} {share}"
        return f"MODA_UNIT[{key}] {w.pick((adalah, 'bukan'))} {w.pick(MODES)}"
    if kind == "duty":
        # Two nullable dates of the employee, compared with the day and each other.
        field = w.pick(("pegawai.mulai_tugas", "pegawai.selesai_tugas"))
        return w.pick(
            (
                f"{field} <= tanggal",
                f"tanggal > {field}",
                f"tanggal - {field} < {w.pick(('30', '0', '90'))}",
                f"{field} {w.kw('antara')} {w.date().isoformat()} {w.kw('dan')} 2026-12-31",
                "pegawai.mulai_tugas < pegawai.selesai_tugas",
            )
        )
    if kind == "hours":
        # Time-of-day arithmetic on a dated parameter: times plus durations, durations between.
        return w.pick(
            (
                f"MASUK + {w.pick(('30 menit', '1 jam', '90 minutes'))} {w.pick(('>', '<='))} 8:30",
                f"16:00 - MASUK {w.pick(('>=', '<'))} {w.pick(('8 jam', '510 menit'))}",
                "(16:00 - MASUK) - ISTIRAHAT > 7 jam",
                f"MASUK - 15 menit {w.kw('antara')} 07:00 {w.kw('dan')} 07:30",
                f"MASUK {w.kw('adalah')} {w.pick(TIMES)}",
            )
        )
    if kind == "english_names":
        return w.pick(
            (
                f"employee.level {adalah} {w.pick(LEVELS)}",
                f"weekday {adalah} {w.pick(('Friday', 'Jumat', 'Monday'))}",
                "unit.public_service",
                f"unit.parent.kind {adalah} {w.pick(KINDS)}",
                f"employee.performance >= {w.pick(('80', '90.5'))}",
            )
        )
    # score_arith: arithmetic on a nullable decimal
    step, op, bound = w.pick(("5", "0.5")), w.pick((">=", "<")), w.pick(("85", "90"))
    return f"pegawai.capaian_kinerja + {step} {op} {bound}"


def _risky_atom(w: _Writer, decls: _Decls) -> str:
    """A comparison that cannot always be computed (E503 at run time).

    ``tanggal + 1 bulan`` has no answer on the 31st of a month followed by a
    shorter one; a division by ``BATAS - 80`` fails while ``BATAS`` is 80.
    """
    if decls.score_param and w.draw(st.booleans()):
        return (
            f"pegawai.capaian_kinerja / (BATAS - 80) {w.pick(('>', '<='))} {w.pick(('1', '0.5'))}"
        )
    if decls.hours and w.draw(st.booleans()):
        # Past midnight on the days MASUK is late enough; a month is no length of a day.
        return w.pick(
            (
                f"MASUK + 16 jam {w.pick(('>', '<='))} 23:00",
                "MASUK - 8 jam < 00:30",
                "MASUK + 1 bulan > 08:00",
            )
        )
    months = w.pick(("1 bulan", "2 bulan", "1 month"))
    return f"tanggal + {months} {w.pick(('>', '<='))} {w.date().isoformat()}"


def _condition(w: _Writer, decls: _Decls, depth: int = 0) -> str:
    """A condition: atoms joined by ``dan``/``atau``, under ``tidak``, in parentheses."""
    shape = w.draw(st.integers(0, 9)) if depth < 2 else 0
    if shape <= 4:
        atom = _atom(w, decls)
        return f"({atom})" if w.draw(st.integers(0, 5)) == 0 else atom
    if shape <= 5:
        inner = _condition(w, decls, depth + 1)
        return f"{w.kw('tidak')} ({inner})"
    word = w.kw("dan") if shape <= 7 else w.kw("atau")
    parts = [f"({_condition(w, decls, depth + 1)})" for _ in range(w.draw(st.integers(2, 3)))]
    return f" {word} ".join(parts)


# -------------------------------------------------------------------- files
@st.composite
def rule_files(
    draw: st.DrawFn,
    min_rules: int = 1,
    max_rules: int = 8,
    evaluation_errors: bool = False,
    hours: bool = True,
) -> RuleFile:
    """A random, valid rule file setting ``moda_kerja``.

    With ``evaluation_errors``, some conditions cannot be computed on some
    days (a month step from the 31st, a division by zero).  Without ``hours``,
    no working hours (the SQL engine refuses time arithmetic and other outputs).
    """
    w = _Writer(draw, english=draw(st.booleans()))
    decls = _Decls(
        day_param=draw(st.booleans()),
        score_param=draw(st.booleans()),
        mode_param=draw(st.integers(0, 3)) == 0,
        unit_set=draw(st.booleans()),
        level_set=draw(st.booleans()),
        day_set=draw(st.booleans()),
        extra_mode=draw(st.integers(0, 5)) == 0,
        share_table=draw(st.integers(0, 2)) == 0,
        mode_table=draw(st.integers(0, 2)) == 0,
        hours=hours and draw(st.integers(0, 2)) == 0,
        evaluation_errors=evaluation_errors,
    )
    out: list[str] = []
    start = w.date(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    until, end = "", DATE_MAX
    if draw(st.integers(0, 2)) == 0:
        end = w.date(start + dt.timedelta(days=60), DATE_MAX)
        until = f" sampai {end.isoformat()}"
    out += [
        f'surat_edaran "GEN/{draw(st.integers(1, 999))}/2026":',
        f"    berlaku {start.isoformat()}{until}",
        "",
    ]
    if draw(st.integers(0, 4)) == 0:
        out.append(f'hari_libur {w.date().isoformat()} "Libur daerah"')
    if draw(st.integers(0, 6)) == 0:
        out.append("pekan_kerja Senin, Selasa, Rabu, Kamis, Jumat, Sabtu")
    if decls.extra_mode:
        out.append('moda WFK "Bekerja dari kantor terdekat"')

    mulai = w.kw("mulai")
    if decls.day_param:
        out.append(f"parameter HARI_WFH: hari = {w.pick(WEEKDAYS)}")
        for _ in range(draw(st.integers(0, 3))):
            out.append(f"    {mulai} {w.date().isoformat()}: {w.pick(WEEKDAYS)}")
    if decls.score_param:
        out.append(f"parameter BATAS: desimal = {w.pick(('80', '75.5', '90'))}")
        for _ in range(draw(st.integers(0, 2))):
            out.append(f"    {mulai} {w.date().isoformat()}: {w.pick(('80', '85.5', '79.9'))}")
    modes = (*MODES, "WFK") if decls.extra_mode else MODES
    if decls.mode_param:
        out.append(f"parameter MODA_KHUSUS: moda = {w.pick(modes)}")
        for _ in range(draw(st.integers(1, 2))):
            out.append(f"    {mulai} {w.date().isoformat()}: {w.pick(modes)}")
    if decls.hours:
        out.append(f"parameter MASUK: waktu = {w.pick(TIMES)}")
        for _ in range(draw(st.integers(0, 3))):
            out.append(f"    {mulai} {w.date().isoformat()}: {w.pick(TIMES)}")
        out.append(f"parameter ISTIRAHAT: durasi = {w.pick(('60 menit', '30 menit', '1 jam'))}")
        out.append("keluaran jam_pulang: waktu")
        out.append("keluaran jam_efektif: durasi")
    if decls.unit_set:
        out.append(f"himpunan KELOMPOK_UNIT: unit = {w.subset(RULE_CODES, 4)}")
    if decls.level_set:
        out.append(f"himpunan PIMPINAN: jenjang = {w.subset(LEVELS)}")
    if decls.day_set:
        out.append(f"himpunan HARI_LONGGAR: hari = {w.subset(ALL_WEEKDAYS)}")
    if decls.share_table:
        shares = ("40%", "50%", "60%", "100%")
        out.append(f"tabel PROPORSI_WFH: unit -> persen = {w.pick(('100%', '50%'))}")
        out += _table_body(w, mulai, shares)
    if decls.mode_table:
        out.append(f"tabel MODA_UNIT: unit -> moda = {w.pick(modes)}")
        out += _table_body(w, mulai, modes)
    out.append("")

    count = draw(st.integers(min_rules, max_rules))
    labels = [_label(w, i) for i in range(count)]
    default_at = draw(st.one_of(st.none(), st.integers(0, count - 1)))
    second_default = default_at is not None and count > 2 and draw(st.integers(0, 5)) == 0
    values = [*modes, "MODA_KHUSUS"] if decls.mode_param else list(modes)
    if decls.mode_table:
        values += ["MODA_UNIT[unit]", "MODA_UNIT[unit]", "MODA_UNIT[unit.induk]"]
    for i, label in enumerate(labels):
        is_default = i == default_at or (second_default and i == count - 1)
        head = label
        if draw(st.booleans()):
            head += f' "Aturan {i + 1}"'
        items: list[str] = []
        if i and draw(st.integers(0, 2)) > 0:
            targets = draw(
                st.lists(st.sampled_from(labels[:i]), min_size=1, max_size=3, unique=True)
            )
            items.append(f"{w.kw('pengecualian atas')} {', '.join(targets)}")
        if is_default:
            items.append(w.kw("bawaan"))
        items = draw(st.permutations(items)) if items else items
        head = ", ".join([head, *items])
        target = "work_mode" if draw(st.integers(0, 5)) == 0 else "moda_kerja"
        assignment = f"{target} {w.kw('adalah')} {w.pick(values)}"
        # A default usually has no condition; an ordinary rule usually has one.
        conditions = [] if (is_default and draw(st.integers(0, 3))) else None
        if conditions is None:
            conditions = [
                _condition(w, decls) for _ in range(draw(st.integers(0 if is_default else 1, 3)))
            ]
        if conditions and draw(st.integers(0, 2)) == 0:
            out.append(f"{head}: {assignment} {w.kw('jika')} ({') dan ('.join(conditions)})")
        else:
            out.append(f"{head}:")
            out.append(f"    {assignment}")
            for j, condition in enumerate(conditions):
                out.append(f"    {w.kw('jika') if j == 0 else w.kw('dan')} {condition}")
        out.append("")
    if decls.hours:
        out += _hours_rules(w, decls)
    return RuleFile("\n".join(out), tuple(w.dates), (start, end))


def _hours_rules(w: _Writer, decls: _Decls) -> list[str]:
    """Rules for ``jam_pulang`` (a time) and ``jam_efektif`` (a duration) that change by date."""
    bawaan, jika = w.kw("bawaan"), w.kw("jika")
    leave = w.pick(("MASUK + 8 jam + ISTIRAHAT", "MASUK + 510 menit", "16:00"))
    if decls.evaluation_errors and w.draw(st.integers(0, 2)) == 0:
        leave = "MASUK + 16 jam + ISTIRAHAT"
    lines = [f"butir 90[pulang], {bawaan}: jam_pulang {w.kw('adalah')} {leave}"]
    if w.draw(st.booleans()):
        lines.append(
            f"butir 91[jumat]: jam_pulang {w.kw('adalah')} "
            f"{w.pick(('MASUK + 4 jam', '11:30', 'MASUK + 270 menit - ISTIRAHAT'))} "
            f"{jika} {_condition(w, decls)}"
        )
    effective = w.pick(
        ("(16:00 - MASUK) - ISTIRAHAT", "16:00 - MASUK", "MASUK - 07:00", "8 jam - ISTIRAHAT")
    )
    lines.append(f"butir 92[efektif], {bawaan}: jam_efektif {w.kw('adalah')} {effective}")
    if w.draw(st.integers(0, 3)) > 0:
        # The built-in output of working hours, with a break that moves with ISTIRAHAT.
        hours = w.pick(("pukul", "hours"))
        lines.append(
            f"butir 94[jam], {bawaan}: jam_kerja {w.kw('adalah')} {hours} MASUK "
            f"{w.pick(('sampai', 'until'))} MASUK + 8 jam + ISTIRAHAT "
            f"{w.pick(('istirahat', 'break'))} 12:00 sampai 12:00 + ISTIRAHAT"
        )
        # The exception may read the work mode decided for the same person and day.
        reads_mode = f"moda_kerja {w.kw('adalah')} {w.pick(MODES)}"
        condition = reads_mode if w.draw(st.booleans()) else _condition(w, decls)
        lines.append(
            f"butir 95[jam]: working_hours {w.kw('adalah')} pukul MASUK sampai "
            f"{w.pick(('11:30', '08:00', 'MASUK + 4 jam'))} {jika} {condition}"
        )
    if w.draw(st.booleans()):
        lines.append(
            f"butir 93[efektif]: jam_efektif {w.kw('adalah')} 11:30 - MASUK "
            f"{jika} {_condition(w, decls)}"
        )
    return lines


def _label(w: _Writer, i: int) -> str:
    """A unique clause citation for the ``i``-th rule, in one of the three styles."""
    style = w.draw(st.integers(0, 5))
    if style == 0:
        return f"angka {i + 1} huruf {w.pick(('a', 'b'))}"
    if style == 1:
        return f"pasal {i + 1} ayat ({w.pick(('1', '2'))})"
    if style == 2:
        return f"butir {i + 1}[{w.pick(('utama', 'khusus'))}]"
    if style == 3:
        return f"butir {i + 1}.{w.pick(('a', 'b', 'c'))}"
    return f"butir {i + 1}"


# ----------------------------------------------------------------- workforce
@st.composite
def units(draw: st.DrawFn) -> dict[str, Unit]:
    """Every code of the pool as a unit, linked into random trees."""
    built: dict[str, Unit] = {}
    for code in UNIT_CODES:
        natural = UNIT_TREE[code]
        choices: list[str | None] = [None, *built]
        if natural in built:
            choices.insert(0, natural)
        parent_code = (
            draw(st.sampled_from(choices))
            if draw(st.integers(0, 2)) == 0
            else (natural if natural in built else None)
        )
        built[code] = Unit(
            kode=code,
            nama=f"Unit {code}",
            jenis=draw(st.sampled_from(tuple(UnitKind))),
            layanan_publik=draw(st.booleans()),
            induk=built[parent_code] if parent_code else None,
        )
    return built


@st.composite
def workforces(draw: st.DrawFn, max_employees: int = 6) -> Workforce:
    """A few employees on units of the pool; the performance score may be missing."""
    pool = draw(units())
    employees = []
    for i in range(draw(st.integers(1, max_employees))):
        employees.append(
            Employee(
                nip=f"1980010120260{i:05d}",
                nama=f"Pegawai {i}",
                unit=pool[draw(st.sampled_from(UNIT_CODES))],
                jenjang=draw(st.sampled_from(tuple(PositionLevel))),
                capaian_kinerja=draw(st.one_of(st.none(), st.sampled_from(SCORES))),
                mulai_tugas=draw(st.one_of(st.none(), st.none(), _dates())),
                selesai_tugas=draw(st.one_of(st.none(), st.none(), _dates())),
            )
        )
    return Workforce(pool, tuple(employees))


@st.composite
def scenarios(
    draw: st.DrawFn, evaluation_errors: bool = False, hours: bool = True
) -> tuple[RuleFile, Workforce, tuple[dt.date, ...]]:
    """A rule file, a workforce and dates in 2026 (many of them named in the file)."""
    rule_file = draw(rule_files(evaluation_errors=evaluation_errors, hours=hours))
    people = draw(workforces())
    named = st.sampled_from(rule_file.dates) if rule_file.dates else st.nothing()
    nearby = named.map(lambda d: d + dt.timedelta(days=1))
    # Mostly weekdays while the circular is in force: the days on which rules run.
    working = _dates(*rule_file.in_force).filter(lambda d: d.weekday() < 5)
    any_day = _dates(DATE_MIN, DATE_MAX)
    days = draw(
        st.lists(
            st.one_of(
                working, working, working, any_day, named, nearby, st.sampled_from(MONTH_ENDS)
            ).filter(lambda d: d.year == 2026),
            min_size=1,
            max_size=8,
            unique=True,
        )
    )
    return rule_file, people, tuple(days)
