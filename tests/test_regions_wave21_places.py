"""Places of the twenty-first wave, on sentences written for these tests: a town named like a
surname after a town's fabric in the plural («в домах Глазова»), a town named by a common
noun as a dateline («Апатиты. 8 мая …»), a district's centre village's adjective in lower
case before a village word («мухоршибирского села»), and a name's hyphen typed with a space
(«Урус- Мартановском»)."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # many flats, yards or schools are a town's, not a person's
        ("Лифты заменят в многоквартирных домах Глазова до осени.", {"RU-UD"}),
        ("Во дворах Королёва высадили две тысячи тюльпанов.", {"RU-MOS"}),
        ("Карантин объявили в школах Кропоткина на неделю.", {"RU-KDA"}),
        # controls: a person's house is singular; a painter's pictures; streets named so
        ("Экскурсия прошла в доме Серова на прошлой неделе.", set()),
        ("Выставка показала картины Серова и Левитана.", set()),
        ("Асфальт уложили на улицах Серова и Гагарина.", set()),
    ],
)
def test_town_after_its_fabric(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town named by a common noun, alone before a date: a dateline
        ("Апатиты. 12 июня на стадионе пройдёт городской забег.", {"RU-MUR"}),
        ("Новости дня\nАпатиты. 3 марта в библиотеке открылась выставка.", {"RU-MUR"}),
        # controls: no date after it; a noun the text uses in lower case too
        ("Апатиты. Добыча руды выросла за год.", set()),
        ("Находка. 5 июня грибники принесли в музей редкую находку.", set()),
    ],
)
def test_dateline_of_a_common_noun_town(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the adjective of a catalogued village that names its district, before a village
        ("Жители мухоршибирского села Калиновка собрали деньги на ремонт.", {"RU-BU"}),
        ("В мухоршибирских сёлах открыли два новых фельдшерских пункта.", {"RU-BU"}),
        # controls: ordinary adjectives before a village word name no district
        ("В лесном селе открыли новый клуб.", set()),
        ("В шахтёрском посёлке отремонтировали школу.", set()),
        ("В немецком селе прошёл праздник урожая.", set()),
    ],
)
def test_centre_village_adjective_before_a_village(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name's hyphen with a stray space on one side
        ("В Урус- Мартановском районе прошёл субботник.", {"RU-CE"}),
        ("Дорогу Урус -Мартан отремонтируют к лету.", {"RU-CE"}),
        ("Совещание прошло в Ханты- Мансийске.", {"RU-KHM"}),
        # controls: a dash between two towns of a route stays a dash
        ("Автобус Тамбов- Волгоград отменили.", {"RU-TAM", "RU-VGG"}),
        ("Автобус Тамбов - Волгоград отменили.", {"RU-TAM", "RU-VGG"}),
    ],
)
def test_spaced_hyphen_inside_a_name(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
