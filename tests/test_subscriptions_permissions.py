"""Who may change a chat's subscriptions: private chats, group admins, anonymous admins."""

from __future__ import annotations

from typing import Any, cast

import pytest
from aiogram import Bot
from aiogram.types import Chat, ChatMemberAdministrator, ChatMemberMember, User

from bot.errors import PermissionDeniedError
from handlers.permissions import ensure_can_manage, forget_admin_cache

GROUP = Chat(id=-100123, type="supergroup", title="Совет")
ADMIN = User(id=10, is_bot=False, first_name="Админ")
MEMBER = User(id=11, is_bot=False, first_name="Участник")


class FakeBot:
    """Answers getChatMember from a set of admin ids and counts the calls."""

    def __init__(self, admins: set[int]) -> None:
        self.admins = admins
        self.calls: list[tuple[int, int]] = []

    async def get_chat_member(self, chat_id: int, user_id: int) -> Any:
        self.calls.append((chat_id, user_id))
        user = User(id=user_id, is_bot=False, first_name="x")
        if user_id in self.admins:
            return ChatMemberAdministrator(
                user=user,
                can_be_edited=False,
                is_anonymous=False,
                can_manage_chat=True,
                can_delete_messages=True,
                can_manage_video_chats=True,
                can_restrict_members=True,
                can_promote_members=False,
                can_change_info=True,
                can_invite_users=True,
                can_post_stories=False,
                can_edit_stories=False,
                can_delete_stories=False,
                can_send_welcome_messages=False,
            )
        return ChatMemberMember(user=user)


async def test_private_chat_needs_no_lookup() -> None:
    fake = FakeBot(set())
    bot = cast(Bot, fake)
    await ensure_can_manage(bot, Chat(id=10, type="private"), ADMIN)
    assert fake.calls == []


async def test_admin_allowed_member_refused_and_answers_cached() -> None:
    fake = FakeBot({ADMIN.id})
    bot = cast(Bot, fake)
    await ensure_can_manage(bot, GROUP, ADMIN)
    await ensure_can_manage(bot, GROUP, ADMIN)
    with pytest.raises(PermissionDeniedError) as info:
        await ensure_can_manage(bot, GROUP, MEMBER)
    assert "администраторы" in info.value.text("ru")
    assert "administrators" in info.value.text("en")
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(bot, GROUP, MEMBER)
    assert fake.calls == [(GROUP.id, ADMIN.id), (GROUP.id, MEMBER.id)]  # one lookup each
    # A member promoted meanwhile is seen once the cache is dropped.
    fake.admins.add(MEMBER.id)
    forget_admin_cache(bot)
    await ensure_can_manage(bot, GROUP, MEMBER)


async def test_anonymous_admin_posts_as_the_chat() -> None:
    fake = FakeBot(set())
    bot = cast(Bot, fake)
    anonymous = User(id=1087968824, is_bot=True, first_name="Group")
    await ensure_can_manage(bot, GROUP, anonymous, sender_chat=GROUP)
    assert fake.calls == []
    other_channel = Chat(id=-100999, type="channel", title="Чужой канал")
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(bot, GROUP, anonymous, sender_chat=other_channel)


async def test_channel_post_counts_as_admin() -> None:
    channel = Chat(id=-100555, type="channel", title="Новости района")
    fake = FakeBot(set())
    await ensure_can_manage(cast(Bot, fake), channel, None, sender_chat=channel)
    with pytest.raises(PermissionDeniedError):
        await ensure_can_manage(cast(Bot, fake), channel, None)
