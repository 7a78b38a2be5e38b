"""Event rules from the false events and wrong statuses on the dev25 and dev26 sets of real
news: one rule per group, on sentences written for these tests (none taken from the texts)."""

from __future__ import annotations

from bot.text.events.lexicon import _kinds_in
from tests.support.events import expect_event, expect_none

# --- (1) «мероприятия по модернизации»: measures, not gatherings -----------------------------


def test_measures_named_events_are_no_gathering() -> None:
    assert _kinds_in("В области продолжаются мероприятия по газификации сёл.") == []
    assert _kinds_in("Завершены мероприятия по благоустройству набережной.") == []
    expect_none(
        "В Лесном отремонтируют поликлинику",
        "В районе идут мероприятия по модернизации первичного звена здравоохранения. На "
        "ремонт поликлиники направят 12 млн рублей.",
    )


def test_a_celebration_on_the_occasion_still_counts() -> None:
    assert _kinds_in("Прошли мероприятия по случаю Дня села.")
    assert _kinds_in("Мероприятия по празднованию Дня города пройдут в парке.")
    ev = expect_event(
        "В Сосновке прошли мероприятия по случаю Дня села",
        "Жители собрались на площади, выступили местные артисты.",
    )
    assert ev.status == "held"


# --- (2) a concert body or trade, a holiday as a figure of speech ---------------------------


def test_a_concert_body_is_no_concert() -> None:
    assert _kinds_in("Ремонт ждут здания концертного объединения и филармонии.") == []
    assert _kinds_in("Хор дал концерт в клубе.")


def test_a_thing_that_became_a_holiday_is_no_holiday() -> None:
    assert _kinds_in("Открытие нового моста стало настоящим праздником для горожан.") == []
    assert _kinds_in("Для детей это настоящий праздник, говорит директор.") == []
    expect_none(
        "Для жителей села новая дорога стала настоящим праздником!",
        "«Мы ждали этот асфальт двадцать лет. Для нас это действительно праздник», — сказала "
        "жительница села.",
    )


def test_a_holiday_told_held_still_counts() -> None:
    assert _kinds_in("В селе прошёл праздник урожая.")
    assert _kinds_in("Это праздник «Русская берёза».")


# --- (3) a greeting with the holiday's name is no gathering --------------------------------


def test_a_greeting_with_a_named_holiday_is_no_event() -> None:
    assert _kinds_in("Депутат поздравил земляков с праздником Масленица") == []
    expect_none(
        "Депутат поздравил земляков с праздником Масленица",
        "Депутат областной думы поздравил жителей с праздником Масленица и пожелал им мира.",
    )


def test_a_named_holiday_told_held_still_counts() -> None:
    ev = expect_event(
        "В парке прошёл праздник Масленица",
        "Гостей встречали угощением, выступили национальные коллективы.",
    )
    assert ev.status == "held"


# --- (4) a win or a placing is a result ------------------------------------------------------


def test_a_win_in_a_contest_is_a_result() -> None:
    expect_none(
        "Библиотекари Заречного одержали победу в областном конкурсе",
        "Коллектив районной библиотеки стал лучшим по итогам года. Конкурс проходил в "
        "областном центре.",
    )
    expect_none(
        "Лесной победил в областной эстафете культуры",
        "Работники культуры района показали лучший результат среди муниципалитетов.",
    )
    expect_none(
        "Школьники района завоевали 3 призовых места на олимпиаде",
        "Ученики гимназии стали призёрами заключительного этапа по химии и истории.",
    )


def test_a_match_won_is_still_a_match() -> None:
    ev = expect_event(
        "«Сокол» одержал победу над «Динамо»",
        "Вчера на городском стадионе хозяева поля выиграли со счётом 2:1.",
    )
    assert ev.kind == "матч"


# --- (5) a gathering given as an example of a wider story -----------------------------------


def test_a_rally_given_as_an_example_is_no_event() -> None:
    expect_none(
        "Как регионы меняют систему управления",
        "Реформа идёт неравномерно: в одних областях поддержали переход на новую модель, в "
        "других спорят. Например, 5 мая в Лесном прошёл митинг против реформы.",
    )


def test_a_rally_told_in_the_lead_still_counts() -> None:
    ev = expect_event(
        "В Лесном прошёл митинг против реформы",
        "5 мая на площади собрались около трёхсот человек.",
    )
    assert ev.status == "held"


# --- (6) statuses: a move to another town, two courses weighed ------------------------------


def test_a_championship_moved_to_another_town_is_still_ahead() -> None:
    ev = expect_event(
        "Перенос первенства России по боксу из Омска в Томск обернётся проблемами",
        "Первенство пройдёт в Томске с 20 по 25 сентября, сообщили в федерации.",
    )
    assert ev.status == "announced"


def test_a_championship_moved_to_another_day_is_postponed() -> None:
    ev = expect_event(
        "Первенство России по боксу в Омске перенесли на 20 сентября",
        "Соревнования должны были пройти в августе.",
    )
    assert ev.status == "postponed"


def test_postpone_or_cancel_weighed_then_cancelled() -> None:
    ev = expect_event(
        "В Лесном отменили празднование Дня города",
        "Праздника в этом году не будет. Депутаты долго спорили, переносить праздник на "
        "осень или отменить совсем.",
    )
    assert ev.status == "cancelled"


def test_a_postponement_without_or_is_still_postponed() -> None:
    ev = expect_event(
        "В Лесном перенесли празднование Дня города",
        "Праздник перенесли на осень из-за ремонта площади.",
    )
    assert ev.status == "postponed"


# --- (7) a sitting only as where one official spoke -----------------------------------------


def test_thanks_given_at_a_session_are_no_event() -> None:
    expect_none(
        "Глава города поблагодарил депутатов за работу",
        "Депутаты завершают созыв. Сегодня на заключительной сессии городского совета глава "
        "Лесного Иван Орлов поблагодарил депутатов за совместную работу.",
    )
    expect_none(
        "В гордуме представили нового депутата",
        "В среду, 4 июня, на заседании комиссии городской думы мэр представил коллегам "
        "нового депутата Петра Смирнова.",
    )


def test_a_session_with_its_agenda_still_counts() -> None:
    ev = expect_event(
        "Глава города поблагодарил депутатов за работу",
        "Сегодня на сессии городского совета глава поблагодарил депутатов. Депутаты "
        "рассмотрели 12 вопросов и утвердили отчёт об исполнении бюджета.",
    )
    assert ev.kind == "сессия"


# --- (8) a person named in the headline speaking of the gathering ---------------------------


def test_a_named_person_about_a_holiday_is_a_statement() -> None:
    expect_none(
        "Анна Петрова о празднике урожая",
        "— Сегодня начался праздник урожая, поздравляю всех земледельцев района. Завтра "
        "пройдут соревнования косарей.",
    )


def test_a_holiday_headline_with_a_verb_still_counts() -> None:
    ev = expect_event(
        "Анна Петрова открыла праздник урожая",
        "Сегодня в селе Ключи начался праздник урожая, гостей встречали хлебом.",
    )
    assert ev.kind == "праздник"


# --- (9) gatherings listed by ordinals ------------------------------------------------------


def test_festivals_listed_by_ordinals_are_no_one_event() -> None:
    expect_none(
        "Первый фестиваль лета — «Сырная тропа»",
        "Он пройдёт в Лесном 5 июля. Вторым станет фестиваль «Яблочный край» в Ключах. "
        "Третьим станет фестиваль народной песни «Родники» в августе.",
    )


def test_the_programme_of_one_festival_by_ordinals_still_counts() -> None:
    ev = expect_event(
        "В Лесном прошёл фестиваль «Сырная тропа»",
        "Гостей встречали сыровары района. Вторым номером программы стал концерт. Третьим "
        "стал конкурс на лучший сыр.",
    )
    assert ev.kind == "фестиваль"


# --- (10) a day observed across countries; a show held only online -------------------------


def test_a_holiday_observed_in_russia_and_other_countries_is_a_date() -> None:
    assert _kinds_in("Ежегодно в России и других странах отмечается большой праздник музыки.") == []
    assert _kinds_in("В Лесном отмечают праздник музыки на площади.")


def test_a_concert_held_only_online_is_no_gathering() -> None:
    expect_none(
        "В Сосновке поздравили мам",
        "Работники сельского клуба подготовили концертную программу для мам. Песни исполнили "
        "дети и ансамбль «Рябинка». Концертная программа прошла в формате онлайн на "
        "странице клуба.",
    )


def test_a_concert_held_in_the_club_still_counts() -> None:
    ev = expect_event(
        "В Сосновке поздравили мам",
        "Работники сельского клуба подготовили концертную программу для мам. Песни исполнили "
        "дети и ансамбль «Рябинка». Концертная программа прошла в зале клуба.",
    )
    assert (ev.kind, ev.status) == ("концерт", "held")


# --- (11) a road's exit to a house is no congress -------------------------------------------


def test_an_exit_to_a_house_is_no_congress() -> None:
    assert _kinds_in("Отремонтируют улицу Мира и съезд к дому № 12 по улице Лесной.") == []
    assert _kinds_in("Съезд фермеров пройдёт в Доме культуры.")
