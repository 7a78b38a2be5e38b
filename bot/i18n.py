"""User languages and per-feature text tables: Russian first, English for English users."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["ru", "en"]


def lang_of(language_code: str | None) -> Lang:
    """Telegram's ``language_code`` -> the language we answer in (Russian by default)."""
    if language_code and language_code.lower().split("-")[0] == "en":
        return "en"
    return "ru"


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The Russian form for ``n``: 1 событие, 2 события, 5 событий, 11 событий, 21 событие."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count_words(n: int, lang: str, ru: tuple[str, str, str], en: tuple[str, str]) -> str:
    """«2 события» / «2 events»: the number with its noun in the right form."""
    if lang == "en":
        return f"{n} {en[0] if n == 1 else en[1]}"
    return f"{n} {plural_ru(n, *ru)}"


class Texts:
    """A table of message templates for one feature: ``T("key", lang, **fields)``.

    Templates are ``str.format`` strings in Telegram HTML; callers escape the fields.
    Missing English falls back to Russian, so a forgotten key never breaks a reply.
    """

    def __init__(self, ru: Mapping[str, str], en: Mapping[str, str]) -> None:
        missing = set(en) - set(ru)
        if missing:
            raise ValueError(f"English-only text keys: {sorted(missing)}")
        self.ru = dict(ru)
        self.en = dict(en)

    def __call__(self, key: str, lang: str, /, **fields: object) -> str:
        table = self.en if lang == "en" else self.ru
        template = table.get(key) or self.ru[key]
        return template.format(**fields) if fields else template


def plural_en(n: int, one: str, many: str) -> str:
    return one if abs(n) == 1 else many
