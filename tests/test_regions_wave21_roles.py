"""Roles of the twenty-first wave, on sentences written for these tests: a route's far end after
«до» («Из Улан-Удэ запущен рейс до Томска»), a round route there and back linking its two
places («Ставрополь–Махачкала–Ставрополь»), a neighbour across a border («на границе с
Чечнёй»), an agency's regional dateline over the nation's news («Адыгея, 5 сентября — ИА
Регнум»), a federal name inside a participial phrase of the title («по нацпроекту,
инициированному Президентом»), and a title of a federal name alone (a site's banner)."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a route from one place «до» others: where it leaves is the story, its ends passing
        (
            "Из Кызыла открыт первый авиарейс до Новосибирска и Красноярска\n"
            "Самолёт вылетел утром, на борту было 60 пассажиров.",
            {"RU-TY": "main", "RU-NVS": "mentioned", "RU-KYA": "mentioned"},
        ),
        (
            "Новый автобус из Абакана до Кемерова\n"
            "Билеты продают на автовокзале, поездка займёт восемь часов.",
            {"RU-KK": "main", "RU-KEM": "mentioned"},
        ),
        # controls: «до» with no route word («из … отправились … до …» is a walk, a span), and
        # «от … до …» (a span: both ends passing, as before)
        (
            "Из Абакана до Кемерова дошли пешком\n"
            "Туристы из Абакана прошли за месяц сотни километров и вернулись домой.",
            {"RU-KK": "mentioned", "RU-KEM": "main"},
        ),
        (
            "Строители отремонтировали трассу от Абакана до Кемерова.",
            {"RU-KK": "mentioned", "RU-KEM": "mentioned"},
        ),
    ],
)
def test_a_route_ends_after_do(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # there and back: the link of its two places, both the story
        (
            "Открыты авиарейсы Пенза-Казань-Пенза\n"
            "Первый самолёт встретили в Казани водяной аркой.",
            {"RU-PNZ": "main", "RU-TA": "main"},
        ),
        # controls: a one-way route across regions: its ends are passing (as before), and so
        # is a chain of three places that does not come back
        (
            "Открыт авиарейс Пенза-Казань\nБилеты уже продаются.",
            {"RU-PNZ": "mentioned", "RU-TA": "mentioned"},
        ),
        (
            "Открыт авиарейс Пенза-Казань-Уфа\nБилеты уже продаются.",
            {"RU-PNZ": "mentioned", "RU-TA": "mentioned", "RU-BA": "mentioned"},
        ),
    ],
)
def test_a_round_route_links_both_places(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a neighbour «с» a border: passing
        (
            "Село Сосновка стоит на границе с Удмуртией, в Кировской области. "
            "В Сосновке открыли новую школу.",
            {"RU-UD": "mentioned", "RU-KIR": "main"},
        ),
        (
            "Трактористы из приграничного с Пензенской областью района Саратовской области "
            "начали сев. Саратовские аграрии довольны погодой.",
            {"RU-PNZ": "mentioned", "RU-SAR": "main"},
        ),
        # control: the border «of» a region (no «с») is that region's own
        (
            "На границе Курской области построили новый пункт пропуска.",
            {"RU-KRS": "main"},
        ),
    ],
)
def test_a_neighbour_across_a_border(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a regional dateline over a lead whose actor is a federal body: the desk, not the place
        (
            "Число пожаров в школах сократилось\n"
            "Калмыкия, 12 октября, 2009, 10:05 — ИА Регнум. Министерство образования РФ "
            "подвело итоги проверок школ перед учебным годом.",
            {"RU-KL": "mentioned"},
        ),
        # controls: a lone regional dateline over the region's own news is where it happens
        (
            "Число пожаров в школах сократилось\n"
            "Калмыкия, 12 октября, 2009, 10:05 — ИА Регнум. Пожарные подвели итоги проверок "
            "школ перед учебным годом.",
            {"RU-KL": "main"},
        ),
        (
            "Итоги конкурса\nНОВОСИБИРСК, 12 мая. /ТАСС/. Министерство культуры РФ назвало "
            "победителей.",
            {"RU-NVS": "mentioned"},
        ),
        # a region's name over a date on a line of its own: a site's header, no dateline
        (
            "Новости\nКалмыкия\n12 октября 2009\nВ Элисте открыли школу. Министерство "
            "образования РФ выделило деньги.",
            {"RU-KL": "main"},
        ),
        # another region named: the dateline stays passing
        (
            "Итоги конкурса\nКалмыкия, 12 октября — ИА Регнум. Победителями стали школьники "
            "Астрахани.",
            {"RU-KL": "mentioned", "RU-AST": "main"},
        ),
    ],
)
def test_a_regional_dateline(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a federal name in a participial phrase of the title qualifies another noun
        (
            "Дворы ремонтируют по программе, утверждённой Правительством России.\n"
            "Подрядчики уже уложили асфальт и установили скамейки во многих дворах, работы "
            "идут по графику и закончатся к осени. Следующим летом программа продолжится, "
            "заявки принимают до весны. Жители сами выбирают, что ремонтировать, и голосуют "
            "на собраниях. Глава Глазова проверил работы и остался доволен.",
            {"RU-UD": "main"},
        ),
        # a title of a federal name alone: a site's banner, not the story's subject
        (
            "Президент России\nГосуслуги\nОбратная связь\nАдминистрация района\n"
            "Новости\nВ Доме культуры прошёл субботник. Работники собрали листья и вывезли "
            "мусор, а после субботника пили чай. Следующий субботник пройдёт весной, "
            "пригласят и школьников, родителей и ветеранов. Работники Дома культуры "
            "благодарят всех, кто пришёл. Администрация Таштагольского района тоже "
            "благодарит всех.",
            {"RU-KEM": "main"},
        ),
        # controls: the federal body as the title's subject, a region far from the lead
        (
            "Правительство России утвердило программу ремонта дворов\n"
            "Деньги выделят из федерального бюджета. Подрядчики уже уложили асфальт и "
            "установили скамейки во многих городах, работы идут по графику и закончатся "
            "к осени. Следующим летом программа продолжится, заявки принимают до весны. "
            "Жители сами выбирают, что ремонтировать, и голосуют на собраниях. "
            "В Глазове отремонтируют пять дворов.",
            {"RU-UD": "mentioned"},
        ),
        (
            "Путин поручил отремонтировать дворы\n"
            "Деньги выделят из федерального бюджета. Подрядчики уже уложили асфальт и "
            "установили скамейки во многих городах, работы идут по графику и закончатся "
            "к осени. Следующим летом программа продолжится, заявки принимают до весны. "
            "Жители сами выбирают, что ремонтировать, и голосуют на собраниях. "
            "В Глазове отремонтируют пять дворов.",
            {"RU-UD": "mentioned"},
        ),
    ],
)
def test_a_federal_name_that_does_not_lead(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


_MEETING = (
    "Совещание в администрации Ртищевского района\n"
    "Глава Ртищевского района Саратовской области провёл планёрку с заместителями и "
    "руководителями отделов. Обсудили подготовку школ к учебному году, ремонт дорог и "
    "уборку урожая, а также работу котельных и подготовку к отопительному сезону. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ward of a patronage: the aid is its news too, wherever the text names it
        (
            _MEETING + "Отдельно обсудили помощь подшефному Новоайдарскому округу Луганской "
            "Народной Республики: закуплены стройматериалы для школы.",
            {"RU-SAR": "main", "RU-LPR": "main"},
        ),
        # controls: a region named far from the lead without «подшефный» stays passing, and so
        # does a guest's home after «из» next to it
        (
            _MEETING + "Отдельно обсудили опыт Луганской Народной Республики в ремонте школ.",
            {"RU-SAR": "main", "RU-LPR": "mentioned"},
        ),
        (
            _MEETING + "На планёрке выступили гости из подшефной Луганской Народной Республики.",
            {"RU-SAR": "main", "RU-LPR": "mentioned"},
        ),
    ],
)
def test_the_ward_of_a_patronage(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected
