"""``factcheck check``: an editor's draft against its sources.

The draft goes through the same pipeline as ``compare``, with the draft as
its focus: only pairs with a draft sentence are judged, so only findings
about the draft can gate. Each checkable draft sentence is then

- contradicted: a source (or reference, or the roster) contradicts it;
- supported: nothing contradicts it and at least one source agrees;
- unsupported: no source carries it. A source sentence that is related but
  neither agrees nor contradicts is named, but supports nothing.

Unsupported sentences that state facts (numbers, dates, names, quotes) are
listed apart: those are what must be sourced before publishing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from os import PathLike
from pathlib import Path

from factcheck import align, ingest, pipeline
from factcheck.config import Options
from factcheck.facts import facts
from factcheck.types import Draft, DraftSentence, Finding, InputError

# One article per file: a feed's rows (.jsonl, .csv) would each be a draft.
DRAFT_TYPES = tuple(t for t in ingest.SUPPORTED if t not in (".jsonl", ".csv"))


def check(
    draft: str | PathLike, sources: Sequence[str | PathLike], options: Options | None = None, **overrides
) -> pipeline.Result:
    """Check a draft against its sources; ``result.draft`` holds the verdict
    on each draft sentence. Options and overrides as for ``compare``."""
    options = replace(options or Options(), **overrides)
    draft = str(draft)
    if Path(draft).suffix.lower() not in DRAFT_TYPES:
        raise InputError(draft, f"a draft is one article: use one of {', '.join(DRAFT_TYPES)}")
    articles, skipped = ingest.load_articles([draft, *map(str, sources)], options)
    if articles[0].path != draft:  # skipped as bad input (skip_bad): nothing to check
        raise InputError(draft, dict(skipped).get(draft, "cannot be read"))
    result = pipeline.compare(articles, options, focus=0)
    result.skipped = skipped + result.skipped
    result.draft = _classify(result, 0)
    return result


def _classify(result: pipeline.Result, index: int) -> Draft:
    about: dict[int, list[Finding]] = {}
    for f in result.findings:
        for s in (f.a, f.b):
            if s.article == index:
                about.setdefault(s.index, []).append(f)
    article = result.articles[index]
    sentences = []
    for s in result.sentences:
        if s.article != index or not align.checkable(s, result.options):
            continue
        found = about.get(s.index, [])
        verdicts = {f.verdict for f in found}
        if "contradiction" in verdicts:
            status = "contradicted"
        elif "agreement" in verdicts:
            status = "supported"
        else:
            status = "unsupported"
        sentences.append(DraftSentence(s, status, found, facts(s.text, article)))
    return Draft(index, sentences)
