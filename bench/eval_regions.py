"""Evaluate the region tagger on labelled real news, the shared items and the hand-written set.

Run: ``.venv/bin/python -m bench.eval_regions`` (``make eval``). Sets:

* real news: labels in the repository (``bench/data/realnews_labels.jsonl``: one record per
  article, no text, each with ``"split": "dev" | "aside" | "dev2" | "aside2"``), joined by
  ``id`` with texts read
  from outside the repository (``--texts PATH``, env ``NEWSBOT_REALNEWS_TEXTS``, default
  ``../devsets/texts.jsonl`` beside the repository root; the texts stay out of the repository
  for licence reasons). When the texts are absent this says so in one line. Per split it
  prints: micro F1 over (article, region), the share of articles exactly right, F1 on the
  ``local_only`` articles (regions named only by a town, district or village), trap articles
  with no false region, and F1 of ``role=main``. ``--split dev`` limits it to one split
  (``aside`` is kept for the final measurement: do not tune on it); ``--errors`` lists the
  wrong articles of the dev split;
* ``../shared/data/regions-dev.jsonl``: 21 labelled Lenta.ru items (labels are ``short``
  names, mapped to codes via the catalogue), when present;
* ``tests/data/regions_devset.jsonl``: the project's own hand-written sentences (codes).

Exit code 0 always: this prints figures, it does not gate.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bot.cli.analyze import analysed_text
from bot.text.catalogue import by_name
from bot.text.regions import RegionMatch, tag_regions
from tests.paths import REGIONS_DEV

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "regions_devset.jsonl"
SHARED = REGIONS_DEV
LABELS = ROOT / "bench" / "data" / "realnews_labels.jsonl"
TEXTS_ENV = "NEWSBOT_REALNEWS_TEXTS"
TEXTS_DEFAULT = ROOT.parent / "devsets" / "texts.jsonl"
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

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def report(self, label: str, *, errors: bool = True) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        ex = self.exact / self.total if self.total else 0.0
        lines = [
            f"{label}: {self.total} items  P={p:.3f} R={r:.3f} F1={self.f1:.3f} "
            f"exact={ex:.1%} (tp={self.tp} fp={self.fp} fn={self.fn})"
        ]
        if errors:
            lines += self.errors
        return "\n".join(lines)


@dataclass
class SplitScore:
    """The figures of one split of the real-news set."""

    regions: Score = field(default_factory=Score)
    local: Score = field(default_factory=Score)
    main: Score = field(default_factory=Score)
    traps: int = 0
    traps_clean: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, item: dict[str, object], text: str, matches: list[RegionMatch]) -> None:
        labels = item.get("regions") or []
        assert isinstance(labels, list)
        gold = {str(r["code"]) for r in labels}
        gold_main = {str(r["code"]) for r in labels if r.get("role", "main") == "main"}
        got = {m.code for m in matches}
        got_main = {m.code for m in matches if m.role == "main"}
        item_id = str(item["id"])
        self.regions.add(item_id, gold, got, text)
        self.main.add(item_id, gold_main, got_main, text)
        if item.get("local_only"):
            self.local.add(item_id, gold, got, text)
        if item.get("trap"):
            self.traps += 1
            self.traps_clean += not (got - gold)
        if gold != got or gold_main != got_main:
            roles = ",".join(f"{m.code}:{m.role[:4]}" for m in matches) or "-"
            want = ",".join(f"{r['code']}:{str(r.get('role', 'main'))[:4]}" for r in labels)
            self.errors.append(
                f"  {item_id}: got {roles}; want {want or '-'} | {item.get('notes', '')!s:.150}"
            )

    def report(self, label: str) -> str:
        ex = self.regions.exact / self.regions.total if self.regions.total else 0.0
        trap = f"{self.traps_clean}/{self.traps}" if self.traps else "0/0"
        return (
            f"{label}: {self.regions.total} articles  F1={self.regions.f1:.3f} "
            f"(tp={self.regions.tp} fp={self.regions.fp} fn={self.regions.fn})  "
            f"exact={ex:.1%}  local-only F1={self.local.f1:.3f} ({self.local.total})  "
            f"traps with no false region={trap}  role=main F1={self.main.f1:.3f}"
        )


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


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def eval_realnews(labels: Path, texts: Path, splits: tuple[str, ...]) -> dict[str, SplitScore]:
    """Scores per split; texts are read only for the articles of ``splits``."""
    wanted = {str(r["id"]): r for r in _read_jsonl(labels) if r.get("split") in splits}
    scores = {s: SplitScore() for s in splits}
    with texts.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            item = wanted.get(str(record.get("id")))
            if item is None:
                continue
            # (as the bot reads an article: the title on a first line of its own, unless the
            # text opens with it; the eleventh wave's texts keep the title apart)
            text = analysed_text(str(record.get("title") or ""), str(record["text"]))
            scores[str(item["split"])].add(item, text, tag_regions(text))
    return scores


def texts_path(arg: str | None) -> Path:
    return Path(arg or os.environ.get(TEXTS_ENV) or TEXTS_DEFAULT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.eval_regions")
    parser.add_argument("--labels", default=str(LABELS), help="labels JSONL (no texts)")
    parser.add_argument("--texts", default=None, help=f"texts JSONL (or env {TEXTS_ENV})")
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list the dev splits' errors")
    args = parser.parse_args(argv)
    splits = SPLITS if args.split == "all" else (args.split,)
    labels, texts = Path(args.labels), texts_path(args.texts)
    if not labels.exists():
        print(f"real news: labels {labels} not found, skipped")
    elif not texts.exists():
        print(f"real news: texts {texts} not found (kept outside the repository), skipped")
    else:
        for split, score in eval_realnews(labels, texts, splits).items():
            if not score.regions.total:
                print(f"real news, {split}: no texts of this split in {texts}")
                continue
            print(score.report(f"real news, {split}"))
            if args.errors and split.startswith("dev"):
                print("\n".join(score.errors))
    if SHARED.exists():
        print(eval_shared().report(f"real items ({SHARED})"))
    else:
        print(f"real items: {SHARED} not found, skipped")
    print(eval_devset().report(f"hand-written set ({DEVSET.relative_to(ROOT)})"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
