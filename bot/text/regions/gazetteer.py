"""The catalogue index the tagger matches against: every form of every region, every town of
Russia (`bot.text.towns`) and every municipal district of OKTMO named by an adjective, as
lemma sequences.

Built once, on first use (the dictionary is loaded then, never at import), and kept in a
disk cache (`bot.text.regions.index_cache`) that later processes read instead. Forms:

* catalogue names, towns and adjectives of each region (`bot.text.catalogue`);
* `AMBIGUOUS` forms (weak: they count only next to other evidence for one of their regions);
* the 1,117 towns of ``towns.tsv``, each word with the forms of its cases that its lemmas
  miss («Руссе» of «Русса», «Лаишеве» of «Лаишево»: `bot.text.regions.town_forms`); a name
  shared by several regions (Советск, Кировск, Благовещенск) is a *homonym*: the text's
  other places or the source's region decide, else the default of `HOMONYM_DEFAULTS` or a
  town four times as large as any namesake, else none;
* districts: «Ковровский район», «Ковровский муниципальный округ», «Мирнинский улус»,
  «Тес-Хемский кожуун» (any case, as lemmas); those of OKTMO (``districts.tsv``, with or
  without a town: «Алькеевский») also as «… округ» and «… городской округ»; a name shared
  by several regions (Октябрьский, Михайловский) is a homonym; a district named like the
  districts of many cities (Кировский, Железнодорожный, Ленинский) is weak;
* districts inside cities (``city_districts.tsv``) whose name no other city, OKTMO district,
  town or common word shares: «Коминтерновский район» (Воронеж), «Рудничного района»
  (Кемерово), «Ново-Переделкино», «Купчино» (`city_district_entries`); every name of Москва's
  and Санкт-Петербург's, shared or not, also as `Gazetteer.city_parts` (the tagger counts it
  after «муниципальный округ», «МО», «поселение», «управа»);
* landmarks that name their town (`LANDMARKS`: «Ростовский кремль»);
* not as forms, the villages of ``villages.tsv`` (`Gazetteer.villages`), which the tagger
  counts only right after a village word («в селе Рамзай», «с. Ремонтное»);
* not as forms, the adjectives of the OKTMO districts whose centre the text may name like the
  district («в Мари-Туреке», «из Охотска»: `centre_codes`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from bot.text.catalogue import AMBIGUOUS, REGIONS
from bot.text.catalogue_data import (
    FOREIGN_NAMESAKES,
    HOMONYM_DEFAULTS,
    JOINT_ABBREVIATIONS,
    LANDMARKS,
)
from bot.text.morph import analyzer, fold, info
from bot.text.regions.index_cache import load_or_build
from bot.text.regions.lexicon import (
    COMMON_ADJ,
    DISTRICT_ADJ,
    ETHNIC,
    GENERIC,
    NOT_CENTRES,
    RURAL,
)
from bot.text.regions.model import EvidenceKind
from bot.text.regions.town_forms import oblique_forms
from bot.text.towns import (
    Town,
    city_districts,
    demonyms,
    districts,
    towns,
    towns_by_name,
    villages,
)

__all__ = [
    "MISSPELT_MIN",
    "Entry",
    "Gazetteer",
    "adjective_gender",
    "centre_codes",
    "city_district_entries",
    "district_adjectives",
    "entry_words",
    "first_word",
    "gazetteer",
    "is_common",
    "may_match",
    "misspelt_capital",
    "village_word",
    "word_lemmas",
]

# A town this many times as large as each namesake is the one meant without context.
_DOMINANCE = 4
# «Кирово-Чепецкой районной Думы», «Ковровской районной больницы»: the district's own bodies.
_DISTRICT_FORMS = (
    "{} район",
    "{} муниципальный район",
    "{} муниципальный округ",
    "{} районный",
)
# «Чукотского округа», «Ханты-Мансийского округа»: the autonomous okrug, not its district.
_AUTONOMOUS = frozenset(r.code for r in REGIONS if "автономный округ" in r.name)
# OKTMO districts: many became okrugs after 2019 («Алнашский муниципальный округ») and urban
# okrugs are called districts too («Анивский район»): any of these nouns after the adjective.
_OKRUG_FORMS = ("{} округ", "{} городской округ")
_OKTMO_FORMS = (*_DISTRICT_FORMS, *_OKRUG_FORMS)
# A district of ``villages.tsv`` named by one adjective: «Павлово-Посадский район».
_VILLAGE_DISTRICT = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ий|ый|ой) район")


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[frozenset[str], ...]  # folded lemma sets, one per word of the form
    codes: tuple[str, ...]
    kind: EvidenceKind
    weak: bool  # counts only next to other evidence for one of ``codes``
    common: bool  # single word that is also a common word (Орёл, Бор, Мирный, Зима)
    adjlike: bool  # single word whose best parse is an adjective (Мирный, Октябрьский)
    generic: tuple[bool, ...]  # per word: generic word of an official name
    surface: str  # the form as written in the catalogue
    homonym: bool = False  # ``codes`` are alternatives: one of them is meant
    default: str = ""  # the homonym's region when nothing else decides, or ""
    real_town: bool = False  # a town of towns.tsv («село Иваново» is then a namesake)
    foreign: frozenset[str] = frozenset()  # lemmas that make it a foreign town
    primary: bool = False  # the region's or its capital's adjective (many districts share it)
    gender: str = ""  # an adjective-like town's gender: «Никольское» is no «Никольская»
    alone: bool = False  # counts only when the text names no other region («Костромской район»)
    name: str = ""  # the folded first word of ``surface``

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", fold(first_word(self.surface)))

    def __reduce__(self) -> tuple[type[Entry], tuple[object, ...]]:
        # Pickled as the constructor's arguments: the index cache's ~14,000 entries load a
        # fifth faster than through the frozen dataclass's generic ``__setstate__``.
        return Entry, tuple(getattr(self, name) for name in _ENTRY_FIELDS)


_ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(Entry))


@dataclass(slots=True)
class Gazetteer:
    by_first: dict[str, list[Entry]] = field(default_factory=dict)
    abbreviations: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)
    numbers: dict[int, str] = field(default_factory=dict)
    max_len: int = 1
    # Every inflected form of every word a catalogue match can start with: a line with none
    # of them (no abbreviation, no «регион», no capitalised town or district) is skipped.
    first_forms: frozenset[str] = frozenset()
    # The forms of two-word towns' adjectives («нижнетагильской»), kept apart from
    # ``first_forms``: that set sits just below a size where it grows fourfold (0.5 to 2 MB).
    compound_forms: frozenset[str] = frozenset()
    first_lemmas: frozenset[str] = frozenset()  # the keys of ``by_first``
    # First-word lemmas of the town and district forms, which match capitalised words only
    # (and the names of the landmarks that open with a generic word: «город Пушкин»).
    cap_lemmas: frozenset[str] = frozenset()
    # Words that name a region on their own, looked up as written: every form of a town's
    # demonym («ростовчан», kind "town"), of the demonyms formed from a rural district's or a
    # region's adjective («щербиновцев», «свердловчан»: kind "town" too) and hashtags
    # («#КурганскаяОбласть», kind "name").
    single_words: dict[str, tuple[str, EvidenceKind]] = field(default_factory=dict)
    # The adjectives of the OKTMO districts whose centre may be named like them and is no
    # catalogued town («Охотский» of Охотск, «Мари-Турекский»): the districts' regions. See
    # `centre_codes`.
    centres: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The districts and municipal okrugs of Москва and Санкт-Петербург (``city_districts.tsv``)
    # by their folded nominative name («даниловский», «черная речка»): the city's region.
    # The tagger counts one after «муниципальный округ», «МО», «поселение» or «управа».
    city_parts: dict[str, str] = field(default_factory=dict)
    # The villages of ``villages.tsv`` by their folded names and nominative lemmas («рамзай»,
    # «ремонтное», «ремонтный»; «старая тойда», «старый тойда»): the village's region, or ""
    # when villages of several regions share the key. Counted only after a village word.
    villages: dict[str, str] = field(default_factory=dict)
    # The words of the keys of the names of several words that the dictionary does not know
    # («тойда» of «Старая Тойда»; not «старый»): a line with one may name a village.
    village_words: frozenset[str] = frozenset()
    # The first words of those keys («старый», «тойда» of «Тойда Старая»): `village_word`.
    village_firsts: frozenset[str] = frozenset()
    # Words found to start nothing (no digit, abbreviation, catalogue form or single-word
    # name): a cache the tagger fills as it reads, so most words cost one set lookup.
    plain: set[str] = field(default_factory=set)
    # The entries each word read so far may start, best first (`filters.match_at`).
    starts: dict[str, tuple[tuple[Entry, int], ...]] = field(default_factory=dict)
    # Words of lines found to start nothing (`may_match`): a line of them alone is skipped.
    line_plain: set[str] = field(default_factory=set)
    # Words of lines found to start something (`may_match`): a line with one is read.
    line_starts: set[str] = field(default_factory=set)


_WORD_SPLIT = re.compile(r"[\s—–]+")


def entry_words(form: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(form.replace("(", " ").replace(")", " ")) if w]


@lru_cache(maxsize=32768)
def first_word(form: str) -> str:
    """The first word of a catalogue form (asked for every match)."""
    return entry_words(form)[0]


@lru_cache(maxsize=8192)
def word_lemmas(word: str) -> frozenset[str]:
    """Lemmas of a catalogue word. Catalogue forms are nominative: other readings are noise
    («Ростов» read as the genitive plural of «рост» would make «Рост» a town)."""
    low = fold(word)
    lem = {low} | {
        fold(p.normal_form)
        for p in analyzer().parse(word)
        if (p.tag.case in (None, "nomn") or "Fixd" in p.tag.grammemes)
        and p.tag.POS in ("NOUN", "ADJF", None)
    }
    if low.endswith("ской") and not any(
        p.tag.POS == "ADJF" and p.tag.case == "nomn" for p in analyzer().parse(word)
    ):
        # «Полевской», «Донской»: the dictionary knows only the oblique cases of the masculine
        # «-ской» (as a feminine «полевской» of «полевский»): the lemma its forms go by
        lem |= {fold(p.normal_form) for p in analyzer().parse(word) if p.tag.POS == "ADJF"}
    if low in {"область", "обл"}:
        lem |= {"область", "обл"}
    if low in {"город", "г"}:
        lem |= {"город", "г"}
    return frozenset(lem)


@lru_cache(maxsize=8192)
def is_common(word: str) -> tuple[bool, bool]:
    """(common, adjective-like) for a one-word name: its lower-case best parse is no place."""
    low = word.lower()
    parses = analyzer().parse(low)
    if not parses or not analyzer().word_is_known(low):
        return False, False  # not a dictionary word at all: only a name (Белгородчина)
    best = parses[0]
    geox = "Geox" in best.tag.grammemes
    adjlike = best.tag.POS == "ADJF"
    first_name = any("Name" in p.tag.grammemes and p.score >= 0.3 for p in parses)
    return (not geox) or first_name, adjlike


def _make_entry(
    form: str,
    codes: tuple[str, ...],
    kind: EvidenceKind,
    weak: bool,
    *,
    homonym: bool = False,
    default: str = "",
    real_town: bool = False,
    primary: bool = False,
    alone: bool = False,
    first: frozenset[str] | None = None,
) -> Entry:
    words = entry_words(form)
    lemma_sets = tuple(
        first if k == 0 and first is not None else word_lemmas(w) for k, w in enumerate(words)
    )
    generic = tuple(bool(lem & GENERIC) for lem in lemma_sets)
    common = adjlike = False
    gender = ""
    if len(words) == 1 and kind in ("name", "town"):
        common, adjlike = is_common(words[0])
        if kind == "name" and _body(words[0]):
            common = False  # «Мосгордума приняла закон»: a region's body, no common word
        if adjlike:
            gender = adjective_gender(words[0])
    foreign = frozenset(FOREIGN_NAMESAKES.get(form, ()))
    return Entry(
        lemma_sets,
        codes,
        kind,
        weak,
        common,
        adjlike,
        generic,
        form,
        homonym,
        default,
        real_town,
        foreign,
        primary,
        gender,
        alone,
    )


def _body(word: str) -> bool:
    """Whether the dictionary reads ``word`` as an organisation («Мособлдума»)."""
    return any("Orgn" in p.tag.grammemes for p in analyzer().parse(word.lower()))


@lru_cache(maxsize=4096)
def adjective_gender(word: str) -> str:
    """The gender of an adjective-like name as written (the nominative): «Донской» and
    «Полевской» are masculine, though the dictionary reads «-ской» as a feminine genitive
    first (or only)."""
    parses = [p for p in analyzer().parse(word.lower()) if p.tag.POS == "ADJF"]
    if not parses:
        return ""
    if word.endswith("ой"):
        return "masc"  # a nominative «-ой» is masculine (the feminine one is «-ая»)
    nominative = [p for p in parses if "nomn" in p.tag.grammemes]
    return str((nominative or parses)[0].tag.gender or "")


def district_adjectives(town: str) -> list[str]:
    """Adjectives a district named after ``town`` may take: Скопин -> скопинский, Кострома ->
    костромской, Камышлов -> камышловский, Братск -> братский, Сунжа -> сунженский."""
    return list(_district_adjectives(town))


@lru_cache(maxsize=20_000)
def _district_adjectives(town: str) -> tuple[str, ...]:
    n = fold(town)
    if " " in n:
        return ()
    out = [n + "ский"]
    if n.endswith("ск"):
        out = [n + "ий"]
    elif n.endswith(("ь", "й")):
        out = [n[:-1] + "ский", n + "ский"]  # Ярославль -> ярославский, Чебаркуль -> чебаркульский
    elif n[-1] in "аеиоуыя":
        stem = n[:-1]
        out = [stem + "ский", stem + "ской", stem + "енский", stem + "инский"]
    return tuple(out)


def centre_adjectives(name: str, *, district_named: bool = False) -> list[str]:
    """The adjectives a district named after its centre ``name`` may take: those of
    `district_adjectives`, and with the suffix «-к-» gone, as districts drop it: Репьёвка ->
    репьёвский, Ровеньки -> ровеньский (a district's own name, looked up in
    `Gazetteer.centres` only: a village's adjective keeps it, «Паратунское поселение»)."""
    out = district_adjectives(name)
    n = fold(name)
    # Only a plural «-ки» or an «-ьевка»: the common «-овка», «-евка», «-енка» of villages
    # across the country mostly lie elsewhere than the district's centre named without «-к-»
    # («в селе Ключевка»: Ключевский район's centre is Ключи, «Климовка»: Климово). With the
    # district named in the same text any «-ка» will do («Михайловский район … Михайловка»).
    suffix = ("ка", "ки") if district_named else ("ки", "ьевка")
    if n.endswith(suffix) and len(n) > 5 and " " not in n:
        out.append(n[:-2] + "ский")
    return out


def _expand_names(name: str) -> list[str]:
    forms = [name]
    for long in ("автономный округ", "автономная область"):  # «Ненецкий АО», «Еврейская АО»
        if name.endswith(long):
            forms.append(name.removesuffix(long) + "АО")
    return forms


def _homonym_default(name: str, codes: list[str], population: dict[tuple[str, str], int]) -> str:
    if name in HOMONYM_DEFAULTS:
        return HOMONYM_DEFAULTS[name]
    sizes = sorted(((population.get((fold(name), c), 0), c) for c in codes), reverse=True)
    if sizes[0][0] >= _DOMINANCE * max(1, sizes[1][0]):
        return sizes[0][1]
    return ""


def _with_forms(e: Entry) -> Entry:
    """The town's entry with the forms of its words that their lemmas miss («Руссе» of
    «Русса», «Лаишеве» of «Лаишево»: `oblique_forms`), as written: a text's word has itself
    among its lemmas."""
    written = entry_words(e.surface)
    # (not «на Дону» of «Ростов на Дону»: what follows a preposition stays as it is)
    declined = next((k for k, w in enumerate(written) if w.islower()), len(written))
    words = tuple(
        lemmas | {f for f in oblique_forms(w) if info(f).lemmas.isdisjoint(lemmas)}
        if k < declined
        else lemmas
        for k, (w, lemmas) in enumerate(zip(written, e.words, strict=True))
    )
    return e if words == e.words else dataclasses.replace(e, words=words)


def _town_entries() -> tuple[list[Entry], list[Entry]]:
    """(town entries, district entries): catalogue towns merged with towns.tsv."""
    ambiguous = {fold(k) for k, (kind, _) in AMBIGUOUS.items() if kind == "town"}
    names: dict[str, tuple[str, list[str]]] = {}  # folded -> (surface, codes)
    population: dict[tuple[str, str], int] = {}
    real: set[str] = set()
    for r in REGIONS:
        for town_name in r.towns:
            names.setdefault(fold(town_name), (town_name, []))[1].append(r.code)
    nouns, city_forms = city_district_entries()
    for name, code in nouns:  # «Ново-Переделкино», «Купчино»: as a catalogue town
        codes = names.setdefault(fold(name), (name, []))[1]
        if code not in codes:
            codes.append(code)
    districts_: dict[str, tuple[str, list[str]]] = {}
    derived: set[str] = set()
    words_of: dict[str, Town] = {}
    for t in towns():
        key = fold(t.name)
        real.add(key)
        words_of[key] = t
        population[key, t.code] = max(population.get((key, t.code), 0), t.population)
        codes = names.setdefault(key, (t.name, []))[1]
        if t.code not in codes:
            codes.append(t.code)
        if t.district:
            dcodes = districts_.setdefault(fold(t.district), (t.district, []))[1]
            if t.code not in dcodes:
                dcodes.append(t.code)
    # The towns of the subjects ``towns.tsv`` predates (those of 2022: its data is of 2021)
    # are real towns too, listed by the catalogue alone: «села Снежное» is then a namesake.
    listed = {t.code for t in towns()}
    unlisted = {fold(t) for r in REGIONS if r.code not in listed for t in r.towns}
    town_entries: list[Entry] = []
    for key, (surface, codes) in names.items():
        if key in ambiguous:
            continue  # AMBIGUOUS lists it already
        homonym = len(codes) > 1
        default = _homonym_default(surface, codes, population) if homonym else ""
        known = words_of.get(key)
        # «Калач на Дону»: a «-на-» town written without its hyphens too.
        spellings = [surface, surface.replace("-", " ")] if "-на-" in surface else [surface]
        make = functools.partial(
            _make_entry,
            codes=tuple(codes),
            kind="town",
            weak=False,
            homonym=homonym,
            default=default,
            real_town=key in real or key in unlisted,
        )
        if known is None or " " in surface:
            entry = make(surface)
        else:  # the generator has read the name already: no dictionary work here
            t = known
            entry = Entry(
                (frozenset([key, *t.lemmas]),),
                tuple(codes),
                "town",
                False,
                t.common,
                t.adjlike,
                (False,),
                surface,
                homonym=homonym,
                default=default,
                real_town=True,
                foreign=frozenset(FOREIGN_NAMESAKES.get(surface, ())),
                gender=t.gender,
            )
        town_entries.append(_with_forms(entry))
        town_entries.extend(_with_forms(make(spelling)) for spelling in spellings[1:])
    # «Благовещенский район» is in Башкортостан (a town lies in it) and in Амурская область
    # (around Благовещенск, a town of its own): a district named like a catalogue adjective of
    # another region may be in that region too.
    adjectives: dict[str, list[str]] = {}
    for r in REGIONS:
        for a in r.adjectives:
            adjectives.setdefault(a, []).append(r.code)
    # Every municipal district of OKTMO named by an adjective, with or without a town
    # («Алькеевский район», Татарстан; «Анивский», an urban okrug of Сахалинская область).
    oktmo: set[str] = set()
    oktmo_only: set[str] = set()
    urban: dict[str, set[str]] = {}  # the regions where the district is an urban okrug
    for d in districts():
        key = fold(f"{d.adjective} район")
        if d.kind == "округ":
            urban.setdefault(key, set()).add(d.code)
        if key not in districts_:
            oktmo_only.add(key)
        dcodes = districts_.setdefault(key, (f"{d.adjective} район", []))[1]
        if d.code not in dcodes:
            dcodes.append(d.code)
        oktmo.add(key)
    # A district named after its town, which lies outside it (Ковров, Скопин, Камышлов are
    # towns of their own; «Ковровский район» is around Ковров): derived from the town's name.
    capitals: dict[str, str] = {}  # district key -> the region of the capital it is named after
    # (and the catalogue's towns that towns.tsv lacks: those of the four subjects of 2022, which
    # OKTMO's copy lacks too, «Старобельский район»; a federal city's towns, «Колпинский район»)
    named = [(t.name, t.code, t.capital) for t in towns()]
    named += [(name, r.code, False) for r in REGIONS for name in r.towns if fold(name) not in real]
    for town_name, code, capital in named:
        for adj in district_adjectives(town_name):
            key = f"{adj} район"
            if key in districts_:
                if key in oktmo_only and capital:
                    capitals[key] = code  # «Оренбургский район»: as when derived below
                continue
            surface = adj[:1].upper() + adj[1:] + " район"
            districts_[key] = (surface, [code])
            derived.add(key)
            if capital:
                capitals[key] = code  # «Ставропольский район» is in Самарская область
    # Districts that only the villages' post offices name («Павлово-Посадский»,
    # «Серебряно-Прудский», «Вятско-Полянский»): OKTMO's copy lists their towns instead, and no
    # rule derives a two-word town's adjective. Taken when one region alone has the name.
    by_village: dict[str, tuple[str, set[str]]] = {}
    for v in villages():
        for part in v.district.split(","):
            name = part.strip()
            if _VILLAGE_DISTRICT.fullmatch(name):
                by_village.setdefault(fold(name), (name, set()))[1].add(v.code)
    for key, (surface, vcodes) in by_village.items():
        if key not in districts_ and len(vcodes) == 1:
            districts_[key] = (surface, sorted(vcodes))
            derived.add(key)
    foreign = {
        fold(adj): frozenset(markers)
        for town, markers in FOREIGN_NAMESAKES.items()
        for adj in district_adjectives(town)
    }
    district_entries: list[Entry] = []
    tails: dict[str, tuple[frozenset[str], ...]] = {}  # «муниципальный район» -> lemma sets
    generics: dict[str, tuple[bool, ...]] = {}
    for key, (surface, dcodes) in districts_.items():
        adj, _, noun = surface.rpartition(" ")
        # (not a district of OKTMO: «Красноярский район» is in Астраханская and Самарская
        # области, the regions OKTMO lists it in; Красноярский край has none so named)
        extra = [] if key in oktmo else adjectives.get(fold(adj), [])
        codes = dcodes + [c for c in extra if c not in dcodes]
        # (a district known only from OKTMO: its adjective as written, no dictionary look-up)
        plain = key in derived or key in oktmo_only
        adj_lemmas = frozenset([fold(adj)]) if plain else word_lemmas(adj)
        if key in oktmo and adj.endswith("ой"):  # «Каневского» is read as «каневский»
            stem = fold(adj)[:-2]
            adj_lemmas |= {stem + ("ий" if stem[-1:] in "кгхжшчщ" else "ый")}
        weak = bool(adj_lemmas & DISTRICT_ADJ)
        homonym = len(codes) > 1
        forms = [surface]
        if key in oktmo:  # an OKTMO district: «район» or «округ», «улус» in Якутия
            # (not «Чукотский округ»: «Чукотского автономного округа» is the region)
            forms = [
                f.format(adj)
                for f in _OKTMO_FORMS
                if f != "{} округ" or not _AUTONOMOUS.intersection(adjectives.get(fold(adj), ()))
            ]
            if "RU-SA" in codes:
                forms.append(f"{adj} улус")
            if "RU-TY" in codes:  # «Тес-Хемский кожуун»: a district of Тыва
                forms.append(f"{adj} кожуун")
        elif noun == "район" and key not in derived:  # named in the towns file: all its forms
            forms = [f.format(adj) for f in _DISTRICT_FORMS]
        if key not in oktmo and set(adjectives.get(fold(adj), ())) <= set(codes):
            # Towns' districts became okrugs («Клинского округа», «Абдулинского городского
            # округа»); not after another region's adjective («Московского округа»).
            forms += [f.format(adj) for f in _OKRUG_FORMS if f.format(adj) not in forms]
        codes_t = tuple(codes)
        name = fold(first_word(adj))
        # «Корсаковский городской округ» is in Сахалинская область, «Корсаковский район» in
        # Орловская: «городской округ» picks the namesake that is an urban okrug.
        okrug = urban.get(key, set())
        urban_default = next(iter(okrug)) if homonym and len(okrug) == 1 else ""
        # Alone (no other place in the text), a district named after a capital is the one of
        # the capital's region when that region has it («Тамбовский район»: Тамбовская, not
        # Амурская область), else the one region that has it («Ставропольский район»).
        alone_default = ""
        if key in capitals and homonym:
            if capitals[key] in dcodes:
                alone_default = capitals[key]
            elif len(dcodes) == 1:
                alone_default = dcodes[0]
        for form in forms:
            rest = form[len(adj) + 1 :]
            if rest not in tails:
                tails[rest] = tuple(word_lemmas(w) for w in rest.split())
                generics[rest] = (False, *(True for _ in tails[rest]))
            tail = tails[rest]
            district_entries.append(
                Entry(
                    (adj_lemmas, *tail),
                    codes_t,
                    "district",
                    weak,
                    False,
                    False,
                    generics[rest],
                    form,
                    homonym=homonym,
                    default=(
                        urban_default
                        if urban_default and form.endswith(" городской округ")
                        else alone_default
                    ),
                    foreign=foreign.get(fold(adj), frozenset()),
                    # («Хабаровский муниципальный район»: a city's district is never a
                    # municipal one, so the only region that has it is meant whatever else
                    # the text names)
                    alone=key in capitals
                    and (homonym or not form.endswith(" муниципальный район")),
                    name=name,
                )
            )
    for form, code in city_forms:  # (the words after the name are its kind: generic)
        e = _make_entry(form, (code,), "district", weak=False)
        district_entries.append(
            dataclasses.replace(e, generic=(False, *(True for _ in e.words[1:])))
        )
    return town_entries, district_entries


# The forms of a city district named by an adjective, by its kind: «в Коминтерновском районе»,
# «Соломбальского территориального округа», «Юго-Восточного административного округа».
_CITY_DISTRICT_FORMS = {
    "район": ("{} район", "{} районный"),
    "округ": ("{} округ", "{} территориальный округ"),
    "административный округ": ("{} административный округ",),
}
# The kinds whose name may stand alone («в Купчино»; not a settlement of Новая Москва,
# «Сосенское», named like many rural settlements elsewhere).
_ALONE_KINDS = frozenset(["район", "муниципальный округ"])
_FEDERAL_CITIES = frozenset(["RU-MOW", "RU-SPE"])


def _adjective_name(name: str) -> bool:
    return " " not in name and name.endswith(("ий", "ый", "ой")) and not name.endswith("строй")


@lru_cache(maxsize=1)
def city_district_entries() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The districts of ``city_districts.tsv`` that name their city's region on their own:
    (noun names, each with its region: «Ново-Переделкино»; adjective forms, each with its
    region: «Коминтерновский район»). A name counts on its own when it is the file's for one
    region only and is no name many cities give a district (`DISTRICT_ADJ`), no region's
    adjective, no OKTMO district's adjective nor that of a district named after a town of
    another region (the adjectives), no town of another region, no common word, person's name
    or `NOT_CENTRES` place (a one-word noun), and not made of common words only («Чёрная
    речка»: the river; a longer noun)."""
    regions_of: dict[str, set[str]] = {}
    for c in city_districts():
        regions_of.setdefault(fold(c.name), set()).add(c.code)
    oktmo: dict[str, set[str]] = {}
    for d in districts():
        oktmo.setdefault(fold(d.adjective), set()).add(d.code)
    town_codes: dict[str, set[str]] = {}
    for t in towns():
        town_codes.setdefault(fold(t.name), set()).add(t.code)
    for r in REGIONS:
        for town_name in r.towns:
            town_codes.setdefault(fold(town_name), set()).add(r.code)
    named: dict[str, set[str]] = {}  # districts named after a town: «фокинский» (Фокино)
    for key, codes in town_codes.items():
        for adj in district_adjectives(key):
            named.setdefault(adj, set()).update(codes)
    region_adjectives = {fold(a) for r in REGIONS for a in r.adjectives}
    nouns: list[tuple[str, str]] = []
    forms: list[tuple[str, str]] = []
    for c in city_districts():
        key = fold(c.name)
        mine = {c.code}
        if regions_of[key] != mine:
            continue  # «Красносельский»: Москва's and Санкт-Петербург's
        if _adjective_name(c.name):
            shared = (
                key in DISTRICT_ADJ
                or key in region_adjectives
                or oktmo.get(key, mine) != mine
                or named.get(key, mine) != mine
                or key in town_codes
            )
            if not shared:
                forms += [(f.format(c.name), c.code) for f in _CITY_DISTRICT_FORMS.get(c.kind, ())]
            continue
        if c.kind not in _ALONE_KINDS or town_codes.get(key, mine) != mine:
            continue
        words = c.name.split()
        if len(words) == 1:
            if key in NOT_CENTRES or any(
                oktmo.get(a, mine) != mine for a in district_adjectives(key)
            ):
                continue  # «Куркино»: the centre of Куркинский район (Тульская область)
            if analyzer().word_is_known(key) and key not in town_codes:
                continue  # «Гавань», «Марьино», «Перово»: a word or a village's name
        elif all(analyzer().word_is_known(fold(w)) for w in words):
            continue  # «Чёрная речка», «Тёплый Стан»: common words
        nouns.append((c.name, c.code))
    return tuple(nouns), tuple(forms)


def _city_parts() -> dict[str, str]:
    """`Gazetteer.city_parts`: the names Москва and Санкт-Петербург alone give a district."""
    regions_of: dict[str, set[str]] = {}
    for c in city_districts():
        regions_of.setdefault(fold(c.name), set()).add(c.code)
    return {
        key: next(iter(codes))
        for key, codes in regions_of.items()
        if len(codes) == 1 and codes <= _FEDERAL_CITIES
    }


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The index: read from the disk cache when it was built from these very sources, else
    built (about half a second of CPU: most of ``analyze``'s cold start) and cached."""
    return load_or_build(Gazetteer, _build)


# Adjectives of towns that are ordinary words or name something else as well: a sea and a
# fleet, a guards unit, a people, a river, a front, a theatre, a ribbon, a part of a city.
TOWN_ADJ_OTHER = frozenset(
    [
        *("балтийский", "гвардейский", "татарский", "черкесский", "карачаевский", "дигорский"),
        *("георгиевский", "волховский", "енисейский", "ишимский", "неманский", "чулымский"),
        *("зеленоградский", "мариинский", "пушкинский", "выборгский", "можайский", "щелковский"),
        *("волоколамский", "сретенский", "верхоянский", "боровский", "рыльский", "черняховский"),
        *("заволжский", "задонский", "светлогорский", "железногорский", "вольский", "алданский"),
        *("олекминский", "вилюйский", "надымский", "анадырский", "амурский", "ленский"),
    ]
)


@lru_cache(maxsize=1)
def _town_adjectives() -> dict[str, str]:
    """«кувандыкская гармошка», «копейские школьники»: the adjective of a town of
    ``towns.tsv`` that its own OKTMO district or urban okrug bears (Кувандыкский округ,
    Копейский округ), so attested, not guessed; one region's alone, not a catalogue adjective,
    not a town named like a person or a common word (Гагарин, Тайга), not an ordinary word."""
    catalogue = {fold(a) for r in REGIONS for a in r.adjectives}
    oktmo: dict[str, set[str]] = {}
    for d in districts():
        oktmo.setdefault(fold(d.adjective), set()).add(d.code)
    found: dict[str, set[str]] = {}
    for t in towns():
        if t.common or t.adjlike or info(t.name).surname or info(t.name).person:
            continue
        for adj in district_adjectives(t.name):
            if oktmo.get(adj) == {t.code}:
                found.setdefault(adj, set()).add(t.code)
        for adj in _compound_adjectives(t.name):
            if oktmo.get(adj, {t.code}) == {t.code}:  # (not another region's district)
                found.setdefault(adj, set()).add(t.code)
    return {
        adj: next(iter(codes))
        for adj, codes in sorted(found.items())
        if len(codes) == 1
        and adj not in catalogue
        and adj not in DISTRICT_ADJ
        and adj not in COMMON_ADJ
        and adj not in TOWN_ADJ_OTHER
    }


# The first word of a two-word town's name as it opens the town's adjective: Нижний Тагил ->
# «нижнетагильский», Старый Оскол -> «старооскольский», Набережные Челны -> «набережночелнинский».
_COMBINING = {
    **dict.fromkeys(("нижний", "нижняя", "нижнее", "нижние"), "нижне"),
    **dict.fromkeys(("верхний", "верхняя", "верхнее", "верхние"), "верхне"),
    **dict.fromkeys(("старый", "старая", "старое", "старые"), "старо"),
    **dict.fromkeys(("новый", "новая", "новое", "новые"), "ново"),
    **dict.fromkeys(("великий", "великая", "великое", "великие"), "велико"),
    **dict.fromkeys(("большой", "большая", "большое", "большие"), "больше"),
    **dict.fromkeys(("малый", "малая", "малое", "малые"), "мало"),
    **dict.fromkeys(("белый", "белая", "белое", "белые"), "бело"),
    **dict.fromkeys(("красный", "красная", "красное", "красные"), "красно"),
    "набережные": "набережно",
    "минеральные": "минерало",
}
_COMPOUND_SUFFIXES = ("ский", "ьский", "инский", "енский")


def _compound_adjectives(town: str) -> list[str]:
    """The adjectives of a two-word town the dictionary knows (so attested, not guessed):
    Нижний Тагил -> нижнетагильский, Новый Уренгой -> новоуренгойский; OKTMO names few of
    them, such towns being urban okrugs under their own name («город Нижний Тагил»)."""
    words = fold(town).split()
    if len(words) != 2 or (prefix := _COMBINING.get(words[0])) is None:
        return []
    second = words[1].replace("-", "")
    roots = {second, second[:-1]} if second[-1] in "аеиоуыяьй" else {second}
    known = analyzer().word_is_known
    return [
        prefix + root + suffix
        for root in sorted(roots)
        for suffix in _COMPOUND_SUFFIXES
        if known(prefix + root + suffix)
    ]


def _build() -> Gazetteer:
    gaz = Gazetteer()
    entries: list[Entry] = []
    for r in REGIONS:
        for name in r.names:
            for form in _expand_names(name):
                entries.append(_make_entry(form, (r.code,), "name", weak=False))
        stems = {fold(w)[:5] for w in (r.capital, *entry_words(r.name))}
        for adj in r.adjectives:
            primary = adj[:5] in stems  # «ставропольский», «хакасский»; not «ковровский»
            entries.append(_make_entry(adj, (r.code,), "adjective", weak=False, primary=primary))
        for abbr in r.abbreviations:
            gaz.abbreviations[abbr] = ((r.code,), False)
        for n in r.numbers:
            gaz.numbers[n] = r.code
    for adj, code in _town_adjectives().items():
        entries.append(_make_entry(adj, (code,), "adjective", weak=False))
    for form, codes in JOINT_ABBREVIATIONS.items():
        gaz.abbreviations[form] = (codes, False)  # «ЛДНР»: both republics
    for form, (kind, codes) in AMBIGUOUS.items():
        if kind == "abbreviation":
            gaz.abbreviations[form] = (codes, True)
        else:
            if kind == "town":  # (and every region with a town so named: «Приморск»)
                more = dict.fromkeys(t.code for t in towns_by_name(form) if t.code not in codes)
                codes = (*codes, *more)  # noqa: PLW2901
            entries.append(_make_entry(form, codes, kind, weak=True))  # type: ignore[arg-type]
    for form, code in LANDMARKS.items():
        entries.append(_make_entry(form, (code,), "town", weak=False))
    town_entries, district_entries = _town_entries()
    # «ростовский» follows its town: next to «Ростовский кремль» it is Ростов Великий's.
    homonyms = {adj: t for t in town_entries if t.homonym for adj in district_adjectives(t.surface)}
    for k, e in enumerate(entries):
        town = homonyms.get(e.surface) if e.kind == "adjective" else None
        if town is not None and set(e.codes) <= set(town.codes):
            entries[k] = dataclasses.replace(
                e, codes=town.codes, homonym=True, default=town.default or e.codes[0]
            )
    # The same form listed for two regions («Московский регион») names both.
    merged: dict[tuple[tuple[frozenset[str], ...], str, bool], Entry] = {}
    for e in [*entries, *town_entries, *district_entries]:
        key = (e.words, e.kind, e.weak)
        old = merged.get(key)
        if old is None:
            merged[key] = e
        elif not set(e.codes) <= set(old.codes):
            merged[key] = Entry(
                old.words,
                old.codes + e.codes,
                old.kind,
                old.weak,
                old.common,
                old.adjlike,
                old.generic,
                old.surface,
                old.homonym,
                old.default,
                old.real_town,
                old.foreign,
                old.primary,
                old.gender,
                old.alone,
            )
    for e in merged.values():
        for lemma in e.words[0]:
            gaz.by_first.setdefault(lemma, []).append(e)
        gaz.max_len = max(gaz.max_len, len(e.words))
    for lst in gaz.by_first.values():
        lst.sort(key=lambda e: -len(e.words))
    town_keys = {(e.words, e.kind, e.weak) for e in [*town_entries, *district_entries]}
    # A landmark that opens with a generic word («город Пушкин») lets a line pass by its
    # capitalised name, not by every «город».
    generic_first = [e for e in merged.values() if e.surface in LANDMARKS and e.generic[0]]
    gaz.cap_lemmas = frozenset(lem for k in town_keys for lem in merged[k].words[0]) | {
        lem for e in generic_first for lem in e.words[1]
    }
    compound = {adj for t in towns() for adj in _compound_adjectives(t.name)}
    gaz.first_forms = _first_forms(
        e
        for k, e in merged.items()
        if k not in town_keys and e not in generic_first and fold(e.surface) not in compound
    )
    gaz.compound_forms = _first_forms(e for e in merged.values() if fold(e.surface) in compound)
    gaz.first_lemmas = frozenset(gaz.by_first)
    gaz.centres = _centres()
    gaz.city_parts = _city_parts()
    town_people = _town_demonym_forms()
    gaz.single_words = {
        **_region_demonym_forms(),
        **_district_demonym_forms(gaz.centres),
        **town_people,
        **_hashtags(),
        **_demonym_forms(),
    }
    # (not the towns' people, found by `_may_start` in `single_words` itself: their 280 forms
    # would take the set past a size where it grows fourfold, 0.5 MB to 2 MB)
    gaz.first_forms |= frozenset(fold(d) for d in gaz.single_words if d not in town_people)
    gaz.villages, gaz.village_words, gaz.village_firsts = _villages()
    return gaz


def _villages() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """`Gazetteer.villages` and `Gazetteer.village_words`: every village's folded name and
    its nominative lemmas («Ремонтное»: «ремонтное», «ремонтный»), word by word for a name of
    several words; a key two regions' villages share names neither."""
    out: dict[str, str] = {}
    words: set[str] = set()
    firsts: set[str] = set()
    codes = {r.code: r.code for r in REGIONS}  # (one string a region: a smaller index)
    for v in villages():
        code = codes[v.code]
        keys = (fold(v.name), *v.lemmas)  # (read by the generator: no dictionary work)
        for key in keys:
            out[key] = code if out.get(key, code) == code else ""
            if " " in key:  # (not «на», «великий»: the words no other name has)
                words.update(w for w in key.split() if not analyzer().word_is_known(w))
                firsts.add(key.partition(" ")[0])
    return out, frozenset(words), frozenset(firsts)


def village_word(word: str, gaz: Gazetteer, *, line: bool = False) -> bool:
    """Whether a capitalised word may be a village's name or open one («Рамзай», «Ремонтном»,
    «Старая»): its lemmas among the keys of `Gazetteer.villages` or the first words of the
    names of several words; with ``line``, whether it may name a village in a line: a key or
    a word of a name of several words no dictionary knows («Тойда»)."""
    lemmas = info(word).lemmas
    if not lemmas.isdisjoint(gaz.village_words if line else gaz.village_firsts):
        return True
    villages_ = gaz.villages
    return any(lemma in villages_ for lemma in lemmas) or any(
        base in villages_ for base in (*masculine_bases(word), *feminine_bases(word))
    )


_CONSONANT_END = frozenset("бвгджзклмнпрстфхцчшщ")


@lru_cache(maxsize=8192)
def masculine_bases(word: str) -> tuple[str, ...]:
    """The nominatives a reader gives a name no dictionary knows that ends in a case ending
    of a masculine noun after a consonant, folded: «Ербогачёна», «Ербогачёну», «Ербогачёном»,
    «Ербогачёне» -> «ербогачен» (the dictionary's guesses miss them: «ербогачена»). Empty for
    a word the dictionary knows («Иванова»), or one with no such ending."""
    low = fold(word)
    for end in ("ом", "а", "у", "е"):
        if low.endswith(end) and len(low) > len(end) + 2 and low[-len(end) - 1] in _CONSONANT_END:
            return () if analyzer().word_is_known(word) else (low[: -len(end)],)
    return ()


# A feminine noun's case endings in «-а»/«-я» and the nominative ending each gives back.
_FEMININE_ENDS = (("ой", "а"), ("ей", "я"), ("у", "а"), ("ю", "я"), ("ы", "а"), ("и", "я"))


@lru_cache(maxsize=8192)
def feminine_bases(word: str) -> tuple[str, ...]:
    """The nominatives in «-а»/«-я» a reader gives a name no dictionary knows that ends in a
    case ending of a feminine noun, folded: «Вершино-Биджу», «Вершино-Биджой» ->
    «вершино-биджа» (the dictionary's guesses for a hyphenated name miss them: «вершино-биджу»).
    Empty for a word the dictionary knows, or one with no such ending."""
    low = fold(word)
    for end, nominative in _FEMININE_ENDS:
        if low.endswith(end) and len(low) > len(end) + 2 and low[-len(end) - 1] in _CONSONANT_END:
            return () if analyzer().word_is_known(word) else (low[: -len(end)] + nominative,)
    return ()


def _hashtags() -> dict[str, tuple[str, EvidenceKind]]:
    """«КурганскаяОбласть», «РеспубликаХакасия», «курганскаяобласть»: a region's names written
    as one word, as in hashtags (a one-word name is matched as it stands), and so the towns
    of several words («ГорноАлтайск»)."""
    out: dict[str, tuple[str, EvidenceKind]] = {}
    for r in REGIONS:
        for name in r.names:
            parts = [p for p in re.split(r"[\s-]+", name.replace("(", " ").replace(")", " ")) if p]
            if len(parts) < 2:
                continue
            camel = "".join(p[:1].upper() + p[1:] for p in parts)
            for form in (camel, camel.lower()):
                out.setdefault(form, (r.code, "name"))
    # «#ГорноАлтайск», «#улануда»: towns of two words or more, one region each
    codes: dict[str, set[str]] = {}
    for t in towns():
        if "-" in t.name or " " in t.name:
            codes.setdefault(t.name, set()).add(t.code)
    for name, where in codes.items():
        if len(where) != 1:
            continue
        camel = "".join(p[:1].upper() + p[1:] for p in re.split(r"[\s-]+", name) if p)
        for form in (camel, camel.lower()):
            out.setdefault(form, (next(iter(where)), "town"))
    return out


# A town demonym's plural endings (nominative) and those of its other cases; the singular's
# cases («-ец» drops its vowel: «тюменца»; «-анин», «-ич», «-як» keep their stem).
_DEMONYM_PLURALS = (
    ("цы", ("цы", "цев", "цам", "цами", "цах")),
    ("ане", ("ане", "ан", "анам", "анами", "анах")),
    ("яне", ("яне", "ян", "янам", "янами", "янах")),
    ("ичи", ("ичи", "ичей", "ичам", "ичами", "ичах")),
    ("яки", ("яки", "яков", "якам", "яками", "яках")),
)
_DEMONYM_SINGULAR = ("а", "у", "ом", "ем", "е")


def demonym_cases(plural: str, singular: str) -> list[str]:
    """«тюменцы», «тюменец» -> «тюменцы», «тюменцев», …, «тюменец», «тюменца», …: every case of
    a town's demonym («ом» and «ем» both, as the stress falls: «омичом», «серпуховичем»)."""
    out: list[str] = []
    for end, endings in _DEMONYM_PLURALS:
        if plural.endswith(end):
            out += [plural[: -len(end)] + e for e in endings]
            break
    if singular.endswith("ец"):
        out += [singular, *(plural[:-1] + e for e in ("а", "у", "ем", "е"))]
    elif singular:
        out += [singular, *(singular + e for e in _DEMONYM_SINGULAR)]
    return out


def _region_demonym_forms() -> dict[str, tuple[str, EvidenceKind]]:
    """«свердловчан», «Сахалинцы»: the demonyms of a region formed from its adjectives
    («свердловский» -> «свердловчане», «сахалинский» -> «сахалинцы»), as the dictionary attests
    them (a word it knows as the plural of «свердловчанин», «сахалинец»), every case, as
    written in lower case and with a capital. Not those of a people's adjective («алтайцы»,
    «мордовцы»: a people, wherever it lives), nor of an adjective two regions share."""
    owners: dict[str, set[str]] = {}
    for r in REGIONS:
        for adj in r.adjectives:
            owners.setdefault(fold(adj), set()).add(r.code)
    # A town's adjective gives the town's people, whose demonyms ``demonyms.tsv`` curates
    # («братцы», «мичуринцы», «кировцы» left out there on purpose): only the region's own.
    named = {fold(a) for t in towns() for a in district_adjectives(t.name)}
    named |= {fold(a) for r in REGIONS for t in r.towns for a in district_adjectives(t)}
    morph = analyzer()
    out: dict[str, tuple[str, EvidenceKind]] = {}
    for adj, codes in sorted(owners.items()):
        if len(codes) != 1 or adj in ETHNIC or adj in named:
            continue
        if not adj.endswith("ский") or adj.endswith("цкий"):
            continue
        (code,) = codes
        stem = adj[:-4]
        for plural, singular in ((stem + "цы", stem + "ец"), (stem + "чане", stem + "чанин")):
            if not morph.word_is_known(plural):
                continue  # (not attested: «омцы»)
            own = [p for p in morph.parse(plural) if fold(p.normal_form) == singular]
            if not own or any("anim" not in p.tag for p in own):
                continue  # another word, or a thing too («запорожцы»: the cars)
            for form in demonym_cases(plural, ""):
                for written in (form, form[:1].upper() + form[1:]):
                    out.setdefault(written, (code, "town"))
    return out


def _district_demonym_forms(
    centres: dict[str, tuple[str, ...]],
) -> dict[str, tuple[str, EvidenceKind]]:
    """«щербиновцев», «Новосергиевцы»: the people of a district named by an adjective in
    «-ский» (`Gazetteer.centres`: no town's, no region's, none many cities' districts share),
    «щербиновский» -> «щербиновцы» (and, after «н», «староминский» -> «староминчане»), its
    plural's cases, when one region has such a district and the dictionary knows no such word
    (a people, «ногайцы»; a common noun). The rural districts' demonyms are not in the
    dictionary, and none is typed by hand: a district of OKTMO gives its own."""
    morph = analyzer()
    out: dict[str, tuple[str, EvidenceKind]] = {}
    for adj, codes in centres.items():
        if len(codes) != 1 or not adj.endswith("ский") or adj.endswith("цкий") or "-" in adj:
            continue
        stem = adj[:-4]
        if len(stem) < 4 or adj in ETHNIC:
            continue
        # («-чане» too, as Russian forms them after «н»: «староминчане» of «Староминская»,
        # «Староминский район»; «каневчане»)
        for plural in (stem + "цы", *((stem + "чане",) if stem[-1] == "н" else ())):
            if morph.word_is_known(plural):
                continue
            for form in demonym_cases(plural, ""):
                for written in (form, form[:1].upper() + form[1:]):
                    out.setdefault(written, (codes[0], "town"))
    return out


def _town_demonym_forms() -> dict[str, tuple[str, EvidenceKind]]:
    """«кыштымцев», «Ужурцы»: the people of a small town ``demonyms.tsv`` lacks, formed as
    Russian forms most («Кыштым» -> «кыштымцы», «Бакал» -> «бакальцы»), every case of the
    plural: a town named by a noun ending in a hard consonant (not «-ск»: «омичи», «куряне»),
    one town of the name, none a person's («суворовцы») or a district's of another region,
    and a plural the dictionary does not know (not «любимцы» of Любим). A form the dictionary
    reads as another word (a surname) is kept in lower case only."""
    morph = analyzer()
    curated = {d.town for d in demonyms()}
    owners: dict[str, set[str]] = {}  # a district's adjective -> its regions
    for d in districts():
        owners.setdefault(fold(d.adjective), set()).add(d.code)
    out: dict[str, tuple[str, EvidenceKind]] = {}
    for t in towns():
        name = fold(t.name)
        if t.common or t.adjlike or t.name in curated or not name.isalpha():
            continue
        if name.endswith(("ск", "цк")) or name[-1] not in "бвдлмнпрт":
            continue
        if len(towns_by_name(t.name)) != 1 or info(t.name).first_name or info(t.name).surname:
            continue
        adjectives = district_adjectives(t.name)
        if any(c != t.code for a in adjectives for c in owners.get(a, ())):
            continue
        if not TOWN_ADJ_OTHER.isdisjoint(adjectives):
            continue  # «неманцы»: a river's people, a club's players (Неман, Гродно)
        plural = name + ("ьцы" if name[-1] == "л" else "цы")
        if morph.word_is_known(plural):
            continue
        for form in demonym_cases(plural, ""):
            out.setdefault(form, (t.code, "town"))
            if not morph.word_is_known(form):
                out.setdefault(form[:1].upper() + form[1:], (t.code, "town"))
    return out


def _demonym_forms() -> dict[str, tuple[str, EvidenceKind]]:
    """«ростовчане» -> «ростовчан», «Ростовчан», …: every case and number of the demonyms of
    ``demonyms.tsv``, as written in lower case and with a capital (looked up as the word stands,
    for every word). A form the dictionary reads as another word too (the surname «Казанцев»)
    is kept in lower case only."""
    out: dict[str, tuple[str, EvidenceKind]] = {}
    morph = analyzer()
    for d in demonyms():
        own = {fold(d.plural), fold(d.singular)}
        cases = demonym_cases(d.plural, d.singular)
        # A demonym of a hyphenated town is written solid as well: «усть-илимцы» and
        # «устьилимцы» (the prefix keeps its soft sign).
        for word in [*cases, *(c.replace("-", "") for c in cases if "-" in c)]:
            other = morph.word_is_known(word) and any(
                fold(p.normal_form) not in own for p in morph.parse(word)
            )
            for form in {word, fold(word)}:
                out[form] = (d.code, "town")
                if not other:
                    out[form[:1].upper() + form[1:]] = (d.code, "town")
    return out


def _centres() -> dict[str, tuple[str, ...]]:
    """`Gazetteer.centres`: not the weak adjectives (Кировский), a region's own, or those of
    the districts named after a catalogued town (Ковровский)."""
    adjectives = {fold(a) for r in REGIONS for a in r.adjectives}
    named = {fold(a) for t in towns() for a in district_adjectives(t.name)}
    out: dict[str, list[str]] = {}
    for d in districts():
        adj = fold(d.adjective)
        if adj in DISTRICT_ADJ or adj in adjectives or adj in named:
            continue
        codes = out.setdefault(adj, [])
        if d.code not in codes:
            codes.append(d.code)
    return {adj: tuple(codes) for adj, codes in out.items()}


@lru_cache(maxsize=32768)
def centre_codes(word: str) -> tuple[str, ...]:
    """The regions whose district is named like ``word`` read as its centre («Охотска»:
    Хабаровский край), or none. The tagger counts it only after «в», «из» or a village word."""
    out: list[str] = []
    for lemma in sorted(info(word).lemmas):
        out += [c for c in _centre_of(lemma) if c not in out]
    return tuple(out)


@lru_cache(maxsize=8192)
def _centre_of(lemma: str) -> tuple[str, ...]:
    """The regions of the districts a centre named ``lemma`` would give its name to; none for
    a catalogue form, a word of the dictionary other than a place («камень»), a person's name,
    and a place a reader takes for another (`NOT_CENTRES`)."""
    gaz = gazetteer()
    codes: list[str] = []
    for adj in centre_adjectives(lemma):
        codes += [c for c in gaz.centres.get(adj, ()) if c not in codes]
    if not codes or lemma in gaz.first_lemmas or lemma in NOT_CENTRES:
        return ()
    if analyzer().word_is_known(lemma):
        parses = [p for p in analyzer().parse(lemma) if fold(p.normal_form) == lemma]
        if not parses or any(p.tag.POS != "NOUN" or "Geox" not in p.tag.grammemes for p in parses):
            return ()
    return tuple(codes)


@lru_cache(maxsize=8192)
def name_centre_codes(word: str) -> tuple[str, ...]:
    """The regions whose district's centre is named like a person («Ольга»: Ольгинский район,
    Приморский край; «Анна»: Аннинский район), or none: `centre_codes` leaves such names out,
    the tagger counts them after a village word only («пгт Ольга»)."""
    gaz = gazetteer()
    out: list[str] = []
    for lemma in sorted(info(word).lemmas):
        if lemma in gaz.first_lemmas or lemma in NOT_CENTRES:
            continue
        parses = [p for p in analyzer().parse(lemma) if fold(p.normal_form) == lemma]
        if not parses or any("Name" not in p.tag.grammemes for p in parses):
            continue
        for adj in centre_adjectives(lemma):
            out += [c for c in gaz.centres.get(adj, ()) if c not in out]
    return tuple(out)


def _first_forms(entries: Iterable[Entry]) -> frozenset[str]:
    forms: set[str] = set()
    for e in entries:
        word = first_word(e.surface)
        forms |= e.words[0]
        for p in analyzer().parse(word):
            if fold(p.normal_form) in e.words[0]:
                forms.update(fold(f.word) for f in p.lexeme)
    return frozenset(forms)


_LINE_WORD = re.compile(r"\w+(?:-\w+)*")


def may_match(line: str, gaz: Gazetteer) -> bool:
    """Cheap pre-check: whether any word of ``line`` could start a catalogue match.

    Catalogue forms are checked by their inflected forms; towns and districts (which must be
    written with a capital) by the lemmas of the capitalised words.
    """
    if "регион" in line.lower() or "#" in line:
        return True  # (a hashtag: «#КубаньВсенародная»)
    plain = gaz.line_plain
    starts = gaz.line_starts
    # (match by match, not ``findall``: most lines that may match do so at their first
    # words, and the rest of the line is then never read)
    for m in _LINE_WORD.finditer(line):
        token = m.group()
        if token in plain:
            continue  # (most words, remembered)
        if token in starts:
            return True  # (remembered too: the word that decides most lines)
        if _may_start(token, gaz):
            if len(starts) >= _LINE_PLAIN_MAX:
                starts.clear()
            starts.add(token)
            return True
        if len(plain) >= _LINE_PLAIN_MAX:
            plain.clear()
        plain.add(token)
    if " -" in line or "- " in line:
        # «в Урус- Мартановском районе»: a name's hyphen typed with a space (see
        # `bot.text.regions.tokens`); a line with no other word that may match
        for m in _SPACED_HYPHEN.finditer(line):
            whole = f"{m.group(1)}-{m.group(2)}"
            if _may_start(whole, gaz) or fold(whole) in gaz.villages:
                return True
    return False


# Two capitalised words with a dash glued to one of them only: «Урус- Мартановском».
_SPACED_HYPHEN = re.compile(r"([А-ЯЁ][а-яё]+)(?:- | -)([А-ЯЁ][а-яё]+)")
_LINE_PLAIN_MAX = 200_000  # words in Gazetteer.line_plain before it starts over


# The shortest misspelt word read as a capital: shorter names are too close to other words.
MISSPELT_MIN = 8


def misspelt_capital(word: str) -> tuple[str, EvidenceKind] | None:
    """The region whose capital (or federal city) ``word`` names with one slip of the pen:
    two letters side by side swapped («Санкт-Петерубрг», «Екатеринбруг»), one letter missed
    («Новосибрск») or one too many («Красноярсск»). Only a word the dictionary does not know
    (a real word, «Благовещенка» a village, is what it says), its first letter right."""
    low = fold(word)
    if analyzer().word_is_known(low):
        return None
    forms = _capital_forms()
    found = forms.get(low)
    if found is None:
        for k in range(1, len(low)):
            found = forms.get(low[:k] + low[k + 1 :])
            if found is not None and found[2]:
                break  # (a letter too many: only a real form, not another slip)
            found = None
    return None if found is None or not found[0] else (found[0], found[1])


@lru_cache(maxsize=1)
def _capital_forms() -> dict[str, tuple[str, EvidenceKind, bool]]:
    """The case forms of every one-word capital of `MISSPELT_MIN` letters or more, and each
    of them with two letters side by side swapped or one letter missed (not the first): the
    region, the evidence kind, and whether it is the real form. A slip two capitals share
    names neither (an empty code)."""
    out: dict[str, tuple[str, EvidenceKind, bool]] = {}
    real: set[str] = set()
    slips: dict[str, set[str]] = {}
    kinds: dict[str, EvidenceKind] = {}
    for r in REGIONS:
        name = r.capital
        if " " in name or len(name) < MISSPELT_MIN:
            continue
        kinds[r.code] = "name" if fold(name) == fold(r.name) else "town"
        forms = {fold(name)}
        for p in analyzer().parse(name):
            if "Geox" in p.tag.grammemes and p.tag.number != "plur":
                forms.update(fold(f.word) for f in p.lexeme if f.tag.number != "plur")
        for form in forms:
            out[form] = (r.code, kinds[r.code], True)
            real.add(form)
            for k in range(1, len(form)):
                slips.setdefault(form[:k] + form[k + 1 :], set()).add(r.code)
                if k + 1 < len(form) and form[k] != form[k + 1]:
                    swapped = form[:k] + form[k + 1] + form[k] + form[k + 2 :]
                    slips.setdefault(swapped, set()).add(r.code)
    for slip, codes in slips.items():
        if slip in real:
            continue
        code = next(iter(codes)) if len(codes) == 1 else ""
        out[slip] = (code, kinds.get(code, "town"), False)
    return out


def _may_start(token: str, gaz: Gazetteer) -> bool:
    """Whether a word of a line (`may_match`) could start a catalogue match."""
    low = token.lower().replace("ё", "е")
    if low in gaz.first_forms or low in gaz.compound_forms or token in gaz.abbreviations:
        return True
    if token in gaz.single_words or token.lower() in gaz.single_words:
        return True  # («кыштымцев», «Ужурцы»: a town's people, left out of `first_forms`)
    cap = gaz.cap_lemmas
    if "-" in token:
        for word in (token, *token.split("-")):
            if word and word[0].isupper() and not info(word).lemmas.isdisjoint(cap):
                return True
    elif token[0].isupper() and not info(token).lemmas.isdisjoint(cap):
        return True
    if token[0].isupper() and village_word(token, gaz, line=True):
        return True  # («в селе Рамзай»: a village; the tagger wants the word before it)
    if token[0].islower() and not info(token).lemmas.isdisjoint(RURAL):
        return True  # («в селе Белая Глина»: a village's name of dictionary words)
    if token[0].isupper() and centre_codes(token):
        return True  # («в Мари-Туреке»: a centre)
    # («Санкт-Петерубрг»: a capital misspelt)
    return token[0].isupper() and len(token) >= MISSPELT_MIN and misspelt_capital(token) is not None
