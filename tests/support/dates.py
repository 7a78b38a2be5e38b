"""Dates as the bot writes them in Russian («5 июня 2026 года»)."""

from __future__ import annotations

from datetime import date

_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


def ru_date(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year} года"
