"""False alarms and recall on held-out stories (benchmarks/stories/).

    .venv/bin/python benchmarks/false_alarms.py [--root DIR] [--stories NAME ...] [--no-edits] [--json OUT.json]

``--root`` names another folder laid out alike (story folders and an
edits.jsonl), e.g. the tuning stories of tests/data/dev_stories/.
Each story folder holds one consistent story, one .txt per outlet; every
contradiction `factcheck.compare` reports on it is a false alarm, counted
per 100 aligned pairs (the pipeline's candidates), per story and in all,
split by category (a finding whose category is "number+nli" counts for
both). Then each edit of the root's edits.jsonl is applied alone
(its file's original sentence replaced by the edited one) and the story
compared again: the edit is found when a contradiction has the edited
sentence on one side and, on the other, a sentence in the language the
edit's pair names (id: Indonesian, en: English, mixed: the other language
than the edited sentence's), and the consistent story had no contradiction
between the original sentence and that partner (an old false alarm finds
nothing). Two laxer columns count a partner in any language, and old
alarms too. Recall is reported per edit kind and per pair language.

The models load once (the backends keep loaded models per process), and
their outputs are kept per text (embeddings) and per sentence pair (NLI)
for the whole run, so an edited run computes only what the edit changed:
an edited story differs from its consistent one by one sentence. (Batches
then hold other texts than in a cold run, which moves a probability in its
last digits at most.) The settings are those of the config file found from
here, as for the CLI.
A measurement, not a test. See benchmarks/stories/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import settings  # noqa: E402
from factcheck.models import backends  # noqa: E402
from factcheck.pipeline import Result, compare  # noqa: E402

STORIES = ROOT / "benchmarks" / "stories"


def remember(method):
    """``method(self, items)`` -> one output per item, computed once per item."""
    kept: dict = {}

    def wrapper(self, items):
        missing = list(dict.fromkeys(i for i in items if (self.name, i) not in kept))
        if missing:
            for item, output in zip(missing, method(self, missing)):
                kept[(self.name, item)] = output
        return [kept[(self.name, i)] for i in items]

    return wrapper


def keep_model_outputs() -> None:
    predict, encode = backends.NLIModel.predict, backends.Embedder.encode
    backends.NLIModel.predict = remember(predict)
    rows = remember(lambda self, texts: list(encode(self, texts)))
    backends.Embedder.encode = lambda self, texts: np.stack(rows(self, texts)) if len(texts) else encode(self, texts)


def story_files(story: Path) -> list[Path]:
    return sorted(story.glob("*.txt"))


def load_edits(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(files: list[Path]) -> tuple[Result, float]:
    started = time.perf_counter()
    result = compare([str(f) for f in files], settings.resolve({}).options, progress=False)
    return result, time.perf_counter() - started


def contradictions(result: Result) -> list:
    return [f for f in result.findings if f.verdict == "contradiction"]


def categories(finding) -> list[str]:
    return finding.category.split("+")


def edited_run(edit: dict, stories: Path, folder: Path) -> tuple[Result, float]:
    """The story with this one edit applied, compared."""
    story = stories / edit["story"]
    target = folder / edit["story"]
    shutil.copytree(story, target)
    path = target / edit["file"]
    text = path.read_text(encoding="utf-8")
    if text.count(edit["original"]) != 1:
        sys.exit(f"{stories / 'edits.jsonl'}: {edit['story']}/{edit['file']}: original sentence not found exactly once")
    path.write_text(text.replace(edit["original"], edit["edited"]), encoding="utf-8")
    return run(story_files(target))


def partners(result: Result, file: str, sentence: str) -> list[tuple[str, str, object]]:
    """(partner's file, partner's text, finding) of each contradiction with
    ``sentence`` of ``file`` on one side (or a sentence it contains, if the
    segmenter cut it differently)."""
    found = []
    for f in contradictions(result):
        for mine, other in ((f.a, f.b), (f.b, f.a)):
            if result.articles[mine.article].file == file and (mine.text in sentence or sentence in mine.text):
                found.append((result.articles[other.article].file, other.text, f))
    return found


def matches(edit: dict, result: Result, baseline: Result) -> dict:
    """Whether the edited run found the edit. A contradiction counts only if
    the consistent story had none between the original sentence and that
    partner (a false alarm already there finds nothing), and, for "found",
    only if the partner is in the edit's pair language (mixed: the other
    language than the edited sentence's)."""
    language = {a.file: a.language for a in result.articles}
    old = {(file, text) for file, text, _ in partners(baseline, edit["file"], edit["original"])}
    new = [(file, f) for file, text, f in partners(result, edit["file"], edit["edited"]) if (file, text) not in old]
    mine = language[edit["file"]]
    wanted = (lambda lang: lang != mine) if edit["language"] == "mixed" else (lambda lang: lang == edit["language"])
    hits = [f for file, f in new if wanted(language[file])]
    return {
        "found": bool(hits),
        "found_any_language": bool(new),
        "found_with_old_alarms": bool(partners(result, edit["file"], edit["edited"])),
        "categories": sorted({c for f in hits for c in categories(f)}),
    }


def percent(found: int, total: int) -> str:
    return f"{found}/{total} ({100 * found / total:.0f}%)" if total else "-"


def false_alarm_table(rows: list[tuple[str, Result]]) -> dict:
    print("\nFalse alarms on the consistent stories (contradictions per 100 aligned pairs)")
    print(f"{'story':<24} {'outlets':>7} {'sentences':>9} {'pairs':>6} {'contra':>6} {'per 100':>7}  by category")
    total_pairs = total_contra = 0
    all_categories: Counter = Counter()
    report = {}
    for name, result in rows:
        found = contradictions(result)
        by = Counter(c for f in found for c in categories(f))
        pairs = len(result.candidates)
        total_pairs += pairs
        total_contra += len(found)
        all_categories += by
        rate = 100 * len(found) / pairs if pairs else 0.0
        cats = ", ".join(f"{c} {n}" for c, n in by.most_common()) or "-"
        print(f"{name:<24} {len(result.articles):>7} {len(result.sentences):>9} {pairs:>6} {len(found):>6} {rate:>7.2f}  {cats}")
        report[name] = {"pairs": pairs, "contradictions": len(found), "per_100": rate, "by_category": dict(by),
                        "findings": [{"category": f.category, "a": f.a.text, "b": f.b.text, "why": f.why} for f in found]}  # fmt: skip
    rate = 100 * total_contra / total_pairs if total_pairs else 0.0
    cats = ", ".join(f"{c} {n}" for c, n in all_categories.most_common()) or "-"
    print(f"{'all':<24} {'':>7} {'':>9} {total_pairs:>6} {total_contra:>6} {rate:>7.2f}  {cats}")
    for name, result in rows:
        for f in contradictions(result):
            print(f"- {name} [{f.category} {f.score:.2f}]\n    A: {f.a.text}\n    B: {f.b.text}\n    why: {f.why}")
    return report


COLUMNS = {
    "found": "found",
    "found_any_language": "any language",
    "found_with_old_alarms": "+ old alarms",
}


def recall_table(outcomes: list[dict]) -> None:
    print("\nRecall on the edited stories (one edit per run). found: a new contradiction with the edited")
    print("sentence, partner in the pair language; any language: partner in either; + old alarms: also")
    print("counting contradictions the original sentence already had (false alarms of the consistent story)")
    header = "".join(f"{name:>16}" for name in COLUMNS.values())
    for field in ("kind", "language"):
        print(f"{field:<10}{header}")
        for value in sorted({o[field] for o in outcomes}):
            group = [o for o in outcomes if o[field] == value]
            print(f"{value:<10}" + "".join(f"{percent(sum(o[c] for o in group), len(group)):>16}" for c in COLUMNS))
    print(f"{'all':<10}" + "".join(f"{percent(sum(o[c] for o in outcomes), len(outcomes)):>16}" for c in COLUMNS))
    print("\nMissed (no new contradiction in the pair language):")
    for o in outcomes:
        if not o["found"]:
            print(f"- {o['kind']}/{o['language']} {o['story']}/{o['file']}: {o['edited']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=STORIES, help="folder of story folders and edits.jsonl")
    parser.add_argument("--stories", nargs="*", default=None, help="story folder names (default: all)")
    parser.add_argument("--no-edits", action="store_true", help="only the consistent stories")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this JSON file")
    args = parser.parse_args()
    stories = sorted(p for p in args.root.iterdir() if p.is_dir() and (not args.stories or p.name in args.stories))
    keep_model_outputs()
    seconds = []
    rows = []
    for story in stories:
        result, spent = run(story_files(story))
        seconds.append(spent)
        rows.append((story.name, result))
        stages = ", ".join(f"{k} {v:.0f}" for k, v in result.timings.items())
        print(f"{story.name}: {spent:.1f} s ({stages})", flush=True)
    report = {"consistent": false_alarm_table(rows), "edits": []}
    baseline = dict(rows)
    if not args.no_edits:
        edits = [e for e in load_edits(args.root / "edits.jsonl") if e["story"] in {s.name for s in stories}]
        for n, edit in enumerate(edits, 1):
            with tempfile.TemporaryDirectory() as tmp:
                result, spent = edited_run(edit, args.root, Path(tmp))
            seconds.append(spent)
            outcome = matches(edit, result, baseline[edit["story"]])
            report["edits"].append(dict(edit, **outcome))
            print(f"edit {n}/{len(edits)} {edit['kind']}/{edit['language']} {'found' if outcome['found'] else 'missed'}"
                  f" {'+'.join(outcome['categories'])} ({spent:.1f} s)", flush=True)  # fmt: skip
        recall_table(report["edits"])
    print(f"\ncompare runs {len(seconds)}, total {sum(seconds):.0f} s, mean {sum(seconds) / len(seconds):.1f} s")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
