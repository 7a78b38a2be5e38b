"""Places of the nineteenth wave, on sentences written for these tests: a list of subjects
whose official kind is capitalised («Народных Республиках»), a list's last town after «а
также», a surname before its initials, villages of another region's district in the
genitive, a town named by a common noun heading a line with a colon, a quoted route whose
ends are apart, a road directorate named after its road, a settlement named like another
region's district in a sentence that names its own district, a capital misspelt, and a
federal district named by an adjective («Крымского федерального округа»), no list."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list's adjectives share the official kind, written with capitals
        (
            "Новые правила вводят в Донецкой и Луганской Народных Республиках.",
            {"RU-DPR", "RU-LPR"},
        ),
        (
            "Гранты получат Ханты-Мансийский и Ямало-Ненецкий Автономные округа.",
            {"RU-KHM", "RU-YAN"},
        ),
        # control: a village, then its district in the genitive, is still no list
        ("Праздник прошёл в Богородицком Ухоловского района.", {"RU-RYA"}),
    ],
)
def test_capitalised_kind_in_lists(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town that reads like a name counts as the last of a list after «а также»
        ("Рейсы откроют Пермь, Томск, а также Грозный.", {"RU-PER", "RU-TOM", "RU-CE"}),
        ("Делегации прислали Омск и Тюмень, а также и Грозный.", {"RU-OMS", "RU-TYU", "RU-CE"}),
        # control: the tsar is no town
        ("В фильме сыграли Иван Грозный, а также его свита.", set()),
    ],
)
def test_town_after_a_takzhe(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname written like a town's form, then the person's initials
        ("Заявление Кашина А.В. комиссия рассмотрела вчера.", set()),
        ("В список вошёл Кашин Б. Г. из местного отделения.", set()),
        ("Протокол подписал Ковров Д.Е. в присутствии членов комиссии.", set()),
        # controls: the town, then initials before a surname; the town before a new sentence
        ("В Кашине В.В. Петров открыл выставку.", {"RU-TVE"}),
        ("Ярмарка прошла в Кашине. В Твери её повторят.", {"RU-TVE"}),
    ],
)
def test_surname_before_initials(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's namesake, in the genitive of another region's district
        ("Газ провели в Михайловку Кировского района Крыма.", {"RU-CR"}),
        ("Речь о Михайловке и Лесновке Советского района Крыма.", {"RU-CR"}),
        # controls: the district is no genitive of the town; the town's own district
        ("Ярмарки пройдут в Михайловке и Нижнегорском районе.", {"RU-VGG", "RU-CR"}),
        ("Праздник прошёл в Михайловке Михайловского района Волгоградской области.", {"RU-VGG"}),
    ],
)
def test_villages_of_another_district(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town named by a common noun opens the line, a colon after it
        ("Апатиты: в городе отремонтируют три двора\nРаботы завершат к осени.", {"RU-MUR"}),
        ("Шахты: новый сквер откроют в августе\nПодрядчик уже начал работы.", {"RU-ROS"}),
        # controls: a noun the dictionary never reads as a place, a person, the noun in
        # lower case elsewhere, and the town's name in mid-line
        ("Сокол: итоги сезона\nКоманда заняла третье место.", set()),
        ("Чехов: неизвестные письма\nВ архиве нашли письма.", set()),
        ("Находка: что нашли в лесу\nЭта находка удивила учёных.", set()),
        ("Главное: апатиты добывают открытым способом.", set()),
    ],
)
def test_place_heading(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted route with its ends apart names its towns, whatever word stands before
        ("Белорусы пустят ещё два «Минск – Новозыбков».", {"RU-BRY"}),
        ("В графике появится узбекский «Андижан – Уфа».", {"RU-BA"}),
        # controls: a quoted club, a quoted name of words
        ("Болельщики «Уфы» ждут матча.", set()),
        ("Ресторан «Уфа» открылся вчера.", set()),
        ("В «Тверском подворье» прошла ярмарка.", set()),
    ],
)
def test_quoted_route(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a road directorate named after its road: its name, not a place of the story
        ("ФКУ Упрдор Москва – Бобруйск закрыло мост в Ярцеве.", {"RU-SMO"}),
        ("Упрдор «Москва – Нижний Новгород» начал ремонт под Вязниками.", {"RU-VLA"}),
        # control: Moscow named apart from the directorate
        ("Упрдор отремонтирует мост. В Москве начнут позже.", {"RU-MOW"}),
    ],
)
def test_road_directorate(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a settlement named like another region's district, one of a named district's own
        ("Кусинское поселение обогнало остальные поселения Киришского района.", {"RU-LEN"}),
        # controls: the settlement alone; a district named as a party, not in the genitive
        ("Кусинское поселение отчиталось о доходах.", {"RU-CHE"}),
        ("Кусинское поселение и Киришский район подписали соглашение.", {"RU-CHE", "RU-LEN"}),
    ],
)
def test_settlement_of_a_named_district(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital's name with one slip of the pen: two letters swapped, one missed, one more
        ("Рейсы свяжут Пермь и Санкт-Петерубрг.", {"RU-PER", "RU-SPE"}),
        ("Делегация побывала в Новосибрске.", {"RU-NVS"}),
        ("Выставка открылась в Екатеринбурге и Челябинсске.", {"RU-SVE", "RU-CHE"}),
        # controls: a word the dictionary knows (a village), a short name, a first letter
        ("Праздник прошёл в Благовещенке.", set()),
        ("Отряд вышел из Тмоска.", set()),
        ("Гости приехали из Уфы и Ркасноярска.", {"RU-BA"}),
    ],
)
def test_misspelt_capital(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a federal district named by an adjective is no list of districts
        ("Договор подписали с городом Крымского федерального округа.", set()),
        # control: the districts of a list still are
        ("Гости из Крымского и Абинского районов приехали.", {"RU-KDA"}),
    ],
)
def test_federal_district_no_list(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
