"""Pair sentences across articles that may state the same fact, and group
the pairs into claims.

Pairs come from cosine similarity of the sentence embeddings. Each sentence
is matched against every other article separately (its ``top_k`` nearest
there), so every outlet gets its chance and the number of pairs grows
linearly with the number of sources rather than being crowded out by the
one outlet that repeats itself most.
"""

from __future__ import annotations

import numpy as np

from factcheck.config import Options
from factcheck.types import Candidate, Claim, Sentence

Key = tuple[int, int]  # (article, index): identifies a sentence within a run


def key(sentence: Sentence) -> Key:
    return sentence.article, sentence.index


def checkable(sentence: Sentence, options: Options) -> bool:
    """Whether a sentence is long enough to carry a checkable claim."""
    return len(sentence.text.strip()) >= options.min_sentence_chars


def candidates(sentences: list[Sentence], embeddings: np.ndarray, options: Options) -> list[Candidate]:
    """Cross-article pairs: for each sentence, its ``top_k`` nearest
    sentences in each other article with cosine >= ``min_similarity``.

    ``embeddings[i]`` is the L2-normalised embedding of ``sentences[i]``. Each
    unordered pair appears once, ``a`` being the sentence of the lower article,
    and the list is sorted by (a, b) so runs are reproducible.
    """
    if len(sentences) != len(embeddings):
        raise ValueError(f"{len(sentences)} sentences but {len(embeddings)} embeddings")
    by_article: dict[int, list[int]] = {}
    for i, sentence in enumerate(sentences):
        if checkable(sentence, options):
            by_article.setdefault(sentence.article, []).append(i)

    found: dict[Key, float] = {}
    articles = sorted(by_article)
    for n, first in enumerate(articles):
        for second in articles[n + 1 :]:
            rows, cols = by_article[first], by_article[second]
            sim = embeddings[rows] @ embeddings[cols].T
            # Nearest in `second` for each sentence of `first`, and vice versa.
            pairs = _nearest(sim, options) | {(r, c) for c, r in _nearest(sim.T, options)}
            for r, c in pairs:
                found[rows[r], cols[c]] = float(sim[r, c])

    result = [Candidate(sentences[i], sentences[j], similarity) for (i, j), similarity in found.items()]
    return sorted(result, key=lambda c: (key(c.a), key(c.b)))


def _nearest(sim: np.ndarray, options: Options) -> set[tuple[int, int]]:
    """(row, col) of each row's top_k columns at or above min_similarity."""
    order = np.argsort(-sim, axis=1, kind="stable")[:, : options.top_k]
    return {(r, int(c)) for r, cols in enumerate(order) for c in cols if sim[r, c] >= options.min_similarity}


def claims(sentences: list[Sentence], candidates: list[Candidate], options: Options | None = None) -> list[Claim]:
    """Group aligned sentences into claims; each remaining checkable sentence
    is a single-source claim of its own.

    Claims grow greedily from the most similar pair down. A sentence joins a
    claim only when the claim has no sentence from its article yet and the
    sentence is aligned with at least half of the claim's members; two claims
    never merge. Plain connected components would chain A~B~C~D into one
    giant "claim" even when A and D say different things; requiring links to
    half the members keeps every claim tight around its core, at the price of
    occasionally leaving a loosely aligned sentence in a claim of its own.

    Claims are ordered multi-source first, then by their first sentence's
    position (article, index); ``claim_id`` is the position in that order.
    """
    options = options or Options()
    linked = {frozenset((key(c.a), key(c.b))) for c in candidates}
    groups: list[list[Sentence]] = []
    group_of: dict[Key, int] = {}

    def join(sentence: Sentence, group: int) -> None:
        members = groups[group]
        links = sum(frozenset((key(sentence), key(m))) in linked for m in members)
        if sentence.article not in {m.article for m in members} and 2 * links >= len(members):
            members.append(sentence)
            group_of[key(sentence)] = group

    for c in sorted(candidates, key=lambda c: (-c.similarity, key(c.a), key(c.b))):
        in_a, in_b = group_of.get(key(c.a)), group_of.get(key(c.b))
        if in_a is None and in_b is None:
            group_of[key(c.a)] = group_of[key(c.b)] = len(groups)
            groups.append([c.a, c.b])
        elif in_a is None:
            join(c.a, in_b)
        elif in_b is None:
            join(c.b, in_a)

    groups += [[s] for s in sentences if key(s) not in group_of and checkable(s, options)]
    groups = [sorted(g, key=key) for g in groups]
    groups.sort(key=lambda g: (len({s.article for s in g}) < 2, key(g[0])))
    return [Claim(claim_id=n, sentences=g, articles=sorted({s.article for s in g})) for n, g in enumerate(groups)]
