"""Places of the seventeenth wave, on sentences written for these tests: a town named like its
river in a text about the water that names the town as a town too, demonyms of hyphenated
towns written solid, Славгород of Belarus, villages listed after a colon, a city's district
before the city's genitive, district kinds cut short («м.о.», «р-н»), rural settlements named
after a village of two words, a capital «Г.» as an initial, a village named like a region in
two words, territorial departments named after villages, an urban okrug named like the
district another namesake town lies in."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a text about the water that names the town as a town: the town, bar the river's parts
        ("Паводок близко: в Ишиме укрепляют дамбы, глава Ишима объехал берег.", {"RU-TYU"}),
        ("Ледоход пошёл. Жители Оби следят за рекой.", {"RU-NVS"}),
        ("Половодье: глава Онеги проверил, как в Онеге откачивают воду.", {"RU-ARK"}),
        # the river's parts stay the river; with no town's word, the water text is the river's
        ("Паводок: пойма Ишима ушла под воду, жители Ишима ждут спада.", {"RU-TYU"}),
        ("Паводок: пойма Ишима ушла под воду.", set()),
        ("Ледоход в Оби начался на неделю раньше.", set()),
        ("Половодье на Печоре: уровень воды растёт.", set()),
    ],
)
def test_river_towns_named_as_towns(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("На сцену вышли юные устьилимцы.", {"RU-IRK"}),
        ("Зрители тепло приняли устьлабинцев.", {"RU-KDA"}),
        ("На сцену вышли юные усть-илимцы.", {"RU-IRK"}),  # (as before)
    ],
)
def test_solid_demonyms(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В Славгороде председатель райисполкома вручил награды.", set()),
        ("Славгород Могилевской области встретил гостей.", set()),
        ("В Славгороде открыли новую школу.", {"RU-ALT"}),
    ],
)
def test_slavgorod_of_belarus(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # villages listed after a colon: a town's namesake among them is a village
        ("Автолавка объедет сёла Куйтунского района: Карымск, Самара и Барлук.", {"RU-IRK"}),
        ("Концерты пройдут в сёлах: Самара, Ухтуй.", set()),
        ("Праздник прошёл в населённых пунктах района: Самара и Ухтуй.", set()),
        # not places of another kind
        ("Команды приехали из городов Поволжья: Самара, Казань.", {"RU-SAM", "RU-TA"}),
        ("Жители сёл района приехали в областной центр. Самара встретила их.", {"RU-SAM"}),
    ],
)
def test_villages_listed_after_a_colon(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Октябрьский район Кирова отметит юбилей.", {"RU-KIR"}),
        ("Жителей Ленинского района Кирова пригласили на праздник.", {"RU-KIR"}),
        # the person the district is named after, or a street's
        ("У памятника Кирова возложили цветы.", set()),
        ("Улицу Кирова в Ленинском районе отремонтируют.", set()),
    ],
)
def test_city_district_before_its_city(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Администрация Ясиноватского м.о. объявила конкурс.", {"RU-DPR"}),
        ("Глава Куйтунского м. р. провёл приём граждан.", {"RU-IRK"}),
        ("Жителей Ковровского р-на пригласили на ярмарку.", {"RU-VLA"}),
        ("В Ковровском р-не открыли школу.", {"RU-VLA"}),
        # a name many regions give a district stays unsure
        ("Администрация Советского м.о. объявила конкурс.", set()),
    ],
)
def test_district_kinds_cut_short(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rural settlement named after a village of two words
        ("Глава Нижне-Тебердинского поселения рассказал о планах.", {"RU-KC"}),
        ("Глава Новотебердинского сельского поселения рассказал о планах.", {"RU-KC"}),
        # «поселения» alone after a village's adjective
        ("Депутаты Матурского поселения собрались на сессию.", {"RU-KK"}),
        # not a settlement, nor one named like districts of many regions
        ("Первые поселения казаков появились здесь давно.", set()),
        ("Жители Кировского поселения вышли на субботник.", set()),
    ],
)
def test_settlements_of_villages_of_two_words(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Отремонтируют улицу маршала Г. Жукова.", set()),
        ("На площади имени Г. Шелехова прошёл митинг.", set()),
        ("Жители г. Жукова вышли на субботник.", {"RU-KLU"}),
    ],
)
def test_capital_g_is_an_initial(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ярмарка пройдёт в посёлке Южный Урал. В Южном Урале ждут гостей.", set()),
        ("Автобус пойдёт в посёлок Южный Урал.", set()),
        ("Ярмарка пройдёт на Южном Урале.", {"RU-CHE"}),
        ("Фермеры сёл Южного Урала привезли урожай.", {"RU-CHE"}),
    ],
)
def test_villages_named_like_a_region_in_two_words(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Работу Никольского территориального отдела проверили.", set()),
        ("Начальник Заречного территориального управления провёл приём.", set()),
        ("В Никольском открыли школу.", {"RU-LEN"}),
    ],
)
def test_territorial_departments(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_urban_okrug_is_no_district_a_namesake_lies_in() -> None:
    # Кировск of Ленинградская область lies in Кировский район; an urban okrug named so is
    # another Кировск's
    okrug = (
        "Жители Кировского городского округа вышли на субботник. Заместитель главы "
        "городского округа город Кировск поблагодарил всех."
    )
    assert "RU-LEN" not in codes(okrug)
    district = "Бассейн города Кировска открыли после ремонта. Глава Кировского района поздравил."
    assert codes(district) == {"RU-LEN"}
