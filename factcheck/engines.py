"""Where a feed's stories are compared: in this process (the default), or on
Ray workers (``factcheck.ray_engine``). Both run ``judge`` on each story, so
both give the same reports byte for byte.

A story's outcome carries its reports as text, not the pipeline's Result:
text is small to send between processes and machines, and the caller writes
the files where it wants them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from factcheck import pipeline, report
from factcheck.config import Options
from factcheck.stories import Story

PREVIEW_CHARS = 120  # the sentences quoted for a contradiction in the index


@dataclass
class Outcome:
    story_id: str
    files: dict[str, str]  # report file name -> its text
    summary: dict[str, int]  # Result.summary()
    failing: int  # findings that fail the gate
    contradictions: list[dict] = field(default_factory=list)  # the index's view of each


def judge(story: Story, options: Options) -> Outcome:
    """Compare one story and render its reports."""
    result = pipeline.compare(story.articles, options)
    files = {report.FILES[fmt]: report.render(result, fmt) for fmt in options.formats}
    gating = {f.finding_id for f in result.failing()}
    contradictions = [
        {
            "finding_id": f.finding_id,
            "category": f.category,
            "score": round(f.score, 4),
            "gates": f.finding_id in gating,
            "outlets": [result.articles[s.article].outlet for s in (f.a, f.b)],
            "texts": [_preview(s.text) for s in (f.a, f.b)],
        }
        for f in result.findings
        if f.verdict == "contradiction"
    ]
    return Outcome(story.story_id, files, result.summary(), len(gating), contradictions)


def run_local(stories: list[Story], options: Options) -> Iterator[Outcome]:
    """Each story in turn, in this process; the models load once (the
    backends keep them)."""
    for story in stories:
        yield judge(story, options)


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"
