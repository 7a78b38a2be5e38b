"""Event status, negation, federal news and nominative facts: one rule per test, on sentences
written for these tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.text.dates import find_dates, find_weekdays
from bot.text.events import EventFacts, detect_event, event_to_json, nominal_phrase

# A Wednesday.
PUBLISHED = datetime(2024, 7, 3, 9, 0, tzinfo=UTC)


def _event(title: str, text: str) -> EventFacts:
    ev = detect_event(title, text, PUBLISHED)
    assert ev is not None, title
    return ev


# --- status ---------------------------------------------------------------------------------


def test_announced_session_with_its_date() -> None:
    ev = _event(
        "Депутаты соберутся на внеочередную сессию",
        "4 августа состоится внеочередная сессия Совета депутатов города Абакана.",
    )
    assert (ev.status, ev.kind, ev.date) == ("announced", "сессия", date(2024, 8, 4))


def test_announced_festival_with_a_range() -> None:
    ev = _event("Наадым пройдёт с 13 по 15 июля", "Праздник животноводов соберёт гостей.")
    assert ev.status == "announced"
    assert (ev.date, ev.end_date) == (date(2024, 7, 13), date(2024, 7, 15))


def test_range_across_months() -> None:
    ev = _event(
        "Фестиваль «Лето на Енисее» пройдёт с 30 июня по 2 июля",
        "Фестиваль «Лето на Енисее» пройдёт с 30 июня по 2 июля в Абакане.",
    )
    assert (ev.date, ev.end_date) == (date(2024, 6, 30), date(2024, 7, 2))


def test_saturday_resolves_forward_for_an_announcement() -> None:
    ev = _event("Ярмарка выходного дня", "В субботу в Ульяновске состоится ярмарка мёда.")
    assert ev.status == "announced"
    assert ev.date == date(2024, 7, 6)
    assert ev.city == "Ульяновск"


def test_saturday_resolves_back_for_a_report() -> None:
    ev = _event("Ярмарка мёда прошла в Ульяновске", "В субботу прошла ярмарка мёда.")
    assert (ev.status, ev.date) == ("held", date(2024, 6, 29))


def test_invitation_is_an_announcement() -> None:
    ev = _event("Приглашаем на День города", "Приглашаем жителей на праздничный концерт.")
    assert ev.status == "announced"


def test_tomorrow_counts_from_publication() -> None:
    ev = _event("Завтра пройдут публичные слушания", "Слушания пройдут в администрации.")
    assert (ev.status, ev.date) == ("announced", date(2024, 7, 4))


def test_cancelled() -> None:
    ev = _event(
        "Сабантуй в районе не состоится",
        "Традиционный сабантуй в этом году не состоится из-за паводка.",
    )
    assert ev.status == "cancelled"


def test_postponed_with_the_new_date() -> None:
    ev = _event(
        "Сессия перенесена",
        "Сессия Совета депутатов, назначенная на 10 июля, перенесена на 17 июля.",
    )
    assert ev.status == "postponed"
    assert ev.date == date(2024, 7, 10)
    assert ev.new_date == date(2024, 7, 17)
    data = event_to_json(ev)
    assert data is not None
    assert (data["status"], data["new_date"]) == ("postponed", "2024-07-17")


def test_headline_without_a_kind_word_still_cancels() -> None:
    ev = _event(
        "Традиционный «Сибирский фест» отменили",
        "Фестиваль должен был пройти в парке в субботу.",
    )
    assert ev.status == "cancelled"


def test_present_tense_needs_a_word_for_now() -> None:
    ev = _event("Сегодня проходит сессия Думы", "Сегодня проходит сессия городской Думы.")
    assert ev.status == "held"


# --- what is not an event -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Глава не хочет проводить встречу",
            "Мэр заявил, что не хочет проводить такую встречу с жителями до осени.",
        ),
        ("Форум может состояться в Абакане", "Форум может состояться в Абакане осенью."),
        (
            "Путин провёл встречу с белорусским коллегой",
            "Встреча Путина с белорусским коллегой прошла в Кремле, стороны обсудили торговлю.",
        ),
        (
            "Министр иностранных дел провёл переговоры",
            "Встреча министра иностранных дел с коллегой прошла в Москве.",
        ),
        (
            "Россиянка выиграла этап Кубка мира",
            "Соревнования мира по биатлону прошли в Норвегии, россиянка стала второй.",
        ),
        (
            "Новости района на 22.02.2024",
            "В районе прошёл концерт. В школе прошла выставка рисунков.",
        ),
        (
            "Исполняющим обязанности главы назначен Иванов",
            "Решение принято на заседании районного Совета депутатов.",
        ),
        (
            "В субботу в селах района пройдут праздники сел",
            "Праздники пройдут в четырёх сёлах района.",
        ),
    ],
)
def test_not_events(title: str, text: str) -> None:
    assert detect_event(title, text, PUBLISHED) is None


# --- names, places, parties in the nominative -------------------------------------------------


def test_label_takes_only_genitive_words() -> None:
    ev = _event(
        "Губернатор провёл встречу с жителями Абакана",
        "Встреча губернатора с жителями прошла в Доме культуры «Юбилейный».",
    )
    assert "белорусским" not in ev.label
    assert ev.label.split()[0] == "встреча"
    assert ev.venue == "Дом культуры «Юбилейный»"


def test_day_of_town_label_is_nominative() -> None:
    ev = _event("Мценск отметил День города", "В Дню города Мценска прошёл концерт.")
    assert ev.kind == "праздник"


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        ("Международной выставки-форума «Россия»", "Международная выставка-форум «Россия»"),
        ("Доме культуры «Юбилейный»", "Дом культуры «Юбилейный»"),
        ("Абаканом", "Абакан"),
        ("Центральной библиотеке", "Центральная библиотека"),
        ("ГМЗ «Ростовский кремль»", "ГМЗ «Ростовский кремль»"),
    ],
)
def test_nominal_phrase(phrase: str, nominative: str) -> None:
    assert nominal_phrase(phrase) == nominative


def test_agreement_between_two_towns() -> None:
    ev = _event(
        "Форум глав городов прошёл в Абакане",
        "На форуме подписано соглашение о сотрудничестве между Абаканом и Черногорском.",
    )
    assert [a.parties for a in ev.agreements] == [("Абакан", "Черногорск")]


def test_city_from_a_venue_in_a_named_town() -> None:
    ev = _event(
        "Ярмарка пройдёт 15 сентября",
        "Ярмарка пройдёт на главной площади Минусинска, гости приедут из Абакана.",
    )
    assert ev.city == "Минусинск"


# --- dates ----------------------------------------------------------------------------------


def test_weekdays_forward_and_back() -> None:
    ref = date(2024, 7, 3)  # Wednesday
    assert [s.start for s in find_weekdays("в субботу", ref, ahead=True)] == [date(2024, 7, 6)]
    assert [s.start for s in find_weekdays("в субботу", ref, ahead=False)] == [date(2024, 6, 29)]
    back = find_weekdays("в минувшее воскресенье", ref, ahead=True)
    assert [s.start for s in back] == [date(2024, 6, 30)]
    assert [s.start for s in find_dates("завтра", ref)] == [date(2024, 7, 4)]
