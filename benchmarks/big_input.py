"""Big input through the installed command, with the real default models:
a 50 MB article, 1,000 small files in one story, and a JSONL feed of
100,000 lines. Prints, for each, the exit code, the wall time, the peak
memory of the run and its last line on stderr (the limit it names, or
nothing). The inputs are made from the seeds' sentences in a temporary
folder.

    .venv/bin/python benchmarks/big_input.py
    .venv/bin/python benchmarks/big_input.py --only article,feed   # skip the long 1,000-file run
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


def seed_sentences() -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s) > 40]


def make(folder: Path, rng: random.Random) -> dict[str, list[str]]:
    sentences = seed_sentences()
    huge = folder / "huge.txt"
    with huge.open("w", encoding="utf-8") as file:
        while file.tell() < 50 * 2**20:
            file.write(" ".join(sentences) + "\n\n")
    files = folder / "files"
    files.mkdir()
    for n in range(1000):
        text = " ".join(rng.sample(sentences, 4)) + f" Laporan nomor {n}."
        (files / f"outlet{n:04d}.txt").write_text(text, encoding="utf-8")
    feed = folder / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as file:
        for n in range(100_000):
            row = {"outlet": f"outlet{n % 200}", "date": "2024-06-19", "title": f"Berita {n}",
                   "text": " ".join(rng.sample(sentences, 3)) + f" Laporan nomor {n}."}  # fmt: skip
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = str(folder / "out")
    return {
        "article": ["compare", str(huge), str(sorted((ROOT / "seeds").glob("*.txt"))[0]), "-q", "--out", out],
        "files": ["compare", *map(str, sorted(files.iterdir())), "-q", "--fail-on", "none", "--out", out],
        "feed": ["feed", str(feed), "-q", "--out", out],
    }


def run(argv: list[str]) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak MB of the child, its last stderr line."""
    start = time.perf_counter()
    done = subprocess.run([FACTCHECK, *argv], capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    # Children are run one at a time, so the maximum so far is this one's
    # unless an earlier one peaked higher (then it is printed as a bound).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    last = (done.stderr.strip().splitlines() or [""])[-1]
    return done.returncode, elapsed, peak, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="article,files,feed", help="comma list of: article, files, feed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-big-") as tmp:
        commands = make(Path(tmp), random.Random(0))
        for name in args.only.split(","):
            code, seconds, peak, last = run(commands[name])
            print(f"{name:8} exit {code}  {seconds:7.1f} s  peak {peak:6.0f} MB  {last[:160]}")


if __name__ == "__main__":
    main()
