"""Router for the inline feature (filled in by its change)."""

from __future__ import annotations

from aiogram import Router

router = Router(name="inline")
