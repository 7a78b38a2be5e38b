"""Event rules from the false events and wrong statuses on the twenty-third development set of
real news: one rule per test, on sentences written for these tests (none is taken from the dev
texts), each with a control the rule must leave as it was."""

from __future__ import annotations

from bot.text.events.lexicon import _kinds_in
from tests.support.events import expect_event, expect_none

# --- (1) a headline that reports it held outweighs the move told as its past -----------------


def test_a_race_held_after_a_move_is_held() -> None:
    ev = expect_event(
        "В Ольховке проведена лыжная гонка",
        "Гонка состоялась 24 февраля на стадионе. Соревнования должны были пройти ещё 17 "
        "февраля, но из-за оттепели их перенесли. Победителей наградили грамотами.",
    )
    assert ev.status == "held"


def test_a_race_moved_stays_postponed() -> None:
    ev = expect_event(
        "В Ольховке перенесли лыжную гонку",
        "Соревнования должны были пройти 17 февраля. Из-за оттепели их перенесли на 24 февраля.",
    )
    assert ev.status == "postponed"


# --- (2) a series running since a year is no stance of this year's gathering -----------------


def test_a_contest_held_since_a_year_gives_way_to_the_gala_ahead() -> None:
    ev = expect_event(
        "Областной конкурс баянистов «Звонкие меха» проводится в Ольховске с 2005 года.",
        "15 апреля в Доме культуры пройдёт гала-концерт, на котором выступят лауреаты.",
    )
    assert ev.status == "announced"


def test_a_contest_under_way_today_stays_held() -> None:
    ev = expect_event(
        "Областной конкурс баянистов «Звонкие меха» проводится в Ольховске",
        "Сегодня на сцене Дома культуры выступают двадцать баянистов из пяти районов.",
    )
    assert ev.status == "held"


# --- (3) «ждёт» sets a gathering ahead, like «ждут» ------------------------------------------


def test_a_festival_that_awaits_us_is_announced() -> None:
    ev = expect_event(
        "Лето ещё не кончилось, а впереди нас ждёт фестиваль «Гармонь звенит»",
        "В Доме культуры деревни Ключи соберутся гармонисты из соседних районов.",
    )
    assert ev.status == "announced"


def test_a_festival_that_went_on_stays_held() -> None:
    ev = expect_event(
        "В деревне Ключи прошёл фестиваль «Гармонь звенит»",
        "В Доме культуры собрались гармонисты из соседних районов.",
    )
    assert ev.status == "held"


# --- (4) gatherings counted in the headline are a programme ----------------------------------


def test_a_headline_counting_gatherings_is_a_programme() -> None:
    expect_none(
        "Более 80 праздничных мероприятий подготовили к юбилею района",
        "Сегодня в краеведческом музее прошло открытие выставки «Наш район». Всего в течение "
        "года пройдут концерты, соревнования и выставки.",
    )


def test_one_exhibition_opened_is_an_event() -> None:
    ev = expect_event(
        "К юбилею района в музее открыли выставку «Наш район»",
        "Сегодня в краеведческом музее прошло открытие выставки «Наш район».",
    )
    assert ev.kind == "выставка"


# --- (5) a day for each place, the verb dropped before a dash, is a schedule -----------------


def test_days_given_place_by_place_are_a_schedule() -> None:
    expect_none(
        "Стали известны даты Дня рыбака в районе",
        "Праздник пройдёт в районном центре 12 июля. В Сосновке — 19 июля, а в Ключах — "
        "26 июля. Гостей ждут соревнования и концерт.",
    )


def test_one_place_with_its_day_is_an_event() -> None:
    ev = expect_event(
        "В Сосновке отметят День рыбака",
        "Праздник пройдёт в Сосновке 19 июля. Гостей ждут соревнования и концерт.",
    )
    assert ev.status == "announced"


# --- (6) a day told «отмечается» is the calendar's date --------------------------------------


def test_a_town_day_observed_without_a_celebration_is_no_event() -> None:
    expect_none(
        "Сегодня отмечается День города Ольховска",
        "Городу исполнилось 230 лет. Его основали купцы на берегу реки.",
    )


def test_a_town_day_with_a_celebration_told_is_an_event() -> None:
    ev = expect_event(
        "Сегодня отмечается День города Ольховска",
        "На центральной площади прошёл концерт, горожан поздравил глава города.",
    )
    assert ev.status == "held"


# --- (7) a gathering told held in villages in the plural is one in each ----------------------


def test_village_days_in_several_villages_are_no_one_event() -> None:
    expect_none(
        "Подарили людям радость",
        "В прошлое воскресенье праздники День села состоялись в сёлах Ключи, Сосновка и Дубки. "
        "На празднике выступили артисты. Жителей поздравил глава района.",
    )


def test_a_village_day_in_one_village_is_an_event() -> None:
    ev = expect_event(
        "Подарили людям радость",
        "В районе уже стало традицией отмечать дни деревень. В прошлое воскресенье праздник "
        "состоялся в селе Ключи. Жителей поздравил глава района.",
    )
    assert ev.status == "held"


# --- (8) a sitting named only as where the news was told or decided --------------------------


def test_a_plan_told_at_a_committee_is_the_news() -> None:
    expect_none(
        "Три района области планируют объединиться в округа",
        "Три района области планируют объединить поселения в округа. Это Сосновский, Ключевской "
        "и Дубковский районы. Речь об этом шла во вторник на заседании думского комитета.",
    )


def test_a_committee_sitting_told_held_stays_an_event() -> None:
    ev = expect_event(
        "Три района области планируют объединиться в округа",
        "Три района области планируют объединить поселения в округа. Это Сосновский, Ключевской "
        "и Дубковский районы. Во вторник прошло заседание думского комитета.",
    )
    assert ev.kind == "заседание"


def test_a_decision_taken_at_a_village_meeting_is_the_news() -> None:
    expect_none(
        "Жители Ключей провели большую уборку к 1 сентября",
        "Село Ключи показало пример соседям. На сходе жители решили, что к сентябрю улицы нужно "
        "привести в порядок. Дороги отсыпали, мусор собрали.",
    )


def test_a_village_meeting_told_held_stays_an_event() -> None:
    ev = expect_event(
        "В Ключах прошёл сход граждан",
        "Сход граждан прошёл в клубе. Жители решили отремонтировать дорогу к школе.",
    )
    assert ev.status == "held"


# --- (9) prizes won at a contest are its result ----------------------------------------------


def test_prizes_won_at_a_contest_are_a_result() -> None:
    expect_none(
        "Сыроварни области завоевали награды на конкурсе «Сыр года»",
        "Сыроварня «Ключи» получила две золотые медали. Конкурс проходил в рамках выставки.",
    )


def test_a_contest_held_stays_an_event() -> None:
    ev = expect_event(
        "В Ольховске прошёл конкурс «Сыр года»",
        "Сыроварни области представили жюри сорок сортов сыра.",
    )
    assert ev.kind == "конкурс"


# --- (10) a question's consideration moved is no gathering moved -----------------------------


def test_a_consideration_moved_is_a_decision() -> None:
    expect_none(
        "Губернатор отложил рассмотрение плана продажи областного имущества",
        "Глава региона на заседании правительства поручил оценить объекты. Рассмотрение "
        "вопроса перенесли до сентябрьского заседания правительства.",
    )


def test_a_sitting_moved_stays_postponed() -> None:
    ev = expect_event(
        "Заседание областного правительства перенесли",
        "Заседание правительства перенесли на 12 сентября.",
    )
    assert ev.status == "postponed"


# --- (11) an inspection is no gathering -----------------------------------------------------


def test_an_inspection_ahead_of_a_holiday_is_no_event() -> None:
    expect_none(
        "Накануне Дня Победы глава района проинспектировал ремонт памятников",
        "На обелиске покрасили ограду. По традиции в эти дни у памятников проходят "
        "возложения цветов.",
    )


def test_a_wreath_laying_told_held_stays_an_event() -> None:
    ev = expect_event(
        "В День Победы у обелиска прошла церемония возложения цветов",
        "Глава района и ветераны возложили цветы к обелиску.",
    )
    assert ev.status == "held"


# --- (12) a person elected by name is a post filled ------------------------------------------


def test_a_person_elected_by_name_is_a_post_filled() -> None:
    expect_none(
        "Ивана Сорокина выбрали старостой деревни Ключи",
        "5 марта в деревне прошёл сход граждан, на котором представили кандидатуру старосты.",
    )


def test_a_meeting_that_elected_no_one_by_name_stays_an_event() -> None:
    ev = expect_event(
        "В деревне Ключи прошёл сход граждан",
        "5 марта в деревне прошёл сход граждан, на котором обсудили ремонт дороги.",
    )
    assert ev.status == "held"


# --- (13) a document's procedure of hearings is no hearing ------------------------------------


def test_a_procedure_of_hearings_is_no_gathering() -> None:
    s = "Затем проект пройдёт процедуру публичных слушаний."
    assert _kinds_in(s) == []
    assert [k for k, _, _ in _kinds_in("Публичные слушания пройдут 5 мая.")] == [
        "публичные слушания"
    ]


# --- (14) a gathering inside the headline's relative clause is not its news -------------------


def test_a_ceremony_in_a_relative_clause_is_not_the_story() -> None:
    expect_none(
        "С Ключами познакомились журналисты, которые приехали снимать церемонию запуска моста",
        "Гостям показали школу и музей. Посёлку в этом году исполняется 40 лет.",
    )


def test_a_jubilee_celebrated_in_a_relative_clause_stays_an_event() -> None:
    ev = expect_event(
        "Весёлым получился юбилей Ключей, который праздновали всем селом в субботу",
        "Гостей угощали пирогами.",
    )
    assert ev.status == "held"
