"""Messages: what the bot sends, edits and deletes, and what users write to it."""

from __future__ import annotations

import asyncio
import json
import time

from bot.emulator.chats import ChatBook
from bot.emulator.checks import MAX_CAPTION, check_markup, render_caption, render_text
from bot.emulator.errors import ControlError, bad_request, migrated
from bot.emulator.files import Files, document_object, photo_sizes
from bot.emulator.markup import detect_entities, utf16_len
from bot.emulator.notifier import Notifier
from bot.emulator.params import as_int, flag, opt_int, opt_str, req_int, require_utf8_args
from bot.emulator.profile import BotProfile
from bot.emulator.ratelimit import RateLimiter
from bot.emulator.records import JSON, Chat, Stats, StoredMessage
from bot.emulator.updates import UpdateQueue

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


_MIME_TYPES = {
    "opml": "text/x-opml",
    "xml": "application/xml",
    "txt": "text/plain",
    "pdf": "application/pdf",
    "json": "application/json",
    "csv": "text/csv",
}


def _mime(file_name: str) -> str:
    """The mime type Telegram would guess from the name (octet-stream when unsure)."""
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return _MIME_TYPES.get(extension, "application/octet-stream")


def _quote(stored: StoredMessage) -> JSON:
    """A message as `reply_to_message`: without its own reply."""
    quoted = dict(stored.api)
    quoted.pop("reply_to_message", None)
    return quoted


class Messages:
    """Messages live in their chats (`Chat.messages`); this is what changes them."""

    def __init__(
        self,
        chats: ChatBook,
        profile: BotProfile,
        updates: UpdateQueue,
        limiter: RateLimiter,
        stats: Stats,
        *,
        files: Files,
    ) -> None:
        self._files = files
        self._chats = chats
        self._profile = profile
        self._updates = updates
        self._limiter = limiter
        self._stats = stats
        self.changed = Notifier()

    def reset(self) -> None:
        self.changed.notify()  # waiters re-check against the emptied chats

    def _store(self, chat: Chat, api: JSON, *, from_bot: bool, raw: str | None = None,
               parse_mode: str | None = None) -> StoredMessage:  # fmt: skip
        stored = StoredMessage(api["message_id"], api, from_bot, raw, parse_mode)
        chat.messages[stored.message_id] = stored
        self.changed.notify()
        return stored

    def _reply_to(self, chat: Chat, p: JSON) -> JSON | None:
        params = p.get("reply_parameters")
        allow_missing = flag(p, "allow_sending_without_reply")
        if isinstance(params, dict):
            message_id = params.get("message_id")
            allow_missing = bool(params.get("allow_sending_without_reply", allow_missing))
            target_chat = chat
            if params.get("chat_id") not in (None, chat.id):
                target_chat = self._chats.resolve(params["chat_id"]) or chat
        else:
            message_id = p.get("reply_to_message_id")
            target_chat = chat
        if message_id in (None, ""):
            return None
        stored = target_chat.messages.get(as_int(message_id, "message_id"))
        if stored is None or stored.deleted:
            if allow_missing:
                return None
            raise bad_request("message to be replied not found")
        return _quote(stored)

    def _editable(self, p: JSON) -> StoredMessage:
        if p.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self._chats.chat_param(p)
        if chat.migrated_to is not None:
            raise migrated(chat.migrated_to)
        stored = chat.messages.get(req_int(p, "message_id"))
        if stored is None or stored.deleted:
            raise bad_request("message to edit not found")
        if not stored.from_bot:
            raise bad_request("message can't be edited")
        return stored

    # Bot API -------------------------------------------------------------------

    def api_send_message(self, p: JSON) -> JSON:
        chat = self._chats.writable(p)
        raw_text = opt_str(p, "text")
        parse_mode = opt_str(p, "parse_mode")
        text, entities = render_text(raw_text, parse_mode, p.get("entities"))
        content: JSON = {"text": text}
        if entities:
            content["entities"] = entities
        msg = self._send(chat, p, content)
        preview = p.get("link_preview_options")
        if isinstance(preview, dict):
            msg["link_preview_options"] = preview
        elif flag(p, "disable_web_page_preview"):
            msg["link_preview_options"] = {"is_disabled": True}
        self._store(chat, msg, from_bot=True, raw=raw_text, parse_mode=parse_mode)
        self._stats.messages_sent += 1
        return msg

    def api_send_photo(self, p: JSON) -> JSON:
        return self._send_media(p, "photo")

    def api_send_document(self, p: JSON) -> JSON:
        return self._send_media(p, "document")

    def _send_media(self, p: JSON, kind: str) -> JSON:
        """sendPhoto / sendDocument: the file (upload, file_id or URL) and a caption."""
        chat = self._chats.writable(p)
        raw_caption = opt_str(p, "caption")
        parse_mode = opt_str(p, "parse_mode")
        caption, entities = render_caption(raw_caption, parse_mode, p.get("caption_entities"))
        check_markup(p.get("reply_markup"))  # before the file is taken: a refusal stores nothing
        stored = self._files.from_param(p, kind)
        content: JSON = {kind: photo_sizes(stored) if kind == "photo" else document_object(stored)}
        if caption is not None:
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        msg = self._send(chat, p, content)
        self._store(chat, msg, from_bot=True, raw=raw_caption, parse_mode=parse_mode)
        self._stats.messages_sent += 1
        return msg

    def _send(self, chat: Chat, p: JSON, content: JSON) -> JSON:
        """The Message of a send (not stored yet): markup, topic, reply; rate-limited."""
        reply_markup = check_markup(p.get("reply_markup"))
        thread_id = opt_int(p, "message_thread_id")
        reply_to = self._reply_to(chat, p)
        self._limiter.check(chat, time.monotonic(), paid=flag(p, "allow_paid_broadcast"))
        msg: JSON = {
            "message_id": chat.take_message_id(),
            "from": self._profile.user(),
            "chat": chat.to_api(),
            "date": int(time.time()),
        }
        msg.update(content)
        if thread_id and chat.is_forum:
            msg["message_thread_id"] = thread_id
            msg["is_topic_message"] = True
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        if reply_markup is not None and "inline_keyboard" in reply_markup:
            msg["reply_markup"] = reply_markup
        if flag(p, "protect_content"):
            msg["has_protected_content"] = True
        return msg

    def api_edit_message_text(self, p: JSON) -> JSON:
        stored = self._editable(p)
        if "text" not in stored.api:
            raise bad_request("there is no text in the message to edit")
        raw_text = opt_str(p, "text")
        parse_mode = opt_str(p, "parse_mode")
        text, entities = render_text(raw_text, parse_mode, p.get("entities"))
        reply_markup = check_markup(p.get("reply_markup"))
        new_markup = reply_markup if reply_markup and "inline_keyboard" in reply_markup else None
        old = stored.api
        if (
            old.get("text") == text
            and old.get("entities", []) == entities
            and old.get("reply_markup") == new_markup
        ):
            raise bad_request(NOT_MODIFIED)
        msg = dict(old)
        msg["text"] = text
        msg.pop("entities", None)
        if entities:
            msg["entities"] = entities
        msg.pop("reply_markup", None)
        if new_markup is not None:
            msg["reply_markup"] = new_markup
        preview = p.get("link_preview_options")
        if isinstance(preview, dict):
            msg["link_preview_options"] = preview
        msg["edit_date"] = int(time.time())
        stored.api = msg
        stored.html = raw_text
        stored.parse_mode = parse_mode
        stored.edited = True
        self.changed.notify()
        return msg

    def api_edit_message_reply_markup(self, p: JSON) -> JSON:
        stored = self._editable(p)
        reply_markup = check_markup(p.get("reply_markup"))
        new_markup = reply_markup if reply_markup and "inline_keyboard" in reply_markup else None
        if stored.api.get("reply_markup") == new_markup:
            raise bad_request(NOT_MODIFIED)
        msg = dict(stored.api)
        msg.pop("reply_markup", None)
        if new_markup is not None:
            msg["reply_markup"] = new_markup
        msg["edit_date"] = int(time.time())
        stored.api = msg
        stored.edited = True
        self.changed.notify()
        return msg

    def api_delete_message(self, p: JSON) -> bool:
        chat = self._chats.chat_param(p)
        stored = chat.messages.get(req_int(p, "message_id"))
        if stored is None or stored.deleted:
            raise bad_request("message to delete not found")
        stored.deleted = True
        self.changed.notify()
        return True

    def api_delete_messages(self, p: JSON) -> bool:
        chat = self._chats.chat_param(p)
        ids = p.get("message_ids")
        if isinstance(ids, str):
            try:
                ids = json.loads(ids)
            except ValueError:
                raise bad_request("can't parse message_ids JSON object") from None
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise bad_request("message_ids is empty")
        for message_id in ids:
            stored = chat.messages.get(as_int(message_id, "message_ids"))
            if stored is not None:
                stored.deleted = True
        self.changed.notify()
        return True

    # Control operations --------------------------------------------------------

    def user_message(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        chat_title: str | None = None,
        is_forum: bool = False,
        message_thread_id: int | None = None,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str = "ru",
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """A user writes `text`; enqueues the update; returns {update_id, message}."""
        if not text:
            raise ControlError("text is empty")
        require_utf8_args(text, chat_title, first_name, username, language_code)
        content: JSON = {"text": text}
        entities = detect_entities(text)
        if entities:
            content["entities"] = entities
        return self._user_post(
            user_id, content, chat_id=chat_id, chat_type=chat_type, chat_title=chat_title,
            is_forum=is_forum, message_thread_id=message_thread_id, first_name=first_name,
            username=username, language_code=language_code,
            reply_to_message_id=reply_to_message_id,
        )  # fmt: skip

    def user_document(
        self,
        user_id: int,
        file_name: str,
        data: bytes,
        *,
        caption: str | None = None,
        mime_type: str | None = None,
        chat_id: int | None = None,
        chat_type: str = "private",
        chat_title: str | None = None,
        is_forum: bool = False,
        message_thread_id: int | None = None,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str = "ru",
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """A user sends a file (with a caption); the bot can fetch it with getFile and the
        download route. Returns {update_id, message}."""
        if not file_name:
            raise ControlError("file_name is empty")
        if not data:
            raise ControlError("the file is empty")
        require_utf8_args(file_name, caption, mime_type, chat_title, first_name, username)
        if caption is not None and utf16_len(caption) > MAX_CAPTION:
            raise ControlError("caption is longer than 1024 UTF-16 units")
        stored = self._files.store(
            data, kind="document", file_name=file_name, mime_type=mime_type or _mime(file_name)
        )
        content: JSON = {"document": document_object(stored)}
        if caption:
            content["caption"] = caption
            entities = detect_entities(caption)
            if entities:
                content["caption_entities"] = entities
        return self._user_post(
            user_id, content, chat_id=chat_id, chat_type=chat_type, chat_title=chat_title,
            is_forum=is_forum, message_thread_id=message_thread_id, first_name=first_name,
            username=username, language_code=language_code,
            reply_to_message_id=reply_to_message_id,
        )  # fmt: skip

    def _user_post(
        self,
        user_id: int,
        content: JSON,
        *,
        chat_id: int | None,
        chat_type: str,
        chat_title: str | None,
        is_forum: bool,
        message_thread_id: int | None,
        first_name: str | None,
        username: str | None,
        language_code: str,
        reply_to_message_id: int | None,
    ) -> JSON:
        chats = self._chats
        user = chats.user(user_id, first_name, username, language_code)
        if chat_type == "private":
            if chat_id not in (None, user_id):
                raise ControlError("a private chat's id is the user's id")
            chat = chats.private_chat(user)
            user.blocked_bot = False  # writing to a bot unblocks it
        else:
            if chat_id is None:
                raise ControlError("chat_id is required for a group, supergroup or channel")
            if chat_id not in chats.chats:
                chats.create_chat(chat_id, chat_type, chat_title, is_forum=is_forum)
            chat = chats.chats[chat_id]
            if chat.migrated_to is not None:
                raise ControlError(f"chat was migrated to {chat.migrated_to}", 409)
            if user_id not in chat.admins and user_id != chat.creator:
                chat.members.add(user_id)
        replied = None
        if reply_to_message_id is not None:
            replied = chat.messages.get(reply_to_message_id)
            if replied is None:
                raise ControlError("message to reply to not found", 404)
        msg: JSON = {
            "message_id": chat.take_message_id(),
            "from": user.to_api(),
            "chat": chat.to_api(),
            "date": int(time.time()),
        }
        msg.update(content)
        if chat.type == "channel":
            # A channel post is signed by the channel, not by a user.
            del msg["from"]
            msg["sender_chat"] = msg["chat"]
        if message_thread_id is not None and chat.is_forum:
            msg["message_thread_id"] = message_thread_id
            msg["is_topic_message"] = True
        if replied is not None:
            msg["reply_to_message"] = _quote(replied)
        self._store(chat, msg, from_bot=False)
        kind = "channel_post" if chat.type == "channel" else "message"
        update = self._updates.enqueue(kind, msg)
        return {"update_id": update["update_id"], "message": msg}

    def messages(
        self, chat_id: int, *, include_deleted: bool = False, include_user: bool = False
    ) -> list[JSON]:
        """What the bot sent to the chat, in order, in its current state."""
        chat = self._chats.chats.get(chat_id)
        if chat is None:
            return []
        return [
            m.to_log()
            for m in chat.messages.values()
            if (m.from_bot or include_user) and (include_deleted or not m.deleted)
        ]

    async def wait_messages(
        self,
        chat_id: int,
        count: int,
        timeout: float = 5.0,  # noqa: ASYNC109 - a deadline on emulator state, not on I/O
        **filters: bool,
    ) -> list[JSON]:
        """Wait until the chat holds at least `count` bot messages (or timeout)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = self.messages(chat_id, **filters)
            remaining = deadline - loop.time()
            if len(found) >= count or remaining <= 0 or self.changed.closed:
                return found
            await self.changed.wait(remaining)
