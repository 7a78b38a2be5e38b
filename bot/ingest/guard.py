"""The fetcher's guard against reading the server's own network (SSRF).

An admin's ``/addsource http://127.0.0.1:8080/admin`` (or ``localhost``, the cloud metadata
address ``169.254.169.254``, ``10.0.0.1``, ``[::1]``, ``[fd00::1]``, ``[::ffff:127.0.0.1]``)
must not make the bot fetch, store and push what only the server can see. So, unless
``ingest.allow_private_addresses`` is on:

* host names are resolved by :class:`PublicOnlyResolver` (the event loop's ``getaddrinfo``)
  and only public addresses are handed to the connector: the address checked is the
  address connected to, so a name that changes its answer between a check and the
  connection (DNS rebinding) gains nothing;
* IP literals, which aiohttp never resolves, are checked by :func:`check_url` before every
  request, redirects included (the fetcher follows redirects itself, one hop at a time).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

from bot.errors import AddressRefusedError

__all__ = ["PublicOnlyResolver", "address_problem", "check_url", "refusal_for_url"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _unwrap(addr: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv4-mapped (``::ffff:a.b.c.d``) or IPv4-compatible
    (``::a.b.c.d``) IPv6 address; the address itself otherwise."""
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return addr.ipv4_mapped
        if int(addr) >> 32 == 0 and int(addr) > 1:  # ::a.b.c.d, deprecated but routable
            return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return addr


def address_problem(address: str) -> str | None:
    """What makes ``address`` (an IP literal) one the bot must not read; None when public.

    Also None for something that is not an IP address at all (a host name).
    """
    try:
        addr = _unwrap(ipaddress.ip_address(address.split("%", 1)[0].strip("[]")))
    except ValueError:
        return None
    if addr.is_unspecified:
        return "an unspecified address"
    if addr.is_loopback:
        return "a loopback address"
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if addr.is_private:
        return "a private address"
    if addr.is_reserved or not addr.is_global:
        return "not a public address"
    return None


def check_url(url: str) -> None:
    """AddressRefusedError when the URL's host is an IP literal that is not public."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return  # the fetcher reports a malformed URL itself
    problem = address_problem(host)
    if problem is not None:
        raise AddressRefusedError(host, host, problem)


class _Refused(OSError):
    """Raised inside aiohttp's connector (which wraps OSErrors); carries the real error."""

    def __init__(self, error: AddressRefusedError) -> None:
        super().__init__(str(error))
        self.error = error


class PublicOnlyResolver(AbstractResolver):
    """Resolves with the event loop's ``getaddrinfo`` and keeps only public addresses."""

    def __init__(self) -> None:
        self._inner = ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        public = [r for r in found if address_problem(r["host"]) is None]
        if found and not public:
            first = found[0]["host"]
            problem = address_problem(first) or "not a public address"
            raise _Refused(AddressRefusedError(host.rstrip("."), first, problem))
        return public

    async def close(self) -> None:
        await self._inner.close()


def refused_from(exc: BaseException) -> AddressRefusedError | None:
    """The refusal inside an aiohttp connector error, if that is what it is."""
    inner = getattr(exc, "os_error", None)
    return inner.error if isinstance(inner, _Refused) else None


async def refusal_for_url(url: str) -> AddressRefusedError | None:
    """Why the URL's host may not be read (IP literal or every address it resolves to), or
    None. A host that does not resolve at all is not refused here: polling reports that."""
    try:
        check_url(url)
        host = urlsplit(url).hostname or ""
    except AddressRefusedError as exc:
        return exc
    except ValueError:
        return None
    if not host or address_problem(host) is not None:
        return None
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None
    addresses = [str(info[4][0]) for info in infos]
    problems = [(a, address_problem(a)) for a in addresses]
    if addresses and all(p is not None for _, p in problems):
        address, problem = problems[0]
        return AddressRefusedError(host, address, problem or "not a public address")
    return None
