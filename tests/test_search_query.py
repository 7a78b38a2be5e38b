"""Query building for /search and inline mode: stems, MATCH expressions, snippets, payloads."""

from __future__ import annotations

import sqlite3
from html import unescape

import pytest

from bot.search.paging import (
    LatestPayload,
    SearchPayload,
    b36,
    decode_inline_offset,
    decode_latest,
    decode_search,
    encode_inline_latest,
    encode_inline_offset,
    encode_latest,
    encode_search,
    from_b36,
    parse_latest_args,
    query_from_message,
    query_hash,
)
from bot.search.query import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    clip_query,
    match_stages,
    parse_query,
    snippet,
)
from storage.search import Cursor
from tests.support.hostile import HOSTILE


def test_word_forms_share_a_stem() -> None:
    assert parse_query("соглашения").terms == parse_query("Соглашение").terms == ("соглашен",)


def test_region_words_become_a_filter() -> None:
    q = parse_query("форум хакасия")
    assert q.regions == ("RU-KK",)
    assert q.terms == ("форум",)


def test_stop_words_dropped_unless_alone() -> None:
    assert parse_query("форум в городе").terms == ("форум", "город")
    assert parse_query("и").terms == ("и",)


def test_terms_capped_and_deduplicated() -> None:
    q = parse_query(" ".join(f"слово{i}" for i in range(50)) + " форум форумы")
    assert len(q.terms) == MAX_TERMS
    assert len(set(q.terms)) == len(q.terms)


def test_query_clipped_at_a_word_boundary() -> None:
    text = clip_query("форум  \n " * 100)
    assert len(text) <= MAX_QUERY_CHARS
    assert text.endswith("форум") and "  " not in text


def test_match_stages_and_or_prefix() -> None:
    assert match_stages(["форум", "хакас"]) == (
        '"форум" AND "хакас"',
        '"форум" AND "хакас" *',
        '"форум" OR "хакас" *',
    )
    assert match_stages(["2024"]) == ('"2024"',)  # no prefix of a number, no OR of one term
    assert match_stages([]) == ()


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_input_gives_valid_fts5(raw: str) -> None:
    """Every stage of every hostile query is accepted by SQLite's FTS5 parser."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, body)")
        conn.execute("INSERT INTO t VALUES ('форум', 'соглашен хакас')")
        q = parse_query(raw)
        assert len(q.text) <= MAX_QUERY_CHARS
        assert len(q.terms) <= MAX_TERMS
        for expr in match_stages(q.terms):
            conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,)).fetchall()
    finally:
        conn.close()


def test_operators_are_plain_words() -> None:
    q = parse_query("форум NEAR title: NOT")
    # every word is a quoted token: NEAR/AND are searched as words, never as syntax
    assert match_stages(q.terms)[0] == '"форум" AND "near" AND "titl" AND "not"'


def test_snippet_highlights_word_forms_and_escapes() -> None:
    text = (
        "Вступление <без> & тегов. " * 20
        + "Регионы подписали соглашение о сотрудничестве; соглашения вступят в силу."
        + " Хвост." * 50
    )
    html = snippet(text, parse_query("соглашения").terms)
    assert "<b>соглашение</b>" in html and "<b>соглашения</b>" in html
    assert html.startswith("…") and html.endswith("…")
    assert "&lt;без&gt; &amp;" in html and "<без>" not in html
    visible = unescape(html.replace("<b>", "").replace("</b>", ""))
    assert 150 <= len(visible) <= 202  # ~200 characters and the two «…»


def test_snippet_prefix_and_no_match() -> None:
    assert "<b>Хакасии</b>" in snippet("Новости Хакасии", [], ["хакас"])
    plain = snippet("<script>alert(1)</script> текст", ["форум"])
    assert plain.startswith("&lt;script&gt;") and "<b>" not in plain


def test_latest_args() -> None:
    assert parse_latest_args(None) == ("", 5)
    assert parse_latest_args("хакасия 10") == ("хакасия", 10)
    assert parse_latest_args("Ханты-Мансийский округ 100") == ("Ханты-Мансийский округ", 20)
    assert parse_latest_args("хакасия 0") == ("хакасия", 1)
    assert parse_latest_args("19") == ("", 19)  # a lone number is a count, not region 19
    assert parse_latest_args("3") == ("", 3)
    assert parse_latest_args("²") == ("²", 5)  # not an ASCII digit: words, never int()


def test_base36_round_trip() -> None:
    for n in (0, 1, 35, 36, 1_700_000_000, 10**12):
        assert from_b36(b36(n)) == n
    for bad in ("", "-1", "ZZ", "a b", "1" * 14):
        with pytest.raises(ValueError):
            from_b36(bad)


def test_latest_payload_round_trip_and_fits() -> None:
    p = LatestPayload(20, 99_999, "RU-YAN", Cursor(4_102_444_800, 10**10))
    data = encode_latest(p)
    assert len(data.encode()) <= 64
    assert decode_latest(data) == p
    for scope in ("*", "@"):
        q = LatestPayload(5, 5, scope, Cursor(1, 2))
        assert decode_latest(encode_latest(q)) == q


@pytest.mark.parametrize(
    "forged",
    [
        "lt:5:5:RU-XX:1:2",  # unknown region
        "lt:500:5:RU-KK:1:2",  # page size over the limit
        "lt:5:5:RU-KK:1",  # missing field
        "lt:5:5:RU-KK:-1:2",  # negative
        "lt:x:5:RU-KK:1:2",
        "sr:1:5:abc:xyz",
        "",
        "rg:root",
    ],
)
def test_forged_latest_payloads_refused(forged: str) -> None:
    assert decode_latest(forged) is None


def test_search_payload_round_trip() -> None:
    p = SearchPayload(2, 995, 4_102_444_800, query_hash("форум " * 40))
    data = encode_search(p)
    assert len(data.encode()) <= 64
    assert decode_search(data) == p
    for bad in (
        "sr:3:5:abc:AAAAAA",
        "sr:1:5:abc:AAA",
        "sr:1:5:abc:AAAAA!",
        "sr:1:zzzzzzzzzzzzzz:a:AAAAAA",
    ):
        assert decode_search(bad) is None


def test_query_hash_differs() -> None:
    assert query_hash("форум") != query_hash("форумы")
    assert len(query_hash("x" * 4000)) == 6


def test_query_reread_from_message() -> None:
    assert query_from_message("🔎 форум хакасия\n\n1. Новость") == "форум хакасия"
    assert query_from_message("Новости") is None
    assert query_from_message(None) is None


def test_inline_offsets() -> None:
    data = encode_inline_offset(1, 40, 1_800_000_000)
    assert len(data.encode()) <= 64
    assert decode_inline_offset(data) == (1, 40, 1_800_000_000)
    latest = encode_inline_latest(Cursor(1_800_000_000, 123_456_789))
    assert len(latest.encode()) <= 64
    assert decode_inline_offset(latest) == Cursor(1_800_000_000, 123_456_789)
    for bad in ("", "garbage", "9:1:1", "L1", "L-1:2", "LX:Y", "1:1"):
        assert decode_inline_offset(bad) is None


def test_prefix_is_the_stem_or_the_typed_word() -> None:
    assert parse_query("форум хакасск").prefix == "хакасск"
    assert parse_query("обла").terms == ("обл",) and parse_query("обла").prefix == "обла"
    assert parse_query("рос").prefix == ""  # too short: «рос*» would expand to thousands
    assert parse_query("2024").prefix == ""
    assert match_stages(("обл",), "обла") == ('"обл"', '"обла" *')
