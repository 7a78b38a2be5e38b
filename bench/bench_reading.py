"""Reading benchmark: /latest by region, /search for common and rare words, inline search,
over a generated database of 1,000,000 articles.

    .venv/bin/python -m bench.bench_reading [--articles N] [--db PATH] [--runs R]

The database is generated once (``--db``, default ``/tmp/newsbot-bench/reading-1m.sqlite3``)
and reused while it holds the requested number of articles. Texts are built from real
Russian news sentences (the Lenta.ru feeds in ``../shared/data/lenta-feeds`` and the seed
article, read at generation time, never copied into the project) mixed at random into
1-2 KB articles, so common words («году», «области») are in a large share of the articles;
each article also names a person from a synthetic list of 200,000 surnames, so a surname is a
rare word (a handful of articles). Regions follow a Zipf-like share (Москва most), one or two
per article, some none; ~3 % are duplicates. Rows go in the way ingestion writes them
(``articles``, ``article_regions`` with the copied ``published_at``, ``articles_fts`` with
``bot.text.stems`` output), with ``executemany`` in transactions of 50,000.

Measured through the handler path: an aiogram ``Update`` (JSON as Telegram sends it) is fed
to the real dispatcher built by ``bot.app.build_app`` (routers, filters, the chat middleware,
repositories over the bench database); the bot's session is an in-process fake that answers
every Bot API call at once (no HTTP), so the figures are the bot's own work: parsing,
middleware (a chat upsert), SQL, rendering. Each figure is p50/p95 over ``--runs`` calls
with varied regions/words. RSS is the process's resident memory (psutil) after the runs.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.paths import LENTA_FEEDS
from tests.paths import SEED as SEED_PATH

DEFAULT_DB = Path("/tmp/newsbot-bench/reading-1m.sqlite3")
FEEDS_DIR = str(LENTA_FEEDS)
SEED = str(SEED_PATH)
BATCH = 50_000
SURNAMES = 200_000
SPAN_DAYS = 730


# --- generation ---------------------------------------------------------------------------


def _corpus() -> tuple[list[str], list[str]]:
    """(sentences, titles) of real Russian news text."""
    import feedparser

    texts: list[str] = []
    titles: list[str] = []
    for path in sorted(Path(FEEDS_DIR).glob("*.xml")):
        for entry in feedparser.parse(str(path)).entries:
            titles.append(" ".join(str(entry.get("title", "")).split()))
            texts.append(re.sub(r"<[^>]+>", " ", str(entry.get("summary", ""))))
    if Path(SEED).exists():
        texts.append(Path(SEED).read_text(encoding="utf-8"))
    sentences: list[str] = []
    for text in texts:
        for s in re.split(r"(?<=[.!?»])\s+(?=[А-ЯЁA-Z«])", " ".join(text.split())):
            if 40 <= len(s) <= 400:
                sentences.append(s)
    titles = [t for t in titles if 20 <= len(t) <= 160]
    if not sentences or not titles:
        raise SystemExit(f"no corpus found in {FEEDS_DIR}")
    return sentences, titles


def _surnames(n: int, rng: random.Random) -> list[str]:
    heads = [
        "Бар",
        "Вол",
        "Гор",
        "Дуб",
        "Жар",
        "Зим",
        "Кар",
        "Лоб",
        "Мар",
        "Нос",
        "Ор",
        "Пав",
        "Раз",
        "Сок",
        "Тар",
        "Ух",
        "Фил",
        "Хор",
        "Цвет",
        "Чер",
    ]
    mids = ["а", "о", "е", "и", "у", "ан", "ов", "ин", "ен", "уш", "ат", "ар", "ор", "ел", "ик"]
    tails = [
        "ашев",
        "енко",
        "ицкий",
        "ович",
        "урин",
        "анов",
        "ыгин",
        "ейкин",
        "овский",
        "ищев",
        "атов",
        "ухин",
    ]
    assert len(heads) * len(mids) ** 3 * len(tails) > 3 * n
    out: set[str] = set()
    while len(out) < n:
        word = rng.choice(heads) + "".join(rng.choice(mids) for _ in range(3)) + rng.choice(tails)
        out.add(word)
    return sorted(out)


def generate(path: Path, n: int, *, seed: int = 6) -> None:
    """Create the bench database with ``n`` articles (several minutes for a million)."""
    from bot.text.catalogue import REGIONS
    from bot.text.stems import stems

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)

    async def create() -> None:
        from storage.db import open_database

        db = await open_database(path)
        await db.close()

    asyncio.run(create())
    rng = random.Random(seed)
    t0 = time.perf_counter()
    sentences, titles = _corpus()
    sent_stems = [stems(s) for s in sentences]
    title_stems = [stems(t) for t in titles]
    names = _surnames(SURNAMES, rng)
    name_stems = [stems(x) for x in names]
    codes = [r.code for r in REGIONS]
    codes.remove("RU-MOW")
    codes.insert(0, "RU-MOW")
    weights = [1 / (k + 1) ** 0.9 for k in range(len(codes))]
    now = int(time.time())
    start = now - SPAN_DAYS * 86400
    step = SPAN_DAYS * 86400 / n

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO sources (id, url, title, created_at) VALUES (?, ?, ?, ?)",
        [(i, f"https://portal{i}.example.ru/rss", f"Портал {i}", start) for i in range(1, 501)],
    )
    conn.execute("COMMIT")
    n_sent = len(sentences)
    done = 0
    while done < n:
        size = min(BATCH, n - done)
        arts: list[tuple[Any, ...]] = []
        regs: list[tuple[int, str, int]] = []
        fts: list[tuple[int, str, str]] = []
        for k in range(done + 1, done + size + 1):
            ts = int(start + k * step + rng.uniform(-3600, 3600))
            picks = [rng.randrange(n_sent) for _ in range(rng.randint(6, 12))]
            who = rng.randrange(SURNAMES)
            ti = rng.randrange(len(titles))
            text = " ".join(sentences[i] for i in picks) + f" Комментарий дал {names[who]}."
            body = " ".join(sent_stems[i] for i in picks) + f" комментар дал {name_stems[who]}"
            dup = k - 1 if k > 1 and rng.random() < 0.03 else None
            arts.append(
                (k, rng.randint(1, 500), f"https://portal.example.ru/news/{k}", titles[ti],
                 text, ts, ts + 60, f"h{k}", dup)
            )  # fmt: skip
            fts.append((k, title_stems[ti], body))
            roll = rng.random()
            count = 0 if roll < 0.08 else 2 if roll > 0.8 else 1
            for code in set(rng.choices(codes, weights, k=count)):
                regs.append((k, code, ts))
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles (id, source_id, url, title, text, published_at, fetched_at,"
            " content_hash, duplicate_of, planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            arts,
        )
        conn.executemany(
            "INSERT INTO article_regions (article_id, region, published_at) VALUES (?, ?, ?)",
            regs,
        )
        conn.executemany("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", fts)
        conn.execute("COMMIT")
        done += size
        print(
            f"\r  generated {done:,}/{n:,} ({time.perf_counter() - t0:.0f} s)", end="", flush=True
        )
    print()
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"  generation took {time.perf_counter() - t0:.0f} s")


def _count(path: Path) -> int:
    if not path.exists():
        return 0
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0)
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def _word_doc_counts(path: Path, words: list[str]) -> dict[str, int]:
    """How many articles each (stemmed) word is in, from the FTS vocabulary."""
    from bot.text.stems import stem_list

    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, 'row')")
        out = {}
        for w in words:
            row = conn.execute(
                "SELECT doc FROM temp.v WHERE term = ?", (" ".join(stem_list(w)),)
            ).fetchone()
            out[w] = int(row[0]) if row else 0
        return out
    finally:
        conn.close()


# --- the handler path ---------------------------------------------------------------------


def _fake_session() -> Any:
    """An aiogram session answering every call in-process (no HTTP)."""
    from aiogram.client.session.base import BaseSession
    from aiogram.methods import TelegramMethod
    from aiogram.types import Chat, Message

    class FakeSession(BaseSession):
        calls = 0

        async def close(self) -> None:
            return None

        async def stream_content(
            self,
            url: str,
            headers: dict[str, Any] | None = None,
            timeout: int = 30,
            chunk_size: int = 65536,
            raise_for_status: bool = True,
        ) -> AsyncGenerator[bytes, None]:
            raise NotImplementedError
            yield b""

        async def make_request(
            self, bot: Any, method: TelegramMethod[Any], timeout: int | None = None
        ) -> Any:
            FakeSession.calls += 1
            returning = method.__returning__
            if returning is Message:
                text = getattr(method, "text", "") or ""
                return Message(
                    message_id=1,
                    date=datetime.now(UTC),
                    chat=Chat(id=int(getattr(method, "chat_id", 1) or 1), type="private"),
                    text=text,
                )
            return True

    return FakeSession()


class Runner:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.update_id = 0
        self.last: Any = None
        self.user = 777  # who sends `message` and `inline` when no user is given
        self.users: list[int] = []  # timed runs: the i-th comes from users[i] (see `_timed`)

    async def feed(self, payload: dict[str, Any]) -> None:
        from aiogram.types import Update

        self.update_id += 1
        update = Update.model_validate(
            {"update_id": self.update_id, **payload}, context={"bot": self.app.bot}
        )
        await self.app.dispatcher.feed_update(self.app.bot, update)

    def message(self, text: str, user: int | None = None) -> dict[str, Any]:
        user = self.user if user is None else user
        return {
            "message": {
                "message_id": self.update_id + 1,
                "date": int(time.time()),
                "chat": {"id": user, "type": "private", "first_name": "Bench"},
                "from": {"id": user, "is_bot": False, "first_name": "Bench", "language_code": "ru"},
                "text": text,
                "entities": [
                    {
                        "type": "bot_command",
                        "offset": 0,
                        "length": text.find(" ") if " " in text else len(text),
                    }
                ],
            }
        }

    def inline(self, query: str, user: int | None = None) -> dict[str, Any]:
        user = self.user if user is None else user
        return {
            "inline_query": {
                "id": str(self.update_id + 1),
                "from": {"id": user, "is_bot": False, "first_name": "Bench", "language_code": "ru"},
                "query": query,
                "offset": "",
            }
        }


async def _timed(runs: int, make: Callable[[int], dict[str, Any]], runner: Runner) -> list[float]:
    times: list[float] = []
    for i in range(runs):
        runner.user = runner.users[i % len(runner.users)] if runner.users else 777
        payload = make(i)
        t = time.perf_counter()
        await runner.feed(payload)
        times.append((time.perf_counter() - t) * 1000)
    return times


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _rss() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss / 2**20)


def _line(name: str, values: list[float], target: float | None = None) -> str:
    p50, p95 = _pct(values, 50), _pct(values, 95)
    verdict = "" if target is None else ("  ok" if p95 <= target else f"  OVER {target:.0f} ms")
    return f"  {name:<34} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms{verdict}   (RSS {_rss():.0f} MiB)"


async def measure(path: Path, runs: int) -> None:
    import psutil
    from pydantic import SecretStr

    from bot.app import build_app
    from bot.config import Settings, StorageSettings, TelegramSettings

    common = ["году", "области", "администрации", "сообщили", "россии"]
    mid = ["соглашение", "форум", "пожар", "школы", "выборы"]
    counts = _word_doc_counts(path, common + mid)
    print("  documents per word: " + ", ".join(f"{w} {c:,}" for w, c in counts.items()))
    rng = random.Random(1)
    names = _surnames(SURNAMES, random.Random(6))
    rare = [names[rng.randrange(SURNAMES)] for _ in range(runs)]
    rare_counts = _word_doc_counts(path, rare[:20])
    print(
        f"  rare words (surnames): median {statistics.median(rare_counts.values()):.0f} documents"
    )

    # The per-user flood limit would drop a bench that types a hundred commands a second:
    # each run comes from a user of its own (each seen once before the clock starts, so the
    # chat's first upsert is not timed), and the limit is set to its highest.
    settings = Settings(
        telegram=TelegramSettings(
            token=SecretStr("1:bench"), user_rate_per_second=100, user_burst=100
        ),
        storage=StorageSettings(path=path),
    )
    app = await build_app(settings, session=_fake_session())
    try:
        runner = Runner(app)
        regions = ["хакасия", "москва", "татарстан", "19", "RU-SPE", "кузбасс", "ямал", "Чукотка"]
        await runner.feed(runner.message("/latest"))  # warm up: pymorphy3, caches
        await runner.feed(runner.message("/search форум хакасия"))
        users = [100_000 + k for k in range(runs)]
        for user in users:
            await runner.feed(runner.message("/latest 1", user=user))
        runner.users = users
        print(f"  RSS after start and warm-up: {_rss():.0f} MiB")
        print(f"\n  {runs} runs each, through dispatcher.feed_update (fake in-process session):")
        lat = await _timed(
            runs, lambda i: runner.message(f"/latest {regions[i % len(regions)]} 5"), runner
        )
        print(_line("/latest <region> 5", lat, 20))
        lat_all = await _timed(runs, lambda i: runner.message("/latest 20"), runner)
        print(_line("/latest 20 (no subscriptions: all)", lat_all, 20))
        s_common = await _timed(
            runs, lambda i: runner.message(f"/search {common[i % len(common)]}"), runner
        )
        print(_line("/search <common word>", s_common, 50))
        s_two = await _timed(
            runs, lambda i: runner.message(f"/search {common[i % 5]} {mid[(i // 5) % 5]}"), runner
        )
        print(_line("/search <common> <mid word>", s_two, 50))
        s_region = await _timed(
            runs, lambda i: runner.message(f"/search {common[i % 5]} {regions[i % 3]}"), runner
        )
        print(_line("/search <common word> <region>", s_region, 50))
        s_rare = await _timed(runs, lambda i: runner.message(f"/search {rare[i]}"), runner)
        print(_line("/search <rare word>", s_rare, 50))
        s_none = await _timed(runs, lambda i: runner.message(f"/search {rare[i]} пожар"), runner)
        print(_line("/search <rare> <mid> (AND->OR)", s_none, 50))
        inl = await _timed(runs, lambda i: runner.inline(f"{mid[i % 5]} {regions[i % 3]}"), runner)
        print(_line("inline <mid word> <region> (20)", inl, 50))
        typed = ["пред", "сооб", "обла", "муни", "адми", "прав", "росс", "глав"]
        inl_typed = await _timed(runs, lambda i: runner.inline(typed[i % len(typed)]), runner)
        print(_line("inline half-typed word (prefix)", inl_typed, 50))
        inl_empty = await _timed(runs, lambda i: runner.inline(""), runner)
        print(_line("inline empty (latest, 20)", inl_empty, 20))
        rss = psutil.Process().memory_info().rss / 2**20
    finally:
        await app.close()
    size = sum(
        Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
    )
    print(f"\n  database: {size / 2**30:.2f} GiB ({path})")
    print(f"  bot resident memory (RSS) after the runs: {rss:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        asyncio.run(measure(args.db, args.runs))
        return
    have = _count(args.db)
    print(f"reading benchmark: {args.articles:,} articles")
    if args.regenerate or have != args.articles:
        print(f"  generating {args.db} (found {have:,} articles)")
        generate(args.db, args.articles)
    else:
        print(f"  reusing {args.db}")
    # Measure in a fresh process: the generator's memory must not count as the bot's RSS.
    cmd = [sys.executable, "-m", "bench.bench_reading", "--measure-only"]
    subprocess.run([*cmd, "--db", str(args.db), "--runs", str(args.runs)], check=True)


if __name__ == "__main__":
    main()
