"""Cut the non-article parts of a page's text: sidebars, "read also" blocks, adverts, footers.

`main_text(text)` returns the article body. It is the first step of every text-understanding
function (regions, events, summary): a town named in a «Последние новости» sidebar is not what
the article is about, and tagging it would push the article to the wrong subscribers.

Rules, line by line (pure function, no I/O):

* the first line that *is* a tail heading (``Последние новости``, ``Читайте также``, ``Другие
  новости``, ``Новости по теме``, ``Материалы по теме``, ``Популярное``, ``Реклама``,
  ``Поделиться``, ``Комментарии``, ``Подписывайтесь``...) or *starts* like one (``Читайте также:
  ...``) ends the article; it and everything after it are dropped. A heading is only trusted
  after at least one body line, so a text that opens with «Реклама» is not emptied;
  A one-word heading followed by words («Реклама на фасадах запрещена») is an article
  sentence and stays; followed by a colon or a full stop («Теги: Хакасия», «Реклама. ООО...»)
  it ends the article;
* credit lines (``Источник изображения: ...``, ``Источник: ...``, ``Фото: ...``, ``Автор: ...``)
  are dropped whole: on scraped pages they often go on with a copy of the lead (``Источник
  изображения: Муниципалитеты.рф 15 января в Москве стартовал...``), which the next line
  repeats;
* a site engine's widget lines (the Gosuslugi feedback banner of municipal sites, the typo
  reporter «Если Вы заметили ошибку в тексте, выделите...») are dropped whole too: the same
  words on every page, never the article's;
* runs of blank lines collapse; surrounding whitespace is stripped.

The result keeps the original line order and wording, so offsets computed on it are stable
for the same input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["TAIL_HEADINGS", "body_spans", "main_text"]

# Headings that open the non-article tail of a regional portal page (compared lower case,
# without trailing punctuation).
TAIL_HEADINGS: tuple[str, ...] = (
    "последние новости",
    "читайте также",
    "читать также",
    "смотрите также",
    "см. также",
    "другие новости",
    "ещё новости",
    "еще новости",
    "все новости",
    "новости по теме",
    "материалы по теме",
    "по теме",
    "похожие новости",
    "похожие материалы",
    "рекомендуем",
    "рекомендуем прочитать",
    "популярное",
    "популярные новости",
    "самое читаемое",
    "самое популярное",
    "главное за день",
    "лента новостей",
    "новости партнёров",
    "новости партнеров",
    "реклама",
    "на правах рекламы",
    "поделиться",
    "поделиться новостью",
    "комментарии",
    "оставить комментарий",
    "подписывайтесь",
    "подпишитесь",
    "теги",
    "тэги",
    "метки",
    "ключевые слова",
)

# Lines that are credits, not text.
_CREDIT = re.compile(
    r"^\s*(?:источник(?:\s+(?:изображения|фото))?|фото|фотография|иллюстрация|изображение"
    r"|автор(?:\s+фото)?|фото\s+и\s+видео|видео|текст)\s*[:—–-]\s*",
    re.IGNORECASE,
)
# A site engine's widgets, word for word on every page of thousands of sites: the Gosuslugi
# feedback banner of municipal sites («Баннер госуслуги», «Направляемые сообщения не являются
# обращениями граждан, рассматриваемыми в порядке...», «Расскажите о проблеме»), the typo
# reporter («Если Вы заметили ошибку в тексте, выделите необходимый фрагмент и нажмите Ctrl
# Enter»). Prose in form, so nothing else tells them from a lead.
_WIDGET_LINE = re.compile(
    r"^\s*(?:баннер\s+госуслуг\w*\s*$|направляемые\s+сообщения\s+не\s+являются\s+обращени"
    r"|расскажите\s+о\s+проблеме\s*$"
    r"|если\s+вы\s+заметили\s+ошибку[^.!]{0,100}\bctrl)",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_PARAGRAPH = 15  # words: more than a headline has
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
_TRAIL_PUNCT = " \t:.—–-…»«\"'!"
_HEAD_OPENINGS = frozenset(head[:2] for head in TAIL_HEADINGS if len(head) >= 2)


def _is_tail_heading(line: str) -> bool:
    # (most lines: their first two letters open no heading, and the line is not lowered
    # then; a line the stripping below leaves shorter is no heading either)
    if line.lstrip()[:2].lower()[:2] not in _HEAD_OPENINGS:
        return False
    low = line.strip().lower().rstrip(_TRAIL_PUNCT).strip()
    if not low or not low.startswith(TAIL_HEADINGS):
        return False  # most lines: no heading starts them (one C-level check for all)
    if low in TAIL_HEADINGS:
        return True
    # "Читайте также: ...", "Реклама. ООО ...", "Поделиться в VK" — a heading followed by text.
    for head in TAIL_HEADINGS:
        if not low.startswith(head):
            continue
        rest = low[len(head) :]
        if rest[:1] in {":", "."} and len(rest) < 300:  # «Теги: Хакасия», «Реклама. ООО...»
            return True
        # «Читайте также в разделе...»; one-word heads need the colon: «Реклама на фасадах
        # запрещена» is an article sentence.
        if " " in head and rest[:1] in {" ", "—", "–", "-"} and len(rest) < 120:
            return True
    return False


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` and its offset, as ``_LINE`` reads them (but for the empty one
    it may read last, at the very end: an empty line is skipped anyway)."""
    if "\r" in text:
        for m in _LINE.finditer(text):
            yield m.start(1), m.group(1)
        return
    start = 0  # (most texts: «\n» alone breaks lines, and ``split`` reads them at once)
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def body_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets in ``text`` of the lines that belong to the article body.

    Same rules as `main_text`; offsets refer to ``text`` itself, so a tagger can scan the
    original string and report positions in it while ignoring sidebars and credits.
    """
    spans: list[tuple[int, int]] = []
    lines_seen = 0  # lines of two words or more
    seen_body = False
    for start, line in _lines(text):
        if not line.strip():
            continue
        if seen_body and _is_tail_heading(line):
            break
        # Credits carry no article text; scraped pages often glue the lead's copy to them.
        if _CREDIT.match(line) or _WIDGET_LINE.match(line):
            continue
        spans.append((start, start + len(line.rstrip())))
        # A date, a counter or a menu word above the headline is not the body yet: a «Теги»
        # right after «18.09.2013 00:00» heads the page, not its tail. Nor is a headline
        # alone: «Поделиться:» right under «Памятная дата» is the page's share bar; the tail
        # comes after a second line, a sentence or a paragraph.
        if not seen_body:  # (counted until the body starts: most lines are past it)
            words = len(_WORDS.findall(line, 0, 400))
            lines_seen += words >= 2
            seen_body = words >= 2 and (
                lines_seen >= 2 or words >= _PARAGRAPH or line.rstrip().endswith((".", "…"))
            )
    return spans


def main_text(text: str) -> str:
    """Return the article body of ``text`` without sidebars, "read also" tails and credits.

    >>> main_text("Новость о Хакасии.\\nПоследние новости\\nВеликий Новгород: сервисы")
    'Новость о Хакасии.'
    """
    out: list[str] = []
    prev_end = -1
    for start, end in body_spans(text):
        # Keep one blank line where the source had blank lines between kept lines.
        if (
            out
            and not text[prev_end:start].strip(" \t\r\n")
            and text.count("\n", prev_end, start) > 1
        ):
            out.append("")
        out.append(text[start:end])
        prev_end = end
    return "\n".join(out).strip()
