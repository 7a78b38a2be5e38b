"""When a chat may receive a push, and when its next daily digest is due. Pure, no I/O.

Times in ``ChatSettings`` are local "HH:MM" in the chat's zone: ``settings.timezone`` when
set, else the zone of the chat's first subscribed region (pass it as ``default_tz``; see
:func:`chat_zone`), else Moscow. Inputs and results are UTC-aware datetimes.

Quiet hours ``[start, end)`` may wrap midnight (22:00-08:00). A push planned inside them
waits until their end. Equal start and end mean no quiet hours.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.text.catalogue import by_code
from storage.subscriptions import ChatSettings

__all__ = [
    "DEFAULT_TZ",
    "chat_zone",
    "format_hhmm",
    "in_quiet_hours",
    "next_allowed_time",
    "next_digest_time",
    "parse_hhmm",
    "parse_quiet_range",
    "valid_timezone",
]

DEFAULT_TZ = "Europe/Moscow"
# IANA names are short ASCII paths ("America/Argentina/ComodRivadavia" is among the longest).
_ZONE_MAX = 64
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")

_HHMM = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_RANGE = re.compile(r"^\s*(\S+?)\s*[-–—]\s*(\S+)\s*$")


def parse_hhmm(text: str) -> time | None:
    """``"7:00"``, ``"07:00"``, ``"21.30"`` -> ``time``; None if it is not a time of day."""
    m = _HHMM.match(text.strip())
    return time(int(m.group(1)), int(m.group(2))) if m else None


def format_hhmm(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def parse_quiet_range(text: str) -> tuple[str, str] | None:
    """``"22:00-07:00"`` -> ``("22:00", "07:00")`` (normalised); None if unreadable or empty."""
    m = _RANGE.match(text)
    if not m:
        return None
    start, end = parse_hhmm(m.group(1)), parse_hhmm(m.group(2))
    if start is None or end is None or start == end:
        return None
    return format_hhmm(start), format_hhmm(end)


def valid_timezone(name: str) -> bool:
    """True for an IANA zone name this system knows (``Asia/Krasnoyarsk``)."""
    if not name or len(name) > _ZONE_MAX or not _ZONE_NAME.fullmatch(name) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder (America/Indiana)
        return False
    return True


def chat_zone(settings: ChatSettings, first_region: str | None = None) -> str:
    """The chat's IANA zone: its own setting, else its first region's zone, else Moscow."""
    if settings.timezone and valid_timezone(settings.timezone):
        return settings.timezone
    region = by_code(first_region) if first_region else None
    return region.timezone if region is not None else DEFAULT_TZ


def _zone(settings: ChatSettings, default_tz: str | None) -> ZoneInfo:
    if settings.timezone and valid_timezone(settings.timezone):
        return ZoneInfo(settings.timezone)
    if default_tz and valid_timezone(default_tz):
        return ZoneInfo(default_tz)
    return ZoneInfo(DEFAULT_TZ)


def _require_utc(now_utc: datetime) -> datetime:
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    return now_utc.astimezone(UTC)


def _at(day: datetime, t: time, zone: ZoneInfo) -> datetime:
    """Local ``t`` on the local date of ``day``, as a UTC datetime."""
    return datetime.combine(day.date(), t, tzinfo=zone).astimezone(UTC)


def in_quiet_hours(
    now_utc: datetime, settings: ChatSettings, default_tz: str | None = None
) -> bool:
    return next_allowed_time(now_utc, settings, default_tz) != _require_utc(now_utc)


def next_allowed_time(
    now_utc: datetime, settings: ChatSettings, default_tz: str | None = None
) -> datetime:
    """``now_utc`` when it is outside the chat's quiet hours, else their end (UTC)."""
    now = _require_utc(now_utc)
    quiet = settings.quiet_hours
    if quiet is None:
        return now
    start, end = parse_hhmm(quiet[0]), parse_hhmm(quiet[1])
    if start is None or end is None or start == end:
        return now
    zone = _zone(settings, default_tz)
    local = now.astimezone(zone)
    t = local.time().replace(tzinfo=None)
    if start < end:  # same day: 01:00-06:00
        inside = start <= t < end
        end_day = local
    else:  # wraps midnight: 22:00-08:00
        inside = t >= start or t < end
        end_day = local + timedelta(days=1) if t >= start else local
    if not inside:
        return now
    return _at(end_day, end, zone)


def next_digest_time(
    now_utc: datetime, settings: ChatSettings, default_tz: str | None = None
) -> datetime:
    """When the chat's next daily digest is due (UTC).

    The digest time's most recent occurrence at or before ``now_utc`` when a digest was
    sent before and that occurrence has not been served yet (``last_digest_at`` is older:
    due now, e.g. after a restart); otherwise the next occurrence after ``now_utc``.
    """
    now = _require_utc(now_utc)
    zone = _zone(settings, default_tz)
    at = parse_hhmm(settings.digest_time) or time(9, 0)
    local = now.astimezone(zone)
    today = _at(local, at, zone)
    previous = today if today <= now else _at(local - timedelta(days=1), at, zone)
    last = settings.last_digest_at
    if last is not None and last < previous:
        return previous
    return today if today > now else _at(local + timedelta(days=1), at, zone)
