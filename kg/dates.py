"""Chinese numerals and dates resolved against an article's publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMBER = "[〇零○一二两三四五六七八九十百千]+"
NUMBER = rf"(?:\d+|{CN_NUMBER})"


def to_int(text: str) -> int | None:
    """``13``, ``十三``, ``二十``, ``一九五六`` → int; None when ``text`` is no number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if not any(ch in _UNITS for ch in text):  # digit by digit: 一九五六
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    return total + current


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as the text gives it: year, year-month, or a full day."""

    year: int
    month: int | None = None
    day: int | None = None

    def as_date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def resolve_day(reference: date, day: int, month: int | None = None, year: int | None = None) -> date | None:
    """The latest date on or before ``reference`` with this day (and month): 13日 in 1956-11-15 → 1956-11-13.

    News reports past events, so a day after the reference day falls in the previous month.
    """
    if year is not None and month is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if month is not None:
        for y in (reference.year, reference.year - 1):
            try:
                candidate = date(y, month, day)
            except ValueError:
                continue
            if candidate <= reference + timedelta(days=31):  # an announced date may lie ahead
                return candidate
        return None
    first = reference.replace(day=1)
    for back in range(3):
        month_start = first
        for _ in range(back):
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        try:
            candidate = month_start.replace(day=day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None


_DATE_RE = re.compile(
    r"(?:(?P<year>\d{4}|[〇零○一二三四五六七八九]{4})年)?"
    r"(?:(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})月)?"
    r"(?:(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})日)?"
)


def find_dates(text: str, reference: date | None) -> list[tuple[int, int, PartialDate]]:
    """Dates in ``text`` as (start, end, PartialDate), resolved against ``reference`` where partial."""
    found = []
    for m in _DATE_RE.finditer(text):
        if not m.group(0) or (not (m.group("month") or m.group("day")) and not m.group("year")):
            continue
        if m.group("year") and not m.group("month") and not m.group("day"):
            continue  # a bare year (1956年) is more often a period than a date
        year = to_int(m.group("year")) if m.group("year") else None
        month = to_int(m.group("month")) if m.group("month") else None
        day = to_int(m.group("day")) if m.group("day") else None
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            continue
        if day is None and month is not None and year is None:
            if reference is None:
                continue
            year = reference.year  # a bare month is as often announced (十月将召开) as past
            found.append((m.start(), m.end(), PartialDate(year, month)))
            continue
        if day is not None and year is None:
            if reference is None:
                continue
            resolved = resolve_day(reference, day, month)
            if resolved is None:
                continue
            found.append((m.start(), m.end(), PartialDate(resolved.year, resolved.month, resolved.day)))
            continue
        if year is None:
            continue
        found.append((m.start(), m.end(), PartialDate(year, month, day)))
    return found
