"""Event rules from the missed events and the status errors of the eighteenth development set
of real news: one rule per test, on sentences written for these tests (none is taken from the
dev texts)."""

from __future__ import annotations

from bot.text.events.status import sentence_stance
from tests.support.events import expect_event, expect_none


def _stance(sentence: str, word: str) -> str | None:
    found = sentence_stance(sentence, sentence.index(word))
    return found[0] if found else None


# --- (1) «оставил без праздника»: the gathering they were to have is off ----------------------


def test_left_without_a_fair_is_cancelled() -> None:
    ev = expect_event(
        "Метель оставила жителей Сосновки без ярмарки выходного дня",
        "Торговлю, намеченную на субботу, отменили из-за метели. Администрация извинилась "
        "перед продавцами.",
    )
    assert (ev.kind, ev.status) == ("ярмарка", "cancelled")


def test_residents_left_without_their_holiday_is_cancelled() -> None:
    s = "Жители Ивановки остались без праздника из-за паводка."
    assert _stance(s, "праздника") == "cancelled"


def test_left_without_light_at_a_holiday_changes_nothing() -> None:
    s = "Гроза оставила часть района без света, но праздник прошёл на площади."
    assert _stance(s, "праздник ") == "held"


# --- (2) «откладывается»: the present of a postponement ----------------------------------------


def test_a_festival_being_put_off_is_postponed() -> None:
    s = "Фестиваль снежных скульптур откладывается из-за оттепели."
    assert _stance(s, "Фестиваль") == "postponed"


def test_a_season_opening_put_off_in_a_kindless_headline_moves_the_called_off_programme() -> None:
    ev = expect_event(
        "Открытие лыжного сезона в Таштаголе откладывается",
        "Программа праздника, посвящённого открытию сезона, отменена из-за тёплой погоды. "
        "Организаторы обещают провести всё 20 ноября.",
    )
    assert ev.status == "postponed"


def test_a_cancelled_fair_under_a_kindless_headline_that_cancels_stays_cancelled() -> None:
    ev = expect_event(
        "Из-за тёплой погоды всё отменили",
        "Праздник открытия сезона, который должен был пройти 5 ноября, отменён.",
    )
    assert ev.status == "cancelled"


# --- (3) «Дата проведения заседания изменена»: the date first, then its change --------------


def test_the_date_of_a_sitting_changed_is_postponed() -> None:
    ev = expect_event(
        "Дата проведения сессии Думы изменена",
        "Депутаты решили провести очередную сессию Думы 27 июля. Перенос связан с подготовкой "
        "поправок к бюджету.",
    )
    assert (ev.kind, ev.status) == ("сессия", "postponed")


def test_the_date_of_a_change_named_as_a_topic_is_no_postponement() -> None:
    s = "Дата изменения тарифов обсуждалась на заседании комиссии."
    assert _stance(s, "заседании") != "postponed"


# --- (4) «церемония, объявившая о начале строительства»: told done, not a plan ----------------


def test_a_ceremony_that_announced_a_start_is_held() -> None:
    ev = expect_event(
        "В Ключах появится новый детский сад",
        "12 апреля в селе Ключи прошла торжественная церемония, объявившая о начале "
        "строительства детского сада. На церемонии выступили воспитанники старого сада.",
    )
    assert (ev.kind, ev.status) == ("церемония", "held")


def test_announcing_the_start_of_a_contest_is_still_a_plan() -> None:
    s = "Организаторы объявили о старте конкурса чтецов."
    assert _stance(s, "конкурса") == "announced"


# --- (5) «принято решение провести», «слушания назначены.»: set ahead --------------------------


def test_a_decision_to_hold_a_sitting_is_a_plan() -> None:
    s = "Депутаты приняли решение провести внеочередное заседание совета 14 августа."
    assert _stance(s, "заседание") == "announced"


def test_hearings_already_set_are_ahead() -> None:
    ev = expect_event(
        "Жители Сосновки смогут обсудить бюджет 20 июля",
        "Публичные слушания по проекту бюджета Сосновки уже назначены. Об этом говорится в "
        "постановлении главы. Время и место пока не объявлены.",
    )
    assert (ev.kind, ev.status) == ("публичные слушания", "announced")


def test_a_head_appointed_is_still_no_gathering() -> None:
    expect_none(
        "В Сосновке назначен новый глава администрации",
        "Новым главой администрации назначен Пётр Смирнов. Решение принято на заседании "
        "совета депутатов.",
    )


# --- (6) «репортаж с праздника»: written there ------------------------------------------------


def test_a_report_from_a_holiday_is_held() -> None:
    ev = expect_event(
        "Сабантуй в Кадышево: репортаж с праздника",
        "В субботу в Кадышево отмечают Сабантуй. Гулянья запланированы на полдень, но народ "
        "собирается с утра.",
    )
    assert ev.status == "held"


def test_a_holiday_ahead_without_a_report_stays_ahead() -> None:
    ev = expect_event(
        "Сабантуй в Кадышево: программа праздника",
        "В субботу в Кадышево пройдёт Сабантуй. Гулянья запланированы на полдень.",
    )
    assert ev.status == "announced"


# --- (7) «в июне не будет»: a month only, the gathering moved out of it ------------------------


def test_none_in_june_moved_without_end_is_postponed() -> None:
    ev = expect_event(
        "В Сосновке в июле не будет фестиваля «Лето»",
        "Фестиваль «Лето» переносится на неопределённый срок. Ориентировочно его проведут осенью.",
    )
    assert ev.status == "postponed"


def test_none_this_year_moved_without_end_is_cancelled() -> None:
    ev = expect_event(
        "В Сосновке в этом году не будет фестиваля «Лето»",
        "Фестиваль «Лето» переносится на неопределённый срок.",
    )
    assert ev.status == "cancelled"


# --- (8) a move told as the course before the calling off -------------------------------------


def test_a_concert_called_off_after_an_earlier_move_is_cancelled() -> None:
    ev = expect_event(
        "В Вологде отменили концерт пианиста",
        "Филармония отменила концерт, который должен был пройти 20 июля. Причина не названа. "
        "Изначально концерт должен был состояться в мае. Его перенесли.",
    )
    assert ev.status == "cancelled"


def test_a_concert_first_moved_then_called_off_in_one_sentence_is_cancelled() -> None:
    ev = expect_event(
        "Почему отменили концерт в Вологде",
        "Концерт оркестра в Вологде отменили из-за болезни дирижёра. В первый раз оркестр "
        "должен был выступить весной, но концерт перенесли.",
    )
    assert ev.status == "cancelled"


def test_a_concert_called_off_and_moved_now_is_postponed() -> None:
    ev = expect_event(
        "В Вологде отменили концерт пианиста",
        "Филармония отменила концерт, который должен был пройти 20 июля. Его перенесли.",
    )
    assert ev.status == "postponed"


# --- (9) a town's fair day called off, its one day in the lead ---------------------------------


def test_saturday_fairs_called_off_for_one_day_are_one_fair() -> None:
    ev = expect_event(
        "В Заречном отменили субботние ярмарки из-за урагана",
        "В Заречном отменили продовольственные ярмарки, которые должны были пройти 12 апреля. "
        "Торговать собирались на пяти площадках.",
    )
    assert (ev.kind, ev.status) == ("ярмарка", "cancelled")


def test_saturday_fairs_called_off_for_two_days_are_a_run() -> None:
    expect_none(
        "В Заречном отменили субботние ярмарки из-за урагана",
        "В Заречном отменили продовольственные ярмарки 12 и 19 апреля. Торговать собирались "
        "на пяти площадках.",
    )


# --- (10) «празднования, посвящённые Дню ...»: one occasion's festivities ----------------------


def test_celebrations_dedicated_to_one_day_are_one_celebration() -> None:
    ev = expect_event(
        "В Сосновке стартовали празднования, посвящённые Дню посёлка",
        "В субботу на главной площади открылась ярмарка мастеров, вечером прошёл концерт.",
    )
    assert ev.status == "held"


def test_celebrations_without_an_occasion_are_still_several() -> None:
    expect_none(
        "В сёлах района стартовали празднования",
        "В субботу в каждом селе открылись ярмарки мастеров, вечером прошли концерты.",
    )


# --- (11) a discussion in the headline held at a hearing named deep in the text --------------


def test_a_budget_to_be_discussed_at_a_hearing_told_late_is_the_hearing() -> None:
    ev = expect_event(
        "В Ивановке обсудят бюджет",
        "Администрация поселения внесла в совет депутатов проект бюджета на 2025 год. "
        "Депутатам остаётся две недели на поправки. Предложения могут прислать и жители. "
        "Все они будут рассмотрены на публичных слушаниях, которые назначены на 28 ноября.",
    )
    assert (ev.kind, ev.status) == ("публичные слушания", "announced")


def test_a_budget_to_be_discussed_with_a_concert_told_late_is_no_event() -> None:
    expect_none(
        "В Ивановке обсудят бюджет",
        "Администрация поселения внесла в совет депутатов проект бюджета на 2025 год. "
        "Депутатам остаётся две недели на поправки. Предложения могут прислать и жители. "
        "А 28 ноября в клубе пройдёт концерт.",
    )
