"""Attendance events (presensi): check-in, check-out, a daily report, its verification.

An e-attendance application exports one event per row.  A duty
(``kewajiban ... presensi masuk pukul 07:30 sampai 08:00``) is met by events of
its kind; :mod:`edaran.discipline.attendance` turns the days it is not met
into breaches.  The location (``lat``, ``lon``, WGS84 degrees) is optional;
:func:`distance_m` gives the great-circle distance to a registered address.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from typing import NamedTuple

__all__ = ["EARTH_RADIUS_M", "Attendance", "AttendanceKind", "distance_m"]

#: The mean radius of the Earth (IUGG), in metres, used by :func:`distance_m`.
EARTH_RADIUS_M = 6_371_008.8


class AttendanceKind(enum.Enum):
    """What an attendance event records (jenis)."""

    MASUK = "masuk"  #: check-in
    PULANG = "pulang"  #: check-out
    LAPORAN = "laporan"  #: the daily report submitted
    VERIFIKASI = "verifikasi"  #: the superior verified the day's report

    @property
    def english(self) -> str:
        """``check_in``, ``check_out``, ``report`` or ``verification``."""
        return _ENGLISH[self]


_ENGLISH = {
    AttendanceKind.MASUK: "check_in",
    AttendanceKind.PULANG: "check_out",
    AttendanceKind.LAPORAN: "report",
    AttendanceKind.VERIFIKASI: "verification",
}


class Attendance(NamedTuple):
    """One attendance event of one person.

    ``waktu`` is an aware datetime (the reader gives a time without a zone
    the rule file's zone).  ``lat``/``lon`` are both given or both None.
    ``id`` is the event's id in the log, or empty.  A named tuple, not an
    attrs class like the other records: a log holds millions of events, and
    a tuple is made four times faster; it is as immutable.
    """

    nip: str
    jenis: AttendanceKind
    waktu: dt.datetime
    lat: float | None = None
    lon: float | None = None
    id: str = ""


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in metres between two points (haversine).

    d = 2 R asin(sqrt(sin^2((phi2 - phi1) / 2) + cos phi1 cos phi2 sin^2((lambda2 - lambda1) / 2)))
    with R = :data:`EARTH_RADIUS_M`, latitudes phi and longitudes lambda in radians.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
