"""Places of the eighteenth wave, on sentences written for these tests: the people of a rural
district named after its adjective («заиграевцы»), a region's demonym the dictionary attests
(«свердловчане»), a rural settlement named after a village whose adjective takes a fleeting
vowel («Унежемское» of Унежма), a district run together in a hashtag, a power plant or a
Cossack host named by an adjective, an adjective a quoted word comes from («от поморского
«губа»»), and the towns of the subjects of 2022 as real towns, whose namesake villages a
village word names."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people of a rural district, formed from its adjective (one region has it)
        ("Заиграевцы встретили праздник песнями.", {"RU-BU"}),
        ("На субботник вышли сотни кулундинцев.", {"RU-ALT"}),
        ("Глава района поздравил пижанцев с юбилеем посёлка.", {"RU-KIR"}),
        # not a people the dictionary knows («ногайцы»), not a capital mid-sentence (a team)
        ("Ногайцы сохраняют свои обычаи.", set()),
        ("Матч выиграла команда Заиграевцы.", set()),
    ],
)
def test_district_demonyms(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's demonym the dictionary attests, formed from the region's adjective
        ("В субботу свердловчан ждёт ярмарка мёда.", {"RU-SVE"}),
        ("Сахалинцы смогут получить выплату до конца месяца.", {"RU-SAK"}),
        # not a thing too («запорожцы»: the cars), not a people («алтайцы»)
        ("На выставке стояли старые запорожцы и волги.", set()),
        ("Алтайцы исполнили горловое пение.", set()),
    ],
)
def test_region_demonyms(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «Унежма» -> «Унежемское сельское поселение» (as Кинешма -> Кинешемский район)
        ("Глава Унежемского сельского поселения отчитался перед жителями.", {"RU-ARK"}),
        ("Решемскому сельскому поселению вручили флаг.", {"RU-IVA"}),
        # the adjective alone, with no council word, says nothing
        ("Унежемская история закончилась хорошо.", set()),
    ],
)
def test_councils_of_villages_with_fleeting_vowels(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ремонт моста завершён досрочно.\n#АдминистрацияКарачевскогорайона", {"RU-BRY"}),
        ("Фото дня. #ПижанскийРайон", {"RU-KIR"}),
        # a district many regions have decides nothing alone; a plain hashtag says nothing
        ("Фото дня. #ОктябрьскийРайон", set()),
        ("Фото дня. #НашРайон", set()),
    ],
)
def test_district_hashtags(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a power plant's and a Cossack host's names: a facility, history
        ("Во время строительства Новосибирской ГЭС затопили несколько деревень.", set()),
        ("Школьники изучают историю Оренбургского казачьего войска.", set()),
        # the region itself still counts
        ("Новосибирская область получит новые автобусы.", {"RU-NVS"}),
        ("В Оренбургской области прошёл смотр казачьих классов.", {"RU-ORE"}),
    ],
)
def test_facilities_and_hosts(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted lower-case word after «от»/«с» and an adjective: a dialect's word
        ("Название посёлка происходит от поморского «щелья» — скала.", set()),
        # a quoted name with a capital is an organisation from the region
        ("Помощь пришла от кубанского «Агрокомплекса».", {"RU-KDA"}),
    ],
)
def test_cited_words(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village named like a town of 2022's subjects after a village word: the village,
        # in its other mentions too
        ("Чукотка: в селе Снежное открыли клуб, а затем в Снежном прошёл концерт.", {"RU-CHU"}),
        (
            "Фестиваль открылся на Чукотке. Приехали жители сел Снежное и Канчалана. Затем"
            " праздник переехал в Снежное.",
            {"RU-CHU"},
        ),
        # the town itself
        ("В Снежном восстановили школу, сообщили власти ДНР.", {"RU-DPR"}),
    ],
)
def test_towns_of_new_subjects_have_namesakes(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
