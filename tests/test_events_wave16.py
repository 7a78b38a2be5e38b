"""Event rules from the errors on the sixteenth development set of real news: one rule per
test, on sentences written for these tests (none is taken from the dev texts)."""

from __future__ import annotations

from bot.text.events.lexicon import _kinds_in
from bot.text.events.status import several
from tests.support.events import expect_event, expect_none

# --- (1) gatherings counted in digits are several -----------------------------------------


def test_gatherings_counted_in_digits_are_several() -> None:
    s = "За лето в сквере провели 42 разных мероприятия для детей."
    assert several(s, s.index("мероприятия"), "мероприятие")
    s = "Весной в округе прошло 15 субботников."
    assert several(s, s.index("субботников"), "субботник")


def test_an_ordinal_in_digits_or_a_year_counts_nothing() -> None:
    s = "Вчера состоялось 42 заседание районного Совета."
    assert not several(s, s.index("заседание"), "заседание")
    s = "В 2024 фестиваль собрал гостей со всей области."
    assert not several(s, s.index("фестиваль"), "фестиваль")


def test_a_park_closing_its_season_with_a_count_of_gatherings_is_no_event() -> None:
    expect_none(
        "В Озёрске закрылся сезон в парке культуры",
        "С понедельника карусели остановлены до весны. За сезон для горожан в парке провели "
        "32 различных мероприятия. Парк остаётся открытым для прогулок.",
    )


# --- (2) a pronoun carries the gathering into its change ------------------------------------


def test_a_pronoun_carries_the_gathering_into_its_postponement() -> None:
    ev = expect_event(
        "Что ждёт горожан в мае",
        "На вопросы ответил заместитель главы района Пётр Сомов. Доброй традицией стал для "
        "города весенний забег на приз районной газеты, который проходит в середине мая. В "
        "этом году он переносится на неопределённый срок из-за ремонта стадиона.",
    )
    assert ev.status == "postponed"


def test_a_plan_told_in_the_past_gives_way_to_its_move() -> None:
    ev = expect_event(
        "Праздник урожая в Сосновке был запланирован на 14 сентября.",
        "О его переносе сообщила администрация поселения. Причина в погоде. Празднование "
        "проведут после того, как закончится уборка.",
    )
    assert ev.status == "postponed"


def test_a_festival_held_with_no_change_stays_held() -> None:
    ev = expect_event(
        "В Сосновке прошёл праздник урожая",
        "Праздник собрал на площади три сотни гостей. Его открыл глава поселения.",
    )
    assert ev.status == "held"


# --- (3) a victory in a contest is an outcome, not the contest held ----------------------------


def test_money_won_in_a_contest_is_no_event() -> None:
    expect_none(
        "Поселение потратило деньги, полученные благодаря победе в областном конкурсе "
        "сельских клубов",
        "На средства отремонтировали крышу клуба и купили новые кресла. Работы завершены в срок.",
    )


def test_winners_of_a_contest_awarded_still_tell_the_contest() -> None:
    ev = expect_event(
        "Подведены итоги конкурса чтецов «Живое слово»",
        "В районном Доме культуры наградили победителей конкурса. Первое место занял "
        "школьник из Липовки.",
    )
    assert ev.status == "held"


# --- (4) a greeting on a day, a day defined, a day as an occasion --------------------------


def test_greeting_veterans_on_victory_day_is_no_event() -> None:
    expect_none(
        "Мэр Заречного поздравил ветеранов",
        "В День Победы мэр Заречного и депутаты поздравили ветеранов войны на дому. Каждому "
        "вручили цветы и продуктовый набор.",
    )


def test_a_holiday_defined_is_no_gathering() -> None:
    expect_none(
        "В Кленовке отремонтировали школу",
        "Новый год — это самый любимый праздник, которого с нетерпением ждут дети. Так, в "
        "Кленовке к новому году "
        "отремонтировали спортзал школы.",
    )


def test_a_greeting_headline_with_no_cue_is_no_event() -> None:
    expect_none(
        "С Днём работников леса!",
        "День работников леса – профессиональный праздник тех, кто трудится в лесу. К их "
        "празднику в библиотеках была приурочена акция «Берегите лес».",
    )


def test_an_award_timed_to_a_day_is_not_the_holiday() -> None:
    expect_none(
        "Коммунальщиков Заречного отметили на областном уровне",
        "Вручение грамот, которое прошло в областном центре, было приурочено к Дню "
        "работника ЖКХ. Грамоты получили пять человек.",
    )


def test_a_greeting_headline_over_a_fete_reported_is_the_fete() -> None:
    ev = expect_event(
        "Губернатор поздравил жителей Ольховского округа с днём района",
        "Сегодня Ольховский округ отмечает день района. С праздником земляков поздравил "
        "губернатор. – Желаю району процветания, – написал он. Праздничные мероприятия "
        "прошли на районном стадионе.",
    )
    assert ev.status == "held"


# --- (5) a season's campaign, a meeting by video, a visit's inspection ---------------------


def test_a_contest_lasting_a_summer_is_no_event() -> None:
    expect_none(
        "В течение лета проходил районный конкурс «Цветущий двор»",
        "Участвовали двенадцать семей из четырёх поселений. Комиссия объехала все дворы и "
        "определила победителей.",
    )


def test_a_meeting_by_video_link_is_a_routine_one() -> None:
    expect_none(
        "Глава района принял участие в совещании по паводку",
        "Совещание в формате видеоконференцсвязи провёл заместитель губернатора. Главам "
        "поручили проверить дамбы.",
    )


def test_a_talk_with_residents_on_an_inspection_round_is_no_event() -> None:
    expect_none(
        "Заместитель главы посетил дворы в селе Липовка",
        "В ходе выезда были осмотрены детские площадки. Заместитель главы пообщался с "
        "жителями, записал их жалобы.",
    )


# --- (6) a plan with no day yet --------------------------------------------------------------


def test_a_celebration_planned_with_no_date_yet_is_no_event() -> None:
    expect_none(
        "Праздник молодёжи в Заречном планируется провести осенью",
        "Администрация ищет подрядчика для организации. Точную дату мероприятия пока не объявили.",
    )


def test_an_announced_festival_with_its_date_stays_announced() -> None:
    ev = expect_event(
        "Фестиваль ухи пройдёт в Заречном 20 июля",
        "Праздник откроется в полдень на набережной. Участников ждут с 10 часов.",
    )
    assert ev.status == "announced"


# --- (7) new words: races on snowmobiles, a fete's named programme ------------------------


def test_races_on_snowmobiles_are_a_competition() -> None:
    assert [k for k, _, _ in _kinds_in("В деревне прошли гонки на снегоходах.")] == ["соревнования"]
    assert _kinds_in("Гонка вооружений продолжается.") == []


def test_a_fete_programme_named_in_quotes_is_a_gathering() -> None:
    kinds = _kinds_in("Праздничная программа «Весёлый май» начнётся в полдень.")
    assert [k for k, _, _ in kinds] == ["программа"]
    assert _kinds_in("Праздничная программа была насыщенной.") == []


def test_a_verb_in_the_programme_name_does_not_tell_its_status() -> None:
    ev = expect_event(
        "Праздничная программа «Как птицы поют»",
        "В день посёлка на площади будут работать аттракционы. Выступят местные артисты.",
    )
    assert ev.status == "announced"


# --- (8) a headline in capitals, one gathering across the places ---------------------------


def test_a_headline_in_capitals_is_read() -> None:
    ev = expect_event(
        "В ЛИПОВСКОМ РАЙОНЕ ПРОШЁЛ СУББОТНИК",
        "Чистота улиц — приоритет администрации района. Сегодня в сёлах района убрали "
        "мусор и покосили траву.",
    )
    assert ev.kind == "субботник"


def test_one_district_wide_clean_up_across_settlements_is_one_event() -> None:
    ev = expect_event(
        "Во всех поселениях Липовского района прошёл общерайонный субботник",
        "Работники учреждений убрали прилегающие территории.",
    )
    assert ev.status == "held"


def test_holidays_in_all_settlements_stay_several() -> None:
    expect_none(
        "Во всех поселениях Липовского района прошёл праздник",
        "Жители собрались на площадях сёл.",
    )


def test_the_birthdays_of_several_villages_are_several_gatherings() -> None:
    expect_none(
        "Приглашаем на праздничные мероприятия, посвящённые Дню рождения сёл округа",
        "12 августа в 17.00 в Липовке начнётся концерт. 13 августа в 16.00 пройдёт "
        "праздник в Сосновке.",
    )


# --- (9) a bill read, a result voiced at a forum, a tour's schedule, a town's anniversary --


def test_a_sitting_set_for_a_bill_reading_is_the_bill_s_story() -> None:
    expect_none(
        "Областная дума определилась с датой заседания, на котором в первом чтении будет "
        "рассмотрен закон о транспортном налоге",
        "Заседание состоится 12 июля. Докладчиком значится председатель бюджетного комитета.",
    )


def test_a_sitting_told_held_stays_an_event() -> None:
    ev = expect_event(
        "Состоялось заседание районной думы",
        "Депутаты утвердили отчёт об исполнении бюджета и план работы на осень.",
    )
    assert ev.status == "held"


def test_a_rating_voiced_at_a_forum_is_no_event() -> None:
    expect_none(
        "Достижения Липовской области отметили на экономическом форуме",
        "Область заняла 12 место в рейтинге инвестиционного климата. Рейтинг озвучили на "
        "международном экономическом форуме в Москве 5 июня.",
    )


def test_a_schedule_of_dated_stops_is_no_event() -> None:
    expect_none(
        "Отдел культуры отберёт лучшие номера для районного гала-концерта, намеченного на 9 мая",
        "Смотры будут проходить по следующему графику:\n"
        "20 апреля — Липовка (14.00) и Сосновка (16.00);\n"
        "21 апреля — Кленовка (15.00);\n"
        "23 апреля — Ольховка (14.00) и Заречное (17.00).",
    )


def test_a_town_celebrating_its_anniversary_is_a_holiday() -> None:
    assert [k for k, _, _ in _kinds_in("Жители Ольховска отмечают 300-летие города.")] == [
        "праздник"
    ]
    assert _kinds_in("Отмечаем 300-летие учёного.") == []
