"""Pictures and times: an article's lead image (feed enclosure, media:content, og:image,
first figure) becomes a photo push with the text as caption, a refused photo falls back to
the text once, a chat can turn pictures off, inline results carry the thumbnail; every time
is in the chat's zone, named once when it differs, never in the future.

End-to-end parts run the real app against the emulator (and a local feed server)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.delivery.push import build_push
from bot.emulator import Emulator, parse_html, utf16_len
from bot.ingest.parse import extract_page, image_url, page_image, parse_feed
from bot.render import MAX_CAPTION_LEN, format_time, render_push, zone_label
from bot.search.pages import render_latest_page
from storage.articles import Article
from storage.db import now_ts
from tests.support.apps import USER_ID, BotAppFactory
from tests.support.articles import KK, MOW, add_article
from tests.support.chats import add_chats, subscribe
from tests.support.delivery import FAST, drain, received
from tests.support.feeds import FeedServer

ROOT = Path(__file__).resolve().parent.parent
PIC = "https://img.example.ru/photo/1.jpg"
NOW = datetime(2024, 1, 16, 12, 0, tzinfo=UTC)


def _article(**changes: object) -> Article:
    fields: dict[str, object] = {
        "id": 1, "source_id": 1, "source_title": "Портал", "guid": "g1",
        "url": "https://example.ru/news/1", "title": "Новость", "text": "Текст.",
        "summary": "Лид новости.", "published_at": NOW - timedelta(hours=1),
        "fetched_at": NOW, "duplicate_of": None, "regions": (KK,), "image_url": PIC,
    }  # fmt: skip
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


# --- finding the picture ------------------------------------------------------------------

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Лента</title><link>https://site.ru/</link>
<item><title>Энклоужер</title><link>https://site.ru/n/1</link>
<enclosure url="/upload/1.jpg" type="image/jpeg" length="1"/>
<enclosure url="https://site.ru/a.mp3" type="audio/mpeg" length="1"/>
<description>Текст один.</description></item>
<item><title>Медиа</title><link>https://site.ru/n/2</link>
<media:content url="https://cdn.site.ru/2.png" medium="image"/>
<description>Текст два.</description></item>
<item><title>Миниатюра</title><link>https://site.ru/n/3</link>
<media:thumbnail url="https://cdn.site.ru/3-small.jpg"/>
<description>Текст три.</description></item>
<item><title>Без картинки</title><link>https://site.ru/n/4</link>
<enclosure url="javascript:alert(1)" type="image/jpeg" length="1"/>
<description>Текст четыре.</description></item>
</channel></rss>"""


def test_feed_items_give_their_picture_http_only() -> None:
    items = parse_feed(FEED, "https://site.ru/feed.xml").items
    assert [i.image for i in items] == [
        "https://site.ru/upload/1.jpg",  # relative: resolved against the item's link
        "https://cdn.site.ru/2.png",
        "https://cdn.site.ru/3-small.jpg",
        None,  # not http(s)
    ]


def test_page_picture_og_image_then_first_figure() -> None:
    og = '<html><head><meta property="og:image" content="/i/og.jpg"></head><body></body></html>'
    assert page_image(og, "https://site.ru/n/1") == "https://site.ru/i/og.jpg"
    figure = (
        '<html><body><article><p>Текст</p><figure class="x"><img alt="" '
        'src="https://site.ru/i/fig.jpg?w=800&amp;h=600"></figure></article></body></html>'
    )
    assert page_image(figure, "https://site.ru/n/1") == "https://site.ru/i/fig.jpg?w=800&h=600"
    assert page_image("<html><body><p>нет</p></body></html>", "https://site.ru/") is None
    assert image_url("data:image/png;base64,AAAA") is None
    assert image_url("ftp://site.ru/a.jpg") is None
    page = (
        '<html><head><meta property="og:image" content="https://site.ru/og.jpg">'
        "<title>Заголовок</title></head><body><article><h1>Заголовок</h1>"
        + "<p>В Абакане прошла сессия Совета депутатов. Депутаты рассмотрели вопросы.</p>" * 5
        + "</article></body></html>"
    )
    assert extract_page(page, "https://site.ru/n/9").items[0].image == "https://site.ru/og.jpg"


# --- the push: photo, caption, zone --------------------------------------------------------


def test_short_push_is_a_photo_whose_caption_is_the_whole_text() -> None:
    push = build_push(_article(), "ru", zone="Asia/Krasnoyarsk", now=NOW)
    assert push.photo == PIC and push.caption == push.text
    assert build_push(_article(), "ru", pictures=False, now=NOW).photo is None
    assert build_push(_article(image_url=None), "ru", now=NOW).photo is None


def test_long_push_gets_a_shortened_caption_cut_at_a_word() -> None:
    # A push of 600 characters of lead fits a caption unless its title and source are long.
    long = _article(title="Заголовок " * 30, source_title="Портал " * 28, summary="слово " * 400)
    push = build_push(long, "ru", zone="Asia/Krasnoyarsk", now=NOW)
    assert push.caption is not None and push.caption != push.text
    caption, entities = parse_html(push.caption)  # well-formed HTML
    assert utf16_len(caption) <= MAX_CAPTION_LEN < utf16_len(parse_html(push.text)[0])
    assert caption.startswith("Заголовок")  # the title, a link to the article
    assert any(e["type"] == "text_link" and e["url"] == long.url for e in entities)
    lead = caption.split("\n\n")[2]
    assert lead.endswith("слово…")  # cut between whole words
    assert caption.rstrip().endswith("#Хакасия")


def test_times_in_the_chat_zone_named_when_different_and_never_future() -> None:
    published = datetime(2024, 1, 16, 6, 15, tzinfo=UTC)  # 13:15 in Abakan, 09:15 in Moscow
    item = _article(published_at=published)
    kk = parse_html(render_push(item, "ru", zone="Asia/Krasnoyarsk", now=NOW))[0]
    assert "16 января 2024, 13:15\n" in kk and "МСК" not in kk
    visible = parse_html(render_push(item, "ru", now=NOW))[0]
    assert "16 января 2024, 09:15 МСК\n" in visible  # a Moscow chat: the zone is named
    assert zone_label("Asia/Krasnoyarsk", published, "ru") == "МСК+4"
    assert zone_label("Europe/Kaliningrad", published, "ru") == "МСК−1"
    assert zone_label("Europe/Berlin", published, "ru") == "UTC+1"
    assert zone_label("Asia/Krasnoyarsk", published, "en") == "UTC+7"
    future = NOW + timedelta(hours=5)
    assert format_time(future, "ru", zone="Europe/Moscow", now=NOW) == "16 января 2024, 15:00"


def test_list_of_two_zones_is_ordered_in_one_zone_named_once() -> None:
    """13:00 in Moscow (newer) and 13:15 in Abakan (older): in one zone they read in order."""
    at_13 = datetime(2024, 1, 16, 10, 0, tzinfo=UTC)
    moscow = _article(id=1, title="Москва", regions=(MOW,), published_at=at_13)
    abakan = _article(
        id=2, title="Абакан", regions=(KK,), published_at=at_13 - timedelta(minutes=225)
    )

    def page(articles: list[Article], zone: str) -> str:
        return parse_html(render_latest_page(articles, "*", "ru", zone=zone, now=NOW))[0]

    text = page([moscow, abakan], "Europe/Moscow")
    assert "13:00 МСК ·" in text and "09:15 ·" in text and "13:15" not in text
    assert text.count("МСК") == 1
    kk = page([moscow, abakan], "Asia/Krasnoyarsk")
    assert "17:00 МСК+4 ·" in kk and "13:15 ·" in kk and kk.count("МСК") == 1
    same = page([abakan], "Asia/Krasnoyarsk")
    assert "МСК" not in same  # every article in the chat's own zone: nothing to name


# --- end to end --------------------------------------------------------------------------


def _feed(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Правительство Хакасии</title><link>https://r-19.ru/</link>{items}</channel></rss>"
    )


ITEM = (
    "<item><title>В Абакане открыли сквер</title><link>https://r-19.ru/news/1</link>"
    "<guid>pic-1</guid><pubDate>{date}</pubDate>"
    '<enclosure url="https://r-19.ru/upload/skver.jpg" type="image/jpeg" length="1000"/>'
    "<description>&lt;p&gt;В Абакане после ремонта открыли сквер у администрации города."
    "&lt;/p&gt;</description></item>"
)


async def test_feed_item_with_a_picture_arrives_as_a_photo(
    emulator: Emulator, bot_app: BotAppFactory, server: FeedServer
) -> None:
    url = server.add("/rh.xml", _feed(""), content_type="application/rss+xml")
    running = await bot_app(delivery=FAST, sources=[{"url": url, "region": KK}])
    await add_chats(running.app.db, emulator, [(USER_ID, "private")])
    await subscribe(running.app.db, [(USER_ID, KK)])
    date = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    server.add("/rh.xml", _feed(ITEM.format(date=date)), content_type="application/rss+xml")
    await running.app.poll_now()
    await drain(running)
    [push] = received(emulator, USER_ID, "r-19.ru/news/1")
    assert push["photo"] and push["caption"].startswith("В Абакане открыли сквер")
    assert "#Хакасия" in push["caption"] and push["parse_mode"] == "HTML"
    [call] = emulator.call_log("sendPhoto")
    assert call["params"]["photo"] == "https://r-19.ru/upload/skver.jpg"
    assert emulator.call_log("sendMessage") == []
    assert await running.app.repos.deliveries.counts() == {"sent": 1}


async def test_refused_picture_falls_back_to_text_once_and_pictures_off(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    running = await bot_app(delivery=FAST)
    db = running.app.db
    refused, plain, off = 601, 602, 603
    await add_chats(db, emulator, [(refused, "private"), (plain, "private"), (off, "private")])
    await subscribe(db, [(refused, KK), (off, KK)])
    await running.app.repos.subscriptions.update_settings(off, pictures=False)
    article = await add_article(db, (KK,), title="Картинка сломана")
    await running.app.repos.articles.set_image(article, "https://bad.example/x.jpg")
    emulator.set_photo_url_refusal("fetch_failed")
    await drain(running)

    [got] = received(emulator, refused)
    assert "Картинка сломана" in got["text"] and not got.get("photo")
    photos = [c for c in emulator.call_log("sendPhoto") if int(c["params"]["chat_id"]) == refused]
    assert len(photos) == 1 and photos[0]["status"] == 400  # refused once, then the text
    [pictures_off] = received(emulator, off)
    assert not pictures_off.get("photo") and "Картинка сломана" in pictures_off["text"]
    assert not [c for c in emulator.call_log("sendPhoto") if int(c["params"]["chat_id"]) == off]
    rows = await db.fetchall(
        "SELECT chat_id, status, attempts FROM deliveries WHERE article_id = ? ORDER BY chat_id",
        (article,),
    )
    assert [tuple(r) for r in rows] == [(refused, "sent", 1), (off, "sent", 1)]

    # /settings pictures off|on and the button flip the same setting.
    await add_chats(db, emulator, [(plain, "private")])
    [reply] = await running.say("/settings pictures off", user_id=plain)
    assert "Картинки: выкл." in reply["text"]
    assert (await running.app.repos.subscriptions.get_settings(plain)).pictures is False
    [reply] = await running.say("/settings картинки вкл", user_id=plain)
    assert "Картинки: вкл." in reply["text"]


async def test_inline_result_has_the_thumbnail_and_user_zone(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    running = await bot_app()
    db = running.app.db
    article = await add_article(db, (KK,), title="Форум в Абакане", published=now_ts() - 600)
    await running.app.repos.articles.set_image(article, PIC)
    sent = emulator.inline_query(USER_ID, "")  # the latest items
    answer = await emulator.inline_answer(sent["inline_query_id"], wait=10)
    [result] = answer["results"]
    assert result["thumbnail_url"] == PIC
    # No subscription, no zone set: Moscow time, named (the article's region is Абакан's).
    assert "МСК" in result["description"]


async def test_latest_from_two_zones_reads_in_order(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    running = await bot_app()
    db = running.app.db
    base = now_ts() - 3 * 3600
    await add_article(db, (MOW,), title="Московская", published=base + 45 * 60)
    await add_article(db, (KK,), title="Хакасская", published=base)
    [reply] = await running.say("/latest")
    text = reply["text"]
    assert text.index("Московская") < text.index("Хакасская")
    times = [line.split(" · ")[0].split(", ")[1][:5] for line in text.split("\n") if ", 20" in line]
    assert times == sorted(times, reverse=True)  # newest first, in one zone
    assert text.count("МСК") == 1


def test_demo_publishes_again_on_every_publish(tmp_path: Path) -> None:
    script = "/start\n/subscribe Хакасия\n/publish\n/publish\n/quit\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo"],
        input=script, capture_output=True, text=True, cwd=tmp_path, timeout=180, check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    out = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.count("опубликована новость") == 2
    first = out.index("опубликована новость")
    second = out.index("опубликована новость", first + 1)
    assert "В Саяногорске открылся новый центр" in out[first:second]
    assert "[🖼 http://127.0.0.1:" in out[first:second]  # the first fresh item has a picture
    assert "В Абакане начали ремонт моста" in out[second:]
    assert " INFO " not in result.stderr and " INFO " not in out  # no log lines in the chat


def test_demo_in_english(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--lang", "en"],
        input="/start\n/lang ru\n/start\n/quit\n", capture_output=True, text=True, cwd=tmp_path,
        timeout=180, check=False, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert out.startswith("Demo: the real bot")
    switch = out.index("вы: /lang ru")
    assert "Hello" in out[:switch] or "news" in out[:switch].lower()
    assert "Здравствуйте" in out[switch:]


def test_cli_latest_and_search_print_the_zone(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    date = (datetime.now(UTC) - timedelta(hours=2)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    feed.write_text(_feed(ITEM.format(date=date)), encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{tmp_path / "db.sqlite3"}"\n', encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args, "--config", str(config)],
            capture_output=True, text=True, cwd=ROOT, timeout=120, check=False, env=env,
        )  # fmt: skip

    assert cli("ingest", str(feed)).returncode == 0
    latest = cli("latest")
    assert latest.returncode == 0 and " UTC+3  [RU-KK]" in latest.stdout
    kk = cli("latest", "--tz", "Asia/Krasnoyarsk")
    assert " UTC+7  [RU-KK]" in kk.stdout
    found = cli("search", "сквер", "--tz", "Asia/Krasnoyarsk")
    assert found.returncode == 0 and " UTC+7 · " in found.stdout
    assert cli("latest", "--tz", "Mars/Base").returncode == 2
