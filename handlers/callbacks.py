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
    "HERE",
    "MAX_CALLBACK_BYTES",
    "OUR_PREFIXES",
    "ManageCb",
    "MyCb",
    "RegionCb",
    "SettingsCb",
    "SuggestCb",
    "fits",
]

MAX_CALLBACK_BYTES = 64

# The chat a screen acts on: ``(x, h)`` = (chat id, forum topic). ``x == 0`` is the chat the
# button sits in (and its topic); another id is a group or channel managed from a private
# chat (/my), whose admin rights are checked again on every press.
HERE = (0, 0)


class RegionCb(CallbackData, prefix="rg"):
    """The /regions browser. ``a``: ``"root"`` (federal districts), ``"d"`` (a district's
    page ``p``), ``"t"`` (toggle region ``c`` — a code or ``*`` — then show page ``p`` of
    district ``d``, or the districts when ``d`` is -1)."""

    a: str
    d: int = -1
    p: int = 0
    c: str = ""
    x: int = 0
    h: int = 0


class MyCb(CallbackData, prefix="my"):
    """/my and /unsubscribe: ``a`` = ``"rm"`` removes subscription ``c``."""

    a: str
    c: str = ""
    x: int = 0
    h: int = 0


class SuggestCb(CallbackData, prefix="sg"):
    """«Вы имели в виду…»: ``a`` = ``"s"`` subscribes to ``c``, ``"u"`` unsubscribes."""

    a: str
    c: str


class SettingsCb(CallbackData, prefix="st"):
    """/settings: ``k`` names the setting, ``v`` the chosen value (validated on use).

    ``mode``: instant|digest; ``dt``: digest time HHMM; ``q``: quiet hours ``off`` or
    HHMMHHMM; ``lp``: link previews 1|0; ``pic``: pictures 1|0; ``tz``: ``auto`` (the first
    region's zone).
    """

    k: str
    v: str
    x: int = 0
    h: int = 0


class ManageCb(CallbackData, prefix="mc"):
    """A group or channel managed from a private chat (/my): ``a`` = ``"o"`` its menu
    (subscriptions), ``"s"`` settings, ``"f"`` keyword filter, ``"fc"`` clear the filter,
    ``"l"`` the list of managed chats; ``x`` the chat, ``h`` the forum topic."""

    a: str
    x: int = 0
    h: int = 0


OUR_PREFIXES: tuple[str, ...] = tuple(
    f"{cls.__prefix__}{cls.__separator__}"
    for cls in (RegionCb, MyCb, SuggestCb, SettingsCb, ManageCb)
)


def fits(data: str) -> bool:
    """True when ``data`` is valid Telegram callback_data (1-64 bytes)."""
    return 1 <= len(data.encode()) <= MAX_CALLBACK_BYTES
