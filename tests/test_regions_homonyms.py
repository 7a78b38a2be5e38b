"""Homonyms of the twelfth wave, on sentences written for these tests: district names several
regions share, a district's adjective that is not its namesake region, villages and parts of
towns named like a town (or a district's centre) elsewhere, rivers named like towns, and the
far ends of a link."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a district two regions have, nothing else to say which: neither (and never the
        # region of the adjective, Красноярский край, which has no district so named)
        ("Администрация Красноярского района подвела итоги конкурса.", set()),
        ("В Красноярском районе Астраханской области открыли школу.", {"RU-AST"}),
        ("В Красноярском районе Самарской области открыли школу.", {"RU-SAM"}),
        ("Красноярский район и Красноярск обменялись опытом.", {"RU-KYA"}),
        # one region's district, so named, stays its own
        ("В Ставропольском районе открыли школу.", {"RU-SAM"}),
        ("В Ростовском районе отремонтировали дорогу.", {"RU-YAR"}),
    ],
)
def test_shared_district_names(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject whose districts the catalogue does not know: a district named like one
        # elsewhere is its own when nothing else names the other region
        (
            "Глава Черниговского муниципального округа рассказала о ремонте дорог. "
            "Дети Запорожской области побывали на экскурсиях.",
            {"RU-ZAP": "main"},
        ),
        # the other region named too: the district stays there
        (
            "Делегация Черниговского района Приморского края приехала в Запорожскую область.",
            {"RU-PRI": "main", "RU-ZAP": "main"},
        ),
    ],
)
def test_districts_of_subjects_without_district_data(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stanitsa named like another region's district, in a story set elsewhere
        (
            "Глава Дигорского района осмотрел мосты в г. Дигоре и ст. Николаевской.",
            {"RU-SE"},
        ),
        # alone, it is still that district's centre
        ("Жители станицы Николаевской собрались на сход.", {"RU-VGG"}),
        # a microdistrict named like another region's district centre
        (
            "Воронежская городская Дума решила: школа будет построена в микрорайоне Шилово.",
            {"RU-VOR"},
        ),
        # a district's centre among villages the catalogue does not know
        ("Без света остались Стёпаново, Дуброво, Федосово и Миндюкино.", set()),
        ("Без света остались Стёпаново и Дуброво.", {"RU-BRY"}),
    ],
)
def test_villages_and_town_parts(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Над Обью пролетят самолёты, праздник пройдёт в Барнауле.", {"RU-ALT"}),
        ("Томск стоит на Томи, Барнаул на Оби.", {"RU-TOM", "RU-ALT"}),
        ("Жители Оби получили новые квартиры.", {"RU-NVS"}),
        ("Катера ходят по Печоре до самого устья.", set()),
    ],
)
def test_rivers_named_like_towns(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the hub of the link is the story, its far ends passing
        (
            "Новые автобусные маршруты свяжут Херсонщину с Крымом и Кубанью.\n"
            "Маршруты должны начать работу весной.",
            {"RU-KHE": "main", "RU-CR": "mentioned", "RU-KDA": "mentioned"},
        ),
        # «Минводы» is Минеральные Воды
        (
            "В Екатеринбурге приземлился рейс. Лайнер проследовал далее по маршруту "
            "Ижевск - Минводы.",
            {"RU-SVE": "main", "RU-UD": "mentioned", "RU-STA": "mentioned"},
        ),
    ],
)
def test_links_and_routes(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected
