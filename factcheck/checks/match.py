"""Same-event matching: which two sentences of two outlets a run-level
check may compare at all.

Two dates, numbers or places conflict only when they are of one event or
one quantity. A story tells many of each: "Lavrov will travel to Pyongyang
in October" and "Shoigu was shown missiles during his July visit" are two
events, each with its own date, and an outlet telling both is consistent
with another telling both. So before a check compares two sentences'
values, one must be the other's best match in the other outlet:

    a sentence a of outlet A and b of outlet B are compared only when b is
    the one of all B's sentences most like a, or a the one of all A's
    sentences most like b (ties all count).

Of all the outlet's sentences, not only of those carrying something to
compare: when B does not tell a's fact, a's nearest figure in B is another
quantity ("capex of 3.2 trillion" against "revenue of Rp 12,4 triliun"),
while a's nearest sentence in B has nothing to compare. Either way round,
not both: one sentence may tell two facts ("the new treaty replaces those
signed in 1961, 2000 and 2001") that the other outlet tells in two
sentences, and each of those must still meet it.

"Most like" is the alignment's similarity (the multilingual embedding's
cosine, so it holds across languages) when the run has it, else the share
of content words the two sentences have in common, counted by root, the
story's common words left out (see ``lexical``). When B tells the fact
too, its own sentence of that fact is a's best match, agreeing or not, so
a's value is never compared with another event's. When B does not tell it,
the check's own test of one event or quantity (numbers: the same head noun
and a word of the clause; dates: the same kind of event and participant)
still has to hold: matching only decides which pair to ask.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..types import Sentence
from .lexicon import content_tokens
from .roots import root

Similarity = Callable[[Sentence, Sentence], float]


@lru_cache(maxsize=16384)
def _roots(text: str) -> frozenset[str]:
    return frozenset(root(w) for w in content_tokens(text))


def lexical(common: frozenset[str]) -> Similarity:
    """Jaccard similarity of two sentences' content roots, ``common`` (the
    story's frequent roots, its main actors) left out: the fallback when
    the run has no embeddings."""

    def similarity(a: Sentence, b: Sentence) -> float:
        x, y = _roots(a.text) - common, _roots(b.text) - common
        union = x | y
        return len(x & y) / len(union) if union else 0.0

    return similarity


def best_matches(
    sentences: list[Sentence], pairs: list[tuple[int, int]], similarity: Similarity, everyone: list[Sentence]
) -> list[tuple[int, int]]:
    """Of ``pairs`` (indexes into ``sentences``, two different articles, each
    pair a check could compare), those of which one sentence is the other's
    best match among ``everyone`` (the run's sentences) of its outlet (see
    module doc), in the order given."""
    by_article: dict[int, list[Sentence]] = {}
    for s in everyone:
        by_article.setdefault(s.article, []).append(s)
    top: dict[tuple[int, int], float] = {}  # (sentence, other article) -> its best similarity there

    def nearest(i: int, article: int) -> float:
        if (i, article) not in top:
            top[i, article] = max(similarity(sentences[i], s) for s in by_article[article])
        return top[i, article]

    def matched(i: int, j: int, score: float) -> bool:
        return score >= nearest(i, sentences[j].article) - 1e-9

    return [
        (i, j)
        for i, j in pairs
        if matched(i, j, score := similarity(sentences[i], sentences[j])) or matched(j, i, score)
    ]
