"""The deployment examples stay loadable as the code changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_cluster_config_loads_with_secrets_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """deploy/cluster/config.toml: webhook mode on PostgreSQL, secrets only from the env."""
    monkeypatch.setenv("BOT_TOKEN", "123456:abc")
    monkeypatch.setenv("WEBHOOK_SECRET", "s3cret")
    monkeypatch.setenv("DATABASE_URL", "postgresql://newsbot:pw@postgres:5432/newsbot")
    settings = load_settings(ROOT / "deploy" / "cluster" / "config.toml")
    assert str(settings.webhook.url) == "https://bot.example.org/tg"
    assert settings.webhook.route == "/tg" and settings.webhook.listen == "0.0.0.0:8080"
    assert settings.webhook.secret_token.get_secret_value() == "s3cret"
    assert settings.storage.database == "postgresql://newsbot:pw@postgres:5432/newsbot"
    caddy = (ROOT / "deploy" / "cluster" / "Caddyfile").read_text(encoding="utf-8")
    assert "reverse_proxy /tg bot-a:8080 bot-b:8080" in caddy  # the route the config serves
