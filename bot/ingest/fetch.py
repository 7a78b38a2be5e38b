"""Fetching a source's bytes: HTTP(S) with aiohttp, or a local file.

Every limit is enforced here so that no source can hurt the process: a total timeout,
a size cap checked while reading (not trusted from Content-Length), a bounded number of
redirects, and a per-host connection limit. Conditional GET (ETag / Last-Modified) makes
an unchanged feed cost one small request. Failures raise :class:`FetchError` whose
message is the reason shown to operators.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

import aiohttp
from yarl import URL

from bot import __version__
from bot.config import IngestSettings
from bot.errors import FetchError
from bot.ingest.guard import PublicOnlyResolver, check_url, refused_from

DEFAULT_USER_AGENT = (
    f"newsbot/{__version__} (municipal news bot for Telegram; reads public RSS/Atom feeds)"
)
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # what was asked for
    final_url: str  # after redirects (the base for relative links)
    status: int  # HTTP status; 200 for a local file
    body: bytes  # empty on 304
    content_type: str  # media type without parameters, lower case ('' unknown)
    charset: str | None  # from the Content-Type header
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_local(location: str) -> bool:
    """True for ``file://`` URLs and plain paths (operators' files, tests)."""
    return not location.startswith(("http://", "https://"))


def local_path(location: str) -> Path:
    if location.startswith("file://"):
        return Path(unquote(urlsplit(location).path))
    return Path(location).expanduser()


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _CHARSET.search(content_type)
    return match.group(1).lower() if match else None


class Fetcher:
    """One aiohttp session with the ingest limits; use as ``async with Fetcher(cfg) as f``."""

    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        connector = aiohttp.TCPConnector(
            limit=32,
            limit_per_host=self.settings.per_host_connections,
            ttl_dns_cache=300,
            resolver=None if self.settings.allow_private_addresses else PublicOnlyResolver(),
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=self.settings.timeout_seconds),
            headers={
                "User-Agent": self.settings.user_agent or DEFAULT_USER_AGENT,
                "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
                " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            },
            auto_decompress=True,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET ``url`` (or read a local file) within the limits; raises :class:`FetchError`."""
        if is_local(url):
            return await asyncio.to_thread(read_local_file, url, self.settings.max_bytes)
        if self._session is None:
            raise RuntimeError("Fetcher used outside 'async with'")
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            # One deadline for the whole chain of redirects, as aiohttp's total timeout was.
            async with asyncio.timeout(self.settings.timeout_seconds):
                return await self._follow(url, headers)
        except aiohttp.TooManyRedirects as exc:
            raise FetchError(
                f"too many redirects (more than {self.settings.max_redirects})"
            ) from exc
        except TimeoutError as exc:
            raise FetchError(f"timed out after {self.settings.timeout_seconds:g} s") from exc
        except aiohttp.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}") from exc
        except aiohttp.ClientResponseError as exc:
            raise FetchError(f"bad response: {exc.message or exc.status}") from exc
        except aiohttp.ClientPayloadError as exc:
            raise FetchError(f"broken response body: {exc}") from exc
        except aiohttp.ClientConnectorError as exc:
            refused = refused_from(exc)
            if refused is not None:
                raise refused from None
            raise FetchError(f"network error: {exc or type(exc).__name__}") from exc
        except aiohttp.ClientError as exc:
            raise FetchError(f"network error: {exc or type(exc).__name__}") from exc
        except UnicodeError as exc:  # an IDN host that cannot be encoded
            raise FetchError(f"invalid host name: {exc}") from exc

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        """GET with redirects followed here, one hop at a time, so that every hop's address
        is checked (IP literals here, names by the resolver) unless private ones are allowed."""
        assert self._session is not None
        guarded = not self.settings.allow_private_addresses
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if guarded:
                check_url(current)
            async with self._session.get(current, headers=headers, allow_redirects=False) as resp:
                if resp.status in _REDIRECTS:
                    location = resp.headers.get("Location")
                    if not location:
                        raise FetchError(f"HTTP {resp.status} redirect without a Location")
                    target = resp.url.join(URL(location))
                    if target.scheme not in ("http", "https"):
                        raise FetchError(f"redirect to a non-web address: {target.scheme}:")
                    current = str(target)
                    continue
                return await self._read(url, resp, headers)
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects})")

    async def _read(
        self, url: str, resp: aiohttp.ClientResponse, headers: dict[str, str]
    ) -> FetchResult:
        cap = self.settings.max_bytes
        if resp.status == 304:
            return FetchResult(
                url, str(resp.url), 304, b"", "", None,
                resp.headers.get("ETag") or headers.get("If-None-Match"),
                resp.headers.get("Last-Modified") or headers.get("If-Modified-Since"),
            )  # fmt: skip
        if resp.status >= 400:
            raise FetchError(f"HTTP {resp.status} {resp.reason or ''}".strip())
        if resp.status != 200:
            raise FetchError(f"unexpected HTTP status {resp.status}")
        declared = resp.content_length
        if declared is not None and declared > cap:
            raise FetchError(f"too large: {declared} bytes declared, the cap is {cap}")
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.content.iter_chunked(_CHUNK):
            size += len(chunk)
            if size > cap:
                # Stop reading at once: the rest of a huge body never reaches memory.
                raise FetchError(f"too large: over {cap} bytes")
            chunks.append(chunk)
        raw_type = resp.headers.get("Content-Type", "")
        return FetchResult(
            url=url,
            final_url=str(resp.url),
            status=200,
            body=b"".join(chunks),
            content_type=raw_type.split(";", 1)[0].strip().lower(),
            charset=header_charset(raw_type),
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
        )


def read_local_file(location: str, max_bytes: int) -> FetchResult:
    """A local file as a fetch result; folders are expanded by the caller."""
    path = local_path(location)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise FetchError(f"not a file: {path}")
        if size > max_bytes:
            raise FetchError(f"too large: {size} bytes, the cap is {max_bytes}")
        with path.open("rb") as fh:
            body = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise FetchError(f"no such file: {path}") from exc
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(body) > max_bytes:
        raise FetchError(f"too large: over {max_bytes} bytes")
    suffix = path.suffix.lower()
    content_type = {
        ".xml": "application/xml",
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        ".html": "text/html",
        ".htm": "text/html",
        ".txt": "text/plain",
    }.get(suffix, "")
    return FetchResult(
        url=location,
        final_url=path.resolve().as_uri(),
        status=200,
        body=body,
        content_type=content_type,
        charset=None,
        etag=None,
        last_modified=None,
    )


def expand_location(location: str) -> list[str]:
    """A folder becomes its files (sorted, recursive, hidden ones skipped); else itself."""
    if not is_local(location):
        return [location]
    path = local_path(location)
    if not path.is_dir():
        return [location]
    files = [
        p
        for p in sorted(path.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    ]
    return [str(p) for p in files]
