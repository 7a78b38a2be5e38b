"""Telegram HTML -> readable terminal text, for the offline demo.

Bold becomes ANSI bold (when the terminal supports it), links show their address,
buttons are numbered so a person can "press" one by typing its number.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import Any

BOLD, ITALIC, DIM, RESET = "\x1b[1m", "\x1b[3m", "\x1b[2m", "\x1b[0m"


class _ToTerminal(HTMLParser):
    def __init__(self, color: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.color = color
        self.out: list[str] = []
        self.hrefs: list[str | None] = []

    def _style(self, code: str) -> None:
        if self.color:
            self.out.append(code)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("b", "strong"):
            self._style(BOLD)
        elif tag in ("i", "em"):
            self._style(ITALIC)
        elif tag == "a":
            self.hrefs.append(dict(attrs).get("href"))
        elif tag == "blockquote":
            self.out.append("│ ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("b", "strong", "i", "em"):
            self._style(RESET)
        elif tag == "a" and self.hrefs:
            href = self.hrefs.pop()
            if href:
                self._style(DIM)
                self.out.append(f" <{href}>")
                self._style(RESET)

    def handle_data(self, data: str) -> None:
        self.out.append(data)


def html_to_terminal(text: str, *, color: bool) -> str:
    """Render Telegram-HTML ``text`` for a terminal."""
    parser = _ToTerminal(color)
    parser.feed(text)
    parser.close()
    return "".join(parser.out)


def buttons_of(markup: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The inline keyboard's buttons, row by row, flattened in reading order."""
    if not markup:
        return []
    rows: Sequence[Sequence[dict[str, Any]]] = markup.get("inline_keyboard") or []
    return [button for row in rows for button in row]


def render_buttons(markup: dict[str, Any] | None) -> str:
    """``[1] Хакасия  [2] Татарстан`` with one line per keyboard row."""
    if not markup:
        return ""
    lines = []
    number = 0
    for row in markup.get("inline_keyboard") or []:
        cells = []
        for button in row:
            number += 1
            label = button.get("text", "")
            if "url" in button:
                label += f" <{button['url']}>"
            cells.append(f"[{number}] {label}")
        lines.append("  ".join(cells))
    return "\n".join(lines)


_SPACES = re.compile(r"\n{3,}")


def render_message(message: dict[str, Any], *, color: bool, edited: bool = False) -> str:
    """A bot message as the demo prints it."""
    body = message.get("html") if message.get("parse_mode") == "HTML" else None
    text = html_to_terminal(body, color=color) if body else html.unescape(message.get("text", ""))
    text = _SPACES.sub("\n\n", text.strip())
    head = "бот (изменено)" if edited else "бот"
    head = f"{BOLD}{head}:{RESET}" if color else f"{head}:"
    keyboard = render_buttons(message.get("reply_markup"))
    return f"{head} {text}" + (f"\n{keyboard}" if keyboard else "")
