"""Town demonyms (bot/text/data/demonyms.tsv): what a town's people are called names its region."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.text.catalogue import by_code
from bot.text.morph import fold
from bot.text.regions import tag_regions
from bot.text.regions.gazetteer import demonym_cases, gazetteer
from bot.text.regions.index_cache import source_key
from bot.text.towns import DEMONYMS_FILE, demonyms, towns_by_name
from tests.paths import ships

ROOT = Path(__file__).resolve().parent.parent


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


def test_every_row_is_one_town_of_one_region() -> None:
    rows = demonyms()
    assert len(rows) > 300
    plurals = [fold(d.plural) for d in rows]
    assert len(plurals) == len(set(plurals))
    for d in rows:
        assert by_code(d.code) is not None, d
        assert d.plural.endswith(("цы", "ане", "яне", "ичи", "яки")), d
        # the town as towns.tsv names it, and no namesake town in another region
        named = towns_by_name(d.town)
        assert all(t.code == d.code for t in named), (d, named)
    # every regional capital but the few with no demonym of their own («пермяки» are a
    # people; «кировчане» live in Кировск too; «ивановцы» follow Порфирий Иванов)
    capitals = {t.code for d in rows for t in towns_by_name(d.town) if t.capital}
    assert len(capitals) >= 65


def test_no_form_names_two_regions() -> None:
    seen: dict[str, str] = {}
    for d in demonyms():
        for form in demonym_cases(d.plural, d.singular):
            assert seen.setdefault(fold(form), d.code) == d.code, form


def test_cases_are_formed_from_the_plural_and_the_singular() -> None:
    assert demonym_cases("тюменцы", "тюменец") == [
        *("тюменцы", "тюменцев", "тюменцам", "тюменцами", "тюменцах"),
        *("тюменец", "тюменца", "тюменцу", "тюменцем", "тюменце"),
    ]
    assert "курянами" in demonym_cases("куряне", "курянин")
    assert "курянина" in demonym_cases("куряне", "курянин")
    assert "яраничей" in demonym_cases("яраничи", "яранич")
    assert "туляков" in demonym_cases("туляки", "туляк")
    # no singular when it is not attested enough: the plural's cases only
    assert demonym_cases("старооскольцы", "")[-1] == "старооскольцах"


def test_a_form_the_dictionary_reads_as_a_surname_stays_lower_case() -> None:
    words = gazetteer().single_words
    assert words["казанцев"] == ("RU-TA", "town")
    assert "Казанцев" not in words  # the surname at a sentence's start
    assert words["Тюменцы"] == ("RU-TYU", "town")
    assert words["Щёлковцы"] == words["Щелковцы"] == ("RU-MOS", "town")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Жирятинцы празднуют День России на площади у Дома культуры.", {"RU-BRY"}),
        ("Как решат вопрос с дорогами, яраничи вскоре почувствуют сами.", {"RU-KIR"}),
        ("Свободненцев ждут на общегородском субботнике в субботу.", {"RU-AMU"}),
        ("Куряне смогут бесплатно посетить музей в выходные.", {"RU-KRS"}),
        ("Глава города поздравил смолян с Днём города.", {"RU-SMO"}),
        ("Тоболяки вышли на лыжню в воскресенье.", {"RU-TYU"}),
        ("Более ста серпуховичей приняли участие в забеге.", {"RU-MOS"}),
        ("Вечером таганрожцы собрались на набережной.", {"RU-ROS"}),
        ("Улан-удэнцы высадили аллею у школы.", {"RU-BU"}),
        ("Певица рассказала, что ей пишут питерцы и москвичи.", {"RU-SPE", "RU-MOW"}),
        # a surname at a sentence's start is no town's people
        ("Казанцев заявил о своей отставке с поста тренера.", set()),
        ("Рязанцев победил в финале турнира.", set()),
        # several towns' people: Артём of Приморье and Артёмовский of the Urals
        ("Артемовцы встретили первомай концертом.", set()),
        # a capital mid-sentence is a name: a team, a newspaper
        ("На турнир приехала команда «Северодвинцы».", set()),
        # common words formed alike are no town's people
        ("Братцы, немцы и гвардейцы пели вместе.", set()),
    ],
)
def test_demonyms_name_their_towns_region(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_the_file_ships_and_keys_the_index_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ships("text/data/demonyms.tsv")
    before = source_key()
    original = Path.read_bytes

    def changed(self: Path) -> bytes:
        data = original(self)
        return data + b"\n" if self == DEMONYMS_FILE else data

    monkeypatch.setattr(Path, "read_bytes", changed)
    assert source_key() != before
