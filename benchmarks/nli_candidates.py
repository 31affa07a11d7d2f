"""Compare NLI models on every labelled set the project has, side by side.

    .venv/bin/python benchmarks/nli_candidates.py --nli-model factcheck/nli-e5-small runs/nli-xl/hf
        [--sets val crosslingual paraphrase ...] [--test-lay]

For each model and set it prints accuracy, and what the report would call
the pairs (`eval-nli`'s "as the report scores a pair"): the precision and
recall of `agreement` (gold entailment) and `contradiction` (gold
contradiction), and for the fact-edit benchmark the recall over edits and
the false alarms over their controls. IndoNLI val is where candidates are
chosen; test_lay is read only with --test-lay, once per shipped model.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from factcheck.evaluate import evaluate_nli
from factcheck.models import registry

ROOT = Path(__file__).resolve().parents[1]
INDONLI = ROOT.parent / "shared" / "data" / "indonli"
SETS = {
    "val": INDONLI / "val.jsonl",
    "crosslingual-small": ROOT / "tests" / "data" / "crosslingual.jsonl",
    "crosslingual": ROOT / "benchmarks" / "crosslingual" / "pairs.jsonl",
    "paraphrase": ROOT / "benchmarks" / "paraphrase" / "pairs.jsonl",
    "perturbations": ROOT / "benchmarks" / "perturbations" / "pairs.jsonl",
}


def row(model: str, name: str, metrics: dict) -> str:
    scores = metrics["report"]["scores"]
    agree, contra = scores["agreement"], scores["contradiction"]
    cells = [model, name, str(metrics["n"]), f"{metrics['accuracy']:.1%}",
             f"{agree['precision']:.1%} / {agree['recall']:.1%}",
             f"{contra['precision']:.1%} / {contra['recall']:.1%}",
             f"{metrics['pairs_per_second']:.0f}"]
    edits = metrics.get("perturbations", {}).get("kinds", {}).get("all")
    if edits:
        cells.append(f"{edits['caught'] / edits['edited']:.1%} / {edits['false_alarms'] / edits['controls']:.1%}")
    else:
        cells.append("")
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nli-model", nargs="+", default=[registry.NLI])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    parser.add_argument("--test-lay", action="store_true", help="also read test_lay (report it; never tune on it)")
    args = parser.parse_args()
    sets = {name: SETS[name] for name in args.sets if SETS[name].exists()}
    if args.test_lay:
        sets["test_lay"] = INDONLI / "test_lay.jsonl"
    print("| model | set | pairs | accuracy | agreement P / R | contradiction P / R | pairs/s | edits caught / false alarms |")
    print("|---|---|---|---|---|---|---|---|")
    for model in args.nli_model:
        for name, path in sets.items():
            print(row(model, name, evaluate_nli(str(path), model)), flush=True)


if __name__ == "__main__":
    main()
