"""Webhook mode, /healthz and /metrics of the real app, over HTTP."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import aiohttp

from bot.app import build_app
from bot.emulator import Emulator
from bot.web import OUTBOX_STUCK_SECONDS, health
from storage.db import now_ts, open_database
from storage.repos import Repositories
from tests.support.apps import USER_ID, BotAppFactory, make_settings

SECRET = "s3cret_token-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_mode_sets_the_hook_and_refuses_updates_without_the_secret(
    emulator: Emulator, tmp_path: Path
) -> None:
    """``run`` with ``[webhook] url`` calls setWebhook with the secret, serves updates that
    carry it and refuses those that do not."""
    assert emulator.base_url is not None
    port = free_port()
    settings = make_settings(
        emulator.base_url,
        tmp_path / "bot.sqlite3",
        webhook={
            "url": "https://bot.example.org/tg",
            "listen": f"127.0.0.1:{port}",
            "secret_token": SECRET,
        },
    )
    app = await build_app(settings)
    task = asyncio.create_task(app.run(handle_signals=False))
    try:
        for _ in range(300):
            if emulator.call_log("setWebhook"):
                break
            await asyncio.sleep(0.02)
        [call] = emulator.call_log("setWebhook")
        assert call["params"]["url"] == "https://bot.example.org/tg"
        assert call["params"]["secret_token"] == SECRET
        assert str(call["params"].get("drop_pending_updates", "false")).lower() == "false"
        assert not emulator.call_log("getUpdates")  # no polling in webhook mode

        queued = emulator.user_message(USER_ID, "/start")
        update = {"update_id": queued["update_id"], "message": queued["message"]}
        url = f"http://127.0.0.1:{port}/tg"
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=update) as refused:
                assert refused.status == 401
            wrong = {"X-Telegram-Bot-Api-Secret-Token": "nope"}
            async with http.post(url, json=update, headers=wrong) as refused:
                assert refused.status == 401
            assert emulator.messages(USER_ID) == []
            good = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            async with http.post(url, json=update, headers=good) as accepted:
                assert accepted.status == 200
            [reply] = await emulator.wait_messages(USER_ID, 1, timeout=10)
            assert "Здравствуйте" in reply["text"]
            async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                assert resp.status == 200
                assert (await resp.json())["database"] == "ok"
    finally:
        app.stop()
        await asyncio.wait_for(task, 15)
    assert task.exception() is None


async def test_healthz_and_metrics_next_to_polling(bot_app: BotAppFactory) -> None:
    """``[http] listen`` serves /healthz and Prometheus /metrics that count updates and sends."""
    port = free_port()
    running = await bot_app(http={"listen": f"127.0.0.1:{port}"})
    await running.say("/start")
    await running.say("/help")
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
            body = await resp.json()
            assert resp.status == 200
            assert body["status"] == "ok" and body["outbox_pending"] == 0
        async with http.get(f"http://127.0.0.1:{port}/metrics") as resp:
            assert resp.status == 200
            assert resp.headers["Content-Type"].startswith("text/plain")
            text = await resp.text()
    values = {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line and not line.startswith("#")
    }
    assert values['newsbot_updates_total{type="message"}'] == 2
    assert values['newsbot_messages_sent_total{outcome="ok"}'] >= 2
    assert values["newsbot_outbox_pending"] == 0
    assert "newsbot_telegram_429_total" in values


async def test_health_fails_on_a_stuck_outbox(tmp_path: Path) -> None:
    """A due delivery older than the threshold makes /healthz unhealthy (503)."""
    db = await open_database(tmp_path / "h.sqlite3")
    try:
        repos = Repositories.over(db)
        ok, body = await health(repos)
        assert ok and body["outbox_lag_seconds"] == 0
        old = now_ts() - OUTBOX_STUCK_SECONDS - 60
        async with db.write() as conn:
            await conn.execute(
                "INSERT INTO chats (id, type, title, language, active, created_at, updated_at)"
                " VALUES (1, 'private', '', 'ru', 1, ?, ?)",
                (old, old),
            )
            await conn.execute(
                "INSERT INTO deliveries (chat_id, kind, payload, created_at)"
                " VALUES (1, 'digest', 'x', ?)",
                (old,),
            )
        ok, body = await health(repos)
        assert not ok
        assert body["status"] == "fail" and body["outbox_pending"] == 1
        assert body["outbox_lag_seconds"] >= OUTBOX_STUCK_SECONDS
    finally:
        await db.close()
