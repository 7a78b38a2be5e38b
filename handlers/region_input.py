"""A region as a user types it, resolved the one way every command does.

``/subscribe``, ``/unsubscribe``, ``/latest``, ``/events``, ``/summary``, ``/settings tz``
and ``/addsource`` all call :func:`region_code` (or :func:`target_code`, which also takes
«вся Россия» for subscriptions). The words themselves are read by
:func:`bot.text.regions.resolve_region` (names in any case, English names, abbreviations,
codes, towns, typos with suggestions), which the CLI uses as well.
"""

from __future__ import annotations

import html

from bot.errors import UnknownRegionError
from bot.render import cut_words
from bot.text.catalogue import REGIONS, Region
from bot.text.regions import resolve_region
from storage.subscriptions import ALL_REGIONS

__all__ = ["ALL_WORDS", "region_code", "resolve_user_region", "target_code", "unknown_region"]

# Words that mean «every region» to a subscription.
ALL_WORDS = frozenset(
    w.replace("ё", "е")
    for w in (
        "*", "все", "всё", "вся", "вся россия", "всю россию", "россия", "рф", "вся страна",
        "all", "all of russia", "russia", "everything",
    )
)  # fmt: skip

# English names, for the resolver's Russian-first reading ("khakassia", "moscow").
_BY_ENGLISH: dict[str, Region] = {r.name_en.casefold(): r for r in REGIONS}

_TEXTS = {
    "ru": (
        "Не знаю такого региона: «{query}».",
        "Может быть: {names}?",
        "Напишите название, город или код региона, например <code>Хакасия</code> или "
        "<code>19</code>; список регионов — /regions.",
    ),
    "en": (
        "I don't know the region «{query}».",
        "Did you mean: {names}?",
        "Type a region's name, a town or a code, e.g. <code>Khakassia</code> or "
        "<code>19</code>; the list of regions: /regions.",
    ),
}


def _fold(words: str) -> str:
    return " ".join(words.casefold().replace("ё", "е").split())


def resolve_user_region(words: str) -> tuple[Region | None, tuple[Region, ...]]:
    """(the region, suggestions): the region is None when the words name none."""
    english = _BY_ENGLISH.get(_fold(words))
    if english is not None:
        return english, ()
    resolution = resolve_region(words)
    return resolution.region, tuple(resolution.suggestions)


def unknown_region(words: str, suggestions: tuple[Region, ...] = ()) -> UnknownRegionError:
    """The polite answer to words that name no region, with suggestions when there are."""
    shown = html.escape(cut_words(" ".join(words.split()), 60), quote=False)
    texts: dict[str, str] = {}
    for lang, (head, suggest, hint) in _TEXTS.items():
        lines = [head.format(query=shown)]
        if suggestions:
            names = ", ".join(
                html.escape(r.name_en if lang == "en" else r.name, quote=False)
                for r in suggestions[:3]
            )
            lines.append(suggest.format(names=names))
        lines.append(hint)
        texts[lang] = "\n".join(lines)
    return UnknownRegionError(words, [r.code for r in suggestions], texts["ru"], texts["en"])


def region_code(words: str) -> str:
    """The region code the words name, or :class:`UnknownRegionError` (with suggestions)."""
    region, suggestions = resolve_user_region(words)
    if region is None:
        raise unknown_region(words, suggestions)
    return region.code


def target_code(words: str) -> tuple[str | None, tuple[Region, ...]]:
    """For subscriptions: a region code or ``*`` («вся Россия»), else (None, suggestions)."""
    if _fold(words) in ALL_WORDS:
        return ALL_REGIONS, ()
    region, suggestions = resolve_user_region(words)
    return (region.code if region else None), suggestions
