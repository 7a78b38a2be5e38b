"""Typed configuration, read once from a TOML file in ``main``.

``load_settings(path)`` is the only entry point. It validates every key and raises
:class:`bot.errors.ConfigError` naming the first bad key; the CLI turns that into one
line on stderr and exit code 2. The env var ``BOT_TOKEN`` overrides ``telegram.token``,
``DATABASE_URL`` overrides ``storage.url``.
"""

from __future__ import annotations

import os
import re
import tomllib
from contextvars import ContextVar
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot.errors import ConfigError

DEFAULT_CONFIG = Path("config.example.toml")
_REGION_CODE = re.compile(r"^RU-[A-Z]{2,4}$")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
# A Bot API token: the bot's numeric id, a colon, then the secret (letters, digits, _ and -).
_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{1,128}")

# The file being loaded; a ContextVar so that loading is re-entrant in tests.
_toml_path: ContextVar[Path | None] = ContextVar("_toml_path", default=None)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TelegramSettings(_Section):
    token: SecretStr = SecretStr("")
    api_base: HttpUrl = HttpUrl("https://api.telegram.org")
    admins: tuple[int, ...] = ()
    # Seconds of long polling per getUpdates call.
    polling_timeout: Annotated[int, Field(ge=1, le=60)] = 30
    # A flooding user: at most this many updates per second sustained, with a burst of
    # ``user_burst``; past it one notice, then silence until they slow down.
    user_rate_per_second: Annotated[float, Field(gt=0, le=100)] = 1.0
    user_burst: Annotated[int, Field(ge=1, le=100)] = 5
    # Replies (every call but the outbox's sends): retries on 429 / 5xx / network errors.
    reply_attempts: Annotated[int, Field(ge=1, le=10)] = 4
    # Proxy for the Bot API (hosting in Russia often needs one): socks5://, socks4://, http://.
    proxy: str | None = None

    @field_validator("proxy")
    @classmethod
    def _proxy(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        scheme = value.partition("://")[0].lower()
        if scheme not in ("socks5", "socks4", "http", "https") or "://" not in value:
            raise ValueError("must be a socks5://, socks4:// or http(s):// URL")
        return value

    @field_validator("token")
    @classmethod
    def _token(cls, value: SecretStr) -> SecretStr:
        # Checked here, not by aiogram at start: a malformed token is a config error (exit 2),
        # and the message never repeats the token itself.
        token = value.get_secret_value().strip()
        if token and not _TOKEN.fullmatch(token):
            raise ValueError(
                "malformed token (from BOT_TOKEN or the config): expected the form "
                "123456789:AbCdEf... as @BotFather gives it (digits, a colon, then letters, "
                "digits, _ or -)"
            )
        return SecretStr(token)


class StorageSettings(_Section):
    # The SQLite file: the embedded default, used when no url is set.
    path: Path = Path("data/newsbot.sqlite3")
    # PostgreSQL instead of the file: postgresql://user[:password]@host:5432/newsbot
    # (the env var DATABASE_URL overrides it).
    url: str | None = None
    # Articles older than this are deleted by the retention job (0 keeps everything).
    retention_days: Annotated[int, Field(ge=0)] = 0
    # How long a statement waits for another process's lock before "database is locked".
    busy_timeout_ms: Annotated[int, Field(ge=0, le=600_000)] = 10_000

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not value.startswith(("postgresql://", "postgres://")):
            raise ValueError("must be a postgresql:// (or postgres://) URL")
        if not urlsplit(value).hostname and "host=" not in value:
            raise ValueError("names no host: postgresql://user@host:5432/newsbot")
        return value

    @property
    def database(self) -> str | Path:
        """What ``storage.db.open_database`` opens: the URL when set, else the file."""
        return self.url or self.path


class DeliverySettings(_Section):
    rate_per_second: Annotated[float, Field(gt=0, le=1000)] = 30
    # Paid broadcast (allow_paid_broadcast) lets a bot send up to 1000 messages/s for Stars.
    paid_broadcast: bool = False
    concurrency: Annotated[int, Field(ge=1, le=256)] = 8
    per_private_chat_per_second: Annotated[float, Field(gt=0, le=30)] = 1.0
    per_group_per_minute: Annotated[int, Field(ge=1, le=60)] = 20
    # Deprecated and ignored (5xx and network errors are retried for ``retry_for_seconds``);
    # accepted so that older config files still load.
    max_attempts: Annotated[int, Field(ge=1, le=50)] = 8
    # 5xx and network errors are retried this long after a delivery's first failure ...
    retry_for_seconds: Annotated[int, Field(ge=1)] = 24 * 3600
    # ... with a doubling backoff capped here (fractions are for tests).
    max_backoff_seconds: Annotated[float, Field(gt=0, le=3600)] = 300.0
    link_previews: bool = True

    @model_validator(mode="after")
    def _paid_rate(self) -> DeliverySettings:
        if self.rate_per_second > 30 and not self.paid_broadcast:
            raise ValueError(
                "rate_per_second above 30 needs paid_broadcast = true (Telegram's free limit)"
            )
        return self


class IngestSettings(_Section):
    timeout_seconds: Annotated[float, Field(gt=0, le=600)] = 20
    max_bytes: Annotated[int, Field(ge=1024)] = 5_000_000
    poll_interval_seconds: Annotated[int, Field(ge=10)] = 900
    max_backoff_seconds: Annotated[int, Field(ge=10)] = 6 * 3600
    max_redirects: Annotated[int, Field(ge=0, le=20)] = 5
    per_host_connections: Annotated[int, Field(ge=1, le=32)] = 2
    user_agent: str = ""
    # Article pages read for feeds that carry only a lead (sources with full_text auto/page):
    # at most this many per poll run (0: never), one request at a time per host, and at
    # least page_delay_seconds between two requests to one host.
    pages_per_poll: Annotated[int, Field(ge=0, le=1000)] = 20
    page_delay_seconds: Annotated[float, Field(ge=0, le=60)] = 1.0
    # Planning waits this long at most for an article's page before pushing its lead.
    page_wait_seconds: Annotated[int, Field(ge=0, le=86400)] = 600
    # Loopback, link-local and private addresses (127.0.0.1, 169.254.169.254, 10.x, fc00::/7
    # ...) are refused after DNS and on every redirect unless this is on: an admin's URL must
    # not reach the server's own network. The demo and tests serving feeds locally turn it on.
    allow_private_addresses: bool = False
    # Processes that parse feeds and analyse their items (regions, summary, stems) in
    # parallel: none (unset) means one per core, 0 runs that work in a thread instead.
    workers: Annotated[int, Field(ge=0, le=256)] | None = None


# How a source's full text is found (see README "Sources").
FullTextMode = Literal["auto", "feed", "page", "off"]
FULL_TEXT_MODES: tuple[str, ...] = ("auto", "feed", "page", "off")


class SourceSettings(_Section):
    url: str
    region: str | None = None
    interval_seconds: Annotated[int, Field(ge=10)] | None = None
    title: str | None = None
    full_text: FullTextMode = "auto"

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        value = value.strip()
        if value.startswith(("http://", "https://")):
            HttpUrl(value)  # raises a ValueError that names the problem
            return value
        if value.startswith("file://") or value.startswith(("/", "./", "../")):
            return value
        raise ValueError("must be an http(s):// URL, a file:// URL or a path")

    @field_validator("region")
    @classmethod
    def _region(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if not _REGION_CODE.match(code):
            raise ValueError(f"{value!r} is not a region code such as RU-KK")
        from bot.text.catalogue import by_code

        if by_code(code) is None:
            raise ValueError(f"unknown region code {value!r}")
        return code


def _host_port(value: str) -> str:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdecimal() or not 0 < int(port) < 65536:
        raise ValueError("must be host:port, e.g. 127.0.0.1:8080")
    return value


class WebhookSettings(_Section):
    """Updates by webhook instead of long polling, when ``url`` is set."""

    # The public HTTPS address Telegram posts to (behind a reverse proxy).
    url: HttpUrl | None = None
    # Where this process listens (the proxy forwards to it).
    listen: str = "127.0.0.1:8080"
    # The path updates arrive on; default: the path of ``url``.
    path: str | None = None
    # Telegram sends it in X-Telegram-Bot-Api-Secret-Token; env WEBHOOK_SECRET overrides.
    secret_token: SecretStr = SecretStr("")

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        return _host_port(value)

    @field_validator("secret_token")
    @classmethod
    def _secret(cls, value: SecretStr) -> SecretStr:
        # Telegram's rule: 1-256 characters A-Z, a-z, 0-9, _ and -.
        if value.get_secret_value() and not _SECRET.fullmatch(value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @property
    def route(self) -> str:
        """The path the webhook handler serves."""
        if self.path:
            return self.path if self.path.startswith("/") else "/" + self.path
        return (self.url.path if self.url and self.url.path else None) or "/webhook"


class HttpSettings(_Section):
    """``/healthz`` and ``/metrics``: on the webhook server, or here when polling."""

    listen: str | None = None

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str | None) -> str | None:
        return None if value is None else _host_port(value)


_TIME_OF_DAY = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")


class EventsSettings(_Section):
    # «Напомнить»: the reminder comes this many days before the event, at this local time.
    reminder_time: str = "10:00"
    reminder_days_before: Annotated[int, Field(ge=0, le=14)] = 1

    @field_validator("reminder_time")
    @classmethod
    def _time(cls, value: str) -> str:
        if not _TIME_OF_DAY.match(value.strip()):
            raise ValueError("must be a local time of day, HH:MM")
        return value.strip()

    @property
    def reminder_at(self) -> time:
        m = _TIME_OF_DAY.match(self.reminder_time)
        assert m is not None
        return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))


class LogSettings(_Section):
    level: str = "INFO"

    @field_validator("level")
    @classmethod
    def _level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR")
        return upper


class _BotTokenEnv(PydanticBaseSettingsSource):
    """``BOT_TOKEN`` and ``WEBHOOK_SECRET`` in the environment override the config's."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if token := os.environ.get("BOT_TOKEN"):
            out["telegram"] = {"token": token}
        if secret := os.environ.get("WEBHOOK_SECRET"):
            out["webhook"] = {"secret_token": secret}
        return out


class _DatabaseUrlEnv(PydanticBaseSettingsSource):
    """``DATABASE_URL`` in the environment overrides ``storage.url``."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        url = os.environ.get("DATABASE_URL")
        return {"storage": {"url": url}} if url else {}


class Settings(BaseSettings):
    """The whole configuration. Build it with :func:`load_settings`."""

    model_config = SettingsConfigDict(extra="forbid", frozen=True)

    telegram: TelegramSettings = TelegramSettings()
    storage: StorageSettings = StorageSettings()
    delivery: DeliverySettings = DeliverySettings()
    ingest: IngestSettings = IngestSettings()
    events: EventsSettings = EventsSettings()
    sources: tuple[SourceSettings, ...] = ()
    webhook: WebhookSettings = WebhookSettings()
    http: HttpSettings = HttpSettings()
    log: LogSettings = LogSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        path = _toml_path.get()
        sources: list[PydanticBaseSettingsSource] = [
            init_settings,
            _BotTokenEnv(settings_cls),
            _DatabaseUrlEnv(settings_cls),
        ]
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @property
    def token(self) -> str:
        return self.telegram.token.get_secret_value()

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.telegram.admins


def _key_of(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1:] = [f"{parts[-1]}[{item}]"] if parts else [f"[{item}]"]
        else:
            parts.append(item)
    return ".".join(parts)


def resolve_config_path(explicit: str | None) -> Path | None:
    """``--config`` wins, then ``BOT_CONFIG``, then ``config.toml``, then the example.

    ``None`` when none was named and neither file is here: built-in defaults apply (a
    file that was named but is missing is an error, reported by :func:`load_settings`).
    """
    if explicit:
        return Path(explicit)
    if env := os.environ.get("BOT_CONFIG"):
        return Path(env)
    for candidate in (Path("config.toml"), DEFAULT_CONFIG):
        if candidate.exists():
            return candidate
    return None


def load_settings(path: Path | str | None, **overrides: Any) -> Settings:
    """Read and validate ``path``; ``None`` means defaults only (tests, the demo).

    Raises :class:`ConfigError` with the first bad key, e.g.
    ``telegram.api_base: Input should be a valid URL``.
    """
    token = None
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError("", f"config file {str(path)!r} not found")
        try:
            with path.open("rb") as fh:
                tomllib.load(fh)  # syntax errors get a clear message before pydantic sees it
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("", f"{path}: invalid TOML: {exc}") from exc
        except OSError as exc:
            raise ConfigError("", f"{path}: cannot read: {exc.strerror}") from exc
        token = _toml_path.set(path)
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = _key_of(tuple(err["loc"]))
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        more = len(exc.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ConfigError(key, msg + suffix) from None
    finally:
        if token is not None:
            _toml_path.reset(token)
