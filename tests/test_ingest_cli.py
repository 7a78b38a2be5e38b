"""``python -m bot ingest`` and ``python -m bot latest`` in real subprocesses (no aiogram)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.ingest import EXIT_FAILED, EXIT_OK, EXIT_USAGE, ingest_command, latest_command
from bot.config import Settings, StorageSettings
from tests.support.cli import run_cli
from tests.support.feeds import FEEDS, FeedServer
from tests.support.shared import LENTA_FEEDS, lenta_files, needs_shared


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    # The feed server is on 127.0.0.1; the fixtures' item links are not real pages (pages:
    # test_ingest_fulltext.py).
    path.write_text(
        f'[storage]\npath = "{tmp_path / "db.sqlite3"}"\n'
        "[ingest]\npages_per_poll = 0\nallow_private_addresses = true\n",
        encoding="utf-8",
    )
    return path


@needs_shared(LENTA_FEEDS)
async def test_ingest_then_latest_without_aiogram(
    server: FeedServer, config: Path, tmp_path: Path
) -> None:
    """`bot ingest` reads URLs and folders without importing aiogram; `latest` lists them."""
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "kuban.rdf").write_bytes((FEEDS / "rss10.rdf").read_bytes())
    (folder / "fest.html").write_bytes((FEEDS / "page_koi8.html").read_bytes())
    good = server.add_file("/lenta.xml", lenta_files()[0])
    rh = server.add_file("/rh.xml", FEEDS / "rss20_cp1251.xml")
    copy = server.add_file("/copy.xml", FEEDS / "rss20_copy.xml")
    missing = server.url("/missing.xml")
    code, out, err = await run_cli(
        "ingest", "--config", str(config), good, rh, copy, str(folder), missing
    )
    assert code == EXIT_FAILED, err
    assert "AIOGRAM=False" in err
    lines = out.splitlines()
    # Lenta ran one story twice under two titles: the second is linked as a copy.
    assert f"ok   {good}: 199 new, 1 duplicate" in lines
    assert f"ok   {rh}: 2 new, 0 duplicate" in lines
    assert f"ok   {copy}: 0 new, 1 duplicate" in lines  # the press release, republished
    assert f"ok   {folder}: 2 new, 0 duplicate" in lines
    assert f"FAIL {missing}: HTTP 404 Not Found" in lines
    assert lines[-1] == "5 source(s): 203 new article(s), 1 failed"
    assert "\r[" not in err  # not a terminal: no progress bar

    # Again: everything is a duplicate now, and every source is read: exit 0.
    code, out, err = await run_cli("ingest", "--config", str(config), good, str(folder))
    assert code == EXIT_OK, err
    assert f"ok   {good}: 0 new, 200 duplicate" in out.splitlines()

    code, out, err = await run_cli("latest", "--config", str(config), "--limit", "3", "--json")
    assert code == EXIT_OK, err
    assert "AIOGRAM=False" in err
    items = json.loads(out)
    assert len(items) == 3
    assert {"id", "url", "title", "published", "source", "regions"} <= set(items[0])
    assert items[0]["published"] >= items[1]["published"] >= items[2]["published"]
    assert items[0]["published"].endswith("+00:00")

    code, out, err = await run_cli(
        "latest", "--config", str(config), "--region", "Хакасии", "--json"
    )
    assert code == EXIT_OK, err
    items = json.loads(out)
    urls = {i["url"] for i in items}
    assert "https://vesti-rh.example/news/1001" in urls
    assert not any(u.startswith("https://sibnews.example") for u in urls)  # the copy
    for item in items:
        assert {"code": "RU-KK", "name": "Республика Хакасия"} in item["regions"]

    code, out, err = await run_cli("latest", "--config", str(config), "--region", "RU-TA")
    assert code == EXIT_OK
    assert "Золотая осень" in out and "[RU-TA" in out

    code, out, err = await run_cli("latest", "--config", str(config), "--region", "Нарния")
    assert code == EXIT_USAGE
    assert out == ""
    assert err.splitlines()[0].startswith("unknown region 'Нарния'")


async def test_progress_bar_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bot ingest` on a terminal draws a progress bar."""
    settings = Settings(storage=StorageSettings(path=tmp_path / "db.sqlite3"))
    sources = [str(FEEDS / "atom.xml"), str(FEEDS / "rss091.xml"), str(tmp_path / "nope.xml")]
    code = await ingest_command(settings, sources, progress=True)
    captured = capsys.readouterr()
    assert code == EXIT_FAILED
    assert "\r[" in captured.err and "3/3" in captured.err
    assert "#" * 30 in captured.err
    assert f"FAIL {tmp_path / 'nope.xml'}: no such file" in captured.out
    code = await latest_command(settings, limit=0, region=None, as_json=False)
    assert code == EXIT_USAGE
    code = await latest_command(settings, limit=10, region=None, as_json=False)
    out = capsys.readouterr().out
    assert code == EXIT_OK and "Ханты-Мансийск принимает биатлонистов" in out
