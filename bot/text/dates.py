"""Russian calendar dates in news text: «15 января», «15–17 января», «с 3 по 5 марта 2024 года».

Pure functions. A date without a year takes the year of the reference date (the article's
publication); when that would put a past event more than two months after the publication, the
previous year is meant («25 декабря» in an article of 10 January). «вчера», «сегодня» and
«завтра» count from the reference date too, and so do weekdays («в субботу»:
:func:`find_weekdays`, forward for an announcement, back for a report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["MONTHS", "DateSpan", "find_dates", "find_weekdays", "parse_date"]

MONTHS: dict[str, int] = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}

_MONTH_WORD = (
    r"(январ[яеь]|феврал[яеь]|марта?|марте|апрел[яеь]|ма[яйе]|июн[яеь]|июл[яеь]"
    r"|августа?|августе|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь])"
)
_DASH = r"\s*[-–—]\s*"
_DATE = re.compile(
    r"(?<!\d)(?:с\s+)?(\d{1,2})(?:(?:" + _DASH + r"|\s+по\s+|\s+и\s+)(\d{1,2}))?"
    r"(?:\s+" + _MONTH_WORD + r"(?:" + _DASH + r"|\s+по\s+))?"
    r"(?:\s*(\d{1,2})(?=\s))?\s*" + _MONTH_WORD + r"(?:\s+(\d{4})(?:\s*(?:года|г\.))?)?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(сегодня|вчера|позавчера|завтра|послезавтра)\b", re.IGNORECASE)
_RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2}
_WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "четверг": 3,
    "пятницу": 4,
    "субботу": 5,
    "воскресенье": 6,
}
_WEEKDAY = re.compile(
    r"\bв(?:о)?\s+(?:(эт(?:от|у|о)|ближайш\w+|предстоящ\w+|следующ\w+|будущ\w+|минувш\w+"
    r"|прошл\w+|прошедш\w+)\s+)?(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or a range as written: ``start``..``end`` (``end`` is None for one day)."""

    start: date
    end: date | None
    text: str
    offset: int  # where ``text`` starts in the searched string


def _month(word: str) -> int:
    low = word.lower()
    for stem, number in MONTHS.items():
        if stem == "ма":
            if low in {"мая", "май", "мае"}:
                return 5
            continue
        if low.startswith(stem):
            return number
    raise ValueError(word)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: date, ahead: bool = False) -> int:
    candidate = _safe(ref.year, month, day)
    if ahead:
        # An announcement: a date long past this year means next year's («5 января» in
        # December).
        if candidate is not None and ref - candidate > timedelta(days=62):
            return ref.year + 1
        return ref.year
    if candidate is not None and candidate - ref > timedelta(days=62):
        return ref.year - 1
    return ref.year


def find_dates(text: str, ref: date, *, ahead: bool = False) -> list[DateSpan]:
    """Every calendar date or range in ``text``, in order; years filled in from ``ref``
    (looking forward from it when ``ahead``: the text announces what is coming)."""
    out: list[DateSpan] = []
    for m in _DATE.finditer(text):
        d1, d2, month1, d3, month2, year = m.groups()
        end_month = _month(month2)
        start_month = _month(month1) if month1 else end_month
        day1 = int(d1)
        day2 = int(d3) if d3 and month1 else (int(d2) if d2 else None)
        if month1 and d2:  # «30 мая - 2 июня» cannot carry a second first-day number
            continue
        y_end = int(year) if year else _year_for(end_month, day2 or day1, ref, ahead)
        y_start = y_end - 1 if start_month > end_month else y_end
        start = _safe(y_start, start_month, day1)
        if start is None:
            continue
        end = _safe(y_end, end_month, day2) if day2 is not None else None
        if day2 is not None and (end is None or end < start):
            continue
        out.append(DateSpan(start, end, m.group(0).strip(), m.start()))
    for m in _RELATIVE.finditer(text):
        delta = _RELATIVE_DAYS[m.group(1).lower()]
        out.append(DateSpan(ref + timedelta(days=delta), None, m.group(0), m.start()))
    out.sort(key=lambda s: s.offset)
    return out


def find_weekdays(text: str, ref: date, *, ahead: bool) -> list[DateSpan]:
    """«в субботу», «в эту пятницу», «в минувшее воскресенье» as dates counted from ``ref``
    (the publication): the next such day when ``ahead`` (an announcement), else the last one
    before ``ref``. A word such as «минувшее» or «следующую» overrides ``ahead``."""
    out: list[DateSpan] = []
    for m in _WEEKDAY.finditer(text):
        qualifier = (m.group(1) or "").lower()
        day = _WEEKDAYS[m.group(2).lower()]
        forward = ahead
        if qualifier.startswith(("минувш", "прошл", "прошедш")):
            forward = False
        elif qualifier.startswith(("следующ", "будущ", "предстоящ", "ближайш")):
            forward = True
        ahead_days = (day - ref.weekday()) % 7 or 7
        back_days = (ref.weekday() - day) % 7 or 7
        delta = ahead_days if forward else -back_days
        out.append(DateSpan(ref + timedelta(days=delta), None, m.group(0), m.start()))
    return out


def parse_date(text: str, ref: date) -> DateSpan | None:
    """The first date in ``text`` (see :func:`find_dates`), or None."""
    spans = find_dates(text, ref)
    return spans[0] if spans else None
