"""Region channels at national scale: ``.venv/bin/python -m bench.bench_channels``.

1,000,000 people follow the 89 region channels instead of the bot: the bot's database
holds 89 channel chats, each mapped to its region (``ChannelRepository.map``, the same
call ``/channel`` makes). Planning one article then writes one outbox row per channel of
its regions, whatever the number of readers: 89 rows for an article about every region,
1 for an article about one. Prints the rows and the time the plan took.

``--direct N`` adds the comparison: the same article planned for N people subscribed to
the bot itself (N rows; slow to prepare for a million).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from bot.delivery.planner import Planner
from bot.text.catalogue import REGIONS
from storage.db import Database, now_ts, open_database
from storage.repos import Repositories

FOLLOWERS = 1_000_000
FIRST_CHANNEL = -1002000000000
FIRST_PERSON = 10_000_001
_n = iter(range(1, 10**9))


async def add_article(db: Database, regions: list[str]) -> int:
    ts = now_ts()
    n = next(_n)
    async with db.write() as conn:
        cur = await conn.execute(
            "INSERT INTO articles (url, title, text, summary, published_at, fetched_at,"
            " content_hash) VALUES (?, ?, ?, '', ?, ?, ?)",
            (f"https://example.ru/channels/{n}", "Форум «Малая родина - сила России»",
             "Форум собрал 7,5 тысяч участников из 89 регионов.", ts, ts, f"c{n}"),
        )  # fmt: skip
        article_id = int(cur.lastrowid or 0)
        await conn.executemany(
            "INSERT INTO article_regions (article_id, region, published_at) VALUES (?, ?, ?)",
            [(article_id, r, ts) for r in regions],
        )
    return article_id


async def map_channels(repos: Repositories) -> None:
    for i, region in enumerate(REGIONS):
        chat_id = FIRST_CHANNEL - i
        await repos.chats.upsert(chat_id, "channel", f"Новости: {region.name}", "ru")
        await repos.channels.map(chat_id, region.code, username=f"region_{i}", added_by=1)


async def add_direct(db: Database, people: int) -> None:
    ts = now_ts() - 60
    codes = [r.code for r in REGIONS]
    async with db.write() as conn:
        await conn.executemany(
            "INSERT INTO chats (id, type, title, language, active, created_at, updated_at)"
            " VALUES (?, 'private', '', 'ru', 1, ?, ?)",
            ((FIRST_PERSON + i, ts, ts) for i in range(people)),
        )
        await conn.executemany(
            "INSERT INTO subscriptions (chat_id, thread_id, region, created_at)"
            " VALUES (?, 0, ?, ?)",
            ((FIRST_PERSON + i, codes[i % len(codes)], ts) for i in range(people)),
        )


async def timed_plan(repos: Repositories, regions: list[str]) -> tuple[int, float]:
    article_id = await add_article(repos.db, regions)
    started = time.perf_counter()
    rows = await Planner(repos).plan_article(article_id, budget=None)  # every row
    return rows, time.perf_counter() - started


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--followers", type=int, default=FOLLOWERS)
    parser.add_argument("--direct", type=int, default=0)
    args = parser.parse_args()
    all_codes = [r.code for r in REGIONS]
    with tempfile.TemporaryDirectory() as tmpdir:
        db = await open_database(Path(tmpdir) / "channels.sqlite3")
        try:
            repos = Repositories.over(db)
            await map_channels(repos)
            print(
                f"Region channels: {args.followers:,} readers follow {len(all_codes)} region"
                " channels (channel members are Telegram's, not rows of ours)"
            )
            rows, took = await timed_plan(repos, all_codes)
            assert rows == len(all_codes), rows
            print(
                f"  article in all {len(all_codes)} regions: {rows} outbox rows,"
                f" {took * 1e3:.1f} ms"
            )
            rows, took = await timed_plan(repos, ["RU-KK"])
            assert rows == 1, rows
            print(f"  article in one region (Хакасия): {rows} outbox row, {took * 1e3:.1f} ms")
            if args.direct:
                await add_direct(db, args.direct)
                rows, took = await timed_plan(repos, all_codes)
                print(
                    f"  for comparison, {args.direct:,} direct subscribers of the bot:"
                    f" {rows:,} outbox rows, {took:.2f} s"
                )
        finally:
            await db.close()


if __name__ == "__main__":
    asyncio.run(main())
