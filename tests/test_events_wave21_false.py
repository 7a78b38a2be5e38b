"""Event rules from the false events and wrong statuses on the twenty-first development set of
real news: one rule per test, on sentences written for these tests (none is taken from the dev
texts), each with a control the rule must leave as it was."""

from __future__ import annotations

from bot.text.events.lexicon import _kinds_in, find_incident
from bot.text.events.status import sentence_stance
from tests.support.events import expect_event, expect_none

# --- (1) a sitting being called is ahead -----------------------------------------------------


def test_a_sitting_being_called_is_announced() -> None:
    s = "В Ольховске созывают внеочередное заседание городского совета."
    stance = sentence_stance(s, s.index("заседание"), lead=True)
    assert stance is not None and stance[:2] == ("announced", True)


def test_a_chair_who_will_call_a_session_is_announced() -> None:
    ev = expect_event(
        "Председатель созовёт сессию районного собрания",
        "Сессия районного собрания пройдёт 12 июля в администрации. Депутаты рассмотрят бюджет.",
    )
    assert ev.status == "announced"


def test_a_sitting_held_stays_held() -> None:
    ev = expect_event(
        "В Ольховске прошло внеочередное заседание городского совета",
        "Депутаты собрались на внеочередное заседание и утвердили поправки в бюджет.",
    )
    assert ev.status == "held"


# --- (2) a collapse is an incident -----------------------------------------------------------


def test_a_collapse_during_a_concert_is_the_incident() -> None:
    assert find_incident("На зрителей обрушилась люстра во время концерта") is not None
    expect_none(
        "В Ольховске на школьников обрушился потолок во время концерта",
        "Потолок упал, когда дети пели. Никто не пострадал серьёзно. Школа проверит зал.",
    )


def test_a_concert_without_an_incident_stays_an_event() -> None:
    ev = expect_event(
        "В Ольховске школьники дали концерт для ветеранов",
        "Концерт прошёл в актовом зале гимназии. Дети пели песни военных лет.",
    )
    assert ev.kind == "концерт" and ev.status == "held"


# --- (3) a concert hall or a stage is a venue, not a concert ---------------------------------


def test_a_concert_hall_names_no_concert() -> None:
    s = "Прокуратура проверит состояние концертного зала Дома культуры."
    assert not any(k == "концерт" for k, _, _ in _kinds_in(s))
    s = "Автобус легко превращается в концертную площадку."
    assert not any(k == "концерт" for k, _, _ in _kinds_in(s))


def test_a_concert_in_a_hall_is_still_a_concert() -> None:
    s = "В концертном зале филармонии прошёл концерт камерного оркестра."
    assert [k for k, _, _ in _kinds_in(s)] == ["концерт"]


# --- (4) an official's working day is a visit, its meetings its stops ------------------------


def test_an_officials_working_day_is_a_visit() -> None:
    expect_none(
        "Губернатор проверит, как идут дела в Ольховском районе",
        "Сегодня рабочий день губернатора пройдёт в Ольховском районе. Глава региона осмотрит "
        "школу и встретится с ветеранами. Губернатор посетит больницу и детский сад.",
    )


def test_a_meeting_with_veterans_of_its_own_stays_an_event() -> None:
    ev = expect_event(
        "Губернатор встретится с ветеранами Ольховского района",
        "Встреча с ветеранами пройдёт 10 июля в районном Доме культуры.",
    )
    assert ev.status == "announced"


# --- (5) the authorities as a headline's speaker ---------------------------------------------


def test_the_authorities_speaking_in_a_headline_is_a_statement() -> None:
    expect_none(
        "Ольховские власти: «Ягодный фестиваль» забудут, если отменить его ещё раз",
        "Власти надеются, что в следующем году фестиваль удастся провести. "
        "В прошлом году его отменили из-за непогоды.",
    )


def test_a_headline_with_a_towns_name_before_a_colon_is_no_speaker() -> None:
    ev = expect_event(
        "Ольховск: ягодный фестиваль пройдёт 20 июля",
        "Фестиваль пройдёт на набережной. Гостей ждут ярмарка и концерт.",
    )
    assert ev.status == "announced"


# --- (6) a drive named a month is a campaign -------------------------------------------------


def test_a_drive_named_a_month_is_a_campaign() -> None:
    expect_none(
        "Завершён «Весенний месяц чистоты»",
        "В городе завершился традиционный «Весенний месяц чистоты». Активными участниками "
        "мероприятия стали жители частного сектора. Горожане убирали листву у домов.",
    )


def test_a_concert_within_a_named_month_stays_an_event() -> None:
    ev = expect_event(
        "В рамках «Месяца добра» в Ольховске прошёл благотворительный концерт",
        "Концерт прошёл в Доме культуры. Собранные средства передадут детскому дому.",
    )
    assert ev.kind == "концерт" and ev.status == "held"


def test_a_gathering_titled_with_a_month_stays_an_event() -> None:
    ev = expect_event(
        "В библиотеке прошла выставка «Месяц книги»",
        "Выставка открылась 12 мая в читальном зале. Посетители увидели редкие издания.",
    )
    assert ev.kind == "выставка" and ev.status == "held"


# --- (7) a day's name over gatherings in many places -----------------------------------------


def test_a_days_name_over_gatherings_in_every_place_is_none() -> None:
    expect_none(
        "День памяти и скорби",
        "22 июня — одна из самых печальных дат. Во всех культурно-досуговых учреждениях района "
        "прошли тематические мероприятия, жители возложили цветы к обелискам.",
    )


def test_a_days_name_over_one_gathering_stays_an_event() -> None:
    ev = expect_event(
        "День памяти и скорби",
        "22 июня в парке Победы прошёл митинг. Жители возложили цветы к Вечному огню.",
    )
    assert ev.status == "held"


# --- (8) a weekend told day by day -----------------------------------------------------------


def test_a_weekend_told_day_by_day_is_a_roundup() -> None:
    expect_none(
        "Минувшие выходные жители Ольховска провели активно",
        "В субботу состоялись городские соревнования по плаванию. Победителей наградили "
        "грамотами. В воскресенье школьники отметили день бега, стартовали забеги.",
    )


def test_one_gathering_on_a_weekend_stays_an_event() -> None:
    ev = expect_event(
        "Минувшие выходные жители Ольховска провели активно",
        "В субботу состоялись городские соревнования по плаванию. Победителей наградили "
        "грамотами. Соревнования проходят в городе ежегодно.",
    )
    assert ev.kind == "соревнования" and ev.status == "held"


# --- (9) a topic discussed at a sitting ------------------------------------------------------


def test_a_topic_discussed_at_a_sitting_is_the_news() -> None:
    expect_none(
        "Ремонт стадиона в Ольховске обсудили на заседании правительства",
        "В рамках заседания правительства обсуждался вопрос ремонта стадиона. "
        "Работы начались в прошлом году.",
    )


def test_a_sitting_that_opens_the_headline_stays_an_event() -> None:
    ev = expect_event(
        "На заседании правительства обсудили ремонт стадиона",
        "Заседание правительства прошло в среду. Министры обсудили ремонт стадиона и бюджет.",
    )
    assert ev.kind == "заседание" and ev.status == "held"


# --- (10) a salutation over a holiday, nothing held ------------------------------------------


def test_an_address_for_a_holiday_is_a_greeting() -> None:
    expect_none(
        "",
        "Уважаемые земляки!\n4 ноября в нашей стране отмечается один из самых значимых "
        "праздников - День народного единства. Праздник напоминает нам о единстве. "
        "В этот праздничный день желаю всем здоровья и счастья.",
    )


def test_an_address_inviting_to_a_holiday_stays_an_event() -> None:
    ev = expect_event(
        "",
        "Дорогие земляки!\nПриглашаем вас на праздник «День села», который состоится 6 июля "
        "на стадионе. В программе концерт и ярмарка.",
    )
    assert ev.status == "announced"


# --- (11) a site's pointer to its earlier story ----------------------------------------------


def test_a_pointer_to_an_earlier_story_is_another_story() -> None:
    expect_none(
        "В Ольховском районе появился автоклуб",
        "Автоклуб купили по нацпроекту. Машина легко превращается в сцену со светом и звуком. "
        "Он будет ездить по дальним сёлам. Начальник отдела культуры "
        "рассказала, что автоклуб покажут жителям 12 июля на празднике «Липовый цвет». "
        "Ранее «Вести Ольховска» сообщали, что фестиваль «Земля предков» пройдёт онлайн.",
    )


def test_an_earlier_report_of_the_same_gathering_still_counts() -> None:
    ev = expect_event(
        "В Ольховске отменили ягодный фестиваль",
        "Фестиваль не состоится из-за непогоды. Организаторы вернут деньги за билеты. "
        "Ранее сообщалось, что фестиваль отменят, если пойдут дожди.",
    )
    assert ev.status == "cancelled"


# --- (12) subbotniks in the plural are several -----------------------------------------------


def test_subbotniks_in_the_plural_are_several() -> None:
    expect_none(
        "",
        "Сегодня чиновники отчитывались по проведённым субботникам: на уборку вышли школы и "
        "больницы. Глава города недоволен результатами.",
    )


def test_one_subbotnik_stays_an_event() -> None:
    ev = expect_event(
        "В Ольховске прошёл общегородской субботник",
        "На уборку улиц вышли школы и больницы. Собрали двести мешков мусора.",
    )
    assert ev.kind == "субботник" and ev.status == "held"


# --- (13) officials in the plural, each with his own gathering -------------------------------


def test_officials_in_the_plural_with_plural_gatherings_are_a_roundup() -> None:
    expect_none(
        "Главы районов провели плановые совещания и встречи с жителями",
        "Глава Ольховского района провёл совещание по подготовке к зиме. Глава Липовского района "
        "провёл встречу с жителями села Ключи.",
    )


def test_deputies_holding_one_sitting_stay_an_event() -> None:
    ev = expect_event(
        "Депутаты провели заседание районного совета",
        "Заседание прошло в администрации. Депутаты утвердили отчёт об исполнении бюджета.",
    )
    assert ev.kind == "заседание" and ev.status == "held"


# --- (14) a contest of yards, judged where they are ------------------------------------------


def test_a_yard_contest_judged_at_the_homes_is_no_gathering() -> None:
    expect_none(
        "",
        "Конкурс «Сад ветерана» проходил в пятый раз. Участниками состязания стали 15 хозяев. "
        "Жюри оценивало фасады домов и участки по десяти критериям. Победители получили премии.",
    )


def test_a_contest_where_the_best_kept_yard_wins_is_no_gathering() -> None:
    expect_none(
        "Губернатор вручил премии победителям конкурса «Цветущий край»",
        "Губернатор вручил премии победителям конкурса «Цветущий край». В конкурсе самым "
        "благоустроенным приусадебным участком признан двор жительницы села Ключи.",
    )


def test_a_contest_of_singers_stays_an_event() -> None:
    ev = expect_event(
        "В Ольховске прошёл конкурс молодых исполнителей",
        "Участниками состязания стали 20 вокалистов. Жюри оценивало технику и артистизм.",
    )
    assert ev.status == "held"


# --- (15) a gathering named as the time of a headline's plural ones --------------------------


def test_subbotniks_held_during_a_holiday_are_several() -> None:
    expect_none(
        "",
        "Во время празднования Дня города и после проведения праздничных мероприятий "
        "сотрудники администрации Ольховска проводили субботники. Каждое утро они убирали "
        "мусор в парке.",
    )


def test_one_subbotnik_after_a_holiday_stays_an_event() -> None:
    ev = expect_event(
        "После празднования Дня города в парке Ольховска прошёл субботник",
        "На уборку вышли сотрудники администрации. Собрали сорок мешков мусора.",
    )
    assert ev.kind == "субботник" and ev.status == "held"


# --- (16) acts in the plural dedicated to a day ----------------------------------------------


def test_wreath_layings_dedicated_to_a_day_are_no_celebration() -> None:
    expect_none(
        "В Ольховском районе начались памятные возложения к обелискам",
        "Война закончилась давно, но память жива. В Ольховском районе начались памятные "
        "возложения к обелискам, посвящённые Дню Победы. Мы будем помнить подвиг "
        "наших дедов.",
    )


def test_gatherings_dedicated_to_a_day_stay_its_celebration() -> None:
    ev = expect_event(
        "Делегация Ольховска приняла участие в праздничных мероприятиях",
        "Делегация Ольховска приняла участие в праздничных мероприятиях, посвящённых Дню "
        "города Липовска. Гостям вручили подарки.",
    )
    assert ev.kind == "праздник" and ev.status == "held"


# --- (17) a decision on a gathering not taken yet --------------------------------------------


def test_an_undecided_gathering_is_none() -> None:
    expect_none(
        "Министр рассказал, как в этом году пройдёт ягодный фестиваль",
        "Решение о переносе ягодного фестиваля пока что не принято, часть программы может "
        "пройти онлайн. Об этом сообщил министр культуры. За проведение праздника в районах "
        "будут отвечать главы районов.",
    )


def test_a_decision_taken_on_a_gathering_stays_an_event() -> None:
    ev = expect_event(
        "Ягодный фестиваль перенесли",
        "Решение о переносе ягодного фестиваля принято из-за непогоды. Фестиваль пройдёт "
        "17 августа на набережной.",
    )
    assert ev.status == "postponed"


def test_an_undecided_matter_that_is_no_gathering_leaves_the_event() -> None:
    ev = expect_event(
        "В Ольховске прошёл концерт хора",
        "Концерт прошёл 12 мая в Доме культуры. Решение о проведении капремонта здания пока не "
        "принято.",
    )
    assert ev.kind == "концерт" and ev.status == "held"
