"""Event rules from the false events, the missed ones and the wrong statuses on the
twenty-fourth development set of real news: one rule per block, on sentences written for these
tests (none is taken from the dev texts), each with a control the rule must leave as it was."""

from __future__ import annotations

from bot.text.events.lexicon import _REPORT, _kinds_in
from bot.text.events.scan import caseless
from tests.support.events import expect_event, expect_none

# --- (1) a gathering of one day told to run for weeks is a drive -----------------------------


def test_a_consultation_of_a_month_is_no_hearing() -> None:
    expect_none(
        "Жители Ольховска высказались о проекте набережной",
        "Горожане оставили более 500 замечаний. Общественные обсуждения проекта проходили с "
        "3 мая по 3 июня на сайте администрации.",
    )


def test_a_hearing_of_one_day_stays_a_hearing() -> None:
    ev = expect_event(
        "В Ольховске прошли публичные слушания по проекту набережной",
        "Публичные слушания прошли 3 июня в зале администрации, пришли 40 жителей.",
    )
    assert ev.status == "held"


def test_a_touring_drive_of_three_weeks_is_no_gathering() -> None:
    expect_none(
        "В области пройдёт акция «Культурный десант»",
        "С 10 июля по 2 августа пройдёт акция «Культурный десант». Артисты побывают в шести "
        "сёлах района.",
    )


def test_an_action_of_one_day_stays_one() -> None:
    ev = expect_event(
        "В Ольховке пройдёт акция «Культурный десант»",
        "13 июля пройдёт акция «Культурный десант»: артисты выступят на площади.",
    )
    assert ev.status == "announced"


# --- (2) the plan and its move told in one sentence, past the lead: the move is the news -----


def test_a_match_moved_from_its_first_day_is_postponed() -> None:
    ev = expect_event(
        "В Ольховке сыграют в волейбол ветераны и школьники",
        "Турнир состоится в субботу, 13 июля, в спортзале школы. Заявки подали шесть команд. "
        "Судить будут тренеры спортшколы. Турнир должен был состояться ещё в июне, однако был "
        "перенесён из-за ремонта зала.",
    )
    assert ev.status == "postponed"


def test_a_match_never_moved_stays_announced() -> None:
    ev = expect_event(
        "В Ольховке сыграют в волейбол ветераны и школьники",
        "Турнир состоится в субботу, 13 июля, в спортзале школы. Заявки подали шесть команд. "
        "Судить будут тренеры спортшколы. Турнир проводят в Ольховке уже пятый год.",
    )
    assert ev.status == "announced"


# --- (3) a decision told as taken at a sitting is the story -----------------------------------


def test_a_decision_taken_at_a_session_is_no_session() -> None:
    expect_none(
        "Такое решение принято на очередной сессии районного совета",
        "Средства на ремонт школы выделены из краевого бюджета. Депутаты также утвердили "
        "изменения в генплан поселения. В работе сессии участвовал глава района.",
    )


def test_a_session_told_held_stays_an_event() -> None:
    ev = expect_event(
        "В Ольховке прошла очередная сессия районного совета",
        "Депутаты утвердили изменения в генплан поселения. В работе сессии участвовал глава "
        "района.",
    )
    assert ev.status == "held"


# --- (4) a parliamentarian's meeting with residents is a deputy's ----------------------------


def test_a_parliamentarians_meeting_is_a_meeting() -> None:
    assert [k for k, _, _ in _kinds_in("Встреча парламентария с жителями прошла в клубе.")] == [
        "встреча"
    ]


def test_a_parliamentarian_without_a_meeting_names_no_gathering() -> None:
    assert _kinds_in("Парламентарий рассмотрел письма жителей.") == []


# --- (5) the headline repeated under a subheading is weighed once ----------------------------

_HEAD = "Депутат Петров принимает обращения жителей в Ольховке"
_LEAD = "Депутат областного собрания Иван Петров рассмотрел обращения избирателей."


def test_the_headline_again_under_a_subheading_does_not_push_the_lead_down() -> None:
    ev = expect_event(
        _HEAD,
        f"Разговор о проблемах посёлка\n{_HEAD}\n{_LEAD} Встреча депутата с жителями состоялась "
        "в сельском клубе.",
    )
    assert ev.status == "held"


def test_a_meeting_told_deep_below_the_lead_is_still_in_passing() -> None:
    expect_none(
        _HEAD,
        f"Разговор о проблемах посёлка\n{_HEAD}\n{_LEAD} Жители пожаловались на дорогу. "
        "Встреча депутата с жителями состоялась в сельском клубе.",
    )


# --- (6) people who came out to a gathering report it held -----------------------------------


def test_residents_who_came_out_to_a_gathering_report_it() -> None:
    ev = expect_event(
        "Ольховка против закрытия аптеки",
        "Жители Ольховки вышли на сход и потребовали сохранить аптеку.",
    )
    assert ev.status == "held"


def test_coming_out_to_work_reports_nothing() -> None:
    assert caseless(_REPORT).search("Рабочие вышли на смену в шесть утра") is None


# --- (7) «выездная администрация» is a reception of residents --------------------------------


def test_an_administration_on_the_road_is_a_reception() -> None:
    ev = expect_event(
        "Выездную администрацию проведут в Ольховке",
        "Выездную администрацию проведут 12 июля в школе: специалисты ответят на вопросы жителей.",
    )
    assert ev.kind == "приём граждан"
    assert ev.status == "announced"


def test_an_inspection_on_the_road_is_no_gathering() -> None:
    assert _kinds_in("Выездная проверка прошла на предприятии.") == []


# --- (8) what always happens somewhere is no gathering of this day ---------------------------


def test_what_always_happens_in_a_club_is_no_gathering() -> None:
    expect_none(
        "Ремонт клуба в Ольховке близится к завершению",
        "В клубе заменили кровлю и окна. Клуб — сердце села, где всегда проходят собрания, "
        "праздники, выпускные балы. Осенью клуб откроет двери для посетителей.",
    )


def test_as_always_today_a_holiday_is_under_way() -> None:
    ev = expect_event(
        "В Ольховке отмечают День села",
        "Как всегда, сегодня в парке проходит праздник: играет духовой оркестр.",
    )
    assert ev.status == "held"


# --- (9) a greeting's short headline is the headline, not the page's chrome ------------------


def test_a_greeting_headline_over_memories_is_no_gathering() -> None:
    expect_none(
        "С Днём села!",
        "Каждое лето село Ольховка отмечает свой день рождения. На этот праздник всегда "
        "собираются жители и гости. В этом году от гуляний на площади пришлось отказаться. "
        "Давайте вспомним, как гуляли ольховцы на Дне села в прошлые годы!",
    )


def test_a_greeting_headline_over_a_celebration_told_held_stays_an_event() -> None:
    ev = expect_event(
        "С Днём села!",
        "В субботу в Ольховке прошёл праздник, посвящённый Дню села. На площади выступили "
        "артисты районного Дома культуры.",
    )
    assert ev.status == "held"


# --- (10) the districts of a region as the subject: one celebration in each -----------------


def test_when_the_districts_of_a_region_celebrate_is_no_gathering() -> None:
    expect_none(
        "Когда районы Кубани отметят День урожая: даты праздника",
        "Первыми День урожая отметят в Ейском районе 5 октября. Большинство районов проведут "
        "праздник 12 октября.",
    )


def test_one_district_celebrating_stays_an_event() -> None:
    ev = expect_event(
        "Когда Ейский район отметит День урожая: дата праздника",
        "Праздник пройдёт 5 октября на центральной площади Ейска.",
    )
    assert ev.status == "announced"


# --- (11) the many places of the items added after «а также» are not the gathering's own -----


def test_a_fair_on_the_square_with_classes_in_many_halls_is_one_gathering() -> None:
    ev = expect_event(
        "В субботу Ольховск отметит своё 200-летие",
        "13 июля на центральной площади пройдёт большая ярмарка мастеров, а также мастер-классы "
        "и экскурсии в учреждениях культуры города.",
    )
    assert ev.status == "announced"


def test_a_fair_in_many_halls_is_one_in_each() -> None:
    expect_none(
        "В субботу Ольховск отметит своё 200-летие",
        "13 июля большая ярмарка мастеров пройдёт в учреждениях культуры города.",
    )


# --- (12) what was done at a gathering's venue tells nothing of the gathering ----------------


def test_the_venue_inspected_is_no_gathering_held() -> None:
    expect_none(
        "Глава района побывал у озера Круглое",
        "В воскресенье глава района посетил площадку проведения фестиваля. Работы по "
        "благоустройству идут по плану.",
    )


def test_a_holiday_held_by_the_lake_stays_an_event() -> None:
    ev = expect_event(
        "Глава района побывал у озера Круглое",
        "В воскресенье глава района посетил фестиваль на площадке у озера. Работы по "
        "благоустройству идут по плану.",
    )
    assert ev.status == "held"
