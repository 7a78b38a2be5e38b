"""The 89 federal subjects of Russia as the project counts them (85 + ДНР, ЛНР, Запорожская и
Херсонская области), with every form a Russian text uses to name them.

Codes are ISO 3166-2:RU where one exists (``RU-KK`` Хакасия, ``RU-TA`` Татарстан, ``RU-MOW``
Москва, ``RU-SPE`` Санкт-Петербург, ``RU-MOS`` Московская область...). ISO has no code for six
of them; the project uses these documented codes:

* ``RU-CR``  Республика Крым (the code used by most Russian registries);
* ``RU-SEV`` г. Севастополь;
* ``RU-DPR`` Донецкая Народная Республика;
* ``RU-LPR`` Луганская Народная Республика;
* ``RU-ZAP`` Запорожская область;
* ``RU-KHE`` Херсонская область.

Numeric codes are the vehicle registration codes, the main one first (``77`` for Москва,
``19`` for Хакасия). Time zones are IANA names of the capital's zone. The data itself lives in
`bot.text.catalogue_data`; this module parses it once at import (pure, no I/O).

Decisions on ambiguous forms (see ``AMBIGUOUS`` in the data module): «РБ» (Башкортостан or
Бурятия), «ЧР», «РК», «РА», «МО» (mostly "муниципальное образование"), «Алтай» (mountains, the
republic or the krai) and towns shared by two regions are weak forms: they add to a region that
the text names otherwise, and never tag one alone. «Московский регион» names both Москва and
Московская область.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.text.catalogue_data import AMBIGUOUS, RAW

__all__ = [
    "AMBIGUOUS",
    "FEDERAL_DISTRICTS",
    "REGIONS",
    "FederalDistrict",
    "Region",
    "by_code",
    "by_name",
    "regions_in_district",
]


@dataclass(frozen=True, slots=True)
class FederalDistrict:
    """A federal district (федеральный округ): a macro-region, never a subscription target."""

    code: str  # Russian abbreviation: "СФО"
    name: str  # "Сибирский федеральный округ"
    name_en: str  # "Siberian Federal District"


FEDERAL_DISTRICTS: tuple[FederalDistrict, ...] = (
    FederalDistrict("ЦФО", "Центральный федеральный округ", "Central Federal District"),
    FederalDistrict("СЗФО", "Северо-Западный федеральный округ", "Northwestern Federal District"),
    FederalDistrict("ЮФО", "Южный федеральный округ", "Southern Federal District"),
    FederalDistrict(
        "СКФО", "Северо-Кавказский федеральный округ", "North Caucasian Federal District"
    ),
    FederalDistrict("ПФО", "Приволжский федеральный округ", "Volga Federal District"),
    FederalDistrict("УФО", "Уральский федеральный округ", "Ural Federal District"),
    FederalDistrict("СФО", "Сибирский федеральный округ", "Siberian Federal District"),
    FederalDistrict("ДФО", "Дальневосточный федеральный округ", "Far Eastern Federal District"),
)


@dataclass(frozen=True, slots=True)
class Region:
    """One federal subject and the forms that name it."""

    code: str  # "RU-KK"
    name: str  # official: "Республика Хакасия", "Москва"
    short: str  # label form: "Республика Хакасия", "г. Москва"
    name_en: str  # "Khakassia"
    hashtag: str  # letters, digits, underscore: "Хакасия"
    district: str  # federal district code: "СФО"
    timezone: str  # IANA: "Asia/Krasnoyarsk"
    numbers: tuple[int, ...]  # vehicle registration codes, main first: (19,)
    capital: str  # "Абакан"
    names: tuple[str, ...]  # short and informal names: ("Хакасия", "Республика Хакасия")
    abbreviations: tuple[str, ...]  # ("РХ",)
    adjectives: tuple[str, ...]  # lemmas: ("хакасский", "абаканский")
    towns: tuple[str, ...]  # capital first: ("Абакан", "Черногорск", ...)

    @property
    def number(self) -> int:
        """The main numeric region code (``19`` for Хакасия)."""
        return self.numbers[0]


def _parse(raw: tuple[tuple[Any, ...], ...]) -> tuple[Region, ...]:
    regions: list[Region] = []
    for row in raw:
        code, short, name_en, hashtag, district, tz, numbers, capital = row[:8]
        names, abbrs, adjectives, towns = row[8:]
        name = short.removeprefix("г. ")
        all_names = [name, *names]
        if short != name:
            all_names.append(short)
        regions.append(
            Region(
                code=code,
                name=name,
                short=short,
                name_en=name_en,
                hashtag=hashtag,
                district=district,
                timezone=tz,
                numbers=tuple(int(n) for n in numbers),
                capital=capital,
                names=tuple(dict.fromkeys(all_names)),
                abbreviations=tuple(abbrs),
                adjectives=tuple(adjectives),
                towns=tuple(towns),
            )
        )
    return tuple(regions)


REGIONS: tuple[Region, ...] = _parse(RAW)

_BY_CODE: dict[str, Region] = {r.code.upper(): r for r in REGIONS}


def by_code(code: str) -> Region | None:
    """The region with ISO-style ``code`` (``"ru-kk"`` works too), or None."""
    return _BY_CODE.get(code.strip().upper())


def regions_in_district(fd: str) -> list[Region]:
    """Regions of federal district ``fd`` (``"СФО"``, case-insensitive), in catalogue order."""
    key = fd.strip().upper()
    return [r for r in REGIONS if r.district == key]


def _norm_name(text: str) -> str:
    text = text.lower().replace("ё", "е").strip()
    text = re.sub(r"^(?:г\.|город)\s*", "", text)
    text = re.sub(r"\bао\b", "автономный округ", text)
    text = re.sub(r"(?<=осетия)-(?=алания)", " — ", text)
    text = re.sub(r"\s*\([^)]*\)", "", text)  # "Республика Татарстан (Татарстан)"
    text = re.split(r"\s+[—–-]\s+", text)[0]  # "Кемеровская область — Кузбасс"
    return re.sub(r"\s+", " ", text).strip()


_BY_NAME: dict[str, Region] = {}
for _r in REGIONS:
    for _form in (_r.short, _r.name, *_r.names):
        _BY_NAME.setdefault(_norm_name(_form), _r)
# The same name variant as it sits in the first-listed region wins: "московский регион" is
# ambiguous and should not resolve by name at all.
_BY_NAME.pop("московский регион", None)


_ABBR: dict[str, str] = {a.upper(): _norm_name(r.name) for r in REGIONS for a in r.abbreviations}


def by_name(name: str) -> Region | None:
    """The region whose official, label or informal name is ``name`` (exact, any letter case).

    Tolerates the variants of official names: «Республика Татарстан (Татарстан)»,
    «Кемеровская область — Кузбасс», «г. Москва», «город Москва», «Чувашская Республика —
    Чувашия», «Ханты-Мансийский АО — Югра», and the region's abbreviations («ХМАО»).
    """
    key = _norm_name(name)
    return _BY_NAME.get(key) or _BY_NAME.get(_ABBR.get(name.strip().upper(), key))
