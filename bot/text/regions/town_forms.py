"""The cases of a town's name that the dictionary does not lead back to it.

The index matches a word by its lemmas, and a town's word by the lemmas of its nominative
(`bot.text.regions.gazetteer.word_lemmas`). Where the dictionary does not know the name, or
knows its oblique forms as another word's, a form of the name never meets it: «в Старой
Руссе» is read as «русс», «в Лаишеве» as the name «Лаишева», «в Спасске-Дальнем», «Курчалоя»,
«в Покачах» as nothing at all. `oblique_forms` declines a word of a name by its ending (a
noun, an adjective, a plural, a compound with a hyphen), the dictionary's own paradigm added;
the index then holds the forms, as written, that its lemmas miss.
"""

from __future__ import annotations

from functools import lru_cache

from bot.text.morph import analyzer, fold

__all__ = ["oblique_forms"]

_VELAR = "гкх"
_HUSHING = "жшчщ"
_CONSONANTS = "бвгджзклмнпрстфхцчшщ"
# Adjective endings of the nominative, each with its oblique endings (gent, datv, ablt, loct;
# the accusative is the nominative's or the genitive's).
_ADJECTIVE = {
    "ый": ("ого", "ому", "ым", "ом"),
    "ой": ("ого", "ому", "ым", "ом"),
    "ая": ("ой", "ую", "ою"),
    "яя": ("ей", "юю", "ею"),
    "ое": ("ого", "ому", "ым", "ом"),
    "ее": ("его", "ему", "им", "ем"),
    "ые": ("ых", "ым", "ыми"),
    "ие": ("их", "им", "ими"),
    "ье": ("ьего", "ьему", "ьим", "ьем"),  # «Щучье»: a possessive adjective
}
# First parts of a compound that do not decline: «Горно-Алтайска», «Усть-Кута», «Гусь-Хрустального»
# (not «Усолья-Сибирского»).
_FIXED_HEAD_ENDINGS = ("о", "ь")


@lru_cache(maxsize=4096)
def oblique_forms(word: str) -> frozenset[str]:
    """Folded forms of one word of a town's name («Русса», «Лаишево», «Спасск-Дальний») in
    the singular's cases (a plural name's in the plural's), by its ending and by the
    dictionary's paradigm of the name. A hyphenated word: «Ростова-на-Дону» (the head
    declines), «Спасске-Дальнем» (both parts), «Усть-Куте» (the tail)."""
    low = fold(word)
    parts = low.split("-")
    if len(parts) == 3 and parts[1] in ("на", "над", "под"):
        tail = "-".join(parts[1:])
        return frozenset(f"{h}-{tail}" for h in _word_forms(parts[0]))
    if len(parts) == 2 and all(parts):
        head, tail = parts
        tails = _word_forms(tail) | {tail}
        out = {f"{head}-{t}" for t in tails}  # «Усть-Куте», «Гусь-Хрустальном»
        if not head.endswith(_FIXED_HEAD_ENDINGS) and _adjective_ending(tail):
            # «Каменске-Уральском»: the noun and the adjective in the same case
            heads = _cased(head)
            tails_cased = _cased(tail)
            out |= {f"{h}-{t}" for case, hs in heads.items() for h in hs for t in tails_cased[case]}
        return frozenset(out - {low})
    return frozenset(_word_forms(low) - {low})


def _adjective_ending(word: str) -> str:
    for end in _ADJECTIVE:
        if word.endswith(end):
            return end
    return "ий" if word.endswith("ий") else ""


def _word_forms(low: str) -> set[str]:
    out: set[str] = set()
    for forms in _cased(low).values():
        out |= forms
    return out


_CASES = ("gent", "datv", "ablt", "loct")
_PERSON = frozenset(["Name", "Surn", "Patr"])
# «Лаишево», «Тейково»: the dictionary may call them indeclinable; the news declines them too.
_DECLINED_ANYWAY = ("ово", "ево", "ёво", "ино", "ыно")


@lru_cache(maxsize=4096)
def _cased(low: str) -> dict[str, frozenset[str]]:
    """The forms of a one-part word by case (gent, datv, ablt, loct): the dictionary's, for a
    name it declines («Поле» is no «Пола»); else by the word's ending too, but for the forms
    that are another word's lemma («Тосна», a river, of Тосно)."""
    paradigm, known = _paradigm(low)
    if known and not low.endswith(_DECLINED_ANYWAY):
        return paradigm
    morph = analyzer()
    out: dict[str, frozenset[str]] = {}
    for case, forms in _by_ending(low).items():
        own = {
            f
            for f in forms
            if not (
                morph.word_is_known(f) and any(fold(q.normal_form) == f for q in morph.parse(f))
            )
        }
        out[case] = paradigm[case] | own
    return out


@lru_cache(maxsize=4096)
def _paradigm(low: str) -> tuple[dict[str, frozenset[str]], bool]:
    """The dictionary's forms of the nominative readings of ``low`` (a noun's; an adjective's
    in its gender), by case, in its number; and whether it declines any (not «Fixd»)."""
    out: dict[str, set[str]] = {c: set() for c in _CASES}
    known = False
    for p in analyzer().parse(low):
        if (
            p.tag.case != "nomn"
            or fold(p.word) != low
            or p.tag.POS not in ("NOUN", "ADJF")
            or p.tag.grammemes & _PERSON  # («Серги» the surname declines as no town does)
        ):
            continue
        known = known or "Fixd" not in p.tag.grammemes
        for f in p.lexeme:
            if (
                f.tag.number == p.tag.number
                and f.tag.case in out
                and (p.tag.POS == "NOUN" or f.tag.gender == p.tag.gender)
            ):
                out[str(f.tag.case)].add(fold(f.word))
    return {c: frozenset(v) for c, v in out.items()}, known


def _by_ending(low: str) -> dict[str, set[str]]:
    """A word's cases by its ending: an adjective's («Чусовой», «Щучье»), a noun's."""
    out: dict[str, set[str]] = {c: set() for c in _CASES}
    end = _adjective_ending(low)
    if end:
        stem = low[: -len(end)]
        endings: tuple[str, ...] = _ADJECTIVE.get(end, ())
        if end == "ий":
            soft = stem[-1:] not in _VELAR
            endings = ("его", "ему", "им", "ем") if soft else ("ого", "ому", "им", "ом")
        if len(endings) == 3:  # feminine and plural: the genitive is the locative
            endings = (*endings, endings[0])
        for case, ending in zip(_CASES, endings, strict=True):
            if ending[0] == "ы" and stem[-1:] in _VELAR + _HUSHING:
                ending = "и" + ending[1:]  # noqa: PLW2901 - «Сибирским», «Горячим»
            out[case].add(stem + ending)
    if not end or end in ("ой", "ье"):  # («Курчалой», «Усолье»: nouns too)
        for case, forms in _noun(low).items():
            out[case] |= forms
    return out


def _noun(low: str) -> dict[str, set[str]]:
    """A noun's cases by its ending: masculine («Белев»: «Белева», «Белеве»), feminine
    («Русса», «Лагань»), neuter («Лаишево»: «Лаишева», «Лаишеве»), plural («Покачи»)."""
    last = low[-1:]
    stem = low[:-1]
    if last in _CONSONANTS:
        ablt = {low + "ом", low + "ем"} if last in _HUSHING + "ц" else {low + "ом"}
        out = {"gent": {low + "а"}, "datv": {low + "у"}, "ablt": ablt, "loct": {low + "е"}}
        if low.endswith(("ок", "ёк")) and len(low) > 3:  # «Починок»: «Починка»
            short = low[:-2] + "к"
            for case, e in (("gent", "а"), ("datv", "у"), ("ablt", "ом"), ("loct", "е")):
                out[case].add(short + e)
        return out
    if last == "й":
        return {
            "gent": {stem + "я"},
            "datv": {stem + "ю"},
            "ablt": {stem + "ем"},
            "loct": {stem + "е"},
        }
    if last == "ь":  # a feminine («Лагань») or a masculine («Ярославль»)
        return {
            "gent": {stem + "и", stem + "я"},
            "datv": {stem + "и", stem + "ю"},
            "ablt": {low + "ю", stem + "ем"},
            "loct": {stem + "и", stem + "е"},
        }
    if last == "а":
        y = "и" if stem[-1:] in _VELAR + _HUSHING else "ы"
        o = "е" if stem[-1:] in _HUSHING + "ц" else "о"
        return {
            "gent": {stem + y},
            "datv": {stem + "е"},
            "ablt": {stem + o + "й", stem + o + "ю"},
            "loct": {stem + "е"},
        }
    if last == "я":
        ie = "и" if low.endswith("ия") else "е"
        return {
            "gent": {stem + "и"},
            "datv": {stem + ie},
            "ablt": {stem + "ей", stem + "ею"},
            "loct": {stem + ie},
        }
    if low.endswith("ье"):  # «Усолье»: «Усолья»
        return {"gent": {stem + "я"}, "datv": {stem + "ю"}, "ablt": {low + "м"}, "loct": {low}}
    if last in "ое":  # «Лаишево»: «Лаишева», «Лаишеве» (or, as often, not declined at all)
        return {
            "gent": {stem + "а"},
            "datv": {stem + "у"},
            "ablt": {stem + "ом"},
            "loct": {stem + "е"},
        }
    if last in "ыи" and len(low) > 3:  # a plural: «Покачи», «Туймазы»
        soft = last == "и" and stem[-1:] not in _VELAR + _HUSHING
        a = "я" if soft else "а"
        gent = {stem + ("ей" if soft or stem[-1:] in _HUSHING else "ов")}
        if stem[-1:] in "кг" and len(stem) > 2 and stem[-2] in _CONSONANTS:
            # «Липки», «Серги»: «Липок», «Серег» (a vowel comes in)
            gent |= {stem[:-1] + v + stem[-1] for v in "ое"}
        elif stem[-1:] in _CONSONANTS:
            gent.add(stem)  # «Печоры»: «Печор»
        return {
            "gent": gent,
            "datv": {stem + a + "м"},
            "ablt": {stem + a + "ми"},
            "loct": {stem + a + "х"},
        }
    return {}
