"""Controls for the rules of the twenty-third wave that fired too broadly, on ordinary news
sentences written for this review (none is taken from the development texts): each case is one
a careful reader does not read the way the rule did, next to the rule's own case it still
catches."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions
from tests.support.events import expect_event, expect_none


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


# --- events: gatherings counted in the headline ---------------------------------------------


def test_event_a_day_of_the_month_is_no_count_of_gatherings() -> None:
    ev = expect_event(
        "12 июня праздничные мероприятия пройдут в центральном парке Ключей",
        "В программе концерт, ярмарка и салют. Начало в 12:00.",
    )
    assert ev.status == "announced"


def test_event_one_festival_counting_its_programme_is_an_event() -> None:
    ev = expect_event(
        "Фестиваль «Русская зима» в Ключах объединил 15 мероприятий",
        "Фестиваль прошёл в субботу на площади у Дома культуры. Его посетили более тысячи человек.",
    )
    assert ev.kind == "фестиваль"


def test_event_a_count_of_gatherings_alone_is_still_a_programme() -> None:
    expect_none(
        "Более 40 мероприятий подготовили к юбилею района",
        "В течение года пройдут концерты, соревнования и выставки.",
    )


# --- events: villages in the plural as the topic, not where the gathering is held ----------


def test_event_a_meeting_about_roads_in_villages_is_one_meeting() -> None:
    ev = expect_event(
        "Дороги обсудили с жителями",
        "В администрации района прошло совещание по ремонту дорог в сёлах района. Участники "
        "обсудили график работ.",
    )
    assert ev.kind == "совещание"


def test_event_meetings_held_in_villages_are_still_one_in_each() -> None:
    expect_none(
        "Итоги года",
        "Собрания по самообложению прошли в сёлах района. Жители поддержали проекты.",
    )


# --- events: a relative clause of the headline under «Известны ...» --------------------------


def test_event_a_line_up_made_known_is_the_gatherings_story() -> None:
    ev = expect_event(
        "Известны имена артистов, которые выступят на Дне города",
        "Список опубликовала администрация. Среди них группа «Ключи» и хор ветеранов.",
    )
    assert ev.status == "announced"


# --- events: a place chosen by its name is no person elected ---------------------------------


def test_event_a_town_chosen_as_the_venue_is_no_person_elected() -> None:
    ev = expect_event(
        "Новую Ладогу выбрали площадкой",
        "В субботу в Новой Ладоге пройдёт районный праздник.",
    )
    assert ev.status == "announced"


# --- regions: a district's centre named with «-к-» -------------------------------------------


@pytest.mark.parametrize(
    "name",
    # Ключевский район's centre is Ключи, Шипуновский's Шипуново, Дубовский's (Ростовская
    # область) Дубовское, Вознесенский's Вознесенское, Черемшанский's Черемшан: villages named
    # so lie all over the country
    ["Ключевка", "Шипуновка", "Дубовка", "Вознесенка", "Черемшанка"],
)
def test_region_a_common_village_name_is_no_district_centre(name: str) -> None:
    assert roles(f"В селе {name} отремонтировали сельский клуб.") == {}


def test_region_a_centre_named_with_the_suffix_still_counts() -> None:
    assert roles("В центральном парке с. Репьёвка прошли гуляния.") == {"RU-VOR": "main"}
    assert roles("На стадионе п. Ровеньки прошёл фестиваль.") == {"RU-BEL": "main"}


# --- regions: a delegation's visit before or after the one of the title ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Делегация Тульской области с визитом в Калуге\n"
            "Делегация Тульской области прибыла в Калугу. Гости осмотрели технопарк. В прошлом "
            "году тульские депутаты посетили Рязань.",
            {"RU-TUL": "main", "RU-KLU": "main", "RU-RYA": "mentioned"},
        ),
        (
            "Визит делегации Ключевского района\n"
            "Делегация побывала на предприятиях района. Позже делегация посетит Казань.",
            {"RU-ALT": "main", "RU-TA": "mentioned"},
        ),
        (
            "Делегация Калмыкии на юбилее\n"
            "Делегация Калмыкии отправилась на юбилей республики. Ранее глава Калмыкии посетил "
            "Астрахань.",
            {"RU-KL": "main", "RU-AST": "mentioned"},
        ),
        # control: the place the delegation visits on this trip
        (
            "Визит делегации Ключевского района\n"
            "Делегация посетила Казань, где осмотрела технопарк.",
            {"RU-ALT": "main", "RU-TA": "main"},
        ),
    ],
)
def test_region_another_trip_of_a_delegation(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected
