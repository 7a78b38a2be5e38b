"""Event rules from the false events on the eighteenth development set of real news: one rule
per test, on sentences written for these tests (none is taken from the dev texts), each with a
control the rule must leave as it was."""

from __future__ import annotations

from bot.text.events.lexicon import _kinds_in
from bot.text.events.status import _when_clause
from tests.support.events import expect_event, expect_none

# --- (1) a delegation's work at a forum ------------------------------------------------------


def test_a_delegation_working_at_a_forum_is_no_forum_story() -> None:
    expect_none(
        "Сотрудничество двух областей продолжается",
        "Делегация Ольховской области продолжает работу на IV Международном инвестиционном "
        "форуме. Губернаторы подписали план совместных действий на три года. Документ касается "
        "туризма и сельского хозяйства.",
    )


def test_a_forum_that_began_its_work_stays_an_event() -> None:
    ev = expect_event(
        "В Ольховске открылся инвестиционный форум",
        "Форум начал работу в понедельник. На нём собрались пятьсот участников из девяти регионов.",
    )
    assert ev.kind == "форум" and ev.status == "held"


# --- (2) a contest named after a yard or a balcony; best things listed after a colon ---------


def test_a_contest_named_after_a_yard_is_no_gathering() -> None:
    assert not _kinds_in("В округе стартовал конкурс «Цветущий балкон».")
    assert not _kinds_in("Жителей зовут на конкурс «Двор нашей мечты».")


def test_a_contest_named_after_people_or_a_palace_stays_a_contest() -> None:
    assert [k for k, _, _ in _kinds_in("В округе стартовал конкурс «Юный художник».")] == [
        "конкурс"
    ]
    assert [k for k, _, _ in _kinds_in("Прошёл конкурс «Дворцовые напевы».")] == ["конкурс"]


def test_best_things_listed_after_a_colon_are_no_gathering() -> None:
    assert not _kinds_in("В поселении объявили ряд конкурсов: «Лучшая клумба», «Лучший забор».")
    assert not _kinds_in(
        "Для соседей подготовили конкурсы: «Лучшее территориальное общественное самоуправление»."
    )


def test_best_people_listed_after_a_colon_stay_a_contest() -> None:
    s = "В районе объявили конкурсы: «Лучший повар», «Лучшая хозяйка»."
    assert [k for k, _, _ in _kinds_in(s)] == ["конкурс"]


# --- (3) a headline that tells the intake of applications ------------------------------------


def test_an_intake_headline_tells_no_gathering() -> None:
    expect_none(
        "В Ольховском районе начался приём заявок",
        "Анкеты принимают в администрации района. Итоги конкурса подведут к осени.",
    )


def test_a_headline_cue_of_its_own_still_counts() -> None:
    ev = expect_event(
        "Традиционный «Ольховский Сабантуй» отменили",
        "Из-за жары мероприятие решили не проводить.",
    )
    assert ev.status == "cancelled"


# --- (4) a town called festive ---------------------------------------------------------------


def test_a_festival_capital_is_no_festival() -> None:
    assert not _kinds_in("Ольховск может стать фестивальной столицей Поволжья.")
    expect_none(
        "Ольховск может стать «фестивальной столицей»",
        "Губернатор представил министру проект «Ольховск — фестивальная столица». Проект "
        "должен сделать область фестивальной точкой страны и привлечь туристов.",
    )


def test_a_festival_ground_stays_a_festival() -> None:
    s = "На фестивальной площадке в субботу выступили народные хоры."
    assert [k for k, _, _ in _kinds_in(s)] == ["фестиваль"]


# --- (5) a project put to consultation -------------------------------------------------------


def test_a_project_put_to_consultation_is_no_hearing() -> None:
    expect_none(
        "На окраине Ольховска построят новый микрорайон",
        "Проект планировки квартала вынесли на общественные обсуждения. В проекте, "
        "вынесенном на общественные обсуждения, говорится, что в новом районе построят школу "
        "и поликлинику.",
    )


def test_consultations_held_at_an_hour_stay_a_hearing() -> None:
    ev = expect_event(
        "В Ольховске обсудят проект планировки квартала",
        "Общественные обсуждения пройдут 12 июля в 17:00 в здании администрации.",
    )
    assert ev.kind == "публичные слушания" and ev.status == "announced"


# --- (6) a decision taken at a sitting, the sitting's day in a clause between ----------------


def test_a_decision_after_the_sittings_day_clause_is_no_sitting_story() -> None:
    expect_none(
        "Внеочередное заседание районного Совета",
        "На внеочередном заседании районного Совета депутатов, состоявшемся 5 июня в "
        "здании администрации, утверждён новый порядок оплаты проезда.",
    )


def test_the_bodys_own_acts_after_the_clause_stay_a_sitting() -> None:
    ev = expect_event(
        "Внеочередное заседание районного Совета",
        "На внеочередном заседании районного Совета депутатов, состоявшемся 5 июня, депутаты "
        "утвердили отчёт главы и обсудили ремонт дорог.",
    )
    assert ev.kind == "заседание" and ev.status == "held"


# --- (7) a gathering as the time of something else: «..., когда ...» -------------------------


def test_a_ceremony_in_a_when_clause_dates_something_else() -> None:
    expect_none(
        "Почему фото главы района появилось на сайте",
        "Читатели спрашивают о снимке на сайте губернатора. Снимок сделан 3 мая, когда "
        "губернатор вручил награды лучшим работникам. Глава получил почётную грамоту за "
        "многолетний труд.",
    )


def test_a_when_clause_with_no_main_clause_before_it_is_no_time_of_another() -> None:
    s = "В субботу, когда в селе прошёл праздник, гостей встречали хлебом."
    assert not _when_clause(s, s.index("праздник"))


def test_a_gathering_in_the_main_clause_stays_an_event() -> None:
    ev = expect_event(
        "В Ольховке прошёл праздник села",
        "Праздник прошёл в субботу, когда в селе открыли новый клуб. Гостей встречали хлебом.",
    )
    assert ev.kind == "праздник" and ev.status == "held"


# --- (8) a festival that runs for months -----------------------------------------------------


def test_a_festival_of_concerts_from_a_month_on_is_a_series() -> None:
    expect_none(
        "В Ольховске пройдёт фестиваль народного творчества «Родные напевы»",
        "Начальник отдела культуры пригласила коллективы принять участие в фестивале. "
        "Концерты пройдут с марта в сельских клубах. Гала-концерт намечен на май.",
    )


def test_concerts_from_an_hour_on_stay_one_festival() -> None:
    ev = expect_event(
        "В Ольховске пройдёт фестиваль «Родные напевы»",
        "Фестиваль пройдёт 12 марта в Доме культуры. Концерты начнутся с полудня.",
    )
    assert ev.kind == "фестиваль" and ev.status == "announced"


# --- (9) a campaign over a season ------------------------------------------------------------


def test_a_campaign_over_the_summer_is_no_gathering() -> None:
    expect_none(
        "Депутаты зовут ольховцев присоединиться к экологической акции",
        "Депутаты горсовета организуют акцию по посадке деревьев. В течение лета и осени "
        "волонтёры высадят сотню лип вдоль набережной. Присоединиться может любой желающий.",
    )


def test_a_campaign_of_one_day_stays_an_event() -> None:
    ev = expect_event(
        "Ольховцев зовут на экологическую акцию",
        "Акция «Чистый берег» пройдёт в субботу. В течение часа волонтёры уберут пляж.",
    )
    assert ev.kind == "акция" and ev.status == "announced"


# --- (10) an invitation to a holiday whose lead turns to the preparations --------------------


def test_a_holiday_readied_with_no_day_set_is_no_event() -> None:
    expect_none(
        "Жителей Ольховска приглашают отметить День города",
        "В августе город отмечает свой день рождения. А подготовиться к празднику горожане "
        "могут уже сейчас: администрация объявила конкурс на лучший фасад. Заявки принимают "
        "до 20 июля.",
    )


def test_a_holiday_readied_and_set_for_a_day_stays_an_event() -> None:
    ev = expect_event(
        "Жителей Ольховска приглашают отметить День города",
        "Праздник пройдёт 10 августа на набережной. А подготовиться к празднику горожане "
        "могут уже сейчас: администрация объявила конкурс на лучший фасад.",
    )
    assert ev.kind == "праздник" and ev.status == "announced"
