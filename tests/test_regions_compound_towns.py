"""Adjectives of two-word towns («Нижнетагильская городская Дума», «верхнепышминские
школьники»): the town's region, when the dictionary knows the adjective."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> list[str]:
    return [m.code for m in tag_regions(text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Состоялось очередное заседание Нижнетагильской городской Думы.", "RU-SVE"),
        ("В нижнетагильских школах начались каникулы.", "RU-SVE"),
        ("Верхнепышминские школьники победили в олимпиаде.", "RU-SVE"),
        ("Белокалитвинские спасатели вытащили машину из реки.", "RU-ROS"),
        ("Краснохолмские ветераны встретились со школьниками.", "RU-TVE"),
        ("Большекаменские судостроители спустили на воду танкер.", "RU-PRI"),
        ("Минераловодский аэропорт принял первый рейс.", "RU-STA"),
    ],
)
def test_a_two_word_town_s_adjective_names_its_region(text: str, code: str) -> None:
    assert codes(text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Старорусские традиции живут в деревнях.",  # «Old Russian», not Старая Русса
        "Новогодние праздники прошли спокойно.",
        "Нижнетагильский металлургический комбинат выпустил рельсы.",  # a firm's name
    ],
)
def test_ordinary_words_and_firms_stay_out(text: str) -> None:
    assert codes(text) == []
