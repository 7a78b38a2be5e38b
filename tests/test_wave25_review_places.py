"""Review of the places of the twenty-fifth wave, on sentences written for these tests: each
rule's trigger where a careful reader would not apply it (the control), and the rule's own
case still found (the positive)."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions
from bot.text.regions.gazetteer import gazetteer


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's people by «-цы»: not a river's or a club's
        ("Болельщики гродненского клуба поддержали неманцев в матче чемпионата Беларуси.", set()),
        ("Футболисты казахстанского «Турана» уступили, туранцы пропустили три мяча.", set()),
        ("Кыштымцы вышли на субботник.", {"RU-CHE"}),
        ("Туранцы вышли на субботник.", {"RU-TY"}),
        # a district's adjective before a village noun: not a town abroad, a land, a feast
        ("В одесском селе под Измаилом прошли похороны.", set()),
        ("Жители оршанской деревни в Белоруссии вышли на субботник.", set()),
        ("В таврическом селе на берегу Чёрного моря нашли амфоры.", set()),
        ("В успенском селе на Покровку собралась вся округа.", set()),
        ("В волоконовском селе открыли детский сад.", {"RU-BEL"}),
        # a rank or a calling before a town's name that is no surname
        ("Конкурс молодых художников Тулы прошёл в выставочном зале.", {"RU-TUL"}),
        ("Встреча поэтов Казани прошла в библиотеке.", {"RU-TA"}),
        ("Бюст генерала Горбатова открыли в Орле.", {"RU-ORL"}),
        # a church: a town's own cathedral, not an icon's name
        ("Реставраторы Тобольского кафедрального собора завершили работы.", {"RU-TYU"}),
        ("В Казанском кафедральном соборе прошла служба.", set()),
        # a territorial unit of a federal agency is the town's office
        ("Тюменский территориальный отдел Роспотребнадзора проверил школы.", {"RU-TYU"}),
        ("Отчитался начальник Саранского территориального отдела.", set()),
        # «приморский» before a town of Приморье is the region's
        ("В приморском Артёме открыли школу.", {"RU-PRI"}),
        ("Отдыхающие в приморском Бердянске.", set()),
    ],
)
def test_review(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_town_people_out_of_first_forms() -> None:
    """The towns' people are found through `single_words` (kept out of `first_forms`, a set
    near a size where it grows fourfold)."""
    gaz = gazetteer()
    assert "кыштымцев" in gaz.single_words
    assert "кыштымцев" not in gaz.first_forms
    assert codes("Болельщики поддержали кыштымцев на стадионе.") == {"RU-CHE"}
