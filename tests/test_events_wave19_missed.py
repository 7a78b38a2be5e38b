"""Event rules from the missed events of the nineteenth development set of real news: one rule
per test, on sentences written for these tests (none is taken from the dev texts)."""

from __future__ import annotations

from bot.text.events.detect import _chrome
from bot.text.events.status import _federal_or_abroad
from tests.support.events import expect_event, expect_none
from tests.support.events import kinds_of as _kinds

# --- (1) «торжественно открыли»: a solemn opening told by its verb is a ceremony ----------------


def test_a_club_solemnly_opened_after_repairs_is_a_ceremony_held() -> None:
    ev = expect_event(
        "В Берёзовке после ремонта открыли сельский клуб",
        "Вчера в Берёзовке торжественно открыли сельский клуб, который не ремонтировали "
        "тридцать лет. Работы оплатили из областного бюджета.",
    )
    assert (ev.kind, ev.status) == ("церемония", "held")


def test_a_school_to_be_solemnly_opened_is_a_ceremony_ahead() -> None:
    assert _kinds("Новую школу в микрорайоне торжественно откроют 1 сентября.") == ["церемония"]


def test_a_solemnly_opened_exhibition_stays_an_exhibition() -> None:
    assert _kinds("В музее торжественно открыли выставку старинных икон.") == ["выставка"]


def test_a_club_opened_without_ceremony_names_no_gathering() -> None:
    # The building's news: opened after repairs, no adverb telling a ceremony.
    assert _kinds("В Берёзовке после ремонта открыли сельский клуб.") == []


# --- (2) «выставочный проект»: an exhibition told by its project ----------------------------------


def test_an_exhibition_project_started_in_a_museum_is_an_exhibition_held() -> None:
    ev = expect_event(
        "Листая страницы истории",
        "К юбилею района подготовили историко-выставочный проект «Земля отцов», который "
        "стартовал в краеведческом музее. Посетители увидят старые фотографии и документы.",
    )
    assert (ev.kind, ev.status) == ("выставка", "held")


def test_a_project_of_another_kind_names_no_exhibition() -> None:
    assert _kinds("Инвестиционный проект стартовал в районе в прошлом году.") == []


# --- (3) «приветственная встреча»: a reception for guests is a meeting ---------------------------


def test_a_welcoming_meeting_set_for_a_day_is_a_meeting_announced() -> None:
    ev = expect_event(
        "Гости из Сербии расскажут о своём путешествии",
        "Приветственная встреча ректора университета с участниками молодёжного проекта «Дорога "
        "дружбы» состоится 10 июля в Доме дружбы. Гости расскажут о своих впечатлениях.",
    )
    assert (ev.kind, ev.status) == ("встреча", "announced")


def test_a_meeting_of_two_officials_is_still_no_gathering() -> None:
    assert _kinds("Встреча министра финансов с коллегами прошла в понедельник.") == []


# --- (4) a short headline naming an anniversary is the headline, not the page's chrome ---------


def test_a_town_anniversary_headline_is_read_as_the_headline() -> None:
    assert not _chrome("120-летие Заречного")
    assert not _chrome("120 летие Заречного")  # the hyphen lost in the scrape
    assert not _chrome("Юбилей Заречного")


def test_a_rubric_word_alone_is_still_chrome() -> None:
    assert _chrome("Юбилеи")
    assert _chrome("Вы здесь")


def test_a_town_anniversary_over_a_lead_listing_its_items_is_a_holiday_held() -> None:
    ev = expect_event(
        "120 летие Заречного",
        "Концерты, ярмарки, игры для детей. Так жители Заречного отметили 120 день рождения "
        "города. На площади выступили местные ансамбли.",
    )
    assert (ev.kind, ev.status) == ("праздник", "held")


# --- (5) a national team's match played in a Russian town is a gathering ----------------------


def test_a_national_team_match_played_in_a_russian_town_is_kept() -> None:
    assert not _federal_or_abroad(
        "матч", "Сборная России сыграла вничью с Ираном в матче, который прошёл в Казани."
    )
    ev = expect_event(
        "Сборная России не смогла обыграть Иран",
        "Сборная России сыграла вничью с командой Ирана в товарищеском матче, который "
        "прошёл в Казани. Встреча завершилась со счётом 1:1.",
    )
    assert (ev.kind, ev.status) == ("матч", "held")


def test_a_national_team_match_played_abroad_stays_news_from_afar() -> None:
    assert _federal_or_abroad(
        "матч", "Сборная России уступила Сербии в матче, который прошёл в Белграде."
    )
    expect_none(
        "Сборная России уступила Сербии",
        "Сборная России уступила команде Сербии в товарищеском матче, который прошёл в "
        "Белграде. Встреча завершилась со счётом 0:1.",
    )


def test_a_national_team_match_with_no_place_stays_news_from_afar() -> None:
    assert _federal_or_abroad("матч", "Сборная России уступила Сербии в товарищеском матче.")
