"""The one shape of a check.

A check is a name and one function of the run: it is given a ``Run`` (the
articles, their sentences, the pairs the alignment put on one fact, the
options and the NLI model) and returns the pairs of sentences it has
something to say about, each with its ``Signal``. The pipeline merges the
signals of a pair into one Finding that names the checks behind its verdict.

Most checks are written for one pair at a time or for every sentence of the
run; ``pairwise``, ``everywhere`` and ``matched`` give those the one shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..config import Options
from ..models.backends import NLIModel
from ..types import Article, Candidate, Sentence, Signal

Flag = tuple[Sentence, Sentence, Signal]  # (sentence_a, sentence_b, what a check says of them)


@dataclass
class Run:
    """What every check is given."""

    # A check may append a reference article to these (the roster, see
    # roles.check_run); sentences are the run's own.
    articles: list[Article]
    sentences: list[Sentence]
    pairs: list[Candidate]  # the aligned pairs to judge
    options: Options
    nli_model: NLIModel | None = None  # None when the nli check is off
    # The alignment's similarity of any two of the run's sentences (0.0 for
    # one it did not embed); None when the run has no embeddings.
    similarity: Callable[[Sentence, Sentence], float] | None = None


@dataclass(frozen=True)
class Check:
    name: str  # what factcheck.toml's disable-checks and a Finding's check call it
    run: Callable[[Run], list[Flag]]


def pairwise(judge: Callable[[Candidate, list[Article], Options], list[Signal]]) -> Callable[[Run], list[Flag]]:
    """A check that judges each aligned pair on its own:
    ``judge(candidate, articles, options) -> [Signal]``."""

    def run(r: Run) -> list[Flag]:
        return [(c.a, c.b, s) for c in r.pairs for s in judge(c, r.articles, r.options)]

    return run


def everywhere(
    find: Callable[[list[Article], list[Sentence], Options], list[Flag]],
) -> Callable[[Run], list[Flag]]:
    """A check over every sentence of the run, aligned or not:
    ``find(articles, sentences, options) -> [(a, b, Signal)]``."""

    def run(r: Run) -> list[Flag]:
        return find(r.articles, r.sentences, r.options)

    return run


def matched(
    find: Callable[[list[Article], list[Sentence], Options, Callable | None], list[Flag]],
) -> Callable[[Run], list[Flag]]:
    """A check over every sentence of the run that compares two sentences
    only when they match as one event (see checks/match.py), by the run's
    similarity: ``find(articles, sentences, options, similarity)``."""

    def run(r: Run) -> list[Flag]:
        return find(r.articles, r.sentences, r.options, r.similarity)

    return run
