"""`python -m bot analyze` on the seed article: regions, event facts and summary together."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support.shared import SEED, needs_shared

ROOT = Path(__file__).resolve().parent.parent


@needs_shared(SEED)
def test_seed_article_through_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "analyze", "--json", "--published",
         "2024-01-16T10:00:00+03:00", str(SEED)],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=True,
    )  # fmt: skip
    out = json.loads(result.stdout)
    assert {r["code"] for r in out["regions"]} == {"RU-KK", "RU-TA", "RU-MOW"}
    event = out["event"]
    assert event["kind"] == "форум"
    assert event["status"] == "held"
    assert event["name"] == "Малая родина - сила России"
    assert event["date"] == "2024-01-15"
    assert "Москва" in event["place"]
    values = {(f["value"], f["unit"]) for f in event["figures"]}
    assert {v for v, _ in values} >= {7500, 89, 35, 250, 64, 3, 32, 24}
    assert len(event["tracks"]) == 3
    assert any("Кириенко" in p["name"] for p in event["people"])
    summary = out["summary"]
    assert 0 < len(summary) <= 700
    everything = result.stdout
    assert "Великий Новгород" not in everything and "Частотный" not in everything


def test_bad_published_date_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Заголовок\nТекст", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "analyze", "--json", "--published", "вчера", str(path)],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--published" in result.stderr and "Traceback" not in result.stderr
