"""The real CLI in a subprocess, reporting whether aiogram was imported."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Runs the real CLI entry point, then reports whether aiogram was imported.
RUNNER = (
    "import sys; from bot.cli import main; rc = main(sys.argv[1:]); "
    "print('AIOGRAM=' + str('aiogram' in sys.modules), file=sys.stderr); sys.exit(rc)"
)


async def run_cli(*args: str) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        RUNNER,
        *args,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()
