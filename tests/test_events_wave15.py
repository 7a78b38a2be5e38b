"""Event rules from the errors on the fifteenth development set of real news: one rule per
test, on sentences written for these tests (none is taken from the dev texts)."""

from __future__ import annotations

from bot.text.events.lexicon import _kinds_in, find_incident
from bot.text.events.status import sentence_stance
from tests.support.events import expect_event, expect_none

# --- (1) an officials' routine staff meeting is no gathering ---------------------------------


def test_a_weekly_staff_meeting_is_no_event() -> None:
    expect_none(
        "Глава Лесногорского района провёл аппаратное совещание",
        "В совещании участвовали главы поселений и руководители отделов. Обсудили вывоз "
        "мусора и ремонт дорог, глава дал поручения.",
    )


def test_residents_letters_read_at_an_operational_meeting_are_no_event() -> None:
    expect_none(
        "Мэр Заречного разобрал жалобы горожан",
        "На оперативном совещании мэр Игорь Панов рассмотрел обращения жителей. Жильцы дома "
        "на улице Мира просят починить крышу, мэр поручил найти подрядчика.",
    )


def test_a_traditional_planning_meeting_is_no_event() -> None:
    expect_none(
        "Глава округа провёл традиционное планерное совещание",
        "С заместителями обсудили планы на неделю и уборку улиц после снегопада.",
    )


def test_a_daily_meeting_of_the_governor_is_no_event() -> None:
    expect_none(
        "Губернатор недоволен украшением города",
        "Сегодня на ежедневном совещании губернатора с министрами обсуждали, как украсить "
        "улицы к Новому году. Участники совещания признали, что посёлок украшен лучше.",
    )


def test_an_extended_meeting_or_a_first_planning_meeting_still_counts() -> None:
    ev = expect_event(
        "Глава района провёл расширенное совещание",
        "На совещании присутствовали главы поселений и руководители предприятий.",
    )
    assert (ev.kind, ev.status) == ("совещание", "held")
    ev = expect_event(
        "Первую планёрку провёл новый глава Озёрного района",
        "На совещании присутствовали главы поселений. Обсудили ремонт школ.",
    )
    assert (ev.kind, ev.status) == ("совещание", "held")


# --- (2) cancellations and moves ---------------------------------------------------------------


def test_a_wire_dateline_opening_the_paragraph_is_no_headline() -> None:
    ev = expect_event(
        "ХАБАРОВСК, 12 мая, ИА Восток. В Хабаровске отменили закрытие сезона водного туризма, "
        "которое должно было пройти в субботу.",
        "ХАБАРОВСК, 12 мая, ИА Восток. В Хабаровске отменили закрытие сезона водного туризма, "
        "которое должно было пройти в субботу.\nОбычно мероприятие проходило на набережной.\n"
        "Праздник отменили из-за штормового предупреждения.",
    )
    assert ev.status == "cancelled"


def test_a_towns_holiday_gatherings_called_off_are_one_holiday() -> None:
    ev = expect_event(
        "Массовые мероприятия в Заречном в честь Дня города отменили",
        "День города должен был пройти 28 июня. Администрация отменила праздник из-за "
        "эпидемии гриппа.",
    )
    assert (ev.kind, ev.status) == ("праздник", "cancelled")


def test_a_towns_fair_day_called_off_and_moved_a_week_is_one_fair() -> None:
    ev = expect_event(
        "В Заречном из-за урагана отменили сельскохозяйственные ярмарки 6 июля",
        "В Заречном отменили ярмарки, запланированные на 6 июля. Об этом сообщили в мэрии. "
        "Торговлю на всех площадках перенесли на неделю.",
    )
    assert (ev.kind, ev.status) == ("ярмарка", "postponed")


def test_fairs_called_off_with_no_day_are_still_a_run() -> None:
    expect_none(
        "В Заречном отменили сельскохозяйственные ярмарки",
        "Ярмарки не будут проводиться до конца лета.",
    )


# --- (3) look-alikes ---------------------------------------------------------------------------


def test_meetings_going_on_one_after_another_are_a_series() -> None:
    expect_none(
        "Администрация округа продолжает проводить встречи с жителями сёл",
        "На встречах обсудили ремонт дорог и работу автобусов.",
    )


def test_celebrations_being_called_off_across_a_region_are_a_list() -> None:
    expect_none(
        "В Лесногорской области продолжают отменять гуляния в честь Ивана Купалы",
        "Праздника не будет в Заречном и Озёрном. Гуляния отменили по решению комиссий.",
    )


def test_festivities_in_the_villages_of_a_district_are_one_in_each() -> None:
    expect_none(
        "В сёлах Озёрного района прошли народные гулянья",
        "Дни села отметили жители Ивановки, Петровки и Сосновки. Гостей поздравил глава района.",
    )


def test_a_districts_news_column_is_a_digest() -> None:
    expect_none(
        "Новости районов: турнир по волейболу в Заречном, ремонт моста в Озёрном и юбилей",
        "В Заречном прошёл районный турнир по волейболу. В Озёрном отремонтировали мост.",
    )
    # A rubric over one story is that story.
    ev = expect_event(
        "Новости культуры: в Заречном прошёл фестиваль «Лето»",
        "Фестиваль собрал тысячу гостей на набережной.",
    )
    assert (ev.kind, ev.status) == ("фестиваль", "held")


def test_a_programme_of_festivities_made_public_is_a_poster() -> None:
    expect_none(
        "В Заречном опубликовали афишу праздничных гуляний",
        "Гуляния пройдут в трёх парках города 6 июля. В парке Победы запланированы хороводы.",
    )


def test_a_weekly_listings_rubric_is_no_one_gathering() -> None:
    expect_none(
        "Выходные: горожане увидят воздушных змеев и услышат джаз",
        "Жители района. Фестиваль воздушных змеев, джазовый вечер, субботник – так пройдут "
        "ближайшие выходные. Подробности в нашей еженедельной рубрике «Афиша». Фестиваль "
        "пройдёт у пруда в субботу.",
    )


def test_a_clean_up_campaign_in_full_swing_is_no_one_subbotnik() -> None:
    expect_none(
        "Мэрия сообщает, что весенние субботники в городе уже в самом разгаре",
        "Убраны скверы и дворы. Призываем всех жителей присоединиться!",
    )


def test_a_speaker_elected_is_a_decision_not_the_session() -> None:
    expect_none(
        "Председателем новой районной думы избран Пётр Орлов",
        "Сессия районной думы приняла это решение в пятницу. Других кандидатов не было.",
    )


def test_a_gathering_named_once_in_a_reminder_is_not_the_story() -> None:
    expect_none(
        "Глава Озёрного рассказал, как меняется город",
        "В Озёрном отремонтировали 12 фасадов. Работы оплатили из областного бюджета. "
        "Напомним, в городе также проходит фестиваль «Цветущий город».",
    )


def test_a_festival_as_the_scene_of_awards_deep_in_a_greeting_is_not_the_story() -> None:
    expect_none(
        "5 июля в России отмечается День рыбака",
        "Глава округа поздравила всех рыбаков с праздником. Она поблагодарила их за труд. "
        "Лучших рыбаков наградили грамотами во время фестиваля «Уха-2024».",
    )


def test_a_nationwide_day_is_a_date_not_a_gathering() -> None:
    assert [k for k, _, _ in _kinds_in("13 октября в России отмечается День учителя")] == []
    assert [k for k, _, _ in _kinds_in("13 октября в Заречном отметят День учителя")] == [
        "праздник"
    ]


# --- (4) status and missed gatherings ----------------------------------------------------------


def test_a_notice_with_an_hour_spelt_with_a_hyphen_is_ahead() -> None:
    sent = "Публичные слушания по проекту планировки проводятся 16 августа в 16-00 в клубе."
    stance = sentence_stance(sent, 0, lead=True)
    assert stance is not None and stance[0] == "announced"
    # («в 10-11 классах» is no hour)
    sent = "В 10-11 классах проводятся олимпиады по праву."
    stance = sentence_stance(sent, sent.index("олимпиад"), lead=True)
    assert stance is not None and stance[0] == "held"


def test_a_ceremony_that_opened_the_celebration_reports_it() -> None:
    ev = expect_event(
        "Возложение цветов открыло празднование Дня города в Заречном",
        "Город празднует день рождения. Церемония возложения цветов к обелиску открыла "
        "празднование Дня города. Сегодня в афише концерты и ярмарка.",
    )
    assert ev.status == "held"


def test_a_sitting_called_for_a_day_is_ahead() -> None:
    ev = expect_event(
        "В Озёрном районе выберут главу района",
        "На 30 июля назначено очередное заседание районного совета. Депутаты изберут главу "
        "района и обсудят бюджет.",
    )
    assert (ev.kind, ev.status) == ("заседание", "announced")


def test_the_families_of_the_fallen_at_a_memorial_are_no_incident() -> None:
    assert find_incident("На церемонии присутствовали родители и близкие погибших бойцов.") is None
    assert find_incident("На открытие пришли семьи погибших героев.") is None
    assert find_incident("Двое погибших, трое пострадавших") is not None


def test_a_holiday_set_off_the_schedule_is_no_digest() -> None:
    ev = expect_event(
        "По традиции, с отклонением от «церковного» графика на месяц, в последнюю субботу "
        "марта в Заречном пройдут проводы зимы",
        "Праздник начнётся в 12.00 на центральной площади. В программе концерт и блины.",
    )
    assert ev.status == "announced"
