"""Read NLI pairs from JSONL: IndoNLI rows (premise, hypothesis, label e/n/c)
and MNLI-style rows (sentence1, sentence2, gold_label as a word)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .types import InputError

LABELS = ("entailment", "neutral", "contradiction")
_LABEL_NAMES = {"e": "entailment", "n": "neutral", "c": "contradiction"} | {name: name for name in LABELS}


@dataclass
class Pair:
    premise: str
    hypothesis: str
    label: str  # one of LABELS
    kind: str = ""  # edit type, in perturbation benchmarks
    control: bool = False  # the unedited twin of an edited pair
    across_languages: bool = False  # premise and hypothesis in two languages ("direction": "id-en")


def read_pairs(path: str | Path) -> list[Pair]:
    """Pairs with a known gold label; MNLI's unlabelled rows ("-") are skipped."""
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(str(path), f"line {number}: not JSON ({error.msg})") from None
            premise = row.get("premise", row.get("sentence1"))
            hypothesis = row.get("hypothesis", row.get("sentence2"))
            gold = str(row.get("label", row.get("gold_label", ""))).strip().lower()
            if premise is None or hypothesis is None:
                raise InputError(str(path), f"line {number}: needs premise/hypothesis or sentence1/sentence2")
            if gold == "-":
                continue
            if gold not in _LABEL_NAMES:
                raise InputError(str(path), f"line {number}: unknown label {gold!r} (use e/n/c or the words)")
            direction = str(row.get("direction", "")).split("-")
            across = len(direction) == 2 and direction[0] != direction[1]
            pairs.append(Pair(premise, hypothesis, _LABEL_NAMES[gold], str(row.get("kind", "")), bool(row.get("control", False)), across))
    if not pairs:
        raise InputError(str(path), "no labelled pairs")
    return pairs
