"""Write a comparison's reports into one folder.

- ``discrepancies.csv``: one row per aligned pair (``Result.to_frame``).
- ``report.md``: what an editor reads: contradictions first, then claims.
- ``findings.json``: everything, for other tools.
- ``report.html`` (opt-in): the same for a browser (``factcheck.report_html``).
- ``report.sarif`` (opt-in): the contradictions for review tools such as
  GitHub code scanning (``factcheck.report_sarif``).

A draft check (``factcheck.check``) adds the draft, sentence by sentence;
waived findings are marked with their waiver, and stale waivers listed.

The files are written into a temporary folder and moved in together, so a
reader never sees half a report, nor one file of a new run among the old.
Reports are never written into a folder that holds an input file. The
files hold no timestamps or timings: the same inputs and models give
byte-identical reports.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from factcheck import __version__
from factcheck.atomic import write_files
from factcheck.config import Options
from factcheck.facts import Span, conflicting_spans, wrapped
from factcheck.pipeline import Result
from factcheck.report_html import render_html
from factcheck.report_sarif import render_sarif
from factcheck.types import Article, Claim, Finding, InputError, Sentence

SCHEMA_VERSION = 1
FILES = {
    "csv": "discrepancies.csv",
    "md": "report.md",
    "json": "findings.json",
    "html": "report.html",
    "sarif": "report.sarif",
}
DEFAULT_FORMATS = tuple(Options().formats)
PREVIEW_CHARS = 160  # sentences are cut to this in the compact lists of report.md
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet cell starting so is a formula
# What Markdown reads as markup inside a line: emphasis, code, links and
# images, raw HTML and autolinks, table cells, strikethrough, and & where it
# starts an entity.
MD_MARKUP = re.compile(r"[\\`*_\[\]<|~]|&(?=#?[0-9A-Za-z]+;)")
# What opens a block at the start of a line: a heading, a list item, a quote,
# a setext underline.
MD_BLOCK_START = re.compile(r"^(\d+(?=[.)])|(?=[#=+>-]))")


def input_paths(result: Result) -> list[str]:
    return [a.path for a in result.articles if a.path] + [path for path, _ in result.skipped]


def check_out_dir(out_dir: str | os.PathLike, inputs: list[str]) -> None:
    """Refuse an output folder that holds any of the inputs: a report must
    never overwrite, or be mistaken for, an input."""
    target = Path(out_dir).resolve()
    for path in inputs:
        if Path(path).resolve().parent == target:
            raise InputError(str(out_dir), f"holds the input {path}; choose another output folder")


def write_reports(result: Result, out_dir: str | os.PathLike, formats=DEFAULT_FORMATS) -> list[Path]:
    """Write the requested formats (keys of FILES); returns the paths."""
    unknown = set(formats) - set(FILES)
    if unknown:
        raise ValueError(f"unknown report formats: {', '.join(sorted(unknown))}")
    check_out_dir(out_dir, input_paths(result))
    # All of them or none (atomic.write_files): a run stopped here leaves the previous report whole.
    return write_files(Path(out_dir), {FILES[fmt]: render(result, fmt) for fmt in formats})


def render(result: Result, fmt: str) -> str:
    """One report as text: a key of FILES."""
    renderers = {
        "csv": render_csv,
        "md": render_markdown,
        "json": render_json,
        "html": render_html,
        "sarif": render_sarif,
    }
    return renderers[fmt](result)


def render_csv(result: Result) -> str:
    frame = result.to_frame()
    for column in frame.select_dtypes(exclude=["number", "bool"]).columns:
        frame[column] = frame[column].map(spreadsheet_safe)
    return frame.to_csv(index=False, lineterminator="\n")


def spreadsheet_safe(value):
    """A text cell a spreadsheet would run as a formula gets a leading
    apostrophe, as OWASP advises against CSV injection: the articles come
    from outside, and editors open the CSV in Excel or LibreOffice. Only the
    CSV does this; offsets still count in the text without the apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# --- report.md ---------------------------------------------------------------


def render_markdown(result: Result) -> str:
    # A draft check reads around the draft; its claims are the draft's sentences.
    if result.draft:
        around = [_md_draft(result), _md_unsupported(result)]
    else:
        around = [_md_claims(result), _md_single_source(result)]
    sections = [
        _md_summary(result),
        _md_contradictions(result),
        *around,
        _md_stale(result),
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
    if result.draft:
        counts = result.draft.counts()
        title = f"# factcheck draft check: {_code(result.articles[result.draft.article].file)}"
        draft = [
            f"- draft: {len(result.draft.sentences)} sentences checked: {counts['contradicted']} contradicted, "
            f"{counts['unsupported']} unsupported ({len(result.draft.unsupported_facts())} with facts to source), "
            f"{counts['supported']} supported"
        ]
    else:
        title, draft = "# factcheck report", []
    return "\n".join(
        [
            title,
            "",
            *draft,
            f"- {s['articles']} articles"
            + (f" and {s['references']} trusted references" if s["references"] else "")
            + f", {s['sentences']} sentences, {s['aligned_pairs']} pairs aligned across outlets",
            f"- {counted(s['findings'], 'finding')}: {counted(s['contradictions'], 'contradiction')}, "
            f"{counted(s['agreements'], 'agreement')}, {s['neutral']} neutral",
            f"- {s['claims']} claims: {s['multi_source_claims']} carried by several outlets, "
            f"{s['single_source_claims']} by one",
            f"- gate: {gate}",
        ]
        + ([f"- {s['skipped']} inputs skipped (see below)"] if s["skipped"] else [])
        + ([_md_waiver_summary(result)] if s["waived"] or s["stale_waivers"] else [])
    )


def counted(n: int, noun: str) -> str:
    """ "1 contradiction", "2 contradictions", "0 agreements"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _md_waiver_summary(result: Result) -> str:
    s = result.summary()
    stale = f", {s['stale_waivers']} stale (see below)" if s["stale_waivers"] else ""
    return f"- waivers: {s['waived']} findings waived{stale}, from {_code(result.waivers.file)}"


def _md_contradictions(result: Result) -> str:
    """Contradictions grouped by category (in report order: the group of the
    strongest finding first), each with both sentences and the values they
    conflict on in bold."""
    found = [f for f in result.findings if f.verdict == "contradiction"]
    if not found:
        return "## Contradictions\n\nNone found."
    groups: dict[str, list[Finding]] = {}
    for f in found:
        groups.setdefault(f.category, []).append(f)
    blocks = ["## Contradictions"]
    gating = {f.finding_id for f in result.failing()}
    n = 0
    for category, group in groups.items():
        blocks.append(f"### {category.replace('+', ' + ')} ({len(group)})")
        for f in group:
            n += 1
            spans_a, spans_b = conflicting_spans(f, result.articles, result.options)
            blocks.append(
                "\n".join(
                    [
                        f"#### {n}. score {f.score:.2f} ({f.category}) `{f.finding_id}`",
                        "",
                        _md_quote(result, f.a, spans_a),
                        ">",
                        _md_quote(result, f.b, spans_b),
                        "",
                        f"Why: {_md(_one_line(f.why))}" + (f" Reference: {_md(f.reference)}." if f.reference else ""),
                        *_md_waiver(result, f, gating),
                    ]
                )
            )
    return "\n\n".join(blocks)


def _md_waiver(result: Result, f: Finding, gating: set[str]) -> list[str]:
    """The finding's waiver, or for a gating finding the command to waive it."""
    waiver = result.waiver(f)
    if waiver:
        by = f" by {_md(waiver.by)}" if waiver.by else ""
        return ["", f"**Waived**{by} on {_md(waiver.date)}: {_md(_one_line(waiver.reason))}"]
    if result.waivers and f.finding_id in gating:
        command = f'factcheck waive {f.finding_id} --reason "..." --file {shlex.quote(result.waivers.file)}'
        return ["", f"Reviewed and fine? {_code(command)}"]
    return []


def _md_draft(result: Result) -> str:
    articles = result.articles
    rows = [
        "## The draft, sentence by sentence",
        "",
        "| # | draft sentence | status | sources |",
        "|---|---|---|---|",
    ]
    for d in result.draft.sentences:
        if d.status == "contradicted":
            sources = "contradicted by " + "; ".join(
                _code(articles[other.article].file) + (" (waived)" if result.waiver(f) else "") + f": {_md(f.why)}"
                for f, other in d.against("contradiction")
            )
        elif d.status == "supported":
            files = _files(result, [other for _, other in d.against("agreement")])
            sources = f"{len(files)} {'source' if len(files) == 1 else 'sources'}: {', '.join(files)}"
        else:
            related = _files(result, [other for _, other in d.against("neutral")])
            sources = "no source carries it" + (f" (related: {', '.join(related)})" if related else "")
        status = f"**{d.status}**" if d.status != "supported" else d.status
        rows.append(f"| {d.sentence.index + 1} | {_md(_preview(d.sentence.text))} | {status} | {_one_line(sources)} |")
    return "\n".join(rows)


def _files(result: Result, sentences: list[Sentence]) -> list[str]:
    return [_code(file) for file in dict.fromkeys(result.articles[s.article].file for s in sentences)]


def _md_unsupported(result: Result) -> str:
    found = result.draft.unsupported_facts()
    lines = [f"## Unsupported factual claims ({len(found)})"]
    if found:
        lines += ["", "No source carries these sentences, and they state facts: source them before publishing.", ""]
        for d in found:
            kinds: dict[str, list[str]] = {}
            for fact in d.facts:
                kinds.setdefault(fact.kind, []).append(_md(_one_line(fact.text)))
            what = "; ".join(f"{kind}: {', '.join(texts)}" for kind, texts in kinds.items())
            lines.append(f"- sentence {d.sentence.index + 1}: {_md(_one_line(d.sentence.text))} ({what})")
    return "\n".join(lines)


def _md_stale(result: Result) -> str:
    if not (result.waivers and result.waivers.stale):
        return ""
    lines = [
        "## Stale waivers",
        "",
        f"These waivers in {_code(result.waivers.file)} match no finding of this run: the text they were about "
        "changed or went away. Remove them once you have checked.",
        "",
    ]
    stale = [
        f"- {_code(w.id)} ({_md(w.by or 'unknown')}, {_md(w.date)}): {_md(_one_line(w.reason))}"
        for w in result.waivers.stale
    ]
    return "\n".join(lines + stale)


def _md_quote(result: Result, s: Sentence, bold: list[Span]) -> str:
    article = result.articles[s.article]
    when = f", {article.date.isoformat()}" if article.date else ""
    where = f"{_code(article.file)}, sentence {s.index + 1}, characters {s.start}-{s.end}"
    text = _one_line(wrapped(s.text, bold, "**", "**", _md))
    # The sentence opens a line of the quote, where # - + = > or "1." would start a block.
    text = MD_BLOCK_START.sub(r"\1\\", text)
    return f"> **{_md(_outlet(article))}**{when} ({where}):\n> {text}"


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
        rows.append(f"| {c.claim_id} | {_md(outlets)} | {relation} | {_md(_preview(c.sentences[0].text))} |")
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
            lines.append(f"- {_md(_outlet(article))} ({_code(article.file)}): {_md(_preview(c.sentences[0].text))}")
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
        lines.append(f"| {_code(a.file)} | {_md(_outlet(a))} | {date} | {kept[n]} | {len(a.dropped)} |")
    for a in result.articles:
        if a.dropped:
            lines += ["", f"### Dropped from {_code(a.file)}", ""]
            lines += [f"- {d.reason}: {_md(_preview(d.text))}" for d in a.dropped]
    return "\n".join(lines)


def _md_skipped(result: Result) -> str:
    if not result.skipped:
        return ""
    skipped = [f"- {_code(path)}: {_md(_one_line(problem))}" for path, problem in result.skipped]
    return "\n".join(["## Skipped inputs", "", *skipped])


def _md_models(result: Result) -> str:
    lines = ["## Models", ""] + [f"- {role}: {_code(name)}" for role, name in result.models.items()]
    return "\n".join(lines + [f"- factcheck {__version__}"])


def _outlet(article: Article) -> str:
    return article.outlet or article.file


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _preview(text: str) -> str:
    text = _one_line(text)
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"


def _md(text: str) -> str:
    """Article text (or any text from outside) as Markdown that shows it as
    it is: no emphasis, link, image, HTML or table cell can come of it."""
    return MD_MARKUP.sub(lambda m: "\\" + m.group(), text)


def _code(text: str) -> str:
    """A file or model name as inline code; as escaped text when it holds a
    backtick or a pipe, which a code span in a table cannot carry."""
    text = _one_line(text)
    return _md(text) if not text or "`" in text or "|" in text else f"`{text}`"


# --- findings.json -----------------------------------------------------------


def render_json(result: Result) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "models": result.models,
        # Whether bars were shown is no part of the result: leave it out so
        # a run in a terminal and one in CI write the same file.
        # Where the report goes and whether bars show do not change a finding,
        # and leaving them out keeps reports of one comparison byte-identical.
        "options": {k: v for k, v in asdict(result.options).items() if k not in ("progress", "out")},
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
        "waivers": {"file": result.waivers.file, "stale": [asdict(w) for w in result.waivers.stale]}
        if result.waivers
        else None,
    }
    if result.draft:
        document["draft"] = _json_draft(result)
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
        "check": f.check,
        "score": round(f.score, 4),
        "similarity": round(f.similarity, 4),
        "why": f.why,
        "reference": f.reference,
        "claim_id": f.claim,
        "waiver": asdict(result.waiver(f)) if result.waiver(f) else None,
        "a": _json_sentence(result, f.a),
        "b": _json_sentence(result, f.b),
        "nli": {
            "a_to_b": _json_nli(f.nli_ab),
            "b_to_a": _json_nli(f.nli_ba),
        },
    }


def _json_draft(result: Result) -> dict:
    return {
        "file": result.articles[result.draft.article].file,
        "counts": result.draft.counts(),
        "sentences": [
            _json_sentence(result, d.sentence)
            | {
                "status": d.status,
                "finding_ids": [f.finding_id for f in d.findings],
                "facts": [asdict(fact) for fact in d.facts],
            }
            for d in result.draft.sentences
        ],
    }


def _json_nli(r) -> dict | None:
    return {k: round(v, 4) for k, v in asdict(r).items()} if r else None
