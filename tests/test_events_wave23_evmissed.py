"""Event rules from the missed events of the twenty-third development set of real news: one rule
per test, on sentences written for these tests (none is taken from the dev texts)."""

from __future__ import annotations

from bot.text.events.detect import _chrome, _place_celebrated, _sentences
from bot.text.events.lexicon import _NOT_GATHERING
from bot.text.events.status import _federal_or_abroad
from tests.support.events import expect_event, expect_none
from tests.support.events import kinds_of as _kinds
from tests.support.events import stance_of as _stance

# --- (1) a chair elected at a new body's first sitting, the post told first ---------------------


def test_a_chair_elected_post_first_over_the_first_sitting_is_the_sitting() -> None:
    ev = expect_event(
        "Председателем Думы Озёрского округа избрана Анна Смирнова",
        "Состоялось первое заседание Думы округа нового созыва. В работе заседания участвовали "
        "глава округа и прокурор. Депутаты утвердили состав постоянных комиссий.",
    )
    assert (ev.kind, ev.status) == ("заседание", "held")


def test_a_head_elected_post_first_is_still_a_post_filled() -> None:
    expect_none(
        "Главой Озёрского округа избран Пётр Кузин",
        "Состоялось заседание Думы округа. Депутаты единогласно проголосовали за кандидатуру.",
    )


# --- (2) a payment or a penalty assigned fills no post ------------------------------------------


def test_a_payment_assigned_is_no_appointment() -> None:
    assert _NOT_GATHERING.search("Соцзащита назначила ежемесячную выплату 40 семьям") is None
    assert _NOT_GATHERING.search("Водителю назначен штраф в 500 рублей") is None


def test_a_person_appointed_is_still_an_appointment() -> None:
    assert _NOT_GATHERING.search("Глава назначил Иванова своим заместителем") is not None
    assert _NOT_GATHERING.search("Назначен новый директор музея") is not None


# --- (3) «пока не избран председатель»: no post filled yet -----------------------------------


def test_a_chair_not_yet_elected_is_no_post_filled() -> None:
    assert _NOT_GATHERING.search("Пока не избран председатель, сессию ведёт глава округа") is None


def test_a_chair_elected_is_a_post_filled() -> None:
    assert _NOT_GATHERING.search("На сессии избран председатель Совета") is not None


# --- (4) the president's order or office is not the president's talks --------------------------


def test_a_reception_by_the_presidents_order_is_the_officials_gathering() -> None:
    sentence = (
        "По поручению Президента России Владимира Путина глава района провёл приём граждан "
        "в приёмной Президента РФ."
    )
    assert not _federal_or_abroad("приём граждан", sentence)


def test_the_presidents_own_meeting_is_still_federal() -> None:
    assert _federal_or_abroad("встреча", "Президент России провёл встречу с главой республики.")
    sentence = "По поручению президента Лавров провёл переговоры и встречу с министром."
    assert _federal_or_abroad("встреча", sentence)


# --- (5) «с ... праздник»: the greeting's formula is the instrumental -------------------------


def test_hosts_joined_by_s_do_not_hide_the_holiday() -> None:
    assert "праздник" in _kinds("Вчера администрация с депутатами устроили праздник для детей.")


def test_the_greeting_with_a_holiday_is_still_no_gathering() -> None:
    assert "праздник" not in _kinds("Глава поздравил земляков с наступающим праздником.")


# --- (6) «приём населения» is a reception of residents ------------------------------------------


def test_a_reception_of_the_population_is_a_reception() -> None:
    assert _kinds("Приём населения пройдёт в сельском клубе.") == ["приём граждан"]


def test_a_reception_of_applications_is_no_reception() -> None:
    assert "приём граждан" not in _kinds("Приём заявок продлится до конца мая.")


# --- (7) «было проведено собрание» --------------------------------------------------------------


def test_a_meeting_told_held_in_the_passive_is_a_meeting() -> None:
    assert _kinds("Вчера было проведено первое собрание инициативной группы.") == ["собрание"]


def test_a_council_named_an_assembly_is_still_no_meeting() -> None:
    assert "собрание" not in _kinds("Было проведено собрание депутатов района.")


# --- (8) those who came to a gathering, told in the past ----------------------------------------


def test_guests_who_came_tell_the_gathering_held() -> None:
    assert _stance("На открытие моста приехали жители соседних сёл.") == ("held", True)


def test_guests_who_will_come_tell_it_ahead() -> None:
    stance = _stance("На открытие моста приедут жители соседних сёл.")
    assert stance is not None and stance[0] == "announced"


# --- (9) a local team is no national team -------------------------------------------------------


def test_a_village_team_is_local_sport() -> None:
    sentence = "В турнире впервые приняла участие женская сборная ветеранов из Озёрного."
    assert not _federal_or_abroad("соревнования", sentence)
    assert not _federal_or_abroad("соревнования", "В турнире победила сборная района.")


def test_the_national_team_is_still_sport_from_afar() -> None:
    assert _federal_or_abroad("соревнования", "В турнире победила сборная России.")


# --- (10) a place's birthday, its noun a few words from the verb --------------------------------


def test_a_municipality_celebrated_its_birthday() -> None:
    assert _place_celebrated("Самый северный муниципалитет области отпраздновал день рождения")
    assert _place_celebrated("Вчера 95-й день рождения отпраздновал самый северный район области")


def test_a_persons_jubilee_is_no_places_celebration() -> None:
    assert not _place_celebrated("Ветеран района отметил 95-летний юбилей")
    assert not _place_celebrated("Глава района отметил юбилей ветерана")


def test_a_greeting_headline_over_the_places_birthday_is_the_celebration() -> None:
    ev = expect_event(
        "Губернатор поздравил озёрцев с Днём района",
        "Самый северный муниципалитет области отпраздновал день рождения.\n"
        "В субботу 95-й день рождения отпраздновал Озёрский район. С праздником жителей "
        "поздравил губернатор. Он рассказал о ремонте дорог.",
    )
    assert (ev.kind, ev.status) == ("праздник", "held")


# --- (11) the page's lines between the headline and the lead ------------------------------------


def test_tags_and_a_date_under_the_headline_are_skipped_to_the_lead() -> None:
    title, body = _sentences(
        "В Липовке открылся сквер",
        "Новости\n24.06.2024\n#Липовскийрайон #благоустройство #новостирайона\n"
        "В Липовке открылся сквер\n"
        "В Липовке состоялся праздник в честь открытия сквера. Сквер занимает два гектара.",
    )
    assert title == "В Липовке открылся сквер"
    assert body[0].startswith("В Липовке состоялся праздник")


def test_the_story_under_page_lines_is_an_event() -> None:
    ev = expect_event(
        "В Липовке открылся сквер",
        "Новости\n24.06.2024\n#Липовскийрайон #благоустройство #новостирайона\n"
        "В Липовке открылся сквер\n"
        "Сквер занимает два гектара у реки\n"
        "В Липовке состоялся праздник в честь открытия сквера. Детям подарили мячи.",
    )
    assert (ev.kind, ev.status) == ("праздник", "held")


def test_prose_under_the_headline_is_no_page_line() -> None:
    assert _chrome("#Липовскийрайон #благоустройство #новостирайона")
    assert not _chrome("#Липовка открыла сквер для жителей")
    assert not _chrome("В Липовке открылся сквер у реки.")


def test_a_breadcrumb_ending_in_the_headline_is_the_headline_again() -> None:
    title, body = _sentences(
        "День посёлка в Липовке",
        "Главная » 2024 » Июль » 6 » День посёлка в Липовке\n15:40\n"
        "В субботу жители Липовки отметили день посёлка. Гостям показали концерт.",
    )
    assert title == "День посёлка в Липовке"
    assert body[0].startswith("В субботу жители Липовки")


def test_a_breadcrumb_of_another_story_stays() -> None:
    _, body = _sentences(
        "День посёлка в Липовке",
        "Главная » Новости » В Озёрном открыли новую школу\n"
        "В субботу жители Липовки отметили день посёлка.",
    )
    assert body[0].startswith("Главная »")
