"""PostgreSQL for tests: a fresh database per test, and backend-parametrised openers.

No fixtures are registered here (``tests/conftest.py`` is not involved): a test module
declares the fixtures it wants with these helpers, e.g.

    from tests.pg import BACKENDS, open_backend

    @pytest.fixture(params=BACKENDS)
    async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
        async with open_backend(request.param, tmp_path) as database:
            yield database

The server is ``NEWSBOT_TEST_PG`` (a URL to a database the test user may connect to and
create databases from), default ``postgresql://postgres@127.0.0.1:5432/postgres``. Each
PostgreSQL test gets a database of its own named ``newsbot_test_<random>``, cloned from a
migrated template made once per test process, and dropped afterwards. When no server
answers, PostgreSQL tests are skipped with the reason (failed instead when
``NEWSBOT_REQUIRE_PG=1``, as in CI); any other failure fails them.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from storage.db import Database, open_database

SERVER_URL = os.environ.get("NEWSBOT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
# CI sets it: there a missing server is a failure, never half the suite skipped.
REQUIRED = os.environ.get("NEWSBOT_REQUIRE_PG") == "1"
BACKENDS = ("sqlite", "postgresql")

# What this process learnt: the template's name, or why no server answers.
_state: dict[str, str] = {}


def url_for(database: str) -> str:
    """The server URL pointing at another database."""
    parts = urlsplit(SERVER_URL)
    return urlunsplit(parts._replace(path=f"/{database}"))


def _unreachable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason} (NEWSBOT_REQUIRE_PG=1)")
    pytest.skip(reason)


async def _admin() -> asyncpg.Connection:
    """A connection to the server's maintenance database; skips the test if none answers
    (fails it under ``NEWSBOT_REQUIRE_PG=1``)."""
    if "unreachable" in _state:
        _unreachable(_state["unreachable"])
    try:
        return await asyncpg.connect(SERVER_URL, timeout=5)
    except (OSError, TimeoutError) as exc:
        _state["unreachable"] = f"no PostgreSQL server answers at {SERVER_URL}: {exc}"
        _unreachable(_state["unreachable"])
        raise  # not reached: skip and fail raise


async def _drop(name: str) -> None:
    conn = await asyncpg.connect(SERVER_URL, timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def _drop_template_at_exit(name: str) -> None:
    with contextlib.suppress(Exception):
        asyncio.run(_drop(name))


async def _ensure_template() -> str:
    """A migrated database to clone (``CREATE DATABASE ... TEMPLATE``): one per process."""
    if "template" in _state:
        return _state["template"]
    name = f"newsbot_tpl_{uuid.uuid4().hex[:12]}"
    admin = await _admin()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    atexit.register(_drop_template_at_exit, name)
    db = await open_database(url_for(name))
    await db.close()
    _state["template"] = name
    return name


@asynccontextmanager
async def fresh_database(*, migrated: bool = True) -> AsyncIterator[str]:
    """A new, empty database on the server (migrated by default); yields its URL and drops
    it afterwards."""
    template = await _ensure_template() if migrated else "template0"
    name = f"newsbot_test_{uuid.uuid4().hex[:12]}"
    admin = await _admin()
    try:
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        await admin.close()
    try:
        yield url_for(name)
    finally:
        await _drop(name)


@asynccontextmanager
async def open_backend(backend: str, tmp_path: Path) -> AsyncIterator[Database]:
    """An open, migrated :class:`Database` of ``backend`` ('sqlite' or 'postgresql')."""
    if backend == "sqlite":
        db = await open_database(tmp_path / "test.sqlite3")
        try:
            yield db
        finally:
            await db.close()
        return
    async with fresh_database() as url:
        db = await open_database(url)
        try:
            yield db
        finally:
            await db.close()
