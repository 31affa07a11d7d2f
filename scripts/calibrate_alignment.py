"""Derive Options.cross_language_margin from parallel text, not from the stories.

    .venv/bin/python scripts/calibrate_alignment.py [--docs 200]

A multilingual encoder puts two sentences of one language closer than two
of different languages, even when they say nothing alike: on the PUD news
documents of scripts/data/parallel-id-en.jsonl, unrelated sentences of one
document score higher within Indonesian (or English) than across the two.
So one cosine threshold (Options.min_similarity, set for sentences of one
language) is stricter across languages, and misses faithful translations.

This script measures, with the default embedding model and the pipeline's
own views (align.views), the cosine of every two different sentences of a
document, within Indonesian, within English and across the two, and the
cosine of each sentence with its translation. The margin is how much lower
the cross-language threshold must be to let through the same share of
unrelated pairs as min_similarity lets through within one language (the
mean of the two languages' shares); it prints that margin and what the
two thresholds let through. Training data only: no story, seed or
benchmark pair is read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from factcheck import align
from factcheck.config import Options
from factcheck.models.backends import Embedder

PARALLEL = Path(__file__).resolve().parent / "data" / "parallel-id-en.jsonl"


def documents(limit: int) -> list[list[dict]]:
    """The PUD documents (news and Wikipedia, a few sentences each) with at
    least two sentences; NusaX rows are single sentences without a document."""
    docs: dict[str, list[dict]] = {}
    for line in PARALLEL.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["source"] == "ud-pud":
            docs.setdefault(row["doc"], []).append(row)
    return [d for d in docs.values() if len(d) >= 2][:limit]


def share_at_least(scores: np.ndarray, threshold: float) -> float:
    return float(np.mean(scores >= threshold))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    options = Options()
    docs = documents(args.docs)
    rows = [r for d in docs for r in d]
    n = len(rows)
    sentences = [SimpleNamespace(text=r["indonesian"]) for r in rows] + [SimpleNamespace(text=r["english"]) for r in rows]
    texts, owner = align.views(sentences, options)
    sim = align.Similarity(Embedder(options.embedding_model, options.batch_size, False, options.precision).encode(texts), owner)

    spans, start = [], 0
    for d in docs:
        spans.append(range(start, start + len(d)))
        start += len(d)
    translation = np.array([sim.pair(i, n + i) for i in range(n)])
    within_id = np.array([sim.pair(i, j) for s in spans for i in s for j in s if i < j])
    within_en = np.array([sim.pair(n + i, n + j) for s in spans for i in s for j in s if i < j])
    across = np.array([sim.pair(i, n + j) for s in spans for i in s for j in s if i != j])

    print(f"{len(docs)} documents, {n} sentence pairs ({options.embedding_model})")
    print("cosine percentiles   5%     25%    50%    75%    95%")
    for name, scores in (("translation", translation), ("unrelated, id-id", within_id),
                         ("unrelated, en-en", within_en), ("unrelated, id-en", across)):
        print(f"{name:<18} " + " ".join(f"{np.percentile(scores, p):.3f}" for p in (5, 25, 50, 75, 95)))

    wanted = (share_at_least(within_id, options.min_similarity) + share_at_least(within_en, options.min_similarity)) / 2
    threshold = float(np.quantile(across, 1 - wanted))
    margin = options.min_similarity - threshold
    print(f"\nat min_similarity {options.min_similarity}: unrelated pairs let through within one language "
          f"{wanted:.1%} (mean of id-id and en-en); translations let through {share_at_least(translation, options.min_similarity):.1%}")
    print(f"the same share across languages: threshold {threshold:.3f}, margin {margin:.3f}; "
          f"translations let through {share_at_least(translation, threshold):.1%}")
    rounded = options.min_similarity - round(margin, 2)
    print(f"rounded margin {round(margin, 2):.2f}: threshold {rounded:.2f}, unrelated across "
          f"{share_at_least(across, rounded):.1%}, translations {share_at_least(translation, rounded):.1%}")


if __name__ == "__main__":
    main()
