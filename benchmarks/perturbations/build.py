"""Build the held-out perturbation benchmark (pairs.jsonl in this folder).

    .venv/bin/python benchmarks/perturbations/build.py [--per-kind 30] [--seed 7]

Sentences come from IndoNLI val and the translated MNLI dev sample: never
from the files the NLI model trains on (IndoNLI train, the translated MNLI
train sample) and never from seeds/. Each sentence gives one edited pair
(label c, ``edit`` = the generator's edit, ``kind`` = its type as the
report groups them: number, date/time, weekday, negation, antonym, entity,
role, speaker) and its control: the same harmless rewrite
without the edit (label e, ``control`` true). Pairs listed in rejected.txt
(edits a reviewer found ungrammatical or not contradictory) are left out,
and handmade.jsonl adds reviewed pairs for edit types the corpus rarely
offers. Then:

    .venv/bin/factcheck eval-nli benchmarks/perturbations/pairs.jsonl
"""

from __future__ import annotations

import argparse
import glob
import json
import random
from collections import defaultdict
from pathlib import Path

from factcheck import synthetic

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data" / "indonli"
HELD_OUT = [DATA / "val.jsonl", DATA / "translate_train_small" / "dev.jsonl"]
TRAINING = [DATA / "train.jsonl", DATA / "translate_train_small" / "train.jsonl"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-kind", type=int, default=30, help="edited pairs per edit kind at most")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    seen = set(synthetic.sentences_of(TRAINING))
    seeds = "\n".join(Path(p).read_text(encoding="utf-8") for p in glob.glob(str(ROOT / "seeds" / "*.txt")))
    sentences = [s for s in synthetic.sentences_of(HELD_OUT) if s not in seen and s not in seeds]
    pairs = synthetic.generate(sentences, seed=args.seed, benchmark=True)

    rejected = set((HERE / "rejected.txt").read_text(encoding="utf-8").split()) if (HERE / "rejected.txt").exists() else set()
    by_source: dict[int, list] = defaultdict(list)
    for pair in pairs:
        by_source[pair.source].append(pair)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for source, group in by_source.items():
        edited = [p for p in group if p.label == "c"]
        if edited and f"s{source}" not in rejected:
            by_kind[edited[0].kind].append(source)

    rng = random.Random(args.seed)
    rows = []
    for kind in synthetic.EDITS:
        for source in sorted(rng.sample(by_kind[kind], min(args.per_kind, len(by_kind[kind])))):
            for pair in by_source[source]:
                rows.append({"id": f"s{source}", "premise": pair.premise, "hypothesis": pair.hypothesis,
                             "label": pair.label, "kind": kind, "control": pair.control})
    handmade = HERE / "handmade.jsonl"
    if handmade.exists():
        rows += [json.loads(line) for line in handmade.read_text(encoding="utf-8").splitlines() if line.strip()]
    # eval-nli reports per "kind": the editor's edit types; "edit" keeps the generator's finer name.
    for row in rows:
        row["edit"], row["kind"] = row["kind"], synthetic.EDIT_TYPES[row["kind"]]
    with open(HERE / "pairs.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = defaultdict(int)
    for row in rows:
        if not row["control"]:
            counts[row["kind"]] += 1
    print(f"{len(rows)} pairs ({sum(counts.values())} edited + their controls): "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
