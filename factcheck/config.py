"""Every tunable setting, in one place, with the defaults the CLI shows."""

from __future__ import annotations

from dataclasses import dataclass, field

# Names of the models that ship with factcheck (see factcheck.models.registry).
DEFAULT_EMBEDDING_MODEL = "factcheck/e5-small"
DEFAULT_NLI_MODEL = "factcheck/nli-e5-small"
# Number format the models compute in: "auto" is bfloat16 on CPUs that do it
# natively (AVX-512 with avx512_bf16 or amx_bf16), float32 elsewhere.
PRECISIONS = ("auto", "float32", "bfloat16")
# The registered checks (factcheck.checks.CHECKS), in the order a finding
# gives their reasons; each can be switched off with disable_checks.
CHECKS = ("nli", "date-agreement", "place", "role", "number", "date", "attribution", "polarity")


@dataclass
class Options:
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    nli_model: str = DEFAULT_NLI_MODEL
    # Alignment: for each sentence, its top_k nearest sentences in each other
    # source whose cosine similarity is at least min_similarity.
    top_k: int = 2
    # E5 puts unrelated news sentences of one story at about 0.80-0.88 and
    # restatements of one fact at 0.90 and above.
    min_similarity: float = 0.9
    # Two sentences in different languages score lower than two in one, even
    # unrelated ones, so across languages the threshold is min_similarity
    # less this: the margin that lets through as many unrelated pairs as
    # min_similarity does within one language (scripts/calibrate_alignment.py,
    # on parallel Indonesian-English news; 0.85 keeps 99% of translations, 0.9
    # only 68%).
    cross_language_margin: float = 0.05
    # Sentences longer than this many words are also embedded as windows of
    # this many words (see align.views).
    view_words: int = 14
    # A pair is a contradiction / agreement when that NLI probability, in
    # either direction, is at least this. 0.75 for a contradiction: the least
    # threshold at which IndoNLI val's contradictions found so are right as
    # often as those of the mean of both directions at 0.5 (89.4% against
    # 88.7%), finding more of them (55% against 47%; checks/nli.py).
    contradiction_threshold: float = 0.75
    agreement_threshold: float = 0.5
    # Between sentences in two languages the shipped model's P(contradiction)
    # is right less often than its IndoNLI calibration says (it also flags
    # faithful translations), so a contradiction there needs this much,
    # averaged over both directions: the least threshold at which the
    # cross-lingual dev set (tests/data/crosslingual.jsonl) is right 85% of
    # the time (0.5: 70%; the stronger direction at 0.75: 71%).
    cross_language_contradiction_threshold: float = 0.7
    # Sentences shorter than this many characters carry no checkable claim.
    min_sentence_chars: int = 25
    batch_size: int = 32
    # One of PRECISIONS. bfloat16 about doubles the embedding speed where the
    # CPU supports it; results differ from float32 in the third decimal.
    precision: str = "auto"
    # Gate: which verdict fails the run, and from which score on.
    fail_on: str = "contradiction"  # "contradiction" or "none"
    min_score: float = 0.5
    # Articles further apart than this are compared as changes over time.
    temporal_gap_days: int = 60
    dates: dict[str, str] = field(default_factory=dict)  # file -> YYYY-MM-DD set by hand
    # Claim checks (factcheck.checks). Rosters (--roster CSV: person,role,
    # valid_from,valid_to) and trusted references (--reference, ingested with
    # is_reference=True) are ground truth.
    roster: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    # Two clock times of one event further apart than this are a conflict.
    time_tolerance_minutes: int = 30
    # Attribution: share of the shorter statement's content words that the
    # other statement must contain to count as "the same statement".
    attribution_overlap: float = 0.5
    attribution_min_shared: int = 5
    # Checks that do not run, by name (one of CHECKS). Without nli, the NLI
    # model is not loaded and an aligned pair no other check speaks of
    # gives no finding.
    disable_checks: list[str] = field(default_factory=list)
    skip_bad: bool = False
    # Limits on one run's input, so that memory stays bounded and a wrong
    # input fails at once rather than after hours: a file larger than
    # max_file_mb is not read; an article longer than max_article_chars (a
    # long read is about 60,000) is refused; a run of more than max_articles
    # articles (a day's feed of a large desk; the story clustering keeps a
    # matrix of the squared count) stops at the first article over it.
    max_file_mb: int = 256
    max_article_chars: int = 200_000
    max_articles: int = 10_000
    # Feeds (factcheck feed): articles whose title and lede embeddings lie
    # within this cosine distance on average form one story, provided no two
    # of them are more than story_window_days apart (see factcheck.stories).
    story_distance: float = 0.15
    story_window_days: int = 3
    lede_chars: int = 400
    # Inside a claim of more sources than this plus one, each sentence is
    # judged against this many representatives of its claim rather than
    # every member, so the NLI pairs grow linearly with the outlets.
    claim_representatives: int = 4
    # A pair across two claims is judged when it is among the this many most
    # similar such pairs of either sentence (top_k times four other outlets).
    cross_claim_pairs: int = 8
    progress: bool = True
    # Output: which report files (csv, md, json, html) go where ("" = the
    # default folder, reports/<name>/; "-" = stdout, one format only).
    formats: list[str] = field(default_factory=lambda: ["csv", "md", "json"])
    out: str = ""
    # Reviewed findings that no longer gate ("" = factcheck-waivers.toml
    # beside the articles; see factcheck.waivers).
    waivers: str = ""

    def least_similarity(self, across_languages: bool) -> float:
        """The least similarity of two aligned sentences, in one language or
        across two (less cross_language_margin)."""
        return self.min_similarity - (self.cross_language_margin if across_languages else 0.0)
