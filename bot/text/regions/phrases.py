"""Phrases that name a region without the catalogue's word order, tried before the catalogue
match at an adjective:

* a district's name after its noun, the official order: «муниципального района Пестравский»;
* a district's own hospital or body: «Богучарской центральной районной больнице», «Ковровская
  ЦРБ», МБУК «Добринская ЦКС», its museum and its land: «в Захаровском краеведческом
  музее», «на Красносулинской земле»;
* a region's noun said once for a list: «Белгородской области выделено 1,1 млрд, Курской —
  863 млн»;
* a region's adjective in lower case before its districts: «главы костромских районов»;

and a closed town's title («ЗАТО Железногорск»), which picks the closed town among namesakes.

`stanitsa_at` reads a stanitsa named like a district of a region of stanitsas, the district's
centre: «станицы Кавказской» is in Кавказский район of Краснодарский край.

`rural_district_at` reads a town's adjective before a village or «власти», in any case: «в
валдайском селе», «Анивские власти» are in the district around Валдай, Анива.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.text.morph import analyzer, fold, info
from bot.text.regions.filters import lem
from bot.text.regions.gazetteer import Entry, Gazetteer, district_adjectives, gazetteer
from bot.text.regions.lexicon import (
    COMMON_ADJ,
    DISTRICT_ADJ,
    DISTRICT_INSTITUTIONS,
    ETHNIC,
    REGION_PARTS,
    TERRITORIAL,
)
from bot.text.regions.tokens import Word
from bot.text.towns import towns

__all__ = [
    "closed_town_title",
    "phrase_at",
    "region_districts",
    "rural_district_at",
    "rural_line",
    "stanitsa_at",
]

_DISTRICT_NOUNS = frozenset(["район", "округ", "улус", "кожуун"])
_RAION = frozenset(["район"])
# Words after a district's adjective alone that belong to the district: its museum, its land.
_DISTRICT_ONLY = frozenset(["краеведческий", "земля"])
# A people's adjectives that name no territory (built once).
_PEOPLE_ONLY = ETHNIC - TERRITORIAL
# The endings an adjective takes with the noun left out: «(Курской) области», «(Алтайскому) краю».
_ELIDED = (("область", ("ой", "ая", "ую")), ("край", ("ому", "ого", "ий", "ый", "ом")))


def phrase_at(words: list[Word], i: int, gaz: Gazetteer) -> tuple[Entry, int] | None:
    """The entry one of the phrases above names at words[i], and the index after its name."""
    if not words[i].cap:
        e = region_districts(words, i, gaz)
        return (e, i + 1) if e is not None else None
    e = _district_after_noun(words, i, gaz) or _district_body(words, i, gaz)
    e = e or _elided_noun(words, i, gaz)
    return (e, i + 1) if e is not None else None


def region_districts(words: list[Word], i: int, gaz: Gazetteer) -> Entry | None:
    """«главы костромских районов», «в тверских округах»: a region's adjective, in lower case,
    before its districts in the plural names the region (no region has two districts of one
    name; a district's own name is capitalised and singular). The region's adjective entry."""
    j = i + 1
    if j >= len(words) or not words[j].glued_prev:
        return None
    wi, nxt = info(words[i].text), info(words[j].text)
    if not (wi.adjective and wi.plural and nxt.plural and nxt.lemmas & REGION_PARTS):
        return None
    if wi.lemmas & _PEOPLE_ONLY:
        return None  # «в татарских районах»: where a people lives, anywhere
    for lemma in wi.lemmas:
        for e in gaz.by_first.get(lemma, ()):
            if e.kind == "adjective" and len(e.words) == 1:
                return e
    return None


# Nouns after a town's adjective that put the place in the town's district: «в валдайском
# селе», «анивские власти» (the district's own authorities).
_RURAL_HEADS = frozenset(
    ["село", "деревня", "поселок", "посёлок", "хутор", "станица", "аул", "власть"]
)
# Adjective endings, soft and hard («валдайского», «костромской»).
_ADJ_ENDINGS = (
    "ий", "ый", "ой", "ого", "ому", "им", "ым", "ом", "ая", "ую", "ое", "ие", "ые", "их", "ых",
    "ими", "ыми",
)  # fmt: skip
# A word before a village noun or «власти»: the pre-check for a line no other form matched.
# The heads of ``_BEFORE_RURAL`` as plain substrings, for a cheap first look.
_RURAL_STEMS = ("сел", "деревн", "посел", "посёл", "хутор", "станиц", "аул", "власт")
_BEFORE_RURAL = re.compile(
    r"(\w+)\s+(?:сел[оаеу]|деревн|пос[её]л|хутор|станиц|аул|власт)", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _town_adjectives() -> frozenset[str]:
    """Adjectives derived from a town's name (Валдай -> валдайский), not the ordinary ones,
    and from a catalogued village's that is its district's centre and names it
    («Мухоршибирь» -> «мухоршибирский», the centre of «Мухоршибирский район»):
    «мухоршибирского села Никольска» is as plainly in that district as «в валдайском селе» is
    in Валдай's."""
    derived = {fold(a) for t in towns() for a in district_adjectives(t.name)}
    return frozenset((derived | _centre_villages()) - COMMON_ADJ - DISTRICT_ADJ)


def _centre_villages() -> set[str]:
    """The adjectives of the villages of `Gazetteer.villages` that one district of their own
    region is named after (`Gazetteer.centres`): «мухоршибирский» («Мухоршибирь», RU-BU)."""
    gaz = gazetteer()
    out: set[str] = set()
    for name, code in gaz.villages.items():
        if code and " " not in name:
            out.update(a for a in district_adjectives(name) if gaz.centres.get(a) == (code,))
    return out


@lru_cache(maxsize=1)
def _town_adjective_forms() -> frozenset[str]:
    return frozenset(a[:-2] + end for a in _town_adjectives() for end in _ADJ_ENDINGS)


def rural_line(line: str) -> bool:
    """Whether a line may hold a town's adjective before a village noun («валдайском селе»),
    which a line with no capitalised place in it needs to be read for."""
    low = line.lower()
    if not any(head in low for head in _RURAL_STEMS):
        return False  # (most lines: the regex below tries every word)
    forms = _town_adjective_forms()
    return any(fold(m.group(1)) in forms for m in _BEFORE_RURAL.finditer(line))


def rural_district_at(words: list[Word], i: int, gaz: Gazetteer) -> Entry | None:
    """The district entry («Валдайский район») a town's adjective before a village noun or
    «власти» names: «в старинном валдайском селе», «Анивские власти»; or None."""
    if i + 1 >= len(words) or not words[i + 1].glued_prev or words[i].quote >= 0:
        return None
    if not lem(words[i + 1]) & _RURAL_HEADS:
        return None
    wi = info(words[i].text)
    if not wi.adjective:
        return None
    lemmas = wi.lemmas & _town_adjectives()
    return _two_words(lemmas, gaz, "district", _RAION) if lemmas else None


def closed_town_title(words: list[Word], i: int) -> bool:
    """«ЗАТО Железногорск», «ЗАТО г. Заречный»: a closed town's own title before it."""
    return any(words[k].text.upper() == "ЗАТО" for k in range(max(0, i - 2), i))


def _two_words(
    lemmas: frozenset[str], gaz: Gazetteer, kind: str, second: frozenset[str]
) -> Entry | None:
    """The first two-word entry of ``kind`` that starts with one of ``lemmas`` and whose
    second word is one of ``second``."""
    for lemma in lemmas:
        for e in gaz.by_first.get(lemma, ()):
            if e.kind == kind and len(e.words) == 2 and e.words[1] & second:
                return e
    return None


def _district_after_noun(words: list[Word], i: int, gaz: Gazetteer) -> Entry | None:
    w = words[i]
    if not w.glued_prev or i == 0 or not lem(words[i - 1]) & _DISTRICT_NOUNS:
        return None
    wi = info(w.text)
    if not wi.adjective or "nomn" not in wi.cases:
        return None  # the name stays in the nominative: «района Пестравский»
    return _two_words(wi.lemmas, gaz, "district", _DISTRICT_NOUNS)


def _district_body(words: list[Word], i: int, gaz: Gazetteer) -> Entry | None:
    k = i + 1
    if k >= len(words) or not words[k].glued_prev:
        return None
    if "центральный" in lem(words[k]) and k + 1 < len(words) and words[k + 1].glued_prev:
        k += 1
    lemmas = info(words[i].text).lemmas
    head = lem(words[k])
    if head & _DISTRICT_ONLY and not any(
        e.kind != "district" for lemma in lemmas for e in gaz.by_first.get(lemma, ())
    ):
        # «в Захаровском краеведческом музее»: a museum named by a district's adjective alone
        # (not a town's: «Саратовский краеведческий музей» is the town's) is the district's;
        # so is its land, «на Красносулинской земле» (not one named after a capital or common
        # to cities' districts: «Ставропольская земля», «Кировская земля»)
        e = _two_words(lemmas, gaz, "district", _RAION)
        if e is None or "краеведческий" in head or not (e.weak or e.alone):
            return e
        return None
    if "городской" in head and k == i + 1:
        # «Шахтинской городской думы», «Белокалитвинского городского поселения»: a town's own
        # body or settlement named by the adjective of the town (a district is named alike),
        # unless the adjective is a region's or a catalogued town's («Московская городская
        # дума» is Москва's, read by the catalogue) or a quality's («Солнечная городская
        # больница»: sunny, not Солнечный район)
        if any(e.kind != "district" for lemma in lemmas for e in gaz.by_first.get(lemma, ())):
            return None
        if lemmas & COMMON_ADJ or _quality(words[i].text):
            return None
        return _two_words(lemmas, gaz, "district", _RAION)
    if "районный" not in head and words[k].text not in DISTRICT_INSTITUTIONS:
        return None
    return _two_words(lemmas, gaz, "district", _RAION)


def _quality(word: str) -> bool:
    """Whether the dictionary reads ``word`` first as a quality («солнечный», «северный»), an
    ordinary adjective, not a place's (a relational one: «шахтинский»)."""
    return "Qual" in analyzer().parse(word.lower())[0].tag.grammemes


def _elided_noun(words: list[Word], i: int, gaz: Gazetteer) -> Entry | None:
    w = words[i]
    if w.sent_start or (i + 1 < len(words) and words[i + 1].glued_prev):
        return None  # (followed by a word of its own phrase: «Курской дуге» is no oblast)
    wi = info(w.text)
    if not wi.adjective:
        return None
    low = fold(w.text)
    for noun, endings in _ELIDED:
        if not low.endswith(endings):
            continue
        k = i - 1
        while k >= 0 and i - k <= 15:  # the noun earlier in the same sentence
            if noun in lem(words[k]):
                return _two_words(wi.lemmas, gaz, "name", frozenset([noun]))
            if words[k].sent_start:
                break
            k -= 1
    return None


# «станица», and «ст.» with its full stop.
_STANITSA = frozenset(["станица"])
_STANITSA_SHORT = frozenset(["ст"])
# The regions of Cossack stanitsas, where a district is often named after its stanitsa
# (Кавказская, Каневская, Багаевская, Кумылженская).
_STANITSA_REGIONS = frozenset(
    [
        *("RU-KDA", "RU-ROS", "RU-STA", "RU-VGG", "RU-KC", "RU-KB", "RU-AD"),
        *("RU-SE", "RU-CE", "RU-IN", "RU-DA", "RU-ORE", "RU-CHE", "RU-AST"),
    ]
)


def stanitsa_at(text: str, words: list[Word], i: int, gaz: Gazetteer) -> Entry | None:
    """«жителей станицы Кавказской», «в ст. Багаевской»: a stanitsa named like a district of
    exactly one region of stanitsas is that district's centre (not «станица Ивановская»,
    whose namesake districts lie where there are no stanitsas, nor a name many cities' districts
    share, «Советская»)."""
    w = words[i]
    if i == 0 or not w.cap:
        return None
    prev = words[i - 1]
    gap = text[prev.end : w.start].strip()
    if not (
        (gap == "" and lem(prev) & _STANITSA) or (gap == "." and fold(prev.text) in _STANITSA_SHORT)
    ):
        return None
    wi = info(w.text)
    if not wi.adjective or wi.lemmas & DISTRICT_ADJ:
        return None
    e = _two_words(wi.lemmas, gaz, "district", _RAION)
    if e is None:
        return None
    codes = tuple(c for c in e.codes if c in _STANITSA_REGIONS)
    if len(codes) != 1:
        return None
    return replace(e, codes=codes, homonym=False, weak=False, default="", alone=False)
