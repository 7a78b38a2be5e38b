"""Router for the admin sources feature (filled in by its change)."""

from __future__ import annotations

from aiogram import Router

router = Router(name="admin_sources")
