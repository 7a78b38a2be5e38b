"""Parliaments that only one region has name it («Верховный Хурал», «Ил Тумэн»), and people
arriving from one place to another are the news of where they arrive. On sentences written
for these tests."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Депутаты Верховного Хурала приняли закон о бюджете.", {"RU-TY": "main"}),
        ("Ил Тумэн рассмотрел законопроект о пастбищах.", {"RU-SA": "main"}),
        ("Сессия Эл Курултая открылась во вторник.", {"RU-AL": "main"}),
        # a foreign parliament of the same word is no region
        ("Великий государственный хурал Монголии принял закон.", {}),
    ],
)
def test_a_parliament_only_one_region_has_names_it(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Из Москвы в Томск прибыли гости фестиваля.",
            {"RU-MOW": "mentioned", "RU-TOM": "main"},
        ),
        (
            "Из Курска в Тамбов приехала делегация ветеранов.",
            {"RU-KRS": "mentioned", "RU-TAM": "main"},
        ),
        # controls: a route, and a sending-off, keep their own reading
        (
            "Из Курска в Тамбов запустят новый автобусный рейс.",
            {"RU-KRS": "main", "RU-TAM": "mentioned"},
        ),
        (
            "Из Курска в Тамбов прибыл первый поезд нового маршрута.",
            {"RU-KRS": "main", "RU-TAM": "mentioned"},
        ),
    ],
)
def test_people_arriving_are_news_where_they_arrive(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected
