"""A disk cache of the tagger's catalogue index, so a new process reads it instead of building it.

Building the index (every form of 89 regions, 1,117 towns and 1,900 districts, through the
morphological dictionary) costs about half a second of CPU, most of a cold ``analyze`` and of
every worker process's start; reading it back costs a third of that. The file's name carries a
hash of everything the index is built from: the modules and data files of the text package
and the versions of the analyser and of its dictionary. A changed source gives a new name; an
old file is never read again (and is removed when a new one is written).

Where: ``$NEWSBOT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsbot``, else ``~/.cache/newsbot``; an
empty ``NEWSBOT_CACHE_DIR`` turns the cache off. A file that cannot be read or written is
ignored: the index is built as without a cache. The file is written by this code only, in the
user's own cache directory, so reading it with pickle trusts nobody new.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pymorphy3

from bot.text.morph import analyzer

__all__ = ["cache_dir", "load_or_build", "source_key"]

log = logging.getLogger(__name__)

T = TypeVar("T")

_TEXT = Path(__file__).resolve().parent.parent  # bot/text
_PREFIX = "regions-index-"
_SOURCES = (
    "catalogue.py",
    "catalogue_data.py",
    "morph.py",
    "towns.py",
    "regions/gazetteer.py",
    "regions/lexicon.py",
    "regions/model.py",
    "regions/town_forms.py",
    "data/towns.tsv",
    "data/districts.tsv",
    "data/districts_2022.tsv",
    "data/demonyms.tsv",
    "data/city_districts.tsv",
    "data/villages.tsv",
    "data/villages_extra.tsv",
)


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is turned off."""
    env = os.environ.get("NEWSBOT_CACHE_DIR")
    if env is not None:
        return Path(env) if env.strip() else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "newsbot"


def source_key() -> str:
    """A hash of the index's sources and of the dictionary's version."""
    h = hashlib.sha256()
    for name in _SOURCES:
        h.update(name.encode())
        h.update((_TEXT / name).read_bytes())
    meta = analyzer().dictionary.meta  # the dictionary's own build facts
    # (the package's own version string: importlib.metadata would cost a cold start 30 ms)
    facts = (pymorphy3.__version__, meta.get("source_revision"), meta.get("compiled_at"))
    h.update(repr(facts).encode())
    return h.hexdigest()[:20]


def load_or_build(kind: type[T], build: Callable[[], T]) -> T:
    """The cached ``kind`` for today's sources, else ``build()`` (then cached for next time)."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{_PREFIX}{source_key()}.pickle"
    except OSError:
        return build()
    loaded = _read(path)
    if isinstance(loaded, kind):
        return loaded
    value = build()
    _write(path, value)
    return value


def _read(path: Path) -> object | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # a third faster: the loader makes many small objects and no cycles
    try:
        value: object = pickle.loads(data)  # noqa: S301 - our own file in the user's cache
        return value
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build instead
        log.warning("regions index cache %s unreadable; rebuilding it", path)
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".tmp-{os.getpid()}-{path.name}")
        try:
            with tmp.open("wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)  # atomic: a reader sees the old file or the whole new one
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        for old in path.parent.glob(f"{_PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("regions index cache not written to %s: %s", path, exc)
