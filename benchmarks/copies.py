"""False alarms on copies: one story told by N copies of each seed, every
copy differing from its seed by one filler word, so every fact is
consistent and every contradiction but the seeds' own is a false alarm.

    .venv/bin/python benchmarks/copies.py [--copies 4] [--seed 15] [--seeds 000 001 ...]

The default is the issue 15 run: the five seeds (four of June 2024 and
003, dated 13 September 2023, which the pipeline treats as far apart in
time), four copies each, 20 outlets, one `factcheck.compare` with the
default models and the settings of the config file found from here.

The filler word is "memang" ("indeed"), inserted right before the first
prefixed verb (a lowercase meN- or di- word that is not on the short list of
non-verbs of that shape) of one sentence per copy. Indonesian news writes
"X memang menolak ...": the adverb affirms what the sentence already says
and adds no number, date, name, role, place or negation. Only sentences
the segmenter keeps, that detect as Indonesian and hold no quotation mark,
are eligible (a changed quote would be a real change), and the sentence
must occur once in the raw file. Each seed's copies take distinct sentences
drawn with a seeded random generator, so the run is deterministic and no
two copies have the same content (ingest refuses duplicates).

Prints the contradictions by category and flags those the issue's
acceptance forbids: any date, number, place or role contradiction, any
attribution one not about the real Ryder/Jean-Pierre conflict, and any NLI
contradiction between two sentences that differ by the filler word only.
A measurement, not a test.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import ingest, segment, settings  # noqa: E402
from factcheck.pipeline import compare  # noqa: E402

FILLER = "memang"
# Lowercase words of the shape of a meN-/di- verb that are not verbs (or
# whose meaning an adverb before them would change).
NOT_VERBS = {
    "mereka", "melalui", "menurut", "meski", "meskipun", "mengenai", "menuju", "menjelang", "memang",
    "media", "medan", "meja", "menit", "menteri", "merah", "megah", "diri", "dirinya", "dinas", "dini",
    "dialog", "digital", "diplomat", "diplomatik", "diplomasi", "direktur", "dimana", "diantara", "dibanding",
}  # fmt: skip
# Negation, aspect and modal words, and ber-/ter- verbs, that may stand
# before the verb: the filler goes before the whole run ("memang tidak
# memberikan", never "tidak memang memberikan").
PREVERBAL = {
    "tidak", "tak", "belum", "bukan", "telah", "sudah", "sedang", "masih", "akan", "dapat", "bisa", "harus",
    "mampu", "ingin", "mau", "perlu", "boleh", "pernah", "juga", "pun", "lalu", "kemudian", "segera", "baru",
    "siap", "berulang", "kali",
}  # fmt: skip
# ber-/ter- words that are not verbs ("Laporan TV negara tersebut").
NOT_PREVERBAL = {"tersebut", "terhadap", "terakhir", "termasuk", "terutama", "terkait", "bersama", "berbagai", "berikut"}
# A verb right after one of these opens a subordinate clause ("Setelah
# mengambil alih"), where the adverb reads wrong: the next verb is taken.
SUBORDINATORS = {"setelah", "ketika", "sebelum", "saat", "untuk", "sejak", "agar", "supaya", "sambil", "seraya", "dan", "atau"}
PREVERBAL_VERB = re.compile(r"(ber|ter)[a-z]{3,}")
VERB = re.compile(r"(?<![\w-])(me[mnyr]?\w{3,}|di[a-z]{4,})(?![\w-])")
QUOTES = re.compile(r"[\"“”‘’«»]")
FORBIDDEN = {"date", "number", "place", "role"}
REAL_ATTRIBUTION = re.compile(r"Ryder|Jean-Pierre")


def filler_spot(sentence: str) -> int | None:
    """Offset in ``sentence`` where the filler goes, or None if none fits."""
    if QUOTES.search(sentence):
        return None
    for match in VERB.finditer(sentence):
        before = sentence[: match.start()].split()
        if match.group(1) not in NOT_VERBS and not (before and before[-1].lower() in SUBORDINATORS):
            return _before_preverbal(sentence, match.start())
    return None


def _before_preverbal(sentence: str, spot: int) -> int:
    """``spot`` moved left past the preverbal words just before it."""
    while True:
        before = re.search(r"(\S+) $", sentence[:spot])
        if not before or not _preverbal(before.group(1)):
            return spot
        spot = before.start()


def _preverbal(word: str) -> bool:
    return word in PREVERBAL or (word not in NOT_PREVERBAL and bool(PREVERBAL_VERB.fullmatch(word)))


def eligible(seed: Path, raw: str) -> list[tuple[str, int]]:
    """(sentence, offset of the filler in it) for each sentence of the seed
    that can take the filler."""
    # reference=True: one article alone is not refused.
    articles, _ = ingest.load_articles([str(seed)], settings.resolve({}).options, reference=True)
    spots = []
    for s in segment.split_sentences(articles[0], 0):
        spot = filler_spot(s.text)
        if spot is not None and raw.count(s.text) == 1 and ingest.detect_language(s.text) == "id":
            spots.append((s.text, spot))
    return spots


def make_copies(seeds: list[Path], copies: int, seed: int, folder: Path) -> list[Path]:
    files = []
    for n, path in enumerate(seeds):
        raw = path.read_text(encoding="utf-8")
        spots = eligible(path, raw)
        if len(spots) < copies:
            sys.exit(f"{path}: only {len(spots)} sentences can take the filler, {copies} copies asked")
        for k, (sentence, spot) in enumerate(random.Random(seed * 1000 + n).sample(spots, copies)):
            edited = f"{sentence[:spot]}{FILLER} {sentence[spot:]}"
            out = folder / f"{path.stem}_c{k}.txt"
            out.write_text(raw.replace(sentence, edited), encoding="utf-8")
            files.append(out)
    return files


def without_filler(text: str) -> str:
    return " ".join(w for w in text.split() if w != FILLER)


def flag(finding) -> str:
    """Why the acceptance of issue 15 forbids this contradiction, or ""."""
    categories = set(finding.category.split("+"))
    texts = finding.a.text + " " + finding.b.text
    reasons = sorted(categories & FORBIDDEN)
    if "attribution" in categories and not REAL_ATTRIBUTION.search(texts):
        reasons.append("attribution beyond Ryder/Jean-Pierre")
    if "nli" in categories and without_filler(finding.a.text) == without_filler(finding.b.text):
        reasons.append("nli between filler-only variants")
    return ", ".join(reasons)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of each seed (default 4)")
    parser.add_argument("--seed", type=int, default=15, help="random seed of the sentence choice")
    parser.add_argument("--seeds", nargs="*", default=None, help="seed file prefixes (default: all five)")
    parser.add_argument("--show", type=int, default=10, help="flagged findings to print in full")
    args = parser.parse_args()
    seeds = sorted((ROOT / "seeds").glob("0*.txt"))
    if args.seeds:
        seeds = [s for s in seeds if any(s.name.startswith(p) for p in args.seeds)]
    with tempfile.TemporaryDirectory() as tmp:
        files = make_copies(seeds, args.copies, args.seed, Path(tmp))
        started = time.perf_counter()
        result = compare([str(f) for f in files], settings.resolve({}).options, progress=False)
        seconds = time.perf_counter() - started
    contradictions = [f for f in result.findings if f.verdict == "contradiction"]
    by_category = Counter(c for f in contradictions for c in f.category.split("+"))
    flagged = [(f, flag(f)) for f in contradictions if flag(f)]
    why = Counter(r for _, reasons in flagged for r in reasons.split(", "))
    summary = result.summary()
    print(f"outlets {len(files)} ({len(seeds)} seeds x {args.copies} copies, filler {FILLER!r}, seed {args.seed})")
    print(f"sentences {summary['sentences']}, aligned pairs {summary['aligned_pairs']}, findings {summary['findings']}")
    print(f"compare {seconds:.1f} s (" + ", ".join(f"{k} {v:.1f}" for k, v in result.timings.items()) + ")")
    print(f"contradictions {len(contradictions)}; by category (a finding may have several):")
    for category, count in by_category.most_common():
        print(f"  {category:<12} {count}")
    temporal = sum("temporal" in f.category.split("+") for f in result.findings)
    print(f"changes over time (neutral, temporal): {temporal}")
    print(f"flagged (beyond the real Ryder/Jean-Pierre attribution): {len(flagged)}")
    for reason, count in why.most_common():
        print(f"  {reason:<40} {count}")
    # The flagged ones, and any other contradiction but an attribution one
    # (those are the real Ryder/Jean-Pierre conflict, repeated by the copies).
    shown = [f for f in contradictions if flag(f) or f.category != "attribution"]
    print(f"shown: {min(len(shown), args.show)} of {len(shown)} contradictions other than attribution or flagged")
    for f in shown[: args.show]:
        print(f"- [{flag(f) or 'not flagged'}] {f.category} {f.score:.2f}\n    A: {f.a.text}\n    B: {f.b.text}\n    why: {f.why}")


if __name__ == "__main__":
    main()
