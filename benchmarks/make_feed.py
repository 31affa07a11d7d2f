"""A synthetic feed for `factcheck feed`: many stories, a story label per article.

    .venv/bin/python benchmarks/make_feed.py --articles 1000 --out /tmp/feed-1000.jsonl

Made from the project's own data:

- the seeds (one story of four outlets, and the 2023 seed, another event);
- the two consistent stories of tests/data/consistent/ (four outlets each);
- stories made of IndoNLI *train* premises as their facts (never the test
  sets): a story has a lede premise and two or three more; each outlet
  writes the lede first, then the other facts in its own order, drops one
  now and then, restates one by an entailed hypothesis of its premise, and
  rarely states a contradicted one instead (a planted contradiction).

Story sizes are drawn from one distribution (3 to 15 outlets) whatever the
feed's size, and about one article in fifty is alone in its story (15% of the stories), so feeds
of 100, 1,000 and 10,000 articles differ in size only. Each row holds url,
outlet, date, title, text and story (the label, which factcheck ignores).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import ingest  # noqa: E402
from factcheck.config import Options  # noqa: E402

INDONLI_TRAIN = ROOT.parent / "shared" / "data" / "indonli" / "train.jsonl"
OUTLETS = [f"warta{n:02d}" for n in range(1, 41)]
SIZES = range(3, 16)  # outlets per story
LONE = 0.15  # share of stories told by one article: about one article in fifty
RESTATE, CONTRADICT, DROP = 0.25, 0.04, 0.15  # per non-lede fact and outlet
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 365
LEDES = 1400  # train premises kept for ledes; the other ~1,000 are the stories' further facts


def project_stories() -> list[tuple[str, list]]:
    """(label, articles) of the seeds and the consistent stories."""
    options = Options(progress=False)
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("0*.txt"))
    articles, _ = ingest.load_articles(seeds, options)
    stories = [("seeds", [a for a in articles if a.date and a.date.year == 2024])]
    stories += [(f"seeds-{a.file[:3]}", [a]) for a in articles if not (a.date and a.date.year == 2024)]
    for name in ("A", "B"):
        folder = ROOT / "tests" / "data" / "consistent" / name
        stories.append((f"consistent-{name}", ingest.load_articles(sorted(map(str, folder.glob("*.txt"))), options)[0]))
    return stories


def premises() -> list[dict]:
    """Each train premise with its entailed and contradicted hypotheses."""
    by_id: dict[int, dict] = {}
    hypotheses: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    with INDONLI_TRAIN.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            by_id.setdefault(row["premise_id"], {"text": row["premise"]})
            hypotheses[row["premise_id"]][row["label"]].append(row["hypothesis"])
    return [{**p, "e": hypotheses[i]["e"], "c": hypotheses[i]["c"]} for i, p in sorted(by_id.items())]


def _noise(text: str) -> bool:
    return bool(ingest.clean_text(text)[1])


def sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."


def title_of(text: str) -> str:
    words = text.split()
    return " ".join(words[:10]).rstrip(",.;:")


def synthetic_story(label: str, facts: list[dict], size: int, rng: random.Random, seen: set[str]) -> list[dict]:
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    rows = []
    for outlet in rng.sample(OUTLETS, size):
        for _ in range(20):  # an outlet whose article repeats another's tries again
            body = [sentence(facts[0]["text"])]
            rest = facts[1:]
            rng.shuffle(rest)
            for fact in rest:
                roll = rng.random()
                if roll < DROP:
                    continue
                if roll < DROP + CONTRADICT and fact["c"]:
                    body.append(sentence(rng.choice(fact["c"])))
                elif roll < DROP + CONTRADICT + RESTATE and fact["e"]:
                    body.append(sentence(rng.choice(fact["e"])))
                elif not _noise(fact["text"]):  # a noisy further fact is left out, as ingest would
                    body.append(sentence(fact["text"]))
            text = "\n\n".join(body)
            digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                date = day + dt.timedelta(days=rng.randrange(2))
                rows.append(_row(label, outlet, date, title_of(facts[0]["text"]), text, len(rows)))
                break
    return rows


def _row(label: str, outlet: str, date: dt.date | None, title: str | None, text: str, n: int) -> dict:
    return {
        "url": f"https://{outlet}.example/{label}/{n}",
        "outlet": outlet,
        "date": date.isoformat() if date else "",
        "title": title or "",
        "text": text,
        "story": label,
    }


def make_feed(articles: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    rows, seen = [], set()
    for label, story in project_stories():
        for n, a in enumerate(story):
            rows.append(_row(label, a.outlet, a.date, a.title, a.text, n))
            seen.add(hashlib.sha256(" ".join(a.text.split()).encode()).hexdigest())
    pool = premises()
    rng.shuffle(pool)
    # Ledes and the other facts come from apart, so no story's lede is another's fact.
    # A premise that is page noise to ingest ("Baca juga: ...", a link to
    # another story) would be cut from the article, or leave nothing of it:
    # such a premise leads no story (skipped without drawing from rng, so the
    # feeds stay the same as before this rule where it did not bite).
    ledes, others = iter([p for p in pool[:LEDES] if not _noise(p["text"])]), pool[LEDES:]
    number = 0
    while len(rows) < articles:
        number += 1
        lede = next(ledes, None)
        if lede is None:
            sys.exit(f"make_feed: the {LEDES} ledes give no more stories")
        size = 1 if rng.random() < LONE else rng.choice(SIZES)
        size = min(size, articles - len(rows))
        facts = [lede] + rng.sample(others, rng.choice((2, 3)))
        rows += synthetic_story(f"indonli-{number:04d}", facts, size, rng, seen)
    rng.shuffle(rows)  # a feed arrives in no story's order
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = make_feed(args.articles, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    stories = len({r["story"] for r in rows})
    print(f"{args.out}: {len(rows)} articles, {stories} stories", file=sys.stderr)


if __name__ == "__main__":
    main()
