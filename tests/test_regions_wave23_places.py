"""Places of the twenty-third wave, on sentences written for these tests: a region's body with
its level capitalised («Костромской Областной Думы»), a town's people in a story about a
district of another region («обратилась к иркутянам»), a region's name in a quoted title that
opens with a word of its own («будущее «Родной Кубани»»), a town's adjective once the text
calls its namesake a village («деревни Бабаево … Бабаевский дом культуры»), rural councils
that decide their villages or contradict each other, a district's centre named with the
suffix «-к-» its district drops («Репьёвка»: Репьёвский район), a town's name given to a
village that is another district's centre («п. Ровеньки»), a person's name given to a
settlement («пгт Ольга»), a region's adjective after a Moscow district's name («округа
Тверской области»), a village's club named by an adjective many places share («Кировский
СК»), a people's adjective before «столица» («в карельской столице»), a hashtag that ends
with a town («#НовостиТомска»), an oblast's noun left out («во Владимирскую»), and a name most
villages share on a road of another region's places («Никольское – Ядрин»), a village's hall
named like a town far away («в Карабашском культурном центре»), Ukraine's names of the two
republics («ОРДЛО»), places by the sea («приморские посёлки»), and a «деревня» named like a
district's centre («в деревне Елани»)."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # officialese capitalises the body's level: still the region's body
        ("Грамоту вручил депутат Костромской Областной Думы.", {"RU-KOS"}),
        ("Новое отделение открыли в Пермской Краевой больнице.", {"RU-PER"}),
        # control: a name of two proper words is no region
        ("Ансамбль из Татарской Каргалы спел на празднике.", set()),
    ],
)
def test_level_capitalised(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's people are no bare village name of the district's story
        (
            "Министр Бурятии обратилась к иркутянам: не приезжайте в Тункинский район.",
            {"RU-BU", "RU-IRK"},
        ),
        # control: a district's centre read from a bare name still goes to the district's story
        ("Глава Тункинского района побывал в Кырене и Аршане.", {"RU-BU"}),
    ],
)
def test_town_people_in_district_story(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quote opens with a word of its own: a title in any case
        ("Читатели обсудили будущее «Родной Кубани» с редакцией.", set()),
        # controls: an organisation of the region; the name alone in the quote
        ("Заседание «Совета муниципальных образований Хакасии» прошло в мае.", {"RU-KK"}),
        ("Конкурс «Молодёжь Кубани» собрал двести участников.", {"RU-KDA"}),
    ],
)
def test_region_in_titled_quote(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the text calls the town's namesake a village: its adjective is the village's too
        (
            "В Бабаевском доме культуры чествовали жителей деревни Бабаево. "
            "Поздравил их депутат Костромской областной Думы.",
            {"RU-KOS"},
        ),
        # controls: no village named so; a district named with its noun
        ("В Бабаевском доме культуры открылась выставка.", {"RU-VLG"}),
        ("Жители деревни Бабаево съездили в Бабаевский район.", {"RU-VLG"}),
    ],
)
def test_town_adjective_of_a_village(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a council names where the story is over a bare village's name
        (
            "Кильдебякское сельское поселение выставило упряжку: коня вёл конюх из села Мартыново.",
            {"RU-TA"},
        ),
        # one council named twice is one council: three of one region outweigh it
        (
            "Глава Юрминского сельского поселения и глава Аромашевского сельского поселения "
            "получили грамоты. Слободчиковское сельское поселение отметили отдельно: главе "
            "Слободчиковского сельского поселения вручили премию.",
            {"RU-TYU"},
        ),
        # two councils the catalogue puts in two regions: neither decides
        (
            "Свет отключат в Краснозоренском сельском поселении и в Россошенском сельском "
            "поселении.",
            set(),
        ),
        # a council's compound adjective with its hyphen typed with a space
        ("Глава Перво- Чурашевского поселения поздравил школьников.", {"RU-CU"}),
        # controls: a council alone; a village alone
        ("Кильдебякское сельское поселение выставило упряжку.", {"RU-TA"}),
        ("Конюх из села Мартыново вёл коня.", {"RU-ROS"}),
    ],
)
def test_rural_councils_decide(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the suffix «-к-» drops in the district's name: Репьёвка, Репьёвский район
        ("В центральном парке с. Репьёвка прошли гуляния.", {"RU-VOR"}),
        # a town's name given to a settlement: the centre of the district named after it
        ("На стадионе п. Ровеньки прошёл фестиваль.", {"RU-BEL"}),
        # a person's name given to a settlement: the centre of the district named after it
        ("Автобус до пгт Ольга пустят с понедельника.", {"RU-PRI"}),
        # controls: the town itself; the person
        ("В Ровеньках прошёл фестиваль.", {"RU-LPR"}),
        ("Ольга Петрова рассказала о празднике.", set()),
    ],
)
def test_district_centres(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after Moscow district's name, the region's noun: the okrug's region
        ("Сайт Лихославльского муниципального округа Тверской области обновили.", {"RU-TVE"}),
        # control: Moscow's municipal okrug
        ("Глава муниципального округа Тверской провёл приём жителей.", {"RU-MOW"}),
    ],
)
def test_okrug_then_region(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village's club named after a village many regions have
        ("Команду «Девчата» выставил Кировский СК, команду «Алмаз» — детский сад.", set()),
        # control: the region named by its noun
        ("Новый СК открыли в Кировской области.", {"RU-KIR"}),
    ],
)
def test_village_club(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital is a republic's, not a people's
        ("В карельской столице обновляют тротуары.", {"RU-KR"}),
        ("Мэрия татарской столицы объявила конкурс.", {"RU-TA"}),
        # controls: a people's villages; an adjective two regions share
        ("В карельских деревнях обновляют тротуары.", set()),
        ("В алтайской столице обновляют тротуары.", set()),
    ],
)
def test_people_adjective_capital(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's offices tag their news with the town
        ("Ребята отвечали на вопросы викторины. #МыВместе #КультураЗаводоуковска", {"RU-TYU"}),
        ("Праздник удался. #НовостиТомска", {"RU-TOM"}),
        # controls: hashtags of no town; a town several regions have
        ("Праздник удался. #ДеньПобеды #ГодСемьи", set()),
        ("Праздник удался. #НовостиКирова", set()),
    ],
)
def test_town_hashtag(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the oblast's noun left out after one named: where to
        (
            "Форум в Тверской области не пройдёт: площадку перенесут во Владимирскую на реку.",
            {"RU-TVE", "RU-VLA"},
        ),
        # controls: no oblast named in the text; a street is «на Тверскую»
        ("Площадку перенесут во Владимирскую на реку.", set()),
        ("В Московской области автобус выехал на Тверскую.", {"RU-MOS"}),
    ],
)
def test_oblast_left_out(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name most villages share, on a road of another region's places
        ("Строится участок автодороги Никольское – Ядрин – Калинино.", {"RU-CU"}),
        # controls: a road of the town's own region; the name with no road
        ("Отремонтируют дорогу Никольское – Тосно.", {"RU-LEN"}),
        ("В Никольском открыли новую школу.", {"RU-LEN"}),
    ],
)
def test_village_name_on_other_road(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hall named after a village, in a story about another region's district
        (
            "Глава Бугульминского района вручил грамоты. "
            "В Карабашском культурном центре прошёл творческий вечер.",
            {"RU-TA"},
        ),
        # controls: the hall alone; the region's own adjective; the town's okrug
        ("В Карабашском культурном центре прошёл творческий вечер.", {"RU-CHE"}),
        (
            "Глава Бугульминского района вручил грамоты. В Костромском доме культуры прошёл вечер.",
            {"RU-TA", "RU-KOS"},
        ),
        (
            "Глава Бугульминского района посетил Карабашский городской округ.",
            {"RU-TA", "RU-CHE"},
        ),
    ],
)
def test_village_hall_elsewhere(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ukraine's names of the same lands
        ("В ОРДО готовятся к курортному сезону.", {"RU-DPR"}),
        ("Блокпосты появятся на границе ОРДЛО.", {"RU-DPR", "RU-LPR"}),
        # control: a word that starts so
        ("Орден вручили ветерану труда.", set()),
    ],
)
def test_ukraine_names_of_republics(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # places by the sea, in a story of another region
        ("В Новоазовском районе находятся приморские посёлки.", {"RU-DPR"}),
        ("Приморские курорты готовятся к сезону.", set()),
        # controls: Приморье named too; the krai's authorities
        ("Губернатор Приморья посетил приморские посёлки.", {"RU-PRI"}),
        ("Приморские власти готовятся к сезону.", {"RU-PRI"}),
    ],
)
def test_seaside_places(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a «деревня» named like a district's centre is a namesake, in every mention
        ("В деревне Елани прошёл сход. В Еланях живёт сорок жителей.", set()),
        ("В д. Елани прошёл сход граждан.", set()),
        # controls: the centre after «в» or «село»
        ("В Елани прошёл сход граждан.", {"RU-VGG"}),
        ("В селе Елань прошёл сход граждан.", {"RU-VGG"}),
    ],
)
def test_hamlet_named_like_centre(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
