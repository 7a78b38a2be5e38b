"""Event detection: does an article *report* a specific event, and what are its facts?

``detect_event(title, text, published)`` returns :class:`EventFacts` when the article reports
a forum, a council session, public hearings, a festival, a contest, a flashmob... that took
place; ``None`` for announcements (``пройдёт``, ``состоится``, афиша), cancellations
(``отменён``, ``перенесён``), incidents (пожар, ДТП), statistics and decrees.

The decision is rule-based and sentence-level: a sentence that names an event kind *and*
says it happened (``прошёл``, ``состоялось``, ``провели``, ``подвели итоги``, ``на сессии
депутаты утвердили``) is evidence for a report; the same kind next to a future or planning
word is evidence for an announcement. The title and the lead weigh most. Facts (name, dates,
place, figures, tracks, agreements, people) are then read from the article body, which first
goes through :func:`bot.text.clean.main_text` so sidebars and adverts never leak in.

Pure functions, no I/O; pymorphy3 (via :mod:`bot.text.morph`) is used lazily for people's
names and places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from bot.text.catalogue import by_code
from bot.text.dates import DateSpan, find_dates
from bot.text.figures import Figure, find_figures
from bot.text.morph import analyzer, info, lemmas
from bot.text.regions import RegionMatch, tag_regions
from bot.text.stems import stem, words
from bot.text.summary import body_sentences

__all__ = [
    "KINDS",
    "MAX_TEXT",
    "Agreement",
    "EventFacts",
    "Figure",
    "Person",
    "detect_event",
    "event_to_json",
    "normalize_event_name",
]


MAX_TEXT = 30_000  # characters of an article read for event facts

# --- vocabulary -----------------------------------------------------------------------------

# (kind shown to users, regex over the lower-cased sentence). Order matters for ties only.
KINDS: tuple[tuple[str, str], ...] = (
    ("публичные слушания", r"публичн\w*\s+слушани\w*|общественн\w*\s+(?:слушани|обсуждени)\w*"),
    ("круглый стол", r"кругл\w*\s+стол\w*"),
    ("форум", r"(?<![-\w])форум\w*"),
    ("съезд", r"\bсъезд\w*"),
    ("конференция", r"\b(?:видео)?конференци\w*"),
    ("сессия", r"\bсесси(?:я|и|ю|ей|ях)\b"),
    ("заседание", r"\bзаседани\w*"),
    ("фестиваль", r"\bфестивал\w*"),
    (
        "праздник",
        r"\bпраздник\w*|\bпразднован\w*|\b(?:день|дня|дне|днём|днем)\s+(?:города|села|посёлка|поселка|района)\b"
        r"|\bмаслениц\w*|\bсабантуй\w*",
    ),
    ("совещание", r"\bсовещани\w*|\bпланёрк\w*|\bпланерк\w*"),
    ("выставка", r"(?<![-\w])выставк\w*(?!-)"),
    ("конкурс", r"\bконкурс(?:а|е|ом|ы|ов|ах)?\b"),
    ("флешмоб", r"\bфлешмоб\w*|\bфлеш-моб\w*"),
    ("ярмарка", r"\bярмарк\w*"),
    ("концерт", r"\bконцерт\w*"),
    ("акция", r"\bакци(?:я|ю|ей)\b|\bакции\s+(?:«|\"|памяти|по\b)"),
    (
        "соревнования",
        r"\bсоревновани\w*|\bтурнир\w*|\bспартакиад\w*|\bчемпионат\w*"
        r"|\bмарафон\w*|\bзабег\w*|\bолимпиад\w*|\bэстафет\w*",
    ),
    (
        "собрание",
        r"\b(?:общ\w*|отч[её]тн\w*)\s+собрани\w*|\bсобрани\w*\s+(?:жителей|граждан)"
        r"|\bсход\w*\s+граждан",
    ),
    ("семинар", r"\bсеминар\w*|\bвебинар\w*|\bмастер-класс\w*|\bпрактикум\w*"),
    ("парад", r"\bпарад\w*"),
    ("митинг", r"\bмитинг\w*"),
    ("субботник", r"\bсубботник\w*|\bтолок\w*"),
    ("слёт", r"\bсл[её]т(?:а|е|ом|ы)?\b"),
    ("церемония", r"\bцеремони\w*|\bторжественн\w*\s+(?:открыти|мероприяти|собрани)\w*"),
    ("встреча", r"\bвстреч[аиуе]\s+(?:с\s+|главы|губернатора|мэра|депутат)|\bвстреч(?:у|ей)\b"),
    ("чтения", r"\b[а-яё]+ск\w*\s+чтени(?:я|й|ях)\b"),
    ("смотр", r"\bсмотр(?:а|е)?-конкурс\w*|\bсмотр\b"),
    ("отчёт", r"\bотч[её]т\w*\s+(?:главы|губернатора|мэра|перед)\w*|\bотчитал\w*\s+перед"),
    ("хакатон", r"\bхакатон\w*|\bквиз\w*|\bквест\w*|\b(?:делов|интеллектуальн)\w*\s+игр\w*"),
    ("шествие", r"\bшестви\w*|\bбессмертн\w*\s+полк\w*"),
    ("прямая линия", r"\bпрям\w*\s+лини\w*|\bл?ичн\w*\s+при[её]м\w*|\bпри[её]м\w*\s+граждан"),
    ("день открытых дверей", r"\bд(?:ень|ня|нем)\s+открытых\s+дверей"),
    ("урок", r"\b(?:открыт|всероссийск)\w*\s+урок\w*|\bурок\w*\s+(?:мужества|памяти|цифры)"),
)
# Matched against the lower-cased sentence (same offsets, faster than IGNORECASE).
_KIND_RES = tuple((kind, re.compile(rx)) for kind, rx in KINDS)

_REPORT = re.compile(
    r"\b(?:прош(?:[её]л|ла|ло|ли)|состоял(?:ся|ась|ось|ись)|заверш(?:ил(?:ся|ась|ось|ись)|ен[аоы]?)"
    r"|закончил(?:ся|ась|ось|ись)|стартовал[аои]?|открыл(?:ся|ась|ось|ись)?|открыли"
    r"|пров[её]л(?:[аои])?|проведен[аоы]?|собрал[аои]?|собрались|принял[аи]?|приняли"
    r"|подвел[аи]?\s+итоги|подвели|наградил\w*|награждени[ея]\s+победител\w*|вручил\w*"
    r"|вручен\w*|побед(?:ил|ила|или)|стал[аи]?\s+(?:победител|лауреат|призёр|призер)\w*"
    r"|выступил\w*|обсудил\w*|обсуждали|рассмотрел\w*|утвердил\w*|подписал\w*|подписан\w*"
    r"|заключил\w*|объединил\w*|поздравил\w*|представил\w*|представлен[аоы]?|прошедш\w*"
    r"|организовал\w*|посетил\w*|посетили|дал[аи]?\s+старт|работал[аи]?|проходил[аои]?"
    r"|собравш\w*|отчитал\w*|участвовал[аи]?|приветствовал\w*|обратил(?:ся|ась|ись)"
    r"|наградили|отметили|чествовали|почтили|возложили|выбрали|избрали|определили"
    r"|исполнил[аи]?|показал[аи]?|провели|проход(?:ит|ят)|продолжа(?:ет|ют)ся|поделил\w*"
    r"|обменял\w*|рассказал\w*|говорили|вручили|определили|поблагодарил\w*|проголосовал\w*|одобрил\w*|подведен\w*"
    r"|победител(?:ем|ями)|объявили\s+(?:итоги|победител)\w*|собрал(?:ся|ись|ась))\b",
    re.IGNORECASE,
)
_PLAN = re.compile(
    r"\b(?:пройд[её]т|пройдут|состо(?:ится|ятся)|планиру\w*|запланирован\w*"
    r"|будет\s+(?:проведен|организован|открыт|проходить|работать)\w*|будут\s+\w+|будет"
    r"|приглаша\w*|стартует|откроется|откроются|начн[её]тся|начнут|анонс\w*|афиш\w*"
    r"|примут\s+участие|прим[её]т\s+участие|можно\s+будет|ожида(?:ется|ются)|проведут"
    r"|пров(?:едет|ед[её]т)|организуют|намечен\w*|готовится|готовятся|соберутся|собер[её]т"
    r"|регистраци\w*\s+(?:открыт|участник|продл)\w*|прием\s+заявок|при[её]м\s+заявок"
    r"|завершится|продлится|продолжится|объяв\w*\s+(?:о\s+)?(?:начал|старт)\w*"
    r"|подать\s+заявк\w*|принять\s+участие|приглашение|выставк\w*\s+откроется)\b",
    re.IGNORECASE,
)
_CANCEL = re.compile(
    r"\b(?:отмен(?:[её]н|ена|ено|ены|или|ил|ила|яется|яются|ят|ить|а)|перенес(?:[её]н|ена|ено|ены|ли|ти)"
    r"|перенос\w*|отложен\w*|отложил\w*|не\s+состо(?:ится|ялся|ялась|ялось)|не\s+пройд[её]т"
    r"|не\s+будет\s+проводиться|не\s+будут\s+проводить)\b",
    re.IGNORECASE,
)
_INCIDENT = re.compile(
    r"\b(?:пожар\w*|возгорани\w*|дтп|авари\w*|погиб\w*|пострадал\w*|госпитализир\w*|убийств\w*"
    r"|убил\w*|задержан\w*|задержал\w*|взрыв\w*|обрушени\w*|утонул\w*|чп|происшеств\w*"
    r"|уголовн\w*\s+дел\w*|мошенни\w*|краж\w*|ограблен\w*|нападени\w*|изби\w*|стрельб\w*"
    r"|эвакуир\w*|скончал\w*|травм\w*|сгорел\w*|covid\w*|коронавирус\w*|заболевш\w*|заражен\w*"
    r"|приговор\w*|осужд[её]н\w*|арестова\w*|инцидент\w*|ураган\w*|паводк\w*|наводнени\w*"
    r"|драк[аиуе]\b|потасовк\w*|землетрясени\w*|снегопад\w*|гололед\w*|гололёд\w*|столкновени\w*|тюлен\w*|отравлени\w*)\b",
    re.IGNORECASE,
)
# Lists and guides of what is coming: never one event's report.
_LISTING = re.compile(
    r"\b(?:афиша|анонс\w*|куда\s+сходить|чем\s+заняться|план\s+мероприятий|календарь\s+событий"
    r"|на\s+выходных|в\s+выходные)\b",
    re.IGNORECASE,
)
# A court sitting or a session of exams is not an event in this sense.
_NOT_EVENT_CONTEXT = re.compile(
    r"\b(?:судебн\w*\s+заседани\w*|заседани\w*\s+(?:суда|по\s+делу|оперштаба)"
    r"|экзаменационн\w*\s+сесси\w*|сесси\w*\s+(?:ЕГЭ|экзамен)|выставк\w*\s+сч[её]т\w*"
    r"|выставил\w*|конкурсн\w*\s+управляющ\w*|профессиональн\w*\s+праздник\w*"
    r"|с\s+праздник\w*|праздничн\w*)\b",
    re.IGNORECASE,
)

_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]{2,120}?(?:«[^»]{1,60}»[^«»\"“”„]{0,60}?)?)[»\"”“]")
_ORDINAL = re.compile(
    r"\b(?:[IVXLC]{1,6}|\d{1,3}(?:-?(?:й|ой|ий|ый|го|ого|ему|ом))?)\b", re.IGNORECASE
)
_ORDINAL_WORDS = frozenset(
    stem(w)
    for w in [
        "первый",
        "второй",
        "третий",
        "четвертый",
        "пятый",
        "шестой",
        "седьмой",
        "восьмой",
        "девятый",
        "десятый",
        "одиннадцатый",
        "двенадцатый",
        "тринадцатый",
        "четырнадцатый",
        "пятнадцатый",
        "двадцатый",
        "юбилейный",
        "ежегодный",
        "традиционный",
        "очередной",
    ]
)
# Scope and kind words dropped from names before comparing them.
_NAME_NOISE = frozenset(
    stem(w)
    for w in [
        "всероссийский",
        "международный",
        "межрегиональный",
        "региональный",
        "муниципальный",
        "областной",
        "краевой",
        "республиканский",
        "городской",
        "районный",
        "окружной",
        "федеральный",
        "национальный",
        "открытый",
        "молодежный",
        "детский",
        "общероссийский",
        "межмуниципальный",
        "форум",
        "съезд",
        "конференция",
        "сессия",
        "заседание",
        "слушания",
        "публичные",
        "фестиваль",
        "праздник",
        "совещание",
        "выставка",
        "конкурс",
        "флешмоб",
        "ярмарка",
        "концерт",
        "акция",
        "соревнования",
        "турнир",
        "собрание",
        "семинар",
        "парад",
        "митинг",
        "субботник",
        "слет",
        "церемония",
        "встреча",
        "чтения",
        "смотр",
        "чемпионат",
        "олимпиада",
        "марафон",
        "круглый",
        "стол",
    ]
)
_ROLE_WORDS = (
    r"глав\w*|губернатор\w*|заместител\w*|замглав\w*|председател\w*|министр\w*|мэр\w*"
    r"|депутат\w*|руководител\w*|директор\w*|президент\w*|спикер\w*|сенатор\w*|ректор\w*"
    r"|начальник\w*|секретар\w*|советник\w*|уполномоченн\w*|полпред\w*|представител\w*"
    r"|премьер\w*|вице-\w+|лидер\w*|основател\w*|атаман\w*|митрополит\w*|епископ\w*"
    r"|помощник\w*|член\w*|сопредседател\w*|генеральн\w*|исполнительн\w*|координатор\w*"
)
_ROLE = re.compile(r"\b(?:" + _ROLE_WORDS + r")\b", re.IGNORECASE)
_ROLE_LEAD = re.compile(
    r"\b(?:перв\w*|врио|временно|исполняющ\w*|бывш\w*|экс-\w+|действующ\w*|главн\w*"
    r"|старш\w*|заслуженн\w*|почетн\w*|почётн\w*)\s*$",
    re.IGNORECASE,
)
_CAP = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_NAME_PAIR = re.compile(r"\b(" + _CAP + r")\s+(?:(" + _CAP + r")\s+)?(" + _CAP + r")\b")
_TRACK_HEAD = re.compile(
    r"\b(?:трек\w*|направлени\w*|секци(?:и|ям|ях)|площадк(?:и|ах|ам)|тематическ\w*\s+блок\w*"
    r"|номинаци\w*)\b[^.:]{0,60}:",
    re.IGNORECASE,
)
_AGREEMENT = re.compile(
    r"\b(?:соглашени\w*|договор\w*|меморандум\w*|договор[её]нност\w*)\b", re.IGNORECASE
)
_AGREEMENT_VERB = re.compile(
    r"\b(?:заключил\w*|подписал\w*|подписан\w*|заключен\w*|заключ[её]н\w*)\b", re.IGNORECASE
)
_VENUE = re.compile(
    r"(?:на\s+площадк\w+|на\s+базе|в|во|на)\s+"
    r"((?:[А-ЯЁа-яё-]+\s+){0,3}?"
    r"(?:выставк\w*-форум\w*|дом\w*\s+культуры|дворц\w*|центр\w*|зал\w*|библиотек\w*|парк\w*"
    r"|музе\w*|театр\w*|филармони\w*|администраци\w*|колледж\w*|университет\w*|стадион\w*"
    r"|площади|экспоцентр\w*|конгресс-холл\w*|ДК|технопарк\w*|кремл\w*|усадьб\w*|сквер\w*"
    r"|доме\s+\w+|ДНТ|Доме\s+\w+)"
    r"(?:\s+[«\"][^»\"]{1,60}[»\"]|(?:\s+(?!прош|состоя|собрал|открыл|стартова)[А-ЯЁа-яё-]+){0,3}?))"
    r"(?=[.,;:()!?]|\s+(?:прош|состоя|собрал|открыл|стартова|в\s|на\s|по\s|с\s|и\s)|$)",
)


# --- data -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # nominative where it could be restored: «Сергей Кириенко»
    role: str  # as written, may be empty: «первый заместитель Руководителя Администрации ...»


@dataclass(frozen=True, slots=True)
class Agreement:
    text: str  # the sentence that reports it
    parties: tuple[str, ...]  # «Хакасия», «Совет муниципальных образований Татарстана»
    regions: tuple[str, ...]  # region codes among the parties: ("RU-KK", "RU-TA")


_Date = date  # the field below is called ``date``


@dataclass(frozen=True, slots=True)
class EventFacts:
    kind: str  # «форум», «сессия», «публичные слушания»...
    name: str | None  # the proper name when the text gives one: «Малая родина - сила России»
    label: str  # what to call it when there is no name: «сессия Совета депутатов»
    date: _Date | None
    end_date: _Date | None
    date_text: str
    city: str | None
    venue: str | None
    regions: tuple[str, ...]  # region codes of the place (first) and of the article
    figures: tuple[Figure, ...] = ()
    tracks: tuple[str, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    people: tuple[Person, ...] = ()
    key: str = field(default="")  # normalize_event_name(name) or "" when nameless

    @property
    def title(self) -> str:
        """The name to show: the proper name in quotes, or the descriptive label."""
        return f"{self.kind} «{self.name}»" if self.name else self.label

    @property
    def place(self) -> str | None:
        parts = [p for p in (self.city, self.venue) if p]
        return ", ".join(parts) if parts else None


# --- name normalisation ---------------------------------------------------------------------

_DASHES = re.compile(r"[‐‑‒–—―−-]")


def normalize_event_name(name: str) -> str:
    """A comparison key for event names: quotes, ordinals, scope and kind words, dashes, case
    and word endings do not matter.

    «II Всероссийский муниципальный форум "Малая родина — сила России"» and «Малая родина -
    сила России» give the same key.
    """
    text = name.replace("ё", "е").replace("Ё", "Е")
    inner = _QUOTED.findall(text)
    if inner:
        text = max(inner, key=len)
    text = _DASHES.sub(" ", text)
    text = _ORDINAL.sub(" ", text)
    out: list[str] = []
    for w in words(text):
        s = stem(w)
        if s in _NAME_NOISE or s in _ORDINAL_WORDS or w.isdigit():
            continue
        out.append(s)
    return " ".join(out)


# --- sentence-level evidence ----------------------------------------------------------------


# One pass over a sentence: every kind as a named group, earlier kinds winning at a position.
_ANY_KIND = re.compile("|".join(f"(?P<k{i}>{rx})" for i, (_, rx) in enumerate(KINDS)))
_KIND_OF_GROUP = {f"k{i}": kind for i, (kind, _) in enumerate(KINDS)}


# Every kind's match contains a word starting with one of these: a cheap test before the
# regex (tests check that each KINDS alternative is covered).
KIND_PREFIXES = frozenset(
    re.findall(
        r"\S+",
        "день днё публ обще круг форм фору съез конф виде сесс засе фест праз дня дне днь масл "
        "саба сове план выст конк флеш ярма конц акци соре турн спар чемп мара забе олим "
        "эста общ отчё отче отчи собр сход семи веби маст прак пара мити субб толо слёт "
        "слет цере торж встр чтен смот хака квиз квес игр шест полк прям лини приё прие "
        "двер урок",
    )
)
_LETTERS = re.compile(r"[а-яё]+")


def _may_have_kind(low: str) -> bool:
    return any(w[:4] in KIND_PREFIXES or w[:3] in KIND_PREFIXES for w in _LETTERS.findall(low))


def _kinds_in(sentence: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every event-kind word, in order; offsets refer to ``sentence``."""
    low = sentence.lower()
    if len(low) != len(sentence) or not _may_have_kind(low) or _ANY_KIND.search(low) is None:
        return []
    # Blank out «судебное заседание» and the like, keeping every offset in place.
    cleaned = _NOT_EVENT_CONTEXT.sub(lambda m: " " * len(m.group(0)), low)
    return [
        (_KIND_OF_GROUP[m.lastgroup or ""], m.start(), m.end()) for m in _ANY_KIND.finditer(cleaned)
    ]


@dataclass(slots=True)
class _Evidence:
    report: float = 0.0
    strong: float = 0.0  # the part of ``report`` backed by an explicit report cue
    lead_plan: bool = False  # a future or planning word in the title or the first sentences
    plan: float = 0.0
    cancel: float = 0.0
    best: tuple[float, int, str, int] | None = None  # (weight, sentence index, kind, pos)


_WORD = re.compile(r"[А-Яа-яЁё]+")
_PAST_ENDINGS = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")


def _past_verb(sentence: str) -> int:
    """Where the first past-tense finite verb of ``sentence`` starts, or -1."""

    morph = analyzer()
    for m in _WORD.finditer(sentence):
        word = m.group(0)
        if len(word) < 4 or not word.endswith(_PAST_ENDINGS):
            continue
        parse = morph.parse(word.lower())[0]
        if parse.tag.POS == "VERB" and "past" in parse.tag:
            return m.start()
    return -1


def _weigh(sentences: list[str]) -> _Evidence:
    ev = _Evidence()
    for index, sent in enumerate(sentences):
        kinds = _kinds_in(sent)
        if not kinds and index > 2:
            continue
        weight = 3.0 if index == 0 else 2.0 if index <= 2 else 1.0
        plan = _PLAN.search(sent)
        if plan and index <= 2:
            ev.lead_plan = True
        cancel = _CANCEL.search(sent)
        if index == 0 and _LISTING.search(sent):
            ev.plan += 3.0
        if not kinds:
            if index == 0 and plan:
                ev.plan += 1.0
            if index == 0 and cancel:
                ev.cancel += 1.0
            continue
        if cancel:
            ev.cancel += weight
            continue
        reports = list(_REPORT.finditer(sent))
        if plan and not reports:
            ev.plan += weight
            continue
        if plan and reports and plan.start() < reports[0].start():
            # «пройдёт ... уже прошли отборочные этапы»: the leading verb decides.
            ev.plan += weight * 0.75
            continue
        if not reports:
            # No listed cue: a past-tense verb next to the kind still tells of a report
            # («на сессии депутаты переизбрали председателя»), with less weight.
            past = _past_verb(sent)
            if past < 0:
                continue
            ev.report += weight * 0.75
            kind, pos, _ = min(kinds, key=lambda k: abs(k[1] - past))
            cand = (weight * 0.75, -index, kind, pos)
            if ev.best is None or cand[:2] > ev.best[:2]:
                ev.best = cand
            continue
        ev.report += weight
        ev.strong += weight
        cue = reports[0].start()
        kind, pos, _ = min(kinds, key=lambda k: abs(k[1] - cue))
        cand = (weight, -index, kind, pos)
        if ev.best is None or cand[:2] > ev.best[:2]:
            ev.best = (weight, -index, kind, pos)
    return ev


def _is_incident(title: str, lead: str) -> bool:
    return bool(_INCIDENT.search(title)) or bool(_INCIDENT.search(lead))


# --- facts ----------------------------------------------------------------------------------


_GAP_STOP = re.compile(
    r"\b(?:в|во|на|у|из|при|с|со|и|для|после|до|под|над|за|к|ко|от|о|об)\b", re.IGNORECASE
)


def _name_near(sentence: str, pos: int) -> str | None:
    """The quoted proper name right after (or just before) an event-kind word.

    Only qualifying words may stand between («форум муниципальных образований «...»»), not a
    verb or a preposition («прошёл в «Сириусе»» names a place, not the event).
    """
    for m in _QUOTED.finditer(sentence):
        if m.start() >= pos:
            gap = sentence[pos : m.start()]
            gap_words = gap.split()[1:]  # the kind word itself first
            if (
                len(gap) <= 60
                and len(gap_words) <= 4
                and not re.search(r"[.;!?,()]", gap)
                and not _GAP_STOP.search(" ".join(gap_words))
                and not _REPORT.search(gap)
                and not _PLAN.search(gap)
            ):
                return m.group(1).strip()
        elif not sentence[m.end() : pos].strip(" -–—"):
            return m.group(1).strip()
    return None


_LABEL_WORD = re.compile(
    r"[А-ЯЁ][\w-]*|[а-яё-]+(?:ого|его|ой|ей|ых|их|ии|ия|ов|ев|ая|ая|а|я|ы|и|ых)", re.IGNORECASE
)


def _label(sentence: str, kind_pos: int, kind: str) -> str:
    """«сессия Совета депутатов Абакана»: the kind and up to four words that qualify it."""
    rx = dict(_KIND_RES)[kind]
    m = rx.match(sentence.lower(), kind_pos)
    end = m.end() if m else kind_pos
    words_: list[str] = [kind]
    for token in sentence[end:].split()[:4]:
        word = token.strip(",.;:!?()")
        if (
            not word
            or (word != token and not token.endswith(word))
            or not _LABEL_WORD.fullmatch(word)
            or _GAP_STOP.fullmatch(word)
            or _REPORT.fullmatch(word)
            or _PLAN.fullmatch(word)
            or (word[:1].islower() and word.endswith(_PAST_ENDINGS))
        ):
            break
        words_.append(word)
        if word != token:
            break  # punctuation ends the phrase
    return " ".join(words_)


def _nominative(word: str) -> str:

    parses = analyzer().parse(word)
    for p in parses:
        if "NOUN" in p.tag:
            form = p.inflect({"nomn", "sing"}) if "Pltm" not in p.tag else p.inflect({"nomn"})
            if form is not None:
                out = str(form.word)
                return out.capitalize() if word[:1].isupper() else out
    return word


@lru_cache(maxsize=4096)
def _person_name(first: str, middle: str | None, last: str) -> str | None:
    """«Владимира Путина» -> «Владимир Путин»; None when ``first`` is not a first name."""

    morph = analyzer()
    first_parse = next((p for p in morph.parse(first) if "Name" in p.tag and p.score >= 0.05), None)
    if first_parse is None:
        return None
    case = first_parse.tag.case
    gender = first_parse.tag.gender
    out = [first_parse.inflect({"nomn"})]
    names = [str(out[0].word).capitalize() if out[0] is not None else first]
    if middle:
        mp = next((p for p in morph.parse(middle) if "Patr" in p.tag), None)
        form = mp.inflect({"nomn"}) if mp is not None else None
        names.append(str(form.word).capitalize() if form is not None else middle)
    last_nom = last
    if case != "nomn":
        for p in morph.parse(last):
            if (
                "Surn" in p.tag
                and p.tag.case == case
                and (gender is None or p.tag.gender in (gender, None))
            ):
                form = p.inflect({"nomn"})
                if form is not None:
                    last_nom = str(form.word).capitalize()
                break
    names.append(last_nom)
    return " ".join(names)


_CAP_WORD = re.compile(_CAP)


def _is_first_name(word: str) -> bool:

    return info(word).first_name


def _role_before(clause: str) -> str:
    clause = re.split(r"\bво\s+главе\s+со?\b", clause)[-1]
    role_m = _ROLE.search(clause)
    if role_m is None:
        return ""
    start = role_m.start()
    lead = _ROLE_LEAD.search(clause[:start])
    if lead:
        start = lead.start()
    role = clause[start:].strip()
    parts = role.split()
    return " ".join(parts[-10:]) if len(parts) > 10 else role


_SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ын", "ий", "ой", "ова", "ева", "ёва", "ина", "ына", "ская", "цкая",
    "енко", "ук", "юк", "дзе", "швили", "ян", "ллин", "лин", "ич", "их", "ых", "ко", "ай",
)  # fmt: skip


def _looks_like_unknown_name(first: str, last: str) -> bool:
    """«Экзам Губайдуллин»: a first name the dictionary does not know, then a surname."""

    morph = analyzer()
    if morph.word_is_known(first.lower()) and not _is_first_name(first):
        return False
    return last.lower().endswith(_SURNAME_ENDINGS) or any(
        "Surn" in p.tag for p in morph.parse(last)
    )


def _right_after_role(clause: str) -> bool:
    """The clause ends with a role and at most three words that complete it («Совета»)."""
    found = list(_ROLE.finditer(clause))
    return bool(found) and len(clause[found[-1].end() :].split()) <= 3


def _people(sentences: list[str]) -> list[Person]:
    people: dict[str, Person] = {}
    for sent in sentences:
        caps = list(_CAP_WORD.finditer(sent))
        used_until = -1
        for i, m in enumerate(caps):
            if m.start() < used_until or (m.start() == 0 and m.group(0) in {"В", "На"}):
                continue
            nxt = caps[i + 1] if i + 1 < len(caps) else None
            if nxt is None or sent[m.end() : nxt.start()].strip():
                continue  # a name is two adjacent capitalised words
            third = caps[i + 2] if i + 2 < len(caps) else None
            adjacent3 = third is not None and not sent[nxt.end() : third.start()].strip()
            before = sent[: m.start()]
            clause = re.split(r"[,;:()—–«»]|\s-\s", before)[-1]
            role = _role_before(clause)
            first, last = m.group(0), nxt.group(0)
            middle: str | None = None
            if adjacent3 and third is not None and third.group(0).endswith(("вич", "вна", "чна")):
                middle, last = last, third.group(0)
            elif adjacent3 and third is not None and nxt.group(0).endswith(("вич", "вна", "чна")):
                middle, last = nxt.group(0), third.group(0)
            name: str | None = None
            if _is_first_name(first):
                name = _person_name(first, middle, last)
            elif (
                role
                and not adjacent3
                and _right_after_role(clause)
                and _looks_like_unknown_name(first, last)
            ):
                # «председатель Экзам Губайдуллин»: unknown first names count right after a role.
                name = f"{first} {last}"
            if name is None:
                continue
            used_until = third.end() if middle and third is not None else nxt.end()
            if name not in people or (role and not people[name].role):
                people[name] = Person(name, role)
    return list(people.values())


def _tracks(sentences: list[str]) -> list[str]:
    out: list[str] = []
    for sent in sentences:
        head = _TRACK_HEAD.search(sent)
        if head is None:
            continue
        names = [m.group(1).strip() for m in _QUOTED.finditer(sent, head.end())]
        if len(names) >= 2:
            out.extend(n for n in names if n not in out)
    return out


def _hits(matches: Sequence[RegionMatch]) -> list[tuple[str, str, int, str]]:
    """(code, evidence text, start, evidence kind) in text order."""
    hits: list[tuple[str, str, int, str]] = []
    for match in matches:
        hits.extend((match.code, ev.text, ev.start, ev.kind) for ev in match.evidence)
    hits.sort(key=lambda h: h[2])
    return hits


def _regions_of(text: str) -> list[tuple[str, str, int, str]]:

    return _hits(tag_regions(text))


def _nominal_phrase(phrase: str) -> str:
    first, *rest = phrase.split(" ", 1)
    return " ".join([_nominative(first), *rest]) if first[:1].isupper() else phrase


def _agreements(sentences: list[str]) -> list[Agreement]:
    out: list[Agreement] = []
    for sent in sentences:
        if not (_AGREEMENT.search(sent) and _AGREEMENT_VERB.search(sent)):
            continue
        parties: list[str] = []
        verb = _AGREEMENT_VERB.search(sent)
        assert verb is not None
        subject = re.search(r"(" + _CAP + r"(?:\s+" + _CAP + r")*)\s+$", sent[: verb.start()])
        if subject and subject.group(1).split()[0] not in {"Одним", "Также", "Так"}:
            parties.append(_nominal_phrase(subject.group(1)))
        for m in re.finditer(
            r"\b(?:с|со|между)\s+((?:[А-ЯЁ][\w-]*)(?:\s+(?:[а-яё]+(?:ых|их|ого|ей|ов|ии|ий)"
            r"|[А-ЯЁ][\w-]*|и\s+[А-ЯЁ][\w-]*)){0,5})",
            sent[verb.end() :],
        ):
            phrase = m.group(1).strip()
            for part in re.split(r"\s+и\s+", phrase):
                parties.append(_nominal_phrase(part))
        codes: list[str] = []
        for code, _, _, _ in _regions_of(" ".join(parties) or sent):
            if code not in codes:
                codes.append(code)
        if parties or codes:
            out.append(Agreement(sent.strip(), tuple(parties), tuple(codes)))
    return out


def _city(text: str, hits: list[tuple[str, str, int, str]]) -> tuple[str | None, str | None]:
    """(city in nominative, its region code) from «в Москве», «в Абакане»: the first one."""

    for code, ev_text, start, kind in hits:
        if kind not in {"town", "name"}:
            continue
        if not re.search(r"\b(?:в|во|на)\s+$", text[max(0, start - 4) : start]):
            continue
        region = by_code(code)
        if region is None:
            continue
        forms = lemmas(ev_text.split()[0])
        for town in region.towns:
            if town.lower().replace("ё", "е").split()[0] in forms:
                return town, code
        if kind == "name" and region.capital and region.capital.lower() in forms:
            return region.capital, code
    return None, None


def _venue(sentences: list[str]) -> str | None:
    for sent in sentences:
        m = _VENUE.search(sent)
        if m:
            venue = m.group(1).strip()
            if venue[:1].isupper() or "«" in venue:
                return _nominal_phrase(venue)
    return None


def detect_event(
    title: str,
    text: str,
    published: datetime | None,
    *,
    regions: Sequence[RegionMatch] | None = None,
) -> EventFacts | None:
    """The event the article reports, with its facts; None when it reports none.

    ``regions``: ``tag_regions(analysed_text(title, text))`` when the caller has it already
    (``bot.analysis``), so the text is not tagged twice.
    """
    if len(text) > MAX_TEXT:
        # Facts sit in the first pages; a huge text must not stall ingestion.
        cut = text.rfind("\n", 0, MAX_TEXT)
        text = text[: cut if cut > MAX_TEXT // 2 else MAX_TEXT]
    body_sents = list(body_sentences(text))
    title = title.strip()
    # A body that opens with the title repeated: weigh the title once.
    if body_sents and body_sents[0].strip(" .") == title.strip(" ."):
        body_sents = body_sents[1:]
    sents = [title, *body_sents] if title else body_sents
    if not sents:
        return None
    ev = _weigh(sents)
    if ev.best is None or ev.report <= 0:
        return None
    if ev.cancel >= 2.0 or (ev.cancel > 0 and ev.cancel >= ev.report):
        return None
    if ev.plan > ev.report:
        return None
    lead = sents[1] if len(sents) > 1 else ""
    title_has_kind = bool(_kinds_in(title))
    if _is_incident(title, "") and not title_has_kind:
        return None
    if _is_incident(lead, "") and not title_has_kind and ev.report < 3:
        return None
    if ev.strong == 0 and (ev.lead_plan or _is_incident(title, lead)):
        return None  # only a bare past verb, against a plan or an incident

    _, neg_index, kind, pos = ev.best
    best_sentence = sents[-neg_index]
    name = _name_near(best_sentence, pos)
    if name is None:
        # The name may come with the kind word in another sentence (the title, the lead).
        for sent in sents[:4]:
            for k, p, _ in _kinds_in(sent):
                if k == kind:
                    name = _name_near(sent, p)
                    if name:
                        break
            if name:
                break
    label = _label(best_sentence, pos, kind)

    ref = (published or datetime.now(UTC)).astimezone(UTC).date()
    span: DateSpan | None = None
    for sent in [best_sentence, *sents]:
        spans = find_dates(sent, ref)
        if spans:
            span = spans[0]
            break
    facts_text = "\n".join(body_sents)
    # The string the region tagger reads (bot.analysis.analysed_text): offsets refer to it.
    src = text if not title or text.lstrip().startswith(title) else f"{title}\n{text}"
    hits = _hits(regions) if regions is not None else _regions_of(src)
    city, city_code = _city(src, hits)
    codes: list[str] = [city_code] if city_code else []
    for code, _, _, _ in hits:
        if code not in codes:
            codes.append(code)
    return EventFacts(
        kind=kind,
        name=name,
        label=label,
        date=span.start if span else None,
        end_date=span.end if span else None,
        date_text=span.text if span else "",
        city=city,
        venue=_venue(sents),
        regions=tuple(codes),
        figures=tuple(find_figures(facts_text)),
        tracks=tuple(_tracks(sents)),
        agreements=tuple(_agreements(body_sents)),
        people=tuple(_people(sents)),
        key=normalize_event_name(name) if name else "",
    )


def event_to_json(ev: EventFacts | None) -> dict[str, Any] | None:
    """The JSON form used by ``python -m bot analyze`` (``summary`` is added by the caller)."""
    if ev is None:
        return None
    return {
        "kind": ev.kind,
        "name": ev.name or ev.label,
        "date": ev.date.isoformat() if ev.date else None,
        "end_date": ev.end_date.isoformat() if ev.end_date else None,
        "date_text": ev.date_text,
        "place": ev.place,
        "city": ev.city,
        "venue": ev.venue,
        "regions": list(ev.regions),
        "figures": [{"value": f.value, "unit": f.unit, "text": f.text} for f in ev.figures],
        "tracks": list(ev.tracks),
        "agreements": [
            {"text": a.text, "parties": list(a.parties), "regions": list(a.regions)}
            for a in ev.agreements
        ],
        "people": [{"name": p.name, "role": p.role} for p in ev.people],
    }
