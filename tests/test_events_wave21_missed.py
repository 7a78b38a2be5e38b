"""Event rules from the missed events of the twenty-first development set of real news: one rule
per test, on sentences written for these tests (none is taken from the dev texts)."""

from __future__ import annotations

from bot.text.clean import main_text
from bot.text.events.detect import (
    _chrome,
    _last_crumb,
    _many_places,
    _open_quote,
    _singular_noun,
)
from bot.text.events.lexicon import _NOT_GATHERING, _kinds_in
from bot.text.events.status import _federal_or_abroad, sentence_stance
from tests.support.events import expect_event, expect_none
from tests.support.events import kinds_of as _kinds


def _stance(sentence: str) -> str | None:
    found = _kinds_in(sentence)
    assert found, sentence
    stance = sentence_stance(sentence, found[0][1], lead=True)
    return stance[0] if stance else None


# --- (1) a site engine's widget lines are no part of the article --------------------------------


def test_the_gosuslugi_feedback_banner_is_dropped_from_the_body() -> None:
    text = (
        "Баннер госуслуги\n"
        "Направляемые сообщения не являются обращениями граждан, рассматриваемыми в порядке, "
        "установленном законом.\n"
        "Расскажите о проблеме\n"
        "В Липовке прошёл субботник."
    )
    assert main_text(text) == "В Липовке прошёл субботник."


def test_the_typo_reporter_is_dropped_from_the_body() -> None:
    text = (
        "Если Вы заметили ошибку в тексте, выделите её и нажмите Ctrl+Enter.\n"
        "В Липовке прошёл субботник."
    )
    assert main_text(text) == "В Липовке прошёл субботник."


def test_a_sentence_about_a_mistake_noticed_stays() -> None:
    text = "Если вы заметили ошибку в квитанции, звоните в управляющую компанию.\nТелефон 123."
    assert main_text(text) == text


def test_a_headline_under_widgets_and_the_sites_name_is_read() -> None:
    ev = expect_event(
        "",
        "Баннер госуслуги\n"
        "Направляемые сообщения не являются обращениями граждан, рассматриваемыми в порядке, "
        "установленном законом.\n"
        "Администрация Черемховского района\n"
        "Новости\n"
        "Субботник в Ивановском доме культуры\n"
        "Листья засыпали весь двор. Работники дома культуры дружно вышли на субботник и "
        "убрали территорию за два часа.",
    )
    assert (ev.kind, ev.status) == ("субботник", "held")


# --- (2) mastheads above a headline: a few words in capitals, an authority's name ---------------


def test_a_masthead_in_capitals_is_chrome() -> None:
    assert _chrome("СЕЛЬСКИЕ ВЕСТИ МЕДИА")
    assert _chrome('«СЕЛЬСКИЕ ВЕСТИ МЕДИА"')


def test_a_short_headline_in_capitals_with_a_gathering_is_no_chrome() -> None:
    assert not _chrome("ДЕНЬ СЕЛА")
    assert not _chrome("ПРОШЁЛ СХОД ГРАЖДАН")


def test_an_authoritys_name_alone_is_chrome() -> None:
    assert _chrome("Администрация Черемховского района")
    assert _chrome("Совет депутатов Лесного городского округа")


def test_an_authority_doing_something_is_a_headline() -> None:
    assert not _chrome("Администрация района отчиталась перед жителями")
    assert not _chrome("Администрация Черемховского района проведёт сход граждан")


def test_the_bare_news_section_is_chrome_but_a_districts_news_is_a_digest() -> None:
    assert _chrome("Новости")
    assert not _chrome("Новости Ивановского района")


def test_a_headline_under_a_masthead_in_capitals_is_read() -> None:
    ev = expect_event(
        "",
        "СЕЛЬСКИЕ ВЕСТИ МЕДИА\nМеню\n12+\n"
        "В Ключах прошёл сход жителей\n"
        "В минувшую субботу в Ключах состоялся сход жителей. Глава поселения рассказал о "
        "ремонте дорог.",
    )
    assert (ev.kind, ev.status) == ("собрание", "held")


def test_a_guillemet_closed_by_a_straight_quote_is_closed() -> None:
    assert not _open_quote('«Сельские вести" 22.03.2022')
    assert _open_quote("Фестиваль «Весна. Город")


# --- (3) a machine's ISO date stamp before the headline ----------------------------------------


def test_an_iso_date_stamp_before_the_headline_is_skipped() -> None:
    ev = expect_event(
        "",
        "date 2024-07-01 В Ключах прошёл форум молодых фермеров\n"
        "На форум приехали сто участников. Они обсудили кредиты и субсидии.",
    )
    assert (ev.kind, ev.status) == ("форум", "held")


# --- (4) the participants' places are not the gathering's places -------------------------------


def test_guests_from_many_districts_come_to_one_forum() -> None:
    title = "В Казани прошёл форум молодых фермеров с участием представителей 30 районов"
    assert not _many_places(title, _kinds_in(title), None)
    ev = expect_event(title, "На площадке молодёжного центра собрались двести участников.")
    assert (ev.kind, ev.status) == ("форум", "held")


def test_a_holiday_in_many_districts_stays_many() -> None:
    title = "Праздник урожая прошёл в 12 районах области"
    assert _many_places(title, _kinds_in(title), None)


# --- (5) «назначено проведение слушаний»: a gathering set by a decree, no post filled -----------


def test_hearings_set_by_a_decree_are_no_appointment() -> None:
    assert not _NOT_GATHERING.search("Постановлением главы назначено проведение публичных слушаний")
    ev = expect_event(
        "Постановлением главы города назначено проведение публичных слушаний по проекту бюджета",
        "Слушания состоятся 15 июля в зале администрации. Предложения принимаются до 10 июля.",
    )
    assert (ev.kind, ev.status) == ("публичные слушания", "announced")


def test_an_official_appointed_by_a_decree_is_still_an_appointment() -> None:
    assert _NOT_GATHERING.search("Постановлением главы назначен новый директор дома культуры")


# --- (6) a meeting with residents told by the imperfective verb; a talk with citizens -----------


def test_met_with_residents_in_the_imperfective_is_a_meeting() -> None:
    assert _kinds("Глава города встречалась с жителями микрорайона Заречный.") == ["встреча"]
    assert _kinds("Депутат встречался с ветеранами в школе.") == ["встреча"]


def test_met_with_no_residents_is_no_meeting() -> None:
    assert _kinds("На дорогах встречались ямы и выбоины.") == []


def test_a_talk_with_citizens_is_a_meeting() -> None:
    ev = expect_event(
        "Глава администрации пообщался с гражданами, прибывшими из Курской области",
        "Люди рассказали о своих нуждах. Глава ответил на вопросы.",
    )
    assert (ev.kind, ev.status) == ("встреча", "held")


def test_a_series_of_meetings_over_one_told_held_is_that_meeting() -> None:
    ev = expect_event(
        "Продолжаются встречи главы округа с жителями",
        "Вчера в доме культуры глава округа встречалась с жителями посёлка Садовый. Жители "
        "спрашивали о ремонте дорог.",
    )
    assert (ev.kind, ev.status) == ("встреча", "held")


def test_a_series_of_meetings_over_several_told_is_no_event() -> None:
    expect_none(
        "Продолжаются встречи главы округа с жителями",
        "На этой неделе глава встречалась с жителями трёх посёлков. Встречи продолжатся в августе.",
    )


def test_an_impersonal_plural_verb_leaves_the_number_to_the_noun() -> None:
    assert _singular_noun("встречалась с жителями")
    assert not _singular_noun("встречались с жителями")
    assert _singular_noun("открыли ёлку")


# --- (7) «Главный государственный санитарный врач» is no head of state ------------------------


def test_a_chief_sanitary_doctor_makes_no_federal_talks() -> None:
    sentence = (
        "Заседание клуба краеведов отменено по постановлению Главного государственного "
        "санитарного врача по области."
    )
    assert not _federal_or_abroad("заседание", sentence)
    ev = expect_event("В клубе краеведов", sentence)
    assert (ev.kind, ev.status) == ("заседание", "cancelled")


def test_a_head_of_state_still_makes_federal_talks() -> None:
    assert _federal_or_abroad(
        "встреча", "Встреча главы государства с губернатором прошла в Кремле."
    )


# --- (8) «не будет мероприятий на День города»: the day's festivities called off ----------------


def test_no_festivities_on_the_town_day_is_the_holiday_cancelled() -> None:
    assert _stance("В Орле не будет массовых мероприятий на День города") == "cancelled"
    assert _stance("В Орле не будет праздничных гуляний в честь Дня города") == "cancelled"


def test_no_queues_on_the_town_day_cancel_nothing() -> None:
    assert _stance("В Орле не будет очередей на День города") is None


# --- (9) who was there, a show given: «присутствовали», «дали / дадут концерт» ----------------


def test_those_present_at_a_meeting_tell_it_held() -> None:
    assert _stance("На собрании присутствовали глава района и депутаты.") == "held"
    ev = expect_event(
        "Глава поселения выступил с докладом о работе за год",
        "На собрании присутствовали глава района и руководители служб. Жители задавали вопросы "
        "о ремонте клуба.",
    )
    assert (ev.kind, ev.status) == ("собрание", "held")


def test_those_to_be_present_tell_it_ahead() -> None:
    assert _stance("На заседании будут присутствовать депутаты.") == "announced"


def test_a_concert_given_and_to_be_given() -> None:
    assert _stance("Артисты дали большой концерт в клубе.") == "held"
    assert _stance("В воскресенье коллективы дадут концерт для земляков.") == "announced"


def test_a_concert_given_on_a_condition_is_no_plan() -> None:
    assert _stance("Артисты дадут концерт, если позволит погода.") is None


# --- (10) the town's tree opened, told in the passive; a condition of another clause ----------


def test_a_tree_to_be_opened_in_the_passive_is_a_ceremony() -> None:
    assert _kinds("Главная ёлка города будет открыта 25 декабря.") == ["церемония"]
    assert _kinds("Главная ёлка города откроется 25 декабря.") == ["церемония"]


def test_trees_on_sale_are_no_ceremony() -> None:
    assert _kinds("Ёлки на рынке будут продаваться до 31 декабря.") == []


def test_a_condition_of_another_clause_leaves_the_gathering_ahead() -> None:
    assert (
        _stance(
            "Изменения в программе возможны в случае карантина, однако 19 декабря главная ёлка "
            "будет открыта."
        )
        == "announced"
    )


def test_a_condition_of_the_gatherings_own_clause_makes_it_hypothetical() -> None:
    assert _stance("В случае карантина ёлка будет открыта позже.") is None


# --- (11) a breadcrumb ends with the page's headline ------------------------------------------


def test_the_last_crumb_of_a_breadcrumb_is_the_headline() -> None:
    assert _last_crumb("Главная » Новости » В Ключах прошёл сход жителей") == (
        "В Ключах прошёл сход жителей"
    )
    ev = expect_event(
        "",
        "Главная » Новости » Культура » В Ключах прошёл праздник села\n"
        "В субботу на площади у клуба собрались жители. Для них выступили артисты.",
    )
    assert (ev.kind, ev.status) == ("праздник", "held")


def test_a_quoted_name_is_no_breadcrumb() -> None:
    line = "В селе прошёл праздник «Лето» и концерт «Осень» в клубе"
    assert _last_crumb(line) == line


# --- (12) «запланировал»: a plan made is still a plan ------------------------------------------


def test_a_plan_made_tells_the_gathering_ahead() -> None:
    assert _stance("Администрация запланировала субботник на 20 апреля.") == "announced"


def test_a_planned_gathering_told_held_is_held() -> None:
    assert _stance("Запланированный фестиваль прошёл вчера.") == "held"
