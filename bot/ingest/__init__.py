"""bot/ingest."""
