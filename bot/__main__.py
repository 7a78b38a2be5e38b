"""``python -m bot``."""

from bot.cli import entrypoint

# Guarded: the ingest's worker processes (spawned) import the main module again.
if __name__ == "__main__":
    entrypoint()
