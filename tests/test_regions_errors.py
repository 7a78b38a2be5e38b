"""The error kinds of real news, one by one, on sentences written for these tests.

(a) common words read as places; (b) hyphenated names and routes; (c) homonyms; (d)
adjectives that are not the region, and informal names that are; (e) Moscow as the state;
and the role of each region (main or mentioned).
"""

from __future__ import annotations

import pytest

from bot.text.regions import RegionMatch, tag_regions


def codes(text: str, source_region: str | None = None) -> set[str]:
    return {m.code for m in tag_regions(text, source_region=source_region)}


def roles(text: str) -> dict[str, str]:
    return {m.code: m.role for m in tag_regions(text)}


def match(text: str, code: str) -> RegionMatch:
    return next(m for m in tag_regions(text) if m.code == code)


# --- (a) common words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Зимы стали теплее, говорят синоптики.", set()),
        ("После зимы дороги требуют ремонта.", set()),
        ("Братские узы народов крепки.", set()),
        ("Братские республики провели референдумы.", set()),
        ("Туристы посетили острова и протоки.", set()),
        ("Остров закрыт для посещения до весны.", set()),
        ("Мирный договор подписали давно.", set()),
        ("В самое мирное время это было немыслимо.", set()),
        ("Шахты закрыли на ремонт.", set()),
        ("На Кубанской за счёт фонда уложили асфальт.", set()),
        ("В «Дне рыбака» приняли участие полсотни человек.", set()),
        ("Детей развлекали представлением Ростовых кукол.", set()),
        ("21 ноября, в Михайлов день, в клубе прошёл вечер.", set()),
        ("Зимняя Никольская ярмарка открылась в субботу.", set()),
        # The same words as names of towns.
        ("В городе Зима открыли новую школу.", {"RU-IRK"}),
        ("Жители Братска вышли на субботник.", {"RU-IRK"}),
        ("В Мирном Якутии прошёл праздник.", {"RU-SA"}),
        ("Глава города Остров встретился с жителями.", {"RU-PSK"}),
        ("В Шахтах отремонтировали школу.", {"RU-ROS"}),
    ],
)
def test_common_words_are_not_places(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


# --- (b) hyphenated names and routes -----------------------------------------------------------


def test_flight_route_names_three_places_in_passing() -> None:
    text = "Авиакомпания открыла рейс Новосибирск-Абакан-Кызыл."
    matches = tag_regions(text)
    assert [m.code for m in matches] == ["RU-NVS", "RU-KK", "RU-TY"]
    assert {m.role for m in matches} == {"mentioned"}
    assert all(e.cue == "route" for m in matches for e in m.evidence)
    assert [e.text for m in matches for e in m.evidence] == ["Новосибирск", "Абакан", "Кызыл"]


def test_road_within_one_region_is_local() -> None:
    m = match("Автодорога Кировск-Апатиты закрыта из-за метели.", "RU-MUR")
    assert m.role == "main"
    assert [e.text for e in m.evidence] == ["Кировск", "Апатиты"]
    assert codes("Автодорога Кировск-Апатиты закрыта из-за метели.") == {"RU-MUR"}


def test_quoted_road_and_spaced_dashes() -> None:
    text = 'В Саратовской области закрыта трасса Р-228 "Сызрань - Саратов - Волгоград".'
    assert codes(text) == {"RU-SAR", "RU-SAM", "RU-VGG"}
    assert roles(text) == {"RU-SAR": "main", "RU-SAM": "mentioned", "RU-VGG": "mentioned"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Дорога Ак-Довурак-Абаза размыта.", {"RU-TY", "RU-KK"}),
        ("В Улан-Удэ прошёл фестиваль.", {"RU-BU"}),
        ("В Горно-Алтайске прошёл фестиваль.", {"RU-AL"}),
        ("В Ростове-на-Дону прошёл фестиваль.", {"RU-ROS"}),
        ("На перекрёстке ул. Абаканская-Гагарина поставили светофор.", set()),
        # No Канск (Красноярский край): the OKTMO district of Республика Алтай.
        ("В Усть-Канском районе прошёл сход.", {"RU-AL"}),
    ],
)
def test_hyphenated_words(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


# --- (c) homonyms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("В Кировске открыли школу.", None, set()),
        ("В Кировске открыли школу.", "RU-MUR", {"RU-MUR"}),
        ("В Кировске открыли школу.", "RU-LEN", {"RU-LEN"}),
        ("Между Кировском и Апатитами пустят автобус.", None, {"RU-MUR"}),
        ("В Кировске Ленинградской области открыли школу.", None, {"RU-LEN"}),
        ("В Кирове открыли школу.", None, {"RU-KIR"}),
        ("В Ростове отреставрировали Ростовский кремль.", None, {"RU-YAR"}),
        ("На ростовском фестивале у стен Ростовского кремля пели.", None, {"RU-YAR"}),
        ("В Ростове прошёл матч.", None, {"RU-ROS"}),
        ("В Благовещенске открыли набережную.", None, {"RU-AMU"}),
        ("В Благовещенске Башкортостана открыли набережную.", None, {"RU-BA"}),
        ("В Петропавловске прошёл снегопад.", None, {"RU-KAM"}),
        ("В Петропавловске (Казахстан) прошёл снегопад.", None, set()),
        ("В Советске открыли мост.", None, set()),
        ("В Советске открыли мост, сообщили в Калининграде.", None, {"RU-KGD"}),
        ("В Советске открыли мост.", "RU-KIR", {"RU-KIR"}),
        ("В селе Иваново открыли клуб.", None, set()),
        ("В д. Иваново открыли клуб.", None, set()),
        ("В городе Иваново открыли клуб.", None, {"RU-IVA"}),
        ("В поселке Ульяновское потушили пожар.", None, set()),
    ],
)
def test_homonyms(text: str, source: str | None, expected: set[str]) -> None:
    assert codes(text, source) == expected


# --- (d) adjectives ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В Кировском районе Уфы прошёл субботник.", {"RU-BA"}),
        ("В Железнодорожном районе города отремонтировали двор.", set()),
        ("Дорожники будут работать в Дзержинском, Ленинском и Советском районах.", set()),
        ("Московское княжество возникло в XIII веке.", set()),
        ("Новгородская летопись рассказывает об этом.", set()),
        ("В Пензе выступил мордовский фольклорный ансамбль.", {"RU-PNZ"}),
        ("Татарский язык изучают в школах.", set()),
        ("Московская областная Дума приняла закон.", {"RU-MOS"}),
        ("В Татарской Каргале прошёл сабантуй.", set()),
        ("Южноуральские аграрии собрали рекордный урожай.", {"RU-CHE"}),
        ("Среднеуральские фермеры собрали урожай.", {"RU-SVE"}),
        ("Приангарские школы готовы к учебному году.", {"RU-IRK"}),
        ("Прикамье и Зауралье подписали соглашение.", {"RU-PER", "RU-KGN"}),
        ("В Ковровском районе отремонтировали дорогу.", {"RU-VLA"}),
        ("Глава Скопинского района встретился с жителями.", {"RU-RYA"}),
        ("В Курагинском районе прошёл праздник.", {"RU-KYA"}),
        ("В Мирнинском улусе нашли алмаз.", {"RU-SA"}),
        ("В Костромском районе прошёл сход.", {"RU-KOS"}),
        ("В Ставропольском районе Самарской области прошёл сход.", {"RU-SAM"}),
        (
            "Приехали гости из Самарской, Челябинской и Нижегородской областей.",
            {"RU-SAM", "RU-CHE", "RU-NIZ"},
        ),
        # Ардатовский район is in Мордовия and in Нижегородская область: the neighbour decides.
        ("В Ардатовском и Арзамасском районах отремонтируют дороги.", {"RU-NIZ"}),
    ],
)
def test_adjectives(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's name given to a village stays the village all through the text
        ("Жителям хутора Бородино привезли воду. В Бородино обещали скважину.", set()),
        ("В Бородино обещали скважину.", {"RU-KYA"}),
        # the preposition «с» is no «с.» (село)
        ("Фестиваль свяжут с Белым озером и с реками края.", set()),
        ("Ветераны вспомнили Крымскую войну и Кавказскую войну.", set()),
        # only the first part of «X-на-Y» declines
        ("Фестиваль прошёл в Славянске-на-Кубани.", {"RU-KDA"}),
        ("Мост построят у Калача-на-Дону.", {"RU-VGG"}),
    ],
)
def test_villages_prepositions_and_river_towns(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


def test_district_evidence_spans_the_noun() -> None:
    (m,) = tag_regions("В Ковровском районе отремонтировали дорогу.")
    assert [(e.text, e.kind) for e in m.evidence] == [("Ковровском районе", "district")]


# --- (e) Moscow as the state -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Москва заявила протест в связи с высылкой дипломатов.",
        "Переговоры Москвы и Вашингтона продолжатся в понедельник.",
        "Официальная Москва пока не ответила.",
        "Москва. 25 февраля. INTERFAX.RU - Киев отказался от встречи.",
        "Представители Киева готовы вести с Москвой переговоры.",
        "МОСКВА, 5 дек - РИА Новости. Министр проведёт совещание в Хабаровске.",
        "Москва, 3 марта. Президент пока не намерен менять правительство.",
        "Песков сказал, что Москва не считает нужным отвечать.",
        "Слухи о готовности Москвы к перемирию не подтвердились.",
        "Вашингтон пересмотрит отношения с Москвой.",
    ],
)
def test_moscow_as_the_state_is_mentioned(text: str) -> None:
    m = match(text, "RU-MOW")
    assert m.role == "mentioned"
    assert m.evidence[0].cue == "state"


def test_moscow_as_a_city_is_main() -> None:
    assert roles("В Москве открыли новую станцию метро.") == {"RU-MOW": "main"}


# --- roles -------------------------------------------------------------------------------------


def test_guests_from_other_regions_are_mentioned() -> None:
    text = (
        "В Абакане прошёл фестиваль.\n"
        "На праздник приехали гости из Красноярска, Тувы и Кемеровской области."
    )
    assert roles(text) == {
        "RU-KK": "main",
        "RU-KYA": "mentioned",
        "RU-TY": "mentioned",
        "RU-KEM": "mentioned",
    }


@pytest.mark.parametrize(
    "text",
    [
        "В соседнем с Хакасией Минусинске пройдёт праздник урожая.",
        "Рядом с Хакасией, в Минусинске, пройдёт праздник урожая.",
    ],
)
def test_a_neighbour_named_to_place_the_story_is_mentioned(text: str) -> None:
    assert roles(text) == {"RU-KK": "mentioned", "RU-KYA": "main"}


def test_comparison_is_mentioned() -> None:
    text = "В Абакане тарифы выросли меньше, чем в Москве. Абакан готовится к зиме."
    assert roles(text) == {"RU-KK": "main", "RU-MOW": "mentioned"}


def test_two_regions_in_the_title_are_both_main() -> None:
    text = (
        "Власти Хакасии и Тувы договорились о дороге.\n"
        "Губернатор Хакасии подписал соглашение в Абакане, дорога пройдёт через Абакан."
    )
    assert roles(text) == {"RU-KK": "main", "RU-TY": "main"}


def test_one_name_in_a_long_story_is_mentioned() -> None:
    text = (
        "В Минусинске прошёл фестиваль.\n"
        "Минусинск встречал гостей три дня. Жители Минусинска и Красноярского края "
        "пели и танцевали. Соседняя Хакасия прислала поздравление."
    )
    assert roles(text)["RU-KYA"] == "main"
    assert roles(text)["RU-KK"] == "mentioned"


def test_every_mention_keeps_its_evidence() -> None:
    text = "Гости из Красноярска приехали в Абакан. Из Красноярска же привезли сцену."
    m = match(text, "RU-KYA")
    assert [e.text for e in m.evidence] == ["Красноярска", "Красноярска"]
    assert all(e.cue == "origin" for e in m.evidence)


def test_role_defaults_to_main() -> None:
    assert RegionMatch("RU-KK", "Республика Хакасия", ()).role == "main"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a season seen off is no town
        ("На празднике гости пели, провожая Зиму.", set()),
        ("Жители Зимы собрались на площади.", {"RU-IRK"}),
        # a town followed by another region's name is that region's namesake
        ("В Павловске Алтайского края открыли школу.", {"RU-ALT"}),
        ("В Павловске Воронежской области открыли школу.", {"RU-VOR"}),
        ("Фестиваль в кубанском Славянске перенесли на год.", {"RU-KDA"}),
        ("Город Калач на Дону отметил день рождения.", {"RU-VGG"}),
        ("В Светлогорске Гомельской области прошёл праздник.", set()),
        ("Армавир — армянский город в долине Арарата.", set()),
        ("В Петропавловске прошёл митинг, аким города выступил.", set()),
        ("В Армавире открыли новую школу.", {"RU-KDA"}),
        ("Светлогорск и другие города Беларуси готовятся к празднику.", set()),
        ("Котовск отметил юбилей, городской голова поздравил жителей.", set()),
        ("В Котовске открыли школу.", {"RU-TAM"}),
        ("В Светлогорске Калининградской области прошёл праздник.", {"RU-KGD"}),
        ("В Калаче прошёл праздник.", {"RU-VOR"}),
        ("Новая Дума Шелехова начала работу.", {"RU-IRK"}),
        ("Рассказ Шелехова понравился всем.", set()),
        ("Трассу Хабаровск-Комсомольск отремонтируют.", {"RU-KHA"}),
        ("В хакасском Абакане открыли школу.", {"RU-KK"}),
        # a village named like a catalogued settlement counts only with support
        ("Глава встретился с жителями деревни Поварово.", set()),
        (
            "Глава встретился с жителями деревни Поварово Солнечногорского округа Подмосковья.",
            {"RU-MOS"},
        ),
    ],
)
def test_seasons_namesakes_and_villages(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first day of a range is no region number
        ("Слёт волонтёров пройдёт в регионе 24 – 25 августа.", set()),
        ("Машины с номерами 19 региона задержали на посту.", {"RU-KK"}),
        # a structure, a constituency or a district named like a place
        ("Велосипедисты собрались на Кировской дамбе.", set()),
        ("Депутат встретился с избирателями Кировского и Ленинского избирательных округов.", set()),
        ("Кандидат от Тверского одномандатного округа снял свою кандидатуру.", set()),
        ("Судья Дзержинского районного суда вынесла приговор.", set()),
        ("В Дзержинском открыли новую школу.", {"RU-MOS"}),
        # a district's own bodies name it
        ("Депутаты Ковровской районной Думы утвердили бюджет.", {"RU-VLA"}),
        # a closed town is told from its open namesake by its title
        ("Глава ЗАТО Железногорск открыл сквер. В Железногорске потеплело.", {"RU-KYA"}),
        ("Собрание представителей ЗАТО г. Заречный утвердило бюджет.", {"RU-PNZ"}),
        ("В Железногорске открыли сквер.", set()),
        # Moscow's administrative okrugs
        ("Префектура ЮВАО провела встречу с жителями.", {"RU-MOW"}),
    ],
)
def test_ranges_structures_districts_closed_towns(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Абакане прошёл фестиваль, он собрал гостей от Архангельска до Камчатки.",
            {"RU-KK": "main", "RU-ARK": "mentioned", "RU-KAM": "mentioned"},
        ),
        (
            "Глава Абакана отменил приём из-за командировки в Красноярск. В Абакане тепло.",
            {"RU-KK": "main", "RU-KYA": "mentioned"},
        ),
        (
            "В Курской области назначили дополнительный поезд из Курска в Москву.",
            {"RU-KRS": "main", "RU-MOW": "mentioned"},
        ),
        (
            "В Москве обратили внимание на заявление Вашингтона.",
            {"RU-MOW": "mentioned"},
        ),
        (
            "В Абакане открылся форум, в нём участвуют представители Тувы и Алтайского края.",
            {"RU-KK": "main", "RU-TY": "mentioned", "RU-ALT": "mentioned"},
        ),
        (
            "Новый глава Абакана приехал с Кубани. В Абакане его встретили депутаты.",
            {"RU-KK": "main", "RU-KDA": "mentioned"},
        ),
        (
            "Абакан подписал соглашение с Тувой. Тува и Абакан построят дорогу.",
            {"RU-KK": "main", "RU-TY": "main"},
        ),
    ],
)
def test_ranges_trips_and_destinations_are_mentioned(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ростовчане вышли на субботник в центральном парке.", {"RU-ROS"}),
        ("Мэр поздравил омичей с праздником.", {"RU-OMS"}),
        ("Более тысячи туляков пробежали марафон.", {"RU-TUL"}),
        # a capitalised demonym mid-sentence is a name: a car, a club
        ("На выставку привезли старый «Москвич» и «Волгу».", set()),
        # not every people's name is a town's: «пермяки» are a people too
        ("Коми-пермяки сохранили свои обряды.", set()),
    ],
)
def test_demonyms_name_their_town(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the official order: the district's noun, then its name
        ("Администрация муниципального района Алнашский сообщает о ремонте.", {"RU-UD"}),
        ("Жителей района Ковровский просят не жечь траву.", {"RU-VLA"}),
        # hashtags that spell a region's name as one word
        ("Ремонт школы завершён.\n#КурганскаяОбласть #МестоГдеХочетсяЖить", {"RU-KGN"}),
        ("Ремонт школы завершён. #республикахакасия", {"RU-KK"}),
        # a region's noun said once for a list
        ("Тамбовской области выделят 2 млрд рублей, Курской — 900 млн.", {"RU-TAM", "RU-KRS"}),
        ("Алтайскому краю дали 5 самолётов, Красноярскому — 3.", {"RU-ALT", "RU-KYA"}),
        ("В Тамбовской области вспоминали битву на Курской дуге.", {"RU-TAM"}),
        # a municipality's quoted official name, a district's hospital, a bracket after a village
        ("Глава МО «Алнашский район» провёл совещание.", {"RU-UD"}),
        ("В Богучарской центральной районной больнице открыли отделение.", {"RU-VOR"}),
        ("Ковровская ЦРБ получила томограф.", {"RU-VLA"}),
        ("Трубы заменят в сёлах Лесное (Бийский район) и Безрукавка.", {"RU-ALT"}),
        # a people's singer is the people's
        ("На концерте в Москве выступила бурятская вокалистка.", {"RU-MOW"}),
        # a people's adjectives in a list are still the people's
        ("Праздник башкирского и татарского народа отметили в парке.", set()),
    ],
)
def test_district_names_after_the_noun_hashtags_peoples(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «городской округ» picks the namesake that is an urban okrug (Сахалин, not Орёл)
        ("Мэр Корсаковского городского округа принял жителей.", {"RU-SAK"}),
        ("Глава Холмского городского округа открыл каток.", {"RU-SAK"}),
        ("Глава Корсаковского района открыл каток.", set()),  # still undecided
        ("В Корсаковском районе Орловской области убрали урожай.", {"RU-ORL"}),
        # «Ново-», «Старо-» open one compound name, no chain of places
        ("Старинный острог Ново-Мариинск стоял у реки.", set()),
        ("Автобус Новосибирск-Абакан отправился утром.", {"RU-NVS", "RU-KK"}),
        # names listed after a plural street word are streets too
        ("Сквер между улицами Ленина, Горбатова и Мира благоустроят.", set()),
        ("Перекрёсток улиц Советской и Горбатова закроют.", set()),
        ("В Горбатове на улице Мира открыли сквер.", {"RU-NIZ"}),
        # a people's village, holiday and tea are the people's, not the republic's
        ("Чувашская деревня под Самарой отметила юбилей.", {"RU-SAM"}),
        ("В старинном марийском селе открыли музей.", set()),
        ("Горожане отметили калмыцкий Новый год и выпили калмыцкого чая.", set()),
        ("В дагестанском селе построили школу.", {"RU-DA"}),
    ],
)
def test_okrugs_compounds_street_lists_peoples_villages(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where goods are shipped to is a passing mention
        (
            "Омская птицефабрика уже десять лет поставляет яйца в Якутию. В Омске растёт спрос.",
            {"RU-OMS": "main", "RU-SA": "mentioned"},
        ),
        # a district head's working trip to Moscow: Moscow as the federal centre
        (
            "Глава Ковровского района побывал с рабочим визитом в Москве.",
            {"RU-VLA": "main", "RU-MOW": "mentioned"},
        ),
        # a place whose past an anniversary marks, in a story that happens elsewhere
        (
            "В Абакане прошёл концерт к годовщине воссоединения Крыма и Севастополя с Россией.",
            {"RU-KK": "main", "RU-CR": "mentioned", "RU-SEV": "mentioned"},
        ),
        # … and where it happens when nothing else is named
        ("Митинг к 80-летию освобождения Смоленска собрал ветеранов.", {"RU-SMO": "main"}),
    ],
)
def test_shipments_trips_to_moscow_and_anniversaries(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_towns_listed_after_a_street_word_stay_towns() -> None:
    # the list opens with a town, not a person: the streets of these towns
    assert {"RU-KLU", "RU-TUL"} <= codes("Колонны прошли по улицам Брянска, Калуги и Тулы.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long list of oblasts with one noun at its end
        (
            "На слёт приехали школьники Брянской, Калужской, Курской, Орловской, Смоленской, "
            "Тверской, Тульской и других областей.",
            {"RU-BRY", "RU-KLU", "RU-KRS", "RU-ORL", "RU-SMO", "RU-TVE", "RU-TUL"},
        ),
        # a village named like a district, then its own district: no list
        ("В Михайловском Зарайского района отремонтировали клуб.", {"RU-MOS"}),
        # a rural settlement or a selsoviet is named after a village, not the town
        ("Глава Тамбовского сельского поселения провёл приём граждан.", set()),
        ("Депутаты Ковровского сельсовета собрались на сессию.", set()),
        ("В Ковровском районе открыли школу.", {"RU-VLA"}),
        # a town that reads like a surname counts in a list of towns
        ("Туристы проехали Вологду, Грозный и Псков за неделю.", {"RU-VLG", "RU-CE", "RU-PSK"}),
        ("Роль Ивана Грозного сыграл молодой актёр.", set()),
        # an airline named after a region says nothing of where the story is
        ("Рейс «Ульяновских авиалиний» задержали на три часа.", set()),
        # a hashtag opening with a region's one-word name
        ("Школьники высадили сад.\n#ХакасияМояРодина", {"RU-KK"}),
        ("Школьники высадили сад. #МыВместе", set()),
    ],
)
def test_lists_settlements_airlines_and_hashtags(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Belarus's executive committees mark its towns (and their districts)
        ("Сессия Дзержинского райисполкома прошла в пятницу.", set()),
        ("Председатель облисполкома посетил Дзержинск и Борисов.", set()),
        ("Бюджет Светлогорского района обсудили в райисполкоме.", set()),
        ("В Дзержинске открыли новый сквер.", {"RU-NIZ"}),
        # an ethnic adjective names no country: Армавир stays in Краснодарский край
        ("Армянская диаспора Армавира провела фестиваль.", {"RU-KDA"}),
        # a straight quote glued to a word closes a quotation begun on an earlier line
        (
            'Тренер сказал:\n"Мы проиграли.\nБудем работать", - добавил он. '
            'Матч с "Ростовом" и "Оренбургом" будет трудным.',
            set(),
        ),
    ],
)
def test_foreign_namesakes_and_quotes_across_lines(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rating under a title that names one region: the others are passing
        (
            "Тамбовская область вошла в число лидеров по росту пенсий\n\n"
            "Первое место занял Алтайский край, второе — Тульская область. "
            "Тамбовская область оказалась на пятом месте, сообщает Росстат.",
            {"RU-TAM": "main", "RU-ALT": "mentioned", "RU-TUL": "mentioned"},
        ),
        # regions listed with the title's region share its role
        (
            "В Хакасию направят спасателей\n\n"
            "Спасатели вылетят в Хакасию, Туву и на Сахалин, сообщили в МЧС.",
            {"RU-KK": "main", "RU-TY": "main", "RU-SAK": "main"},
        ),
    ],
)
def test_title_region_and_its_list(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a text that calls its town closed means the closed namesake
        ("Мэр Зеленогорска рассказал, как живёт закрытый город.", {"RU-KYA"}),
        ("Глава Железногорска встретился с жителями закрытого города.", {"RU-KYA"}),
        ("В Зеленогорске открыли каток, в ЗАТО ждут гостей.", {"RU-KYA"}),
    ],
)
def test_a_town_called_closed(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crossing over a river named like a town is over the river
        ("Паромную переправу через Онегу откроют в мае.", set()),
        ("Новый мост через Печору построят за два года.", set()),
        ("Автобус из Ухты проедет через Печору.", {"RU-KO"}),
        ("В Онеге открыли новую школу.", {"RU-ARK"}),
    ],
)
def test_crossings_over_rivers(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an autonomous okrug named without «автономный»
        ("Зарплаты выросли в Ямало-Ненецком округе.", {"RU-YAN"}),
        ("Вахтовиков из Ханты-Мансийского округа наградили.", {"RU-KHM"}),
        # a region's adjective before «район» is still a district (Ставропольский край has
        # no district of that name: the one of Самарская область)
        ("В Ставропольском районе открыли школу.", {"RU-SAM"}),
    ],
)
def test_autonomous_okrug_without_its_adjective(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a district named after a capital, alone: the capital's region when it has one
        ("Глава Тамбовского округа объехал сёла.", {"RU-TAM"}),
        ("В Тамбовском районе отремонтируют дорогу.", {"RU-TAM"}),
        ("В Курском районе построят школу.", {"RU-KRS"}),
        # next to its region the namesake is meant
        ("В Тамбовском районе Амурской области собрали урожай.", {"RU-AMU"}),
        # an autonomous okrug's adjective before «округ» stays the okrug
        ("Оленеводы Чукотского округа получили премии.", {"RU-CHU"}),
    ],
)
def test_district_named_after_a_capital(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Заместитель главы управы района Северный ответил жителям.", {"RU-MOW"}),
        ("Управа района Бирюлёво-Восточное организовала субботник.", {"RU-MOW"}),
        # an adjective before «района»: a board of another city
        ("Управа Советского района отчиталась о ремонте дворов.", set()),
        # Moscow's district names
        ("Во дворах Хамовников высадили липы.", {"RU-MOW"}),
        ("Жители Медведкова попросили новый светофор.", {"RU-MOW"}),
    ],
)
def test_moscow_districts(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


def test_latin_look_alikes_in_a_name() -> None:
    # «Cамара» typed with a Latin «C»; a Latin word stays Latin
    assert {m.code for m in tag_regions("Концерт в Cамаре перенесли на осень.")} == {"RU-SAM"}
    assert {m.code for m in tag_regions("Приложение COVID-трекер не работает.")} == set()


def test_representatives_of_bodies_come_from_their_places() -> None:
    text = (
        "В Кирове прошёл турнир по шахматам. За медали боролись представители детских клубов "
        "Удмуртии, Марий Эл и Коми."
    )
    roles = {m.code: m.role for m in tag_regions(text)}
    assert roles == {
        "RU-KIR": "main",
        "RU-UD": "mentioned",
        "RU-ME": "mentioned",
        "RU-KO": "mentioned",
    }
    # money from a budget comes from no place
    roles = {
        m.code: m.role
        for m in tag_regions("Деньги на ремонт выделят из бюджета Пензенской области.")
    }
    assert roles == {"RU-PNZ": "main"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a museum's short name, its noun left out, is no place of the story
        ("Тульскому краеведческому исполнилось сто лет.", set()),
        # where something happens in it, it is
        ("В Тульском краеведческом музее открыли выставку.", {"RU-TUL"}),
    ],
)
def test_museum_short_name(text: str, expected: set[str]) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # goods and breeds named after a region are a kind of thing, not the region
        ("На ярмарке продавали оренбургские пуховые платки и вологодское кружево.", set()),
        ("Фермер из Кубани завёл стадо оренбургских коз.", {"RU-KDA"}),
        ("В Оренбургской области открыли музей платка.", {"RU-ORE"}),
        # a town's adjective in a list of oblasts names no oblast
        ("Приехали мастера Калужской, Тобольской и Рязанской областей.", {"RU-KLU", "RU-RYA"}),
        ("В Тобольском районе собрали урожай.", {"RU-TYU"}),
        # a list of districts with names many cities use is a city's districts
        ("Воду отключат жителям Кировского, Ленинского и Буденновского районов.", set()),
        ("Газ отключат в Октябрьском, Советском и Петровском районах.", set()),
        ("В Буденновском районе отремонтировали дорогу.", {"RU-STA"}),
        # «по Москве» after a time of day is Moscow time
        ("Матч начнётся в 19:30 по Москве.", set()),
        ("Трансляция стартует в 10 часов по Москве.", set()),
        ("Экскурсия по Москве продлится три часа.", {"RU-MOW"}),
    ],
)
def test_goods_city_districts_and_moscow_time(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # routes from one region: where they start is the story, where they go passing
        (
            "Новые рейсы\nИз Кирова запустят авиарейсы в Сочи, Казань и Калининград.",
            {"RU-KIR": "main", "RU-KDA": "mentioned", "RU-TA": "mentioned", "RU-KGD": "mentioned"},
        ),
        # routes from several regions are a network: every end is the story
        (
            "Новые рейсы\nАвиакомпания откроет рейсы из Томска в Омск и из Перми в Тюмень.",
            {"RU-TOM": "main", "RU-OMS": "main", "RU-PER": "main", "RU-TYU": "main"},
        ),
        # «между» joins the two ends of a link, not a list of equals
        (
            "Саратов получит новый поезд\nПоезд из Саратова пойдёт в Пензу с марта. "
            "Прямого сообщения между Саратовом и Пензой раньше не было.",
            {"RU-SAR": "main", "RU-PNZ": "mentioned"},
        ),
        # a trip of the region's head to its districts is where the story happens
        (
            "Губернатор объехал районы\nГлава края совершил поездку в Курский и "
            "Кочубеевский районы.",
            {"RU-STA": "main"},
        ),
    ],
)
def test_route_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


_FILLER = (
    "Рейтинг составляют каждый год по данным о выбросах предприятий, транспорта и котельных, "
    "а также по числу жалоб жителей, которые поступают в надзорные ведомства и общественные "
    "приёмные в течение всего года. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ranking of regions, none in the title: every region named is a data point
        (
            "Названы регионы с самой дорогой арендой\nПервое место занял Санкт-Петербург. "
            + _FILLER
            + "Далее идут Калужская область и Приморский край. Меньше всего платят в "
            "Курганской области.",
            {"RU-SPE": "main", "RU-KLU": "main", "RU-PRI": "main", "RU-KGN": "main"},
        ),
        # the sentence about the ranking names one region: the story is that region's place
        (
            "Попали в десятку\nВ десятку лучших регионов по чистоте воздуха вошла Тамбовская "
            "область. " + _FILLER + "Лидирует Чувашия, за ней идут Тыва и Калмыкия.",
            {"RU-TAM": "main", "RU-CU": "mentioned", "RU-TY": "mentioned", "RU-KL": "mentioned"},
        ),
        # «такие регионы, как …» lists examples, it compares nothing
        ("Снег выпал в таких регионах, как Карелия и Коми.", {"RU-KR": "main", "RU-KO": "main"}),
    ],
)
def test_ranking_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_autonomous_oblast_written_ao() -> None:
    assert codes("Паводок затронул Еврейскую АО.") == {"RU-YEV"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's head leaving for Moscow: the federal centre, in passing
        (
            "Глава Чувашии уехал в Москву\nРуководитель Чувашии обсудит с министрами ремонт "
            "школ республики.",
            {"RU-CU": "main", "RU-MOW": "mentioned"},
        ),
        # a minister flying to a region goes where the story is
        (
            "Министр вылетел в Тамбовскую область\nМинистр осмотрит дома в Тамбовской области.",
            {"RU-TAM": "main"},
        ),
        ("Туристы приехали в Москву на выходные.", {"RU-MOW": "main"}),
    ],
)
def test_leaving_for_moscow(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's adjective in lower case before its districts in the plural
        ("Мэры вологодских районов поделились планами на лето.", {"RU-VLG"}),
        ("Ремонт школ в тверских округах продолжится осенью.", {"RU-TVE"}),
        # a village's own body, named like a region or a town
        (
            "Депутаты Тамбовской сельской Думы Благовещенского района Амурской области "
            "собрались на сессию.",
            {"RU-AMU"},
        ),
        ("Тамбовская сельская молодёжь собралась на слёт.", {"RU-TAM"}),
        # an adjective that opens a quoted name is part of the name
        ("Концерт прошёл на «вологодской сцене» в парке Орла.", {"RU-ORL"}),
        ("Ярмарка откроется в «Тульском дворике» у вокзала Брянска.", {"RU-BRY"}),
        # a body's short form of its region
        ("Заседание провёл министр по делам национальностей РД Ахмед Алиев.", {"RU-DA"}),
        ("Об этом сообщил пресс-центр Правительства РМ.", {"RU-MO"}),
        ("РД 34.20.501 описывает правила эксплуатации.", set()),
        # a museum named by a district's adjective alone is the district's
        ("В Путятинском краеведческом музее открылась выставка кукол.", {"RU-RYA"}),
    ],
)
def test_region_districts_village_bodies_quotes_offices(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people who travel stand between the trip and where it goes
        (
            "Сессию перенесли из-за поездки главы Ирины Смирновой и Олега Ухова в Тюмень.",
            {"RU-TYU": "mentioned"},
        ),
        # guests from two regions, named once each: the host goes unnamed
        (
            "На конференцию в районной библиотеке приехали историки из Казани и Самары.",
            {"RU-TA": "mentioned", "RU-SAM": "mentioned"},
        ),
        # guests from one region named most: it is where it happens
        (
            "На праздник в клубе приехали гости из Казани, Елабуги и Самары.",
            {"RU-TA": "main", "RU-SAM": "mentioned"},
        ),
    ],
)
def test_trip_and_origin_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town whose name opens with a street word is no street list
        ("В Набережных Челнах и Самаре прошли концерты.", {"RU-TA", "RU-SAM"}),
        ("На фестиваль приехали гости из Казани, Набережных Челнов и Самары.", {"RU-TA", "RU-SAM"}),
        # a list of streets still is
        ("Ремонт прошёл на набережных Ленина и Кирова.", set()),
    ],
)
def test_a_town_named_like_a_street_word_opens_no_street_list(
    text: str, expected: set[str]
) -> None:
    assert {m.code for m in tag_regions(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common-noun town written with a capital as the season's name, the noun in lower
        # case nearby: no town (with a place word before it, still the town)
        ("Весной горожане проводили зиму. На площади сожгли чучело Зимы.", set()),
        ("Зимой в городе тихо. Жители Зимы собрались на площади.", {"RU-IRK"}),
        ("Зимой в городе тихо. Праздник в Зиме собрал сотни горожан.", {"RU-IRK"}),
        # official bodies named by a compound word
        ("Депутаты Мособлдумы одобрили закон о парках.", {"RU-MOS"}),
        ("Депутаты Мосгордумы обсудили бюджет.", {"RU-MOW"}),
        # a choir, an orchestra named after a region: the organisation, not the place
        ("Вечером выступит Московский хор духовной музыки.", set()),
        ("Концерт в Туле дал Омский оркестр.", {"RU-TUL"}),
        # peoples whose villages lie in their own republic
        ("В якутском посёлке Батагай открыли школу.", {"RU-SA"}),
        ("В татарском селе под Пензой открыли школу.", {"RU-PNZ"}),
    ],
)
def test_common_noun_towns_bodies_and_village_adjectives(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tragedy mourned elsewhere: its place is passing
        (
            "В Брянске открыли мемориал жертвам теракта в Москве. Брянцы несут цветы.",
            {"RU-BRY": "main", "RU-MOW": "mentioned"},
        ),
        (
            "В Омске почтили память погибших при пожаре в Кемерове.",
            {"RU-OMS": "main", "RU-KEM": "mentioned"},
        ),
        ("Число жертв теракта в Москве выросло.", {"RU-MOW": "main"}),
        # a correspondent's dateline names where the report was written
        (
            "(Иркутск, 3 июня, агентство). В бурятском Улан-Удэ открыли мост.",
            {"RU-IRK": "mentioned", "RU-BU": "main"},
        ),
        # a send-off: where the lorry leaves from is news too
        (
            "В Белгородскую область из Татарстана отправились грузовики с помощью\n"
            "Грузы для жителей Белгородской области собрали жители Татарстана.",
            {"RU-BEL": "main", "RU-TA": "main"},
        ),
        (
            "В Тулу из Москвы приехал министр. В Туле он открыл завод.",
            {"RU-TUL": "main", "RU-MOW": "mentioned"},
        ),
        # teams from the towns and districts of regions: an origin
        (
            "Турнир прошёл в Томске. Играли команды из городов и районов Томской области, "
            "Алтайского края и Кузбасса.",
            {"RU-TOM": "main", "RU-ALT": "mentioned", "RU-KEM": "mentioned"},
        ),
    ],
)
def test_mourning_dateline_sendoff_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a story set in a region, a club's lower-case town adjective is the visitors' origin
        (
            "В Омске «Авангард» принимал новосибирскую «Сибирь» и победил.",
            {"RU-OMS": "main", "RU-NVS": "mentioned"},
        ),
        # alone, or written as part of the name, it is no region
        ("Защитник новосибирской «Сибири» продлил контракт.", {}),
        ("В Перми выступил Омский «Хор».", {"RU-PER": "main"}),
    ],
)
def test_visiting_club_adjective(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's centenary celebrated elsewhere, with ensembles from there: passing
        (
            "В Самаре прошёл вечер, посвящённый 100-летию образования Республики Коми. "
            "На сцене выступили коллективы Самарской области и Республики Коми.",
            {"RU-SAM": "main", "RU-KO": "mentioned"},
        ),
        # celebrated at home, it is the story
        ("Республика Коми отметила 100-летие образования республики.", {"RU-KO": "main"}),
        # «образования» as education, not an anniversary of the region
        (
            "В Самаре наградили педагогов к 30-летию системы образования Самарской области.",
            {"RU-SAM": "main"},
        ),
    ],
)
def test_centenary_and_ensembles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's adjective before a village noun or «власти»: the town's district
        ("В старинном суздальском селе открыли музей.", {"RU-VLA"}),
        ("Кстовские власти обещают отремонтировать мост.", {"RU-NIZ"}),
        # ordinary adjectives before a village noun: no place
        ("В лесном селе открыли музей, а в горном посёлке школу.", set()),
        ("Братские власти соседних стран договорились.", set()),
    ],
)
def test_town_adjective_before_village(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # villages in the plural, then the town in the genitive: the town's own villages
        ("В пригородных сёлах Иркутска открыли новые фельдшерские пункты.", {"RU-IRK"}),
        ("Жители окрестных деревень Вологды жалуются на дороги.", {"RU-VLG"}),
        # a village named like the town stays a village
        ("В посёлке Кирова отремонтировали клуб.", set()),
        ("В сёлах Кострома и Ивановка прошли сходы.", set()),
        # a first name that is a town, then a name: a person
        ("На встречу приехал депутат Владимир Кашин.", set()),
        ("Губернатор и сенатор Владимир Кашин осмотрели школу.", set()),
        # a town after a preposition is still the town
        ("Автобус из Владимира в Кашин отменили.", {"RU-VLA", "RU-TVE"}),
        # a people's adjective before «национальный»: the community, not the region
        ("Концерт подготовила чувашская национально-культурная автономия.", set()),
        ("Пришли гости из марийского, удмуртского и других национальных центров.", set()),
        ("Об удмуртском субэтносе написана книга.", set()),
        ("Историк рассказал о судьбе крымских татар.", set()),
        # the region's adjective elsewhere still counts
        ("В Чувашской Республике открыли школу.", {"RU-CU"}),
    ],
)
def test_villages_of_a_town_named_persons_and_peoples(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «РТ» means Тыва in a text about Тыва
        ("Спикер парламента РТ выступил в Кызыле, столице Тувы.", {"RU-TY": "main"}),
        ("Минздрав РТ сообщил о новых поликлиниках.", {"RU-TA": "main"}),
        ("Минздрав РТ и Казань договорились о поликлиниках в Туве.", None),
        # a band's home town is its origin, not where it plays
        (
            "В субботу в клубе выступят музыканты самарской группы «Вектор».",
            {"RU-SAM": "mentioned"},
        ),
        (
            "Вечером сыграет оркестр, затем выступит новосибирский ансамбль «Ручеёк».",
            {"RU-NVS": "mentioned"},
        ),
        # a team's home is where it plays as often as not: a lone team adjective stays main
        ("Вчера самарской команде «Крылья» вручили кубок.", {"RU-SAM": "main"}),
    ],
)
def test_namesake_abbreviation_and_band_origin(text: str, expected: dict[str, str] | None) -> None:
    got = roles(text)
    if expected is None:  # Татарстан named too: «РТ» stays Татарстан's
        assert got.get("RU-TA") is not None
        return
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # towns in brackets after several names: where the teams come from
        (
            "Кубок разыграли в новом спорткомплексе. Места заняли: «Сокол» (Липецк), «Кристалл» "
            "(Саратов), «Луч» (Липецк), «Вымпел» (Пенза).",
            {"RU-LIP": "main", "RU-SAR": "mentioned", "RU-PNZ": "mentioned"},
        ),
        # the host named outside the brackets is where it happens
        (
            "Турнир прошёл в Калуге. Итоги: «Сокол» (Липецк), «Кристалл» (Саратов).",
            {"RU-KLU": "main", "RU-LIP": "mentioned", "RU-SAR": "mentioned"},
        ),
        # one bracketed place only: no list of participants
        ("Фестиваль «Волжские зори» (Саратов) соберёт хоры.", {"RU-SAR": "main"}),
        # Петровск is a town of Саратовская область; Петровск-Забайкальский is another
        ("На площади Петровска открылась ярмарка мёда.", {"RU-SAR": "main"}),
        ("Петровск-Забайкальский встретил гостей фестиваля.", {"RU-ZAB": "main"}),
    ],
)
def test_bracketed_origins_and_petrovsk(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


# --- wave 8: false regions and roles --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Kazakh namesake in a text about Kazakhstan: no Russian town
        (
            "Аким Курчатова рассказал о ремонте школ. Город входит в Абайскую область.",
            set(),
        ),
        ("Приозерск на Балхаше — самый необычный казахстанский город.", set()),
        ("В Аксае (ЗКО) открыли новую поликлинику для жителей района.", set()),
        ("Блогеры посетили Бурлинский район ЗКО и газовое месторождение.", set()),
        # without Kazakhstan the towns are Russian
        ("В Курчатове построят новый энергоблок АЭС.", {"RU-KRS"}),
        ("Туристы из Приозерска открыли сезон рыбалки.", {"RU-LEN"}),
    ],
)
def test_kazakh_namesakes(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place put in an American state is its namesake there, every time it is named
        (
            "Шторм обрушился на Санкт-Петербург во Флориде. В городе Санкт-Петербург нет света.",
            set(),
        ),
        ("Двое погибли в Санкт-Петербурге на восточном побережье Флориды.", set()),
        ("Небольшой город Москва (штат Айдахо) славится университетом.", set()),
        ("Они живут в городке Одесса, штат Техас, уже десять лет.", set()),
        # a foreign state merely named next to Moscow is no namesake
        ("Москва, США и Китай обсудили торговые пошлины.", {"RU-MOW"}),
    ],
)
def test_namesakes_in_american_states(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «из 41 региона»: a count in the singular, not the number of Камчатка
        ("На съезд прибыли делегаты из 41 региона России.", set()),
        ("В олимпиаде участвуют школьники более чем из 21 региона.", set()),
        ("Дети 31 региона страны получат подарки.", set()),
        # a code stays a code
        ("Машину с номерами 41 региона нашли у дороги.", {"RU-KAM"}),
        ("Игрок 41-го региона забил гол.", {"RU-KAM"}),
    ],
)
def test_region_number_counts(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village in brackets with another region's district
        (
            "Пожары случились в сёлах Ивановка (Бессоновский район), Плес (Мокшанский район).",
            {"RU-PNZ"},
        ),
        # names in a list after «сёл» or «населённых пунктах» are villages, everywhere
        (
            "В Елабуге купили шкафы. Технику получили клубы сёл Дружба, Ильинка и Елабуга.",
            set(),
        ),
        (
            "Воды нет в населённых пунктах Новый Путь, Красная Поляна и Зелёный Гай.",
            set(),
        ),
        # a town in another case says whose the villages are
        ("Воды нет в населённых пунктах Казани и Набережных Челнов.", {"RU-TA"}),
        ("Праздник прошёл в сёлах Ивановка, Петровка и городе Казани.", {"RU-TA"}),
        ("Туристы приехали на курорт Красная Поляна.", {"RU-KDA"}),
    ],
)
def test_villages_in_lists(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «Вяземское городское поселение» (neuter) is Вязьма's, not the town Вяземский
        ("Новые автобусы купила администрация Вяземского городского поселения.", set()),
        ("В Вязьму пришли автобусы Вяземского городского поселения.", {"RU-SMO"}),
        ("Праздник прошёл в Вяземском в минувшую субботу.", {"RU-KHA"}),
        # a district's body named by a common district adjective
        ("Об этом рассказал глава Кировской райгосадминистрации на встрече.", set()),
        ("Октябрьский райсовет утвердил бюджет на год.", set()),
        ("Глава Кировской области провёл совещание.", {"RU-KIR"}),
        # Екатеринбург's airport, not the science town near Новосибирск
        ("Рейс задержали в аэропорту Кольцово из-за тумана.", {"RU-SVE"}),
        ("В наукограде Кольцово открыли новую школу.", {"RU-NVS"}),
    ],
)
def test_municipal_and_airport_names(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # origins listed after «из регионов …:»
        (
            "Хоры из Ставрополья выступили на фестивале в Нальчике. Приехали лауреаты из "
            "регионов СКФО: Чечни, Дагестана и Ингушетии.",
            {
                "RU-STA": "mentioned",
                "RU-KB": "main",
                "RU-CE": "mentioned",
                "RU-DA": "mentioned",
                "RU-IN": "mentioned",
            },
        ),
        # a later list that takes in the title's region too: the others are a detail
        (
            "Хоровые коллективы выступят в Туле\nОтборочный тур фестиваля завершён, определены "
            "шестьдесят финалистов из многих областей страны, которые теперь готовят новые "
            "программы к выступлениям перед жюри в разных городах России в течение весны и "
            "лета этого года, о чём сообщили организаторы конкурса.\nЭтапы пройдут в городах "
            "Казани, Брянске, Ижевске и Туле. В Туле смотр откроется 20 апреля.",
            {"RU-TUL": "main", "RU-TA": "mentioned", "RU-BRY": "mentioned", "RU-UD": "mentioned"},
        ),
        # referees «(все – Москва)»: where they come from
        (
            "Матч сыграли в Самаре. «Звезда» (Самара) – «Факел» (Воронеж) – 2:1. Судьи: Иванов, "
            "Петров (все – Москва).",
            {"RU-SAM": "main", "RU-VOR": "mentioned", "RU-MOW": "mentioned"},
        ),
    ],
)
def test_lists_of_origins_and_stages(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_lone_regional_dateline_is_where_it_happens() -> None:
    text = "Итоги конкурса\nНОВОСИБИРСК, 12 мая. /ТАСС/. Организаторы конкурса назвали победителей."
    assert roles(text) == {"RU-NVS": "main"}
    # another region named: the dateline stays passing
    text = "Итоги конкурса\nНОВОСИБИРСК, 12 мая. /ТАСС/. Победителями стали школьники Томска."
    assert roles(text)["RU-NVS"] == "mentioned"


# --- missed places: district centres, a district's land, municipal districts ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the centre of a district, named like it and not a catalogued town
        ("Вчера в Мари-Туреке открыли новый спортивный зал.", {"RU-ME"}),
        ("Рыбаки вернулись из Охотска с богатым уловом.", {"RU-KHA"}),
        ("Турнир по волейболу прошёл в с. Тасеево.", {"RU-KYA"}),
        ("Школьники из села Тасеево заняли первое место.", {"RU-KYA"}),
        # several regions have such a district: other evidence decides
        ("Новую котельную запустили в Каменске.", set()),
        # no word before it that makes it a place
        ("Тасеево встречает весну.", set()),
        # within a sentence, a name only a settlement can have
        ("На старт вышли лыжники Тасеево и Абана.", {"RU-KYA"}),
        ("Команда Усть-Кулома выиграла эстафету.", {"RU-KO"}),
        ("Волонтёры сделали Шебалино чище.", {"RU-AL"}),
        # a surname named like the district is no centre
        ("Музыку к фильму написал композитор Шебалин.", set()),
        ("Мэр поблагодарил Тасеева за помощь.", set()),
        # names a reader takes for something else: a river, a foreign town, a city's district
        ("Летом дети купались в Оке.", set()),
        ("Переговоры прошли в Тбилиси.", set()),
        ("В Солнцеве открыли новую школу.", set()),
        # an ordinary word of the dictionary is no centre («Каменский» districts)
        ("Надпись высекли в камне.", set()),
    ],
)
def test_district_centres(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Осенью на Красносулинской земле высадили сотню яблонь.", {"RU-ROS"}),
        ("Мастера рассказали о ремёслах Красносулинской земли.", {"RU-ROS"}),
        # a land named after a capital or a region is the region's
        ("На Тамбовской земле убрали урожай.", {"RU-TAM"}),
        # a name several cities give their districts: no district meant
        ("На Красногвардейской земле открыли школу.", set()),
        ("Полярники зимовали на Северной Земле.", set()),
    ],
)
def test_district_land(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a municipal district is never a city's: the one region that has it, whatever else
        ("В Елабуге и в Хабаровском муниципальном районе обновили клубы.", {"RU-TA", "RU-KHA"}),
        # without «муниципальный», a district named after a capital next to another region
        # may be a city's district and is left out
        ("В Елабуге и в Хабаровском районе обновили клубы.", {"RU-TA"}),
        ("Дороги Костромского муниципального района отремонтируют.", {"RU-KOS"}),
    ],
)
def test_municipal_district_named_after_capital(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


# --- false regions of the ninth wave -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised adjective that agrees with a town makes the name of another place
        ("Команда «Заря» (Новая Усмань) выиграла кубок.", set()),
        # (Юганская Обь is a village of ХМАО: the village catalogue names it)
        ("Глава района побывала в Юганской Оби и в соседних посёлках.", {"RU-KHM"}),
        ("Нижняя Усмань встречала гостей хлебом и солью.", set()),
        # the town itself: alone, as «Большой …» of a large town, a capital's old town
        ("Ярмарка прошла в Усмани.", {"RU-LIP"}),
        ("Заседание совета прошло в Оби.", {"RU-NVS"}),
        ("В Большом Сочи открыли три новые школы.", {"RU-KDA"}),
        ("Экскурсия по Старой Казани собрала туристов.", {"RU-TA"}),
        ("Фонтаны в Новом Петергофе включили в мае.", {"RU-SPE"}),
        # a sentence opens with a capital anyway
        ("Праздничный Томск встретил гостей.", {"RU-TOM"}),
    ],
)
def test_compound_names_with_a_town(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # awards named after a person
        ("Лётчика наградили медалью Нестерова и орденом Мужества.", set()),
        ("Ветеран носит орден Суворова.", set()),
        ("Праздник урожая прошёл в Нестерове.", {"RU-KGD"}),
        # a people's own word for a dish or a thing, after the people's adjective
        ("Гостей угощали калмыцкими борцаками и чаем с молоком.", set()),
        ("На столе были чеченские чепалгаши.", set()),
        # a word of the region's own bodies behind a prefix is Russian
        ("Решение дагестанского минспорта обжаловали.", {"RU-DA"}),
        ("В калмыцких степях начался окот.", {"RU-KL"}),
        # a proper name's second word after a capitalised ordinal
        ("Залив назвали участники Первой Камчатской экспедиции.", set()),
        ("Летом учёные отправятся в экспедицию на Камчатку.", {"RU-KAM"}),
        # a military unit's honorary name
        ("Перед гостями выступил оркестр Севастопольского полка.", set()),
        ("Бойцы Псковской дивизии вернулись домой. Псковская область встретила их.", {"RU-PSK"}),
    ],
)
def test_names_of_people_peoples_and_units(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village named like a district's centre or a small town, in a story elsewhere
        (
            "Жители посёлка Лунино пожаловались на дороги. Об этом сообщили в администрации "
            "Гурьевского округа Калининградской области.",
            {"RU-KGD"},
        ),
        (
            "Глава Здвинского района побывала в Бережках, Новомихайловке, Новоалексеевке, "
            "Городище.",
            {"RU-NVS"},
        ),
        # alone, or with its own region named, the place stays
        ("В посёлке Лунино открыли библиотеку.", {"RU-PNZ"}),
        ("Глава побывала в Бережках, Новомихайловке, Городище.", {"RU-PNZ"}),
        ("Фестиваль в Городище собрал гостей из Пензы.", {"RU-PNZ"}),
        ("В Городище и Никольске Пензенской области открыли школы.", {"RU-PNZ"}),
    ],
)
def test_village_namesakes_in_a_story_elsewhere(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place listed with a namesake abroad, in a sentence about the states
        (
            "Москва в штате Айдахо — городок на пять тысяч жителей. Москва и Петербург есть "
            "ещё в нескольких штатах.",
            set(),
        ),
        (
            "Санкт-Петербург во Флориде славится пляжами. В США есть и Москва, и Санкт-Петербург.",
            set(),
        ),
        # not so in a sentence that says nothing of the states
        (
            "Москва в штате Айдахо — городок на пять тысяч жителей. Дома Москва и Петербург "
            "куда больше.",
            {"RU-SPE"},
        ),
    ],
)
def test_listed_with_a_namesake_abroad(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Пушкин of Санкт-Петербург or Пушкино declined: the text's other places decide
        ("В городе Пушкине отметили День России. Поздравил депутат ЗакСа Петербурга.", {"RU-SPE"}),
        ("В Пушкине открыли школу, сообщает правительство Подмосковья.", {"RU-MOS"}),
        # «город Пушкин» is the town of Санкт-Петербург (Пушкино stays «городе Пушкино»)
        ("В городе Пушкине отметили день города.", {"RU-SPE"}),
        ("В Пушкино открыли школу.", {"RU-MOS"}),
        ("Школьники читали стихи Пушкина.", set()),
    ],
)
def test_pushkin_or_pushkino(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


# --- roles of the ninth wave -------------------------------------------------------------------


def test_rival_or_yardstick_is_mentioned() -> None:
    text = (
        "Курский губернатор: мы не конкурируем с Белгородской областью\n"
        "Губернатор Курской области ответил на вопросы жителей. По его словам, Курская "
        "область опережает Белгородскую область по росту урожая, а сравнивать регион с "
        "Орловской областью он не стал бы."
    )
    assert roles(text) == {"RU-KRS": "main", "RU-BEL": "mentioned", "RU-ORL": "mentioned"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both sides of the match in the title are the story, the visitors' home too
        (
            "«Ротор» обыграл «Факел» в Волгограде\n"
            "Волгоградский «Ротор» принимал воронежский «Факел». В следующем туре «Ротор» "
            "сыграет в гостях с самарскими «Крыльями Советов».",
            {"RU-VGG": "main", "RU-VOR": "main", "RU-SAM": "mentioned"},
        ),
        (
            "Тюменский «Рубин» уступил «Сокол» дома\n"
            "Хоккеисты «Рубина» проиграли команде «Сокол» из Красноярска со счётом 2:3. "
            "Следующую игру тюменцы проведут с командой «Торос» из Нефтекамска.",
            {"RU-TYU": "main", "RU-KYA": "main", "RU-BA": "mentioned"},
        ),
        # a band in the title is no match: its home stays passing
        (
            "«Аффинаж» и «Сплин» выступят в Томске\n"
            "Концерт питерской группы «Аффинаж» пройдёт в Томске в субботу.",
            {"RU-TOM": "main", "RU-SPE": "mentioned"},
        ),
    ],
)
def test_teams_of_the_titled_match(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lead says where the titled region's guest goes to a gathering: the host counts
        (
            "Тульский губернатор принял участие в форуме\n"
            "Губернатор Тульской области выступил на форуме. В Калуге проходит форум "
            "«Регионы». Губернатор Тульской области рассказал о туризме.",
            {"RU-TUL": "main", "RU-KLU": "main"},
        ),
        # a list of venues is a detail; a place with no gathering there stays passing
        (
            "Тульский губернатор принял участие в форуме\n"
            "Губернатор Тульской области выступил на форуме. Этапы пройдут в Калуге, Брянске "
            "и Орле.",
            {"RU-TUL": "main", "RU-KLU": "mentioned", "RU-BRY": "mentioned", "RU-ORL": "mentioned"},
        ),
        (
            "Тульский губернатор принял участие в форуме\n"
            "Губернатор Тульской области выступил на форуме. Губернатор Калужской области "
            "рассказал о туризме.",
            {"RU-TUL": "main", "RU-KLU": "mentioned"},
        ),
    ],
)
def test_venue_of_the_gathering_in_the_lead(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town in «-ск» in the instrumental is written like its region's adjective
        ("Паводок пришёл в Тобол вслед за Омском.", {"RU-OMS"}),
        ("Новую трассу между Курском и Брянском откроют осенью.", {"RU-KRS", "RU-BRY"}),
        ("Делегация из Хабаровска встретилась с Томском в финале.", {"RU-KHA", "RU-TOM"}),
        # after «в» it is the adjective: a substantivised one or part of a longer name
        ("Юбилей отметят в Омском в пятницу.", set()),
        ("Концерт прошёл в Жирновском Доме культуры.", set()),
    ],
)
def test_town_in_instrumental(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # masculine adjective-like towns in «-ской» (the dictionary's first reading of the
        # nominative is a feminine genitive)
        ("Новый сквер в Донском откроют к зиме.", {"RU-TUL"}),
        ("Жители Полевского пожаловались на дороги.", {"RU-SVE"}),
        ("Ярмарку в Слободском перенесли на субботу.", {"RU-KIR"}),
        # a feminine form is still no masculine town
        ("На Донской улице снесли киоски.", set()),
    ],
)
def test_masculine_adjective_towns(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «с» before a lower-case adjective is the preposition, not «с.» (село)
        ("Во вторник «Факел» сыграет в Воронеже с казанским «Рубином».", {"RU-VOR", "RU-TA"}),
        ("Министр обсудил с тульскими фермерами посевную.", {"RU-TUL"}),
        ("Праздник прошёл в с. Татарское.", set()),
    ],
)
def test_adjective_after_preposition_s(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a district of Тыва is a «кожуун»
        ("Депутаты Пий-Хемского кожууна утвердили бюджет.", {"RU-TY"}),
        ("В Тандинском кожууне открыли новую школу.", {"RU-TY"}),
        ("Сходы прошли в Улуг-Хемском и Чаа-Хольском кожуунах.", {"RU-TY"}),
    ],
)
def test_tuvan_districts(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place adjective before streets or buildings in the plural: that place's own
        ("Тульские улицы засыпало снегом за одну ночь.", {"RU-TUL"}),
        ("Костромские храмы отреставрируют к юбилею.", {"RU-KOS"}),
        # one street, one gate: a name, not the place
        ("Вдоль Тульской улицы посадили липы.", set()),
        ("Ремонт на Костромском проспекте завершат в мае.", set()),
        ("Мы прошли через Московские ворота.", set()),
    ],
)
def test_plural_streets_of_a_place(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the town Пушкин within Санкт-Петербург, by its town word or its old name
        ("На День города Пушкина ждут тысячи гостей.", {"RU-SPE"}),
        ("В г. Пушкине отреставрировали фонтан.", {"RU-SPE"}),
        ("Выставку откроют в Царском Селе в субботу.", {"RU-SPE"}),
        # Пушкино is in Московская область
        ("В городе Пушкино открыли новую поликлинику.", {"RU-MOS"}),
    ],
)
def test_town_pushkin(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's legislature, court or electoral commission names the region
        ("Законопроект о пляжах внёс депутат ЗСК.", {"RU-KDA"}),
        ("Мосгордума приняла бюджет на три года.", {"RU-MOW"}),
        ("Жалобу рассмотрят в Мосгорсуде на следующей неделе.", {"RU-MOW"}),
        ("Мособлдума одобрила закон о парковках.", {"RU-MOS"}),
        ("Приговор оставил в силе Мособлсуд.", {"RU-MOS"}),
        ("Леноблсуд смягчил наказание.", {"RU-LEN"}),
        ("В Мособлизбиркоме подвели итоги голосования.", {"RU-MOS"}),
    ],
)
def test_regional_bodies(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a district's institution by its short name, quoted or not, is the district's
        ("На празднике выступили артисты МБУК «Добринская ЦКС».", {"RU-LIP"}),
        ("Читателей пригласили в Ковровскую ЦБС на встречу.", {"RU-VLA"}),
        ("В Алькеевском РДК прошёл отчётный концерт.", {"RU-TA"}),
        # a name many cities' districts share says nothing
        ("Встреча прошла в «Кировской ЦБС».", set()),
    ],
)
def test_district_institutions(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a district named after a catalogue town that towns.tsv and OKTMO's copy lack (the
        # subjects of 2022, a federal city's towns)
        ("Дорогу в Старобельском районе отремонтировали к зиме.", {"RU-LPR"}),
        ("Глава Енакиевского района открыл новую амбулаторию.", {"RU-DPR"}),
        ("Жители Колпинского района вышли на субботник.", {"RU-SPE"}),
    ],
)
def test_districts_of_catalogue_towns(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stanitsa named like a district of one region of stanitsas is that district's centre
        ("Жители станицы Кавказской отметили юбилей.", {"RU-KDA"}),
        ("Ярмарка пройдёт в ст. Багаевской в воскресенье.", {"RU-ROS"}),
        ("В станице Каневской открыли новый парк.", {"RU-KDA"}),
        # its namesake districts lie where there are no stanitsas, or many cities share it
        ("В станице Ивановской прошёл сход граждан.", set()),
        ("Сход прошёл в станице Советской.", set()),
    ],
)
def test_stanitsa_centres(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dash razdel glues to a name across a space is no part of the name
        ("Ремонтируют трассу «Урал»- Пенза- Саратов у границы области.", {"RU-PNZ", "RU-SAR"}),
        ("Автобусы пойдут по маршруту Самара -Оренбург с понедельника.", {"RU-SAM", "RU-ORE"}),
        # a route of trains from a known town to a station the catalogue lacks
        ("Жители просят пустить автобус к поезду Оренбург-Илецк.", {"RU-ORE"}),
        ("Расписание поезда Казань-Агрыз поменяется летом.", {"RU-TA"}),
        # a train's route is no vehicle's name: both ends count
        ("Поезд Киров-Пермь отменили на время ремонта моста.", {"RU-KIR", "RU-PER"}),
        # a hyphenated surname with one town in it stays a person
        ("Картина Римского-Корсакова висит в фойе.", set()),
        ("Роман Мамина-Сибиряка экранизируют снова.", set()),
    ],
)
def test_route_dashes(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_route_to_unknown_station_is_passing() -> None:
    text = (
        "В Кяхтинском районе Бурятии обсудили ремонт водопровода и новые остановки.\n"
        "Жители также просили согласовать маршрутку с поездом Улан-Удэ-Наушки и с поездом "
        "Иркутск-Наушки."
    )
    assert roles(text)["RU-IRK"] == "mentioned"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname-like town bracketed after a club, in a table that brackets towns so
        (
            "Места в таблице: 1. «Торпедо» (Липецк), 2. «Ракета» (Глазов), 3. «Звезда» (Серов).",
            {"RU-LIP", "RU-UD", "RU-SVE"},
        ),
        # alone, a bracketed surname after a quoted title is the author
        ("Повесть «Дорога домой» (Серов) вышла в новом издании.", set()),
        # «Алтай» listed after «республик» is Республика Алтай
        ("На праздник приехали гости из республик Хакасия и Алтай.", {"RU-KK", "RU-AL"}),
        ("Выборы прошли в республиках Тыва, Хакасия и Алтай.", {"RU-TY", "RU-KK", "RU-AL"}),
        # alone it stays undecided
        ("Туристы едут на Алтай за впечатлениями.", set()),
    ],
)
def test_weak_names_in_lists(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contest named after a town is that town's contest
        ("Мэрия объявила конкурс «Тамбов цветущий» для садоводов.", {"RU-TAM"}),
        ("Итоги конкурса «Лучший двор Вологды» подведут в августе.", {"RU-VLG"}),
        # other quoted names keep their town to themselves
        ("Вышел фильм «Москва слезам не верит» в новой версии.", set()),
        ("Ансамбль «Кострома» выступил в Доме культуры.", set()),
    ],
)
def test_contest_names(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "В Туле объявили конкурс «Крымская весна» для школьников.",
        "В Омске прошёл фестиваль «Казань в сердце» с концертом.",
    ],
)
def test_contest_names_themes(text: str) -> None:
    # a place's adjective in a contest's name, a town in a festival's: themes, not places
    assert len(codes(text)) == 1


# --- roles of the tenth wave: federal stories, stories abroad, the far past --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a federal body in the title: a list of regions it names are examples
        (
            "Правительство России утвердило новые правила субсидий\n"
            "Первыми средства получат Тамбовская, Курская, Липецкая области и Мордовия.",
            {
                "RU-TAM": "mentioned",
                "RU-KRS": "mentioned",
                "RU-LIP": "mentioned",
                "RU-MO": "mentioned",
            },
        ),
        # a ministry on a line of its own: the body speaking
        (
            "Число заявок на грант выросло вдвое\n"
            "Министерство спорта Российской Федерации\n"
            "Конкурс прошёл во всех регионах, в том числе в Туве, Хакасии и Бурятии.",
            {"RU-TY": "mentioned", "RU-KK": "mentioned", "RU-BU": "mentioned"},
        ),
        # the meeting held in a federal ministry: an agency's dateline is no venue
        (
            "Министр провёл переговоры с делегацией Монголии\n"
            "(Улан-Удэ, 3 мая, «Байкал-инфо»). Сегодня в Министерстве экономического "
            "развития РФ состоялась встреча министра с делегацией.",
            {"RU-BU": "mentioned"},
        ),
        # the chamber's member: whom he represents is passing, and so is a mourned tragedy
        (
            "Совет Федерации избрал нового вице-спикера\n"
            "Им стал сенатор от Тверской области Иван Петров.",
            {"RU-TVE": "mentioned"},
        ),
        (
            "Госдума почтила память погибших в Кемерове минутой молчания\n"
            "Депутаты начали весеннюю сессию.",
            {"RU-KEM": "mentioned"},
        ),
        # a federal story whose lead names one region by itself: that region is the story
        (
            "Президент России открыл новый завод\n"
            "Предприятие в Калужской области будет выпускать электромоторы.",
            {"RU-KLU": "main"},
        ),
        # a title with a region is as before
        (
            "Президент России посетил Курганскую область\n"
            "Глава государства осмотрел новую больницу.",
            {"RU-KGN": "main"},
        ),
        # a federal body named in passing does not make a local story federal
        (
            "Встреча с избирателями прошла в клубе\n"
            "В клубе обсудили итоги выборов в Государственную Думу и планы Чувашии на год.",
            {"RU-CU": "main"},
        ),
    ],
)
def test_federal_story_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a story the title sets abroad: the regions are where the guests come from
        (
            "Известный оркестр выступит в Ташкенте\n"
            "В узбекскую столицу приезжает известный оркестр Татарстана.",
            {"RU-TA": "mentioned"},
        ),
        (
            "Фестиваль в Сухуме и новое морское сообщение с Новороссийском\n"
            "Теплоход доставил туристов из Новороссийска.",
            {"RU-KDA": "mentioned"},
        ),
        # a region in the title itself is the story still
        (
            "Оркестр Татарстана выступит в Ташкенте\nМузыканты из Казани покажут новую программу.",
            {"RU-TA": "main"},
        ),
        # the place of an event of the far past is history
        (
            "Праздник прошёл в Евпатории\n"
            "Праздник учреждён в честь освобождения Москвы от польских интервентов в 1612 "
            "году. В Евпатории прошёл концерт.",
            {"RU-CR": "main", "RU-MOW": "mentioned"},
        ),
        (
            "Освобождение Смоленска в 2024 году отметят концертом.",
            {"RU-SMO": "main"},
        ),
    ],
)
def test_abroad_and_past_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


# --- false regions of the tenth wave ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # war graves, capitalised or not, are no Братск
        ("Школьники возложили цветы к Братским захоронениям у вокзала.", set()),
        ("У Братской могилы прошёл митинг.", set()),
        ("В Братском районе открыли школу.", {"RU-IRK"}),
        # a militia of the past named after its town
        ("Концерт приурочили ко Дню Смоленского народного ополчения.", set()),
        # a town named like its great river, in a text about the water
        ("Уровень воды в Оби поднялся за сутки на 30 сантиметров.", set()),
        ("Ледоход на Печоре начался раньше обычного.", set()),
        ("В городе Обь уровень воды в реке поднялся.", {"RU-NVS"}),
        ("В Печоре открыли новую школу.", {"RU-KO"}),
        # a village after «населённый пункт» is named like a town elsewhere
        (
            "В Рязанской области вода поднялась. В черте населённого пункта Быково уровень "
            "вырос на 20 см.",
            {"RU-RYA"},
        ),
        # a larger town's namesake ending a list of villages of one district
        (
            "Автолавка побывает в Тынде, в сёлах Ивановка, Берёзовка, Соколовка, Ключи и "
            "Константиновке.",
            {"RU-AMU"},
        ),
        # districts listed with districts the catalogue does not know are another country's
        (
            "Глава области встретился с активом Гродненского, Мостовского и "
            "Берестовицкого районов.",
            set(),
        ),
        (
            "Глава края встретился с активом Лабинского, Мостовского и Курганинского районов.",
            {"RU-KDA"},
        ),
    ],
)
def test_tenth_wave_false_regions(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a route from a region abroad: the region it leaves is the story
        (
            "Авиакомпания откроет рейсы из Татарстана в Узбекистан\n"
            "Полёты начнутся в мае. Акционер компании сидит в Москве.",
            {"RU-TA": "main", "RU-MOW": "mentioned"},
        ),
        # a visit: the visitors' region is the story as much as the host's
        (
            "Курскую область посетила делегация из Псковской области\n"
            "Гости осмотрели новые предприятия региона.",
            {"RU-KRS": "main", "RU-PSK": "main"},
        ),
        (
            "Глава Чувашии находится в Тамбовской области\n"
            "Глава Чувашии прибыл в Тамбовскую область с рабочим визитом. Губернатор "
            "Тамбовской области встретил коллегу, губернатор показал новый парк.",
            {"RU-CU": "main", "RU-TAM": "main"},
        ),
        # no visit: another region's head named with the title's region stays passing
        (
            "Тамбовская область построит новый мост\n"
            "Проект похвалил глава Чувашии. Мост в Тамбовской области откроют летом.",
            {"RU-TAM": "main", "RU-CU": "mentioned"},
        ),
        # people from a region, abroad: their region is the story
        (
            "Туристы из Хабаровска застряли в Китае\nРейс задержали на сутки.",
            {"RU-KHA": "main"},
        ),
    ],
)
def test_route_abroad_and_visit_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


# --- the eleventh wave: homonyms read by their own district, peoples, the state, winners -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname before a first name and a patronymic is no town (Ишим)
        ("Главой Кунашакского района избран Ишимов Игорь Викторович.", {"RU-CHE": "main"}),
        # guests arriving from Moscow: passing, and no main without the host named
        ("На праздник в парке ждут приезда и московских артистов.", {"RU-MOW": "mentioned"}),
        # a board («управа») of a district named like another region's rural district: Moscow's
        (
            "Глава управы Бабушкинского района встретится с жителями. "
            "Приглашаются все жители Бабушкинского района.",
            {"RU-MOW": "main"},
        ),
        # a town several regions have, with the district it lies in: that region's town
        (
            "Глава Кировского района посетил бассейн города Кировска.",
            {"RU-LEN": "main"},
        ),
        # … and the town's adjective, which Киров shares, is that town's too
        (
            "В Кировске прошёл субботник: работники Кировского диспансера сажали розы. "
            "Помогал комитет Ленинградской области.",
            {"RU-LEN": "main"},
        ),
        # a people named: its adjective is the people's, not the republic's
        (
            "В Марий Эл прошёл фестиваль «Напевы удмуртов». Гостей угощали на удмуртских "
            "подворьях, удмурты пели песни.",
            {"RU-ME": "main"},
        ),
        # Moscow that will give an answer is the state
        (
            "Москва будет давать жёсткий ответ на любые атаки, заявил дипломат.",
            {"RU-MOW": "mentioned"},
        ),
        # a region's joining Russia is a holiday of the whole country: no venue
        (
            "Страна отмечает Крымскую весну. В доме культуры прошёл концерт к годовщине "
            "воссоединения Крыма с Россией.",
            {"RU-CR": "mentioned"},
        ),
        # a town's liberation is still marked in the town
        ("Митинг к 80-летию освобождения Смоленска собрал ветеранов.", {"RU-SMO": "main"}),
        # athletes from one region who won at a tournament set elsewhere: both main
        (
            "В Тюмени прошло первенство по борьбе.\n"
            "Спортсмены из Омской области завоевали пять золотых медалей. Участвовали борцы "
            "из Курганской, Свердловской и Тюменской областей.",
            {"RU-TYU": "main", "RU-OMS": "main", "RU-KGN": "mentioned", "RU-SVE": "mentioned"},
        ),
        # the venue of the competition the lead names by its quoted name, said further on
        (
            "Команда Пензенской области успешно выступила на турнире «Кубок Волги». "
            "Пензу представляли 12 спортсменов, и каждый принёс команде баллы. Ребята "
            "смело боролись за места на пьедестале, тренеры довольны их работой и "
            "готовят их к новым стартам сезона, впереди чемпионат страны и первенство "
            "округа, где пензенцы надеются повторить успех и завоевать новые награды.\n"
            "Отметим, турнир «Кубок Волги» прошёл в Каменске-Уральском.",
            {"RU-PNZ": "main", "RU-SVE": "main"},
        ),
    ],
)
def test_eleventh_wave_homonyms_peoples_and_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_town_declined_in_both_parts() -> None:
    assert codes("Турнир прошёл в Каменске-Уральском.") == {"RU-SVE"}
    assert codes("Сборы прошли в Каменске-Шахтинском.") == {"RU-ROS"}
