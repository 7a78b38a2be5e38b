"""/stats for the bot's admins (``telegram.admins``, checked by :mod:`handlers.admin`):
chats, subscriptions, articles, outbox."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.i18n import Texts
from handlers.admin import admin_router
from handlers.keyboards import region_label
from storage.chats import ChatRepository
from storage.stats import StatsRepository
from storage.subscriptions import SubscriptionRepository

__all__ = ["STATS_TZ", "T", "build_router", "stats_text"]


# "Articles today" counts from midnight Moscow time, the country's reference clock.
STATS_TZ = ZoneInfo("Europe/Moscow")
TOP_REGIONS = 10

T = Texts(
    ru={
        "title": "<b>Статистика</b>",
        "chats": "Чаты: активных <b>{active}</b>, неактивных {inactive}",
        "subs": "Подписки: всего <b>{total}</b>",
        "top": "Топ регионов:",
        "top_row": "{n}. {name} — {count}",
        "no_subs": "Подписок пока нет.",
        "articles": "Статей сегодня (с 00:00 МСК): <b>{n}</b>",
        "deliveries": "Доставки: отправлено {sent}, в очереди {pending}, с ошибкой {failed}",
        "rate": "Скорость отправки: {rate:.2f} сообщ./с (за минуту: {minute})",
    },
    en={
        "title": "<b>Statistics</b>",
        "chats": "Chats: <b>{active}</b> active, {inactive} inactive",
        "subs": "Subscriptions: <b>{total}</b> in all",
        "top": "Top regions:",
        "top_row": "{n}. {name} — {count}",
        "no_subs": "No subscriptions yet.",
        "articles": "Articles today (since 00:00 Moscow time): <b>{n}</b>",
        "deliveries": "Deliveries: {sent} sent, {pending} pending, {failed} failed",
        "rate": "Send rate: {rate:.2f} msg/s (last minute: {minute})",
    },
)


async def stats_text(
    stats: StatsRepository,
    chats: ChatRepository,
    subscriptions: SubscriptionRepository,
    lang: str,
    now: datetime | None = None,
) -> str:
    """The /stats report (Telegram HTML)."""
    moment = now or datetime.now(UTC)
    active, inactive = await chats.count()
    top = await subscriptions.count_by_region(TOP_REGIONS)
    total = await subscriptions.count()
    midnight = moment.astimezone(STATS_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
    articles = await stats.articles_since(midnight)
    outbox = await stats.deliveries(moment)
    lines = [
        T("title", lang),
        T("chats", lang, active=active, inactive=inactive),
        T("subs", lang, total=total),
    ]
    if top:
        lines.append(T("top", lang))
        lines += [
            T(
                "top_row",
                lang,
                n=i,
                name=html.escape(region_label(row.region, lang)),
                count=row.subscriptions,
            )
            for i, row in enumerate(top, 1)
        ]
    else:
        lines.append(T("no_subs", lang))
    lines.append(T("articles", lang, n=articles))
    lines.append(
        T(
            "deliveries",
            lang,
            sent=outbox.sent,
            pending=outbox.pending,
            failed=outbox.failed,
        )
    )
    lines.append(T("rate", lang, rate=outbox.rate_per_second, minute=outbox.sent_last_minute))
    return "\n".join(lines)


async def cmd_stats(
    message: Message,
    *,
    lang: str,
    stats: StatsRepository,
    chats: ChatRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    await message.answer(await stats_text(stats, chats, subscriptions, lang))


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = admin_router("admin_stats")
    router.message.register(cmd_stats, Command("stats"))
    return router
