"""bot.render: pushes and list items in Telegram HTML, checked with the emulator's parser."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.emulator import parse_html, utf16_len
from bot.render import (
    MAX_MESSAGE_LEN,
    cut_words,
    format_local,
    region_hashtags,
    render_list_item,
    render_push,
)
from storage.articles import Article

PUBLISHED = datetime(2024, 1, 16, 11, 5, tzinfo=UTC)  # 14:05 in Moscow, 18:05 in Abakan


def article(**changes: object) -> Article:
    fields: dict[str, object] = {
        "id": 1,
        "source_id": 1,
        "source_title": "Портал «Малая родина»",
        "guid": "g1",
        "url": "https://example.ru/news/1",
        "title": "Форум «Малая родина - сила России»",
        "text": "Форум прошёл в Москве. Участники из Хакасии и Татарстана обсудили развитие.",
        "summary": "Форум собрал 7,5 тысяч участников из 89 регионов.",
        "published_at": PUBLISHED,
        "fetched_at": PUBLISHED,
        "duplicate_of": None,
        "regions": ("RU-KK", "RU-TA"),
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def visible(text: str) -> str:
    plain, _ = parse_html(text)
    return plain


def test_format_local_russian_genitive_and_english() -> None:
    assert format_local(PUBLISHED, None, "ru") == "16 января 2024, 14:05"
    assert format_local(PUBLISHED, "RU-MOW", "en") == "16 Jan 2024, 14:05"
    assert format_local(PUBLISHED, "RU-KK", "ru") == "16 января 2024, 18:05"
    # Any aware input is converted; the day can change with the zone.
    late = datetime(2024, 5, 31, 22, 30, tzinfo=timezone(timedelta(hours=-2)))
    assert format_local(late, "RU-KK", "ru") == "1 июня 2024, 07:30"


def test_region_hashtags_known_codes_in_order_without_repeats() -> None:
    assert region_hashtags(["RU-KK", "RU-TA", "RU-KK", "RU-XX"]) == "#Хакасия #Татарстан"
    assert region_hashtags([]) == ""


def test_push_has_bold_link_source_local_date_tags_and_lead() -> None:
    text = render_push(article(), "ru")
    assert text.startswith('<b><a href="https://example.ru/news/1">')
    plain = visible(text)
    assert "Форум «Малая родина - сила России»" in plain
    assert "Портал «Малая родина»" in plain
    assert "16 января 2024, 14:05 МСК" in plain  # the chat's zone (default Moscow), named
    kk = visible(render_push(article(), "ru", zone="Asia/Krasnoyarsk"))
    assert "16 января 2024, 18:05\n" in kk  # the region's own zone: not named
    assert plain.rstrip().endswith("#Хакасия #Татарстан")
    assert "7,5 тысяч участников" in plain
    _, entities = parse_html(text)
    kinds = {e["type"] for e in entities}
    assert {"bold", "text_link"} <= kinds
    link = next(e for e in entities if e["type"] == "text_link")
    assert link["url"] == "https://example.ru/news/1"


def test_push_english_and_no_region_uses_moscow() -> None:
    text = render_push(article(regions=()), "en")
    assert "16 Jan 2024, 14:05" in visible(text)
    assert "#" not in visible(text)


def test_push_lead_falls_back_to_text() -> None:
    plain = visible(render_push(article(summary=""), "ru"))
    assert "Форум прошёл в Москве." in plain


def test_push_escapes_every_outside_string() -> None:
    evil = article(
        title='<script>alert("x")</script> & <b>',
        source_title="A&B <i>",
        url='https://example.ru/?a=1&b="2"><b>',
        summary="1 < 2 & 3 > 2 <a href='x'>",
    )
    text = render_push(evil, "ru")
    plain, entities = parse_html(text)  # raises if the HTML were broken
    assert '<script>alert("x")</script> & <b>' in plain
    assert "A&B <i>" in plain
    assert "1 < 2 & 3 > 2 <a href='x'>" in plain
    link = next(e for e in entities if e["type"] == "text_link")
    assert link["url"] == 'https://example.ru/?a=1&b="2"><b>'
    assert "&quot;" in text.split(">", 2)[1]  # the quote is escaped inside href


@pytest.mark.parametrize("filler", ["слово ", "&<>& ", "ёж" * 3000, "🙂 " * 3000])
def test_push_never_exceeds_the_limit_and_cuts_at_a_word(filler: str) -> None:
    long = article(summary=filler * 2000, title="Заголовок " * 100, source_title="И" * 500)
    text = render_push(long, "ru")
    plain, _ = parse_html(text)
    assert utf16_len(plain) <= MAX_MESSAGE_LEN
    assert len(plain) <= MAX_MESSAGE_LEN
    lead = plain.split("\n\n")[2]
    assert lead.endswith("…")
    if filler.endswith(" "):  # words: the cut falls between two whole words
        word = filler.split(maxsplit=1)[0]
        assert lead[:-1].rstrip().endswith(word)
        assert len(lead[:-1].rstrip().split(" ")) == lead.count(word)
    # Cutting happens before escaping: no broken entity such as "&am" can appear.
    assert "&am…" not in text and "&l…" not in text


def test_cut_words() -> None:
    assert cut_words("один два три", 100) == "один два три"
    assert cut_words("один два три четыре", 12) == "один два…"
    assert cut_words("  много   пробелов  ", 100) == "много пробелов"
    assert len(cut_words("а" * 50, 10)) == 10


def test_list_item_compact_with_index_and_regions() -> None:
    item = render_list_item(article(), "ru", 3, zone="Asia/Krasnoyarsk")
    assert item.startswith('3. <b><a href="https://example.ru/news/1">')
    plain = visible(item)
    assert plain.split("\n")[1] == (
        "16 января 2024, 18:05 · Портал «Малая родина» · Республика Хакасия, Республика Татарстан"
    )
    en = visible(render_list_item(article(), "en"))
    assert "Khakassia" in en and "16 Jan 2024" in en
    assert not en.startswith("None")
    assert html.escape("<") not in visible(render_list_item(article(title="a < b"), "ru"))


def test_a_push_and_a_list_item_name_the_region_the_story_is_about() -> None:
    """A Tomsk story that mentions Moscow and Adygea: the hashtags and region names are
    Tomsk's; an article that only mentions regions still shows them all."""
    tomsk = article(regions=("RU-TOM", "RU-AD", "RU-MOW"), mentioned=("RU-AD", "RU-MOW"))
    push = visible(render_push(tomsk, "ru"))
    assert push.endswith("#Томская_область")
    assert "#Москва" not in push and "#Адыгея" not in push
    line = visible(render_list_item(tomsk, "ru", index=1))
    assert line.endswith("Томская область")
    assert "Москва" not in line.rsplit("·", 1)[-1]
    mentions = article(regions=("RU-AD", "RU-MOW"), mentioned=("RU-AD", "RU-MOW"))
    assert visible(render_push(mentions, "ru")).endswith("#Адыгея #Москва")
