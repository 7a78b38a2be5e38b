"""Which federal subjects a text names, and in what role: `tag_regions`.

The tagger scans the article body (`bot.text.clean.body_spans`: sidebars and adverts are not
evidence), matches the gazetteer (`bot.text.regions.gazetteer`) on pymorphy3 lemmas (so «в
Абакане», «Хакасией», «Ханты-Мансийского автономного округа — Югры», «в Ковровском районе»
all match), keeps a match only when it names a place (`bot.text.regions.filters`), then:

* splits hyphenated chains of names into places: «рейс Новосибирск-Абакан-Кызыл» names three,
  «автодорога Кировск-Апатиты» two;
* decides homonyms by the text's other places and the source's region (``source_region``):
  Кировск next to Апатиты is in Мурманская область, «Ростов» next to «Ростовский кремль» is
  Ростов Великий; without context a homonym takes its default or is left out (a district
  several regions have, «Красноярский район», is none of them); a district the catalogue
  knows only elsewhere, in a story about a subject whose districts it lacks (Запорожская
  область), is that subject's;
* reads «Московская областная Дума» as Московская область, not Москва, and «управа района
  Северный» (a district board named by the district's own name) as Москва, and a district or
  municipal okrug of Москва or Санкт-Петербург after its kind («муниципального округа
  Даниловский», «МО Чёрная речка», «поселения Сосенское», «управы Бабушкинского района») as
  its city, whatever other region has a district of that name;
* reads Latin look-alikes inside a Cyrillic word as Cyrillic («Cаранск» with a Latin «C»);
* leaves out a place the text puts in an American state, each time it is named («Санкт-
  Петербург во Флориде») and the places listed with it in a sentence about the states, a
  village named like a town in a list of villages («в сёлах Дружба, Елабуга»), a village
  bracketed with another region's district («Плес (Мокшанский район)»), and a village named
  like a small town or a district's centre in a story set in another region («посёлка
  Лунино» of a Калининград district, «ст. Николаевской» in a story about Северная Осетия)
  or among three villages the catalogue does not know, a microdistrict or a street named
  like a district's centre («в микрорайоне Шилово»), and a river named like a town after a
  river's preposition («над Обью»);
* gives each region a role: ``main`` for the regions the story is about or happens in,
  ``mentioned`` for passing mentions (a guest «из Красноярска», the ends of a route across
  regions, «до» them too: «из Улан-Удэ запущен рейс до Томска», but not the two places of a
  round route «Ставрополь-Махачкала-Ставрополь», Moscow as the state, a comparison or a
  rival, a neighbour «на границе с Чечнёй», one name in a list far from the lead, an
  agency's regional dateline over a federal body's news); the homes of both teams of a match
  the title reports are ``main`` (a side the lead calls by its home too: «уступила клубу из
  Екатеринбурга»), and so are the hosts of a visit the title tells of, both parties of an
  agreement or a twinning and the ward of a patronage («подшефному Сватовскому району ЛНР»),
  and where the lead says a match is played or the story's place lies («расположен в
  Татарстане»), but not a venue a relative clause or a recalled earlier story names; in a
  federal story (a federal body, or the country as its subject, leads the title or the lead;
  the lead read to its sentence's end; not a banner «Президент России» for a title, nor a
  participial phrase: «по нацпроекту, инициированному Президентом») with no region in the
  title, only a region the lead names by itself is ``main``, and in a story the title sets
  abroad (or whose lead holds its gathering abroad: «олимпиаде, проходившей в Италии») none
  is; one resident's home («Житель Махачкалы угнал автобус»), a station a train leaves
  («со станций Кандалакша и Кемь»), a sentence opening with «Ранее», a speaker's region («С
  докладом выступит губернатор …») and the two sides of a border a place lies on are passing;
  a gathering moved «из» one town «в» another happens in the second; in an overview set in
  the whole country («В России начали отменять концерты») every region named as a data point
  is ``main``, but not the cause «на фоне ситуации в Курской области»; guests the title says
  arrive («В Крым прибыл калмыцкий хотон») are its subject, ``main`` with their hosts; a list
  of three regions or more after «жителей», told as a gathering's guests, is its public's homes.

Federal districts and macro-regions (ПФО, Сибирь, Урал, Поволжье) and «Россия» are not in the
catalogue. Region numbers count only next to «регион» in the singular («19 регион», «регион
19», «19-й регион»), never bare or as a count («из 89 регионов»).

Results are ordered by the position of each region's first evidence.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from bot.text.catalogue import REGIONS, by_code
from bot.text.catalogue_data import ABBREVIATION_NAMESAKES, CLOSED_TOWNS
from bot.text.clean import body_spans
from bot.text.morph import analyzer, fold, info
from bot.text.regions.filters import (
    DROP,
    STRONG,
    VILLAGE_CUES,
    WEAK,
    Hit,
    after_street_word,
    after_village_word,
    cue,
    ethnic_use,
    instrumental_place,
    is_person,
    keep,
    lem,
    match_at,
    number_hit,
    org_quote,
    rare_cues,
    village_cue,
    village_list,
    villages_of,
)
from bot.text.regions.gazetteer import (
    MISSPELT_MIN,
    TOWN_ADJ_OTHER,
    Entry,
    Gazetteer,
    centre_adjectives,
    centre_codes,
    district_adjectives,
    feminine_bases,
    gazetteer,
    masculine_bases,
    may_match,
    misspelt_capital,
    name_centre_codes,
    village_word,
)
from bot.text.regions.homonyms import homonym_hints
from bot.text.regions.lexicon import (
    ARRIVAL,
    COUNTRIES,
    DISTRICT_ADJ,
    DISTRICT_NOUNS,
    ELECTORAL,
    ETHNIC,
    ETHNONYMS,
    FOREIGN,
    LIST_HEADS,
    OBLAST_ADJ,
    OFFICES,
    PLACE_OF,
    REGION_NUM,
    RIVER_TOWNS,
    ROAD_WORDS,
    ROUTE_WORDS,
    SEND_VERBS,
    SETTLEMENT,
    STATES_ABROAD,
    VISITORS,
)
from bot.text.regions.model import Evidence, RegionMatch, Role
from bot.text.regions.phrases import (
    closed_town_title,
    phrase_at,
    rural_district_at,
    rural_line,
    stanitsa_at,
)
from bot.text.regions.tokens import Quote, Word, tokens
from bot.text.towns import city_districts, districts, towns_by_name

__all__ = ["find_hits", "tag_regions"]

# «Московская областная Дума», «Ленинградский областной суд»: the city's adjective before
# «областной» names the oblast around it.
_CITY_TO_OBLAST = {"RU-MOW": "RU-MOS", "RU-SPE": "RU-LEN"}
# Where the lead ends: evidence before it weighs more for the role.
_LEAD = 300
# A first line this short is a title: a region named there is what the story is about.
_TITLE = 160


def _combining(part: str) -> bool:
    """«Ново», «Старо», «Нижне»: the first part of a compound name («пост Ново-Мариинск»), a
    short adjective, not a place of its own."""
    return bool(analyzer().parse(part)[0].tag.POS == "ADJS")


def _splitter(gaz: Gazetteer) -> Callable[[str, str], list[str] | None]:
    first = gaz.first_lemmas

    def known(part: str) -> bool:
        return part in gaz.abbreviations or not info(part).lemmas.isdisjoint(first)

    def place(part: str) -> bool:  # a place, not an adjective («ул. Абаканская-Гагарина»)
        return known(part) and not info(part).adjective and not _combining(part)

    def split(token: str, previous: str = "") -> list[str] | None:
        """«Новосибирск-Абакан-Кызыл» -> its places; «Ак-Довурак-Абаза» -> «Ак-Довурак»,
        «Абаза»; one name («Улан-Удэ», «Горно-Алтайска», «Ростов-на-Дону») -> None. After a
        word of a route or a road (``previous``), one known place and one unknown name are a
        route too: «поезда Иркутск-Наушки» (to a village or a station the catalogue lacks)."""
        parts = token.split("-")
        if not all(p[:1].isupper() for p in parts):
            return None  # «Ростов-на-Дону», «Москва-река»
        if known(token):
            return None
        segments: list[str] = []
        found = 0
        k = 0
        while k < len(parts):
            for q in range(len(parts), k, -1):  # the longest known piece first
                piece = "-".join(parts[k:q])
                if (q - k < len(parts)) and known(piece):
                    segments.append(piece)
                    found += place(piece)
                    k = q
                    break
            else:
                if segments and not known(segments[-1]):
                    segments[-1] += "-" + parts[k]  # unknown pieces stay together
                else:
                    segments.append(parts[k])
                k += 1
        if found < 2 and not (
            found == 1
            and len(segments) == 2
            and all(len(p) > 2 and not _combining(p) for p in segments)
            and not info(previous).lemmas.isdisjoint(_ROUTE_OR_ROAD)
        ):
            return None
        return segments

    return split


def _hyphen_name(gaz: Gazetteer) -> Callable[[str], bool]:
    """Whether a hyphenated word is one name of the catalogue («Урус-Мартановском», «Урус-
    Мартан») or of `Gazetteer.villages` («Алхан-Юрт»): see `bot.text.regions.tokens`."""
    first = gaz.first_lemmas
    villages = gaz.villages

    def name(word: str) -> bool:
        return not info(word).lemmas.isdisjoint(first) or fold(word) in villages

    return name


# The words before a route's ends: «поезда Иркутск-Наушки», «трассы Кызыл-Эрзин».
_ROUTE_OR_ROAD = ROUTE_WORDS | ROAD_WORDS
_PLAIN_MAX = 200_000  # words in Gazetteer.plain before it starts over


def find_hits(text: str, spans: list[tuple[int, int]]) -> list[Hit]:
    """Every kept mention in ``text[start:end]`` of the spans, in text order."""
    gaz = gazetteer()
    if _MIXED.search(text):
        text = _MIXED_WORD.sub(_cyrillic, text)  # «Cаранск» with a Latin «C»; same offsets
    if "\u2011" in text or "\u2010" in text:
        # «Санкт‑Петербург» typeset with a non-breaking hyphen: the hyphen of the name
        text = text.translate(_HYPHENS)
    all_spans = spans
    spans = [(a, b) for a, b in spans if may_match(line := text[a:b], gaz) or rural_line(line)]
    words, quotes = tokens(text, spans, _splitter(gaz), _hyphen_name(gaz))
    hits: list[Hit] = []
    first_lemmas = gaz.first_lemmas
    single_words = gaz.single_words
    folded = fold(text)  # (the anniversary and tragedy cues, namesakes, closed towns)
    villages: set[str] = set()  # town names this text used for a village («хутор Бородино»)
    seasons: set[str] = set()  # common nouns this text used for a season («провожали Зиму»)
    bare: list[int] = []  # villages' names with no village word before them
    hamlets: set[str] = set()  # district centres' names this text gave a «деревня»
    i = 0
    n = len(words)
    plain = gaz.plain
    history, victims = rare_cues(folded)  # (most texts: no anniversary, no tragedy)
    while i < n:
        w = words[i]
        t = w.text
        if t in plain:
            i += 1  # the common case, remembered: no catalogue form or name starts here
            continue
        if t[0].isdigit() or ("-" in t and REGION_NUM.match(t)):
            hit = number_hit(words, i, gaz)
            if hit is not None:
                hits.append(hit)
            i += 1
            continue
        abbr = gaz.abbreviations.get(t)
        if abbr is not None and not org_quote(words, quotes, i):
            codes, weak = abbr
            if weak and len(codes) == 1 and _after_office(words, i):
                weak = False  # «министр по делам молодёжи РД»: the region's office
            hits.append(
                Hit(
                    codes,
                    "abbreviation",
                    w.start,
                    w.end,
                    weak,
                    cue=cue(words, i, i + 1, codes, "", history=history, victims=victims),
                )
            )
            hits[-1].chain = w.chain
            i += 1
            continue
        if info(t).lemmas.isdisjoint(first_lemmas):
            single = single_words.get(t)
            if single is not None:
                if (
                    single[1] == "name"
                    or not w.cap
                    or w.sent_start
                    or (w.start and text[w.start - 1] == "#")  # «#ГорноАлтайск»
                ) and not _club_people(text, t):
                    # «ростовчане» (a capital mid-sentence is a name: a club, a car), «#ЯмалРегион»
                    codes = (single[0],)
                    hit_cue = cue(
                        words, i, i + 1, codes, single[1], history=history, victims=victims
                    )
                    hits.append(
                        Hit(codes, single[1], w.start, w.end, False, None, hit_cue, w.chain)
                    )
            elif w.start and text[w.start - 1] == "#":
                tag = _hashtag(w, gaz)
                if tag is not None:
                    hits.append(tag)
            elif w.cap and centre_codes(t):
                codes = _centre(text, words, quotes, i)
                if codes:  # (never remembered as plain: the words before it decide)
                    hit_cue = cue(words, i, i + 1, codes, "town", history=history, victims=victims)
                    hits.append(
                        Hit(codes, "town", w.start, w.end, len(codes) > 1, None, hit_cue, w.chain)
                    )
                    hits[-1].village = after_village_word(text, words, i)
                    if _hamlet_word(text, words, i) and fold(t) not in gaz.villages:
                        hamlets |= _name_keys(t)
            elif w.cap and name_centre_codes(t):
                # (never remembered as plain: «Ольга» is a person but for «пгт Ольга»)
                if i and after_village_word(text, words, i):
                    codes = name_centre_codes(t)
                    hit_cue = cue(words, i, i + 1, codes, "town", history=history, victims=victims)
                    hits.append(
                        Hit(codes, "town", w.start, w.end, len(codes) > 1, None, hit_cue, w.chain)
                    )
                    hits[-1].village = True
            elif w.cap and village_word(t, gaz):
                # (never remembered as plain: the word before it decides)
                village_hit = _village_at(text, words, i, gaz, history=history, victims=victims)
                if village_hit is not None:
                    hits.append(village_hit[0])
                    i = village_hit[1]
                    continue
                if not w.sent_start and not w.shout and w.quote < 0:
                    bare.append(i)  # (a village's name with no village word: in a list?)
            elif w.cap and len(t) >= MISSPELT_MIN and (misspelt := misspelt_capital(t)) is not None:
                # «Санкт-Петерубрг»: a capital's name with a slip of the pen, as a reader reads
                # it (never remembered as plain: a hit)
                codes, kind = (misspelt[0],), misspelt[1]
                hit_cue = cue(words, i, i + 1, codes, kind, history=history, victims=victims)
                hits.append(Hit(codes, kind, w.start, w.end, False, None, hit_cue, w.chain))
            elif abbr is None and _CAMEL_HEAD.match(t) is None:
                # Remembered as plain (an abbreviation depends on its quote, a CamelCase word
                # on a «#» before it: those are read again each time).
                if len(plain) >= _PLAIN_MAX:
                    plain.clear()
                plain.add(t)
            i += 1  # the common case: no catalogue form starts with this word
            continue
        if info(t).adjective and w.cap:
            head = _city_districts(words, i)
            if head is not None:
                i = head  # a city's districts, whatever region's districts share their names
                continue
        listed = _listed(text, words, i, gaz) if info(t).adjective else None
        if listed is not None and listed[0] is None and not listed[1]:
            i += 1  # «в Дзержинском, Ленинском и Советском районах»: districts we do not know
            continue
        found = (listed[0], i + 1) if listed is not None and listed[0] is not None else None
        if found is not None:
            full = match_at(words, i, gaz)
            if full is not None and len(full[0].words) > 2:
                found = full  # «Корсаковского городского округа»: one name, not a list
        upgrade = listed is not None and listed[1]
        stanitsa = False
        if (
            found is None
            and i
            and words[i - 1].text.startswith(_ST)  # («станица», «ст.»: most words not)
            and (centre := stanitsa_at(text, words, i, gaz)) is not None
        ):
            found = centre, i + 1  # «станицы Кавказской»: the centre of Кавказский район
            stanitsa = True
        if (
            found is None
            and i
            and i + 1 < len(words)
            and words[i + 1].cap
            and words[i + 1].glued_prev
            and w.cap
            and village_word(t, gaz)
        ):
            # «в селе Белая Глина»: a village's name of two words, not the town «Белый»
            village_hit = _village_at(text, words, i, gaz, history=history, victims=victims)
            if village_hit is not None and village_hit[1] > i + 1:
                hits.append(village_hit[0])
                i = village_hit[1]
                continue
        if (
            found is None
            and w.cap
            and fold(t) in gaz.villages
            and not info(t).adjective
            and village_cue(text, words, i) is not None
        ):
            # «в селе Кадниково»: a village's own name, as written, after a village word is
            # the village, not a form of a town it resembles (Кадников; the catalogue's
            # villages are named like no town). Not an adjective's name («в с. Татарское»):
            # many villages share those.
            village_hit = _village_at(text, words, i, gaz, history=history, victims=victims)
            if village_hit is not None:
                hits.append(village_hit[0])
                i = village_hit[1]
                continue
        if found is None:
            found = phrase_at(words, i, gaz) or match_at(words, i, gaz)
        if (found is None or found[1] == i + 1) and i + 1 < n and words[i + 1].text in _SHORT_KINDS:
            short = _abbreviated_district(words, i, gaz)
            if short is not None:
                found = short  # «Старобешевского м.о.», «Ковровского р-на»
        if found is None:
            rural = rural_district_at(words, i, gaz)
            village_hit = None
            if rural is None and w.cap and village_word(t, gaz):
                village_hit = _village_at(text, words, i, gaz, history=history, victims=victims)
            if village_hit is not None:  # «в селе Старая Тойда»: no catalogue form starts here
                hits.append(village_hit[0])
                i = village_hit[1]
                continue
            if rural is not None:  # «в валдайском селе»: a village of the town's district
                codes = rural.codes
                hits.append(
                    Hit(
                        codes,
                        "district",
                        w.start,
                        w.end,
                        rural.weak,
                        rural,
                        cue(words, i, i + 1, codes, "district", history=history, victims=victims),
                        w.chain,
                    )
                )
            i += 1
            continue
        e, j = found
        verdict = keep(text, words, quotes, e, i=i, j=j, listed=listed is not None)
        if verdict == DROP and e.kind == "adjective" and j == i + 1 and w.cap:
            town = _town_ablative(words, i, gaz)
            if town is not None:  # «вслед за Орском»: the town, not a substantivised «орский»
                e = town
                verdict = keep(text, words, quotes, e, i=i, j=j)
        # «деревни Поварово»; a stanitsa read as its district's centre is a village too
        village = stanitsa or (e.kind == "town" and after_village_word(text, words, i))
        if e.kind == "town" and not village and village_list(text, words, i):
            village = True  # «в сёлах Дружба, Ильинка, Елабуга»
            if e.real_town:
                verdict = DROP
        if (
            verdict != DROP
            and e.kind == "name"
            and (len(e.words) == 1 or "nomn" in info(t).cases)
            and after_village_word(text, words, i)
            and not villages_of(words, i)
            and not _region_then_village(words, i, j)
        ):
            # «деревня Москва», «в посёлке Алтай», «в посёлок Южный Урал»: a village named
            # like a region (not «сёл Бурятии», the region's villages, nor «посёлки Ханты-
            # Мансийского округа»: a name of words in apposition is in the nominative), in
            # every mention of the name
            verdict = DROP
            villages.add(e.surface)
        if (e.real_town or e.kind == "name") and e.surface in villages:
            verdict = DROP  # «хутор Бородино … в Бородино»: still the village
        elif verdict == DROP and e.real_town and village:
            villages.add(e.surface)
            other = _other_centre(e, gaz)
            if other:
                # «п. Ровеньки»: a town's name given to a village is the centre of a district
                # named after it elsewhere, when there is one (Ровеньский район), not the town
                hit_cue = cue(words, i, j, other, "town", history=history, victims=victims)
                hits.append(
                    Hit(other, "town", w.start, words[j - 1].end, len(other) > 1, None, hit_cue)
                )
                hits[-1].village = True
        if (
            verdict != DROP
            and e.real_town
            and e.name in RIVER_TOWNS
            and (
                (i > 0 and w.glued_prev and fold(words[i - 1].text) in _ON_RIVER)
                or (
                    _WATER.search(folded) is not None
                    and (
                        (i > 0 and w.glued_prev and bool(lem(words[i - 1]) & _RIVER_PARTS))
                        or not _named_as_town(words, e.name)
                    )
                )
            )
            and not (i > 0 and w.glued_prev and lem(words[i - 1]) & SETTLEMENT)
        ):
            # «уровень воды в Оби», «ледоход на Печоре», «полёты над Обью» (a town is «в Оби»):
            # the river, not the town
            verdict = DROP
        if (
            verdict != DROP
            and e.kind == "adjective"
            and e.weak
            and len(e.codes) == 1
            and j < n
            and words[j].glued_prev
            and "столица" in lem(words[j])
        ):
            upgrade = True  # «в карельской столице»: a people's adjective, the republic's capital
        if upgrade and verdict != DROP:
            verdict = STRONG  # «Башкирской и Татарской автономных республик»
        if verdict != DROP and e.foreign and _foreign_story(folded, e.foreign):
            verdict = DROP  # Петропавловск in a text about Kazakhstan
        if (
            verdict != DROP
            and e.common
            and j == i + 1
            and i > 0
            and w.glued_prev
            and info(words[i - 1].text).verb
            and "accs" in info(w.text).cases
        ):
            verdict = DROP  # «провожая Зиму», «встречая Весну»: the season, not the town
            seasons.add(e.surface)
        if (
            verdict != DROP
            and "RU-MOW" in e.codes
            and _CLOCK.search(text, max(0, w.start - 30), w.start)
        ):
            verdict = DROP  # «в 14.00 по Москве»: Moscow time, not the city
        if verdict != DROP and e.surface in CLOSED_TOWNS:
            closed = closed_town_title(words, i) or (
                ("закрыт" in folded or "зато" in folded) and bool(_CLOSED_TOWN.search(folded))
            )
        else:
            closed = False
        if closed:
            # «ЗАТО Заречный», «в закрытом городе»: the closed town, not its open namesake
            e = replace(e, codes=(CLOSED_TOWNS[e.surface],), homonym=False, weak=False)
        if verdict != DROP:
            weak = (e.weak and not upgrade) or verdict == WEAK
            if (
                weak
                and verdict == STRONG
                and e.kind == "town"
                and len(e.codes) == 1
                and i > 0
                and w.glued_prev
                and lem(words[i - 1]) & SETTLEMENT
            ):
                weak = False  # «в городе Галиче», «города Лесного»: named a town, it is one
            if village and not e.real_town and not stanitsa:
                weak = True  # villages share names: a catalogued one counts with support
            codes = e.codes
            kind = e.kind
            end = words[j - 1].end
            if (
                kind == "adjective"
                and w.cap
                and j < n
                and words[j].glued_prev
                and lem(words[j]) & DISTRICT_NOUNS
            ):
                kind, end = "district", words[j].end  # «в Ковровском районе»
            if e.kind == "adjective" and j < n and words[j].glued_prev:
                oblast = [_CITY_TO_OBLAST[c] for c in codes if c in _CITY_TO_OBLAST]
                if oblast and lem(words[j]) & OBLAST_ADJ:
                    codes, weak = tuple(oblast), False
            hits.append(
                Hit(
                    codes,
                    kind,
                    w.start,
                    end,
                    weak,
                    e,
                    cue(words, i, j, codes, e.kind, history=history, victims=victims),
                    w.chain,
                    village,
                )
            )
        i = j
    if villages:  # «в Бородино … хутор Бородино»: the earlier mention is the village too
        # and so is the town's adjective: «в Бабаевском доме культуры … деревни Бабаево»
        adjectives = {a for v in villages for a in district_adjectives(v)}
        # («Часть Отрадного … посёлка Отрадное»: «Отрадного» is the village's form too, not
        # the town Отрадный's alone; the town's own nominative still names it)
        lemmas = {x for v in villages for x in info(v).lemmas}
        hits = [
            h
            for h in hits
            if h.entry is None
            or (
                h.entry.surface not in villages
                and not (h.kind == "adjective" and h.entry.name in adjectives)
                and not (
                    h.entry.real_town
                    and h.entry.gender
                    and h.entry.words[0] & lemmas
                    and fold(text[h.start : h.end]) != fold(h.entry.surface)
                )
            )
        ]
    if seasons:
        # «провожали Зиму … Зима провела конкурсы … чучело Зимы»: once the text sees the season
        # off, its other mentions are the season personified too, not the town (unless the
        # town is called one: «из города Зимы»)
        hits = [
            h
            for h in hits
            if h.entry is None
            or h.entry.surface not in seasons
            or _TOWN_WORD_BEFORE.search(text, max(0, h.start - 12), h.start)
        ]
    if hamlets:
        # «в деревне Елани … В Еланях»: a district's centre is a town, a settlement or a
        # «село»; a «деревня» named like one is a namesake, in its every mention
        hits = [
            h
            for h in hits
            if not (
                h.entry is None
                and h.kind == "town"
                and not hamlets.isdisjoint(_name_keys(text[h.start : h.end]))
            )
        ]
    if len(bare) > 1:
        hits = _bare_villages(text, words, bare, gaz, hits)
    if any(h.village and h.entry is None for h in hits):
        _village_throughout(text, hits)
    if any(w in text for w in _VILLAGE_STEMS):
        hits = _district_villages(text, all_spans, hits, gaz)
    if "ельск" in text or "ельсовет" in text or "поссовет" in text or "оселени" in text:
        hits = _rural_councils(text, all_spans, hits, gaz)
    if "прав" in text:
        hits = _moscow_boards(text, all_spans, hits)
    if any(h.kind == "adjective" and h.entry is not None and h.entry.name in _PEOPLE for h in hits):
        hits = _people_adjectives(words, hits)
    if "униципальн" in text or "МО" in text or "оселени" in text or "прав" in text:
        hits = _federal_city_parts(text, all_spans, hits, gaz)
    if any(h.kind == "adjective" for h in hits):
        hits = _eponyms(text, hits)
    if any(h.kind == "district" for h in hits) and any("RU-MOW" in h.codes for h in hits):
        _moscow_districts(hits)
    if "прдор" in text:
        hits = [h for h in hits if not _road_agency(text, h)]
    if "оселени" in text and any(h.kind == "district" for h in hits):
        hits = _settlements_elsewhere(text, hits)
    return _drop_namesakes(text, hits)


# «лыжники из России, Украины, Белоруссии»: where guests come from, not where the story is
_FROM_LIST = re.compile(r"\bиз\s+(?:[\w-]+(?:\s*,\s*|\s+и\s+))*$")
_WORD_START = re.compile(r"[\w-]*$")


def _foreign_story(folded: str, markers: frozenset[str]) -> bool:
    """Whether the (folded) text names the foreign namesake's country or bodies, other than
    as where guests come from: «из Белоруссии» leaves Кировск in Мурманская область."""
    for f in markers:
        at = folded.find(f)
        while at >= 0:
            start = _WORD_START.search(folded, max(0, at - 30), at)
            word = start.start() if start else at
            if not _FROM_LIST.search(folded, max(0, word - 120), word):
                return True
            at = folded.find(f, at + len(f))
    return False


# «туранцы»: the «-цы» plural's stem, «Туран», as a quoted name in the text.
_PEOPLE_CY = re.compile(r"(\w{3,}?)ь?ц(?:ы|ев|ам|ами|ах)")


def _club_people(text: str, word: str) -> bool:
    """«Футболисты «Турана» уступили, туранцы пропустили…»: a town's people in «-цы» in a
    text that quotes the town's name are a club's players or fans, not the town's."""
    m = _PEOPLE_CY.fullmatch(word.lower())
    if m is None or "«" not in text:
        return False
    stem = m.group(1)
    return f"«{stem[:1].upper()}{stem[1:]}" in text


# «в волоконовском селе», «ивнянской деревни»: a district's adjective in lower case before a
# village noun says the village's district.
# (Found from the noun back: a search from every word for an adjective cost ten times more.)
_VILLAGE_NOUN = re.compile(r"\s(?:сел[оаеу]|сел[оа]м|сёл|деревн|посёл|посел|хутор|станиц|аул)")
_ADJ_BEFORE = re.compile(r"\b([а-яё]{4,}ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими))\s+$")


# Adjectives of districts that name something else first: a town abroad («в одесском селе
# под Измаилом», «оршанской деревни»), a historical land, an area by a river, a lake, a sea or
# mountains («верхнекамском посёлке» of Perm krai too), a church feast («успенском»).
_VILLAGE_ADJ_ELSEWHERE = frozenset(
    [
        *("одесский", "полтавский", "оршанский", "тбилисский", "нововаршавский", "варненский"),
        *("хивский", "таврический", "калевальский", "онежский", "верхнекамский", "успенский"),
        *("приазовский", "прибайкальский", "приуральский", "прикубанский", "прионежский"),
        "приаргунский",
    ]
)


_VILLAGE_STEMS = ("сел", "сёл", "деревн", "посёл", "посел", "хутор", "станиц", "аул")


def _district_villages(
    text: str, spans: list[tuple[int, int]], hits: list[Hit], gaz: Gazetteer
) -> list[Hit]:
    """``hits`` with the districts said by a lower-case adjective before a village noun
    added: an adjective of one region's district named after its centre
    (`Gazetteer.centres`), not one from a common noun («горном селе», «шахтёрском посёлке»:
    the dictionary knows the stem)."""
    found: list[Hit] = []
    for a, b in spans:
        for noun in _VILLAGE_NOUN.finditer(text, a, b):
            m = _ADJ_BEFORE.search(text, max(a, noun.start() - 40), noun.start() + 1)
            if m is None or any(h.start <= m.start() < h.end for h in hits):
                continue
            for lemma in info(m.group(1)).lemmas:
                codes = gaz.centres.get(lemma, ())
                if (
                    len(codes) == 1
                    and lemma.endswith("ский")
                    and lemma not in ETHNIC
                    and lemma not in TOWN_ADJ_OTHER  # «в неманском селе»: the river's
                    and lemma not in _VILLAGE_ADJ_ELSEWHERE
                    and not analyzer().word_is_known(lemma[:-4])
                ):
                    found.append(Hit(codes, "district", m.start(), m.end(1), False))
                    break
    return sorted([*hits, *found], key=lambda h: h.start) if found else hits


def _settlements_elsewhere(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` without a settlement named like another region's district («Кусинское
    поселение») when its sentence names a district of a region of its own («… среди сельских
    поселений Киришского района»): settlements share their names across the country, and
    the district named with it says which one. Not when the text names the settlement's
    region by something else too, nor a district named but not in the genitive («Кусинское
    поселение и Киришский район»: two parties)."""
    settlements = [h for h in hits if h.kind == "district" and _settlement(text, h)]
    if not settlements:
        return hits
    dropped: set[int] = set()
    for h in settlements:
        if any(set(h.codes) & set(o.codes) for o in hits if o not in settlements):
            continue
        start = max(text.rfind("\n", 0, h.start), text.rfind(". ", 0, h.start)) + 1
        end = _sentence_end(text, h.end)
        if any(
            o.kind == "district"
            and start <= o.start < end
            and not set(h.codes) & set(o.codes)
            and "gent" in info(text[o.start : o.end].split(maxsplit=1)[0]).cases
            for o in hits
            if o is not h
        ):
            dropped.add(id(h))
    return [h for h in hits if id(h) not in dropped]


def _settlement(text: str, h: Hit) -> bool:
    """Whether a district hit is a settlement («Кусинское поселение»), not a district."""
    last = text[h.start : h.end].rsplit(maxsplit=1)[-1]
    return "поселение" in info(last).lemmas


# A federal road directorate named after its road: «ФКУ Упрдор Москва – Бобруйск», «Упрдор
# «Москва – Нижний Новгород»» (up to three capitalised words of the road's ends before a hit).
_ROAD_AGENCY = re.compile(r"[Уу]прдор\w*\s+[«\"]?(?:[А-ЯЁ][\w-]*\s*(?:[-–—]\s*)?){0,3}$")


def _road_agency(text: str, h: Hit) -> bool:
    """Whether the hit is a place in a road directorate's name: the organisation's name, whose
    road runs through many regions, says nothing of where the story is."""
    return (
        h.kind in ("name", "town")
        and _ROAD_AGENCY.search(text, max(0, h.start - 60), h.start) is not None
    )


def _hamlet_word(text: str, words: list[Word], i: int) -> bool:
    """Whether words[i] follows «деревня» or «д.»."""
    if i == 0:
        return False
    prev = words[i - 1]
    gap = text[prev.end : words[i].start].strip()
    if not gap:
        return "деревня" in lem(prev)
    return gap == "." and fold(prev.text) in ("д", "дер")


def _name_keys(name: str) -> frozenset[str]:
    """The lemmas a place's name may stand for («Тахту»: «тахта»), a name of several words
    as it stands."""
    return info(name).lemmas if " " not in name else frozenset([fold(name)])


def _village_throughout(text: str, hits: list[Hit]) -> None:
    """A name the text once gave a village («селами Сусанино и Тахта») is that village in
    its other mentions too («почту в Сусанино доставляют»): a district's centre named so
    elsewhere (`_centre`) is marked a village, for `_village_namesakes` to weigh."""
    names: set[str] = set()
    for h in hits:
        if h.village and h.entry is None and h.kind == "town":
            names |= _name_keys(text[h.start : h.end])
    for h in hits:
        if (
            h.entry is None
            and h.kind == "town"
            and not h.village
            and not names.isdisjoint(_name_keys(text[h.start : h.end]))
        ):
            h.village = True


# A rural municipality named by an adjective: «Таштыпский сельсовет», «Матурского сельского
# совета», «Лыхминское сельское поселение», and a village's own institutions: «в
# Байгускаровском сельском доме культуры» (found by its head, then the adjective before it).
_COUNCIL_HEAD = re.compile(
    r"(?:сельсовет|поссовет|(?:сельск|поселков)\w*\s+(?:совет|округ)"
    r"|сельск\w*\s+(?:поселени|администрац|дом\w*\s+культуры|клуб|библиотек)|поселени)\w*"
)
# (a village of two words gives a compound: «Верхне-Тебердинского поселения»)
# (and its hyphen typed with a space: «Перво- Чурашевского поселения»)
_COUNCIL_ADJ = re.compile(
    r"([А-ЯЁ][а-яё]+(?:- ?[А-ЯЁа-яё][а-яё]+)?(?:ск|цк)(?:ий|ого|ому|им|ом|ое|ая|ой))\s+$"
)


@lru_cache(maxsize=1)
def _village_adjectives() -> dict[str, str]:
    """The adjective of each village of `Gazetteer.villages` («матурский»: Матур, RU-KK), by
    the village's region; none for an adjective two regions' villages share."""
    out: dict[str, str] = {}
    for name, code in gazetteer().villages.items():
        if not code:
            continue
        for adj in _village_adjective_forms(name):
            if adj not in DISTRICT_ADJ:  # («Советский сельсовет»: many regions have one)
                out[adj] = code if out.get(adj, code) == code else ""
    return out


def _village_adjective_forms(name: str) -> list[str]:
    """The adjectives of a village's name (folded): those of one word, and the compounds of a
    name of an adjective and a noun, in both spellings: «верхняя теберда» (the lemma «верхний
    теберда» of the index) -> «верхне-тебердинский», «верхнетебердинский», …"""
    if " " not in name:
        return [*district_adjectives(name), *_fleeting_vowel(name)]
    first, _, second = name.partition(" ")
    if " " in second or not first.endswith(("ий", "ый", "ой")):
        return []  # (not the key as written, «верхняя теберда»: its lemma key gives them)
    stem = first[:-2]
    # «верхний» -> «верхне», «большой» -> «больше», «новый» -> «ново»
    prefix = stem + ("е" if first.endswith("ний") or stem[-1:] in "жшчщ" else "о")
    return [f"{prefix}{gap}{adj}" for adj in district_adjectives(second) for gap in ("-", "")]


_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")


def _fleeting_vowel(name: str) -> list[str]:
    """The adjective of a name that ends in two consonants and a vowel, the last a sonorant,
    with a vowel put between them as Russian does: «решма» -> «решемский» (as Кинешма ->
    кинешемский), «тотьма» -> «тотемский», «устюжна» -> «устюженский»."""
    if len(name) < 4 or name[-1] not in "ао" or name[-2] not in "мн":
        return []
    before = name[-3]
    if before == "ь":
        stem = name[:-3] + "е" + name[-2]
    elif before in _CONSONANTS:
        stem = name[:-2] + "е" + name[-2]
    else:
        return []
    return [stem + "ский"]


def _rural_councils(
    text: str, spans: list[tuple[int, int]], hits: list[Hit], gaz: Gazetteer
) -> list[Hit]:
    """``hits`` with the rural municipalities named by an adjective (see `_COUNCIL_HEAD`)
    added: the village that names one is a district's centre («Таштыпский сельсовет» of
    Таштып, Таштыпский район) or a village of `Gazetteer.villages` («Матурский сельсовет»).
    The adjective alone is a district's, or nothing: before a council it is the village's."""
    found: list[Hit] = []
    parts: list[Hit] = []  # villages read from the adjective's first half («Перво- Чурашевского»)
    stems: set[str] = set()  # the councils' stems: «красноярский» -> «краснояр»
    for a, b in _wrapped_councils(text, spans):
        for m in _COUNCIL_HEAD.finditer(text, a, b):
            adj = _COUNCIL_ADJ.search(text, max(a, m.start() - 40), m.start())
            if adj is None:
                continue
            stems |= {x[:-4] for x in info(adj.group(1)).lemmas if x.endswith("ский")}
            inside = [h for h in hits if h.start <= adj.start() < h.end]
            if any(h.entry is not None or h.end >= adj.end() for h in inside):
                continue
            codes: set[str] = set()
            for lemma in info(adj.group(1).replace("- ", "-")).lemmas:
                centre = gaz.centres.get(lemma, ())
                village = _village_adjectives().get(lemma, "")
                if len(centre) == 1:
                    codes.add(centre[0])
                elif village:
                    codes.add(village)
            if len(codes) == 1 and not _council_elsewhere(codes, hits):
                found.append(Hit((codes.pop(),), "town", adj.start(), m.end(), False, village=True))
                parts += inside
    if stems:
        # «третьими стали красноярцы … Красноярского сельского поселения»: a demonym (lower
        # case, no catalogue entry) of a council the text names is its people, not a town's
        parts += [
            h
            for h in hits
            if h.kind == "town"
            and h.entry is None
            and text[h.start].islower()
            and any(len(x) > 3 and fold(text[h.start : h.end]).startswith(x) for x in stems)
        ]
    if not found:
        return [h for h in hits if h not in parts] if parts else hits
    return sorted([*(h for h in hits if h not in parts), *found], key=lambda h: h.start)


# A council's name broken by a line's end: «главы Бабяковского сельского\nпоселения».
_WRAP_END = re.compile(r"(?:сельск|поселков)\w*$")
_WRAP_START = re.compile(r"\s*(?:поселени|совет|округ|администрац)")


def _wrapped_councils(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a line that ends in «сельского» joined to the next line when that goes
    on with the council's noun (a page's layout breaks lines mid-phrase)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if (
            out
            and _WRAP_END.search(text, max(out[-1][0], out[-1][1] - 30), out[-1][1])
            and _WRAP_START.match(text, out[-1][1])
            and not text[out[-1][1] : a].strip()
        ):
            out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out


def _council_elsewhere(codes: set[str], hits: list[Hit]) -> bool:
    """«главы Курского района … Брежневского сельсовета»: a council the data knows in one
    region, in a story about a district that region has no hit for, is that district's
    council, a namesake of the data's (the names repeat: Брежнево, Ивановка)."""
    districts = [h for h in hits if h.kind == "district"]
    return bool(districts) and not any(codes & set(h.codes) for h in hits)


@lru_cache(maxsize=1)
def _moscow_parts() -> frozenset[str]:
    """Names of Москва's districts no other city gives a district («ярославский»)."""
    moscow = {fold(c.name) for c in city_districts() if c.code == "RU-MOW"}
    return frozenset(moscow - _other_city_parts())


def _moscow_districts(hits: list[Hit]) -> None:
    """In a text that names Москва, a district named like one of Москва's («жителей
    Ярославского района») is Москва's, unless the text names the other district's region
    by something else too («Ярославского района Ярославской области»)."""
    if not any("RU-MOW" in h.codes and not h.weak for h in hits):
        return
    for h in hits:
        e = h.entry
        if (
            h.kind != "district"
            or e is None
            or e.kind != "district"
            or "RU-MOW" in h.codes
            or fold(e.surface.split()[0]) not in _moscow_parts()
        ):
            continue
        if not any(
            x is not h and not set(x.codes).isdisjoint(h.codes) and x.entry is not e for x in hits
        ):
            h.codes = ("RU-MOW",)


# A place adjective made of a surname's stem: «Рубцовский» (Рубцов-), «Чеховские» (Чехов-).
_EPONYM_ADJ = re.compile(r"^([а-я]+(?:ов|ев|ин|ын))(?:ск|цк)[а-я]+$")  # (folded)


def _eponyms(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` without the adjectives named after a person the text names by a first name or
    an initial and the surname: «Рубцовские дни», «Зимний Рубцовский костёр» in a text about
    «Николая Рубцова» are the poet's, not Рубцовск's; «Чеховский фестиваль» with «Антона
    Чехова» (the town named so is Чехов)."""
    out: list[Hit] = []
    found: dict[str, bool] = {}
    for h in hits:
        m = _EPONYM_ADJ.match(fold(text[h.start : h.end])) if h.kind == "adjective" else None
        if m is not None:
            stem = m.group(1)
            if stem not in found:
                found[stem] = _person_named(text, stem)
            if found[stem]:
                continue
        out.append(h)
    return out


def _person_named(text: str, stem: str) -> bool:
    """Whether the text names a person whose surname is ``stem`` (folded), after a first name,
    a patronymic or an initial: «Николая Рубцова», «Н. М. Рубцов», «Антон Павлович Чехов»."""
    surname = stem[:1].upper() + stem[1:]
    if surname not in text:
        if "ё" not in text:
            return False  # (most texts: no such surname at all)
        text = text.replace("ё", "е").replace("Ё", "Е")  # «Королёва» for «королевский»
    at = text.find(surname)
    while at >= 0:
        end = at + len(surname)
        if _SURNAME_END.match(text, end) and (
            (m := _NAME_BEFORE_SURNAME.search(text, max(0, at - 40), at)) is not None
            and (m.group(1) is None or info(m.group(1)).first_name or info(m.group(1)).patronymic)
        ):
            return True
        at = text.find(surname, end)
    return False


# A surname's case ending, then the word's end: «Рубцова», «Рубцовым», «Рубцов».
_SURNAME_END = re.compile(r"(?:а|у|ым|ом|е|ой|ую)?\b")
# The word before a surname: an initial («Н. »), or a capitalised word (a first name or a
# patronymic: «Николая », «Михайловича »).
_NAME_BEFORE_SURNAME = re.compile(r"(?:\b[А-ЯЁ]\.\s*|\b([А-ЯЁ][а-яё]+)\s+)$")


_PEOPLE = frozenset(ETHNONYMS.values())
_PEOPLE_STARTS = frozenset(name[:4] for name in ETHNONYMS)  # (every name: 4 letters or more)


def _people_adjectives(words: list[Word], hits: list[Hit]) -> list[Hit]:
    """``hits`` without a people's adjective in a text that names the people and not their
    republic: «Древние напевы удмуртов … угощали на удмуртских подворьях» is the Udmurts',
    wherever they live (with «в Удмуртии» named, the adjective adds to it and stays). The text
    names the people too when it uses their adjective for their culture elsewhere («концерт
    артистов чувашской эстрады … День чувашской культуры»), and a republic named only in a
    person's honorary title («Народной артистки Чувашской Республики») is not named."""
    peoples = {
        ETHNONYMS[x]
        for w in words
        if fold(w.text)[:4] in _PEOPLE_STARTS  # (most words: read by their first letters)
        for x in lem(w)
        if x in ETHNONYMS
    }
    peoples |= _people_in_use(words)
    if not peoples:
        return hits
    named = {c for h in hits if h.kind != "adjective" and h.cue != "honour" for c in h.codes}
    return [
        h
        for h in hits
        if not (
            h.kind == "adjective"
            and h.entry is not None
            and h.entry.name in peoples
            and not named & set(h.codes)
        )
    ]


def _people_in_use(words: list[Word]) -> set[str]:
    """The peoples' adjectives this text uses for a people's culture («чувашской эстрады»,
    «татарской национальной автономии»): the adjectives the filters leave out as ethnic."""
    out: set[str] = set()
    for k, w in enumerate(words):
        if fold(w.text)[:4] not in _PEOPLE_STARTS:
            continue  # (most words: read by their letters)
        people = lem(w) & _PEOPLE
        if people and not w.cap and ethnic_use(words, k + 1):
            out |= people
    return out


# A text about a river's water: a town named like the river is the river in it.
_WATER = re.compile(
    r"\b(?:рек[аеиуо]й?|уровень воды|уровня воды|ледоход|паводо?к|половод|русл[оае])"
)
# A river's own parts and the word for it: «реки Ишим», «в устье Онеги» name the river even in
# a text that names the town as well.
_RIVER_PARTS = frozenset(["река", "устье", "пойма", "русло", "берег", "исток", "акватория"])
_CENTRE_AFTER = frozenset(["в", "во", "из", "изо"])
# A settlement's head and bodies, before its name in the genitive (not its people: «жители
# Асхвы» alone is too little, tests/test_regions_wave15.py).
_HEADS_OF = frozenset(["глава", "администрация", "мэр", "мэрия", "дума", "горсовет"])
# «города Зимы», «г. Зима»: the town called one, right before its name.
_TOWN_WORD_BEFORE = re.compile(r"(?:\b[Гг]ород[а-я]*|\bг\.)\s*$")
_ON_RIVER = frozenset(["на", "над", "по", "вдоль", "за"])  # a river's prepositions
_ST = ("ст", "Ст", "СТ")  # how «станица» and «ст.» start
_DISTRICT_HEADS = frozenset(["район", "улус", "кожуун"])
# A settlement's name by its shape: indeclinable «-ино», «-ово», «-ево» («Шебалино», «Кочево»),
# or a compound of a Turkic, Finnic or Mongolic name («Усть-Кулом», «Кош-Агач», «Мари-Турек»).
_PLACE_SHAPE = re.compile(r"(?:[иоеё]но|[оеё]во|ыно)$|^[А-ЯЁ][а-яё]+-[А-ЯЁ][а-яё]+$")


# A district's kind cut short, as official notices write it, by the tokens it makes: «р-на»
# one word, «ГО» («Сухоложского ГО») too, «м.о.», «м. р.» and «г.о.» two (the full stops are
# no words).
_SHORT_RAION = frozenset(["р-н", "р-на", "р-ну", "р-не", "р-ном"])
_SHORT_ONE = {
    **dict.fromkeys(_SHORT_RAION, " район"),
    "ГО": " городской округ",
    "МО": " муниципальный округ",
    "МР": " район",
}
_SHORT_KINDS = frozenset([*_SHORT_ONE, "м", "г"])
_SHORT_SECOND = {
    ("м", "о"): " муниципальный округ",
    ("м", "р"): " район",
    ("г", "о"): " городской округ",
}


def _abbreviated_district(words: list[Word], i: int, gaz: Gazetteer) -> tuple[Entry, int] | None:
    """«Старобешевского м.о.», «Зиминского м. р.», «Ковровского р-на», «Клинского г.о.»: the
    district entry an adjective at words[i] names with its kind cut short after it, and the
    index after the abbreviation; or None. (Read here, not as entries of the index: three more
    forms of every district would make the index a third larger.)"""
    k = i + 1
    if words[k].text in _SHORT_ONE:
        tail, end = _SHORT_ONE[words[k].text], k + 1
    elif k + 1 < len(words) and (words[k].text, words[k + 1].text) in _SHORT_SECOND:
        tail, end = _SHORT_SECOND[words[k].text, words[k + 1].text], k + 2
    else:
        return None
    found: Entry | None = None
    for lemma in info(words[i].text).lemmas:
        for e in gaz.by_first.get(lemma, ()):
            if e.kind != "district" or len(e.words) > 3:
                continue
            if e.surface.endswith(tail):
                return e, end
            if found is None and e.surface.endswith(" район"):
                found = e  # (a district OKTMO knows as a район: «м.о.» is its new kind)
    return (found, end) if found is not None else None


def _other_centre(e: Entry, gaz: Gazetteer) -> tuple[str, ...]:
    """The regions of the districts named after the town ``e`` whose centre is not that town
    (a district's centre is named like it), for a village named like the town."""
    out: list[str] = []
    for adj in centre_adjectives(e.surface):
        out += [c for c in gaz.centres.get(adj, ()) if c not in e.codes and c not in out]
    return tuple(out)


def _named_as_town(words: list[Word], name: str) -> bool:
    """Whether the text names ``name`` (a town named like its river) as a town somewhere:
    its genitive after a town's body, head or people («глава Ишима», «жители Оби») or after a
    settlement word («города Ишим»). A text about the water of such a town («в Ишиме готовятся
    к половодью … глава Ишима») then means the town by the name, bar the river's own parts."""
    for k in range(1, len(words)):
        w = words[k]
        if w.glued_prev and name in lem(w) and lem(words[k - 1]) & (PLACE_OF | SETTLEMENT):
            return True
    return False


def _town_ablative(words: list[Word], i: int, gaz: Gazetteer) -> Entry | None:
    """«за Орском», «между Томском и Омском»: the town whose instrumental words[i] is (the
    dictionary reads it as the region's adjective first), or None."""
    for lemma in instrumental_place(words, i):
        for e in gaz.by_first.get(lemma, ()):
            if e.kind == "town" and len(e.words) == 1:
                return e
    return None


def _region_then_village(words: list[Word], i: int, j: int) -> bool:
    """«самого северного села Якутии Русского Устья»: a region's name in the genitive (no
    nominative) after a village word, then another capitalised name, which is the village's:
    the region is where the village lies, not a village named like it. Not when the next
    name is a region or a district («деревни Москвы Кировской области»)."""
    if "nomn" in info(words[i].text).cases or "gent" not in info(words[i].text).cases:
        return False
    if j >= len(words) or not words[j].glued_prev or not words[j].cap or words[j].sent_start:
        return False
    k = j + 1
    nxt = words[k] if k < len(words) and words[k].glued_prev else None
    return not (lem(words[j]) & _REGION_KINDS or (nxt is not None and lem(nxt) & _REGION_KINDS))


# What names a region or a district after its adjective, or opens its name: «Кировской
# области», «Республики Алтай», «Ковровского района».
_REGION_KINDS = frozenset(
    ["область", "край", "республика", "район", "округ", "улус", "кожуун", "городской"]
)


def _village_at(
    text: str, words: list[Word], i: int, gaz: Gazetteer, *, history: bool, victims: bool
) -> tuple[Hit, int] | None:
    """The village of `Gazetteer.villages` named at words[i] right after a village word
    («в селе Рамзай», «жители деревни Шихазаны», «с. Ремонтное», «в селе Ремонтном»,
    «деревни Старая Тойда») or, when the dictionary does not know the name, right after «в»
    or «из» («в Кантышево»), as a hit and the index after its name; None otherwise, when the
    name is no village's or names villages of several regions, or when it is in a case the
    village word does not take («в селе Ремонтного»)."""
    w = words[i]
    if w.shout or w.quote >= 0:
        return None
    cases = village_cue(text, words, i)
    if cases is None:
        # No village word: «в Кантышево», «из Цуриба» count too when the name is no word of
        # the dictionary (not «в Ремонтном», not a surname) and stands mid-sentence after «в»
        # or «из», or after its head or its body («главы Ербогачёна», «администрации
        # Кантышево»), as a reader takes a place unknown to him but plainly a place.
        if not (
            i
            and w.glued_prev
            and not w.sent_start
            and (fold(words[i - 1].text) in _CENTRE_AFTER or lem(words[i - 1]) & _HEADS_OF)
            and not analyzer().word_is_known(w.text)
        ):
            return None
        cases = frozenset()
    named = _village_name(words, i, gaz, cases)
    if named is None:
        return None
    codes, j = named
    hit_cue = cue(words, i, j, codes, "town", history=history, victims=victims)
    end = words[j - 1].end
    return Hit(codes, "town", w.start, end, False, None, hit_cue, w.chain, True), j


def _village_name(
    words: list[Word], i: int, gaz: Gazetteer, cases: frozenset[str]
) -> tuple[tuple[str], int] | None:
    """The region of the village of `Gazetteer.villages` named at words[i] (in ``cases``,
    or any case when empty) and the index after its name, or None (see `_village_at`)."""
    w = words[i]
    n = len(words)
    found: set[str] = set()
    j = i + 1
    if j < n and words[j].glued_prev and words[j].cap:  # a name of two words first
        nxt = words[j]
        for a, b in itertools.product(info(w.text).lemmas, info(nxt.text).lemmas):
            code = gaz.villages.get(f"{a} {b}")
            if code is not None:
                found.add(code)
        if found and (
            not cases
            or f"{fold(w.text)} {fold(nxt.text)}" in gaz.villages
            or not cases.isdisjoint(info(nxt.text).cases)
        ):
            j += 1
        else:
            found = set()
    if not found:
        j = i + 1
        if _opens_name(words, i):
            return None
        lemmas = info(w.text).lemmas | {*masculine_bases(w.text), *feminine_bases(w.text)}
        exact = gaz.villages.get(fold(w.text)) if lemmas.isdisjoint(gaz.first_lemmas) else None
        if exact is not None:
            # The name as written is a village's («Морцы», «Илев»): the dictionary's guesses
            # at other lemmas («морец», «илеть») name other villages, not this one. (Not a
            # word of a catalogue form: «Ульяновское», a region's adjective, is many villages'
            # name.)
            found.add(exact)
        for lemma in lemmas if exact is None else ():
            code = gaz.villages.get(lemma)
            if code is not None:
                found.add(code)
        if not found or not (
            not cases or fold(w.text) in gaz.villages or not cases.isdisjoint(info(w.text).cases)
        ):
            return None
    if len(found) != 1 or "" in found:
        return None  # villages of several regions share the name
    return (found.pop(),), j


def _opens_name(words: list[Word], i: int) -> bool:
    """«в селе Верхний Чегодай»: an adjective before a capitalised noun opens a name of two
    words the data lacks; it is no village of its own («Верхнее», a post office's name)."""
    if i + 1 >= len(words) or not info(words[i].text).adjective:
        return False
    nxt = words[i + 1]
    if not (nxt.glued_prev and nxt.cap) or nxt.sent_start:
        return False
    after = info(nxt.text)
    return not (after.adjective or after.first_name or after.surname or after.patronymic)


# Between two villages' names of a list, with up to two other names: «Куралова, Никольского
# и Трёх Озёр», «Рамзай, а также Шихазаны».
_VILLAGE_LIST_GAP = re.compile(
    r"(?:\s*,\s*(?:а\s+также\s+)?|\s+(?:и|или)\s+)"
    r"(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?(?:\s*,\s*|\s+(?:и|или)\s+)){0,2}"
)


_LIST_JOINS = frozenset(["и", "или", "а", "также"])
# After adjectives of villages, a rural municipality named after them: the villages count.
_MUNICIPAL_AFTER = frozenset(
    ["сельский", "поселковый", "поселение", "сельсовет", "совет", "округ", "территория"]
)


def _attributive(words: list[Word], i: int, j: int) -> bool:
    """«ремонт Астафьевской, Сотниковской и Мокрушинской средних школ»: adjectives in a list
    before the lower-case noun they go with say whose the things are (the schools of villages
    named otherwise, Сотниково), not a village named by the adjective (Сотниковское)."""
    if j - i != 1 or not info(words[i].text).adjective:
        return False
    k = j
    while (
        k < len(words)
        and not words[k].sent_start
        and (words[k].cap or fold(words[k].text) in _LIST_JOINS)
    ):
        k += 1
    if k >= len(words) or words[k].sent_start or not words[k].glued_prev or words[k].cap:
        return False
    after = info(words[k].text)
    if after.lemmas & _MUNICIPAL_AFTER:
        return False  # «в Сотниковском и Филимоновском сельских поселениях»: the villages'
    return (after.noun or after.adjective) and not after.verb


def _bare_villages(
    text: str, words: list[Word], bare: list[int], gaz: Gazetteer, hits: list[Hit]
) -> list[Hit]:
    """``hits`` with the villages named with no village word before them added, when two of
    one region stand in one list: «жители Куралова, Никольского и Трёх Озёр» (Куралово and
    Три Озера, villages of Татарстан, make the list one district's villages). A village's
    name alone may be a surname or a word of another sense; two of one region agree."""
    named: list[tuple[int, int, str]] = []  # (first word, index after, region)
    for i in bare:
        found = _village_name(words, i, gaz, frozenset())
        if found is not None and not _attributive(words, i, found[1]):
            named.append((i, found[1], found[0][0]))
    keep: set[int] = set()
    for (i, j, code), (k, m, other) in itertools.pairwise(named):
        if (
            code == other
            and fold(text[words[i].start : words[j - 1].end])
            != fold(text[words[k].start : words[m - 1].end])
            and _VILLAGE_LIST_GAP.fullmatch(text, words[j - 1].end, words[k].start)
        ):
            keep.update((i, k))
    if not keep:
        return hits
    found_hits = [
        Hit((code,), "town", words[i].start, words[j - 1].end, False, village=True)
        for i, j, code in named
        if i in keep and not any(h.start <= words[i].start < h.end for h in hits)
    ]
    return sorted([*hits, *found_hits], key=lambda h: h.start)


def _centre(text: str, words: list[Word], quotes: list[Quote], i: int) -> tuple[str, ...]:
    """«в Мари-Туреке», «из Охотска», «с. Тасеево»: the centre of a district, named like its
    district and not catalogued as a town, after «в», «из» or a village word; the regions
    that have such a district (several: other evidence decides), or none."""
    w = words[i]
    if w.shout:
        return ()
    after = i > 0 and w.glued_prev and fold(words[i - 1].text) in _CENTRE_AFTER
    # («с. Тасеево»: the abbreviation's full stop ends no sentence) Elsewhere, within a
    # sentence, only a name no surname can have: «команды Помоздино, Усть-Кулом», «сделали
    # Шебалино чище» (not «композитор Шебалин»).
    shaped = not w.sent_start and _PLACE_SHAPE.search(w.text) and not info(w.text).person
    if not after and not shaped and not (i > 0 and after_village_word(text, words, i)):
        return ()
    if org_quote(words, quotes, i) or is_person(text, words, i, i + 1):
        return ()
    if after_street_word(text, words, i):
        return ()  # «в микрорайоне Шилово», «улица Тасеево»: a part of a town, a street
    return centre_codes(w.text)


# A Latin letter glued to a Cyrillic one: a look-alike typed by mistake («Cаранска»).
# A Latin letter next to a lower-case Cyrillic one. One branch that opens with the Latin
# letters: the regex engine scans for them fast (an alternation read every position: 4 ×).
# Greek look-alikes too: a scraped copy may hide words behind them («Ворοнеж», omicron).
_MIXED = re.compile(r"[A-Za-zΑΒΕΗΚΜΟΡΤΧαεκορτχ](?:(?=[а-яё])|(?<=[а-яё][A-Za-zΑΒΕΗΚΜΟΡΤΧαεκορτχ]))")
_MIXED_WORD = re.compile(
    r"\b(?=[A-Za-zА-ЯЁа-яёΑ-ω]*[а-яёА-ЯЁ])[A-Za-zА-ЯЁа-яёΑ-ω]*[A-Za-zΑ-ω][A-Za-zА-ЯЁа-яёΑ-ω]*\b"
)
# Typeset hyphens (U+2010, the non-breaking U+2011) read as the plain one; same offsets.
_HYPHENS = str.maketrans("\u2010\u2011", "--")
_LOOK_ALIKE = str.maketrans(
    "ACEHKMOPTXaceopxyΑΒΕΗΚΜΟΡΤΧαεκορτχ", "АСЕНКМОРТХасеорхуАВЕНКМОРТХаекортх"
)
_LATIN = re.compile(r"[A-Za-zΑ-ω]")


def _cyrillic(m: re.Match[str]) -> str:
    """A word of Cyrillic letters with Latin look-alikes among them, all in Cyrillic; a word
    with a Latin letter that has no Cyrillic twin stays as written."""
    word = m.group()
    fixed = word.translate(_LOOK_ALIKE)
    return word if _LATIN.search(fixed) else fixed


# «управа района Северный», «главы управы района Чертаново Центральное»: a district board
# named by the district's own name after «района» is the district government of Moscow
# (other cities' boards go with an adjective: «управа Центрального района»).
_MOSCOW_BOARD = re.compile(
    r"\b[Уу]прав(?:а|ы|е|у|ой|ою)\s+района\s+«?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
)


# «главы управы Бабушкинского района»: a board of a district named like a rural district of
# another region (rural districts have an «администрация», not an «управа»).
_BOARD_ADJ = re.compile(r"\b[Уу]прав(?:а|ы|е|у|ой|ою)\s+([А-ЯЁ][а-яё]+(?:ого|его))\s+района\b")


@lru_cache(maxsize=1)
def _other_city_parts() -> frozenset[str]:
    """Names of districts of cities other than Москва («Коминтерновский» of Воронеж has its
    «управа» too)."""
    return frozenset(fold(c.name) for c in city_districts() if c.code != "RU-MOW")


def _moscow_boards(text: str, spans: list[tuple[int, int]], hits: list[Hit]) -> list[Hit]:
    """``hits`` with a Moscow district board's mention added (see ``_MOSCOW_BOARD``); a rural
    district's name after «управа» (``_BOARD_ADJ``) is a Moscow district's, each time the
    text names it. (A city's districts named like many cities' — «управа Центрального
    района» of Воронеж — are weak and stay as they are.)"""
    # (each pattern opens with «[Уу]прав»: the lines without «прав» are skipped unread)
    spans = [(a, b) for a, b in spans if text.find("прав", a, b) >= 0]
    boards = {
        h.entry.name
        for a, b in spans
        for m in _BOARD_ADJ.finditer(text, a, b)
        for h in hits
        if h.start == m.start(1)
        and h.kind == "district"
        and h.entry is not None
        and not h.weak
        and "RU-MOW" not in h.codes
        and fold(h.entry.surface.split()[0]) not in _other_city_parts()
    }
    if boards:
        for h in hits:
            if h.kind == "district" and h.entry is not None and h.entry.name in boards:
                h.codes = ("RU-MOW",)
    found = [
        Hit(("RU-MOW",), "district", m.start(), m.end(), False)
        for a, b in spans
        for m in _MOSCOW_BOARD.finditer(text, a, b)
    ]
    if not found:
        return hits
    # (the name is Moscow's district, not a namesake elsewhere: «района Северный»)
    kept = [h for h in hits if not any(f.start <= h.start < f.end for f in found)]
    return sorted([*kept, *found], key=lambda h: h.start)


# «муниципального округа Даниловский», «МО Чёрная речка», «муниципального образования
# «Купчино»», «поселения Сосенское», «управы Бабушкинского района»: a district or a municipal
# okrug of Москва or Санкт-Петербург, named by its own name after its kind (the federal cities'
# way: elsewhere the adjective goes first, «Алнашский муниципальный округ») or, in Москва, after
# its board («управа»). The name is looked up in `Gazetteer.city_parts`.
_PART_WORD = r"«?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_PART_NAME = rf"({_PART_WORD}(?:\s+[А-ЯЁа-яё][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){{0,2}})"
# Each kind's words, found by a plain search for their middle (fast, where a regular
# expression would try every position of every text), then the rest read from there:
# «[м]униципальн[ого] округа», «[в]нутригородск[ое] муниципальное образование», «[п]оселени[я]»,
# «МО»; the board: «[у]прав[ы] Бабушкинского района».
_OKRUG_TAIL = re.compile(rf"\w*\s+(?:[а-яё]+\s+)?(?:округ|образовани)\w*\s+{_PART_NAME}")
_PART_TAILS = (
    ("униципальн", _OKRUG_TAIL),
    ("нутригородск", _OKRUG_TAIL),
    ("оселени", re.compile(rf"\w*\s+{_PART_NAME}")),
    ("МО", re.compile(rf"\s+{_PART_NAME}")),
)
_BOARD_TAIL = re.compile(rf"(?:а|ы|е|у|ой|ою)\s+({_PART_WORD})\s+района\b")
# After the name, a noun that makes it another region's district: «муниципальный округ
# Алнашский район Удмуртской Республики»; or the region's own: «Лихославльского
# муниципального округа Тверской области» (the okrug's region, not Moscow's Тверской).
_PART_NOT_AFTER = re.compile(
    r"\s+(?:район|округ|муниципальн|городск|сельск|улус|област|кра[йяюе]\b|республик)"
)


def _federal_city_parts(
    text: str, spans: list[tuple[int, int]], hits: list[Hit], gaz: Gazetteer
) -> list[Hit]:
    """``hits`` with the districts of Москва and Санкт-Петербург named after their kind
    added (see `_PART_TAILS`); the text's other mentions of such a name are that district
    too («Бабушкинского района», not Вологодская область's)."""
    tails = [(head, tail) for head, tail in _PART_TAILS if head in text]
    boards = [head for head in ("управ", "Управ") if head in text]
    if not tails and not boards:
        return hits  # (most texts: «прав» of «правительство», and none of the kinds' words)
    parts = gaz.city_parts
    found: list[Hit] = []
    names: set[str] = set()
    for a, b in spans:
        for head, tail in tails:
            k = text.find(head, a, b)
            while k >= 0:
                start = k if head == "МО" else k - 1
                m = tail.match(text, k + len(head), b)
                if m is not None and not (start > a and text[start - 1].isalpha()):
                    words = m.group(1).lstrip("«").split()
                    for n in range(len(words), 0, -1):
                        key = fold(" ".join(words[:n]))
                        code = parts.get(key)
                        if code is None:
                            continue
                        end = m.start(1) + m.group(1).index(words[n - 1]) + len(words[n - 1])
                        if not _PART_NOT_AFTER.match(text, end):
                            found.append(Hit((code,), "district", start, end, False))
                            names.add(key.split()[0])
                        break
                k = text.find(head, k + 1, b)
        for head in boards:
            k = text.find(head, a, b)
            while k >= 0:
                m = _BOARD_TAIL.match(text, k + len(head), b)
                if m is not None:
                    for lemma in sorted(info(m.group(1).lstrip("«")).lemmas):
                        if parts.get(lemma) == "RU-MOW":
                            found.append(Hit(("RU-MOW",), "district", k, m.end(), False))
                            names.add(lemma)
                            break
                k = text.find(head, k + 1, b)
    if not found:
        return hits
    kept = [
        h
        for h in hits
        if not any(f.start <= h.start < f.end for f in found)
        and not (h.entry is not None and h.entry.kind == "district" and h.entry.name in names)
    ]
    return sorted([*kept, *found], key=lambda h: h.start)


# A text that calls its town closed: «в закрытом городе», «ЗАТО» (folded text).
_CLOSED_TOWN = re.compile(
    r"\bзакрыт(?:ый|ого|ому|ым|ом)\s+(?:административно-)?(?:территориальн\w+\s+образовани|город)|\bзато\b"
)
# A time of day before «по Москве»: «в 14.00 по Москве», «в 19 часов по Москве».
_CLOCK = re.compile(r"(?:\d{1,2}[.:]\d{2}|\d\s*час\w*|\bвремени)\s+по\s+$")
_CAMEL_HEAD = re.compile(r"[А-ЯЁ][а-яё]+(?=[А-ЯЁ])")


def _after_office(words: list[Word], i: int) -> bool:
    """Whether words[i] ends the name of an office or a body, within five words of its head
    noun: «Правительства РМ», «министр по делам молодёжи РД», «Министерстве сельского
    хозяйства и продовольствия РМ»."""
    for m in range(i - 1, max(-1, i - 6), -1):
        if not words[m + 1].glued_prev or words[m + 1].sent_start:
            return False
        if lem(words[m]) & OFFICES:
            return True
    return False


def _hashtag(w: Word, gaz: Gazetteer) -> Hit | None:
    """A hashtag that opens with a region's one-word name: «#КубаньВсенародная»,
    «#ЯмалРегион» (the names written as one word are looked up as they stand)."""
    m = _CAMEL_HEAD.match(w.text)
    if m is None:
        return _district_hashtag(w, gaz)
    for e in gaz.by_first.get(fold(m.group()), ()):
        if len(e.words) == 1 and e.kind == "name" and not e.weak:
            return Hit(e.codes, "name", w.start, w.start + m.end(), False, e)
    return _district_hashtag(w, gaz) or _town_hashtag(w, gaz)


# The last capitalised word of a hashtag: «#КультураЗаводоуковска» -> «Заводоуковска».
_CAMEL_TAIL = re.compile(r"(?<=[а-яё])[А-ЯЁ][а-яё]{3,}$")


def _town_hashtag(w: Word, gaz: Gazetteer) -> Hit | None:
    """A hashtag that ends with a town's name, as a town's offices tag their news:
    «#КультураЗаводоуковска», «#НовостиТомска» (one town of that name only)."""
    m = _CAMEL_TAIL.search(w.text)
    if m is None:
        return None
    for lemma in sorted(info(m.group()).lemmas):
        for e in gaz.by_first.get(lemma, ()):
            if e.kind == "town" and len(e.words) == 1 and not (e.weak or e.homonym or e.common):
                return Hit(e.codes, "town", w.start + m.start(), w.start + m.end(), False, e)
    return None


# A district's name run together in a hashtag, the noun in lower case or with a capital:
# «#АдминистрацияКарачевскогорайона», «#КарачевскийРайон», «#ВерхошижемскийМуниципальныйОкруг».
_HASHTAG_DISTRICT = re.compile(
    r"([А-ЯЁ][а-яё]+(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ое))"
    r"(?:[Мм]униципальн[а-яё]+)?(?:[Рр]айон|[Оо]круг)[а-яё]*$"
)


def _district_hashtag(w: Word, gaz: Gazetteer) -> Hit | None:
    """A hashtag that ends with a district of the catalogue («#АдминистрацияКарачевскогорайона»:
    a district's administration tags its news so): the district, as if written apart."""
    if "район" not in w.text.lower() and "округ" not in w.text.lower():
        return None  # (most hashtags)
    m = _HASHTAG_DISTRICT.search(w.text)
    if m is None:
        return None
    for lemma in sorted(info(m.group(1)).lemmas):
        for e in gaz.by_first.get(lemma, ()):
            if e.kind == "district" and len(e.words) == 2 and "район" in e.words[1]:
                start = w.start + m.start()
                return Hit(e.codes, "district", start, w.start + m.end(), e.weak, e)
    return None


def _drop_namesakes(text: str, hits: list[Hit]) -> list[Hit]:
    """Towns that stand for a namesake elsewhere: next to another region's name or adjective
    («Павловск Алтайского края», «в кубанском Славянске») or to an oblast the catalogue does
    not know («Светлогорск Гомельской области»)."""
    starts = {h.start for h in hits}
    out: list[Hit] = []
    abroad = _abroad(text, hits)
    for k, h in enumerate(hits):
        if abroad and h.entry is not None and h.entry.surface in abroad:
            continue  # «Санкт-Петербург во Флориде … город Санкт-Петербург»: the namesake
        if abroad and _listed_abroad(text, hits, k, abroad):
            continue  # «Москва и Петербург тоже представлены в нескольких штатах»
        if h.kind == "town":
            prev = hits[k - 1] if k > 0 else None
            nxt = hits[k + 1] if k + 1 < len(hits) else None
            after = _OBLAST_AFTER.match(text, h.end)
            if after is not None and after.start(1) not in starts:
                continue
            if prev is not None and prev.kind == "adjective" and _other_next_to(text, prev, h):
                continue
            if (
                nxt is not None
                and nxt.kind == "district"
                and _BRACKET_GAP.fullmatch(text, h.end, nxt.start)
                and not set(h.codes) & set(nxt.codes)
            ):
                continue  # «Плес (Мокшанский район)»: a village of another region's district
            if (
                nxt is not None
                and nxt.kind == "district"
                and not set(h.codes) & set(nxt.codes)
                and _DISTRICT_GAP.fullmatch(text, h.end, nxt.start)
                and "gent" in info(text[nxt.start : nxt.end].split(maxsplit=1)[0]).cases
            ):
                # «в Михайловке Нижнегорского района», «о Михайловке и Зоркино Нижнегорского
                # района»: villages of another region's district, the genitive says whose
                continue
            if (
                h.entry is not None
                and h.entry.common
                and prev is not None
                and nxt is not None
                and set(prev.codes) & set(nxt.codes)
                and not set(h.codes) & (set(prev.codes) | set(nxt.codes))
                and _ROUTE_GAP.fullmatch(text, prev.end, h.start)
                and _ROUTE_GAP.fullmatch(text, h.end, nxt.start)
            ):
                # «Ковров – Красная Грива – Сельцо – Мстёра»: a town named by a common word
                # («сельцо») on a route between places of another region is its village
                continue
            if (
                h.entry is not None
                and h.entry.surface.endswith(("ское", "цкое"))
                and _route_of_other(text, h, prev, nxt)
            ):
                # «автодорога Никольское – Ядрин – Калинино»: a name most villages of a
                # country share, on a road of another region's places, is a village there
                continue
            if (
                nxt is not None
                and nxt.kind == "name"
                and _other_next_to(text, h, nxt)
                and "gent" in info(text[nxt.start : nxt.end].split(maxsplit=1)[0]).cases
            ):
                continue
        out.append(h)
    return out


def _route_of_other(text: str, h: Hit, prev: Hit | None, nxt: Hit | None) -> bool:
    """Whether the stops right before and after a route's stop (those there are, one at
    least) are places of one region, not the stop's."""
    near = [
        o.codes
        for o, gap in ((prev, (prev.end, h.start) if prev else None), (nxt, None))
        if o is not None and _ROUTE_GAP.fullmatch(text, *(gap or (h.end, o.start)))
    ]
    if not near:
        return False
    shared = set.intersection(*(set(c) for c in near))
    return bool(shared) and not shared & set(h.codes)


_BRACKET_GAP = re.compile(r"\s*\(\s*")
# Between two stops of a route: a dash, and up to two stops the catalogue does not know
# («Ковров – Красная Грива – Сельцо», «Мстёра – ст. Мстёра»).
_ROUTE_GAP = re.compile(
    r"\s+[–—-]\s+(?:(?:ст\.\s*)?[А-ЯЁ][а-яё]+(?:[\s-][А-ЯЁа-яё][а-яё]+)?\s+[–—-]\s+){0,2}"
    r"(?:ст\.\s*)?"
)
# Between a town's form and a district in the genitive: spaces, or other villages' names in a
# list sharing the district («Михайловке и Зоркино Нижнегорского района»).
_DISTRICT_GAP = re.compile(r"(?:\s*(?:,|\s(?:и|или))\s*[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)*\s+")


# A namesake abroad right after a place: «Санкт-Петербург во Флориде», «Санкт-Петербурге на
# западном побережье Флориды», «Москва (штат Айдахо)», «Одесса, штат Техас».
_US_STATES = (
    r"(?:Флорид|Техас|Калифорни|Айдахо|Огайо|Пенсильвани|Теннесси|Вермонт|Миссури|Индиан|"
    r"Мичиган|Иллинойс|Канзас|Арканзас|Кентукки|Алабам|Виргини|Вирджини|Орегон)"
)
_ABROAD_AFTER = re.compile(
    r"\s*\(\s*(?:штат\w*\s+)?(?:США|Канада|" + _US_STATES + ")"
    r"|\s*,\s*штат\w*\s+"
    + _US_STATES
    + r"|\s+(?:во?|на\s+(?:[а-яё]+\s+)?побережь[еи])\s+(?:штате\s+)?"
    + _US_STATES
)


def _abroad(text: str, hits: list[Hit]) -> set[str]:
    """The places this text puts abroad by their namesake's state or country right after
    them: each of their mentions then is that namesake."""
    return {
        h.entry.surface
        for h in hits
        if h.entry is not None and h.kind in ("name", "town") and _ABROAD_AFTER.match(text, h.end)
    }


def _listed_abroad(text: str, hits: list[Hit], k: int, abroad: set[str]) -> bool:
    """Whether hits[k] is listed with a place the text puts abroad, in a sentence that speaks
    of the states: «Москва и Петербург тоже есть в нескольких штатах» (after «Москва в штате
    Пенсильвания») are namesakes both."""
    h = hits[k]
    if h.kind not in ("name", "town"):
        return False
    for m in (k - 1, k + 1):
        if not 0 <= m < len(hits):
            continue
        other = hits[m]
        if other.entry is None or other.entry.surface not in abroad:
            continue
        left, right = (other, h) if m < k else (h, other)
        if not _ABROAD_LIST_GAP.fullmatch(text, left.end, right.start):
            continue
        start = max(text.rfind("\n", 0, left.start), 0)
        for dot in _SENTENCE_END.finditer(text, start, left.start):
            start = dot.end()
        stop = _SENTENCE_END.search(text, right.end)
        if _STATES.search(text, start, stop.end() if stop else len(text)):
            return True
    return False


_ABROAD_LIST_GAP = re.compile(r"\s*,?\s*(?:(?:и|или)\s+)?")
# The states of a federation abroad, in a sentence: «в нескольких штатах», «в США».
_STATES = re.compile(r"\b(?:[Шш]тат(?:ы|ов|ах|ам|е|а)?|США|Америк\w*)\b")


def _other_next_to(text: str, left: Hit, right: Hit) -> bool:
    """Two hits side by side (only spaces between) that share no region."""
    return not text[left.end : right.start].strip() and not set(left.codes) & set(right.codes)


# «… Гомельской области», «… Северо-Казахстанской обл.»: a town's oblast named right after it.
_OBLAST_AFTER = re.compile(r"\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*(?:ской|цкой))\s+(?:области|обл\.)")


# How many words a list of adjectives may take before its noun: «малых городов Белгородской,
# Ивановской, …, Челябинской, Ярославской и других областей» (each name and «и» a word).
_LIST_SPAN = 24


# A list of adjectives may end with a rural municipality too: «в Пионерском и Паратунском
# сельских поселениях», «Таштыпского и Матурского сельсоветов».
_RURAL_MUNICIPAL = frozenset(["поселение", "сельсовет"])
# «в Волжском, Новоторъяльском и Сернурском муниципальных образованиях»: municipalities named
# by their adjectives, a district's or a village council's, not the towns Волжский and others.
_FORMATIONS = frozenset(["образование"])
_LIST_HEADS_RURAL = LIST_HEADS | _RURAL_MUNICIPAL | _FORMATIONS
_RURAL_ADJ = frozenset(["сельский"])
_SK_ADJ = re.compile(r"[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")
# Nouns of federal subjects a list of adjectives may end with (not «республика»: «Башкирской
# и Татарской автономных республик» are the old names of today's regions).
_SUBJECT_NOUNS = frozenset(["область", "край"])
# The adjectives of a subject's official kind, capitalised as the official name writes them:
# «в Донецкой и Луганской Народных Республиках» is one list, not a village and its district.
_TITLE_CASE_ADJ = frozenset(["народный", "автономный"])


def _city_districts(words: list[Word], i: int) -> int | None:
    """Where a list of a city's districts ends, when one starts at words[i]: «жители
    Ворошиловского, Калининского и Петровского районов», «в Кировском, Ленинском и Пролетарском
    районах» (a name that many cities give a district makes the whole list a city's, not the
    rural districts of a region that share one of its names)."""
    if i + 1 >= len(words):
        return None
    nxt = words[i + 1]
    if not (nxt.cap or fold(nxt.text) in ("и", "или")):
        return None  # (the common case: no second member right after the first)
    k = i
    shared = False
    members = 0
    while k < len(words) and k - i <= _LIST_SPAN and (k == i or not words[k].sent_start):
        lemmas = lem(words[k])
        if lemmas & LIST_HEADS:
            break
        if fold(words[k].text) not in ("и", "или"):
            if not (words[k].cap and info(words[k].text).adjective):
                return None
            shared = shared or bool(lemmas & DISTRICT_ADJ)
            members += 1
        k += 1
    else:
        return None
    if members < 2 or not shared or not lem(words[k]) & {"район"}:
        return None
    return k


def _listed(
    text: str, words: list[Word], i: int, gaz: Gazetteer
) -> tuple[Entry | None, bool] | None:
    """An adjective in a list that ends with its noun: «Самарской, Челябинской и Нижегородской
    областей», «в Ардатовском и Арзамасском районах», «Башкирской и Татарской автономных
    республик». Returns (the entry the adjective and the noun make, or None; whether the noun
    makes the adjective's own entry strong), or None when no such list starts here."""
    k = i + 1
    n = len(words)
    while k < n and k - i <= _LIST_SPAN and not words[k].sent_start:
        if "(" in text[words[k - 1].end : words[k].start]:
            return None  # «в селах Лесное (Бийский район)»: a bracket says where, lists nothing
        lemmas = lem(words[k])
        if "федеральный" in lemmas:
            return None  # «Крымского федерального округа»: a federal district, no list
        if lemmas & _LIST_HEADS_RURAL:
            break
        if fold(words[k].text) in ("и", "или"):
            k += 1
            continue
        if info(words[k].text).adjective or (words[k].cap and _SK_ADJ.search(words[k].text)):
            # (a name the dictionary misreads is an adjective by its ending: «Паратунском»)
            if (
                words[k].cap
                and words[k].glued_prev
                and info(words[k - 1].text).adjective
                and lemmas.isdisjoint(_TITLE_CASE_ADJ)
            ):
                return None  # «в Богородицком Ухоловского района»: a village, then its district
            k += 1
            continue
        return None
    else:
        return None
    if k == i + 1 or not words[i].cap:
        return None  # «Ленинградской области» is matched as it stands
    head = lem(words[k])
    if head & _FORMATIONS:
        return None, False  # (see `_FORMATIONS`)
    if head & _RURAL_MUNICIPAL:
        if any(lem(words[m]) & _RURAL_ADJ for m in range(i + 1, k)) or "сельсовет" in head:
            # «в Пионерском, Николаевском и Паратунском сельских поселениях»: villages'
            # municipalities, named after villages, not after the town «Пионерский»
            return None, False
        return None  # («в Вяземском и Сафоновском городских поселениях»: towns' own)
    best: Entry | None = None
    for lemma in info(words[i].text).lemmas:
        for e in gaz.by_first.get(lemma, ()):
            if len(e.words) == 2 and e.words[1] & head and (best is None or best.weak):
                best = e
    if best is not None:
        return best, False
    if head & _SUBJECT_NOUNS:
        found = match_at(words, i, gaz)
        if found is not None and found[0].kind == "adjective" and not found[0].primary:
            # «Архангельской, Тобольской, Московской и других областей»: a town's adjective
            # (not its region's or capital's) in a list of oblasts names no oblast there is.
            return None, False
    if head & _DISTRICT_HEADS or any(lem(words[m]) & ELECTORAL for m in range(i + 1, k)):
        return None, False  # districts we do not know; «Московского и … избирательных округов»
    return None if match_at(words, i, gaz) is None else (None, True)


def _district_of_region(hits: list[Hit], text: str) -> None:
    """«Сунженского района Ингушетии»: a district several regions have, followed by one of
    their names in the genitive, is that region's (not the other's, named elsewhere)."""
    ordered = sorted(hits, key=lambda h: h.start)
    for a, b in itertools.pairwise(ordered):
        if (
            a.kind == "district"
            and len(a.codes) > 1
            and b.kind == "name"
            and len(b.codes) == 1
            and b.codes[0] in a.codes
            and b.start > a.end
            and text[a.end : b.start].isspace()
        ):
            a.codes = b.codes


def _resolve(
    hits: list[Hit], source_region: str | None, text: str, title_end: int = 0
) -> list[tuple[Hit, tuple[str, ...]]]:
    """Each hit with the regions it stands for: weak forms and homonyms need context.
    ``title_end``: where a title on a line of its own ends (0: no such title)."""
    _town_lists(hits, text)
    _weak_in_lists(hits, text)
    if "поселени" in text or "территориальн" in text:
        _unit_namesakes(hits, text)
    _villages_by_adjective(hits, text)
    if _own_districts(hits):
        _unlisted_districts(hits)
    if "РТ" in text:
        _namesake_abbreviations(hits, text)
    if any(h.kind == "district" and len(h.codes) > 1 for h in hits):
        _district_demonyms(hits, text)
        _district_of_region(hits, text)
    if any(h.kind == "district" for h in hits):
        _district_centres(hits)
        _city_district_namesakes(hits)
    context: set[str] = set()
    narrowed: list[Hit] = []  # homonyms a pairing above narrowed to one region
    for h in hits:
        e = h.entry
        if e is not None and e.homonym and len(h.codes) == 1 and not h.weak:
            narrowed.append(h)
        elif not h.weak and not (e is not None and (e.homonym or e.alone)):
            context.update(h.codes)
    # («г. Советска … Советского района»: Кировская область) when no other region is named
    decided = {id(h) for h in narrowed if not context or h.codes[0] in context}
    context.update(c for h in narrowed if id(h) in decided for c in h.codes)
    if source_region:
        context.add(source_region)
    namesakes = _village_namesakes(hits, text, source_region)
    hints = homonym_hints(
        text,
        [
            h
            for h in hits
            if len(h.codes) > 1
            and h.kind in ("town", "district")
            and not context & set(h.codes)
            and not (namesakes and h in namesakes)
        ],
    )
    out: list[tuple[Hit, tuple[str, ...]]] = []
    for h in hits:
        if namesakes and h in namesakes:
            continue
        if decided and id(h) in decided:
            out.append((h, h.codes))
            continue
        homonym = h.entry is not None and h.entry.homonym
        if h.entry is not None and h.entry.alone and not h.weak:
            # «Костромской район» alone is around Кострома; next to Самарская область,
            # «Ставропольский район» is not Ставропольский край.
            if context:
                chosen = tuple(c for c in h.codes if c in context)
            elif h.entry.default:
                chosen = (h.entry.default,)
            else:  # (a name several regions share, nothing to say which: none of them)
                chosen = hints.get(id(h), ()) if homonym else h.codes
            if chosen:
                out.append((h, chosen))
            continue
        if not h.weak and not homonym:
            out.append((h, h.codes))
            continue
        chosen = tuple(c for c in h.codes if c in context)
        if not chosen and context and h.cue == "origin" and _club(h, text):
            # «В Челябинске «Трактор» обыграл екатеринбургский «Автомобилист»»: in a story set
            # in a region, a club's lower-case town adjective says where the visitors are from
            chosen = h.codes
        if not chosen and hints:
            chosen = hints.get(id(h), ())  # a landmark, or another homonym agreeing
        if not chosen and homonym and not h.weak and h.entry is not None and h.entry.default:
            chosen = (h.entry.default,)
        if chosen:
            out.append((h, chosen))
    _town_adjectives(out)
    _link(out, text)
    _affiliations(out, text, title_end)
    if "например" in text:  # (most texts: no example)
        _examples(out, text)
    # A chain across regions is a route: its ends are passing mentions («рейс
    # Новосибирск-Абакан-Кызыл»); a chain within one region is local («Кировск-Апатиты»).
    chains: dict[int, set[str]] = {}
    starts: dict[int, int] = {}
    links: dict[int, list[str]] = {}  # each chain's places, in order (folded)
    for h, codes in sorted(out, key=lambda hc: hc[0].start):
        if h.chain >= 0:
            chains.setdefault(h.chain, set()).update(codes)
            starts[h.chain] = min(starts.get(h.chain, h.start), h.start)
            links.setdefault(h.chain, []).append(fold(text[h.start : h.end]))
    # «авиарейсы Ставрополь–Махачкала–Ставрополь»: a round route, there and back, is a link
    # between its two places, and both are its story (no far end).
    rounds = {c for c, names in links.items() if len(names) == 3 and names[0] == names[2]}
    for h, _ in out:
        if h.chain in rounds:
            continue
        if h.chain >= 0 and len(chains[h.chain]) > 1 and not h.cue:
            h.cue = "road" if _after_road(text, starts[h.chain]) else "route"
        elif h.chain < 0 and not h.cue and _road_end(text, h):
            h.cue = "road"  # «дороги Санкт-Петербург – Ручьи»: the end of a road
    return out


@lru_cache(maxsize=1)
def _city_district_regions() -> dict[str, frozenset[str]]:
    """The regions of the cities that have a district of each name (folded)."""
    out: dict[str, set[str]] = {}
    for c in city_districts():
        out.setdefault(fold(c.name), set()).add(c.code)
    return {name: frozenset(codes) for name, codes in out.items()}


def _city_district_namesakes(hits: list[Hit]) -> None:
    """«администрация Прикубанского округа … кубанских блюд»: a district named like a city's
    district (Прикубанский округ of Краснодар) in a story that names the city's region, and
    not the region of the district so named (Карачаево-Черкесия), is the city's."""
    named = {c for h in hits if h.kind != "district" for c in h.codes}
    for h in hits:
        e = h.entry
        if h.kind != "district" or e is None or e.name in DISTRICT_ADJ or named & set(h.codes):
            continue
        cities = _city_district_regions().get(e.name, frozenset()) & named
        if cities:
            h.codes = tuple(sorted(cities))


@lru_cache(maxsize=1)
def _region_adjectives() -> frozenset[str]:
    return frozenset(fold(a) for r in REGIONS for a in r.adjectives)


def _district_centres(hits: list[Hit]) -> None:
    """«Школа в Михайловском районе Приморья … кружок прославил Михайловку»: a district is
    named after its centre, so in a story that names the district a town of another region
    named like that centre is the centre, in the district's region (the other evidence says
    which, when several regions have such a district), unless the text names the town's own
    region too. (Not the adjectives many districts take from people or ideas, `DISTRICT_ADJ`:
    «Кировский район» is no Кирова; nor a region's or its capital's adjective: «Красноярский
    район» of Астраханская область is named after Красный Яр, and «Красноярск» is the city.)"""
    named: dict[str, set[str]] = {}
    for h in hits:
        if (
            h.kind == "district"
            and h.entry is not None
            and h.entry.name not in DISTRICT_ADJ
            and h.entry.name not in _region_adjectives()
        ):
            named.setdefault(h.entry.name, set()).update(h.codes)
    if not named:
        return
    # (how many hits name each region: a town whose region another hit names is itself)
    count = collections.Counter(c for h in hits for c in set(h.codes))
    for h in hits:
        e = h.entry
        if h.kind != "town" or e is None or not e.real_town or h.chain >= 0:
            continue
        if any(count[c] > 1 for c in h.codes):
            continue  # «мэр Михайловки Волгоградской области»: the town itself
        for adj in centre_adjectives(e.surface, district_named=True):
            codes = named.get(adj)
            if codes and not codes & set(h.codes):
                h.codes = tuple(sorted(codes))
                h.weak = True
                h.village = True
                break


def _villages_by_adjective(hits: list[Hit], text: str) -> None:
    """«в ставропольском селе Заветном»: a region's adjective right before the village word
    says where the village lies; the data's village of that name in another region is a
    namesake (the village is the adjective's region's)."""
    for a, b in itertools.pairwise(hits):
        if not b.village or a.kind != "adjective" or len(a.codes) != 1 or a.codes[0] in b.codes:
            continue
        gap = text[a.end : b.start]
        if len(gap) < 20 and info(gap.strip()).lemmas & VILLAGE_CUES:
            b.codes = a.codes


def _own_districts(hits: list[Hit]) -> bool:
    """«бассейн города Кировска … глава Кировского района»: a town several regions have, named
    with the district it lies in, is the namesake that lies in a district so named (Кировск of
    Ленинградская область, not of Мурманская), and the district is that one. Returns whether
    the text names a district at all."""
    districts = {h.entry.name for h in hits if h.kind == "district" and h.entry is not None}
    if not districts:
        return False  # (most texts: no district named)
    # («Кировского городского округа»: an urban okrug is a town's own; a town that lies in a
    # district so named is not it)
    districts = {
        h.entry.name
        for h in hits
        if h.kind == "district"
        and h.entry is not None
        and not h.entry.surface.endswith(" городской округ")
    }
    for h in hits:
        if h.kind != "town" or h.entry is None or len(h.codes) < 2:
            continue
        namesakes = [t for t in towns_by_name(h.entry.surface) if t.code in h.codes]
        own = {t.code: fold(t.district.split()[0]) for t in namesakes if t.district}
        chosen = [c for c, name in own.items() if name in districts]
        if len(chosen) != 1:
            _own_okrug(h, [t.code for t in namesakes if not t.district], hits)
            continue
        code = chosen[0]
        h.codes, h.weak = (code,), False
        for d in hits:
            if (
                d.kind == "district"
                and d.entry is not None
                and d.entry.name == own[code]
                and code in d.codes
            ):
                d.codes, d.weak = (code,), False
    return True


# A municipality inside a district, after the adjective of its village.
_MUNICIPAL_UNIT = re.compile(r"\s+(?:(?:городск|сельск)\w*\s+поселени|территориальн\w*\s+отдел)\w*")


def _unit_namesakes(hits: list[Hit], text: str) -> None:
    """«В Михайловский район Приморья входят Новошахтинское городское поселение…»: a
    settlement or a district's territorial unit named like a town of another region is the
    village the data knows so in the region the story names, when nothing else names the
    town's region (Новошахтинск is in Ростовская область)."""
    units = [
        h
        for h in hits
        if h.kind in ("district", "adjective")
        and len(h.codes) == 1
        and _MUNICIPAL_UNIT.match(text, h.end)
    ]
    if not units:
        return  # (most texts: no such unit)
    named = collections.Counter(c for h in hits if not h.weak for c in set(h.codes))
    villages = gazetteer().villages
    for h in units:
        first = text[h.start : h.end].split(maxsplit=1)[0]
        found = {villages[x] for x in info(first).lemmas if villages.get(x)}
        if len(found) != 1:
            continue
        code = found.pop()
        if code != h.codes[0] and named[code] and named[h.codes[0]] == 1:
            h.codes, h.weak, h.village = (code,), False, True


def _own_okrug(town: Hit, okrugs: list[str], hits: list[Hit]) -> None:
    """«сити-менеджер Советска … глава Советского городского округа»: a town named with an
    urban okrug named after it is the namesake that is an urban okrug itself (Советск of
    Калининградская область, not the Kirov oblast's, which lies in a district), and the okrug
    is that town's."""
    if len(okrugs) != 1 or town.entry is None:
        return
    names = set(district_adjectives(town.entry.surface))
    found = [
        d
        for d in hits
        if d.kind == "district"
        and d.entry is not None
        and d.entry.name in names
        and d.entry.surface.endswith(" городской округ")
    ]
    if found:
        for h in (town, *found):
            h.codes, h.weak = (okrugs[0],), False


def _district_demonyms(hits: list[Hit], text: str) -> None:
    """«тамбовчан … глава Тамбовского района … Амурская область»: a town's demonym named like
    a district several regions have («Тамбовский район» of Амурская область too) belongs to
    that district's region when the text's other evidence names it: the people of the
    district's centre (село Тамбовка), not of the town Тамбов. The demonym then goes where
    the district goes, and says nothing of its own about which district it is."""
    stems = {
        fold(h.entry.name)[:-4]: h.codes  # «тамбовский» -> «тамбов»
        for h in hits
        if h.kind == "district" and len(h.codes) > 1 and h.entry is not None
    }
    demonyms = [
        (h, codes)
        for h in hits
        if h.kind == "town" and h.entry is None and not h.weak and len(h.codes) == 1
        for stem, codes in stems.items()
        if len(stem) > 3 and fold(text[h.start : h.end]).startswith(stem) and h.codes[0] in codes
    ]
    if not demonyms:
        return
    named = {id(h) for h, _ in demonyms}
    others = {
        c
        for h in hits
        if id(h) not in named
        and len(h.codes) == 1
        and not h.weak
        and not (h.entry is not None and (h.entry.homonym or h.entry.alone))
        for c in h.codes
    }
    for h, codes in demonyms:
        if h.codes[0] not in others and others & set(codes):
            h.codes, h.weak = codes, True


# The subjects whose districts OKTMO's copy lacks (those of 2022), not the federal cities.
_FEDERAL_CITIES = frozenset(["RU-MOW", "RU-SPE", "RU-SEV"])


@functools.cache
def _unlisted() -> frozenset[str]:
    listed = {d.code for d in districts()}
    return frozenset(r.code for r in REGIONS if r.code not in listed) - _FEDERAL_CITIES


def _unlisted_districts(hits: list[Hit]) -> None:
    """«глава Черниговского муниципального округа … детей Запорожской области»: a district the
    catalogue knows only elsewhere (Приморский край), in a story about one subject whose own
    districts it does not know, nothing else there naming the district's region, is that
    subject's district."""
    others = {
        c
        for h in hits
        if h.kind != "district" and not h.weak and not (h.entry is not None and h.entry.homonym)
        for c in h.codes
    }
    named = others & _unlisted()
    if len(named) != 1:
        return  # (most texts: no such subject named)
    (code,) = named
    for h in hits:
        if (
            h.kind == "district"
            and h.entry is not None
            and h.entry.kind == "district"
            and code not in h.codes
            and not others & set(h.codes)
        ):
            h.codes, h.weak = (code,), False


def _town_adjectives(hits: list[tuple[Hit, tuple[str, ...]]]) -> None:
    """«В Кировске … сотрудники Кировского диспансера»: a town's adjective that another town
    shares (Киров's «кировский») is the adjective of the town the text names, when it names
    that one and not the other."""
    towns: dict[str, str] = {}  # adjective -> the region of the town the text names
    named: set[str] = set()
    for h, codes in hits:
        if h.kind != "adjective":
            named.update(codes)
        if h.kind == "town" and h.entry is not None and len(codes) == 1 and not h.cue:
            for adj in district_adjectives(h.entry.surface):
                towns[adj] = codes[0]
    if not towns:
        return
    for k, (h, codes) in enumerate(hits):
        code = towns.get(h.entry.name) if h.kind == "adjective" and h.entry is not None else None
        if code is not None and code not in codes and not named & set(codes):
            h.codes = (code,)
            hits[k] = (h, (code,))


def _village_namesakes(hits: list[Hit], text: str, source_region: str | None) -> list[Hit]:
    """Villages named like a small town or a district's centre, in a story set in another
    region: «жители посёлка Лунино» of a Калининград district, «побывала в Бережках,
    Новомихайловке, Городище» (a list of villages the catalogue does not know) in a story
    about a Новосибирск district. Such names repeat across the country: the one meant is in
    the story's region. A village alone, or with its own region named, stays."""
    # A story about a district (named by it): a district's centre read from a bare name
    # (`_centre`: «отсыпка улицы в Чернигово») is more likely one of its villages.
    local = any(h.kind == "district" and len(h.codes) == 1 and _tells_story(h) for h in hits)
    # (a town's people are no bare name: «Министр Бурятии обратилась к иркутянам»)
    people = gazetteer().single_words
    found = [
        h
        for h in hits
        if (
            h.kind == "town"
            and len(h.codes) == 1
            and (h.entry is None or (h.entry.real_town and h.entry.surface not in _LARGE_TOWNS))
            and (
                h.village
                or _unknown_list(text, h, hits)
                or (local and h.entry is None and text[h.start : h.end] not in people)
            )
        )
        or (h.village and h.kind == "district" and len(h.codes) == 1)  # «ст. Николаевской»
        or (
            h.kind == "adjective"
            and len(h.codes) == 1
            and h.entry is not None
            and not h.entry.primary
            and h.codes[0] not in _FEDERAL_CITIES  # («Московский дом культуры»: the city's)
            and _VILLAGE_HALL.match(text, h.end) is not None
        )
    ]
    larger = [
        h
        for h in hits
        if h.kind == "town"
        and len(h.codes) == 1
        and h.entry is not None
        and h.entry.surface in _LARGE_TOWNS
    ]
    abroad = [
        h
        for h in hits
        if h.kind == "district"
        and len(h.codes) == 1
        and _unknown_list(text, h, hits, adjectives=True)
    ]
    if not found and not abroad and not larger:
        return found
    support: dict[str, int] = {}  # how many of the story's mentions name each region
    for h in hits:
        if _tells_story(h) and h not in found and h not in abroad:
            for c in h.codes:
                support[c] = support.get(c, 0) + 1
    for code in _village_regions(text, hits):
        support[code] = support.get(code, 0) + 1
    story = set(support)
    if source_region:
        story.add(source_region)
    out = [h for h in found if story and not story & set(h.codes)]
    if not story:  # a district's centre (no town) among three villages the catalogue lacks
        out += [h for h in found if h.entry is None and _village_run(text, h, hits)]
        out += _council_namesakes(text, found)
    # (a district listed with unknown ones goes even when the story names no region at all)
    out += [h for h in abroad if not story & set(h.codes)]
    for h in larger:  # a larger town's namesake, its region named by it alone, ending a list
        code = h.codes[0]
        if support.get(code, 0) > _tells_story(h) or code == source_region:
            continue
        if story - {code} and _village_run(text, h, hits):
            out.append(h)
    return out


def _council_namesakes(text: str, found: list[Hit]) -> list[Hit]:
    """In a story no region is named in, the villages a rural council says nothing for: a
    council is a municipality, and names where the story is over a bare village's name
    («Кильдебякское сельское поселение … лошадь из села Мартыново»: its village, not a
    namesake elsewhere); the councils of one story lie in one district, so two the catalogue
    puts in two regions are namesakes both («Краснозоренское … Россошенское сельское
    поселение»), and so are the villages with them."""
    councils = {
        c for h in found if h.entry is None and _council(text[h.start : h.end]) for c in h.codes
    }
    if not councils:
        return []  # (most stories: no council)
    if len(councils) > 1:
        return found
    return [h for h in found if not councils & set(h.codes)]


# A village's hall after a town's adjective: «в Карабашском культурном центре», «Бабаевского
# дома культуры», «Урусовском ДК» (a hall is named after its own village, which may share the
# name of a town far away).
_VILLAGE_HALL = re.compile(
    r"\s+(?:сельск\w+\s+)?(?:дом\w*\s+культуры|культурн\w+\s+центр|клуб\w*\s|ДК|СДК|СК)"
)


def _village_regions(text: str, hits: list[Hit]) -> set[str]:
    """The regions two or more villages of the catalogue are named in («в сёлах Рамзай и
    Шихазаны», «Таштыпский и Матурский сельсоветы»): they say where the story is."""
    names: dict[str, set[str]] = {}
    for h in hits:
        if h.village and h.entry is None and h.kind == "town" and len(h.codes) == 1:
            names.setdefault(h.codes[0], set()).add(_village_key(text[h.start : h.end]))
    return {code for code, named in names.items() if len(named) > 1}


def _village_key(name: str) -> str:
    """A village's name as `_village_regions` counts it: a rural council by its adjective's
    lemma («Слободчиковского сельского поселения» and «Слободчиковского и … сельских
    поселений» are one council, not two), any other name as written."""
    if _council(name):
        first = name.split(maxsplit=1)[0]
        return min(info(first).lemmas, default=fold(first))
    return fold(name)


def _council(name: str) -> bool:
    """Whether a village hit is a rural council of `_rural_councils` («Лыхминское сельское
    поселение»), not a village's own name («Старая Тойда»)."""
    _, _, rest = name.partition(" ")
    return bool(rest) and _COUNCIL_HEAD.match(rest) is not None


def _tells_story(h: Hit) -> bool:
    """Whether a mention says where the story is, for `_village_namesakes`."""
    return (
        not h.weak
        and not h.cue
        and not (h.entry is not None and (h.entry.homonym or h.entry.alone))
    )


_LARGE_TOWNS = frozenset(t for r in REGIONS for t in r.towns)
# A capitalised name and the gap after it in a list: «Бережках, », «Новомихайловка и ».
_NAME_BEFORE = re.compile(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)(?:\s*,\s*|\s+и\s+)$")
_NAME_AFTER = re.compile(r"(?:\s*,\s*|\s+и\s+)([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)")


def _village_run(text: str, h: Hit, hits: list[Hit]) -> bool:
    """A larger town's namesake at the end of a list of villages the catalogue does not
    know: «в Архаре, Новобурейском, Екатеринославке и Константиновке» (three unknown before
    it: a list of one district's villages, not of towns)."""
    return _unknown_list(text, h, hits, need=3)


def _known_spans(hits: list[Hit]) -> set[tuple[int, int]]:
    """The spans of the hits that name a known place for `_unknown_list`: not the villages of
    `Gazetteer.villages` (a list's villages, whatever the catalogue knows of them)."""
    return {(x.start, x.end) for x in hits if not (x.village and x.entry is None)}


def _unknown_list(
    text: str, h: Hit, hits: list[Hit], need: int = 2, *, adjectives: bool = False
) -> bool:
    """Whether the place is listed with two or more capitalised names that name nothing the
    catalogue knows (villages): «в Бережках, Новомихайловке, Новоалексеевке, Городище»;
    ``adjectives``: district adjectives the catalogue lacks («Гродненского, Мостовского и
    Берестовицкого районов»), the districts of another country."""
    near = text[max(0, h.start - 4) : h.start] + text[h.end : h.end + 4]
    if "," not in near and "и" not in near:
        return False  # (most places: not in a list at all)
    taken: set[tuple[int, int]] | None = None  # the hits' spans, read once a name is found
    unknown = 0
    end = h.start
    for _ in range(4):  # the names before it
        m = _NAME_BEFORE.search(text, max(0, end - 60), end)
        if m is None:
            break
        if taken is None:
            taken = _known_spans(hits)
        if any(a <= m.start(1) < b for a, b in taken):
            break
        if adjectives and not m.group(1).endswith(_ADJ_ENDS):
            break
        unknown += 1
        end = m.start(1)
    start = h.end
    for _ in range(4):  # and after it
        m = _NAME_AFTER.match(text, start)
        if m is None:
            break
        if taken is None:
            taken = _known_spans(hits)
        if any(a <= m.start(1) < b for a, b in taken):
            break
        if adjectives and not m.group(1).endswith(_ADJ_ENDS):
            break
        unknown += 1
        start = m.end(1)
    return unknown >= need


# How a district's adjective ends, in the plural lists' cases: «Мостовского», «Мостовском».
_ADJ_ENDS = ("ского", "ской", "ском", "ским", "цкого", "цкой", "цком", "цким")


def _namesake_abbreviations(hits: list[Hit], text: str) -> None:
    """«Верховного Хурала РТ» next to «Тувы»: an abbreviation two regions share means the one
    the text names otherwise, when it names that one and not its usual owner."""
    named = {c for h in hits if h.kind != "abbreviation" and not h.weak for c in h.codes}
    for h in hits:
        alt = (
            ABBREVIATION_NAMESAKES.get(text[h.start : h.end]) if h.kind == "abbreviation" else None
        )
        if alt is not None and alt in named and not named & set(h.codes):
            h.codes = (alt,)


def _affiliations(hits: list[tuple[Hit, tuple[str, ...]]], text: str, title_end: int = 0) -> None:
    """«СШ-6 (Улан-Удэ)», «Иванов (Тверь)»: towns in brackets after names, in a text that
    brackets several places so, are where the named teams or people come from (a list of
    participants or results), not where the story happens. Not so in the title (ending at
    ``title_end``): «Шолбан Кара-оол (Тува) и Валентин Коновалов (Хакасия) договорились
    сотрудничать» brackets the homes of the people the story is about, its regions."""
    bracketed = [
        h
        for h, _ in hits
        if not h.cue
        and h.start >= title_end
        and text.startswith(")", h.end)
        and (m := _BRACKET_OPEN.search(text, max(0, h.start - 12), h.start)) is not None
        and m.start() > 0
        and text[m.start() - 1] == " "  # after a name, not opening a line
    ]
    if len({c for h in bracketed for c in h.codes}) < 2:
        return
    for h in bracketed:
        h.cue = "origin"


# The bracket before a home town: «(Тверь)», «(все – Москва)» after a list of referees.
_BRACKET_OPEN = re.compile(r"\((?:(?:все|оба|обе)\s*[-–—]\s*)?$")


def _examples(hits: list[tuple[Hit, tuple[str, ...]]], text: str) -> None:
    """A place given as an example that the next sentence sets against the writer's own,
    opening with «У нас»: «Бийские депутаты, например, не смогли принять бюджет. У нас всё
    обошлось» compares the story with elsewhere; it does not happen there."""
    for h, _ in hits:
        if h.cue or not _EXAMPLE.match(text, h.end):
            continue
        if _OURS.match(text, _sentence_end(text, h.end)):
            h.cue = "comparison"


# «Бийские депутаты, например,», «В Бийске, например,»: an example right after the place.
_EXAMPLE = re.compile(r"(?:\s+[а-яё]+){0,2},?\s+например\b")
# The next sentence about the writer's own place: «У нас», «А у нас».
_OURS = re.compile(r"\s*(?:А\s+)?[Уу]\s+нас\b")


def _club(h: Hit, text: str) -> bool:
    """A lower-case place adjective just before a quoted name: «казанский «Рубин»»."""
    return (
        h.kind == "adjective" and text[h.start].islower() and _QUOTED.match(text, h.end) is not None
    )


_QUOTED = re.compile(r"\s?[«„“\"]")
# (a list's last item may come after «а также», «а также и»: «Самара, а также Грозный»)
_TOWN_LIST_GAP = re.compile(r"\s*,\s*|\s*,?\s+(?:и|или|а\s+также(?:\s+и)?)\s+")


def _town_lists(hits: list[Hit], text: str) -> None:
    """A town that reads like a surname counts in a list of towns: «посетили Махачкалу,
    Грозный, Магас и Владикавказ» (not «Иван Грозный»)."""
    for run in (hits, hits[::-1]):
        for a, b in itertools.pairwise(run):
            if not (a.kind == b.kind == "town" and a.weak != b.weak):
                continue
            if len((a if a.weak else b).codes) > 1:
                continue  # a form several regions share stays weak
            left, right = (a, b) if a.start < b.start else (b, a)
            if _TOWN_LIST_GAP.fullmatch(text, left.end, right.start):
                a.weak = b.weak = False


# A name in brackets right after a quoted name: «“Прогресс” (Глазов)», a club's home town.
_AFTER_QUOTED = re.compile(r"[»“”\"]\s?\($")


def _bracketed(h: Hit, text: str) -> bool:
    return (
        h.kind == "town"
        and len(h.codes) == 1
        and text.startswith(")", h.end)
        and _AFTER_QUOTED.search(text, max(0, h.start - 3), h.start) is not None
    )


def _weak_in_lists(hits: list[Hit], text: str) -> None:
    """Weak names that the text's own lists make places:

    * a town that reads like a surname in brackets after a quoted name, in a text that
      brackets another town so: «“Славутич” (Смоленск) … “Прогресс” (Глазов)» (a table of
      clubs and their towns; not «книга «Космос» (Королёв)», an author);
    * «Алтай» listed after «республик»: «гости из республик Тыва и Алтай» is Республика
      Алтай, not Алтайский край.
    """
    for h in hits:
        if (
            h.weak
            and h.codes == _ALTAI
            and _REPUBLICS_BEFORE.search(text, max(0, h.start - 80), h.start)
        ):
            h.codes, h.weak = ("RU-AL",), False
    if "(" not in text:
        return
    weak = [h for h in hits if h.weak and _bracketed(h, text)]
    if weak and any(not h.weak and _bracketed(h, text) for h in hits):
        for h in weak:
            h.weak = False


_ALTAI = ("RU-AL", "RU-ALT")
# «республик Тыва и », «республиках Хакасия, Тыва и »: the list's earlier names, then a gap.
_REPUBLICS_BEFORE = re.compile(
    r"\b[Рр]еспублик(?:и|ам|ами|ах)?\s+(?:[А-ЯЁ][\w-]*(?:\s*,\s*|\s+и\s+))+$"
)


_DASH_GAP = re.compile(r"\s*[-–—]\s*(?:[А-ЯЁA-Z][\w-]*\s*[-–—]\s*){0,2}")
_LIST_GAP = re.compile(r"(?:[\s,]|\bи\b|\bили\b|[А-ЯЁ][\w-]*+)*")


_WORD = re.compile(r"\w+")
_TO_GAP = re.compile(r"\s+(?:в|во|на)\s+")


def _accusative(h: Hit, text: str) -> bool:
    """Whether the hit's first word reads as a direction («в Москву»), not a place («в Москве»)."""
    cases = info(text[h.start : h.end].split(maxsplit=1)[0]).cases
    return "accs" in cases and "loct" not in cases


def _after_road(text: str, start: int) -> bool:
    """Whether a road word comes just before ``start`` («автодорога Ак-Довурак-Абаза»)."""
    return _after_words(text, start, ROAD_WORDS)


def _after_words(text: str, start: int, lemmas: frozenset[str]) -> bool:
    """Whether one of ``lemmas`` is among the four words before ``start``."""
    before = _WORD.findall(text[max(0, start - 40) : start])[-4:]
    return any(info(w).lemmas & lemmas for w in before)


_TO_PLACE = re.compile(r"\s*[-–—]\s*[А-ЯЁ]")


def _road_end(text: str, h: Hit) -> bool:
    """A place joined by a dash to another capitalised name right after a road word."""
    return bool(_TO_PLACE.match(text, h.end)) and _after_road(text, h.start)


_FROM_GAP = re.compile(r"\s+(?:из|изо)\s+")
_TO_BEFORE = re.compile(r"\b(?:в|во|на)\s+$", re.IGNORECASE)


def _sent_from(to: Hit, start: Hit, text: str) -> bool:
    """«в Курскую область из Кузбасса отправилась фура»: a place something is sent to, right
    before where it leaves from, with a verb of sending or leaving next to them."""
    if not _TO_BEFORE.search(text, max(0, to.start - 4), to.start) or not _accusative(to, text):
        return False
    before = _WORD.findall(text[max(0, to.start - 30) : to.start])[-3:]
    after = _WORD.findall(text[start.end : start.end + 40])[:2]
    return any(info(w).lemmas & SEND_VERBS for w in (*before, *after))


_ARRIVE = ARRIVAL | frozenset(["прилететь", "прилетать", "приплыть", "пожаловать"])


def _arrived(start: Hit, end: Hit, text: str) -> bool:
    """«Из Москвы в Томск прибыли гости»: people arriving where the story is, with no route
    word next to the places (not «поезд из Курска прибыл в Москву», a route's end)."""
    before = _WORD.findall(text[max(0, start.start - 40) : start.start])[-4:]
    after = _WORD.findall(text[end.end : end.end + 40])[:3]
    near = [info(w).lemmas for w in (*before, *after)]
    return any(lemmas & _ARRIVE for lemmas in near) and not any(
        lemmas & ROUTE_WORDS for lemmas in near
    )


def _link(hits: list[tuple[Hit, tuple[str, ...]]], text: str) -> None:
    """Places joined by dashes are a chain («Абакан — Ак-Довурак», «Самара - Пугачёв -
    Волгоград»); places listed after «из» come from there too («гостей из Изборска, Старой
    Ладоги, Мурома»)."""
    next_chain = 1 + max((h.chain for h, _ in hits), default=0)
    ordered = sorted(hits, key=lambda hc: hc[0].start)
    for h, _ in ordered:
        if h.cue == "origin" and _abroad_route(text, h):
            h.cue = ""  # «рейсы из Башкирии в Таджикистан»: the region the route leaves
    starts: list[tuple[Hit, tuple[str, ...]]] = []  # where routes start: «из Курска»
    ends: list[Hit] = []  # where they go: «в Москву», «в Воронеж, Казань и Нижний Новгород»
    spread: list[Hit] = []  # route ends that a list gave their cue
    joined: list[Hit] = []  # the places of a list a road connects, after the first
    for (a, a_codes), (b, _) in itertools.pairwise(ordered):
        gap = text[a.end : b.start]
        if b.start > a.end and _DASH_GAP.fullmatch(gap):
            if a.chain < 0:
                a.chain = next_chain
                next_chain += 1
            b.chain = a.chain
        elif (
            b.start > a.end
            and _PLACE_LIST_GAP.fullmatch(gap)
            and (a in joined or _road_joins(text, a.start))
        ):
            # «трассы Р-260, соединяющей Белгород, Старобельск, Луганск»: the places a road
            # connects are its points, a chain like «Абакан — Ак-Довурак» (where the works
            # are is named apart: «в ЛНР приступили к восстановлению трассы»)
            if a.chain < 0:
                a.chain = next_chain
                next_chain += 1
            b.chain = a.chain
            joined.append(b)
        elif (
            not a.cue and b.cue == "origin" and _FROM_GAP.fullmatch(gap) and _sent_from(a, b, text)
        ):
            b.cue = ""  # «В Курскую область из Кузбасса отправилась фура»: the send-off is news
        elif a.cue == "origin" and not b.cue and len(gap) < 80 and _LIST_GAP.fullmatch(gap):
            b.cue = "origin"
        elif (
            a.cue == "origin"
            and not b.cue
            and _TO_GAP.fullmatch(gap)
            and _accusative(b, text)
            and not _arrived(a, b, text)
        ):
            if _moved(text, a.start):
                b.cue = ""  # «перенос чемпионата из Тюмени в Южно-Сахалинск»: the new venue
                continue
            b.cue = "route"  # «поезд из Курска в Москву»: where the route ends
            starts.append((a, a_codes))
            ends.append(b)
        elif a.cue == "origin" and not b.cue and _until_end(text, a, b):
            b.cue = "route"  # «Из Улан-Удэ запущен первый рейс до Томска»: where it ends
            starts.append((a, a_codes))
            ends.append(b)
        elif (
            a.cue == "origin"
            and b.cue in ("route", "trip")
            and len(gap) < 60
            and not _SENTENCE_END.search(gap)
        ):
            starts.append((a, a_codes))  # «из Волгограда пустят поезда в Воронеж»
            ends.append(b)
        elif (
            a.cue in ("route", "trip")
            and not b.cue
            and len(gap) < 80
            and _LIST_GAP.fullmatch(gap)
            and (a in spread or a in ends or _after_words(text, a.start, ROUTE_WORDS))
        ):
            # «рейсы в Воронеж, Казань и Нижний Новгород»: every end of the list (not so for
            # a trip: «поездка в Урюпинский и Алексеевский районы» may be the story itself)
            b.cue = "route"
            spread.append(b)
            if a in ends:
                ends.append(b)
    # Routes from one region are that region's news: where they start is the story («из
    # Ульяновска запустят рейсы в Махачкалу»), where they go passing. Routes from several
    # regions are a network (a federal list of new flights): every end is the story.
    if len({c for _, codes in starts for c in codes}) > 1:
        for h in ends:
            h.cue = ""
    for h, _ in starts:
        h.cue = ""


def _moved(text: str, start: int) -> bool:
    """Whether a word of moving a gathering opens the clause of the origin at ``start``:
    «Перенос чемпионата России по лёгкой атлетике из Тюмени в …», «турнир перенесли из …».
    Where it moves to is where it happens; where it was to be is passing."""
    head = text[max(0, start - 90) : start]
    dots = list(_CLAUSE_END.finditer(head))
    words = _WORD.findall(head[dots[-1].end() :] if dots else head)[-10:]
    # (a gathering must be what moves: not «перенесли время отправления поезда из …», «офис
    # перенесли из …», a route or a firm)
    return any(info(w).lemmas & _MOVE for w in words) and any(
        info(w).lemmas & _MOVED_GATHERING for w in words
    )


_MOVE = frozenset(["перенос", "перенести", "переносить"])
_MOVED_GATHERING = frozenset(
    [
        *("чемпионат", "первенство", "турнир", "кубок", "матч", "игра", "этап", "спартакиада"),
        *("соревнование", "олимпиада", "фестиваль", "конкурс", "концерт", "форум", "съезд"),
        *("конференция", "выставка", "ярмарка", "праздник", "мероприятие", "слёт", "слет"),
        *("марафон", "забег", "гонка", "сбор", "смена", "парад", "шоу", "спектакль"),
    ]
)


def _road_joins(text: str, start: int) -> bool:
    """Whether the place at ``start`` opens what a road connects: «трасса, соединяющая
    Белгород, Луганск и Донецк», «дороги, связывающей Кызыл и Абакан» (a participle of
    connecting right before it, a road word among the four words before the participle)."""
    words = _WORD.findall(text[max(0, start - 60) : start])[-5:]
    if not words or not info(words[-1]).lemmas & _CONNECT:
        return False
    return any(info(w).lemmas & ROAD_WORDS for w in words[:-1])


_CONNECT = frozenset(["соединять", "соединить", "связывать", "связать"])


def _until_end(text: str, start: Hit, end: Hit) -> bool:
    """Whether ``end`` follows «до» in the clause of ``start`` (an origin), with a route word
    between them or just before ``start``: «Из Улан-Удэ запущен первый рейс до Томска»,
    «автобус из Кызыла до Абакана» (where the route ends; not a span: «от … до …»)."""
    gap = text[start.end : end.start]
    if len(gap) > 60 or not _UNTIL_BEFORE.search(gap) or _CLAUSE_END.search(gap):
        return False
    return any(info(w).lemmas & ROUTE_WORDS for w in _WORD.findall(gap)) or _after_words(
        text, start.start, ROUTE_WORDS
    )


_UNTIL_BEFORE = re.compile(r"\bдо\s+$")


def _visitors(evidence: dict[str, list[Evidence]], text: str, lead_end: int) -> set[str]:
    """Regions whose delegation or head the title or the lead says is visiting: «посетила
    делегация из Сахалинской области», «Президент Татарстана находится в Курганской области
    с рабочим визитом». The visit is their news as much as the host's."""
    lead = text[:lead_end]
    if not any(key in lead for key in _VISIT_KEYS):
        return set()
    out: set[str] = set()
    for code, evs in evidence.items():
        for ev in evs:
            if ev.start >= lead_end or ev.kind not in ("name", "abbreviation"):
                continue
            before = _WORD.findall(text[max(0, ev.start - 30) : ev.start])[-2:]
            if before and fold(before[-1]) in ("из", "изо"):
                before = before[:-1]  # «делегация из Сахалинской области»
            if before and info(before[-1]).lemmas & VISITORS:
                out.add(code)
    return out


def _winners(evidence: dict[str, list[Evidence]], text: str, lead_end: int) -> set[str]:
    """Regions whose people the lead says won, one region by itself: «Спортсмены из
    Челябинской области завоевали 6 золотых медалей», «южноуральские дзюдоисты выиграли»
    at a tournament the title sets elsewhere. Their results are the story as much as the
    venue (not the regions of a list of rivals: «дзюдоисты из Курганской, Свердловской и
    Тюменской областей завоевали»: a comma or a word in capitals ends the words read)."""
    lead = text[:lead_end]
    if not any(key in lead for key in _WIN_KEYS):
        return set()
    out: set[str] = set()
    for code, evs in evidence.items():
        for ev in evs:
            if ev.start >= lead_end or ev.cue not in ("", "origin"):
                continue
            if ev.kind not in ("name", "adjective", "town"):
                continue
            if _LISTED_BEFORE.search(text, max(0, ev.start - 6), ev.start):
                continue  # the last of a list: «из Курганской и Тюменской областей завоевали»
            m = _AFTER_PLACE.match(text, ev.end)  # (a list's comma stops it: «Курганской, …»)
            if m is None:
                continue
            if any(info(w).lemmas & _WIN_VERBS for w in _WORD.findall(m.group())):
                out.add(code)
    return out


_LISTED_BEFORE = re.compile(r"(?:,|\s(?:и|или))\s*$")
# The words right after a place, in its sentence: «… завоевали», «… дзюдоисты выиграли».
_AFTER_PLACE = re.compile(r"(?:\s+[а-яё]+){1,2}")
_WIN_VERBS = frozenset(
    ["завоевать", "завоёвывать", "завоевывать", "выиграть", "выигрывать", "победить", "одержать"]
)
# What the verbs of `_WIN_VERBS` start with, in any form: «завоевали», «выиграла», «победил».
_WIN_KEYS = ("завоев", "завоёв", "выигр", "победил", "одержал")


# A visit in the title or the lead: «посетила делегация», «с рабочим визитом», «прибыл», «в
# рабочей командировке», «с рабочей поездкой».
_VISIT_KEYS = ("изит", "посетил", "посещени", "прибыл", "приехал", "командировк", "поездк")


def _abroad_route(text: str, h: Hit) -> bool:
    """«рейсы из Башкирии в Таджикистан»: a route word before a place the route leaves for a
    foreign country or capital, named next."""
    m = _TO_NAME.match(text, h.end)
    if m is None or not info(m.group(1)).lemmas & (COUNTRIES | FOREIGN):
        return False
    return _after_words(text, h.start, ROUTE_WORDS)


_TO_NAME = re.compile(r"\s+(?:в|во|на)\s+([А-ЯЁ][\w-]+)")


def _roles(
    evidence: dict[str, list[Evidence]],
    title_end: int,
    lead_end: int,
    source_region: str | None,
    text: str,
    *,
    teams: frozenset[str] = frozenset(),
    title_start: int = -1,
) -> dict[str, Role]:
    """main for the regions the story is about; mentioned for passing mentions.

    A mention with a cue (origin, route, state, comparison) is passing. The others score: 2
    in the lead, 1 after it; evidence right next to the previous one is the same mention
    («в городе Когалым Ханты-Мансийского округа»). A region is main when it is named in the
    title, or scores more than half the best score; when the title names regions, another
    region is main only when listed with one of them or scoring over twice their best.
    ``teams``: the homes of the sides of a match the title reports (`_title_teams`), titled.
    ``title_start``: where the title starts (-1: not known). With no region in the title, a
    federal story (the title or the lead puts a federal body or official first: `_federal`)
    has main only the regions the lead names by itself; a story the title sets in a foreign
    town or country (`_abroad_title`) has none: the regions it names are its guests' homes.
    """
    scores: dict[str, float] = {}
    titled: set[str] = set(teams)
    # «Делегация прибыла с визитом в Орловскую область»: the title's visit is its hosts' news
    # too (not a trip to Moscow, the federal centre: its ministries are passing)
    visit = _VISIT_TITLE.search(text, max(title_start, 0), title_end) is not None
    for code, evs in evidence.items():
        score = 0.0
        last_end = -10
        for ev in sorted(evs, key=lambda e: e.start):
            hosts_visit = visit and ev.cue == "trip" and ev.start < title_end
            if ev.cue and not (hosts_visit and code != "RU-MOW"):
                continue
            if ev.start < title_end:
                titled.add(code)
            if ev.start - last_end > 2:
                score += 2.0 if ev.start < lead_end else 1.0
            last_end = ev.end
        if code == source_region and score:
            score += 1.0
        scores[code] = score
    # (a title about people from a region abroad is theirs: «Туристы из Хабаровска застряли в
    # Китае»; a link's far end is not: «сообщение с Сочи»)
    abroad = (
        title_start >= 0
        and not any(
            ev.start < title_end and ev.cue in ("", "origin")
            for evs in evidence.values()
            for ev in evs
        )
        and (
            _abroad_title(text, title_start, title_end)
            or _abroad_venue(text, title_end, _sentence_end(text, lead_end))
        )
    )
    federal = (
        title_start >= 0
        and not titled
        and not abroad
        and _federal(text, title_start, title_end, lead_end)
    )
    if abroad:
        scores = dict.fromkeys(scores, 0.0)
    elif federal:
        scores = _federal_scores(evidence, _sentence_end(text, lead_end), text)
    top = max(scores.values(), default=0.0)
    if titled:
        # The title says which region the story is about: another region is main only when
        # the body names it more than the title's own, or lists it with a titled one («выехать
        # в Амурскую область, Карачаево-Черкесию и на Камчатку»); the others of a rating or
        # a comparison are passing.
        best_titled = max(scores[c] for c in titled)
        # (the lead read to its sentence's end: «Тульские рукопашники привезли медали из
        # Санкт-Петербурга … Соревнования проходили в Петербурге»)
        listed = (
            _listed_with(evidence, titled, text, lead_end)
            | _parallel(evidence, titled, text, lead_end)
            | _works(evidence, text, _sentence_end(text, lead_end))
            | _venues(evidence, text, _sentence_end(text, lead_end))
            | _named_venues(evidence, text, lead_end)
        )
        hosts: set[str] = set()
    else:
        # «финал конкурса стартует 22 сентября, открытие пройдёт в Доме правительства
        # Московской области»: with no region in the title, the place the lead says its
        # gathering takes place is the story's (the lead's sentence read to its end)
        hosts = set() if abroad else _venues(evidence, text, _sentence_end(text, lead_end))
        hosts |= _located(evidence, text, lead_end)
    # «Названы регионы с самыми высокими зарплатами»: a story about regions in the plural,
    # with none in its title, is a ranking or a statistic where each one named is a data point.
    ranking = not titled and _ranking(evidence, lead_end, text)
    # «Амурскую область посетила делегация из Сахалинской области»: a visit is both regions'
    visitors = _visitors(evidence, text, lead_end) if titled and not abroad else set()
    if titled and not abroad:
        visitors |= _winners(evidence, text, lead_end)
    if visit and titled and not abroad:
        visitors |= _visited(evidence, text)
    # «подписали соглашение о сотрудничестве», «побратимские связи»: both parties are the story
    parties = _parties(evidence, text, lead_end, titled) if titled and not abroad else set()
    if titled and not abroad and "подшеф" in text:
        parties |= _wards(evidence, text)
    # (a ranking's span that lists its ends, «от Белгорода и Курска до Калужской области и
    # Удмуртии», enumerates data points; not two ends, «от Калининграда до Владивостока»,
    # the whole country)
    spans = _listed_spans(evidence, text) if ranking else set()
    roles: dict[str, Role] = {}
    for code, score in scores.items():
        main = code in titled or (score > 0 and (ranking or score * 2 > top)) or score == top > 0
        main = main or code in hosts or code in spans
        if titled and code not in titled:
            main = (main and score > 2 * best_titled) or code in listed or code in visitors
            main = main or code in parties
        roles[code] = "main" if main else "mentioned"
    if top == 0 and not (federal or abroad):
        # Every mention is a passing one: when they are origins («гостей из Москвы, Пскова,
        # Великого Новгорода и Сольцов») or the ends of a road («Ак-Довурак-Абаза»), the
        # region named most is where it happens (not so for a flight or Moscow as the state);
        # the first of a road's ends on a tie, but not one of guests' origins named as often
        # as another («исследователи из Санкт-Петербурга и Пскова»: the host goes unnamed).
        # A lower-case adjective's origin is a club's or a band's home («питерского «Зенита»»,
        # «питерской группы «Аффинаж»»): the visitors', not where they play.
        # An agency's regional dateline over a lead whose actor is a federal body («Адыгея,
        # 5 сентября — ИА Регнум. Органами … МЧС РФ проведено 58 тыс. проверок») is the desk
        # that wrote the nation's news, not where it happens.
        nation = _FEDERAL.search(text, max(title_start, 0), _sentence_end(text, lead_end))
        counts = {
            code: (
                sum(
                    ev.cue in _WHERE_IT_HAPPENS
                    and not (ev.cue in ("dateline", "recalled", "speaker") and nation)
                    and not (ev.kind == "adjective" and ev.text[:1].islower())
                    and not (ev.cue == "history" and _joining(text, ev))
                    and not (ev.cue == "origin" and _neighbour(text, ev.start))
                    for ev in evs
                ),
                -min(ev.start for ev in evs),
            )
            for code, evs in evidence.items()
        }
        best = max(counts, key=lambda c: counts[c], default=None)
        if best is not None and counts[best][0] > 0:
            tied = any(c != best and counts[c][0] == counts[best][0] for c in counts)
            if not tied or any(ev.cue != "origin" for ev in evidence[best]):
                roles[best] = "main"
    return roles


def _listed_spans(evidence: dict[str, list[Evidence]], text: str) -> set[str]:
    """Regions at the ends of a span whose ends are lists: «от Белгорода и Курска до
    Калужской области и Удмуртии» (each end listed with another place)."""
    if not any(ev.cue == "range" for evs in evidence.values() for ev in evs):
        return set()  # (most texts: no span)
    marks = sorted((ev.start, ev.end, code, ev.cue) for code, evs in evidence.items() for ev in evs)
    out: set[str] = set()
    for k, (start, end, code, why) in enumerate(marks):
        if why != "range":
            continue
        before = marks[k - 1] if k > 0 else None
        after = marks[k + 1] if k + 1 < len(marks) else None
        if (before and before[1] < start and _PLACE_LIST_GAP.fullmatch(text, before[1], start)) or (
            after and end < after[0] and _PLACE_LIST_GAP.fullmatch(text, end, after[0])
        ):
            out.add(code)
    return out


def _neighbour(text: str, start: int) -> bool:
    """«Делегацию из соседнего Татарстана принимали в хозяйстве»: a neighbour is so to the
    place the story is in, which it cannot be (the word right before the place)."""
    words = _WORD.findall(text[max(0, start - 20) : start])[-1:]
    return bool(words) and "соседний" in info(words[0]).lemmas


# A visit in the title: «прибыла с визитом в», «визит делегации в».
_VISIT_TITLE = re.compile(r"[Вв]изит|[Дд]елегаци")


def _visited(evidence: dict[str, list[Evidence]], text: str) -> set[str]:
    """Regions the body names as the place a delegation of the title visits: «Делегация
    Калмыкии отправилась на юбилей … Ставрополье посетят законодатели из регионов»: the hosts'
    news too, wherever the text says so (not Moscow: a trip to the federal centre is passing).
    """
    out: set[str] = set()
    for code, evs in evidence.items():
        if code == "RU-MOW":
            continue
        for ev in evs:
            if ev.cue or ev.kind not in ("name", "town"):
                continue
            near = (
                *_WORD.findall(text[max(0, ev.start - 20) : ev.start])[-1:],
                *_WORD.findall(text[ev.end : ev.end + 20])[:1],
            )
            if any(info(w).lemmas & _VISIT_VERBS for w in near) and not _OTHER_TRIP.search(
                text, _sentence_start(text, ev.start), _sentence_end(text, ev.end)
            ):
                out.add(code)
                break
    return out


_VISIT_VERBS = frozenset(["посетить", "посещать"])
# A visit before or after this one: «Ранее глава Калмыкии посетил Астрахань», «В прошлом году
# депутаты посетили Рязань», «Позже делегация посетит Казань» (not the trip of the title).
_OTHER_TRIP = re.compile(
    r"\b(?:[Рр]анее|[Пп]режде|[Дд]о\s+этого|[Пп]озже|[Пп]озднее|[Вв]последствии"
    r"|[Вв]\s+(?:прошл|следующ|дальнейш)\w*)\b"
)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence that ``at`` falls in starts: after the last full stop or line end."""
    return max(text.rfind(c, 0, at) for c in ".!?\n") + 1


def _parties(
    evidence: dict[str, list[Evidence]], text: str, lead_end: int, titled: set[str]
) -> set[str]:
    """The other party of an agreement or a twinning the title or the lead tells of:
    «Губернаторы Красноярского края и Санкт-Петербурга подписали дорожную карту
    сотрудничества», «у Братска появился побратим — крымский город Саки». One or two regions
    the lead names by themselves (not as where the talks were: «в Сочи», nor a guest's home),
    next to the title's own."""
    lead = text[:lead_end]
    if not any(key in lead for key in _PARTY_KEYS):
        return set()  # (most texts: no agreement)
    out: set[str] = set()
    for code, evs in evidence.items():
        if code in titled:
            continue
        for ev in evs:
            if ev.start >= lead_end or ev.cue or ev.kind in ("district", "adjective"):
                continue  # (an adjective may name a forum: «на Петербургском форуме»)
            if _AT_BEFORE.search(text, max(0, ev.start - 4), ev.start):
                continue  # where the parties met or signed
            out.add(code)
            break
    return out if len(out) <= 2 else set()


def _wards(evidence: dict[str, list[Evidence]], text: str) -> set[str]:
    """The ward of a patronage the story tells of: «обсудили помощь подшефному Сватовскому
    району Луганской Народной Республики», «гуманитарный груз для подшефного Володарского
    округа». A patron region's aid to its ward is the news of both, like a twinning's
    parties (the ward named within four words after «подшефный», wherever in the text)."""
    return {
        code
        for code, evs in evidence.items()
        for ev in evs
        if not ev.cue and _after_words(text, ev.start, _WARD)
    }


_WARD = frozenset(["подшефный"])


# What an agreement or a twinning of regions or towns is called: «сотрудничества»,
# «соглашение», «взаимодействия двух регионов», «побратим», «меморандум»; and a patronage,
# a bond of two parties too: «установила шефские связи с городом», «взяла шефство над».
_PARTY_KEYS = (
    *("сотрудничеств", "соглашени", "взаимодейств", "побратим", "меморандум"),
    *("шефств", "шефск"),
)


def _joining(text: str, ev: Evidence) -> bool:
    """Whether a commemorated past is the region's joining Russia («годовщина воссоединения
    Крыма с Россией», «Крым воссоединился с Россией»): a holiday of the whole country, marked
    anywhere, that does not say where the story happens (a town's liberation does)."""
    return _JOINING.search(text, max(0, ev.start - 60), min(len(text), ev.end + 20)) is not None


_JOINING = re.compile(r"(?:[Вв]оссоедин|[Пп]рисоедин|[Вв]хождени|[Вв]озвращени)")


def _federal_scores(
    evidence: dict[str, list[Evidence]], lead_end: int, text: str
) -> dict[str, float]:
    """Scores in a federal story («Президент России обновил состав Госсовета», «Совет
    Федерации почтил память…»): the federal body is what it is about, and a region counts
    only when the lead names it by itself, not as one of a list of three or more («глав
    Дагестана, Пермского края, Волгоградской … областей», «в том числе ДНР, ЛНР,
    Запорожскую и Херсонскую области»), nor further on (a senator's home, a detail)."""
    marks = sorted(
        (ev.start, ev.end, code)
        for code, evs in evidence.items()
        for ev in evs
        if not ev.cue and ev.start < lead_end
    )
    runs: list[list[tuple[int, int, str]]] = []
    for mark in marks:
        if runs and _PLACE_LIST_GAP.fullmatch(text, runs[-1][-1][1], mark[0]):
            runs[-1].append(mark)
        else:
            runs.append([mark])
    scores = dict.fromkeys(evidence, 0.0)
    for run in runs:
        if len({code for _, _, code in run}) < 3:
            for _, _, code in run:
                scores[code] += 2.0
    return scores


def _speakers(hits: list[tuple[Hit, tuple[str, ...]]], text: str, title_end: int) -> None:
    """«С докладом выступят министр … и губернатор Алтайского края»: the speakers at a meeting
    come from their regions, which are not what the meeting is about (as a guest's home)."""
    for h, _ in hits:
        if (
            not h.cue
            and h.start >= title_end
            and (m := _SPEAKERS.search(text, _sentence_start(text, h.start), h.start))
            and not _TOPIC.search(text, m.end(), h.start)
        ):
            h.cue = "speaker"


# «С докладом выступят министр … и губернатор …», «выступил с основным докладом» (not the
# report's topic after it: «выступил с докладом о паводке в Хакасии»).
_TOPIC = re.compile(r"\b(?:о|об|обо|по)\s")
_SPEAKERS = re.compile(
    r"\b[Сс]\s+(?:[а-яё]+\s+)?доклад\w*\s+выступ|\bвыступ\w*\s+с\s+(?:[а-яё]+\s+)?доклад"
)


def _abroad_title(text: str, start: int, title_end: int) -> bool:
    """Whether the title sets the story in a foreign capital or country: «Звёзды российского
    театра выступят в Алматы», «Праздник в Сухуме»."""
    return any(
        fold(m.group(1)[:3]) in _FOREIGN_STARTS and info(m.group(1)).lemmas & _ABROAD
        for m in _IN_NAME.finditer(text, start, title_end)
    )


def _abroad_venue(text: str, start: int, end: int) -> bool:
    """Whether the lead (from ``start`` to ``end``) holds the story's gathering abroad:
    «медали на олимпиаде, проходившей в Италии», «турнир состоялся в Минске». The regions
    named then are the homes of those who went, with a title that names none."""
    if "в" not in text[start:end]:
        return False
    for m in _IN_NAME.finditer(text, start, end):
        name = m.group(1)
        if fold(name[:3]) not in _FOREIGN_STARTS or not info(name).lemmas & _ABROAD:
            continue
        before = _WORD.findall(text[max(0, m.start() - 30) : m.start()])[-2:]
        if any(info(w).lemmas & _TAKES_PLACE for w in before) and not _time_spent(
            text, m.start(), m.end()
        ):
            return True
    return False


# Foreign capitals, states and countries a title may set its story in.
_ABROAD = FOREIGN | COUNTRIES | STATES_ABROAD
_FOREIGN_STARTS = frozenset(f[:3] for f in _ABROAD)


# A capitalised name after «в»: where a title sets its story.
_IN_NAME = re.compile(r"\b[Вв]о?\s+([А-ЯЁ][\w-]+)")


def _federal(text: str, start: int, title_end: int, lead_end: int) -> bool:
    """Whether a federal body or official of Russia leads the story: named in the title
    («Президент России обновил…», «Совет Федерации почтил…»; or the country itself, whose
    title it opens: «Россия проиграла Австрии»), on a line of its own that opens the lead
    (the body speaking: «Министерство просвещения Российской Федерации»), or as where the
    lead's meeting is («в Министерстве регионального развития РФ состоялась»).
    Not a body the lead names in passing («выборов депутатов Государственной Думы»), nor a
    federal body's regional office («МЧС России по …»)."""
    lead = text[start:lead_end]
    if not any(key in lead for key in _FEDERAL_KEYS):
        return False  # (most texts: no federal body in the lead)
    if _COUNTRY_TITLE.match(text, start):
        return True
    for m in _FEDERAL.finditer(text, start, title_end):
        if m.start() == start and not text[m.end() : title_end].strip(" .\n"):
            continue  # a title of the name alone, «Президент России»: a site's banner link
        if not _participial(text, m.start()):
            return True
    for m in _FEDERAL.finditer(text, title_end, lead_end):
        if _AT_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            return True
        line_end = text.find("\n", m.end())
        if text[m.start() - 1] == "\n" and 0 <= line_end - m.end() < 20:
            return True
    return False


def _participial(text: str, at: int) -> bool:
    """Whether the federal name at ``at`` is inside a participial phrase, which qualifies
    another noun of the title: «Дворы преображаются по нацпроекту, инициированному
    Президентом страны Владимиром Путиным» (the yards are the story, not the President)."""
    head = text[max(0, at - 60) : at]
    comma = head.rfind(",")
    words = _WORD.findall(head[comma + 1 :]) if comma >= 0 else []
    if not words:
        return False
    parses = analyzer().parse(words[0].lower())
    return bool(parses) and parses[0].tag.POS == "PRTF"


# A title whose subject is the country or its national team: «Россия проиграла Австрии»,
# «Сборная России по хоккею вышла в финал» (the nation's story, like a federal body's).
_COUNTRY_TITLE = re.compile(r"(?:Россия|Сборная\s+России)\b")
# What every federal body's or official's name in `_FEDERAL` holds.
_FEDERAL_KEYS = ("Федерац", "Дум", "Госдум", "Росси", "РФ", "Путин", "Мишустин", "Кремл")
_RF = r"(?:России|РФ|Российской\s+Федерации)"
_FEDERAL = re.compile(
    r"(?:\bСовет\w*\s+Федерации|\bГосдум\w*|\bГосударственн\w+\s+Дум\w*"
    r"|\b(?:[Пп]резидент|[Пп]равительств|[Вв]ласт|(?:[Пп]ремьер-)?[Мм]инистр|[Мм]инистерств)"
    r"\w*(?:\s+[а-яё]+){0,4}\s+<RF>|\bМин[а-яё]{3,}\s+<RF>"
    r"|\bПутин\w*|\bМишустин\w*|\bКремл\w*)(?!\s+по\s)".replace("<RF>", _RF)
)


def _ranking(evidence: dict[str, list[Evidence]], lead_end: int, text: str) -> bool:
    """Whether the lead speaks of regions in the plural, in a sentence that names none of
    them («Обнародован список регионов с самой высокой рождаемостью»), not «в десятку
    регионов вошла Белгородская область», whose story is that one region's place."""
    m = _REGIONS_PLURAL.search(text, 0, lead_end) or _IN_RUSSIA.search(text, 0, lead_end)
    if m is None:
        return False
    start = max(text.rfind("\n", 0, m.start()), 0)
    for dot in _SENTENCE_END.finditer(text, start, m.start()):
        start = dot.end()
    stop = _SENTENCE_END.search(text, m.end())
    end = stop.end() if stop else len(text)
    line = text.find("\n", m.end(), end)
    end = line if line >= 0 else end
    # (a region named there only in passing, «как с Курской областью», is no data point)
    return not any(
        start <= ev.start < end and not ev.cue for evs in evidence.values() for ev in evs
    )


def _works(evidence: dict[str, list[Evidence]], text: str, lead_end: int) -> set[str]:
    """Regions the lead names as where something is built or restored, in a story whose
    title names another region (read only then): «Челябинская область должна начать
    восстановление школы в Ясиноватой (ДНР)» is the news of the place rebuilt as much as of
    its patron (the work's noun or verb among the three words before «в», in its clause)."""
    out: set[str] = set()
    for code, evs in evidence.items():
        for ev in evs:
            if ev.start >= lead_end or ev.cue or ev.kind not in ("name", "town", "district"):
                continue
            if not _AT_BEFORE.search(text, max(0, ev.start - 4), ev.start):
                continue
            head = text[max(0, ev.start - 50) : ev.start]
            dots = list(_CLAUSE_END.finditer(head))
            before = _WORD.findall(head[dots[-1].end() :] if dots else head)[-4:-1]
            if any(info(w).lemmas & _WORKS for w in before):
                out.add(code)
                break
    return out


# Building and restoring: «восстановление школы в», «отремонтируют мост в», «строительство
# больницы в».
_WORKS = frozenset(
    [
        *("восстановление", "восстанавливать", "восстановить", "ремонт", "отремонтировать"),
        *("ремонтировать", "строительство", "строить", "построить", "реконструкция"),
    ]
)


def _venues(evidence: dict[str, list[Evidence]], text: str, lead_end: int) -> set[str]:
    """Regions the lead names as where the story's gathering takes place: «в Московской
    области проходит второй Совет регионов», «Форум состоялся в Якутске» (the host, while
    the title names the guest's region). One place alone: a list of venues («этапы пройдут
    в Брянске, Ставрополе») is a detail, and a mention far from the lead too."""
    marks = sorted((ev.start, ev.end, code, ev.cue) for code, evs in evidence.items() for ev in evs)
    out: set[str] = set()
    for k, (start, end, code, passing) in enumerate(marks):
        if start >= lead_end or passing or code in out:
            continue
        if not _AT_BEFORE.search(text, max(0, start - 4), start) and not _in_hall(text, start):
            continue
        prev_end = marks[k - 1][1] if k > 0 else -1
        next_start = marks[k + 1][0] if k + 1 < len(marks) else -1
        if (0 <= prev_end < start and _PLACE_LIST_GAP.fullmatch(text, prev_end, start)) or (
            next_start > end and _PLACE_LIST_GAP.fullmatch(text, end, next_start)
        ):
            continue  # one of a list
        head = text[max(0, start - 40) : start]
        dots = list(_CLAUSE_END.finditer(head))  # (not «праздник, который в Якутии …»)
        before = _WORD.findall(head[dots[-1].end() :] if dots else head)[-4:-1]
        after = _WORD.findall(text[end : end + 40])[:2]
        if (
            any(info(w).lemmas & _TAKES_PLACE for w in (*before, *after))
            and not _recalled(text, start)
            and not _time_spent(text, start, end)
        ):
            out.add(code)
    return out


def _located(evidence: dict[str, list[Evidence]], text: str, lead_end: int) -> set[str]:
    """Regions the lead says the story's place lies in: «расположен он в Татарстане, в
    тридцати километрах от чувашской границы» (an exclave: where it lies is its story too)."""
    if "располож" not in text[:lead_end]:
        return set()  # (most leads: no location told)
    return {
        code
        for code, evs in evidence.items()
        for ev in evs
        if ev.start < lead_end
        and not ev.cue
        and _LOCATED_BEFORE.search(text, max(0, ev.start - 30), ev.start)
    }


# «расположен в », «расположена она в », «располагается в »: where a place lies.
_LOCATED_BEFORE = re.compile(
    r"\bрасполо(?:жен|гает)[а-яё]*(?:\s+(?:он|она|оно|они))?\s+(?:в|во|на)\s+$"
)


def _recalled(text: str, at: int) -> bool:
    """Whether the sentence ``at`` falls in recalls earlier news: «Ранее сообщалось, что
    фестиваль проходит также в Казани» (not where the story's own gathering is)."""
    start = max(text.rfind("\n", 0, at), 0)
    for dot in _SENTENCE_END.finditer(text, start, at):
        start = dot.end()
    return _RECAP.match(text, start) is not None


def _named_venues(evidence: dict[str, list[Evidence]], text: str, lead_end: int) -> set[str]:
    """Where the gathering the lead names by its quoted name takes place, said further on:
    «соревнования «Юность Урала» прошли в Каменске-Уральском» after a lead about a team's
    results at «Юность Урала». One place alone, as in `_venues`."""
    names = {fold(m.group(1)) for m in _QUOTED_NAME.finditer(text, 0, lead_end)}
    if not names:
        return set()  # (most leads: no quoted name)
    out: set[str] = set()
    for code, evs in evidence.items():
        for ev in evs:
            if ev.start < lead_end or ev.cue or ev.kind not in ("town", "name"):
                continue
            if not _AT_BEFORE.search(text, max(0, ev.start - 4), ev.start):
                continue
            if _NEXT_PLACE.match(text, ev.end):
                continue  # one of a list of venues: «этапы пройдут в Брянске, Ставрополе»
            start = max(text.rfind("\n", 0, ev.start), 0)
            for dot in _SENTENCE_END.finditer(text, start, ev.start):
                start = dot.end()
            sentence = text[start : ev.start]
            if _RECAP.match(sentence):
                continue  # «Напомним, …», «Сообщалось также, что …»: an earlier story's news
            quoted = {fold(m.group(1)) for m in _QUOTED_NAME.finditer(sentence)}
            before = _WORD.findall(sentence)[-4:-1]
            if (
                quoted & names
                and any(info(w).lemmas & _TAKES_PLACE for w in before)
                and not _time_spent(text, ev.start, ev.end)
            ):
                out.add(code)
    return out


def _in_hall(text: str, start: int) -> bool:
    """Whether a place follows «в» and a building or a body of it: «пройдёт в Доме
    правительства Московской области», «в администрации Тульской области состоялось», «в
    Концертном зале Правительства Москвы», «в выставочном центре «Патриот» Московской
    области» (an adjective may open the building's name, its own name in quotes close it)."""
    m = _HALL_BEFORE.search(text, max(0, start - 90), start)
    if m is None:
        return False
    words = m.group(1).split()
    if len(words) > 1 and info(words[0]).adjective and not info(words[0]).lemmas & _HALLS:
        words = words[1:]  # «Концертном зале», «выставочном центре»
    return len(words) <= 2 and all(info(w).lemmas & _HALLS for w in words)


# «в» and one to three words right before a place, the last maybe a quoted name: «в Доме
# правительства », «в здании », «в выставочном центре «Патриот» ».
_HALL_BEFORE = re.compile(
    r"\b(?:в|во)\s+((?:[А-ЯЁа-яё]+\s+){1,3})(?:[«\"„“][^«»\"„“”\n]{1,40}[»\"”]\s+)?$",
    re.IGNORECASE,
)
# Buildings and bodies a gathering takes place in: «в Доме правительства», «в администрации».
_HALLS = OFFICES | frozenset(["дом", "здание", "зал", "резиденция", "центр", "дворец"])


# A sentence that recalls earlier news: «Напомним, …», «Ранее сообщалось, что …», «Как
# сообщалось, …», «Сообщалось также, что …».
_RECAP = re.compile(
    r"\s*(?:Напомн(?:им|ю)|Напоминаем|(?:(?:Как|Ранее)\s+(?:уже\s+)?)?(?:сообщалось|писали)"
    r"|Ранее|Сообщалось)\b",
    re.IGNORECASE,
)
_NEXT_PLACE = re.compile(r"\s*(?:,|\s(?:и|или))\s*(?:(?:в|во)\s+)?[А-ЯЁ]")
# A quoted name: «Юность Урала», "Мисс Волгатех".
_QUOTED_NAME = re.compile(r"[«\"„“]([^«»\"„“”]{3,60})[»\"”]")
_AT_BEFORE = re.compile(r"\b(?:в|во)\s+$", re.IGNORECASE)


# Verbs of a gathering taking place: «проходит», «прошёл», «состоялся», «пройдёт», and
# «открылась» (a show or a forum opening there), and a match played there: «В Казани уфимцы
# сразятся с местным клубом», «сыграют в Астрахани».
def _time_spent(text: str, start: int, end: int) -> bool:
    """Whether the clause of the place (``start`` to ``end``) tells time someone spent there,
    «провести» not of a gathering held: «детство он провёл в Казахстане», «провёл в Белоруссии
    десять лет», «отпуск губернатор провёл в Абхазии»."""
    head = text[max(0, start - 60) : start]
    dots = list(_CLAUSE_END.finditer(head))
    tail = text[end : end + 40]
    stop = _CLAUSE_END.search(tail)
    words = [
        *_WORD.findall(head[dots[-1].end() :] if dots else head),
        *_WORD.findall(tail[: stop.start()] if stop else tail),
    ]
    verbs = [w for w in words if info(w).lemmas & _HOLD]
    return bool(verbs) and any(info(w).lemmas & _TIME_SPENT for w in words)


_HOLD = frozenset(["провести", "проводить"])
# Time one spends somewhere («день» left out: «День города провели в …» is a gathering).
_TIME_SPENT = frozenset(
    [
        *("детство", "юность", "молодость", "отпуск", "каникулы", "выходной", "жизнь"),
        *("год", "месяц", "неделя", "сутки", "ночь", "время", "лето", "зима", "весна", "осень"),
    ]
)
_TAKES_PLACE = frozenset(
    [
        *("проходить", "пройти", "состояться", "проводиться", "открыться", "открываться"),
        *("провести", "проводить"),  # «Финал конкурса провели в Москве»: held there
        *("сразиться", "сыграть"),
    ]
)


# Regions in the plural: «список регионов», «регионы-лидеры», «в 12 субъектах».
_REGIONS_PLURAL = re.compile(
    r"\b(?:регион(?:ы|ов|ам|ами|ах)|субъект(?:ы|ов|ам|ами|ах))\b", re.IGNORECASE
)
# A sentence set in the whole country: «В России начали отменять концерты», an overview whose
# regions are its data points, as a ranking's (capitalised: the sentence's first words).
_IN_RUSSIA = re.compile(r"\bВ\s+России\b")
_WHERE_IT_HAPPENS = frozenset(
    ["origin", "road", "history", "dateline", "recalled", "border", "speaker"]
)
# Between two places of one list: a comma or a conjunction, and a preposition repeated.
_PLACE_LIST_GAP = re.compile(r"\s*(?:,|\s(?:и|или))\s*(?:(?:в|во|на)\s+)?")


def _listed_with(
    evidence: dict[str, list[Evidence]], titled: set[str], text: str, lead_end: int
) -> set[str]:
    """Regions named in one list with a region of the title (the list's mentions in a row),
    a list that opens in the lead: further on, a list that takes in the title's region too
    («этапы пройдут в Санкт-Петербурге, Брянске, Ставрополе») is a detail of the story."""
    marks = sorted(
        (ev.start, ev.end, code) for code, evs in evidence.items() for ev in evs if not ev.cue
    )
    out: set[str] = set()
    run: set[str] = set()
    skip = False  # the run opens with «между» (the two ends of a link), or after the lead
    last_end = -1
    run_start = 0
    for start, end, code in marks:
        if last_end < 0 or not _PLACE_LIST_GAP.fullmatch(text, last_end, start):
            if run & titled and not skip and not _homes(text, run_start, run):
                out |= run
            run = set()
            run_start = start
            skip = (
                start >= lead_end
                or _BETWEEN_BEFORE.search(text, max(0, start - 10), start) is not None
            )
        run.add(code)
        last_end = end
    if run & titled and not skip and not _homes(text, run_start, run):
        out |= run
    return out


def _parallel(
    evidence: dict[str, list[Evidence]], titled: set[str], text: str, lead_end: int
) -> set[str]:
    """Regions that open clauses of one sentence of the lead with «в», as the title's own
    does there: «В Мордовии и Нижегородской области спасатели наращивают группировку, в
    Марий Эл подключилась авиация» tells one news region by region, each its clause's place
    (not «в Марий Эл, где отдыхали гости из Мордовии»: a clause the region does not open)."""
    marks = sorted(
        (ev.start, ev.end, code)
        for code, evs in evidence.items()
        for ev in evs
        if not ev.cue and ev.start < lead_end
    )
    opening: dict[int, set[str]] = {}  # each sentence's regions that open its clauses
    last_end = -1  # where the last opening mark ends (a list goes on: «В Мордовии и …»)
    for start, end, code in marks:
        if _CLAUSE_IN.search(text, max(0, start - 10), start) or (
            last_end >= 0 and _PLACE_LIST_GAP.fullmatch(text, last_end, start)
        ):
            opening.setdefault(_sentence_end(text, start), set()).add(code)
            last_end = end
        else:
            last_end = -1
    return {c for codes in opening.values() if codes & titled and len(codes) > 1 for c in codes}


# «в» opening a clause: at a sentence's or a line's start, or after a comma («, а в»).
_CLAUSE_IN = re.compile(r"(?:^|[.!?…,;]\s+(?:(?:а|и)\s+)?|\n)[Вв]о?\s+$")


def _homes(text: str, start: int, run: set[str]) -> bool:
    """Whether a list of three regions or more follows people in the plural: «собрались
    молодые активисты Тюменской, Челябинской, Свердловской … областей» are where the
    gathering's people come from, not where it is (the title's own region among them)."""
    if len(run) < 3:
        return False
    if _FROM_REGIONS.search(text, max(0, start - 80), start):
        return True  # «коллективов из разных регионов нашей страны — Республики Бурятия, …»
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    parses = analyzer().parse(m.group(1).lower())
    return bool(parses) and {"NOUN", "anim", "plur"} <= parses[0].tag.grammemes


# «из» regions in the plural, then a dash or a colon that opens their list: «из разных
# регионов нашей страны — », «из пяти субъектов СФО: » (where the people come from).
_FROM_REGIONS = re.compile(
    r"\bиз\s+(?:[\w-]+\s+){0,2}(?:регион|субъект)\w*(?:\s+[\w-]+){0,2}\s*[—–:-]\s*$"
)
# The word right before a list: «активисты », «делегаций ».
_WORD_BEFORE = re.compile(r"([а-яё]+)\s+$")


# «сообщения между Волгоградом и Воронежем»: the preposition right before a place.
_BETWEEN_BEFORE = re.compile(r"\bмежду\s+$")


_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
# Where a clause ends: a sentence's end or a comma (a relative clause: «праздник, который в
# Якутии считается Новым годом» is not held in Якутия).
_CLAUSE_END = re.compile(r"[.!?…](?=\s|$)|,")


def _title_teams(
    hits: list[tuple[Hit, tuple[str, ...]]], text: str, title_start: int, title_end: int
) -> frozenset[str]:
    """The homes of the teams of a match the title reports: «Хабаровский «Амур» проиграл
    «Сибири»» with «команде «Сибирь» из Новосибирска» in the body, «"Факел" и "Балтика" не
    выявили победителя» with «калининградскую «Балтику»». Both sides of the match are the
    story, the visitors' home too (their next opponents are passing). Their mentions' cue
    is cleared: they count, as the title's own."""
    title = text[title_start:title_end]
    if title.count("«") + title.count('"') // 2 < 2:
        return frozenset()  # (most titles: no two quoted names)
    names = [info(m.group(1)).lemmas for m in _QUOTED_FIRST.finditer(title)]
    if len(names) < 2 or not any(info(w).lemmas & _MATCH_WORDS for w in _WORD.findall(title)):
        return frozenset()
    homes: set[str] = set()
    for h, codes in hits:
        if h.cue not in ("", "origin") or h.start < title_end:
            continue
        side = _SIDE_BEFORE.search(text, max(0, h.start - 50), h.start)
        if h.start < title_start + _LEAD and (
            (side and (side.group(1) in _AGAINST or info(side.group(1)).lemmas & _MATCH_WORDS))
            or (h.kind == "adjective" and _SIDE_AFTER.match(text, h.end))
        ):
            # «уступила клубу из Екатеринбурга», «оренбургский клуб»: in the lead of a match's
            # report, a side called by its home is one of the title's two
            h.cue = ""
            homes.update(codes)
            continue
        team = _TEAM_AFTER.match(text, h.end) or _TEAM_BEFORE.search(
            text, max(0, h.start - 60), h.start
        )
        if team is None:
            continue
        lemmas = info(team.group(1)).lemmas
        if any(lemmas & name for name in names):
            h.cue = ""
            homes.update(codes)
    return frozenset(homes)


# The first word of a quoted name: «Амур», "Факел", «Крылья Советов».
_QUOTED_FIRST = re.compile(r"[«\"„“]([А-ЯЁA-Z][\w-]*)")
# A team's name after its home's adjective («калининградскую «Балтику»», «хабаровский
# хоккейный клуб «Амур»»), or before its home («команде «Сибирь» из Новосибирска»).
_TEAM_AFTER = re.compile(r"(?:\s+[а-яё]+){0,2}\s*[«\"„“]([А-ЯЁA-Z][\w-]*)")
_TEAM_BEFORE = re.compile(r"[«\"„“]([А-ЯЁA-Z][\w-]*)[^«»\"„“”]{0,30}[»\"”]\s+(?:из|изо)\s+$")
# A side of a match called by its home: «уступила клубу из Екатеринбурга» (after a verb of
# the match or «с», «против»: not «вперёд вышел клуб из Казани»), «оренбургский клуб».
_SIDE_BEFORE = re.compile(r"\b([а-яё]+)\s+(?:клуб|команд|сборн)[а-яё]*\s+(?:из|изо)\s+$")
_AGAINST = frozenset(["с", "со", "против"])
_SIDE_AFTER = re.compile(r"\s+(?:клуб|команд|сборн)[а-яё]*\b")
# A title that reports a match: its verbs and nouns.
_MATCH_WORDS = frozenset(
    [
        *("матч", "игра", "встреча", "ничья", "победитель", "счёт", "счет", "дерби"),
        *("обыграть", "проиграть", "победить", "уступить", "сыграть", "одолеть", "разгромить"),
    ]
)


def _state_title(hits: list[tuple[Hit, tuple[str, ...]]], title_end: int) -> None:
    """Moscow in the title is the federal centre when the body names it only so: «Айсен
    Николаев работает в Москве» over «Глава Якутии находится в рабочей командировке в
    Москве» (a trip to the federal centre, `cue`) is that trip, not a story set in Moscow."""
    moscow = [h for h, codes in hits if codes == ("RU-MOW",)]
    body = [h for h in moscow if h.start >= title_end]
    if not body or any(h.cue != "state" for h in body):
        return  # (most texts: no Moscow, or Moscow as a place somewhere in the body)
    for h in moscow:
        if h.start < title_end and not h.cue:
            h.cue = "state"


def _earlier(hits: list[tuple[Hit, tuple[str, ...]]], text: str, title_end: int) -> None:
    """«Ранее в Чебоксарах отменили концерт», «Ранее телеканал сообщал, что в Московской
    области …»: a sentence opening with «Ранее» recalls an earlier story, a background to
    this one, not where it happens."""
    for h, _ in hits:
        if (
            not h.cue
            and h.start >= title_end
            and _EARLIER.match(text, _sentence_start(text, h.start))
        ):
            h.cue = "recalled"


# (not «Ранее намеченные учения прошли в Кызыле»: «ранее» telling a participle, in the story)
_EARLIER = re.compile(
    r"\s*Ранее\b(?!\s+[а-яё]+(?:нн|вш|т|ем|им)(?:ый|ая|ое|ые|ого|ой|ую|ых|ым|ом)\b)"
)


def _residents_came(hits: list[tuple[Hit, tuple[str, ...]]], text: str) -> None:
    """«Более двух тысяч жителей Мценского района, Орла, Москвы, Тульской и Липецкой областей
    стали участниками праздника»: a list of three regions or more after «жителей», told as
    its participants or guests, is where the public came from (the host is the one named most
    otherwise), not three places of the story."""
    ordered = sorted((h for h, _ in hits), key=lambda h: h.start)
    k = 0
    while k < len(ordered):
        first = ordered[k]
        run = [first]
        while k + 1 < len(ordered) and _PLACE_LIST_GAP.fullmatch(
            text, ordered[k].end, ordered[k + 1].start
        ):
            k += 1
            run.append(ordered[k])
        k += 1
        if len({c for h in run for c in h.codes}) < 3 or any(h.cue for h in run):
            continue
        if not _RESIDENTS_BEFORE.search(text, max(0, first.start - 12), first.start):
            continue
        after = _WORD.findall(text[run[-1].end : run[-1].end + 60])[:4]
        if any(fold(w) in _CAME_AS_FORMS or info(w).lemmas & _CAME_AS for w in after):
            for h in run:
                h.cue = "origin"


_RESIDENTS_BEFORE = re.compile(r"\bжителей\s+$")
# What the public of a gathering became: «стали участниками», «гостями праздника» (in the
# instrumental; not «жителей …, участников программы переселения», whom a programme is about).
_CAME_AS_FORMS = frozenset(["участниками", "гостями", "зрителями", "посетителями"])
_CAME_AS = frozenset(["участвовать", "посетить"])


def _borders(hits: list[tuple[Hit, tuple[str, ...]]], text: str) -> None:
    """«Армянск, находящийся на границе Республики Крым и Херсонской области»: two regions
    whose border a place lies on say where it is, not that the story is in both."""
    ordered = sorted((h for h, _ in hits), key=lambda h: h.start)
    for a, b in itertools.pairwise(ordered):
        if (
            not a.cue
            and not b.cue
            and a.codes != b.codes
            and _AND_GAP.fullmatch(text, a.end, b.start)
            and _BORDER_OF.search(text, max(0, a.start - 60), a.start)
        ):
            a.cue = b.cue = "border"


# A place said to lie on the border («находящийся на границе …», «город на границе …»; not
# «пожар вспыхнул на границе … и …», «учения на границе …», which happen in both).
_BORDER_OF = re.compile(
    r"\b(?:(?:наход|располож|располаг|лежа|стоя)\w*\s+(?:[а-яё]+\s+)?|(?:город|сел[оа]"
    r"|пос[её]л(?:ок|ка)|деревн[яи]|станиц[аы]|хутор|пункт|район|округ)\s+)на\s+границ[аеуы]?\s+$"
)
_AND_GAP = re.compile(r"\s+и\s+")


def _arriving_title(text: str, title_start: int, start: int) -> bool:
    """Whether a verb of arrival comes right before ``start`` in the title: «В Крым прибыл
    калмыцкий хотон», «В Абакан приехали тувинские артисты» (the guests are what it tells
    of; not a noun, «ждут приезда московских артистов», a guest in passing)."""
    words = _WORD.findall(text[max(title_start, start - 30) : start])[-1:]
    return bool(words) and bool(info(words[0]).lemmas & _ARRIVE_VERBS)


_ARRIVE_VERBS = frozenset(["прибыть", "прибывать", "приехать", "приезжать", "прилететь"])


def _head_from(text: str, title_start: int, start: int) -> bool:
    """Whether the title opens with a region's head or delegation «из» the place at
    ``start``: «Губернатор из Калининграда участвует в форуме», «Делегация из Якутии
    посетила…». What they do is their region's news, not a guest's passing home."""
    words = _WORD.findall(text[title_start:start])
    return (
        2 <= len(words) <= 3
        and fold(words[-1]) in ("из", "изо")
        and any(info(w).lemmas & VISITORS for w in words[:-1])
    )


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence that ``at`` falls in ends: its full stop or its line's end."""
    m = _SENTENCE_END.search(text, at)
    line = text.find("\n", at)
    ends = [end for end in (m.end() if m else -1, line) if end >= 0]
    return min(ends, default=len(text))


def _title_end(text: str, first: tuple[int, int]) -> int:
    """Where the title ends: the first line, or its first sentence, when short enough."""
    start, end = first
    if end - start <= _TITLE:
        return end
    m = _SENTENCE_END.search(text, start, end)
    if m and m.end() - start <= _TITLE:
        return m.end()
    return start + _TITLE  # a long first sentence, or a headline run into the text


def tag_regions(text: str, *, source_region: str | None = None) -> list[RegionMatch]:
    """Regions that ``text`` (an article, title included if wanted) names, in text order.

    Only the article body counts (see `bot.text.clean`). Evidence offsets refer to ``text``.
    ``source_region``: the region code of the source (a district's portal), or None; it
    decides homonyms («Кировск») and weighs towards ``main``.
    """
    spans = body_spans(text)
    body_start = spans[0][0] if spans else 0
    title_end = _title_end(text, spans[0]) if spans else 0
    # (a title on a line of its own, over the body: not a text's first short paragraph)
    headline = title_end if len(spans) > 1 and title_end == spans[0][1] else 0
    hits = _resolve(find_hits(text, spans), source_region, text, headline)
    teams = _title_teams(hits, text, body_start, title_end)
    for h, _ in hits:
        if (
            h.cue == "origin"
            and body_start <= h.start < title_end
            and _head_from(text, body_start, h.start)
        ):
            h.cue = ""  # «Губернатор из Калининграда участвует в форуме»: his region's news
        elif (
            h.cue == "origin"
            and h.kind == "adjective"
            and body_start <= h.start < title_end
            and text[h.start].islower()
            and _arriving_title(text, body_start, h.start)
        ):
            h.cue = ""  # «В Крым прибыл калмыцкий хотон»: the guests are the title's subject
    if headline:
        _state_title(hits, headline)
    if "Ранее" in text:
        _earlier(hits, text, title_end)
    if "границ" in text:
        _borders(hits, text)
    if "доклад" in text:
        _speakers(hits, text, title_end)
    if "жителей" in text:
        _residents_came(hits, text)
    evidence: dict[str, list[Evidence]] = {}
    for h, codes in hits:
        piece = Evidence(text[h.start : h.end], h.start, h.end, h.kind, h.cue)  # (one per hit)
        for code in codes:
            evidence.setdefault(code, []).append(piece)
    roles = _roles(
        evidence,
        title_end,
        body_start + _LEAD,
        source_region,
        text,
        teams=teams,
        title_start=body_start,
    )
    out: list[RegionMatch] = []
    for code, ev in evidence.items():
        region = by_code(code)
        if region is None:  # pragma: no cover - codes come from the catalogue
            continue
        ordered = tuple(sorted(set(ev), key=lambda e: (e.start, e.end)))
        out.append(RegionMatch(code, region.name, ordered, roles[code]))
    out.sort(key=lambda m: m.evidence[0].start)
    return out
