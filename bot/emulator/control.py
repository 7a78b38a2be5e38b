"""The control API under /_emulator/: JSON in, {"ok": true, "result": ...} out.

Every route is a thin wrapper over a method of `World`, so tests and the demo
can do the same things in-process.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.emulator.errors import NOT_UTF8, ControlError
from bot.emulator.files import decode_base64
from bot.emulator.params import is_utf8
from bot.emulator.records import JSON
from bot.emulator.world import World

PREFIX = "/_emulator"
Route = Callable[[web.Request], Awaitable[Any]]


def _reply(payload: JSON, status: int = 200) -> web.Response:
    body = json.dumps(payload, ensure_ascii=False).encode()
    return web.Response(body=body, status=status, content_type="application/json", charset="utf-8")


def _wrap(route: Route) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handler(request: web.Request) -> web.StreamResponse:
        try:
            result = await route(request)
        except ControlError as exc:
            return _reply({"ok": False, "error": str(exc)}, exc.status)
        except (KeyError, TypeError, ValueError) as exc:
            # A missing or mistyped argument in the control request.
            detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
            return _reply({"ok": False, "error": f"bad request: {detail}"}, 400)
        return _reply({"ok": True, "result": result})

    return handler


async def _body(request: web.Request) -> JSON:
    """The JSON object in the body; text that is not UTF-8 is refused here, before it
    can reach an update."""
    if not request.body_exists:
        return {}
    try:
        text = (await request.read()).decode("utf-8")
    except UnicodeDecodeError:
        raise ControlError(f"the body must be a JSON object; {NOT_UTF8}") from None
    try:
        body = json.loads(text or "{}")
    except ValueError:
        raise ControlError("the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise ControlError("the body must be a JSON object")
    if not is_utf8(body):  # a lone surrogate written as a \u escape
        raise ControlError(NOT_UTF8)
    return body


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _query_float(request: web.Request, name: str, default: float) -> float:
    raw = request.query.get(name)
    return default if raw in (None, "") else float(raw)


def _query_flag(request: web.Request, name: str) -> bool:
    return request.query.get(name, "").lower() in ("1", "true", "yes")


def add_routes(app: web.Application, world: World) -> None:
    """Register the control routes for `world` on `app`."""

    async def user_message(request: web.Request) -> Any:
        b = await _body(request)
        return world.user_message(
            int(b["user_id"]),
            str(b["text"]),
            chat_id=_opt_int(b.get("chat_id")),
            chat_type=str(b.get("chat_type", "private")),
            chat_title=_opt_str(b.get("chat_title")),
            is_forum=bool(b.get("is_forum", False)),
            message_thread_id=_opt_int(b.get("message_thread_id")),
            first_name=_opt_str(b.get("first_name")),
            username=_opt_str(b.get("username")),
            language_code=str(b.get("language_code", "ru")),
            reply_to_message_id=_opt_int(b.get("reply_to_message_id")),
        )

    async def user_document(request: web.Request) -> Any:
        b = await _body(request)
        return world.user_document(
            int(b["user_id"]),
            str(b["file_name"]),
            decode_base64(str(b["data_base64"])),
            caption=_opt_str(b.get("caption")),
            mime_type=_opt_str(b.get("mime_type")),
            chat_id=_opt_int(b.get("chat_id")),
            chat_type=str(b.get("chat_type", "private")),
            chat_title=_opt_str(b.get("chat_title")),
            is_forum=bool(b.get("is_forum", False)),
            message_thread_id=_opt_int(b.get("message_thread_id")),
            first_name=_opt_str(b.get("first_name")),
            username=_opt_str(b.get("username")),
            language_code=str(b.get("language_code", "ru")),
            reply_to_message_id=_opt_int(b.get("reply_to_message_id")),
        )

    async def file_info(request: web.Request) -> Any:
        return world.file_info(request.match_info["file_id"])

    async def set_photo_urls(request: web.Request) -> Any:
        b = await _body(request)
        urls = b.get("urls")
        return world.set_photo_url_refusal(
            _opt_str(b.get("refuse")), None if urls is None else [str(u) for u in urls]
        )

    async def get_photo_urls(request: web.Request) -> Any:
        return world.photo_url_refusal()

    async def callback(request: web.Request) -> Any:
        b = await _body(request)
        return world.press_button(
            int(b["user_id"]),
            int(b["chat_id"]),
            int(b["message_id"]),
            str(b["data"]),
            first_name=_opt_str(b.get("first_name")),
            username=_opt_str(b.get("username")),
            language_code=str(b.get("language_code", "ru")),
        )

    async def inline(request: web.Request) -> Any:
        b = await _body(request)
        return world.inline_query(
            int(b["user_id"]),
            str(b.get("query", "")),
            offset=str(b.get("offset", "")),
            chat_type=_opt_str(b.get("chat_type")),
            first_name=_opt_str(b.get("first_name")),
            username=_opt_str(b.get("username")),
            language_code=str(b.get("language_code", "ru")),
        )

    async def raw_update(request: web.Request) -> Any:
        # Queued as given, unchecked: malformed updates (a field missing, a type the bot's
        # library does not know) test how the bot survives them.
        b = await _body(request)
        kind, payload = b.get("kind"), b.get("payload")
        if not isinstance(kind, str) or not kind or kind == "update_id":
            raise ControlError("'kind' must name the update's field, e.g. 'message'")
        if not isinstance(payload, dict):
            raise ControlError("'payload' must be a JSON object")
        update = world.enqueue_update(kind, payload)
        return {"update_id": update["update_id"], kind: payload}

    async def pending_updates(request: web.Request) -> Any:
        return list(world.updates)

    async def callback_answer(request: web.Request) -> Any:
        wait = _query_float(request, "wait", 0.0)
        return await world.callback_answer(request.match_info["query_id"], wait)

    async def inline_answer(request: web.Request) -> Any:
        wait = _query_float(request, "wait", 0.0)
        return await world.inline_answer(request.match_info["query_id"], wait)

    async def create_chat(request: web.Request) -> Any:
        b = await _body(request)
        bot_is_admin = b.get("bot_is_admin")
        return world.create_chat(
            int(b["chat_id"]),
            str(b.get("type", "group")),
            _opt_str(b.get("title")),
            username=_opt_str(b.get("username")),
            is_forum=bool(b.get("is_forum", False)),
            admins=[int(x) for x in b.get("admins", [])],
            members=[int(x) for x in b.get("members", [])],
            creator=_opt_int(b.get("creator")),
            bot_is_admin=None if bot_is_admin is None else bool(bot_is_admin),
            first_name=_opt_str(b.get("first_name")),
        )

    async def list_chats(request: web.Request) -> Any:
        return [world.chat_info(chat_id) for chat_id in world.chats]

    async def get_chat(request: web.Request) -> Any:
        return world.chat_info(int(request.match_info["chat_id"]))

    async def chat_messages(request: web.Request) -> Any:
        chat_id = int(request.match_info["chat_id"])
        filters = {
            "include_deleted": _query_flag(request, "include_deleted"),
            "include_user": _query_flag(request, "include_user"),
        }
        wait_for = int(request.query.get("wait_for", "0") or 0)
        if wait_for > 0:
            timeout = _query_float(request, "timeout", 5.0)
            return await world.wait_messages(chat_id, wait_for, timeout, **filters)
        return world.messages(chat_id, **filters)

    async def migrate(request: web.Request) -> Any:
        b = await _body(request)
        return world.migrate_chat(
            int(request.match_info["chat_id"]), _opt_int(b.get("migrate_to_chat_id"))
        )

    async def add_bot(request: web.Request) -> Any:
        b = await _body(request)
        return world.add_bot(
            int(request.match_info["chat_id"]),
            int(b["user_id"]),
            as_admin=bool(b.get("as_admin", False)),
        )

    async def calls(request: web.Request) -> Any:
        since = int(request.query.get("since", "0") or 0)
        return world.call_log(request.query.get("method") or None, since)

    async def add_fault(request: web.Request) -> Any:
        b = await _body(request)
        return world.add_fault(
            str(b.get("kind", "")),
            method=_opt_str(b.get("method")),
            chat_id=_opt_int(b.get("chat_id")),
            count=int(b.get("count", 1)),
            retry_after=int(b.get("retry_after", 5)),
            migrate_to_chat_id=_opt_int(b.get("migrate_to_chat_id")),
            delay_seconds=float(b.get("delay_seconds", 1.0)),
        )

    async def list_faults(request: web.Request) -> Any:
        return [fault.to_api() for fault in world.faults]

    async def clear_faults(request: web.Request) -> Any:
        world.clear_faults()
        return True

    async def set_limits(request: web.Request) -> Any:
        b = await _body(request)

        def num(name: str) -> float | None:
            return None if b.get(name) is None else float(b[name])

        return world.set_limits(
            bool(b.get("enabled", True)),
            global_per_second=num("global_per_second"),
            private_per_second=num("private_per_second"),
            private_burst=num("private_burst"),
            group_per_minute=num("group_per_minute"),
            paid_per_second=num("paid_per_second"),
        )

    async def get_limits(request: web.Request) -> Any:
        return world.limits()

    async def block(request: web.Request) -> Any:
        world.set_blocked(int(request.match_info["user_id"]), True)
        return True

    async def unblock(request: web.Request) -> Any:
        world.set_blocked(int(request.match_info["user_id"]), False)
        return True

    async def stats(request: web.Request) -> Any:
        return world.stats_snapshot()

    async def reset(request: web.Request) -> Any:
        world.reset()
        return True

    async def bot_settings(request: web.Request) -> Any:
        return world.bot_settings()

    r = app.router
    r.add_post(f"{PREFIX}/updates/message", _wrap(user_message))
    r.add_post(f"{PREFIX}/updates/document", _wrap(user_document))
    r.add_post(f"{PREFIX}/updates/callback", _wrap(callback))
    r.add_post(f"{PREFIX}/updates/inline", _wrap(inline))
    r.add_post(f"{PREFIX}/updates/raw", _wrap(raw_update))
    r.add_get(f"{PREFIX}/updates", _wrap(pending_updates))
    r.add_get(f"{PREFIX}/callbacks/{{query_id}}", _wrap(callback_answer))
    r.add_get(f"{PREFIX}/inline/{{query_id}}", _wrap(inline_answer))
    r.add_post(f"{PREFIX}/chats", _wrap(create_chat))
    r.add_get(f"{PREFIX}/chats", _wrap(list_chats))
    r.add_get(f"{PREFIX}/chats/{{chat_id}}", _wrap(get_chat))
    r.add_get(f"{PREFIX}/chats/{{chat_id}}/messages", _wrap(chat_messages))
    r.add_post(f"{PREFIX}/chats/{{chat_id}}/migrate", _wrap(migrate))
    r.add_post(f"{PREFIX}/chats/{{chat_id}}/add_bot", _wrap(add_bot))
    r.add_get(f"{PREFIX}/files/{{file_id}}", _wrap(file_info))
    r.add_post(f"{PREFIX}/photo_urls", _wrap(set_photo_urls))
    r.add_get(f"{PREFIX}/photo_urls", _wrap(get_photo_urls))
    r.add_get(f"{PREFIX}/calls", _wrap(calls))
    r.add_post(f"{PREFIX}/faults", _wrap(add_fault))
    r.add_get(f"{PREFIX}/faults", _wrap(list_faults))
    r.add_delete(f"{PREFIX}/faults", _wrap(clear_faults))
    r.add_post(f"{PREFIX}/limits", _wrap(set_limits))
    r.add_get(f"{PREFIX}/limits", _wrap(get_limits))
    r.add_post(f"{PREFIX}/users/{{user_id}}/block", _wrap(block))
    r.add_post(f"{PREFIX}/users/{{user_id}}/unblock", _wrap(unblock))
    r.add_get(f"{PREFIX}/stats", _wrap(stats))
    r.add_post(f"{PREFIX}/reset", _wrap(reset))
    r.add_get(f"{PREFIX}/bot", _wrap(bot_settings))
