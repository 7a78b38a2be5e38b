"""Event rules from the false events and wrong statuses on the nineteenth development set of
real news: one rule per test, on sentences written for these tests (none is taken from the dev
texts), each with a control the rule must leave as it was."""

from __future__ import annotations

from bot.text.events.detect import _outcome_headline
from bot.text.events.lexicon import _REPORT
from bot.text.events.scan import caseless
from bot.text.events.status import _TIMED_TO, sentence_stance, weigh
from tests.support.events import expect_event, expect_none

# --- (1) a gathering moved to another square or town, on the same day ------------------------


def test_a_move_from_one_square_to_another_keeps_it_announced() -> None:
    s = "Ёлочный праздник 28 декабря переносится с площади Строителей на площадь Мира."
    stance = sentence_stance(s, s.index("праздник"))
    assert stance is not None and stance[0] == "announced"


def test_a_move_to_a_town_named_by_its_noun_keeps_it_announced() -> None:
    s = "Концерт хора переносится в город Ольховск на стадион «Труд»."
    stance = sentence_stance(s, s.index("Концерт"))
    assert stance is not None and stance[0] == "announced"


def test_a_move_to_another_day_stays_postponed() -> None:
    s = "Ёлочный праздник переносится с 28 декабря на 4 января."
    stance = sentence_stance(s, s.index("праздник"))
    assert stance is not None and stance[0] == "postponed"


# --- (2) a hoped-for or possible change is no decision ---------------------------------------


def test_a_hoped_move_leaves_a_called_off_festival_cancelled() -> None:
    ev = expect_event(
        "В Ольховске отменили ягодный фестиваль «Морошка»",
        "Фестиваль «Морошка», который собирались провести 20 июля, в этот день не состоится. "
        "Организаторы не получили разрешения. "
        "— Мы надеемся, что фестиваль именно переносится, а не отменяется, — сказали они.",
    )
    assert ev.status == "cancelled"


def test_a_decided_move_stays_postponed() -> None:
    ev = expect_event(
        "В Ольховске отменили ягодный фестиваль «Морошка»",
        "Фестиваль «Морошка», который собирались провести 20 июля, в этот день не состоится. "
        "Организаторы не получили разрешения. Фестиваль перенесли на 17 августа.",
    )
    assert ev.status == "postponed"


def test_a_possible_date_told_of_another_moved_day_is_no_change() -> None:
    s = "Фестиваль могут провести в День села, который перенесли на сентябрь."
    assert sentence_stance(s, s.index("Фестиваль")) is None


# --- (3) a gathering under way today: its items ahead are the day's programme ----------------


def test_a_holiday_under_way_today_stays_held_over_its_programme() -> None:
    ev = expect_event(
        "Ольховск встречает гостей",
        "Сегодня в Ольховске проходит праздник «Ольховские зори». В отличие от прошлых лет, "
        "праздник будет отмечаться всего один день. Основная часть праздничной программы "
        "пройдёт в парке. Вечером на набережной пройдёт концерт, а днём будут проходить "
        "конкурсы и выставки. На площади пройдёт фольклорный концерт.",
    )
    assert ev.status == "held"


def test_a_holiday_told_ahead_stays_announced() -> None:
    ev = expect_event(
        "В Ольховске отметят день города",
        "В субботу в Ольховске пройдёт праздник «Ольховские зори». Праздник будет отмечаться "
        "всего один день. Основная программа пройдёт в парке.",
    )
    assert ev.status == "announced"


# --- (4) the day a programme is timed to, an adjective after «к» ------------------------------


def test_a_day_timed_to_with_an_adjective_is_the_occasion() -> None:
    s = "Клубы подготовили программу, приуроченную к наступающему Дню молодёжи."
    assert _TIMED_TO.search(s, 0, s.index("Дню")) is not None


def test_a_day_named_without_timing_is_no_occasion() -> None:
    s = "Клубы подготовили программу к наступающему Дню молодёжи."
    assert _TIMED_TO.search(s, 0, s.index("Дню")) is None


# --- (5) actions and flash mobs in the plural headline: several gatherings --------------------


def test_actions_in_a_plural_headline_are_several() -> None:
    expect_none(
        "Акции «Мы рядом» проходят в Ольховском районе",
        "Жители сёл выходят на улицы с флагами. Недавно акция прошла в Берёзовке. "
        "Мероприятие подготовил Дом культуры.",
    )


def test_flash_mobs_in_a_plural_headline_are_several() -> None:
    expect_none(
        "Флешмобами и автопробегами встретили жители День флага",
        "Праздничные акции проходят по всему району. В Берёзовке прошёл флешмоб. "
        "В Сосновке состоялся автопробег.",
    )


def test_an_action_after_a_singular_adjective_stays_one() -> None:
    ev = expect_event(
        "Жители Ольховска приняли участие в экологической акции «Чистый берег»",
        "В субботу волонтёры убрали мусор на берегу реки. Акция прошла в третий раз.",
    )
    assert ev.kind == "акция"


# --- (6) «отметил необходимость»: what someone said, not a day marked -------------------------


def test_noting_a_need_is_no_report() -> None:
    report = caseless(_REPORT)
    assert report.search("Глава отметил необходимость ремонта дорог.") is None
    assert report.search("Министр отметил, что работа продолжится.") is None


def test_marking_a_day_stays_a_report() -> None:
    assert caseless(_REPORT).search("Жители села отметили День рыбака.") is not None


# --- (7) a headline that tells a possibility ahead: an outcome, not the sitting -------------


def test_a_possibility_ahead_in_the_headline_is_an_outcome() -> None:
    assert _outcome_headline("В области могут начать объединять сёла", "held")


def test_a_headline_told_in_the_past_is_no_outcome_ahead() -> None:
    assert not _outcome_headline("В области обсудили объединение сёл", "held")


def test_a_reform_discussed_at_a_sitting_is_no_sitting_story() -> None:
    expect_none(
        "В Ольховской области могут начать объединять сёла",
        "В регионе появилась возможность объединять сельские поселения. "
        "Реформу обсудили на заседании совета по местному самоуправлению. "
        "Губернатор отметил необходимость проводить публичные слушания по этому вопросу.",
    )


# --- (8) a practice called for, a gathering years off: no gathering set ----------------------


def test_a_need_to_hold_hearings_sets_no_gathering() -> None:
    s = "Депутат отметил необходимость проводить публичные слушания по каждому проекту."
    assert sentence_stance(s, s.index("публичные")) is None


def test_a_duty_to_hold_hearings_stays_a_plan() -> None:
    s = "Администрации необходимо провести публичные слушания до 1 сентября."
    stance = sentence_stance(s, s.index("публичные"))
    assert stance is not None and stance[0] == "announced"


def test_a_holiday_years_off_sets_no_gathering() -> None:
    s = "Через полтора года Ольховск отметит большой праздник — 300 лет со дня основания."
    assert sentence_stance(s, s.index("праздник"), lead=True) is None


def test_a_holiday_days_off_stays_ahead() -> None:
    s = "Через два дня Ольховск отметит большой праздник — 300 лет со дня основания."
    stance = sentence_stance(s, s.index("праздник"), lead=True)
    assert stance is not None and stance[0] == "announced"


# --- (9) an agreement signed in the frame of a sitting told past the lead -------------------


def test_an_agreement_signed_in_the_frame_of_a_sitting_is_no_sitting_story() -> None:
    expect_none(
        "Ольховск и Берёзовск стали городами-побратимами",
        "Два города подписали соглашение о побратимских отношениях. "
        "Подписи поставили главы обоих городов. "
        "Соглашение подписано в рамках заседания комитета «Содружество», проходящего в "
        "Берёзовске.",
    )


def test_a_sitting_told_in_the_lead_stays_an_event() -> None:
    ev = expect_event(
        "В Берёзовске прошло заседание комитета «Содружество»",
        "На заседании главы двух городов подписали соглашение о побратимских отношениях.",
    )
    assert ev.kind == "заседание" and ev.status == "held"


# --- (10) an item of a dashed list ending on semicolons ---------------------------------------


def test_an_item_of_a_list_of_doings_is_no_story() -> None:
    expect_none(
        "Главные достижения Ольховского округа в 2024 году",
        "Ольховский округ:\n— прошло первое заседание совета молодёжи;\n"
        "— открыли библиотеку в Берёзовке;\n— отремонтировали дорогу в Сосновке;\n"
        "— запустили новый автобусный маршрут.",
    )


def test_lines_of_dialogue_are_no_list() -> None:
    ev = expect_event(
        "В Берёзовке прошёл праздник урожая",
        "В субботу в Берёзовке прошёл праздник урожая.\n— Собрались все жители села.\n"
        "— Было весело и вкусно.\n— Приедем и на следующий год.",
    )
    assert ev.kind == "праздник" and ev.status == "held"


# --- (11) a rebuke told with the gathering as its scene --------------------------------------


def test_a_rebuke_during_a_sitting_is_no_sitting_story() -> None:
    expect_none(
        "Губернатор отчитал министра за опоздание на заседание правительства",
        "Глава региона раскритиковал министра транспорта, который опоздал на заседание "
        "правительства. Губернатор напомнил о дисциплине.",
    )


def test_a_report_given_at_a_sitting_stays_an_event() -> None:
    ev = expect_event(
        "Глава района отчитался о работе на заседании думы",
        "Во вторник прошло заседание районной думы. Глава рассказал депутатам об итогах года.",
    )
    assert ev.kind == "заседание" and ev.status == "held"


# --- (12) a meeting with the press: a briefing, not a gathering ------------------------------


def test_a_meeting_with_journalists_is_no_gathering() -> None:
    ev = weigh(
        [
            "Мэр рассказал о ремонте театра",
            "Ход ремонта в ходе встречи с журналистами представил мэр Ольховска.",
        ]
    )
    assert ev.best is None
    expect_none(
        "Ольховск готовится к ремонту театра",
        "Планы на будущий год мэр Ольховска рассказал 10 июня во время встречи с представителями "
        "СМИ. Ремонт начнётся весной.",
    )


def test_a_meeting_with_residents_stays_a_gathering() -> None:
    ev = weigh(
        [
            "Мэр рассказал о ремонте театра",
            "Ход ремонта в ходе встречи с жителями представил мэр Ольховска.",
        ]
    )
    assert ev.best is not None and ev.best[2] == "встреча"
