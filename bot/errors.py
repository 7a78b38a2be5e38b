"""The project's exception tree, in one place.

Every error the application raises on purpose derives from :class:`NewsBotError`,
so callers can catch the whole family or one branch::

    NewsBotError
    ├── ConfigError              a config file or value is wrong (the CLI exits with code 2)
    ├── IngestError              a source could not be read; other sources go on
    │   ├── FetchError           network, HTTP status, timeout, size cap, redirects
    │   │   └── AddressRefusedError  the host is loopback, link-local or private (SSRF guard)
    │   └── ParseError           bytes that are not a feed or an article page
    ├── UserInputError           a user's request cannot be served as typed; the message
    │   │                        is shown to the user (see ``handlers.errors``)
    │   ├── UnknownRegionError   no region matches; carries suggestions
    │   └── PermissionDeniedError  the user may not do this (admins only, group admins only)
    └── DeliveryError            a message could not be delivered after all retries

``StorageError`` and its ``MigrationError`` live in ``storage.errors`` (storage never
imports ``bot``) and are re-exported here; they are not ``NewsBotError`` subclasses.

Errors from libraries (aiogram's ``TelegramAPIError`` family, ``aiosqlite.Error``,
``aiohttp.ClientError``) are caught where they can be handled and converted into
these only when the caller needs to decide something.
"""

from __future__ import annotations

from collections.abc import Sequence

from storage.errors import MigrationError, StorageError

__all__ = [
    "AddressRefusedError",
    "ConfigError",
    "DeliveryError",
    "FetchError",
    "IngestError",
    "MigrationError",
    "NewsBotError",
    "ParseError",
    "PermissionDeniedError",
    "StorageError",
    "UnknownRegionError",
    "UserInputError",
]


class NewsBotError(Exception):
    """Base class of every error this project raises on purpose."""


class ConfigError(NewsBotError):
    """A configuration problem, phrased as one line naming the key."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"{key}: {problem}" if key else problem)


class IngestError(NewsBotError):
    """A source could not be read. The message is the reason shown to operators."""


class FetchError(IngestError):
    """Network error, bad HTTP status, timeout, size cap or too many redirects."""


class AddressRefusedError(FetchError):
    """The URL (or a redirect) leads to a loopback, link-local or private address, and
    ``ingest.allow_private_addresses`` is off: the bot never reads its own network."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        self.host = host
        self.address = address
        self.kind = kind
        shown = host if host == address else f"{host} ({address})"
        super().__init__(
            f"refused: {shown} is {kind}; only public addresses are read "
            "(ingest.allow_private_addresses allows others)"
        )


class ParseError(IngestError):
    """The bytes are not a feed or an article page that can be read."""


class UserInputError(NewsBotError):
    """A request that cannot be served as typed.

    ``text_ru`` and ``text_en`` are complete replies for the user, already safe for HTML.
    """

    def __init__(self, text_ru: str, text_en: str) -> None:
        self.text_ru = text_ru
        self.text_en = text_en
        super().__init__(text_en)

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_ru


class UnknownRegionError(UserInputError):
    """No region matches the user's words; ``suggestions`` holds region codes to offer."""

    def __init__(self, query: str, suggestions: Sequence[str], text_ru: str, text_en: str) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        super().__init__(text_ru, text_en)


class PermissionDeniedError(UserInputError):
    """The user may not do this: admin commands, or group settings by a non-admin."""


class DeliveryError(NewsBotError):
    """A message could not be delivered after every retry."""
