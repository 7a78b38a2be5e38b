"""The offline demo, scripted through standard input, as a person would use it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.demo.feeds import fill_template
from bot.demo.terminal import html_to_terminal, render_buttons

ROOT = Path(__file__).resolve().parent.parent


def test_demo_script_subscribes_reads_and_receives_a_push(tmp_path: Path) -> None:
    script = "/start\n/subscribe Хакасия\n/latest\n/events\n4\n@форум\n/publish\n/quit\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo"],  # no config file at all: defaults
        input=script, capture_output=True, text=True, cwd=tmp_path, timeout=180, check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    out = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.startswith("Демо")
    assert "Подписка оформлена: Республика Хакасия" in out
    # /latest lists the region's items from the demo feeds, newest first.
    assert out.index("В Черногорске отремонтируют") < out.index("В Абакане прошла сессия")
    # The forum is reported by two portals: one event with two reports.
    assert "Малая родина - сила России" in out and "2 сообщения" in out
    assert "[4] 4. Форум «Малая родина - сила России»" in out  # item N is button N
    # Button 4 opens the forum's card, with the facts merged from both reports.
    card = out[out.index("бот (изменено): Форум") :]
    assert "250 — эксперты" in card and "Кириенко" in card
    # Inline mode answers; the push of the freshly published item arrives after /publish.
    assert "inline @newsbot_test_bot форум" in out
    push_at = out.index("опубликована новость")
    assert "В Саяногорске открылся новый центр" in out[push_at:]
    assert "#Хакасия" in out[push_at:]
    assert out.rstrip().endswith("Демо завершено.")
    assert "Traceback" not in result.stderr


def test_templates_keep_dates_in_the_past() -> None:
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    text = fill_template("{base}/x {date:-1d09:30} {day:-2d} {date:now}", "http://h", now)
    assert text.startswith("http://h/x Sun, 01 Mar 2026 09:30:00")
    assert "28 февраля" in text
    # A clock time later than now is moved back, so no item is published in the future.
    later = fill_template("{date:-0d23:00}", "", now)
    assert later == "Mon, 02 Mar 2026 11:55:00 +0000"


def test_terminal_rendering_of_html_and_buttons() -> None:
    text = html_to_terminal('<b><a href="https://a.ru/1">Форум &amp; итоги</a></b>', color=False)
    assert text == "Форум & итоги <https://a.ru/1>"
    markup = {"inline_keyboard": [[{"text": "Ещё", "callback_data": "x"}], [{"text": "A"}]]}
    assert render_buttons(markup) == "[1] Ещё\n[2] A"
