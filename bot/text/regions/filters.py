"""The tagger's rules: whether a catalogue form at a place in the text names the place.

`keep` says DROP, WEAK or STRONG for a match; `cue` says whether a kept mention is a passing
one. The rules, by kind of error they prevent:

* people: a capitalised form after a first name or an initial, before a patronymic, or a
  first-name-like form (Владимир, Артём) before a surname: «Владимира Путина», «Сергей Киров»;
* streets and things named after people or places: «улица Кирова», «имени Кирова», «Московский
  проспект», «Ленинградское шоссе», «Казанский вокзал»;
* organisations: a name that is the whole of a «quote» or is quoted in the nominative
  («Газпром межрегионгаз Астрахань», ИА «Хакасия», «Краснодара»), and a nominative name right
  after an organisation word («ФК Кубань», «крейсер Москва»); a name inflected inside a longer
  quote counts («Совет муниципальных образований Хакасии»);
* nature: «река Кубань», «озеро Шира», «Каспийское море», «амурский тигр»;
* culture and ethnicity: «татарский язык», «бурятская культура», «мордовский ансамбль»;
* history: «Московское княжество», «Новгородская летопись», «Енисейская губерния»;
* common words: a place name counts only as a proper name: capitalised, and, when it is also a
  dictionary word in lower case (Зима, Остров, Мирный), not only because it opens a sentence
  («Зимы стали теплее»); one the text also writes in lower case counts only with support
  unless a place word precedes it («проводы зимы … чучело Зимы»); «братские узы» are no
  Братск; adjective-like towns before a noun («Октябрьский район», «Советский Союз»);
* villages named like towns: «село Иваново», «д. Киров» are not the towns, nor are names a
  capitalised adjective makes with a town («Новая Усмань», «в Юганской Оби»);
* awards named after people («медалью Нестерова»), military units' honorary names
  («Севастопольского полка», weak), a proper name after a capitalised ordinal («Первой
  Камчатской экспедицией»), a people's own word after its adjective («калмыцкие борцаки»);
* district names shared by many cities: «Кировский район», «Железнодорожный район»; a district
  of a city is not the rural district of that name: «Красносельский район Петербурга»,
  «Советский район города»;

Weak (they count only next to other evidence for the same region):

* towns that are surnames or first names unless a place word precedes («в Серове», «жители
  Королёва» count; «картины Серова», «у Иванова» do not);
* region adjectives naming an organisation («Казанский федеральный университет», «казанского
  «Рубина»») or a district («Ставропольский район» lies in Самарская область);
* forms shared by several regions (`bot.text.catalogue.AMBIGUOUS`: «РБ», «Алтай»).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.text.catalogue import REGIONS
from bot.text.catalogue_data import LANDMARKS
from bot.text.morph import WordInfo, analyzer, fold, info
from bot.text.regions.gazetteer import Entry, Gazetteer, first_word, gazetteer
from bot.text.regions.lexicon import (
    ANNIVERSARY,
    ARRIVAL,
    AWARDS,
    BORDER_WITH,
    CHURCH,
    COMMON_ADJ,
    COMMON_ADJ_HEADS,
    COMPARISON,
    CROSSINGS,
    CULTURE_AFTER,
    CULTURE_ANY,
    DEPART_VERBS,
    DISTRICT_ADJ,
    DISTRICT_INSTITUTIONS,
    DISTRICT_NOUNS,
    DISTRICT_ORG,
    ELECTORAL,
    ETHNIC,
    FIRMS,
    FOREIGN,
    GENERIC,
    HISTORY_AFTER,
    HISTORY_EVENTS,
    HOLIDAY_AFTER,
    ICONS,
    INCIDENTS,
    JOINING_VERBS,
    LINK_VERBS,
    LIST_HEADS,
    LOCAL_UNIT,
    LOWER_OK,
    MEMBERS,
    MOURNING,
    MUNICIPAL_BEFORE,
    NATIONAL,
    NATURE,
    NUM_TOKEN,
    ORG_ADJ,
    ORG_AFTER,
    ORG_WORDS,
    ORIGIN,
    ORIGIN_NOUNS,
    OTHER_PEOPLES,
    PERSON_TITLES,
    PLACE_OF,
    PLACE_PREP,
    PRODUCTS,
    QUOTE_START,
    REGION_NUM,
    REGION_PARTS,
    REGION_SING,
    ROAD_WORDS,
    ROUTE_WORDS,
    RURAL,
    RURAL_SHORT,
    SETTLEMENT,
    SHIP_VERBS,
    STATE_BEFORE,
    STATE_VERBS,
    STREET_AFTER,
    STREET_BEFORE,
    SURNAME_TOWNS,
    TERRITORIAL,
    TOWN_FABRIC,
    TRIP_WORDS,
    TROUPES,
    VICTIMS,
)
from bot.text.regions.model import EvidenceKind
from bot.text.regions.tokens import Quote, Word
from bot.text.towns import towns_by_name

__all__ = [
    "DROP",
    "STRONG",
    "WEAK",
    "Hit",
    "cue",
    "ethnic_use",
    "keep",
    "lem",
    "match_at",
    "number_hit",
    "village_cue",
    "villages_of",
]

# Unions of the word lists that the rules read for every mention, built once.
_STREET_OR_NATURE = STREET_BEFORE | NATURE
_PLACE_BEFORE = SETTLEMENT | PLACE_PREP | PLACE_OF
_SETTLEMENT_OR_RURAL = SETTLEMENT | RURAL | RURAL_SHORT
_STREET_AFTER_OR_NATURE = STREET_AFTER | NATURE
_CULTURE_AFTER_ETHNIC = CULTURE_AFTER | HISTORY_AFTER
_CULTURE_AFTER_ANY = CULTURE_ANY | HISTORY_AFTER
_STREET_OR_ORG = STREET_BEFORE | ORG_WORDS
_TRIP_OR_ROUTE = TRIP_WORDS | ROUTE_WORDS
# A people's adjectives that name no territory («татарский», not «башкирский»).
_PEOPLE_ONLY = ETHNIC - TERRITORIAL


@dataclass(slots=True)
class Hit:
    codes: tuple[str, ...]
    kind: EvidenceKind
    start: int
    end: int
    weak: bool
    entry: Entry | None = None
    cue: str = ""  # origin, comparison, state, route: a passing mention
    chain: int = -1  # the hyphenated chain it belongs to, or -1
    village: bool = False  # named as a village: «посёлка Лунино», «в сёлах Дружба, Елабуга»


def org_quote(
    words: list[Word], quotes: list[Quote], i: int, surface: str = "", j: int = 0
) -> bool:
    """Whether words[i] sits in a quoted name of an organisation, a work or an event.

    A name inside quotes in the nominative («ИА «Хакасия»», «Газпром межрегионгаз Астрахань»)
    is the organisation's own name; in another case («Совет муниципальных образований
    Хакасии») it says whose the organisation is, and counts; an adjective that opens the
    quote is part of the name in any case («на «крымской площадке»», «в «Тверском подворье»»).
    """
    q = words[i].quote
    if q < 0:
        return False
    quote = quotes[q]
    if quote.first < 0:
        return False
    if route_quote(words, quote):
        # трасса «Самара - Пугачёв - Энгельс - Волгоград» names places; one name alone after a
        # road word is the road's own («автодороги «Кола»», «трасса «Крым»»)
        return (
            quote.first == quote.last == i
            and quote.before >= 0
            and bool(lem(words[quote.before]) & ROAD_WORDS)
        )
    if quote.before >= 0 and lem(words[quote.before]) & MUNICIPAL_BEFORE:
        return False  # МО «Новолакский район»: a municipality's official name is the place
    if (
        quote.before >= 0
        and lem(words[quote.before]) & _CONTEST
        and not info(words[i].text).adjective
    ):
        return False  # конкурс «Калуга урожайная»: a place's own contest is held there
    # The name is the whole quote: «Краснодара», «Нижнего Новгорода» are clubs in any case.
    whole = quote.first == i and quote.last == max(i, j - 1)
    inflected = surface and fold(words[i].text) != fold(surface)
    opening = quote.first == i and info(words[i].text).adjective
    # «обсудили будущее «Родной Кубани»»: a name the quote opens with a word of its own that
    # qualifies it is a title in any case (not «Совета муниципальных образований Хакасии»)
    titled = quote.first == i - 1 and info(words[i - 1].text).adjective and words[i - 1].cap
    if inflected and not whole and not info(words[i].text).nominative and not opening:
        return titled
    n_words = quote.last - quote.first + 1
    if n_words <= 6:
        return True
    before = quote.before
    return before >= 0 and bool(lem(words[before]) & ORG_WORDS)


def _ends_apart(words: list[Word], quote: Quote) -> bool:
    """Whether a quote is two or three capitalised names, each after a mark (a route's ends
    and a dash between them: «Минск – Смоленск»), not a name of words («Тверское подворье»)."""
    inside = words[quote.first : quote.last + 1]
    return 2 <= len(inside) <= 3 and all(
        w.cap and len(w.text) > 1 and (k == 0 or not w.glued_prev) for k, w in enumerate(inside)
    )


# A contest named after a place is that place's contest («конкурс «Калуга урожайная»»,
# «конкурса «Мисс Татарстан»»); festivals and forums are named after places they are not in,
# and a place's adjective names a theme as often («конкурс «Крымская весна»»).
_CONTEST = frozenset(["конкурс"])
_ROAD_CODE = re.compile(r"^[РМАPMA]-?\d{1,4}$")


def route_quote(words: list[Word], quote: Quote) -> bool:
    """Whether a quote names a road or a route: after a route word or a road code, or by its
    shape, its ends apart («два «Минск – Новозыбков»», «узбекский «Андижан – Уфа»»)."""
    if _ends_apart(words, quote):
        return True
    before = quote.before
    if before < 0:
        return False
    prev = words[before]
    return bool(_ROAD_CODE.match(prev.text)) or bool(lem(prev) & ROUTE_WORDS)


def lem(word: Word) -> frozenset[str]:
    return info(word.text).lemmas


_ALL_CASES = frozenset(["nomn", "gent", "datv", "accs", "ablt", "loct"])


def villages_of(words: list[Word], i: int) -> bool:
    """«в пригородных посёлках Сыктывкара», «жители сёл Иркутска»: villages in the plural, then
    the town in the genitive, are the town's own villages, not villages named like it (whose
    names stand in apposition: «в сёлах Ивановка и Петровка», «в посёлке Кирова»). A form that
    may be another case too is the town's when it stands alone, no list after it: «жителей
    слобод Лебедяни» (one name cannot stand in apposition to villages in the plural)."""
    if not info(words[i - 1].text).plural:
        return False
    cases = info(words[i].text).cases
    if cases == {"gent"}:
        return True
    # (an indeclinable name, in every case, is the genitive when no list follows: «в сёлах
    # Марий Эл»)
    if "gent" not in cases or ("nomn" in cases and not cases >= _ALL_CASES):
        return False
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is None or not nxt.glued_prev or fold(nxt.text) not in ("и", "или")


def is_person(text: str, words: list[Word], i: int, j: int) -> bool:
    """Whether the capitalised name at words[i:j] is part of a person's name."""
    w = words[i]
    if w.shout:
        return False  # no capitals to read in a line of capitals
    if i > 0 and words[i].glued_prev:
        prev = words[i - 1]
        pi = info(prev.text)
        if (
            prev.cap
            and len(prev.text) > 1
            and (pi.first_name or pi.patronymic)
            and (not is_geo_word(prev.text) or _named_person(pi, prev, words, i))
        ):
            return True
    if i > 0 and words[i].glued_prev and _titled(words[i - 1], w):
        return True
    if i > 0:
        prev = words[i - 1]
        # An initial: «В. Киров», «А.Пенза» (not the preposition «В Дагестане»).
        if len(prev.text) == 1 and prev.cap and text[prev.end : prev.end + 1] == ".":
            return True
    if j < len(words) and words[j].glued_prev and words[j].cap:
        nxt = words[j]
        ni = info(nxt.text)
        if ni.patronymic and len(nxt.text) > 1:
            return True
        if (
            j == i + 1
            and info(w.text).first_name
            and (ni.surname or ni.first_name or not is_geo_word(nxt.text))
        ):
            return True
        if (
            ni.first_name
            and j + 1 < len(words)
            and words[j + 1].glued_prev
            and words[j + 1].cap
            and info(words[j + 1].text).patronymic
        ):
            return True  # «Ишимов Игорь Викторович»: a surname before a name and a patronymic
    # «Кашина А.В.»: a surname, then its initials
    return j < len(words) and words[j].glued_prev and _initials_after(text, words, j)


def _titled(prev: Word, w: Word) -> bool:
    """«бюст генерала Горбатова»: a rank or a calling (`PERSON_TITLES`) in lower case right
    before the name, in a case the name shares, makes it a surname."""
    return (
        not prev.cap
        and info(w.text).surname  # (not «художников Тулы», «поэтов Казани»: a town's)
        and not lem(prev).isdisjoint(PERSON_TITLES)
        and not info(prev.text).cases.isdisjoint(info(w.text).cases)
    )


def _initials_after(text: str, words: list[Word], j: int) -> bool:
    """Whether words[j:] are a person's initials after the surname: «отказ Кашина А.В. от
    участия», «прошёл Яковлев Л.Ю.» (not «в Москве В. В. Путин», initials before a surname:
    a capitalised word after them)."""
    k = j
    while k < len(words) and k - j < 2 and _initial(text, words[k]):
        k += 1
    if k == j:
        return False
    return k == len(words) or not words[k].cap or "\n" in text[words[k - 1].end : words[k].start]


def _initial(text: str, w: Word) -> bool:
    return len(w.text) == 1 and w.cap and text[w.end : w.end + 1] == "."


def _named_person(pi: WordInfo, prev: Word, words: list[Word], i: int) -> bool:
    """«Владимир Кашин»: a first name that is a town too, right before a name in the
    nominative, is a person's first name (two towns side by side would take a comma)."""
    if not pi.nominative or "nomn" not in info(words[i].text).cases:
        return False
    before = words[i - 2] if i > 1 and prev.glued_prev else None
    return before is None or fold(before.text) not in _PLACE_BEFORE_NAME


# Before a town: «в Владимир», «из Владимира», a list's «и»: the town, not a first name.
_PLACE_BEFORE_NAME = frozenset(["в", "во", "из", "на", "до", "и", "или", "через", "город", "г"])


# Prepositions of the prepositional case: «в Омском» is an adjective («в Омском районе»,
# «в Жирновском Доме культуры»), never the instrumental of Омск.
_LOCATIVE_BEFORE = frozenset(["в", "во", "на", "о", "об", "обо", "при"])


def instrumental_place(words: list[Word], i: int) -> frozenset[str]:
    """The places words[i] names in the instrumental («вслед за Орском», «между Томском и
    Омском»), written like the region's adjective in the prepositional case: none after a
    preposition of that case."""
    if i > 0 and words[i].glued_prev and fold(words[i - 1].text) in _LOCATIVE_BEFORE:
        return frozenset()
    return geo_ablative(words[i].text)


@lru_cache(maxsize=4096)
def geo_ablative(word: str) -> frozenset[str]:
    """The places ``word`` is the instrumental of: «Омском» -> {«омск»} (the dictionary reads
    it as the adjective «омский» first), «Курганом» -> {«курган»}."""
    return frozenset(
        p.normal_form
        for p in analyzer().parse(word.lower())
        if p.tag.POS == "NOUN" and p.tag.case == "ablt" and "Geox" in p.tag.grammemes
    )


@lru_cache(maxsize=50_000)
def is_geo_word(word: str) -> bool:
    return any("Geox" in p.tag.grammemes for p in analyzer().parse(word)[:2])


def match_at(words: list[Word], i: int, gaz: Gazetteer) -> tuple[Entry, int] | None:
    """The longest catalogue form at words[i] (see `_starts` for the order), and its end."""
    t = words[i].text
    starts = gaz.starts.get(t)
    if starts is None:
        starts = _starts(t, gaz)
        if len(gaz.starts) >= _STARTS_MAX:
            gaz.starts.clear()
            _LOCATIVE_STARTS.clear()
        gaz.starts[t] = starts
        if len(starts) > 1:
            other = _locative_first(t, starts)
            if other is not starts:
                _LOCATIVE_STARTS[t] = other
    n_words = len(words)
    if t in _LOCATIVE_STARTS and _after_locative(words, i):
        starts = _LOCATIVE_STARTS[t]  # «в Никольском»: Никольское, not Никольск
    for e, n in starts:
        if i + n > n_words:
            continue
        if n > 1:
            forms = e.words
            for k in range(1, n):  # (a loop, not ``all()``: most entries fail at once)
                if info(words[i + k].text).lemmas.isdisjoint(forms[k]):
                    break
            else:
                return e, i + n
            continue
        return e, i + n
    return None


_STARTS_MAX = 100_000  # words in Gazetteer.starts before it starts over
# The words whose entries go in another order after a preposition of the locative (see
# `_locative_first`), with that order; kept beside ``Gazetteer.starts``.
_LOCATIVE_STARTS: dict[str, tuple[tuple[Entry, int], ...]] = {}


def _after_locative(words: list[Word], i: int) -> bool:
    """Whether words[i] follows a preposition of the locative («в Никольском», «в городе
    Никольском»)."""
    if i == 0 or not words[i].glued_prev:
        return False
    if fold(words[i - 1].text) in _LOCATIVE_BEFORE:
        return True
    return (  # (across «городе»)
        i > 1
        and words[i - 1].glued_prev
        and fold(words[i - 2].text) in _LOCATIVE_BEFORE
        and bool(lem(words[i - 1]) & SETTLEMENT)
    )


def _locative_first(
    word: str, starts: tuple[tuple[Entry, int], ...]
) -> tuple[tuple[Entry, int], ...]:
    """``starts`` with a one-word town that ``word`` names in the instrumental only after
    the next one-word entry: «в (городе) Никольском» is Никольское, not Никольск."""
    ones = [k for k, (_, n) in enumerate(starts) if n == 1]
    if len(ones) < 2 or not _instrumental_only(word, starts[ones[0]][0]):
        return starts
    out = list(starts)
    a, b = ones[0], ones[1]
    out[a], out[b] = out[b], out[a]
    return tuple(out)


def _instrumental_only(word: str, e: Entry) -> bool:
    """Whether a town's form reads as its instrumental only («Никольском» of Никольск), which
    no locative preposition takes."""
    if e.kind != "town" or len(e.words) > 1 or e.adjlike:
        return False
    return _ablt_only(word, e.words[0])


@lru_cache(maxsize=4096)
def _ablt_only(word: str, lemmas: frozenset[str]) -> bool:
    cases = {p.tag.case for p in analyzer().parse(word) if fold(p.normal_form) in lemmas}
    return cases == {"ablt"}


def _people(e: Entry) -> int:
    """How many people live in the town of the entry (0: not a town of towns.tsv)."""
    if not e.real_town:
        return 0
    return max((t.population for t in towns_by_name(e.surface)), default=0)


def _starts(word: str, gaz: Gazetteer) -> tuple[tuple[Entry, int], ...]:
    """The entries that may start at ``word``, best first: the longer one, then (same length)
    the one whose own name is a lemma of the word («в Печоре» is Печора, not Печоры), then
    the one written as the word («Печоры»), then the one that fits the word's most likely
    lemma («в Волжском» is Волжский), then the larger town («Отрадного»: Отрадный of 47,000,
    not Отрадное of 25,000); on a tie, the first found, the lemmas read in alphabetical order
    (so that no run of the program reads them otherwise). The first entry whose other words
    follow in the text is the match."""
    wi = info(word)
    if wi.lemmas.isdisjoint(gaz.first_lemmas):
        return ()  # most words: no catalogue form starts with any of their lemmas
    low = fold(word)
    found = [
        ((len(e.words), e.name in wi.lemmas, e.name == low, wi.best in e.words[0]), e)
        for lemma in sorted(wi.lemmas)
        for e in gaz.by_first.get(lemma, ())
    ]
    found.sort(key=lambda ke: ke[0], reverse=True)  # (stable: ties keep the order found)
    out = [e for _, e in found]
    for _, group in itertools.groupby(found, key=lambda ke: ke[0]):
        tied = [e for _, e in group]
        if len(tied) > 1 and all(e.real_town for e in tied):
            start = out.index(tied[0])
            out[start : start + len(tied)] = sorted(tied, key=_people, reverse=True)
    return tuple((e, len(e.words)) for e in out)


def number_hit(words: list[Word], i: int, gaz: Gazetteer) -> Hit | None:
    w = words[i]
    m = REGION_NUM.match(w.text)
    if m:
        code = gaz.numbers.get(int(m.group(1)))
        return Hit((code,), "code", w.start, w.end, False) if code else None
    m = NUM_TOKEN.match(w.text)
    if not m:
        return None
    n = int(m.group(1))
    code = gaz.numbers.get(n)
    if code is None:
        return None
    ordinal = m.group(2) is not None
    prev = fold(words[i - 1].text) if i > 0 else ""
    if prev in REGION_SING and words[i].glued_prev:
        # «В регионе 19 муниципальных образований» counts things, it names no region.
        after = words[i + 1] if i + 1 < len(words) and words[i + 1].glued_prev else None
        if after is not None and (info(after.text).noun or info(after.text).adjective):
            return None
        if _day_range(words, i):
            return None  # «пройдёт в регионе 19 – 20 июня»: the first day of a range
        return Hit((code,), "code", w.start, w.end, False)
    if i + 1 < len(words) and words[i + 1].glued_prev:
        nxt = fold(words[i + 1].text)
        if nxt in REGION_SING:
            # «19-й регион», «с номерами 24 региона», «код 21 региона»: a code, not a count.
            plate = i > 0 and bool(lem(words[i - 1]) & {"номер", "код", "номерной"})
            if ordinal or plate:
                return Hit((code,), "code", w.start, words[i + 1].end, False)
            last, last2 = n % 10, n % 100
            counts_one = last == 1 and last2 != 11 and nxt in {"регион", "регионе", "региону"}
            if last == 1 and last2 != 11 and nxt in {"региона", "регионом"}:
                # «из 41 региона», «более 21 региона», «с 31 регионом страны»: a count (the
                # singular after a number ending in one); a code takes «41-го региона»
                country = fold(words[i + 2].text) if i + 2 < len(words) else ""
                counts_one = prev in _COUNT_BEFORE or country in _COUNTRY_AFTER
            counts_few = 2 <= last <= 4 and not 12 <= last2 <= 14 and nxt == "региона"
            if not counts_one and not counts_few:
                return Hit((code,), "code", w.start, words[i + 1].end, False)
    return None


# Before a number of regions: prepositions and quantifiers that count («из 41 региона»).
_COUNT_BEFORE = frozenset(
    ["из", "изо", "от", "до", "около", "более", "свыше", "менее", "для", "с", "со", "без"]
)
# After «N региона»: the country they are regions of («из 41 региона России»).
_COUNTRY_AFTER = frozenset(["россии", "рф", "страны"])


def _day_range(words: list[Word], i: int) -> bool:
    """Whether words[i] opens a range of days: «19 – 20 июня», «19-20 июня»."""
    if i + 2 >= len(words) or not words[i + 1].text.isdigit():
        return False
    return fold(words[i + 2].text) in _MONTHS_GENT


_MONTHS_GENT = frozenset(
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ]
)

DROP, WEAK, STRONG = 0, 1, 2


def keep(
    text: str,
    words: list[Word],
    quotes: list[Quote],
    e: Entry,
    *,
    i: int,
    j: int,
    listed: bool = False,
) -> int:
    """Whether the catalogue form at words[i:j] names the place: DROP, WEAK or STRONG.

    See the module docstring for the rules.
    """
    w = words[i]
    if (
        e.surface not in LANDMARKS
        and org_quote(words, quotes, i, first_word(e.surface), j)
        and not _institution(words, e, j)
    ):
        return DROP  # (a museum named «Ростовский кремль» still names its town)
    prev_l = lem(words[i - 1]) if i > 0 and w.glued_prev else frozenset()
    nxt = words[j] if j < len(words) and words[j].glued_prev else None
    nxt_l = lem(nxt) if nxt is not None else frozenset()
    multi_official = len(e.words) > 1 and any(e.generic)
    abbr_l = _prev_abbreviation(text, words, i)
    if e.kind == "adjective":
        adj_prev = prev_l | abbr_l
        if "с" in prev_l and "с" not in abbr_l:
            adj_prev = adj_prev - {"с"}  # the preposition «с казанским «Рубином»», not «с.»
        return _keep_adjective(text, words, e, i=i, j=j, prev_l=adj_prev, listed=listed)
    if e.kind == "district" and nxt is not None and _city_after(words, j, nxt_l):
        return DROP  # «в Пушкинском районе Санкт-Петербурга», «Советский район города»
    # Names and towns must be written as names («острова» is no Остров); a landmark may open
    # with a common noun («аэропорт Кольцово»).
    if e.surface not in LANDMARKS and not all(
        words[i + k].cap or (k > 0 and bool(lem(words[i + k]) & LOWER_OK))
        for k in range(j - i)
        if not e.generic[k]
    ):
        return DROP
    if not multi_official:
        if (
            (prev_l | abbr_l) & _STREET_OR_NATURE or _street_chain(text, words, i)
        ) and not _numbered_part(text, words, i):
            return DROP
        if _street_list(text, words, i):
            return DROP
        if (
            "через" in prev_l
            and i > 1
            and words[i - 1].glued_prev
            and lem(words[i - 2]) & CROSSINGS
        ):
            return DROP  # «переправа через Обь», «мост через Печору»: the river
        # Apposition to an organisation: «ФК Кубань», «ИА Хакасия» (nominative stays put);
        # a chain of places is a route, not a vehicle's name: «поезд Иркутск-Абакан».
        if prev_l & ORG_WORDS and w.chain < 0 and fold(w.text) == fold(first_word(e.surface)):
            return DROP
    chain = w.chain >= 0  # a part of «Новосибирск-Абакан-Кызыл»: a place among places
    if (
        len(e.words) == 1
        and not chain
        and is_person(text, words, i, j)
        # («города Алексина Павел Фёдоров»: after «город» the name is the town's)
        and not (prev_l & SETTLEMENT or abbr_l & SETTLEMENT)
    ):
        return DROP
    if e.kind == "town" and len(e.words) == 1 and _compound_town(words, i, e):
        return DROP  # «Новая Усмань», «в Юганской Оби»: another place, named after the town
    if e.kind == "town" and len(e.words) == 1 and _numeral_before(words, i):
        return DROP  # «жители Трёх Озёр», «у Семи Братьев»: another place's name, not Озёры
    if e.real_town and (prev_l & RURAL or abbr_l & RURAL_SHORT) and not villages_of(words, i):
        return DROP  # «село Иваново», «д. Киров»: a village named like the town
    if len(e.words) == 1 and nxt_l & HOLIDAY_AFTER and info(w.text).nominative:
        return DROP  # «в Михайлов день»
    if (
        len(e.words) == 1
        and not e.adjlike
        and "-" not in e.surface  # («в Каменске-Уральском»: a noun and an adjective)
        and fold(w.text) != fold(e.surface)
        and info(w.text).adjective
        and not info(w.text).noun
        and not (instrumental_place(words, i) & e.words[0])  # «за Омском» is the town
        # («в Белинском», «в Щучьем», «Курчалоя»: a town named by an adjective, or its form)
        and not (_ADJ_TAIL.search(e.name) and info(w.text).best in e.words[0])
        and fold(w.text) not in e.words[0]
    ):
        return DROP  # «Ростовых кукол»: an adjective, not the town Ростов
    if len(e.words) == 1 and e.kind == "town" and _possessive_after_in(text, words, i, e):
        return DROP  # «в «Бабушкином закутке»»: the town is «в Бабушкине»; «-ом» is its adjective
    if len(e.words) == 1 and e.kind == "town" and _plural_of_singular(w.text, e):
        return DROP  # «в парке Строителей», «улица Химиков»: people, not the town Строитель
    if e.gender and not _agrees(w.text, e.gender) and not _town_reading(w.text, e):
        return DROP  # «Зимняя Никольская» is no Никольское, «Волжской районной» no Волжский
    if "с" in prev_l and "с" not in abbr_l:
        prev_l = prev_l - {"с"}  # the preposition «с Белым озером», not «с. Белый»
    if abbr_l & SETTLEMENT:
        prev_l = prev_l | abbr_l  # «г. Мирный»
    after_place = chain or bool(prev_l & _PLACE_BEFORE) or _city_part_of(words, i)
    if e.common or e.adjlike:
        # «в Дне рыбака» is a day, not Дно: the word must read as the town first.
        after_settlement = bool(prev_l & SETTLEMENT)
        if (
            len(e.words) == 1
            and e.common
            and not after_settlement  # «в городе Боре», «жители города Грязей»
            and fold(w.text) != fold(e.surface)
            and info(w.text).best not in e.words[0]
            and not (e.adjlike and info(w.text).adjective)  # «в Донском»: best «донский»
            and not _town_reading(w.text, e)
        ):
            return DROP
        # Part of a longer capitalised name: «Мирный Бор», «Сокол Плюс» (not «Асбеста Иван
        # Петров»: a person's name next).
        if not w.shout:
            if i > 0 and w.glued_prev and words[i - 1].cap and not words[i - 1].sent_start:
                return DROP
            if nxt is not None and nxt.cap and not _person_after(words, j):
                return DROP
        if (
            (w.sent_start or _opens_quote(words, quotes, i))
            and not after_settlement
            and not _place_heading(text, words, e, i, j)
        ):
            return DROP  # («выставка «Находки времён…»»: a title's first word, like a sentence's)
        if (
            e.adjlike
            and nxt is not None
            and info(nxt.text).noun
            and not after_settlement
            and not _person_after(words, j)
        ):
            return DROP
        if e.adjlike and "районный" in nxt_l:
            return DROP  # «Дзержинского районного суда»: a district named so, not the town
        if e.adjlike and not after_settlement and _attribute_of(words, i, j, nxt_l):
            return DROP  # «с Никольским территориальным отделом»: the body's adjective
        if e.adjlike and e.gender == "masc" and nxt_l & _MUNICIPAL_ADJ:
            head = head_after(words, j)
            if head is not None and lem(head) & _NEUTER_MUNICIPAL:
                # «Вяземского городского поселения» is «Вяземское» (of Вязьма): a neuter
                # adjective, which the masculine town Вяземский cannot be
                return DROP
        if e.common and not e.adjlike and not after_place and _lower_elsewhere(text, e):
            return WEAK  # «проводы зимы … сжигание чучела Зимы»: the season personified
    # «Иванова», «Пушкина», «Серова»: most likely a person, unless a place word precedes.
    wi = info(w.text)
    if len(e.words) == 1 and prev_l & AWARDS and wi.surname and "gent" in wi.cases:
        return DROP  # «медалью Нестерова», «орденом Суворова»: named after the person
    surname_like = bool(e.words[0] & SURNAME_TOWNS) or wi.person
    if len(e.words) == 1 and not after_place and surname_like and not _fabric_of(words, i):
        return WEAK
    return STRONG


def _fabric_of(words: list[Word], i: int) -> bool:
    """Whether the genitive at words[i] follows a noun of a town's fabric in the plural only
    (`TOWN_FABRIC`): «в многоквартирных домах Глазова», «во дворах Серова» are the town's
    (not «дома Серова», a singular too: the painter's house)."""
    if i == 0 or not words[i].glued_prev or "gent" not in info(words[i].text).cases:
        return False
    prev = words[i - 1]
    if not lem(prev) & TOWN_FABRIC:
        return False
    parses = [p for p in analyzer().parse(prev.text) if p.tag.POS == "NOUN"]
    return bool(parses) and all("plur" in p.tag.grammemes for p in parses)


def _place_heading(text: str, words: list[Word], e: Entry, i: int, j: int) -> bool:
    """Whether a town named by a common noun opens a line as its place, a colon after it:
    «Апатиты: итоги ремонтной кампании» (a line that names its town first, as local news
    heads it), or a full stop and a date, a dateline: «Апатиты. 8-10 мая во Дворце спорта…»;
    a word the dictionary knows as a place name too. Not a noun it never reads so («Сокол:
    итоги сезона», a club), a person named so («Чехов: письма»), nor a text that uses the
    noun in lower case too («Находка: … находкой»)."""
    w = words[i]
    return (
        j == i + 1
        and (w.start == 0 or text[w.start - 1] == "\n")
        and (
            text.startswith(":", w.end)
            or (text.startswith(".", w.end) and j < len(words) and _dateline(words, j))
        )
        and fold(w.text) == fold(e.surface)
        and not info(w.text).person
        and any("Geox" in p.tag.grammemes for p in analyzer().parse(w.text))
        and not _lower_elsewhere(text, e)
    )


def _attribute_of(words: list[Word], i: int, j: int, nxt_l: frozenset[str]) -> bool:
    """Whether a town named like an adjective («Никольское») goes, as an adjective, with a
    lower-case adjective and noun after it in the same case: «Никольским территориальным
    отделом», «Никольского территориального отдела» (not «в Лесном новый парк открыли»,
    the town before a subject, nor «в Никольском сельском поселении», the village's own)."""
    nxt = words[j] if j < len(words) else None
    if nxt is None or nxt.cap or not nxt.glued_prev or nxt_l & _MUNICIPAL_ADJ:
        return False
    ni = info(nxt.text)
    if not ni.adjective:
        return False
    head = head_after(words, j + 1)
    if head is None or head.cap or not head.glued_prev:
        return False
    hi = info(head.text)
    if not hi.noun or lem(head) & (RURAL | _NEUTER_MUNICIPAL):
        return False
    return bool(info(words[i].text).cases & ni.cases & hi.cases)


def _city_part_of(words: list[Word], i: int) -> bool:
    """Whether words[i] follows a city's district named by its adjective: «Ленинский район
    Кирова», «Октябрьского округа Иркутска» (the genitive is the city whose part it is, not
    a person the district is named after)."""
    return (
        i > 1
        and words[i].glued_prev
        and words[i - 1].glued_prev
        and not words[i - 1].cap
        and bool(lem(words[i - 1]) & _CITY_PARTS)
        and words[i - 2].cap
        and bool(lem(words[i - 2]) & DISTRICT_ADJ)
    )


_CITY_PARTS = frozenset(["район", "округ"])


# The endings of a name that declines like an adjective («Белинский», «Видное»).
_ADJ_TAIL = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее|ые|ие|ье)$")


def _town_reading(word: str, e: Entry) -> bool:
    """Whether the dictionary reads ``word`` as the town of ``e`` («Абазе», «Коврова»,
    «Апатитов»: a place's form, whatever its best reading), or knows it as no other word and
    it is a form of the town's name («Лаишеве»)."""
    for p in analyzer().parse(word):
        if p.tag.POS == "NOUN" and "Geox" in p.tag.grammemes and fold(p.normal_form) in e.words[0]:
            return True
    low = fold(word)
    return low in e.words[0] and (
        not analyzer().word_is_known(low)
        or all("Geox" in p.tag.grammemes for p in analyzer().parse(low))  # «Белеве»
    )


def _person_after(words: list[Word], j: int) -> bool:
    """Whether words[j:] open a person's name: a first name, then a capitalised word («Иван
    Петров»), as after a town in «глава города Асбеста Иван Петров»."""
    nxt = words[j]
    if not (nxt.cap and info(nxt.text).first_name and j + 1 < len(words)):
        return False
    after = words[j + 1]
    return after.glued_prev and after.cap and not after.sent_start


def _plural_of_singular(word: str, e: Entry) -> bool:
    """Whether ``word`` can only be a plural of a town named by a noun in the singular
    («Строителей» of Строитель, «Химиков» of Химик): a plural is no name of that town."""
    if fold(word) in e.words[0] or not info(word).plural:
        return False  # (most forms: the singular the town's name is, or one of its own forms)
    if info(e.surface).plural or _plural_name(e.surface):
        return False  # «Великие Луки», «Химки», «Липки»: a town named in the plural
    parses = [p for p in analyzer().parse(word) if fold(p.normal_form) in e.words[0]]
    return bool(parses) and all(p.tag.number == "plur" for p in parses)


@lru_cache(maxsize=1024)
def _plural_name(name: str) -> bool:
    """Whether the dictionary may read ``name`` as a nominative plural («Липки», «Сольцы»,
    whose best reading is a singular's genitive)."""
    return any(
        p.tag.number == "plur" and p.tag.case == "nomn" for p in analyzer().parse(name.lower())
    )


def _compound_town(words: list[Word], i: int, e: Entry) -> bool:
    """Whether a capitalised adjective that agrees with the town's form makes one name with
    it, the name of another place: «(Новая Усмань)», «в Юганской Оби» (a village, a branch
    of the river), not the town (a catalogued name, «Старый Оскол», is matched whole before).
    «Большой Сочи», «Старая Казань» are the town itself; a sentence's first word
    is capitalised anyway («Праздничный Томск»), unless it makes names («Новая Усмань»)."""
    if i == 0 or not words[i].glued_prev or words[i].shout or words[i].sent_start:
        return False
    if _FEDERAL_CITIES.intersection(e.codes):
        return False  # «в Старом Петергофе»: a part of a federal city's town is in the city
    prev = words[i - 1]
    if not prev.cap or prev.shout or prev.quote != words[i].quote:
        return False
    pi = info(prev.text)
    if not pi.adjective or pi.person:
        return False
    if prev.sent_start and not pi.lemmas & _NAME_MAKING_ADJ:
        return False
    if "большой" in pi.lemmas and e.surface in _LARGE_TOWNS:
        return False  # «в Большом Сочи»: the town with its suburbs
    if pi.lemmas & _CAPITAL_PARTS and any(e.surface == _CAPITALS.get(c) for c in e.codes):
        return False  # «Старая Казань»: the capital's old town
    wi = info(words[i].text)
    return bool(pi.cases & wi.cases) and pi.plural == wi.plural


# Numerals that open a place's name when capitalised: «Трёх Озёр», «Семи Ключей», «Пяти Углов».
_NAME_NUMERALS = frozenset(
    ["два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "сорок"]
)


def _numeral_before(words: list[Word], i: int) -> bool:
    """Whether a capitalised numeral within a sentence stands right before words[i]: «жители
    Куралова и Трёх Озёр» (the village Три Озера, not the town Озёры); a numeral before a town
    is written in lower case («в трёх Ростовах»), and a sentence's first word tells nothing."""
    if i == 0 or not words[i].glued_prev:
        return False
    prev = words[i - 1]
    if not prev.cap or prev.shout or prev.sent_start or prev.quote != words[i].quote:
        return False
    return not lem(prev).isdisjoint(_NAME_NUMERALS)


def _opens_quote(words: list[Word], quotes: list[Quote], i: int) -> bool:
    """Whether words[i] is the first of several words in quotes («выставка «Находки времён
    старой Зеи»»): a title's first word is capitalised as a sentence's is."""
    k = words[i].quote
    return k >= 0 and quotes[k].first == i and quotes[k].last > i


# Adjectives that make names of villages out of other places' names («Новая Усмань»).
_NAME_MAKING_ADJ = frozenset(["новый", "старый", "верхний", "нижний", "средний", "малый"])
# Adjectives that name a part of a regional capital: «Старая Казань», «Новый Омск».
_CAPITAL_PARTS = frozenset(["новый", "старый"])
_CAPITALS = {r.code: r.capital for r in REGIONS}
_LARGE_TOWNS = frozenset(t for r in REGIONS for t in r.towns)


def _institution(words: list[Word], e: Entry, j: int) -> bool:
    """МБУК «Добринская ЦКС»: a district's institution named after it, quoted or not, is
    the district's (not a company named after a place)."""
    if e.kind != "district":
        return False
    # («Лебяжьевский районный музей»: the district's own, named by the form «… районный»)
    if j >= len(words):
        return False
    return words[j].text in DISTRICT_INSTITUTIONS or _DISTRICT_ADJ_FORM in lem(words[j])


_DISTRICT_ADJ_FORM = "районный"


# A district's body in one word: «райадминистрация», «райсовет», «райисполком», «райсуд».
_DISTRICT_BODIES = ("райгосадминистрац", "райадминистрац", "райсовет", "райисполком", "райсуд")


def _district_body(word: str) -> bool:
    return fold(word).startswith(_DISTRICT_BODIES)


# «городского поселения», «сельского поселения», «муниципального образования».
_MUNICIPAL_ADJ = frozenset(["городской", "сельский", "муниципальный"])
_NEUTER_MUNICIPAL = frozenset(["поселение", "образование"])
_CITY_WORDS = frozenset({"город", "г", "гор", "столица"})
_FEDERAL_CITIES = frozenset({"RU-MOW", "RU-SPE", "RU-SEV"})


def _city_after(words: list[Word], j: int, nxt_l: frozenset[str]) -> bool:
    """Whether a district's name is followed by its city: a city word, or a town or a federal
    city in an oblique case («Кировского района Казани», «Красносельском районе Петербурга»)."""
    if nxt_l & _CITY_WORDS:
        return True
    if not words[j].cap or info(words[j].text).nominative:
        return False
    found = match_at(words, j, gazetteer())
    if found is None:
        return False
    e = found[0]
    return e.kind == "town" or (e.kind != "adjective" and bool(_FEDERAL_CITIES & set(e.codes)))


def _national_after(words: list[Word], j: int) -> bool:
    """Whether a «национальный»-like adjective follows a people's adjective at words[j - 1],
    past up to three more adjectives and conjunctions («башкирского, казахского и других
    национальных центров»), in the same sentence."""
    for k in range(j, min(j + 4, len(words))):
        if words[k].sent_start:
            return False
        if lem(words[k]) & NATIONAL:
            return True
        if not info(words[k].text).adjective and fold(words[k].text) not in ("и", "или"):
            return False
    return False


def ethnic_use(words: list[Word], j: int) -> bool:
    """Whether a people's adjective at words[j - 1] speaks of the people's culture: «чувашской
    эстрады», «татарской национальной автономии» (see `_keep_adjective`)."""
    head = head_after(words, j)
    return bool(head is not None and lem(head) & CULTURE_AFTER) or _national_after(words, j)


def head_after(words: list[Word], j: int) -> Word | None:
    """The noun an adjective at words[j - 1] goes with: the next word, past up to three more
    adjectives and conjunctions («мордовский фольклорный народный ансамбль», «башкирского и
    татарского народа»), in the same sentence."""
    k = j
    while k < len(words) and k - j < 4 and not words[k].sent_start:
        if not info(words[k].text).adjective and fold(words[k].text) not in ("и", "или"):
            return words[k]
        k += 1
    return None


# «от поморского «губа»», «с ненецкого "ямал"»: after «от» or «с», the adjective that a quoted
# lower-case word follows names a dialect or a language a word comes from («слова» left out).
_CITED_AFTER = frozenset(["от", "с", "со"])
_CITED = re.compile(r"\s*[«„“\"][а-яё]")


def _cited_word(text: str, words: list[Word], i: int, j: int) -> bool:
    """Whether the adjective at words[i:j] says where a quoted word comes from (see
    `_CITED`); not an organisation's quoted name («от кубанского «Урожая»»: a capital)."""
    return (
        i > 0
        and words[i].glued_prev
        and fold(words[i - 1].text) in _CITED_AFTER
        and "gent" in info(words[j - 1].text).cases
        and _CITED.match(text, words[j - 1].end) is not None
    )


def _local_unit(nxt_l: frozenset[str], head_l: frozenset[str]) -> bool:
    """Whether «местное отделение», «территориальный отдел» follow (see `LOCAL_UNIT`)."""
    return any(head_l & heads for adj, heads in LOCAL_UNIT.items() if adj in nxt_l)


# A federal agency's name after a unit: «Тюменский территориальный отдел Роспотребнадзора»
# is the town's office (not «Российского союза ветеранов»).
_AGENCY = re.compile(r"Рос(?!сийск)[а-яё]")


def _agency_after(words: list[Word], head: Word | None) -> bool:
    """Whether a federal agency («Роспотребнадзора», «Росреестра») follows ``head``."""
    k = next((k for k, w in enumerate(words) if w is head), None)
    if k is None or k + 1 >= len(words) or not words[k + 1].glued_prev:
        return False
    return _AGENCY.match(words[k + 1].text) is not None


def _primorye_town(w: Word) -> bool:
    """«в приморском Артёме»: a town of Приморье after «приморский» is the region's."""
    return any(t.code == "RU-PRI" for lemma in lem(w) for t in towns_by_name(lemma))


def _keep_adjective(
    text: str,
    words: list[Word],
    e: Entry,
    *,
    i: int,
    j: int,
    prev_l: frozenset[str],
    listed: bool,
) -> int:
    w = words[i]
    nxt = words[j] if j < len(words) and words[j].glued_prev else None
    nxt_l = lem(nxt) if nxt is not None else frozenset()
    if w.cap and not w.sent_start and is_person(text, words, i, j):
        return DROP  # «Иван Омский»
    if e.words[0] & COMMON_ADJ and (not w.cap or w.sent_start) and not w.shout:
        return DROP  # «братские узы», «Ноябрьский пленум» opening a sentence
    if e.words[0] & COMMON_ADJ and nxt_l & COMMON_ADJ_HEADS:
        return DROP  # «возложили цветы к Братским захоронениям»: war graves
    if prev_l & _SETTLEMENT_OR_RURAL:
        return DROP  # «поселок Ульяновское», «с. Татарское»: a settlement's own name
    if (
        not w.cap
        and nxt_l & REGION_PARTS
        and info(w.text).plural
        and info(nxt.text if nxt else "").plural
        and not e.words[0] & _PEOPLE_ONLY
    ):
        return STRONG  # «главы костромских районов»: the region's districts
    if not w.cap and _cited_word(text, words, i, j):
        return DROP  # «от поморского «губа»»: a word of the dialect, not the region
    head = head_after(words, j)
    head_l = lem(head) if head is not None else frozenset()
    culture = _CULTURE_AFTER_ETHNIC if e.words[0] & ETHNIC else _CULTURE_AFTER_ANY
    if (nxt_l & _STREET_AFTER_OR_NATURE and not _streets_of(w, nxt, nxt_l)) or head_l & culture:
        return DROP  # «Казанский вокзал», «татарский язык», «Московское княжество»
    if head_l & PRODUCTS:
        return DROP  # «оренбургский пуховый платок», «тульские пряники»: a kind of goods
    if (
        w.cap
        and head is not None
        and head_l & CHURCH
        and e.words[0] & ICONS
        and not info(head.text).plural
    ):
        # «в храме Казанского мужского монастыря»: an icon's name, not the town (the plural is
        # the place's churches: «Костромские храмы»; a town's own: «Тобольского собора»)
        return DROP
    if w.cap and nxt is not None and _local_unit(nxt_l, head_l) and not _agency_after(words, head):
        return WEAK  # «Кировского местного отделения»: a district's or a settlement's unit
    if (not w.cap or w.sent_start) and "приморский" in e.words[0] and head_l & _SEASIDE_HEADS:
        # «приморские посёлки Новоазовского района»: by the sea, as likely as of Приморье
        return WEAK
    if (
        not w.cap
        and "приморский" in e.words[0]
        and nxt is not None
        and nxt.cap
        and not _primorye_town(nxt)
    ):
        return WEAK  # «в приморском Бердянске»: a seaside town, of Приморье only if named so
    if e.words[0] & ETHNIC and _own_word(head):
        return DROP  # «угощали калмыцкими борцаками»: a thing with the people's own name
    if e.words[0] & ETHNIC and not e.words[0] & TERRITORIAL:
        if head_l & RURAL:
            return DROP  # «в татарском селе», «чувашская деревня»: who lives there, not where
        if not w.cap and _peoples_list(words, i, j):
            return DROP  # «удмуртские, марийские, мордовские, татарские ряды»: the peoples'
        if _national_after(words, j):
            return DROP  # «татарской национальной культурной автономии»: a people's own
    if nxt_l & ELECTORAL:
        return DROP  # «Кировский одномандатный округ»: a constituency, not the region
    if w.cap and e.words[0] & DISTRICT_ADJ and nxt_l & DISTRICT_ORG:
        return DROP  # «Кировский завод», «Московский университет» of another city
    if w.cap and e.words[0] & DISTRICT_ADJ and nxt is not None and _district_body(nxt.text):
        return DROP  # «Кировской райгосадминистрации»: a district's body, not the oblast
    if w.cap and not listed and _after_title_word(words, i):
        return DROP  # «Первой Камчатской экспедицией»: a proper name's second word
    # «Татарская Каргала», «Московский Комсомолец»: part of another capitalised name (a
    # quoted one is read by the quote rules: «Пензенского Спаса» says whose the feast is).
    if (
        not listed
        and w.quote < 0
        and w.cap
        and (not w.sent_start or _common_noun(nxt))
        and not w.shout
        and nxt is not None
        and nxt.cap
        and not nxt.text.isupper()
        and not nxt_l & GENERIC
        and not nxt_l & _LEVEL_ADJ
    ):
        return DROP
    # «казанского «Рубина»», «самарские «Крылья Советов»»: a club or a company named after
    # its town; «в подмосковном «Крокус Сити Холле»» says where the hall is.
    if (
        e.primary
        and j < len(words)
        and text[words[j - 1].end : words[j].start].strip() in QUOTE_START
    ):
        return WEAK
    # «Казанский федеральный университет», «Московская биржа»: an organisation's name says
    # where it sits, not what the article is about.
    if head_l & ORG_AFTER:
        return WEAK
    if nxt_l & ORG_ADJ and (head is None or not info(head.text).noun):
        return WEAK  # «Саратовскому краеведческому – 126»: the museum, its noun left out
    if "сельсовет" in nxt_l or ("сельский" in nxt_l and head_l & DISTRICT_NOUNS):
        return DROP  # «Мичуринского сельского поселения»: named after a village, not the town
    if nxt_l & _VILLAGE_BODY and w.cap and not w.sent_start:
        # «Орловской сельской Думы», «Ивановский поселковый совет»: a village's own body (not
        # «тамбовская сельская молодёжь», the region's rural youth)
        return DROP
    if "округ" in nxt_l and set(e.codes) <= _AUTONOMOUS_OKRUGS:
        return STRONG  # «в Ямало-Ненецком округе»: the autonomous okrug, «автономном» left out
    if nxt_l & DISTRICT_NOUNS:
        # «Ставропольский район» is in Самарская область, «Кировский» in many cities;
        # «Ковровский район» (a town's adjective) is around Ковров.
        if e.words[0] & DISTRICT_ADJ:
            return DROP
        return WEAK if e.primary else STRONG
    if not listed and w.cap and not w.sent_start and (nxt is None or not _nominal(nxt)):
        if _oblast_left_out(text, words, e, i):
            return STRONG  # «площадка переедет из Тверской области во Владимирскую»
        return DROP  # substantivised: «на Тверской», «в Коломенском», «На Кубанской за...»
    if w.cap and prev_l & _STREET_OR_ORG:
        return DROP
    return STRONG


# Places that «приморский» says lie by the sea («приморский город», «приморские курорты»).
_SEASIDE_HEADS = frozenset(["город", "городок", "посёлок", "поселок", "село", "курорт"])
# The level of a region's body, capitalised as officialese writes it: «Костромской Областной
# Думы», «Пермской Краевой больницы» name the region's body, not a name of two proper words.
_LEVEL_ADJ = frozenset(["областной", "краевой", "окружной", "республиканский"])


def _peoples_list(words: list[Word], i: int, j: int) -> bool:
    """Whether the people's adjective at words[i:j] is one of a list of peoples' adjectives:
    two more within six words either side, in its sentence («удмуртские, марийские,
    мордовские, татарские ряды», «русские избы, казачья станица и татарский городок»). Side
    by side, the adjectives speak of peoples and their ways, not of the regions."""
    others = 0
    k = i - 1
    while k >= 0 and i - k <= 6 and not words[k + 1].sent_start:
        others += bool(lem(words[k]) & _PEOPLES)
        k -= 1
    k = j
    while k < len(words) and k - j < 6 and not words[k].sent_start:
        others += bool(lem(words[k]) & _PEOPLES)
        k += 1
    return others >= 2


_PEOPLES = ETHNIC | OTHER_PEOPLES


def _own_word(head: Word | None) -> bool:
    """Whether a lower-case noun is no Russian word at all: a people's own word for its dish
    or garment («борцаки», «чепалгаши»), read only by its ending. (A known word behind a
    prefix is Russian: «минспорта», «нацпроекта» of the region's own bodies.)"""
    if head is None or head.cap or not head.text.isalpha() or len(head.text) < 4:
        return False
    low = head.text.lower()
    if analyzer().word_is_known(low):
        return False
    stack = analyzer().parse(low)[0].methods_stack
    return type(stack[0][0]).__name__ == "FakeDictionary"


def _after_title_word(words: list[Word], i: int) -> bool:
    """Whether a capitalised ordinal or adjective inside a sentence comes right before a
    region's adjective: «Первая Камчатская экспедиция», «Вторая Тихоокеанская эскадра» (a
    name of its own, mostly a past one)."""
    if i == 0 or not words[i].glued_prev:
        return False
    prev = words[i - 1]
    if not prev.cap or prev.sent_start or prev.shout or prev.quote != words[i].quote:
        return False
    return _ordinal(prev.text)


@lru_cache(maxsize=5_000)
def _ordinal(word: str) -> bool:
    return any(p.tag.POS == "ADJF" and "Anum" in p.tag for p in analyzer().parse(word)[:1])


# Street and building nouns that name one place in the singular only: «нижегородские улицы»
# are the city's streets, «Нижегородская улица» one street (not «Московские ворота», plural
# in the singular sense, nor «шоссе», the same in both numbers).
_PLURAL_STREETS = STREET_AFTER - {"ворота", "шоссе", "железный"}


def _streets_of(w: Word, nxt: Word | None, nxt_l: frozenset[str]) -> bool:
    """«Нижегородские улицы», «костромские храмы»: a place adjective and a street or building
    noun in the plural (the adjective only so) are that place's streets or buildings, not a
    name."""
    if nxt is None or not nxt_l & _PLURAL_STREETS or nxt_l & NATURE:
        return False
    return _plural_adjective(w.text.lower())


@lru_cache(maxsize=20_000)
def _plural_adjective(word: str) -> bool:
    """Whether the dictionary reads ``word`` as an adjective, and only in the plural."""
    adj = [p for p in analyzer().parse(word) if p.tag.POS == "ADJF"]
    return bool(adj) and all(p.tag.number == "plur" for p in adj)


_VILLAGE_BODY = frozenset(["сельский", "поселковый"])
_AUTONOMOUS_OKRUGS = frozenset(r.code for r in REGIONS if "автономный округ" in r.name)


def _common_noun(word: Word | None) -> bool:
    """A capitalised dictionary noun that is no place («Комсомолец», «Сабантуй»)."""
    if word is None or not word.cap or word.text.isupper():
        return False
    wi = info(word.text)
    return wi.noun and not wi.person and not is_geo_word(word.text)


def _nominal(word: Word) -> bool:
    wi = info(word.text)
    return wi.noun or wi.adjective or word.text.isupper() or word.text[:1].isdigit()


_OBLASTS = frozenset(r.code for r in REGIONS if r.name.endswith(" область"))


def _oblast_left_out(text: str, words: list[Word], e: Entry, i: int) -> bool:
    """Whether an oblast's adjective with no noun after «в» is the oblast, its noun left out
    in a text that names an oblast by it: «во Владимирскую» (where to), while a street is
    «на Тверскую» and a park «в Коломенское» is not feminine."""
    return (
        words[i].text.endswith("ую")
        and i > 0
        and words[i].glued_prev
        and fold(words[i - 1].text) in ("в", "во")
        and set(e.codes) <= _OBLASTS
        and "област" in text
    )


@lru_cache(maxsize=20_000)
def _genders(word: str) -> frozenset[str]:
    return frozenset(
        str(p.tag.gender) if p.tag.number != "plur" else "plur"
        for p in analyzer().parse(word.lower())
        if p.tag.POS == "ADJF"
    )


# Prepositions of the prepositional case only (and «на», of it or the accusative): never of
# the instrumental, so a town's «-ом» after them is no form of the town.
_LOCATIVE_ONLY = frozenset(["в", "во", "о", "об", "обо", "при", "на"])
_QUOTES_GAP = re.compile(r"[\s«\"„“]*")


def _possessive_after_in(text: str, words: list[Word], i: int, e: Entry) -> bool:
    """Whether words[i] is «-ом» of a town named in «-ин», «-ов» (declined as a noun: «в
    Бабушкине», «за Бабушкином») right after a preposition of the prepositional case: then it
    is a possessive adjective, «в Бабушкином закутке», not the town."""
    w = words[i]
    if i == 0 or not e.surface.endswith(("ин", "ын", "ов", "ев", "ёв")):
        return False
    if fold(w.text) != fold(e.surface) + "ом":
        return False
    prev = words[i - 1]
    return (
        fold(prev.text) in _LOCATIVE_ONLY
        and _QUOTES_GAP.fullmatch(text, prev.end, w.start) is not None
    )


def _agrees(word: str, gender: str) -> bool:
    """Whether an adjective-like town's form can have the town's gender («Мирном» yes,
    «Мирная» no); a word the dictionary does not read as an adjective passes."""
    genders = _genders(word)
    return not genders or gender in genders or "None" in genders


def _lower_elsewhere(text: str, e: Entry) -> bool:
    """Whether the text uses the town's name as the common noun too, in lower case («зима»,
    «остров»): a capitalised one with no place word before it is then that noun as a name."""
    # The word starts with the name's first three letters (either «е» may be «ё») in lower
    # case, not inside another word. Found with str.find: a regex opening with a lookbehind
    # is tried at every position of the text (55 µs for 3 KB).
    forms = e.words[0]
    for stem in _yo_variants(fold(e.surface)[:3]):
        at = text.find(stem)
        while at >= 0:
            before = text[at - 1] if at else " "
            if not (before.isalnum() or before in "_-"):
                tail = _LOWER_TAIL.match(text, at + len(stem))
                word = stem + (tail.group() if tail is not None else "")
                if not info(word).lemmas.isdisjoint(forms):
                    return True
            at = text.find(stem, at + 1)
    return False


_LOWER_TAIL = re.compile(r"[а-яё]+")  # (what follows the stem in the same word)


@lru_cache(maxsize=256)
def _yo_variants(stem: str) -> tuple[str, ...]:
    """«оре» -> («оре», «орё»): each «е» of a folded stem may be written «ё»."""
    options = [("е", "ё") if c == "е" else (c,) for c in stem]
    return tuple("".join(p) for p in itertools.product(*options))


def _street_chain(text: str, words: list[Word], i: int) -> bool:
    """Whether words[i] is a later part of a hyphenated chain that follows a street word
    («ул. Абаканская-Гагарина»)."""
    w = words[i]
    if w.chain < 0:
        return False
    k = i
    while k > 0 and words[k - 1].chain == w.chain:
        k -= 1
    if k == 0:
        return False
    return bool((lem(words[k - 1]) | _prev_abbreviation(text, words, k)) & STREET_BEFORE)


# Natural features whose plural opens a list of their names: «рек Амур и Самара».
_PLURAL_NATURE = frozenset(["река", "озеро", "приток"])


def _street_list(text: str, words: list[Word], i: int) -> bool:
    """Whether words[i] is a later name in a list that a plural street word opens with a
    person's name («между улицами Ленина, Горького и Кирова»): those names are streets too
    (not so «по улицам Москвы, Казани и Сочи»)."""
    k = i
    while k > 1 and i - k <= 12:
        prev = words[k - 1]
        gap = text[prev.end : words[k].start].strip()
        if gap == "," and prev.cap and not prev.sent_start:
            k -= 1  # «…, Горького»
        elif not gap and fold(prev.text) in ("и", "или") and words[k - 2].cap:
            k -= 2  # «… и Кирова»
        elif (
            not gap
            and k < i
            and not prev.cap
            and lem(prev) & _PLURAL_NATURE
            and info(prev.text).plural
        ):
            # «на берегах рек Амур и Самара»: each name a river's (not «озёр Карелии и
            # Мурманской области»: the names of those stand in the genitive)
            return info(words[i].text).nominative
        elif (
            not gap
            and k < i
            and not prev.cap  # «Набережных Челнах и Самаре»: a town's name, not «набережных»
            and lem(prev) & STREET_BEFORE
            and info(prev.text).plural
        ):
            first = info(words[k].text)  # «Ленина», «Советской»: a street's own name
            return first.surname or first.adjective or match_at(words, k, gazetteer()) is None
        else:
            return False
    return False


def village_list(text: str, words: list[Word], i: int) -> bool:
    """Whether words[i] is a name in a list that villages in the plural open: «в сёлах
    Дружба, Ильинка и Елабуга», «в населённых пунктах Новый Этап, Красная Поляна»: each is
    a village (the first after «сёлах» is read by `after_village_word`). The names of such a
    list stand in the nominative; a town in another case is whose they are: «в населённых
    пунктах Казани и Набережных Челнов»."""
    wi = info(words[i].text)
    # («в посёлках Зеленоборском и Лесозаводском»: names made of adjectives agree with the
    # plural village word, «Лесозаводском» is no form of the town Лесозаводск)
    adjectives = not wi.nominative and wi.adjective and not wi.plural
    if not wi.nominative and not adjectives:
        return False
    k = i
    while k > 1 and i - k <= 30:
        prev = words[k - 1]
        gap = text[prev.end : words[k].start].strip()
        if prev.cap and not prev.sent_start and gap in ("", ","):
            k -= 1  # «…, Ильинка», «Новый Этап»
        elif not gap and fold(prev.text) in ("и", "или") and words[k - 2].cap:
            k -= 2  # «… и Елабуга»
        elif not gap and not prev.cap and info(prev.text).plural:
            prev_l = lem(prev)
            if adjectives and wi.cases.isdisjoint(info(prev.text).cases):
                return False
            if prev_l & RURAL:
                return k < i
            return "пункт" in prev_l and "населенный" in lem(words[k - 2])
        elif gap == ":" and not adjectives:
            return _villages_before_colon(words, k)
        else:
            return False
    return False


# The owner of a list of villages after a colon: «по сёлам Зиминского района: …».
_VILLAGE_OWNERS = frozenset(["район", "округ", "поселение", "сельсовет", "улус", "муниципалитет"])


def _villages_before_colon(words: list[Word], k: int) -> bool:
    """Whether villages in the plural, with their district's name at most, stand right before
    the colon that ends before words[k]: «по сёлам Зиминского района: Ухтуй, Самара, Батама»,
    «в населённых пунктах: …». Each name after it is a village, the first one too."""
    m = k - 1
    while m >= 1 and k - m <= 4:
        wm = words[m]
        lm = lem(wm)
        if not wm.cap and info(wm.text).plural:
            if lm & RURAL:
                return True
            if "пункт" in lm and words[m].glued_prev and lem(words[m - 1]) & _INHABITED:
                return True
        if wm.sent_start or not wm.glued_prev or not (wm.cap or lm & _VILLAGE_OWNERS):
            return False
        m -= 1
    return False


def _prev_abbreviation(text: str, words: list[Word], i: int) -> frozenset[str]:
    """The folded previous word when a full stop alone separates it («г. Мирный», «с.
    Иваново»), else nothing."""
    if i == 0:
        return frozenset()
    prev = words[i - 1]
    if text[prev.end : words[i].start].strip() != ".":
        return frozenset()
    if (
        i > 1
        and len(prev.text) == 1
        and prev.cap
        and not prev.sent_start
        and not prev.shout
        and prev.glued_prev
        and not words[i - 2].cap
        and fold(words[i - 2].text) not in PLACE_PREP
    ):
        return frozenset()  # «улица маршала Г. Жукова»: an initial mid-sentence, not «г.»
    return frozenset([fold(prev.text)])


_AS_IN = frozenset(["в", "во", "на", "у", "с", "со"])
_TO = frozenset(["к"])
_BETWEEN = frozenset(["с", "со", "между"])
_WITH = frozenset(["с", "со"])
_WITH_FORMS = frozenset(["с", "со", "С", "Со", "СО"])  # (as written: no folding)
# The first three letters of the months, full or cut («5 дек»), for datelines.
_MONTH_STEMS = frozenset(
    ["янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
)


_LIST_WORDS = frozenset(["и", "или", "а", "также"])
# What brings in members of a group named before: «включая», «в том числе».
_MEMBERS_OF = frozenset(["включая", "том", "числе"])


# A landing or a change of planes on the way: «промежуточная посадка», «с пересадкой в».
_STOPOVERS = frozenset(["посадка", "пересадка"])
_STOPOVER_BEFORE = frozenset(["промежуточный", "с", "со"])


def _stopover(words: list[Word], i: int) -> bool:
    """Whether words[i] is where a flight or a trip stops on the way: «совершил промежуточную
    посадку в Архангельске», «с пересадкой в Москве» (not «вынужденную посадку в Омске»: an
    emergency landing is where the story happens)."""
    before = _before_preposition(words, i, _AS_IN)
    if not before & _STOPOVERS:
        return False
    if "пересадка" in before:
        return True
    k = i - 3  # the word before «посадку»
    return k >= 0 and words[k + 1].glued_prev and bool(lem(words[k]) & _STOPOVER_BEFORE)


def _listed_after_origin(words: list[Word], i: int) -> bool:
    """«из Казахстана, Башкирской и Татарской республик, Самарской...»: a place in a list
    that «из» opens; «представители спортивных школ Дагестана, Осетии»: the places of the
    bodies the representatives come from (not «из бюджета области»: money, not people)."""
    k = i - 1
    nouns = 0  # lower-case genitive nouns between: «школ», «команд»
    while k >= 0 and i - k <= 10 and not words[k + 1].sent_start:
        word = words[k]
        low = fold(word.text)
        if low in ORIGIN:
            # (a noun between says what came «из» there: money «из бюджета области», unless
            # people come: «звонари из храмов Архангельской и Вологодской областей»)
            return k < i - 1 and (not nouns or _people_before(words, k))
        if lem(word) & ORIGIN_NOUNS and "gent" in info(words[i].text).cases:
            return k < i - 1
        wi = info(word.text)
        if lem(word) & _LIST_OR_PLACE_NOUNS:
            pass  # «из городов и районов Хабаровского края, Еврейской…»: places, not bodies
        elif not word.cap and nouns < 2 and wi.noun and not wi.adjective and "gent" in wi.cases:
            nouns += 1
        elif low in _MEMBERS_OF or (low == "в" and fold(words[k + 1].text) == "том"):
            pass  # «из разных регионов, включая Мордовию»: one of those they come from
        elif not (word.cap or low in _LIST_WORDS or wi.adjective or _participle(low)):
            return False  # (a participle qualifies the noun too: «из действующих храмов»)
        k -= 1
    return False


@lru_cache(maxsize=4096)
def _participle(low: str) -> bool:
    parses = analyzer().parse(low) if low.isalpha() else []
    return bool(parses) and parses[0].tag.POS == "PRTF"


def _people_before(words: list[Word], k: int) -> bool:
    """Whether the word before «из» at words[k] is people in the plural: «звонари из…»,
    «спортсмены из школ…» (not «средства из бюджета…»)."""
    if k == 0 or words[k].sent_start or not words[k].glued_prev:
        return False
    low = words[k - 1].text.lower()
    if not low.isalpha():
        return False
    parses = analyzer().parse(low)
    return bool(parses) and {"NOUN", "anim", "plur"} <= parses[0].tag.grammemes


# Places a list of origins may name before its regions: «из городов и районов …», «из
# регионов СКФО: Чечни, Дагестана …».
_PLACE_NOUNS = frozenset(
    [
        "город",
        "муниципалитет",
        "поселение",
        "населённый",
        "населенный",
        "пункт",
        "регион",
        "субъект",
    ]
)
_LIST_OR_PLACE_NOUNS = LIST_HEADS | _PLACE_NOUNS


# A part of a town named by its number: «в 6-м микрорайоне», «3 мкр.», «квартал № 5».
_NUMBERED_PARTS = frozenset(["микрорайон", "мкр", "квартал"])
_NUMBER_BEFORE = re.compile(r"(?:\d+(?:-[а-яё]{1,3})?|№\s*\d+)\s*$")


def _numbered_part(text: str, words: list[Word], i: int) -> bool:
    """«в 6-м микрорайоне Элисты», «3 мкр. Братска»: a microdistrict named by its number; the
    name after it is its town's, not the microdistrict's own («в микрорайоне Шилово»)."""
    if i == 0 or not (lem(words[i - 1]) | {fold(words[i - 1].text)}) & _NUMBERED_PARTS:
        return False
    return bool(_NUMBER_BEFORE.search(text, max(0, words[i - 1].start - 12), words[i - 1].start))


def after_street_word(text: str, words: list[Word], i: int) -> bool:
    """Whether words[i] follows «улица», «мкр.», «река»: a street's, a part of a town's or a
    natural feature's name, not a settlement's."""
    prev_l = lem(words[i - 1]) if i > 0 and words[i].glued_prev else frozenset()
    return bool((prev_l | _prev_abbreviation(text, words, i)) & _STREET_OR_NATURE)


def after_village_word(text: str, words: list[Word], i: int) -> bool:
    """Whether words[i] follows «село», «хутора», «д.»: a village's name, whatever it shares."""
    prev_l = lem(words[i - 1]) if i > 0 and words[i].glued_prev else frozenset()
    if (
        i > 0
        and not words[i].glued_prev
        and _QUOTE_GAP.fullmatch(text, words[i - 1].end, words[i].start)
    ):
        prev_l = lem(words[i - 1])  # «в сельском поселении «Никольское»»: a village's name
    if "пункт" in prev_l and i > 1 and words[i - 1].glued_prev:
        return bool(lem(words[i - 2]) & _INHABITED)  # «населённого пункта Быково»
    return bool(prev_l & RURAL or _prev_abbreviation(text, words, i) & RURAL_SHORT)


_INHABITED = frozenset(["населённый", "населенный"])
# The words right before a village's name that make a name of `Gazetteer.villages` count
# («в селе Рамзай», «жители деревни Шихазаны», «рабочего посёлка», «ст-цы»), and their
# abbreviations with a full stop, a one-letter one in lower case («с. Ремонтное», «Пос.»).
VILLAGE_CUES = frozenset(
    [
        *("село", "деревня", "поселок", "посёлок", "пгт", "аул", "хутор", "станица"),
        *("слобода", "улус", "выселки", "выселок", "местечко"),
        # a rural municipality named after its village: «сельского поселения Лыхма»
        *("поселение", "сельсовет", "поссовет"),
    ]
)
# A village's council or rural okrug: «сельского округа Лыхма», «сельского совета Матур».
_RURAL_BODIES = frozenset(["округ", "совет"])
_RURAL_ADJ = frozenset(["сельский", "поселковый"])
VILLAGE_CUES_SHORT = frozenset(["с", "д", "дер", "п", "пос", "пгт", "х", "ст", "сл"])


def village_cue(text: str, words: list[Word], i: int) -> frozenset[str] | None:
    """The cases a village's name after the village word before words[i] may take (the
    nominative and the word's own: «в селе Ремонтное», «в селе Ремонтном»; any after an
    abbreviation: «с. Ремонтное»), or None when no village word stands right before it."""
    if i == 0:
        return None
    prev = words[i - 1]
    if words[i].glued_prev:
        if not lem(prev).isdisjoint(VILLAGE_CUES):
            return info(prev.text).cases | {"nomn"}
        if fold(prev.text).startswith("ст-ц"):  # «ст-ца Ладожская»
            return frozenset()
        if (
            i > 1
            and prev.glued_prev
            and not lem(prev).isdisjoint(_RURAL_BODIES)
            and not lem(words[i - 2]).isdisjoint(_RURAL_ADJ)
        ):
            return info(prev.text).cases | {"nomn"}
        return None
    short = prev.text.islower() or len(prev.text) > 1  # (not «П. Рамзай»: an initial)
    if short and _prev_abbreviation(text, words, i) & VILLAGE_CUES_SHORT:
        return frozenset()
    return None


_QUOTE_GAP = re.compile(r"\s*[«„“\"]")


def _before_preposition(words: list[Word], i: int, prepositions: frozenset[str]) -> frozenset[str]:
    """Lemmas of the word before a preposition in ``prepositions`` that precedes words[i]
    («рядом» in «рядом с Хакасией»), or nothing."""
    if i < 2 or not words[i].glued_prev or not words[i - 1].glued_prev:
        return frozenset()
    if fold(words[i - 1].text) not in prepositions:
        return frozenset()
    return lem(words[i - 2])


# One resident, in the singular: «житель Махачкалы», «жительнице Тувы» is a person's home, not
# where what they did happened (the plural «жители Абакана» are often the story's public).
_RESIDENT = frozenset(
    [
        *("житель", "жителя", "жителю", "жителем", "жителе"),
        *("жительница", "жительнице", "жительницу", "жительницей"),
    ]
)
_STATION = frozenset(["станция", "вокзал"])


def _from_station(words: list[Word], i: int) -> bool:
    """«со станции Кемь», «со станций Кандалакша и Кемь»: a station's name after «с» (in the
    nominative, so not caught as «с» + genitive) is where a train leaves from."""
    if i < 2 or not words[i].glued_prev or not words[i - 1].glued_prev:
        return False
    return bool(lem(words[i - 1]) & _STATION) and fold(words[i - 2].text) in ("с", "со")


def _linked(words: list[Word], i: int) -> bool:
    """Whether words[i] (after «с») is in the instrumental, with a verb of linking among the
    four words before «с» in its clause: «свяжут Херсонскую область с Республикой Крым»."""
    if "ablt" not in info(words[i].text).cases:
        return False
    k = i - 1
    while k > 0 and i - k <= 5 and words[k].glued_prev:
        k -= 1
        if lem(words[k]) & LINK_VERBS:
            return True
    return False


def _dateline(words: list[Word], j: int) -> bool:
    """«Москва. 25 февраля. INTERFAX.RU», «МОСКВА, 5 дек - РИА Новости»: where the agency
    wrote it, not what the story is about."""
    nxt = words[j]
    if nxt.sent_start and (nxt.text[:1].isdigit() or nxt.text.isupper()):
        return True
    after = words[j + 1] if j + 1 < len(words) else None
    return (
        nxt.text.isdigit()
        and len(nxt.text) <= 2
        and after is not None
        and fold(after.text)[:3] in _MONTH_STEMS
    )


@lru_cache(maxsize=4)
def _stems_of(lemmas: frozenset[str]) -> tuple[str, ...]:
    """What every form of each lemma starts with («погибнуть» -> «погиб»), folded."""
    out = []
    for lemma in sorted(lemmas):
        forms = {
            fold(f.word)
            for p in analyzer().parse(lemma)
            if fold(p.normal_form) == lemma
            for f in p.lexeme
        }
        if not forms:
            out.append(lemma)
            continue
        first, last = min(forms), max(forms)  # the common prefix of all is theirs
        n = 0
        while n < min(len(first), len(last)) and first[n] == last[n]:
            n += 1
        out.append(first[:n])
    return tuple(out)


def rare_cues(folded: str) -> tuple[bool, bool]:
    """Whether a text (folded) can hold an anniversary's or a tragedy's place at all, for
    :func:`cue`: most texts name no «воссоединение» and no «погибшие», and the checks that
    look for them before every mention are then skipped."""
    history = any(stem in folded for stem in _stems_of(HISTORY_EVENTS))
    victims = any(stem in folded for stem in _stems_of(VICTIMS)) or any(
        key in folded for key in _CAUSE_KEYS
    )
    return history, victims


def cue(
    words: list[Word],
    i: int,
    j: int,
    codes: tuple[str, ...],
    kind: str,
    *,
    history: bool = True,
    victims: bool = True,
) -> str:
    """Why the mention at words[i:j] would be a passing one, or "".

    ``origin`` «гости из Красноярска»; ``comparison`` «как в Москве», «опыт Татарстана»;
    ``state`` Moscow as the federal state («Москва заявила», «официальная Москва»,
    «переговоры Москвы и Вашингтона»).
    ``trip`` where a trip or goods go («командировка в Екатеринбург», «поставки в Дагестан»);
    ``route`` the far end of a link or a route («сообщение с Сочи»); ``stop`` a stop on the
    way («с пересадкой в Москве»).
    """
    w = words[i]
    prev = words[i - 1] if i > 0 and w.glued_prev else None
    prev_l = lem(prev) if prev is not None else frozenset()
    if prev is not None and fold(prev.text) == "к":
        prev_l = _TO  # the preposition «близость к Городцу», not «к.» for «как»
    if prev_l & ORIGIN or _listed_after_origin(words, i):
        return "origin"
    if prev is not None and fold(prev.text) == "от" and _member_from(words, i):
        return "origin"  # «сенатор от Петербурга»: whom a member of a chamber represents
    if kind == "adjective" and _club_origin(words, i, j):
        return "origin"
    if kind == "adjective" and not w.cap and _arriving(words, i):
        return "origin"  # «ждут приезда и московских артистов»: the guests' home
    if prev is not None and "gent" in info(w.text).cases:
        if prev_l & ORIGIN_NOUNS:
            return "origin"  # «делегация Татарстана»
        if fold(prev.text) in ("с", "со") and "ablt" not in info(w.text).cases:
            return "origin"  # «прилетела с Вологодчины» (not «с Вологодчиной»)
        if fold(prev.text) in _RESIDENT:
            return "origin"  # «Житель Махачкалы угнал автобус»: one person's home
    if _from_station(words, i):
        return "origin"  # «поезда со станций Кандалакша и Кемь»: where help is sent from
    if prev_l & COMPARISON and not _such_as(words, i):
        return "comparison"
    if _before_preposition(words, i, _AS_IN) & COMPARISON:
        return "comparison"  # «как в Москве», «рядом с Хакасией»
    before_with = _before_preposition(words, i, _WITH)
    if before_with & BORDER_WITH:
        return "comparison"  # «село на границе с Чечнёй»: the neighbour across the border
    if before_with & ROUTE_WORDS:
        return "route"  # «возобновили морское сообщение с Сочи»: the far end of a link
    if _stopover(words, i):
        return "stop"  # «рейс с промежуточной посадкой в Архангельске»: a stop on the way
    if prev is not None and prev.text in _WITH_FORMS and _linked(words, i):
        return "route"  # «маршруты свяжут Херсонщину с Крымом»: the far end of a link
    if (history and _commemorated(words, i)) or (
        victims and (_victims_of(words, i) or _cause_of(words, i))
    ):
        return "history"  # «к 10-летию воссоединения Крыма и Севастополя с Россией»
    if kind == "name" and _honour(words, i):
        return "honour"  # «Народная артистка Чувашской Республики»: a title, not a place
    if (
        j < len(words)
        and words[j].glued_prev
        and fold(words[j].text).startswith(_JOINING_STARTS)
        and lem(words[j]) & JOINING_VERBS
    ):
        return "history"  # «в 2014 году Крым воссоединился с Россией»
    if _range_end(words, i, j):
        return "range"  # «от Архангельска до Армении»: the ends of a span, not the place
    if _trip_to(words, i):
        return "trip"  # «командировка в Екатеринбург»: where someone of the story goes
    if kind == "town" and w.sent_start and j < len(words) and _dateline(words, j):
        return "dateline"  # «(Хабаровск, 28 мая, «Татар-информ»)»: where the reporter wrote
    if (
        kind == "name"
        and w.sent_start
        and codes != ("RU-MOW",)
        and j < len(words)
        and not words[j].sent_start
        and _dateline(words, j)
    ):
        return "dateline"  # «Адыгея, 5 сентября, 2007, 12:18 — ИА Регнум»: the agency's
        # regional desk (on one line: a region's name over a date line is a site's header)
    if codes == ("RU-MOW",) and kind == "name":
        k = j
        while k < len(words) and k - j < 3 and words[k].glued_prev and fold(words[k].text) in _AUX:
            k += 1  # «Москва не считает», «Москва будет давать ответ»
        nxt = words[k] if k < len(words) and words[k].glued_prev else None
        if nxt is not None and lem(nxt) & STATE_VERBS:
            return "state"
        if nxt is not None and lem(nxt) & _GIVE and _answer_after(words, k + 1):
            return "state"  # «Москва даст жёсткий ответ»
        if prev_l & STATE_BEFORE:
            return "state"
        if _before_preposition(words, i, _AS_IN) & TRIP_WORDS:
            return "state"  # «с рабочей поездкой в Москве»: a visit to the federal centre
        if _before_preposition(words, i, _AS_IN) & DEPART_VERBS and "accs" in info(w.text).cases:
            return "state"  # «глава республики уехал в Москву» (a minister «вылетел в Оренбуржье»
            # goes where the story is: only the federal centre is left for in passing)
        if _before_preposition(words, i, _BETWEEN) & STATE_BEFORE:
            return "state"  # «отношения с Москвой», «диалог между Москвой и…»
        if w.sent_start and j < len(words) and _dateline(words, j):
            return "state"  # «Москва. 25 февраля. INTERFAX.RU»: where the agency wrote it
        if not w.sent_start:
            for k in range(i - 1, max(-1, i - 7), -1):
                if lem(words[k]) & FOREIGN:
                    return "state"
                if words[k].sent_start:
                    break
        for k in range(j, min(len(words), j + 4)):
            if words[k].sent_start:
                break
            if lem(words[k]) & FOREIGN:
                return "state"
    return ""


# Words between «Москва» and its verb: «Москва не считает», «Москва будет давать ответ».
_AUX = frozenset(["не", "будет", "может", "должна", "станет", "продолжит", "продолжает"])
_GIVE = frozenset(["дать", "давать"])


def _answer_after(words: list[Word], k: int) -> bool:
    """Whether «ответ» comes within three words from words[k], in its sentence."""
    for m in range(k, min(len(words), k + 3)):
        if not words[m].glued_prev or words[m].sent_start:
            return False
        if "ответ" in lem(words[m]):
            return True
    return False


def _arriving(words: list[Word], i: int) -> bool:
    """Whether an arrival comes within three words before words[i], in its sentence: «ждут
    приезда и московских артистов», «приедут казанские музыканты»."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if not words[k + 1].glued_prev or words[k + 1].sent_start:
            return False
        if fold(words[k].text).startswith(_ARRIVAL_STARTS) and lem(words[k]) & ARRIVAL:
            return True
    return False


# How the words of `ARRIVAL` and `JOINING_VERBS` start: most words are read by their letters.
_ARRIVAL_STARTS = ("приезд", "прибыт", "гастрол", "прие", "приб")
_JOINING_STARTS = ("воссоедин", "присоедин")


def _member_from(words: list[Word], i: int) -> bool:
    """Whether «от» before words[i] follows a member of a chamber: «сенатор от Петербурга»,
    «депутат Госдумы от Тувы» (where the member was elected, not where the story is)."""
    for k in range(i - 2, max(-1, i - 5), -1):
        if lem(words[k]) & MEMBERS:
            return True
        if not words[k + 1].glued_prev or words[k + 1].sent_start:
            break
    return False


_TROUPES_FIRMS = TROUPES | FIRMS


def _club_origin(words: list[Word], i: int, j: int) -> bool:
    """«екатеринбургский «Автомобилист»», «казанского «Рубина»»: a lower-case place adjective
    right before a quoted name says where that team or company comes from."""
    if j != i + 1 or j >= len(words) or words[i].cap or words[i].quote >= 0:
        return False
    nxt, end = words[j], words[i].end
    if nxt.quote < 0 and nxt.glued_prev and j + 1 < len(words) and lem(nxt) & _TROUPES_FIRMS:
        nxt, end = words[j + 1], nxt.end  # «питерской группы «Аффинаж»», «подмосковная фирма»
    return nxt.quote >= 0 and nxt.start - end <= 3


def _such_as(words: list[Word], i: int) -> bool:
    """Whether «как» before words[i] lists examples: «такие регионы, как Чукотка», «в таких
    городах, как Омск и Томск» (not a comparison: the place is one of those the story names)."""
    if fold(words[i - 1].text) != "как":
        return False
    return any("такой" in lem(words[k]) for k in range(max(0, i - 5), i - 1))


def _commemorated(words: list[Word], i: int) -> bool:
    """Whether words[i] is a place whose past an anniversary marks: «посвящённый 10-летию
    воссоединения Крыма и Севастополя с Россией», «к годовщине освобождения Смоленска»."""
    k = i - 1
    while k > 0 and i - k <= 6 and words[k + 1].glued_prev:
        low = fold(words[k].text)
        if lem(words[k]) & HISTORY_EVENTS:
            return any(
                lem(words[m]) & ANNIVERSARY or fold(words[m].text).endswith(_ANNIVERSARY_ENDS)
                for m in range(max(0, k - 2), k)
            ) or _long_ago(words, i)
        if not (words[k].cap or low in _LIST_WORDS or info(words[k].text).adjective):
            return False
        k -= 1
    return False


def _long_ago(words: list[Word], i: int) -> bool:
    """Whether the sentence dates the event at words[i] to a year long past, a few words on:
    «освобождения Москвы от польских интервентов в 1612 году»."""
    for k in range(i + 1, min(len(words), i + 9)):
        if words[k].sent_start:
            return False
        low = words[k].text
        if len(low) == 4 and low.isdigit() and int(low) < _PAST_YEAR:
            return fold(words[k - 1].text) == "в"
    return False


# Years before it are history: the wars and the revolutions, not the living memory.
_PAST_YEAR = 1950


def _victims_of(words: list[Word], i: int) -> bool:
    """Whether words[i] is where a commemorated tragedy happened: «мемориал жертвам теракта в
    Москве», «почтили память погибших при крушении в Ейске»: the mourning is elsewhere."""
    if i < 4 or not words[i].glued_prev or fold(words[i - 1].text) not in _AT:
        return False
    k = i - 2
    while k > 0 and i - k <= 4 and words[k + 1].glued_prev and not lem(words[k]) & INCIDENTS:
        k -= 1
    if not lem(words[k]) & INCIDENTS:
        if not lem(words[i - 2]) & VICTIMS:
            return False
        k = i - 1  # «почтили память погибших в Перми»: the tragedy left unnamed
    for m in range(k - 1, max(-1, k - 3), -1):
        if not words[m + 1].glued_prev:
            return False
        if lem(words[m]) & VICTIMS:
            return any(
                lem(words[n]) & MOURNING
                for n in range(max(0, m - 3), m)
                if all(words[x].glued_prev for x in range(n + 1, m + 1))
            )
    return False


_AT = frozenset(["в", "во", "на", "под"])
# «в связи с трагедией в …», «из-за теракта в …»: what a tragedy elsewhere causes here.
_CAUSE_KEYS = ("в связи с", "из-за", "на фоне")
# A tragedy told without its kind: «в связи с трагическими событиями в Северной Осетии», «на
# фоне ситуации в Курской области».
_EVENTS = frozenset(["событие", "происшествие", "ситуация"])


def _cause_of(words: list[Word], i: int) -> bool:
    """Whether words[i] is where a tragedy happened that is the cause of what the story tells
    («в связи с трагическими событиями в Северной Осетии мероприятия отменяются», «из-за
    теракта в Москве», «на фоне ситуации в Курской области»): the story happens where the
    cancellation or the mourning is."""
    if i < 3 or not words[i].glued_prev or fold(words[i - 1].text) not in _AT:
        return False
    k = i - 2
    if not lem(words[k]) & (INCIDENTS | _EVENTS):
        return False
    m = k - 1
    while m > 0 and words[m + 1].glued_prev and info(words[m].text).adjective:
        m -= 1  # «трагическими», «страшной»
    if m < 0 or not words[m + 1].glued_prev:
        return False
    low = fold(words[m].text)
    if low == "из-за":
        return True
    if low == "фоне" and m > 0 and fold(words[m - 1].text) == "на" and words[m].glued_prev:
        return True  # «на фоне ситуации в Курской области отменили праздники»
    return (
        low in ("с", "со")
        and m > 1
        and fold(words[m - 1].text) == "связи"
        and fold(words[m - 2].text) == "в"
        and words[m].glued_prev
        and words[m - 1].glued_prev
    )


# Honorary titles: «народный артист», «заслуженный работник культуры», «почётный гражданин».
_HONOURS = ("народн", "заслуж", "почетн")


def _honour(words: list[Word], i: int) -> bool:
    """Whether a region's name at words[i] ends an honorary title given to a person: «Народной
    артистки Чувашской Республики», «заслуженный работник культуры Республики Хакасия» (the
    title's region, not where the story is; not «Народного собрания Республики Дагестан»,
    a body)."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if not words[k + 1].glued_prev:
            return False
        if fold(words[k].text).startswith(_HONOURS) and k + 1 < i:
            parses = analyzer().parse(words[k + 1].text.lower())
            return bool(parses) and parses[0].tag.animacy == "anim"
    return False


# «10-летию», «столетия»: an anniversary, in any case.
_ANNIVERSARY_ENDS = ("летие", "летия", "летию", "летием", "летии")


def _range_end(words: list[Word], i: int, j: int) -> bool:
    """Whether words[i:j] is an end of «от … до …» within one sentence."""
    if i == 0 or not words[i].glued_prev:
        return False
    prep = fold(words[i - 1].text)
    if prep == "от":
        for k in range(j, min(len(words), j + 5)):
            if words[k].sent_start:
                return False
            if fold(words[k].text) == "до":
                return True
    elif prep == "до":
        for k in range(i - 2, max(-1, i - 8), -1):
            if fold(words[k].text) == "от":
                return True
            if words[k].sent_start:
                return False
    return False


def _trip_to(words: list[Word], i: int) -> bool:
    """Whether words[i] is where a trip goes: «командировкой в г. Екатеринбург»."""
    if not words[i].glued_prev or "accs" not in info(words[i].text).cases:
        return False
    k = i - 1
    if k > 0 and lem(words[k]) & SETTLEMENT:
        k -= 1  # «в г. Екатеринбург»
    if k < 1 or fold(words[k].text) not in ("в", "во", "на"):
        return False
    if lem(words[k - 1]) & _TRIP_OR_ROUTE:
        return True
    # «командировкой Василия Петровича и Елены Степановны в Екатеринбург»: who travels, between
    # the trip and where it goes (names, «и», genitive nouns: «поездка главы района в …»)
    m = k - 1
    while m > 0 and k - m <= 8 and words[m + 1].glued_prev and not words[m + 1].sent_start:
        word = words[m]
        if m < k - 1 and lem(word) & TRIP_WORDS:
            return True
        wi = info(word.text)
        if not (word.cap or fold(word.text) == "и" or (wi.noun and "gent" in wi.cases)):
            break
        m -= 1
    # «экспортируем продукцию в Татарстан», «поставки зерна в Дагестан»: where goods go
    for m in range(k - 1, max(-1, k - 4), -1):
        if lem(words[m]) & SHIP_VERBS:
            return True
        if words[m].sent_start:
            break
    return False
