"""Places of the twenty-first wave, on sentences written for these tests: a town named like a
surname after a town's fabric in the plural («в домах Глазова»), a town named by a common
noun as a dateline («Апатиты. 8 мая …»), a district's centre village's adjective in lower
case before a village word («мухоршибирского села»), and a name's hyphen typed with a space
(«Урус- Мартановском»), a catalogued village's name inflected as a masculine noun after its
head («главы Ербогачёна»), the season seen off («провожали Зиму») throughout the text, a list
of rural municipalities named by adjectives («в Пионерском и Паратунском сельских
поселениях»), and a town named by a common word on another region's route («Ковров –
Сельцо – Мстёра»), and a rural district's people in «-чане» («староминчане»)."""

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a catalogued village's name no dictionary knows, in a masculine noun's cases
        ("Глава Ербогачёна рассказал о ремонте котельной.", {"RU-IRK"}),
        ("В администрации Ербогачёна прошёл приём граждан.", {"RU-IRK"}),
        ("В Ербогачёне восстановили электроснабжение.", {"RU-IRK"}),
        # controls: a village alone after its people (as tests/test_regions_wave15.py)
        ("На сход пришли жители Ербогачёна.", set()),
        ("На сход пришли жители Асхвы.", set()),
    ],
)
def test_village_in_masculine_cases(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # once the text sees the season off, its other mentions are the season too
        (
            "На площади провожали Зиму. Потом Зима устроила игры, а вечером сожгли чучело Зимы.",
            set(),
        ),
        # controls: the town called one; the town with no season seen off
        ("На площади провожали Зиму. Гостей ждали из города Зимы.", {"RU-IRK"}),
        ("Морозы в Зиме достигли сорока градусов.", {"RU-IRK"}),
    ],
)
def test_season_seen_off_throughout(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # villages' municipalities named by adjectives, in a list: no town among them
        ("Контейнеры поставят в Пионерском и Паратунском сельских поселениях.", set()),
        ("Контейнеры поставят в Пионерском, Сосновском и Паратунском сельских поселениях.", set()),
        ("Контейнеры поставят в Пионерском сельском поселении.", set()),
        # control: the town itself
        ("Контейнеры поставят в Пионерском к осени.", {"RU-KGD"}),
    ],
)
def test_rural_municipalities_listed(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town named by a common word between stops of another region: its village
        ("Отремонтируют дорогу Ковров – Сельцо – Вязники.", {"RU-VLA"}),
        ("Отремонтируют дорогу Ковров – Красная Грива – Сельцо – Вязники.", {"RU-VLA"}),
        # controls: the route of its own region; the town at a route's end
        ("Автобус Брянск – Сельцо – Жуковка пойдёт с мая.", {"RU-BRY"}),
        ("Автобус Ковров – Сельцо пойдёт с мая.", {"RU-VLA", "RU-BRY"}),
    ],
)
def test_common_word_town_on_another_route(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people of a rural district named by its adjective in «-ский», in «-чане»
        ("Староминчане отметили праздник урожая на центральной площади.", {"RU-KDA"}),
        ("Концерт для староминчан подготовили местные коллективы.", {"RU-KDA"}),
        # controls: townspeople in general; a people, not a district
        ("Горожане вышли на субботник.", set()),
        ("Гостей встречали ногайцы в национальных костюмах.", set()),
    ],
)
def test_rural_district_people(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
