"""Facts of an event read from the article body: people with roles, tracks, agreements and
their parties, the city and the venue (all in the nominative). Pure functions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.text.catalogue import by_code
from bot.text.events.names import _QUOTED, _cap_like, nominal_phrase
from bot.text.morph import analyzer, fold, info, lemmas
from bot.text.regions import RegionMatch, tag_regions
from bot.text.regions.town_forms import oblique_forms
from bot.text.towns import towns, towns_by_name

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
    r"\b(?:заключил\w*|подписал\w*|подписан\w*|заключен\w*|заключ[её]н\w*|подпишут"
    r"|заключат|подписани\w*|заключени\w*|договорил\w*)\b",
    re.IGNORECASE,
)
_PARTY = r"[А-ЯЁ][\w-]*(?:\s+(?:[а-яё]+(?:ых|их|ого|ей|ов|ии|ий)|[А-ЯЁ][\w-]*)){0,4}"
_BETWEEN = re.compile(r"\bмежду\s+(" + _PARTY + r")\s+и\s+(" + _PARTY + r")")
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


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # nominative where it could be restored: «Сергей Кириенко»
    role: str  # as written, may be empty: «первый заместитель Руководителя Администрации ...»


@dataclass(frozen=True, slots=True)
class Agreement:
    text: str  # the sentence that reports it
    parties: tuple[str, ...]  # «Хакасия», «Совет муниципальных образований Татарстана»
    regions: tuple[str, ...]  # region codes among the parties: ("RU-KK", "RU-TA")


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
            parties.append(nominal_phrase(subject.group(1)))
        between = _BETWEEN.search(sent)
        if between:  # «соглашение между Абаканом и Черногорском»
            parties = [nominal_phrase(between.group(1)), nominal_phrase(between.group(2))]
        else:
            for m in re.finditer(
                r"\b(?:с|со)\s+((?:[А-ЯЁ][\w-]*)(?:\s+(?:[а-яё]+(?:ых|их|ого|ей|ов|ии|ий)"
                r"|[А-ЯЁ][\w-]*|и\s+[А-ЯЁ][\w-]*)){0,5})",
                sent[verb.end() :],
            ):
                phrase = m.group(1).strip()
                for part in re.split(r"\s+и\s+", phrase):
                    parties.append(nominal_phrase(part))
        parties = [_town_or_phrase(p) for p in parties]
        codes: list[str] = []
        for code, _, _, _ in _regions_of(" ".join(parties) or sent):
            if code not in codes:
                codes.append(code)
        if parties or codes:
            out.append(Agreement(sent.strip(), tuple(parties), tuple(codes)))
    return out


def _town_or_phrase(party: str) -> str:
    """A party that is one town's name, in the catalogue's spelling («Черногорском» ->
    «Черногорск»); anything else as it came."""
    if " " in party:
        return party

    for code, ev_text, _, kind in _regions_of(party):
        town = _town_named(code, ev_text) if kind == "town" else None
        region = by_code(code)
        if town is None and region is not None:
            # «Черногорском» may read as an adjective: the town whose name it extends.
            low = fold(party)
            town = next(
                (t for t in region.towns if low.startswith(fold(t)) and len(low) - len(t) <= 3),
                None,
            )
        if town:
            return town
    return party


def _town_named(code: str, ev_text: str) -> str | None:
    return _town_in(code, lemmas(ev_text.split(maxsplit=1)[0]))


@lru_cache(maxsize=1)
def _long_names() -> dict[str, tuple[tuple[str, tuple[frozenset[str], ...]], ...]]:
    """By region code, the towns named by two words or more, each word with its folded forms
    in every case («Старая Русса»: «старой», «руссе», …)."""
    out: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
    for town in towns():
        words = town.name.split()
        if len(words) > 1:
            forms = tuple(frozenset({fold(w)}) | oblique_forms(w) for w in words)
            out.setdefault(town.code, []).append((town.name, forms))
    return {code: tuple(names) for code, names in out.items()}


def _long_town(code: str, evidence: str) -> str | None:
    """The town of several words the evidence names, in the nominative: «в Старой Руссе» is
    «Старая Русса» (the first word's lemma, «старый», names no town)."""
    words = [fold(w) for w in evidence.split()]
    for name, forms in _long_names().get(code, ()):
        if len(forms) == len(words) and all(w in f for w, f in zip(words, forms, strict=True)):
            return name
    return None


def _town_in(code: str, forms: frozenset[str] | set[str]) -> str | None:
    """The town of region ``code`` whose name is one of the lemmas ``forms``: the catalogue's
    big towns first, then every town of Russia («в Яранске» -> «Яранск»)."""
    region = by_code(code)
    for town in region.towns if region is not None else ():
        if town.lower().replace("ё", "е").split()[0] in forms:
            return town
    for form in sorted(forms):
        for town_row in towns_by_name(form):
            if town_row.code == code:
                return town_row.name
    return None


def _city(
    text: str, hits: list[tuple[str, str, int, str]], *, venue_named: bool = False
) -> tuple[str | None, str | None]:
    """(city in nominative, its region code) from «в Москве», «в Абакане»: the first one; when
    only a venue is named, the first town the text's opening names."""

    for code, ev_text, start, kind in hits:
        if kind not in {"town", "name"}:
            continue
        if not re.search(r"\b(?:в|во|на)\s+$", text[max(0, start - 4) : start]):
            continue
        region = by_code(code)
        if region is None:
            continue
        forms = lemmas(ev_text.split()[0])
        town = _long_town(code, ev_text) or _town_in(code, forms)
        if town is not None:
            return town, code
        if kind == "name" and region.capital and region.capital.lower() in forms:
            return region.capital, code
    # Only a venue is named («на главной площади Кирсанова»): the town the opening names,
    # unless it is where guests come from («гости из Красноярска»).
    for code, ev_text, start, kind in hits:
        if kind != "town" or start > (1200 if venue_named else 600):
            continue
        if re.search(r"\b(?:из|от|до|изо)\s+$", text[max(0, start - 5) : start], re.IGNORECASE):
            continue
        town = _long_town(code, ev_text) or _town_in(code, lemmas(ev_text.split()[0]))
        if town is not None:
            return town, code
    return None, None


# The nouns _VENUE ends on, as lemmas: an ambiguous form is read as one of them («в парке»
# is «парк», never «парка»).
_VENUE_LEMMAS = frozenset(
    [
        "выставка-форум",
        "дом",
        "дворец",
        "центр",
        "зал",
        "библиотека",
        "парк",
        "музей",
        "театр",
        "филармония",
        "администрация",
        "колледж",
        "университет",
        "стадион",
        "площадь",
        "экспоцентр",
        "конгресс-холл",
        "технопарк",
        "кремль",
        "усадьба",
        "сквер",
    ]
)


# «в селе Решма», «на хуторе Бородино», «в станице Кубанской», «в с. Сметанино».
_VILLAGE = re.compile(
    r"\b(?:[Вв]|[Вв]о|[Нн]а)\s+(селе|деревне|пос[её]лке|станице|хуторе|ауле|слободе|наслеге"
    r"|с\.|д\.|п\.|пос\.|ст\.|х\.)\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)"
    r"(?:\s+([А-ЯЁ][а-яё]+))?"  # a second word when the first is an adjective: «Белая Глина»
)
_VILLAGE_NOUN = {
    "селе": ("село", "neut"),
    "деревне": ("деревня", "femn"),
    "посёлке": ("посёлок", "masc"),
    "поселке": ("посёлок", "masc"),
    "станице": ("станица", "femn"),
    "хуторе": ("хутор", "masc"),
    "ауле": ("аул", "masc"),
    "слободе": ("слобода", "femn"),
    "наслеге": ("наслег", "masc"),
}


def _village(sentences: list[str]) -> str | None:
    """The village a gathering is in, in the nominative: «село Решма», «станица Кубанская»."""
    for sent in sentences[:6]:
        m = _VILLAGE.search(sent)
        if m is None:
            continue
        noun, name, second = m.groups()
        head, gender = _VILLAGE_NOUN.get(noun, (noun, ""))
        if second is not None and any(p.tag.POS == "ADJF" for p in analyzer().parse(name.lower())):
            return f"{head} {_two_word_village(name, second)}"
        adj = next(
            (
                p
                for p in analyzer().parse(name.lower())
                if p.tag.POS == "ADJF" and p.tag.case in {"loct", "ablt", "datv"}
            ),
            None,
        )
        if adj is not None and gender:
            form = adj.inflect({"nomn", "sing", gender})
            if form is not None:
                name = _cap_like(name, str(form.word))
        return f"{head} {name}"
    return None


def _two_word_village(adj: str, noun: str) -> str:
    """«Белая Глина» as written after «в селе», or in the nominative when it was declined
    with it («в Белой Глине»): the noun's nominative, the adjective agreeing with it."""
    noun_parse = next((p for p in analyzer().parse(noun.lower()) if p.tag.POS == "NOUN"), None)
    if noun_parse is None or noun_parse.tag.case == "nomn" or not analyzer().word_is_known(noun):
        return f"{adj} {noun}"  # (a noun no dictionary knows is kept as written: «Тойда»)
    noun_nom = noun_parse.inflect({"nomn", "sing"})
    gender = noun_parse.tag.gender
    adj_parse = next((p for p in analyzer().parse(adj.lower()) if p.tag.POS == "ADJF"), None)
    if noun_nom is None or adj_parse is None or gender is None:
        return f"{adj} {noun}"
    adj_nom = adj_parse.inflect({"nomn", "sing", gender})
    if adj_nom is None:
        return f"{adj} {noun}"
    return f"{_cap_like(adj, str(adj_nom.word))} {_cap_like(noun, str(noun_nom.word))}"


def _venue(sentences: list[str]) -> str | None:
    for sent in sentences:
        m = _VENUE.search(sent)
        if m:
            # «театр танца им. Ивановой»: the sentence was cut at «им.»
            venue = re.sub(r"\s+им$", "", m.group(1).strip())
            if venue[:1].isupper() or "«" in venue:
                return nominal_phrase(venue, _VENUE_LEMMAS)
    return None
