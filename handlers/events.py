"""Router for the events feature (filled in by its change)."""

from __future__ import annotations

from aiogram import Router

router = Router(name="events")
