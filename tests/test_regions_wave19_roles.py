"""Roles and multi-region stories of the nineteenth wave, on sentences written for these tests:
the hosts of a delegation's visit the title tells of, the other party of an agreement or a
twinning, a match's venue the lead says the sides play at, a side a match's lead calls by its
home («клубу из Самары», «пензенский клуб»), the lead read to its sentence's end (a venue, a
federal story's regions), a relative clause that does not hold the gathering, a recalled
earlier story that does not move a festival, the country or its national team as a title's
subject, where the story's place lies («расположен в»), and «а также» going on a list of
towns («… а также Грозный»)."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a delegation's visit in the title: the hosts are the story too
        (
            "Тамбовская делегация прибыла с визитом в Курскую область\n"
            "Гостей встретили в Курской области руководители региона. Тамбовские аграрии "
            "осмотрят фермы и элеваторы. Мэр Тамбова подпишет договор о поставках зерна.",
            {"RU-TAM": "main", "RU-KRS": "main"},
        ),
        # a trip that is no visit in the title stays passing (as before)
        (
            "Сессию перенесли из-за поездки главы в Тюмень\n"
            "Депутаты соберутся через неделю, повестка не изменится.",
            {"RU-TYU": "mentioned"},
        ),
        # a visit to Moscow, the federal centre, does not make Moscow the story
        (
            "Тамбовская делегация прибыла с визитом в Москву\n"
            "Губернатор Тамбовской области проведёт встречи в министерствах. Тамбовские "
            "аграрии обсудят субсидии.",
            {"RU-TAM": "main", "RU-MOW": "mentioned"},
        ),
    ],
)
def test_hosts_of_a_visit(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the other party of an agreement the lead tells of: both regions are the story
        (
            "Губернатор Курской области подписал соглашение о сотрудничестве\n"
            "Губернатор Курской области и глава Удмуртии договорились о поставках техники. "
            "Курские предприятия получат новые заказы.",
            {"RU-KRS": "main", "RU-UD": "main"},
        ),
        # twinned towns: both towns' regions
        (
            "У Тобольска появился новый побратим\n"
            "Побратимом Тобольска стал город Ейск. Мэр Тобольска и глава Ейска подписали "
            "документ. В Тобольске рады гостям.",
            {"RU-TYU": "main", "RU-KDA": "main"},
        ),
        # where the parties met is not a party (nor a forum named by a city's adjective)
        (
            "Курские власти подписали соглашение на форуме\n"
            "Губернатор Курской области подписал соглашение с банком в Москве. Курские "
            "фермеры получат кредиты, курские школы новые автобусы.",
            {"RU-KRS": "main", "RU-MOW": "mentioned"},
        ),
        (
            "Курские власти подписали соглашение на форуме\n"
            "Губернатор Курской области подписал соглашение на Петербургском форуме. Курские "
            "фермеры получат кредиты, курские школы новые автобусы.",
            {"RU-KRS": "main", "RU-SPE": "mentioned"},
        ),
        # no agreement: a region named once in the lead stays passing (as before)
        (
            "Губернатор Курской области открыл новую школу\n"
            "Губернатор Курской области вспомнил, как учился в Удмуртии. Курские школьники "
            "получили подарки, курские учителя премии.",
            {"RU-KRS": "main", "RU-UD": "mentioned"},
        ),
    ],
)
def test_parties_of_an_agreement(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lead says where the titled team plays its match: the host's region too
        (
            "Пензенский «Дизель» проведёт последний выездной матч\n"
            "В субботу в Самаре пензенцы сразятся с местной командой. Пензенцы пока "
            "проиграли все матчи на выезде, пензенский клуб занимает десятое место.",
            {"RU-PNZ": "main", "RU-SAM": "main"},
        ),
        # a side of the title's match the lead calls by its home: «клубу из Самары»
        (
            "«Дизель» уступил «Крыльям» в гостях\n"
            "Пензенская команда проиграла клубу из Самары со счётом 1:3. Пензенская "
            "команда осталась на десятом месте, пензенские болельщики расстроены.",
            {"RU-PNZ": "main", "RU-SAM": "main"},
        ),
        # a side of the title's match called by its home's adjective and «клуб»
        (
            "Ульяновская «Волга» сыграет кубковый матч с «Дизелем»\n"
            "Соперником «Волги» станет пензенский клуб. Встреча пройдёт 21 сентября в "
            "Ульяновске, ульяновские болельщики ждут праздника. Гости из Пензы приедут "
            "автобусами.",
            {"RU-PNZ": "main", "RU-ULY": "main"},
        ),
        # a club of the standings, not the rival, stays passing (as before)
        (
            "«Дизель» уступил «Крыльям» в гостях\n"
            "Пензенская команда проиграла хозяевам со счётом 1:3. Пензенская команда "
            "осталась на десятом месте. Вперёд вышел клуб из Казани.",
            {"RU-PNZ": "main", "RU-TA": "mentioned"},
        ),
    ],
)
def test_sides_and_venue_of_a_match(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_the_leads_sentence_is_read_to_its_end() -> None:
    # the venue the sentence crossing the lead's end names
    head = (
        "Курские самбисты привезли 12 медалей из Казани\n"
        "Сборную Курской области представляли спортсмены курских спортивных школ «Факел» и "
        "«Сокол», а также воспитанники тренеров из Льгова, Рыльска и Обояни. Об этом "
        "сообщили в пресс-службе министерства спорта Курской области."
    )
    venue = " Турнир по самбо среди юношей и девушек проходил в Казани с 3 по 7 марта."
    text = head + venue
    assert text.index("Турнир") < 300 < text.index("Казани с")
    assert roles(text) == {"RU-KRS": "main", "RU-TA": "main"}
    # (a venue a sentence after the one crossing the lead's end stays passing)
    far = head + " Турнир собрал много гостей и болельщиков со всей страны." + venue
    assert far.index("Турнир собрал") < 300 < far.index("Турнир по самбо")
    assert roles(far)["RU-TA"] == "mentioned"


def test_a_federal_lead_is_read_to_its_sentences_end() -> None:
    text = (
        "Госдума приняла поправки в закон о местном самоуправлении\n"
        "Депутаты Государственной думы приняли поправки к закону о местном самоуправлении "
        "во втором чтении. Голосование прошло на пленарном заседании, которое транслировали "
        "в интернете на сайте думы. Прежняя редакция законопроекта, по мнению многих "
        "экспертов и депутатов, угрожала автономии Чукотки от Магаданской области. "
        "Авторы поправок обещают учесть мнение регионов."
    )
    assert text.index("Прежняя") < 300 < text.index("Чукотки")
    assert roles(text) == {"RU-CHU": "main", "RU-MAG": "main"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «праздник, который в Бурятии считается…»: a relative clause, not where it is held
        (
            "Бурятский праздник Сагаалган отметят в Коломенском округе\n"
            "Сегодня в Коломне впервые состоится праздник, который в Бурятии считается "
            "Новым годом. Гостей ждут песни, танцы и национальная кухня.",
            {"RU-MOS": "main", "RU-BU": "mentioned"},
        ),
        # without the comma the place is the gathering's (as before)
        (
            "В Коломне готовятся к празднику\n"
            "Артисты из Коломны выступят на празднике. Праздник состоится в Бурятии 5 марта.",
            {"RU-MOS": "main", "RU-BU": "main"},
        ),
    ],
)
def test_a_relative_clause_is_no_venue(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a recalled earlier story that the named festival is also held elsewhere
        (
            "Концерт фестиваля «Джаз на крышах» в Самаре перенесли\n"
            "Концерт фестиваля «Джаз на крышах» в Самаре перенесли из-за дождя. Выступление "
            "состоится в воскресенье. Ранее сообщалось, что фестиваль «Джаз на крышах» "
            "проходит также в Казани.",
            {"RU-SAM": "main", "RU-TA": "mentioned"},
        ),
        # not recalled: the named festival's venue further on is the story's (as before)
        (
            "Самарские музыканты готовятся к фестивалю «Джаз на крышах»\n"
            "Самарские музыканты репетируют перед фестивалем «Джаз на крышах». Они "
            "выступят с новой программой и покажут три новые песни, которые написали "
            "весной, на гастролях по области, и ещё две песни прошлых лет, любимые "
            "публикой. Фестиваль «Джаз на крышах» проходит в Казани.",
            {"RU-SAM": "main", "RU-TA": "main"},
        ),
    ],
)
def test_a_recalled_story_moves_no_festival(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the national team's match abroad: a region far from the lead is another match's
        (
            "Россия уступила Венгрии в товарищеском матче\n"
            "Сборная России по гандболу проиграла команде Венгрии в контрольной встрече. "
            "Матч, прошедший в Будапеште, завершился со счётом 27:25 в пользу хозяев. "
            "Это поражение стало вторым подряд для россиян на контрольных встречах, ранее "
            "сборная проиграла Норвегии и Швеции, а до того сыграла вничью с Данией. "
            "Следующий матч команда проведёт в Казани 5 июня.",
            {"RU-TA": "mentioned"},
        ),
        # a region the national team's lead names by itself is the story's
        (
            "Сборная России по хоккею сыграет с Белоруссией\n"
            "Матч пройдёт в Казани 5 июня, билеты уже поступили в продажу.",
            {"RU-TA": "main"},
        ),
        # a title that does not open with the country keeps the usual reading (as before)
        (
            "Хоккеисты уступили гостям в товарищеском матче\n"
            "Команда проиграла в контрольной встрече со счётом 2:3. Следующий матч пройдёт "
            "в Казани 5 июня.",
            {"RU-TA": "main"},
        ),
    ],
)
def test_the_country_as_the_titles_subject(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the story's place lies, in the lead: main beside the region it belongs to
        (
            "Далёкое село\n"
            "Село Ивановка особое: расположено оно в Удмуртии, но входит в состав Кировской "
            "области. Жители Кировской области ездят в Киров на работу, дети учатся в "
            "Кирове, а кировские врачи принимают их в Кирове.",
            {"RU-UD": "main", "RU-KIR": "main"},
        ),
        # a region named once in the lead without «расположен» stays passing (as before)
        (
            "Далёкое село\n"
            "Село Ивановка особое: граница с Удмуртией близко, но входит оно в состав "
            "Кировской области. Жители Кировской области ездят в Киров на работу, дети "
            "учатся в Кирове, а кировские врачи принимают их в Кирове.",
            {"RU-UD": "mentioned", "RU-KIR": "main"},
        ),
    ],
)
def test_where_the_place_lies(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_a_list_of_towns_goes_on_after_a_takzhe() -> None:
    text = "Рейсы за рубеж разрешили из Омска, Самары, Перми, а также Грозный."
    assert "RU-CE" in roles(text)
    # (the surname stays out)
    assert "RU-CE" not in roles("В Омске показали фильм об эпохе, а также Иван Грозный.")
