"""The long property run: ten thousand generated hostile inputs (plus a
hundredth as many with a 10,000-character sentence) through ingest,
segment, alignment, every check and every report writer, with the
properties of tests/fuzz_inputs.py checked on each. Fake models; no model
loads. Prints the count, the crashes (a failed property counts as one) and
the time.

    .venv/bin/python benchmarks/fuzz.py            # 10,000 + 100 inputs
    .venv/bin/python benchmarks/fuzz.py --inputs 500
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

import fuzz_inputs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="generated inputs of short articles")
    parser.add_argument("--long", type=int, default=None, help="inputs with a long sentence [default: inputs/100]")
    args = parser.parse_args()
    outcomes: collections.Counter[str] = collections.Counter()
    crashes: list[tuple[list[str], str]] = []
    folder = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))

    def one(texts: list[str]) -> None:
        try:
            outcomes[fuzz_inputs.run_one(texts, folder)] += 1
        except Exception:  # counted and shown below, so the run goes on
            outcomes["crash"] += 1
            crashes.append((texts, traceback.format_exc()))

    start = time.perf_counter()
    with fuzz_inputs.fake_models():
        for strategy, count in ((fuzz_inputs.ARTICLES, args.inputs), (fuzz_inputs.LONG_ARTICLES, args.long)):
            # Generate only: no shrinking (a crash is caught above) and no example database.
            runs = settings(
                max_examples=count if count is not None else max(1, args.inputs // 100),
                deadline=None,
                database=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            runs(given(strategy)(one))()
    elapsed = time.perf_counter() - start
    total = sum(outcomes.values())
    print(
        f"{total} inputs in {elapsed:.0f} s ({1000 * elapsed / max(total, 1):.1f} ms each): "
        f"{outcomes['ran']} ran to reports, {outcomes['input error']} refused as bad input, "
        f"{outcomes['crash']} crashes"
    )
    for texts, trace in crashes[:5]:
        print(f"\n--- crash on {texts!r:.300}\n{trace}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
