"""Counted facts in event reports: «более 7,5 тысяч представителей», «89 регионов», «35 площадках».

``find_figures(text)`` returns each number that counts something an event report cares about
(participants, regions, experts, venues, sessions by type, projects...) with its value, the unit
in a readable nominative plural, and the words it came from. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["UNITS", "Figure", "find_figures", "parse_number"]


@dataclass(frozen=True, slots=True)
class Figure:
    value: int | float
    unit: str  # nominative plural: «участники», «круглые столы»
    text: str  # the words as written: «более 7,5 тысяч представителей»


# (regex of the counted noun phrase, unit shown). Multi-word units come first.
UNITS: tuple[tuple[str, str], ...] = (
    (r"панельн\w*\s+дискусс\w*", "панельные дискуссии"),
    (r"кругл\w*\s+стол\w*", "круглые столы"),
    (r"делов\w*\s+(?:событи\w*|мероприяти\w*)", "деловые события"),
    (r"мастер-класс\w*", "мастер-классы"),
    (r"стратегическ\w*\s+сесси\w*", "стратегические сессии"),
    (r"пленарн\w*\s+(?:заседани\w*|сесси\w*)", "пленарные заседания"),
    (r"муниципальн\w*\s+образовани\w*", "муниципальные образования"),
    (r"субъект\w*(?:\s+(?:РФ|России|Российской\s+Федерации|страны))?", "регионы"),
    (r"регион\w*", "регионы"),
    (r"стран(?:ы|ах|ами)?\b", "страны"),
    (r"участник\w*|участниц\w*", "участники"),
    (r"представител\w*", "представители"),
    (r"делегат\w*", "делегаты"),
    (r"гост(?:ей|и|ям|ями|ях)\b", "гости"),
    (r"зрител\w*", "зрители"),
    (r"посетител\w*", "посетители"),
    (r"эксперт\w*", "эксперты"),
    (r"спикер\w*", "спикеры"),
    (r"волонт[её]р\w*", "волонтёры"),
    (r"экспонент\w*", "экспоненты"),
    (r"площад(?:к\w*|ок)", "площадки"),
    (r"секци(?:и|й|ях|ям)\b", "секции"),
    (r"сесси(?:и|й|ях|ям)\b", "сессии"),
    (r"лекци(?:и|й|ях|ям)\b", "лекции"),
    (r"семинар\w*", "семинары"),
    (r"дискусси(?:и|й|ях|ям)\b", "дискуссии"),
    (r"событи(?:е|я|й|ях|ям)\b", "события"),
    (r"мероприяти(?:е|я|й|ях|ям)\b", "мероприятия"),
    (r"проект\w*", "проекты"),
    (r"соглашени(?:е|я|й)\b", "соглашения"),
    (r"заяв(?:ок|ки|ка)\b", "заявки"),
    (r"команд\w*", "команды"),
    (r"муниципалитет\w*", "муниципалитеты"),
    (r"человек\b|чел\.", "человек"),
    (r"школьник\w*", "школьники"),
    (r"студент\w*", "студенты"),
    (r"работ\b|работы\b", "работы"),
    (r"конкурсант\w*", "конкурсанты"),
    (r"победител\w*", "победители"),
    (r"лауреат\w*", "лауреаты"),
    (r"вопрос(?:ов|а)?\b", "вопросы"),
)

_NUM = r"(\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?)"
_SCALE = r"(?:\s+(тысяч[аи]?|тыс\.?|млн\.?|миллион(?:а|ов)?))?"
_QUALIFIER = re.compile(
    r"(?:более|свыше|около|почти|порядка|примерно|до|больше|менее)\s+$", re.IGNORECASE
)
_GAP = r"(?:\s+[а-яё]+(?:ых|их|ые|ие|ого|ей|ой|ую|ом|ом|ым|ими|ыми)){0,2}"
# Starts with a digit, so the regex engine skips straight to numbers.
_FIGURE = re.compile(
    r"(?<![\d,.])"
    + _NUM
    + _SCALE
    + r"("
    + _GAP
    + r"\s+(?:"
    + "|".join(f"(?:{u})" for u, _ in UNITS)
    + r"))",
    re.IGNORECASE,
)
_UNIT_RES = tuple((re.compile(u, re.IGNORECASE), name) for u, name in UNITS)
_YEARISH = re.compile(r"^(1[89]\d\d|20\d\d)$")


def parse_number(number: str, scale: str | None = None) -> int | float:
    """«7,5» + «тысяч» -> 7500; «21 611 003» -> 21611003."""
    clean = re.sub(r"[  ]", "", number).replace(",", ".")
    value = float(clean)
    if scale:
        low = scale.lower()
        value *= 1_000_000 if low.startswith(("млн", "миллион")) else 1000
    return int(value) if value.is_integer() else value


def _unit_of(tail: str) -> tuple[str, int]:
    """The first counted noun in ``tail`` and where it ends (adjectives may precede it)."""
    for word in re.finditer(r"\S+", tail):
        for rx, name in _UNIT_RES:
            found = rx.match(tail, word.start())
            if found:
                return name, found.end()
    return "", 0


def find_figures(text: str) -> list[Figure]:
    """Counted facts in ``text``, in order of appearance, one per number."""
    out: list[Figure] = []
    for m in _FIGURE.finditer(text):
        number, scale, tail = m.groups()
        if _YEARISH.match(number) and not scale and "год" in tail.lower():
            continue
        unit, cut = _unit_of(tail)
        if not unit:
            continue
        # «более 7,5 тысяч»: the qualifier word right before the number belongs to the figure.
        start = m.start(1)
        qualifier = _QUALIFIER.search(text, max(0, start - 12), start)
        if qualifier:
            start = qualifier.start()
        out.append(
            Figure(parse_number(number, scale), unit, text[start : m.start(3) + cut].strip())
        )
    return out
