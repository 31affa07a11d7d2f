"""Added cost of the claim checks (numbers, dates, attribution, roles,
roster) per 1,000 sentences. No models.

The checks are run-level: they look at every cross-source pair of sentences
that carry something comparable, so their cost grows with the square of the
run's size. Measured on the five seeds (114 sentences) and on a run of about
1,000 sentences made of nine copies of the seeds (45 "outlets"), each copy's
sentences made unique so that no cache is shared between copies. Cold =
caches cleared first.

    .venv/bin/python benchmarks/checks_cost.py
"""

from __future__ import annotations

import dataclasses
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import ingest, segment  # noqa: E402
from factcheck.checks import CHECKS, Run  # noqa: E402
from factcheck.config import Options  # noqa: E402


def clear_caches() -> None:
    from factcheck.checks import dates, numbers, people, polarity, quotes

    for fn in (
        dates._extract, dates.event_features, dates.sentence_event_features, polarity.root, polarity.negations, polarity._content_roots, numbers._extract,
        people.extract_people, people.same_person, quotes._extract, quotes._statements_of, quotes._tokens,
    ):  # fmt: skip
        fn.cache_clear()


def timed(articles, sentences, options) -> tuple[float, int]:
    clear_caches()
    arts = list(articles)
    t0 = time.perf_counter()
    # No aligned pairs: the checks that look at every sentence, as the pipeline runs them.
    run = Run(arts, sentences, [], options)
    n = sum(len(check.run(run)) for check in CHECKS.values())
    return time.perf_counter() - t0, n


def main() -> None:
    options = Options(roster=[str(ROOT / "seeds" / "roster.csv")], progress=False)
    paths = sorted(str(p) for p in (ROOT / "seeds").glob("0*.txt"))
    articles, _ = ingest.load_articles(paths, options)
    sentences = segment.split_all(articles)
    timed(articles[:2], sentences[:5], options)  # import and compile once
    t, n = timed(articles, sentences, options)
    print(f"seeds: {len(sentences)} sentences, {len(articles)} articles: {t:.2f}s ({n} signals)")

    copies = 9
    big = []
    for k in range(copies):
        for a in articles:
            # a unique word in every paragraph defeats the per-text caches
            text = re.sub(r"([.!?”\"])(\n|$)", rf"\1 v{k}\2", a.text)
            big.append(dataclasses.replace(a, file=f"c{k}_{a.file}", text=text))
    big_sentences = segment.split_all(big)
    t, n = timed(big, big_sentences, options)
    print(
        f"{len(big_sentences)} sentences, {len(big)} articles: {t:.2f}s ({n} signals); "
        f"per 1,000 sentences: {1000 * t / len(big_sentences):.2f}s"
    )


if __name__ == "__main__":
    main()
