"""Callback data of the subscription, /my and /settings keyboards.

Every factory packs to well under Telegram's 64 bytes (``tests/test_subscriptions_keyboards``
checks every button of every keyboard). Fields are short on purpose. Unpacking only proves
the shape: handlers validate every value (region code in the catalogue, district index,
page, setting key and value) before changing anything, and data that does not unpack
reaches :data:`OUR_PREFIXES`' fallback handler, which answers politely and changes nothing.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

__all__ = [
    "MAX_CALLBACK_BYTES",
    "OUR_PREFIXES",
    "MyCb",
    "RegionCb",
    "SettingsCb",
    "SuggestCb",
    "fits",
]

MAX_CALLBACK_BYTES = 64


class RegionCb(CallbackData, prefix="rg"):
    """The /regions browser. ``a``: ``"root"`` (federal districts), ``"d"`` (a district's
    page ``p``), ``"t"`` (toggle region ``c`` — a code or ``*`` — then show page ``p`` of
    district ``d``, or the districts when ``d`` is -1)."""

    a: str
    d: int = -1
    p: int = 0
    c: str = ""


class MyCb(CallbackData, prefix="my"):
    """/my and /unsubscribe: ``a`` = ``"rm"`` removes subscription ``c``."""

    a: str
    c: str = ""


class SuggestCb(CallbackData, prefix="sg"):
    """«Вы имели в виду…»: ``a`` = ``"s"`` subscribes to ``c``, ``"u"`` unsubscribes."""

    a: str
    c: str


class SettingsCb(CallbackData, prefix="st"):
    """/settings: ``k`` names the setting, ``v`` the chosen value (validated on use).

    ``mode``: instant|digest; ``dt``: digest time HHMM; ``q``: quiet hours ``off`` or
    HHMMHHMM; ``lp``: link previews 1|0; ``tz``: ``auto`` (the first region's zone).
    """

    k: str
    v: str


OUR_PREFIXES: tuple[str, ...] = tuple(
    f"{cls.__prefix__}{cls.__separator__}" for cls in (RegionCb, MyCb, SuggestCb, SettingsCb)
)


def fits(data: str) -> bool:
    """True when ``data`` is valid Telegram callback_data (1-64 bytes)."""
    return 1 <= len(data.encode()) <= MAX_CALLBACK_BYTES
