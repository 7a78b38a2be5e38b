"""Ingest, pure parts: charsets, feeds of every flavour, article pages, normalisation, dedup."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest

from bot.errors import ParseError
from bot.ingest import dedup
from bot.ingest.normalise import (
    canonical_url,
    clean_title,
    html_to_text,
    parse_iso_date,
    pick_published,
    title_from_text,
    valid_date,
)
from bot.ingest.parse import decode, extract_page, parse_document, sniff
from bot.ingest.pipeline import Candidate, analyse, prepare_items
from tests.support.feeds import FEEDS
from tests.support.shared import LENTA_FEEDS, lenta_files, needs_shared

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def read(name: str, url: str = "https://portal.example/feed") -> tuple[str, list[Candidate]]:
    text = decode((FEEDS / name).read_bytes())
    parsed = parse_document(text, url=url)
    items, _reasons = prepare_items(parsed, base_url=url, fetched_at=NOW)
    return parsed.kind, items


# --- charsets ------------------------------------------------------------------------


def test_windows_1251_from_the_xml_prolog() -> None:
    body = (FEEDS / "rss20_cp1251.xml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")  # really not UTF-8
    text = decode(body)
    assert "Совет муниципальных образований Хакасии" in text


def test_koi8r_from_a_meta_tag() -> None:
    body = (FEEDS / "page_koi8.html").read_bytes()
    text = decode(body)
    assert "Фестиваль" in text and "Золотая осень" in text
    # Without the meta tag the cp1251 guess would produce mojibake: the tag is what counts.
    assert "Фестиваль" not in body.decode("cp1251")


def test_charset_from_the_http_header_and_a_wrong_declaration() -> None:
    koi = "Новости Югры".encode("koi8_r")
    assert decode(b"<p>" + koi + b"</p>", "koi8-r") == "<p>Новости Югры</p>"
    # A server claiming UTF-8 for a windows-1251 body: the claim does not fit, cp1251 does.
    cp = "<p>Глава района</p>".encode("cp1251")
    assert decode(cp, "utf-8") == "<p>Глава района</p>"
    # Plain UTF-8 without any declaration.
    assert decode("Ёлка".encode()) == "Ёлка"
    # A BOM wins.
    assert decode(b"\xef\xbb\xbf" + "Тест".encode()) == "Тест"


def test_truncated_utf8_is_not_misread_as_cp1251() -> None:
    body = "Новости Сибири и Хакасии".encode()[:-1]  # cut inside the last letter
    assert decode(body).startswith("Новости Сибири и Хакаси")


def test_sniff() -> None:
    assert sniff('<?xml version="1.0"?>\n<!-- x -->\n<rss version="2.0">') == "feed"
    assert sniff("<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert sniff("<rdf:RDF xmlns:rdf='x'>") == "feed"
    assert sniff("<!DOCTYPE html><html><body>") == "html"
    assert sniff("just text", "application/rss+xml") == "feed"
    assert sniff("just text", "text/plain") == "unknown"


# --- feeds ---------------------------------------------------------------------------


def test_rss20_windows_1251_feed() -> None:
    kind, items = read("rss20_cp1251.xml")
    assert kind == "feed"
    assert [i.guid for i in items] == ["vesti-1001", "vesti-1002"]
    first = items[0]
    # Canonical: no utm_*, no fragment.
    assert first.url == "https://vesti-rh.example/news/1001"
    assert first.title == "Совет муниципальных образований Хакасии подвёл итоги года"
    assert first.published_at == datetime(2026, 11, 24, 2, 30, tzinfo=UTC)  # +0700 -> UTC
    assert "<p>" not in first.text
    # The «Читайте также» tail of the description is not part of the article.
    assert "Черногорске" not in first.text
    assert first.text.startswith("В Абакане состоялось заседание")


def test_atom_feed() -> None:
    kind, items = read("atom.xml", "https://ugra.example/atom")
    assert kind == "feed"
    bus, biathlon = items
    assert bus.url == "https://ugra.example/news/bus-routes"  # relative link resolved
    assert bus.title == "Сургут & Нефтеюганск: новые маршруты автобусов"
    assert bus.published_at == datetime(2026, 11, 22, 4, 0, tzinfo=UTC)
    assert "alert" not in bus.text and "<" not in bus.text
    assert biathlon.published_at == datetime(2026, 11, 21, 8, 0, tzinfo=UTC)  # updated only


def test_rss10_and_rss091_feeds() -> None:
    kind, items = read("rss10.rdf")
    assert kind == "feed"
    assert items[0].url == "https://kuban.example/news/port"
    assert items[0].published_at == datetime(2026, 11, 23, 5, 30, tzinfo=UTC)
    kind, items = read("rss091.xml")
    assert kind == "feed"
    assert items[0].title == "В Костроме открылась выставка льна"
    assert items[0].published_at == NOW  # no date in the feed: the fetch time


def test_bad_items_are_skipped_with_reasons() -> None:
    text = decode((FEEDS / "bad_items.xml").read_bytes())
    parsed = parse_document(text, url="https://bad.example/rss")
    items, reasons = prepare_items(parsed, base_url="https://bad.example/rss", fetched_at=NOW)
    by_url = {i.url: i for i in items}
    web = {u for u in by_url if u.startswith("https://")}
    assert web == {
        "https://bad.example/news/1",
        "https://bad.example/news/2",
        "https://bad.example/news/5",
    }
    # No link and a javascript: link: kept without a link (a urn: key, never sent as a link).
    linkless = {by_url[u].title for u in set(by_url) - web}
    assert linkless == {"Новость без ссылки", "Ссылка-javascript"}
    assert all(u.startswith("urn:newsbot:item:") for u in set(by_url) - web)
    # A script in a title is gone, the words stay.
    assert by_url["https://bad.example/news/1"].title == "Глава района провёл приём граждан"
    # No title: the first sentence stands in.
    assert by_url["https://bad.example/news/2"].title == "Новость без заголовка."
    # Invalid, far-future and ancient dates all become the fetch time.
    assert {i.published_at for i in items} == {NOW}
    assert any("no title and no text" in r for r in reasons)


@needs_shared(LENTA_FEEDS)
def test_lenta_feeds_parse_completely() -> None:
    """Both real Lenta.ru feeds parse into 200 dated items each, none skipped."""
    paths = lenta_files()
    assert len(paths) == 2, paths
    for path in paths:
        parsed = parse_document(decode(path.read_bytes()), url="https://lenta.ru/rss")
        items, reasons = prepare_items(parsed, base_url="https://lenta.ru/rss", fetched_at=NOW)
        assert parsed.kind == "feed" and parsed.title == "Lenta.ru : Новости"
        assert len(items) == 200, reasons
        assert all(i.url.startswith("https://lenta.ru/") for i in items)
        assert all(i.published_at < NOW and i.published_at.year in (2021, 2022) for i in items)
        assert all(i.title and i.text and "<" not in i.text for i in items)


def test_broken_inputs_raise_parse_error() -> None:
    with pytest.raises(ParseError, match="empty"):
        parse_document("   ")
    with pytest.raises(ParseError, match="binary"):
        parse_document(decode(os.urandom(4096) + b"\x00" * 10))
    with pytest.raises(ParseError):
        parse_document("This is a plain text file, not a feed.\nLine two.")
    # Cut off inside the first item: a feed, but nothing usable in it.
    cut = parse_document('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x')
    assert prepare_items(cut, base_url="", fetched_at=NOW)[0] == []
    # Random bytes that happen to have no NUL: never anything but ParseError.
    noise = bytes(b % 250 + 1 for b in os.urandom(20000))
    with pytest.raises(ParseError):
        parse_document(decode(noise))


def test_truncated_feed_keeps_what_is_complete() -> None:
    kind, items = read("truncated.xml")
    assert kind == "feed"
    assert [i.url for i in items] == ["https://sibnews.example/2026/11/24/sovet/"]
    assert items[0].title == "В Абакане прошёл Совет муниципальных образований"


def test_html_served_as_a_feed_is_read_as_a_page() -> None:
    html = (FEEDS / "page_sidebar.html").read_text(encoding="utf-8")
    parsed = parse_document(html, url="https://m.example/rss", content_type="application/rss+xml")
    assert parsed.kind == "page"


# --- pages ---------------------------------------------------------------------------


def test_page_without_sidebar_advert_share_and_footer() -> None:
    html = (FEEDS / "page_sidebar.html").read_text(encoding="utf-8")
    parsed = extract_page(html, "https://vestnik.example/forum?utm_source=tg")
    [item] = parsed.items
    assert item.title == "Форум «Малая родина — сила России» открылся в Москве"
    assert item.text.startswith("В Москве открылся Всероссийский муниципальный форум")
    assert "резолюция" in item.text
    for junk in (
        "Последние новости",
        "Великий Новгород",
        "Читайте также",
        "Калуге",
        "Купите окна",
        "Кредит",
        "Поделиться",
        "©",
        "Регионы",
        "window.ads",
        "color: red",
    ):
        assert junk not in item.text, junk
    assert item.published == datetime(2026, 11, 15, 7, 0, tzinfo=UTC)


def test_koi8r_page_and_its_date() -> None:
    text = decode((FEEDS / "page_koi8.html").read_bytes())
    [item] = extract_page(text, "https://tatar.example/fest").items
    assert item.title == 'Фестиваль "Золотая осень" собрал в Казани пять тысяч гостей'
    assert "Великом Новгороде" not in item.text and "Главная" not in item.text
    assert item.published == datetime(2026, 11, 20, 7, 15, tzinfo=UTC)  # +03:00 -> UTC


def test_page_without_text() -> None:
    with pytest.raises(ParseError):
        extract_page("<html><body><nav><a href='/'>Главная</a></nav></body></html>", "")


# --- normalisation -------------------------------------------------------------------


def test_canonical_url() -> None:
    assert (
        canonical_url("HTTPS://News.Example.RU:443/a/b?utm_source=x&id=5&fbclid=1&yclid=2#c")
        == "https://news.example.ru/a/b?id=5"
    )
    assert canonical_url("http://Example.ru") == "http://example.ru/"
    assert canonical_url("http://example.ru:8080/x") == "http://example.ru:8080/x"
    assert canonical_url("/news/1?b=2&a=1", "https://site.example/rss") == (
        "https://site.example/news/1?a=1&b=2"
    )
    escaped = "https://xn--80aa.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1"
    assert canonical_url("https://xn--80aa.example/новости/1") == escaped
    assert canonical_url(escaped) == escaped
    assert canonical_url("https://Админ.РФ/") == "https://админ.рф/"
    assert canonical_url("javascript:alert(1)") is None
    assert canonical_url("mailto:a@b.ru") is None
    assert canonical_url("http://[::1") is None
    assert canonical_url("") is None


def test_html_to_text_and_titles() -> None:
    raw = (
        "<p>Первый&nbsp;абзац &amp; <b>жирный</b></p><script>var x = '<p>'</script>"
        "<style>p{}</style><!-- comment --><p>Второй   абзац</p>"
        "&lt;script&gt;alert(1)&lt;/script&gt;"
    )
    assert html_to_text(raw) == "Первый абзац & жирный\n\nВторой абзац"
    assert clean_title("  <i>Заголовок</i>\n  новости  ") == "Заголовок новости"
    assert len(clean_title("слово " * 200)) <= 401
    assert title_from_text("Первая фраза. Вторая фраза.") == "Первая фраза."
    assert html_to_text("5 < 6 и 7 > 3") == "5 < 6 и 7 > 3"


def test_dates() -> None:
    assert valid_date(NOW + timedelta(days=30), NOW) is None
    assert valid_date(NOW + timedelta(hours=3), NOW) == NOW  # slightly ahead: clamped
    assert valid_date(datetime(1980, 1, 1, tzinfo=UTC), NOW) is None
    naive = datetime(2026, 11, 1, 10, 0)
    assert valid_date(naive, NOW) == datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
    page = datetime(2026, 11, 20, tzinfo=UTC)
    assert pick_published([None, page], NOW) == (page, True)
    assert pick_published([NOW + timedelta(days=400)], NOW) == (NOW, False)
    assert parse_iso_date("2026-11-20T10:15:00+03:00") == datetime(2026, 11, 20, 7, 15, tzinfo=UTC)
    assert parse_iso_date("2026-11-20") == datetime(2026, 11, 20, tzinfo=UTC)
    assert parse_iso_date("вчера") is None


# --- dedup and the understanding step ----------------------------------------------------


def test_near_copy_fingerprints() -> None:
    _, [original, _] = read("rss20_cp1251.xml")
    _, [copy] = read("rss20_copy.xml")
    assert original.text != copy.text
    assert dedup.content_hash(original.text) != dedup.content_hash(copy.text)
    # Same words, other markup and spacing: an exact copy.
    assert dedup.content_hash("Глава  района,\nприём!") == dedup.content_hash("глава района приём")
    keys_a = set(dedup.band_keys(dedup.shingles(original.text)))
    keys_b = set(dedup.band_keys(dedup.shingles(copy.text)))
    assert keys_a & keys_b  # found by the index
    assert dedup.is_near_copy(copy.text, original.text)
    assert not dedup.eligible("Слишком короткий текст.")


@needs_shared(LENTA_FEEDS)
def test_real_unrelated_news_is_not_a_near_copy() -> None:
    """A real unrelated news text is not taken for a near copy of the press release."""
    _, [original, _] = read("rss20_cp1251.xml")
    lenta = lenta_files()[0]
    parsed = parse_document(decode(lenta.read_bytes()), url="https://lenta.ru/rss")
    unrelated = prepare_items(parsed, base_url="https://lenta.ru/rss", fetched_at=NOW)[0][0].text
    assert dedup.eligible(unrelated)  # else the answer below would be "no" for any text
    assert not dedup.is_near_copy(original.text, unrelated)


def test_analyse_tags_regions_summary_and_stems() -> None:
    _, [item, _] = read("rss20_cp1251.xml")
    article = analyse(item, source_id=7, source_region="RU-KK", fetched_at=NOW)
    codes = [r.code for r in article.regions]
    assert codes.count("RU-KK") == 1
    kk = next(r for r in article.regions if r.code == "RU-KK")
    assert '"kind":"source"' in kk.evidence and '"kind":"name"' in kk.evidence
    assert article.summary and len(article.summary) <= 600
    assert "абакан" in article.body_stems
    assert article.lsh_keys and article.content_hash
    assert article.published_at == int(item.published_at.timestamp())


def test_relative_links_and_pictures_resolve_against_the_feed() -> None:
    """feedparser gets no base address; the item's link is made absolute against the feed's,
    and a relative picture against the item's absolute address."""
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Т</title>'
        "<item><title>Ремонт моста</title><link>/news/most</link>"
        "<description>Мост откроют в мае.</description>"
        '<enclosure url="img/most.jpg" type="image/jpeg" length="1"/></item>'
        "</channel></rss>"
    )
    base = "https://rayon.example/rss/"
    parsed = parse_document(xml, url=base)
    [item], _ = prepare_items(parsed, base_url=base, fetched_at=datetime.now(UTC))
    assert item.url == "https://rayon.example/news/most"
    assert item.image_url == "https://rayon.example/news/img/most.jpg"
