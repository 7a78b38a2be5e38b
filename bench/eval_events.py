"""Event detection quality: F1 on events and on non-events.

    .venv/bin/python -m bench.eval_events [-v]

Evaluates on the project's own dev set (``tests/data/events_devset.jsonl``) and on the 21
hand-labelled real items (``../shared/data/regions-dev.jsonl``, read in place: third-party
text is not copied into the project). ``-v`` prints every miss.

The dev set is short Russian texts written for this project, in three batches: ``dev-*``
(67, written with the rules), ``hard-*`` (16, written afterwards: 3 misses on the first run,
then fixed) and ``probe-*`` (19, written afterwards: 2 misses on the first run, then fixed).
Every batch has since been tuned on, so its figure is optimistic; the first-run figures of the
later batches are the honest estimate.
"""

from __future__ import annotations

import json
import sys
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


@dataclass(frozen=True)
class Scores:
    n: int
    f1_event: float
    f1_non_event: float
    kind_accuracy: float | None
    misses: tuple[str, ...]


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0 if (fp or fn) else 1.0
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def evaluate(items: list[dict[str, object]]) -> Scores:
    tp = fp = fn = tn = 0
    kinds_ok = kinds_n = 0
    misses: list[str] = []
    for item in items:
        published = datetime.fromisoformat(str(item["published"]))
        ev = detect_event(str(item["title"]), str(item["text"]), published)
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
        if gold != got:
            misses.append(
                f"{item['id']}: gold={gold} got={ev.kind if ev else None} {item['title']}"
            )
        if gold and got and item.get("kind"):
            kinds_n += 1
            assert ev is not None
            kinds_ok += ev.kind == item["kind"]
    return Scores(
        n=len(items),
        f1_event=_f1(tp, fp, fn),
        f1_non_event=_f1(tn, fn, fp),
        kind_accuracy=kinds_ok / kinds_n if kinds_n else None,
        misses=tuple(misses),
    )


def load(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    sets: list[tuple[str, Path]] = [("dev set (own)", DEVSET)]
    real = next((p for p in REAL if p.exists()), None)
    if real is not None:
        sets.append(("real items (21)", real))
    for label, path in sets:
        s = evaluate(load(path))
        kinds = f", kind accuracy {s.kind_accuracy:.2f}" if s.kind_accuracy is not None else ""
        print(
            f"{label}: n={s.n}  F1 events {s.f1_event:.3f}  F1 non-events {s.f1_non_event:.3f}"
            f"{kinds}"
        )
        if verbose:
            for miss in s.misses:
                print("   ", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
