"""Every town of ``towns.tsv`` in clear contexts: the tagger finds its region.

Contexts (`CONTEXTS`): «в городе X» (locative), «жители города X» (genitive), a plain «в X»
and «из X», and «глава города X Иван Петров заявил» (a person's name right after the town).
A town counts as found when its region is among the results; a name several regions share
(«Советск») when one of them is. A shared name that no region's town dominates (`homonym`:
the tagger names none of them without context) is tagged with its region as the source's, as
the bot does for a district's portal.

The declension here is the test's own (the dictionary for the words it knows as a town or a
noun, rules for the rest), not the tagger's: «в Лаишеве» and «в Лаишево» (a «-ово» town both
declined and not), «в Сольцах», «жителей Печор» (plural towns), «в Заречном» (adjectives),
«в Старой Руссе», «в Каменске-Уральском», «в Ростове-на-Дону».
"""

from __future__ import annotations

import functools

import pytest

from bot.text.catalogue import AMBIGUOUS, REGIONS
from bot.text.morph import analyzer, fold
from bot.text.regions import tag_regions
from bot.text.regions.gazetteer import Entry, gazetteer
from bot.text.towns import towns

# Names no case changes (most of the dictionary does not know them as such).
_INDECLINABLE = frozenset(["Шали", "Томари", "Удэ", "Сале", "Сочи"])
# The cases of plural names the rules below cannot tell (the genitive has no ending or «-ей»).
_PLURAL = {
    "Кременки": ("Кременках", "Кременок"),
    "Сольцы": ("Сольцах", "Сольцов"),
    "Топки": ("Топках", "Топок"),
    "Липки": ("Липках", "Липок"),
    "Печоры": ("Печорах", "Печор"),
    "Грязи": ("Грязях", "Грязей"),
    "Шиханы": ("Шиханах", "Шихан"),
    "Дюртюли": ("Дюртюлях", "Дюртюлей"),
    "Клепики": ("Клепиках", "Клепиков"),
    "Серги": ("Сергах", "Серег"),
    "Луки": ("Луках", "Лук"),
    "Лиски": ("Лисках", "Лисок"),
    "Туймазы": ("Туймазах", "Туймазов"),
    "Покачи": ("Покачах", "Покачей"),
}
# Nouns with an adjective's ending, and the one adjective in «-ье».
_NOUNS_IN_OI = frozenset(["Курчалой", "Джанкой", "Уренгой", "Сясьстрой"])
_ADJECTIVES_IN_E = frozenset(["Щучье"])
# First parts of a hyphenated name that never decline («в Усть-Куте», «в Горно-Алтайске»).
_FIXED_HEADS = frozenset(
    [
        "Ак",
        "Анжеро",
        "Горно",
        "Йошкар",
        "Катав",
        "Кирово",
        "Ликино",
        "Лосино",
        "Наро",
        "Нарьян",
        "Орехово",
        "Приморско",
        "Пыть",
        "Северо",
        "Соль",
        "Спас",
        "Тарко",
        "Улан",
        "Урус",
        "Усть",
        "Ханты",
        "Южно",
        "Гусь",  # «в Гусь-Хрустальном», as the town's own papers write it
        "Гаврилов",  # «в Гаврилов-Яме»
        "Юрьев",  # «в Юрьев-Польском»
        "Санкт",
    ]
)
_HARD_GKH = "гкх"
_HUSHING = "жшчщ"
_CASES = ("loct", "gent")


def _adjective(word: str, case: str) -> str | None:
    """An adjective's case (masculine, feminine, neuter or plural as the ending says)."""
    low = word.lower()
    stem2, end = word[:-2], low[-2:]
    if end in ("ый", "ой") or (end == "ий" and low[-3] in _HARD_GKH):
        return stem2 + ("ом" if case == "loct" else "ого")
    if end == "ий":  # «Нижний», «Горячий»: soft or hushing stem
        return stem2 + ("ем" if case == "loct" else "его")
    if end == "ая":
        return stem2 + ("ей" if low[-3] in _HUSHING else "ой")
    if end == "яя":
        return stem2 + "ей"
    if end == "ое":
        return stem2 + ("ом" if case == "loct" else "ого")
    if end == "ее":
        return stem2 + ("ем" if case == "loct" else "его")
    if end in ("ые", "ие"):
        y = "и" if end == "ие" else "ы"
        return stem2 + y + "х"
    if end == "ье":  # «Щучье»: a possessive adjective
        return word[:-1] + ("ем" if case == "loct" else "его")
    return None


def _is_adjective(word: str) -> bool:
    if word in _NOUNS_IN_OI:
        return False
    return word in _ADJECTIVES_IN_E or word.lower().endswith(
        ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
    )


def _noun(word: str, case: str) -> list[str]:
    """A noun's case: the dictionary's, for a word it knows as this nominative noun (a town
    first), else by its ending; a «-ово», «-ино» name is also written undeclined."""
    if word in _INDECLINABLE:
        return [word]
    if word in _PLURAL:
        return [_PLURAL[word][_CASES.index(case)]]
    low = fold(word)
    parses = [
        p
        for p in analyzer().parse(word.lower())
        if p.tag.POS == "NOUN" and p.tag.case == "nomn" and fold(p.word) == low
    ]
    parses.sort(key=lambda p: ("Geox" not in p.tag.grammemes, "Surn" in p.tag.grammemes))
    out: list[str] = []
    for p in parses[:1]:
        f = p.inflect({case})
        if f is not None and f.tag.number == p.tag.number:
            out.append(_restore(word, f.word))
    if not out:
        out.append(_by_ending(word, case))
    if low.endswith(("ово", "ево", "ино", "ыно")):
        # «в Лаишеве» and «в Лаишево»: the name is written declined and not
        out = list(dict.fromkeys([*(f for f in out if f != word), _by_ending(word, case), word]))
    return out


def _restore(word: str, form: str) -> str:
    """``form`` with ``word``'s capital and its «ё» (the dictionary writes «е» at times)."""
    out = word[:1] + form[1:]
    if "ё" in word and "ё" not in out:
        k = word.index("ё")
        if k < len(out) and out[k] == "е":
            out = out[:k] + "ё" + out[k + 1 :]
    return out


def _by_ending(word: str, case: str) -> str:
    low = word.lower()
    loct = case == "loct"
    last = low[-1]
    if last in "бвгдзклмнпрстфхжшчщц":
        return word + ("е" if loct else "а")
    if last == "й":
        return word[:-1] + ("е" if loct else "я")
    if last == "ь":  # «Лагань»: a feminine
        return word[:-1] + "и"
    if last == "а":
        return word[:-1] + ("е" if loct else ("и" if low[-2] in _HARD_GKH + _HUSHING else "ы"))
    if last == "я":
        if low.endswith("ия"):
            return word[:-1] + "и"
        return word[:-1] + ("е" if loct else "и")
    if last in "ое":
        return word[:-1] + ("е" if loct else "а")
    if last in "ыи":  # a plural: «Апатиты»
        return word[:-1] + ("ах" if loct else "ов")
    return word


def _word(word: str, case: str) -> list[str]:
    if _is_adjective(word):
        adj = _adjective(word, case)
        return [adj] if adj else [word]
    return _noun(word, case)


def _possessive(word: str, nxt: str) -> bool:
    """«Сергиев Посад», «Гаврилов Посад», «Петров Вал»: a short possessive adjective."""
    return word.endswith(("ов", "ев", "ин")) and bool(nxt)


@functools.cache
def forms(name: str, case: str) -> tuple[str, ...]:
    """The town's forms in ``case`` (loct or gent), each spelling a reader may meet."""
    words = name.split(" ")
    options: list[list[str]] = []
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if "-" in w:
            options.append(_hyphenated(w, case))
        elif _possessive(w, nxt):
            options.append([w + ("ом" if case == "loct" else "а")])
        else:
            options.append(_word(w, case))
    out = [""]
    for opts in options:
        out = [f"{a} {b}".strip() for a in out for b in opts]
    return tuple(dict.fromkeys(out))


def _hyphenated(word: str, case: str) -> list[str]:
    parts = word.split("-")
    if len(parts) == 3 and parts[1] == "на":  # «Ростове-на-Дону», «Камне-на-Оби»
        head = parts[0]
        declined = _noun(head, case)
        if head == "Камень":
            declined = ["Камне" if case == "loct" else "Камня", head]
        return [f"{h}-на-{parts[2]}" for h in declined]
    head, tail = parts
    if tail in _INDECLINABLE:
        return [word]
    tails = _word(tail, case)
    if head in _FIXED_HEADS:
        return [f"{head}-{t}" for t in tails]
    # «Каменске-Уральском», «Переславле-Залесском», «Усолье-Сибирском»: both decline
    return [f"{h}-{t}" for h in _noun(head, case) for t in tails]


def _preposition(form: str) -> str:
    low = form.lower()
    if low[0] in "вф" and low[1] not in "аеёиоуыэюя":
        return "во"
    return "в"


CONTEXTS = {
    "в городе": ("loct", "Вчера в городе {} открыли новую школу."),
    "жители города": ("gent", "Жители города {} вышли на субботник."),
    "в": ("loct", "Вчера {p} {} открыли новую школу."),
    "из": ("gent", "Автобус из {} прибыл с опозданием."),
    "глава города": ("gent", "Вчера глава города {} Иван Петров заявил о ремонте дорог."),
}
# Towns a bare «в X» or «из X» does not make a town: the form is an ordinary word or a
# person's name as well, and a reader needs «город» or more of the text to read it as the
# town. Their «город X» contexts must still work.
EXCEPTIONS: dict[str, str] = {
    "Бор": "«в Боре»: the pine forest («бор») as much as the town",
    "Дно": "«в Дне»: the day («в Дне рыбака») or the bottom",
    "Починок": "«в Починке»: «в починке», under repair",
    "Галич": "Галич in Ukraine and the poet Галич: the text must say more",
    "Лесной": "«в Лесном»: an adjective («в Лесном переулке», a village Лесное)",
    "Октябрьский": "«в Октябрьском»: the Октябрьский districts of many cities and villages",
    "Советский": "«в Советском»: the Советский districts of many cities and villages",
    "Пушкино": "«в Пушкине», «из Пушкина»: the poet, and Пушкин of Санкт-Петербург",
}


def sentence(context: str, form: str) -> str:
    _, template = CONTEXTS[context]
    return template.replace("{p}", _preposition(form)).format(form)


def _towns() -> dict[str, list[str]]:
    by_name: dict[str, list[str]] = {}
    for t in towns():
        by_name.setdefault(t.name, []).append(t.code)
    return by_name


def _entries(name: str) -> list[Entry]:
    """The index's town entries for ``name`` («Артемовск»: the homonym of two regions)."""
    return [
        e
        for e in gazetteer().by_first.get(fold(name.split(" ", maxsplit=1)[0]), ())
        if e.kind == "town" and fold(e.surface) == fold(name)
    ]


def _source(name: str) -> str | None:
    """The source's region for a name several regions share that the tagger resolves by
    context only (no default: «Белогорск», «Железногорск»)."""
    for e in _entries(name):
        if len(e.codes) > 1 and not e.default:
            return _towns()[name][0]
    return None


@functools.lru_cache(maxsize=1)
def _shared_forms() -> dict[str, frozenset[str]]:
    """Every town's forms (towns.tsv and the catalogue's, nominative, locative, genitive) with
    the regions of the towns that have them: «Отрадном» is Отрадное's and Отрадный's,
    «Печоры» the genitive of Печора and the nominative of Печоры."""
    names: dict[str, set[str]] = {}
    for t in towns():
        names.setdefault(t.name, set()).add(t.code)
    for r in REGIONS:
        for name in r.towns:
            names.setdefault(name, set()).add(r.code)
    for name, (kind, codes) in AMBIGUOUS.items():  # «Пушкин»: Санкт-Петербург's
        if kind == "town":
            names.setdefault(name, set()).update(codes)
    out: dict[str, set[str]] = {}
    for name, codes in names.items():
        for form in {name, *forms(name, "loct"), *forms(name, "gent")}:
            out.setdefault(fold(form), set()).update(codes)
    return {k: frozenset(v) for k, v in out.items()}


def accepted(name: str, form: str) -> set[str]:
    """The regions that count as the town's: its own, its homonym's, and those of the towns
    whose form this is too."""
    codes = set(_towns()[name])
    for e in _entries(name):
        codes.update(e.codes)
    return codes | _shared_forms().get(fold(form), frozenset())


def misses(context: str, town_names: list[str] | None = None) -> list[str]:
    """The towns (and forms) the tagger misses in ``context``."""
    by_name = _towns()
    out: list[str] = []
    case, _ = CONTEXTS[context]
    for name in town_names or sorted(by_name):
        if context in ("в", "из") and name in EXCEPTIONS:
            continue
        source = _source(name)
        for form in forms(name, case):
            text = sentence(context, form)
            got = {m.code for m in tag_regions(text, source_region=source)}
            if not got & accepted(name, form):
                out.append(f"{name} ({'/'.join(by_name[name])}): {text} -> {sorted(got)}")
    return out


def test_declension() -> None:
    assert forms("Старая Русса", "loct") == ("Старой Руссе",)
    assert forms("Лаишево", "loct") == ("Лаишеве", "Лаишево")
    assert forms("Сольцы", "loct") == ("Сольцах",)
    assert forms("Печоры", "gent") == ("Печор",)
    assert forms("Заречный", "loct") == ("Заречном",)
    assert forms("Белев", "gent") == ("Белева",)
    assert forms("Гаджиево", "loct") == ("Гаджиеве", "Гаджиево")
    assert forms("Луга", "loct") == ("Луге",)
    assert forms("Каменск-Уральский", "loct") == ("Каменске-Уральском",)
    assert forms("Ростов-на-Дону", "gent") == ("Ростова-на-Дону",)
    assert forms("Нижние Серги", "gent") == ("Нижних Серег",)
    assert forms("Сергиев Посад", "loct") == ("Сергиевом Посаде",)


def test_exceptions_are_towns() -> None:
    by_name = _towns()
    assert set(EXCEPTIONS) <= set(by_name)


@pytest.mark.parametrize("context", list(CONTEXTS))
def test_every_town(context: str) -> None:
    missed = misses(context)
    assert not missed, f"{len(missed)} missed:\n" + "\n".join(missed)


def _codes(text: str) -> list[str]:
    return [m.code for m in tag_regions(text)]


def test_oblique_forms_the_dictionary_misses() -> None:
    # «Руссе» is read as «русс», «Лаишеве» as the name «Лаишева»: the index has the forms.
    assert _codes("В Старой Руссе к юбилею отремонтируют дорогу") == ["RU-NGR"]
    assert _codes("Старая Русса готовится к юбилею") == ["RU-NGR"]
    assert _codes("В Лаишеве открыли школу") == ["RU-TA"]
    assert _codes("В Лаишево открыли школу") == ["RU-TA"]
    assert _codes("Автобус из Спасска-Дальнего опоздал") == ["RU-PRI"]
    assert _codes("Жители Печор вышли на субботник") == ["RU-PSK"]
    assert _codes("В Сольцах открыли школу") == ["RU-NGR"]


def test_town_before_a_persons_name() -> None:
    assert _codes("… глава города Алексина Павел Фёдоров") == ["RU-TUL"]
    assert _codes("Глава города Алексина рассказал о ремонте") == ["RU-TUL"]
    assert _codes("Мэр Видного Иван Петров открыл школу") == ["RU-MOS"]


def test_named_a_town_after_city_word() -> None:
    # A bare «в Боре», «в Дне» stays an ordinary word; «город» makes it the town.
    assert _codes("Вчера в Боре открыли новую школу.") == []
    assert _codes("Вчера в городе Боре открыли новую школу.") == ["RU-NIZ"]
    assert _codes("Праздник в Дне рыбака прошёл весело") == []
    assert _codes("Жители города Дно вышли на субботник") == ["RU-PSK"]
    assert _codes("Вчера в городе Галиче открыли школу") == ["RU-KOS"]
    # «в Никольском» is Никольское (not the instrumental of Никольск)
    assert _codes("Вчера в Никольском открыли новую школу.") == ["RU-LEN"]


def test_traps_stay_out() -> None:
    for text in (
        "После зимы наступит весна",
        "Братские узы крепки",
        "Команда Мирный Бор победила",
        "Компания Сокол Плюс открыла офис",
        "Выступил Сергей Лаишев",
        "Вчера в Починке был весь город",
    ):
        assert _codes(text) == [], text
