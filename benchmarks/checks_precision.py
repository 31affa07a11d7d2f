"""How often the polarity and place checks are right, on NLI pairs nobody
wrote for them. No models.

Each premise/hypothesis pair is treated as two outlets' sentences of one day
and passed to the check as if the embedding had aligned them (the place
check only ever sees aligned pairs; the polarity check sees every pair). A
flag is right when the gold label is contradiction. IndoNLI pairs share
most of their words, so this is a hard test of false alarms: every
non-contradiction flagged is one an editor would have to dismiss.

    .venv/bin/python benchmarks/checks_precision.py                  # IndoNLI val
    .venv/bin/python benchmarks/checks_precision.py PATH.jsonl ...   # any NLI file
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.checks import places, polarity  # noqa: E402
from factcheck.config import Options  # noqa: E402
from factcheck.nli_data import read_pairs  # noqa: E402
from factcheck.types import Article, Candidate, Sentence  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "indonli" / "val.jsonl"
DAY = dt.date(2024, 6, 19)


def as_pair(premise: str, hypothesis: str) -> tuple[list[Article], Candidate]:
    articles = [Article(file=f"{n}.txt", path=f"{n}.txt", outlet=n, text=t, date=DAY, language="id")
                for n, t in (("premise", premise), ("hypothesis", hypothesis))]
    a = Sentence(article=0, index=0, start=0, end=len(premise), text=premise)
    b = Sentence(article=1, index=0, start=0, end=len(hypothesis), text=hypothesis)
    return articles, Candidate(a, b, 1.0)


def checks():
    return {
        "polarity": lambda arts, c, o: polarity.check_pair(c.a, c.b, arts, o),
        "place": lambda arts, c, o: places.check_place(c, arts, o),
    }


def measure(path: Path) -> None:
    pairs = read_pairs(path)
    options = Options(progress=False)
    gold = Counter(p.label for p in pairs)
    print(f"{path.name}: {len(pairs)} pairs ({', '.join(f'{k} {v}' for k, v in sorted(gold.items()))})")
    for name, check in checks().items():
        flagged: Counter[str] = Counter()
        examples = []
        for p in pairs:
            articles, candidate = as_pair(p.premise, p.hypothesis)
            found = [s for s in check(articles, candidate, options) if s.verdict == "contradiction"]
            if found:
                flagged[p.label] += 1
                if p.label != "contradiction" and len(examples) < 5:
                    examples.append(f"    [{p.label}] {found[0].why}")
        total = sum(flagged.values())
        right = flagged["contradiction"]
        precision = f"{right / total:.0%}" if total else "n/a"
        recall = right / gold["contradiction"] if gold["contradiction"] else 0
        print(f"  {name:9s} flagged {total:4d}: {right} contradiction, {flagged['neutral']} neutral, "
              f"{flagged['entailment']} entailment -> precision {precision}, "
              f"share of all contradictions found {recall:.1%}")
        print("\n".join(examples))


def main() -> None:
    for path in [Path(p) for p in sys.argv[1:]] or [DEFAULT]:
        measure(path)


if __name__ == "__main__":
    main()
