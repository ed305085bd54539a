"""Names in the workforce model and the calendar, in Indonesian and English."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "weekday.SENIN": ("Senin", "Monday"),
    "weekday.SELASA": ("Selasa", "Tuesday"),
    "weekday.RABU": ("Rabu", "Wednesday"),
    "weekday.KAMIS": ("Kamis", "Thursday"),
    "weekday.JUMAT": ("Jumat", "Friday"),
    "weekday.SABTU": ("Sabtu", "Saturday"),
    "weekday.MINGGU": ("Minggu", "Sunday"),
    "weekday-short.SENIN": ("Sen", "Mon"),
    "weekday-short.SELASA": ("Sel", "Tue"),
    "weekday-short.RABU": ("Rab", "Wed"),
    "weekday-short.KAMIS": ("Kam", "Thu"),
    "weekday-short.JUMAT": ("Jum", "Fri"),
    "weekday-short.SABTU": ("Sab", "Sat"),
    "weekday-short.MINGGU": ("Min", "Sun"),
}
