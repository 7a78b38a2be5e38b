"""Turns errors into user replies, in one place.

``UserInputError`` carries its own reply. A storage problem (full disk, read-only or damaged
database) fails only that update: one log line says what is wrong, and the user hears that
nothing was done and nothing stored was lost. Anything else is logged with its traceback and
the user gets a short apology, never a stack trace.
"""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent

from bot.errors import UserInputError
from bot.i18n import lang_of
from storage.health import storage_problem

log = logging.getLogger(__name__)

_OOPS = {
    "ru": "Что-то пошло не так. Попробуйте ещё раз чуть позже.",
    "en": "Something went wrong. Please try again a bit later.",
}
_STORAGE = {
    "ru": "Сейчас бот не может обратиться к своей базе данных, поэтому команда не выполнена. "
    "Всё, что уже сохранено, на месте. Попробуйте ещё раз чуть позже.",
    "en": "The bot cannot use its database right now, so the command was not carried out. "
    "Everything stored so far is safe. Please try again a bit later.",
}


async def _reply(event: ErrorEvent, text: str) -> None:
    update = event.update
    if update.message is not None:
        await update.message.answer(text)
    elif update.callback_query is not None:
        # An alert has a 200-character limit; plain text is enough for these replies.
        await update.callback_query.answer(text[:200], show_alert=True)
    elif update.inline_query is not None:
        await update.inline_query.answer([], cache_time=1, is_personal=True)


def _lang(event: ErrorEvent) -> str:
    update = event.update
    user = None
    if update.message is not None:
        user = update.message.from_user
    elif update.callback_query is not None:
        user = update.callback_query.from_user
    elif update.inline_query is not None:
        user = update.inline_query.from_user
    return lang_of(user.language_code if user else None)


async def on_user_error(event: ErrorEvent) -> None:
    assert isinstance(event.exception, UserInputError)
    await _reply(event, event.exception.text(_lang(event)))


async def on_unexpected(event: ErrorEvent) -> None:
    problem = storage_problem(event.exception)
    if problem is not None:  # the operator's to fix; a traceback would say nothing more
        log.error("update %s failed: storage: %s", event.update.update_id, problem)
        texts = _STORAGE
    else:
        log.error(
            "update %s failed: %r",
            event.update.update_id,
            event.exception,
            exc_info=event.exception,
        )
        texts = _OOPS
    try:
        await _reply(event, texts["en" if _lang(event) == "en" else "ru"])
    except TelegramAPIError as exc:  # the apology itself could not be sent; nothing more to do
        log.warning("could not send the error reply: %s", exc)


def install(root: Router) -> None:
    """Register on the root router: errors propagate from a feature router to its parents."""
    root.errors.register(on_user_error, ExceptionTypeFilter(UserInputError))
    root.errors.register(on_unexpected)
