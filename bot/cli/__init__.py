"""Command line: ``python -m bot`` / ``newsbot``; one module per subcommand.

Commands that do not talk to Telegram (ingest, latest, search, analyze, db) never import
aiogram: its import alone costs seconds of CPU. ``analyze`` starts fastest of all: it is
dispatched here, before the other commands' module (argparse, asyncio, the config) is
imported; everything else goes through `bot.cli.commands`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

__all__ = ["entrypoint", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "analyze":
        from bot.cli.analyze import main as analyze_main

        return analyze_main(_analyze_args(argv[1:]))
    from bot.cli.commands import main as commands_main

    return commands_main(argv)


def _analyze_args(argv: Sequence[str]) -> list[str]:
    """analyze has its own options (--json/--jsonl); it needs no config, but --config is
    accepted as everywhere (and dropped)."""
    rest: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--config":
            skip = True
        elif not arg.startswith("--config=") and arg != "--":
            rest.append(arg)
    return rest


def entrypoint() -> None:
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(main())
