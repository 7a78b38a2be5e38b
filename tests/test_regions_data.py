"""Towns and districts data, the resolver, declension, and how bot.text is put together."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from bot.text.catalogue import REGIONS, by_code
from bot.text.regions import CASES, inflect_region, regions_in_query, resolve_region, tag_regions
from bot.text.towns import TOWNS_FILE, towns, towns_by_name
from tests.paths import SHARED_DIR, ships

ROOT = Path(__file__).resolve().parent.parent
CITY_CSV = SHARED_DIR / "data" / "towns" / "city.csv"

# --- towns data --------------------------------------------------------------------------------


def test_every_town_of_russia_with_a_catalogue_region() -> None:
    all_towns = towns()
    assert len(all_towns) == 1117
    assert {t.code for t in all_towns} <= {r.code for r in REGIONS}
    assert all(t.name and t.population >= 0 for t in all_towns)
    capitals = {t.code: t.name for t in all_towns if t.capital}
    assert capitals["RU-KK"] == "Абакан"
    assert capitals["RU-TA"] == "Казань"
    assert {t.code for t in towns_by_name("Советск")} == {"RU-KGD", "RU-KIR", "RU-TUL"}
    assert towns_by_name("ковров")[0].code == "RU-VLA"


def test_towns_file_ships_with_its_licence() -> None:
    assert TOWNS_FILE.parent.name == "data"
    licence = (TOWNS_FILE.parent / "LICENSE-towns.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in licence
    assert "hflabs/city" in licence
    header = TOWNS_FILE.read_text(encoding="utf-8").splitlines()[:5]
    assert any("CC BY-SA 4.0" in line for line in header)
    assert ships("text/data/towns.tsv")
    assert ships("text/data/LICENSE-towns.md")


@pytest.mark.skipif(not CITY_CSV.exists(), reason=f"{CITY_CSV} is absent (../shared)")
def test_generator_reproduces_the_shipped_file(tmp_path: Path) -> None:
    out = tmp_path / "towns.tsv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_towns.py"), str(CITY_CSV), str(out)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert out.read_text(encoding="utf-8") == TOWNS_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("В Адыгейске открыли парк.", "RU-AD"),
        ("В Нижних Сергах прошёл праздник.", "RU-SVE"),
        ("В Гдове отремонтировали дорогу.", "RU-PSK"),
        ("В Мценске отмечают День города.", "RU-ORL"),
        ("В Певеке открыли школу.", "RU-CHU"),
        ("В Гаврилов-Яме прошёл праздник.", "RU-YAR"),
        ("Мэрия Когалыма сообщила о ремонте.", "RU-KHM"),
        ("В Локтевском районе собрали урожай.", "RU-ALT"),
        ("Глава Камышловского района провёл приём.", "RU-SVE"),
        ("В Чебаркульском районе прошёл праздник.", "RU-CHE"),
    ],
)
def test_small_towns_and_districts(text: str, code: str) -> None:
    assert {m.code for m in tag_regions(text)} == {code}


# --- resolver ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Хакасия", "RU-KK"),
        ("хакасию", "RU-KK"),
        ("ХАКАСИЯ", "RU-KK"),
        ("Khakassia", "RU-KK"),
        ("khakassia", "RU-KK"),
        ("Moscow Oblast", "RU-MOS"),
        ("moscow", "RU-MOW"),
        ("St Petersburg", "RU-SPE"),
        ("Tatarstan", "RU-TA"),
        ("Krasnoyarsk Krai", "RU-KYA"),
        ("krasnoyarsk", "RU-KYA"),
        ("RU-KK", "RU-KK"),
        ("ru-kk", "RU-KK"),
        ("KK", "RU-KK"),
        ("kk", "RU-KK"),
        ("19", "RU-KK"),
        ("116", "RU-TA"),
        ("ХМАО", "RU-KHM"),
        ("хмао", "RU-KHM"),
        ("РХ", "RU-KK"),
        ("Абакан", "RU-KK"),
        ("в абакане", "RU-KK"),
        ("Ковров", "RU-VLA"),
        ("Ковровский район", "RU-VLA"),
        ("Когалым", "RU-KHM"),
        ("киров", "RU-KIR"),
        ("Благовещенск", "RU-AMU"),
        ("Кузбасс", "RU-KEM"),
        ("Прикамье", "RU-PER"),
        ("южноуральский", "RU-CHE"),
    ],
)
def test_resolver_forms(query: str, code: str) -> None:
    resolution = resolve_region(query)
    assert resolution.region is not None, query
    assert resolution.region.code == code
    assert resolution.suggestions[0].code == code


@pytest.mark.parametrize(
    ("query", "first"),
    [("Хакассия", "RU-KK"), ("Татарстн", "RU-TA"), ("Красноярсккий край", "RU-KYA")],
)
def test_resolver_typos_suggest(query: str, first: str) -> None:
    resolution = resolve_region(query)
    assert resolution.region is None
    assert resolution.suggestions[0].code == first


def test_resolver_homonyms_suggest_their_regions() -> None:
    resolution = resolve_region("Советск")
    assert resolution.region is None
    assert {r.code for r in resolution.suggestions} == {"RU-KGD", "RU-KIR", "RU-TUL"}
    assert resolve_region("Нарния").region is None
    assert resolve_region("").suggestions == ()


def test_query_regions_leave_search_words() -> None:
    regions, rest = regions_in_query("форум в ковровском районе")
    assert [r.code for r in regions] == ["RU-VLA"]
    assert rest == "форум"
    regions, rest = regions_in_query("московское княжество")
    assert regions == ()
    assert rest == "московское княжество"


# --- declension --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "case", "expected"),
    [
        ("Республика Хакасия", "accs", "Республику Хакасия"),
        ("Республика Хакасия", "loct", "Республике Хакасия"),
        ("Республика Хакасия", "gent", "Республики Хакасия"),
        ("Республика Крым", "accs", "Республику Крым"),
        ("Ставропольский край", "accs", "Ставропольский край"),
        ("Ставропольский край", "loct", "Ставропольском крае"),
        ("Москва", "accs", "Москву"),
        ("Москва", "loct", "Москве"),
        ("Москва", "gent", "Москвы"),
        ("Санкт-Петербург", "loct", "Санкт-Петербурге"),
        (
            "Ханты-Мансийский автономный округ — Югра",
            "accs",
            "Ханты-Мансийский автономный округ — Югру",
        ),
        (
            "Ханты-Мансийский автономный округ — Югра",
            "loct",
            "Ханты-Мансийском автономном округе — Югре",
        ),
        ("Чувашская Республика — Чувашия", "accs", "Чувашскую Республику — Чувашию"),
        ("Кабардино-Балкарская Республика", "gent", "Кабардино-Балкарской Республики"),
        ("Республика Саха (Якутия)", "loct", "Республике Саха (Якутия)"),
        ("Республика Северная Осетия — Алания", "accs", "Республику Северная Осетия — Алания"),
        ("Республика Марий Эл", "loct", "Республике Марий Эл"),
        ("Республика Коми", "ablt", "Республикой Коми"),
        ("Еврейская автономная область", "accs", "Еврейскую автономную область"),
        ("Кемеровская область — Кузбасс", "gent", "Кемеровской области — Кузбасса"),
        ("Нижегородская область", "datv", "Нижегородской области"),
        ("Ямало-Ненецкий автономный округ", "ablt", "Ямало-Ненецким автономным округом"),
        ("Донецкая Народная Республика", "accs", "Донецкую Народную Республику"),
        ("г. Севастополь", "loct", "г. Севастополе"),
        ("Ростов-на-Дону", "loct", "Ростове-на-Дону"),
        ("Хакасия", "винительный", "Хакасию"),
        ("Москва", "nomn", "Москва"),
    ],
)
def test_inflect_region(name: str, case: str, expected: str) -> None:
    assert inflect_region(name, case) == expected


def test_inflect_every_region_in_every_case() -> None:
    for region in REGIONS:
        for case in ("gent", "datv", "accs", "ablt", "loct"):
            form = inflect_region(region.name, case)
            assert form, (region.code, case)
            # Capitals and the non-declined parts stay: the same words, the same initials.
            assert [w[:1] for w in form.split()] == [w[:1] for w in region.name.split()]
            assert form.count("(") == region.name.count("(")
        # The prepositional differs from the nominative unless nothing declines.
        if region.code not in {"RU-KO", "RU-ME"}:
            assert inflect_region(region.name, "loct") != region.name, region.code


def test_inflect_rejects_an_unknown_case() -> None:
    assert set(CASES) >= {"nomn", "gent", "datv", "accs", "ablt", "loct"}
    with pytest.raises(ValueError, match="unknown case"):
        inflect_region("Москва", "vocative")


# --- how bot.text is put together -------------------------------------------------------------

_TEXT = ROOT / "bot" / "text"


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module, inside a function) for every import of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                out.extend((a.name, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module:
                out.extend([(child.module, in_function)])
            visit(child, inner)

    visit(tree, False)
    return out


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_bot_text_imports_only_itself_libraries_and_stdlib() -> None:
    project = {"bot", "handlers", "storage", "tests", "bench"}
    for path in _TEXT.rglob("*.py"):
        for module, in_function in _imports(path):
            top = module.split(".")[0]
            if top in project:
                assert module.startswith("bot.text"), (path, module)
            # The one import inside a function loads the dictionary lazily (bot.text.morph).
            assert not in_function or module == "pymorphy3", (path, module)


def test_bot_text_has_no_import_cycles() -> None:
    graph: dict[str, set[str]] = {}
    for path in _TEXT.rglob("*.py"):
        deps = {m for m, _ in _imports(path) if m.startswith("bot.text")}
        graph[_module(path)] = deps
    # A package imports its __init__'s dependencies; a module importing its own package's
    # modules is fine as long as no path leads back to itself.
    visiting: set[str] = set()
    done: set[str] = set()

    def walk(node: str, trail: tuple[str, ...]) -> None:
        if node in done:
            return
        assert node not in visiting, " -> ".join((*trail, node))
        visiting.add(node)
        for dep in graph.get(node, ()):
            if dep != node and not node.startswith(dep + "."):
                walk(dep, (*trail, node))
        visiting.discard(node)
        done.add(node)

    for node in graph:
        walk(node, ())


def test_public_names_stay_importable() -> None:
    from bot.text import catalogue, regions

    for name in ("tag_regions", "resolve_region", "regions_in_query", "Evidence", "RegionMatch"):
        assert hasattr(regions, name)
    assert hasattr(regions, "RegionResolution")
    for name in ("REGIONS", "Region", "by_code", "by_name", "FEDERAL_DISTRICTS"):
        assert hasattr(catalogue, name)
    assert hasattr(catalogue, "regions_in_district")
    assert hasattr(catalogue, "AMBIGUOUS")
    assert by_code("RU-KK") is not None
