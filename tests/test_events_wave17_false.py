"""Event rules from the false events and wrong statuses on the seventeenth development set of
real news: one rule per test, on sentences written for these tests (none is taken from the dev
texts), each with a control the rule must leave as it was."""

from __future__ import annotations

from bot.text.events.detect import _ONGOING
from bot.text.events.lexicon import _kinds_in
from bot.text.events.status import sentence_stance
from tests.support.events import expect_event, expect_none

# --- (1) a post filled, told with the post first; a post left --------------------------------


def test_a_post_taken_told_post_first_is_no_event() -> None:
    expect_none(
        "Новым мэром Озёрска стал Игорь Лебедев",
        "Вчера на внеочередном заседании городской думы за его кандидатуру проголосовали "
        "двадцать депутатов. Лебедев поблагодарил коллег за доверие.",
    )


def test_a_post_left_is_no_event() -> None:
    expect_none(
        "Глава Лесного округа Павел Орлов покинул свой пост",
        "Временно исполнять обязанности главы будет его заместитель. Срок контракта Орлова "
        "истёк. Конкурс на должность главы округа продлится до конца месяца.",
    )


def test_a_sitting_reported_stays_an_event() -> None:
    ev = expect_event(
        "В Озёрске прошло заседание городской думы",
        "Вчера на заседании депутаты утвердили отчёт об исполнении бюджета и внесли "
        "изменения в устав города.",
    )
    assert ev.kind == "заседание" and ev.status == "held"


# --- (2) a reorganisation decided ------------------------------------------------------------


def test_a_reorganisation_headline_is_no_event() -> None:
    expect_none(
        "В Лесном районе объединили два территориальных отдела",
        "Вопрос обсуждался на сессии районного Собрания ещё осенью. Теперь отделом руководит "
        "Мария Карпова, её представили жителям на встрече в сельском клубе.",
    )


def test_a_festival_that_united_guests_stays_an_event() -> None:
    ev = expect_event(
        "Фестиваль «Голоса Прикамья» объединил мастеров из пяти районов",
        "В субботу в парке прошёл фестиваль народных ремёсел. Гостей встречали песнями.",
    )
    assert ev.kind == "фестиваль" and ev.status == "held"


# --- (3) a progress report on one matter -----------------------------------------------------


def test_a_progress_report_to_deputies_is_no_gathering() -> None:
    assert not _kinds_in("Администрация отчиталась перед депутатами о ходе подготовки к паводку.")
    expect_none(
        "Мосты Озёрска готовят к паводку",
        "Администрация города отчиталась перед депутатами горсовета о ходе подготовки к "
        "паводку. Подрядчик уже укрепил опоры двух мостов.",
    )


def test_a_yearly_report_to_deputies_stays_a_gathering() -> None:
    s = "Глава района отчитался перед депутатами о работе за прошлый год."
    assert [k for k, _, _ in _kinds_in(s)] == ["отчёт"]


# --- (4) contests of homesteads and of a post; the bare word for the same --------------------


def test_a_contest_of_homesteads_is_no_gathering() -> None:
    assert not _kinds_in("Стартовал районный конкурс «Сельское подворье».")
    assert not _kinds_in("Подвели итоги конкурса по оформлению палисадников.")
    assert not _kinds_in("Завершился конкурс на постоянную должность главы.")


def test_a_contest_of_readers_stays_a_gathering() -> None:
    s = "В библиотеке прошёл районный конкурс чтецов."
    assert [k for k, _, _ in _kinds_in(s)] == ["конкурс"]


def test_the_bare_word_after_a_charity_campaign_is_the_campaign() -> None:
    expect_none(
        "Охотники Лесного района порадовали пенсионеров",
        "В районе прошла благотворительная акция «Дичь к столу». Охотники собрали дичь для "
        "ветеранов. Акция прошла в третий раз, её поддержали предприниматели.",
    )


def test_the_bare_word_after_a_contest_of_projects_is_that_contest() -> None:
    expect_none(
        "До 1 декабря проводится первый этап конкурса проектов благоустройства дворов",
        "Конкурс нацелен на развитие городской среды. В конкурсе могут принять участие все "
        "желающие. Конкурс проходит в два этапа, второй пройдёт в декабре.",
    )


def test_a_contest_called_a_competition_after_a_contest_of_gardens() -> None:
    expect_none(
        "Конкурс по оформлению палисадников завершился в Озёрках",
        "Клуб подвёл итоги конкурса по оформлению палисадников. Соревнование проходило в трёх "
        "номинациях, победители получили дипломы.",
    )


def test_a_campaign_with_a_name_of_its_own_stays_an_event() -> None:
    ev = expect_event(
        "Акция «Чистый берег» прошла в Озёрске",
        "В субботу волонтёры убрали берег пруда. Акция собрала сто человек.",
    )
    assert ev.status == "held"


# --- (5) a run of meetings to go on ----------------------------------------------------------


def test_meetings_to_go_on_are_a_series() -> None:
    assert _ONGOING.search("Мэр намерен продолжать встречи с жителями микрорайонов")
    expect_none(
        "Мэр Озёрска намерен продолжать встречи с жителями",
        "За месяц мэр побывал во всех микрорайонах города. Последняя встреча прошла вчера в "
        "доме культуры.",
    )


def test_meetings_under_way_told_reflexively_are_not_this_rule() -> None:
    assert not _ONGOING.search("В районе продолжаются ежегодные собрания граждан")


# --- (6) a nomination for a prize ------------------------------------------------------------


def test_a_nomination_headline_is_no_event() -> None:
    expect_none(
        "Лесной район претендует на победу во всероссийской туристической премии",
        "Фестиваль ремёсел, который проходил в селе Ивановка в июне, вошёл в шорт-лист "
        "премии. Итоги объявят осенью.",
    )


def test_a_festival_headline_stays_an_event() -> None:
    ev = expect_event(
        "В селе Ивановка прошёл фестиваль ремёсел",
        "Мастера из пяти районов показали свои работы. Гостей угощали пирогами.",
    )
    assert ev.status == "held"


# --- (7) a change told of an earlier year ----------------------------------------------------


def test_a_change_in_a_clause_of_last_year_tells_nothing() -> None:
    s = "Напомним, в прошлом году указом изменили дату празднования Дня рыбака."
    stance = sentence_stance(s, s.index("празднования"))
    assert stance is None or stance[0] != "postponed"


def test_a_change_after_the_earlier_clause_still_counts() -> None:
    s = "Праздник, который в прошлом году прошёл в парке, в этом году перенесли на август."
    stance = sentence_stance(s, 0)
    assert stance is not None and stance[0] == "postponed"


def test_a_cancellation_stays_cancelled_over_a_calendar_change_of_last_year() -> None:
    ev = expect_event(
        "В Лесном районе отменили празднование Дня рыбака",
        "Власти района приняли решение об отмене всех праздничных мероприятий ко Дню рыбака. "
        "Причина отмены — траур. Напомним, в прошлом году указом изменили дату празднования "
        "Дня рыбака.",
    )
    assert ev.status == "cancelled"


# --- (8) the source's verb tells nothing of the gathering ------------------------------------


def test_the_source_clause_gives_no_report() -> None:
    s = "Как рассказали в управлении культуры, праздник станет самым большим в истории села."
    stance = sentence_stance(s, s.index("праздник"))
    assert stance is not None and stance[0] == "announced"


def test_a_programme_with_the_source_clause_is_ahead() -> None:
    ev = expect_event(
        "Парку культуры в Озёрске исполняется полвека",
        "В субботу в 12:00 у главной сцены парка начнётся праздничная программа. Как "
        "рассказали в управлении культуры, в программе мероприятия — выступления хора и "
        "духового оркестра.",
    )
    assert ev.status == "announced"


def test_a_programme_told_in_the_past_stays_held() -> None:
    s = "В программе праздника были выступления хора и игры для детей."
    stance = sentence_stance(s, s.index("праздника"))
    assert stance is not None and stance[0] == "held"


# --- (9) the headline's present over a lead that sets the day --------------------------------


def test_a_present_headline_over_a_start_ahead_is_announced() -> None:
    ev = expect_event(
        "В Озёрске проходит фестиваль казачьей песни «Вольница»",
        "В Озёрске в пятый раз пройдёт фестиваль казачьей песни «Вольница». Открытие "
        "состоится сегодня в 12.00 в Доме культуры.",
    )
    assert ev.status == "announced"


def test_a_present_headline_over_a_start_told_held_stays_held() -> None:
    ev = expect_event(
        "В Озёрске проходит фестиваль казачьей песни «Вольница»",
        "Фестиваль открылся вчера в Доме культуры. На сцену вышли двадцать коллективов.",
    )
    assert ev.status == "held"


# --- (10) an intention to act at a gathering -------------------------------------------------


def test_an_intention_to_sign_at_a_forum_is_no_event() -> None:
    expect_none(
        "Область намерена подписать три соглашения на инвестиционном форуме",
        "Соглашения подпишут на форуме, который пройдёт в Казани 5-7 августа. Об этом "
        "сообщил вице-губернатор.",
    )


def test_a_forum_announced_stays_an_event() -> None:
    ev = expect_event(
        "В Казани пройдёт инвестиционный форум",
        "Форум пройдёт 5-7 августа. На нём подпишут соглашения с тремя регионами.",
    )
    assert ev.status == "announced"


# --- (11) a poster of gatherings across a town -----------------------------------------------


def test_a_poster_with_many_venues_is_no_event() -> None:
    expect_none(
        "Озёрчан приглашают отпраздновать Масленицу",
        "Мы подготовили для вас календарь праздника.\n"
        "1 марта\n11:00 Народное гуляние «Масленица»\nМесто проведения: площадь у ДК.\n"
        "12:00 Игровая программа для детей\nМесто проведения: двор школы № 2.\n"
        "2 марта\n13:00 Концерт «Прощай, зима»\nМесто проведения: парк Победы.\n",
    )


def test_one_gathering_with_its_venue_line_stays_an_event() -> None:
    ev = expect_event(
        "Озёрчан приглашают на народное гуляние «Масленица»",
        "Гуляние пройдёт 1 марта в 11:00.\nМесто проведения: площадь у ДК.\n"
        "В программе концерт и блины.",
    )
    assert ev.status == "announced"
