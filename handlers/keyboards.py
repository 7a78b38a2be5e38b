"""Inline keyboards of the subscription browser, /my, suggestions and /settings.

Pure builders: they take what to show (the language, the chat's subscribed codes, the
settings) and return ``InlineKeyboardMarkup``; no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.text.catalogue import FEDERAL_DISTRICTS, Region, by_code, regions_in_district
from bot.text.regions import inflect_region
from handlers.callbacks import HERE, ManageCb, MyCb, RegionCb, SettingsCb, SuggestCb
from storage.subscriptions import ALL_REGIONS, ChatSettings

__all__ = [
    "DIGEST_TIMES",
    "PAGE_SIZE",
    "QUIET_PRESETS",
    "back_row",
    "district_page",
    "districts_keyboard",
    "my_keyboard",
    "page_count",
    "region_label",
    "settings_keyboard",
    "suggestions_keyboard",
]

PAGE_SIZE = 10  # regions per page, two per row
DIGEST_TIMES: tuple[str, ...] = ("07:00", "09:00", "12:00", "18:00", "21:00")
QUIET_PRESETS: tuple[tuple[str, str], ...] = (("22:00", "08:00"), ("23:00", "07:00"))
CHECK = "✅ "

_ALL_LABEL = {"ru": "🇷🇺 Вся Россия", "en": "🇷🇺 All of Russia"}
_BACK = {"ru": "⬅️ Назад", "en": "⬅️ Back"}


def region_label(code: str, lang: str, case: str = "nomn") -> str:
    """A region's name for buttons and lists (``*`` is «Вся Россия»); in Russian, declined
    to ``case`` for a sentence («подписаны на Республику Хакасия»: ``accs``)."""
    if code == ALL_REGIONS:
        label = _ALL_LABEL["en" if lang == "en" else "ru"].removeprefix("🇷🇺 ")
    else:
        region = by_code(code)
        if region is None:
            return code
        label = region.name_en if lang == "en" else region.name
    if lang == "en" or case == "nomn":
        return label
    declined = inflect_region(label, case)
    return declined[:1].lower() + declined[1:] if code == ALL_REGIONS else declined


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def page_count(district_index: int) -> int:
    regions = regions_in_district(FEDERAL_DISTRICTS[district_index].code)
    return max(1, -(-len(regions) // PAGE_SIZE))


def back_row(lang: str, target: tuple[int, int]) -> list[list[InlineKeyboardButton]]:
    """A managed chat's screens end with «Назад» to its menu; none for this chat."""
    x, h = target
    if not x:
        return []
    return [[_button(_BACK["en" if lang == "en" else "ru"], ManageCb(a="o", x=x, h=h).pack())]]


def districts_keyboard(
    lang: str, subscribed: Collection[str], target: tuple[int, int] = HERE
) -> InlineKeyboardMarkup:
    """The federal districts (two per row, with the number of subscribed regions in each)
    and «Вся Россия» (a toggle, ✅ when subscribed)."""
    x, h = target
    rows: list[list[InlineKeyboardButton]] = []
    row: list[InlineKeyboardButton] = []
    for index, fd in enumerate(FEDERAL_DISTRICTS):
        count = sum(1 for r in regions_in_district(fd.code) if r.code in subscribed)
        label = fd.code if lang != "en" else fd.name_en.removesuffix(" Federal District")
        if count:
            label += f" ✅{count}"
        row.append(_button(label, RegionCb(a="d", d=index, p=0, x=x, h=h).pack()))
        if len(row) == 2:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    all_label = _ALL_LABEL["en" if lang == "en" else "ru"]
    if ALL_REGIONS in subscribed:
        all_label = CHECK + all_label
    rows.append([_button(all_label, RegionCb(a="t", d=-1, p=0, c=ALL_REGIONS, x=x, h=h).pack())])
    rows += back_row(lang, target)
    return InlineKeyboardMarkup(inline_keyboard=rows)


def district_page(
    district_index: int,
    page: int,
    lang: str,
    subscribed: Collection[str],
    target: tuple[int, int] = HERE,
) -> tuple[list[Region], InlineKeyboardMarkup]:
    """Page ``page`` (clamped) of a district's regions: toggle buttons, paging, «Назад»."""
    x, h = target
    fd = FEDERAL_DISTRICTS[district_index]
    regions = regions_in_district(fd.code)
    pages = page_count(district_index)
    page = min(max(page, 0), pages - 1)
    shown = regions[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    rows: list[list[InlineKeyboardButton]] = []
    for i in range(0, len(shown), 2):
        rows.append(
            [
                _button(
                    (CHECK if r.code in subscribed else "") + region_label(r.code, lang),
                    RegionCb(a="t", d=district_index, p=page, c=r.code, x=x, h=h).pack(),
                )
                for r in shown[i : i + 2]
            ]
        )
    nav: list[InlineKeyboardButton] = []
    if page > 0:
        nav.append(_button("◀️", RegionCb(a="d", d=district_index, p=page - 1, x=x, h=h).pack()))
    if page < pages - 1:
        nav.append(_button("▶️", RegionCb(a="d", d=district_index, p=page + 1, x=x, h=h).pack()))
    if nav:
        rows.append(nav)
    rows.append(
        [_button(_BACK["en" if lang == "en" else "ru"], RegionCb(a="root", x=x, h=h).pack())]
    )
    return shown, InlineKeyboardMarkup(inline_keyboard=rows)


def suggestions_keyboard(
    regions: Sequence[Region], lang: str, *, unsubscribe: bool = False
) -> InlineKeyboardMarkup:
    """«Вы имели в виду…»: one button per suggested region (up to five)."""
    action = "u" if unsubscribe else "s"
    rows = [
        [_button(region_label(r.code, lang), SuggestCb(a=action, c=r.code).pack())]
        for r in regions[:5]
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def my_keyboard(
    codes: Sequence[str], lang: str, target: tuple[int, int] = HERE
) -> InlineKeyboardMarkup | None:
    """A remove button per subscription (two per row); None when there are none."""
    if not codes:
        return None
    x, h = target
    rows: list[list[InlineKeyboardButton]] = []
    buttons = [
        _button("❌ " + region_label(c, lang), MyCb(a="rm", c=c, x=x, h=h).pack()) for c in codes
    ]
    for i in range(0, len(buttons), 2):
        rows.append(buttons[i : i + 2])
    # Telegram allows 100 buttons; 89 regions and '*' fit.
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _mark(selected: bool, text: str) -> str:
    return CHECK + text if selected else text


def settings_keyboard(
    settings: ChatSettings, lang: str, target: tuple[int, int] = HERE
) -> InlineKeyboardMarkup:
    en = lang == "en"
    x, h = target
    instant = settings.mode == "instant"
    rows: list[list[InlineKeyboardButton]] = [
        [
            _button(
                _mark(instant, "⚡ Instantly" if en else "⚡ Сразу"),
                SettingsCb(x=x, h=h, k="mode", v="instant").pack(),
            ),
            _button(
                _mark(not instant, "📰 Daily digest" if en else "📰 Дайджест раз в день"),
                SettingsCb(x=x, h=h, k="mode", v="digest").pack(),
            ),
        ],
        [
            _button(
                _mark(not instant and settings.digest_time == t, t),
                SettingsCb(x=x, h=h, k="dt", v=t.replace(":", "")).pack(),
            )
            for t in DIGEST_TIMES
        ],
    ]
    quiet = settings.quiet_hours
    quiet_row = [
        _button(
            _mark(quiet is None, "🔔 No quiet hours" if en else "🔔 Без тихих часов"),
            SettingsCb(x=x, h=h, k="q", v="off").pack(),
        )
    ]
    for start, end in QUIET_PRESETS:
        quiet_row.append(
            _button(
                _mark(quiet == (start, end), f"🌙 {start}–{end}"),
                SettingsCb(x=x, h=h, k="q", v=(start + end).replace(":", "")).pack(),
            )
        )
    rows.append(quiet_row)
    if settings.link_previews:
        preview = "🔗 Link previews: on" if en else "🔗 Превью ссылок: вкл."
    else:
        preview = "🔗 Link previews: off" if en else "🔗 Превью ссылок: выкл."
    if settings.pictures:
        pictures = "🖼 Pictures: on" if en else "🖼 Картинки: вкл."
    else:
        pictures = "🖼 Pictures: off" if en else "🖼 Картинки: выкл."
    rows.append(
        [
            _button(
                preview,
                SettingsCb(x=x, h=h, k="lp", v="0" if settings.link_previews else "1").pack(),
            ),
            _button(
                pictures,
                SettingsCb(x=x, h=h, k="pic", v="0" if settings.pictures else "1").pack(),
            ),
        ]
    )
    if settings.mentioned:
        mentioned = "📍 Mentions too: on" if en else "📍 И упоминания: вкл."
    else:
        mentioned = "📍 Mentions too: off" if en else "📍 И упоминания: выкл."
    rows.append(
        [
            _button(
                mentioned,
                SettingsCb(x=x, h=h, k="mn", v="0" if settings.mentioned else "1").pack(),
            )
        ]
    )
    if settings.timezone:
        rows.append(
            [
                _button(
                    "🕒 Zone of my region" if en else "🕒 Пояс моего региона",
                    SettingsCb(x=x, h=h, k="tz", v="auto").pack(),
                )
            ]
        )
    rows += back_row(lang, target)
    return InlineKeyboardMarkup(inline_keyboard=rows)
