"""The command menu registered with setMyCommands (Russian by default, English for 'en')."""

from __future__ import annotations

from typing import NamedTuple


class Command(NamedTuple):
    name: str
    ru: str
    en: str


USER_COMMANDS: tuple[Command, ...] = (
    Command("start", "Начать и выбрать регион", "Start and choose a region"),
    Command(
        "latest", "Последние новости: /latest [регион] [N]", "Latest news: /latest [region] [N]"
    ),
    Command("search", "Поиск: /search текст", "Search: /search text"),
    Command("events", "События: форумы, сессии, фестивали", "Events: forums, sessions, festivals"),
    Command("summary", "Сводка: /summary [today|week] [регион]", "Digest: /summary [today|week]"),
    Command("subscribe", "Подписаться: /subscribe регион", "Subscribe: /subscribe region"),
    Command("unsubscribe", "Отписаться: /unsubscribe регион", "Unsubscribe: /unsubscribe region"),
    Command("my", "Мои подписки", "My subscriptions"),
    Command("regions", "Список регионов", "List of regions"),
    Command("filter", "Фильтр слов: /filter +слово -слово", "Word filter: /filter +word -word"),
    Command("settings", "Настройки: дайджест, тихие часы", "Settings: digest, quiet hours"),
    Command("help", "Справка", "Help"),
)

ADMIN_COMMANDS: tuple[Command, ...] = (
    Command("sources", "Источники и их состояние", "Sources and their state"),
    Command("addsource", "Добавить источник: URL [регион]", "Add a source: URL [region]"),
    Command("delsource", "Удалить источник: ID", "Delete a source: ID"),
    Command("fetch", "Опросить источники сейчас", "Poll sources now"),
    Command("stats", "Статистика", "Statistics"),
    Command(
        "channel", "Канал региона: @канал регион | off", "Region channel: @channel region | off"
    ),
)
