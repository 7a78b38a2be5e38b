"""`python -m bot run` as a process: outlasts an unreachable API, answers, stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

from bot.emulator import Emulator

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_for_line(stream: asyncio.StreamReader, needle: str, timeout: float) -> str:
    seen: list[str] = []

    async def read() -> str:
        while True:
            raw = await stream.readline()
            if not raw:
                raise AssertionError(f"process ended before {needle!r}; output: {seen}")
            line = raw.decode(errors="replace")
            seen.append(line)
            if needle in line:
                return line

    return await asyncio.wait_for(read(), timeout)


async def test_run_survives_unreachable_api_then_answers_and_stops_cleanly(
    tmp_path: Path,
) -> None:
    """`bot run` waits out an unreachable API, then answers /start and exits 0 on SIGTERM."""
    port = free_port()
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\napi_base = "http://127.0.0.1:{port}"\npolling_timeout = 1\n'
        f'[storage]\npath = "{tmp_path / "db.sqlite3"}"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "BOT_TOKEN": "123:abc"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--config",
        str(config),
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    emulator = Emulator()
    try:
        assert proc.stderr is not None
        # No server yet: the bot logs and keeps retrying instead of exiting.
        await wait_for_line(proc.stderr, "unreachable", timeout=60)
        assert proc.returncode is None
        await emulator.start("127.0.0.1", port)
        await wait_for_line(proc.stderr, "Run polling", timeout=60)
        emulator.user_message(501, "/start", language_code="ru")
        messages = await emulator.wait_messages(501, 1, timeout=20)
        assert messages and "Здравствуйте" in messages[0]["text"]
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        await emulator.stop()
