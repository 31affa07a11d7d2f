"""Same-event matching: which two sentences of two outlets a run-level
check may compare at all.

Two dates, numbers or places conflict only when they are of one event or
one quantity. A story tells many of each: "Lavrov will travel to Pyongyang
in October" and "Shoigu was shown missiles during his July visit" are two
events, each with its own date, and an outlet telling both is consistent
with another telling both. So before a check compares two sentences'
values, one must be the other's best match in the other outlet:

    a sentence a of outlet A and b of outlet B are compared only when, of
    B's sentences that carry something a check could compare with a, b is
    the one most like a, or, of A's such sentences, a is the one most like
    b (ties all count).

Either way round, not both: one sentence may tell two facts ("the new
treaty replaces those signed in 1961, 2000 and 2001") that the other
outlet tells in two sentences, and each of those must still meet it. A
check whose test of one quantity is weak (numbers: a story has many
figures of one unit) asks more: of all B's sentences, not only those
carrying a value, b must be the one most like a (or a of all A's most like
b). When B does not tell a's fact, a's nearest figure in B is another
quantity ("capex of 3.2 trillion" against "revenue of Rp 12,4 triliun"),
while a's nearest sentence in B has nothing to compare.

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
    sentences: list[Sentence],
    pairs: list[tuple[int, int]],
    similarity: Similarity,
    everyone: list[Sentence] | None = None,
) -> list[tuple[int, int]]:
    """Of ``pairs`` (indexes into ``sentences``, two different articles, each
    pair a check could compare), those of which one sentence is the other's
    best match (see module doc), in the order given: of the other outlet's
    sentences it could be compared with, or with ``everyone`` (the run's
    sentences), of all that outlet's sentences."""
    scores = {(i, j): similarity(sentences[i], sentences[j]) for i, j in pairs}
    by_article: dict[int, list[Sentence]] = {}
    for s in everyone or []:
        by_article.setdefault(s.article, []).append(s)
    top: dict[tuple[int, int], float] = {}  # (sentence, other article) -> its best similarity there
    for (i, j), score in scores.items():
        for x, y in ((i, j), (j, i)):
            key = (x, sentences[y].article)
            if everyone is None:
                top[key] = max(top.get(key, score), score)
            elif key not in top:
                top[key] = max(similarity(sentences[x], s) for s in by_article[key[1]])

    def matched(i: int, j: int, score: float) -> bool:
        return score >= top[i, sentences[j].article] - 1e-9

    return [(i, j) for i, j in pairs if matched(i, j, scores[i, j]) or matched(j, i, scores[i, j])]
