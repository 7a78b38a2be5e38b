"""The one resolver for what a user types: `resolve_region` and `regions_in_query`.

Accepted, in any letter case: Russian names in any grammatical case («хакасию»), English
names («Khakassia», «Moscow Oblast», «Tatarstan Republic»), abbreviations («ХМАО», «РХ»),
ISO codes with or without the country («RU-KK», «kk»), number codes («19»), capitals, towns
and districts («Ковров», «Ковровский район»), informal names («Кузбасс», «Питер»). A typo
(«Хакассия») or an ambiguous form («Алтай», «Советск») gives no region and up to three
suggestions.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from bot.text.catalogue import REGIONS, Region, by_code
from bot.text.morph import fold
from bot.text.regions.filters import lem, match_at
from bot.text.regions.gazetteer import gazetteer
from bot.text.regions.lexicon import CULTURE_AFTER, HISTORY_AFTER, NATURE, STREET_AFTER
from bot.text.regions.model import RegionResolution
from bot.text.regions.tokens import Word, tokens
from bot.text.towns import towns

__all__ = ["regions_in_query", "resolve_region"]


def _query_hits(query: str) -> tuple[list[tuple[tuple[str, ...], int, int, bool]], list[Word]]:
    """Lenient matching for user input: lower case allowed, no sentence or person rules."""
    gaz = gazetteer()
    words, _ = tokens(query, [(0, len(query))])
    out: list[tuple[tuple[str, ...], int, int, bool]] = []
    i = 0
    while i < len(words):
        w = words[i]
        code = _code_form(w.text, bare=False)
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
        found = match_at(words, i, gaz)
        if found is not None:
            e, j = found
            nxt_l = lem(words[j]) if j < len(words) else frozenset()
            if all(e.generic) or (
                e.kind == "adjective"
                and nxt_l & (STREET_AFTER | NATURE | CULTURE_AFTER | HISTORY_AFTER)
            ):
                i += 1  # «татарский язык», «казанский вокзал» are search words, not regions
                continue
            if e.homonym and e.default:
                out.append(((e.default,), i, j, e.weak))  # «киров»: Кировская область
            else:
                out.append((e.codes, i, j, e.weak or e.homonym))
            i = j
            continue
        i += 1
    return out, words


@lru_cache(maxsize=1)
def _english() -> dict[str, Region]:
    """English names, with and without the kind word: «moscow oblast», «khakassia»."""
    kinds = r"\b(?:oblast|krai|republic|of|the|autonomous|okrug|region|province|city)\b"
    out: dict[str, Region] = {}
    for r in REGIONS:
        for form in (r.name_en, *r.name_en.replace("(", "-").replace(")", "").split(" - ")):
            key = _en_key(form)
            out.setdefault(key, r)
            bare = re.sub(kinds, " ", key)
            out.setdefault(" ".join(bare.split()), r)
    out.pop("", None)
    out["moscow"] = by_code("RU-MOW") or out["moscow"]
    out["st petersburg"] = out["petersburg"] = out["saint petersburg"]
    return out


def _en_key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower().replace("'", "")).split())


@lru_cache(maxsize=1)
def _abbr_exact() -> dict[str, Region]:
    """Whole-query abbreviations, any case, including ones razdel splits («РС(Я)»)."""
    return {a.upper(): r for r in REGIONS for a in r.abbreviations}


@lru_cache(maxsize=1)
def _abbr_ci() -> dict[str, tuple[tuple[str, ...], bool]]:
    return {k.upper(): v for k, v in gazetteer().abbreviations.items() if len(k) >= 3}


def _code_form(word: str, *, bare: bool = True) -> str | None:
    """«RU-KK», or with ``bare`` «KK» too (any case, Latin letters) -> its code."""
    m = re.fullmatch(r"(?i)(?:ru-)?([a-z]{2,3})" if bare else r"(?i)ru-([a-z]{2,3})", word)
    if m:
        region = by_code(f"RU-{m.group(1)}")
        return region.code if region else None
    return None


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, str]:
    forms: dict[str, str] = {}
    for r in REGIONS:
        for f in (r.name, r.short, *r.names, r.name_en, *r.towns, *r.adjectives, *r.abbreviations):
            forms.setdefault(fold(f), r.code)
    for t in towns():
        forms.setdefault(fold(t.name), t.code)
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
    q = " ".join(query.split())
    if not q:
        return RegionResolution(None, ())
    code = _code_form(q)
    direct = (by_code(code) if code else None) or _abbr_exact().get(q.upper())
    if direct is None and q.isascii():
        direct = _english().get(_en_key(q))
    if direct is None and q.isascii() and q.isdigit() and len(q) <= 3:
        code = gazetteer().numbers.get(int(q))
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
