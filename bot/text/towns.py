"""Every town of Russia (1,117), its region and its district: the package's ``data/towns.tsv``.

The file is derived from hflabs/city (CC BY-SA 4.0, see ``data/LICENSE-towns.md``) by
``scripts/build_towns.py``. It is read once, on first use (a 56 KB file, about 2 ms), never at
import, and never from outside the package. `districts()` reads ``data/districts.tsv``: the
municipal districts of OKTMO (see ``data/SOURCES-districts.md``, ``scripts/build_districts.py``),
and ``data/districts_2022.tsv`` those of the four subjects of 2022, which that copy predates;
`city_districts()` reads ``data/city_districts.tsv``: districts inside cities («Коминтерновский
район» of Воронеж, «Ново-Переделкино» of Москва, «МО Купчино» of Санкт-Петербург).
`demonyms()` reads ``data/demonyms.tsv``, what the people of a town are called (curated by hand).
`villages()` reads ``data/villages.tsv``: villages and rural settlements whose name one region
alone has, from the GeoNames postal codes (CC BY 4.0, see ``data/LICENSE-villages.md``,
``scripts/build_villages.py``), and ``data/villages_extra.tsv``: those it lacks, typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "CITY_DISTRICTS_FILE",
    "DEMONYMS_FILE",
    "DISTRICTS_2022_FILE",
    "DISTRICTS_FILE",
    "TOWNS_FILE",
    "VILLAGES_FILE",
    "CityDistrict",
    "Demonym",
    "District",
    "Town",
    "Village",
    "city_districts",
    "demonyms",
    "districts",
    "towns",
    "towns_by_name",
    "villages",
]

TOWNS_FILE = Path(__file__).resolve().parent / "data" / "towns.tsv"
DISTRICTS_FILE = Path(__file__).resolve().parent / "data" / "districts.tsv"
DISTRICTS_2022_FILE = Path(__file__).resolve().parent / "data" / "districts_2022.tsv"
DEMONYMS_FILE = Path(__file__).resolve().parent / "data" / "demonyms.tsv"
CITY_DISTRICTS_FILE = Path(__file__).resolve().parent / "data" / "city_districts.tsv"
VILLAGES_FILE = Path(__file__).resolve().parent / "data" / "villages.tsv"
# Villages the generated file lacks, typed by hand (same columns): names the generator took
# for a common word («Чигири», a plural of «чигирь») or GeoNames does not list.
VILLAGES_EXTRA_FILE = VILLAGES_FILE.with_name("villages_extra.tsv")


def _rows(path: Path) -> list[list[str]]:
    """The tab-separated fields of each line of a data file, its comments (``#``) left out."""
    return [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]


@dataclass(frozen=True, slots=True)
class Town:
    """One town: «Ковров», ``RU-VLA``, «Ковровский район»."""

    name: str
    code: str  # region code, as in `bot.text.catalogue`
    district: str  # «Ковровский район», «Мирнинский улус», or "" (a town of its own)
    capital: bool  # the region's capital
    population: int
    # How the dictionary reads the name (the generator computes it with pymorphy3, so the
    # app does not have to at start-up):
    common: bool = False  # also a common word in lower case (Зима, Остров, Шахты)
    adjlike: bool = False  # an adjective (Мирный, Никольское)
    gender: str = ""  # the adjective's gender: masc, femn, neut, or ""
    lemmas: tuple[str, ...] = ()  # nominative normal forms other than the name itself


@lru_cache(maxsize=1)
def towns() -> tuple[Town, ...]:
    """All towns, sorted by region code and name."""
    out: list[Town] = []
    for name, code, district, flags, population, lemmas, gender in _rows(TOWNS_FILE):
        out.append(
            Town(
                name,
                code,
                district,
                "c" in flags,
                int(population or 0),
                common="w" in flags,
                adjlike="a" in flags,
                gender=gender,
                lemmas=tuple(lemmas.split(",")) if lemmas else (),
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class District:
    """A municipal district named by an adjective, from OKTMO (``data/districts.tsv``, built
    by ``scripts/build_districts.py``): «Алькеевский», ``RU-TA``, «район»."""

    adjective: str  # nominative: «Алькеевский»
    code: str  # region code, as in `bot.text.catalogue`
    kind: str  # «район» (a municipal district) or «округ» (an urban okrug)


@lru_cache(maxsize=1)
def districts() -> tuple[District, ...]:
    """All districts of ``districts.tsv`` (about 1,900) and ``districts_2022.tsv`` (66), sorted
    by region code and adjective."""
    out: list[District] = []
    for path in (DISTRICTS_FILE, DISTRICTS_2022_FILE):
        for code, adjective, kind, _oktmo in _rows(path):
            out.append(District(adjective, code, kind))
    return tuple(sorted(out, key=lambda d: (d.code, d.adjective)))


@dataclass(frozen=True, slots=True)
class Demonym:
    """What the people of a town are called: «тюменцы», «тюменец», «Тюмень», ``RU-TYU``."""

    plural: str  # nominative plural: «тюменцы», «куряне», «яраничи», «туляки»
    singular: str  # nominative singular masculine, or "" when not attested enough
    town: str  # the town (or village) as named in ``towns.tsv``: «Тюмень»
    code: str  # the town's region code


@lru_cache(maxsize=1)
def demonyms() -> tuple[Demonym, ...]:
    """All demonyms of ``demonyms.tsv`` (about 330), sorted by region code and plural."""
    out: list[Demonym] = []
    for plural, singular, town, code in _rows(DEMONYMS_FILE):
        out.append(Demonym(plural, "" if singular == "-" else singular, town, code))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CityDistrict:
    """A district inside a city (``data/city_districts.tsv``): «Коминтерновский», ``RU-VOR``,
    «район», «Воронеж»; «Купчино», ``RU-SPE``, «муниципальный округ», «Санкт-Петербург»."""

    name: str  # nominative, as written: an adjective («Рудничный») or a noun («Ново-Переделкино»)
    code: str  # the city's region code
    kind: str  # «район», «муниципальный округ», «поселение», «административный округ», «округ»
    city: str


@lru_cache(maxsize=1)
def city_districts() -> tuple[CityDistrict, ...]:
    """All districts of ``city_districts.tsv`` (about 300), in the file's order."""
    out: list[CityDistrict] = []
    for code, name, kind, city in _rows(CITY_DISTRICTS_FILE):
        out.append(CityDistrict(name, code, kind, city))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Village:
    """A village or rural settlement named in one region only (``data/villages.tsv``):
    «Шихазаны», ``RU-CU``, «Канашский район»."""

    name: str  # nominative, as GeoNames writes it
    code: str  # region code, as in `bot.text.catalogue`
    district: str  # the district(s), comma-separated, or ""
    # The name's other nominative readings, folded, word by word (the generator computes
    # them with pymorphy3): «Ремонтное» -> «ремонтный», «Старая Тойда» -> «старый тойда».
    lemmas: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def villages() -> tuple[Village, ...]:
    """All villages of ``villages.tsv`` (about 18,000), sorted by region code and name."""
    out: list[Village] = []
    for row in [*_rows(VILLAGES_FILE), *_rows(VILLAGES_EXTRA_FILE)]:
        name, code, district, lemmas = (*row, "")[:4]  # (an older file has no lemmas)
        out.append(Village(name, code, district, tuple(lemmas.split(",")) if lemmas else ()))
    return tuple(out)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Town, ...]]:
    index: dict[str, list[Town]] = {}
    for t in towns():
        index.setdefault(t.name.lower().replace("ё", "е"), []).append(t)
    return {k: tuple(v) for k, v in index.items()}


def towns_by_name(name: str) -> tuple[Town, ...]:
    """Towns called ``name`` (any letter case, «ё» or «е»): one, several (Советск) or none."""
    return _index().get(name.strip().lower().replace("ё", "е"), ())
