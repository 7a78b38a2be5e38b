"""A village's own name, as written, after a village word: the village of the catalogue,
not a town its form resembles nor other villages the dictionary's guessed lemmas name. On
sentences written for these tests, with villages of ``bot/text/data/villages.tsv``."""

from __future__ import annotations

import pytest

from bot.text.regions import tag_regions


def codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Кадниково (Алтайский край), not the town Кадников (Вологодская область)
        ("Жители деревни Кадниково собрались на сход.", {"RU-ALT"}),
        ("В селе Кадниково открыли клуб.", {"RU-ALT"}),
        # Морцы (Саратовская): the guessed lemma «морец» is no village of its own
        ("Жители села Морцы собрались на сход.", {"RU-SAR"}),
        # Илев (Нижегородская): the guessed lemma «илеть» names a village of Марий Эл
        ("В посёлке Илев отремонтировали дорогу.", {"RU-NIZ"}),
        ("Глава администрации д. Севостьяново провёл приём.", {"RU-TVE"}),
    ],
)
def test_village_named_as_written(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В Кадникове открыли школу.", {"RU-VLG"}),  # the town, with no village word
        ("Праздник прошёл в с. Татарское.", set()),  # an adjective's name many villages share
        ("В поселке Ульяновское потушили пожар.", set()),
        ("Морцы вышли в море на рассвете.", set()),  # no village word: a common noun
    ],
)
def test_controls(text: str, expected: set[str]) -> None:
    assert codes(text) == expected
