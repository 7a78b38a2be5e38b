"""Event detection quality on real news: detection, non-events and status, per split.

    .venv/bin/python -m bench.eval_events [--texts PATH] [--split dev|aside] [-v]

Real news (the figures that count): labels live in the repository
(``bench/data/realnews_labels.jsonl``: one record per text, without the text, each with
``"split": "dev" | "aside" | "dev2" | "aside2"``); the texts are third-party and stay
outside it: ``--texts PATH``,
else ``$NEWSBOT_REALNEWS_TEXTS``, else ``../devsets/texts.jsonl`` beside the repository. When
the texts are absent this prints one line saying so and goes on. Per split it prints

* event detection: precision, recall, F1 (an event is held, announced, cancelled or postponed);
* non-events: F1 with the negatives as the positive class;
* status: the share of detected true events whose status (held, announced, cancelled,
  postponed) is right.

The ``dev`` split is for tuning; ``aside`` is kept for a final measurement only.

Then the older sets, when present: the project's own short texts
(``tests/data/events_devset.jsonl``, written for the project and tuned on, so optimistic) and
the 21 labelled items in ``../shared/data/regions-dev.jsonl`` (read in place). ``-v`` prints
every miss. Exit code 0 always: this prints figures, it does not gate.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.text.events import detect_event
from tests.paths import REGIONS_DEV

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "events_devset.jsonl"
REAL = (
    REGIONS_DEV,
    ROOT / "tests" / "data" / "regions-dev.jsonl",
)
LABELS = ROOT / "bench" / "data" / "realnews_labels.jsonl"
TEXTS_ENV = "NEWSBOT_REALNEWS_TEXTS"
DEFAULT_TEXTS = ROOT.parent / "devsets" / "texts.jsonl"
# Each round's (and each wave of round 4's) dev split and the third put aside before tuning.
SPLITS = (
    *("dev", "aside", "dev2", "aside2", "dev3", "aside3"),
    *("dev4", "aside4", "dev5", "aside5", "dev6", "aside6", "dev7", "aside7"),
    *("dev8", "aside8", "dev9", "aside9", "dev10", "aside10"),
    *("dev11", "aside11", "dev12", "aside12", "dev13", "aside13"),
    *("dev14", "aside14", "dev15", "aside15", "dev16", "aside16", "dev17", "aside17"),
    *("dev18", "aside18", "dev19", "aside19", "dev20", "aside20", "dev21", "aside21"),
    *("dev22", "aside22", "dev23", "aside23", "dev24", "aside24"),
    *("dev25", "aside25", "dev26", "aside26"),
)


@dataclass(frozen=True)
class Scores:
    n: int
    f1_event: float
    f1_non_event: float
    kind_accuracy: float | None
    misses: tuple[str, ...]
    precision: float = 1.0
    recall: float = 1.0
    status_accuracy: float | None = None
    positives: int = 0


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0 if (fp or fn) else 1.0
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def _gold_status(item: dict[str, object]) -> str | None:
    event = item.get("event")
    if isinstance(event, dict):
        status = event.get("status")
        return str(status) if status else None
    status = item.get("status")
    return str(status) if status else None


def evaluate(items: list[dict[str, object]]) -> Scores:
    """Scores of ``detect_event`` on items with ``title``, ``text``, ``published`` (optional)
    and ``is_event`` (and optionally ``kind`` and ``status`` / ``event.status``)."""
    tp = fp = fn = tn = 0
    kinds_ok = kinds_n = 0
    status_ok = status_n = 0
    misses: list[str] = []
    for item in items:
        published = (
            datetime.fromisoformat(str(item["published"])) if item.get("published") else None
        )
        ev = detect_event(str(item.get("title") or ""), str(item["text"]), published)
        gold = bool(item["is_event"])
        got = ev is not None
        if gold and got:
            tp += 1
        elif gold:
            fn += 1
        elif got:
            fp += 1
        else:
            tn += 1
        title = str(item.get("title") or "")[:90]
        if gold != got:
            what = f"{ev.status} {ev.kind} «{ev.title}»" if ev else None
            misses.append(f"{item['id']}: gold={gold} got={what} | {title}")
        if gold and got and item.get("kind"):
            kinds_n += 1
            assert ev is not None
            kinds_ok += ev.kind == item["kind"]
        gold_status = _gold_status(item)
        if gold and got and gold_status:
            assert ev is not None
            status_n += 1
            if ev.status == gold_status:
                status_ok += 1
            else:
                misses.append(
                    f"{item['id']}: status gold={gold_status} got={ev.status} "
                    f"{ev.kind} «{ev.title}» | {title}"
                )
    return Scores(
        n=len(items),
        f1_event=_f1(tp, fp, fn),
        f1_non_event=_f1(tn, fn, fp),
        kind_accuracy=kinds_ok / kinds_n if kinds_n else None,
        misses=tuple(misses),
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        status_accuracy=status_ok / status_n if status_n else None,
        positives=tp + fn,
    )


def load(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def texts_path(arg: str | None) -> Path:
    """``--texts``, else ``$NEWSBOT_REALNEWS_TEXTS``, else ``../devsets/texts.jsonl``."""
    if arg:
        return Path(arg)
    env = os.environ.get(TEXTS_ENV)
    return Path(env) if env else DEFAULT_TEXTS


def _title_of(text: str) -> str:
    """The first non-empty line, as ``python -m bot analyze --json`` takes it."""
    return text.strip().split("\n", 1)[0].strip() if text.strip() else ""


def join_real(labels: Iterable[dict[str, object]], texts: Path) -> list[dict[str, object]]:
    """Labels joined with their texts by id (labels without a text are left out)."""
    by_id = {str(t["id"]): t for t in load(texts)}
    out: list[dict[str, object]] = []
    for label in labels:
        record = by_id.get(str(label["id"]))
        if record is None:
            continue
        text = str(record["text"])
        # A record whose title is kept apart (the eleventh wave) is read as the bot reads a
        # feed item: headline and body; older records open with their headline.
        title = str(record.get("title") or "").strip()
        if not title or text.lstrip().startswith(title):
            title = _title_of(text)
        out.append({**label, "text": text, "title": title})
    return out


def _show(label: str, s: Scores, verbose: bool) -> None:
    status = f"{s.status_accuracy:.1%}" if s.status_accuracy is not None else "n/a"
    print(
        f"{label}: n={s.n} ({s.positives} events)  events P {s.precision:.3f} "
        f"R {s.recall:.3f} F1 {s.f1_event:.3f}  non-events F1 {s.f1_non_event:.3f}  "
        f"status right {status}"
    )
    if verbose:
        for miss in s.misses:
            print("   ", miss)


def eval_real(texts: Path, splits: Iterable[str], verbose: bool, labels: Path = LABELS) -> None:
    if not labels.exists():
        print(f"real news: labels {labels} not found, skipped")
        return
    if not texts.exists():
        print(f"real news: texts {texts} not found (--texts or ${TEXTS_ENV}), skipped")
        return
    items = join_real(load(labels), texts)
    for split in splits:
        part = [i for i in items if i.get("split") == split]
        if not part:
            print(f"real news, {split}: no texts of this split in {texts}")
            continue
        _show(f"real news, {split}", evaluate(part), verbose)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.eval_events")
    parser.add_argument("--texts", default=None, help="texts.jsonl (id, url, text)")
    parser.add_argument("--labels", default=str(LABELS), help="labels with split")
    parser.add_argument("--split", choices=SPLITS, action="append", help="only this split")
    parser.add_argument("--no-own", action="store_true", help="skip the older, own sets")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    eval_real(texts_path(args.texts), args.split or SPLITS, args.verbose, Path(args.labels))
    if args.no_own:
        return 0
    sets: list[tuple[str, Path]] = [("own short texts (tuned on)", DEVSET)]
    real = next((p for p in REAL if p.exists()), None)
    if real is not None:
        sets.append(("shared real items (21)", real))
    for label, path in sets:
        _show(label, evaluate(load(path)), args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
