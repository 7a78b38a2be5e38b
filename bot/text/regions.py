"""Which federal subjects a text names: a gazetteer on lemmas with rules against the traps.

`tag_regions(text)` scans the article body (`bot.text.clean.body_spans`: sidebars and adverts
are not evidence), matches catalogue forms on pymorphy3 lemmas (so «в Абакане», «Хакасией»,
«Ханты-Мансийского автономного округа — Югры» all match) and keeps a match only when it names
a place. It drops:

* people: a capitalised form after a first name or an initial, before a patronymic, or a
  first-name-like form (Владимир, Артём) before a surname: «Владимира Путина», «Сергей Киров»;
* streets and things named after people or places: «улица Кирова», «имени Кирова», «Московский
  проспект», «Ленинградское шоссе», «Казанский вокзал»;
* organisations: a name that is the whole of a «quote» or is quoted in the nominative
  («Газпром межрегионгаз Астрахань», ИА «Хакасия», «Краснодара»), and a nominative name right
  after an organisation word («ФК Кубань», «крейсер Москва»); a name inflected inside a longer
  quote counts («Совет муниципальных образований Хакасии»);
* nature: «река Кубань», «озеро Шира», «Каспийское море», «амурский тигр»;
* culture and ethnicity: «татарский язык», «бурятская культура», «якутский эпос»;
* common words: «орёл», «мирный», «бор» in lower case, or capitalised only because they open a
  sentence; adjective-like towns before a noun («Октябрьский район», «Советский Союз»);
* district names shared by many cities: «Кировский район», «Московский район».

Weak (they count only next to other evidence for the same region):

* towns that are surnames or first names unless a place word precedes («в Серове», «жители
  Королёва» count; «картины Серова», «у Иванова» do not);
* region adjectives naming an organisation («Казанский федеральный университет», «казанского
  «Рубина»») or a district («Ставропольский район» lies in Самарская область);
* forms shared by several regions (`bot.text.catalogue.AMBIGUOUS`: «РБ», «Алтай»,
  Железногорск, «ленинградский»).

Federal districts and macro-regions (ПФО, Сибирь, Урал, Поволжье, Кавказ) and «Россия» are not
in the catalogue, so they never match. Region numbers count only next to «регион» in the
singular («19 регион», «регион 19», «19-й регион»), never bare or as a count («из 89
регионов», «в регионе 19 муниципальных образований»). «Московский регион» names Москва and
Московская область.

Results are ordered by the position of each region's first evidence.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from razdel.segmenters.punct import DASHES as _DASHES
from razdel.segmenters.punct import ENDINGS as _ENDINGS
from razdel.segmenters.tokenize import ATOM as _ATOM
from razdel.segmenters.tokenize import SMILE as _SMILE

from bot.text.catalogue import AMBIGUOUS, REGIONS, Region, by_code
from bot.text.clean import body_spans
from bot.text.morph import analyzer, fold, info

__all__ = [
    "Evidence",
    "EvidenceKind",
    "RegionMatch",
    "RegionResolution",
    "regions_in_query",
    "resolve_region",
    "tag_regions",
]

EvidenceKind = Literal["name", "town", "adjective", "abbreviation", "code"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One place in the text that names the region; ``text[start:end]`` is ``text``."""

    text: str
    start: int
    end: int
    kind: EvidenceKind


@dataclass(frozen=True, slots=True)
class RegionMatch:
    """A region the text concerns, with every piece of evidence in text order."""

    code: str
    name: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class RegionResolution:
    """What a user's region query resolves to.

    ``region`` is set when the query names exactly one region. ``suggestions`` lists up to three
    candidates, closest first (the resolved region first when there is one): for typos
    («Хакассия») and ambiguous forms («Алтай») it is what to offer the user.
    """

    region: Region | None
    suggestions: tuple[Region, ...]


# --- word lists (folded lemmas) -------------------------------------------------------------

# Words that make the next capitalised name an organisation, a vehicle or a work.
_ORG_WORDS = frozenset(
    [
        "ия",
        "иа",
        "ао",
        "оао",
        "зао",
        "пао",
        "ооо",
        "нко",
        "ано",
        "гуп",
        "муп",
        "фгуп",
        "фгбу",
        "гбу",
        "мбу",
        "гк",
        "фк",
        "хк",
        "бк",
        "вк",
        "пфк",
        "мфк",
        "гтрк",
        "газета",
        "журнал",
        "издание",
        "телеканал",
        "радио",
        "радиостанция",
        "агентство",
        "портал",
        "сайт",
        "клуб",
        "команда",
        "компания",
        "завод",
        "фабрика",
        "комбинат",
        "банк",
        "холдинг",
        "концерн",
        "корпорация",
        "группа",
        "ансамбль",
        "хор",
        "театр",
        "гостиница",
        "отель",
        "ресторан",
        "кафе",
        "кинотеатр",
        "санаторий",
        "пансионат",
        "лагерь",
        "фестиваль",
        "форум",
        "конкурс",
        "турнир",
        "премия",
        "проект",
        "программа",
        "фонд",
        "партия",
        "движение",
        "крейсер",
        "корабль",
        "судно",
        "теплоход",
        "ледокол",
        "лайнер",
        "самолет",
        "поезд",
        "марка",
        "бренд",
        "сериал",
        "фильм",
        "спектакль",
        "песня",
        "книга",
        "роман",
        "альбом",
        "журнал",
        "шахта",
        "рудник",
        "месторождение",
        "стадион",
        "арена",
        "дворец",
        "батальон",
        "полк",
        "бригада",
        "дивизия",
        "отряд",
        "тц",
        "трц",
        "жк",
        "снт",
        "днт",
        "кп",
        "бц",
    ]
)
# Words before a name that make it a street or a dedication («улица Кирова», «имени Кирова»).
_STREET_BEFORE = frozenset(
    [
        "улица",
        "ул",
        "проспект",
        "пр",
        "пр-т",
        "переулок",
        "пер",
        "бульвар",
        "б-р",
        "шоссе",
        "ш",
        "тракт",
        "проезд",
        "набережная",
        "наб",
        "аллея",
        "тупик",
        "имя",
        "им",
        "микрорайон",
        "мкр",
    ]
)
# Nouns after an adjective that make it a street, a station, a building («Казанский вокзал»).
_STREET_AFTER = frozenset(
    [
        "проспект",
        "улица",
        "переулок",
        "бульвар",
        "шоссе",
        "тракт",
        "проезд",
        "набережная",
        "площадь",
        "аллея",
        "вокзал",
        "собор",
        "икона",
        "храм",
        "монастырь",
        "церковь",
        "тупик",
        "ворота",
        "вал",
        "кремль",
        "железный",
        "патриархат",
        "патриархия",
        "епархия",
    ]
)
# Nature: before a name («река Кубань») or after an adjective («Каспийское море»).
_NATURE = frozenset(
    [
        "река",
        "озеро",
        "море",
        "залив",
        "пролив",
        "бухта",
        "хребет",
        "гора",
        "горы",
        "плато",
        "полуостров",
        "остров",
        "острова",
        "водохранилище",
        "пруд",
        "ручей",
        "долина",
        "заповедник",
        "тигр",
        "краб",
        "медведь",
        "леопард",
    ]
)
# Nouns after an ethnic adjective that make it about people or culture, not the region.
_CULTURE_AFTER = frozenset(
    [
        "язык",
        "культура",
        "эпос",
        "народ",
        "народность",
        "этнос",
        "кухня",
        "костюм",
        "песня",
        "танец",
        "литература",
        "писатель",
        "поэт",
        "фольклор",
        "диаспора",
        "национальность",
        "праздник",
        "сыр",
        "традиция",
        "орнамент",
        "алфавит",
        "словарь",
        "обычай",
        "обряд",
        "музыка",
        "мелодия",
        "инструмент",
        "узор",
        "письменность",
        "поэзия",
        "сказка",
        "легенда",
        "мифология",
        "время",
        "сорт",
        "порода",
        "лошадь",
        "мед",
    ]
)
# Adjectives that name districts in many cities («Кировский район» of Махачкала).
_DISTRICT_ADJ = frozenset(
    [
        "московский",
        "ленинградский",
        "кировский",
        "свердловский",
        "приморский",
        "тверской",
        "октябрьский",
    ]
)
_DISTRICT_NOUNS = frozenset(["район", "округ", "сельсовет", "поселение"])
_DISTRICT_ORG = frozenset(["завод", "рынок", "парк", "мост", "сад"])
# Nouns after a region adjective that make it an organisation's name.
_ORG_AFTER = frozenset(
    [
        "университет",
        "институт",
        "академия",
        "консерватория",
        "колледж",
        "техникум",
        "училище",
        "биржа",
        "банк",
        "театр",
        "филармония",
        "цирк",
        "зоопарк",
        "завод",
        "комбинат",
        "фабрика",
        "компания",
        "корпорация",
        "холдинг",
        "метрополитен",
        "клуб",
    ]
)
# Words that, before a capitalised word, mean a settlement name follows («г. Мирный»).
_SETTLEMENT = frozenset(
    [
        "г",
        "город",
        "гор",
        "пгт",
        "пос",
        "поселок",
        "посёлок",
        "село",
        "с",
        "деревня",
        "д",
        "станица",
        "ст",
    ]
)
# Generic words of official names: a match of only these words is no name («республика»).
_GENERIC = frozenset(
    [
        "республика",
        "область",
        "обл",
        "край",
        "округ",
        "автономный",
        "ао",
        "народный",
        "город",
        "г",
        "регион",
        "федеральный",
    ]
)
# Abbreviations after which «.» does not end a sentence.
_NO_SENT_BREAK = frozenset(
    [
        "г",
        "гор",
        "ул",
        "пр",
        "пос",
        "с",
        "д",
        "ст",
        "им",
        "обл",
        "р-н",
        "р",
        "пгт",
        "наб",
        "пер",
        "т",
        "н",
        "св",
        "ген",
        "тыс",
        "млн",
        "млрд",
        "руб",
    ]
)
# Towns that are common surnames (Кропоткин, Серов, Энгельс): strong only after a place
# preposition or a settlement word («в Серове», «г. Энгельс»); elsewhere weak.
_SURNAME_TOWNS = frozenset(
    [
        "кропоткин",
        "циолковский",
        "губкин",
        "арсеньев",
        "глазов",
        "бикин",
        "вяземский",
        "артем",
        "салават",
        "королев",
        "жуковский",
        "энгельс",
        "балашов",
        "серов",
        "корсаков",
        "стаханов",
        "ефремов",
        "кириллов",
        "тутаев",
        "мышкин",
        "данков",
        "бобров",
        "фурманов",
        "шелехов",
        "касимов",
        "кирсанов",
        "алексин",
        "дмитров",
        "темников",
        "нариманов",
        "реутов",
        "торез",
        "гай",
        "чайковский",
        "александров",
        "курчатов",
        "гагарин",
        "суворов",
        "гусев",
        "куйбышев",
    ]
)
_PLACE_PREP = frozenset(
    [
        "в",
        "во",
        "из",
        "изо",
        "до",
        "под",
        "около",
        "возле",
        "близ",
        "над",
        "через",
        "от",
        "между",
        "житель",
        "жительница",
        "горожанин",
        "мэр",
        "мэрия",
        "глава",
        "администрация",
        "власть",
        "горсовет",
        "гордума",
        "окраина",
        "центр",
    ]
)
# Lower-case words allowed inside a multi-word name («Кольский полуостров»).
_LOWER_OK = frozenset(["полуостров", "острова", "столица"])
_OPEN_QUOTES = frozenset("«„“")
_QUOTE_START = frozenset(["«", "„", "“", '"'])
_CLOSE_QUOTES = frozenset("»“”")
_SENT_END = frozenset(".!?…")

_NUM_TOKEN = re.compile(r"^(\d{1,3})(?:-?(й|го|м|ом|ый|ого|ому))?$")
_REGION_NUM = re.compile(r"^регион[а-я]*-(\d{1,3})$", re.IGNORECASE)
_REGION_SING = frozenset(["регион", "региона", "региону", "регионом", "регионе"])


# --- gazetteer ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[frozenset[str], ...]  # folded lemma sets, one per word of the form
    codes: tuple[str, ...]
    kind: EvidenceKind
    weak: bool  # counts only next to other evidence for one of ``codes``
    common: bool  # single word that is also a common word (Орёл, Бор, Мирный, Владимир)
    adjlike: bool  # single word whose best parse is an adjective (Мирный, Октябрьский)
    generic: tuple[bool, ...]  # per word: generic word of an official name
    surface: str  # the form as written in the catalogue (for debugging)


@dataclass(slots=True)
class _Gazetteer:
    by_first: dict[str, list[_Entry]] = field(default_factory=dict)
    abbreviations: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)
    numbers: dict[int, str] = field(default_factory=dict)
    max_len: int = 1
    # Every inflected form of every word a match can start with: a line with none of them
    # (and no abbreviation or «регион») cannot match, so it is not tokenised at all.
    first_forms: frozenset[str] = frozenset()
    first_lemmas: frozenset[str] = frozenset()  # the keys of ``by_first``


_WORD_SPLIT = re.compile(r"[\s—–]+")


def _entry_words(form: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(form.replace("(", " ").replace(")", " ")) if w]


@lru_cache(maxsize=4096)
def _first_word(form: str) -> str:
    """The first word of a catalogue form (asked for every match)."""
    return _entry_words(form)[0]


def _word_lemmas(word: str) -> frozenset[str]:
    """Lemmas of a catalogue word. Catalogue forms are nominative: other readings are noise
    («Ростов» read as the genitive plural of «рост» would make «Рост» a town)."""
    low = fold(word)
    lem = {low} | {
        fold(p.normal_form)
        for p in analyzer().parse(word)
        if (p.tag.case in (None, "nomn") or "Fixd" in p.tag.grammemes)
        and p.tag.POS in ("NOUN", "ADJF", None)
    }
    if low in {"область", "обл"}:
        lem |= {"область", "обл"}
    if low in {"город", "г"}:
        lem |= {"город", "г"}
    return frozenset(lem)


def _is_common(word: str) -> tuple[bool, bool]:
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


def _make_entry(form: str, codes: tuple[str, ...], kind: EvidenceKind, weak: bool) -> _Entry:
    words = _entry_words(form)
    lemma_sets = tuple(_word_lemmas(w) for w in words)
    generic = tuple(bool(lem & _GENERIC) for lem in lemma_sets)
    common = adjlike = False
    if len(words) == 1 and kind in ("name", "town"):
        common, adjlike = _is_common(words[0])
    return _Entry(lemma_sets, codes, kind, weak, common, adjlike, generic, form)


def _expand_names(name: str) -> list[str]:
    forms = [name]
    if name.endswith("автономный округ"):
        forms.append(name.removesuffix("автономный округ") + "АО")
    return forms


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    gaz = _Gazetteer()
    entries: list[_Entry] = []
    for r in REGIONS:
        for name in r.names:
            for form in _expand_names(name):
                entries.append(_make_entry(form, (r.code,), "name", weak=False))
        for town in r.towns:
            entries.append(_make_entry(town, (r.code,), "town", weak=False))
        for adj in r.adjectives:
            entries.append(_make_entry(adj, (r.code,), "adjective", weak=False))
        for abbr in r.abbreviations:
            gaz.abbreviations[abbr] = ((r.code,), False)
        for n in r.numbers:
            gaz.numbers[n] = r.code
    for form, (kind, codes) in AMBIGUOUS.items():
        if kind == "abbreviation":
            gaz.abbreviations[form] = (codes, True)
        else:
            entries.append(_make_entry(form, codes, kind, weak=True))  # type: ignore[arg-type]
    # The same form listed for two regions («Московский регион») names both.
    merged: dict[tuple[tuple[frozenset[str], ...], str, bool], _Entry] = {}
    for e in entries:
        key = (e.words, e.kind, e.weak)
        old = merged.get(key)
        if old is None:
            merged[key] = e
        elif not set(e.codes) <= set(old.codes):
            merged[key] = _Entry(
                old.words,
                old.codes + e.codes,
                old.kind,
                old.weak,
                old.common,
                old.adjlike,
                old.generic,
                old.surface,
            )
    for e in merged.values():
        for lemma in e.words[0]:
            gaz.by_first.setdefault(lemma, []).append(e)
        gaz.max_len = max(gaz.max_len, len(e.words))
    for lst in gaz.by_first.values():
        lst.sort(key=lambda e: -len(e.words))
    gaz.first_forms = _first_forms(merged.values())
    gaz.first_lemmas = frozenset(gaz.by_first)
    return gaz


def _first_forms(entries: Iterable[_Entry]) -> frozenset[str]:
    forms: set[str] = set()
    for e in entries:
        word = _first_word(e.surface)
        forms |= e.words[0]
        for p in analyzer().parse(word):
            if fold(p.normal_form) in e.words[0]:
                forms.update(fold(f.word) for f in p.lexeme)
    return frozenset(forms)


_LINE_WORD = re.compile(r"\w+(?:-\w+)*")


def _may_match(line: str, gaz: _Gazetteer) -> bool:
    """Cheap pre-check: whether any word of ``line`` could start a catalogue match."""
    if "регион" in line.lower():
        return True
    forms = gaz.first_forms
    for m in _LINE_WORD.finditer(line):
        word = m.group()
        if word in gaz.abbreviations or fold(word) in forms:
            return True
    return False


# --- tokens ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Word:
    text: str
    start: int
    end: int
    sent_start: bool  # first word of a line or sentence
    glued_prev: bool  # no punctuation between this word and the previous one
    quote: int  # index of the enclosing quote span, or -1
    cap: bool  # starts with a capital letter
    shout: bool  # the line is in capitals («ПОЖАР В АБАКАНЕ»): capitals tell nothing


@dataclass(slots=True)
class _Quote:
    first: int  # first word index inside
    last: int  # last word index inside
    before: int  # word index before the opening quote, or -1


def _join_atoms(atoms: list[tuple[int, int, str, str]], i: int, buffer: str) -> bool:
    """Whether razdel glues atom ``i`` to the token before it (``buffer``), no space between.

    The rules of ``razdel.segmenters.tokenize.RULES`` in order (dash, underscore, float,
    fraction, punct, other, yahoo); none of them ever says SPLIT, so any JOIN decides.
    """
    left_text, left_type = atoms[i - 1][3], atoms[i - 1][2]
    right_text, right_type = atoms[i][3], atoms[i][2]
    # razdel's Rule2112: a delimiter atom on the left looks one atom further left (across
    # spaces too), one on the right one atom further right.
    for in_left, in_right, need_int in (
        (left_text in _DASHES, right_text in _DASHES, False),
        (left_text == "_", right_text == "_", False),
        (left_text in ".,", right_text in ".,", True),
        (left_text in "/\\", right_text in "/\\", True),
    ):
        if in_left:
            if i < 2:
                continue
            a_type, b_type = atoms[i - 2][2], right_type
        elif in_right:
            if i + 1 >= len(atoms):
                continue
            a_type, b_type = left_type, atoms[i + 1][2]
        else:
            continue
        if need_int:
            if a_type == "INT" and b_type == "INT":
                return True
        elif a_type != "PUNCT" and b_type != "PUNCT":
            return True
    if left_type == "PUNCT" and right_type == "PUNCT":
        if _SMILE.match(buffer + right_text):
            return True
        if left_text in _ENDINGS and right_text in _ENDINGS:
            return True
        if left_text + right_text in ("--", "**"):
            return True
    if left_type == "OTHER" and right_type in ("OTHER", "RU", "LAT"):
        return True
    if left_type in ("OTHER", "RU", "LAT") and right_type == "OTHER":
        return True
    return atoms[i - 1][3].lower() == "yahoo" and right_text == "!"


def _razdel_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``razdel.tokenize(text[start:end])`` as (start, stop, text), offsets into ``text``.

    The same atoms and join rules as razdel 0.5 (its own ``ATOM`` and ``SMILE`` patterns),
    without its per-atom objects: four times faster, the largest cost of tagging a feed item.
    Atoms are only glued when nothing separates them, and only whitespace can.
    """
    atoms = [
        (m.start(), m.end(), m.lastgroup or "", m.group()) for m in _ATOM.finditer(text, start, end)
    ]
    out: list[tuple[int, int, str]] = []
    if not atoms:
        return out
    tok_start, prev_end, _, buffer = atoms[0]
    for i in range(1, len(atoms)):
        a_start, a_end, _, a_text = atoms[i]
        if prev_end == a_start and _join_atoms(atoms, i, buffer):
            buffer += a_text
        else:
            out.append((tok_start, tok_start + len(buffer), buffer))
            tok_start, buffer = a_start, a_text
        prev_end = a_end
    out.append((tok_start, tok_start + len(buffer), buffer))
    return out


def _tokens(text: str, spans: list[tuple[int, int]]) -> tuple[list[_Word], list[_Quote]]:
    words: list[_Word] = []
    quotes: list[_Quote] = []
    for s_start, s_end in spans:
        letters = "".join(filter(str.isalpha, text[s_start:s_end]))
        shout = len(letters) >= 8 and sum(map(str.isupper, letters)) > 0.7 * len(letters)
        sent_start = True
        glued = False
        open_quote: int | None = None  # index into quotes
        straight_open = False
        for t_start, t_end, t in _razdel_tokens(text, s_start, s_end):
            if t[0].isalnum():
                idx = len(words)
                q = open_quote if open_quote is not None else -1
                if q >= 0 and quotes[q].first < 0:
                    quotes[q].first = idx
                words.append(
                    _Word(
                        t,
                        t_start,
                        t_end,
                        sent_start,
                        glued,
                        q,
                        t[0].isupper(),
                        shout,
                    )
                )
                if q >= 0:
                    quotes[q].last = idx
                sent_start = False
                glued = True
                continue
            glued = False
            closing = t in _CLOSE_QUOTES if t != '"' else straight_open
            if open_quote is not None and closing:  # „…“ closes with “, «…» with »
                straight_open = False
                open_quote = None
            elif t in _OPEN_QUOTES or t == '"':
                straight_open = straight_open or t == '"'
                if open_quote is None:
                    quotes.append(_Quote(-1, -1, len(words) - 1))
                    open_quote = len(quotes) - 1
            elif t[0] in _SENT_END:
                prev = fold(words[-1].text) if words else ""
                single_initial = bool(words) and len(words[-1].text) == 1
                if prev not in _NO_SENT_BREAK and not single_initial:
                    sent_start = True
    return words, quotes


# --- matching -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    codes: tuple[str, ...]
    kind: EvidenceKind
    start: int
    end: int
    weak: bool


def _org_quote(
    words: list[_Word], quotes: list[_Quote], i: int, surface: str = "", j: int = 0
) -> bool:
    """Whether words[i] sits in a quoted name of an organisation, a work or an event.

    A name inside quotes in the nominative («ИА «Хакасия»», «Газпром межрегионгаз Астрахань»)
    is the organisation's own name; in another case («Совет муниципальных образований
    Хакасии») it says whose the organisation is, and counts.
    """
    q = words[i].quote
    if q < 0:
        return False
    quote = quotes[q]
    if quote.first < 0:
        return False
    # The name is the whole quote: «Краснодара», «Нижнего Новгорода» are clubs in any case.
    whole = quote.first == i and quote.last == max(i, j - 1)
    inflected = surface and fold(words[i].text) != fold(surface)
    if inflected and not whole and not info(words[i].text).nominative:
        return False
    n_words = quote.last - quote.first + 1
    if n_words <= 6:
        return True
    before = quote.before
    return before >= 0 and bool(_lem(words[before]) & _ORG_WORDS)


def _lem(word: _Word) -> frozenset[str]:
    return info(word.text).lemmas


def _is_person(text: str, words: list[_Word], i: int, j: int) -> bool:
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
            and not _is_geo_word(prev.text)
        ):
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
            and (ni.surname or ni.first_name or not _is_geo_word(nxt.text))
        ):
            return True
    return False


@lru_cache(maxsize=50_000)
def _is_geo_word(word: str) -> bool:
    return any("Geox" in p.tag.grammemes for p in analyzer().parse(word)[:2])


def _match_at(words: list[_Word], i: int, gaz: _Gazetteer) -> tuple[_Entry, int] | None:
    wi = info(words[i].text)
    if wi.lemmas.isdisjoint(gaz.first_lemmas):
        return None  # most words: no catalogue form starts with any of their lemmas
    best: _Entry | None = None
    best_key = (0, False)
    for lemma in wi.lemmas:
        for e in gaz.by_first.get(lemma, ()):
            n = len(e.words)
            if n < best_key[0] or i + n > len(words):
                continue
            # Same length: prefer the entry that fits the word's most likely lemma
            # («в Волжском» is Волжский, not Волжск).
            key = (n, wi.best in e.words[0])
            if best is not None and key <= best_key:
                continue
            if all(_lem(words[i + k]) & e.words[k] for k in range(1, n)):
                best, best_key = e, key
    if best is None:
        return None
    return best, i + len(best.words)


def _number_hit(words: list[_Word], i: int, gaz: _Gazetteer) -> _Hit | None:
    w = words[i]
    m = _REGION_NUM.match(w.text)
    if m:
        code = gaz.numbers.get(int(m.group(1)))
        return _Hit((code,), "code", w.start, w.end, False) if code else None
    m = _NUM_TOKEN.match(w.text)
    if not m:
        return None
    n = int(m.group(1))
    code = gaz.numbers.get(n)
    if code is None:
        return None
    ordinal = m.group(2) is not None
    prev = fold(words[i - 1].text) if i > 0 else ""
    if prev in _REGION_SING and words[i].glued_prev:
        # «В регионе 19 муниципальных образований» counts things, it names no region.
        after = words[i + 1] if i + 1 < len(words) and words[i + 1].glued_prev else None
        if after is not None and (info(after.text).noun or info(after.text).adjective):
            return None
        return _Hit((code,), "code", w.start, w.end, False)
    if i + 1 < len(words) and words[i + 1].glued_prev:
        nxt = fold(words[i + 1].text)
        if nxt in _REGION_SING:
            # «19-й регион», «с номерами 24 региона», «код 21 региона»: a code, not a count.
            plate = i > 0 and bool(_lem(words[i - 1]) & {"номер", "код", "номерной"})
            if ordinal or plate:
                return _Hit((code,), "code", w.start, words[i + 1].end, False)
            last, last2 = n % 10, n % 100
            counts_one = last == 1 and last2 != 11 and nxt in {"регион", "регионе", "региону"}
            counts_few = 2 <= last <= 4 and not 12 <= last2 <= 14 and nxt == "региона"
            if not counts_one and not counts_few:
                return _Hit((code,), "code", w.start, words[i + 1].end, False)
    return None


_DROP, _WEAK, _STRONG = 0, 1, 2


def _keep(text: str, words: list[_Word], quotes: list[_Quote], e: _Entry, *, i: int, j: int) -> int:
    """Whether the catalogue form at words[i:j] names the place: _DROP, _WEAK or _STRONG.

    See the module docstring for the rules.
    """
    w = words[i]
    if _org_quote(words, quotes, i, _first_word(e.surface), j):
        return _DROP
    prev_l = _lem(words[i - 1]) if i > 0 and w.glued_prev else frozenset()
    nxt = words[j] if j < len(words) and words[j].glued_prev else None
    nxt_l = _lem(nxt) if nxt is not None else frozenset()
    multi_official = len(e.words) > 1 and any(e.generic)
    if e.kind == "adjective":
        if w.cap and not w.sent_start and _is_person(text, words, i, j):
            return _DROP  # «Иван Омский»
        if nxt_l & (_STREET_AFTER | _NATURE | _CULTURE_AFTER):
            return _DROP
        if e.words[0] & _DISTRICT_ADJ and nxt_l & _DISTRICT_ORG:
            return _DROP  # «Кировский завод», «Московский университет» of another city
        # «казанского «Рубина»», «самарские «Крылья Советов»»: a club or a company.
        if j < len(words) and text[words[j - 1].end : words[j].start].strip() in _QUOTE_START:
            return _WEAK
        # «Казанский федеральный университет», «Московская биржа»: an organisation's name
        # says where it sits, not what the article is about.
        head = nxt
        if head is not None and info(head.text).adjective and j + 1 < len(words):
            head = words[j + 1] if words[j + 1].glued_prev else None
        if head is not None and _lem(head) & _ORG_AFTER:
            return _WEAK
        if nxt_l & _DISTRICT_NOUNS:
            # «Ставропольский район» is in Самарская область, «Кировский» in many cities.
            return _DROP if e.words[0] & _DISTRICT_ADJ else _WEAK
        if w.cap and not w.sent_start and nxt is None:
            return _DROP  # substantivised: «на Тверской», «в Коломенском»
        if w.cap and prev_l & (_STREET_BEFORE | _ORG_WORDS):
            return _DROP
        return _STRONG
    # Names and towns must be written as names.
    if not all(
        words[i + k].cap or fold(words[i + k].text) in _LOWER_OK
        for k in range(j - i)
        if not e.generic[k]
    ):
        return _DROP
    if not multi_official:
        if prev_l & (_STREET_BEFORE | _NATURE):
            return _DROP
        # Apposition to an organisation: «ФК Кубань», «ИА Хакасия» (nominative stays put).
        if prev_l & _ORG_WORDS and fold(w.text) == fold(_first_word(e.surface)):
            return _DROP
    if len(e.words) == 1 and _is_person(text, words, i, j):
        return _DROP
    after_place = bool(prev_l & (_SETTLEMENT | _PLACE_PREP))
    if e.common or e.adjlike:
        # Part of a longer capitalised name: «Мирный Бор», «Сокол Плюс».
        if not w.shout:
            if i > 0 and w.glued_prev and words[i - 1].cap and not words[i - 1].sent_start:
                return _DROP
            if nxt is not None and nxt.cap:
                return _DROP
        after_settlement = bool(prev_l & _SETTLEMENT)
        if w.sent_start and not after_settlement:
            return _DROP
        if e.adjlike and nxt is not None and info(nxt.text).noun and not after_settlement:
            return _DROP
    # «Иванова», «Пушкина», «Серова»: most likely a person, unless a place word precedes.
    surname_like = bool(e.words[0] & _SURNAME_TOWNS) or info(w.text).person
    if len(e.words) == 1 and not after_place and surname_like:
        return _WEAK
    return _STRONG


def _find(text: str, spans: list[tuple[int, int]]) -> list[_Hit]:
    gaz = _gazetteer()
    spans = [(a, b) for a, b in spans if _may_match(text[a:b], gaz)]
    words, quotes = _tokens(text, spans)
    hits: list[_Hit] = []
    first_lemmas = gaz.first_lemmas
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        t = w.text
        if t[0].isdigit() or ("-" in t and _REGION_NUM.match(t)):
            hit = _number_hit(words, i, gaz)
            if hit is not None:
                hits.append(hit)
            i += 1
            continue
        abbr = gaz.abbreviations.get(t)
        if abbr is not None and not _org_quote(words, quotes, i):
            codes, weak = abbr
            hits.append(_Hit(codes, "abbreviation", w.start, w.end, weak))
            i += 1
            continue
        if info(t).lemmas.isdisjoint(first_lemmas):
            i += 1  # the common case: no catalogue form starts with this word
            continue
        found = _match_at(words, i, gaz)
        if found is not None:
            e, j = found
            verdict = _keep(text, words, quotes, e, i=i, j=j)
            if verdict != _DROP:
                weak = e.weak or verdict == _WEAK
                hits.append(_Hit(e.codes, e.kind, w.start, words[j - 1].end, weak))
            i = j
            continue
        i += 1
    return hits


def tag_regions(text: str) -> list[RegionMatch]:
    """Regions that ``text`` (an article, title included if wanted) names, in text order.

    Only the article body counts (see `bot.text.clean`). Evidence offsets refer to ``text``.
    """
    hits = _find(text, body_spans(text))
    strong: dict[str, list[Evidence]] = {}
    for h in hits:
        if h.weak:
            continue
        for code in h.codes:
            strong.setdefault(code, []).append(
                Evidence(text[h.start : h.end], h.start, h.end, h.kind)
            )
    for h in hits:
        if not h.weak:
            continue
        for code in h.codes:
            if code in strong:
                strong[code].append(Evidence(text[h.start : h.end], h.start, h.end, h.kind))
    out: list[RegionMatch] = []
    for code, ev in strong.items():
        region = by_code(code)
        if region is None:  # pragma: no cover - codes come from the catalogue
            continue
        ordered = tuple(sorted(set(ev), key=lambda e: (e.start, e.end)))
        out.append(RegionMatch(code, region.name, ordered))
    out.sort(key=lambda m: m.evidence[0].start)
    return out


# --- user input -----------------------------------------------------------------------------


def _query_hits(query: str) -> tuple[list[tuple[tuple[str, ...], int, int, bool]], list[_Word]]:
    """Lenient matching for user input: lower case allowed, no sentence or person rules."""
    gaz = _gazetteer()
    words, _ = _tokens(query, [(0, len(query))])
    out: list[tuple[tuple[str, ...], int, int, bool]] = []
    i = 0
    while i < len(words):
        w = words[i]
        code = _code_form(w.text)
        if code is not None:
            out.append(((code,), i, i + 1, False))
            i += 1
            continue
        abbr = gaz.abbreviations.get(w.text) or (
            gaz.abbreviations.get(w.text.upper()) if len(w.text) >= 3 else None
        )
        if abbr is None and len(w.text) >= 3:
            abbr = _abbr_ci().get(w.text.upper())
        if abbr is not None:
            out.append((abbr[0], i, i + 1, abbr[1]))
            i += 1
            continue
        found = _match_at(words, i, gaz)
        if found is not None:
            e, j = found
            nxt_l = _lem(words[j]) if j < len(words) else frozenset()
            if all(e.generic) or (
                e.kind == "adjective" and nxt_l & (_STREET_AFTER | _NATURE | _CULTURE_AFTER)
            ):
                i += 1  # «татарский язык», «казанский вокзал» are search words, not regions
                continue
            out.append((e.codes, i, j, e.weak))
            i = j
            continue
        i += 1
    return out, words


@lru_cache(maxsize=1)
def _abbr_exact() -> dict[str, Region]:
    """Whole-query abbreviations, any case, including ones razdel splits («РС(Я)»)."""
    return {a.upper(): r for r in REGIONS for a in r.abbreviations}


@lru_cache(maxsize=1)
def _abbr_ci() -> dict[str, tuple[tuple[str, ...], bool]]:
    return {k.upper(): v for k, v in _gazetteer().abbreviations.items() if len(k) >= 3}


def _code_form(word: str) -> str | None:
    """«RU-KK» (any case) -> its code."""
    if re.fullmatch(r"(?i)ru-[a-z]{2,3}", word):
        region = by_code(word)
        return region.code if region else None
    return None


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, str]:
    forms: dict[str, str] = {}
    for r in REGIONS:
        for f in (r.name, r.short, *r.names, r.name_en, *r.towns, *r.adjectives, *r.abbreviations):
            forms.setdefault(fold(f), r.code)
    return forms


def _suggest(query: str, limit: int = 3) -> tuple[Region, ...]:
    index = _fuzzy_index()
    q = fold(query).strip()
    candidates = difflib.get_close_matches(q, list(index), n=20, cutoff=0.6)
    # Also try each word alone: «новосибирск обл» -> «новосибирск».
    for word in q.split():
        if len(word) >= 4:
            candidates += difflib.get_close_matches(word, list(index), n=10, cutoff=0.7)
    scored = sorted(
        set(candidates),
        key=lambda c: (
            -max(
                difflib.SequenceMatcher(None, q, c).ratio(),
                *(difflib.SequenceMatcher(None, w, c).ratio() for w in q.split()),
            )
        ),
    )
    out: list[Region] = []
    for c in scored:
        region = by_code(index[c])
        if region is not None and region not in out:
            out.append(region)
        if len(out) == limit:
            break
    return tuple(out)


def resolve_region(query: str) -> RegionResolution:
    """Resolve a user's region query: a name in any case, a town, «19», «RU-KK», «ХМАО»...

    Lower case is fine. A typo or an ambiguous form gives ``region=None`` and suggestions.
    """
    q = query.strip()
    if not q:
        return RegionResolution(None, ())
    direct = by_code(q) or _abbr_exact().get(q.upper())
    if direct is None and q.isascii() and q.isdigit() and len(q) <= 3:
        code = _gazetteer().numbers.get(int(q))
        direct = by_code(code) if code else None
    if direct is None:
        hits, words = _query_hits(q)
        codes: list[str] = []
        weak_codes: list[str] = []
        for hit_codes, _, _, weak in hits:
            target = weak_codes if weak or len(hit_codes) > 1 else codes
            for c in hit_codes:
                if c not in target:
                    target.append(c)
        if len(codes) == 1:
            direct = by_code(codes[0])
        elif not codes and weak_codes:
            regions = tuple(r for c in weak_codes if (r := by_code(c)) is not None)
            return RegionResolution(None, regions[:3])
        elif len(codes) > 1:
            regions = tuple(r for c in codes if (r := by_code(c)) is not None)
            return RegionResolution(None, regions[:3])
        del words
    if direct is not None:
        return RegionResolution(direct, (direct,))
    return RegionResolution(None, _suggest(q))


def regions_in_query(query: str) -> tuple[tuple[Region, ...], str]:
    """Split a search query into the regions it names and the remaining words.

    «форум хакасия» -> ((Республика Хакасия,), "форум"). Lower case is fine; weak forms
    («алтай») name no region here and stay in the text.
    """
    hits, words = _query_hits(query)
    regions: list[Region] = []
    used: set[int] = set()
    for codes, i, j, weak in hits:
        if weak:
            continue
        for c in codes:
            r = by_code(c)
            if r is not None and r not in regions:
                regions.append(r)
        used.update(range(i, j))
    # Prepositions and «и» that only joined region words go with them: «в Москве и Подмосковье».
    for k in range(len(words) - 1, -1, -1):
        if k not in used and fold(words[k].text) in _QUERY_GLUE and k + 1 in used:
            used.add(k)
    rest = " ".join(w.text for k, w in enumerate(words) if k not in used)
    return tuple(regions), rest


_QUERY_GLUE = frozenset(["в", "во", "на", "из", "по", "для", "о", "об", "у", "и", "или"])
