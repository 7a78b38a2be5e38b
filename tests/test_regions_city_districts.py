"""Districts inside cities (bot/text/data/city_districts.tsv): a distinctive name names its
city's region; a shared one only next to its city or, for Москва and Санкт-Петербург, after
«муниципальный округ», «МО», «поселение» or «управа»."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.text.catalogue import REGIONS
from bot.text.regions import index_cache, tag_regions
from bot.text.regions.gazetteer import city_district_entries, gazetteer
from bot.text.towns import CITY_DISTRICTS_FILE, city_districts


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


def test_file_says_where_its_facts_come_from() -> None:
    head = CITY_DISTRICTS_FILE.read_text(encoding="utf-8").splitlines()[:12]
    assert all(line.startswith("#") for line in head)
    assert any("территориальном делении города Москвы" in line for line in head)
    rows = city_districts()
    assert len(rows) >= 250
    assert {c.code for c in rows} <= {r.code for r in REGIONS}
    kinds = {"район", "муниципальный округ", "поселение", "административный округ", "округ"}
    assert {c.kind for c in rows} == kinds
    assert ("Коминтерновский", "RU-VOR") in {(c.name, c.code) for c in rows}


def test_every_data_file_keys_the_index_cache() -> None:
    data = Path(index_cache.__file__).resolve().parent.parent / "data"
    for path in data.glob("*.tsv"):
        assert f"data/{path.name}" in index_cache._SOURCES


def test_shared_names_do_not_count_alone() -> None:
    nouns, forms = city_district_entries()
    alone = {n for n, _ in nouns} | {f.rpartition(" ")[0].split()[0] for f, _ in forms}
    assert {"Коминтерновский", "Рудничный", "Ново-Переделкино", "Купчино"} <= alone
    # many cities' names, another region's OKTMO district, common words, villages' names
    shared = {"Калининский", "Ленинский", "Бабушкинский", "Даниловский", "Тверской", "Марьино"}
    assert not shared & alone
    assert not {"Чёрная речка", "Гавань", "Сосенское", "Красносельский"} & alone
    parts = gazetteer().city_parts
    assert parts["даниловский"] == "RU-MOW"
    assert parts["черная речка"] == "RU-SPE"
    assert "красносельский" not in parts  # Москва's and Санкт-Петербург's


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("В Коминтерновском районе открыли новый сквер у школы.", "RU-VOR"),
        ("Жители Рудничного района обсудили ремонт дорог с депутатами.", "RU-KEM"),
        ("Библиотеки Заельцовского района подготовили летнюю программу.", "RU-NVS"),
        ("Глава Верх-Исетского района вручил награды ветеранам.", "RU-SVE"),
        ("В Сормовском районе заменят трамвайные пути.", "RU-NIZ"),
        ("Жителей Купчино пригласили на субботник в парк.", "RU-SPE"),
        ("В Ново-Переделкине откроют новую поликлинику.", "RU-MOW"),
        ("Ярмарка выходного дня вновь работает в Тропарёво-Никулино.", "RU-MOW"),
        ("Совет депутатов муниципального округа Даниловский утвердил бюджет.", "RU-MOW"),
        ("Глава МО «Чёрная речка» провёл приём жителей.", "RU-SPE"),
        ("Депутаты муниципального образования Черная речка обсудили бюджет.", "RU-SPE"),
        ("В поселении Сосенское построят две школы.", "RU-MOW"),
        ("Глава управы Бабушкинского района встретится с жителями.", "RU-MOW"),
        ("В Юго-Восточном административном округе высадили сто деревьев.", "RU-MOW"),
    ],
)
def test_city_district_names_its_region(text: str, code: str) -> None:
    assert codes(text) == {code}


def test_moscow_board_makes_later_mentions_moscow_too() -> None:
    text = (
        "Глава управы Бабушкинского района встретится с жителями в среду.\n"
        "Приглашаются все жители Бабушкинского района."
    )
    assert codes(text) == {"RU-MOW"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shared by many cities: the city decides, or nothing does
        ("В Калининском районе начался приём заявок на конкурс.", set()),
        ("В Калининском районе Новосибирска начался приём заявок.", {"RU-NVS"}),
        ("Ленинский район готовится к паводку.", set()),
        # another region's district without Moscow's context
        ("В Бабушкинском районе заготовили корма для ферм.", {"RU-VLG"}),
        ("Даниловский район Ярославской области принял гостей.", {"RU-YAR"}),
        # the river, not the municipal okrug; an okrug named the other regions' way
        ("На Чёрной речке открыли мемориальную доску.", set()),
        ("Муниципальный округ Алнашский район Удмуртской Республики отчитался.", {"RU-UD"}),
        # a settlement's name alone: rural settlements elsewhere share it
        ("Сосенское сельское поселение отремонтировало клуб.", set()),
    ],
)
def test_shared_names_need_their_city(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_another_citys_district_board_is_not_moscows() -> None:
    # Воронеж's districts have boards («управа») too: a board names Москва only for a name
    # no other city gives its district.
    text = "Управа Коминтерновского района провела субботник во дворах на улице Хользунова."
    assert codes(text) == {"RU-VOR"}
