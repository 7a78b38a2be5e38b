"""Homonyms of the twenty-fifth wave, on sentences written for these tests: a town several
regions have, decided by a landmark of one of them, by another such town whose regions share
one, by the urban okrug or the district named after it; and guests from the country of a
foreign namesake, which leave the town Russian."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mountain range of one namesake's region
        ("В Кировске открыли новую трассу для туристов, приезжающих в Хибины.", {"RU-MUR"}),
        ("Кировск. Спасатели напомнили о лавинной опасности на склонах Хибин.", {"RU-MUR"}),
        # a battlefield of the other namesake's
        ("Школьники Кировска возложили цветы на Невском пятачке.", {"RU-LEN"}),
        # a district several regions have, with a historic site of one of them
        (
            "Праздник «Старая Рязань» состоялся в Спасском районе, где стояла столица княжества.",
            {"RU-RYA"},
        ),
        # control: no landmark, nothing decides
        ("В Кировске открыли новую трассу для туристов.", set()),
        # control: a landmark of a third region says nothing of the town
        ("Жители Кировска съездили на экскурсию на Валаам.", set()),
    ],
)
def test_landmark_decides(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two homonyms whose regions share one: both closed towns of Красноярский край
        ("Ансамбль выступил в Зеленогорске, а затем отправился в Железногорск.", {"RU-KYA"}),
        ("Из Советска в Гурьевск пустят новый автобус.", {"RU-KGD"}),
        # control: one homonym alone stays undecided
        ("Ансамбль выступил в Железногорске.", set()),
        # control: districts many cities have say nothing of a town's region
        ("В Советском и Ленинском районах Железногорска отключат воду.", set()),
    ],
)
def test_two_homonyms_agree(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the town with the urban okrug named after it: the namesake that is an okrug itself
        (
            "Глава Советского городского округа представил нового сити-менеджера Советска.",
            {"RU-KGD"},
        ),
        # the town with the district it lies in
        ("Сотрудники администрации Советского района провели субботник в г. Советске.", {"RU-KIR"}),
        # control: the town alone is undecided
        ("Новый сити-менеджер Советска приступил к работе.", set()),
        # control: a district of another region named, the town keeps its default
        ("Делегация Кировского района Крыма посетила Киров.", {"RU-CR", "RU-KIR"}),
    ],
)
def test_own_okrug_or_district(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guests from the foreign namesake's country: the town is the Russian one
        (
            "В Кировске у подножия Хибин стартовали гонки, приехали лыжники из Белоруссии.",
            {"RU-MUR"},
        ),
        (
            "Хибинская гонка в Кировске собрала спортсменов из России, Казахстана и Белоруссии.",
            {"RU-MUR"},
        ),
        # control: the namesake's country named as the place: the Belarusian town
        ("В Кировске Могилёвской области Беларуси открыли стадион у Хибин.", set()),
    ],
)
def test_guests_from_namesakes_country(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a settlement or a territorial unit named like a town of another region is the
        # data's village in the region the story names
        (
            "В Михайловский район Приморья входят Новошахтинское городское поселение и "
            "несколько сёл.",
            {"RU-PRI"},
        ),
        (
            "Депутаты Полесского округа Калининградской области выбрали главой начальника "
            "Саранского территориального отдела.",
            {"RU-KGD"},
        ),
        # control: the town's own region named too, the town stays
        (
            "Делегация Приморья посетила Новошахтинск Ростовской области, где обсудили "
            "опыт Новошахтинского городского округа.",
            {"RU-PRI", "RU-ROS"},
        ),
        # control: no municipal unit after the adjective, the town is the town
        (
            "Гости из Приморья побывали в Саранске на фестивале.",
            {"RU-PRI", "RU-MO"},
        ),
    ],
)
def test_unit_named_like_a_town(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
