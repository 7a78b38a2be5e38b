"""Event detection, facts, dates, figures and name normalisation (pure functions)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bench.eval_events import evaluate, load
from bot.text.dates import find_dates, parse_date
from bot.text.events import EventFacts, detect_event, event_to_json, normalize_event_name
from bot.text.figures import find_figures, parse_number
from tests.support.shared import REGIONS_DEV, SEED, SEED_TITLE, needs_shared, read_shared

DATA = Path(__file__).parent / "data"
SEED_PUBLISHED = datetime(2024, 1, 16, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def seed() -> EventFacts:
    ev = detect_event(SEED_TITLE, read_shared(SEED), SEED_PUBLISHED)
    assert ev is not None
    return ev


# --- the seed article -------------------------------------------------------------------------


def test_seed_kind_name_and_date(seed: EventFacts) -> None:
    assert seed.kind == "форум"
    assert seed.name == "Малая родина - сила России"
    assert seed.date == date(2024, 1, 15)
    assert seed.date_text == "15 января"


def test_seed_place_is_moscow_and_the_venue(seed: EventFacts) -> None:
    assert seed.city == "Москва"
    assert seed.venue is not None
    assert seed.venue == "Международная выставка-форум «Россия»"
    assert seed.regions[0] == "RU-MOW"


def _fig(ev: EventFacts, unit: str) -> list[int | float]:
    return [f.value for f in ev.figures if f.unit == unit]


def test_seed_figures(seed: EventFacts) -> None:
    assert _fig(seed, "представители") == [7500]
    text = next(f.text for f in seed.figures if f.unit == "представители")
    assert text == "более 7,5 тысяч представителей"
    assert _fig(seed, "регионы") == [89]
    assert _fig(seed, "площадки") == [35]
    assert _fig(seed, "эксперты") == [250]
    assert _fig(seed, "деловые события") == [64]
    assert _fig(seed, "панельные дискуссии") == [3]
    assert _fig(seed, "круглые столы") == [32]
    assert _fig(seed, "лекции") == [24]


def test_seed_tracks(seed: EventFacts) -> None:
    assert seed.tracks == ("Сила в традициях", "Сила в людях", "Сила в развитии")


def test_seed_agreement_between_khakassia_and_tatarstan(seed: EventFacts) -> None:
    assert len(seed.agreements) == 1
    agreement = seed.agreements[0]
    assert agreement.parties[0] == "Хакасия"
    assert any("Татарстан" in p for p in agreement.parties[1:])
    assert set(agreement.regions) == {"RU-KK", "RU-TA"}


def test_seed_people(seed: EventFacts) -> None:
    people = {p.name: p.role for p in seed.people}
    assert "Сергей Кириенко" in people
    assert people["Сергей Кириенко"].startswith(
        "первый заместитель Руководителя Администрации Президента"
    )
    assert "Татьяна Курбатова" in people
    assert "Экзам Губайдуллин" in people
    assert "Владимир Путин" in people


def test_seed_ignores_sidebar_and_advert(seed: EventFacts) -> None:
    dumped = json.dumps(event_to_json(seed), ensure_ascii=False)
    assert "Новгород" not in dumped
    assert "Частотный" not in dumped
    assert "RU-NGR" not in seed.regions


def test_seed_json_form(seed: EventFacts) -> None:
    data = event_to_json(seed)
    assert data is not None
    assert data["date"] == "2024-01-15"
    assert data["status"] == "held"
    assert data["name"] == "Малая родина - сила России"
    assert {
        "kind",
        "name",
        "date",
        "date_text",
        "place",
        "figures",
        "tracks",
        "agreements",
        "people",
    } <= set(data)
    assert {"value": 89, "unit": "регионы", "text": "89 регионов"} in data["figures"]
    assert data["place"].startswith("Москва")
    assert event_to_json(None) is None


# --- non-events and kinds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Пожар в Абакане", "Пожар в жилом доме потушили, пострадали двое."),
        ("Афиша выходных", "В субботу пройдёт концерт, в воскресенье откроется выставка."),
        ("Глава подписал указ", "Указ о выплатах вступит в силу с 1 января."),
    ],
)
def test_non_events(title: str, text: str) -> None:
    assert detect_event(title, text, SEED_PUBLISHED) is None


@pytest.mark.parametrize(
    ("title", "text", "status"),
    [
        (
            "Форум пройдёт в Абакане",
            "Форум «Малая родина» состоится 15 марта в Абакане.",
            "announced",
        ),
        (
            "Фестиваль отменён",
            "Фестиваль «Сибирская масленица» отменили из-за морозов.",
            "cancelled",
        ),
        (
            "Сессия перенесена",
            "Сессия Совета депутатов перенесена на следующую неделю.",
            "postponed",
        ),
    ],
)
def test_announcements_and_cancellations_are_events(title: str, text: str, status: str) -> None:
    ev = detect_event(title, text, SEED_PUBLISHED)
    assert ev is not None
    assert ev.status == status


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("В Абакане прошла сессия Совета депутатов", "Депутаты утвердили бюджет.", "сессия"),
        (
            "Публичные слушания по генплану прошли в Ульяновске",
            "Пришли 150 жителей.",
            "публичные слушания",
        ),
        (
            "Школьники провели флешмоб",
            "Более 500 учеников провели флешмоб ко Дню Победы.",
            "флешмоб",
        ),
        ("Подведены итоги конкурса «Учитель года»", "Победителем стала Ирина Смирнова.", "конкурс"),
    ],
)
def test_event_kinds(title: str, text: str, kind: str) -> None:
    ev = detect_event(title, text, SEED_PUBLISHED)
    assert ev is not None
    assert ev.kind == kind
    assert ev.status == "held"


def test_date_without_publication_uses_current_year() -> None:
    ev = detect_event("Форум «Заря» прошёл 3 марта", "Форум «Заря» прошёл 3 марта в Казани.", None)
    assert ev is not None
    assert ev.date is not None
    assert ev.date.month == 3
    assert ev.date.year in {datetime.now(UTC).year, datetime.now(UTC).year - 1}


def test_dev_set_f1() -> None:
    scores = evaluate(load(DATA / "events_devset.jsonl"))
    assert scores.n >= 60
    assert scores.f1_event >= 0.9, scores.misses
    assert scores.f1_non_event >= 0.8, scores.misses
    assert scores.status_accuracy is not None and scores.status_accuracy >= 0.9, scores.misses


@needs_shared(REGIONS_DEV)
def test_real_items_is_event() -> None:
    items = load(REGIONS_DEV)
    assert len(items) == 21
    for item in items:
        got = detect_event(
            str(item["title"]), str(item["text"]), datetime.fromisoformat(str(item["published"]))
        )
        assert (got is not None) == item["is_event"], item["id"]


# --- name normalisation -----------------------------------------------------------------------


def test_normalize_event_name_meets_the_seed_wording() -> None:
    a = normalize_event_name('II Всероссийский муниципальный форум "Малая родина — сила России"')
    b = normalize_event_name("Малая родина - сила России")
    c = normalize_event_name("форума «МАЛАЯ РОДИНА – СИЛА РОССИИ»")
    assert a == b == c
    assert a != ""


def test_normalize_event_name_keeps_different_names_apart() -> None:
    assert normalize_event_name("«Малая родина - сила России»") != normalize_event_name(
        "«Территория смыслов»"
    )
    assert normalize_event_name("XV Байкальский экономический форум") == normalize_event_name(
        "Байкальского экономического форума"
    )


# --- dates ------------------------------------------------------------------------------------


def test_dates_year_from_reference_and_ranges() -> None:
    ref = date(2024, 1, 16)
    assert [(s.start, s.end) for s in find_dates("15–17 января в Абакане", ref)] == [
        (date(2024, 1, 15), date(2024, 1, 17))
    ]
    span = parse_date("с 3 по 5 марта 2023 года", ref)
    assert span is not None
    assert (span.start, span.end, span.text) == (
        date(2023, 3, 3),
        date(2023, 3, 5),
        "с 3 по 5 марта 2023 года",
    )
    # late December read in January belongs to the previous year
    span = parse_date("25 декабря прошёл праздник", ref)
    assert span is not None
    assert span.start == date(2023, 12, 25)
    span = parse_date("30 мая - 2 июня", date(2024, 6, 10))
    assert span is not None
    assert (span.start, span.end) == (date(2024, 5, 30), date(2024, 6, 2))


def test_dates_relative_and_invalid() -> None:
    ref = date(2024, 1, 16)
    span = parse_date("Вчера в Абакане", ref)
    assert span is not None
    assert span.start == date(2024, 1, 15)
    assert find_dates("31 февраля ничего не было", ref) == []
    assert find_dates("в 2024 году", ref) == []


# --- figures ----------------------------------------------------------------------------------


def test_parse_number() -> None:
    assert parse_number("7,5", "тысяч") == 7500
    assert parse_number("21 611 003") == 21611003
    assert parse_number("1,2", "млн") == 1_200_000
    assert parse_number("2,5") == 2.5


def test_figures_units_and_text() -> None:
    figures = find_figures(
        "Форум собрал около 3 тыс. участников из 40 регионов; прошли 12 мастер-классов. "
        "В 2023 году было 15 января."
    )
    assert [(f.value, f.unit, f.text) for f in figures] == [
        (3000, "участники", "около 3 тыс. участников"),
        (40, "регионы", "40 регионов"),
        (12, "мастер-классы", "12 мастер-классов"),
    ]


# --- kind vocabulary ----------------------------------------------------------------------------

KIND_SAMPLES = [
    ("прошли публичные слушания", "публичные слушания"),
    ("общественные обсуждения прошли", "публичные слушания"),
    ("за круглым столом", "круглый стол"),
    ("на форуме", "форум"),
    ("съезд депутатов", "съезд"),
    ("в режиме видеоконференции", "конференция"),
    ("на конференции", "конференция"),
    ("сессия Совета", "сессия"),
    ("на заседании Думы", "заседание"),
    ("фестиваль «Лето»", "фестиваль"),
    ("праздник двора", "праздник"),
    ("празднование Дня Победы", "праздник"),
    ("в День города", "праздник"),
    ("на Масленицу", "праздник"),
    ("Сабантуй", "праздник"),
    ("на совещании", "совещание"),
    ("на планёрке", "совещание"),
    ("выставка картин", "выставка"),
    ("конкурса «Учитель года»", "конкурс"),
    ("провели флешмоб", "флешмоб"),
    ("флеш-моб", "флешмоб"),
    ("ярмарка мёда", "ярмарка"),
    ("концерт", "концерт"),
    ("акция «Свеча»", "акция"),
    ("соревнования по лыжам", "соревнования"),
    ("турнир", "соревнования"),
    ("спартакиада", "соревнования"),
    ("чемпионат", "соревнования"),
    ("марафон", "соревнования"),
    ("забег", "соревнования"),
    ("олимпиада", "соревнования"),
    ("эстафета", "соревнования"),
    ("общее собрание", "собрание"),
    ("отчётное собрание", "собрание"),
    ("собрание жителей", "собрание"),
    ("сход граждан", "собрание"),
    ("семинар", "семинар"),
    ("вебинар", "семинар"),
    ("мастер-класс", "семинар"),
    ("практикум", "семинар"),
    ("парад", "парад"),
    ("митинг", "митинг"),
    ("субботник", "субботник"),
    ("толока", "субботник"),
    ("слёт", "слёт"),
    ("слет", "слёт"),
    ("церемония", "церемония"),
    ("торжественное собрание", "церемония"),
    ("встреча с жителями", "встреча"),
    ("Рождественские чтения", "чтения"),
    ("смотр-конкурс", "смотр"),
    ("отчёт главы", "отчёт"),
    ("отчитался перед", "отчёт"),
    ("отчитался по итогам года перед жителями", "отчёт"),
    ("встретился с жителями", "встреча"),
    ("крестный ход", "праздник"),
    ("областные дожинки", "праздник"),
    ("проводы русской зимы", "праздник"),
    ("открыли мемориальную доску", "церемония"),
    ("открытие сквера", "церемония"),
    ("возложили цветы", "церемония"),
    ("вручение государственных наград", "церемония"),
    ("слушания по проекту бюджета", "публичные слушания"),
    ("матч", "матч"),
    ("хакатон", "хакатон"),
    ("квиз", "хакатон"),
    ("квест", "хакатон"),
    ("деловая игра", "хакатон"),
    ("шествие", "шествие"),
    ("Бессмертный полк", "шествие"),
    ("приём граждан", "приём граждан"),
    ("личный приём", "приём граждан"),
    ("день открытых дверей", "день открытых дверей"),
    ("открытый урок", "урок"),
    ("урок мужества", "урок"),
    ("лыжная гонка", "соревнования"),
    ("дружеское состязание", "соревнования"),
    ("первенство района по волейболу", "соревнования"),
    ("весеннее первенство по шахматам", "соревнования"),
    ("праздничный фейерверк", "фейерверк"),
    ("в клубе чествовали ветеранов", "церемония"),
    ("мэр вступил в должность", "церемония"),
    ("церемония инаугурации", "церемония"),
    ("глава принял присягу", "церемония"),
    ("пройдут показы спектаклей", "представление"),
    ("гастроли театра", "гастроли"),
    ("перенесли игру «Заря» – «Колос»", "матч"),
    ("выпускникам колледжа вручили дипломы", "церемония"),
    ("выпускной бал", "церемония"),
    ("итоговая коллегия министерства", "заседание"),
    ("торжественный приём в честь юбилея", "церемония"),
    ("поэтическая гостиная", "гостиная"),
    ("литературно-музыкальная гостиная", "гостиная"),
    ("игровая программа для детей", "программа"),
    ("Ночь музеев", "акция"),
]


@pytest.mark.parametrize(("phrase", "kind"), KIND_SAMPLES)
def test_every_kind_word_is_found(phrase: str, kind: str) -> None:
    from bot.text.events import _kinds_in

    found = _kinds_in(f"Вчера {phrase} в Абакане.")
    assert [k for k, _, _ in found][:1] == [kind]


def test_court_sittings_and_greetings_are_not_kinds() -> None:
    from bot.text.events import _kinds_in

    assert _kinds_in("Судебное заседание прошло в понедельник.") == []
    assert _kinds_in("Учителей поздравили с профессиональным праздником.") == []


def test_people_need_a_first_name_or_a_role() -> None:
    ev = detect_event(
        "Сессия Думы Ставропольского края прошла в четверг",
        "Депутаты Думы Ставропольского края утвердили бюджет. "
        "Председатель Думы Николай Великдань поблагодарил коллег.",
        SEED_PUBLISHED,
    )
    assert ev is not None
    names = [p.name for p in ev.people]
    assert "Николай Великдань" in names
    assert all("Думы" not in n and "Ставропольского" not in n for n in names)


def test_figures_genitive_plurals() -> None:
    assert [(f.value, f.unit) for f in find_figures("до 5 площадок и 12 секций")] == [
        (5, "площадки"),
        (12, "секции"),
    ]


# --- what a careful reader counts as one gathering, and what not -------------------------------


@pytest.mark.parametrize(
    ("title", "text", "kind", "status"),
    [
        (
            "В Кемерове прошла расширенная коллегия управления образования",
            "Под председательством главы города подвели итоги года.",
            "заседание",
            "held",
        ),
        (
            "В библиотеке состоялась поэтическая гостиная «Осенние строки»",
            "Читатели читали стихи местных авторов.",
            "гостиная",
            "held",
        ),
        (
            "В Абакане из-за мороза отменили игровую программу «Зимние забавы»",
            "Программу планировали провести в городском парке.",
            "программа",
            "cancelled",
        ),
        (
            "Почётных жителей района чествовали на торжественном приёме",
            "Глава района приветствовал гостей и вручил им грамоты.",
            "церемония",
            "held",
        ),
        # A relative clause and the source's credit are no items of a day's roundup.
        (
            "В Абакане отменили выставку «Зимний сад», которая была запланирована на субботу, "
            "сообщили в администрации города.",
            "Причиной стали морозы.",
            "выставка",
            "cancelled",
        ),
        # A meeting of officials with residents is no talks between two sides.
        (
            "В Ивановке прошла встреча главы района и председателя совета депутатов с жителями",
            "Жители задали вопросы о ремонте дорог.",
            "встреча",
            "held",
        ),
        # A headline that tells a name set to take place: the name is a gathering's.
        (
            "«Мастерская добрых дел» пройдёт в Ленинском районе",
            "В субботу жителей приглашают в сквер у школы: будем красить скамейки и сажать цветы.",
            "мероприятие",
            "announced",
        ),
        # People compete on a stage: «Лучшая хозяйка» is no contest of things.
        (
            "В Доме культуры прошёл конкурс «Лучшая хозяйка села»",
            "Участницы готовили пироги прямо на сцене.",
            "конкурс",
            "held",
        ),
    ],
)
def test_gatherings_a_reader_counts(title: str, text: str, kind: str, status: str) -> None:
    ev = detect_event(title, text, SEED_PUBLISHED)
    assert ev is not None
    assert (ev.kind, ev.status) == (kind, status)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # A contest for the best thing: the works are judged where they are.
        (
            "Жители участвуют в конкурсе на лучший палисадник",
            "Победители получат денежные призы от администрации.",
        ),
        (
            "В районе объявили конкурс «Лучшая усадьба»",
            "Комиссия объедет участки в июле и подведёт итоги.",
        ),
        # Works handed to a jury: nobody gathers.
        (
            "Подведены итоги конкурса «Зимняя сказка»",
            "Школьникам предложили нарисовать зимний пейзаж. На суд жюри представлено более "
            "80 работ. Победители получат грамоты.",
        ),
        # What a place is for: gatherings in general.
        (
            "«Жители получат не только зону отдыха, но и площадку для проведения массовых "
            "торжественных мероприятий», – рассказала глава поселения.",
            "Контракт на благоустройство сквера заключён на 2 миллиона рублей.",
        ),
        # A decision told with the sitting where it was taken.
        (
            "На заседании Думы было принято пять законов",
            "Один из них меняет границы двух районов.",
        ),
        (
            "На сессии совета депутатов утверждён бюджет района на следующий год",
            "Доходы бюджета составят 2 миллиарда рублей.",
        ),
        (
            "Сайт думы признан лучшим в области",
            "Диплом вручён председателю думы на съезде муниципальных образований, "
            "проходившем в областном центре.",
        ),
        # An interview, whatever gathering an answer names.
        (
            "Интервью с главой поселения",
            "В интервью районной газете глава поселения Ирина Петрова рассказала о подготовке "
            "к празднику урожая. — Праздник пройдёт 14 сентября на площади у клуба, будет "
            "ярмарка.",
        ),
        # Two officials' talks within a forum: the forum is their setting.
        (
            "В рамках форума состоялась встреча губернатора области и председателя "
            "Гомельского облисполкома",
            "Стороны обсудили рост товарооборота.",
        ),
        # A year's review listing several holidays.
        (
            "В 2023 году в районе отремонтировали два клуба",
            "Год был насыщен мероприятиями. Яркими событиями стали День молодёжи, День семьи "
            "и День села, в которых участвовали тысячи жителей.",
        ),
        # A series of subbotniks, one of which has been held.
        (
            "В городе наводят порядок",
            "Идёт месячник по благоустройству. Запланировано проведение ряда общегородских "
            "субботников, первый из которых прошёл в субботу.",
        ),
    ],
)
def test_not_one_gathering(title: str, text: str) -> None:
    assert detect_event(title, text, SEED_PUBLISHED) is None
