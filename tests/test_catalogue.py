"""The region catalogue: 89 subjects, unique codes, valid districts, zones and number codes."""

from __future__ import annotations

import re
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from bot.text.catalogue import (
    FEDERAL_DISTRICTS,
    REGIONS,
    by_code,
    by_name,
    regions_in_district,
)


def test_eighty_nine_regions_with_unique_codes() -> None:
    assert len(REGIONS) == 89
    codes = [r.code for r in REGIONS]
    assert len(set(codes)) == 89
    assert all(re.fullmatch(r"RU-[A-Z]{2,3}", c) for c in codes)


@pytest.mark.parametrize(
    ("code", "name", "short"),
    [
        ("RU-KK", "Республика Хакасия", "Республика Хакасия"),
        ("RU-TA", "Республика Татарстан", "Республика Татарстан"),
        ("RU-MOW", "Москва", "г. Москва"),
        ("RU-SPE", "Санкт-Петербург", "г. Санкт-Петербург"),
        ("RU-MOS", "Московская область", "Московская область"),
        ("RU-LEN", "Ленинградская область", "Ленинградская область"),
        ("RU-CR", "Республика Крым", "Республика Крым"),
        ("RU-SEV", "Севастополь", "г. Севастополь"),
        ("RU-DPR", "Донецкая Народная Республика", "Донецкая Народная Республика"),
        ("RU-LPR", "Луганская Народная Республика", "Луганская Народная Республика"),
        ("RU-ZAP", "Запорожская область", "Запорожская область"),
        ("RU-KHE", "Херсонская область", "Херсонская область"),
    ],
)
def test_known_codes_and_names(code: str, name: str, short: str) -> None:
    region = by_code(code)
    assert region is not None
    assert region.name == name
    assert region.short == short


def test_by_code_is_case_insensitive_and_rejects_unknown() -> None:
    assert by_code("ru-kk") is by_code("RU-KK")
    assert by_code(" Ru-Ta ") is by_code("RU-TA")
    assert by_code("RU-XX") is None
    assert by_code("") is None


def test_every_region_has_capital_among_towns_and_names() -> None:
    for r in REGIONS:
        assert r.capital, r.code
        assert r.towns[0] == r.capital, r.code
        assert r.names, r.code
        assert r.name in r.names, r.code
        assert r.name_en.isascii(), r.code


def test_time_zones_are_valid_iana_names() -> None:
    for r in REGIONS:
        ZoneInfo(r.timezone)  # raises on an unknown zone
    assert by_code("RU-KK").timezone == "Asia/Krasnoyarsk"  # type: ignore[union-attr]
    assert by_code("RU-MOW").timezone == "Europe/Moscow"  # type: ignore[union-attr]
    assert by_code("RU-KAM").timezone == "Asia/Kamchatka"  # type: ignore[union-attr]


def test_districts_are_valid_and_cover_all_regions() -> None:
    codes = [fd.code for fd in FEDERAL_DISTRICTS]
    assert codes == ["ЦФО", "СЗФО", "ЮФО", "СКФО", "ПФО", "УФО", "СФО", "ДФО"]
    assert all(r.district in codes for r in REGIONS)
    assert sum(len(regions_in_district(c)) for c in codes) == 89
    assert by_code("RU-KK") in regions_in_district("сфо")
    assert len(regions_in_district("ЦФО")) == 18
    assert regions_in_district("XXX") == []


def test_number_codes_are_unique_and_main_first() -> None:
    counts = Counter(n for r in REGIONS for n in r.numbers)
    assert [n for n, c in counts.items() if c > 1] == []
    assert by_code("RU-KK").number == 19  # type: ignore[union-attr]
    assert by_code("RU-TA").number == 16  # type: ignore[union-attr]
    assert by_code("RU-MOW").numbers[:3] == (77, 97, 99)  # type: ignore[union-attr]
    assert all(r.numbers for r in REGIONS)


def test_hashtags_are_tag_friendly_and_unique() -> None:
    tags = [r.hashtag for r in REGIONS]
    assert all(re.fullmatch(r"\w+", t) for t in tags)
    assert len(set(tags)) == 89
    assert by_code("RU-MOS").hashtag == "Подмосковье"  # type: ignore[union-attr]


def test_informal_names_and_abbreviations_present() -> None:
    def names(code: str) -> tuple[str, ...]:
        r = by_code(code)
        assert r is not None
        return r.names + r.abbreviations

    assert "Кузбасс" in names("RU-KEM")
    assert "Югра" in names("RU-KHM")
    assert "ХМАО" in names("RU-KHM")
    assert "ЯНАО" in names("RU-YAN")
    assert "Питер" in names("RU-SPE")
    assert "Ленобласть" in names("RU-LEN")
    assert "Подмосковье" in names("RU-MOS")
    assert "РХ" in names("RU-KK")


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("г. Москва", "RU-MOW"),
        ("Республика Татарстан (Татарстан)", "RU-TA"),
        ("Кемеровская область — Кузбасс", "RU-KEM"),
        ("Чувашская Республика — Чувашия", "RU-CU"),
        ("Ханты-Мансийский автономный округ — Югра", "RU-KHM"),
        ("костромская область", "RU-KOS"),
        ("город Москва", "RU-MOW"),
        ("Республика Северная Осетия-Алания", "RU-SE"),
        ("Ханты-Мансийский АО — Югра", "RU-KHM"),
        ("ХМАО", "RU-KHM"),
        ("Республика Саха (Якутия)", "RU-SA"),
    ],
)
def test_by_name_accepts_label_variants(label: str, code: str) -> None:
    region = by_name(label)
    assert region is not None
    assert region.code == code


def test_by_name_rejects_unknown_and_ambiguous() -> None:
    assert by_name("Московский регион") is None
    assert by_name("Нарния") is None


def test_importing_catalogue_does_not_load_the_dictionary() -> None:
    import subprocess
    import sys

    code = (
        "import sys, bot.text.catalogue, bot.text.regions, bot.text.morph;"
        "print('pymorphy3' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_forms_are_whole_words() -> None:
    # A one-element tuple written without its comma turns a name into letters.
    for r in REGIONS:
        for form in (*r.names, *r.towns, *r.adjectives, *r.abbreviations):
            assert len(form) >= 2, (r.code, form)
        assert all(a == a.lower() for a in r.adjectives), r.code
        assert len(set(r.towns)) == len(r.towns), r.code
