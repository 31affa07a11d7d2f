"""Pair sentences across articles that may state the same fact, and group
the pairs into claims.

Pairs come from cosine similarity of the sentence embeddings. Each sentence
is matched against every other article separately (its ``top_k`` nearest
there), so every outlet gets its chance and the number of pairs grows
linearly with the number of sources rather than being crowded out by the
one outlet that repeats itself most.

News sentences often pack several facts into one ("X pledged full support
for the war, as Y said in their meeting that ..."), and one embedding of
the whole dilutes each fact. So a long sentence is also embedded as
overlapping word windows ("views"), and two sentences are as similar as
their most similar pair of views.
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


def views(sentences: list[Sentence], options: Options) -> tuple[list[str], np.ndarray]:
    """The texts to embed and, for each, the index of its sentence: every
    sentence whole, and a sentence of more than ``view_words`` words also as
    windows of ``view_words`` words overlapping by half."""
    texts, owner = [], []
    width, step = options.view_words, max(1, options.view_words // 2)
    for i, sentence in enumerate(sentences):
        words = sentence.text.split()
        starts = range(0, len(words) - width + step, step) if len(words) > width else []
        for text in [sentence.text, *(" ".join(words[j : j + width]) for j in starts)]:
            texts.append(text)
            owner.append(i)
    return texts, np.asarray(owner, dtype=np.int64)


class Similarity:
    """Sentence-to-sentence cosine similarity as the best pair of views."""

    def __init__(self, embeddings: np.ndarray, owner: np.ndarray | None = None):
        self.embeddings = embeddings  # L2-normalised, one row per view
        self.owner = np.arange(len(embeddings)) if owner is None else owner
        self.rows = [np.flatnonzero(self.owner == i) for i in range(int(self.owner.max(initial=-1)) + 1)]

    def __len__(self) -> int:
        return len(self.rows)

    def block(self, first: list[int], second: list[int]) -> np.ndarray:
        """[len(first), len(second)] similarities of sentences by index."""
        left = np.concatenate([self.rows[i] for i in first])
        right = np.concatenate([self.rows[j] for j in second])
        sim = self.embeddings[left] @ self.embeddings[right].T
        # Views of one sentence are contiguous: reduce each run to its max.
        starts = lambda idx: np.cumsum([0] + [len(self.rows[i]) for i in idx[:-1]])  # noqa: E731
        return np.maximum.reduceat(np.maximum.reduceat(sim, starts(first), axis=0), starts(second), axis=1)

    def pair(self, i: int, j: int) -> float:
        # one pair without block's bookkeeping: run-level checks ask many
        return float((self.embeddings[self.rows[i]] @ self.embeddings[self.rows[j]].T).max())


def candidates(
    sentences: list[Sentence], similarity: Similarity, options: Options, languages: list[str] | None = None
) -> list[Candidate]:
    """Cross-article pairs: for each sentence, its ``top_k`` nearest
    sentences in each other article with similarity >= ``min_similarity``,
    or, between two articles whose ``languages`` (one per article) differ,
    >= ``min_similarity - cross_language_margin``: a multilingual encoder
    scores two languages lower than one, unrelated sentences too
    (scripts/calibrate_alignment.py).

    Each unordered pair appears once, ``a`` being the sentence of the lower
    article, and the list is sorted by (a, b) so runs are reproducible.
    """
    if len(sentences) != len(similarity):
        raise ValueError(f"{len(sentences)} sentences but {len(similarity)} embedded")
    by_article: dict[int, list[int]] = {}
    for i, sentence in enumerate(sentences):
        if checkable(sentence, options):
            by_article.setdefault(sentence.article, []).append(i)

    found: dict[Key, float] = {}
    articles = sorted(by_article)
    for n, first in enumerate(articles):
        for second in articles[n + 1 :]:
            rows, cols = by_article[first], by_article[second]
            sim = similarity.block(rows, cols)
            least = options.least_similarity(languages is not None and languages[first] != languages[second])
            # Nearest in `second` for each sentence of `first`, and vice versa.
            pairs = _nearest(sim, options.top_k, least) | {(r, c) for c, r in _nearest(sim.T, options.top_k, least)}
            for r, c in pairs:
                found[rows[r], cols[c]] = float(sim[r, c])

    result = [Candidate(sentences[i], sentences[j], similarity) for (i, j), similarity in found.items()]
    return sorted(result, key=lambda c: (key(c.a), key(c.b)))


def _nearest(sim: np.ndarray, top_k: int, least: float) -> set[tuple[int, int]]:
    """(row, col) of each row's top_k columns at or above ``least``."""
    order = np.argsort(-sim, axis=1, kind="stable")[:, :top_k]
    return {(r, int(c)) for r, cols in enumerate(order) for c in cols if sim[r, c] >= least}


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


def judged(candidates: list[Candidate], claims: list[Claim], options: Options) -> list[Candidate]:
    """The aligned pairs worth judging, about linearly many in the outlets.

    Judging every aligned pair costs the square of the outlets: a fact that
    twenty outlets state is twenty sentences and 190 pairs. So

    - in a claim of more than ``claim_representatives`` + 1 sentences, a
      sentence is judged only against the claim's ``claim_representatives``
      most central members (those most similar to the rest), which are
      judged against each other;
    - a pair across two claims is judged when it is among the
      ``cross_claim_pairs`` most similar such pairs of either sentence.

    A smaller claim, and a sentence with fewer pairs outside its claim,
    keeps all its pairs. On the five seeds this leaves out 9 of 415 pairs,
    all neutral.
    """
    similarity = {frozenset((key(c.a), key(c.b))): c.similarity for c in candidates}
    claim_of = {key(s): c.claim_id for c in claims for s in c.sentences}
    represent = set()
    for claim in claims:
        members = [key(s) for s in claim.sentences]
        if len(members) <= options.claim_representatives + 1:
            represent.update(members)
            continue
        central = sorted(
            members, key=lambda m: (-sum(similarity.get(frozenset((m, o)), 0.0) for o in members if o != m), m)
        )
        represent.update(central[: options.claim_representatives])
    across: dict[Key, list[Candidate]] = {}
    for c in candidates:
        if claim_of.get(key(c.a), key(c.a)) != claim_of.get(key(c.b), key(c.b)):
            across.setdefault(key(c.a), []).append(c)
            across.setdefault(key(c.b), []).append(c)
    nearest = {
        (key(c.a), key(c.b))
        for pairs in across.values()
        for c in sorted(pairs, key=lambda c: (-c.similarity, key(c.a), key(c.b)))[: options.cross_claim_pairs]
    }
    return [
        c
        for c in candidates
        if (key(c.a), key(c.b)) in nearest
        or (claim_of.get(key(c.a)) == claim_of.get(key(c.b)) and (key(c.a) in represent or key(c.b) in represent))
    ]
