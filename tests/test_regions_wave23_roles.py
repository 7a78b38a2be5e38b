"""Roles of the twenty-third wave, on sentences written for these tests: a stop on a flight's
way («с промежуточной посадкой в Омске»), a guest's home brought into a list of homes by
«включая» or «в том числе», a firm named by its home's lower-case adjective («подмосковная
фирма «Вектор»»), the place a delegation of the title visits («Ставрополье посетят»), an
example the next sentence sets against the writer's own place («Тверские депутаты, например,
… У нас …»), and a village a region's adjective places («в курском селе Рамзай»)."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stop on the way is passing, like the route's start
        (
            "Задерживается прибытие рейсов в Томск. Самолёт из Калининграда, который совершил "
            "промежуточную посадку в Омске, прибыл в Томск в полдень.",
            {"RU-TOM": "main", "RU-KGD": "mentioned", "RU-OMS": "mentioned"},
        ),
        (
            "Задерживается прибытие рейсов в Томск. Самолёт из Калининграда с пересадкой в "
            "Омске прибыл в Томск в полдень.",
            {"RU-TOM": "main", "RU-KGD": "mentioned", "RU-OMS": "mentioned"},
        ),
        # control: an emergency landing is where the story happens
        (
            "Задерживается прибытие рейсов в Томск. Самолёт из Калининграда совершил "
            "вынужденную посадку в Омске, пассажиры ждут в аэропорту Омска.",
            {"RU-TOM": "mentioned", "RU-KGD": "mentioned", "RU-OMS": "main"},
        ),
    ],
)
def test_a_stop_on_the_way(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Фестиваль гармонистов пройдёт в августе в сельском доме культуры. В прошлом году "
            "выступали музыканты из Тулы, Калуги, а также из разных регионов России, включая "
            "Чувашию.",
            {"RU-TUL": "mentioned", "RU-KLU": "mentioned", "RU-CU": "mentioned"},
        ),
        (
            "Фестиваль гармонистов пройдёт в августе в сельском доме культуры. В прошлом году "
            "выступали музыканты из Тулы, Калуги, а также из многих регионов, в том числе "
            "Чувашии.",
            {"RU-TUL": "mentioned", "RU-KLU": "mentioned", "RU-CU": "mentioned"},
        ),
        # control: «включая» after no «из» brings in no guest's home
        (
            "Фестиваль гармонистов пройдёт в августе в сельском доме культуры. Его программа "
            "охватит несколько регионов, включая Чувашию.",
            {"RU-CU": "main"},
        ),
    ],
)
def test_homes_brought_in_by_vklyuchaya(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Итоги года. Дорогу до поворота на ферму ремонтировали в два этапа. Первый выполнили "
            "местные дорожники, второй — подмосковная фирма «Вектор». Работы приняла комиссия "
            "правительства Мордовии.",
            {"RU-MOS": "mentioned", "RU-MO": "main"},
        ),
        # control: people, not a named firm, as before
        (
            "Итоги года. Дорогу до поворота на ферму ремонтировали в два этапа. Первый выполнили "
            "местные дорожники, второй — подмосковные дорожники. Работы приняла комиссия "
            "правительства Мордовии.",
            {"RU-MOS": "main", "RU-MO": "main"},
        ),
    ],
)
def test_a_firm_named_by_its_home(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Делегация Калмыкии отправилась на юбилей краевого парламента\n"
            "В составе делегации спикер и три депутата. Ожидается, что Ставрополье посетят "
            "гости из многих регионов.",
            {"RU-KL": "main", "RU-STA": "main"},
        ),
        # controls: no delegation in the title; Moscow, the federal centre
        (
            "Спикер парламента Калмыкии выступил на сессии\n"
            "В зале были депутаты и министры. Ожидается, что летом Ставрополье посетят туристы.",
            {"RU-KL": "main", "RU-STA": "mentioned"},
        ),
        (
            "Делегация Калмыкии отправилась в столицу\n"
            "В составе делегации спикер и три депутата. Ожидается, что Москву посетят гости из "
            "многих регионов.",
            {"RU-KL": "main", "RU-MOW": "mentioned"},
        ),
    ],
)
def test_the_place_a_delegation_visits(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Сессия районного совета приняла бюджет\n"
            "Вопрос о бюджете всегда трудный. Тверские депутаты, например, не смогли принять "
            "его с первого раза.\nУ нас всё обошлось без споров.",
            {"RU-TVE": "mentioned"},
        ),
        (
            "Сессия районного совета приняла бюджет\n"
            "Вопрос о бюджете всегда трудный. В Твери, например, его приняли только со второй "
            "попытки. А у нас всё прошло спокойно.",
            {"RU-TVE": "mentioned"},
        ),
        # control: an example the next sentence does not set against the writer's own place
        (
            "Сессия районного совета приняла бюджет\n"
            "Вопрос о бюджете всегда трудный. Тверские депутаты, например, приняли его "
            "досрочно.\nТеперь дело за исполнением.",
            {"RU-TVE": "main"},
        ),
    ],
)
def test_an_example_set_against_ours(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В курском селе Рамзай открыли музей\n"
            "Музей создали учителя, экспонаты собирали всем селом. Вечером гости поехали в "
            "Пензу.",
            {"RU-KRS": "main", "RU-PNZ": "mentioned"},
        ),
        # controls: the adjective not right before the village word; the village's own region
        (
            "Курские школьники побывали в селе Рамзай\n"
            "Музей показали учителя, экспонаты собирали всем селом. Вечером гости поехали в "
            "Пензу.",
            {"RU-KRS": "main", "RU-PNZ": "main"},
        ),
        (
            "В пензенском селе Рамзай открыли музей\n"
            "Музей создали учителя, экспонаты собирали всем селом. Вечером гости поехали в "
            "Курск.",
            {"RU-PNZ": "main", "RU-KRS": "mentioned"},
        ),
    ],
)
def test_a_village_placed_by_a_region_adjective(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected
