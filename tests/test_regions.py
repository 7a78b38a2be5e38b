"""The region tagger, the article-body cleaner and user-input resolution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.text.catalogue import REGIONS, by_name
from bot.text.clean import body_spans, main_text
from bot.text.regions import regions_in_query, resolve_region, tag_regions
from tests.support.shared import (
    REGIONS_DEV,
    SEED,
    missing,
    read_jsonl,
    read_shared,
    skip_reason,
)

DEVSET = Path(__file__).parent / "data" / "regions_devset.jsonl"


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


# --- body cleaning ---------------------------------------------------------------------------


def test_main_text_cuts_sidebar_and_credits() -> None:
    text = (
        "Заголовок новости\n"
        "Источник изображения: Муниципалитеты.рф В Абакане прошёл форум.\n"
        "В Абакане прошёл форум.\n"
        "\n"
        "Читайте также: В Пензе открыли музей\n"
        "Великий Новгород: цифровые сервисы\n"
    )
    body = main_text(text)
    assert body == "Заголовок новости\nВ Абакане прошёл форум."
    assert "Источник" not in body


@pytest.mark.parametrize(
    "heading",
    [
        "Последние новости",
        "Читайте также",
        "Другие новости",
        "Новости по теме",
        "Реклама",
        "Поделиться",
        "Материалы по теме",
        "Популярное",
        "ЧИТАЙТЕ ТАКЖЕ:",
    ],
)
def test_main_text_tail_headings(heading: str) -> None:
    text = f"В Абакане прошёл форум.\n{heading}\nВ Пензе открыли музей."
    assert main_text(text) == "В Абакане прошёл форум."
    assert codes(text) == {"RU-KK"}


@pytest.mark.parametrize("heading", ["Поделиться:", "Теги", "Комментарии"])
def test_a_share_bar_under_the_headline_is_no_tail(heading: str) -> None:
    text = f"Памятная дата\n{heading}\nДень освобождения Россоши отмечают 16 января."
    assert main_text(text).endswith("отмечают 16 января.")
    assert codes(text) == {"RU-VOR"}
    # (after a headline and a line of the body, the heading opens the tail)
    tail = f"Памятная дата\nВ Абакане прошёл митинг\n{heading}\nВ Пензе открыли музей."
    assert codes(tail) == {"RU-KK"}


def test_main_text_keeps_a_text_that_opens_with_a_heading_word() -> None:
    assert main_text("Реклама\nВ Абакане прошёл форум.") == "Реклама\nВ Абакане прошёл форум."
    assert main_text("Поделиться опытом приехали главы районов.") != ""


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("В Абакане тепло.\nТеги: Пенза, Тула", "В Абакане тепло."),
        # page chrome above the headline is no body yet: «Теги» there heads the page
        ("18.09.2013 00:00\nТеги\nСессия в Абакане", "18.09.2013 00:00\nТеги\nСессия в Абакане"),
        ("В Абакане тепло.\nРеклама. ООО «Ромашка»", "В Абакане тепло."),
        ("В Абакане тепло.\nИсточник: пресс-служба Тулы", "В Абакане тепло."),
        ("В Абакане тепло.\nАвтор: Иван Пензин", "В Абакане тепло."),
        # One-word heading words that open an article sentence are the article.
        (
            "В Абакане тепло.\nРеклама на фасадах запрещена.",
            "В Абакане тепло.\nРеклама на фасадах запрещена.",
        ),
        (
            "В Абакане тепло.\nИсточник в мэрии сообщил новость.",
            "В Абакане тепло.\nИсточник в мэрии сообщил новость.",
        ),
    ],
)
def test_main_text_lines(text: str, body: str) -> None:
    assert main_text(text) == body


def test_body_spans_point_into_the_original() -> None:
    text = "Первая строка\r\nФото: пресс-служба\r\nВторая строка\r\nПоследние новости\r\nхвост"
    spans = body_spans(text)
    assert [text[a:b] for a, b in spans] == ["Первая строка", "Вторая строка"]


# --- the seed article and the real items ------------------------------------------------------


def test_seed_article_regions() -> None:
    text = read_shared(SEED)
    matches = tag_regions(text)
    assert {m.code for m in matches} == {"RU-KK", "RU-TA", "RU-MOW"}
    kk = next(m for m in matches if m.code == "RU-KK")
    assert {e.text for e in kk.evidence} >= {"Хакасию", "Хакасия", "Хакасией"}
    assert "RU-NGR" not in {m.code for m in matches}  # only the sidebar names Великий Новгород
    assert "RU-VLA" not in {m.code for m in matches}  # «Владимира Путина» is a person


def _shared_items() -> list[dict[str, object]]:
    return [] if missing(REGIONS_DEV) else read_jsonl(REGIONS_DEV)


def _shared_params() -> list[object]:
    """One case per real item, or one skipped case naming the missing file."""
    if missing(REGIONS_DEV):
        skip = pytest.mark.skip(reason=skip_reason(REGIONS_DEV))
        return [pytest.param(None, id="missing", marks=skip)]
    return [pytest.param(it, id=str(it["id"])) for it in read_jsonl(REGIONS_DEV)]


@pytest.mark.parametrize("item", _shared_params())
def test_real_items_tagged_exactly(item: dict[str, object]) -> None:
    labels = item["regions"]
    assert isinstance(labels, list)
    gold = set()
    for label in labels:
        region = by_name(label)
        assert region is not None, label
        gold.add(region.code)
    assert codes(f"{item['title']}\n{item['text']}") == gold


def _devset() -> list[dict[str, object]]:
    return [json.loads(x) for x in DEVSET.read_text(encoding="utf-8").splitlines() if x]


def test_devset_covers_every_region_and_traps() -> None:
    items = _devset()
    assert len(items) >= 150
    assert len({it["id"] for it in items}) == len(items)
    covered = {c for it in items for c in it["regions"]}  # type: ignore[attr-defined]
    assert covered == {r.code for r in REGIONS}
    assert sum(1 for it in items if not it["regions"]) >= 40  # texts with no region


def test_devset_scores() -> None:
    tp = fp = fn = exact = 0
    items = _devset()
    for it in items:
        gold = set(it["regions"])  # type: ignore[call-overload]
        got = codes(str(it["text"]))
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        exact += gold == got
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.99
    assert exact / len(items) >= 0.97


# --- forms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form", ["Хакасия", "Хакасии", "Хакасию", "Хакасией", "о Хакасии", "Республикой Хакасия"]
)
def test_all_cases_of_a_name(form: str) -> None:
    assert codes(f"Новость пришла: {form} готовится к зиме.") == {"RU-KK"}


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Совещание прошло в Абакане.", "RU-KK", "town"),
        ("Татарстанских фермеров наградили.", "RU-TA", "adjective"),
        ("Фестиваль прошёл в Нижнем Новгороде.", "RU-NIZ", "town"),
        ("Жители Нижнего Новгорода вышли на субботник.", "RU-NIZ", "town"),
        ("Туристы приехали в Великий Новгород.", "RU-NGR", "town"),
        ("Дороги Ленинградской области отремонтируют.", "RU-LEN", "name"),
        ("Глава Ханты-Мансийского автономного округа — Югры выступил.", "RU-KHM", "name"),
        ("Власти Санкт-Петербурга утвердили бюджет.", "RU-SPE", "name"),
        ("Делегация Республики Северная Осетия — Алания прибыла.", "RU-SE", "name"),
        ("Депутаты РХ приняли закон.", "RU-KK", "abbreviation"),
        ("Автомобили 19 региона.", "RU-KK", "code"),
        ("Номера регион 16 выдают в Казани.", "RU-TA", "code"),
        ("Новости Кузбасса.", "RU-KEM", "name"),
        ("На Кубани уборка.", "RU-KDA", "name"),
        ("В Ленобласти построят школу.", "RU-LEN", "name"),
        ("Новая трасса Хабаровск — Комсомольск-на-Амуре.", "RU-KHA", "town"),
        ("В Ростове-на-Дону открыли парк.", "RU-ROS", "town"),
        ("В Белгородчине восстанавливают дома.", "RU-BEL", "name"),
    ],
)
def test_forms_and_kinds(text: str, code: str, kind: str) -> None:
    matches = tag_regions(text)
    assert [m.code for m in matches] == [code]
    ev = matches[0].evidence[0]
    assert ev.kind == kind
    assert text[ev.start : ev.end] == ev.text


def test_order_by_first_position_and_offsets() -> None:
    text = "В Казани и Абакане, а также снова в Казани."
    matches = tag_regions(text)
    assert [m.code for m in matches] == ["RU-TA", "RU-KK"]
    assert [e.text for e in matches[0].evidence] == ["Казани", "Казани"]
    assert matches[0].name == "Республика Татарстан"
    for m in matches:
        for e in m.evidence:
            assert text[e.start : e.end] == e.text


# --- traps ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people
        ("Президент Владимир Путин провёл совещание.", set()),
        ("Владимир Владимирович Путин подписал указ.", set()),
        ("Сергей Киров был партийным деятелем.", set()),
        ("Конструктор Сергей Королёв создал спутник.", set()),
        ("Иван Петрович Пенза выступил.", set()),
        ("Сегодня Питер Паркер снова спас город.", set()),
        ("Иван Грозный взял Казань.", {"RU-TA"}),
        ("Директор Иван Омский пояснил детали.", set()),
        # streets and dedications
        ("Ремонт на улице Кирова завершён.", set()),
        ("Школа имени Кирова отметила юбилей.", set()),
        ("Новый маршрут по проспекту Мира и Московскому проспекту.", set()),
        ("Пробки на Ленинградском шоссе.", set()),
        ("Встреча у Казанского вокзала.", set()),
        ("Служба в Казанском соборе.", set()),
        # organisations
        ("Эксперты клуба «Валдай» обсудили политику.", set()),
        ("Об этом сообщает ИА «Хакасия».", set()),
        ("Газета «Вечерняя Москва» опубликовала интервью.", set()),
        ("ФК «Кубань» проиграл.", set()),
        ("Болельщики пришли на матч, ФК Кубань проиграл.", set()),
        ("Студенты Приволжского университета провели конференцию.", set()),
        ("Сотрудники ООО «Газпром межрегионгаз Астрахань» проверили газ.", set()),
        ("Концерт ансамбля «Рязанские напевы».", set()),
        ("Совет «Ассоциация муниципальных образований Хакасии» собрался.", {"RU-KK"}),
        # nature
        ("Экологи обследовали берег Байкала и Волги.", set()),
        ("Уровень Каспийского моря снижается.", set()),
        ("Река Кубань вышла из берегов.", set()),
        ("Амурский тигр вышел к людям.", set()),
        ("На Алтае выпал снег.", set()),
        ("В Горном Алтае и Алтайском крае выпал снег.", {"RU-AL", "RU-ALT"}),
        # culture and ethnicity
        ("В школах изучают татарский язык и бурятскую культуру.", set()),
        ("Якутский эпос олонхо включён в список ЮНЕСКО.", set()),
        ("Песни на чувашском языке прозвучали.", set()),
        ("В татарской деревне Пензенской области открыли школу.", {"RU-PNZ"}),
        ("Боевики захватили штаб чеченского полевого командира в Идлибе.", set()),
        ("Татарстанские и башкирские фермеры встретились.", {"RU-TA", "RU-BA"}),
        # common words
        ("В небе парил орёл, а мирный житель наблюдал.", set()),
        ("Орёл — символ силы.", set()),
        ("Мирный атом обсуждали в Женеве.", set()),
        ("Курган древнего поселения исследовали.", set()),
        ("Находка удивила учёных.", set()),
        ("Дорогу от Орла до Курска отремонтируют.", {"RU-ORL", "RU-KRS"}),
        ("В Королёве открыли школу.", {"RU-MOS"}),
        # macro-regions, districts, Russia
        ("Регионы ПФО, СФО и Сибири подвели итоги.", set()),
        ("На Урале, в Поволжье и на Дальнем Востоке морозы.", set()),
        ("Кавказ и Северный Кавказ привлекают туристов.", set()),
        ("В России выросло число российских муниципалитетов.", set()),
        # numbers
        ("В конкурсе 19 команд из 16 городов.", set()),
        ("Представители 89 регионов приехали на форум.", set()),
        ("В 21 регионе ввели ограничения.", set()),
        # Moscow and its oblast
        ("В Москве открыли метро.", {"RU-MOW"}),
        ("В Подмосковье открыли школу.", {"RU-MOS"}),
        ("В Московской области открыли школу.", {"RU-MOS"}),
        ("В Московском регионе снегопад.", {"RU-MOW", "RU-MOS"}),
        ("По московскому времени матч в 19:00.", set()),
        # Novgorods
        ("В Нижнем Новгороде и Великом Новгороде фестивали.", {"RU-NIZ", "RU-NGR"}),
        # districts named after other places
        ("Кировский район города Махачкала без воды.", {"RU-DA"}),
        ("В Октябрьском районе прошёл субботник.", set()),
        ("Тольятти входит в Ставропольский район.", {"RU-SAM"}),
        ("В регионе 19 муниципальных образований.", set()),
        ("Машины с номерами регион 19 задержали.", {"RU-KK"}),
        ("Водителя с номерами 24 региона задержали.", {"RU-KYA"}),
        ("Из 24 региона приехали делегаты.", set()),
        ("ИА „Хакасия“ сообщает новости.", set()),
        # surnames that are towns
        ("Стихи Пушкина читали в школе.", set()),
        ("У Иванова сломалась машина.", set()),
        ("В Иванове открыли школу.", {"RU-IVA"}),
        ("Картины Серова выставили в музее.", set()),
        # organisations named after a place
        ("Филиал Красноярской железной дороги открыл кассу.", set()),
        ("Выпускник Московского государственного университета приехал в Абакан.", {"RU-KK"}),
        ("Полузащитник «Краснодара» забил гол.", set()),
        ("Полузащитник казанского «Рубина» забил гол.", set()),
        ("Матч против «Нижнего Новгорода» прошёл в Казани.", {"RU-TA"}),
        ('Тренер калининградской "Балтики" ушёл.', set()),
        ('Эксперты клуба "Валдай" приехали в Абакан.', {"RU-KK"}),
        ("Крымский мост открыт для движения.", {"RU-CR"}),
        # weak forms
        ("РБ провела заседание.", set()),
        ("Съезд РБ прошёл в Уфе.", {"RU-BA"}),
        ("В Мирном прошёл праздник, Якутия отметила юбилей.", {"RU-SA"}),
        ("Железногорск и Курск связала электричка.", {"RU-KRS"}),
    ],
)
def test_traps(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ПОЖАР В АБАКАНЕ", {"RU-KK"}),
        ("НОВОСТИ ХАКАСИИ И ТАТАРСТАНА", {"RU-KK", "RU-TA"}),
        ("В ОРЛЕ ОТКРЫЛИ ШКОЛУ", {"RU-ORL"}),
        ("ВЛАДИМИР ПУТИН ПРОВЁЛ СОВЕЩАНИЕ", set()),
    ],
)
def test_headlines_in_capitals(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_empty_and_garbage() -> None:
    assert tag_regions("") == []
    assert tag_regions("   \n\n") == []
    assert tag_regions("12345 !!! ??? «»") == []


# --- user input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("хакасия", "RU-KK"),
        ("Хакасию", "RU-KK"),
        ("19", "RU-KK"),
        ("RU-KK", "RU-KK"),
        ("ru-kk", "RU-KK"),
        ("Абакан", "RU-KK"),
        ("ХМАО", "RU-KHM"),
        ("хмао", "RU-KHM"),
        ("Питер", "RU-SPE"),
        ("спб", "RU-SPE"),
        ("77", "RU-MOW"),
        ("подмосковье", "RU-MOS"),
        ("нижний новгород", "RU-NIZ"),
        ("РС(Я)", "RU-SA"),
        ("новосибирск обл", "RU-NVS"),
        ("Кемеровская область — Кузбасс", "RU-KEM"),
    ],
)
def test_resolve_region(query: str, code: str) -> None:
    res = resolve_region(query)
    assert res.region is not None
    assert res.region.code == code
    assert res.suggestions[0].code == code


@pytest.mark.parametrize(
    ("query", "first"), [("Хакассия", "RU-KK"), ("татарстн", "RU-TA"), ("дннр", "RU-DPR")]
)
def test_resolve_region_typos_suggest(query: str, first: str) -> None:
    res = resolve_region(query)
    assert res.region is None
    assert 1 <= len(res.suggestions) <= 3
    assert res.suggestions[0].code == first


def test_resolve_region_ambiguous_and_unknown() -> None:
    res = resolve_region("алтай")
    assert res.region is None
    assert {r.code for r in res.suggestions} == {"RU-AL", "RU-ALT"}
    assert resolve_region("").region is None
    nothing = resolve_region("qwxz")
    assert nothing.region is None
    assert nothing.suggestions == ()


def test_regions_in_query() -> None:
    regions, rest = regions_in_query("форум хакасия")
    assert [r.code for r in regions] == ["RU-KK"]
    assert rest == "форум"
    regions, rest = regions_in_query("выборы в Москве и Подмосковье")
    assert [r.code for r in regions] == ["RU-MOW", "RU-MOS"]
    assert rest == "выборы"
    regions, rest = regions_in_query("бюджет школы")
    assert regions == ()
    assert rest == "бюджет школы"
    regions, rest = regions_in_query("татарский язык")
    assert regions == ()
    assert rest == "татарский язык"
    regions, rest = regions_in_query("хакасские новости")
    assert [r.code for r in regions] == ["RU-KK"]
    assert rest == "новости"
    regions, rest = regions_in_query("алтай туризм")
    assert regions == ()
    assert rest == "алтай туризм"


def test_line_prefilter_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.text.regions.tagger as regions_module

    texts = [str(it["text"]) for it in _devset()]
    if not missing(SEED):  # the shared texts too, when they are there
        texts.append(SEED.read_text(encoding="utf-8"))
    texts += [f"{it['title']}\n{it['text']}" for it in _shared_items()]
    filtered = [tag_regions(t) for t in texts]
    monkeypatch.setattr(regions_module, "may_match", lambda line, gaz: True)
    assert [tag_regions(t) for t in texts] == filtered
