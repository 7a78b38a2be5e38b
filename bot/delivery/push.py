"""How one push is sent: a photo with the text as its caption, or a text.

An article with a picture (``Article.image_url``) goes to a chat with pictures on as
``sendPhoto``: Telegram fetches the image from its URL, and the caption is the push itself.
A caption may hold 1,024 characters after parsing (a text 4,096), so a push whose text is
longer gets the same layout with its lead cut shorter at a word: the title (a link to the
article), source and time, the lead's start, the hashtags. A photo with a slightly shorter
lead reads better than a text without the picture, and the whole article is one tap away
on the title; the usual push (a lead of at most 600 characters) fits whole anyway.

Telegram may refuse the picture: 400 «wrong file identifier/HTTP URL specified», «failed to
get HTTP URL content», «wrong type of the web page content», «IMAGE_PROCESS_FAILED», a caption
it counts longer... Any 400 answer to ``sendPhoto`` is taken as «not this photo»: the same
delivery goes out at once as the text push (the fallback is part of this one send, so the
outbox row is recorded once, with the text's message). A chat that is really gone answers
the text the same way, and the worker handles that answer as for any text. A refused URL is
remembered, so a later push of that article (another chat, a retry) goes straight to text.
Other errors (429, 403, 5xx, network) reach the worker unchanged, which retries the row.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import LinkPreviewOptions, Message

from bot.delivery.quiet_hours import chat_zone
from bot.render import MAX_CAPTION_LEN, render_push, visible_len
from storage.subscriptions import ChatSettings

if TYPE_CHECKING:
    from storage.articles import Article
    from storage.deliveries import Claimed
    from storage.repos import Repositories

__all__ = ["Push", "PushSender", "build_push", "send_push"]

log = logging.getLogger(__name__)

_CACHE = 512  # rendered pushes kept (article, language, zone, pictures)
_REFUSED = 1024  # picture URLs Telegram refused, remembered


@dataclass(frozen=True, slots=True)
class Push:
    """One push, ready to send: ``text`` always (the text push, and a photo's fallback);
    ``photo`` and ``caption`` when it goes as a photo."""

    text: str
    photo: str | None = None
    caption: str | None = None


def build_push(
    article: Article,
    lang: str,
    *,
    zone: str | None = None,
    pictures: bool = True,
    now: datetime | None = None,
) -> Push:
    """The push of ``article`` for a chat (pure): its text, and a photo with a caption when
    the article has a picture and the chat wants pictures."""
    text = render_push(article, lang, zone=zone, now=now)
    if not pictures or not article.image_url:
        return Push(text)
    caption = render_push(article, lang, zone=zone, now=now, limit=MAX_CAPTION_LEN)
    if visible_len(caption) > MAX_CAPTION_LEN:  # a title and tags too long for any lead
        return Push(text)
    return Push(text, article.image_url, caption)


async def send_push(
    bot: Bot,
    push: Push,
    *,
    chat_id: int,
    thread_id: int | None = None,
    previews: bool = True,
    paid: bool = False,
) -> tuple[Message, bool]:
    """Send ``push``: the photo, else (or when Telegram refuses the photo with a 400) the
    text. Returns the message and whether the photo was refused."""
    if push.photo and push.caption:
        try:
            message = await bot.send_photo(
                chat_id=chat_id,
                photo=push.photo,
                caption=push.caption,
                message_thread_id=thread_id,
                allow_paid_broadcast=True if paid else None,
            )
        except TelegramBadRequest as exc:
            log.info("photo %s refused for chat %s (%s): sending the text", push.photo, chat_id,
                     exc.message)  # fmt: skip
        else:
            return message, False
        refused = True
    else:
        refused = False
    message = await bot.send_message(
        chat_id=chat_id,
        text=push.text,
        message_thread_id=thread_id,
        link_preview_options=None if previews else LinkPreviewOptions(is_disabled=True),
        allow_paid_broadcast=True if paid else None,
    )
    return message, refused


class PushSender:
    """The worker's side: builds a claimed row's push (cached) and sends it."""

    def __init__(self, bot: Bot, repos: Repositories) -> None:
        self.bot = bot
        self.repos = repos
        self._pushes: OrderedDict[tuple[int, str, str, bool], Push] = OrderedDict()
        self._refused: OrderedDict[str, None] = OrderedDict()

    async def build(self, row: Claimed) -> Push | None:
        """The row's push; None when there is nothing to send (article deleted, no payload)."""
        if row.kind == "digest" or row.article_id is None:
            return Push(row.payload) if row.payload else None
        zone = chat_zone(ChatSettings(row.chat_id, timezone=row.timezone), row.first_region)
        key = (row.article_id, row.language, zone, row.pictures)
        push = self._pushes.get(key)
        if push is None:
            article = await self.repos.articles.get(row.article_id)
            if article is None:
                return None
            push = build_push(article, row.language, zone=zone, pictures=row.pictures)
            self._pushes[key] = push
            if len(self._pushes) > _CACHE:
                self._pushes.popitem(last=False)
        if push.photo is not None and push.photo in self._refused:
            return Push(push.text)
        return push if push.text else None

    async def send(
        self, row: Claimed, push: Push, *, previews: bool, paid: bool = False
    ) -> Message:
        """Send one push to the row's chat (topic); a refused photo falls back to the text."""
        message, refused = await send_push(
            self.bot,
            push,
            chat_id=row.chat_id,
            thread_id=row.thread_id or None,
            previews=previews,
            paid=paid,
        )
        if refused and push.photo is not None:
            self._refused[push.photo] = None
            if len(self._refused) > _REFUSED:
                self._refused.popitem(last=False)
        return message
