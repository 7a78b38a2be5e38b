"""Event detection: does an article centre on one specific gathering, what is its status, and
what are its facts?

``detect_event(title, text, published)`` returns :class:`EventFacts` when the article is about
one forum, council session, public hearing, festival, holiday, fair, ceremony, exhibition,
competition...: reported (``status="held"``), announced (``"announced"``: «состоится»,
«пройдёт», «приглашаем на»), cancelled (``"cancelled"``) or postponed (``"postponed"``, with
``new_date`` when the text gives one). ``None`` for statements, decisions, appointments,
incidents, digests and lists, negated or hypothetical gatherings («не хочет проводить такую
встречу»), federal diplomacy (a president's talks) and sport results abroad.

The decision is rule-based and sentence-level (:mod:`bot.text.events.status`): each sentence
that names an event kind gives its stance, weighted by position (title and lead weigh most).
Facts (name, dates, place, figures, tracks, agreements, people) are then read from the
article body, which first goes through :func:`bot.text.clean.main_text` so sidebars and
adverts never leak in; names, places and roles come out in the nominative. Relative dates
(«в субботу», «завтра») count from the publication date.

Pure functions, no I/O; pymorphy3 (via :mod:`bot.text.morph`) is used lazily.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.text.dates import DateSpan, find_dates, find_weekdays
from bot.text.events.facts import (
    Agreement,
    Person,
    _agreements,
    _city,
    _hits,
    _people,
    _regions_of,
    _tracks,
    _venue,
    _village,
)
from bot.text.events.lexicon import (
    _CANCEL,
    _DECIDED_PLAN,
    _DECISION_TITLE,
    _GREETING_TITLE,
    _INCIDENT,
    _LISTING,
    _LISTING_TITLE,
    _MANY_PLACES,
    _NOT_GATHERING,
    _PLAN,
    _POSTER_LINE,
    _POSTPONE,
    _REPORT,
    _RESULT,
    _SCHEDULE_LINE,
    _SEASON_PLAY,
    COUNTABLE_KINDS,
    GENERIC_KINDS,
    ROUTINE_MEETING,
    _kinds_in,
    find_incident,
)
from bot.text.events.names import _label, _name_near, normalize_event_name
from bot.text.events.scan import caseless
from bot.text.events.status import (
    MAX_DECISION_SENTENCES,
    Evidence,
    Status,
    _adjective_across,
    _plural_word,
    contest_kind,
    one_in_plural,
    plural_subject,
    sentence_stance,
    several,
    verb_tense,
    weigh,
)
from bot.text.figures import Figure, find_figures
from bot.text.morph import analyzer, info
from bot.text.regions import RegionMatch
from bot.text.summary import _CREDIT, body_sentences

__all__ = ["MAX_TEXT", "EventFacts", "detect_event", "event_to_json"]


MAX_TEXT = 30_000  # characters of an article read for event facts

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
    # held (took place or under way), announced (ahead), cancelled or postponed
    status: Status = "held"
    new_date: _Date | None = None  # postponed: the new date when the text gives it
    new_end_date: _Date | None = None

    @property
    def title(self) -> str:
        """The name to show: the proper name in quotes, or the descriptive label."""
        return f"{self.kind} «{self.name}»" if self.name else self.label

    @property
    def place(self) -> str | None:
        parts = [p for p in (self.city, self.venue) if p]
        return ", ".join(parts) if parts else None


# One gathering across the places: «во всех поселениях прошёл общерайонный субботник», «единый
# день древонасаждения» (not one in each).
_ONE_ACROSS = re.compile(
    r"\b(?:обще(?:районн|городск|поселков|сельск|областн|краев|республиканск|российск|окружн)"
    r"|един|всеобщ)\w*\s+(?:[а-яё]+\s+)?$",
    re.IGNORECASE,
)


# A day of the calendar told in the passive voice: «Сегодня отмечается День посёлка», «в мае
# отмечается День библиотек» (the date, not people gathering to celebrate it).
_DAY_OBSERVED = re.compile(r"\b(?:отмеча|праздну)(?:ется|ются)\b", re.IGNORECASE)
# Gatherings counted in the headline: «Более 80 праздничных мероприятий ждут жителей района».
# (Not a day's date or a year: «12 июня праздничные мероприятия пройдут в парке» is one day's
# celebration.)
_COUNTED_EVENTS = re.compile(
    r"(?<![:.])\b\d+\s+(?!(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр"
    r"|ноябр|декабр|год)\w*\s)(?:[а-яё-]+\s+){0,2}?мероприяти(?:й|я|ях|ями)\b",
    re.IGNORECASE,
)
# One gathering's days in several places, the verb dropped before a dash: «в районном центре
# праздник пройдёт 12 июля, в Сосновке — 19 июля, а в Ключах — 26 июля» (one in each).
_PLACE_DASH_DATE = re.compile(
    r"\b[Вв]о?\s+[А-ЯЁ][а-яё-]+\s+[—–-]\s+\d{1,2}(?:\s*[—–-]\s*\d{1,2})?\s+(?:января"
    r"|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\b"
)
# The gathering only as where the news before was told or decided: «Речь об этом шла на
# заседании комитета», «Об этом сообщили на совещании», «На сходе жители решили, что ...».
_TOLD_AT = re.compile(
    r"\bоб\s+этом\b[^.!?]{0,60}?\bна\s+(?:[а-яё-]+\s+){0,2}$"
    r"|^\W*на\s+(?:[а-яё-]+\s+){0,2}$",
    re.IGNORECASE,
)
# ... the decision told right after the gathering: «На сходе жители решили, что ...».
_DECIDED_AFTER = re.compile(
    r"[^.!?,]{0,60}?\b(?:решил[аи]?|постановил[аи]?|договорил(?:ись|ся|ась))\b", re.IGNORECASE
)


# A person chosen by name, a post filled: «Ивана Петрова выбрали старостой», «жители избрали
# Анну Смирнову» (the gathering that voted is the occasion).
# (Not a place's name, its first word an adjective or a settlement's noun: «Новую Ладогу
# выбрали площадкой районного праздника».)
_NOT_A_PERSON = r"(?![А-ЯЁ][а-яё]*(?:ую|юю)\s|(?:Деревню|Станицу|Слободу)\s)"
_PERSON_ELECTED = re.compile(
    rf"\b{_NOT_A_PERSON}[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:а|я|у|ю)\s+(?:[а-яё]+\s+)?"
    r"(?:выбрали|избрали)\b"
    rf"|\b(?:выбрали|избрали)\s+(?:[а-яё]+\s+)?{_NOT_A_PERSON}[А-ЯЁ][а-яё]+(?:а|я|у|ю)\s+"
    r"[А-ЯЁ][а-яё]+(?:а|я|у|ю)\b"
)


# A relative clause of the headline: «Посёлок показали журналистам, которые приехали снимать
# церемонию» (its gathering qualifies someone in the main clause, which tells the news).
# (Not «юбилей, который праздновали всем селом»: the verb of the clause names the gathering.)
_IN_RELATIVE = re.compile(r",\s*(?:котор|чей|чь)\w*\s+[а-яё-]+\s+[^,;:—–«]*$", re.IGNORECASE)
# ... unless the main clause only says the clause's people are known: «Известны имена артистов,
# которые выступят на Дне города» (the gathering's line-up is the news).
_MADE_KNOWN = re.compile(
    r"^\W*(?:стал[аио]?\s+)?(?:известн|назван|определен|объявлен|утвержден)\w*\b", re.IGNORECASE
)
# Villages in the plural: «праздники прошли в сёлах Ключи и Дубки», «в сельских поселениях».
_IN_VILLAGES = re.compile(
    r"\b(?:в|во)\s+(?:[а-яё-]+(?:ых|их)\s+)?(?:с[её]лах|деревнях|пос[её]лках|поселениях|станицах"
    r"|населённых\s+пунктах|населенных\s+пунктах)\b",
    re.IGNORECASE,
)


# The places as the topic, not where it is held: «прошло совещание по ремонту дорог в сёлах
# района» (the words between the preposition and the places are no verb: not «собрания по
# самообложению прошли в сёлах»).
_PLACES_TOPIC = re.compile(
    r"\b(?:по|о|об|обо|про)\s+(?:(?![а-яё-]*(?:л[аио]?|лись|лось|лся|[уюая]т|[еи]т)\s)"
    r"[а-яё-]+\s+){1,3}$",
    re.IGNORECASE,
)


_FROM_COUNT = re.compile(r"\bиз\s+$", re.IGNORECASE)


def _held_in_places(sentence: str, pos: int) -> bool:
    """The sentence holds the gathering at ``pos`` in many places or villages at once
    (``_PLACES_AT_ONCE``, ``_IN_VILLAGES``), not as the topic of one («по ремонту дорог в сёлах
    района»), and before the items it adds after it, if any («…, а также ярмарки в сёлах»)."""
    also = _ALSO.search(sentence, pos)
    end = also.start() if also else len(sentence)
    return any(
        not _PLACES_TOPIC.search(sentence, max(0, m.start() - 80), m.start())
        # «гости из 17 городов»: where the guests come from
        and not _FROM_COUNT.search(sentence, max(0, m.start() - 4), m.start())
        for rx in (_PLACES_AT_ONCE, _IN_VILLAGES)
        for m in rx.finditer(sentence, 0, end)
    )


def _only_where_told(sentence: str, pos: int) -> bool:
    """The kind word at ``pos`` is where the news told before it was said, or where a decision
    the sentence goes on to tell was taken: the news or the decision is the story."""
    m = _TOLD_AT.search(sentence, max(0, pos - 120), pos)
    if m is None:
        return False
    if m.group(0).lower().lstrip(' «"').startswith("об"):
        return True
    after = sentence.find(" ", pos)
    return after > 0 and _DECIDED_AFTER.match(sentence, after) is not None


def _is_event(ev: Evidence, sents: list[str]) -> bool:
    """Whether the weighed evidence makes the article one gathering's story."""
    if ev.best is None or ev.total <= 0:
        return False
    title = sents[0]
    lead = " ".join(sents[1:3])
    if _LISTING_TITLE.search(_DECIDED_PLAN.sub(" ", title)):
        return False  # a digest, a schedule, a poster
    if sum(1 for s in sents if _SCHEDULE_LINE.match(s)) >= 3:
        return False  # a programme of dated gatherings, one after another
    if sum(1 for s in sents if len(s) < 120 and _POSTER_LINE.search(s)) >= 2:
        return False  # a poster: several shows, each headed with its date
    if _many_venues(sents):
        return False  # «Место проведения: ДК ...» under each item: a poster of several places
    if _LIST_ITEM.match(sents[-ev.best[1]]) and sum(1 for s in sents if _LIST_ITEM.match(s)) >= 3:
        # «— прошло первое заседание молодёжного парламента;» among «— открыли школу;»: one
        # item of a list of the year's doings, not the story.
        return False
    title_kinds = _kinds_in(title)
    if sum(1 for s in sents if _NUMBERED.match(s) and _listed(s, title_kinds)) >= 3:
        return False  # «1. День семьи в парке... 2. В Коломенском пройдёт...»: a list
    if _LISTING.search(_DECIDED_PLAN.sub(" ", title)) and not title_kinds and not _dated_act(title):
        return False
    if not title_kinds and _COUNTED_EVENTS.search(title):
        # «Более 80 мероприятий ждут жителей»: a year's programme of many (not «Фестиваль
        # «Русская зима» объединил 15 мероприятий»: one gathering's programme)
        return False
    if any(len(_PLACE_DASH_DATE.findall(s)) >= 2 for s in sents[:_LEAD_END]):
        return False  # «в Сосновке — 19 июля, а в Ключах — 26 июля»: one in each place
    if any(_undecided(s) for s in sents[:_LEAD_END]):
        # «Решение о переносе Сабантуя пока не принято, часть мероприятий может пройти
        # онлайн»: the gathering's fate is open, what may happen is no gathering set.
        return False
    if any(_DIGEST_LEAD.search(s) for s in sents[1:3]):
        return False  # «Публикуем дайджест из ...», «составил график Дней оленевода»
    if any(_POSTER_RUBRIC.search(s) for s in sents[1:_RUBRIC_LEAD]):
        return False  # «Подробности в нашей еженедельной рубрике «Афиша»»: a week's listings
    if _ONGOING.search(title):
        return False  # «продолжает проводить встречи с жителями»: a series under way
    if _CAMPAIGN.search(title) or _month_drive(title, title_kinds):
        return False  # «весенние субботники в округе уже в самом разгаре»: a campaign
    if _two_stories(title, title_kinds):
        return False  # «В Вязниках состоится праздник, а Судогда отметит юбилей»
    if title_kinds and all(_INTENT_AT.search(title[:start]) for _, start, _ in title_kinds):
        return False  # «Область намерена подписать соглашения на форуме»: an intention
    if (
        _NOT_GATHERING.search(_unset(title))
        or (not title_kinds and _NOT_GATHERING.search(_unset(lead)))
    ) and not _inaugural(title, sents, ev):
        return False  # an appointment, a post's contest, a working visit
    if not title_kinds and (_DECISION_TITLE.search(title) or _PERSON_ELECTED.search(title)):
        return False  # «В районе - новый глава», «Депутаты рассмотрят вопрос о ...»
    if _decision_headline(title, title_kinds):
        return False  # «Депутаты поддержали законопроект», «На заседании проголосовали за ...»
    if not title_kinds and _STATEMENT_TITLE.search(title):
        return False  # «Глава Башкирии о ПМЭФ: «Планы большие»»: what someone says
    if (
        title_kinds
        and _MANY_PLACES.search(title)
        and not any(_ONE_ACROSS.search(title, max(0, s - 40), s) for _, s, _ in title_kinds)
    ):
        return False  # «праздник в разных районах», «В Орске и Бузулуке отменили праздник»
    if find_incident(title) and (not title_kinds or ev.explicit == 0):
        # «Женщина получила травму из-за фейерверка»: an incident's story, the gathering only
        # its cause or its scene, never told held or ahead by a cue of its own.
        return False
    if find_incident(lead) and not title_kinds and ev.total < 3:
        return False
    if not title_kinds and ev.explicit == 0 and _RESULT.search(sents[ev.lead_index]):
        # «Чистополь получит премию» over «на втором месте оказался в конкурсе»: a placing,
        # and no cue of the gathering's own anywhere.
        return False
    if ev.best_specific is None and ev.total < 2.5 and ev.explicit < 1.0:
        return False  # only «мероприятие» or an officials' working meeting, in passing
    if title_kinds and all(several(title, start) for _, start, _ in title_kinds):
        return False  # «отменили все мероприятия»: many gatherings at once
    if (
        title_kinds
        and _plural_headline(title, title_kinds, sents[1] if len(sents) > 1 else "")
        and not _tour(title)
        and not _engagement(title, title_kinds)
        and not _speech_of_one(title, title_kinds, sents, ev)
        and not _next_of_series(title, title_kinds, sents)
    ):
        return False  # «пройдут праздники сёл»: several gatherings
    if (
        title_kinds
        and all(k == "церемония" for k, _, _ in title_kinds)
        and _OPENED_MANY.search(title)
    ):
        return False  # «состоялось открытие восьми школ»: an opening in each
    if (
        ev.remote_contest
        and title_kinds
        and all(contest_kind(k, title, e) for k, _, e in title_kinds)
    ):
        return False  # a contest entered and voted on a website: nobody gathers
    if title_kinds and _cue_on_several(title, title_kinds):
        return False  # «Без фестиваля: отменены все массовые мероприятия»: a blanket ban
    if title_kinds and _SERIES_TITLE.search(title) and not caseless(_REPORT).search(title):
        return False  # «Форум будут проводить ежегодно»: a decision on a series
    if _many_places(title, title_kinds, ev.best):
        return False  # «В районах области начали праздновать»: one gathering in each place
    if title_kinds and not _has_verb(title) and _lead_in_many_places(sents, title_kinds):
        # «День памяти и скорби» over «Во всех учреждениях района прошли мероприятия»: the
        # day's name heads one gathering in each place.
        return False
    if not title_kinds and _weekend_roundup(sents):
        return False  # «Выходные провели активно» ... «В субботу ...», «В воскресенье ...»
    if title_kinds and all(
        k in _TOPIC_SITTINGS and _TOPIC_AT.search(title, 0, s) for k, s, _ in title_kinds
    ):
        return False  # «Ремонт бассейна обсудили на заседании Кабмина»: the topic is the news
    if not title_kinds and _CELEBRATED_IN_MANY.search(sents[ev.lead_index]):
        return False  # «Праздник отметили жители нескольких районов»: one in each place
    if (
        title_kinds
        and ev.explicit == 0
        and all(k == "праздник" for k, _, _ in title_kinds)
        and _DAY_OBSERVED.search(title)
    ):
        return False  # «Сегодня отмечается День посёлка»: the date, no celebration told
    told = ev.best_specific or ev.best
    if (
        not title_kinds
        and told[1] < 0
        and told[2] not in _TOUR_KINDS
        and _held_in_places(sents[-told[1]], told[3])
        and not _ONE_ACROSS.search(sents[-told[1]], max(0, told[3] - 40), told[3])
    ):
        return False  # «праздники состоялись в сёлах Ключи и Дубки»: one in each village
    if (
        not title_kinds
        and ev.mentions == 1
        and ev.explicit == 0
        and told[1] < 0
        and _only_where_told(sents[-told[1]], told[3])
    ):
        return False  # «Речь об этом шла на заседании комитета»: the news, not the sitting
    if (
        title_kinds
        and ev.explicit == 0
        and ev.mentions == 1
        and all(_IN_RELATIVE.search(title, 0, start) for _, start, _ in title_kinds)
        and not _MADE_KNOWN.search(title)
    ):
        return False  # «..., которые приехали снимать церемонию»: not what the headline tells
    if _on_the_day(title, title_kinds) and ev.explicit == 0:
        return False  # «В День города горожанам предлагают отдохнуть»: the day's offerings
    if (
        not title_kinds
        and _GREETING_TITLE.search(title)
        and ev.best_specific is not None
        and ev.best_specific[2] == "праздник"
        and not (ev.lead_index <= 2 and _TOOK_PLACE.search(sents[ev.lead_index]))
        and not (ev.lead_index <= 2 and _place_celebrated(sents[ev.lead_index]))
        and not any(_CELEBRATION_HELD.search(s) for s in sents[1:MAX_DECISION_SENTENCES])
        and not (
            _GREETING_AHEAD.search(title) and ev.lead_index <= 2 and ev.lead_stance == "announced"
        )
    ):
        # «поздравили с национальным праздником»: the holiday is the occasion (unless the lead
        # reports a celebration: «В селе прошло праздничное мероприятие ко Дню села»).
        return False
    if _GREETING_HEAD.match(title) and ev.explicit == 0:
        # «С Днём работника сельского хозяйства!»: a greeting for the day, and no gathering
        # told held or ahead by a cue of its own.
        return False
    if (
        title_kinds
        and ev.explicit == 0
        and all(_MAKING.search(title, max(0, s - 40), s) for _, s, _ in title_kinds)
    ):
        return False  # «В музее собирают выставку»: the making is the story, no cue of its own
    if title_kinds and all(_REBUKED_AT.search(title, 0, start) for _, start, _ in title_kinds):
        return False  # «Губернатор отчитал министра во время заседания»: the rebuke is the news
    if title_kinds and _speaker_about(title, title_kinds):
        return False  # «Мэр о празднике»: what someone says of a gathering
    if _roundup_headline(title, title_kinds):
        return False  # «выступали артисты, проводили экскурсии, убирали парк»: a day's roundup
    if _result_headline(title):
        return False  # «победил в конкурсе», «выиграли 80 медалей»: a prize, not a gathering
    if _attributed(title):
        return False  # «Фестиваль соберёт гостей из 19 регионов – Петров»: a statement
    if _plural_hosts(title, title_kinds):
        return False  # «Главы муниципалитетов провели плановые совещания»: each his own
    if _COUNTED_HOSTS.search(title) and any(
        k == "приём граждан" and title[s : s + 4].lower() == "личн" for k, s, _ in title_kinds
    ):
        return False  # «5 депутатов проведут личный приём»: each holds his own, a schedule
    best = ev.best_specific or ev.best
    if best[2] == "совещание" and any(
        ROUTINE_MEETING.search(s) or _BY_VIDEO.search(s) for s in sents[:_LEAD_END]
    ):
        # «Глава провёл аппаратное совещание» ... «В совещании участвовали главы поселений»: the
        # staff meeting named again, still the routine one.
        return False
    decisive = sents[:MAX_DECISION_SENTENCES]
    if best[2] in _SEASON_KINDS and any(_SEASON_PLAY.search(s) for s in decisive):
        return False  # «игры проводятся еженедельно»: a season, not one gathering
    if any(_LASTED_SEASON.search(s) for s in {*sents[:_LEAD_END], sents[-best[1]]}):
        return False  # «В течение лета проходил конкурс на лучшее подворье»: a season's campaign
    if any(_run_from_month(s) for s in decisive):
        return False  # «Концерты начнутся с февраля ... Гала-концерт в мае»: a run of months
    if best[2] == "акция" and any(_SEASON_SPAN.search(s) for s in sents[:_CAMPAIGN_LEAD]):
        return False  # «акция по озеленению»: «в течение лета и осени высадить»: a campaign
    if best[2] == "конкурс" and any(_SELECTION.search(s) for s in decisive):
        return False  # «по итогам конкурсного отбора»: a contest of papers, nobody gathers
    if not title_kinds and any(_ONLINE.search(s) and _has_kind(s, best[2]) for s in decisive):
        return False  # «Концертная программа прошла в формате онлайн»: nobody gathered
    if sum(1 for s in sents if _ordinal_item(s, best[2])) >= 2:
        return False  # «Вторым станет фестиваль ...», «Третьим — фестиваль ...»: a ranked list
    if not title_kinds and _listed_in_one(sents[-best[1]], best[2]):
        return False  # «Яркими событиями стали День молодежи, День семьи и День города»
    if not title_kinds and _several_named(sents, best[2]):
        return False  # «выставка «Зима»» ... «также работала выставка «Недра»»: a roundup
    if (
        ev.mentions == 1
        and ev.lead_index >= 4
        and not title_kinds
        and not _ceremony_of_act(title, sents[ev.lead_index])
        and not _discussed_at_hearing(title, ev)
        and not _headline_names_it(title, sents[ev.lead_index], ev.best)
    ):
        return False  # one gathering named once, deep in the text: not what it centres on
    if (
        not title_kinds
        and ev.best_specific is not None
        and ev.specific_mentions == 1
        and -ev.best_specific[1] >= 4
        and ev.best is not None
        and ev.best[2] in _WORKING_KINDS
    ):
        # «На планёрке обсудили подготовку ...» ... «В субботу пройдёт митинг»: the one
        # gathering of its own, named once deep in the text, is a topic of the working
        # meeting the lead tells.
        return False
    if ev.mentions == 1 and ev.lead_index >= 3 and not title_kinds and ev.best_specific is None:
        # A working meeting or an unnamed «мероприятие», named once past the headline and the
        # two sentences of the lead: how a decision or a trip came about, not the story.
        return False
    if (
        not title_kinds
        and _TRIP_TITLE.search(title)
        and ev.best is not None
        and _TAKES_PART.search(sents[-ev.best[1]])
    ):
        return False  # «Губернатор выехал в район» ... «примет участие в конференции»
    if (
        not title_kinds
        and best[2] in _MET_ON_VISIT
        and any(caseless(_WORKING_VISIT).search(s) for s in sents[: -best[1] + 1])
    ):
        # «Глава посетил с рабочим визитом район» ... «встретился с жителями»: a meeting on
        # the way is one stop of the visit, which is the story.
        return False
    if (
        ev.mentions == 1
        and not title_kinds
        and ev.lead_index >= _SCENE_DEPTH
        and ev.best is not None
        and _SCENE.search(sents[ev.lead_index], max(0, ev.best[3] - 30), ev.best[3])
    ):
        # «Глава поздравила тружеников села» ... «Лучших наградили во время фестиваля»: the
        # one gathering, told past the lead, is where something else was done.
        return False
    if (
        ev.mentions == 1
        and not title_kinds
        and ev.lead_index >= 1
        and _RECALLED.match(sents[ev.lead_index])
    ):
        # «Глава рассказал о ремонте фасадов» ... «Напомним, в городе проходит фестиваль»: the
        # one gathering is a reminder of other news, not the story.
        return False
    if (
        not title_kinds
        and best[2] in _SITTING_KINDS
        and _SETTING_SPEECH.match(sents[-best[1]])
        and not any(_SITTING_HELD.search(s) or _AGENDA.search(s) for s in sents[:_LEAD_END])
    ):
        # «На сессии мэр поблагодарил депутатов»: one official's words or act, the sitting
        # only where it was said (the sitting's report tells it held or its agenda).
        return False
    if ev.mentions == 1 and not title_kinds and _outcome_headline(title, ev.lead_stance):
        return False  # «Школу отремонтируют» over «провёл совещание»: the outcome is the news
    # One verb's tense far from the lead is too little.
    return ev.explicit > 0 or ev.total >= 2


_SEASON_KINDS = frozenset({"соревнования", "матч"})


# A topic, told first, discussed at a sitting: «Реконструкцию бассейна обсудили на заседании
# Кабмина», «Вопрос о тарифах рассмотрели на сессии». The one matter is the news, the sitting
# its setting. Not a headline that opens on the sitting («На сессии обсудили бюджет»: the
# sitting is its subject), nor a hearing, a discussion by its nature (not in the set below).
_TOPIC_AT = re.compile(
    r"^\W*(?!(?:на|в|во)\s)[А-ЯЁа-яё][^.!?:]{3,120}?\s(?:обсудили|обсуждали|обсуждал(?:ся|ась|ось"
    r"|ись)|рассмотрели|рассматривали|рассмотрен[аоы]?)\s+на\s+(?:[а-яё-]+\s+){0,2}$",
    re.IGNORECASE,
)
_TOPIC_SITTINGS = frozenset({"заседание", "сессия", "совещание"})

# How far `_lead_in_many_places` looks for the lead's gathering.
_LEAD_REACH = 4  # the headline and three sentences after it


def _lead_in_many_places(sents: list[str], title_kinds: list[tuple[str, int, int]]) -> bool:
    """The first sentence after a verbless headline that names a gathering tells it held in
    many places at once («Во всех культурно-досуговых учреждениях района прошли мероприятия»):
    the headline names the occasion, and each place had its own gathering."""
    if any(k in _TOUR_KINDS for k, _, _ in title_kinds):
        return False
    for sent in sents[1:_LEAD_REACH]:
        kinds = _kinds_in(sent)
        if kinds:
            return _PLACES_AT_ONCE.search(sent, 0, kinds[0][1]) is not None
    return False


# A weekend told day by day: sentences that open on «В субботу» and «В воскресенье».
_DAY_OPENER = re.compile(r"^\W*(?:в|во)\s+(субботу|воскресенье)\b", re.IGNORECASE)
_WEEKEND_WORD = re.compile(r"\bвыходн(?:ые|ых|ыми)\b", re.IGNORECASE)


def _weekend_roundup(sents: list[str]) -> bool:
    """A headline about the weekend with no gathering of its own («Минувшие выходные жители
    провели активно») over sentences opening on each of its days («В субботу состоялись
    соревнования ...», «В воскресенье отметили день бега ...»): a roundup of the days, each
    with its own gathering."""
    if _WEEKEND_WORD.search(sents[0]) is None:
        return False
    days = {
        m.group(1).lower() for s in sents[1:MAX_DECISION_SENTENCES] if (m := _DAY_OPENER.match(s))
    }
    return len(days) >= 2


# A gathering that went on through a season or months: a campaign, not one gathering
# («В течение лета проходил конкурс», «конкурс длился на протяжении всего года»).
_SPAN_OF_SEASON = (
    r"(?:в\s+течени[еи]|на\s+протяжении)\s+(?:всего\s+|целого\s+)?(?:(?:учебного|этого|прошлого"
    r"|летнего|зимнего)\s+)?(?:лета|зимы|весны|осени|года|сезона|месяца|нескольких\s+месяцев"
    r"|полугодия|квартала)\b"
)
_LASTING = r"(?:проходил|проводил|длил|шл[иао]?\b|ш[её]л\b|продолжал)\w*"
_LASTED_SEASON = re.compile(
    _SPAN_OF_SEASON
    + r"\s+(?:[а-яё]+\s+){0,3}?"
    + _LASTING
    + r"|"
    + _LASTING
    + r"\s+(?:[а-яё]+\s+){0,3}?"
    + _SPAN_OF_SEASON,
    re.IGNORECASE,
)
# A drive told over a season or months: «высадить в течение лета и осени», «акция продлится в
# течение месяца» (many days of work, not one gathering's day).
_SEASON_SPAN = re.compile(_SPAN_OF_SEASON, re.IGNORECASE)
_CAMPAIGN_LEAD = 4  # the headline and the three sentences after it
# Its shows set to begin from a month on, not on a day: «Концерты начнутся с февраля»,
# «встречи будут проходить с марта» (one after another, for months: a series).
_RUN_FROM_MONTH = re.compile(
    r"\b(?:концерты|спектакли|выступления|показы|встречи|мероприятия|игры|этапы|занятия)\s+"
    r"(?:[а-яё]+\s+){0,3}?(?:начнутся|стартуют|будут\s+проходить|пройдут|продлятся)\s+"
    r"(?:уже\s+)?с\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
    r"|ноября|декабря)\b",
    re.IGNORECASE,
)
_RUN_VERBS = ("начнутся", "стартуют", "проходить", "пройдут", "продлятся")  # a cheap test


def _run_from_month(sentence: str) -> bool:
    """The sentence sets shows to run from a month on (``_RUN_FROM_MONTH``)."""
    return any(v in sentence for v in _RUN_VERBS) and _RUN_FROM_MONTH.search(sentence) is not None


_LEAD_END = 3  # the headline and the two sentences of the lead
# A meeting held over a video link: «в формате видеоконференцсвязи», «в режиме ВКС» (a call
# officials join from their offices, not a gathering people attend).
_BY_VIDEO = re.compile(
    r"\b(?:в|во)\s+(?:формате|режиме)\s+(?:видео-?конференц\w*|видеосвяз\w*|ВКС|онлайн)",
    re.IGNORECASE,
)

# A rebuke or a threat told with the gathering as its scene: «Губернатор отчитал министра за
# разговор во время заседания», «мэр раскритиковал подрядчиков на совещании» (not «отчитался»:
# a report given to the sitting).
_REBUKED_AT = re.compile(
    r"\b(?:отчитал(?!ся)|раскритиковал|упрекнул|пожурил|отругал|одёрнул|одернул|пригрозил"
    r"|сделал\w*\s+(?:[а-яё]+\s+)?(?:замечани|выговор))\w*\b[^.!?]{0,80}?"
    r"\b(?:во\s+время|в\s+ходе|на)\s+(?:[а-яё]+\s+)?$",
    re.IGNORECASE,
)

# A list's item: a line that opens on a dash and ends on a semicolon («— открыли школу;»),
# not a line of dialogue (which ends on a stop).
_LIST_ITEM = re.compile(r"^\s*[—–•-]\s.*;\s*$")

# A listings rubric named near the top: «в нашей еженедельной рубрике «Афиша»».
_POSTER_RUBRIC = re.compile(r"\bрубрик\w*\s+[«\"]?(?:афиш|куда\s+сходить)", re.IGNORECASE)
_RUBRIC_LEAD = 5  # sentences read for it
# A run of gatherings under way, told in the plural: «продолжает проводить встречи с жителями»,
# «продолжают отменять гуляния» (one in each place, one after another).
# («намерен продолжать встречи с жителями»: the run goes on, its next ones ahead)
_ONGOING = re.compile(
    r"\bпродолжа\w*\s+(?:[а-яё]+\s+)?(?:проводить|отменять|переносить|устраивать"
    r"|организовывать)\s+(?:[а-яё]+\s+){0,2}?(?:встречи|гуляни|гулянь|праздники|мероприятия"
    r"|ярмарки|концерты|собрания|субботники|акции|фестивали|сходы|приёмы|приемы)\w*"
    r"|\bпродолж(?:ать|ает|ают|ит|ат|ил[аи]?)\s+(?:[а-яё]+\s+)?(?:встречи|праздники|ярмарки"
    r"|концерты|собрания|субботники|фестивали|сходы|приёмы|приемы)\b",
    re.IGNORECASE,
)
# A season's campaign of gatherings, told in the plural: «весенние субботники в самом разгаре»,
# «месячник по благоустройству» (one clean-up after another, all spring).
_CAMPAIGN = re.compile(
    r"\b(?:субботники|толоки|акции)\s+(?:[а-яё]+\s+){0,3}?в\s+(?:самом\s+)?разгаре\b"
    r"|\b(?:двух)?месячник\w*\s+(?:по\s+)?(?:благоустройств|санитарн|уборк|очистк)",
    re.IGNORECASE,
)
# A drive named a month: «Завершён «Осенний месяц добра»» (not a gathering held «в рамках»
# it: «В рамках «Месяца добра» прошёл концерт»).
_MONTH_DRIVE = re.compile(
    r"(?<!рамках\s)[«\"][^«»\"]{0,30}\bмесяц\w*\b[^«»\"]{0,30}[»\"]", re.IGNORECASE
)


def _month_drive(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """The headline names a drive called a month (`_MONTH_DRIVE`), and not as the title of a
    gathering its word heads: «выставка «Месяц книги»» is one exhibition."""
    m = _MONTH_DRIVE.search(title)
    return m is not None and not any(
        end <= m.start() and not title[end : m.start()].strip() for _, _, end in kinds
    )


# The scene of an act: «наградили во время фестиваля», «в ходе праздника вручили».
# («Соглашение подписано в рамках заседания комитета»: the same, the act is the story.)
_SCENE = re.compile(r"\b(?:во\s+время|в\s+ходе|в\s+рамках)\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)
_SCENE_DEPTH = 3  # sentences from the headline: past the lead
# A sentence that reminds of other news: «Напомним, ...», «Напоминаем, что ...», «Ранее ...».
# (or an example of a wider story: «Например, в Н. прошёл митинг против реформы»)
_RECALLED = re.compile(r"^\W*(?:напомним|напоминаем|ранее|например|к\s+примеру)\b", re.IGNORECASE)

# «на выходных», «в выходные»: a guide's words, or only the time of one act the headline tells.
_WEEKEND = re.compile(r"(?:на\s+выходных|в\s+выходные)", re.IGNORECASE)


# A poster's venue line under each item: «Место проведения: Дом культуры с. Садовое».
_VENUE_LINE = re.compile(r"^\W*мест[оа]\s+проведени[яй]\s*:\s*(\S.{2,})", re.IGNORECASE)
_POSTER_VENUES = 3  # different venues: a poster of several gatherings, not one's programme


def _many_venues(sents: list[str]) -> bool:
    """Three items or more each give a different «Место проведения:»: a poster (a week's
    calendar of gatherings across a town), not the programme of one gathering."""
    venues = set()
    for sent in sents:
        if "проведени" not in sent[:30].lower():
            continue
        m = _VENUE_LINE.match(sent)
        if m is not None:
            venues.add(" ".join(m.group(1).lower().split())[:40])
    return len(venues) >= _POSTER_VENUES


def _dated_act(title: str) -> bool:
    """The headline's only listing words are «на выходных» and a finite verb in the past or the
    future tells what happens then («На выходных в Хакасии отрепетируют Новый год»): the time
    of one act, not a guide to the days off («Куда сходить на выходных»)."""
    found = list(_LISTING.finditer(title))
    if not found or not all(_WEEKEND.fullmatch(m.group(0)) for m in found):
        return False
    return any(verb_tense(w) in {"past", "futr"} for w in _TITLE_WORD.findall(title))


# An intention to do something at a gathering, the headline's story: «Область намерена
# подписать четыре соглашения на Форуме регионов», «Район планирует представить проект на
# выставке». (Not the gathering itself intended: «намерен провести встречу», «планирует
# посетить фестиваль», «собирается принять участие в форуме».)
_INTENT_AT = re.compile(
    r"\b(?:намерен[аоы]?|собира(?:ется|ются)|планиру(?:ет|ют)|хоч(?:ет|ут)|рассчитыва(?:ет|ют))\s+"
    r"(?!(?:провести|проводить|устроить|организовать|посетить|принять|участвовать|выступить"
    r"|побывать|приехать|открыть)\b)[а-яё]+(?:ть|ти)\b[^.!?]{0,80}?\b(?:на|в|во)\s+"
    r"(?:[а-яё0-9-]+\s+){0,2}$",
    re.IGNORECASE,
)


# A lead that calls the text a digest or tells a schedule of gatherings drawn up: «Публикуем
# дайджест из Крутинки, Колосовки и Нововаршавки», «составил предварительный график Дней
# оленевода». (Not «утвердили график», a sitting's act.)
_DIGEST_LEAD = re.compile(
    r"\bдайджест\w*|\b(?:составил|составлен|опубликова)\w*\s+(?:[а-яё]+\s+){0,2}?график\w*\s+"
    r"(?:[а-яё]+\s+){0,2}?(?:праздн|мероприят|проведени|дн(?:ей|и)\b|фестивал|ярмар|концерт"
    r"|встреч|собрани|сход)",
    re.IGNORECASE,
)
# A decision on a gathering not taken yet: «Решение о переносе Сабантуя пока что не принято»,
# «вопрос о проведении фестиваля пока не решён».
_UNDECIDED = re.compile(
    r"\b(?:решени[еяй]|вопрос)\s+(?:о|об)\s+(?P<it>его\s+|её\s+|ее\s+)?(?:переносе|проведении"
    r"|отмене|сроках)\b[^.!?]{0,90}?\bне\s+(?:принят[оы]?|реш[её]н|определ[её]н)\b",
    re.IGNORECASE,
)


def _undecided(sentence: str) -> bool:
    """A decision not taken yet (`_UNDECIDED`) on a gathering, named or told by a pronoun
    («о переносе ягодного фестиваля», «о его переносе»); not on another matter: «Решение о
    проведении капремонта здания пока не принято» under a concert's report."""
    return any(m.group("it") or _kinds_in(m.group(0)) for m in _UNDECIDED.finditer(sentence))


# Clauses of a headline, each its own story: «..., а ...», «...; ...».
_CONTRAST = re.compile(r",\s+а\s+|;\s+")


def _two_stories(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """The headline tells two gatherings in two clauses, each with its own verb: «В Вязниках
    состоится праздник песни, а Судогда отметит юбилей». Two stories, no one gathering."""
    if len(kinds) < 2 or _CONTRAST.search(title) is None:
        return False
    parts = _CONTRAST.split(title)
    return sum(1 for part in parts if _kinds_in(part) and _has_verb(part)) >= 2


# A council's or a parliament's stance on one proposal: «Депутаты одобрили инициативу»,
# «Карельские парламентарии поддержали законопроект», «депутаты проголосовали за образование
# микрорайонов». (Not «Депутаты утвердили бюджет», «приняли закон»: a sitting's own act, which
# the sitting's report is often headed with.)
_BODY_DECISION = re.compile(
    r"\b(?:депутат|парламентари|избранник|(?:гор|мособл|гос|обл)?дум(?:а|ы|ой|е|у)\b|горсовет"
    r"|райсовет|заксобрани|совет\b|совета\b|хурал|курултай)\w*\s+(?:[^\s.!?]+\s+){0,4}?"
    r"(?:одобрил|поддержал|отклонил)\w*"
    r"|\b(?:одобрил|поддержал|отклонил)\w*\s+(?:[^\s.!?]+\s+){0,2}?(?:депутат|парламентари"
    r"|избранник)\w*"
    r"|\b(?:одобрен|поддержан|принят|одобрил|поддержал|принял)\w*\s+(?:[а-яё]+\s+)?законопроект\w*"
    r"|\bпроголосовал\w*\s+(?:за|против)\b"
    # A decision told as taken there: «Такое решение было принято на очередной сессии».
    r"|\bрешени[ея]\s+(?:был[оаи]?\s+)?принят[оаы]?\s+(?:на|в\s+ходе)\b"
    # A bill read at the sitting: «заседание, на котором во втором чтении рассмотрят закон».
    r"|\b(?:в|во)\s+(?:первом|втором|третьем|окончательном)\s+чтении\b",
    re.IGNORECASE,
)
# A sitting told as taking place: «Состоялось заседание, на котором утвердили бюджет».
_SITTING_HELD = re.compile(
    r"\b(?:состоял(?:ся|ась|ось|ись)|прош(?:[её]л|ла|ло|ли)|проходит|пройд[её]т|состо(?:ится|ятся)"
    r"|начал(?:ась|ось|ся)|открыл(?:ась|ось|ся))\b",
    re.IGNORECASE,
)
_SITTING_KINDS = frozenset({"заседание", "сессия"})
# A sitting as where one official spoke: «Сегодня на сессии мэр поблагодарил депутатов», «В
# четверг, 15 мая, на заседании комиссии глава представил нового депутата».
_SETTING_SPEECH = re.compile(
    r"^(?:[^.!?]{0,40}?,\s*)?(?:сегодня\s+|вчера\s+)?на\s+(?:[а-яё-]+\s+){0,4}?(?:заседани|сесси)\w*"
    r"[^.!?]{0,150}?\b(?:поблагодарил|напомнил|представил|заявил|сообщил|рассказал|подчеркнул"
    r"|призвал|пообещал)\w*",
    re.IGNORECASE,
)
# A sitting's agenda told: what it considered, passed or heard.
_AGENDA = re.compile(
    r"\b(?:рассмотрел|утвердил|принял|одобрил|заслушал|повестк|избрал|проголосовал)\w*", re.I
)


def _decision_headline(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """The headline tells a council's decision and names no gathering but the sitting where it
    was taken («На заседании горсовета депутаты проголосовали за ...»), nor tells the sitting
    itself held: the decision is the story (the sitting is its occasion)."""
    if _BODY_DECISION.search(title) is None or _SITTING_HELD.search(title) is not None:
        return False
    return all(k in _SITTING_KINDS for k, _, _ in kinds)


# A headline that gives someone's words about a topic: «Глава Башкирии о ПМЭФ: «Планы
# большие»», «Мэр о Дне города: «...»».
_STATEMENT_TITLE = re.compile(
    r"^[^.!?:«]{0,60}?\b(?:глав|мэр|губернатор|министр|председател|депутат|директор|руководител"
    r"|сенатор|полпред|спикер|врио)\w*[^.!?:«]{0,60}?\s(?:о|об|обо|про)\s+[^:«]{1,60}:\s*[«\"]",
    re.IGNORECASE,
)
# Making a gathering ready, told in the present: «собирают выставку», «готовят экспозицию».
_MAKING = re.compile(
    r"\b(?:собира|готов|формиру|подготавлива|монтиру|оформля)(?:ют|ет)\s+(?:[а-яё]+\s+){0,2}$",
    re.IGNORECASE,
)
# A ceremony named after an act: «церемония подписания соглашения», «церемония вручения».
_CEREMONY_OF = re.compile(r"\bцеремони\w*\s+(?:[а-яё]+\s+)?(подписани|вручени|открыти)", re.I)
_ACT_VERB = {
    "подписани": re.compile(r"\bподпи[сш]\w+", re.IGNORECASE),
    "вручени": re.compile(r"\bвруч\w+", re.IGNORECASE),
    "открыти": re.compile(r"\bоткр[оы]\w+", re.IGNORECASE),
}


# A sitting or a hearing set, its word the subject of «назначен» ending the clause: «Публичные
# слушания по проекту бюджета уже назначены.» (a day set for the gathering; no post filled).
_SITTING_SET = re.compile(
    r"\b(?:слушания|заседание|сессия|собрание|сход|конференция)\b[^.!?]{0,80}?\bназначен[аоы]?"
    r"(?=\s*(?:[.!;,]|$))",
    re.IGNORECASE,
)


def _unset(text: str) -> str:
    """``text`` without the gatherings told set (``_SITTING_SET``), for the test of a post
    filled: «назначены» there sets a day, it fills no post."""
    if "назначен" not in text:
        return text
    return _SITTING_SET.sub(" ", text)


# A headline telling a discussion with no gathering's word: «В посёлке обсудят бюджет»,
# «Жители смогут обсудить с властями проект бюджета».
_DISCUSSION_TITLE = re.compile(r"\bобсу(?:д|жд)\w*", re.IGNORECASE)
# Kinds that are a public discussion by their nature.
_DISCUSSION_KINDS = frozenset({"публичные слушания"})


def _discussed_at_hearing(title: str, ev: Evidence) -> bool:
    """The headline tells a discussion and the text's one gathering is a public hearing
    («Все предложения будут обсуждены на публичных слушаниях»): the hearing is where the
    headline's discussion takes place, its story however deep the text names it."""
    best = ev.best_specific or ev.best
    return (
        best is not None
        and best[2] in _DISCUSSION_KINDS
        and _DISCUSSION_TITLE.search(title) is not None
    )


_QUOTED_NAME = re.compile(r"\s*[«\"“]([^«»\"“”]{8,120})[»\"”]")
_NAME_REACH = 40  # characters after the kind word where its quoted name may open


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").strip(" .!?").split())


def _headline_names_it(title: str, sentence: str, best: tuple[float, int, str, int] | None) -> bool:
    """The headline is the gathering's own quoted name, given with its kind word further down
    («Мы этот город любим» over «в библиотеке оформлена выставка «Мы этот город любим»»): the
    story is that gathering, however deep the kind word comes."""
    if best is None or ("«" not in sentence and '"' not in sentence and "“" not in sentence):
        return False
    after = sentence.find(" ", best[3])
    if after < 0:
        return False
    m = _QUOTED_NAME.search(sentence, after, after + _NAME_REACH + 120)
    return (
        m is not None and m.start() - after <= _NAME_REACH and _plain(m.group(1)) == _plain(title)
    )


def _ceremony_of_act(title: str, sentence: str) -> bool:
    """The headline tells an act («подпишут соглашение») and the sentence names the ceremony
    of that act («Церемония подписания соглашения пройдёт в резиденции»): the headline is that
    ceremony's story, however deep the text names it."""
    m = _CEREMONY_OF.search(sentence)
    return m is not None and _ACT_VERB[m.group(1).lower()].search(title) is not None


# A working visit or trip of an official: «посетил с рабочим визитом», «в ходе рабочей
# поездки». The meetings held on the way (``_MET_ON_VISIT``) are its stops.
_WORKING_VISIT = re.compile(
    r"\bс\s+рабоч\w*\s+(?:визитом|поездкой)|\bрабоч\w*\s+(?:поездк|визит)\w*"
    # An official's working day spent somewhere: «рабочий день губернатора пройдёт в районе».
    r"|\bрабоч(?:ий|его|ем)\s+(?:день|дня|дне)\s+(?:[а-яё]+\s+)?(?:губернатор|глав|мэр|министр"
    r"|врио|председател|полпред|сенатор|депутат)\w*"
    # An official's round of inspection: «В ходе выезда были осмотрены дома», «в ходе объезда».
    r"|\bв\s+ходе\s+(?:[а-яё]+\s+)?(?:выезд|объезд|обход|осмотр|посещени)\w*",
    re.IGNORECASE,
)
_MET_ON_VISIT = frozenset({"встреча", "собрание", "приём граждан", "совещание"})
# Officials' working gatherings: a planning meeting, a reception of citizens.
_WORKING_KINDS = frozenset({"совещание", "приём граждан"})

# Several objects opened at once: «открытие восьми школ», «открыли сразу три детских сада».
# Each has its own opening, wherever one ceremony launched them.
_OPENED_MANY = re.compile(
    r"\bоткры(?:ти[еяию]|ли|л[аи]?|т[ыо]|ваются|вают)\s+(?:[а-яё]+\s+)?(?:сразу\s+)?"
    r"(?:\d+|дв[аеу]х?|три|тр[её]х|четыре|четыр[её]х|пят[иь]|шест[иь]|сем[иь]|восемь|восьми"
    r"|девят[иь]|десят[иь]|нескольк\w*)\s+[а-яё]",
    re.IGNORECASE,
)

# A line that parts the short items of a column: «* * *», «***».
_ITEM_RULE = re.compile(r"^[ \t]*(?:\*[ \t]*){3,}$", re.MULTILINE)
_DIGEST_RULES = 2  # two such lines part three items at least: a column of short news

# A body's chair elected, the body's own act: «избран председатель Собрания представителей».
# (the post may come first: «Председателем Собрания района избран Кузенков»)
_CHAIR_ELECTED = re.compile(
    r"\bизбран(?!н)\w*\s+(?:нов\w+\s+)?председател\w*"
    r"|\bпредседателем\s+(?:[А-ЯЁа-яё-]+\s+){0,4}?избран(?!н)\w*",
    re.I,
)
# The first sitting of a newly elected body: «первое заседание», «организационная сессия».
_FIRST_SITTING = re.compile(
    r"\b(?:перв|организационн|учредительн)\w*\s+(?:[а-яё]+\s+)?(?:заседани|сесси)\w*", re.I
)


def _inaugural(title: str, sents: list[str], ev: Evidence) -> bool:
    """The headline's only post filled is the chair a new body elects at its first sitting,
    which the lead reports held («В районе избран председатель Собрания» over «Состоялось
    первое заседание Собрания представителей»): that sitting, where the body sets itself up
    (its chair, its commissions), is the story. (Not «Смирнов избран главой округа»: a post
    filled, whatever sitting voted.)"""
    if not _CHAIR_ELECTED.search(title) or _NOT_GATHERING.search(_CHAIR_ELECTED.sub(" ", title)):
        return False
    if not 0 <= ev.lead_index <= 3 or ev.lead_stance != "held":
        return False
    lead = sents[ev.lead_index]
    return bool(_FIRST_SITTING.search(lead) and _TOOK_PLACE.search(lead))


# A greeting still ahead: «Кто из звёзд будет поздравлять горожан с Днём города», «Артисты
# поздравят жителей с праздником». Under a lead that tells the celebration ahead, those who
# will greet are its performers: the celebration is the story.
_GREETING_AHEAD = re.compile(r"\b(?:поздравят|поздравит|буд(?:ет|ут)\s+поздравлять)\b", re.I)


# A headline that is a greeting's formula: «С Днём учителя!», «С праздником, земляки!».
_GREETING_HEAD = re.compile(
    r"\W*(?:С|Со)\s+(?:[А-ЯЁа-яё]+\s+)?(?:Дн[её]м|праздник\w*|юбиле\w*|Новым\s+годом"
    r"|Рождеств\w*|8\s+Марта|Пасх\w*)\b",
    re.IGNORECASE,
)

# A verb of a gathering taking place (not «поздравил», «отметил», which a greeting tells too).
_TOOK_PLACE = re.compile(
    r"\b(?:прош(?:[её]л|ла|ло|ли)|состоял(?:ся|ась|ось|ись)|проходил[аои]?)\b", re.IGNORECASE
)

# The genitive of a settlement's noun: «День города», «к юбилею села».
_SETTLEMENT = r"(?:города|села|посёлка|поселка|деревни|станицы|хутора|аула|района|округа)\b"

# A place's own day or anniversary told celebrated: «Гороховец отметил День города», «город
# отпраздновал свой день рождения» (what «отметил» tells when its object is the place's day, not
# «глава отметил вклад ветеранов»): the celebration took place. A birthday or a jubilee only
# with a place as its subject («ветеран отметил 95-летний юбилей» is a person's).
_CELEBRATED = r"\b(?:отметил[аио]?|отпраздновал[аио]?)\s+(?:сво[йеё]\s+)?(?:\d+-?[а-яё]*\s+)?"
_PLACE_DAY_CELEBRATED = re.compile(
    _CELEBRATED + r"(?:день|\d+-?лети[ея])\s+" + _SETTLEMENT, re.IGNORECASE
)
_BIRTHDAY_CELEBRATED = re.compile(
    r"([А-ЯЁа-яё-]+)\s+" + _CELEBRATED + r"(?:день\s+рождения|юбиле[йя]|\d+-?лети[ея]"
    r"|годовщин[уы])\b",
    re.IGNORECASE,
)
_SETTLEMENT_SUBJECT = frozenset(
    {"город", "село", "посёлок", "поселок", "деревня", "станица", "хутор", "аул", "район", "округ"}
)
# The place's noun a few words away from the verb, before it or after it: «Самый восточный
# муниципалитет области отпраздновал день рождения», «92-й день рождения отпраздновал самый
# восточный муниципалитет области».
_PLACE_NOUN = r"(?:город|село|посёлок|поселок|деревня|станица|хутор|аул|район|округ|муниципалитет)"
_OCCASION = r"(?:день\s+рождения|юбиле[йя]|\d+-?лети[ея]|годовщин[уы])"
_PLACE_BIRTHDAY = re.compile(
    rf"\b{_PLACE_NOUN}\s+(?:[а-яё-]+\s+){{0,3}}?{_CELEBRATED}{_OCCASION}\b"
    rf"|\b{_OCCASION}\s+(?:отметил|отпраздновал)[аио]?\s+(?:[а-яё-]+\s+){{0,3}}?{_PLACE_NOUN}\b",
    re.IGNORECASE,
)


def _place_celebrated(sentence: str) -> bool:
    """The sentence tells a place's own day or anniversary celebrated (see above)."""
    if "отметил" not in sentence and "отпраздновал" not in sentence:
        return False
    if _PLACE_DAY_CELEBRATED.search(sentence) or _PLACE_BIRTHDAY.search(sentence):
        return True
    for m in _BIRTHDAY_CELEBRATED.finditer(sentence):
        subject = m.group(1)
        if subject.lower() in _SETTLEMENT_SUBJECT:
            return True
        if subject[:1].isupper():
            parses = analyzer().parse(subject.lower())
            if parses and "Geox" in parses[0].tag:
                return True
    return False


# The celebration itself reported: «Праздничные мероприятия прошли на стадионе», «на площади
# состоялось праздничное гуляние» (a greeting's story that goes on to the fete it greets).
_CELEBRATION_HELD = re.compile(
    r"\bпраздничн\w*\s+(?:[а-яё]+\s+)?(?:мероприяти|гуляни|гулянь|программ|шестви|концерт)\w*"
    r"\s+(?:[а-яё]+\s+){0,3}?(?:прош(?:ли|ло|ла|[её]л)|состоял\w*)\b"
    r"|\b(?:прош(?:ли|ло|ла|[её]л)|состоял\w*)\s+(?:[а-яё]+\s+){0,3}?праздничн\w*\s+(?:[а-яё]+\s+)?"
    r"(?:мероприяти|гуляни|гулянь|программ|шестви|концерт)\w*",
    re.IGNORECASE,
)

# Several people counted as the headline's hosts: «5 депутатов проведут личный приём», «трое
# министров проведут личный приём». A personal reception is one person's: as many as are
# counted («Два депутата провели приём граждан» may be one, held together).
_COUNTED_HOSTS = re.compile(
    r"\b(?:\d+|дв(?:а|ое)|тр(?:и|ое)|четыр(?:е|ое)|пят(?:ь|еро)|шест(?:ь|еро)|семь|семеро"
    r"|несколько|ряд)\s+(?:[а-яё]+\s+)?(?:депутат|глав|министр|сенатор|чиновник|руководител"
    r"|парламентари|член)\w*",
    re.IGNORECASE,
)

# Officials in the plural opening a headline: «Главы муниципалитетов провели ...», «Депутаты
# проведут ...» (one body's sitting is told in the singular: «Депутаты провели заседание»).
_HOSTS_OPENING = re.compile(
    r"^\W*(?:главы|депутаты|руководители|министры|мэры|сенаторы|парламентарии|старосты"
    r"|председатели)\s",
    re.IGNORECASE,
)


def _plural_hosts(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """The headline opens with officials in the plural and its first gathering is plural too
    («Главы муниципалитетов провели плановые совещания, рабочие встречи»): each holds his own,
    a roundup of many gatherings."""
    if not kinds or _HOSTS_OPENING.match(title) is None:
        return False
    _, start, end = kinds[0]
    before = title[:start].split()
    word = title[start:end].split(maxsplit=1)[0]
    return _plural_word(word, before[-1] if before else "")


# A headline that ends with whose words it gives, after a dash: «19 регионов примут участие в
# фестивале – Петришенко», «Праздник пройдёт без салюта — мэр». What someone said is the news.
_ATTRIBUTION = re.compile(
    r"\s[—–-]\s+(?:(?:мэр|губернатор|глава|министр|председатель|депутат|директор|эксперт"
    r"|врио|полпред|сенатор)(?:\s+[а-яё-]+){0,2}|([А-ЯЁ][А-ЯЁа-яё-]+))\s*[.!]?\s*$"
)


# A headline that opens with whose words it gives, before a colon: «Губернатор: область может
# принять форум», «Глава района: праздник пройдёт без салюта».
_SPEAKER_FIRST = re.compile(
    r"^\s*(?:(?i:(?:мэр|губернатор|глава|министр|председатель|депутат|директор|эксперт|врио"
    r"|полпред|сенатор|спикер|прокурор)(?:\s+[а-яё-]+){0,2}"
    # the authorities as one speaker: «Томские власти: ...», «Власти Томска: ...»
    r"|(?:[а-яё-]+(?:ие|ые)\s+)?власти(?:\s+[а-яё-]+){0,2})|([А-ЯЁ][а-яё-]+))\s*:\s"
)


def _attributed(title: str) -> bool:
    """The headline is a statement with its speaker after a dash or before a colon: a
    predicate on the other side («примут участие», «пройдёт») and a post or a surname as the
    speaker («– Петришенко», «Губернатор:»; not a town's name, «Москва – Киров», nor «—
    фото»)."""
    first = _SPEAKER_FIRST.match(title)
    if first is not None and _has_verb(title[first.end() :]):
        return first.group(1) is None or _surname(first.group(1))
    m = _ATTRIBUTION.search(title)
    if m is None or not _has_verb(title[: m.start()]):
        return False
    return m.group(1) is None or _surname(m.group(1))


def _surname(word: str) -> bool:
    """A surname, not a town's name («Петришенко», not «Киров»)."""
    parses = analyzer().parse(word.lower())[:3]
    return any("Surn" in p.tag for p in parses) and not any("Geox" in p.tag for p in parses)


# A headline's holiday named as the day something else happens: «В День города горожанам
# предлагают ...», «Во Всемирный день книги библиотекари ...».
_ON_DAY = re.compile(r"(?:^|[\s,:])(?:в|во)\s+(?:[а-яё-]+\s+)?$", re.IGNORECASE)


def _on_the_day(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """Every gathering the headline names is a holiday's day set as its date («В День ...»):
    what the day brings, not one celebration (unless a cue tells one held or ahead)."""
    return bool(kinds) and all(
        kind == "праздник"
        and title[start:end].lower().startswith("день")
        and _ON_DAY.search(title[:start]) is not None
        for kind, start, end in kinds
    )


# Residents of several places celebrating: «Праздник отметили жители нескольких районов»,
# «жители разных сёл встретили Масленицу». Each place keeps its own.
_CELEBRATED_IN_MANY = re.compile(
    r"\b(?:отметил|отпраздновал|праздновал|встретил|встречал)\w*\s+(?:[а-яё]+\s+){0,2}?"
    r"жители\s+(?:нескольких|разных|многих|всех|\d+|двух|тр[её]х|четыр[её]х|пяти|шести)\s+"
    r"(?:[а-яё]+\s+)?(?:районов|городов|сёл|сел|деревень|поселений|муниципалитетов|округов)\b"
    r"|\bжители\s+(?:нескольких|разных|многих|всех|\d+|двух|тр[её]х|четыр[её]х|пяти|шести)\s+"
    r"(?:[а-яё]+\s+)?(?:районов|городов|сёл|сел|деревень|поселений|муниципалитетов|округов)"
    r"\s+(?:[а-яё]+\s+){0,2}?(?:отметил|отпраздновал|праздновал|встретил|встречал)\w*",
    re.IGNORECASE,
)


_QUOTES = ("«", '"', "“", "„")
# A contest decided on submitted papers: «конкурсный отбор», «по итогам отбора заявок».
_SELECTION = re.compile(r"\bконкурсн\w*\s+отбор\w*|\bотбор\w*\s+заяв\w*", re.IGNORECASE)


_LISTED_IN_ONE = 3  # gatherings of one kind in one sentence: a list


# A gathering held only online: «прошла в формате «Культура онлайн»», «в онлайн-формате».
_ONLINE = re.compile(
    r"\b(?:в|во)\s+(?:формате|режиме)\s+(?:[«\"]?[а-яё-]+\s+)?онлайн|\bв\s+онлайн-?формате"
    r"|\bпрош(?:[её]л|ла|ло|ли)\s+онлайн\b",
    re.IGNORECASE,
)
# A list told by ordinals, one gathering per sentence: «Вторым станет фестиваль «Земля»».
_ORDINAL_ITEM = re.compile(r"^\W*(?:Втор|Трет|Четв[её]рт|Пят|Шест|Седьм)(?:ым|ой|ьим|ьей)\b")


def _has_kind(sentence: str, kind: str) -> bool:
    return any(k == kind for k, _, _ in _kinds_in(sentence))


# The gathering as the scene of a programme's act, not the item ranked: «Вторым на фестивале
# выступил хор» (a report of that festival, its acts in order).
_AT_IT = re.compile(r"\b(?:на|в|во)\s+(?:[а-яё-]+\s+)?$", re.IGNORECASE)


def _ordinal_item(sentence: str, kind: str) -> bool:
    """«Вторым станет фестиваль «Земля»», «Третьим — фестиваль …»: the sentence ranks one
    gathering of ``kind`` by its ordinal."""
    m = _ORDINAL_ITEM.match(sentence)
    return m is not None and any(
        k == kind and not _AT_IT.search(sentence, m.end(), start)
        for k, start, _ in _kinds_in(sentence)
    )


def _listed_in_one(sentence: str, kind: str) -> bool:
    """The sentence lists three named days or more («стали День молодёжи, День защиты детей и
    День народного единства»): a year's or a season's review, each holiday its own. (Not
    «праздник», «гуляния», «празднование»: one celebration told by several words.)"""
    if kind != "праздник":
        return False
    spans = {
        sentence[s:e].lower()
        for k, s, e in _kinds_in(sentence)
        if k == kind and sentence[s:e].lower().startswith(_DAY_WORDS)
    }
    return len(spans) >= _LISTED_IN_ONE


_DAY_WORDS = ("день ", "дня ", "дню ", "днём ", "днем ", "дне ")


def _several_named(sents: list[str], kind: str) -> bool:
    """The text names two gatherings of ``kind`` with different proper names («выставка
    «Зима»», «выставка «Недра»»): under a headline that names none, it goes over several."""
    if kind in GENERIC_KINDS:
        return False
    names: set[str] = set()
    for sent in sents[:MAX_DECISION_SENTENCES]:
        if kind == "матч" and names and _others_of_the_day(sent):
            break  # «Кроме того, в тот же день состоялись матчи...»: the round's other results
        if not any(q in sent for q in _QUOTES):
            continue  # a name is quoted
        for k, pos, _ in _kinds_in(sent):
            if k == kind and (name := _name_near(sent, pos)):
                names.add(normalize_event_name(name))
                if len(names) > 1:
                    return True
    return False


def _others_of_the_day(sent: str) -> bool:
    """The sentence turns from the match told to the other matches played («Кроме того, в тот
    же игровой день состоялись матчи, в которых...»): a match report's tail of results."""
    return any(k == "матч" and several(sent, pos, k) for k, pos, _ in _kinds_in(sent))


# ... or a person named by first name and surname: «Анна Петрова о Дне села».
_NAMED_ABOUT = re.compile(
    r"^\W*[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+(?:о|об|обо)\s+(?:[а-яё-]+\s+){0,2}$"
)


def _named_about(head: str) -> bool:
    """«Анна Петрова о …»: a person's name (not a town's, «Новый Уренгой о фестивале»)."""
    if not _NAMED_ABOUT.match(head):
        return False
    first, second = re.findall(r"[А-ЯЁа-яё-]+", head)[:2]
    return info(first).first_name or info(second.split("-")[0]).surname


_TITLE_WORD = re.compile(r"[А-Яа-яЁё]+")

# A headline that tells a trip: «Губернатор выезжает в западные районы», «Глава уехал в
# Москву». The gathering the traveller takes part in there («примет участие в конференции») is
# one stop of the trip, which is the story.
_TRIP_TITLE = re.compile(
    r"\b(?:выезжа\w*|выехал\w*|уехал\w*|едет|едут|поехал\w*|отправил(?:ся|ась|ись)"
    r"|отправля\w*|прибыл\w*|прибыва\w*|прилетел\w*|вылетел\w*)\s+в\b",
    re.IGNORECASE,
)
_TAKES_PART = re.compile(r"\b(?:прим(?:ет|ут)|принял[аи]?|принима\w*)\s+участие\s+в\b", re.I)


def _outcome_headline(title: str, stance: Status | None) -> bool:
    """A headline with no gathering and no gathering's cue tells an outcome still ahead
    («Школу отремонтируют к осени») while the one gathering of the body is held («провёл
    совещание»): the meeting that decided it is the occasion. Had the headline told the
    meeting's story, its verb would be past too. (The other way round, a past headline over
    a gathering ahead, is how a step towards it is told: «Проект внесли в думу» over «будет
    рассмотрен на заседании».)"""
    if stance != "held" or any(c.search(title) for c in (_REPORT, _PLAN, _CANCEL, _POSTPONE)):
        return False
    unquoted = _unquoted(title)
    words = _TITLE_WORD.findall(unquoted)
    tenses = {t for w in words if (t := verb_tense(w)) in {"past", "futr"}}
    # «Планы должны быть выполнены в срок», «школу должны сдать к осени»: a duty, ahead too.
    return tenses == {"futr"} or (not tenses and _DUTY.search(unquoted) is not None)


# (A possibility ahead as well: «В области могут начать объединять поселения».)
_DUTY = re.compile(
    r"\bдолжн(?:ы|а|о|ен)\s+(?:быть|[а-яё]+ть)\b|\bмо(?:гут|жет)\s+(?:[а-яё]+ть)\b", re.IGNORECASE
)


_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"")


def _unquoted(title: str) -> str:
    """The headline without its quotations: «Мы будем помнить» quotes a line (a poem, a
    gathering's motto), it tells no outcome ahead. An opening quote never closed runs to the
    end."""
    for _ in range(3):  # nested quotes, innermost first
        title = _QUOTED.sub(" ", title)
    cut = min((i for i in (title.find("«"), title.find('"')) if i >= 0), default=-1)
    return title[:cut] if cut >= 0 else title


# A headline that makes a gathering a regular one ahead: «Форум будут проводить ежегодно»,
# «фестиваль будет проходить каждый год». The decision on a series is the news.
_SERIES_TITLE = re.compile(
    r"\b(?:будут|будет)\s+(?:[а-яё]+\s+){0,1}?(?:проводить(?:ся)?|проходить)\s+(?:[а-яё]+\s+){0,3}?"
    r"(?:ежегодно|каждый\s+год|регулярно|раз\s+в\s+(?:год|два\s+года)|на\s+постоянной\s+основе)\b"
    r"|\b(?:ежегодно|каждый\s+год|регулярно)\s+(?:[а-яё]+\s+){0,3}?(?:будут|будет)\s+"
    r"(?:проводить(?:ся)?|проходить)\b",
    re.IGNORECASE,
)

# Where a headline puts its gatherings: many districts, towns, schools or libraries at once
# («в районах Удмуртии», «во всех городах», «в 60 библиотеках», «пять муниципалитетов
# отмечают»), each with its own gathering.
# (A round of meetings with residents across settlements is one official's tour:
# ``_TOUR_KINDS``; one festival «на пяти площадках» is one gathering with several stages.)
_PLACES_AT_ONCE = re.compile(
    r"\b(?:в|во|по)\s+(?:(?:всех|разных|нескольких|многих|[а-яё-]+(?:ых|их)|\d+"
    r"|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти)\s+){0,2}"
    r"(?:районах|городах|регионах|муниципалитетах|муниципальных\s+образованиях|школах"
    r"|библиотеках|учреждениях)\b"
    r"|\b(?:\d+|пять|шесть|семь|восемь|девять|десять)\s+"
    r"(?:библиотек|школ|районов|городов|муниципалитетов|учреждений)\b",
    re.IGNORECASE,
)
# Other items added after the kind's own clause: «ярмарка пройдёт на площади, а также
# мастер-классы в учреждениях культуры» (the many places are the added items', not the fair's).
_ALSO = re.compile(r",\s+а\s+также\b|;\s")


_TOUR_KINDS = frozenset({"встреча", "собрание", "приём граждан", "отчёт"})


def _many_places(
    title: str, kinds: list[tuple[str, int, int]], best: tuple[float, int, str, int] | None
) -> bool:
    """The headline's gatherings (or, when it names none, the text's) are held in many places
    at once: one in each, no one gathering the text centres on."""
    if any(k in _TOUR_KINDS for k, _, _ in kinds) or (best is not None and best[2] in _TOUR_KINDS):
        return False
    return any(
        not _GUESTS_FROM.search(title, max(0, m.start() - 40), m.start())
        for m in _PLACES_AT_ONCE.finditer(title)
    )


# Where the participants come from, not where the gathering is: «форум с участием
# представителей 43 районов», «собрал команды из 12 районов» (one gathering, guests from many).
_GUESTS_FROM = re.compile(
    r"(?:представител|делегат|делегаци|участник|команд|гост|жител|молод[её]ж|школьник|студент)\w*"
    r"\s+(?:из\s+)?$|\bиз\s+$",
    re.IGNORECASE,
)


def _cue_on_several(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """The headline's verb tells of gatherings quantified as several («отменены все массовые
    мероприятия»), whatever one gathering it names besides («Без фестиваля: ...»)."""
    cues = [m.start() for c in (_CANCEL, _POSTPONE, _REPORT, _PLAN) for m in c.finditer(title)]
    if not cues:
        return False
    cue = min(cues)
    _, start, _ = min(kinds, key=lambda k: abs(k[1] - cue))
    if any(s > start for _, s, _ in kinds):
        return False  # «отменили все мероприятия ко Дню города»: the items of one holiday
    return several(title, start)


# An item of a numbered list: «2. В парке пройдёт праздник».
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")


def _listed(item: str, title_kinds: list[tuple[str, int, int]]) -> bool:
    """A numbered item names a gathering of its own: one of a kind the headline does not name,
    or one with a name in quotes. The clauses of a notice about the headline's one gathering
    («Оповещение о публичных слушаниях»: «1. На публичные слушания выносится проект...», «2. На
    период публичных слушаний открывается экспозиция...») only refer back to it."""
    kinds = _kinds_in(item)
    if not kinds:
        return False
    own = {k for k, _, _ in title_kinds if k not in GENERIC_KINDS}
    return any(k not in own or _name_near(item, pos) for k, pos, _ in kinds)


# A headline «<speaker> о <topic>» with no verb: an interview or a statement. The speaker is
# told by a post («Глава района о ...», «Губернатор: о ...»); up to two words between «о» and
# the gathering («о закрытом совещании»).
_SPEAKER_ABOUT = re.compile(
    r"^[^.!?]{0,60}?\b(?:глав|мэр|губернатор|министр|председател|депутат|директор|руководител"
    r"|начальник|эксперт|прокурор|сенатор|полпред|спикер|ректор|врио|замглав|зампред)\w*"
    r"[^.!?]{0,60}?\s(?:о|об|обо)\s+(?:[а-яё-]+\s+){0,2}$",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(r"[А-Яа-яЁё]+")


def _has_verb(text: str) -> bool:
    return any(verb_tense(w) for w in _TITLE_WORD.findall(text))


def _speaker_about(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """The headline is an official's words about its gathering: «<post> ... о <gathering>», with
    no finite verb and no cue («Мэр рассказал о празднике», «Мэр об отмене фестиваля» may
    report it: the body decides)."""
    if not any(
        _SPEAKER_ABOUT.search(title[:start]) or _named_about(title[:start]) for _, start, _ in kinds
    ):
        return False
    if any(caseless(cue).search(title) for cue in (_REPORT, _PLAN, _CANCEL, _POSTPONE)):
        return False  # «Мэр об отмене фестиваля»: the change is the news
    return not _has_verb(title)


# The parts of a headline: «Пели и плясали: в селе прошёл праздник» states its gathering after
# the colon; the clauses of one part are split at commas and «и».
_HEAD_PART = re.compile(r":\s|\s[—–]\s")
_CLAUSE = re.compile(r",|\s+и\s+")
_ROUNDUP_CLAUSES = 3


def _roundup_headline(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """The headline's gathering is one of three or more clauses, each with its own finite
    verb, listed with commas: what went on over a day («выступали артисты, проводили день
    открытых дверей, убирали парк»), no one gathering."""
    if not kinds:
        return False
    start = kinds[0][1]
    marks = list(_HEAD_PART.finditer(title))
    lo = max((m.end() for m in marks if m.start() < start), default=0)
    hi = min((m.start() for m in marks if m.start() > start), default=len(title))
    clauses = [c for c in _CLAUSE.split(title[lo:hi]) if c.strip()]
    if len(clauses) < _ROUNDUP_CLAUSES:
        return False
    return (
        sum(1 for c in clauses if _has_verb(c) and not _DEPENDENT_CLAUSE.match(c))
        >= _ROUNDUP_CLAUSES
    )


# A clause that is no item of a roundup: a relative or subordinate one about the main clause
# («..., которые были запланированы на субботу»), or the source's credit («..., сообщили в
# администрации»).
_DEPENDENT_CLAUSE = re.compile(
    r"\s*(?:котор|где\b|когда\b|что\b|чтобы\b|так\s+как\b|поскольку\b|хотя\b"
    r"|(?:как\s+)?(?:сообщ|заяв|рассказ|говорит|передал|переда[её]т|пишет|отмети|уточни"
    r"|подчеркну|пояснил))",
    re.IGNORECASE,
)


def _result_headline(title: str) -> bool:
    """The headline tells a result and nothing else of a gathering."""
    if not _RESULT.search(title):
        return False
    rest = _RESULT.sub(" ", title)
    return not (
        caseless(_REPORT).search(rest)
        or caseless(_PLAN).search(rest)
        or caseless(_CANCEL).search(rest)
    )


def _open_quote(sentence: str) -> bool:
    """A "sentence" cut inside quotes («АмурФест. Весна»): not a whole headline. (A guillemet
    closed by a straight quote, «КАЛА-КОРЕЙШ МЕДИА", is closed: sites mix the two.)"""
    opened = sentence.count("«") - sentence.count("»")
    straight = sentence.count('"')
    if opened == 1 and straight % 2 == 1 and sentence.rfind('"') > sentence.rfind("«"):
        return False
    return opened > 0 or straight % 2 == 1


# Page chrome above a headline: a breadcrumb («Вы здесь»), a rubric, a dateline, a rate table.
_RULE_ROW = re.compile(r"^\s*[-|: ]+$")
_LONG_WORD = re.compile(r"[А-ЯЁа-яё]{3,}")


def _table_row(line: str) -> bool:
    """«Валюта | Дата | знач.»: short cells between bars. («В Абакане прошёл фестиваль |
    Новости | Сайт» is a page's own title: its first cell is a sentence.)"""
    cells = line.split("|")
    return len(cells) >= 3 and all(len(c.split()) <= 3 for c in cells)


def _menu_line(line: str) -> bool:
    """«Главное Политика Экономика Общество Культура Спорт»: a site's menu, its items each
    capitalised, with no punctuation of prose."""
    words = line.split()
    if len(words) < _MENU_WORDS or _PROSE_MARK.search(line):
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 0.8 * len(words)


_MENU_WORDS = 5
# An anniversary named: «95-летие», «95 летие» (the hyphen lost), «юбилей».
_ANNIVERSARY_HEAD = re.compile(r"\d\s*-?\s*лети[еяю]\b|\bюбиле[йяю]\b", re.IGNORECASE)
_PROSE_MARK = re.compile(r"[.,:;!?«»\"()\d]")


# A news agency's dateline standing alone: «ВЛАДИВОСТОК, 28 сентября, ФедералПресс.», «МОСКВА,
# 5 мая — РИА Новости.»: the place and the day of the wire, the headline comes after it.
_DATELINE = re.compile(
    r"^\W*[А-ЯЁ][А-ЯЁ-]+(?:\s+[А-ЯЁ][А-ЯЁ-]+)?\s*,\s*\d{1,2}\s+[а-яё]+(?:\s+\d{4}(?:\s+г\.|\s+года)?)?"
    r"\s*(?:[,—–-]\s*)?[^.!?,]{0,40}[.:]?\s*$"
)


_MASTHEAD_CHARS = 40
# An authority's name opening a line: what a municipal or regional site calls itself.
_BODY_NAME = re.compile(
    r"^(?:Администрация|Правительство|Министерство|Департамент|Комитет|Управление|Совет"
    r"\s+депутатов|Собрание\s+депутатов|Дума|Городская\s+дума|Законодательное\s+собрание"
    r")\s+[А-ЯЁа-яё-]+(?:\s+[А-ЯЁа-яё-]+){0,4}\s*$"
)


def _chrome(line: str) -> bool:
    """A line of the page around the article, not its prose: a table row, a credit, a menu,
    or fewer than three words with neither a gathering nor a verb cue («Вы здесь», «16:41, 20
    июня»)."""
    if _table_row(line) or _RULE_ROW.match(line) or _CREDIT.match(line) or _menu_line(line):
        return True
    if line.startswith("#") and all(w.startswith("#") for w in line.split()):
        return True  # «#Сасово #Будьпервым»: the post's tags
    if line[:2].isupper() and _DATELINE.match(line):
        return True  # «ВЛАДИВОСТОК, 28 сентября, ФедералПресс.» standing alone
    # A few words in capitals are a masthead or a rubric («КАЛА-КОРЕЙШ МЕДИА», «НА ПОВЕСТКЕ
    # ДНЯ»), not prose, however long its words: a headline so short still needs a gathering or
    # a cue below.
    masthead = len(line) < _MASTHEAD_CHARS and line.isupper() and len(line.split()) <= 3
    if _kinds_in(line):
        return False  # a gathering
    if _GREETING_HEAD.match(line) and line.rstrip().endswith("!"):
        return False  # «С днём посёлка!»: a greeting's headline, short as it is
    if _BODY_NAME.match(line) and not _has_verb(line):
        # «Администрация Новокузнецкого района», «Совет депутатов Лесного»: a body's name alone,
        # with no predicate, is the site's name above its «Новости», never a headline.
        return True
    if not masthead and len(_LONG_WORD.findall(line)) >= 3:
        return False  # prose
    if _LISTING_TITLE.search(line) and line.strip(" .:").lower() != "новости":
        # A digest's own headline («Новости на 22.02», «Новости Ивановского района»; the bare
        # «Новости» is the site's section over the story's headline).
        return False
    if len(line.split()) >= 2 and _ANNIVERSARY_HEAD.search(line):
        # «95-летие Джанкоя», «Юбилей Тотьмы»: a short headline of an occasion (a rubric
        # «Юбилеи» standing alone is still the page's).
        return False
    return not any(caseless(cue).search(line) for cue in (_REPORT, _PLAN, _CANCEL, _POSTPONE))


def _wrapped(previous: str, sent: str) -> bool:
    """A newspaper column's line break inside a sentence: the line ends without a stop and
    the next goes on in lower case («...заседании депутатского корпуса было» / «рассмотрено...»)."""
    return (
        bool(previous)
        and previous[-1].isalpha()
        and previous[-1].islower()
        and sent[:1].islower()
        and len(previous) < 400
    )


def _merge_quotes(sents: list[str]) -> list[str]:
    """Sentences cut inside a quoted name («Отчизна… Русь… Единая…») or by a column's line
    break joined back, so the name and the verb after it stay one sentence."""
    out: list[str] = []
    for sent in sents:
        if out and ((_open_quote(out[-1]) and len(out[-1]) < 400) or _wrapped(out[-1], sent)):
            out[-1] = f"{out[-1]} {sent}"
        else:
            out.append(sent)
    return out


def _sentences(title: str, text: str) -> tuple[str, list[str]]:
    """(headline, body sentences) as the decision reads them: page chrome above the headline
    skipped, a repeated headline weighed once, quotes cut by the splitter joined back."""
    body_sents = _merge_quotes(list(body_sentences(text)))
    title = title.strip()
    if title.isupper() and len(title.split()) >= 3:
        # «В КУРЧАЛОЕВСКОМ РАЙОНЕ ПРОШЁЛ СУББОТНИК»: a headline in capitals is read as prose
        # (not as a menu of capitalised words).
        title = title.capitalize()
    # The scraped "title" may be the page's chrome: the headline is the first line of prose.
    title = _last_crumb(title)
    skipped = 0
    while body_sents and skipped < _MAX_CHROME and (not title or _chrome(title)):
        if body_sents[0] != title:
            skipped += 1
            title = _last_crumb(body_sents[0])
        body_sents = body_sents[1:]
    # A body that opens with the title repeated (or a breadcrumb ending in it): weigh the
    # title once.
    if body_sents and _bare(_last_crumb(body_sents[0])) == _bare(title):
        body_sents = body_sents[1:]
    # A subheading the lead repeats word for word and goes on from: weigh it once.
    if len(body_sents) > 1 and _repeats(body_sents[0], body_sents[1]):
        body_sents = body_sents[1:]
    if (
        body_sents
        and title.startswith(body_sents[0])
        and len(title) > len(body_sents[0])
        and not _open_quote(body_sents[0])
    ):
        # The "title" is a whole first paragraph: its first sentence is the headline.
        title, body_sents = body_sents[0], body_sents[1:]
    stamp = _STAMP.match(title)
    if stamp and stamp.end() < len(title):
        # «date 2025-11-24 В РТ прошёл форум»: a machine's date stamp glued before the headline.
        title = title[stamp.end() :]
    if body_sents and title[:2].isupper() and _DATELINE.match(title):
        # «ВЛАДИВОСТОК, 28 сентября, ФедералПресс. Во Владивостоке отменили ...»: the wire's
        # dateline opens the paragraph, the sentence after it is the headline.
        title, body_sents = body_sents[0], body_sents[1:]
    # The page's lines between the headline and the story («Новости», «24.04.2023», «Самые
    # читаемые», the headline again): a reader skips them to the lead.
    lines = 0
    while len(body_sents) > 1 and lines < _MAX_CHROME and _chrome(body_sents[0]):
        body_sents, lines = body_sents[1:], lines + 1
    if lines and body_sents[0].strip(" .") == title.strip(" ."):
        body_sents = body_sents[1:]
    elif len(body_sents) > 2 and body_sents[1].strip(" .") == title.strip(" ."):
        # «Обсуждение проблем с депутатом» (a subheading), then the headline again: the page
        # repeats it above the story; the story's lead comes after it.
        body_sents = [body_sents[0], *body_sents[2:]]
    return title, body_sents


_MAX_CHROME = 30  # lines of chrome skipped at most above a headline
# Pictographs a post opens its headline with («⛷ «Хибинская гонка» продолжается»).
_LEADING_SIGNS = re.compile(r"^[\s\u2190-\u2bff\u2e00-\u2e7f\U0001f000-\U0001faff\ufe0f\u200d]+")


def _bare(line: str) -> str:
    """The line as a headline compares: without the pictographs before it, the dot after."""
    return _LEADING_SIGNS.sub("", line).strip(" .")


# A breadcrumb's separator: «Новости и события » Общество » В Алчевске отменили концерт» (a
# closing guillemet has no space before it).
_CRUMB = re.compile(r"\s[»>]\s")
_CRUMBS = 3  # a home page, a rubric, the headline


def _last_crumb(line: str) -> str:
    """The last item of a breadcrumb, the page's own headline: «Главная » Новости » В селе
    прошёл сход» → «В селе прошёл сход» (the line as it is when it has no two separators)."""
    if "»" not in line and ">" not in line:
        return line
    crumbs = _CRUMB.split(line)
    return crumbs[-1].strip() if len(crumbs) >= _CRUMBS else line


# A date stamp in ISO form (a page's metadata, never a reporter's way of writing a date).
_STAMP = re.compile(r"(?:date\s+)?\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s+")


def _repeats(short: str, longer: str) -> bool:
    """``longer`` opens with the whole of ``short`` (ё and е alike): «Глава провёл приём» over
    «Глава провёл приём граждан по личным вопросам, ...»."""
    a = short.strip(" .").lower().replace("ё", "е")
    b = longer.lower().replace("ё", "е")
    return len(a.split()) >= 3 and len(b) > len(a) and b.startswith(a)


# After «мероприятия»: the items of one occasion («Мероприятия ко Дню села», «посвящённые»).
_ITEMS_OF = re.compile(r"\s+(?:ко?\s|в\s+честь|посвящ)", re.IGNORECASE)


def _opens_plural(title: str, start: int, word: str) -> bool:
    """The kind word opens the headline and may be a plural nominative («Мероприятия для
    тотьмичей на новогодние праздники»): a subject, so plural (a singular genitive cannot open
    a headline, but for «Ярмарки не будет»). «Мероприятия ко Дню села» are one holiday's."""
    if title[:start].strip(" «\"'") or "не будет" in title.lower():
        return False
    if _ITEMS_OF.match(title, start + len(word)):
        return False
    return any(
        p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "nomn"
        for p in analyzer().parse(word.lower())
    )


_OCCASION_REACH = 60  # characters after the kind word where its occasion may follow
# One picked out of the plural gatherings after it: «Первый из «праздников районов» прошёл»,
# «Один из концертов фестиваля отменили», «последний из летних балов».
_ONE_OF = re.compile(
    r"(?:^|[\s«\"])(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|последн"
    r"|заключительн|очередн|од(?:ин|на|но|ном|ной|ного|ним|ну)\b)[а-яё]*\s+из\s+[«\"]?"
    r"(?:[а-яё-]+\s+){0,2}$",
    re.IGNORECASE,
)
_FAIR_DAY = frozenset({"ярмарка"})
# One day named: «8 ноября», «в субботу», «на выходных», «в эти выходные».
_ONE_DAY = re.compile(
    r"\b\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
    r"|ноября|декабря)\b|\b(?:в|на)\s+(?:эт[иу]\s+|ближайш\w+\s+)?(?:субботу|воскресенье"
    r"|выходные|выходных)\b",
    re.IGNORECASE,
)


# The plural of a celebration given its one occasion right after it: «празднования,
# посвящённые Дню города», «празднования в честь юбилея села» (one celebration's festivities).
_CELEBRATIONS_OF = re.compile(
    r"празднования\s*,?\s+(?:посвящ[её]нн\w+|в\s+честь|по\s+случаю)\s", re.IGNORECASE
)


# The one tournament whose games the plural «матчи» are: «матчи финального турнира», «матчи
# Кубка губернатора» (not «матчи чемпионата»: a league's season).
_GAMES_OF_ONE = re.compile(
    r"\s+(?:[а-яё]+(?:ого|его)\s+)?(?:турнира|кубка|спартакиады|фестиваля)\b", re.IGNORECASE
)


def _one_fair_day(lead: str) -> bool:
    """The lead names fairs and one day for them, and one only («ярмарки, которые должны были
    пройти 5 апреля»; not «ярмарки 5 и 12 апреля»)."""
    if "ярмар" not in lead.lower():
        return False
    days = _ONE_DAY.findall(lead)
    return len(days) == 1 and _DAYS_JOINED.search(lead) is None


# Two days or more for the fairs: «5 и 12 апреля», «5, 12 апреля».
_DAYS_JOINED = re.compile(r"\b\d{1,2}\s*(?:,|и|—|–|-)\s*\d{1,2}\s+[а-яё]+", re.IGNORECASE)


def _plural_headline(title: str, kinds: list[tuple[str, int, int]], lead: str = "") -> bool:
    """The headline's first countable kind word is plural («праздники», «ярмарок»), and no
    named gathering in the singular holds them: «Концерты и спектакли завершат фестиваль
    «Лето»» are one festival's items. ``lead``: the sentence after the headline."""

    first = next((k for k in kinds if k[0] in COUNTABLE_KINDS), None)
    if first is not None and _ONE_OF.search(title, 0, first[1]):
        return False  # «Первый из «праздников районов» прошёл»: one of the series
    if first is not None and _LOCAL_OCCASION.search(title[: first[1]]):
        return False  # «К 55-летию Энергодара прошли концерты»: one town's celebration
    if first is not None and _LOCAL_OCCASION.search(title, first[2], first[2] + _OCCASION_REACH):
        return False  # «Мероприятия в Архангельске в честь Дня города отменили»: the same
    if first is not None and _FESTIVE_DAY.search(title[: first[1]]):
        return False  # «Праздничный день в Сухуме: концерты, фестивали»: one day's programme
    if (
        first is not None
        and first[0] in _FAIR_DAY
        and (_ONE_DAY.search(title) or _one_fair_day(lead))
        and any(caseless(cue).search(title) for cue in (_CANCEL, _POSTPONE))
    ):
        # «В Барнауле отменили продовольственные ярмарки 8 ноября»: the town's fair day, held
        # at several addresses at once, called off or moved as one (not «отменили ярмарки»
        # with no day: a run of them). The day may come in the lead: «отменили субботние
        # ярмарки» over «ярмарки, которые должны были пройти 5 апреля».
        return False
    if first is not None and _CELEBRATIONS_OF.match(title, first[1]):
        return False  # «стартовали празднования, посвящённые Дню города»: one occasion's
    if first is not None and first[0] == "матч" and _GAMES_OF_ONE.match(title, first[2]):
        return False  # «прошли матчи финального турнира»: one tournament's games
    if first is not None and plural_subject(title, first[1]):
        return True  # «Ярмарки «Выходного дня» пройдут»: the verb agrees with a plural
    if any(
        kind not in GENERIC_KINDS
        and title[end:].lstrip()[:1] in {"«", '"'}
        and not _plural_word(title[start:end].split(maxsplit=1)[0], "", False)
        for kind, start, end in kinds
    ):
        return False
    for kind, start, end in kinds:
        if kind not in COUNTABLE_KINDS:
            continue
        if _TIME_OF.search(title, max(0, start - _TIME_OF_REACH), start):
            continue  # «Во время празднования ... служащие проводили субботники»: the time
        word = title[start:end].split(maxsplit=1)[0]
        if "-" in word or title[end : end + 1] == "-":
            return False  # «фестивалей-конкурсов»: stages of one contest
        parse = analyzer().parse(word.lower())[0]
        if parse.tag.POS == "NOUN":
            if "Pltm" in parse.tag:
                return False  # «дожинки», «проводы»: one gathering with a plural-only name
            # «пройдут сельскохозяйственные ярмарки»: «ярмарки» reads as a singular genitive
            # first; the plural adjective before it tells.
            before = title[:start].split()
            previous = _adjective_across(title[:start]) or (before[-1] if before else "")
            if one_in_plural(word, previous):
                return False  # «народные гуляния»: one festivity
            if _singular_adjective(previous):
                return False  # «в экологической акции»: the adjective agrees in the singular
            return (
                parse.tag.number == "plur"
                or _plural_word(word, previous, kind not in GENERIC_KINDS)
                or _opens_plural(title, start, word)
            )
    return False


# A gathering named as the time of what the headline tells: «Во время празднования Дня
# республики», «после проведения праздничных мероприятий» (its number says nothing of the
# headline's own gatherings).
_TIME_OF = re.compile(
    r"(?:^|[\s,])(?:во\s+время|в\s+ходе|после)\s+(?:[а-яё-]+\s+){0,3}$", re.IGNORECASE
)
_TIME_OF_REACH = 60  # characters before the kind word


def _singular_adjective(word: str) -> bool:
    """The word before a kind word is an adjective in the singular, every reading of it
    («экологической»): its noun is singular too, whatever its own ending reads («акции»)."""
    low = word.lower().strip('.,;:!?«"')
    if len(low) < 4 or low[-2:] not in _SINGULAR_ADJ_ENDINGS:
        return False
    parses = analyzer().parse(low)
    return all(p.tag.POS in {"ADJF", "PRTF"} and p.tag.number == "sing" for p in parses)


# The endings of a singular adjective's oblique forms (a cheap test before the parse).
_SINGULAR_ADJ_ENDINGS = frozenset({"ой", "ей", "ую", "юю", "ом", "ем", "го", "му"})


# Meetings with the residents of places named one by one: «встречи с жителями Ивановки и
# Петровки», «встречи с избирателями в Ключах, Озёрном и Лесном».
_TOUR_STOPS = re.compile(
    r"\b(?:встреч|собрани)\w*\s+с\s+(?:[а-яё]+\s+)?(?:жител|избирател|населени)\w*\s+"
    r"(?:[а-яё]+\s+){0,2}?"
    r"[А-ЯЁ][а-яё-]+(?:\s*,\s*[А-ЯЁ][а-яё-]+)*\s+и\s+(?:[а-яё]+\s+)?[А-ЯЁ][а-яё-]+"
)


def _tour(title: str) -> bool:
    """The headline's meetings are one host's round of the places it names: «Депутат проведёт
    встречи с жителями Ивановки и Петровки» is one trip, told as one gathering (not «Депутаты
    проведут встречи», each host his own, nor «Мэр отменил встречи с горожанами», a series)."""
    m = _TOUR_STOPS.search(title)
    if m is None:
        return False
    for word in _TITLE_WORD.findall(title[: m.start()]):
        tag = analyzer().parse(word.lower())[0].tag
        if tag.POS == "VERB":
            return bool(tag.number == "sing")
    return False


# A headline telling a run of gatherings going on: «В районе продолжаются собрания граждан».
_SERIES_GOES_ON = re.compile(r"\bпродолжа(?:ются|ется)\b", re.IGNORECASE)


# Residents of several places, one meeting in each in a run of them: «встречалась с жителями
# трёх посёлков», «с жителями нескольких сёл».
_OF_MANY_PLACES = re.compile(
    r"\b(?:\d+|дв[уе]х|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|нескольких"
    r"|многих|разных|всех)\s+(?:[а-яё]+\s+)?(?:сёл|сел|деревень|посёлков|поселков|населённых"
    r"|населенных|поселений|микрорайонов|районов|городов|станиц|хуторов|аулов|округов)\b",
    re.IGNORECASE,
)


def _next_of_series(title: str, kinds: list[tuple[str, int, int]], sents: list[str]) -> bool:
    """The headline calls off or moves a run of gatherings («Проведение ярмарок временно
    приостановили») and the lead tells the one next of them, in the singular, called off or
    moved («Ярмарку, которая должна была пройти завтра, отменили»): that one is the story.
    So too a run told going on («продолжаются собрания граждан») over a lead that reports one
    of them held («В клубе села прошло собрание граждан»). The lead's word must be singular in
    every reading («ярмарки» may be plural too)."""
    goes_on = False
    if not any(caseless(cue).search(title) for cue in (_CANCEL, _POSTPONE)):
        goes_on = _SERIES_GOES_ON.search(title) is not None
        if not goes_on:
            return False
    own = {k for k, _, _ in kinds if k not in GENERIC_KINDS}
    for sent in sents[1:3]:
        named = [(k, pos, end) for k, pos, end in _kinds_in(sent) if k in own]
        if named:
            kind, pos, end = named[0]
            stance = sentence_stance(sent, pos, lead=True)
            return (
                _singular_noun(sent[pos:end])
                and not several(sent, pos, kind)
                and not (goes_on and _OF_MANY_PLACES.search(sent, pos))
                and stance is not None
                and (
                    stance[0] == "held" and stance[1]
                    if goes_on
                    else stance[0] in {"cancelled", "postponed"}
                )
            )
    return False


def _singular_noun(said: str) -> bool:
    """The first noun of a kind's words is singular in every reading («ярмарку», «прошло
    собрание»; not «ярмарки», a plural too). A meeting told by its reflexive verb is one when
    the verb is singular: «встречалась с жителями» (one host, one meeting). (Not an impersonal
    plural, «открыли ёлку»: no one's number, the noun's counts.)"""
    for index, token in enumerate(said.split()):
        word = token.lower().strip('.,;:!?«»"')
        parses = analyzer().parse(word)
        if index == 0 and word.endswith(("ся", "сь")) and parses and parses[0].tag.POS == "VERB":
            return bool(parses[0].tag.number == "sing")
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        if nouns:
            return all(p.tag.number == "sing" for p in nouns)
    return True


# A headline that gives someone's words: «Виктор Панов: «Я не признаю скучных фестивалей»».
_SPEECH_TITLE = re.compile(r"^[^«»\"]{3,80}?:\s*[«\"]")


def _speech_of_one(
    title: str, kinds: list[tuple[str, int, int]], sents: list[str], ev: Evidence
) -> bool:
    """The headline's plural gatherings are in the words it quotes, what the speaker holds of
    such gatherings in general, while the lead tells one of that kind in the singular («В этом
    году фестиваль удивит горожан»): that one is the story."""
    m = _SPEECH_TITLE.match(title)
    if m is None or ev.best is None or any(start < m.end() for _, start, _ in kinds):
        return False
    _, neg_index, kind, pos = ev.best
    return (
        1 <= -neg_index <= 2
        and any(k == kind for k, _, _ in kinds)
        and not several(sents[-neg_index], pos, kind)
    )


# A festive day in one town, its items listed after it: «Праздничный день в Сухуме: концерты,
# фестивали и ярмарка», «Праздничный вечер в Ивановке: концерт и салют».
_FESTIVE_DAY = re.compile(
    r"^\W*[Пп]раздничн\w+\s+(?:день|вечер|выходн\w+|суббот\w+|воскресень\w+)\s+в(?:о)?\s+"
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?\s*[:.—–-]"
)

# The shows one performer gives in one town: «Артист отменил концерты в Волгограде», «Певица
# даст два концерта в Казани».
_SHOWS = frozenset({"концерт"})
_IN_TOWN = re.compile(r"\s+(?:[а-яё]+\s+){0,2}?в(?:о)?\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?")


def _engagement(title: str, kinds: list[tuple[str, int, int]]) -> bool:
    """The headline's plural shows are one performer's stay in one town: its subject, the
    first word, is a person («Артист», «Лепс»: animate or a surname), its verb is singular and
    a town follows the shows («отменил концерты в Волгограде»). One engagement, told as one
    gathering (not «Филармония отменила концерты», a season's programme)."""
    first = next((k for k in kinds if k[0] in COUNTABLE_KINDS), None)
    if first is None or first[0] not in _SHOWS or not _IN_TOWN.match(title, first[2]):
        return False
    words = _TITLE_WORD.findall(title[: first[1]])
    if len(words) < 2:
        return False
    subject = analyzer().parse(words[0].lower())[0].tag
    if subject.POS != "NOUN" or subject.number != "sing":
        return False
    if "anim" not in subject and "Surn" not in subject:
        return False
    for word in words[1:]:
        tag = analyzer().parse(word.lower())[0].tag
        if tag.POS == "VERB":
            return bool(tag.number == "sing")
    return False


# The headline's gatherings dedicated to one place's own holiday, its day or its anniversary:
# «К 55-летию Энергодара прошли концерты, выставки», «Ко Дню села в Ивановке прошли ярмарки и
# концерты»: the items of one celebration (not «К 80-летию Победы», held everywhere).
_LOCAL_OCCASION = re.compile(
    r"(?:^|[\s,:])(?:[Кк]о?|[Вв]\s+честь)\s+(?:\d+-?(?:лети[юяе]|летн(?:ему|его)\s+юбиле[юя])\s+"
    r"(?:со\s+дня\s+(?:основания|образования)\s+)?(?:" + _SETTLEMENT + r"|(?!Победы|Великой)"
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?)|(?:юбиле[юя]|[Дд]н(?:ю|я))\s+" + _SETTLEMENT + r")"
)


def _date_span(
    status: Status, best_sentence: str, sents: list[str], ref: date
) -> tuple[DateSpan | None, DateSpan | None]:
    """The event's dates and, for a postponement, the new ones («перенесён на 5 марта»)."""
    span: DateSpan | None = None
    new: DateSpan | None = None
    ahead = status == "announced"
    for sent in [best_sentence, *sents[:12]]:
        spans = find_dates(sent, ref, ahead=ahead) or find_weekdays(sent, ref, ahead=ahead)
        if not spans:
            continue
        if status == "postponed":
            cue = caseless(_POSTPONE).search(sent)
            for s in spans:
                if new is None and cue is not None and s.offset > cue.start():
                    new = s  # «перенесена на 17 июля»
                elif span is None and (cue is None or s.offset < cue.start()):
                    span = s
            if span is not None or new is not None:
                break
            continue
        span = spans[0]
        break
    if span is not None and new is not None and span.start == new.start:
        span = None
    return span, new


# Latin letters that look like Cyrillic ones, typed or scanned into a Russian word: «Cостоялось»
# with a Latin «C» is «Состоялось» to a reader.
_LATIN_TWINS = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
_TWINS = frozenset("AaBCcEeHKMOoPpTXxy")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_CYRILLIC = frozenset("ЁёАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя")
_LETTERS = _CYRILLIC | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _cyrillic(text: str) -> str:
    """``text`` with the Latin look-alikes inside Cyrillic words made Cyrillic, letter for
    letter (offsets stay). A word with a Latin letter that has no Cyrillic twin («iPhoneовский»,
    «Gартии») is left as it is."""
    chars: list[str] | None = None
    done = 0
    for m in _LATIN_RUN.finditer(text):
        start, end = m.span()
        if start < done:
            continue  # the same word
        if not (
            (start > 0 and text[start - 1] in _CYRILLIC)
            or (end < len(text) and text[end] in _CYRILLIC)
        ):
            continue  # a Latin word («iPhone», «https»)
        while start > 0 and text[start - 1] in _LETTERS:
            start -= 1
        done = end
        while done < len(text) and text[done] in _LETTERS:
            done += 1
        word = text[start:done]
        if all(c in _TWINS for c in word if c.isascii()):
            if chars is None:
                chars = list(text)
            chars[start:done] = word.translate(_LATIN_TWINS)
    return text if chars is None else "".join(chars)


# Preparing for a gathering: «готовятся к фестивалю», «подготовка к празднованию».
_PREPARING = re.compile(r"(?:подготовк\w*\s+ко?|готов(?:ит|ят)ся\s+ко?)\b", re.IGNORECASE)


def _preparing(sentence: str, pos: int, neg_index: int) -> bool:
    """The stance of the gathering at ``pos`` comes from a word for preparing for it."""
    if _PREPARING.search(sentence) is None:
        return False
    stance = sentence_stance(sentence, pos, lead=-neg_index <= 1)
    return stance is not None and _PREPARING.match(sentence, stance[2]) is not None


# Getting a gathering ready, right before its word: «подготовить его к празднику», «готовятся
# к фестивалю», «подготовка ко Дню села».
_READYING = re.compile(
    r"\b(?:подготов\w*|готов(?:ит|ят|ить)ся)\s+(?:[а-яё]+\s+){0,2}?ко?\s+(?:[а-яё0-9-]+\s+)?$",
    re.IGNORECASE,
)
_READYING_REACH = 60  # characters before the kind word


def _readied_in_lead(sents: list[str], kind: str) -> bool:
    """A sentence of the lead (after the headline) names the gathering of ``kind`` as what is
    got ready (``_READYING``)."""
    for sent in sents[1:_LEAD_END]:
        if "готов" not in sent.lower():
            continue
        for k, pos, _ in _kinds_in(sent):
            if k == kind and _READYING.search(sent, max(0, pos - _READYING_REACH), pos):
                return True
    return False


# A gathering told as set to take place: «праздник пройдёт на берегу», «откроется в парке».
_SET_FOR = re.compile(
    r"\b(?:пройд[её]т|пройдут|состо(?:ится|ятся)|откро(?:ется|ются)|стартует|начн[её]тся)\b",
    re.IGNORECASE,
)
# A deadline, not a gathering's day: «к 9 мая подготовить программу», «до 1 июня».
_DEADLINE = re.compile(r"\b(?:к|ко|до)\s+$", re.IGNORECASE)


def _dated(sents: list[str], ref: date) -> bool:
    """Some sentence gives a day that is not a deadline («пройдёт 5 мая», not «к 9 мая»)."""
    return any(
        not _DEADLINE.search(sent[max(0, d.offset - 4) : d.offset])
        for sent in sents
        for d in find_dates(sent, ref, ahead=True) or find_weekdays(sent, ref, ahead=True)
    )


# A story abroad: a foreign state named («в Монголии», «во Франции»), read when the text names
# no place in Russia.
_ABROAD = re.compile(
    r"\b(?:Монголи|Кита[ея]|Франци|Германи|Итали|Испани|Португали|Япони|Южной\s+Коре|Турци|США"
    r"|Великобритани|Англи|Норвеги|Швеци|Финлянди|Польш|Чехи|Словаки|Венгри|Австри|Швейцари"
    r"|Бельги|Нидерланд|Канад|Бразили|Аргентин|Мексик|Инди[ия]|Египт|Таиланд|Вьетнам|Казахстан"
    r"|Узбекистан|Киргизи|Кыргызстан|Таджикистан|Туркмени|Беларус|Белорусси|Армени|Грузи"
    r"|Азербайджан|Сербии|Латви|Литв|Эстони|Молдови|Украин)\w*"
)
MAX_ABROAD = 3000  # characters read for a foreign state
# A list of states after «из» before the one matched: where the participants come from
# («спортсмены из России, Украины, Монголии»), not where the contest is.
_FROM_LIST = re.compile(r"\bиз\s+(?:[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+)?\s*(?:,|\sи)\s+)*$")
_FROM_REACH = 120  # characters before a state read for it


def _abroad(src: str) -> bool:
    """A foreign state is named as where something is, not only as where guests come from."""
    return any(
        _FROM_LIST.search(src, max(0, m.start() - _FROM_REACH), m.start()) is None
        for m in _ABROAD.finditer(src, 0, MAX_ABROAD)
    )


# The incident words a gathering's story tells of, not of the pandemic it is called off for.
_PANDEMIC = ("covid", "коронавирус", "заболевш", "заражен")
_INCIDENT_SENTENCES = 3  # sentences of the first ten telling an incident: its story


def _incident_story(sents: list[str]) -> bool:
    """Three of the first ten sentences tell an incident (a fight, hooligans, the injured):
    the gathering is its scene, the incident the story («фестиваль закончился дракой»)."""
    first = sents[:10]
    if caseless(_INCIDENT).search("\n".join(first)) is None:
        return False  # one scan for the common case: no incident at all
    count = 0
    for sent in first:
        m = find_incident(sent)
        if m is not None and not m.group(0).lower().startswith(_PANDEMIC):
            count += 1
    return count >= _INCIDENT_SENTENCES


# A salutation on a line of its own near the top: «Уважаемые односельчане!», «Дорогие земляки!».
_SALUTATION = re.compile(
    r"^[ \t]*(?:Уважаем|Дорог|Милы)[а-яё]+\s+(?:[а-яё-]+\s+){0,3}?[а-яё-]+\s*!+[ \t]*$",
    re.MULTILINE,
)
_SALUTATION_REACH = 600  # characters of the text read for it

# Kinds that gather people once, for a day or two, and the days past which a run of one of
# them is a drive or a consultation, not one gathering: «Общественные обсуждения проходили с 28
# августа по 28 сентября», «С 13 мая по 4 июня пройдёт акция», «С 4 по 12 сентября проходил
# смотр-конкурс подворий» (a commission going round). (Not a festival or an exhibition, which
# may run for a week or a month and still be one.)
_ONCE_KINDS = frozenset({"публичные слушания", "акция", "смотр"})
_DRIVE_DAYS = 7


def _run_for_weeks(sents: list[str], best_sentence: str, kind: str, ref: date) -> bool:
    """A sentence of the lead (or the best one) that names ``kind`` sets it a run of a week or
    more (``_ONCE_KINDS``, ``_DRIVE_DAYS``)."""
    for sent in {*sents[:_CAMPAIGN_LEAD], best_sentence}:
        if not any(k == kind for k, _, _ in _kinds_in(sent)):
            continue
        for d in find_dates(sent, ref):
            if d.end is not None and (d.end - d.start).days >= _DRIVE_DAYS:
                return True
    return False


_PAST_NEW_DATE_DAYS = 60  # a postponement's new date this far before publication has passed


# The text says the day is not known yet: «точную дату не объявили», «дата пока не названа».
_NOT_SET = (
    r"не\s+(?:объявл|объявил|назван|назвал|определ|известн|утвержд|утвердил|установл|назнач"
    r"|сообщ)\w*"
)
_NO_DATE_YET = re.compile(
    r"\bдат[аеуы]?\b[^.!?]{0,50}?\b(?:пока\s+)?"
    + _NOT_SET
    + r"|\b"
    + _NOT_SET
    + r"\s+(?:[а-яё]+\s+){0,2}?дат[аеуы]?\b",
    re.IGNORECASE,
)


def detect_event(
    title: str,
    text: str,
    published: datetime | None,
    *,
    regions: Sequence[RegionMatch] | None = None,
) -> EventFacts | None:
    """The gathering the article centres on, with its status and facts; None when none.

    ``regions``: ``tag_regions(analysed_text(title, text))`` when the caller has it already
    (``bot.analysis``), so the text is not tagged twice.
    """
    if len(text) > MAX_TEXT:
        # Facts sit in the first pages; a huge text must not stall ingestion.
        cut = text.rfind("\n", 0, MAX_TEXT)
        text = text[: cut if cut > MAX_TEXT // 2 else MAX_TEXT]
    title, text = _cyrillic(title), _cyrillic(text)
    if "*" in text and len(_ITEM_RULE.findall(text)) >= _DIGEST_RULES:
        return None  # «Коротко о разном»: short items parted by «* * *», each its own story
    title, body_sents = _sentences(title, text)
    sents = [title, *body_sents] if title else body_sents
    if not sents:
        return None
    ev = weigh(sents)
    if not _is_event(ev, sents):
        return None
    if ev.explicit == 0 and _SALUTATION.search(text, 0, _SALUTATION_REACH):
        # «Уважаемые односельчане! 4 ноября отмечается День народного единства ... желаю»: an
        # address that greets for the day, and no gathering told held or ahead by a cue.
        return None
    status = ev.status()
    best = ev.best_specific or ev.best
    assert best is not None
    _, neg_index, kind, pos = best
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
    if kind in _ONCE_KINDS and _run_for_weeks(sents, best_sentence, kind, ref):
        return None  # «обсуждения проходили с 28 августа по 28 сентября»: a drive of weeks
    span, new = _date_span(status, best_sentence, sents, ref)
    if (
        status == "announced"
        and _preparing(best_sentence, pos, neg_index)
        and not _dated(sents[:12], ref)
        and not any(_SET_FOR.search(sent) for sent in sents[:MAX_DECISION_SENTENCES])
    ):
        # «В районе готовятся к фестивалю», «Подготовка к празднованию продолжается», and no
        # date anywhere: the preparations are the story, not a gathering set for a day.
        return None
    if (
        status == "announced"
        and _readied_in_lead(sents, kind)
        and not _dated(sents[:12], ref)
        and not any(_SET_FOR.search(sent) for sent in sents[:MAX_DECISION_SENTENCES])
    ):
        # «Жителей приглашают отметить День района» ... «А подготовить его к празднику можно
        # уже сейчас: запускают конкурсы»: the lead turns to the preparations, and no day is
        # set anywhere.
        return None
    if (
        published is not None
        and span is not None
        and status == "held"
        and ev.explicit == 0
        and span.start > ref + timedelta(days=1)
    ):
        status = "announced"  # only a verb's tense, and the date is still ahead
    if (
        status == "postponed"
        and published is not None
        and new is not None
        and ref - timedelta(days=_PAST_NEW_DATE_DAYS) <= new.start < ref
        and ev.weights["held"] > 0
    ):
        # «праздник перенесли на 5 августа», told on 18 August with how it went: the
        # gathering moved and has since been held. (A new date far back is a year misread:
        # «перенесли на 15 января» told in December.)
        status = "held"
    if status == "announced" and any(_NO_DATE_YET.search(s) for s in sents[:12]):
        # «Второе празднование планируется в сентябре ... Точную дату мероприятия не
        # объявили»: a plan without its day, not a gathering set for one.
        return None
    if status == "held" and _incident_story(sents):
        return None  # «На празднике появились хулиганы ... устроили драку»: the incident's story
    facts_text = "\n".join(body_sents)
    # The string the region tagger reads (bot.analysis.analysed_text): offsets refer to it.
    src = text if not title or text.lstrip().startswith(title) else f"{title}\n{text}"
    hits = _hits(regions) if regions is not None else _regions_of(src)
    if kind in _SEASON_KINDS and not hits and _abroad(src):
        return None  # «Борец стал победителем турнира ... в Монголии»: sport abroad
    venue = _venue(sents)
    city, city_code = _city(src, hits, venue_named=venue is not None)
    if city is None:
        city = _village(sents)  # a village is where most municipal gatherings happen
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
        venue=venue,
        regions=tuple(codes),
        figures=tuple(find_figures(facts_text)),
        tracks=tuple(_tracks(sents)),
        agreements=tuple(_agreements(body_sents)),
        people=tuple(_people(sents)),
        key=normalize_event_name(name) if name else "",
        status=status,
        new_date=new.start if new else None,
        new_end_date=new.end if new else None,
    )


def event_to_json(ev: EventFacts | None) -> dict[str, Any] | None:
    """The JSON form used by ``python -m bot analyze`` (``summary`` is added by the caller)."""
    if ev is None:
        return None
    return {
        "kind": ev.kind,
        "status": ev.status,
        "name": ev.name or ev.label,
        "date": ev.date.isoformat() if ev.date else None,
        "end_date": ev.end_date.isoformat() if ev.end_date else None,
        "date_text": ev.date_text,
        "new_date": ev.new_date.isoformat() if ev.new_date else None,
        "new_end_date": ev.new_end_date.isoformat() if ev.new_end_date else None,
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
