"""/settings: instant pushes or a daily digest, time zone, quiet hours, link previews, pictures.

Settings belong to the chat (all its topics). Anyone may look; in groups and channels
only the chat's administrators may change them (``ensure_can_manage``).

    /settings                         the current settings with buttons
    /settings quiet 22:00-07:00       custom quiet hours (``off`` removes them)
    /settings tz Asia/Krasnoyarsk     a time zone: IANA name, a region, or ``auto``
    /settings time 08:30              the digest time (switches to the digest)
    /settings instant | digest        the mode
    /settings previews on | off       link previews in pushes
    /settings pictures on | off       an article's picture: a push as a photo with a caption
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.delivery.quiet_hours import (
    chat_zone,
    format_hhmm,
    parse_hhmm,
    parse_quiet_range,
    valid_timezone,
)
from bot.errors import UserInputError
from bot.i18n import Texts
from handlers.callbacks import HERE, SettingsCb
from handlers.editing import edit_in_place
from handlers.keyboards import DIGEST_TIMES, region_label, settings_keyboard
from handlers.permissions import ensure_can_manage
from handlers.region_input import resolve_user_region
from handlers.targets import resolve_target, with_header
from storage.chats import ChatRepository
from storage.subscriptions import MODES, SubscriptionRepository

__all__ = ["T", "build_router", "button_changes", "command_changes", "settings_view"]


T = Texts(
    ru={
        "title": "<b>Настройки чата</b>",
        "mode_instant": "Режим: <b>сразу</b> — каждая новость приходит по мере выхода.",
        "mode_digest": "Режим: <b>дайджест</b> раз в день в <b>{time}</b>.",
        "zone_own": "Часовой пояс: <b>{tz}</b>, сейчас {now}.",
        "zone_region": "Часовой пояс: <b>{tz}</b> (по региону «{region}»), сейчас {now}.",
        "zone_default": "Часовой пояс: <b>{tz}</b> (по умолчанию), сейчас {now}.",
        "quiet_off": "Тихие часы: нет.",
        "quiet_on": ("Тихие часы: <b>{start}–{end}</b> — новости этого времени придут в {end}."),
        "previews_on": "Превью ссылок: вкл.",
        "previews_off": "Превью ссылок: выкл.",
        "mentioned_on": (
            "Новости, где регион только упомянут: <b>присылать</b> и показывать в /latest "
            "и /search."
        ),
        "mentioned_off": (
            "Новости, где регион только упомянут (гость из региона, рейс, Москва как "
            "столица государства): <b>не присылать</b> и не показывать в /latest и /search."
        ),
        "bad_mentioned": "Напишите <code>/settings mentioned on</code> или <code>off</code>.",
        "pictures_on": "Картинки: вкл. — новость с картинкой приходит фотографией с подписью.",
        "pictures_off": "Картинки: выкл. — новости приходят текстом.",
        "help": (
            "Свои тихие часы: <code>/settings quiet 22:00-07:00</code>, убрать: "
            "<code>/settings quiet off</code>. Пояс: <code>/settings tz Asia/Yekaterinburg</code> "
            "или регион. Время дайджеста: <code>/settings time 08:30</code>."
        ),
        "saved": "Сохранено.",
        "stale": "Эта кнопка устарела. Откройте настройки заново: /settings",
        "old_message": "Сообщение слишком старое. Откройте настройки заново: /settings",
        "bad_quiet": (
            "Не понял тихие часы «{value}». Пример: <code>/settings quiet 22:00-07:00</code> "
            "или <code>/settings quiet off</code>."
        ),
        "bad_tz": (
            "Не знаю часовой пояс «{value}». Пример: <code>/settings tz Asia/Krasnoyarsk</code>, "
            "<code>/settings tz Хакасия</code> или <code>/settings tz auto</code>."
        ),
        "bad_time": "Не понял время «{value}». Пример: <code>/settings time 08:30</code>.",
        "bad_previews": "Напишите <code>/settings previews on</code> или <code>off</code>.",
        "bad_pictures": "Напишите <code>/settings pictures on</code> или <code>off</code>.",
        "bad_command": (
            "Не знаю настройку «{value}». "
            "Есть: quiet, tz, time, instant, digest, previews, pictures, mentioned."
        ),
    },
    en={
        "title": "<b>Chat settings</b>",
        "mode_instant": "Mode: <b>instant</b> — every article comes as it is published.",
        "mode_digest": "Mode: <b>daily digest</b> at <b>{time}</b>.",
        "zone_own": "Time zone: <b>{tz}</b>, now {now}.",
        "zone_region": "Time zone: <b>{tz}</b> (of the region «{region}»), now {now}.",
        "zone_default": "Time zone: <b>{tz}</b> (default), now {now}.",
        "quiet_off": "Quiet hours: none.",
        "quiet_on": "Quiet hours: <b>{start}–{end}</b> — news of that time comes at {end}.",
        "previews_on": "Link previews: on.",
        "previews_off": "Link previews: off.",
        "mentioned_on": (
            "Articles that only mention your regions: <b>sent</b> and listed by /latest "
            "and /search."
        ),
        "mentioned_off": (
            "Articles that only mention your regions (a guest from there, a flight route, "
            "Moscow as the capital): <b>not sent</b> nor listed by /latest and /search."
        ),
        "bad_mentioned": "Type <code>/settings mentioned on</code> or <code>off</code>.",
        "pictures_on": "Pictures: on — an article with a picture comes as a photo with a caption.",
        "pictures_off": "Pictures: off — articles come as text.",
        "help": (
            "Custom quiet hours: <code>/settings quiet 22:00-07:00</code>, remove: "
            "<code>/settings quiet off</code>. Zone: <code>/settings tz Asia/Yekaterinburg</code> "
            "or a region. Digest time: <code>/settings time 08:30</code>."
        ),
        "saved": "Saved.",
        "stale": "This button is out of date. Open the settings again: /settings",
        "old_message": "This message is too old. Open the settings again: /settings",
        "bad_quiet": (
            "Cannot read the quiet hours «{value}». Example: "
            "<code>/settings quiet 22:00-07:00</code> or <code>/settings quiet off</code>."
        ),
        "bad_tz": (
            "Unknown time zone «{value}». Example: <code>/settings tz Asia/Krasnoyarsk</code>, "
            "<code>/settings tz Khakassia</code> or <code>/settings tz auto</code>."
        ),
        "bad_time": "Cannot read the time «{value}». Example: <code>/settings time 08:30</code>.",
        "bad_previews": "Write <code>/settings previews on</code> or <code>off</code>.",
        "bad_pictures": "Write <code>/settings pictures on</code> or <code>off</code>.",
        "bad_command": (
            "Unknown setting «{value}». "
            "There are: quiet, tz, time, instant, digest, previews, pictures, mentioned."
        ),
    },
)

_OFF = frozenset({"off", "нет", "выкл", "выключить", "no", "none", "0"})
_ON = frozenset({"on", "да", "вкл", "включить", "yes", "1"})


def _input_error(key: str, value: str) -> UserInputError:
    shown = html.escape(" ".join(value.split())[:60])
    return UserInputError(T(key, "ru", value=shown), T(key, "en", value=shown))


async def settings_view(
    subscriptions: SubscriptionRepository,
    chat_id: int,
    lang: str,
    now: datetime | None = None,
    target: tuple[int, int] = HERE,
) -> tuple[str, InlineKeyboardMarkup]:
    """The /settings message and its buttons."""
    current = await subscriptions.get_settings(chat_id)
    first = await subscriptions.first_region(chat_id)
    zone = chat_zone(current, first)
    moment = (now or datetime.now(UTC)).astimezone(ZoneInfo(zone))
    now_text = format_hhmm(moment.time())
    lines = [T("title", lang)]
    if current.mode == "digest":
        lines.append(T("mode_digest", lang, time=current.digest_time))
    else:
        lines.append(T("mode_instant", lang))
    if current.timezone and current.timezone == zone:
        lines.append(T("zone_own", lang, tz=zone, now=now_text))
    elif first is not None:
        region = html.escape(region_label(first, lang))
        lines.append(T("zone_region", lang, tz=zone, region=region, now=now_text))
    else:
        lines.append(T("zone_default", lang, tz=zone, now=now_text))
    quiet = current.quiet_hours
    if quiet is None:
        lines.append(T("quiet_off", lang))
    else:
        lines.append(T("quiet_on", lang, start=quiet[0], end=quiet[1]))
    lines.append(T("previews_on" if current.link_previews else "previews_off", lang))
    lines.append(T("mentioned_on" if current.mentioned else "mentioned_off", lang))
    lines.append(T("pictures_on" if current.pictures else "pictures_off", lang))
    lines.append("")
    lines.append(T("help", lang))
    return "\n".join(lines), settings_keyboard(current, lang, target)


def _hhmm4(value: str) -> str | None:
    """``"0900"`` -> ``"09:00"``; None unless four digits forming a time of day."""
    if len(value) != 4 or not value.isdigit():
        return None
    parsed = parse_hhmm(f"{value[:2]}:{value[2:]}")
    return None if parsed is None else format_hhmm(parsed)


def button_changes(data: SettingsCb) -> dict[str, object] | None:
    """The settings a button asks for, or None when its data is not one we offer."""
    key, value = data.k, data.v
    if key == "mode" and value in MODES:
        return {"mode": value}
    if key == "dt":
        at = _hhmm4(value)
        if at is not None and at in DIGEST_TIMES:
            return {"mode": "digest", "digest_time": at}
        return None
    if key == "q":
        if value == "off":
            return {"quiet_start": None, "quiet_end": None}
        if len(value) == 8:
            start, end = _hhmm4(value[:4]), _hhmm4(value[4:])
            if start is not None and end is not None and start != end:
                return {"quiet_start": start, "quiet_end": end}
        return None
    if key == "lp" and value in ("0", "1"):
        return {"link_previews": value == "1"}
    if key == "mn" and value in ("0", "1"):
        return {"mentioned": value == "1"}
    if key == "pic" and value in ("0", "1"):
        return {"pictures": value == "1"}
    if key == "tz" and value == "auto":
        return {"timezone": None}
    return None


def command_changes(args: str) -> dict[str, object]:
    """``/settings`` arguments -> the settings to change. Raises UserInputError."""
    head, _, rest = args.strip().partition(" ")
    key = head.lower()
    rest = rest.strip()
    if key in ("quiet", "тихие", "тишина"):
        if rest.lower() in _OFF:
            return {"quiet_start": None, "quiet_end": None}
        quiet = parse_quiet_range(rest)
        if quiet is None:
            raise _input_error("bad_quiet", rest)
        return {"quiet_start": quiet[0], "quiet_end": quiet[1]}
    if key in ("tz", "zone", "пояс", "timezone"):
        if rest.lower() in ("auto", "авто", "региона"):
            return {"timezone": None}
        if "/" in rest and valid_timezone(rest):
            return {"timezone": rest}
        if rest:
            region, _ = resolve_user_region(rest)
            if region is not None:
                return {"timezone": region.timezone}
        raise _input_error("bad_tz", rest)
    if key in ("time", "время", "digest_time"):
        at = parse_hhmm(rest)
        if at is None:
            raise _input_error("bad_time", rest)
        return {"mode": "digest", "digest_time": format_hhmm(at)}
    if key in ("instant", "сразу"):
        return {"mode": "instant"}
    if key in ("digest", "дайджест"):
        changes: dict[str, object] = {"mode": "digest"}
        if rest:
            at = parse_hhmm(rest)
            if at is None:
                raise _input_error("bad_time", rest)
            changes["digest_time"] = format_hhmm(at)
        return changes
    if key in ("previews", "preview", "превью"):
        if rest.lower() in _ON:
            return {"link_previews": True}
        if rest.lower() in _OFF:
            return {"link_previews": False}
        raise _input_error("bad_previews", rest)
    if key in ("mentioned", "mentions", "упоминания"):
        if rest.lower() in _ON:
            return {"mentioned": True}
        if rest.lower() in _OFF:
            return {"mentioned": False}
        raise _input_error("bad_mentioned", rest)
    if key in ("pictures", "picture", "images", "photos", "картинки", "фото"):
        if rest.lower() in _ON:
            return {"pictures": True}
        if rest.lower() in _OFF:
            return {"pictures": False}
        raise _input_error("bad_pictures", rest)
    raise _input_error("bad_command", head)


async def cmd_settings(
    message: Message,
    command: CommandObject,
    lang: str,
    bot: Bot,
    subscriptions: SubscriptionRepository,
) -> None:
    args = (command.args or "").strip()
    if args:
        changes = command_changes(args)
        await ensure_can_manage(bot, message.chat, message.from_user, message.sender_chat)
        await subscriptions.update_settings(message.chat.id, **changes)
    text, keyboard = await settings_view(subscriptions, message.chat.id, lang)
    await message.answer(text, reply_markup=keyboard)


async def on_settings_button(
    callback: CallbackQuery,
    callback_data: SettingsCb,
    *,
    lang: str,
    bot: Bot,
    chats: ChatRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    changes = button_changes(callback_data)
    if changes is None:
        await callback.answer(T("stale", lang), show_alert=True)
        return
    message = callback.message
    if not isinstance(message, Message):
        await callback.answer(T("old_message", lang), show_alert=True)
        return
    where = (callback_data.x, callback_data.h)
    target = await resolve_target(bot, message, callback.from_user, where, chats, change=True)
    await subscriptions.update_settings(target.chat_id, **changes)
    text, keyboard = await settings_view(subscriptions, target.chat_id, lang, target=target.where)
    await edit_in_place(message, with_header(text, target, lang), keyboard)
    await callback.answer(T("saved", lang))


async def on_garbage(callback: CallbackQuery, lang: str) -> None:
    """``st:`` data that does not unpack: forged or from an old version; nothing changes."""
    await callback.answer(T("stale", lang), show_alert=True)


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="settings")
    router.message.register(cmd_settings, Command("settings"))
    router.channel_post.register(cmd_settings, Command("settings"))
    router.callback_query.register(on_settings_button, SettingsCb.filter())
    router.callback_query.register(on_garbage, F.data.startswith("st:"))
    return router
