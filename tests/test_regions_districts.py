"""Municipal districts from OKTMO (bot/text/data/districts.tsv): districts without a town."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.text.catalogue import REGIONS
from bot.text.regions import tag_regions
from bot.text.towns import DISTRICTS_FILE, districts


def codes(text: str, source_region: str | None = None) -> set[str]:
    return {m.code for m in tag_regions(text, source_region=source_region)}


def test_districts_file_covers_every_region_with_districts() -> None:
    rows = districts()
    assert len(rows) >= 1800
    assert {d.code for d in rows} <= {r.code for r in REGIONS}
    assert {d.kind for d in rows} == {"район", "округ"}
    # Every subject has districts or urban okrugs but the three federal cities (the four
    # subjects of 2022, which the copy of OKTMO predates, from districts_2022.tsv).
    left_out = {"RU-MOW", "RU-SPE", "RU-SEV"}
    assert {d.code for d in rows} == {r.code for r in REGIONS} - left_out
    by_adj = {(d.adjective, d.code) for d in rows}
    assert ("Алькеевский", "RU-TA") in by_adj
    assert ("Каякентский", "RU-DA") in by_adj
    assert ("Щербиновский", "RU-KDA") in by_adj
    assert ("Алнашский", "RU-UD") in by_adj
    assert ("Старобешевский", "RU-DPR") in by_adj
    assert ("Кременской", "RU-LPR") in by_adj
    assert ("Каланчакский", "RU-KHE") in by_adj
    assert ("Приазовский", "RU-ZAP") in by_adj
    assert all(d.adjective[:1].isupper() and d.adjective.endswith(("ий", "ый", "ой")) for d in rows)


def test_districts_file_names_its_source() -> None:
    sources = (DISTRICTS_FILE.parent / "SOURCES-districts.md").read_text(encoding="utf-8")
    assert "koo2018/oktmoregions" in sources
    assert "9b34ff01350fd0b8889113fbbbbc96418dcc03f1" in sources
    assert DISTRICTS_FILE.read_text(encoding="utf-8").startswith("#")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Алькеевский район закупил два новых автобуса.", "RU-TA"),
        ("Школьники Алькеевского района сдали нормы ГТО.", "RU-TA"),
        ("В Алькеевском районе починили мост через ручей.", "RU-TA"),
        ("Глава Алькеевского муниципального района наградил доярок.", "RU-TA"),
        ("Алькеевский муниципальный округ подвёл итоги года.", "RU-TA"),
        ("Фермеры Каякентского района посадили виноград.", "RU-DA"),
        ("Рыбаки Каневского района вышли в море.", "RU-KDA"),
        ("В Каякентском районе прошёл турнир по борьбе.", "RU-DA"),
        ("Щербиновский район готовится к курортному сезону.", "RU-KDA"),
        ("Алнашский муниципальный округ построит спортзал.", "RU-UD"),
        ("В Алнашском округе открылась библиотека.", "RU-UD"),
        ("Анивский городской округ получил новую технику.", "RU-SAK"),
        ("Жители Сунтарского улуса встретили делегацию.", "RU-SA"),
        ("В Усть-Канском районе прошёл сход граждан.", "RU-AL"),
        # The four subjects of 2022 (districts_2022.tsv).
        ("В Чаплинском муниципальном округе открыли новую амбулаторию.", "RU-KHE"),
        ("Глава Шахтерского муниципального округа проверил ремонт дороги.", "RU-DPR"),
        ("Жители Старобельского округа получили гуманитарную помощь.", "RU-LPR"),
        ("Аграрии Приазовского муниципального округа убрали урожай.", "RU-ZAP"),
        ("В Каланчакском округе отремонтировали школу.", "RU-KHE"),
        ("Кременской муниципальный округ получил новые автобусы.", "RU-LPR"),
    ],
)
def test_district_without_a_town(text: str, code: str) -> None:
    matches = tag_regions(text)
    assert [m.code for m in matches] == [code]
    assert matches[0].evidence[0].kind == "district"


@pytest.mark.parametrize(
    "text",
    [
        "Алькеевский мёд продают на ярмарке.",  # the adjective alone names no place
        "В горном районе прошёл сход граждан.",
        "В Октябрьском районе прошёл сход граждан.",  # districts of many regions
        "Советский район отчитался о посевной.",
        "Первомайский муниципальный округ выбрал главу.",
    ],
)
def test_no_place_or_undecided(text: str) -> None:
    assert codes(text) == set()


def test_shared_district_name_decided_by_context() -> None:
    text = "В Октябрьском районе прошёл сход граждан."
    assert codes(text, source_region="RU-KOS") == {"RU-KOS"}
    assert codes("В Октябрьском районе Костромской области прошёл сход.") == {"RU-KOS"}
    # «Михайловский район»: Алтайский край, Амурская, Волгоградская, Рязанская области...
    assert codes("Михайловский район Рязанской области закупил автобусы.") == {"RU-RYA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В Кировском районе Казани прорвало трубу.", {"RU-TA"}),
        ("В Красносельском районе Петербурга прорвало трубу.", {"RU-SPE"}),
        ("Пушкинский район Санкт-Петербурга готовит выпускной.", {"RU-SPE"}),
        ("Приволжский район Казани обновит дворы.", {"RU-TA"}),
        ("В Красносельском районе города прорвало трубу.", set()),
        ("В Красносельском районе г. Петербурга прорвало трубу.", {"RU-SPE"}),
        # a region after the district is no city: the district stays
        ("Жители Алькеевского района Татарстана собрали урожай.", {"RU-TA"}),
    ],
)
def test_city_district_is_no_rural_district(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_city_district_with_the_source_region_of_its_namesake() -> None:
    # Приволжский район is also in Самарская область: a Samara portal's story about Казань.
    matches = tag_regions("Приволжский район Казани обновит дворы.", source_region="RU-SAM")
    assert "RU-TA" in {m.code for m in matches}
    assert all(e.kind != "district" for m in matches for e in m.evidence)


def test_generator_reads_oktmo_json(tmp_path: Path) -> None:
    raw = {
        "92000000(6)": "Муниципальные образования Республики Татарстан (Татарстан)",
        "92600000(7)": "Муниципальные районы Республики Татарстан",
        "92606000(9)": "Алькеевский муниципальный район",
        "92606405(8)": "Сельское поселение Базарно-Матакское",
        "92700000(1)": "Городские округа Республики Татарстан",
        "92701000(1)": "город Казань",
        "64000000(0)": "Муниципальные образования Сахалинской области",
        "64704000(4)": "Анивский",
        "71900000(3)": "Муниципальные районы и городские округа Ямало-Ненецкого автономного округа",
        "71916000(4)": "Надымский муниципальный район",
    }
    src = tmp_path / "mreg.json"
    src.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "districts.tsv"
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_districts.py"
    subprocess.run(
        [sys.executable, str(script), str(src), str(out)], check=True, capture_output=True
    )
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r for r in rows if not r[0].startswith("#")] == [
        ["RU-SAK", "Анивский", "округ", "64704000"],
        ["RU-TA", "Алькеевский", "район", "92606000"],
        ["RU-YAN", "Надымский", "район", "71916000"],
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a town's body or urban settlement named by the town's adjective alone
        ("Депутаты Шахтинской городской думы утвердили бюджет.", "RU-ROS"),
        ("Глава администрации Белокалитвинского городского поселения провёл приём.", "RU-ROS"),
        ("Кунгурская городская больница получила новый томограф.", "RU-PER"),
        # a name of a noun and an adjective declines in both parts
        ("Турнир прошёл в Каменске-Уральском в конце января.", "RU-SVE"),
        ("Команда Каменска-Уральского заняла второе место.", "RU-SVE"),
        ("Жители Гуся-Хрустального вышли на субботник.", "RU-VLA"),
        ("Спортсмены из Каменска-Шахтинского привезли медали.", "RU-ROS"),
    ],
)
def test_town_named_by_its_adjective_or_in_two_declined_parts(text: str, code: str) -> None:
    assert codes(text) == {code}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Солнечная городская больница открылась после ремонта.", set()),  # a quality
        ("Северная городская больница открылась после ремонта.", set()),
        ("Центральная городская библиотека объявила конкурс.", set()),  # many cities'
        ("Детская городская больница получила аппарат.", set()),
        ("Московская городская дума приняла закон.", {"RU-MOW"}),  # the catalogue's
        ("Ковровская городская больница закупила лекарства.", {"RU-VLA"}),
    ],
)
def test_adjective_before_city_word_only_a_towns(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
