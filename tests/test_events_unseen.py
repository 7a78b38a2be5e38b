"""Event rules from the errors on news the detector had never seen (round 4, tenth wave): one
rule per test, on sentences written for these tests (none is taken from the dev texts)."""

from __future__ import annotations

from bot.text.events import detect_event
from bot.text.events.lexicon import _kinds_in
from bot.text.events.status import sentence_stance
from tests.support.events import PUBLISHED, expect_event, expect_none

# --- (1) a decision or an appointment, not the sitting ---------------------------------------


def test_a_post_taken_is_no_sitting() -> None:
    expect_none(
        "Марина Соколова стала главой Лесногорского округа",
        "Впервые округ возглавила женщина. За её кандидатуру проголосовали все депутаты, "
        "присутствовавшие на заседании.",
    )


def test_a_post_confirmed_by_a_vote_is_no_sitting() -> None:
    expect_none(
        "Во вторник на заседании думы депутаты утвердили Олега Белова в должности главы Заречного",
        "Белов принёс присягу и пообещал работать для жителей.",
    )


def test_a_bill_supported_is_a_decision_even_with_the_sitting_in_the_lead() -> None:
    expect_none(
        "Областные парламентарии поддержали законопроект о слиянии двух поселений",
        "Сегодня состоялось внеочередное заседание Законодательного собрания. Объединение "
        "поселений стало одним из вопросов повестки.",
    )


def test_a_vote_at_a_sitting_is_the_decision() -> None:
    expect_none(
        "На заседании городской думы Озёрска депутаты проголосовали за переименование улиц",
        "В четверг на заседании городской думы депутаты проголосовали за новые названия "
        "четырёх улиц.",
    )


def test_an_initiative_endorsed_by_deputies_is_no_event() -> None:
    expect_none(
        "Депутаты одобрили инициативу объединения сельских поселений",
        "В преддверии Дня местного самоуправления депутаты горсовета поддержали объединение. "
        "Предварительно прошли публичные слушания.",
    )


def test_a_sitting_reported_with_its_decisions_stays_an_event() -> None:
    ev = expect_event(
        "Состоялось заседание районного Совета, депутаты поддержали обращение",
        "На заседании рассмотрели восемь вопросов.",
    )
    assert (ev.kind, ev.status) == ("заседание", "held")


def test_a_quarter_of_laws_is_a_summary() -> None:
    expect_none(
        "По итогам работы за II квартал краевой думой принято 30 законов",
        "С апреля по июнь дума провела 12 заседаний. На последнем заседании депутаты "
        "рассмотрели отчёт губернатора.",
    )


def test_a_holiday_on_whose_eve_something_is_done_is_no_gathering() -> None:
    expect_none(
        "Совет одобрил изменения в устав",
        "В преддверии Дня города депутаты одобрили изменения в устав.",
    )


# --- (2) digests and programmes ------------------------------------------------------------


def test_two_gatherings_in_two_clauses_are_two_stories() -> None:
    expect_none(
        "В Сосновке пройдёт праздник гармони, а Кедровый отметит 150-летний юбилей",
        "Оба торжества ждут гостей в субботу.",
    )


def test_a_lead_that_calls_the_text_a_digest() -> None:
    expect_none(
        "Песни и спорт: как отметили День края",
        "Публикуем дайджест из трёх сёл. В Ивановке прошёл концерт.",
    )


def test_districts_celebrating_are_many_places() -> None:
    expect_none(
        "Ярмарки и концерты: как районы празднуют День республики",
        "В Ивановке прошёл концерт. В Петровке открылась ярмарка.",
    )


def test_a_schedule_drawn_up_is_a_listing() -> None:
    expect_none(
        "Названы даты праздника рыбаков",
        "Управление культуры составило график празднований Дня рыбака. В Озёрном праздник "
        "пройдёт 6 июля, в Заречном — 13 июля.",
    )


def test_a_headline_that_opens_with_gatherings_in_the_plural() -> None:
    expect_none(
        "Мероприятия для школьников на летние каникулы",
        "Для детей подготовлена программа. 10 июля пройдёт праздник двора.",
    )


def test_items_of_one_holiday_opening_the_headline_stay_one() -> None:
    ev = expect_event("Мероприятия ко Дню села пройдут в субботу", "Праздник начнётся в 11 часов.")
    assert ev.status == "announced"


def test_processions_called_off_in_the_plural_are_several() -> None:
    expect_none(
        "Майские праздники в Заречном пройдут без шествий и митингов",
        "Администрация отменила шествия на 1 Мая и 9 Мая.",
    )


# --- (3) preparations, plans and broadcasts -------------------------------------------------


def test_a_talk_on_air_is_no_gathering() -> None:
    expect_none(
        "О юбилее города поговорили в прямом эфире",
        "Вчера состоялся прямой эфир с заместителем мэра. Он рассказал, что 20 июля пройдёт "
        "фестиваль.",
    )


def test_an_exhibition_being_made_is_no_gathering() -> None:
    expect_none(
        "В районном музее собирают выставку о земляках-лётчиках",
        "Сотрудники готовят зал для новой выставки. В неё войдут письма и фотографии.",
    )


def test_a_preparation_headline_over_an_organising_sitting_is_the_sitting() -> None:
    ev = expect_event(
        "Подготовка к празднованию Дня села",
        "Вчера в администрации прошло заседание оргкомитета по подготовке к празднованию "
        "Дня села. Глава рассказал о программе.",
    )
    assert (ev.kind, ev.status) == ("заседание", "held")


def test_a_preparation_headline_alone_stays_announced() -> None:
    ev = expect_event(
        "Город готовится к празднованию Дня района",
        "Праздник пройдёт 12 июля на центральной площади.",
    )
    assert ev.status == "announced"


def test_on_the_weekend_with_a_verb_is_the_time_of_one_act() -> None:
    ev = expect_event(
        "На выходных в Ключах порадуют любителей ухи",
        "В Ключах пройдёт праздник «Рыбацкая уха».",
    )
    assert ev.status == "announced"


def test_where_to_go_on_the_weekend_stays_a_guide() -> None:
    expect_none("Куда сходить на выходных", "В парке пройдёт праздник «Лето».")


# --- (4) sport abroad ------------------------------------------------------------------------


def test_a_tournament_abroad_with_no_place_in_russia() -> None:
    expect_none(
        "Лучник из Тибета стал победителем состязания",
        "Турнир по стрельбе из лука прошёл в Китае. В нём участвовали 300 спортсменов.",
    )


def test_a_tournament_at_home_is_an_event() -> None:
    ev = expect_event(
        "Лучник из Казани стал победителем турнира",
        "Турнир по стрельбе из лука прошёл в Казани. Гости приехали из Китая.",
    )
    assert (ev.kind, ev.status) == ("соревнования", "held")


# --- (5) an incident at a gathering -----------------------------------------------------------


def test_a_fight_at_a_festival_is_the_incident_story() -> None:
    expect_none(
        "В парке прошёл фестиваль пены, который закончился дракой",
        "На празднике появились хулиганы. Они устроили драку у сцены. Пострадавших увезли "
        "врачи. Полиция ищет зачинщиков.",
    )


def test_a_festival_with_one_mishap_stays_an_event() -> None:
    ev = expect_event(
        "В парке прошёл фестиваль пены",
        "Праздник собрал тысячу гостей. Один мальчик получил лёгкую травму. Концерт шёл до вечера.",
    )
    assert ev.status == "held"


# --- (6) statements and federal meetings ----------------------------------------------------


def test_a_speaker_about_a_forum_with_a_quote() -> None:
    expect_none(
        "Глава республики о ПМЭФ: «Договорились о многом»",
        "Делегация республики начала работу на экономическом форуме. Глава рассказал о "
        "соглашениях.",
    )


def test_a_video_link_is_the_format_not_a_conference() -> None:
    expect_none(
        "Президент начал совещание с темы паводков",
        "Владимир Путин провёл совещание с членами правительства. Встреча проходила в формате "
        "видеоконференции.",
    )


def test_an_officials_working_meeting_with_a_deputy_is_talks() -> None:
    expect_none(
        "Встреча с членом Совета Федерации",
        "Вчера мэр провёл рабочую встречу с членом Совета Федерации. Обсудили ремонт дорог.",
    )


def test_a_contest_of_urban_environment_projects_is_no_gathering() -> None:
    expect_none(
        "Голосование за проект сквера",
        "Город готовится к участию во Всероссийском конкурсе лучших проектов создания "
        "комфортной городской среды. Голосование проходит на сайте.",
    )


# --- (7) status -------------------------------------------------------------------------------


def test_a_city_day_moved_to_a_month_with_a_wish_to_drop_the_salute() -> None:
    ev = expect_event(
        "В Заречном перенесли празднование Дня города на октябрь",
        "Празднование Дня города перенесли из-за паводка. Ранее власти хотели отменить только "
        "салют.",
    )
    assert ev.status == "postponed"


def test_a_part_called_off_does_not_cancel_a_postponed_holiday() -> None:
    ev = expect_event(
        "Праздник перенесли на август",
        "День села перенесли на 10 августа. Салют отменили.",
    )
    assert ev.status == "postponed"


def test_called_off_and_moved_without_end_is_cancelled() -> None:
    ev = expect_event(
        "В Озёрске отменили праздник урожая",
        "Праздник урожая перенесли на неопределённый срок. Причиной отмены стали дожди.",
    )
    assert ev.status == "cancelled"


def test_none_this_year_and_moved_to_next_year_is_cancelled() -> None:
    ev = expect_event(
        "Ильдар Сабиров: Сабантуя в этом году из-за паводка не будет",
        "Сабантуй должен был пройти 20 июля. Праздник переносится на следующий год.",
    )
    assert ev.status == "cancelled"


def test_called_off_with_a_new_day_stays_postponed() -> None:
    ev = expect_event("Ярмарку отменили", "Ярмарку отменили из-за ливня. Её перенесли на 14 июля.")
    assert ev.status == "postponed"


def test_a_postponement_denied_leaves_it_ahead() -> None:
    sentence = "Переноса праздника в этом году из-за жары не будет."
    stance = sentence_stance(sentence, sentence.index("праздника"))
    assert stance is not None and stance[0] == "announced"


def test_whether_it_takes_place_is_a_question_the_text_answers() -> None:
    ev = expect_event(
        "Стало известно, состоится ли летняя ярмарка в Озёрске",
        "Жители спрашивали, пройдёт ли ярмарка. Администрация сообщила, что ярмарка в этом "
        "году не состоится.",
    )
    assert ev.status == "cancelled"


def test_a_headline_that_asks_how_it_goes_asserts_nothing() -> None:
    ev = expect_event(
        "Как пройдёт Крещение в Озёрске?",
        "В этом году Крещение выпадает на пятницу. Купели будут закрыты: из-за морозов "
        "крещенские купания отменены.",
    )
    assert ev.status == "cancelled"


def test_epiphany_is_a_holiday_only_with_a_capital() -> None:
    assert [k for k, _, _ in _kinds_in("Крещение пройдёт у реки.")] == ["праздник"]
    assert _kinds_in("Обряд крещения совершил священник.") == []


# --- (8) gatherings the detector missed ------------------------------------------------------


def test_several_occasions_marked_at_once_are_one_celebration() -> None:
    ev = expect_event(
        "Сразу два праздника отметили жители Озёрного",
        "Это День рыбака и юбилей посёлка. На набережной прошёл концерт.",
    )
    assert (ev.kind, ev.status) == ("праздник", "held")


def test_a_meeting_told_by_its_verb() -> None:
    ev = expect_event(
        "В Заречном районе провели собрание по вопросу ремонта дороги",
        "На собрании обсудили, где начать ремонт.",
    )
    assert (ev.kind, ev.status) == ("собрание", "held")
    assert all(k != "собрание" for k, _, _ in _kinds_in("На собрании депутатов приняли устав."))


def test_a_signing_headline_over_its_ceremony() -> None:
    ev = expect_event(
        "Губернаторы подпишут соглашение о сотрудничестве двух областей",
        "Омск. Соглашение подпишут губернаторы. Его цель — торговля и культура. Стороны "
        "давно работают вместе. Торжественная церемония подписания пройдёт в доме правительства.",
    )
    assert (ev.kind, ev.status) == ("церемония", "announced")


def test_a_quoted_name_told_held_is_a_gathering() -> None:
    ev = expect_event(
        "«Чистая пятница» в Заречном районе",
        "В Заречном районе прошла «Чистая пятница». В уборке приняли участие 500 человек.",
    )
    assert ev.status == "held"


def test_a_phone_in_named_in_quotes_is_no_gathering() -> None:
    assert _kinds_in("Вчера прошла «Прямая линия» с губернатором.") == []


def test_a_place_marking_its_anniversary_of_founding() -> None:
    ev = expect_event(
        "Посёлку Озёрному исполнилось 70 лет",
        "В субботу посёлок отметил 70-летие со дня основания. Глава поздравил жителей.",
    )
    assert (ev.kind, ev.status) == ("праздник", "held")


# --- a gathering given up is cancelled -----------------------------------------------------------


def test_a_fair_given_up_is_cancelled() -> None:
    ev = expect_event(
        "От проведения ярмарки в Сосновке снова отказались",
        "Осенняя ярмарка, которая каждый год проходила в селе в сентябре, не соберёт торговцев "
        "и в этот раз: так решили в администрации поселения.",
    )
    assert (ev.kind, ev.status) == ("ярмарка", "cancelled")


def test_festivities_given_up_are_cancelled() -> None:
    ev = expect_event(
        "В Лесногорске отказались от массовых новогодних гуляний",
        "Мэрия отказалась от массовых гуляний на главной площади из-за морозов.",
    )
    assert ev.status == "cancelled"


def test_a_player_withdrawing_cancels_no_tournament() -> None:
    ev = detect_event(
        "Теннисист отказался от участия в турнире в Лесногорске",
        "Спортсмен отказался от участия в турнире из-за травмы плеча.",
        PUBLISHED,
    )
    assert ev is None or ev.status != "cancelled"
