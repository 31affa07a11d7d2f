"""Helpers for the claim-check tests: real seeds through the real ingest and
segmenter, no models."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

from factcheck import ingest, segment
from factcheck.checks import CHECKS, Run
from factcheck.config import Options
from factcheck.types import Article, Candidate, Sentence

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SEED_FILES = sorted(p.name for p in SEEDS.glob("0*.txt"))


def seed(prefix: str) -> str:
    return next(name for name in SEED_FILES if name.startswith(prefix))


def load(paths: list[Path | str], options: Options | None = None, references: list[Path | str] = ()):
    options = options or Options()
    articles, _ = ingest.load_articles([str(p) for p in paths], options)
    if references:
        refs, _ = ingest.load_articles([str(p) for p in references], options, reference=True)
        articles += refs
    return articles, segment.split_all(articles)


def run_level(articles: list[Article], sentences: list[Sentence], options: Options | None = None) -> list:
    """What the registered checks flag with no aligned pair given, as the
    pipeline runs them: the checks that look at every sentence."""
    run = Run(articles, sentences, [], options or Options())
    return [flag for check in CHECKS.values() for flag in check.run(run)]


@lru_cache(maxsize=1)
def _seeds():
    return load([SEEDS / name for name in SEED_FILES])


def seeds() -> tuple[list[Article], list[Sentence]]:
    """The five seeds, cleaned and segmented (a fresh article list)."""
    articles, sentences = _seeds()
    return list(articles), sentences


def norm(text: str) -> str:
    return " ".join(text.replace("\\", "").replace("“", "”").replace('"', "”").split())


def find(articles, sentences, file_prefix: str, snippet: str) -> Sentence:
    """The sentence of the article whose file starts with file_prefix that
    contains snippet (quotes and escapes normalised)."""
    idx = next(i for i, a in enumerate(articles) if a.file.startswith(file_prefix))
    want = norm(snippet)
    hits = [s for s in sentences if s.article == idx and want in norm(s.text)]
    assert hits, f"no sentence of {file_prefix} contains {snippet!r}"
    return hits[0]


def pair(articles, sentences, a: tuple[str, str], b: tuple[str, str], similarity: float = 0.9) -> Candidate:
    return Candidate(find(articles, sentences, *a), find(articles, sentences, *b), similarity)


def edited_copy(tmp_path: Path, file: str, original: str, edited: str) -> Path:
    """A copy of a seed with one sentence edited, under the same file name."""
    text = (SEEDS / file).read_text(encoding="utf-8")
    assert original in text
    folder = tmp_path / "edited"
    folder.mkdir(exist_ok=True)
    out = folder / file
    out.write_text(text.replace(original, edited, 1), encoding="utf-8")
    return out


def copy_seed(tmp_path: Path, file: str) -> Path:
    folder = tmp_path / "edited"
    folder.mkdir(exist_ok=True)
    shutil.copy(SEEDS / file, folder / file)
    return folder / file
