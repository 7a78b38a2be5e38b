"""Roles and false regions of the seventeenth wave, on sentences written for these tests:
people «из» a list of places behind a noun («звонари из храмов …») come from there, a village
named like a region in words of the nominative, a capital initial mid-sentence is no «г.», a
town named like an adjective before an adjective and a noun agreeing with it is their
adjective, «к» is the preposition (not «как»), and the place where a title with no region
has its gathering take place, in a body's building too."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people «из» places behind a noun: the list is where they come from, the host
        # (named in the title) is the story's
        (
            "Хоровой праздник в Угличе\nХористы из действующих храмов Тверской и Ярославской "
            "областей, Москвы и Казани выступят на празднике, который пройдёт 3 мая в Угличе.",
            {
                "RU-YAR": "main",
                "RU-TVE": "mentioned",
                "RU-MOW": "mentioned",
                "RU-TA": "mentioned",
            },
        ),
        (
            "Турнир в Кургане\nБорцы из спортивных школ Тюменской, Курганской и Свердловской "
            "областей приехали на турнир в Курган.",
            {
                "RU-KGN": "main",
                "RU-TYU": "mentioned",
                "RU-SVE": "mentioned",
            },
        ),
        # money «из» a budget is no one's origin: the region stays the story's
        ("Средства из бюджета Тверской области направят на ремонт школ.", {"RU-TVE": "main"}),
    ],
)
def test_people_from_places_behind_a_noun(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village named like a region, in two words after the village word, every mention
        ("Ярмарка пройдёт в посёлке Южный Урал. В Южном Урале ждут гостей.", set()),
        ("Жителей посёлка Горный Алтай пригласили на сход.", set()),
        # the region itself, and the region's villages in the genitive
        ("Ярмарка пройдёт на Южном Урале.", {"RU-CHE"}),
        ("Дороги отремонтируют в посёлках Ханты-Мансийского автономного округа.", {"RU-KHM"}),
    ],
)
def test_village_named_like_a_region(text: str, expected: set[str]) -> None:
    assert set(roles(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital initial after a lower-case word: a person, not «г.»
        ("Отремонтируют улицу маршала Г. Жукова и сквер у школы.", set()),
        ("В сквере поставят бюст героя Г. Жукова.", set()),
        # «г.» in lower case, and after a preposition, is the town
        ("Фестиваль прошёл в г. Жукове.", {"RU-KLU"}),
        ("Новую школу откроют в Г. Жукове.", {"RU-KLU"}),
    ],
)
def test_initial_is_no_town_word(text: str, expected: set[str]) -> None:
    assert set(roles(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective-named town before an adjective and a noun in its case: their adjective
        ("Совещание прошло с Никольским территориальным отделом округа.", set()),
        ("Руководителя Никольского территориального отдела назначили вчера.", set()),
        # the town before a subject in another case, or its village's own municipality
        ("В Никольском новый парк открыли в субботу.", {"RU-LEN"}),
    ],
)
def test_town_named_like_an_adjective_as_an_attribute(text: str, expected: set[str]) -> None:
    assert set(roles(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «к» is the preposition: a place near a town is that town's region
        ("Жители посёлка ценят его близость к Рыбинску.", {"RU-YAR": "main"}),
        (
            "Праздник улиц\nНесмотря на близость к Костроме, деревня живёт своей жизнью.",
            {"RU-KOS": "main"},
        ),
        # «как» still compares
        (
            "В Костроме, как в Рыбинске, открыли новый парк.",
            {"RU-YAR": "mentioned", "RU-KOS": "main"},
        ),
    ],
)
def test_k_is_a_preposition(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


_FINAL = (
    "Стартует финал конкурса «Педагог года»\n"
    "Финальный этап самого известного конкурса педагогического мастерства «Педагог года», "
    "в котором участвуют учителя начальных классов, предметники и воспитатели детских садов "
    "из всех регионов страны, а также победители прошлых лет и приглашённые эксперты, "
    "стартует 5 октября, а торжественное открытие пройдёт в Доме правительства {place}.\n"
    "Курскую область в конкурсе представит учительница из Курчатова. Курскую область на "
    "конкурсе представляли и в прошлом году."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no region in the title: where the lead's gathering takes place is the story's,
        # the lead's long sentence read to its end, in a body's building too
        (_FINAL.format(place="Тульской области"), {"RU-TUL": "main", "RU-KRS": "main"}),
        # a titled story: a venue in a body's building is the story's as well
        (
            "Брянские учителя получили награды\nВ администрации Тульской области прошла "
            "церемония награждения учителей.",
            {"RU-BRY": "main", "RU-TUL": "main"},
        ),
        # not a programme's place: no building, no venue
        (
            "Брянские учителя получили награды\nВ рамках программы Тульской области прошла "
            "церемония награждения учителей.",
            {"RU-BRY": "main", "RU-TUL": "mentioned"},
        ),
    ],
)
def test_venue_of_the_gathering(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected
