"""Cross-lingual NLI training pairs from Indonesian-English parallel sentences.

Fine-tuning on Indonesian pairs alone teaches the cross-encoder nothing about
an English sentence against an Indonesian one. Parallel sentences give that
for free: a translation is an entailment both ways, and every synthetic pair
that factcheck.synthetic makes from the Indonesian side keeps its label when
the untouched Indonesian sentence is replaced by its English translation:

- an edited fact (number, date, negation, antonym, person, place, role, ...)
  against the English original is a contradiction;
- a harmless rewrite against the English original is an entailment;
- the sentence with a clause dropped, as premise, against the English whole
  is neutral (the English adds a detail);
- another sentence of the same document is a neutral on the same topic.

Both directions are made (English premise, Indonesian hypothesis and the
reverse) where the label allows it. The corpus (scripts/data/, see its
README) is training data only; no benchmark sentence comes from it.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

from factcheck import synthetic
from factcheck.nli_data import Pair

PARALLEL = Path(__file__).parent / "data" / "parallel-id-en.jsonl"
LABEL = {"e": "entailment", "n": "neutral", "c": "contradiction"}


def read_parallel(path: Path = PARALLEL) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pairs(rows: list[dict], seed: int = 13) -> list[Pair]:
    """Every cross-lingual pair the rows yield, labelled, in a seeded order."""
    rng = random.Random(seed)
    indonesian = [r["indonesian"] for r in rows]
    out: list[Pair] = []
    for r in rows:
        out.append(Pair(r["english"], r["indonesian"], "entailment", "translation"))
        out.append(Pair(r["indonesian"], r["english"], "entailment", "translation"))
    for p in synthetic.generate(indonesian, seed=seed):
        english, original = rows[p.source]["english"], indonesian[p.source]
        if p.kind == "same_topic":
            continue  # made below, across languages, from the same document
        if p.label == "n":  # (shorter, original): the English original adds a detail
            out.append(Pair(p.premise, english, "neutral", "added_detail"))
            continue
        other = p.hypothesis if p.premise == original else p.premise
        if other == original and p.label != "e":
            continue
        if p.label == "c":
            # A contradiction holds both ways: one direction, picked at random.
            a, b = (english, other) if rng.random() < 0.5 else (other, english)
            out.append(Pair(a, b, "contradiction", p.kind))
        else:
            out.append(Pair(english, other, "entailment", p.kind))
            if p.kind == "drop_clause":  # the other way round the English adds a detail
                out.append(Pair(other, english, "neutral", "added_detail"))
    by_doc = defaultdict(list)
    for i, r in enumerate(rows):
        by_doc[r["doc"]].append(i)
    for members in by_doc.values():
        for i in members:
            # Another sentence of the document, or of the corpus for one-sentence documents.
            others = [j for j in members if j != i] or [rng.randrange(len(rows))]
            j = others[rng.randrange(len(others))]
            if j != i:
                a, b = (rows[i]["english"], indonesian[j]) if rng.random() < 0.5 else (indonesian[j], rows[i]["english"])
                out.append(Pair(a, b, "neutral", "same_topic"))
    rng.shuffle(out)
    return out


def sample(made: list[Pair], n: int, seed: int = 13) -> list[Pair]:
    """``n`` pairs with the three labels as even as the pool allows."""
    rng = random.Random(seed)
    by_label = defaultdict(list)
    for p in made:
        by_label[p.label].append(p)
    share = n // 3
    picked = []
    for label in sorted(by_label):
        items = by_label[label][:]
        rng.shuffle(items)
        picked += items[:share]
    rng.shuffle(picked)
    return picked
