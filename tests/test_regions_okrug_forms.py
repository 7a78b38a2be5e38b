"""Districts that became urban or municipal okrugs, and districts only the villages' data
names: «Клинского округа», «Павлово-Посадского округа», «Сухоложского ГО», «Клинском г.о.».
On sentences written for these tests."""

from __future__ import annotations

import random
import re

import pytest

from bot.text.regions import tag_regions
from bot.text.towns import villages


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # towns' districts named as okrugs (a town-derived adjective, not in OKTMO's copy)
        ("Глава Орехово-Зуевского округа провёл приём граждан.", {"RU-MOS"}),
        ("В школах Южно-Сахалинского округа начались каникулы.", {"RU-SAK"}),
        ("Депутаты Клинского округа утвердили бюджет.", {"RU-MOS"}),
        ("Администрация Абдулинского городского округа сообщает о ремонте.", {"RU-ORE"}),
        ("Жители Сухоложского муниципального округа собрали помощь.", {"RU-SVE"}),
        # districts named only by the villages' post offices: two-word towns' adjectives
        ("В Павлово-Посадском районе открыли сквер.", {"RU-MOS"}),
        ("Жители Павлово-Посадского округа собрали помощь.", {"RU-MOS"}),
        ("Глава Серебряно-Прудского округа открыл школу.", {"RU-MOS"}),
        ("В Вятско-Полянском районе прошёл сход.", {"RU-KIR"}),
        # the kind cut short
        ("Бюджет Орехово-Зуевского г.о. принят депутатами.", {"RU-MOS"}),
        ("В Клинском г.о. открыли сквер.", {"RU-MOS"}),
        ("Глава Абдулинского ГО провёл приём.", {"RU-ORE"}),
        ("В Богдановичском ГО прошла ярмарка.", {"RU-SVE"}),
        ("Совет депутатов Ефремовского МО собрался на заседание.", {"RU-TUL"}),
    ],
)
def test_okrug_named(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Полпред в Приволжском округе провёл совещание.",  # a federal district
        "В Московском округе открыли сквер.",  # another region's adjective: a city's okrug
        "Штаб ГО и ЧС провёл учения.",  # civil defence, no district before it
        "В 2024 г. о нём писали многие.",  # a year, then a preposition
        "Губернатор наградил лучших, МО поддержало решение.",
    ],
)
def test_not_an_okrug(text: str) -> None:
    assert codes(text) == set()


_ADJ = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ский|цкий|ской)")


def _genitive(adjective: str) -> str:
    return re.sub(r"(?:ий|ой)$", "ого", adjective)


def test_one_region_districts_of_villages_data_read_as_okrugs() -> None:
    """A district of ``villages.tsv`` that one region alone has, named as an urban okrug."""
    regions: dict[str, set[str]] = {}
    for v in villages():
        for part in v.district.split(","):
            adj, _, noun = part.strip().rpartition(" ")
            if noun == "район" and _ADJ.fullmatch(adj):
                regions.setdefault(adj, set()).add(v.code)
    unique = sorted((a, next(iter(c))) for a, c in regions.items() if len(c) == 1)
    sample = random.Random(7).sample(unique, 150)
    for kind in ("городского округа", "округа"):
        found = sum(
            code in codes(f"Глава {_genitive(adj)} {kind} провёл приём граждан.")
            for adj, code in sample
        )
        # (148 of 150; the code before these forms found 144 and 143. The rest are districts
        # named like a region or a big city's district: «Свердловский»)
        assert found >= 147, kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an indeclinable region's name after villages in the plural: the region's villages
        ("Автоклуб будет работать в сёлах Марий Эл.", {"RU-ME"}),
        ("Праздник пройдёт в деревнях Марий Эл.", {"RU-ME"}),
        ("В посёлке Марий Эл открыли клуб.", set()),  # one village named so
    ],
)
def test_villages_of_an_indeclinable_region(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_moscow_taking_measures_is_the_state() -> None:
    (m,) = tag_regions("В МИД РФ подчеркнули, что Москва предпримет ответные меры.")
    assert (m.code, m.role) == ("RU-MOW", "mentioned")
