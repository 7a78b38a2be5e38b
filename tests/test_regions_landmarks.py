"""The landmarks that decide a homonym are found in every spelling their pattern allows,
though a text is searched only for those whose rarest letters it holds."""

from __future__ import annotations

import pytest

from bot.text.regions.homonyms import _landmarks


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Туристы поднялись в Хибины.", "RU-MUR"),
        ("Экскурсия на Кижах собрала гостей.", "RU-KR"),
        ("Паломники приехали на Соловки.", "RU-ARK"),
        ("Соловецкий монастырь открыл выставку.", "RU-ARK"),
        ("Вертолёт доставил туристов в Долину гейзеров.", "RU-KAM"),
        ("Сезон на Розе Хуторе открыли в декабре.", "RU-KDA"),
        ("В Старой Ладоге прошли раскопки.", "RU-LEN"),
        ("Туристы поднялись на плато Путорана.", "RU-KYA"),
        ("Спелеологи спустились в Шульган-Таш.", "RU-BA"),
    ],
)
def test_each_spelling_of_a_landmark_is_found(text: str, code: str) -> None:
    assert _landmarks(text) == {code}


@pytest.mark.parametrize(
    "text",
    [
        "Старая школа на хуторе Весёлом закрылась на ремонт.",  # «стар», «хутор»: no landmark
        "В Кировске открыли новую библиотеку.",
    ],
)
def test_a_text_without_a_landmark_names_none(text: str) -> None:
    assert _landmarks(text) == set()
