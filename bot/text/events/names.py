"""Event names: the proper name near a kind word, a descriptive label in the nominative, and
the comparison key (:func:`normalize_event_name`). Pure functions; pymorphy3 via
:mod:`bot.text.morph`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from bot.text.events.lexicon import _PLAN, _REPORT, _kind_re
from bot.text.events.scan import caseless
from bot.text.morph import analyzer
from bot.text.stems import stem, words

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
                and not caseless(_REPORT).search(gap)
                and not caseless(_PLAN).search(gap)
            ):
                return m.group(1).strip()
        elif m.start() < pos < m.end():
            # The kind word is inside the name, which takes the sentence's case:
            # «на открытии «Ирбитской ярмарки»» -> «Ирбитская ярмарка».
            return nominal_phrase(m.group(1).strip())
        elif not sentence[m.end() : pos].strip(" -–—"):
            return m.group(1).strip()
    return None


_PAST_ENDINGS = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")
_LABEL_WORD = re.compile(r"[А-ЯЁA-Z][\w-]*|[а-яё-]+", re.IGNORECASE)
_CONTENT = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})
_FUNCTION = frozenset({"PREP", "CONJ", "PRCL"})


@lru_cache(maxsize=20_000)
def _genitive(word: str) -> bool:
    """A word that may stand in the genitive tail of a name: «Совета», «депутатов», «Абакана»,
    an abbreviation («МР», «ЧР»); not «белорусским», «коллегой», «Виктором»."""

    if word.isupper() and len(word) <= 6:
        return True
    parses = analyzer().parse(word.lower())
    if parses and parses[0].tag.POS in _FUNCTION:  # «по», «для», «при»: never a name's tail
        return False
    return any(p.tag.POS in _CONTENT and p.tag.case in {"gent", "gen2"} for p in parses[:4])


_DAY_OF = re.compile(r"^д(?:ень|ня|ню|не|нём|нем)\b")
# The prepositional case of an anniversary's words and their nominative.
_ANNIVERSARY_NOMINATIVE = (("летии", "летие"), ("летнем", "летний"), ("юбилее", "юбилей"))


def _label(sentence: str, kind_pos: int, kind: str) -> str:
    """«сессия Совета депутатов Абакана»: the kind (nominative) and up to four words in the
    genitive that qualify it; «Дню города Мценска» -> «День города Мценска»."""
    rx = _kind_re(kind)
    low = sentence.lower()
    m = rx.match(low, kind_pos)
    end = m.end() if m else kind_pos
    head = kind
    if m is not None and _DAY_OF.match(m.group(0)):
        head = "День " + sentence[kind_pos:end].split(None, 1)[1]
    elif (
        m is not None
        and kind in {"встреча", "отчёт"}
        and m.group(0).startswith(("встрет", "отчит"))
    ):
        # Told by its verb: «встретился с жителями деревни» -> «встреча с жителями деревни».
        said = sentence[kind_pos:end]
        cut = said.find(" перед ") if kind == "отчёт" else said.find(" с ")
        head = kind + (said[cut:] if cut > 0 else "")
    elif m is None and kind == "форум" and sentence.startswith("Совет", kind_pos):
        # A council counted like a forum: «во втором Совете регионов» -> «Совет регионов».
        head = "Совет"
        end = kind_pos + len(sentence[kind_pos:].split(maxsplit=1)[0])
    elif m is not None and kind == "праздник" and m.group(0).startswith("на "):
        # A place's anniversary attended: «на 365-летии Нерчинска» -> «365-летие Нерчинска».
        said = sentence[kind_pos + 3 : end]
        for case, nominative in _ANNIVERSARY_NOMINATIVE:
            said = said.replace(case, nominative, 1)
        head = said
    elif m is not None and kind == "премьера":
        # «премьеру нового спектакля» -> «премьера спектакля»: the genitive after it stays.
        head = f"{kind} {sentence[kind_pos:end].rsplit(maxsplit=1)[-1]}"
    words_: list[str] = [head]
    for token in sentence[end:].split()[:4]:
        word = token.strip(",.;:!?()")
        if (
            not word
            or (word != token and not token.startswith(word))
            or not _LABEL_WORD.fullmatch(word)
            or _GAP_STOP.fullmatch(word)
            or _REPORT.fullmatch(word)
            or _PLAN.fullmatch(word)
            or (word[:1].islower() and word.endswith(_PAST_ENDINGS))
            or not _genitive(word)
        ):
            break
        words_.append(word)
        if word != token:
            break  # punctuation ends the phrase
    return " ".join(words_)


def _cap_like(src: str, out: str) -> str:
    if src.isupper() and len(src) > 1:
        return out.upper()
    return out[:1].upper() + out[1:] if src[:1].isupper() else out


@lru_cache(maxsize=20_000)
def _nominative(word: str) -> str:
    """«Абаканом» -> «Абакан»; a word that is no noun stays as it is."""

    for p in analyzer().parse(word):
        if "NOUN" in p.tag:
            form = p.inflect({"nomn", "sing"}) if "Pltm" not in p.tag else p.inflect({"nomn"})
            if form is not None:
                return _cap_like(word, str(form.word))
    return word


def _inflect_head(words_: list[str], prefer: frozenset[str] = frozenset()) -> list[str] | None:
    """Adjectives and their head noun, in the nominative, agreeing; None when not a phrase.
    ``prefer``: lemmas the head is known to be when the word form is ambiguous («парке» is
    «парк», not the jacket «парка»)."""

    morph = analyzer()
    *adjs, head = words_
    parts = head.split("-")
    head_parses = [p for p in morph.parse(parts[0].lower()) if p.tag.POS == "NOUN"]
    if not head_parses:
        return None
    preferred = [p for p in head_parses if p.normal_form in prefer]
    if preferred:
        head_parses = preferred + [p for p in head_parses if p not in preferred]
    adj_parses = [
        [p for p in morph.parse(a.lower()) if p.tag.POS in {"ADJF", "PRTF"}] for a in adjs
    ]
    if any(not ps for ps in adj_parses):
        return None
    chosen = head_parses[0]
    if adj_parses:
        keys = {(p.tag.case, p.tag.number) for p in adj_parses[0]}
        chosen = next((p for p in head_parses if (p.tag.case, p.tag.number) in keys), chosen)
    number = chosen.tag.number or "sing"
    gender = chosen.tag.gender
    head_form = chosen.inflect({"nomn", number})
    if head_form is None:
        return None
    out_parts = [_cap_like(parts[0], str(head_form.word))]
    for extra in parts[1:]:
        noun = next((p for p in morph.parse(extra.lower()) if p.tag.POS == "NOUN"), None)
        form = noun.inflect({"nomn", noun.tag.number or "sing"}) if noun is not None else None
        out_parts.append(_cap_like(extra, str(form.word)) if form is not None else extra)
    out: list[str] = []
    for adj, ps in zip(adjs, adj_parses, strict=True):
        want = {"nomn", number} if number == "plur" or gender is None else {"nomn", number, gender}
        p = next((x for x in ps if x.tag.case == chosen.tag.case), ps[0])
        form = p.inflect(want) or p.inflect({"nomn", number})
        out.append(_cap_like(adj, str(form.word)) if form is not None else adj)
    out.append("-".join(out_parts))
    return out


def _adjective_before_noun(parses: list[Any], following: str) -> bool:
    """The word can be an adjective agreeing in case with a noun that follows it."""
    cases = {p.tag.case for p in parses if p.tag.POS in {"ADJF", "PRTF"}}
    if not cases or not re.fullmatch(r"[А-Яа-яЁё]+", following):
        return False
    return any(
        p.tag.POS == "NOUN" and p.tag.case in cases for p in analyzer().parse(following.lower())
    )


@lru_cache(maxsize=8192)
def nominal_phrase(phrase: str, prefer: frozenset[str] = frozenset()) -> str:
    """A noun phrase in the nominative: its head and the adjectives before it change, the
    genitive tail and any quoted name stay: «Международной выставки-форума «Россия»» ->
    «Международная выставка-форум «Россия»», «Абаканом» -> «Абакан»."""
    tokens = phrase.split(" ")
    if not tokens or not tokens[0] or not tokens[0][:1].isalpha():
        return phrase
    if tokens[0].isupper() and len(tokens[0]) > 1:
        return phrase  # an abbreviation leads: «ГМЗ «Ростовский кремль»»

    morph = analyzer()
    for i, token in enumerate(tokens[:4]):
        if not re.fullmatch(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?", token):
            return phrase
        first = token.split("-")[0].lower()
        parses = morph.parse(first)
        if i + 1 < len(tokens) and _adjective_before_noun(parses, tokens[i + 1]):
            continue  # «Прямую линию»: «прямая» is a noun too, but here it is the adjective
        if any(p.tag.POS == "NOUN" for p in parses[:2]):
            inflected = _inflect_head(tokens[: i + 1], prefer)
            if inflected is None:
                return phrase
            return " ".join([*inflected, *tokens[i + 1 :]])
    return phrase
