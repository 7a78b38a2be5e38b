"""Admin commands for news sources: /sources, /addsource, /delsource, /fetch.

``/addsource`` as the caption of an attached OPML file imports every feed in it (each
with its region when the outline names one); ``/sources opml`` sends them all back as
``sources.opml``. The file's size is checked before it is downloaded.

Only users in ``telegram.admins`` may use them (:mod:`handlers.admin` checks). Admins add http(s)
URLs only: local paths stay an operator's tool (the config and the CLI), so a chat can
never make the bot read files of its server.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Document, Message

from bot.config import Settings
from bot.errors import AddressRefusedError, UserInputError
from bot.i18n import Texts, plural_en, plural_ru
from bot.ingest.guard import refusal_for_url
from bot.ingest.opml import MAX_OPML_BYTES, OpmlEntry, OpmlError, read_opml, render_opml
from bot.ingest.pipeline import Ingestor, SourceReport
from bot.render import pack_messages
from bot.text.catalogue import by_code
from handlers.admin import admin_router
from handlers.editing import NO_PREVIEW
from handlers.region_input import region_code as resolve_region_code
from storage.sources import Source, SourceRepository

__all__ = ["T", "build_router", "render_reports", "render_sources"]


_URL_SHOWN = 200

T = Texts(
    ru={
        "title": "<b>Источники</b> ({n})",
        "none": "Источников пока нет. Добавьте: <code>/addsource URL [регион]</code>",
        "row": "<b>#{id}</b> {name}{off}\n{url}",
        "row_region": "Регион: {region}",
        "row_state": "Успех: {success} · статей всего {items}, в последний раз новых {new}",
        "row_error": "⚠️ Ошибка ({failures} подряд, {when}): {error}",
        "row_next": "Следующий опрос: {next}",
        "off": " (выключен)",
        "never": "ещё не было",
        "ago": "{d} назад",
        "in": "через {d}",
        "now": "сейчас",
        "origin_config": "из конфига",
        "add_usage": "Формат: <code>/addsource URL [регион]</code>, например "
        "<code>/addsource https://r-19.ru/rss Хакасия</code>",
        "bad_url": "Это не похоже на адрес сайта: {url}\nНужен адрес вида https://…",
        "refused": "Не могу добавить этот источник: {host} — {kind}. Бот читает только "
        "публичные сайты, а не внутреннюю сеть своего сервера. Если источник действительно "
        "во внутренней сети, оператор может разрешить такие адреса в конфиге: "
        "<code>ingest.allow_private_addresses = true</code>.",
        "exists": "Этот источник уже есть: <b>#{id}</b> {url}",
        "added": "Источник <b>#{id}</b> добавлен{region}. Читаю его…",
        "added_region": " (регион: {region})",
        "del_usage": "Формат: <code>/delsource ID</code> (номер из /sources)",
        "deleted": "Источник <b>#{id}</b> удалён: {url}\nЕго статьи остаются.",
        "not_found": "Нет источника с номером {id}.",
        "config_warn": "\nОн задан в конфиге и вернётся при перезапуске — уберите его и оттуда.",
        "fetching": "Опрашиваю источники: {n}…",
        "fetch_none": "Нет включённых источников.",
        "fetch_title": "<b>Опрос источников</b>",
        "report_ok": "✅ <b>#{id}</b> {name}: новых {new}, дубликатов {dup}{skipped}{nm}",
        "report_skipped": ", пропущено {n}",
        "report_nm": " (без изменений)",
        "report_fail": "❌ <b>#{id}</b> {name}: {error}",
        "fetch_total": "Всего новых статей: <b>{n}</b>, с ошибкой: {failed}",
        "sources_usage": (
            "Формат: <code>/sources</code> — список, <code>/sources opml</code> — файл OPML."
        ),
        "opml_caption": "Источники в формате OPML: {n} {word}.",
        "opml_too_big": "Файл слишком большой: OPML принимается до {mb} МБ.",
        "opml_bad": (
            "Не смог прочитать файл «{name}» как список OPML: в нём нет лент http(s) или это "
            "не XML. Пришлите файл .opml с подписью <code>/addsource</code>."
        ),
        "opml_download": "Не удалось получить файл у Telegram. Пришлите его ещё раз.",
        "opml_title": "<b>Импорт OPML</b> «{name}»",
        "opml_added": "Добавлено: {n} {word}",
        "opml_existing": "Уже были: {n} {word}",
        "opml_refused": "Отклонено: {n} {word} (нужен адрес http(s))",
        "opml_regions": "С регионом: {n}",
        "opml_refused_row": "• {url}",
        "opml_next": "Новые источники будут опрошены в ближайшие минуты. Список: /sources",
    },
    en={
        "title": "<b>Sources</b> ({n})",
        "none": "No sources yet. Add one: <code>/addsource URL [region]</code>",
        "row": "<b>#{id}</b> {name}{off}\n{url}",
        "row_region": "Region: {region}",
        "row_state": "Success: {success} · {items} articles in all, {new} new last time",
        "row_error": "⚠️ Error ({failures} in a row, {when}): {error}",
        "row_next": "Next poll: {next}",
        "off": " (disabled)",
        "never": "never",
        "ago": "{d} ago",
        "in": "in {d}",
        "now": "now",
        "origin_config": "from the config",
        "add_usage": "Usage: <code>/addsource URL [region]</code>, e.g. "
        "<code>/addsource https://r-19.ru/rss Khakassia</code>",
        "bad_url": "This does not look like a web address: {url}\nUse https://…",
        "refused": "I cannot add this source: {host} is {kind}. The bot reads public sites "
        "only, never its server's own network. If the source really is on the internal "
        "network, the operator can allow such addresses in the config: "
        "<code>ingest.allow_private_addresses = true</code>.",
        "exists": "This source exists already: <b>#{id}</b> {url}",
        "added": "Source <b>#{id}</b> added{region}. Reading it…",
        "added_region": " (region: {region})",
        "del_usage": "Usage: <code>/delsource ID</code> (the number from /sources)",
        "deleted": "Source <b>#{id}</b> deleted: {url}\nIts articles stay.",
        "not_found": "No source number {id}.",
        "config_warn": "\nIt is set in the config and comes back on restart: remove it there too.",
        "fetching": "Polling sources: {n}…",
        "fetch_none": "No enabled sources.",
        "fetch_title": "<b>Polling sources</b>",
        "report_ok": "✅ <b>#{id}</b> {name}: {new} new, {dup} duplicates{skipped}{nm}",
        "report_skipped": ", {n} skipped",
        "report_nm": " (not modified)",
        "report_fail": "❌ <b>#{id}</b> {name}: {error}",
        "fetch_total": "New articles in all: <b>{n}</b>, failed: {failed}",
        "sources_usage": (
            "Usage: <code>/sources</code> lists them, <code>/sources opml</code> sends "
            "an OPML file."
        ),
        "opml_caption": "Sources as OPML: {n} {word}.",
        "opml_too_big": "The file is too large: OPML files up to {mb} MB are accepted.",
        "opml_bad": (
            "Could not read «{name}» as an OPML list: it has no http(s) feeds or is not XML. "
            "Send an .opml file with the caption <code>/addsource</code>."
        ),
        "opml_download": "Could not get the file from Telegram. Please send it again.",
        "opml_title": "<b>OPML import</b> «{name}»",
        "opml_added": "Added: {n} {word}",
        "opml_existing": "Already there: {n} {word}",
        "opml_refused": "Refused: {n} {word} (an http(s) address is needed)",
        "opml_regions": "With a region: {n}",
        "opml_refused_row": "• {url}",
        "opml_next": "New sources are polled within minutes. The list: /sources",
    },
)

_UNITS = {"ru": ("с", "мин", "ч", "дн"), "en": ("s", "min", "h", "d")}


def _duration(seconds: float, lang: str) -> str:
    s, m, h, d = _UNITS["en" if lang == "en" else "ru"]
    seconds = abs(int(seconds))
    if seconds < 60:
        return f"{seconds} {s}"
    if seconds < 3600:
        return f"{seconds // 60} {m}"
    if seconds < 86400:
        return f"{seconds // 3600} {h} {seconds % 3600 // 60} {m}"
    return f"{seconds // 86400} {d} {seconds % 86400 // 3600} {h}"


def _when(moment: datetime | None, now: datetime, lang: str) -> str:
    if moment is None:
        return T("never", lang)
    delta = (moment - now).total_seconds()
    if abs(delta) < 5:
        return T("now", lang)
    key = "in" if delta > 0 else "ago"
    return T(key, lang, d=_duration(delta, lang))


def _region_name(code: str | None) -> str:
    if code is None:
        return ""
    region = by_code(code)
    return f"{region.name} ({code})" if region else code


def _short_url(url: str) -> str:
    return url if len(url) <= _URL_SHOWN else url[: _URL_SHOWN - 1] + "…"


def _source_block(source: Source, now: datetime, lang: str) -> str:
    name = html.escape(source.title or urlsplit(source.url).netloc or source.url)
    lines = [
        T(
            "row",
            lang,
            id=source.id,
            name=name,
            off=(" · " + T("origin_config", lang) if source.origin == "config" else "")
            + ("" if source.enabled else T("off", lang)),
            url=html.escape(_short_url(source.url)),
        )
    ]
    if source.region:
        lines.append(T("row_region", lang, region=html.escape(_region_name(source.region))))
    lines.append(
        T(
            "row_state",
            lang,
            success=_when(source.last_success_at, now, lang),
            items=source.items_total,
            new=source.last_new,
        )
    )
    if source.failures and source.last_error:
        lines.append(
            T(
                "row_error",
                lang,
                failures=source.failures,
                when=_when(source.last_error_at, now, lang),
                error=html.escape(source.last_error[:300]),
            )
        )
    if source.enabled:
        lines.append(T("row_next", lang, next=_when(source.next_poll_at, now, lang)))
    return "\n".join(lines)


def render_sources(sources: Sequence[Source], lang: str, now: datetime | None = None) -> list[str]:
    """The /sources answer: one block per source, split into messages."""
    if not sources:
        return [T("none", lang)]
    moment = now or datetime.now(UTC)
    blocks = [T("title", lang, n=len(sources))]
    blocks += [_source_block(s, moment, lang) for s in sources]
    return pack_messages(blocks)


def _report_line(report: SourceReport, lang: str) -> str:
    name = html.escape(_short_url(report.name))
    if not report.ok:
        return T(
            "report_fail", lang, id=report.source_id, name=name,
            error=html.escape((report.error or "")[:300]),
        )  # fmt: skip
    return T(
        "report_ok",
        lang,
        id=report.source_id,
        name=name,
        new=report.new,
        dup=report.duplicates + report.seen,
        skipped=T("report_skipped", lang, n=report.skipped) if report.skipped else "",
        nm=T("report_nm", lang) if report.not_modified else "",
    )


def render_reports(reports: Sequence[SourceReport], lang: str) -> list[str]:
    """The /fetch answer: a line per source and the totals, split into messages."""
    blocks = [T("fetch_title", lang)]
    blocks += [_report_line(r, lang) for r in reports]
    blocks.append(
        T(
            "fetch_total",
            lang,
            n=sum(r.new for r in reports),
            failed=sum(1 for r in reports if not r.ok),
        )
    )
    return pack_messages(blocks)


def _valid_url(raw: str) -> str | None:
    url = raw.strip().strip("<>")
    if len(url) > 2000 or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if "." not in parts.hostname and parts.hostname != "localhost" and ":" not in parts.hostname:
        return None
    return url


def _sources_word(n: int, lang: str) -> str:
    if lang == "en":
        return plural_en(n, "source", "sources")
    return plural_ru(n, "источник", "источника", "источников")


def _count(key: str, n: int, lang: str) -> str:
    return T(key, lang, n=n, word=_sources_word(n, lang))


_KINDS_RU = {
    "an unspecified address": "пустой адрес (0.0.0.0)",
    "a loopback address": "адрес самого сервера (loopback)",
    "a link-local address": "локальный адрес сегмента (link-local, в том числе служебный "
    "адрес облака)",
    "a multicast address": "групповой адрес (multicast)",
    "a private address": "адрес частной сети",
}


def _refused(exc: AddressRefusedError) -> UserInputError:
    shown = exc.host if exc.host == exc.address else f"{exc.host} ({exc.address})"
    host = f"<code>{html.escape(shown[:200])}</code>"
    kind_ru = _KINDS_RU.get(exc.kind, "непубличный адрес")
    return UserInputError(
        T("refused", "ru", host=host, kind=kind_ru), T("refused", "en", host=host, kind=exc.kind)
    )


async def cmd_sources(
    message: Message,
    command: CommandObject,
    *,
    lang: str,
    settings: Settings,
    sources: SourceRepository,
) -> None:
    args = (command.args or "").strip().casefold()
    if args in ("opml", "xml", "export", "экспорт"):
        await _send_opml(message, lang, sources)
        return
    if args:
        raise UserInputError(T("sources_usage", "ru"), T("sources_usage", "en"))
    for text in render_sources(await sources.list_all(), lang):
        await message.answer(text, link_preview_options=NO_PREVIEW)


async def _send_opml(message: Message, lang: str, sources: SourceRepository) -> None:
    listed = await sources.list_all()
    if not listed:
        await message.answer(T("none", lang))
        return
    document = render_opml([OpmlEntry(s.url, s.title, s.region) for s in listed])
    await message.answer_document(
        BufferedInputFile(document.encode("utf-8"), filename="sources.opml"),
        caption=T("opml_caption", lang, n=len(listed), word=_sources_word(len(listed), lang)),
    )


def _too_big() -> UserInputError:
    mb = MAX_OPML_BYTES // 1_000_000
    return UserInputError(T("opml_too_big", "ru", mb=mb), T("opml_too_big", "en", mb=mb))


async def _download(bot: Bot, document: Document) -> bytes:
    """The file's bytes; its size is checked before anything is downloaded."""
    if document.file_size is not None and document.file_size > MAX_OPML_BYTES:
        raise _too_big()
    file = await bot.get_file(document.file_id)
    if file.file_size is not None and file.file_size > MAX_OPML_BYTES:
        raise _too_big()
    if not file.file_path:
        raise UserInputError(T("opml_download", "ru"), T("opml_download", "en"))
    buffer = await bot.download_file(file.file_path)
    data = buffer.read(MAX_OPML_BYTES + 1) if buffer is not None else b""
    if len(data) > MAX_OPML_BYTES:
        raise _too_big()
    return data


async def cmd_addsource_file(
    message: Message,
    *,
    lang: str,
    bot: Bot,
    settings: Settings,
    sources: SourceRepository,
) -> None:
    """``/addsource`` as the caption of an OPML file: import every feed in it."""
    document = message.document
    assert document is not None  # the filter asks for one
    name = html.escape((document.file_name or "file")[:100])
    data = await _download(bot, document)
    try:
        listed = read_opml(data)
    except OpmlError:
        texts = (T("opml_bad", "ru", name=name), T("opml_bad", "en", name=name))
        raise UserInputError(*texts) from None
    added = existing = with_region = 0
    refused = list(listed.refused)
    for entry in listed.entries:
        url = _valid_url(entry.url)
        if url is None:
            refused.append(entry.url)
            continue
        _, created = await sources.add(
            url,
            region=entry.region,
            title=entry.title,
            origin="db",
            interval_seconds=settings.ingest.poll_interval_seconds,
        )
        added += created
        existing += not created
        with_region += bool(created and entry.region)
    lines = [T("opml_title", lang, name=name), _count("opml_added", added, lang)]
    if with_region:
        lines.append(T("opml_regions", lang, n=with_region))
    lines.append(_count("opml_existing", existing, lang))
    if refused:
        lines.append(_count("opml_refused", len(refused), lang))
        lines += [
            T("opml_refused_row", lang, url=html.escape(_short_url(u or "—")[:100]))
            for u in refused[:5]
        ]
    if added:
        lines.append(T("opml_next", lang))
    await message.answer("\n".join(lines), link_preview_options=NO_PREVIEW)


async def cmd_addsource(
    message: Message,
    command: CommandObject,
    *,
    lang: str,
    settings: Settings,
    sources: SourceRepository,
    ingestor: Ingestor,
) -> None:
    args = (command.args or "").split(maxsplit=1)
    if not args:
        raise UserInputError(T("add_usage", "ru"), T("add_usage", "en"))
    url = _valid_url(args[0])
    if url is None:
        shown = html.escape(_short_url(args[0]))
        raise UserInputError(T("bad_url", "ru", url=shown), T("bad_url", "en", url=shown))
    region_code: str | None = None
    if len(args) > 1:
        region_code = resolve_region_code(args[1].strip())
    if not settings.ingest.allow_private_addresses:
        refused = await refusal_for_url(url)
        if refused is not None:  # nothing stored: the poll would refuse it anyway
            raise _refused(refused)
    source, created = await sources.add(
        url,
        region=region_code,
        origin="db",
        interval_seconds=settings.ingest.poll_interval_seconds,
    )
    if not created:
        await message.answer(
            T("exists", lang, id=source.id, url=html.escape(_short_url(source.url))),
            link_preview_options=NO_PREVIEW,
        )
        return
    region_text = (
        T("added_region", lang, region=html.escape(_region_name(region_code)))
        if region_code
        else ""
    )
    await message.answer(
        T("added", lang, id=source.id, region=region_text), link_preview_options=NO_PREVIEW
    )
    report = await ingestor.poll_one(source)
    for text in render_reports([report], lang):
        await message.answer(text, link_preview_options=NO_PREVIEW)


async def cmd_delsource(
    message: Message,
    command: CommandObject,
    *,
    lang: str,
    settings: Settings,
    sources: SourceRepository,
) -> None:
    raw = (command.args or "").strip().lstrip("#")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise UserInputError(T("del_usage", "ru"), T("del_usage", "en"))
    source = await sources.get(int(raw))
    if source is None or not await sources.delete(source.id):
        raise UserInputError(T("not_found", "ru", id=raw), T("not_found", "en", id=raw))
    text = T("deleted", lang, id=source.id, url=html.escape(_short_url(source.url)))
    if source.origin == "config":
        text += T("config_warn", lang)
    await message.answer(text, link_preview_options=NO_PREVIEW)


async def cmd_fetch(
    message: Message,
    *,
    lang: str,
    settings: Settings,
    sources: SourceRepository,
    ingestor: Ingestor,
) -> None:
    enabled = await sources.list_all(enabled_only=True)
    if not enabled:
        await message.answer(T("fetch_none", lang))
        return
    await message.answer(T("fetching", lang, n=len(enabled)))
    await ingestor.ensure_synced(settings)
    reports = await ingestor.poll_all()
    for text in render_reports(reports, lang):
        await message.answer(text, link_preview_options=NO_PREVIEW)


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = admin_router("admin_sources")
    router.message.register(cmd_sources, Command("sources"))
    router.message.register(cmd_addsource_file, Command("addsource"), F.document)
    router.message.register(cmd_addsource, Command("addsource"))
    router.message.register(cmd_delsource, Command("delsource"))
    router.message.register(cmd_fetch, Command("fetch"))
    return router
