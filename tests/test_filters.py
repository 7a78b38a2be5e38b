"""Keyword filters: parsing /filter arguments into lemmas and the pass/fail rule."""

from __future__ import annotations

import pytest

from bot.text.filters import (
    MAX_FILTER_WORDS,
    FilterSpec,
    FilterSyntaxError,
    FilterWordSpec,
    parse_filter,
    passes,
    text_lemmas,
)
from storage.subscriptions import ChatFilters


def test_plus_and_minus_words_become_lemmas() -> None:
    spec = parse_filter("+форума -Рекламы")
    assert spec.include == frozenset({"форум"})
    assert spec.exclude == frozenset({"реклама"})
    assert spec.add == (
        FilterWordSpec("форум", "форума", True),
        FilterWordSpec("реклама", "рекламы", False),
    )
    assert not spec.clear and spec.remove == ()


def test_bare_word_includes_and_bang_removes() -> None:
    spec = parse_filter("сессия !форум")
    assert spec.include == frozenset({"сессия"})
    assert spec.remove == ("форум",)


def test_the_last_sign_of_a_repeated_word_wins() -> None:
    spec = parse_filter("+форум -форумы")
    assert spec.include == frozenset() and spec.exclude == frozenset({"форум"})


def test_typographic_minus_signs_exclude() -> None:
    assert parse_filter("−выборы –дорога").exclude == frozenset({"выборы", "дорога"})


@pytest.mark.parametrize("word", ["clear", "очистить", "CLEAR", "Сбросить"])
def test_clear(word: str) -> None:
    assert parse_filter(word) == FilterSpec(clear=True)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("+", "not_a_word"),
        ("+.*", "not_a_word"),
        ("+два-слова", "not_a_word"),
        ("-(форум|сессия)", "not_a_word"),
        ("+" + "я" * 41, "too_long"),
        (" ".join(f"+слово{i}" for i in range(MAX_FILTER_WORDS + 1)), "too_many"),
    ],
)
def test_unreadable_input_is_refused(args: str, reason: str) -> None:
    with pytest.raises(FilterSyntaxError) as info:
        parse_filter(args)
    assert info.value.reason == reason


def test_regex_characters_are_not_special() -> None:
    # "+форум*" is the word «форум»: the star is dropped, it is not a wildcard.
    assert parse_filter("+форум*").include == frozenset({"форум"})


def test_text_lemmas_cover_inflected_forms() -> None:
    lemmas = text_lemmas("Форумы прошли в Абакане", "участники форума")
    assert {"форум", "пройти", "абакан", "участник"} <= lemmas


@pytest.mark.parametrize("text", ["Открылся форум", "На форуме", "Форумы региона", "ФОРУМА"])
def test_include_matches_any_case_of_the_word(text: str) -> None:
    filters = ChatFilters(include=parse_filter("+форум").include)
    assert passes(filters, text_lemmas(text))


def test_include_requires_one_of_the_words() -> None:
    filters = ChatFilters(include=frozenset({"форум", "сессия"}))
    assert passes(filters, text_lemmas("Сессия совета депутатов"))
    assert not passes(filters, text_lemmas("Ремонт дорог в Абакане"))


def test_exclude_wins_over_include() -> None:
    filters = ChatFilters(include=frozenset({"форум"}), exclude=frozenset({"реклама"}))
    assert passes(filters, text_lemmas("Форум в Казани"))
    assert not passes(filters, text_lemmas("Форум в Казани. Реклама"))
    assert not passes(filters, text_lemmas("Рекламы на форуме"))


def test_empty_filters_pass_everything() -> None:
    assert passes(ChatFilters(), frozenset())
    assert passes(ChatFilters(), text_lemmas("что угодно"))


def test_only_exclude() -> None:
    filters = ChatFilters(exclude=parse_filter("-погода").exclude)
    assert passes(filters, text_lemmas("Форум"))
    assert not passes(filters, text_lemmas("О погоде на выходные"))
