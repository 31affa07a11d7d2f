"""`factcheck feed` on a synthetic feed (benchmarks/make_feed.py): speed,
NLI cost, memory and how well the stories are found.

    .venv/bin/python benchmarks/make_feed.py --articles 100 --out /tmp/feed-100.jsonl
    .venv/bin/python benchmarks/bench_feed.py /tmp/feed-100.jsonl [--engine ray]

Runs the library's feed in this process and prints articles/s, seconds per
article, NLI pairs per article, peak memory (this process's peak resident
set, models included), the adjusted Rand index of the stories found against
the feed's labels (an article matching no story counts as a story of its
own), and a least-squares fit of each story's seconds to its articles: the
per-story overhead and the per-article cost of docs/cost-model.md.
Measurements, not tests: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import engines, feed  # noqa: E402
from factcheck.config import Options  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("feed", type=Path)
    parser.add_argument("--engine", default="local", choices=feed.ENGINES)
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args()
    from sklearn.metrics import adjusted_rand_score

    labels = [json.loads(line)["story"] for line in args.feed.read_text(encoding="utf-8").splitlines() if line]
    story_seconds: list[tuple[int, float]] = []
    judge = engines.judge

    def timed_judge(story, options):
        started = time.perf_counter()
        outcome = judge(story, options)
        story_seconds.append((len(story.articles), time.perf_counter() - started))
        return outcome

    engines.judge = timed_judge  # the local engine's stories are timed one by one
    with tempfile.TemporaryDirectory() as out:
        started, cpu = time.perf_counter(), time.process_time()
        result = feed.run([args.feed], out, Options(progress=args.progress), engine=args.engine)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        judged = 0
        done = [story for story in result.stories if story.story_id in result.outcomes]
        for story in done:
            document = json.loads((Path(out) / story.story_id / "findings.json").read_text(encoding="utf-8"))
            judged += sum(f["nli"]["a_to_b"] is not None for f in document["findings"])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    found = {}
    for n, story in enumerate(result.stories):
        for article in story.articles:
            found[article.file] = f"story {n}"
    predicted = [found.get(f"{args.feed.name}#{row}", f"alone {row}") for row in range(1, len(labels) + 1)]
    articles = len(labels)
    t = result.totals()
    if result.interrupted:  # Ctrl-C: the rates are over the stories that finished
        articles = sum(len(story.articles) for story in done)
        print(f"interrupted             {len(done)} of {len(result.stories)} stories finished ({articles} articles)")
    print(f"feed                    {args.feed.name}: {len(labels)} articles, {len(set(labels))} labelled stories")
    print(f"stories found           {t['stories']} (+ {t['unmatched_articles']} articles matching no story)")
    print(f"adjusted Rand index     {adjusted_rand_score(labels, predicted):.4f}")
    print(f"wall time               {seconds:.1f} s ({args.engine} engine)")
    print(f"CPU time                {cpu:.1f} s ({cpu / articles:.3f} s per article; wall time on a busy machine "
          "overstates the cost, CPU time less so)")
    print(f"articles/s              {articles / seconds:.2f}")
    print(f"seconds per article     {seconds / articles:.3f}")
    print(f"NLI pairs per article   {judged / articles:.2f} ({judged} judged pairs, each run both ways)")
    print(f"contradictions          {t['contradictions']} in {t['failing_stories']} failing stories")
    print(f"peak memory             {peak_mb:.0f} MB")
    if len(story_seconds) >= 2:
        sizes, times = np.array(story_seconds).T
        per_article, overhead = np.polyfit(sizes, times, 1)
        print(f"story cost fit          {overhead:.2f} s per story + {per_article:.3f} s per article "
              f"({len(story_seconds)} stories, {times.sum():.1f} s in comparing)")  # fmt: skip
        print(f"outside the stories     {seconds - times.sum():.1f} s (reading, lede embedding, clustering, index)")


if __name__ == "__main__":
    main()
