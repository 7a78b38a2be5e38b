"""The real-news evaluations read an article as the bot does: headline and body."""

from __future__ import annotations

import json
from pathlib import Path

from bench.eval_events import join_real


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_a_title_kept_apart_is_the_headline(tmp_path: Path) -> None:
    texts = _write(
        tmp_path / "texts.jsonl",
        [
            {"id": "a", "title": "В Шахтах отменили День города", "text": "Решение приняли вчера."},
            {"id": "b", "title": "Форум", "text": "Форум\nВ Абакане прошёл форум."},
            {"id": "c", "text": "Сессия думы\nДепутаты собрались на сессию."},
        ],
    )
    labels: list[dict[str, object]] = [{"id": i} for i in ("a", "b", "c", "missing")]
    got = {str(item["id"]): (item["title"], item["text"]) for item in join_real(labels, texts)}
    assert got == {
        "a": ("В Шахтах отменили День города", "Решение приняли вчера."),
        "b": ("Форум", "Форум\nВ Абакане прошёл форум."),
        "c": ("Сессия думы", "Сессия думы\nДепутаты собрались на сессию."),
    }
