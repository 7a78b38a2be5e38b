"""The ingest's faster paths give exactly what the plain ones gave.

Sentences (``bot.text.sentenize`` against razdel's ``sentenize``), word tokens, near-copy
fingerprints computed from a text's stems, the MinHash signature, the summary's sentence
whitespace and capitalised words, tidy's skipped passes; and feedparser's win-1252 fix-up of
C1 controls, which the parser relies on.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import struct

import pytest
from razdel import sentenize, tokenize

from bot.ingest import dedup, normalise
from bot.ingest.parse import decode, parse_feed
from bot.text import summary
from bot.text.regions.tokens import razdel_tokens
from bot.text.sentenize import split_sentences
from bot.text.stems import stem, words

_TRICKY = [
    "",
    "   ",
    "В Абакане (Республика Хакасия) прошёл форум. Глава города выступил.",
    "Т.е. это не конец. Т. е. и это. См. рис. 2. Далее — текст.",
    "Иванов И. И. приехал в г. Абакан. Он сказал: «Всё хорошо». Потом уехал!",
    "1) первый пункт. 2) второй пункт. а) подпункт. II. Раздел. IV. Раздел.",
    "Он спросил: «Когда?» — и ушёл… Затем вернулся?! Да.",
    'Цитата "в кавычках." Следующее. „Немецкие“ кавычки. «Вложенные „кавычки“».',
    "Смайлы :-) и ;) и =((( в тексте. Конец :)",
    "Цена 7.5 тыс. руб. в год. Рост на 3,5 %. Итого 1 100 мест.",
    "Mr. Smith went to St. Petersburg, e.g. by train. He left.",
    "Текст (в скобках.) Дальше [ещё.] И {фигурные.} Конец",
    "Вопрос? — ответ. Восклицание! — реплика. Многоточие… — пауза.",
    "т. к. было поздно. и т.д. и т.п. Новое предложение.",
]
_CHARS = "абвгдеёжзийклмнАБВГДЕЁЖЗИЙКЛМНabcXYZ0123456789 .,!?…;:\"'„“”«»’)]}([{—–-§"
_MARKS = [" ", "  ", "\n", ":-)", ";)", "=(((", "т.е.", "г.", "ул.", "им.", "А.", "II.", "1)", "а)"]
_PIECES = [*_CHARS, *_MARKS]


def _fuzz(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) + rng.choice(("", " ", "")) for _ in range(rng.randint(1, 40)))
        for _ in range(n)
    ]


@pytest.mark.parametrize("text", _TRICKY)
def test_sentences_are_razdels(text: str) -> None:
    assert split_sentences(text) == [s.text for s in sentenize(text)]


def test_sentences_are_razdels_on_random_text() -> None:
    texts = _fuzz(3000, seed=5)
    mismatches = [t for t in texts if split_sentences(t) != [s.text for s in sentenize(t)]]
    assert mismatches == []


def _razdels_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + t.start, start + t.stop, t.text) for t in tokenize(text[start:end])]


_SPACES = ["\t", "\u00a0", "\u2009", "\r\n", "\u3000"]
# The Kelvin sign and the long s: Latin letters to the case-blind [a-z] of razdel's atoms.
_ODD = ["\u212a", "\u017f", "٣", "²", "🙂", "_", "__", "--", "**", "1/2", "3\\4", "1.5", "2,5"]


@pytest.mark.parametrize("text", _TRICKY)
def test_region_tokens_are_razdels(text: str) -> None:
    assert razdel_tokens(text, 0, len(text)) == _razdels_tokens(text, 0, len(text))


def test_region_tokens_are_razdels_on_random_text() -> None:
    rng = random.Random(8)
    pieces = [*_PIECES, *_SPACES, *_ODD]
    mismatches = []
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        if razdel_tokens(text, start, end) != _razdels_tokens(text, start, end):
            mismatches.append((text, start, end))
    assert mismatches == []


def test_region_atoms_are_razdels_on_every_character() -> None:
    """The atom classes spelled out (no case-insensitive match) take what razdel's take."""
    from razdel.segmenters.tokenize import ATOM

    from bot.text.regions.tokens import _SPACED_ATOM

    razdels = re.compile(r"(\s*)(?:" + ATOM.pattern + ")", ATOM.flags)
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for k in range(0, len(chars), 4096):
        chunk = " ".join(chars[k : k + 4096])  # each character an atom of its own
        assert _SPACED_ATOM.findall(chunk) == razdels.findall(chunk)
        glued = chars[k : k + 4096]  # and next to each other
        assert _SPACED_ATOM.findall(glued) == razdels.findall(glued)


def test_region_tokens_of_glued_marks_are_razdels() -> None:
    """Lines that take the fast path (no atoms razdel may glue) and lines that do not."""
    rng = random.Random(11)
    alphabet = [*'Аб вГ-–—_!.,/\\12«»"()ü?:;xY', "  ", "Москва", "-й", "14.00", "Улан-Удэ"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        assert razdel_tokens(text, 0, len(text)) == [
            (t.start, t.stop, t.text) for t in tokenize(text)
        ]


def test_sentences_split_a_plain_text() -> None:
    assert split_sentences("Первое предложение. Второе! Третье?") == [
        "Первое предложение.",
        "Второе!",
        "Третье?",
    ]


def _words_one_by_one(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in re.findall(r"[0-9A-Za-zА-Яа-яЁё]+", text)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "!!!",
        "Ёлки в ЁКАТЕРИНБУРГЕ, 2026 год; Tomsk-2 и ПРОЕКТ «Ёж»",
        "İstanbul, Kelvin \u212a, straße, ΣΊΣΥΦΟΣ, ﬁnal, Ǆ, ß — not one-to-one lower cases",
        "слово\u00a0слово\tслово\nслово",
    ],
)
def test_words_fold_like_one_word_at_a_time(text: str) -> None:
    assert words(text) == _words_one_by_one(text)


def test_words_on_random_text() -> None:
    rng = random.Random(9)
    alphabet = "AaZzАаЯяЁёİı\u212aßΣς0129 -,.\n"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert words(text) == _words_one_by_one(text)


def _shingles_one_by_one(text: str) -> frozenset[int]:
    tokens = [stem(w) for w in words(text)]
    return frozenset(
        int.from_bytes(hashlib.blake2b(f"{a} {b}".encode(), digest_size=8).digest(), "big")
        for a, b in itertools.pairwise(tokens)
    )


def test_fingerprints_from_stems_are_the_texts() -> None:
    text = (
        "В Абакане (Республика Хакасия) открыли новую школу на 1 100 мест. Ёлку поставили"
        " у школы; Tomsk и Abakan — города-побратимы."
    )
    expected = _shingles_one_by_one(text)
    assert len(expected) > 10
    assert dedup.shingles(text) == expected
    assert dedup.shingles_of([stem(w) for w in words(text)]) == expected
    assert dedup.shingles_of_joined(" ".join(stem(w) for w in words(text))) == expected
    assert dedup.words_hash(words(text)) == dedup.content_hash(text)


def test_fingerprints_of_repeated_pairs_and_short_texts() -> None:
    # A recurring pair is hashed once; no word or one word has no pair.
    for text in ("в области и в области снова в области", "Абакан", ""):
        expected = _shingles_one_by_one(text)
        assert dedup.shingles(text) == expected
        assert dedup.shingles_of([stem(w) for w in words(text)]) == expected
        assert dedup.shingles_of_joined(" ".join(stem(w) for w in words(text))) == expected


def _tidy_plain(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = normalise.strip_invisible(normalise._CONTROL.sub("", text))
    lines = [normalise._SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def test_tidy_is_the_plain_passes() -> None:
    rng = random.Random(4)
    alphabet = "aБ  \n\n\r\t\x00\x1f\x7f\x85\u00a0\u2003\u200b\u200d\u202e\u2028\u3000\ufeffא"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert normalise.tidy(text) == _tidy_plain(text)


def test_summary_whitespace_is_res() -> None:
    rng = random.Random(5)
    alphabet = "аБ z.\t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2007\u2028\u3000\u200b"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert summary._norm(text) == re.sub(r"\s+", " ", text).strip()


def test_summary_capitals_are_the_plain_patterns() -> None:
    # The look-behinds first, as a reader writes the rule.
    plain = re.compile(r"(?<![.!?]\s)(?<!^)\b[А-ЯЁA-Z][а-яёa-z]{2,}")
    rng = random.Random(6)
    alphabet = "АаЯяЁёAaZz1_-«» .!?\n\t"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert summary._CAPITAL.findall(text) == plain.findall(text)
    text = "Глава Абакана сказал. Затем Хакасия и Tomsk! Новое: Томск, Ёлки-Палки (Чита)"
    assert summary._CAPITAL.findall(text) == plain.findall(text) == [
        "Абакана", "Хакасия", "Tomsk", "Томск", "Ёлки", "Палки", "Чита",
    ]  # fmt: skip


def _band_keys_one_by_one(sh: frozenset[int]) -> list[tuple[int, int]]:
    sig = dedup.signature(sh)
    keys = []
    for band in range(dedup.BANDS):
        rows = sig[band * dedup.ROWS : (band + 1) * dedup.ROWS]
        data = struct.pack(f">{dedup.ROWS}Q", *(r & ((1 << 64) - 1) for r in rows))
        key = int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")
        keys.append((band, key - (1 << 64) if key >= 1 << 63 else key))
    return keys


def test_band_keys_are_band_by_band() -> None:
    rng = random.Random(8)
    for n in (0, 1, 3, 40, 400):
        sh = frozenset(rng.getrandbits(64) for _ in range(n))
        assert dedup.band_keys(sh) == _band_keys_one_by_one(sh)


def _signature_one_by_one(sh: frozenset[int]) -> list[int]:
    mins = [(1 << 59) - 1] * dedup.BUCKETS
    for h in sh:
        mins[h & (dedup.BUCKETS - 1)] = min(mins[h & (dedup.BUCKETS - 1)], h >> 5)
    if not sh:
        return mins
    out = list(mins)
    for i in range(dedup.BUCKETS):
        step = 0
        while out[i] == (1 << 59) - 1:
            step += 1
            donor = mins[(i + step) % dedup.BUCKETS]
            if donor != (1 << 59) - 1:
                out[i] = donor + step * (1 << 59)
    return out


def test_signature_keeps_each_buckets_least_value() -> None:
    rng = random.Random(4)
    for n in [0, 1, 2, 5, 31, 32, 33, 100, 400]:
        sh = frozenset(rng.getrandbits(64) for _ in range(n))
        assert dedup.signature(sh) == _signature_one_by_one(sh)


def test_feed_with_c1_controls_reads_them_as_windows_1252() -> None:
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>\u0093Абакан\u0094 \u0096 форум</title><link>https://e.example/1</link>"
        "<description>Текст \u0085 и всё.</description></item></channel></rss>"
    )
    [item] = parse_feed(decode(xml.encode("utf-8"))).items
    assert item.title == "\u201cАбакан\u201d \u2013 форум"
    assert item.text == "Текст \u2026 и всё."


def test_region_may_join_fast_finds_what_the_plain_pattern_finds() -> None:
    """The one-class-first pattern (letters and spaces skipped in C) matches at the same place
    as one branch per class would."""
    from bot.text.regions.tokens import _LAT, _MAY_JOIN_FAST, _PUNCT, _RU

    dash = r"\u2011\u2013\u2014\u2212\-_!"
    plain = re.compile(
        rf"[^\s{_RU}{_LAT}\d{_PUNCT}]|[{_PUNCT}][{_PUNCT}]"
        rf"|[{dash}](?:\S|(?<=\S[{dash}]))|\d[.,/\\]|[.,/\\]\d"
    )
    rng = random.Random(13)
    alphabet = [*'аБ zZ1.,/\\-–—‑−!_?«»"()\u00a0+*#%€ёЁ\t', "🙂", "²", "Улан-Удэ", "14.00"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        a, b = plain.search(text, start, end), _MAY_JOIN_FAST.search(text, start, end)
        assert (a and a.start()) == (b and b.start()), (text, start, end)


def test_region_lines_with_many_small_letters_are_not_in_capitals() -> None:
    """`_many_lower` (which spares counting a line's capitals) never passes over a line the
    tokens' rule reads as written in capitals."""
    from bot.text.regions.tokens import _many_lower

    def shout(line: str) -> bool:
        letters = "".join(filter(str.isalpha, line))
        return len(letters) >= 8 and sum(map(str.isupper, letters)) > 0.7 * len(letters)

    rng = random.Random(17)
    alphabet = [*"абвгдАБВГДabcABC ёЁ1.,-ǅΣσßİ", "ПОЖАР", "в"]
    for _ in range(30000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        if _many_lower(line, 0, len(line)):
            assert not shout(line), line


def test_region_marks_not_read_change_nothing() -> None:
    """A one-character mark outside `_MARKS_READ` is no quote and ends no sentence, whatever
    quote is open: the tokens skip `_mark` for it."""
    from bot.text.regions.tokens import _MARKS_READ, Quote, Word, _mark

    words = [Word("г", 0, 1, True, False, -1, False, False)]
    for code in range(0x3000):
        mark = chr(code)
        if mark in _MARKS_READ or mark.isalnum() or mark.isspace():
            continue
        for opener in ("", "«", '"', "„", "“"):
            stack = [(0, opener)] if opener else []
            quotes: list[Quote] = []
            text = "слово" + mark
            assert not _mark(text, 0, 5, mark, stack=stack, quotes=quotes, words=words)
            assert stack == ([(0, opener)] if opener else []) and quotes == []


def test_tail_headings_read_by_their_opening_letters() -> None:
    """The two-letter look before lowering a line decides as the whole rule would."""
    from bot.text.clean import TAIL_HEADINGS, _is_tail_heading

    def plain(line: str) -> bool:  # the rule as it read before the look
        low = line.strip().lower().rstrip(" \t:.—–-…»«\"'!").strip()
        if not low or not low.startswith(TAIL_HEADINGS):
            return False
        if low in TAIL_HEADINGS:
            return True
        for head in TAIL_HEADINGS:
            if not low.startswith(head):
                continue
            rest = low[len(head) :]
            if rest[:1] in {":", "."} and len(rest) < 300:
                return True
            if " " in head and rest[:1] in {" ", "—", "–", "-"} and len(rest) < 120:
                return True
        return False

    lines = [" ", "Т", "Т.", "  Теги: Хакасия", "ТЕГИ", "İstanbul", "Σ теги", "«Теги»", "В Абакане"]
    lines += [h.upper() for h in TAIL_HEADINGS] + [f" {h.title()}: текст" for h in TAIL_HEADINGS]
    for line in lines:
        assert _is_tail_heading(line) == plain(line), line


def test_people_names_are_read_by_four_letters() -> None:
    """`_people_adjectives` looks up a word's first four letters: every people's name has
    four letters or more, so the look finds each word that starts with one."""
    from bot.text.regions.lexicon import ETHNONYMS
    from bot.text.regions.tagger import _PEOPLE_STARTS

    assert all(len(name) >= 4 for name in ETHNONYMS)
    assert {name[:4] for name in ETHNONYMS} == _PEOPLE_STARTS


def test_body_lines_are_the_patterns() -> None:
    """A text broken by «\n» alone is split, not matched line by line: the same lines."""
    from bot.text.clean import _LINE, _lines

    rng = random.Random(19)
    pieces = ["\n", "\r\n", "\r", " ", "  ", "Теги: Хакасия", "Абакан", "Фото: ТАСС", "Текст."]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        plain = [(m.start(1), m.group(1)) for m in _LINE.finditer(text)]
        assert [x for x in _lines(text) if x[1]] == [x for x in plain if x[1]], repr(text)
