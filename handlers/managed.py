"""Managing a group or channel from the private chat, and the bot's own membership.

``/my`` in a private chat lists the chats the user administers (:mod:`handlers.targets`);
the buttons here open a chat's menu, settings and filter. The region toggles, ❌ and
settings buttons of those screens carry the chat too and are handled by their own
features, which check the rights the same way. ``my_chat_member`` updates tell who added
the bot where (a candidate for that list; the chat context middleware notes it); the bot's
own membership itself is :mod:`handlers.membership`'s.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message

from handlers.callbacks import ManageCb
from handlers.editing import edit_in_place
from handlers.settings import settings_view
from handlers.targets import (
    filter_screen,
    managed_chats,
    managed_list,
    menu_screen,
    resolve_target,
    with_header,
)
from storage.chats import ChatRepository
from storage.subscriptions import SubscriptionRepository

__all__ = ["build_router"]

log = logging.getLogger(__name__)

_STALE = {
    "ru": "Эта кнопка устарела. Откройте список заново: /my",
    "en": "This button is out of date. Open the list again: /my",
}
_EMPTY = {
    "ru": "Чатов, которыми вы управляете, сейчас нет.",
    "en": "There are no chats you administer right now.",
}
_ACTIONS = frozenset({"o", "s", "f", "fc", "l"})
_GONE = frozenset({"left", "kicked"})


async def on_manage_button(
    callback: CallbackQuery,
    callback_data: ManageCb,
    *,
    lang: str,
    bot: Bot,
    chats: ChatRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    data = callback_data
    message = callback.message
    if data.a not in _ACTIONS or (data.a != "l" and not data.x) or not isinstance(message, Message):
        await callback.answer(_STALE["en" if lang == "en" else "ru"], show_alert=True)
        return
    if data.a == "l":
        if message.chat.type != "private":
            await callback.answer(_STALE["en" if lang == "en" else "ru"], show_alert=True)
            return
        managed = await managed_chats(bot, callback.from_user.id, chats, subscriptions)
        listing = managed_list(managed, lang)
        if listing is None:
            await edit_in_place(message, _EMPTY["en" if lang == "en" else "ru"], None)
        else:
            await edit_in_place(message, listing[0], listing[1])
        await callback.answer()
        return
    change = data.a == "fc"
    target = await resolve_target(
        bot, message, callback.from_user, (data.x, data.h), chats, change=change
    )
    if data.a == "s":
        text, keyboard = await settings_view(
            subscriptions, target.chat_id, lang, target=target.where
        )
        await edit_in_place(message, with_header(text, target, lang), keyboard)
    elif data.a in ("f", "fc"):
        if data.a == "fc":
            await subscriptions.clear_filters(target.chat_id, target.thread_id)
        text, keyboard = await filter_screen(subscriptions, target, lang)
        await edit_in_place(message, text, keyboard)
    else:
        text, keyboard = await menu_screen(subscriptions, target, lang)
        await edit_in_place(message, text, keyboard)
    await callback.answer()


async def on_garbage(callback: CallbackQuery, lang: str) -> None:
    """``mc:`` data that does not unpack: forged or from an old version; nothing changes."""
    await callback.answer(_STALE["en" if lang == "en" else "ru"], show_alert=True)


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="managed")
    router.callback_query.register(on_manage_button, ManageCb.filter())
    router.callback_query.register(on_garbage, F.data.startswith("mc:"))
    return router
