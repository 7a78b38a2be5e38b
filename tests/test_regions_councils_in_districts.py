"""A village council the villages' data knows in one region, in a story about a district of
other regions, is that district's council (council names repeat across the country). On
sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the district decides; the data's namesake council elsewhere is left out
        (
            "Глава Курского района провёл совещание. Глава Брежневского сельсовета доложил "
            "о ремонте дорог.",
            {"RU-KRS"},
        ),
        # controls: the council alone still names its region, and a council of the named
        # district's own region stays
        ("Глава Брежневского сельсовета доложил о ремонте дорог.", {"RU-KLU"}),
        ("В Таштыпском районе глава Матурского сельсовета открыл клуб.", {"RU-KK"}),
    ],
)
def test_a_council_in_a_district_story_is_the_districts(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
