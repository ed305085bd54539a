"""Two circulars compared: the clauses they differ in, and the impact on a roster (issue 6).

The command, ``edaran diff``, is tested in ``tests/cli/test_cli_diff.py``.
"""

from __future__ import annotations

import datetime as dt

from edaran import Circular, Employee, Unit
from edaran.variants import ClauseChange, diff_clauses, diff_impact
from paths import DATA as TEST_DATA

DATA = TEST_DATA / "variants"
PARENT, CHILD = DATA / "induk.edaran", DATA / "anak.edaran"
FIRST, LAST = dt.date(2026, 5, 4), dt.date(2026, 5, 15)

BAPPEDA = Unit("BAPPEDA", "Bappeda")
DINKES = Unit("DINKES", "Dinas Kesehatan")
STAFF = [
    Employee("198001012005011001", "Ani", BAPPEDA),
    Employee("198001012005011002", "Budi", BAPPEDA),
    Employee("198502152010012003", "Citra", DINKES),
]

FRIDAY = 'butir 2 "WFH setiap Jumat":\n    moda_kerja adalah WFH\n    jika hari adalah Jumat'
THURSDAY = 'butir 2 "WFH setiap Kamis":\n    moda_kerja adalah WFH\n    jika hari adalah Kamis'


def test_clause_changes_between_parent_and_child() -> None:
    changes = diff_clauses(Circular.load(PARENT), Circular.load(CHILD))
    assert changes == [ClauseChange("changed", "rule", "butir 2", FRIDAY, THURSDAY)]


def test_clause_changes_the_other_way_and_with_itself() -> None:
    parent, child = Circular.load(PARENT), Circular.load(CHILD)
    assert diff_clauses(child, parent) == [
        ClauseChange("changed", "rule", "butir 2", THURSDAY, FRIDAY)
    ]
    assert diff_clauses(parent, Circular.load(PARENT)) == []


def test_added_removed_and_changed_declarations() -> None:
    removing = Circular.from_text(
        'surat_edaran "A/2026":\n    berlaku 2026-04-01\n\n'
        "parameter HARI_WFH: hari = Jumat\n\n"
        'butir 1 "WFO", bawaan:\n    moda_kerja adalah WFO\n\n'
        'butir 2 "WFH":\n    moda_kerja adalah WFH\n    jika hari adalah HARI_WFH\n'
    )
    adding = Circular.from_text(
        'surat_edaran "B/2026":\n    berlaku 2026-04-01\n\n'
        "parameter HARI_WFH: hari = Kamis\n\n"
        'butir 1 "WFO", bawaan:\n    moda_kerja adalah WFO\n\n'
        'butir 2 "WFH":\n    moda_kerja adalah WFH\n    jika hari adalah HARI_WFH\n\n'
        'butir 3 "WFO Senin", pengecualian atas butir 2:\n'
        "    moda_kerja adalah WFO\n    jika hari adalah Senin\n"
    )
    changes = diff_clauses(removing, adding)
    assert [(c.kind, c.what, c.key) for c in changes] == [
        ("changed", "parameter", "HARI_WFH"),
        ("added", "rule", "butir 3"),
    ]
    assert (changes[0].left_text, changes[0].right_text) == ("JUMAT", "KAMIS")
    assert changes[1].left_text is None
    assert changes[1].right_text is not None and changes[1].right_text.startswith("butir 3")
    assert [c.kind for c in diff_clauses(adding, removing)] == ["changed", "removed"]


def test_impact_on_a_small_roster() -> None:
    impact = diff_impact(Circular.load(PARENT), Circular.load(CHILD), STAFF, FIRST, LAST)
    # Thursday 7 May moves to WFH, Friday 8 May to WFO; 14 May (Ascension) and
    # 15 May (collective leave) are days off under both.
    assert impact.counts == (
        ("BAPPEDA", "WFH→WFO", 2),
        ("BAPPEDA", "WFO→WFH", 2),
        ("DINKES", "WFH→WFO", 1),
        ("DINKES", "WFO→WFH", 1),
    )
    assert (impact.changed, impact.employee_days, impact.undecided) == (6, 36, (0, 0))
    assert [(s.nip, s.date, s.left, s.right) for s in impact.samples] == [
        ("198001012005011001", dt.date(2026, 5, 7), "WFO", "WFH"),
        ("198001012005011001", dt.date(2026, 5, 8), "WFH", "WFO"),
        ("198001012005011002", dt.date(2026, 5, 7), "WFO", "WFH"),
        ("198001012005011002", dt.date(2026, 5, 8), "WFH", "WFO"),
        ("198502152010012003", dt.date(2026, 5, 7), "WFO", "WFH"),
    ]
    sample = impact.samples[0]
    assert "SE NASIONAL/2026" in sample.left_explanation
    assert "SE KAB/2026" in sample.right_explanation


def test_public_services_keep_their_mode() -> None:
    clinic = Employee(
        "198502152010012002", "Dewi", Unit("PUSKESMAS", "Puskesmas", layanan_publik=True)
    )
    impact = diff_impact(Circular.load(PARENT), Circular.load(CHILD), [clinic], FIRST, LAST)
    assert (impact.changed, impact.counts, impact.samples) == (0, (), ())


def test_quota_target_checklist_and_report_changes() -> None:
    head = (
        'surat_edaran "{n}":\n    berlaku 2026-04-01\nbutir 1, bawaan:\n    moda_kerja adalah WFO\n'
    )
    quota = "kuota butir 8:\n    perjalanan dikurangi {p} dari tahun_lalu per unit per periode\n"
    target = (
        "sasaran butir 7:\n    rapat.bentuk adalah DARING paling sedikit 50% per unit per bulan\n"
    )
    report = "laporan butir 13:\n    perkiraan LISTRIK adalah periode.hari_wfh * 2 kWh\n"
    checklist = "kewajiban butir 10.a:\n    daftar_periksa {AC, LAMPU}\n"
    a = Circular.from_text(head.format(n="A") + quota.format(p="50%") + target + checklist)
    b = Circular.from_text(head.format(n="B") + quota.format(p="70%") + report + checklist)
    changes = [(c.kind, c.what, c.key) for c in diff_clauses(a, b)]
    assert changes == [
        ("changed", "quota", "butir 8"),
        ("added", "report", "butir 13"),
        ("removed", "target", "butir 7"),
    ]
    (quota_change,) = [c for c in diff_clauses(a, b) if c.what == "quota"]
    assert "dikurangi 50%" in (quota_change.left_text or "")
    assert "dikurangi 70%" in (quota_change.right_text or "")


def test_per_record_rules_added_removed_and_changed() -> None:
    head = (
        'surat_edaran "{n}":\n    berlaku 2027-01-04\n'
        "atribut rapat tempat: enumerasi {{KANTOR_PEMERINTAH, HOTEL}}, wajib\n"
        "butir 1, bawaan:\n    moda_kerja adalah WFO\n"
    )
    place = "ketentuan rapat butir 5:\n    jika rapat.bentuk bukan DARING\n    harus {must}\n"
    online = "ketentuan rapat butir 6:\n    harus rapat.bentuk adalah DARING\n"
    a = Circular.from_text(
        head.format(n="A") + place.format(must="rapat.tempat adalah KANTOR_PEMERINTAH") + online
    )
    b = Circular.from_text(head.format(n="B") + place.format(must="rapat.tempat bukan HOTEL"))
    changes = diff_clauses(a, b)
    assert [(c.kind, c.what, c.key) for c in changes] == [
        ("changed", "provision", "butir 5"),
        ("removed", "provision", "butir 6"),
    ]
    assert "KANTOR_PEMERINTAH" in (changes[0].left_text or "")
    assert "bukan HOTEL" in (changes[0].right_text or "")


def test_a_changed_declaration_and_scope_show_as_such() -> None:
    head = 'surat_edaran "1/2027":\n    berlaku 2027-02-01\n'
    body = (
        "himpunan BERPUASA: agama = {ISLAM}\n"
        'butir 1 "WFO", bawaan:\n    moda_kerja adalah WFO\n'
        'butir 2 "WFH", pengecualian atas butir 1:\n'
        "    moda_kerja adalah WFH jika pegawai.agama termasuk BERPUASA\n"
    )
    left = Circular.from_text(
        head + "atribut pegawai agama: enumerasi {ISLAM, KRISTEN}, wajib\n" + body, "a.edaran"
    )
    right = Circular.from_text(
        head
        + "    mencakup pegawai.status_kepegawaian adalah PNS\n"
        + 'atribut pegawai agama: enumerasi {ISLAM, KRISTEN, HINDU}, kolom "AGAMA"\n'
        + body,
        "b.edaran",
    )
    changes = [
        (c.kind, c.what, c.key, c.left_text, c.right_text) for c in diff_clauses(left, right)
    ]
    # The rules and the set read alike: a member added to the enumeration changes neither.
    assert changes == [
        (
            "changed",
            "attribute",
            "pegawai.agama",
            'enumerasi {ISLAM, KRISTEN}, wajib, kolom "agama"',
            'enumerasi {ISLAM, KRISTEN, HINDU}, kolom "AGAMA"',
        ),
        ("added", "scope", "mencakup", None, "pegawai.status_kepegawaian adalah PNS"),
    ]
