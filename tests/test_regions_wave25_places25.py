"""Places of the twenty-fifth wave, on sentences written for these tests: a small town's
people by the common «-цы» («ужурцы», «наказ калязинцев»); a hyphenated village in a feminine
case the dictionary misreads («в с. Вершино-Биджу»); an adjective opening a village's name of
two words is no village of its own («в селе Верхний Чегодай»); a district's adjective before a
village noun («в волоконовском селе»); a council's name broken by a line's end; a New Moscow
settlement; Greek look-alike letters. And words no region: a rank before a surname («бюст
генерала Горбатова»), a church's icon name («Казанского мужского монастыря»), a local unit
(«Кировского местного отделения», «Саранского территориального отдела»), a people's women,
paper or cultural centre, a seaside town («в приморском Бердянске»)."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions
from bot.text.regions.gazetteer import feminine_bases


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's people by «-цы», every case
        ("Ужурцы вышли на общегородской субботник.", {"RU-KYA"}),
        ("Администрация выполнила ещё один наказ калязинцев.", {"RU-TVE"}),
        ("Глава района поблагодарил бакальцев за помощь.", {"RU-CHE"}),
        # control: a plural the dictionary knows is another word (Любим, «любимцы»)
        ("Любимцы публики вышли на сцену.", set()),
        # control: a town named like a person gives no people («суворовцы»: cadets)
        ("Суворовцы прошли парадом по площади.", set()),
    ],
)
def test_town_demonyms(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Утром глава выехал в с. Вершино-Биджу на приём граждан.", {"RU-KK"}),
        ("Утром глава выехал в село Вершино-Биджа.", {"RU-KK"}),
        # an adjective opens a name of two words: no village «Верхнее» of its own
        ("Фельдшерский пункт отремонтируют в селе Верхний Чегодай.", set()),
        # control: the bare adjective is the village's name when nothing follows it
        ("Фельдшерский пункт отремонтируют в селе Верхнее.", {"RU-KGN"}),
        # control: an adjective of a region after the village keeps the village
        ("Клуб открыли в селе Ремонтное Ростовской области.", {"RU-ROS"}),
    ],
)
def test_village_names(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_feminine_bases() -> None:
    assert feminine_bases("Вершино-Биджу") == ("вершино-биджа",)
    assert feminine_bases("Москву") == ()  # a word the dictionary knows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В ивнянском селе после ремонта открыли библиотеку.", {"RU-BEL"}),
        ("Жители волоконовских сёл собрались на сход.", {"RU-BEL"}),
        # control: an adjective of a common noun («горный», «шахтёрский»)
        ("В горном селе после ремонта открыли библиотеку.", set()),
        ("В шахтёрском посёлке после ремонта открыли библиотеку.", set()),
        # control: a people's adjective says who lives there
        ("В татарском селе после ремонта открыли библиотеку.", set()),
    ],
)
def test_district_adjective_before_village(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_council_broken_by_line_end() -> None:
    text = "Праздник села\nС поздравлением выступил глава Бабяковского сельского\nпоселения."
    assert codes(text) == {"RU-VOR"}
    # control: another noun on the next line is no council
    assert codes("Праздник села\nВыступил директор Бабяковского сельского\nклуба.") == set()


def test_new_moscow_settlement() -> None:
    # «поселение Московский» is Moscow's, not Saint Petersburg's Московский район
    assert "RU-SPE" not in codes("Администрация поселения Московский подвела итоги года.")


def test_greek_look_alikes() -> None:
    assert codes("Ворοнеж, 3 мая. Фестиваль собрал тысячи гостей.") == {"RU-VOR"}  # omicron
    assert codes("Ярмарка прошла в Κурске.") == {"RU-KRS"}  # capital kappa


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Цветы возложили к бюсту генерала Горбатова.", set()),
        ("В школе открыли музей маршала Горбатова.", set()),
        # control: the town itself
        ("Жители Горбатова вышли на субботник.", {"RU-NIZ"}),
        # control: a head of a place is no rank («мэра Омска»)
        ("Встреча мэра Омска с жителями прошла в пятницу.", {"RU-OMS"}),
        ("Молебен прошёл в храме Казанского мужского монастыря.", set()),
        # control: the plural is the place's churches
        ("Смоленские старинные храмы отреставрируют к юбилею.", {"RU-SMO"}),
        # control: the town's adjective with a secular noun
        ("Делегация казанских школьников приехала на молебен в храм.", {"RU-TA"}),
        ("Награды вручил председатель Кировского местного отделения ветеранов.", set()),
        ("Отчитался начальник Саранского территориального отдела.", set()),
        # control: the unit next to its town is the town's region
        (
            "Отчитался начальник Саранского территориального отдела, собрание прошло в Саранске.",
            {"RU-MO"},
        ),
        # control: a regional branch
        ("Награды вручил председатель Кировского регионального отделения.", {"RU-KIR"}),
        ("Выступила главный редактор чувашской газеты «Хыпар».", set()),
        ("Собрался союз марийских женщин.", set()),
        ("Ремонт ждёт здание Удмуртского историко-культурного центра.", set()),
        # control: a people's adjective that names the republic's government
        ("Делегация Удмуртского правительства приехала на форум.", {"RU-UD"}),
        ("В приморском Бердянске начался курортный сезон.", set()),
        # control: a town of Приморье keeps it
        ("В приморском Уссурийске начался фестиваль.", {"RU-PRI"}),
    ],
)
def test_words_no_region(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
