"""Event rules from the missed events of the twenty-fifth and twenty-sixth development sets of
real news: one rule per test, on sentences written for these tests (none is taken from the dev
texts), each with a control the rule must leave alone."""

from __future__ import annotations

from bot.text.events.detect import _abroad, _held_in_places, _sentences
from bot.text.events.lexicon import _NOT_GATHERING, _RESULT
from tests.support.events import expect_event, expect_none
from tests.support.events import kinds_of as _kinds
from tests.support.events import stance_of as _stance

# --- (1) the short passive reports: «проведён», «организован», «оформлена» -----------------------


def test_short_passives_report_the_gathering() -> None:
    assert _stance("В деревне Липки был проведён весёлый праздник урожая.") == ("held", True)
    assert _stance("На площади была организована большая ярмарка мёда.") == ("held", True)
    assert _stance("В читальном зале оформлена выставка книг о войне.") == ("held", True)


def test_the_passive_ahead_is_no_report() -> None:
    assert _stance("В субботу будет организована ярмарка мёда.") == ("announced", True)


def test_a_village_day_told_by_the_passive_is_held() -> None:
    ev = expect_event(
        "Праздник в Сосновке",
        "В селе Сосновка был организован и проведён праздник – день села. Жителей поздравил "
        "глава поселения.",
    )
    assert (ev.kind, ev.status) == ("праздник", "held")


# --- (2) «дом социального назначения»: a purpose, no appointment -------------------------------


def test_a_purpose_is_no_appointment() -> None:
    assert _NOT_GATHERING.search("В центре социального назначения прошёл концерт") is None
    assert _NOT_GATHERING.search("Отряд особого назначения провёл учения") is None


def test_an_appointment_is_still_one() -> None:
    assert _NOT_GATHERING.search("После назначения Петрова на пост главы прошла сессия")


# --- (3) a council calls a hearing: no one appointed ---------------------------------------------


def test_a_hearing_called_is_no_appointment() -> None:
    assert _NOT_GATHERING.search("Городской совет назначил публичные слушания по уставу") is None
    assert _NOT_GATHERING.search("Дума назначила внеочередное заседание на пятницу") is None


def test_a_person_named_to_a_post_is_still_an_appointment() -> None:
    assert _NOT_GATHERING.search("Губернатор назначил Сидорова министром культуры")


# --- (4) ceremonies told by what is done: an opening told first, a foundation stone, gas lit,
# passports and certificates handed over ----------------------------------------------------------


def test_ceremonies_told_by_the_act() -> None:
    assert _kinds("Открытие школы после ремонта состоялось в селе Ивановка.") == ["церемония"]
    assert _kinds("Губернатор принял участие в закладке первого камня больницы.") == ["церемония"]
    assert _kinds("В хуторе состоялся долгожданный пуск газа.") == ["церемония"]
    assert _kinds("Селяне собрались на зажжение газового факела.") == ["церемония"]
    assert _kinds("Школьникам вручили первые паспорта в музее.") == ["церемония"]
    assert _kinds("Глава вручил удостоверения новым депутатам думы.") == ["церемония"]


def test_acts_that_are_no_ceremony() -> None:
    assert _kinds("Открытие выставки состоялось в музее.") == ["выставка"]
    assert _kinds("Пуск газа в дома намечен на декабрь.") == []
    assert _kinds("Паспорта граждане получают в МФЦ.") == []
    assert _kinds("На днях состоялось торжественное вручение автобуса.") == []


def test_an_opening_told_first_is_held() -> None:
    ev = expect_event(
        "Новый клуб в Берёзовке",
        "Открытие сельского клуба после капитального ремонта состоялось в деревне Берёзовка. "
        "На праздник пришли жители и гости.",
    )
    assert (ev.kind, ev.status) == ("церемония", "held")


# --- (5) a report to the people, ahead or with its hosts between -------------------------------


def test_reports_to_the_people() -> None:
    assert _kinds("Глава района отчитается перед трудовым коллективом завода.") == ["отчёт"]
    assert _kinds("Депутатов увидели на отчёте депутатов гордумы перед населением.") == ["отчёт"]


def test_a_report_of_no_people_is_no_gathering() -> None:
    assert _kinds("Компания отчитается о прибыли перед налоговой.") == []


# --- (6) residents meet their deputies, the verb in the plural ---------------------------------


def test_residents_meet_deputies() -> None:
    assert _kinds("Жители Заречья в пятницу встретятся с депутатами горсовета") == ["встреча"]
    assert _kinds("Избиратели встретились с главой района на сходе.")[0] == "встреча"
    ev = expect_event(
        "Жители Заречья в пятницу встретятся с депутатами",
        "Жители микрорайона Заречье в пятницу встретятся с депутатами городского совета. "
        "Встреча пройдёт в школе № 5 в 18.00.",
    )
    assert (ev.kind, ev.status) == ("встреча", "announced")


def test_two_officials_meeting_is_no_residents_meeting() -> None:
    assert _kinds("Губернатор и министр встретились с главой Минфина.") == []


# --- (7) «поборются за медали»: a contest ahead, no result --------------------------------------


def test_fighting_for_medals_is_no_result() -> None:
    assert _RESULT.search("Юные лыжники поборются за медали первенства") is None
    assert _RESULT.search("Наши борцы завоевали медали первенства")


# --- (8) foreign states the participants come from are no contest abroad ----------------------


def test_guests_from_abroad_are_no_contest_abroad() -> None:
    assert not _abroad("В забеге примут участие спортсмены из России, Казахстана и Монголии.")
    assert _abroad("Борец из Тувы выиграл турнир в Монголии.")


# --- (9) a Telegram headline repeated with a pictograph before it is weighed once ----------------


def test_a_headline_repeated_with_a_pictograph() -> None:
    _title, body = _sentences(
        "Лыжный марафон идёт в Кировске",
        "⛷ Лыжный марафон идёт в Кировске\nВ соревнованиях участвуют 300 лыжников.",
    )
    assert body[0].startswith("В соревнованиях")
    _, other = _sentences("Марафон в Кировске", "⛷ Лыжный марафон идёт\nВ гонке 300 лыжников.")
    assert other[0].startswith("⛷")


# --- (10) the games of one tournament are one gathering ---------------------------------------


def test_the_games_of_one_tournament() -> None:
    ev = expect_event(
        "С 3 по 7 июня в Туле прошли матчи зонального турнира по мини-футболу",
        "В город приехали восемь команд. Наши ребята заняли третье место.",
    )
    assert ev.status == "held"


def test_the_games_of_a_league_are_still_many() -> None:
    expect_none(
        "В выходные прошли матчи чемпионата области по футболу",
        "Лидер проиграл в гостях. Таблица обновлена.",
    )


# --- (11) guests from many towns: no gathering in each town ------------------------------------


def test_guests_from_many_towns_are_no_places_at_once() -> None:
    sentence = "На праздник съехались гости из 12 городов и районов."
    assert not _held_in_places(sentence, sentence.find("праздник"))
    other = "Праздник прошёл в 12 районах области."
    assert _held_in_places(other, other.find("Праздник"))


# --- (12) the headline is the gathering's own quoted name --------------------------------------


def test_the_headline_is_the_gatherings_name() -> None:
    text = (
        "В этом году селу исполняется 300 лет. Село прошло долгий путь. Нам есть чем гордиться. "
        "Жители помнят своих героев. К юбилею в сельской библиотеке оформлена выставка "
        "«Моя малая родина — моя гордость». В ней три раздела."
    )
    ev = expect_event("Моя малая родина — моя гордость", text)
    assert (ev.kind, ev.status) == ("выставка", "held")
    expect_none("Триста лет истории", text)  # another headline: the display told in passing
