"""The faster scans of the event vocabulary (bot.text.events.scan) find exactly what ``re``
finds, on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from bot.text.events import lexicon, scan, status
from bot.text.events.scan import AlternationScan, Caseless, caseless
from bot.text.summary import sentences

SENTENCES = [
    "В Абакане прошла сессия Совета депутатов.",
    "Непубличные слушания и полукруглый стол: в общественных обсуждениях участвовали жители.",
    "Публичные слушания по проекту бюджета пройдут 5 мая в 15:00.",
    "На Третьем Совете муниципалитетов обсудили подготовку ко Дню города.",
    "Этнофорум «Родные просторы» и медиафорум соберут гостей; фотовыставка откроется в парке.",
    "Губернатор встретился с жителями посёлка, а вечером зажгли главную ёлку.",
    "Матч «Зауралье» – «Ермак» перенесли; команда обыграла «Амур» со счётом 3:1.",
    "ФЕСТИВАЛЬ ОТМЕНЁН! Концерт не состоится, ярмарок не будет.",
    "Сход граждан в хуторе, сход лавины и сход-развал: сходы бывают разные.",
    "",
    "1.",
    "праздник",
]
# Characters that only case-insensitive matching folds: the old rounded «ᲀ» is «в», the long
# «ſ» is «s», the Kelvin sign is «k»; a dotted «İ» lower-cases to two characters.
ODD = ["ᲀстреча прошла", "Праздник ſostoялся", "Kонцерт отменён", "İ прошла сессия", "Σ пройдёт"]


def _spans(found: object) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in found]  # type: ignore[attr-defined]


# Every kind as a named group, earlier kinds winning at a position: what the scan must find.
ANY_KIND = re.compile("|".join(f"(?P<k{i}>{rx})" for i, (_, rx) in enumerate(lexicon.KINDS)))


@pytest.mark.parametrize("compile_after", [1, 1000])
@pytest.mark.parametrize("text", SENTENCES + ODD)
def test_kind_scan_finds_what_the_alternation_finds(
    text: str, compile_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each start's own pattern at once (1), or the whole alternation there all along (1000).
    monkeypatch.setattr(scan, "_COMPILE_AFTER", compile_after)
    kind_scan = AlternationScan([(f"k{i}", rx) for i, (_, rx) in enumerate(lexicon.KINDS)])
    for sample in (text, text.lower()):
        assert _spans(kind_scan.finditer(sample)) == _spans(ANY_KIND.finditer(sample))
        one = kind_scan.search(sample)
        first = ANY_KIND.search(sample)
        assert (one and (one.span(), one.lastgroup)) == (first and (first.span(), first.lastgroup))


def test_every_kind_starts_at_a_word_or_a_literal() -> None:
    # Otherwise the scan falls back to the whole alternation: the same kinds, slower.
    assert lexicon._KIND_SCAN._starts is not None


def test_an_alternative_that_may_start_anywhere_falls_back() -> None:
    scan = AlternationScan([("a", r"\bярмар\w*"), ("b", r"\w*фест\w*")])
    assert scan._starts is None
    text = "Арт-фестиваль и ярмарка"
    assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))


@pytest.mark.parametrize(
    "pattern",
    [
        lexicon._REPORT,
        lexicon._PLAN,
        lexicon._CANCEL,
        lexicon._POSTPONE,
        lexicon._INCIDENT,
        status._HABITUAL,
        re.compile(r"\bвстреч\w*|\bsostoя\w*|\bkонцерт\w*|\bi\b", re.IGNORECASE),
    ],
)
def test_caseless_scan_finds_what_ignorecase_finds(pattern: re.Pattern[str]) -> None:
    scan = Caseless(pattern)
    assert scan._twin is not None
    for text in SENTENCES + ODD:
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        one, first = scan.search(text), pattern.search(text)
        assert (one and one.span()) == (first and first.span())


def test_caseless_keeps_the_pattern_for_capitals_and_extra_cases() -> None:
    assert Caseless(re.compile(r"\bДень\b", re.IGNORECASE))._twin is None
    assert Caseless(re.compile(r"ᲀ", re.IGNORECASE))._twin is None
    assert Caseless(re.compile(r"праздник"))._twin is None  # not case-insensitive at all
    assert caseless(lexicon._REPORT) is caseless(lexicon._REPORT)


def test_sentences_of_a_line_read_again_are_the_same() -> None:
    text = "Первая строка. Вторая фраза!\nФото: ТАСС\nТретья строка т. е. одна фраза."
    by_line = [s for line in text.splitlines() for s in sentences(line)]
    assert sentences(text) == sentences(text) == by_line
    assert "Фото: ТАСС" not in by_line
