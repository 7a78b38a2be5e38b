"""Keyboards: every callback_data fits Telegram's 64 bytes and unpacks to what it shows."""

from __future__ import annotations

import itertools

import pytest
from aiogram.types import InlineKeyboardMarkup

from bot.text.catalogue import FEDERAL_DISTRICTS, REGIONS
from handlers.callbacks import MyCb, RegionCb, SettingsCb, SuggestCb, fits
from handlers.keyboards import (
    DIGEST_TIMES,
    PAGE_SIZE,
    district_page,
    districts_keyboard,
    my_keyboard,
    page_count,
    settings_keyboard,
    suggestions_keyboard,
)
from handlers.settings import button_changes
from storage.subscriptions import ALL_REGIONS, ChatSettings

ALL_CODES = frozenset(r.code for r in REGIONS) | {ALL_REGIONS}


def _data(markup: InlineKeyboardMarkup | None) -> list[str]:
    assert markup is not None
    out: list[str] = []
    for row in markup.inline_keyboard:
        for button in row:
            assert button.callback_data is not None
            out.append(button.callback_data)
    return out


def _all_browser_keyboards(lang: str, subscribed: frozenset[str]) -> list[InlineKeyboardMarkup]:
    boards = [districts_keyboard(lang, subscribed)]
    for index in range(len(FEDERAL_DISTRICTS)):
        for page in range(page_count(index)):
            boards.append(district_page(index, page, lang, subscribed)[1])
    return boards


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("subscribed", [frozenset(), ALL_CODES])
def test_every_browser_button_fits_and_unpacks(lang: str, subscribed: frozenset[str]) -> None:
    for board in _all_browser_keyboards(lang, subscribed):
        for data in _data(board):
            assert fits(data), data
            RegionCb.unpack(data)  # raises if the shape is wrong


def test_pages_cover_each_region_exactly_once() -> None:
    seen: list[str] = []
    for index in range(len(FEDERAL_DISTRICTS)):
        pages = page_count(index)
        for page in range(pages):
            shown, board = district_page(index, page, "ru", set())
            assert 0 < len(shown) <= PAGE_SIZE
            toggles = [RegionCb.unpack(d) for d in _data(board) if d.startswith("rg:t:")]
            assert [t.c for t in toggles] == [r.code for r in shown]
            assert all(t.d == index and t.p == page for t in toggles)
            nav = {(c.a, c.p) for c in map(RegionCb.unpack, _data(board)) if c.a == "d"}
            expected = set()
            if page > 0:
                expected.add(("d", page - 1))
            if page < pages - 1:
                expected.add(("d", page + 1))
            assert nav == expected
            assert RegionCb(a="root").pack() in _data(board)  # «Назад»
            seen += [t.c for t in toggles]
    assert sorted(seen) == sorted(r.code for r in REGIONS)
    assert len(REGIONS) == 89
    assert max(page_count(i) for i in range(len(FEDERAL_DISTRICTS))) >= 2


def test_pages_out_of_range_are_clamped() -> None:
    last = page_count(0) - 1
    assert district_page(0, 99, "ru", set())[0] == district_page(0, last, "ru", set())[0]
    assert district_page(0, -3, "ru", set())[0] == district_page(0, 0, "ru", set())[0]


def test_subscribed_regions_are_marked() -> None:
    _, board = district_page(6, 0, "ru", {"RU-KK"})  # СФО
    labels = [b.text for row in board.inline_keyboard for b in row]
    assert any(label == "✅ Республика Хакасия" for label in labels)
    assert sum(label.startswith("✅") for label in labels) == 1
    root = districts_keyboard("ru", {"RU-KK", ALL_REGIONS})
    root_labels = [b.text for row in root.inline_keyboard for b in row]
    assert "СФО ✅1" in root_labels and "✅ 🇷🇺 Вся Россия" in root_labels


def test_my_and_suggestion_buttons_fit_for_every_region() -> None:
    codes = sorted(ALL_CODES)
    for data in _data(my_keyboard(codes, "ru")):
        assert fits(data) and MyCb.unpack(data).c in ALL_CODES
    assert my_keyboard([], "ru") is None
    for lang, unsubscribe in itertools.product(("ru", "en"), (False, True)):
        for start in range(0, len(REGIONS), 5):
            chunk = REGIONS[start : start + 5]
            for data in _data(suggestions_keyboard(chunk, lang, unsubscribe=unsubscribe)):
                cb = SuggestCb.unpack(data)
                assert fits(data) and cb.a == ("u" if unsubscribe else "s")


@pytest.mark.parametrize(
    "settings",
    [
        ChatSettings(chat_id=1),
        ChatSettings(
            chat_id=1,
            mode="digest",
            digest_time="21:00",
            timezone="Asia/Krasnoyarsk",
            quiet_start="23:00",
            quiet_end="07:00",
            link_previews=False,
        ),
    ],
)
def test_settings_buttons_fit_and_are_accepted(settings: ChatSettings) -> None:
    datas = _data(settings_keyboard(settings, "ru"))
    for data in datas:
        assert fits(data)
        assert button_changes(SettingsCb.unpack(data)) is not None, data
    digest = {SettingsCb.unpack(d).v for d in datas if d.startswith("st:dt:")}
    assert digest == {t.replace(":", "") for t in DIGEST_TIMES}
    if settings.timezone:
        assert SettingsCb(k="tz", v="auto").pack() in datas


def test_fits_counts_bytes_not_characters() -> None:
    assert fits("я" * 32) and not fits("я" * 33)
    assert not fits("")
