"""The leader lock: one holder per database at a time, released when the holder goes."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from storage.base import Database
from storage.leader import PostgresLeaderLock, leader_lock_for
from tests.pg import BACKENDS, open_backend


@pytest.fixture(params=BACKENDS)
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    async with open_backend(request.param, tmp_path) as database:
        yield database


async def test_one_holder_at_a_time(db: Database) -> None:
    """A second process's lock waits while the first holds; a release hands it over."""
    first, second = leader_lock_for(db), leader_lock_for(db)
    try:
        assert await first.try_acquire()
        assert await first.try_acquire()  # asking again while holding: still ours
        assert not await second.try_acquire()
        assert await first.still_held() and not await second.still_held()
        await first.release()
        assert not await first.still_held()
        assert await second.try_acquire()
        assert not await first.try_acquire()
    finally:
        await first.release()
        await second.release()


async def test_a_dead_holder_frees_the_lock(db: Database) -> None:
    """When the holder's session ends without a release (a crash), a standby takes over."""
    if db.dialect == "sqlite":
        await _sqlite_holder_killed(db)
        return
    first, second = leader_lock_for(db), leader_lock_for(db)
    assert isinstance(first, PostgresLeaderLock)
    try:
        assert await first.try_acquire()
        assert not await second.try_acquire()
        # Kill the holder's session from outside, as a crashed instance's would end.
        admin = await asyncpg.connect(first.url)
        try:
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = 'newsbot-leader' AND datname = current_database()"
                " AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)"
            )
        finally:
            await admin.close()
        assert not await first.still_held()
        assert await second.try_acquire()
    finally:
        await first.release()
        await second.release()


async def _sqlite_holder_killed(db: Database) -> None:
    """Another process takes the file lock and is killed with SIGKILL: the lock is free."""
    holder = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from storage.leader import FileLeaderLock\n"
        "async def main():\n"
        "    assert await FileLeaderLock(Path(sys.argv[1])).try_acquire()\n"
        "    print('held', flush=True)\n"
        "    await asyncio.sleep(120)\n"
        "asyncio.run(main())\n",
        db.path + ".leader",
        stdout=asyncio.subprocess.PIPE,
        cwd=Path(__file__).resolve().parent.parent,
    )
    standby = leader_lock_for(db)
    try:
        assert holder.stdout is not None
        assert await asyncio.wait_for(holder.stdout.readline(), 60) == b"held\n"
        assert not await standby.try_acquire()
        holder.send_signal(signal.SIGKILL)
        await holder.wait()
        assert await standby.try_acquire()
    finally:
        if holder.returncode is None:
            holder.kill()
            await holder.wait()
        await standby.release()
