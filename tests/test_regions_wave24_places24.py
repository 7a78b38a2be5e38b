"""Places of the twenty-fourth wave, on sentences written for these tests: a street written
short after its adjective in an address, a woman named by her craft with a people's adjective,
a list of municipalities named by adjectives, and a district's centre named like a town of
another region."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an address: «Тверская ул.» is a street of the town named before it
        ("Приём ведётся по адресу: Колпино, Тверская ул., д. 5.", {"RU-SPE"}),
        ("Ярмарка откроется в Пскове (Рижская ул., 12).", {"RU-PSK"}),
        # control: the oblast's adjective with its own noun still names it
        ("В Тверской области открыли новую школу.", {"RU-TVE"}),
    ],
)
def test_short_street_after_adjective(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a woman by her household craft is one of the people, wherever she lives
        ("На празднике гостей угощали выпечкой бурятских хозяек.", set()),
        ("Работы татарских мастериц показали на выставке в Перми.", {"RU-PER"}),
        # control: the republic's own housewives, named by the republic, still count
        ("Хозяйки Бурятии поделились рецептами.", {"RU-BU"}),
        ("Бурятские власти открыли новую школу.", {"RU-BU"}),
    ],
)
def test_people_by_their_craft(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # municipalities named by adjectives: districts or councils, not the town Волжский
        (
            "В Марий Эл депутатов выберут в Волжском, Новоторъяльском и Сернурском "
            "муниципальных образованиях.",
            {"RU-ME"},
        ),
        ("Голосование пройдёт в Волжском и Сернурском муниципальных образованиях.", set()),
        # control: the town in a list of towns stays the town
        ("Делегации из Волжского и Саратова прибыли на форум.", {"RU-VGG", "RU-SAR"}),
        # control: a list of districts of one region still names it
        ("Выборы пройдут в Волжском и Сернурском районах.", {"RU-ME"}),
    ],
)
def test_list_of_municipal_formations(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a district's centre is named like the district: here not the town of Волгоградская
        (
            "Больницу в Михайловском районе Приморья отремонтируют. Врачи из Михайловки "
            "ждали этого давно.",
            {"RU-PRI"},
        ),
        # control: the town next to its own region is the town
        (
            "Глава Михайловского района Приморья встретился с мэром Михайловки "
            "Волгоградской области.",
            {"RU-PRI", "RU-VGG"},
        ),
        # control: a district named after the region's capital's adjective is no such centre
        ("Красноярский район и Красноярск обменялись опытом.", {"RU-KYA"}),
        # control: a district named after a person has no centre named so
        ("Делегация Кировского района Крыма посетила Киров.", {"RU-CR", "RU-KIR"}),
    ],
)
def test_centre_of_named_district(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city's district named like another region's district, in a story of the city's
        # region: the city's
        (
            "Администрация Прикубанского округа провела субботник. Жители Краснодара "
            "высадили деревья.",
            {"RU-KDA"},
        ),
        # control: alone, the district OKTMO knows is still Карачаево-Черкесия's
        ("Администрация Прикубанского округа провела субботник.", {"RU-KC"}),
        # control: with a village of that district named, it stays there
        ("Праздник прошёл в Прикубанском районе, в ауле Псыж.", {"RU-KC"}),
    ],
)
def test_city_district_namesake(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the text names the village «Отрадное»: «Отрадного» before it is that village's
        # genitive as well, not the town Отрадный's alone
        (
            "Границы Отрадного изменят по новому генплану. Жители посёлка Отрадное против этого.",
            set(),
        ),
        # control: alone, the form is the town's
        ("Жители Отрадного пожаловались на дороги.", {"RU-SAM"}),
        # control: the town's own nominative still names the town
        ("Жители посёлка Отрадное встретились с делегацией из города Отрадный.", {"RU-SAM"}),
    ],
)
def test_village_named_in_other_gender(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the text names the Красноярское rural settlement: «красноярцы» are its people
        (
            "В Цимлянском районе прошёл турнир. Вторыми стали красноярцы, а команда "
            "Красноярского сельского поселения победила в эстафете.",
            {"RU-ROS"},
        ),
        # control: with no such council named, the demonym is the city's
        ("На турнире вторыми стали красноярцы.", {"RU-KYA"}),
        # control: another council named does not touch the demonym
        (
            "Красноярцы приехали в гости к жителям Лозновского сельского поселения.",
            {"RU-KYA"},
        ),
    ],
)
def test_demonym_of_named_council(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town in «-ин» is «в Бабушкине»: «в Бабушкином …» is a possessive adjective
        ("Гостей ждали в «Бабушкином уголке» с самоваром.", set()),
        ("На Бабушкином огороде выросла тыква.", set()),
        # controls: the town's own prepositional and instrumental
        ("Праздник прошёл в Бабушкине, на берегу Байкала.", {"RU-BU"}),
        ("За Бабушкином начинается тайга.", {"RU-BU"}),
    ],
)
def test_possessive_adjective_not_town(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
