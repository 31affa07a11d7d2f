"""``factcheck feed``: a day's articles in, one report per story out.

Read every input (files, folders, JSONL/CSV feeds), find the stories
(``factcheck.stories``), compare each story through the pipeline on an
engine (``factcheck.engines``), and write

- ``<out>/<story_id>/``: the story's reports, as ``compare`` writes them;
- ``<out>/index.md`` and ``index.json``: every story with its outlets,
  dates, contradictions, agreements, status and report, then the articles
  that match no story, then the inputs skipped.

The index is rewritten every few seconds while the stories run and once
at the end, also when the run stops (Ctrl-C or an error): every finished
story's reports are complete and the index says which stories did not run.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from os import PathLike
from pathlib import Path

from tqdm import tqdm

from factcheck import __version__, ingest, report, stories
from factcheck.atomic import write_atomic
from factcheck.config import Options
from factcheck.engines import Outcome, run_local
from factcheck.models.backends import Embedder, locate, resolve_precision
from factcheck.types import Article, InputError

ENGINES = ("local", "ray")
INDEX_FILES = {"md": "index.md", "json": "index.json"}
DONE, NOT_RUN = "done", "not run"
SCHEMA_VERSION = 1
# The index lists every story, so rewriting it after each one costs the
# square of the stories (about 110 s over a 10,000-article feed's 1,100
# stories); every few seconds, and at the end, keeps it current.
INDEX_SECONDS = 5.0


@dataclass
class FeedResult:
    stories: list[stories.Story]
    alone: list[Article]  # articles matching no story
    outcomes: dict[str, Outcome] = field(default_factory=dict)  # story_id -> outcome, for the stories that ran
    skipped: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False

    def not_run(self) -> list[stories.Story]:
        return [s for s in self.stories if s.story_id not in self.outcomes]

    def failing(self) -> list[str]:
        """The stories with a finding that fails the gate."""
        return [s.story_id for s in self.stories if s.story_id in self.outcomes and self.outcomes[s.story_id].failing]

    def totals(self) -> dict[str, int]:
        ran = self.outcomes.values()
        return {
            "articles": sum(len(s.articles) for s in self.stories) + len(self.alone),
            "stories": len(self.stories),
            "unmatched_articles": len(self.alone),
            "stories_not_run": len(self.not_run()),
            "failing_stories": len(self.failing()),
            "contradictions": sum(o.summary["contradictions"] for o in ran),
            "agreements": sum(o.summary["agreements"] for o in ran),
            "skipped": len(self.skipped),
        }


def input_files(inputs: Iterable[str | PathLike]) -> list[str]:
    """The files to read: each file as given, each folder's supported files
    (recursively, sorted); a missing path is an InputError."""
    files = []
    for item in map(str, inputs):
        path = Path(item)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ingest.SUPPORTED)
            if not found:
                raise InputError(item, f"folder holds no article files ({', '.join(ingest.SUPPORTED)})")
            files += found
        elif path.exists():
            files.append(item)
        else:
            raise InputError(item, "no such file or folder")
    return files


def run(
    inputs: Iterable[str | PathLike],
    out_dir: str | PathLike,
    options: Options | None = None,
    engine: str = "local",
    address: str | None = None,
    **overrides,
) -> FeedResult:
    """Find the stories in ``inputs``, compare each on ``engine`` ("local" or
    "ray", at ``address`` or a local Ray), write the reports under
    ``out_dir``. Bad input raises InputError before any model loads."""
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    options = replace(options or Options(), **overrides)
    out = Path(out_dir)
    files = input_files(inputs)
    report.check_out_dir(out, files)
    with _stage("reading articles", options):
        articles, skipped = ingest.load_articles(files, options)
    locate(options.nli_model, "nli")  # a bad name fails now, not after the clustering
    options = replace(options, precision=resolve_precision(options.precision))
    embedder = Embedder(options.embedding_model, options.batch_size, options.progress, options.precision)
    embeddings = embedder.encode([stories.lede(a, options) for a in articles])
    with _stage("finding stories", options):
        found, alone = stories.find_stories(articles, embeddings, options)
    result = FeedResult(found, alone, skipped=skipped)
    for story in found:
        report.check_out_dir(out / story.story_id, files)
    write_index(result, out, options)
    if engine == "ray":
        from factcheck import ray_engine

        outcomes = ray_engine.run(found, options, address)
    else:
        outcomes = run_local(found, options)
    bar = tqdm(total=len(found), desc="stories", unit="story", file=sys.stderr, disable=not options.progress)
    written = time.monotonic()
    try:
        for outcome in outcomes:
            folder = out / outcome.story_id
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in outcome.files.items():
                write_atomic(folder / name, text)
            result.outcomes[outcome.story_id] = outcome
            if time.monotonic() - written >= INDEX_SECONDS:
                write_index(result, out, options)
                written = time.monotonic()
            bar.set_postfix_str(outcome.story_id[:30])
            bar.update(1)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        write_index(result, out, options)  # complete, or naming the stories that did not run
        bar.close()
        if hasattr(outcomes, "close"):
            outcomes.close()
    return result


@contextmanager
def _stage(name: str, options: Options) -> Iterator[None]:
    """A bar that shows a stage's name and time while it runs."""
    with tqdm(total=1, desc=name, bar_format="{desc} ({elapsed})", file=sys.stderr, leave=False,
              disable=not options.progress) as bar:  # fmt: skip
        yield
        bar.update(1)


def write_index(result: FeedResult, out: Path, options: Options) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(out / INDEX_FILES["json"], render_json(result, options))
    write_atomic(out / INDEX_FILES["md"], render_markdown(result, options))


def _story_rows(result: FeedResult, options: Options) -> list[dict]:
    report_file = next((report.FILES[f] for f in ("md", "html", "json", "csv") if f in options.formats), "")
    rows = []
    for story in result.stories:
        outcome = result.outcomes.get(story.story_id)
        rows.append(
            {
                "story_id": story.story_id,
                "title": story.articles[0].title or "",
                "status": DONE if outcome else NOT_RUN,
                "report": f"{story.story_id}/{report_file}" if outcome else "",
                "outlets": story.outlets,
                "dates": story.dates,
                "articles": [a.file for a in story.articles],
                "contradictions": outcome.summary["contradictions"] if outcome else None,
                "agreements": outcome.summary["agreements"] if outcome else None,
                "failing": outcome.failing if outcome else None,
                "contradiction_findings": outcome.contradictions if outcome else [],
            }
        )
    return rows


def render_json(result: FeedResult, options: Options) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "interrupted": result.interrupted,
        "summary": result.totals(),
        "stories": _story_rows(result, options),
        "unmatched_articles": [_article_row(a) for a in result.alone],
        "skipped": [{"path": path, "problem": problem} for path, problem in result.skipped],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _article_row(article: Article) -> dict:
    date = article.date.isoformat() if article.date else ""
    return {"file": article.file, "outlet": article.outlet, "date": date, "title": article.title or ""}


def render_markdown(result: FeedResult, options: Options) -> str:
    t = result.totals()
    lines = [
        "# factcheck feed",
        "",
        f"{report.counted(t['articles'], 'article')} in {_stories(t['stories'])}"
        f" ({report.counted(t['unmatched_articles'], 'article')} matching no story): "
        f"{report.counted(t['contradictions'], 'contradiction')}, {report.counted(t['agreements'], 'agreement')}; "
        f"{_stories(t['failing_stories'])} failing the gate.",
    ]
    not_run = [s.story_id for s in result.not_run()]
    if not_run:
        why = "the run was interrupted" if result.interrupted else "the run has not reached them"
        lines += ["", f"**{_stories(len(not_run))} did not run** ({why}): {', '.join(not_run)}"]
    rows = _story_rows(result, options)
    lines += [
        "",
        "## Stories",
        "",
        "| story | outlets | dates | contradictions | agreements | status | report |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        counts = [r["contradictions"], r["agreements"]]
        contradictions, agreements = ("" if n is None else str(n) for n in counts)
        if r["failing"]:
            contradictions += f" ({r['failing']} failing)"
        link = f"[{r['report']}]({r['report']})" if r["report"] else ""
        dates = " to ".join(dict.fromkeys([r["dates"][0], r["dates"][-1]])) if r["dates"] else ""
        lines.append(
            f"| {_cell(r['story_id'])} | {_cell(', '.join(r['outlets']))} | {dates} | {contradictions} "
            f"| {agreements} | {r['status']} | {link} |"
        )
    for r in (r for r in rows if r["contradiction_findings"]):
        lines += ["", f"### {r['story_id']}: contradictions", ""]
        for c in r["contradiction_findings"]:
            a, b = c["outlets"]
            gate = ", fails the gate" if c["gates"] else ""
            lines.append(f"- `{c['finding_id']}` {c['category']} ({c['score']:.2f}{gate}): "
                         f"{_cell(a)}: “{_cell(c['texts'][0])}” vs {_cell(b)}: “{_cell(c['texts'][1])}”")  # fmt: skip
    if result.alone:
        lines += ["", "## Articles matching no story", ""]
        lines += [f"- {_cell(r['file'])} ({_cell(r['outlet'])}{', ' + r['date'] if r['date'] else ''})"
                  f"{': ' + _cell(r['title']) if r['title'] else ''}" for r in map(_article_row, result.alone)]  # fmt: skip
    if result.skipped:
        lines += ["", "## Skipped inputs", ""]
        lines += [f"- {_cell(path)}: {_cell(problem)}" for path, problem in result.skipped]
    return "\n".join(lines) + "\n"


def _stories(n: int) -> str:
    return "1 story" if n == 1 else f"{n} stories"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")
