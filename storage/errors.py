"""Storage errors. ``bot.errors`` places them in the project's exception tree."""


class StorageError(Exception):
    """The database cannot be opened, migrated or used."""


class MigrationError(StorageError):
    """A schema migration is missing, out of order, or failed."""
