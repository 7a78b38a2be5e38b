"""Who may change a chat's subscriptions: private chats, group admins, anonymous admins.

``ensure_can_manage`` is driven with the app's real ``Bot``; the emulator answers
``getChatMember`` from the chat's admins and members and records every call.
"""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Bot
from aiogram.types import Chat, User

from bot.emulator import Emulator
from bot.errors import PermissionDeniedError
from handlers.permissions import NOT_ADMIN, ensure_can_manage, forget_admin_cache
from tests.support.apps import BotAppFactory

GROUP = Chat(id=-100123, type="supergroup", title="Совет")
ADMIN = User(id=10, is_bot=False, first_name="Админ")
MEMBER = User(id=11, is_bot=False, first_name="Участник")


@pytest.fixture
async def bot(bot_app: BotAppFactory, emulator: Emulator) -> Bot:
    """The app's Bot; in the emulator GROUP has ADMIN as its admin and MEMBER as a member."""
    running = await bot_app()
    emulator.create_chat(
        GROUP.id, "supergroup", GROUP.title, admins=[ADMIN.id], members=[MEMBER.id]
    )
    # aiogram Bots with one token are equal, so answers cached for an earlier test's Bot
    # (not yet collected) would be this one's too: see test_a_new_app_..._admin_answers.
    forget_admin_cache(running.app.bot)
    return running.app.bot


def lookups(emulator: Emulator) -> list[tuple[int, int]]:
    """The (chat_id, user_id) of every getChatMember the bot made."""
    calls: list[dict[str, Any]] = emulator.call_log("getChatMember")
    return [(int(c["params"]["chat_id"]), int(c["params"]["user_id"])) for c in calls]


async def test_private_chat_needs_no_lookup(bot: Bot, emulator: Emulator) -> None:
    """In a private chat the user may always manage it, without asking Telegram."""
    await ensure_can_manage(bot, Chat(id=ADMIN.id, type="private"), ADMIN)
    assert lookups(emulator) == []


async def test_admin_allowed_member_refused_and_answers_cached(
    bot: Bot, emulator: Emulator
) -> None:
    """A group admin passes and a member is refused, each after one cached getChatMember."""
    await ensure_can_manage(bot, GROUP, ADMIN)
    await ensure_can_manage(bot, GROUP, ADMIN)
    with pytest.raises(PermissionDeniedError) as info:
        await ensure_can_manage(bot, GROUP, MEMBER)
    assert info.value.text("ru") == NOT_ADMIN["ru"]
    assert info.value.text("en") == NOT_ADMIN["en"]
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(bot, GROUP, MEMBER)
    assert lookups(emulator) == [(GROUP.id, ADMIN.id), (GROUP.id, MEMBER.id)]  # one each


async def test_promoted_member_is_seen_once_the_cache_is_dropped(
    bot: Bot, emulator: Emulator
) -> None:
    """A member promoted meanwhile is refused from the cache until it is dropped."""
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(bot, GROUP, MEMBER)
    emulator.create_chat(GROUP.id, "supergroup", GROUP.title, admins=[ADMIN.id, MEMBER.id])
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(bot, GROUP, MEMBER)  # still the cached answer
    forget_admin_cache(bot)
    await ensure_can_manage(bot, GROUP, MEMBER)
    assert lookups(emulator) == [(GROUP.id, MEMBER.id)] * 2


async def test_failed_lookup_refuses(bot: Bot, emulator: Emulator) -> None:
    """When getChatMember fails (here: an unknown chat) the user is refused, not let in."""
    unknown = Chat(id=-100404, type="supergroup", title="Нет такого")
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(bot, unknown, ADMIN)
    [call] = emulator.call_log("getChatMember")
    assert call["status"] == 400


async def test_anonymous_admin_posts_as_the_chat(bot: Bot, emulator: Emulator) -> None:
    """A message on behalf of the group itself counts as an admin's; another chat's does not."""
    anonymous = User(id=1087968824, is_bot=True, first_name="Group")
    await ensure_can_manage(bot, GROUP, anonymous, sender_chat=GROUP)
    other_channel = Chat(id=-100999, type="channel", title="Чужой канал")
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(bot, GROUP, anonymous, sender_chat=other_channel)
    assert lookups(emulator) == []  # a bot user is never looked up


async def test_channel_post_counts_as_admin(bot: Bot, emulator: Emulator) -> None:
    """A channel post manages its channel; with no sender at all the change is refused."""
    channel = Chat(id=-100555, type="channel", title="Новости района")
    await ensure_can_manage(bot, channel, None, sender_chat=channel)
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(bot, channel, None)
    assert lookups(emulator) == []


async def test_a_new_app_does_not_inherit_admin_answers(
    bot_app: BotAppFactory, emulator: Emulator
) -> None:
    """A second app (same token, same process) asks Telegram again instead of trusting the
    first app's cached refusal."""
    first = await bot_app()
    emulator.create_chat(
        GROUP.id, "supergroup", GROUP.title, admins=[ADMIN.id], members=[MEMBER.id]
    )
    forget_admin_cache(first.app.bot)
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(first.app.bot, GROUP, MEMBER)
    await first.stop()  # a restart: the first app's Bot object still exists
    emulator.create_chat(GROUP.id, "supergroup", GROUP.title, admins=[ADMIN.id, MEMBER.id])
    second = await bot_app()
    await ensure_can_manage(second.app.bot, GROUP, MEMBER)
    assert lookups(emulator) == [(GROUP.id, MEMBER.id)] * 2
