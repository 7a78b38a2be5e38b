"""Roles of the twenty-fifth wave, on sentences written for these tests: one resident's home
(«житель Махачкалы») and a station a train leaves from («со станции Кемь») are passing; a
gathering «провели в» a place is held there; a sentence opening with «Ранее» recalls earlier
news; a gathering moved «из» one town «в» another happens in the second; the speakers of a
federal meeting («с докладом выступит губернатор») come from their regions; and two regions
whose border a place lies on only say where it is."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a resident's home in the title; the lead sets the story elsewhere
        (
            "Житель Пензы украл велосипед\nВ Тамбовской области полиция задержала мужчину, "
            "который украл велосипед у магазина в Тамбовской области.",
            {"RU-PNZ": "mentioned", "RU-TAM": "main"},
        ),
        # control: his home is the only place, so it is where the story is
        (
            "Жительница Пензы выиграла в лотерею\nЖительница Пензы выиграла миллион рублей.",
            {"RU-PNZ": "main"},
        ),
        # control: residents in the plural are the story's public
        (
            "Для жителей Пензы откроют каток\nКаток у стадиона примет жителей Пензы с декабря, "
            "лёд завезут из Саранска.",
            {"RU-PNZ": "main", "RU-MO": "mentioned"},
        ),
    ],
)
def test_resident_home(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "На перегоне сошёл с рельсов товарный поезд\nВ Ленинградской области сошли с рельсов "
            "вагоны. На место направлены восстановительные поезда со станций Волхов и Бологое.",
            {"RU-LEN": "main", "RU-TVE": "mentioned"},
        ),
        # control: «на станции» is where something is, not a train's start
        (
            "На перегоне сошёл с рельсов товарный поезд\nВ Ленинградской области сошли с рельсов "
            "вагоны. Пассажиров высадили на станции Бологое, где им раздали воду.",
            {"RU-LEN": "main", "RU-TVE": "main"},
        ),
    ],
)
def test_from_station(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_from_station_cue() -> None:
    text = "Помощь пришла\nСо станции Бологое отправили поезд, он прибыл на место аварии."
    cues = {e.cue for m in tag_regions(text) for e in m.evidence}
    assert cues == {"origin"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Оренбург выступил в финале конкурса\nДелегация Оренбурга выступила в финале "
            "конкурса. Финал провели в Казани в большом зале.",
            {"RU-ORE": "main", "RU-TA": "main"},
        ),
        # control: a place after «провели» but not as where it was held
        (
            "Оренбург выступил в финале конкурса\nДелегация Оренбурга выступила в финале "
            "конкурса. Участники провели мастер-класс для гостей из Казани.",
            {"RU-ORE": "main", "RU-TA": "mentioned"},
        ),
    ],
)
def test_held_there(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ещё в одном городе отменили спектакль\nВ Курске отменили спектакль гастролирующего "
            "театра.\nРанее в Орле отменили выступление того же театра.",
            {"RU-KRS": "main", "RU-ORL": "mentioned"},
        ),
        # a federal story with a region only in the «Ранее» sentence: no main region
        (
            "Выплаты продлят\nПравительство России продлит выплаты семьям, заявил премьер-министр "
            "России.\nРанее сообщалось, что в Тверской области выплаты получают 10 тысяч семей.",
            {"RU-TVE": "mentioned"},
        ),
        # control: with no federal body, the recalled place is still the only place there is
        (
            "Выплаты продлят\nВыплаты семьям продлят ещё на год.\nРанее в Тверской области "
            "выплаты получили 10 тысяч семей.",
            {"RU-TVE": "main"},
        ),
        # control: «ранее» inside a sentence is not a recall (the rule does not fire)
        (
            "Ещё в одном городе отменили спектакль\nВ Курске отменили спектакль. Театр, как и "
            "ранее в Орле, не приехал.",
            {"RU-KRS": "main", "RU-ORL": "main"},
        ),
    ],
)
def test_recalled(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_recalled_cue() -> None:
    text = "Концерт отменили\nВ Курске отменили концерт.\nРанее в Орле отменили выступление."
    cues = {m.code: {e.cue for e in m.evidence} for m in tag_regions(text)}
    assert cues == {"RU-KRS": {""}, "RU-ORL": {"recalled"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Перенос турнира из Перми в Казань\nПеренос всероссийского турнира по самбо из "
            "Перми в Казань огорчил тренеров.",
            {"RU-TA": "main", "RU-PER": "mentioned"},
        ),
        # control: a route with no move keeps its start as the story
        (
            "Новый рейс\nРейс из Перми в Казань запустят в мае.",
            {"RU-PER": "main", "RU-TA": "mentioned"},
        ),
    ],
)
def test_moved(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Президент России проведёт совещание\nПрезидент России проведёт совещание о дорогах. "
            "С докладом выступят министр транспорта и губернатор Пермского края.",
            {"RU-PER": "mentioned"},
        ),
        # the federal official only in the lead, the title naming no body
        (
            "Заседание совета\nВладимир Путин провёл заседание совета. С основными докладами "
            "выступили министр финансов и губернатор Пермского края.",
            {"RU-PER": "mentioned"},
        ),
        # control: no federal official, the speaker's region is the only place there is
        (
            "Сессия парламента\nНа сессии с докладом выступил губернатор Пермского края.",
            {"RU-PER": "main"},
        ),
        # control: a region the federal lead names by itself, not as a speaker's home
        (
            "Президент России проведёт совещание\nПрезидент России проведёт совещание о дорогах "
            "Пермского края.",
            {"RU-PER": "main"},
        ),
    ],
)
def test_federal_speakers(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Брянск приехали волонтёры\nВолонтёры приехали в Новозыбков, расположенный на "
            "границе Брянской области и Гомельской области Белоруссии.",
            {"RU-BRY": "main"},
        ),
        (
            "Волонтёры приехали в Курскую область\nВолонтёры приехали в Рыльск, город на "
            "границе Курской области и Белгородской области.",
            {"RU-KRS": "main", "RU-BEL": "mentioned"},
        ),
        # a fire that breaks out on the border of two regions burns in both (review25: the
        # border is passing only for a place said to lie on it)
        (
            "Пожар в лесу\nЛесной пожар вспыхнул на границе Курской области и Белгородской "
            "области.",
            {"RU-KRS": "main", "RU-BEL": "main"},
        ),
        # control: «на границе с» a region keeps its own reading
        (
            "Пожар в лесу\nЛесной пожар вспыхнул в Курской области на границе с Белгородской "
            "областью.",
            {"RU-KRS": "main", "RU-BEL": "mentioned"},
        ),
    ],
)
def test_border(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Школьники привезли медали олимпиады\nРоссийские школьники завоевали три медали "
            "на олимпиаде по химии, проходившей во Франции. Золото у ученика из Томска, серебро "
            "у школьницы из Омска.",
            {"RU-TOM": "mentioned", "RU-OMS": "mentioned"},
        ),
        # control: the lead's gathering at home, a country named otherwise
        (
            "Школьники привезли медали олимпиады\nРоссийские школьники завоевали три медали "
            "на олимпиаде по химии, проходившей в Томске. Среди гостей были школьники из "
            "Франции.",
            {"RU-TOM": "main"},
        ),
        # control: a region in the title keeps the story its own
        (
            "Томские школьники привезли медали\nТомские школьники завоевали три медали на "
            "олимпиаде, проходившей во Франции.",
            {"RU-TOM": "main"},
        ),
    ],
)
def test_abroad_venue(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the cause of the cancellations is passing; the places they are in are the data points
        (
            "Регионы отменяют праздники\nНа фоне ситуации в Брянской области в ряде регионов "
            "отменили праздники. Так, гулянья отменили в Орловской и Тульской областях, а в "
            "Калуге решили их провести.",
            {"RU-BRY": "mentioned", "RU-ORL": "main", "RU-TUL": "main", "RU-KLU": "main"},
        ),
        # control: «на фоне» with no situation or event after it
        (
            "Праздник в Брянске\nНа фоне гор в Брянской области так не снимешь, зато на фоне "
            "реки получилось красиво.",
            {"RU-BRY": "main"},
        ),
    ],
)
def test_cause_of_cancellations(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title set in the whole country: the regions of the overview are its data points
        (
            "В России отменяют фестивали\nФестивали отменили как минимум в Орловской и Тульской "
            "областях. В Орле перенесли и концерт, в Туле закрыли парки, в Калуге — пляжи.\n"
            "Праздник в Калуге всё же прошёл, но без салюта, как и в Орле.",
            {"RU-ORL": "main", "RU-TUL": "main", "RU-KLU": "main"},
        ),
        # control: a title with its own region keeps the others as they score
        (
            "Орёл отменяет фестивали\nВ России отменяют фестивали. В Орле отменили фестиваль "
            "и концерт, в Орловской области закрыли парки.\nРанее в Калуге отменили салют.",
            {"RU-ORL": "main", "RU-KLU": "mentioned"},
        ),
    ],
)
def test_country_overview(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Как дроны меняют жизнь в регионах\nМассовые мероприятия отменяют в российских "
            "регионах. Под угрозой оказались регионы от Брянска и Орла до Тверской области и "
            "Чувашии.\nВ Брянске закрыли парки, в Орле отменили концерт, в Чувашии — парад.",
            {"RU-BRY": "main", "RU-ORL": "main", "RU-TVE": "main", "RU-CU": "main"},
        ),
        # control: a span of two ends alone is the whole country, not data points
        (
            "Как дроны меняют жизнь в регионах\nМассовые мероприятия отменяют в российских "
            "регионах от Калининграда до Владивостока.\nВ Брянске закрыли парки, в Орле "
            "отменили концерт.",
            {"RU-KGD": "mentioned", "RU-PRI": "mentioned", "RU-BRY": "main", "RU-ORL": "main"},
        ),
    ],
)
def test_ranking_spans(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Крым прибыли казанские артисты\nАртисты из Казани выступят в Симферополе.",
            {"RU-CR": "main", "RU-TA": "main"},
        ),
        # control: guests named after a noun of arrival stay passing
        (
            "Крым ждёт приезда казанских артистов\nВ Симферополе готовят сцену к концерту.",
            {"RU-CR": "main", "RU-TA": "mentioned"},
        ),
    ],
)
def test_arrival_in_title(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_district_of_named_region() -> None:
    # a district two regions share, followed by one of them: that one's, not the neighbour's
    text = (
        "В селе построят школу\nСело лежит на границе с Чеченской Республикой и входит в "
        "Сунженский район Ингушетии."
    )
    evidence = {m.code: [e.text for e in m.evidence] for m in tag_regions(text)}
    assert "Сунженский район" not in evidence["RU-CE"]
    assert "Сунженский район" in evidence["RU-IN"]


def test_district_of_region_control() -> None:
    # control: with no region right after it, the district stays with both regions it may be
    text = (
        "В селе построят школу\nСело лежит на границе с Чеченской Республикой, в Сунженском "
        "районе. Об этом сообщили власти Ингушетии."
    )
    codes = {
        m.code for m in tag_regions(text) if "Сунженском районе" in {e.text for e in m.evidence}
    }
    assert codes == {"RU-CE", "RU-IN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Праздник на родине поэта\nБолее тысячи жителей Елецкого района, Ельца, Москвы, "
            "Орловской и Курской областей стали гостями праздника. Он прошёл в Ельце.",
            {"RU-LIP": "main", "RU-MOW": "mentioned", "RU-ORL": "mentioned", "RU-KRS": "mentioned"},
        ),
        # control: the residents as the public a service is for, not guests who came
        (
            "Новый сервис\nДля жителей Липецкой области, Москвы и Орловской области запустили "
            "единую справочную.",
            {"RU-LIP": "main", "RU-MOW": "main", "RU-ORL": "main"},
        ),
        # control: two regions only are no crowd from afar
        (
            "Праздник на родине поэта\nБолее тысячи жителей Ельца и Москвы стали гостями "
            "праздника.",
            {"RU-LIP": "main", "RU-MOW": "main"},
        ),
    ],
)
def test_residents_came(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected
