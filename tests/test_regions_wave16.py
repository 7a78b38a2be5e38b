"""Kinds of error of the sixteenth wave, on sentences written for these tests: a town after a
microdistrict named by its number, war cemeteries called «братское», a road named after a town
in quotes, a district's institution named «… районный» in quotes, adjectives of towns whose own
district or okrug bears them, more demonyms of towns, adjectives listed before their noun, and
parts of a river before its name."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions
from bot.text.regions.gazetteer import _town_adjectives


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a microdistrict named by its number: the name after it is its town's
        ("Во 2-м микрорайоне Черкесска открыли сквер.", {"RU-KC"}),
        ("В 10 микрорайоне Элисты прошёл субботник.", {"RU-KL"}),
        ("Дом построят в 3 мкр. Братска.", {"RU-IRK"}),
        # a microdistrict's own name stays a part of a town
        ("Сквер открыли в микрорайоне Шилово.", set()),
        ("Дом построят в микрорайоне Кирова.", set()),
        # «братское кладбище»: a war cemetery, not Братск
        ("Волонтёры убрали территорию Братского кладбища.", set()),
        ("Волонтёры Братского района убрали кладбище.", {"RU-IRK"}),
        # one name alone in quotes after a road word is the road's own name
        ("Начат ремонт автомобильной дороги «Кола» у посёлка.", set()),
        ("На трассе «Крым» ограничат движение.", set()),
        ("На трассе «Самара - Пугачёв» ограничат движение.", {"RU-SAM", "RU-SAR"}),
        # «… районный» opening a quoted name: the district's own institution
        ("Лекцию прочёл МКУК «Добринский районный музей».", {"RU-LIP"}),
        ("Выставку открыл МБУК «Лебяжьевский районный Дом культуры».", {"RU-KGN"}),
        ("Выступил ансамбль «Добринские узоры».", set()),
    ],
)
def test_wave16_reading(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's adjective that its own district or urban okrug bears
        ("Выступили кувандыкские артисты.", {"RU-ORE"}),
        ("Копейские школьники победили на олимпиаде.", {"RU-CHE"}),
        ("В качканарской школе прошёл концерт.", {"RU-SVE"}),
        # not one named like a person, nor an ordinary word or another thing's name
        ("Гагаринские чтения прошли в университете.", set()),
        ("Георгиевские ленточки раздали прохожим.", set()),
        ("Балтийский флот провёл учения.", set()),
        # goods named after a town stay goods
        ("Звучала кувандыкская гармонь.", set()),
    ],
)
def test_town_adjectives(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_town_adjectives_are_one_regions_attested_ones() -> None:
    adjectives = _town_adjectives()
    assert adjectives["кувандыкский"] == "RU-ORE"
    assert adjectives["снежинский"] == "RU-CHE"
    for other in ("братский", "гагаринский", "георгиевский", "балтийский", "кировский"):
        assert other not in adjectives
    assert "оренбургский" not in adjectives  # (the catalogue's own adjective already)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Зрители тепло встречали кувандычан.", {"RU-ORE"}),
        ("Канчане вышли на субботник.", {"RU-KYA"}),
        ("Ноябряне отметили День города.", {"RU-YAN"}),
        ("Мценяне возложили цветы.", {"RU-ORL"}),
        ("Поздравления принимали стрежевчане.", {"RU-TOM"}),
    ],
)
def test_more_demonyms(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # adjectives listed before the lower-case noun they go with: the things' owners
        ("Отремонтируют Астафьевскую, Сотниковскую и Филимоновскую средние школы.", set()),
        # before a rural municipality named after them, the villages count
        ("Субботники прошли в Сотниковском и Филимоновском сельских поселениях.", {"RU-STA"}),
        ("Субботники прошли в Сотниковском и Филимоновском поселениях.", {"RU-STA"}),
        # names of one region's villages listed alone still count
        ("На сход пришли жители Куралова, Никольского и Трёх Озёр.", {"RU-TA"}),
    ],
)
def test_adjectives_before_their_noun(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a river before its name: the river, not the town named like it
        ("Снегоходы шли по всему руслу Печоры.", set()),
        ("Рыбаки собрались в устье Онеги.", set()),
        ("Пойма Ишима затоплена.", set()),
        # the town itself still counts
        ("Праздник прошёл в Печорах.", {"RU-PSK"}),
    ],
)
def test_parts_of_rivers(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
