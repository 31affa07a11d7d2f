"""The plain data that flows between the stages.

ingest -> Article, segment -> Sentence, align -> Candidate / Claim,
checks -> Finding, draft -> Draft. Every stage takes and returns these; nothing here knows
about models, files or the command line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Dropped:
    """A span of the raw input removed as page noise, and why."""

    text: str
    reason: str


@dataclass
class Article:
    """One input article, cleaned. Sentence offsets point into ``text``."""

    file: str  # the input's base name, e.g. "000_x.txt" or "feed.jsonl#3"
    path: str  # the path as given
    outlet: str
    text: str  # cleaned text
    title: str | None = None
    date: dt.date | None = None
    date_source: str = "none"  # "metadata", "text", "option" or "none"
    language: str = "und"
    url: str | None = None
    encoding: str = "utf-8"
    dropped: list[Dropped] = field(default_factory=list)
    is_reference: bool = False


@dataclass
class Sentence:
    """A sentence of one article: ``article.text[start:end] == text``."""

    article: int  # index into the run's article list
    index: int  # position of the sentence within its article
    start: int
    end: int
    text: str


@dataclass
class Candidate:
    """Two sentences from different sources that may state the same fact."""

    a: Sentence
    b: Sentence
    similarity: float


@dataclass
class NLIResult:
    """Probabilities of one ordered premise -> hypothesis pair."""

    entailment: float
    neutral: float
    contradiction: float


@dataclass
class Signal:
    """One check's conclusion about one pair; the pipeline merges a pair's
    signals into a single Finding (categories joined by "+", reasons by "; ")."""

    category: str
    verdict: str  # "contradiction", "agreement" or "neutral"
    score: float
    why: str
    reference: str = ""
    check: str = ""  # the registered check that gave it (set by the pipeline)
    nli: tuple[NLIResult, NLIResult] | None = None  # the nli check's (a -> b, b -> a)


@dataclass
class Finding:
    """What the checks concluded about one aligned pair of sentences."""

    finding_id: str
    verdict: str  # "contradiction", "agreement" or "neutral"
    category: str  # "nli", "number", "date", "role", "attribution", "temporal"; joined by "+" when several fire
    score: float  # confidence in the verdict, in [0, 1]
    a: Sentence
    b: Sentence
    similarity: float
    claim: int = -1  # index into the run's claim list
    why: str = ""
    reference: str = ""  # file of the trusted reference involved, if any
    check: str = ""  # the registered checks behind the verdict (factcheck.checks.CHECKS), joined by "+"
    nli_ab: NLIResult | None = None  # premise a, hypothesis b
    nli_ba: NLIResult | None = None


@dataclass
class Claim:
    """Aligned sentences across outlets that state (roughly) the same fact."""

    claim_id: int
    sentences: list[Sentence]
    articles: list[int]  # the distinct articles carrying it, sorted

    @property
    def single_source(self) -> bool:
        return len(self.articles) < 2


@dataclass
class Fact:
    """A checkable fact a sentence states (see factcheck.facts)."""

    kind: str  # "number", "date", "name" or "quote"
    start: int  # within the sentence
    end: int
    text: str


STATUSES = ("contradicted", "unsupported", "supported")  # the order an editor reads them in


@dataclass
class DraftSentence:
    """One checkable sentence of a draft and what the sources say of it
    (see factcheck.draft)."""

    sentence: Sentence
    status: str  # one of STATUSES
    findings: list[Finding]  # the findings about it, in report order
    facts: list[Fact]  # the numbers, dates, names and quotes it states

    def against(self, verdict: str) -> list[tuple[Finding, Sentence]]:
        """Its findings of ``verdict``, each with the source sentence it pairs."""
        return [(f, f.b if f.a == self.sentence else f.a) for f in self.findings if f.verdict == verdict]


@dataclass
class Draft:
    article: int  # index of the draft in the run's articles
    sentences: list[DraftSentence]  # the checkable ones, in reading order

    def counts(self) -> dict[str, int]:
        counted = Counter(s.status for s in self.sentences)
        return {status: counted[status] for status in STATUSES}

    def unsupported_facts(self) -> list[DraftSentence]:
        return [s for s in self.sentences if s.status == "unsupported" and s.facts]


class InputError(Exception):
    """Bad input: names the file and the problem in one line."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
