"""End-to-end figures for `factcheck compare` on the seeds.

    .venv/bin/python benchmarks/bench_compare.py [--runs 3] [FILES...]

Prints the median of --runs for: a first run (a new `factcheck compare`
process: imports, model loading and the whole pipeline), a warm run (the
library's compare() again in one process, models already loaded), sentences
embedded per second, NLI pairs per second, how many NLI pairs were evaluated
against all cross-source sentence pairs, and the peak memory of a CLI run.
These are measurements, not tests: the machine is shared and noisy, so
compare medians and ratios taken in one run.
"""

from __future__ import annotations

import argparse
import glob
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli_run(files: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one `factcheck compare` process."""
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        code = subprocess.run([str(ROOT / ".venv/bin/factcheck"), "compare", *files, "--out", out, "--quiet"],
                              capture_output=True).returncode
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if code not in (0, 1):
        sys.exit(f"factcheck compare exited {code}")
    # ru_maxrss of children is the largest child so far: only a rise is news.
    return seconds, max(peak, before) / 1024


def judged(result) -> int:
    """The aligned pairs the NLI model judged (align.judged leaves some out)."""
    return sum(f.nli_ab is not None for f in result.findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("files", nargs="*", default=sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))))
    args = parser.parse_args()

    import factcheck

    first = [cli_run(args.files) for _ in range(args.runs)]
    factcheck.compare(args.files, progress=False)  # loads the models into this process
    warm, embed_rate, nli_rate = [], [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        result = factcheck.compare(args.files, progress=False)
        warm.append(time.perf_counter() - started)
        embed_rate.append(len(result.sentences) / result.timings["embed"])
        nli_rate.append(2 * judged(result) / result.timings["nli"])

    sizes = [sum(s.article == i for s in result.sentences) for i in range(len(result.articles))]
    all_pairs = sum(a * b for a, b in combinations(sizes, 2))
    evaluated = 2 * judged(result)
    print(f"inputs                  {len(result.articles)} articles, {len(result.sentences)} sentences")
    print(f"first run (CLI)         {statistics.median(s for s, _ in first):.1f} s median of {args.runs}")
    print(f"warm run (library)      {statistics.median(warm):.1f} s median of {args.runs}")
    print(f"embedding               {statistics.median(embed_rate):.0f} sentences/s")
    print(f"NLI                     {statistics.median(nli_rate):.1f} pairs/s (each aligned pair runs both ways)")
    print(f"NLI pairs evaluated     {evaluated} of {2 * all_pairs} ordered cross-source sentence pairs "
          f"({evaluated / max(1, 2 * all_pairs):.1%})")
    print(f"peak memory (CLI)       {max(m for _, m in first):.0f} MB")
    print("stage seconds (last warm run): " + ", ".join(f"{k} {v:.2f}" for k, v in result.timings.items()))


if __name__ == "__main__":
    main()
