"""Extractive summaries: sentence choice, limits, title and tail handling."""

from __future__ import annotations

from bot.text.summary import MAX_CHARS, sentences, summarize_article, summarize_texts
from tests.support.shared import SEED, SEED_TITLE, read_shared


def _seed_text() -> str:
    return read_shared(SEED)


def test_seed_summary_is_three_to_five_sentences_within_limit() -> None:
    summary = summarize_article(SEED_TITLE, _seed_text())
    parts = sentences(summary)
    assert 3 <= len(parts) <= 5
    assert len(summary) <= MAX_CHARS


def test_seed_summary_leads_with_the_forum_and_keeps_facts() -> None:
    summary = summarize_article(SEED_TITLE, _seed_text())
    first = sentences(summary)[0]
    assert "Малая родина - сила России" in first
    assert "15 января" in summary


def test_seed_summary_has_no_title_credit_sidebar_or_advert() -> None:
    summary = summarize_article(SEED_TITLE, _seed_text())
    assert not summary.startswith("Завершилась Деловая программа")
    assert "Источник изображения" not in summary
    assert "Великий Новгород" not in summary
    assert "Частотный преобразователь" not in summary
    assert "антибиотиков" not in summary


def test_short_text_gives_fewer_sentences() -> None:
    text = "В Абакане открыли новый сквер у городской библиотеки. Работы шли два месяца."
    summary = summarize_article("Сквер в Абакане", text)
    assert sentences(summary) == [
        "В Абакане открыли новый сквер у городской библиотеки.",
        "Работы шли два месяца.",
    ] or sentences(summary) == [
        "Работы шли два месяца.",
        "В Абакане открыли новый сквер у городской библиотеки.",
    ]


def test_empty_text_gives_empty_summary() -> None:
    assert summarize_article("Заголовок", "") == ""
    assert summarize_article("Заголовок", "Заголовок") == ""


def test_title_overlap_raises_a_sentence() -> None:
    text = (
        "Погода в субботу была солнечной и тёплой для всех жителей города.\n"
        "Горожане гуляли в парках и на набережной, собирались семьями.\n"
        "Дети катались на велосипедах по новым дорожкам в сквере.\n"
        "Депутаты городского совета Абакана утвердили бюджет на 2025 год в размере 9 млрд рублей.\n"
        "Вечером прошёл небольшой дождь, но он не испортил настроения.\n"
        "Синоптики обещают похожую погоду на следующей неделе.\n"
        "В воскресенье в городе продолжатся ярмарки выходного дня.\n"
    )
    summary = summarize_article("Депутаты Абакана утвердили бюджет", text)
    assert sentences(summary)[0].startswith("Депутаты городского совета Абакана")


def test_long_single_sentence_is_cut_to_the_limit() -> None:
    text = "Собрание " + "очень " * 300 + "долгое."
    summary = summarize_article("Собрание", text)
    assert 0 < len(summary) <= MAX_CHARS
    assert summary.endswith("…")


def test_limit_holds_for_many_long_sentences() -> None:
    body = "\n".join(
        [
            "Сессия Совета депутатов района прошла в Доме культуры посёлка Прибрежный и "
            "продолжалась почти шесть часов, с перерывом на обед и короткими паузами.",
            "Депутаты утвердили бюджет района на 2025 год: доходы составят 1,2 млрд рублей, "
            "расходы превысят их на 40 млн рублей из-за ремонта дорог и мостов.",
            "Глава района Иван Петров доложил о строительстве двух школ и детского сада, "
            "которое идёт по графику и закончится к сентябрю будущего года.",
            "Жители, пришедшие на заседание, жаловались на редкие автобусы до райцентра, "
            "отсутствие уличного освещения и разбитые тротуары в новых микрорайонах.",
            "Комитет по экономике предложил продлить льготы для фермеров и малого бизнеса, "
            "а также упростить аренду муниципальных помещений для предпринимателей.",
            "Прокурор района напомнил о сроках подачи деклараций о доходах депутатами, "
            "и нескольким из них вынесли предупреждения за опоздание с отчётами.",
            "Газификация частных домов в сёлах Заречное и Луговое завершится в 2026 году, "
            "сообщил представитель газовой компании, отвечая на вопросы собравшихся.",
            "Лесничество отчиталось о подготовке к пожароопасному сезону и закупке техники, "
            "включая три новых пожарных автомобиля и десятки ранцевых огнетушителей.",
        ]
        * 2
    )
    summary = summarize_article("Сессия совета", body)
    assert len(summary) <= MAX_CHARS
    assert 3 <= len(sentences(summary)) <= 5


def test_summarize_texts_does_not_repeat_a_sentence_across_portals() -> None:
    a = (
        "В Абакане прошла сессия Совета депутатов города.\n"
        "Депутаты утвердили бюджет на 2025 год объёмом 9 млрд рублей.\n"
        "Также обсудили ремонт дорог."
    )
    b = (
        "Депутаты утвердили бюджет на 2025 год объемом 9 млрд рублей!\n"
        "На сессии присутствовал глава города Алексей Лемин.\n"
        "Следующее заседание назначено на март."
    )
    summary = summarize_texts([a, b], "Сессия Совета депутатов Абакана")
    assert summary.count("бюджет на 2025 год") == 1
    assert "Лемин" in summary
    assert len(summary) <= MAX_CHARS


def test_summarize_texts_of_nothing_is_empty() -> None:
    assert summarize_texts([], "x") == ""


def test_a_summary_reads_the_opening_of_a_long_article() -> None:
    from bot.text.summary import MAX_TEXT, opening

    filler = "Жители посёлка обсуждали погоду и урожай картофеля в этом году. " * 60
    late = "Отопительный сезон в посёлке Заречном начнётся 1 октября 2026 года."
    text = "Администрация района сообщила о подготовке к зиме.\n" + filler + late
    assert len(text) > 2 * MAX_TEXT
    summary = summarize_article("Отопительный сезон начнётся 1 октября", text)
    assert "Отопительный сезон" not in summary  # after the opening: not read
    assert summary.startswith("Администрация района сообщила")
    # The opening ends at a sentence's end past the limit, never inside a sentence.
    head = opening(text)
    assert MAX_TEXT <= len(head) < MAX_TEXT + 100
    assert head.endswith(".")
    short = "Короткая заметка. Всего две фразы."
    assert opening(short) == short
