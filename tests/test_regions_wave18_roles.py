"""Roles and multi-region stories of the eighteenth wave, on sentences written for these tests:
bracketed homes of the people a title is about, a title opening with a region's head «из» a
town, a venue named by a building with an adjective or a quoted name, a show that opened
there, a head's working trip, Moscow in a title over a trip to the federal centre, a region
in the genitive between a village word and the village's own name, the joint name «ЛДНР»,
foreign states a title sets its story in, a list of regions after «из разных регионов —»,
lists of peoples' adjectives, and «Санкт‑Петербург» typeset with a non-breaking hyphen."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title brackets the homes of the two people the story is about: both regions
        (
            "Мэры-соседи: Иван Сидоров (Чувашия) и Пётр Орлов (Марий Эл) подписали соглашение\n"
            "Встреча глав городов прошла в Чебоксарах. Они обсудили дороги и туризм, "
            "договорились о новых маршрутах и обменах школьников между городами.",
            {"RU-CU": "main", "RU-ME": "main"},
        ),
        # a list of results in the body brackets the participants' homes (as before)
        (
            "Турнир по шахматам прошёл в Чебоксарах\n"
            "Итоги: Сидоров (Казань) — первое место, Орлов (Йошкар-Ола) — второе.",
            {"RU-CU": "main", "RU-TA": "mentioned", "RU-ME": "mentioned"},
        ),
    ],
)
def test_bracketed_homes_in_the_title(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title opens with a region's head «из» a town: his region is the story's too
        (
            "Губернатор из Пскова выступил на Невском экологическом конгрессе в Петербурге\n"
            "Глава региона рассказал участникам о чистке озёр и новых заповедниках.",
            {"RU-PSK": "main", "RU-SPE": "main"},
        ),
        (
            "Делегация из Тамбова приняла участие в ярмарке в Воронеже\n"
            "Фермеры привезли мёд, сыры и саженцы.",
            {"RU-TAM": "main", "RU-VOR": "main"},
        ),
        # guests «из» a town in the title are passing (as before)
        (
            "Артисты из Пскова выступили на фестивале в Петербурге\n"
            "Фестиваль собрал тысячи зрителей на набережной.",
            {"RU-PSK": "mentioned", "RU-SPE": "main"},
        ),
    ],
)
def test_head_from_a_town_in_the_title(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lead's venue, a building with an adjective and a quoted name, and «открылась»
        (
            "Тверские мастера привезли работы на ярмарку ремёсел\n"
            "В выставочном центре «Экспо» Ярославской области открылась ярмарка ремёсел. "
            "Тверских мастеров представляют гончары и кузнецы.",
            {"RU-TVE": "main", "RU-YAR": "main"},
        ),
        (
            "Ансамбль Тверской области выступил на юбилейном вечере\n"
            "10 мая в Большом зале Правительства Москвы состоялся юбилейный вечер. "
            "Тверской ансамбль исполнил народные песни.",
            {"RU-TVE": "main", "RU-MOW": "main"},
        ),
        # a region named far from a takes-place verb stays passing (as before)
        (
            "Тверские мастера привезли работы на ярмарку ремёсел\n"
            "Тверских мастеров, как и в Ярославской области, представляют гончары.",
            {"RU-TVE": "main", "RU-YAR": "mentioned"},
        ),
    ],
)
def test_venue_buildings(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a head's working trip to Moscow: his region main, Moscow the federal centre
        (
            "Радий Хабиров работает в Москве\n"
            "Глава Башкирии находится в рабочей командировке в Москве. "
            "В плане — заседание правительственной комиссии.",
            {"RU-BA": "main", "RU-MOW": "mentioned"},
        ),
        # a title set in Moscow whose body names Moscow as a place too: Moscow stays main
        (
            "Фестиваль башкирского мёда проходит в Москве\n"
            "Ярмарка открылась в Москве на ВДНХ, пасечники Башкирии привезли мёд.",
            {"RU-MOW": "main", "RU-BA": "mentioned"},
        ),
    ],
)
def test_working_trip_to_moscow(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region between a village word and the village's own name is where it lies
        (
            "Самое южное село Бурятии Нижний Торей встречает туристов. В Бурятии гордятся им.",
            {"RU-BU"},
        ),
        # a village named like a region, then its region (as before)
        ("Жители деревни Москва Кировской области починили мост.", {"RU-KIR"}),
    ],
)
def test_region_between_village_word_and_name(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Волонтёры Твери отправили в ЛДНР машину с одеждой.", {"RU-TVE", "RU-DPR", "RU-LPR"}),
        ("Волонтёры Твери отправили в ДНР машину с одеждой.", {"RU-TVE", "RU-DPR"}),
    ],
)
def test_joint_name_of_two_republics(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title set in a foreign state: the Russian regions named are passing
        (
            "В Германии из-за наводнения эвакуировали тысячи человек\n"
            "Реки вышли из берегов. Сильные дожди прошли и в Калининградской области.",
            {"RU-KGD": "mentioned"},
        ),
        # a title set in a Russian region (as before)
        (
            "В Калининградской области из-за дождей подтопило дворы\nРеки вышли из берегов.",
            {"RU-KGD": "main"},
        ),
    ],
)
def test_foreign_state_in_the_title(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the choirs' homes, listed after «из пяти регионов:» or a dash on a line of its own
        (
            "Хоровой фестиваль принял Кунгурский район\n"
            "Фестиваль прошёл в Пермском крае. Он собрал 30 хоров из пяти регионов: "
            "Удмуртии, Башкирии, Свердловской и Пермской областей.",
            {"RU-PER": "main", "RU-UD": "mentioned", "RU-BA": "mentioned", "RU-SVE": "mentioned"},
        ),
        (
            "Хоровой фестиваль принял Кунгурский район\n"
            "Фестиваль прошёл в Пермском крае. Он собрал 30 хоров из разных регионов страны\n"
            "— Удмуртии, Башкирии, Свердловской и Пермской областей.",
            {"RU-PER": "main", "RU-UD": "mentioned", "RU-BA": "mentioned", "RU-SVE": "mentioned"},
        ),
        # a list of regions the lead says the festival went round stays main (as before)
        (
            "Хоровой фестиваль принял Кунгурский район\n"
            "Фестиваль прошёл в Пермском крае, Удмуртии и Башкирии.",
            {"RU-PER": "main", "RU-UD": "main", "RU-BA": "main"},
        ),
    ],
)
def test_homes_listed_after_regions(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # peoples' adjectives side by side speak of the peoples
        (
            "На празднике в Оренбурге поставили чувашские, мордовские, марийские подворья.",
            {"RU-ORE"},
        ),
        (
            "На Масленицу в Самаре поставили украинские хаты, казачий курень и чувашский дом.",
            {"RU-SAM"},
        ),
        # one people's adjective alone stays (as before)
        ("В Самаре прошли чувашские соревнования по борьбе.", {"RU-SAM", "RU-CU"}),
    ],
)
def test_lists_of_peoples(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Губернатор Санкт\u2011Петербурга открыл мост.", {"RU-SPE"}),
        ("Улан\u2010Удэ встретил гостей.", {"RU-BU"}),
    ],
)
def test_typeset_hyphens(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
