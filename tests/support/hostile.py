"""Inputs that try to break query parsing: FTS5 syntax, SQL, control characters, floods."""

from __future__ import annotations

HOSTILE = [
    '"',
    '""""',
    "*",
    "форум*",
    "NEAR(форум хакасия, 2)",
    "-форум",
    "форум AND OR NOT",
    "title: форум",
    "body:форум OR title:соглашение",
    "(форум) [x] {y}",
    "^форум",
    "форум + соглашение",
    "😀🔥 форум 🇷🇺",
    "'; DROP TABLE articles; --",
    "\x00\x01форум\u200b",
    "соглашение " * 400,  # 4,400 characters
    "a" * 4000,
]
