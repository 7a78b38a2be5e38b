"""Roles of the twenty-fourth wave, on sentences written for these tests: the places a road
connects («трассы, соединяющей Липецк, Воронеж и Волгоград») are its points, passing like a
road's ends; a patronage («взяла шефство над», «шефские связи») binds two parties, like an
agreement; a guest's home called the neighbour («из соседнего Татарстана») cannot be where
the story happens; and regions that open the clauses of one sentence of the lead as the title's
own does («В Тюменской области вода прибывает, в Курганской области …») share its news, as
does the place where the title's region builds or restores («восстановление моста в …»)."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Дорожники начали ремонт трассы\nВ Тамбовской области приступили к ремонту трассы "
            "Р-22, соединяющей Липецк, Воронеж и Волгоград.",
            {"RU-TAM": "main", "RU-LIP": "mentioned", "RU-VOR": "mentioned", "RU-VGG": "mentioned"},
        ),
        (
            "Дорожники начали ремонт трассы\nВ Тамбовской области приступили к ремонту дороги, "
            "которая связывает Липецк и Воронеж.",
            {"RU-TAM": "main", "RU-LIP": "mentioned", "RU-VOR": "mentioned"},
        ),
        # control: a road within one region is that region's own
        (
            "Дорожники начали ремонт трассы\nВ Костромской области отремонтируют дорогу, "
            "соединяющую Кострому и Галич.",
            {"RU-KOS": "main"},
        ),
        # control: no road before the participle, no road's points
        (
            "Делегации обменялись опытом\nВ Тамбовской области побывали гости, соединяющие "
            "Липецк, Воронеж и Волгоград в одну сеть.",
            {"RU-TAM": "main", "RU-LIP": "main", "RU-VOR": "main", "RU-VGG": "main"},
        ),
    ],
)
def test_what_a_road_connects(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Школу в Лисичанске отремонтируют к сентябрю\nТюменская область взяла шефство над "
            "Лисичанском. Строители завершают ремонт кровли.",
            {"RU-LPR": "main", "RU-TYU": "main"},
        ),
        (
            "Школу в Лисичанске отремонтируют к сентябрю\nТюменская область установила шефские "
            "связи с Лисичанском. Строители завершают ремонт кровли.",
            {"RU-LPR": "main", "RU-TYU": "main"},
        ),
        # control: no patronage, a passing mention of another region
        (
            "Школу в Лисичанске отремонтируют к сентябрю\nКровлю школы осмотрел инженер, "
            "работавший прежде в Тюменской области. Строители завершают ремонт.",
            {"RU-LPR": "main", "RU-TYU": "mentioned"},
        ),
    ],
)
def test_patronage_parties(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Гостей принимали в хозяйстве\nДелегацию из соседнего Татарстана принимали в "
            "хозяйстве на прошлой неделе.",
            {"RU-TA": "mentioned"},
        ),
        # control: a guest's home alone, not called the neighbour, is where it happens
        (
            "Гостей принимали в хозяйстве\nДелегацию из Татарстана принимали в хозяйстве на "
            "прошлой неделе.",
            {"RU-TA": "main"},
        ),
    ],
)
def test_from_the_neighbour(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Паводок идёт на спад в Курганской области\nВ Тюменской и Омской областях вода ещё "
            "прибывает, в Курганской области уровень реки снизился на метр.",
            {"RU-KGN": "main", "RU-TYU": "main", "RU-OMS": "main"},
        ),
        (
            "Паводок идёт на спад в Курганской области\nВ Тюменской области вода ещё прибывает, "
            "а в Курганской области уровень реки снизился на метр.",
            {"RU-KGN": "main", "RU-TYU": "main"},
        ),
        # control: a region that does not open a clause of its own is a detail of the title's
        (
            "Паводок идёт на спад в Курганской области\nВ Курганской области уровень реки "
            "снизился на метр, вода ушла к границе с Тюменской областью.",
            {"RU-KGN": "main", "RU-TYU": "mentioned"},
        ),
    ],
)
def test_clauses_region_by_region(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Тюменская область поможет соседям\nТюменская область начала восстановление моста "
            "в Курганской области, работы завершат к осени.",
            {"RU-TYU": "main", "RU-KGN": "main"},
        ),
        (
            "Тюменская область поможет соседям\nТюменские строители отремонтируют школу в "
            "Шадринске до сентября.",
            {"RU-TYU": "main", "RU-KGN": "main"},
        ),
        # controls: no work done there; the contractor's home is passing
        (
            "Тюменская область поможет соседям\nТюменская область закупила технику, похожую на "
            "ту, что работает в Курганской области.",
            {"RU-TYU": "main", "RU-KGN": "mentioned"},
        ),
        (
            "Тюменская область поможет соседям\nТюменская область начала ремонт моста силами "
            "подрядчика из Курганской области.",
            {"RU-TYU": "main", "RU-KGN": "mentioned"},
        ),
    ],
)
def test_where_the_title_region_rebuilds(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected
