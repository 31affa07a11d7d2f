"""Write a comparison's reports into one folder.

- ``discrepancies.csv``: one row per aligned pair (``Result.to_frame``).
- ``report.md``: what an editor reads: contradictions first, then claims.
- ``findings.json``: everything, for other tools.

Each file is written to a temporary name and renamed into place, so a
reader never sees half a report. Reports are never written into a folder
that holds an input file. The files hold no timestamps or timings: the same
inputs and models give byte-identical reports.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from factcheck import __version__
from factcheck.pipeline import Result
from factcheck.types import Article, Claim, Finding, InputError, Sentence

SCHEMA_VERSION = 1
FILES = {"csv": "discrepancies.csv", "md": "report.md", "json": "findings.json"}
PREVIEW_CHARS = 160  # sentences are cut to this in the compact lists of report.md


def input_paths(result: Result) -> list[str]:
    return [a.path for a in result.articles if a.path] + [path for path, _ in result.skipped]


def check_out_dir(out_dir: str | os.PathLike, inputs: list[str]) -> None:
    """Refuse an output folder that holds any of the inputs: a report must
    never overwrite, or be mistaken for, an input."""
    target = Path(out_dir).resolve()
    for path in inputs:
        if Path(path).resolve().parent == target:
            raise InputError(str(out_dir), f"holds the input {path}; choose another output folder")


def write_reports(result: Result, out_dir: str | os.PathLike, formats=tuple(FILES)) -> list[Path]:
    """Write the requested formats ("csv", "md", "json"); returns the paths."""
    unknown = set(formats) - set(FILES)
    if unknown:
        raise ValueError(f"unknown report formats: {', '.join(sorted(unknown))}")
    check_out_dir(out_dir, input_paths(result))
    render = {"csv": render_csv, "md": render_markdown, "json": render_json}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out / FILES[fmt]
        write_atomic(path, render[fmt](result))
        written.append(path)
    return written


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):  # never hide the error that got us here
            os.unlink(tmp)
        raise


def render_csv(result: Result) -> str:
    return result.to_frame().to_csv(index=False, lineterminator="\n")


# --- report.md ---------------------------------------------------------------


def render_markdown(result: Result) -> str:
    sections = [
        _md_summary(result),
        _md_contradictions(result),
        _md_claims(result),
        _md_single_source(result),
        _md_articles(result),
        _md_skipped(result),
        _md_models(result),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _md_summary(result: Result) -> str:
    s = result.summary()
    o = result.options
    if o.fail_on == "none":
        gate = "not gated (fail on: none)"
    else:
        failing = len(result.failing())
        verdict = f"**FAILED** ({failing} at or above)" if failing else "passed (none at or above)"
        gate = f"fails on {o.fail_on} with score >= {o.min_score}: {verdict}"
    return "\n".join(
        [
            "# factcheck report",
            "",
            f"- {s['articles']} articles"
            + (f" and {s['references']} trusted references" if s["references"] else "")
            + f", {s['sentences']} sentences, {s['aligned_pairs']} pairs aligned across outlets",
            f"- {s['findings']} findings: {s['contradictions']} contradictions, {s['agreements']} agreements, "
            f"{s['neutral']} neutral",
            f"- {s['claims']} claims: {s['multi_source_claims']} carried by several outlets, "
            f"{s['single_source_claims']} by one",
            f"- gate: {gate}",
        ]
        + ([f"- {s['skipped']} inputs skipped (see below)"] if s["skipped"] else [])
    )


def _md_contradictions(result: Result) -> str:
    found = [f for f in result.findings if f.verdict == "contradiction"]
    if not found:
        return "## Contradictions\n\nNone found."
    blocks = ["## Contradictions"]
    for n, f in enumerate(found, 1):
        blocks.append(
            "\n".join(
                [
                    f"### {n}. score {f.score:.2f} ({f.category}) `{f.finding_id}`",
                    "",
                    _md_quote(result, f.a),
                    ">",
                    _md_quote(result, f.b),
                    "",
                    f"Why: {f.why}" + (f" Reference: {f.reference}." if f.reference else ""),
                ]
            )
        )
    return "\n\n".join(blocks)


def _md_quote(result: Result, s: Sentence) -> str:
    article = result.articles[s.article]
    when = f", {article.date.isoformat()}" if article.date else ""
    where = f"`{article.file}`, sentence {s.index + 1}, characters {s.start}-{s.end}"
    return f"> **{_outlet(article)}**{when} ({where}):\n> {_one_line(s.text)}"


def _md_claims(result: Result) -> str:
    multi = [c for c in result.claims if not c.single_source]
    if not multi:
        return "## Claims carried by several outlets\n\nNone."
    by_claim: dict[int, list[Finding]] = {}
    for f in result.findings:
        by_claim.setdefault(f.claim, []).append(f)
    rows = [
        "## Claims carried by several outlets",
        "",
        "| claim | outlets | how they relate | first sentence |",
        "|---|---|---|---|",
    ]
    for c in multi:
        outlets = ", ".join(_outlet(result.articles[a]) for a in c.articles)
        relation = claim_relation(c, by_claim.get(c.claim_id, []), len(result.articles))
        rows.append(f"| {c.claim_id} | {_cell(outlets)} | {relation} | {_cell(_preview(c.sentences[0].text))} |")
    return "\n".join(rows)


def claim_relation(claim: Claim, findings: list[Finding], n_articles: int) -> str:
    """E.g. "carried by 4 of 5 outlets; 6 pairs: 4 agree, 1 contradicts, 1 neutral"."""
    counts = Counter(f.verdict for f in findings)
    verbs = {  # (one pair, several pairs)
        "agreement": ("agrees", "agree"),
        "contradiction": ("contradicts", "contradict"),
        "neutral": ("neutral", "neutral"),
    }
    parts = [f"{counts[v]} {verbs[v][counts[v] > 1]}" for v in ("agreement", "contradiction", "neutral") if counts[v]]
    text = f"carried by {len(claim.articles)} of {n_articles} outlets"
    if findings:
        pairs = "pair" if len(findings) == 1 else "pairs"
        text += f"; {len(findings)} {pairs}: " + ", ".join(parts)
    return text


def _md_single_source(result: Result) -> str:
    single = [c for c in result.claims if c.single_source]
    lines = [f"## Claims carried by one outlet only ({len(single)})"]
    if single:
        lines.append("")
        for c in single:
            article = result.articles[c.articles[0]]
            lines.append(f"- {_outlet(article)} (`{article.file}`): {_preview(c.sentences[0].text)}")
    return "\n".join(lines)


def _md_articles(result: Result) -> str:
    kept = Counter(s.article for s in result.sentences)
    lines = [
        "## Articles",
        "",
        "| file | outlet | date | sentences | dropped as noise |",
        "|---|---|---|---|---|",
    ]
    for n, a in enumerate(result.articles):
        date = f"{a.date.isoformat()} ({a.date_source})" if a.date else "unknown"
        lines.append(f"| `{a.file}` | {_cell(_outlet(a))} | {date} | {kept[n]} | {len(a.dropped)} |")
    for a in result.articles:
        if a.dropped:
            lines += ["", f"### Dropped from `{a.file}`", ""]
            lines += [f"- {d.reason}: {_preview(d.text)}" for d in a.dropped]
    return "\n".join(lines)


def _md_skipped(result: Result) -> str:
    if not result.skipped:
        return ""
    return "\n".join(["## Skipped inputs", ""] + [f"- `{path}`: {problem}" for path, problem in result.skipped])


def _md_models(result: Result) -> str:
    lines = ["## Models", ""] + [f"- {role}: `{name}`" for role, name in result.models.items()]
    return "\n".join(lines + [f"- factcheck {__version__}"])


def _outlet(article: Article) -> str:
    return article.outlet or article.file


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _preview(text: str) -> str:
    text = _one_line(text)
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


# --- findings.json -----------------------------------------------------------


def render_json(result: Result) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "models": result.models,
        # Whether bars were shown is no part of the result: leave it out so
        # a run in a terminal and one in CI write the same file.
        "options": {k: v for k, v in asdict(result.options).items() if k != "progress"},
        "summary": result.summary(),
        "articles": [_json_article(result, n, a) for n, a in enumerate(result.articles)],
        "findings": [_json_finding(result, f) for f in result.findings],
        "claims": [
            {
                "claim_id": c.claim_id,
                "single_source": c.single_source,
                "articles": [result.articles[a].file for a in c.articles],
                "sentences": [_json_sentence(result, s) for s in c.sentences],
            }
            for c in result.claims
        ],
        "skipped": [{"path": path, "problem": problem} for path, problem in result.skipped],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_article(result: Result, n: int, a: Article) -> dict:
    return {
        "index": n,
        "file": a.file,
        "path": a.path,
        "outlet": a.outlet,
        "title": a.title,
        "date": a.date.isoformat() if a.date else None,
        "date_source": a.date_source,
        "language": a.language,
        "url": a.url,
        "encoding": a.encoding,
        "is_reference": a.is_reference,
        "text": a.text,
        "sentences": [[s.start, s.end] for s in result.sentences if s.article == n],
        "dropped": [asdict(d) for d in a.dropped],
    }


def _json_sentence(result: Result, s: Sentence) -> dict:
    return {"file": result.articles[s.article].file, "index": s.index, "start": s.start, "end": s.end, "text": s.text}


def _json_finding(result: Result, f: Finding) -> dict:
    return {
        "finding_id": f.finding_id,
        "verdict": f.verdict,
        "category": f.category,
        "score": round(f.score, 4),
        "similarity": round(f.similarity, 4),
        "why": f.why,
        "reference": f.reference,
        "claim_id": f.claim,
        "a": _json_sentence(result, f.a),
        "b": _json_sentence(result, f.b),
        "nli": {
            "a_to_b": _json_nli(f.nli_ab),
            "b_to_a": _json_nli(f.nli_ba),
        },
    }


def _json_nli(r) -> dict | None:
    return {k: round(v, 4) for k, v in asdict(r).items()} if r else None
