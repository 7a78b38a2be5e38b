"""An async client for the control API, for tests and tools in another process."""

from __future__ import annotations

import base64
from typing import Any

import aiohttp

from bot.emulator.records import JSON


class EmulatorError(Exception):
    """The control API refused a request."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class EmulatorClient:
    """`EmulatorClient(base_url)`; use `async with` or call `close()`."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._own_session = session is None

    async def __aenter__(self) -> EmulatorClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None and self._own_session:
            await self._session.close()
        self._session = None

    async def _call(
        self,
        verb: str,
        path: str,
        body: JSON | None = None,
        params: dict[str, str] | None = None,
        timeout: float = 30.0,  # noqa: ASYNC109 - per-request HTTP timeout
    ) -> Any:
        if self._session is None:
            self._session = aiohttp.ClientSession()
            self._own_session = True
        async with self._session.request(
            verb,
            f"{self.base_url}/_emulator/{path}",
            json=body,
            params=params,
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as resp:
            data = await resp.json()
        if not data.get("ok"):
            raise EmulatorError(resp.status, str(data.get("error")))
        return data["result"]

    @staticmethod
    def _clean(**fields: Any) -> JSON:
        return {key: value for key, value in fields.items() if value is not None}

    # Updates ---------------------------------------------------------------

    async def user_message(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        chat_title: str | None = None,
        is_forum: bool | None = None,
        message_thread_id: int | None = None,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str = "ru",
        reply_to_message_id: int | None = None,
    ) -> JSON:
        body = self._clean(
            user_id=user_id,
            text=text,
            chat_id=chat_id,
            chat_type=chat_type,
            chat_title=chat_title,
            is_forum=is_forum,
            message_thread_id=message_thread_id,
            first_name=first_name,
            username=username,
            language_code=language_code,
            reply_to_message_id=reply_to_message_id,
        )
        result: JSON = await self._call("POST", "updates/message", body)
        return result

    async def user_document(
        self,
        user_id: int,
        file_name: str,
        data: bytes,
        *,
        caption: str | None = None,
        mime_type: str | None = None,
        chat_id: int | None = None,
        chat_type: str = "private",
        language_code: str = "ru",
    ) -> JSON:
        body = self._clean(
            user_id=user_id,
            file_name=file_name,
            data_base64=base64.b64encode(data).decode("ascii"),
            caption=caption,
            mime_type=mime_type,
            chat_id=chat_id,
            chat_type=chat_type,
            language_code=language_code,
        )
        result: JSON = await self._call("POST", "updates/document", body)
        return result

    async def file_info(self, file_id: str) -> JSON:
        result: JSON = await self._call("GET", f"files/{file_id}")
        return result

    async def file_bytes(self, file_id: str) -> bytes:
        return base64.b64decode((await self.file_info(file_id))["data_base64"])

    async def set_photo_url_refusal(
        self, refuse: str | None, urls: list[str] | None = None
    ) -> JSON:
        result: JSON = await self._call("POST", "photo_urls", {"refuse": refuse, "urls": urls})
        return result

    async def press_button(
        self, user_id: int, chat_id: int, message_id: int, data: str, *, language_code: str = "ru"
    ) -> JSON:
        body = self._clean(
            user_id=user_id,
            chat_id=chat_id,
            message_id=message_id,
            data=data,
            language_code=language_code,
        )
        result: JSON = await self._call("POST", "updates/callback", body)
        return result

    async def inline_query(
        self,
        user_id: int,
        query: str,
        *,
        offset: str = "",
        chat_type: str | None = None,
        language_code: str = "ru",
    ) -> JSON:
        body = self._clean(
            user_id=user_id,
            query=query,
            offset=offset,
            chat_type=chat_type,
            language_code=language_code,
        )
        result: JSON = await self._call("POST", "updates/inline", body)
        return result

    async def raw_update(self, kind: str, payload: JSON) -> JSON:
        """Queue ``{"update_id": N, kind: payload}`` as given (malformed updates too)."""
        result: JSON = await self._call("POST", "updates/raw", {"kind": kind, "payload": payload})
        return result

    async def pending_updates(self) -> list[JSON]:
        result: list[JSON] = await self._call("GET", "updates")
        return result

    async def callback_answer(self, query_id: str, wait: float = 0.0) -> JSON:
        result: JSON = await self._call(
            "GET", f"callbacks/{query_id}", params={"wait": str(wait)}, timeout=wait + 10
        )
        return result

    async def inline_answer(self, query_id: str, wait: float = 0.0) -> JSON:
        result: JSON = await self._call(
            "GET", f"inline/{query_id}", params={"wait": str(wait)}, timeout=wait + 10
        )
        return result

    # Chats -------------------------------------------------------------------

    async def create_chat(
        self,
        chat_id: int,
        type: str = "group",
        title: str | None = None,
        *,
        username: str | None = None,
        is_forum: bool | None = None,
        admins: list[int] | None = None,
        members: list[int] | None = None,
        creator: int | None = None,
        bot_is_admin: bool | None = None,
    ) -> JSON:
        body = self._clean(
            chat_id=chat_id,
            type=type,
            title=title,
            username=username,
            is_forum=is_forum,
            admins=admins,
            members=members,
            creator=creator,
            bot_is_admin=bot_is_admin,
        )
        result: JSON = await self._call("POST", "chats", body)
        return result

    async def chat(self, chat_id: int) -> JSON:
        result: JSON = await self._call("GET", f"chats/{chat_id}")
        return result

    async def chats(self) -> list[JSON]:
        result: list[JSON] = await self._call("GET", "chats")
        return result

    async def messages(
        self, chat_id: int, *, include_deleted: bool = False, include_user: bool = False
    ) -> list[JSON]:
        params = {
            "include_deleted": str(include_deleted).lower(),
            "include_user": str(include_user).lower(),
        }
        result: list[JSON] = await self._call("GET", f"chats/{chat_id}/messages", params=params)
        return result

    async def wait_messages(
        self,
        chat_id: int,
        count: int,
        timeout: float = 5.0,  # noqa: ASYNC109 - a server-side deadline, passed on
    ) -> list[JSON]:
        params = {"wait_for": str(count), "timeout": str(timeout)}
        result: list[JSON] = await self._call(
            "GET", f"chats/{chat_id}/messages", params=params, timeout=timeout + 10
        )
        return result

    async def migrate_chat(self, chat_id: int, to_chat_id: int | None = None) -> JSON:
        body = self._clean(migrate_to_chat_id=to_chat_id)
        result: JSON = await self._call("POST", f"chats/{chat_id}/migrate", body)
        return result

    async def add_bot(self, chat_id: int, user_id: int, *, as_admin: bool = False) -> JSON:
        body = {"user_id": user_id, "as_admin": as_admin}
        result: JSON = await self._call("POST", f"chats/{chat_id}/add_bot", body)
        return result

    async def block(self, user_id: int) -> None:
        await self._call("POST", f"users/{user_id}/block")

    async def unblock(self, user_id: int) -> None:
        await self._call("POST", f"users/{user_id}/unblock")

    # Calls, faults, limits, stats --------------------------------------------

    async def calls(self, method: str | None = None, since: int = 0) -> list[JSON]:
        params = {"since": str(since)}
        if method:
            params["method"] = method
        result: list[JSON] = await self._call("GET", "calls", params=params)
        return result

    async def add_fault(
        self,
        kind: str,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        count: int = 1,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        delay_seconds: float | None = None,
    ) -> JSON:
        body = self._clean(
            kind=kind,
            method=method,
            chat_id=chat_id,
            count=count,
            retry_after=retry_after,
            migrate_to_chat_id=migrate_to_chat_id,
            delay_seconds=delay_seconds,
        )
        result: JSON = await self._call("POST", "faults", body)
        return result

    async def faults(self) -> list[JSON]:
        result: list[JSON] = await self._call("GET", "faults")
        return result

    async def clear_faults(self) -> None:
        await self._call("DELETE", "faults")

    async def set_limits(
        self,
        enabled: bool = True,
        *,
        global_per_second: float | None = None,
        private_per_second: float | None = None,
        private_burst: float | None = None,
        group_per_minute: float | None = None,
        paid_per_second: float | None = None,
    ) -> JSON:
        body = self._clean(
            enabled=enabled,
            global_per_second=global_per_second,
            private_per_second=private_per_second,
            private_burst=private_burst,
            group_per_minute=group_per_minute,
            paid_per_second=paid_per_second,
        )
        result: JSON = await self._call("POST", "limits", body)
        return result

    async def limits(self) -> JSON:
        result: JSON = await self._call("GET", "limits")
        return result

    async def stats(self) -> JSON:
        result: JSON = await self._call("GET", "stats")
        return result

    async def bot_settings(self) -> JSON:
        result: JSON = await self._call("GET", "bot")
        return result

    async def reset(self) -> None:
        await self._call("POST", "reset")
