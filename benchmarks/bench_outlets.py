"""Cost of one story as the outlets grow: `factcheck compare` on 5, 10 and
20 "outlets" made of copies of the seeds.

    .venv/bin/python benchmarks/bench_outlets.py [--outlets 5 10 20]

Copy k of a seed gets a word of its own ("v<k>") at the end of each
paragraph, so no two articles have the same content (ingest refuses that)
and no per-text cache is shared between copies; the copies are still
restatements of one another, which is the case that makes a story's pairs
grow with the square of the outlets. Prints, per size: sentences, aligned
pairs, NLI-judged pairs, wall seconds and peak memory of the CLI process,
and the ratio of each size's wall time to the one before. Measurements,
not tests: the machine is shared.

The contradictions it prints are not a false-alarm figure (copies.py is):
the NLI model reads two copies' "v1" and "v3" as differing values.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_story(folder: Path, outlets: int) -> list[str]:
    seeds = sorted((ROOT / "seeds").glob("0*.txt"))
    files = []
    for n in range(outlets):
        seed = seeds[n % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        copy = n // len(seeds)
        if copy:
            text = re.sub(r"([.!?”\"])(\n|$)", rf"\1 v{copy}\2", text)
        path = folder / f"c{copy}_{seed.name}"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    return files


def run(outlets: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        story, out = Path(tmp) / "story", Path(tmp) / "out"
        story.mkdir()
        files = make_story(story, outlets)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        # This tree's factcheck, in a new process as the command line runs it.
        cli = [sys.executable, "-c", "from factcheck.cli import main; main()"]
        command = [*cli, "compare", *files, "--out", str(out), "--quiet", "--format", "json"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        code = subprocess.run(command, capture_output=True, env=env, cwd=tmp).returncode
        seconds = time.perf_counter() - started
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        if code not in (0, 1):
            sys.exit(f"factcheck compare exited {code}")
        document = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    summary = document["summary"]
    return {
        "outlets": outlets,
        "sentences": summary["sentences"],
        "aligned": summary["aligned_pairs"],
        "judged": sum(f["nli"]["a_to_b"] is not None for f in document["findings"]),
        "contradictions": summary["contradictions"],
        "agreements": summary["agreements"],
        "seconds": seconds,
        "peak_mb": peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--outlets", type=int, nargs="+", default=[5, 10, 20])
    args = parser.parse_args()
    print("outlets  sentences  aligned pairs  NLI-judged pairs  contradictions  agreements  wall s  ratio  peak MB")
    previous = None
    for outlets in args.outlets:
        r = run(outlets)
        ratio = f"{r['seconds'] / previous:.2f}" if previous else "-"
        previous = r["seconds"]
        print(f"{r['outlets']:>7}  {r['sentences']:>9}  {r['aligned']:>13}  {r['judged']:>16}  {r['contradictions']:>14}"
              f"  {r['agreements']:>10}  {r['seconds']:>6.1f}  {ratio:>5}  {r['peak_mb']:>7.0f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
