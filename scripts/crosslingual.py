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
- another sentence of the same document is a neutral on the same topic;
- with ``shorter=True`` (train_nli.py --shorter-translations), the English
  sentence with a detail dropped (a parenthesis, a fronted adverbial, a
  trailing clause after a comma; see ``shortened``) is entailed by the whole
  Indonesian sentence, and as premise against it is a neutral.
  Outlets restate a wire sentence shorter far more often than they translate
  it word for word, and the whole-translation pairs alone left the model
  calling such a restatement a contradiction as often as an entailment
  (mean P(contradiction) 0.41 on the gold entailments of
  tests/data/crosslingual.jsonl).

Both directions are made (English premise, Indonesian hypothesis and the
reverse) where the label allows it. The corpus (scripts/data/, see its
README) is training data only; no benchmark sentence comes from it.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from pathlib import Path

from factcheck import synthetic
from factcheck.nli_data import Pair

PARALLEL = Path(__file__).parent / "data" / "parallel-id-en.jsonl"
LABEL = {"e": "entailment", "n": "neutral", "c": "contradiction"}


# A fronted adverbial is a few words before the first comma ("On Monday,").
# Not a condition: "If it rains, ..." does not entail what follows it.
FRONTED = re.compile(r"^(?!(?:If|Unless|Whether|Only)\b)(?:[A-Z][^,]{2,30}),\s+(?=[a-zA-Z])")
PARENTHESIS = re.compile(r"\s*\([^()]{1,80}\)")
# A trailing participle or relative clause after the last comma.
TRAILING = re.compile(r",\s+(?:which|who|where|while|as|after|before|according to|helped|including|[a-z]+ing)\b[^,.!?]*(?=[.!?]?$)")
MIN_WORDS = 5


def shortened(english: str) -> list[str]:
    """The English sentence without one detail, each way that applies; only
    versions that keep at least MIN_WORDS words."""
    out = []
    for pattern in (PARENTHESIS, FRONTED, TRAILING):
        short = pattern.sub("", english, count=1).strip()
        if short != english and len(short.split()) >= MIN_WORDS:
            out.append(short[0].upper() + short[1:])
    return out


def read_parallel(path: Path = PARALLEL) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pairs(rows: list[dict], seed: int = 13, shorter: bool = False) -> list[Pair]:
    """Every cross-lingual pair the rows yield, labelled, in a seeded order."""
    rng = random.Random(seed)
    indonesian = [r["indonesian"] for r in rows]
    out: list[Pair] = []
    for r in rows:
        out.append(Pair(r["english"], r["indonesian"], "entailment", "translation"))
        out.append(Pair(r["indonesian"], r["english"], "entailment", "translation"))
        for short in shortened(r["english"]) if shorter else []:
            out.append(Pair(r["indonesian"], short, "entailment", "shorter_translation"))
            out.append(Pair(short, r["indonesian"], "neutral", "added_detail"))
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
