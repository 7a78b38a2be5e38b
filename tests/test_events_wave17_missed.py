"""Event rules from the missed events of the seventeenth development set of real news: one rule
per test, on sentences written for these tests (none is taken from the dev texts)."""

from __future__ import annotations

from tests.support.events import expect_event, expect_none
from tests.support.events import kinds_of as _kinds

# --- (1) a place's day told celebrated under a greeting's headline ---------------------------


def test_a_town_that_celebrated_its_day_under_a_greeting_is_the_event() -> None:
    ev = expect_event(
        "Губернатор поздравил жителей Сосновки с Днём города",
        "Сосновка отметила День города. На площади прошла ярмарка мастеров, вечером гостей "
        "ждал салют. Глава региона вручил почётные грамоты.",
    )
    assert ev.kind == "праздник"
    assert ev.status == "held"


def test_a_town_that_celebrated_its_birthday_under_a_greeting_is_the_event() -> None:
    ev = expect_event(
        "Депутаты поздравили жителей Кинешмы с праздником",
        "В субботу Кинешма отметила свой день рождения, городу исполнилось 600 лет. Для "
        "горожан подготовили много развлечений.",
    )
    assert ev.status == "held"


def test_a_persons_jubilee_under_a_greeting_is_still_no_event() -> None:
    expect_none(
        "Глава района поздравил ветерана с юбилеем",
        "Ветеран труда Пётр Смирнов отметил 95-летний юбилей. Глава района пожелал ему "
        "здоровья и вручил подарок.",
    )


def test_a_greeting_for_a_town_day_alone_is_still_no_event() -> None:
    expect_none(
        "Губернатор поздравил жителей Сосновки с Днём города",
        "«Дорогие земляки! Сердечно поздравляю вас с праздником», — говорится в поздравлении. "
        "Глава региона пожелал горожанам счастья и благополучия.",
    )


# --- (2) a place's anniversary attended is its celebration -----------------------------------


def test_an_anniversary_of_a_town_attended_is_a_holiday() -> None:
    assert _kinds("Гостей ждут на 300-летии Кунгура") == ["праздник"]
    assert _kinds("Артисты выступили на юбилее села") == ["праздник"]


def test_a_poets_anniversary_is_no_place_celebration() -> None:
    assert _kinds("О поэте рассказали на 200-летии Лермонтова") == []


def test_a_town_anniversary_announced_in_the_headline_is_the_event() -> None:
    ev = expect_event(
        "Мастерские и лавки ждут гостей на 250-летии Кунгура",
        "Кунгур отмечает 250-летний юбилей. Главные события пройдут 20 июля на набережной. "
        "Для гостей также готовят квест и выставку старинных фотографий.",
    )
    assert ev.kind == "праздник"
    assert ev.status == "announced"
    assert ev.label == "250-летие Кунгура"


# --- (3) an evening held in something's honour --------------------------------------------


def test_a_solemn_evening_is_a_ceremony() -> None:
    assert _kinds("Торжественный вечер прошёл в районном Доме культуры.") == ["церемония"]
    assert _kinds("Праздничный вечер выдался тёплым.") == []


def test_a_solemn_evening_held_is_the_event() -> None:
    ev = expect_event(
        "Ветераны побывали на праздничных мероприятиях к юбилею районной газеты",
        "Торжественный вечер, посвящённый 90-летию газеты «Заря», прошёл в городском театре. "
        "Журналистов поздравили глава района и читатели.",
    )
    assert ev.kind == "церемония"
    assert ev.status == "held"


# --- (4) a performer's show told by its verb -------------------------------------------------


def test_a_band_that_will_perform_gives_a_concert() -> None:
    assert _kinds("В Ельце выступит рок-группа «Северный ветер»") == ["концерт"]
    assert _kinds("Народный хор «Рябинушка» выступил в сельском клубе.") == ["концерт"]


def test_a_speech_or_a_stand_is_no_show() -> None:
    assert _kinds("Артисты театра выступили с обращением к губернатору.") == []
    assert _kinds("Певица выступила против закрытия филармонии.") == []
    assert _kinds("Рабочая группа выступила с инициативой.") == []
    assert _kinds("Глава выступила перед артистами театра.") == []


def test_a_show_named_with_another_gathering_leaves_it_that_gathering() -> None:
    assert _kinds("На празднике выступил народный хор «Калинка».") == ["праздник"]


def test_a_band_announced_to_perform_is_the_event() -> None:
    ev = expect_event(
        "В Ельце выступит рок-группа «Северный ветер»",
        "Музыканты выступят в городском парке в субботу, 6 июля. Об этом сообщили в отделе "
        "культуры. Вход свободный.",
    )
    assert ev.kind == "концерт"
    assert ev.status == "announced"


# --- (5) one picked out of plural gatherings in the headline ---------------------------------


def test_the_first_of_a_series_held_is_the_event() -> None:
    ev = expect_event(
        "Первый из «праздников улиц» прошёл в Ивановке",
        "В субботу на площади у клуба собрались сотни гостей. Праздник открыли песней, потом "
        "работала ярмарка.",
    )
    assert ev.status == "held"


def test_plural_gatherings_with_no_one_picked_stay_several() -> None:
    expect_none(
        "В сёлах района прошли праздники урожая",
        "В выходные жители собрались на площадях. Везде работали ярмарки.",
    )


# --- (6) a run told going on over a lead that reports one of it -----------------------------


def test_one_meeting_reported_under_a_run_going_on_is_the_event() -> None:
    ev = expect_event(
        "В Липовском районе продолжаются ежегодные собрания граждан",
        "В клубе села Ключи прошло собрание граждан, на котором глава поселения отчитался "
        "о работе за год. Жители спросили о ремонте дороги.",
    )
    assert ev.kind == "собрание"
    assert ev.status == "held"


def test_a_run_going_on_with_no_one_reported_stays_no_event() -> None:
    expect_none(
        "В Липовском районе продолжаются ежегодные собрания граждан",
        "Собрания проходят во всех поселениях до конца марта. Главы поселений рассказывают о "
        "работе за год.",
    )
