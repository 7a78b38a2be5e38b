"""Numbered schema migrations, one set per dialect, applied in order at start.

* SQLite: ``storage/migrations/NNNN_name.sql``; ``PRAGMA user_version`` records the last one
  applied. A file holds plain SQL statements separated by semicolons at line ends.
* PostgreSQL: ``storage/migrations/postgres/NNNN_name.sql``, the same numbers and names; the
  ``schema_migrations`` table records them (see :mod:`storage.postgres`). A file is run as
  one script (functions with ``$$`` bodies are fine).

Versions must be contiguous from 1, and both sets must have the same versions and names: a
change to the schema is one migration written once for each dialect.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """Split into statements; ``sqlite3.complete_statement`` keeps triggers whole."""
        out: list[str] = []
        buf = ""
        for line in self.sql.splitlines(keepends=True):
            if not buf and line.strip().startswith("--"):
                continue
            buf += line
            if sqlite3.complete_statement(buf):
                if buf.strip().strip(";").strip():
                    out.append(buf.strip())
                buf = ""
        if buf.strip():
            out.append(buf.strip())
        return out


def load_migrations(subfolder: str = "") -> tuple[Migration, ...]:
    """The migrations of one dialect: this folder (SQLite) or ``postgres``."""
    found: list[Migration] = []
    folder = resources.files(__package__)
    if subfolder:
        folder = folder.joinpath(subfolder)
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    for first, second in itertools.pairwise(found):
        if first.version == second.version:  # two branches took the same number
            raise RuntimeError(
                f"two migrations numbered {first.version:04d}: {first.name}, {second.name}"
            )
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration {expected:04d} is missing")
    return tuple(found)


MIGRATIONS: tuple[Migration, ...] = load_migrations()
PG_MIGRATIONS: tuple[Migration, ...] = load_migrations("postgres")
