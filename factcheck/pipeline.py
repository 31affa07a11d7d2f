"""The one place the stages meet: articles -> sentences -> embeddings ->
aligned pairs -> checks -> one Finding per pair, grouped into claims."""

from __future__ import annotations

import hashlib
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from os import PathLike

import pandas as pd

from factcheck import align, ingest, segment, waivers
from factcheck.checks import Check, Flag, Run, enabled
from factcheck.checks.roster import load_roster
from factcheck.config import Options
from factcheck.models.backends import Embedder, NLIModel, locate, resolve_precision
from factcheck.types import Article, Candidate, Claim, Draft, Finding, Sentence, Signal

# Strongest first: a pair is a contradiction if any check says so.
VERDICTS = ("contradiction", "agreement", "neutral")

COLUMNS = [
    "finding_id", "verdict", "category", "score",
    "file_a", "text_a", "file_b", "text_b",
    "outlet_a", "date_a", "start_a", "end_a",
    "outlet_b", "date_b", "start_b", "end_b",
    "similarity", "why", "reference", "claim_id", "waived", "waiver_reason", "check",
]  # fmt: skip


@dataclass
class Result:
    """Everything one comparison produced, for the report writers and for
    programmatic use."""

    articles: list[Article]
    sentences: list[Sentence]
    candidates: list[Candidate]
    claims: list[Claim]
    findings: list[Finding]  # by verdict (contradictions first), those naming a reference first, then by score
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, problem) of inputs passed over (skip_bad)
    models: dict[str, str] = field(default_factory=dict)  # role ("embedding", "nli") -> name as given
    options: Options = field(default_factory=Options)
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    waivers: waivers.Waivers | None = None  # None when the articles came from no file
    draft: Draft | None = None  # set by factcheck.check: the draft, sentence by sentence

    def failing(self) -> list[Finding]:
        """The findings that fail the run under options.fail_on / min_score;
        a waived finding never does."""
        return [
            f
            for f in self.findings
            if f.verdict == self.options.fail_on and f.score >= self.options.min_score and not self.waiver(f)
        ]

    def waiver(self, finding: Finding) -> waivers.Waiver | None:
        return self.waivers.applied.get(finding.finding_id) if self.waivers else None

    def summary(self) -> dict[str, int]:
        verdicts = Counter(f.verdict for f in self.findings)
        multi = sum(not c.single_source for c in self.claims)
        references = sum(a.is_reference for a in self.articles)
        return {
            "articles": len(self.articles) - references,
            "references": references,
            "sentences": len(self.sentences),
            "aligned_pairs": len(self.candidates),
            "findings": len(self.findings),
            "claims": len(self.claims),
            "multi_source_claims": multi,
            "single_source_claims": len(self.claims) - multi,
            "contradictions": verdicts["contradiction"],
            "agreements": verdicts["agreement"],
            "neutral": verdicts["neutral"],
            "skipped": len(self.skipped),
            "waived": len(self.waivers.applied) if self.waivers else 0,
            "stale_waivers": len(self.waivers.stale) if self.waivers else 0,
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per finding, in report order, with the CSV's columns."""
        rows = []
        waived = self.waivers.applied if self.waivers else {}
        for f in self.findings:
            row = {"finding_id": f.finding_id, "verdict": f.verdict, "category": f.category, "score": round(f.score, 4)}
            for side, s in (("a", f.a), ("b", f.b)):
                article = self.articles[s.article]
                row |= {
                    f"file_{side}": article.file,
                    f"text_{side}": s.text,
                    f"outlet_{side}": article.outlet,
                    f"date_{side}": article.date.isoformat() if article.date else "",
                    f"start_{side}": s.start,
                    f"end_{side}": s.end,
                }
            row |= {
                "similarity": round(f.similarity, 4),
                "why": f.why,
                "reference": f.reference,
                "claim_id": f.claim,
                "waived": f.finding_id in waived,
                "waiver_reason": waived[f.finding_id].reason if f.finding_id in waived else "",
                "check": f.check,
            }
            rows.append(row)
        return pd.DataFrame(rows, columns=COLUMNS)


def compare(
    paths_or_articles: Sequence[str | PathLike | Article],
    options: Options | None = None,
    focus: int | None = None,
    **overrides,
) -> Result:
    """Compare articles (or the files holding them) and return what they
    agree and disagree on.

    ``overrides`` set fields of ``Options`` for this run, e.g.
    ``compare(paths, min_similarity=0.8)``. Input files are validated before
    any model loads; a bad one raises ``InputError`` (unless ``skip_bad``).
    With ``focus`` (an index into the articles; ``factcheck.check`` sets it
    to the draft), only pairs with a sentence of that article are judged.
    Waivers (``options.waivers``, else the file beside the articles) mark
    the findings they cover.
    """
    options = replace(options or Options(), **overrides)
    timings: dict[str, float] = {}

    def stage(name: str):
        return _timed(timings, name)

    with stage("ingest"):
        articles, skipped = _articles(paths_or_articles, options)
        for path in options.roster:
            load_roster(path)  # validated now, before the models load
        waiver_file = waivers.path_for(articles, options, focus)
        waived = waivers.load(waiver_file) if waiver_file else []
    with stage("segment"):
        sentences = segment.split_all(articles)
    checks = enabled(options)
    with_nli = any(check.name == "nli" for check in checks)
    with stage("load models"):
        # Find both before loading either: loading takes seconds, a bad name
        # should not.
        locate(options.embedding_model, "embedding")
        if with_nli:
            locate(options.nli_model, "nli")
        # The report records the precision the models ran in, not "auto".
        options = replace(options, precision=resolve_precision(options.precision))
        embedder = Embedder(options.embedding_model, options.batch_size, options.progress, options.precision)
        nli_model = None
        if with_nli:
            nli_model = NLIModel(options.nli_model, options.batch_size, options.progress, options.precision)
    with stage("embed"):
        texts, owner = align.views(sentences, options)
        similarity = align.Similarity(embedder.encode(texts), owner)
    with stage("align"):
        languages = [a.language for a in articles]
        pairs = [c for c in align.candidates(sentences, similarity, options, languages) if _involves(focus, c.a, c.b)]
        claims = align.claims(sentences, pairs, options)
        # A draft's pairs already grow linearly: one side is always the draft.
        to_judge = pairs if focus is not None else align.judged(pairs, claims, options)
    similarity_of = _similarity(sentences, similarity)
    flagged = _run_checks(checks, Run(articles, sentences, to_judge, options, nli_model, similarity_of), focus, timings)
    aligned = {_pair_key(c.a, c.b): c for c in to_judge}
    findings = []
    for key, (a, b, signals) in flagged.items():
        c = aligned.get(key)
        if c:  # an aligned pair reads as the alignment put it
            a, b = c.a, c.b
        findings.append(_finding(a, b, c.similarity if c else similarity_of(a, b), signals, articles))
    _assign_ids(findings, articles)
    _assign_claims(findings, claims)
    # Within a verdict, findings against a trusted reference (or roster) first.
    findings.sort(key=lambda f: (VERDICTS.index(f.verdict), not f.reference, -f.score, f.finding_id))
    found = {f.finding_id for f in findings}
    return Result(
        articles=articles,
        sentences=sentences,
        candidates=pairs,
        claims=claims,
        findings=findings,
        skipped=skipped,
        models={"embedding": options.embedding_model, "nli": options.nli_model},
        options=options,
        timings=timings,
        waivers=waivers.match(waived, found, str(waiver_file)) if waiver_file else None,
    )


def _involves(focus: int | None, a: Sentence, b: Sentence) -> bool:
    return focus is None or focus in (a.article, b.article)


def _articles(
    items: Sequence[str | PathLike | Article], options: Options
) -> tuple[list[Article], list[tuple[str, str]]]:
    """The articles to compare, then the trusted references (options.references)."""
    if items and all(isinstance(item, Article) for item in items):
        articles, skipped = list(items), []
    elif any(isinstance(item, Article) for item in items):
        raise TypeError("pass either file paths or Article objects, not a mix")
    else:
        articles, skipped = ingest.load_articles([str(item) for item in items], options)
    if options.references:
        references, more = ingest.load_articles(list(options.references), options, reference=True)
        return articles + references, skipped + more
    return articles, skipped


@contextmanager
def _timed(timings: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    timings[name] = round(time.perf_counter() - start, 3)


def _pair_key(a: Sentence, b: Sentence) -> tuple[align.Key, align.Key]:
    return min(align.key(a), align.key(b)), max(align.key(a), align.key(b))


def _run_checks(
    checks: list[Check], run: Run, focus: int | None, timings: dict[str, float]
) -> dict[tuple[align.Key, align.Key], tuple[Sentence, Sentence, list[Signal]]]:
    """The checks' signals by pair, each naming its check, in the order the
    checks run (an aligned pair's NLI signal first): the pairs of aligned
    sentences, then any other pair a check flagged (run-level checks look
    at every sentence, so they may flag pairs alignment missed). Each
    check is timed under its name."""
    flagged: dict = {}
    for check in checks:
        with _timed(timings, check.name):
            found: list[Flag] = check.run(run)
        for a, b, signal in found:
            if _involves(focus, a, b):
                flagged.setdefault(_pair_key(a, b), (a, b, []))[2].append(replace(signal, check=check.name))
    return flagged


def _similarity(sentences: list[Sentence], similarity: align.Similarity):
    """similarity(a, b); 0.0 for a sentence that was not embedded (one of a
    reference a run-level check added)."""
    row = {align.key(s): i for i, s in enumerate(sentences)}

    def of(a: Sentence, b: Sentence) -> float:
        i, j = row.get(align.key(a)), row.get(align.key(b))
        return similarity.pair(i, j) if i is not None and j is not None else 0.0

    return of


def _finding(
    a: Sentence,
    b: Sentence,
    similarity: float,
    signals: list[Signal],
    articles: list[Article],
) -> Finding:
    """Merge a pair's signals: the strongest verdict wins (contradiction over
    agreement over neutral) and its score is the highest among the signals
    reaching it. The category names the checks behind the verdict; the why
    gives their reasons first, then the other checks' reasons."""
    verdict = min((s.verdict for s in signals), key=VERDICTS.index)
    winners = [s for s in signals if s.verdict == verdict]
    others = [s for s in signals if s.verdict != verdict]
    # A check may name the reference it relied on; otherwise any reference
    # article in the pair is the one involved.
    references = [s.reference for s in winners] + [
        articles[s.article].file for s in (a, b) if articles[s.article].is_reference
    ]
    ab, ba = next((s.nli for s in signals if s.nli), (None, None))
    return Finding(
        finding_id="",
        verdict=verdict,
        category="+".join(dict.fromkeys(s.category for s in winners)),
        check="+".join(dict.fromkeys(s.check for s in winners)),
        score=max(s.score for s in winners),
        a=a,
        b=b,
        similarity=similarity,
        why="; ".join(s.why for s in winners + others if s.why),
        reference=next((r for r in references if r), ""),
        nli_ab=ab,
        nli_ba=ba,
    )


def finding_id(file_a: str, text_a: str, file_b: str, text_b: str) -> str:
    """A short id that names the pair by what it says, not where: the same
    two sentences in the same two files get the same id in every run, however
    the rest of either article is edited."""
    sides = sorted([(file_a, _normalise(text_a)), (file_b, _normalise(text_b))])
    return hashlib.sha256(json.dumps(sides, ensure_ascii=False).encode()).hexdigest()[:12]


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _assign_ids(findings: list[Finding], articles: list[Article]) -> None:
    """Set finding ids; the rare pair whose texts repeat within the same two
    files gets a counter suffix, numbered in reading order."""
    seen: Counter[str] = Counter()
    for f in findings:
        base = finding_id(articles[f.a.article].file, f.a.text, articles[f.b.article].file, f.b.text)
        seen[base] += 1
        f.finding_id = base if seen[base] == 1 else f"{base}-{seen[base]}"


def _assign_claims(findings: list[Finding], claims: list[Claim]) -> None:
    """A finding belongs to the claim holding both of its sentences; a pair
    split across two claims (see align.claims) stays unassigned (-1)."""
    claim_of = {align.key(s): c.claim_id for c in claims for s in c.sentences}
    for f in findings:
        a, b = claim_of.get(align.key(f.a), -1), claim_of.get(align.key(f.b), -1)
        f.claim = a if a == b else -1
