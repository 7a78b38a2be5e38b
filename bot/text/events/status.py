"""What the article says of its gathering: held, announced, cancelled or postponed.

Each sentence that names an event kind is read once. Its *stance* comes from the cue nearest to
the kind word: a cancellation or a postponement (``отменён``, ``не состоится``, ``перенесён``)
wins the sentence; otherwise a listed report cue (``прошёл``, ``состоялось``) or plan cue
(``пройдёт``, ``состоится``, ``приглашаем``), else the tense of the finite verbs
(pymorphy3: past -> held, future -> announced, present -> under way, so held: deeper in the
text only with a word for now). A denied change («ложная информация об отмене») leaves the
gathering announced; «Парада не будет» cancels it. A change that is a topic («слушания по
вопросу переноса»), an option weighed («был вариант переноса»), an earlier course («даты уже
дважды переносились») or a move of place («перенесли в Белый Яр») is none. A negated or
hypothetical sentence («не хочет проводить такую встречу», «может состояться») gives no
evidence. A notice of the hour in the present tense («30 ноября в 10.00 проводятся слушания»)
tells the gathering ahead. Sentences weigh by position: the title most, then the lead.

Pure functions; morphology via :mod:`bot.text.morph`, cached per word form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from bot.text.events.lexicon import (
    _CANCEL,
    _CONDITION,
    _EARLIER,
    _FEDERAL_TALKS,
    _HYPOTHETICAL,
    _LEAGUE,
    _NOT_EVENT_CONTEXT,
    _PLAN,
    _POSTPONE,
    _REPORT,
    _SCORE,
    _SPORT_ABROAD,
    COUNTABLE_KINDS,
    GENERIC_KINDS,
    MATCH_RESULT_RE,
    PART_KINDS,
    _kind_re,
    _kinds_in,
    _performed,
    find_incident,
)
from bot.text.events.scan import caseless
from bot.text.morph import analyzer, lemmas
from bot.text.towns import towns_by_name

__all__ = [
    "STATUSES",
    "Evidence",
    "Status",
    "contest_kind",
    "one_in_plural",
    "plural_subject",
    "sentence_stance",
    "several",
    "verb_tense",
    "weigh",
]

Status = Literal["held", "announced", "cancelled", "postponed"]
STATUSES: tuple[Status, ...] = ("held", "announced", "cancelled", "postponed")

# Sentences past this index are read only for facts, not for the decision.
MAX_DECISION_SENTENCES = 24

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")
_VERBISH = (
    "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "т", "ет", "ит", "ут", "ют", "ат",
    "ят", "тся", "ется", "ится", "утся", "ются", "атся", "ятся", "ешь", "ишь", "ем", "им",
    "ог",  # the past of «помочь», «смочь»: «гол помог команде обыграть...»
)  # fmt: skip
_PAST_ENDINGS = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")


@lru_cache(maxsize=50_000)
def verb_tense(word: str) -> str | None:
    """«прошёл» -> "past", «пройдёт» -> "futr", «проходит» -> "pres"; None for non-verbs.

    Only the most likely parse counts, and only a finite verb («будет» included)."""

    low = word.lower()
    if len(low) < 3 or not low.endswith(_VERBISH):
        return None
    parse = analyzer().parse(low)[0]
    if parse.tag.POS != "VERB":
        return None
    tense = parse.tag.tense
    return str(tense) if tense else None


_TENSE_STANCE: dict[str, Status] = {"past": "held", "pres": "held", "futr": "announced"}
# Deeper in the text the present tense tells of a gathering under way only with a word for now;
# otherwise it is habitual («слушания проводятся на основании...»). In the headline and the
# sentence after it, it reports («Депутаты обсуждают бюджет»), unless ``_HABITUAL``.
_NOW = re.compile(
    r"\b(?:сегодня|сейчас|в\s+эти\s+дни|в\s+настоящее\s+время|в\s+эти\s+минуты)\b", re.I
)


def _negated(sentence: str, start: int) -> bool:
    """A «не» (or «ни») right before the cue at ``start``: «не прошёл» is no report."""
    return bool(re.search(r"\b(?:не|ни)\s+$", sentence[max(0, start - 6) : start], re.IGNORECASE))


# The change as the topic of the gathering named before it: «слушания о переносе памятника»,
# «слушания по вопросу переноса памятника», «собрание по поводу отмены рейсов».
_ABOUT = re.compile(
    r"(?:\bоб?|\bпо\s+(?:вопрос\w*|поводу)|\bкасательно|\bотносительно)\s+$", re.IGNORECASE
)
# A change only weighed, not decided: «был вариант переноса праздника», «обсуждали
# возможность отмены», «поступило предложение перенести».
_OPTION = re.compile(
    r"\b(?:вариант\w*|возможност\w*|предложени\w*|иде[яиюе]й?)\s+(?:[а-яё]+\s+)?$"
    # A wish or an intention told in the past, not carried out: «Ранее власти хотели отменить
    # только салют», «собирались перенести».
    r"|\b(?:хотел[аи]?|собирал(?:ся|ась|ись)|намеревал(?:ся|ась|ись)|думали)\s+(?:[а-яё]+\s+)?$",
    re.IGNORECASE,
)
# One of two courses weighed, none taken: «спорили, переносить праздник на август или
# отменить совсем», «отменить или перенести ярмарку» (an infinitive after «или»).
_EITHER = re.compile(
    r"[^.!?;]{0,60}?\bили\s+(?:же\s+)?(?:[а-яё]+\s+)?(?:отменить|перенести|переносить|отложить"
    r"|провести|проводить|оставить)\b",
    re.IGNORECASE,
)
# A move to another place, not another day: «фестиваль перенесли в Белый Яр», «концерт
# перенесут на другую площадку» (unless a day comes too: «перенесли в Сургут на 5 июля»).
# (The place it leaves may come first: «переносится с площади Металлургов на площадь Химиков»;
# a town named by its noun: «переносится в город Лисичанск».)
_RELOCATED = re.compile(
    r"\s+(?:[а-яё]+\s+){0,2}?(?:(?:с|со|из)\s+(?:[А-ЯЁа-яё-]+\s+){1,3}?)?"
    r"(?:(?:в|во)\s+[А-ЯЁ]|(?:в|во|на)\s+(?:[А-ЯЁа-яё-]+\s+)?"
    r"(?:мест[оа]\b|площад|помещени|парк|зал\b|сквер|стадион|здани|территори|набережн|улиц"
    r"|проспект|сцен|дом\b|двор\b|клуб|город\b|сел[оа]\b|пос[её]лок\b|деревн))"
    # From one town to another, the gathering's name between: «перенос чемпионата России по
    # лёгкой атлетике из Тюмени на Сахалин».
    r"|\s+(?:[А-ЯЁа-яё-]+\s+){0,6}?из\s+[А-ЯЁ][а-яё-]+\s+(?:в|во|на)\s+[А-ЯЁ]"
)
_NEW_DAY = re.compile(
    r"\bна\s+(?:\d|следующ|другую\s+дату|нов\w+\s+дат)|\bдат[аеуы]\b|\bсрок", re.I
)


def _relocation(sentence: str, m: re.Match[str]) -> bool:
    """The postponement cue ``m`` moves its gathering to another place, on the same day."""
    if not m.group(0).lower().startswith("перен"):
        return False
    if _RELOCATED.match(sentence, m.end()) is None:
        return False
    stop = sentence.find(".", m.end())
    return not _NEW_DAY.search(sentence, m.end(), stop if stop >= 0 else len(sentence))


def _change_cue(cue: re.Pattern[str], sentence: str, kind_pos: int) -> re.Match[str] | None:
    """The first cancellation or postponement cue that is not the topic of the gathering named
    before it («слушания о переносе Дня города» are held, whatever they discuss), not an
    option weighed («был вариант переноса»), not an earlier change told as a course of things
    («даты уже два раза переносились») and not a move to another place."""
    for m in caseless(cue).finditer(sentence):
        before = sentence[max(0, m.start() - 30) : m.start()]
        if kind_pos < m.start() and _ABOUT.search(before):
            continue
        if _OPTION.search(before) or _EITHER.match(sentence, m.end()):
            continue
        low = m.group(0).lower()
        if low.startswith("переносил") or _relocation(sentence, m):
            continue
        if _earlier_change(sentence, m.start()):
            continue
        return m
    return None


# A clause's end: what is told after it is told of another time.
_CLAUSE_END = re.compile(r"[,;:—–]")


def _earlier_change(sentence: str, start: int) -> bool:
    """The change at ``start`` is told in the clause of an earlier year or edition: «в прошлом
    году подписали указ об изменении даты празднования», «фестиваль, который год назад
    перенесли, ...» (this year's gathering is not the one changed)."""
    return any(
        m.end() <= start and not _CLAUSE_END.search(sentence, m.end(), start)
        for m in caseless(_EARLIER).finditer(sentence[:start])
    )


# A change named by its noun and denied by «не будет» after it: «переноса праздника в этом
# году не будет».
_CHANGE_NOUN = re.compile(r"(?:перенос[аеуы]?|отмен[аыуе])$", re.IGNORECASE)
_NO_CHANGE = re.compile(r"(?:\s+[а-яёА-ЯЁ«»\"-]+){0,8}?\s+не\s+будет\b", re.IGNORECASE)


# A denied change: «назвал ложной информацию об отмене», «опроверг слухи о переносе».
_DENIAL = re.compile(
    r"\b(?:опроверг\w*|опровержени\w*|фейк\w*|неправд\w*|ложн\w*|неправильн\w*"
    r"|недостоверн\w*|не\s+соответству\w*\s+действительност\w*)",
    re.IGNORECASE,
)
# Words that end a noun phrase: a quantifier or a negated «будет» before one of them does not
# govern the kind word after it («приглашаются все на субботник»).
_PREPOSITIONS = frozenset(
    re.findall(
        r"\S+", "в во на к ко с со о об обо по за для до от из у при через под над перед без про"
    )
)
# «Парада не будет», «Праздника в этом году не будет»: the gathering, a genitive of negation,
# will not be. (Only with the kind word as the phrase right before it, not «на празднике».)
_NONE_AFTER = re.compile(r"^\S+(?:\s+[а-яё«»\"-]+){0,5}?\s+не\s+будет\s*(?:[.!,;:—–…-]|$)")
_NONE_BEFORE = re.compile(r"\bне\s+будет\s+((?:[а-яё]+\s+){0,2})$")
_WILL_NOT_BE = re.compile(r"не\s+будет", re.IGNORECASE)
# A holiday's festivities that will not be: «в Курске не будет массовых мероприятий на День
# города», «не будет гуляний в честь Дня села»: the day's celebration is called off (the day
# itself comes all the same). Matched on the lower-cased words before the holiday's name.
_NONE_FOR_DAY = re.compile(
    r"\bне\s+будет\s+(?:[а-яё]+\s+){0,2}?(?:мероприятий|гуляний|торжеств|празднеств|праздников)"
    r"\s+(?:на|ко?|в\s+честь)\s+$"
)
_DAY_WORD = re.compile(r"(?:день|дн[яюеё]|маслениц|новый\s+год|нового\s+года|новому\s+году)")


def _none_will_be(sentence: str, kind_pos: int) -> int | None:
    """The position of «не будет» telling the gathering at ``kind_pos`` will not take place."""
    low = sentence.lower()
    before = low[:kind_pos]
    festivities = _NONE_FOR_DAY.search(before)
    if festivities and _DAY_WORD.match(low, kind_pos):
        return festivities.start()  # «не будет массовых мероприятий на День города»
    if any(w in _PREPOSITIONS for w in before.split()[-1:]):
        return None  # «на празднике не будет очередей»
    after = _NONE_AFTER.match(low[kind_pos:])
    if after:
        return kind_pos + after.group(0).rfind("не ")
    m = _NONE_BEFORE.search(before)
    if m and not any(w in _PREPOSITIONS for w in m.group(1).split()):
        return m.start()
    return None


# The present tense of a headline or its lead reports («Депутаты обсуждают бюджет»), unless a
# word makes it habitual.
_HABITUAL = re.compile(
    r"\b(?:ежегодно|ежемесячно|еженедельно|традиционно|обычно|регулярно|как\s+правило"
    # «клуб, где всегда проходят праздники» (not «как всегда, в парке проходит праздник»: this
    # year's, on the day)
    r"|(?<!как\s)всегда"
    r"|каждый\s+(?:год|месяц|раз)|кажд\w+\s+(?:недел|суббот|воскресень)\w*"
    # «праздник, которого ждут целый год»: what happens every year
    r"|(?:целый|весь|круглый)\s+год"
    # «Уже традицией стала эстафета, которая проходит в мае»: what has become the custom.
    r"|традици(?:ей|онным)\s+(?:уже\s+)?стал\w*|стал\w*\s+(?:уже\s+)?традици(?:ей|онн\w*)"
    # The calendar: «Крещение выпадает на вторник», «праздник приходится на воскресенье».
    r"|выпада(?:ет|ют)\s+на|приход(?:ит|ят)ся\s+на"
    # A series running since a year: «Фестиваль проводится в городе с 1998 года».
    r"|(?<!\d\s)с\s+\d{4}\s+года"
    # A day of the calendar that comes round each year: «в первый выходной день июля», «в
    # последнее воскресенье августа» (the year not given).
    r"|(?:в|во)\s+(?:перв|втор|трет|четв[её]рт|последн)\w+\s+(?:выходн\w+\s+)?(?:день|дни"
    r"|суббот\w+|воскресень\w+|выходн\w+)\s+(?:январ|феврал|март|апрел|ма|июн|июл|август"
    r"|сентябр|октябр|ноябр|декабр)[яа]\b(?!\s+\d))\b",
    re.IGNORECASE,
)


# A clock time: «в 10.00», «в 11 часов» (not «с 10.00 до 18.00», opening hours). The letter
# is spelled in both cases: one case-sensitive scan, no lower-cased copy.
# («в 16-00»: the hour and the minutes parted by a hyphen, on the hour or the half-hour; not
# «в 10-11 классах»)
_CLOCK = re.compile(
    r"\b[вВ]\s+\d{1,2}(?:[.:]\d{2}(?!\d|[.,]\d)|-(?:00|30)\b(?![.,]\d)|\s+час(?:а|ов)?\b)"
)
# The present tense of a gathering taking place or starting: «проводятся», «проходит»,
# «начинается», «открывается».
_HOLDING_NOW = re.compile(r"(?:провод|проход|начина|открыва)(?:ит|ят|ет|ют)(?:ся)?\b", re.I)

# The report cues in the present tense: with ``_HABITUAL`` they tell a custom.
_PRESENT_REPORT = re.compile(r"(?:проход(?:ит|ят)|продолжа(?:ет|ют)ся|проходящ\w*)", re.I)
# The plan cues in the present tense: «праздник, которого все ждут каждый год» is awaited every
# year, not announced.
_PRESENT_PLAN = re.compile(r"(?:ждут|жд[её]м|жд[её]т)", re.I)


# A gathering said to go on until a day or a season is under way: «выставка продлится до
# лета», «ярмарка будет работать до 8 июля» (its start, when ahead, is told by its own cue:
# «откроется 5 мая и продлится до июня»).
_LASTS_UNTIL = re.compile(
    r"(?:продл(?:ится|ятся)|продолж(?:ится|атся)|будут?\s+работать)\s+(?:[а-яё]+\s+)?до\b",
    re.IGNORECASE,
)


# A document's title in quotes: «решение «О проведении публичных слушаний»» names the
# decision; its words tell nothing of the gathering's status.
_DOC_TITLE = re.compile(r"[«\"]Об?\s")


def _doc_titles(sentence: str) -> list[tuple[int, int]]:
    """Spans of the quoted document titles («О бюджете ...») in ``sentence``, nested quotes
    included."""
    if "О" not in sentence:
        return []
    spans: list[tuple[int, int]] = []
    for m in _DOC_TITLE.finditer(sentence):
        if spans and m.start() < spans[-1][1]:
            continue  # nested in the title before
        if m.group(0)[0] == '"':
            close = sentence.find('"', m.end())
            spans.append((m.start(), close if close >= 0 else len(sentence)))
            continue
        # Never closed (a quote lost on the page): it runs to the first closing quote.
        first = sentence.find("»", m.end())
        depth, end = 0, first if first >= 0 else len(sentence)
        for i in range(m.start(), len(sentence)):
            if sentence[i] == "«":
                depth += 1
            elif sentence[i] == "»":
                depth -= 1
                if depth == 0:
                    end = i
                    break
        spans.append((m.start(), end))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


# The gathering's name in quotes right after its kind word (one or two words).
_NAME_AFTER = re.compile(r"(?:[А-Яа-яЁё-]+\s+){0,2}?[А-Яа-яЁё-]+\s*([«\"][^«»\"]{1,80}[»\"])")


# A contrast opening the clause of a gathering after another clause: «..., однако», «..., но».
_BUT_BETWEEN = re.compile(r",\s+(?:однако|но|тем\s+не\s+менее)\s", re.IGNORECASE)


# The gathering named as the venue's: «осмотрел площадку проведения праздника», «на месте
# проведения фестиваля убрали мусор» (the verb tells of the venue, not whether it was held).
_VENUE_OF = re.compile(
    r"\b(?:мест[оаеу]|площадк\w*|территори\w*)\s+(?:будущего\s+|предстоящего\s+)?проведени[яе]"
    r"\s+(?:[а-яё-]+\s+){0,2}$",
    re.IGNORECASE,
)
_VENUE_OF_REACH = 60  # characters before the kind word


def sentence_stance(
    sentence: str, kind_pos: int, *, lead: bool = False
) -> tuple[Status, bool, int] | None:
    """(stance, explicit, cue position) of the sentence toward the kind word at ``kind_pos``.

    ``explicit``: a listed cue decided (not only a verb's tense). None when the sentence says
    nothing of the gathering or only imagines it. ``lead``: the headline or the sentence after
    it, where the present tense reports.
    """
    if _VENUE_OF.search(sentence, max(0, kind_pos - _VENUE_OF_REACH), kind_pos):
        return None  # «осмотрел площадку проведения праздника»: what was done at its venue
    cancel = _change_cue(_CANCEL, sentence, kind_pos)
    postpone = _change_cue(_POSTPONE, sentence, kind_pos)
    change = cancel or postpone
    if change and _NO_CHANGE.match(sentence, change.end()) and _CHANGE_NOUN.match(change.group(0)):
        # «Переноса праздника не будет», «отмены не будет»: the change denied, it stays ahead
        return "announced", True, change.start()
    if change and caseless(_DENIAL).search(sentence):
        return "announced", True, change.start()  # a change denied: the gathering stays ahead
    if cancel is None and "будет" in sentence:
        none = _none_will_be(sentence, kind_pos)
        if none is not None:
            cancel = _WILL_NOT_BE.match(sentence, none)
    if (cancel or postpone) and caseless(_CONDITION).search(sentence):
        return None  # a change on a condition is not a decision
    if postpone:
        return "postponed", True, postpone.start()
    if cancel:
        return "cancelled", True, cancel.start()
    hypothetical = caseless(_HYPOTHETICAL).search(sentence)
    if hypothetical and not _BUT_BETWEEN.search(sentence, hypothetical.end(), kind_pos):
        # (not «Изменения возможны в случае карантина, однако ёлка будет открыта 19 декабря»:
        # the condition is the first clause's, «однако» sets the gathering apart from it)
        return None
    cues: list[tuple[int, Status]] = []
    titles = _doc_titles(sentence)
    named = _NAME_AFTER.match(sentence, kind_pos) if "«" in sentence or '"' in sentence else None
    if named is not None:
        # «Праздничная программа «Отчего так берёзы шумят»»: the verbs of the gathering's own
        # name tell nothing of it.
        titles.append((named.start(1), named.end(1)))
    titles.extend(_source_clauses(sentence))
    habitual = caseless(_HABITUAL).search(sentence) is not None
    for m in caseless(_REPORT).finditer(sentence):
        if habitual and _PRESENT_REPORT.fullmatch(m.group(0)):
            continue  # «Ежегодно здесь проходит праздник»: what usually happens, not this one
        if _TOLD_ABOUT.match(sentence, m.end()):
            continue  # «рассказали о фестивале»: words about a gathering, not what it did
        if not _negated(sentence, m.start()) and not _inside(m.start(), titles):
            cues.append((m.start(), "held"))
    for m in caseless(_PLAN).finditer(sentence):
        if habitual and _PRESENT_PLAN.fullmatch(m.group(0)):
            continue
        if _past_programme(sentence, m):
            # «В программе праздника были поздравления»: its items, told as over.
            cues.append((m.start(), "held"))
            continue
        if not _negated(sentence, m.start()) and not _inside(m.start(), titles):
            # «Выставка продлится до лета»: it is open now and closes then.
            lasts = _LASTS_UNTIL.match(sentence, m.start()) is not None
            cues.append((m.start(), "held" if lasts else "announced"))
    if "перен" in sentence:
        # «Фестиваль перенесли в Белый Яр»: one moved to another place is still ahead.
        cues.extend(
            (m.start(), "announced")
            for m in caseless(_POSTPONE).finditer(sentence)
            if _relocation(sentence, m) and not _negated(sentence, m.start())
        )
    notice = (
        not habitual and _CLOCK.search(sentence) is not None and not caseless(_NOW).search(sentence)
    )
    if notice:
        # «30 ноября в 10.00 проводятся публичные слушания»: a notice of the day and the hour,
        # what will be (not what is under way: that is told «сегодня», «сейчас»).
        cues = [
            (at, "announced" if _HOLDING_NOW.match(sentence, at) else stance) for at, stance in cues
        ]
    explicit = bool(cues)
    if not cues:
        now = caseless(_NOW).search(sentence)
        noticed: list[tuple[int, Status]] = []
        for m in _WORD.finditer(sentence):
            tense = verb_tense(m.group(0))
            if tense is None or _negated(sentence, m.start()) or _inside(m.start(), titles):
                continue
            if notice and tense == "pres" and _HOLDING_NOW.match(m.group(0)):
                noticed.append((m.start(), "announced"))
                continue
            if (
                tense == "pres"
                and not now
                and not (lead and not caseless(_HABITUAL).search(sentence))
            ):
                continue
            cues.append((m.start(), _TENSE_STANCE[tense]))
        if noticed:
            cues, explicit = noticed, True  # the notice's verb tells, not «сообщает»
        elif not cues and now:
            cues.append((now.start(), "held"))
    if not cues:
        return None
    pos, stance = min(cues, key=lambda c: abs(c[0] - kind_pos))
    if explicit and stance != "announced" and ("проведени" in sentence or "созыв" in sentence):
        # «Постановление о созыве сессии подписала председатель»: the gathering is what the
        # document calls; the verb tells the document.
        of = _OF_HOLDING.search(sentence, max(0, kind_pos - 80), kind_pos)
        if of is not None and (of.start(), "announced") in cues:
            pos, stance = of.start(), "announced"
    if any(
        not _later_clause(sentence, max(kind_pos, pos), m.start())
        for m in caseless(_EARLIER).finditer(sentence)
    ):
        return None  # an earlier edition: «в прошлом году фестиваль собрал...»
    return stance, explicit, pos


# A document or a notice of holding or calling the gathering named right after it: «решение о
# проведении публичных слушаний», «постановление о созыве сессии».
_OF_HOLDING = re.compile(
    r"\bо\s+(?:предстоящ\w*\s+)?(?:проведени\w*|созыве)\s+(?:[а-яё0-9-]+\s+){0,3}$", re.I
)
# «В программе праздника были поздравления», «в программе концерта насчитывалось 20 номеров»:
# what the programme held, told in the past.
_IN_PROGRAMME = re.compile(r"\bв\s+$", re.IGNORECASE)


# The source of a sentence's news, a clause of its own: «Как рассказали в комитете по
# культуре, ...», «..., как отметил министр, ...», «..., сообщили в администрации». Its verb
# tells who said it, not what became of the gathering.
_SOURCE_CLAUSE = re.compile(
    r"(?:^|[,;:(]\s*)(?:[—–-]\s*)?(?:как\s+(?:уже\s+)?(?:нам\s+)?)?(?:рассказал|сообщил|отметил|пояснил"
    r"|уточнил|подчеркнул|заявил|сказал|добавил|напомнил|сообща(?:ет|ют)|рассказыва(?:ет|ют)"
    r"|переда(?:ет|ёт|ют))\w*\b[^,.!?;:«»\"]*",
    re.IGNORECASE,
)


# The verbs of ``_SOURCE_CLAUSE``: a cheap test before it.
_SOURCE_HINT = re.compile(
    r"рассказ|сообщ|отметил|поясн|уточнил|подчеркн|заявил|сказал|добавил|напомнил|переда",
    re.IGNORECASE,
)


def _source_clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of the clauses that name the source of the news (``_SOURCE_CLAUSE``)."""
    if _SOURCE_HINT.search(sentence) is None:
        return []
    return [m.span() for m in _SOURCE_CLAUSE.finditer(sentence)]


def _past_programme(sentence: str, m: re.Match[str]) -> bool:
    """The plan cue ``m`` is «в программе ...» and the sentence's verbs are in the past: the
    programme's items are reported, not announced (the source's «рассказали» tells nothing)."""
    if not m.group(0).lower().startswith("программ"):
        return False
    if not _IN_PROGRAMME.search(sentence, max(0, m.start() - 3), m.start()):
        return False
    sources = _source_clauses(sentence)
    tenses = {
        verb_tense(w.group(0)) for w in _WORD.finditer(sentence) if not _inside(w.start(), sources)
    }
    return "past" in tenses and "futr" not in tenses


# After a verb of speech: what it speaks about («рассказали о фестивале», «говорили об этом»).
_TOLD_ABOUT = re.compile(r"\s+об?\s")


def _later_clause(sentence: str, end: int, start: int) -> bool:
    """The words at ``start`` are in a clause after the one that tells the gathering and its
    verb (ending at ``end``): «Праздник прошёл в сквере, где десять лет назад поставили
    бюст» says «десять лет назад» of the bust, not of the holiday."""
    return start > end and "," in sentence[end:start]


@dataclass(slots=True)
class Evidence:
    """Weighted stances of the article's sentences toward its gatherings."""

    weights: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0.0))
    explicit: float = 0.0  # the part backed by a listed cue (not only a verb's tense)
    lead_stance: Status | None = None  # the stance of the first sentence with a kind
    lead_explicit: bool = False  # ... told by a listed cue, not only by a verb's tense
    lead_kind: str = ""  # ... and its kind
    # the kinds a listed cue told of, per stance
    explicit_told: dict[str, set[str]] = field(
        default_factory=lambda: {status: set() for status in STATUSES}
    )
    lead_index: int = -1
    remote_contest: bool = False  # the text's contest is held by post or online
    mentions: int = 0  # sentences that gave a stance
    specific_mentions: int = 0  # ... of a kind other than ``GENERIC_KINDS``
    # (weight, -sentence index, kind, position in the sentence) of the best mention
    best: tuple[float, int, str, int] | None = None
    best_specific: tuple[float, int, str, int] | None = None
    # the kinds told cancelled and postponed
    change_kinds: dict[str, set[str]] = field(
        default_factory=lambda: {"cancelled": set(), "postponed": set()}
    )

    # A change told of several gatherings before the lead («городские мероприятия перенести
    # на следующую неделю»): (status, sentence index)
    several_change: tuple[Status, int] | None = None
    # Postponements told, and how many of them without end: «на неопределённый срок», «на
    # следующий год» (this year's is off).
    postponements: int = 0
    indefinite: int = 0
    # ... and how many of them are told as the course before the news: «Изначально концерт
    # должен был пройти 9 февраля. Его перенесли», «В первый раз ... мероприятие перенесли».
    earlier: int = 0
    # The headline calls it off in so many words: «отменили», «Сабантуя не будет» (not «не
    # состоится», which a postponement may tell too).
    headline_called_off: bool = False
    # The headline or the lead tells a plan in the past: «был запланирован на 7 августа»,
    # «планировалось провести», «должен был пройти» (a plan since changed, when a change is told).
    past_plan: bool = False
    # The headline tells its gathering in the present («В Октябрьском проходит фестиваль») and
    # the next sentence with the same kind sets it for a day ahead («фестиваль пройдёт»,
    # «открытие состоится сегодня в 11.00»): on the day, before it has begun.
    title_present: bool = False
    next_set_for: bool | None = None
    # The lead tells its gathering under way today by a cue of its own: «Сегодня в городе
    # проходит праздник» (what is told ahead after it is the day's programme).
    lead_now: bool = False

    @property
    def total(self) -> float:
        return sum(self.weights.values())

    def _headline_held(self) -> bool:
        """The headline tells its gathering held by a listed cue, and held outweighs a change."""
        w = self.weights
        return (
            self.lead_index == 0
            and self.lead_stance == "held"
            and self.lead_explicit
            and w["held"] > w["cancelled"] + w["postponed"]
        )

    def status(self) -> Status:
        w = self.weights
        change = w["cancelled"] + w["postponed"]
        if change and (
            self.lead_stance in {"cancelled", "postponed"}
            # «День города был запланирован на 7 августа. О его переносе стало известно»: the
            # plan told in the past is the one the change undoes (not under a headline that
            # reports it held by a cue: «Проведён турнир по мини-футболу» ... «должен был
            # пройти 5 марта, но его перенесли»: the move is the course before the news).
            or (self.past_plan and not self._headline_held())
            # A plan is what a cancellation or a postponement changes: it outweighs the plan.
            or change >= max(w["held"], 0.6 * w["announced"])
        ):
            # A gathering called off and given a new date is postponed; but a procession called
            # off while the holiday's fete moves to the evening is cancelled.
            # («мероприятие» is any gathering: «Торжественное собрание должно было состояться
            # 9 октября» ... «Мероприятие перенесли» moves the same one.)
            if self.headline_called_off and self.indefinite + self.earlier == self.postponements:
                # «В Челябинске отменили Сабантуй» over «перенесли на неопределённый срок»: the
                # headline calls it off and the move has no end, so it is called off (so too
                # over «Изначально концерт должен был пройти в феврале. Его перенесли»: the
                # earlier move, before this calling off).
                return "cancelled"
            # (a show that was part of it called off, «салют отменили», moves nothing else)
            cancelled = self.change_kinds["cancelled"] - PART_KINDS
            postponed = self.change_kinds["postponed"]
            # (A postponement of no named gathering, the headline's own told without a kind
            # word, «Открытие сезона откладывается», moves the story's gathering.)
            moved_other = (
                cancelled
                and postponed
                and not (cancelled & postponed)
                and not (cancelled | postponed) & _ANY_GATHERING
            )
            return "postponed" if w["postponed"] > 0 and not moved_other else "cancelled"
        if self.lead_index == 0 and self.title_present and self.next_set_for:
            return "announced"  # «проходит» over «пройдёт»: the headline's present is the day's
        if (
            self.several_change is not None
            and self.lead_stance == "announced"
            and 0 < self.lead_index - self.several_change[1] <= 2
        ):
            # «Городские мероприятия, запланированные на воскресенье, перенести на следующую
            # неделю. Информация о дате проведения фестиваля будет размещена...»: the gathering
            # told ahead right after is one of those changed.
            return self.several_change[0]
        if self.lead_stance == "held" and self.lead_now and self.lead_index <= 2:
            # «Сегодня проходит праздник» ... «Концерт пройдёт на площади»: its items ahead
            # within the day it is under way.
            return "held"
        if self.lead_stance in {"held", "announced"} and self.lead_index <= 3:
            other: Status = "announced" if self.lead_stance == "held" else "held"
            told = self.explicit_told
            if (
                not self.lead_explicit
                and not told[self.lead_stance]
                and told[other] & {self.lead_kind, *_ANY_GATHERING}
            ):
                # «Ярмарка проводится в седьмой раз» over «Ярмарка откроется 24 июля»: a verb's
                # tense in the lead gives way to a cue that tells the same gathering's status
                # (not another's: «... посвящена подготовке к празднованию Дня села»).
                return other
            if w[self.lead_stance] * 1.5 >= w[other]:
                return self.lead_stance
        return "announced" if w["announced"] > w["held"] else "held"


# A move without end: «перенесли на неопределённый срок», «переносится на следующий год» (this
# year's gathering is off), «отложили до лучших времён».
_INDEFINITE = re.compile(
    r"\bна\s+неопредел[её]нн\w*\s+(?:срок|время)|\bна\s+(?:следующий|будущий)\s+год\b"
    r"|\bдо\s+лучших\s+времен|\bдо\s+лучших\s+времён|\bбессрочно",
    re.IGNORECASE,
)
_INDEFINITE_REACH = 60  # characters after the cue: «перенесли на неопределённый срок»


# A cancellation's cue that calls off in so many words.
_CALLED_OFF = re.compile(r"отмен|не\s+будет", re.IGNORECASE)
# A month that «не будет» is limited to: «В июне не будет Дня Африки» tells that month only
# (moved out of it), not «Дня Африки в этом году не будет» (nor «этим летом», said of the
# year's one season as often as of a move).
_IN_MONTH = re.compile(
    r"\b(?:в|во)\s+(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр"
    r"|декабр)[ея]\b",
    re.IGNORECASE,
)


def _called_off(headline: str, cue: int) -> bool:
    """The headline's cancellation cue at ``cue`` calls its gathering off in so many words
    («отменили», «Сабантуя не будет»), not for a month only («в июне не будет»)."""
    if not _CALLED_OFF.match(headline, cue):
        return False
    return headline[cue : cue + 2].lower() != "не" or _IN_MONTH.search(headline) is None


# A sentence that opens on the course before the news: «Изначально концерт должен был пройти 9
# февраля», «В первый раз ... мероприятие перенесли», «Сначала праздник перенесли».
_EARLIER_COURSE = re.compile(
    r"^\W*(?:изначально|первоначально|поначалу|сначала|в\s+первый\s+раз)\b", re.IGNORECASE
)


def _note_postponement(ev: Evidence, sentence: str, cue: int, previous: str = "") -> None:
    """Count a postponement told at ``cue``: without end («на неопределённый срок») or as the
    earlier course (its sentence, or ``previous`` that its pronoun points back to, opens on
    «Изначально», «В первый раз»)."""
    ev.postponements += 1
    if _INDEFINITE.search(sentence, cue, cue + _INDEFINITE_REACH):
        ev.indefinite += 1
    elif _EARLIER_COURSE.match(sentence) or _EARLIER_COURSE.match(previous):
        ev.earlier += 1


# The word for any gathering: told with another kind's change, it is the same gathering.
_ANY_GATHERING = frozenset({"мероприятие"})


# Kinds that a president's or a federal minister's day is full of.
_FEDERAL_KINDS = frozenset({"встреча", "приём граждан", "совещание", "заседание", "мероприятие"})


# National teams and world tournaments: a match of theirs is sport news from afar.
_MATCH_ABROAD = re.compile(
    r"\b(?:мира|европы|олимпийск\w*+(?!\s+резерв)|сборн\w*|нхл|нба|уефа|лиг\w*\s+чемпионов)\b", re.I
)


# Where a match is played: its word or a verb of the game, then «в» and a capitalised name
# («в товарищеском матче, который прошёл в Сочи», «сыграет с Сербией в Казани», «матч в
# Москве»).
_PLAYED_IN = re.compile(
    r"\b(?:матч\w*|прош[её]л|пройд[её]т|состо(?:ится|ялся)|сыгра\w*|проход\w*)\s+"
    r"(?:[^\s.!?]+\s+){0,3}?во?\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?)"
)


def _played_at_home(sentence: str) -> bool:
    """The sentence says the match is played in a town of Russia («прошёл в Сочи»): a national
    team's match at home is a gathering people come to, not sport news from afar."""
    for m in _PLAYED_IN.finditer(sentence):
        if any(towns_by_name(lemma) for lemma in lemmas(m.group(1))):
            return True
    return False


# The president as the one who ordered what a local official does, or whose office lends the
# room: «По поручению Президента России Владимира Путина глава республики провёл приём граждан
# в приёмной Президента РФ» (the official's gathering, not the president's talks).
_BY_ORDER = re.compile(
    r"\b(?:[Пп]о\s+(?:поручени|указани)\w*|(?i:при[её]мн)\w*)\s+(?i:президент\w*)"
    r"(?:\s+(?i:росси\w*|рф))?(?:\s+[А-ЯЁ][а-яё]+){0,3}"
)


def _federal_talks(sentence: str) -> bool:
    """The sentence tells a president's or a federal minister's talks (``_FEDERAL_TALKS``),
    the president's order to someone else or his office as the room aside."""
    if caseless(_FEDERAL_TALKS).search(sentence) is None:
        return False
    if _BY_ORDER.search(sentence) is None:
        return True
    return caseless(_FEDERAL_TALKS).search(_BY_ORDER.sub(" ", sentence)) is not None


def _federal_or_abroad(kind: str, sentence: str, federal_story: bool = False) -> bool:
    if kind in _FEDERAL_KINDS and (federal_story or _federal_talks(sentence)):
        return True
    if kind == "матч":
        return bool(_MATCH_ABROAD.search(sentence)) and not _played_at_home(sentence)
    return kind == "соревнования" and bool(_SPORT_ABROAD.search(sentence))


# Kinds a league story tells its matches with: «матч», «чемпионат», «встреча с лидером».
_LEAGUE_KINDS = frozenset({"матч", "соревнования", "встреча"})


# The verbs that report a game itself: it was played, took place, ended, or one side beat the
# other («обыграла команду из Тулы», «выиграл у «Зенита»»; not «выиграл чемпионат», a season).
_GAME_HELD = re.compile(
    r"(?:прош|состоял|заверш|законч|сыгра|обыгра|переигра|разгроми|выигра\w*\s+у\b)",
    re.IGNORECASE,
)


def _league_result(kind: str, status: Status, index: int, result_told: bool, played: bool) -> bool:
    """In a league story the one match the headline or the lead reports played is the story
    (a match report); the other matches it names are results of the season (an earlier game,
    «на первой встрече, прошедшей 17 сентября») and the next fixture named after a result
    («следующий матч состоится 21 октября») is no gathering the story is about: only a match
    moved or called off, or one announced in the headline or the lead before any result,
    counts besides. (Called for league stories only.)"""
    if kind not in _LEAGUE_KINDS:
        return False
    if status == "held":
        return index > 2 or not played
    return status == "announced" and (index > 2 or result_told)


# «все мероприятия», «многие праздники», «массово отменяют мероприятия»: several gatherings.
_SEVERAL = re.compile(
    r"\b(?:вс[еёи]х?|многи[ех]|множеств\w*|ряд(?:а|е|у)?|несколько|нескольких|массово|други[ех]|цикл"
    # «чередой праздников», «серия концертов»: one after another
    r"|прочи[ех]|любы[ех]|черед(?:а|ы|у|ой)|сери(?:я|и|ю|ей))\s+(?:[а-яё]+\s+){0,2}$"
)


# A cardinal number counting the kind word, with adjectives only between them: «два финальных
# турнира», «пять концертов» (not «два дня фестиваля»; digits are ordinals too: «42 заседание»).
_COUNTED = re.compile(
    r"\b(?:дв[аеу]х?|три|тр[её]х|четыр[её]х|четыре|пять|пяти|шесть|шести|семь|семи|восемь"
    r"|восьми|девять|девяти|десять|десяти)\s+(?:[а-яё]+(?:ых|их|ые|ие)\s+){0,2}$"
)


# A number in digits before the kind word, adjectives only between: «62 различных мероприятия»
# (an ordinal too, «42 заседание»: the noun's form tells, see ``_counted_form``).
_COUNTED_DIGITS = re.compile(r"(?<![\d.,:-])(\d{1,4})\s+(?:[а-яё]+(?:ых|их|ые|ие)\s+){0,2}$")


def _counted_form(sentence: str, start: int, number: str) -> bool:
    """The kind word at ``start`` is in the form a cardinal ``number`` (2 and more) governs:
    plural, or the genitive singular after 2-4 («62 мероприятия», «в 8 ярмарках»; not «42
    заседание», «1 концерт»: an ordinal, or one)."""
    n = int(number)
    if n < 2 or 1900 <= n <= 2100:
        return False  # one, or a year: «2023 фестиваль»
    word = sentence[start:].split(maxsplit=1)[0].lower().strip('.,;:!?»"«)')
    parses = analyzer().parse(word)[:2]
    if any(p.tag.number == "plur" for p in parses):
        return True
    paucal = n % 10 in {2, 3, 4} and n % 100 not in {12, 13, 14}
    return paucal and any(p.tag.number == "sing" and p.tag.case == "gent" for p in parses)


# «сразу» before a count: all at once, at one celebration («сразу три праздника»).
_AT_ONCE = re.compile(r"\bсразу\s+\S+\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)


# A verb telling a gathering's own course, in the plural, right after its subject: «встречи
# прошли», «ярмарки «Выходного дня» пройдут».
_PLURAL_PREDICATE = re.compile(
    r"(?:\s*[«\"][^«»\"]{1,60}[»\"])?\s+(?:прошли|пройдут|состоялись|состоятся|проходят"
    r"|проходили|будут\s+проходить|начались|начнутся|стартовали|стартуют|открылись|откроются"
    r"|завершились|завершатся|продолжаются)\b",
    re.IGNORECASE,
)
# What may stand before a subject that opens its clause: a stop, a comma, a dash, a conjunction.
_CLAUSE_OPENER = frozenset({"что", "и", "а", "но", "где", "когда", "как", "же"})


def plural_subject(sentence: str, start: int) -> bool:
    """The kind word at ``start`` opens its clause and its verb, right after it (or after the
    name in quotes), is plural: «встречи прошли» (a word that reads as a singular genitive
    first, «встречи», «ярмарки», is plural by the verb that agrees with it). A noun after a
    preposition or another noun («в ходе встречи обсудили») is no subject."""
    word = sentence[start:].split(maxsplit=1)[0] if sentence[start:].strip() else ""
    m = _PLURAL_PREDICATE.match(sentence, start + len(word))
    if m is None:
        return False
    before = sentence[:start].split()
    prev = before[-1] if before else ""
    if prev and prev[-1] not in ",:;—–-" and prev.lower() not in _CLAUSE_OPENER:
        return False
    low = word.lower().strip('.,;:!?»"«')
    parses = analyzer().parse(low)
    if one_in_plural(low, prev) or any("Pltm" in p.tag for p in parses[:1]):
        return False  # «народные гуляния», «дожинки»: one gathering named in the plural
    return any(
        p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "nomn" for p in parses
    )


def several(sentence: str, start: int, kind: str = "") -> bool:
    """The kind word at ``start`` is quantified as several gatherings («все мероприятия») or,
    for a countable kind, is plural («отменяются праздники, фестивали»)."""
    quantified = _SEVERAL.search(sentence[max(0, start - 40) : start].lower())
    if quantified and not any(w in _PREPOSITIONS for w in quantified.group(0).split()[1:]):
        return True
    counted = _COUNTED.search(sentence[max(0, start - 40) : start].lower())
    if counted:
        # «Сразу три праздника отметили жители»: several occasions marked at one celebration
        return not (
            _AT_ONCE.search(sentence[max(0, start - 50) : start])
            and sentence[start : start + 8].lower() == "праздник"
        )
    digits = _COUNTED_DIGITS.search(sentence, max(0, start - 40), start)
    if digits is not None and _counted_form(sentence, start, digits.group(1)):
        return True  # «провели 62 различных мероприятия», «участвовал в 8 ярмарках»
    if kind not in COUNTABLE_KINDS:
        return False
    if plural_subject(sentence, start):
        return True
    before = sentence[max(0, start - 30) : start].split()
    word = sentence[start:].split(maxsplit=1)[0]
    # «проведут первые после каникул заседания»: the adjective across a prepositional phrase
    previous = _adjective_across(sentence[max(0, start - 60) : start])
    return _plural_word(word, previous or (before[-1] if before else ""), kind not in GENERIC_KINDS)


# «первые в этом году встречи»: an adjective, then a prepositional phrase, then its noun.
_ADJ_ACROSS = re.compile(
    r"([а-яё]+(?:ые|ие))\s+(?:в|во|на|за|по|с|со|к|до|после|перед|для|от|из|при)\s+"
    r"(?:[а-яё]+\s+){1,2}$",
    re.IGNORECASE,
)


def _adjective_across(before: str) -> str | None:
    """A plural adjective that a prepositional phrase parts from the noun after ``before``:
    «проведут первые в этом году встречи» (the noun's own number is hidden: «встречи» reads
    as a singular genitive first)."""
    m = _ADJ_ACROSS.search(before)
    if m is None:
        return None
    tag = analyzer().parse(m.group(1).lower())[0].tag
    return m.group(1) if tag.POS in {"ADJF", "PRTF"} and tag.number == "plur" else None


_PLURAL_ADJ = ("ые", "ие")
# One gathering called by a plural noun: «народные гуляния», «масленичные гуляния» (pymorphy
# reads no plurale tantum; with an adjective before it the phrase names one festivity).
_PLURAL_NAMED = ("гуляни", "гулянь")
_ADJ_ENDINGS = ("ые", "ие", "ых", "их", "ыми", "ими")
# The plural of a solemn occasion names one celebration: «торжества в честь Дня города».
_FESTIVITIES = frozenset({"торжества", "торжествах", "торжествам", "торжествами", "празднества"})


def one_in_plural(word: str, previous: str) -> bool:
    """«народные гуляния», «масленичные гуляния»: a set phrase naming one gathering in the
    plural; «праздничные мероприятия»: the items of one celebration."""
    low, prev = word.lower(), previous.lower()
    if low.startswith(_PLURAL_NAMED) and (prev.startswith("народн") or prev.endswith(_ADJ_ENDINGS)):
        return True
    if low in _FESTIVITIES:
        return True  # «состоялись торжества по случаю юбилея»: one celebration
    # («праздничные фейерверки», «праздничные салюты»: the one show of the celebration)
    return low.startswith(("мероприяти", "фейерверк", "салют")) and prev.startswith("праздничн")


# Reported speech: «Об этом глава рассказал на форуме», «..., заявил губернатор, выступая на
# сессии». The gathering is where a statement was made; the statement is the story.
_ATTRIBUTION = re.compile(
    r"^\W*об\s+этом\b|,\s*[—–-]?\s*(?:заявил|сказал|сообщил|рассказал|подчеркнул|пояснил"
    r"|добавил|отметил|доложил|заметил|напомнил|уточнил|констатировал|резюмировал)\w*\b",
    re.IGNORECASE,
)
# «на …», «в ходе …», «во время …» ending where the gathering's word starts.
_AT_TAIL = r"(?:на|в\s+ходе|во\s+время)\s+(?:[а-яё0-9-]+\s+){0,3}$"
_AT = re.compile(r"\b" + _AT_TAIL)


# A decision told with the sitting where it was taken: «Решение было принято на внеочередном
# заседании», «решения приняты в ходе сессии». The decision is the story.
_DECIDED_AT = re.compile(
    r"\bрешени[еяй]\s+(?:[а-яё]+\s+)?(?:было\s+|были\s+)?принят[оаы]?\s+"
    r"(?:[а-яё0-9-]+\s+){0,2}?" + _AT_TAIL
)


# A decision told as done at a sitting, the decision the predicate: «На заседании парламента
# было принято девять законов», «на сессии городского совета утверждён Сергей Золотарев». The
# sitting is only where it was taken. (Not «на сессии депутаты утвердили бюджет»: the body's
# own act, told as its sitting's course.)
_AT_SITTING = re.compile(r"(?:^|[\s,])на\s+(?:[а-яё0-9-]+\s+)?$")
_SITTING_WORD = r"(?:заседани|сесси|съезд|собрани|совещани|сход|конференци|коллеги)"
# (The sitting's day and place may come between, a clause of their own: «На заседании Совета,
# состоявшемся 2 декабря в администрации, утверждена схема округов».)
_DECIDED_THERE = re.compile(
    r"^" + _SITTING_WORD + r"\w*\s+"
    r"(?:[а-яё0-9«»\"-]+\s+){0,6}?"
    r"(?:[а-яё0-9«»\"-]+\s*,\s*(?:состоявш|прошедш|проходивш|проведённ|проведенн)\w*[^,.!?;]{0,100}"
    r",\s+)?(?:был[оаи]?\s+)?(?:принят[оаы]?|утвержд[её]н[оаы]?"
    r"|избран[оаы]?|назначен[оаы]?|одобрен[оаы]?)\b"
)
_DECIDED_REACH = 240  # characters after the sitting's word read for it
# The same with the participle first: «Диплом вручен главе на одиннадцатом съезде», «Закон
# был принят на заседании Думы».
_DONE_AT = re.compile(
    r"\b(?:вручен|присвоен|принят|утвержд[её]н|избран|назначен|одобрен)[аоы]?\s+"
    r"(?:[^\s,.!?]+\s+){0,8}?на\s+(?:[а-яё0-9-]+\s+){0,2}$"
)
_SITTING = re.compile(_SITTING_WORD)


# «на полях форума»: what was done or said beside a gathering, which is only its setting.
_SIDELINES = re.compile(r"\bна\s+полях\s+(?:[а-яё0-9-]+\s+){0,3}$")


# «Выступая на пленарной сессии, министр напомнил...»: the gathering is where a speech was
# made; the speech is the story.
_SPEAKING_AT = re.compile(r"\bвыступая\s+(?:на|перед)\s+(?:[а-яё0-9-]+\s+){0,3}$")
# A signing with the gathering only as its venue: «Подписание прошло на площадке выставки».
# The agreement is the story. (Signed «в рамках форума», it is one of the forum's own acts.)
_SIGNED_AT = re.compile(r"\bподпис\w*\b[^.!?]{0,60}?\bна\s+площадке\s+(?:[а-яё0-9-]+\s+){0,3}$")


# A result voiced or praise given at a gathering: «Рейтинг озвучили на форуме», «итоги огласили
# на сессии», «Успехи района отметили на форуме» (the gathering is where it was said).
_VOICED_AT = re.compile(
    r"(?:\b(?:озвучил|огласил|обнародовал)\w*"
    r"|\b(?:успех|достижени|заслуг|вклад)\w*\s+(?:[^\s.!?]+\s+){0,3}?(?:отметил|оценил)\w*)"
    r"\s+(?:[а-яё0-9-]+\s+){0,2}?" + _AT_TAIL
)


def _said_at(sentence: str, start: int) -> bool:
    """The kind word at ``start`` is the setting of a statement reported before it, of a
    decision taken there («Решение было принято на заседании»), of a speech («выступая на
    сессии»), of a signing («подписание прошло на площадке выставки») or of what was done on
    its sidelines («подписали на полях форума соглашения»)."""
    said = _ATTRIBUTION.search(sentence, 0, start)
    before = sentence[max(0, start - 90) : start].lower()
    if _SIDELINES.search(before[-50:]) or _SPEAKING_AT.search(before[-50:]):
        return True
    if "подпис" in before and _SIGNED_AT.search(before):
        return True
    if _VOICED_AT.search(before):
        return True  # «Рейтинг озвучили на форуме», «Успехи района отметили на форуме»
    if said is not None and bool(_AT.search(before[-50:])):
        return True
    if _AT_SITTING.search(before[-30:]) and (
        _DECIDED_THERE.match(sentence[start : start + _DECIDED_REACH].lower())
        or (_DONE_AT.search(before) and _SITTING.match(sentence[start : start + 12].lower()))
    ):
        return True
    return "решени" in before and _DECIDED_AT.search(before) is not None


_DURING = re.compile(r"\b(?:во\s+время|в\s+ходе|в\s+рамках)\s+(?:[а-яё]+\s+)?$")


# The agenda of a sitting: «обсудили вопросы подготовки к празднованию», «рассмотрели
# организацию фестиваля». A gathering named after it is what was talked about.
_AGENDA = re.compile(
    r"\b(?:обсу[дж]\w*|рассм[ао]тр\w*|вопрос\w*)\s+(?:[а-яё]+\s+){0,3}?"
    r"(?:подготовк\w*\s+ко?|проведени\w*|организаци\w*|участи\w*\s+(?:в|во))\b"
    # «затронули вопросы по предстоящему празднованию», right before the gathering's word.
    r"|\bвопрос\w*\s+по\s+(?:[а-яё]+\s+){0,2}$",
    re.IGNORECASE,
)


# A video link as the format of another gathering, its subject: «Встреча проходила в формате
# видеоконференции», «совещание в режиме видеоконференции».
_FORMAT_OF = re.compile(r"\b(?:в|во)\s+(?:формате|режиме)\s+$", re.IGNORECASE)
# A holiday named as the time of something else: «В преддверии Дня местного самоуправления
# депутаты одобрили ...», «Накануне Дня Победы школьникам вручили ...».
_ON_EVE = re.compile(r"(?:в\s+преддверии|накануне)\s+(?:[а-яё0-9-]+\s+){0,2}$", re.IGNORECASE)
# What is being prepared for: «подготовка к празднованию», «по подготовке ко Дню города».
_PREPARED_FOR = re.compile(
    r"\bподготовк\w*\s+(?:[а-яё]+\s+){0,2}?ко?\s+(?:[а-яё0-9-]+\s+)?$", re.IGNORECASE
)
# The working gatherings that prepare another: an organising committee's sitting, a meeting.
_PREPARING_KINDS = frozenset({"заседание", "совещание", "собрание", "встреча"})


def _prepared_for(sentence: str, start: int) -> bool:
    """The kind word at ``start`` is what preparations are for («подготовка к празднику»)."""
    return _PREPARED_FOR.search(sentence, max(0, start - 60), start) is not None


def _sitting_prepares(lead: list[str]) -> bool:
    """The lead reports a working sitting held to prepare a gathering: «прошло заседание
    оргкомитета по подготовке к празднованию Дня Победы»."""
    for sent in lead:
        if "подготов" not in sent.lower():
            continue
        for kind, pos, _ in _kinds_in(sent):
            if kind in _PREPARING_KINDS and not _prepared_for(sent, pos):
                stance = sentence_stance(sent, pos)
                if stance is not None and stance[0] == "held":
                    return True
    return False


def _agenda(sentence: str, start: int) -> bool:
    """The kind word at ``start`` comes after an agenda item's opening in its sentence: the
    gathering is a topic of the talk, not the talk's own gathering."""
    return _AGENDA.search(sentence, 0, start) is not None


# «по итогам встречи», «по результатам заседания»: the gathering is over and what came of it is
# what the sentence tells («по итогам встречи решено построить школу»).
_OUTCOME_OF = re.compile(
    r"\b(?:по\s+(?:итогам|результатам)"
    # A prize won there: «благодаря победе в краевом конкурсе», «стал победителем конкурса».
    # (one winner: «наградили победителей конкурса» tells the contest's own ceremony)
    r"|побед(?:а|ы|е|у|ой)\s+(?:в|во|на)|(?:победител|призёр|призер|лауреат)(?:ем|ь|я|ом|а)?"
    r"\s+(?:в|во|на)?)"
    r"\s*(?:[а-яё]+\s+){0,2}$"
)


# «В День Победы мэр поздравил ветеранов»: the day as the time of a greeting.
_ON_THE_DAY = re.compile(r"(?:^|[\s,(])[Вв]о?\s+$")
_GREETED = re.compile(r"\bпоздрав(?:ил|ля|ят|ит)\w*", re.IGNORECASE)
_HELD_VERB = re.compile(
    r"\b(?:прош(?:[её]л|ла|ло|ли)|состоял\w*|пройд\w*|состо(?:ится|ятся)|отметил\w*"
    r"|отмечал\w*|праздновал\w*)",
    re.IGNORECASE,
)


# «Награждение было приурочено к Дню коммунальщика»: the day is the occasion of something else.
# («приуроченных к наступившему Дню студента»: an adjective of the day may follow «к».)
_TIMED_TO = re.compile(
    r"\bприуроч\w*\s+(?:[а-яё]+\s+)?ко?\s+(?:[а-яё]+(?:ему|ому|ым|им)\s+)?$", re.IGNORECASE
)


# Things in the plural dedicated to a day: «начались торжественные возложения к мемориалам,
# посвящённые Дню Победы», «открыли памятные доски, посвящённых ...».
_DEDICATED_PLURAL = re.compile(r"\bпосвящ[её]нн(?:ые|ых)\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)


def _acts_dedicated(sentence: str, start: int) -> bool:
    """The day at ``start`` is what things in the plural are dedicated to, and the sentence
    names no gathering besides (the caller checks): acts, one in each place, with the day as
    their occasion («начались возложения цветов, посвящённые Дню Победы»). («мероприятия,
    посвящённые Дню села»: the items of one celebration, named by a gathering's word.)"""
    m = _DEDICATED_PLURAL.search(sentence, max(0, start - 30), start)
    if m is None:
        return False
    # («в праздничных мероприятиях, посвящённых Дню», «торжества, посвящённые»: a gathering's
    # word, in a form the lexicon does not name, is what is dedicated)
    return _FESTIVE_WORD.search(sentence, max(0, m.start() - 50), m.start()) is None


_FESTIVE_WORD = re.compile(r"мероприят|праздн|торжеств|гулян|событи|программ", re.IGNORECASE)


def _greeted_on_the_day(sentence: str, start: int) -> bool:
    """The day at ``start`` follows «в» and the sentence tells a greeting on it, nothing held:
    «В День Победы глава поздравил ветеранов» (the day is the date of the visit)."""
    return (
        sentence[start : start + 2] in {"Де", "де"}
        and _ON_THE_DAY.search(sentence, max(0, start - 4), start) is not None
        and _GREETED.search(sentence) is not None
        and _HELD_VERB.search(sentence) is None
    )


# A holiday defined, not held: «Новый год — это самый замечательный праздник», «День
# работника сельского хозяйства – профессиональный праздник аграриев».
_DASH_ADJECTIVES = r"[—–-]\s+(?:это\s+)?(?:[а-яё]+(?:ый|ий|ой|ая|ое|ее)\s+){0,3}"  # «— это самый …»
_DEFINITION = re.compile(rf"\s{_DASH_ADJECTIVES}$", re.IGNORECASE)
_IS_A = re.compile(
    rf"(?:\s+[а-яё]+){{0,8}}?\s*(?:{_DASH_ADJECTIVES}"
    r"праздник|(?:является|был[аи]?\s+и\s+оста[её]тся|остаётся|остается)\s)",
    re.IGNORECASE,
)


def _defined(sentence: str, start: int, end: int) -> bool:
    """The holiday word is the predicate of a definition («— это любимый праздник») or its
    subject («День села — ...», «Маслёна является ...»): what the holiday is, no gathering."""
    if sentence[start : start + 8].lower().startswith("праздник") and _DEFINITION.search(
        sentence, max(0, start - 60), start
    ):
        return True
    return bool(_IS_A.match(sentence, end)) and not _HELD_VERB.search(sentence)


def _outcome_of(sentence: str, start: int) -> bool:
    """The kind word at ``start`` names the gathering an outcome came from: the sentence's own
    verbs tell the outcome (often ahead), not the gathering's status."""
    return bool(_OUTCOME_OF.search(sentence[max(0, start - 40) : start].lower()))


def _setting(sentence: str, start: int) -> bool:
    """«во время прямой линии», «в ходе совещания»: a weak kind that only sets the scene for
    what someone said or asked."""
    return bool(_DURING.search(sentence[max(0, start - 30) : start].lower()))


@lru_cache(maxsize=20_000)
def _plural_word(word: str, previous: str = "", verb_object: bool = True) -> bool:
    """The noun is plural: by its likeliest parse, or, for «ярмарки» (a singular genitive too),
    by a plural adjective right before it («сельскохозяйственные ярмарки») or, when
    ``verb_object``, by a verb right before it («отменил встречи»)."""

    low = word.lower().strip('.,;:!?»"')
    if "-" in low:
        return False  # «фестивалей-конкурсов»: stages of one contest
    if one_in_plural(low, previous):
        return False  # «народные гуляния»: one gathering named in the plural
    parses = analyzer().parse(low)
    if parses[0].tag.POS != "NOUN":
        return False
    if parses[0].tag.number == "plur":
        return True
    prev = previous.lower().strip('.,;:!?«"')
    # «отменил встречи»: right after a verb, the noun is a plural subject or object, not a
    # singular genitive. (Not for «мероприятия»: «прошли мероприятия ко Дню семьи» are the
    # items of one holiday.)
    # (An adjective: «проведение ярмарки», «открытие выставки» end so too, in the singular.)
    prev_pos = analyzer().parse(prev)[0].tag.POS if prev else None
    told = (prev.endswith(_PLURAL_ADJ) and prev_pos in {"ADJF", "PRTF"}) or (
        verb_object and prev_pos == "VERB"
    )
    return told and any(
        p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case in {"nomn", "accs"}
        for p in parses
    )


# A headline's gathering named as what something is dedicated to: «Ко Дню района удостоены
# высокой чести», «В честь праздника наградили ветеранов».
_DEDICATION = re.compile(
    r"(?:^|[\s,:])(?:ко?|в\s+честь|в\s+преддверии|накануне)\s+(?:[а-яё0-9-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _dedicated(title: str, start: int) -> bool:
    """The headline's kind word at ``start`` is the occasion of something else it tells (an
    award, a ceremony): the lead's verb says nothing of that occasion («Ко Дню района удостоены
    высокой чести» over «В субботу район отметит день рождения»)."""
    return _DEDICATION.search(title, max(0, start - 40), start) is not None


_STATUS_LINE_WORDS = 3  # «Событие завершилось», «Регистрация открыта»: a poster's status line


def _lead_stance(
    kind: tuple[str, int, int], lead: list[str], only_status_line: bool
) -> tuple[str, int, tuple[Status, bool, int], bool] | None:
    """A headline that only names its gathering («Осенний субботник», «Концертная программа
    «Весна»») takes the stance of the lead that follows it, unless the lead names a gathering
    of its own (then it is weighed on its own). ``only_status_line``: only a short line with a
    listed cue right under the headline («Событие завершилось»). The last item: the lead's cue
    is a verb of a game itself («Игра прошла в Воронеже» under a match's headline)."""
    for sent in lead[:1] if only_status_line else lead:
        low = sent.lower()
        # (a performer's show, «выступят хор и ансамбль», is an item of the headline's one)
        if any(not _performed(low, k) for k in _kinds_in(sent)):
            if caseless(_HABITUAL).search(sent) and sentence_stance(sent, 0) is None:
                continue  # «Ежегодно здесь проходит праздник»: the custom, then this year's
            return None
        if only_status_line and len(sent.split()) > _STATUS_LINE_WORDS:
            return None
        stance = sentence_stance(sent, 0)
        if stance is not None and (stance[1] or not only_status_line):
            game = _GAME_HELD.match(sent, stance[2]) is not None
            return kind[0], kind[1], (stance[0], stance[1], kind[1]), game
    return None


# Applications or registration for a gathering: «заявки на участие в форуме», «регистрация на
# фестиваль». They are taken before it, so a past verb of theirs («поступили», «подали») tells
# nothing of the gathering having been held.
_APPLIED_FOR = re.compile(
    r"\b(?:заявк\w*|регистраци\w*)\s+(?:[а-яё]+\s+){0,2}?(?:на\s+участие\s+)?(?:в|во|на)\s+"
    r"(?:[а-яё0-9-]+\s+){0,3}$"
)


def _applied_for(sentence: str, start: int) -> bool:
    """The kind word at ``start`` names what applications or registration are for."""
    return bool(_APPLIED_FOR.search(sentence[max(0, start - 80) : start].lower()))


# The intake of applications, what a cue tells when it comes right before or after it:
# «начался приём заявок», «приём заявок стартовал», «открыта регистрация участников».
_INTAKE = re.compile(
    r"при[её]м\w*\s+(?:[а-яё]+\s+)?(?:заявок|документов|работ)|регистраци\w*\s+(?:участник|заяв)",
    re.IGNORECASE,
)
_INTAKE_REACH = 30  # characters between the cue and the intake's words


def _intake_told(sentence: str, cue: int) -> bool:
    """The cue at ``cue`` tells the intake of applications (``_INTAKE``) next to it."""
    near = sentence[max(0, cue - _INTAKE_REACH) : cue + _INTAKE_REACH + 20].lower()
    return ("заяв" in near or "регистрац" in near) and _INTAKE.search(near) is not None


# A contest the text calls remote is held by post or online throughout: nobody gathers.
# So is one whose works are sent to a website or voted on there: «подать заявку с приложением
# эссе и фотографий на странице сайта», «народное голосование пройдёт на сайте» (not only an
# application filed online: «заявки принимаются на сайте» for a contest held on a stage).
_REMOTE_CONTEST = re.compile(
    r"\b(?:дистанционн|заочн|онлайн-?)\w*\s+(?:[а-яё]+\s+)?конкурс"
    r"|\b(?:заявк\w*\s+с\s+(?:приложением\s+)?(?:[а-яё]+\s+){0,4}?"
    r"|(?:фотографи|фото|эссе|рисунк|видеоролик|работ)\w*\s+(?:[а-яё]+\s+){0,3}?)"
    r"на\s+(?:[а-яё]+\s+){0,2}?сайт"
    r"|\bголосовани\w*\s+(?:[а-яё]+\s+){0,3}?на\s+(?:[а-яё]+\s+){0,2}?сайт"
    r"|\bна\s+(?:[а-яё]+\s+){0,2}?сайте\s+(?:[а-яё]+\s+){0,3}?голосовани"
    # A contest of drawings, photographs or crafts: the works are judged, nobody gathers
    # («конкурс детских рисунков», «конкурс фоторабот»); so is one whose works are sent in
    # («приём работ на конкурс», «на конкурс поступило 200 рисунков», «участники присылают
    # конкурсные работы в дистанционном формате»).
    r"|\bконкурс\w*\s+(?:[а-яё]+\s+)?(?:рисунк|фотографи|фоторабот|видеоролик|плакат|поделок"
    r"|поделк)\w*"
    r"|\bпри[её]м\w*\s+(?:[а-яё]+\s+){0,3}?(?:работ|рисунк|фотографи|видеоролик|поделок)\w*"
    r"\s+(?:[а-яё]+\s+){0,2}?на\s+(?:[а-яё]+\s+)?конкурс"
    r"|\bна\s+конкурс\w*\s+(?:[а-яё«»\"-]+\s+){0,8}?поступил\w*\s+(?:[а-яё]+\s+){0,2}?(?:\d+\s+)?"
    r"(?:работ|рисунк|фотографи|видеоролик|поделок)\w*"
    r"|\b(?:присыла|присла|отправля)\w*\s+(?:[а-яё]+\s+)?(?:конкурсн\w*\s+)?(?:работ|рисунк"
    r"|фотографи|видеоролик)\w*"
    r"|\bв\s+(?:дистанционн|заочн)\w*\s+(?:формат|режим)\w*"
    # A contest of yards and houses, judged where they are: «Жюри оценивало фасады домов и
    # участки», «самым благоустроенным приусадебным участком признан двор».
    r"|\bжюри\s+(?:[а-яё]+\s+){0,2}?оценива\w*\s+(?:[а-яё]+\s+){0,3}?(?:фасад|дом|участк|двор"
    r"|подвор|усадьб|клумб|цветник|палисадник)\w*"
    r"|\b(?:сам|лучш)\w+\s+благоустроенн\w*\s+(?:[а-яё]+\s+){0,2}?(?:участк|двор|подвор|усадьб"
    r"|дом|улиц|палисадник)\w*"
    # Works handed to a jury: «на суд жюри представлено более 100 работ».
    r"|\bпредставлен\w*\s+(?:[а-яё]+\s+){0,2}?(?:\d+\s+)?(?:работ|рисунк|фотографи|поделок"
    r"|поделк)\w*"
)


def contest_kind(kind: str, sentence: str, end: int) -> bool:
    """A contest, or another kind joined to one by a hyphen («фестиваль-конкурс»): the
    contest is what it holds."""
    if kind == "соревнования" and _CONTEST_WORD.search(sentence, max(0, end - 16), end):
        return True  # «Участниками состязания стали»: a contest's other name
    return kind == "конкурс" or sentence[end : end + 8].lower() == "-конкурс"


_CONTEST_WORD = re.compile(r"\bсостязани\w*$", re.IGNORECASE)


# A round of a league: «завершился первый тур зимнего чемпионата», «итоги 5-го тура
# первенства». Its games are the round's several matches, told by their results and the
# table: a season's step, no one gathering (one match of the round is told as «матч»).
_ROUND_OF = re.compile(r"\bтур(?:а|е|у|ом)?\s+(?:[а-яё-]+\s+){0,2}$", re.IGNORECASE)


def _cue_of_talks(
    named: list[tuple[str, int, int]], sentence: str, federal_story: bool, cue: int, pos: int
) -> bool:
    """The cue at ``cue`` is nearer to talks the sentence names (dropped as federal or
    diplomatic) than to the gathering at ``pos``: it tells of the talks, and the gathering
    they were held within is only their setting."""
    return any(
        abs(k[1] - cue) < abs(pos - cue) and _federal_or_abroad(k[0], sentence, federal_story)
        for k in named
    )


# The words a postponement of a gathering named before may be told with: «Его перенесли»,
# «Новая дата будет объявлена позже», «мероприятие отложено» (a quick test before the cues).
_LATER_HINT = re.compile(r"перен|позж|позд|отлож|дат[аеуы]|срок", re.IGNORECASE)


# A gathering told to go ahead in spite of a change to others: «Фестиваль всё же пройдёт»,
# «пройдёт, как и планировалось».
_ALL_THE_SAME = re.compile(
    r"\b(?:вс[её]\s+же|вс[её]-таки|несмотря|как\s+и\s+(?:планировалось|было\s+запланировано)"
    r"|по\s+плану|в\s+прежнем\s+режиме|в\s+штатном\s+режиме)",
    re.IGNORECASE,
)


def _several_change(sent: str, named: list[tuple[str, int, int]]) -> tuple[Status, int] | None:
    """A cancellation or a postponement told of several gatherings in ``sent``."""
    for kind, pos, _ in named:
        if several(sent, pos, kind):
            stance = sentence_stance(sent, pos)
            if stance is not None and stance[0] in {"cancelled", "postponed"}:
                return stance[0], 0
    return None


# The present of a gathering taking place, in a headline: «проходит», «проходят».
_HEADLINE_PRESENT = re.compile(r"проход(?:ит|ят)\b", re.IGNORECASE)
# A start set for a day ahead: «пройдёт», «состоится», «откроется», «стартует».
_SET_FOR_CUE = re.compile(
    r"(?:пройд[её]т|пройдут|состо(?:ится|ятся)|откро(?:ется|ются)|стартует|начн[её]тся)\b",
    re.IGNORECASE,
)


# Sentences after a change where one without a gathering's word still tells of the same one:
# «Ярмарки отменили» ... «По данным мэрии» ... «Торговлю перенесли на неделю».
_CHANGE_REACH = 3
# A pronoun standing for the gathering just named: «она переносится», «о его переносе».
_ANAPHOR = re.compile(r"(?<![а-яё])(?:он[аои]?|его|е[её]|их)(?![а-яё])", re.IGNORECASE)
_CANCEL_HINT = re.compile(r"отмен", re.IGNORECASE)
# A plan told in the past: «был запланирован на 7 августа», «планировалось провести».
_PAST_PLAN = re.compile(
    r"\b(?:был[аои]?\s+(?:[а-яё]+\s+)?запланирован\w*|планировал(?:ся|ась|ось|ись)"
    r"|(?:должн[аоы]|должен)\s+был[аои]?\s+(?:состояться|пройти))\b",
    re.IGNORECASE,
)


# Kinds a text may first name as something that is no gathering, blanked out by the lexicon (a
# post's contest, a contest of projects or of gardens, a charity campaign), and then call by the
# bare word: «благотворительная акция ...» ... «Акция прошла в Николин день» is the campaign
# still, «конкурс проектов ...» ... «В конкурсе могут участвовать все» the same contest.
_ECHO_KINDS = ("конкурс", "акция")
_ECHO_HINT = re.compile(r"конкурс|акци", re.IGNORECASE)
# «соревнование» in the singular stands for the contest just named («Соревнование проходило в
# нескольких номинациях»); the plural «соревнования» is a sports event of its own.
_CONTEST_SYNONYM = frozenset({"соревнование", "соревнованием", "соревновании", "соревнованию"})
# After the kind word: a name or a genitive of its own makes it another one («конкурс чтецов»,
# «акция «Чистый берег»»).
_OWN_NAME = re.compile(r"\s*[«\"]")


def _another(sentence: str, end: int) -> bool:
    """The kind word ending at ``end`` names its own contest or campaign: a name in quotes or a
    noun in the genitive comes right after it («конкурс чтецов», «акция «Бессмертный полк»»)."""
    if _OWN_NAME.match(sentence, end):
        return True
    m = _WORD.match(sentence, end + 1) if sentence[end : end + 1] == " " else None
    if m is None or not m.group(0).islower():
        return False
    parse = analyzer().parse(m.group(0))[0]
    return bool(parse.tag.POS == "NOUN" and parse.tag.case == "gent")


def _echoes(sentences: list[str]) -> set[tuple[int, int]]:
    """(sentence index, position) of the bare «конкурс», «акция» (and «соревнование» for a
    contest) whose last naming before them was left out as no gathering: the same thing again."""
    if not _ECHO_HINT.search("\n".join(sentences[:MAX_DECISION_SENTENCES])):
        return set()  # the common case: neither word at all
    dropped: dict[str, bool] = {}
    out: set[tuple[int, int]] = set()
    for index, sent in enumerate(sentences[:MAX_DECISION_SENTENCES]):
        low = sent.lower()
        kept = {(k, pos): end for k, pos, end in _kinds_in(sent)}
        marks: list[tuple[int, str, int]] = []
        for kind in _ECHO_KINDS:
            marks.extend((m.start(), kind, m.end()) for m in _kind_re(kind).finditer(low))
        marks.extend(
            (pos, "соревнования", end)
            for (k, pos), end in kept.items()
            if k == "соревнования" and low[pos:end] in _CONTEST_SYNONYM
        )
        blanks = [m.span() for m in _NOT_EVENT_CONTEXT.finditer(low)] if marks else []
        for pos, kind, end in sorted(marks):
            own = "конкурс" if kind == "соревнования" else kind
            if (kind, pos) not in kept:
                if any(a <= pos < b for a, b in blanks):
                    dropped[own] = True  # named as no gathering
            elif dropped.get(own) and not _another(sent, end):
                out.add((index, pos))
            elif kind == own:
                dropped[own] = False  # a contest or a campaign of its own
    return out


# Someone's work at a gathering: «Делегация продолжает работу на экономическом форуме»,
# «начала работу на выставке». The gathering is where the delegation works; what it agrees
# or shows there is the story (not «Форум начал работу», the gathering's own course).
_WORK_AT = re.compile(
    r"\b(?:продолжа\w*|нача(?:л|ла|ли|ть)|завершил\w*|вед(?:ёт|ет|ут))\s+(?:сво[юе]\s+)?работу\s+"
    # (a numeral may open the name: «на XXVII Петербургском международном форуме»)
    r"(?:на|в\s+рамках)\s+(?:[^\s.!?,;:]+\s+){0,4}$",
    re.IGNORECASE,
)


def _worked_at(sentence: str, start: int) -> bool:
    """The kind word at ``start`` is where someone works (``_WORK_AT``)."""
    return "работу" in sentence and _WORK_AT.search(sentence, max(0, start - 80), start) is not None


# A clause of time after the main one: «Видеосюжет снимался 18 апреля, когда губернатор вручил
# награды победителям» (the gathering dates what the main clause tells).
_WHEN_CLAUSE = re.compile(r",\s*когда\s+[^,;:.!?«»\"]*$", re.IGNORECASE)
_WHEN_REACH = 100  # characters before the kind word read for the clause
_SHORT_PARTICIPLE = ("н", "на", "но", "ны", "т", "та", "то", "ты")  # «сделан», «снята»


def _when_clause(sentence: str, start: int) -> bool:
    """The kind word at ``start`` is in a «..., когда ...» clause after a main clause with a
    predicate of its own (``_WHEN_CLAUSE``): the gathering is the time of something else. (Not
    «В субботу, когда в селе прошёл праздник, ...»: a time, no main clause before it.)"""
    if "когда" not in sentence:
        return False
    m = _WHEN_CLAUSE.search(sentence, max(0, start - _WHEN_REACH), start)
    if m is None:
        return False
    return any(_predicate(w.group(0)) for w in _WORD.finditer(sentence, 0, m.start()))


def _predicate(word: str) -> bool:
    """A finite verb («снимался») or a short participle («сделан», «снята»)."""
    if verb_tense(word) is not None:
        return True
    low = word.lower()
    return low.endswith(_SHORT_PARTICIPLE) and analyzer().parse(low)[0].tag.POS == "PRTS"


# A meeting with the press: a briefing where officials speak (what they say is the news), not
# a gathering people attend.
_PRESS_MEETING = re.compile(
    r"встреч\w*\s+с\s+(?:[а-яё]+\s+)?(?:журналист\w*|прессой|сми\b"
    r"|представител\w*\s+(?:сми|прессы|средств\s+массовой))",
    re.IGNORECASE,
)


# A site's pointer to its own earlier story: «Ранее МЭТР сообщал, что фестиваль пройдёт онлайн»,
# «Ранее «Вести» писали ...» (a named source and its verb of telling: another story, past the
# lead; not «Ранее сообщалось, что праздник перенесли», this gathering's own course).
_EARLIER_NEWS = re.compile(
    r"^\W*Ранее\s+(?:[«\"]?[A-ZА-ЯЁ][^\s,]*\s+){1,3}(?:сообщал|писал|рассказывал|информировал)\w*"
)
_LEAD_END = 3  # the headline and the two sentences of the lead


def weigh(sentences: list[str], *, borrow_lead: bool = False) -> Evidence:
    """The stance of every sentence that names a gathering, weighted by position.

    When no listed cue gives a stance and the headline only names its gathering, it is weighed
    again with the headline taking the lead's stance (``borrow_lead``): otherwise the lead may
    tell of something else («Организаторы рассказали о программе») while a later sentence
    tells the gathering's own status («Фестиваль пройдёт 20 июля»)."""
    ev = Evidence()
    seen_kind = False
    # A headline about the president or federal talks makes the whole story federal.
    federal_story = bool(sentences) and _federal_talks(sentences[0])
    league: bool | None = None  # a league story; read only when a match's stance needs it
    season = False  # ... told by a season (rounds, a league, a table), not only by a score
    remote: bool | None = None  # the text's contest is a remote one; read when one is named
    result_told = False  # a league story told a played match before
    title_told = False  # the headline's own gathering got a stance
    explicit_kinds: set[str] = set()  # kinds a listed cue told of
    last_change = -9  # the index of the last sentence telling a gathering cancelled or moved
    last_kind_index = -9  # the index of the last sentence naming a gathering
    echoes = _echoes(sentences)
    for index, sent in enumerate(sentences[:MAX_DECISION_SENTENCES]):
        named = _kinds_in(sent)
        kinds = [
            k
            for k in named
            if (index, k[1]) not in echoes
            and not (index > 0 and (_worked_at(sent, k[1]) or _when_clause(sent, k[1])))
            and not (k[0] in PART_KINDS and any(o[0] not in PART_KINDS for o in named))
            and not _federal_or_abroad(k[0], sent, federal_story)
            and not several(sent, k[1], k[0] if index > 0 else "")
            and not (index > 0 and k[0] in GENERIC_KINDS and _setting(sent, k[1]))
            and not _said_at(sent, k[1])
            and not (k[0] == "встреча" and _PRESS_MEETING.match(sent, k[1]) is not None)
            and not _agenda(sent, k[1])
            and not (index >= _LEAD_END and _EARLIER_NEWS.match(sent))
            and not _outcome_of(sent, k[1])
            and not (k[0] == "соревнования" and _ROUND_OF.search(sent, 0, k[1]))
            and not (k[0] == "праздник" and _ON_EVE.search(sent, max(0, k[1] - 40), k[1]))
            and not (k[0] == "праздник" and _greeted_on_the_day(sent, k[1]))
            and not (k[0] == "праздник" and _TIMED_TO.search(sent, max(0, k[1] - 40), k[1]))
            and not (k[0] == "праздник" and len(named) == 1 and _acts_dedicated(sent, k[1]))
            and not (k[0] == "праздник" and _defined(sent, k[1], k[2]))
            and not (
                k[0] == "конференция"
                and _FORMAT_OF.search(sent, max(0, k[1] - 30), k[1])
                and sent[k[1] : k[1] + 5].lower() == "видео"
            )
            and not (
                _prepared_for(sent, k[1])
                and any(o[0] in _PREPARING_KINDS and not _prepared_for(sent, o[1]) for o in named)
            )
        ]
        if (
            index == 0
            and kinds
            and all(_prepared_for(sent, k[1]) for k in kinds)
            and _sitting_prepares(sentences[1:3])
        ):
            # «Подготовка к празднованию Дня Победы» over «прошло заседание оргкомитета по
            # подготовке к празднованию»: the sitting is the story, the holiday its topic.
            continue
        if any(contest_kind(k[0], sent, k[2]) for k in kinds):
            if remote is None:
                text = "\n".join(sentences[:MAX_DECISION_SENTENCES]).lower()
                remote = bool(_REMOTE_CONTEST.search(text))
            if remote:
                ev.remote_contest = True
                kinds = [k for k in kinds if not contest_kind(k[0], sent, k[2])]
        if not kinds:
            if named and not seen_kind and 0 < index <= 2 and ev.several_change is None:
                ev.several_change = _several_change(sent, named)
                if ev.several_change is not None:
                    ev.several_change = (ev.several_change[0], index)
            elif (
                not named
                and seen_kind
                and last_kind_index == index - 1
                and last_change < 0
                and _ANAPHOR.search(sent)
                and (_CANCEL_HINT.search(sent) or _LATER_HINT.search(sent))
            ):
                # «... эстафета, которая проходит в начале мая. В этом году она переносится на
                # неустановленный срок», «О его переносе стало известно»: a pronoun carries the
                # gathering of the sentence before into the change, part of the same lead.
                head = sentence_stance(sent, 0)
                if head is not None and head[1] and head[0] in {"postponed", "cancelled"}:
                    w = 2.0 if index <= 6 else 1.0
                    ev.weights[head[0]] += w
                    ev.explicit += w
                    ev.explicit_told[head[0]].add(ev.lead_kind)
                    ev.change_kinds[head[0]].add(ev.lead_kind)
                    last_change = index
                    if head[0] == "postponed":
                        _note_postponement(ev, sent, head[2], sentences[index - 1])
            elif not named and last_change >= index - _CHANGE_REACH and _LATER_HINT.search(sent):
                # «Праздник проводиться не будет. ... Его проведут позже»: a sentence without
                # a gathering's word after a change tells the same gathering.
                head = sentence_stance(sent, 0)
                if head is not None and head[0] == "postponed":
                    ev.weights["postponed"] += 1.0
                    ev.change_kinds["postponed"] |= ev.change_kinds["cancelled"]
                    _note_postponement(ev, sent, head[2], sentences[index - 1])
            if index == 0 and sent:
                # A headline without a kind word still says what happened to the event:
                # «Традиционный «АмурФест» отменили», «... соберёт любителей песни».
                head = sentence_stance(sent, 0)
                if head is not None and _intake_told(sent, head[2]):
                    head = None  # «Начался приём заявок»: the intake began, nothing gathers
                if head is not None and head[1]:
                    ev.weights[head[0]] += 1.5
                    if head[0] in {"cancelled", "postponed"}:
                        ev.lead_stance, ev.lead_index, seen_kind = head[0], 0, True
                    if head[0] == "cancelled" and _called_off(sent, head[2]):
                        ev.headline_called_off = True
            continue
        last_kind_index = index
        if index <= 2 and _PAST_PLAN.search(sent):
            ev.past_plan = True
        weight = 3.0 if index == 0 else 2.0 if index <= 2 else 1.0
        if not seen_kind and index <= 6:
            weight = max(weight, 2.5)  # the first sentence with a gathering is the lead
        if find_incident(sent) and not any(
            caseless(cue).search(sent) for cue in (_REPORT, _PLAN, _CANCEL, _POSTPONE)
        ):
            continue  # an incident's story; a gathering cancelled because of it still counts
        found = None
        lead_game = False  # the headline's match took the lead's stance, told by a game verb
        # A headline that asks («Как пройдёт Крещение?») asserts no status: the text answers.
        asked = index == 0 and sent.rstrip().endswith("?")
        for kind, pos, _ in [] if asked else kinds:
            stance = sentence_stance(sent, pos, lead=index <= 1)
            if stance is not None:
                found = (kind, pos, stance)
                break
        if found is None and index == 0 and not all(_dedicated(sent, k[1]) for k in kinds):
            borrowed = _lead_stance(kinds[0], sentences[1:3], not borrow_lead)
            if borrowed is not None:
                found, lead_game = borrowed[:3], borrowed[3]
        if found is None:
            continue
        _, _, (_, _, cue) = found
        specific = [k for k in kinds if k[0] not in GENERIC_KINDS]
        pool = specific or kinds
        kind, pos, _ = min(pool, key=lambda k: abs(k[1] - cue))
        if len(kinds) < len(named) and _cue_of_talks(named, sent, federal_story, cue, pos):
            continue  # «в рамках форума состоялась встреча губернатора и министра»: the talks
        status, explicit, cue = found[2]
        if status == "held" and not explicit and _applied_for(sent, pos):
            status = "announced"  # «заявки на участие в форуме поступили»: it is ahead
        if index == 0 and status == "held" and explicit and _HEADLINE_PRESENT.match(sent, cue):
            ev.title_present = True
        elif (
            0 < index <= 2 and ev.title_present and ev.next_set_for is None and kind == ev.lead_kind
        ):
            ev.next_set_for = (
                status == "announced" and explicit and _SET_FOR_CUE.match(sent, cue) is not None
            )
        # A match told by its result («обыграла «Амур»») is reported as plainly as by «прошёл».
        result = (
            status == "held" and kind == "матч" and bool(MATCH_RESULT_RE.match(sent.lower(), pos))
        )
        explicit = explicit or result
        if kind in _LEAGUE_KINDS and status in {"held", "announced"}:
            if league is None:
                text = "\n".join(sentences[:MAX_DECISION_SENTENCES])
                season = bool(caseless(_LEAGUE).search(text))
                league = season or bool(caseless(_SCORE).search(text))
            # A score marks a match's report; a tournament has scores too: only a season
            # (rounds, a league, a table) makes a played tournament a result.
            told_league = season if kind == "соревнования" else league
            # A held match counts when its result or a verb of the game itself tells it
            # («обыграла «Амур»», «прошёл матч»), not what someone said of it («рассказал о
            # проблемах по ходу матча», «пожаловался на судейство в матче»).
            played = result or lead_game or _GAME_HELD.match(sent, cue) is not None
            if told_league and _league_result(kind, status, index, result_told, played):
                result_told = result_told or status == "held"
                continue
            result_told = result_told or (told_league and status == "held")
        if kind in GENERIC_KINDS:
            weight *= 0.5
        if not explicit:
            weight *= 0.75
        ev.weights[status] += weight
        ev.mentions += 1
        if kind not in GENERIC_KINDS:
            ev.specific_mentions += 1
        if status in ev.change_kinds:
            ev.change_kinds[status].add(kind)
            last_change = index
            if status == "postponed":
                _note_postponement(ev, sent, cue)
                if _PAST_PLAN.search(sent, 0, cue):
                    # «Турнир должен был состояться ещё в мае, однако был перенесён»: the plan
                    # and its move told together, wherever in the text: the move is the news.
                    ev.past_plan = True
            if index == 0 and status == "cancelled" and _called_off(sent, cue):
                ev.headline_called_off = True
        if index == 0:
            title_told = True
        if explicit:
            ev.explicit += weight
            ev.explicit_told[status].add(kind)
            explicit_kinds.add(kind)
        if not seen_kind:
            if ev.several_change is not None and _ALL_THE_SAME.search(sent):
                ev.several_change = None  # «Фестиваль всё же пройдёт»: not among the changed
            ev.lead_stance, ev.lead_index, ev.lead_explicit = status, index, explicit
            ev.lead_kind = kind
            ev.lead_now = (
                status == "held"
                and explicit
                and _PRESENT_REPORT.match(sent, cue) is not None
                and caseless(_NOW).search(sent) is not None
            )
            seen_kind = True
        cand = (weight, -index, kind, pos)
        if ev.best is None or cand[:2] > ev.best[:2]:
            ev.best = cand
        if kind not in GENERIC_KINDS and (
            ev.best_specific is None or cand[:2] > ev.best_specific[:2]
        ):
            ev.best_specific = cand
    title_kinds = {k for k, _, _ in _kinds_in(sentences[0])} if sentences else set()
    if (
        not borrow_lead
        and len(sentences) > 1
        and title_kinds
        and not title_told
        and not (explicit_kinds & title_kinds)
    ):
        # No listed cue tells of the headline's own gathering: a cue for another one further
        # on («...посвящена подготовке к празднованию») says nothing of it.
        return weigh(sentences, borrow_lead=True)
    return ev
