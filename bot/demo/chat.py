"""The demo user's chat in the terminal: what the bot sends, edits and offers as buttons."""

from __future__ import annotations

import asyncio
from typing import Any, TextIO

from bot.demo.terminal import DIM, RESET, buttons_of, render_message
from bot.emulator import Emulator

DEMO_USER = 700100


class TerminalChat:
    """Prints what the bot sends to the demo user's chat, including edits."""

    def __init__(self, emulator: Emulator, out: TextIO, color: bool) -> None:
        self.emulator = emulator
        self.out = out
        self.color = color
        self._shown: dict[int, str] = {}
        self.last_keyboard: tuple[int, list[dict[str, Any]]] | None = None
        self.inline_results: list[dict[str, Any]] = []
        self.language = "ru"  # the demo user's Telegram language (buttons, inline queries)

    def note(self, text: str) -> None:
        self.out.write((f"{DIM}{text}{RESET}" if self.color else text) + "\n")
        self.out.flush()

    def show_new(self) -> int:
        """Print messages that are new or changed since the last call; returns how many."""
        shown = 0
        for message in self.emulator.messages(DEMO_USER):
            key = f"{message.get('html') or message.get('text')}|{message.get('reply_markup')}"
            previous = self._shown.get(message["message_id"])
            if previous == key:
                continue
            self._shown[message["message_id"]] = key
            if message.get("photo"):  # sent by URL: show where Telegram took the picture from
                info = self.emulator.file_info(message["photo"][-1]["file_id"])
                self.note(f"[🖼 {info.get('url') or info.get('file_path') or 'photo'}]")
            self.out.write(render_message(message, color=self.color, edited=previous is not None))
            self.out.write("\n\n")
            buttons = buttons_of(message.get("reply_markup"))
            if buttons:
                self.last_keyboard = (message["message_id"], buttons)
            shown += 1
        self.out.flush()
        return shown

    async def settle(self, quiet: float = 0.6, limit: float = 8.0) -> None:
        """Wait for the bot's answer: until nothing new arrives for ``quiet`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        last_change = loop.time()
        while loop.time() < deadline:
            if self.show_new():
                last_change = loop.time()
            elif loop.time() - last_change >= quiet and self._shown:
                return
            await asyncio.sleep(0.05)

    async def press(self, number: int) -> None:
        if self.inline_results and self.last_keyboard is None:
            self._share_inline(number)
            return
        if self.last_keyboard is None or not 1 <= number <= len(self.last_keyboard[1]):
            self.note("(нет такой кнопки)")
            return
        message_id, buttons = self.last_keyboard
        button = buttons[number - 1]
        if "callback_data" not in button:
            self.note(f"(кнопка-ссылка: {button.get('url') or button.get('switch_inline_query')})")
            return
        sent = self.emulator.press_button(
            DEMO_USER, DEMO_USER, message_id, button["callback_data"], language_code=self.language
        )
        answer = await self.emulator.callback_answer(sent["callback_query_id"], wait=5)
        if answer.get("text"):
            self.note(f"({answer['text']})")

    async def inline(self, query: str) -> None:
        sent = self.emulator.inline_query(DEMO_USER, query, language_code=self.language)
        answer = await self.emulator.inline_answer(sent["inline_query_id"], wait=8)
        self.inline_results = list(answer.get("results") or [])
        self.last_keyboard = None
        if not self.inline_results:
            self.note("(inline: ничего не найдено)")
            return
        self.out.write(f"inline @{self.emulator.bot_username} {query}:\n")
        for number, result in enumerate(self.inline_results, start=1):
            title = result.get("title", "")
            desc = result.get("description", "")
            self.out.write(f"[{number}] {title}\n    {desc}\n")
        self.note("(номер — отправить результат в чат)")
        self.out.flush()

    def _share_inline(self, number: int) -> None:
        if not 1 <= number <= len(self.inline_results):
            self.note("(нет такого результата)")
            return
        content = self.inline_results[number - 1].get("input_message_content") or {}
        fake = {"html": content.get("message_text", ""), "parse_mode": content.get("parse_mode")}
        self.out.write(render_message(fake, color=self.color).replace("бот", "вы через @бот", 1))
        self.out.write("\n\n")
        self.inline_results = []
