"""``python -m bot search``: the bot's ranking on the command line, without aiogram."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from storage.db import open_database
from tests.support.articles import Item, store

ROOT = Path(__file__).resolve().parents[1]


async def _config(tmp_path: Path) -> Path:
    db_path = tmp_path / "cli.sqlite3"
    db = await open_database(db_path)
    try:
        await store(
            db,
            [
                Item("Подписано соглашение", "Хакасия подписала соглашение о форуме.", ("RU-KK",)),
                Item("Форум в Казани", "Форум прошёл в Казани.", ("RU-TA",), 2),
            ],
        )
    finally:
        await db.close()
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{db_path}"\n', encoding="utf-8")
    return config


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_search_json(tmp_path: Path) -> None:
    config = await _config(tmp_path)
    done = _run("search", "--config", str(config), "соглашения", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["terms"] == ["соглашен"]
    [hit] = out["results"]
    assert hit["title"] == "Подписано соглашение" and hit["regions"] == ["RU-KK"]
    assert "<b>соглашение</b>" in hit["snippet_html"] and "<b>" not in hit["snippet"]


async def test_search_text_with_region_words_and_hostile_input(tmp_path: Path) -> None:
    config = await _config(tmp_path)
    done = _run("search", "--config", str(config), "форум", "татарстан")
    assert done.returncode == 0, done.stderr
    assert "Форум в Казани" in done.stdout and "Подписано" not in done.stdout
    hostile = _run("search", "--config", str(config), "--", '"*', "NEAR(", "title:", "-AND")
    assert hostile.returncode == 0, hostile.stderr
    assert "nothing found" in hostile.stdout and "Traceback" not in hostile.stderr


async def test_search_does_not_import_aiogram(tmp_path: Path) -> None:
    config = await _config(tmp_path)
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        f"rc = main(['search', '--config', {str(config)!r}, 'форум'])\n"
        "assert rc == 0\n"
        "assert 'aiogram' not in sys.modules, 'aiogram imported'\n"
        "print('clean')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "clean" in done.stdout and "Форум в Казани" in done.stdout
