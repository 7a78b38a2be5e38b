"""Evaluate the region tagger: precision, recall, F1 and exact-match share, with the errors.

Run: ``.venv/bin/python -m bench.eval_regions`` (the lead's ``make eval``). Sets:

* ``tests/data/regions_devset.jsonl``: the project's hand-written dev set (codes);
* ``../shared/data/regions-dev.jsonl``: 21 real labelled items (labels are ``short`` names,
  mapped to codes via the catalogue); skipped with a note when the file is absent.

Exit code 0 always: this prints figures, it does not gate.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bot.text.catalogue import by_name
from bot.text.regions import tag_regions
from tests.paths import REGIONS_DEV

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "regions_devset.jsonl"
SHARED = REGIONS_DEV


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, item_id: str, gold: set[str], got: set[str], text: str) -> None:
        self.total += 1
        self.tp += len(gold & got)
        self.fp += len(got - gold)
        self.fn += len(gold - got)
        if gold == got:
            self.exact += 1
        else:
            extra = ",".join(sorted(got - gold)) or "-"
            missed = ",".join(sorted(gold - got)) or "-"
            self.errors.append(f"  {item_id}: extra {extra}; missed {missed} | {text[:110]!r}")

    def report(self, label: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        ex = self.exact / self.total if self.total else 0.0
        lines = [
            f"{label}: {self.total} items  P={p:.3f} R={r:.3f} F1={f1:.3f} "
            f"exact={ex:.1%} (tp={self.tp} fp={self.fp} fn={self.fn})"
        ]
        lines += self.errors
        return "\n".join(lines)


def _codes(text: str) -> set[str]:
    return {m.code for m in tag_regions(text)}


def eval_devset(path: Path = DEVSET) -> Score:
    score = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        score.add(item["id"], set(item["regions"]), _codes(item["text"]), item["text"])
    return score


def eval_shared(path: Path = SHARED) -> Score:
    score = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        gold: set[str] = set()
        for short in item["regions"]:
            region = by_name(short)
            if region is None:
                raise SystemExit(f"unknown region label {short!r} in {item['id']}")
            gold.add(region.code)
        text = f"{item['title']}\n{item['text']}"
        score.add(item["id"], gold, _codes(text), text)
    return score


def main() -> int:
    print(eval_devset().report(f"dev set ({DEVSET.relative_to(ROOT)})"))
    if SHARED.exists():
        print(eval_shared().report(f"real items ({SHARED})"))
    else:
        print(f"real items: {SHARED} not found, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
