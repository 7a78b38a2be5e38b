"""Users, chats and members: who is where, and the Bot API methods about chats."""

from __future__ import annotations

import time
from typing import Any

from bot.emulator.errors import ApiError, ControlError, bad_request, forbidden, migrated
from bot.emulator.params import as_int, opt_str, req_int, require_utf8_args
from bot.emulator.profile import BotProfile
from bot.emulator.records import JSON, Chat, User
from bot.emulator.updates import UpdateQueue

CHAT_TYPES = ("private", "group", "supergroup", "channel")
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_post_messages",
    "can_edit_messages",
    "can_pin_messages",
    "can_manage_topics",
)


def _admin(user: JSON) -> JSON:
    member: JSON = {"status": "administrator", "user": user, "is_anonymous": False}
    member.update(dict.fromkeys(ADMIN_RIGHTS, True))
    member.update(can_be_edited=False, can_promote_members=False)
    member["can_send_welcome_messages"] = False
    return member


class ChatBook:
    """Every user and chat the emulator knows."""

    def __init__(self, profile: BotProfile, updates: UpdateQueue) -> None:
        self._profile = profile
        self._updates = updates
        self.reset()

    def reset(self) -> None:
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}

    # Lookups -------------------------------------------------------------------

    def resolve(self, raw: Any) -> Chat | None:
        """A chat by id or by `@username` (groups and channels only)."""
        if isinstance(raw, str) and raw.startswith("@"):
            name = raw[1:].lower()
            for chat in self.chats.values():
                if chat.username and chat.username.lower() == name and chat.type != "private":
                    return chat
            return None
        try:
            return self.chats.get(as_int(raw, "chat_id"))
        except ApiError:
            return None

    def chat_param(self, p: JSON) -> Chat:
        """The chat named by the call's `chat_id`, or 400."""
        raw = p.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat = self.resolve(raw)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def writable(self, p: JSON) -> Chat:
        """The chat named by `chat_id` if the bot may write there, or Telegram's error."""
        raw = str(p.get("chat_id", ""))
        if raw.isdigit() and int(raw) in self.users and int(raw) not in self.chats:
            # Known (e.g. from a group) but never wrote to the bot.
            raise forbidden("bot can't initiate conversation with a user")
        chat = self.chat_param(p)
        if chat.migrated_to is not None:
            raise migrated(chat.migrated_to)
        if chat.type == "private":
            user = chat.private_user
            if user is not None and user.blocked_bot:
                raise forbidden("bot was blocked by the user")
        elif chat.bot_left:
            kind = "channel chat" if chat.type == "channel" else f"{chat.type} chat"
            raise forbidden(f"bot is not a member of the {kind}")
        return chat

    def user(
        self,
        user_id: int,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> User:
        """The user, created on first sight; given names overwrite the known ones."""
        user = self.users.get(user_id)
        if user is None:
            user = User(id=user_id, first_name=first_name or f"User{user_id}")
            self.users[user_id] = user
        if first_name:
            user.first_name = first_name
        if username:
            user.username = username
        if language_code:
            user.language_code = language_code
        return user

    def private_chat(self, user: User) -> Chat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = Chat(id=user.id, type="private", private_user=user)
            self.chats[user.id] = chat
        return chat

    def member(self, chat: Chat, user_id: int) -> JSON:
        """The ChatMember object of `user_id` (the bot included) in `chat`."""
        if user_id == self._profile.bot_id:
            user: JSON = self._profile.user()
            if chat.type == "private":
                return {"status": "member", "user": user}
            if chat.bot_left:
                return {"status": "left", "user": user}
            if chat.bot_is_admin:
                return _admin(user)
            return {"status": "member", "user": user}
        known = self.users.get(user_id)
        user = known.to_api() if known else {"id": user_id, "is_bot": False, "first_name": "?"}
        if chat.type == "private":
            return {"status": "member" if user_id == chat.id else "left", "user": user}
        if user_id == chat.creator:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if user_id in chat.admins:
            return _admin(user)
        if user_id in chat.members:
            return {"status": "member", "user": user}
        return {"status": "left", "user": user}

    def info(self, chat_id: int) -> JSON:
        """A chat as the control API shows it: the Chat object plus who is in it."""
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ControlError("chat not found", 404)
        info = chat.to_api()
        info.update(
            admins=sorted(chat.admins),
            members=sorted(chat.members),
            creator=chat.creator,
            bot_is_admin=chat.bot_is_admin,
            bot_left=chat.bot_left,
            migrated_to=chat.migrated_to,
            blocked=bool(chat.private_user and chat.private_user.blocked_bot),
        )
        return info

    # Bot API -------------------------------------------------------------------

    def api_send_chat_action(self, p: JSON) -> bool:
        self.writable(p)
        if opt_str(p, "action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def api_get_chat(self, p: JSON) -> JSON:
        chat = self.chat_param(p)
        info = chat.to_api()
        info.update(
            accent_color_id=chat.id % 7,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return info

    def api_get_chat_member(self, p: JSON) -> JSON:
        chat = self.chat_param(p)
        return self.member(chat, req_int(p, "user_id"))

    def api_get_chat_administrators(self, p: JSON) -> list[JSON]:
        chat = self.chat_param(p)
        if chat.type == "private":
            raise bad_request("there are no administrators in the private chat")
        ids: list[int] = []
        if chat.creator is not None:
            ids.append(chat.creator)
        ids.extend(sorted(chat.admins - {chat.creator}))
        if chat.bot_is_admin and not chat.bot_left:
            ids.append(self._profile.bot_id)
        return [self.member(chat, uid) for uid in ids]

    def api_get_chat_member_count(self, p: JSON) -> int:
        chat = self.chat_param(p)
        if chat.type == "private":
            return 2
        people = chat.members | chat.admins
        if chat.creator is not None:
            people.add(chat.creator)
        return len(people) + (0 if chat.bot_left else 1)

    def api_leave_chat(self, p: JSON) -> bool:
        chat = self.chat_param(p)
        if chat.type == "private":
            raise bad_request("chat member status can't be changed in private chats")
        chat.bot_left = True
        return True

    # Control operations --------------------------------------------------------

    def create_chat(
        self,
        chat_id: int,
        type: str = "group",
        title: str | None = None,
        *,
        username: str | None = None,
        is_forum: bool = False,
        admins: list[int] | None = None,
        members: list[int] | None = None,
        creator: int | None = None,
        bot_is_admin: bool | None = None,
        first_name: str | None = None,
    ) -> JSON:
        """Create (or update) a chat; the first admin is its creator unless given."""
        if type not in CHAT_TYPES:
            raise ControlError(f"unknown chat type {type!r}")
        require_utf8_args(title, username, first_name)
        if type == "private":
            if chat_id <= 0:
                raise ControlError("a private chat id is the user's id and must be positive")
            chat = self.private_chat(self.user(chat_id, first_name, username))
            return chat.to_api()
        if chat_id >= 0:
            raise ControlError("group, supergroup and channel ids are negative")
        if is_forum and type != "supergroup":
            raise ControlError("only a supergroup can be a forum")
        chat = self.chats.get(chat_id) or Chat(id=chat_id, type=type)
        chat.type = type
        chat.title = title or chat.title or f"Chat {chat_id}"
        chat.username = username or chat.username
        chat.is_forum = is_forum
        admin_ids = list(admins or [])
        chat.admins = set(admin_ids)
        chat.members = set(members or [])
        chat.creator = creator if creator is not None else (admin_ids[0] if admin_ids else None)
        chat.bot_is_admin = type == "channel" if bot_is_admin is None else bot_is_admin
        chat.bot_left = False
        for uid in chat.admins | chat.members:
            self.user(uid)
        self.chats[chat_id] = chat
        return chat.to_api()

    def migrate_chat(self, chat_id: int, to_chat_id: int | None = None) -> JSON:
        """Upgrade a group to a supergroup: sends to the old id answer 'migrate'."""
        chat = self.chats.get(chat_id)
        if chat is None or chat.type != "group":
            raise ControlError("only an existing group can be migrated", 404)
        target = to_chat_id if to_chat_id is not None else int(f"-100{abs(chat_id)}")
        chat.migrated_to = target
        self.create_chat(
            target,
            "supergroup",
            chat.title,
            admins=sorted(chat.admins),
            members=sorted(chat.members),
            creator=chat.creator,
            bot_is_admin=chat.bot_is_admin,
        )
        return {"chat_id": chat_id, "migrate_to_chat_id": target}

    def add_bot(self, chat_id: int, user_id: int, *, as_admin: bool = False) -> JSON:
        """A user adds the bot to a chat: a my_chat_member update, as Telegram sends."""
        chat = self.chats.get(chat_id)
        if chat is None or chat.type == "private":
            raise ControlError("create the group or channel first", 404)
        user = self.user(user_id)
        chat.bot_left = False
        chat.bot_is_admin = as_admin or chat.type == "channel"
        payload: JSON = {
            "chat": chat.to_api(),
            "from": user.to_api(),
            "date": int(time.time()),
            # A chat made through the control API holds the bot silently; this is its arrival.
            "old_chat_member": {"status": "left", "user": self._profile.user()},
            "new_chat_member": self.member(chat, self._profile.bot_id),
        }
        update = self._updates.enqueue("my_chat_member", payload)
        return {"update_id": update["update_id"], "my_chat_member": payload}

    def set_blocked(self, user_id: int, blocked: bool = True) -> None:
        self.user(user_id).blocked_bot = blocked
