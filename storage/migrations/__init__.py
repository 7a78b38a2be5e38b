"""Numbered schema migrations: ``NNNN_name.sql`` files applied in order.

``PRAGMA user_version`` records the last one applied. Versions must be contiguous from 1.
A file holds plain SQL statements separated by semicolons at line ends.
"""

from __future__ import annotations

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


def load_migrations() -> tuple[Migration, ...]:
    found: list[Migration] = []
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration {expected:04d} is missing")
    return tuple(found)


MIGRATIONS: tuple[Migration, ...] = load_migrations()
