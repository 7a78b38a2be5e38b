"""The subcommands other than ``analyze``: argument parsing, config, and the branch that runs
each. Each subcommand's module is imported inside the branch that runs it (aiogram alone costs
seconds of CPU), the only imports inside functions in the application besides the ones that
keep heavy parsers lazy.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import __version__
from bot.errors import ConfigError
from storage.health import storage_problem

if TYPE_CHECKING:
    from bot.config import Settings

EXIT_CONFIG = 2
EXIT_STORAGE = 1  # the database cannot be used: full disk, read-only, damaged, not a database
NO_TOKEN = (
    "No Telegram token: set BOT_TOKEN=<token from @BotFather> or telegram.token in the config "  # noqa: S105
    "(or run `python -m bot demo` to try the bot offline)."
)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="TOML config (default: $BOT_CONFIG, else config.toml, else config.example.toml)",
    )
    parser = argparse.ArgumentParser(
        prog="newsbot", description="Municipal news bot for Telegram.", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"newsbot {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", parents=[common], help="run the bot (long polling)")
    run.add_argument(
        "--demo-if-no-token",
        action="store_true",
        help="start the offline demo when no token is configured (used by `make run`)",
    )
    run.add_argument("--lang", choices=["ru", "en"], default="ru", help="the demo user's language")

    demo = sub.add_parser(
        "demo", parents=[common], help="offline demo: the real bot, a chat in the terminal"
    )
    demo.add_argument("--lang", choices=["ru", "en"], default="ru", help="the demo user's language")

    emu = sub.add_parser("emulator", parents=[common], help="run the local Bot API emulator")
    emu.add_argument("--host", default="127.0.0.1")
    emu.add_argument("--port", type=int, default=8081)

    ingest = sub.add_parser("ingest", parents=[common], help="read sources into the database")
    ingest.add_argument("sources", nargs="+", metavar="SOURCE", help="URL, file or folder")

    latest = sub.add_parser("latest", parents=[common], help="print stored articles, newest first")
    latest.add_argument("--limit", type=int, default=20)
    latest.add_argument("--region", default=None, help="a region in any form: RU-KK, 19, Хакасия")
    latest.add_argument("--json", action="store_true")
    latest.add_argument("--tz", default="Europe/Moscow", help="zone of the times shown (IANA)")

    search = sub.add_parser("search", parents=[common], help="full-text search")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true")
    search.add_argument("--tz", default="Europe/Moscow", help="zone of the times shown (IANA)")

    analyze = sub.add_parser(
        "analyze", parents=[common], help="text in, JSON out: regions, event, summary"
    )
    analyze.add_argument("rest", nargs=argparse.REMAINDER, help="[--json | --jsonl] [FILE | -]")

    sources = sub.add_parser("sources", parents=[common], help="import or export sources (OPML)")
    sources.add_argument("action", choices=["import", "export"])
    sources.add_argument(
        "file", nargs="?", default=None, help="OPML file (import: required, - for stdin)"
    )

    db = sub.add_parser("db", parents=[common], help="database maintenance")
    db.add_argument(
        "action",
        choices=["migrate", "info", "check", "copy"],
        help="migrate: bring the schema up to date; info: version and row counts; "
        "check: PRAGMA quick_check (SQLite); copy --to URL: move a SQLite database over",
    )
    db.add_argument(
        "--to", metavar="URL", help="copy: the PostgreSQL database to fill (postgresql://...)"
    )
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    from bot.config import load_settings, resolve_config_path

    return load_settings(resolve_config_path(getattr(args, "config", None)))


def _setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # «Running job …» / «Job … executed successfully» every few seconds is noise at INFO
    # (kept at DEBUG, where one asked for everything).
    if logging.getLogger().level > logging.DEBUG:
        logging.getLogger("apscheduler").setLevel(logging.WARNING)


def main(argv: Sequence[str]) -> int:
    """Run the subcommand of ``argv`` (``analyze`` is :func:`bot.cli.main`'s own)."""
    args = _parser().parse_args(argv)
    command: str = args.command
    if command == "emulator":
        _setup_logging("INFO")
        from bot.emulator import serve_forever

        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve_forever(args.host, args.port))
        return 0
    try:
        settings = _settings(args)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    # The demo is a chat in the terminal: only warnings may interrupt it.
    _setup_logging(
        "WARNING"
        if command == "demo" or (args.__dict__.get("demo_if_no_token") and not settings.token)
        else settings.log.level
    )
    try:
        return _dispatch(command, args, settings)
    except Exception as exc:
        problem = storage_problem(exc)
        if problem is None:
            raise
        print(f"storage error: {problem}", file=sys.stderr)
        return EXIT_STORAGE


def _dispatch(command: str, args: argparse.Namespace, settings: Settings) -> int:
    if command == "run":
        if not settings.token:
            if args.demo_if_no_token:
                print(
                    "No Telegram token configured: starting the offline demo instead.", flush=True
                )
                return _demo(settings, args.lang)
            print(NO_TOKEN, file=sys.stderr)
            return EXIT_CONFIG
        from bot.cli.run import run_bot

        return asyncio.run(run_bot(settings))
    if command == "demo":
        return _demo(settings, args.lang)
    if command == "ingest":
        from bot.cli.ingest import ingest_command

        return asyncio.run(ingest_command(settings, args.sources, progress=sys.stderr.isatty()))
    if command == "latest":
        from bot.cli.ingest import latest_command

        return asyncio.run(
            latest_command(
                settings, limit=args.limit, region=args.region, as_json=args.json, tz=args.tz
            )
        )
    if command == "search":
        from bot.cli.search import search_command

        return asyncio.run(
            search_command(
                settings, " ".join(args.query), limit=args.limit, as_json=args.json, tz=args.tz
            )
        )
    if command == "sources":
        from bot.cli.sources import export_command, import_command

        if args.action == "import":
            if not args.file:
                print("sources import needs an OPML file (or - for stdin)", file=sys.stderr)
                return EXIT_CONFIG
            return import_command(settings, args.file)
        return export_command(settings, args.file)
    if command == "db":
        from bot.cli.db import db_command

        return asyncio.run(db_command(settings, args.action, args.to))
    raise AssertionError(command)


def _demo(settings: Settings, lang: str = "ru") -> int:
    from bot.demo import run_demo

    return asyncio.run(run_demo(settings, lang=lang))
