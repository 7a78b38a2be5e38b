"""OPML: parsing untrusted lists, rendering, and the ``sources import|export`` commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.ingest.opml import OpmlEntry, OpmlError, parse_opml, render_opml
from tests.support.opml import LIST


def test_parse_keeps_web_feeds_with_their_regions() -> None:
    """Regions come from categories (codes or names) or an enclosing outline; file:// and
    repeated URLs are dropped."""
    assert parse_opml(LIST.encode()) == [
        OpmlEntry("https://r-19.ru/rss", "Правительство РХ", "RU-KK"),
        OpmlEntry("https://abakan.example/feed", "Абакан", "RU-KK"),
        OpmlEntry("https://kzn.example/rss", "Казань", "RU-TA"),
        OpmlEntry("https://nowhere.example/rss", "Без региона", None),
    ]


def test_parse_reads_the_declared_encoding() -> None:
    """A windows-1251 list reads as Russian, not as mojibake."""
    doc = (
        '<?xml version="1.0" encoding="windows-1251"?><opml><body>'
        '<outline text="Вести Хакасии" xmlUrl="https://v.example/rss" category="Хакасия"/>'
        "</body></opml>"
    ).encode("cp1251")
    assert parse_opml(doc) == [OpmlEntry("https://v.example/rss", "Вести Хакасии", "RU-KK")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not xml at all", "not an OPML list"),
        (b"<opml><body><outline text='x'/></body></opml>", r"no http\(s\) feed"),
        (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
            b'<opml><body><outline xmlUrl="https://x.example/&b;"/></body></opml>',
            "not an OPML list",
        ),
        (b" " * 2_000_001, "larger than"),
    ],
)
def test_parse_refuses_what_is_not_a_list(data: bytes, reason: str) -> None:
    """Garbage, a list of no feeds, an entity bomb and a huge file are refused by name."""
    with pytest.raises(OpmlError, match=reason):
        parse_opml(data)


def test_render_then_parse_round_trip() -> None:
    """Every source and its region survive export and import; special characters escape."""
    entries = [
        OpmlEntry("https://r-19.ru/rss?a=1&b=2", "Правительство «РХ» & Co", "RU-KK"),
        OpmlEntry("https://kzn.example/rss", "", None),
        OpmlEntry("https://yugra.example/rss", "Югра", "RU-KHM"),
    ]
    assert parse_opml(render_opml(entries).encode()) == entries


def test_cli_import_then_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``sources import`` adds each feed once with its region; ``sources export`` writes
    them all back."""
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{tmp_path / "db.sqlite3"}"\n', encoding="utf-8")
    opml = tmp_path / "list.opml"
    opml.write_text(LIST, encoding="utf-8")
    assert main(["sources", "import", str(opml), "--config", str(config)]) == 0
    assert "4 feed(s) in the file: 4 added, 0 already there" in capsys.readouterr().out
    assert main(["sources", "import", str(opml), "--config", str(config)]) == 0
    assert "0 added, 4 already there" in capsys.readouterr().out
    out_file = tmp_path / "out.opml"
    assert main(["sources", "export", str(out_file), "--config", str(config)]) == 0
    exported = parse_opml(out_file.read_bytes())
    assert exported == parse_opml(LIST.encode())
    assert main(["sources", "import", str(tmp_path / "missing.opml"), "--config", str(config)]) == 1
    assert "cannot read" in capsys.readouterr().err
