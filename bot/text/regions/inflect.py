"""A region's name in a grammatical case, for replies: «на Республику Хакасия», «в Москве».

`inflect_region(name, case)` declines word by word with pymorphy3 and keeps capitals:

* an adjective with its noun agree: «Ставропольский край» -> «Ставропольского края»,
  «Ханты-Мансийский автономный округ» -> «Ханты-Мансийском автономном округе»;
* after a generic head word («Республика», «город») the proper name stays in the nominative:
  «на Республику Хакасия», «в Республике Саха (Якутия)», «Республику Северная Осетия — Алания»;
* a part after a dash declines too unless the head is generic: «Ханты-Мансийский автономный
  округ — Югру», «Чувашскую Республику — Чувашию»; parentheses stay as they are;
* hyphenated words decline in the part that declines: «Санкт-Петербурге»,
  «Кабардино-Балкарской», «Ростове-на-Дону»; indeclinable names stay («Марий Эл», «Коми»).

Cases: ``nomn gent datv accs ablt loct`` or their Russian names («винительный»). Pure; the
dictionary loads on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from bot.text.morph import analyzer

__all__ = ["CASES", "inflect_region"]

CASES: dict[str, str] = {
    "nomn": "nomn",
    "gent": "gent",
    "datv": "datv",
    "accs": "accs",
    "ablt": "ablt",
    "loct": "loct",
    "именительный": "nomn",
    "родительный": "gent",
    "дательный": "datv",
    "винительный": "accs",
    "творительный": "ablt",
    "предложный": "loct",
}
# Head words after which the proper name is an apposition and stays nominative.
_APPOSITION_HEADS = frozenset(["республика", "город"])
# Words that do not decline in these names.
_INDECLINABLE = frozenset(["марий", "эл", "коми", "саха"])
_SEGMENT = re.compile(r"(\s+[—–-]\s+)")


def inflect_region(name: str, case: str) -> str:
    """``name`` in grammatical ``case`` (see `CASES`); unknown words stay as they are."""
    grammeme = CASES.get(case.strip().lower())
    if grammeme is None:
        raise ValueError(f"unknown case {case!r}; use one of {', '.join(CASES)}")
    if grammeme == "nomn" or not name.strip():
        return name
    parts = _SEGMENT.split(name)
    out: list[str] = []
    frozen = False  # after a generic head, the rest of the name stays nominative
    for k, part in enumerate(parts):
        if k % 2 == 1:  # a dash separator
            out.append(part)
            continue
        text, frozen = _segment(part, grammeme, frozen=frozen)
        out.append(text)
    return "".join(out)


def _segment(segment: str, case: str, *, frozen: bool) -> tuple[str, bool]:
    """One dash-free part of a name; returns it and whether what follows stays nominative."""
    if frozen:
        return segment, True
    # Parentheses stay as written: «Республика Саха (Якутия)».
    paren = segment.find("(")
    tail = segment[paren:] if paren >= 0 else ""
    head_text = segment[:paren] if paren >= 0 else segment
    words = head_text.split(" ")
    out: list[str] = []
    frozen_after = False
    for idx, word in enumerate(words):
        if not word:
            out.append(word)
            continue
        if frozen_after:
            out.append(word)
            continue
        low = word.lower()
        if low == "г.":
            out.append(word)  # «г. Москва» -> «г. Москве»
            continue
        out.append(_word(word, case))
        rest = [w for w in words[idx + 1 :] if w]
        # «Республика Хакасия»: the head declines, the name after it does not. An adjective
        # before the head («Чувашская Республика») agrees with it instead.
        if low in _APPOSITION_HEADS and rest and idx == 0:
            frozen_after = True
    result = " ".join(out) + tail
    return result, frozen_after


def _word(word: str, case: str) -> str:
    if "-" in word:
        pieces = word.split("-")
        whole = _inflect_piece(word, case)
        if whole is not None and whole.count("-") == word.count("-"):
            return _recase(word, whole)
        if len(pieces) >= 3 and pieces[1].lower() == "на":  # «Ростов-на-Дону»
            first = _inflect_piece(pieces[0], case)
            return "-".join([_recase(pieces[0], first or pieces[0]), *pieces[1:]])
        last = _inflect_piece(pieces[-1], case)
        return "-".join([*pieces[:-1], _recase(pieces[-1], last or pieces[-1])])
    inflected = _inflect_piece(word, case)
    return word if inflected is None else _recase(word, inflected)


@lru_cache(maxsize=4096)
def _inflect_piece(word: str, case: str) -> str | None:
    low = word.lower()
    if low in _INDECLINABLE or (word.isupper() and len(word) > 1):
        return None
    parse = _nominative_parse(low)
    if parse is None:
        return None
    grammemes = {case}
    if case == "accs" and parse.tag.POS == "ADJF" and parse.tag.gender in ("masc", None):
        grammemes.add("inan")  # «Ставропольский край», not «Ставропольского край»
    form = parse.inflect(grammemes)
    return None if form is None else str(form.word)


def _nominative_parse(low: str) -> Any:
    best = None
    for p in analyzer().parse(low):
        tag = p.tag
        if tag.case != "nomn" or tag.POS not in ("NOUN", "ADJF"):
            continue
        if "Fixd" in tag.grammemes:
            return None
        if tag.number == "plur" and "Pltm" not in tag.grammemes:
            continue
        if best is None or ("Geox" in tag.grammemes and "Geox" not in best.tag.grammemes):
            best = p
    return best


def _recase(original: str, word: str) -> str:
    """``word`` with the capitals of ``original``, part by part across hyphens."""
    o_parts = original.split("-")
    w_parts = word.split("-")
    if len(o_parts) != len(w_parts):
        return word[:1].upper() + word[1:] if original[:1].isupper() else word
    return "-".join(
        (w[:1].upper() + w[1:]) if o[:1].isupper() else w
        for o, w in zip(o_parts, w_parts, strict=True)
    )
