"""The ``analyze`` command: text in, JSON out: regions, event facts, summary.

`analyze_text` builds the JSON-ready result for one article:

    {"regions": [{"code": "RU-KK", "name": "Республика Хакасия", "role": "main",
                  "evidence": [{"text": "Хакасию", "start": 10, "end": 17, "kind": "name",
                                "cue": ""}]}],
     "event": null | {"kind", "name", "date", "date_text", "place", "figures", ...},
     "summary": "..."}

``role`` is ``main`` (the story is about or happens there) or ``mentioned`` (a passing
mention); an evidence ``cue`` says why a mention is a passing one (``origin``, ``route``,
``state``, ``comparison``) or is empty. Evidence offsets refer to the analysed text
(`analysed_text`: the text, with the title prepended when the text does not already start
with it). `main(argv)` implements
``python -m bot analyze [--json | --jsonl] [FILE | -]``. Nothing here imports aiogram: a cold
start must stay well under 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from bot.text.events import detect_event, event_to_json
from bot.text.regions import tag_regions
from bot.text.summary import summarize_article

__all__ = ["analysed_text", "analyze_text", "main"]


def analysed_text(title: str, text: str) -> str:
    """The string `analyze_text` reads: ``text``, with ``title`` on a first line of its own
    unless ``text`` already starts with it. Evidence offsets refer to this string."""
    title = title.strip()
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n{text}"


def analyze_text(
    title: str, text: str, published: datetime | None, *, source_region: str | None = None
) -> dict[str, object]:
    """Analyse one article (title and body) into a JSON-ready dict.

    Regions come from `analysed_text(title, text)` (the title counts: headlines often name
    the place); evidence offsets refer to that string, which is ``text`` itself when the
    title is empty or already opens the text. ``published`` is for the event and summary
    features. ``source_region``: the region code of the source, a hint for homonyms.
    """
    matches = tag_regions(analysed_text(title, text), source_region=source_region)
    regions = [
        {
            "code": m.code,
            "name": m.name,
            "role": m.role,
            "evidence": [
                {"text": e.text, "start": e.start, "end": e.end, "kind": e.kind, "cue": e.cue}
                for e in m.evidence
            ],
        }
        for m in matches
    ]
    event = detect_event(title, text, published, regions=matches)
    return {
        "regions": regions,
        "event": event_to_json(event),
        "summary": summarize_article(title, text),
    }


def _parse_published(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError("published must be an ISO 8601 string")
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _jsonl_line(line: str, source_region: str | None = None) -> dict[str, object]:
    item_id: object = None
    try:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise ValueError("a line must be a JSON object")
        item_id = item.get("id")
        title = item.get("title") or ""
        text = item.get("text")
        if not isinstance(text, str) or not isinstance(title, str):
            raise ValueError("text (and title, if given) must be strings")
        published = _parse_published(item.get("published"))
        source = item.get("source_region") or source_region
        if source is not None and not isinstance(source, str):
            raise ValueError("source_region must be a region code string")
        return {"id": item_id, **analyze_text(title, text, published, source_region=source)}
    except ValueError as exc:  # json.JSONDecodeError and bad dates are ValueErrors
        return {"id": item_id, "error": str(exc)}


def _read(source: str) -> IO[str]:
    if source == "-":
        return sys.stdin
    return Path(source).open(encoding="utf-8")


def main(argv: list[str]) -> int:
    """``analyze [--json | --jsonl] [FILE | -]``; returns the exit code (1 if a line failed)."""
    parser = argparse.ArgumentParser(
        prog="python -m bot analyze",
        description="Анализ текста: регионы, событие и краткое содержание в JSON.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="один текст -> один JSON (default)")
    mode.add_argument("--jsonl", action="store_true", help="JSON Lines: id, title, text")
    parser.add_argument("file", nargs="?", default="-", help="файл или - (stdin)")
    parser.add_argument(
        "--published",
        default=None,
        help="дата публикации (ISO 8601) для --json: год для дат вроде «15 января»",
    )
    parser.add_argument(
        "--source-region",
        default=None,
        help="код региона источника (RU-KK): подсказка для одноимённых городов",
    )
    args = parser.parse_args(argv)
    try:
        stream = _read(args.file)
    except OSError as exc:
        sys.stderr.write(f"analyze: cannot read {args.file}: {exc.strerror}\n")
        return 2
    out = sys.stdout
    failed = False
    with stream:
        if args.jsonl:
            for line in stream:
                if not line.strip():
                    continue
                result = _jsonl_line(line, args.source_region)
                failed = failed or "error" in result
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                out.flush()
        else:
            text = stream.read()
            title = text.strip().split("\n", 1)[0].strip() if text.strip() else ""
            try:
                published = _parse_published(args.published)
            except ValueError as exc:
                sys.stderr.write(f"analyze: --published: {exc}\n")
                return 2
            result = analyze_text(title, text, published, source_region=args.source_region)
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 1 if failed else 0
