"""``analyze``: the JSON and JSON Lines modes, in a subprocess, without aiogram."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.cli.analyze import analyze_text, main
from tests.support.shared import SEED, needs_shared

ROOT = Path(__file__).resolve().parent.parent
RUNNER = (
    "import sys; from bot.cli.analyze import main; rc = main(sys.argv[1:]); "
    "sys.stderr.write('AIOGRAM=%s\\n' % ('aiogram' in sys.modules)); sys.exit(rc)"
)


def run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUNNER, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_analyze_text_shape() -> None:
    text = "В Абакане прошёл форум.\nХакасию посетили гости из Татарстана."
    result = analyze_text("В Абакане прошёл форум.", text, datetime(2024, 1, 15, tzinfo=UTC))
    regions = result["regions"]
    assert isinstance(regions, list)
    assert [r["code"] for r in regions] == ["RU-KK", "RU-TA"]
    # The story happens in Хакасия; Татарстан is where the guests come from.
    assert [r["role"] for r in regions] == ["main", "mentioned"]
    ev = regions[0]["evidence"][0]
    assert ev == {"text": "Абакане", "start": 2, "end": 9, "kind": "town", "cue": ""}
    assert regions[1]["evidence"][0]["cue"] == "origin"
    json.dumps(result, ensure_ascii=False)  # JSON-ready


def test_source_region_decides_a_homonym() -> None:
    text = "В Кировске открыли новую школу."
    assert analyze_text("", text, None)["regions"] == []
    result = analyze_text("", text, None, source_region="RU-MUR")
    regions = result["regions"]
    assert isinstance(regions, list)
    assert [(r["code"], r["role"]) for r in regions] == [("RU-MUR", "main")]
    proc = run(["--json", "--source-region", "RU-LEN"], stdin=text)
    assert [r["code"] for r in json.loads(proc.stdout)["regions"]] == ["RU-LEN"]


@needs_shared(SEED)
def test_json_mode_file(tmp_path: Path) -> None:
    proc = run(["--json", str(SEED)])
    assert proc.returncode == 0, proc.stderr
    assert "AIOGRAM=False" in proc.stderr
    out = json.loads(proc.stdout)
    assert {r["code"] for r in out["regions"]} == {"RU-KK", "RU-TA", "RU-MOW"}
    assert "Хакасию" in proc.stdout  # ensure_ascii=False
    text = SEED.read_text(encoding="utf-8")
    for region in out["regions"]:
        for ev in region["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]


def test_json_mode_stdin_is_default() -> None:
    proc = run(["-"], stdin="Пожар в Саратове\nВ Саратове горел склад.")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [r["code"] for r in out["regions"]] == ["RU-SAR"]
    proc = run([], stdin="Без регионов.")
    out = json.loads(proc.stdout)
    assert (
        out["regions"] == []
        and out["event"] is None
        and set(out) == {"regions", "event", "summary"}
    )


def test_jsonl_mode_ids_in_order_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "title": "В Абакане", "text": "Прошёл форум.", "published": "2024-01-15"},
        {"id": 2, "title": "", "text": "Новости Кузбасса и Югры."},
        "this is not json",
        {"id": "bad-date", "text": "В Перми снег.", "published": "вчера"},
        {"id": "no-text", "title": "Заголовок"},
        {"id": "z", "text": "Ничего.", "published": "2024-01-15T10:00:00+03:00"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
        + "\n",
        encoding="utf-8",
    )
    proc = run(["--jsonl", str(src)])
    assert proc.returncode == 1  # some lines failed
    assert "AIOGRAM=False" in proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, None, "bad-date", "no-text", "z"]
    assert [r["code"] for r in out[0]["regions"]] == ["RU-KK"]
    assert [r["code"] for r in out[1]["regions"]] == ["RU-KEM", "RU-KHM"]
    assert "error" in out[2] and "regions" not in out[2]
    assert "error" in out[3]
    assert "error" in out[4]
    assert out[5]["id"] == "z" and out[5]["regions"] == [] and out[5]["event"] is None


def test_jsonl_all_good_exits_zero() -> None:
    proc = run(["--jsonl"], stdin='{"id": 1, "text": "В Казани тепло."}\n\n')
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {
        "id": 1,
        "regions": [
            {
                "code": "RU-TA",
                "name": "Республика Татарстан",
                "role": "main",
                "evidence": [{"text": "Казани", "start": 2, "end": 8, "kind": "town", "cue": ""}],
            }
        ],
        "event": None,
        "summary": "В Казани тепло.",
    }


def test_missing_file_exit_code(tmp_path: Path) -> None:
    assert main(["--json", str(tmp_path / "nope.txt")]) == 2


def test_title_counts_and_offsets_follow_analysed_text() -> None:
    from bot.cli.analyze import analysed_text

    text = "Пожар потушили за час."
    assert analysed_text("В Абакане горел склад", text) == "В Абакане горел склад\n" + text
    assert analysed_text("", text) == text
    assert analysed_text("Пожар", text) == text  # the text already opens with the title
    result = analyze_text("В Абакане горел склад", text, None)
    regions = result["regions"]
    assert isinstance(regions, list)
    ev = regions[0]["evidence"][0]
    full = analysed_text("В Абакане горел склад", text)
    assert full[ev["start"] : ev["end"]] == ev["text"] == "Абакане"
