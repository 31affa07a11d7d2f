"""Alignment and claim grouping, on hand-made embeddings."""

import numpy as np
import pytest

from factcheck.align import Similarity, candidates, claims, judged, key, views
from factcheck.config import Options

LONG = "a sentence long enough to carry a claim "  # 40 characters


def sentences_and_vectors(spec):
    """spec: (article, direction) per sentence -> Sentences and unit vectors.
    A direction is a list of numbers; sentences pointing the same way align."""
    from factcheck.types import Sentence

    counts: dict[int, int] = {}
    sentences, vectors = [], []
    for article, direction in spec:
        index = counts.get(article, 0)
        counts[article] = index + 1
        text = f"{LONG}{article}.{index}"
        sentences.append(Sentence(article, index, 0, len(text), text))
        v = np.asarray(direction, dtype=np.float32)
        vectors.append(v / np.linalg.norm(v))
    return sentences, Similarity(np.stack(vectors))


def pairs(found):
    return {(key(c.a), key(c.b)) for c in found}


def test_pairs_only_across_articles_once_with_lower_article_first():
    s, e = sentences_and_vectors([(0, [1, 0]), (0, [1, 0.01]), (1, [1, 0]), (2, [1, 0])])
    found = candidates(s, e, Options(top_k=5, min_similarity=0.9))
    assert pairs(found) == {
        ((0, 0), (1, 0)), ((0, 1), (1, 0)),
        ((0, 0), (2, 0)), ((0, 1), (2, 0)),
        ((1, 0), (2, 0)),
    }  # fmt: skip
    assert all(c.a.article < c.b.article for c in found)
    assert [(key(c.a), key(c.b)) for c in found] == sorted(pairs(found))


def test_top_k_is_per_other_article_so_every_outlet_gets_a_match():
    # Article 1 repeats the fact three times, a bit closer each time than
    # article 2's single version: article 2 must still be paired.
    s, e = sentences_and_vectors([(0, [1, 0]), (1, [1, 0.05]), (1, [1, 0.06]), (1, [1, 0.07]), (2, [1, 0.2])])
    found = pairs(candidates(s, e, Options(top_k=1, min_similarity=0.9)))
    assert ((0, 0), (2, 0)) in found
    # Sentence 0.0 keeps only its best in article 1; the other article-1
    # sentences are paired with 0.0 because it is *their* best in article 0.
    assert {p for p in found if p[1][0] == 1} == {((0, 0), (1, 0)), ((0, 0), (1, 1)), ((0, 0), (1, 2))}


def test_across_languages_the_threshold_is_lower_by_the_margin():
    # cos(30 degrees) = 0.866: under min_similarity 0.9, over 0.9 - 0.05.
    s, e = sentences_and_vectors([(0, [1, 0]), (1, [np.cos(np.radians(30)), np.sin(np.radians(30))])])
    options = Options(top_k=1, min_similarity=0.9, cross_language_margin=0.05)
    assert candidates(s, e, options) == []
    assert candidates(s, e, options, ["id", "id"]) == []
    assert pairs(candidates(s, e, options, ["id", "en"])) == {((0, 0), (1, 0))}
    assert candidates(s, e, Options(top_k=1, min_similarity=0.9, cross_language_margin=0.01), ["id", "en"]) == []


def test_top_k_limits_matches_within_one_article():
    # Article 0: X and Z; article 1: four sentences, all nearer X than Z.
    s, e = sentences_and_vectors([(0, [1, 0]), (0, [1, 0.3])] + [(1, [1, 0.01 * i]) for i in range(1, 5)])
    # top 1: every article-1 sentence pairs with X, and Z with its nearest.
    assert len(candidates(s, e, Options(top_k=1, min_similarity=0.9))) == 5
    # top 2: every article-1 sentence pairs with both.
    assert len(candidates(s, e, Options(top_k=2, min_similarity=0.9))) == 8


def test_similarity_threshold_and_value():
    s, e = sentences_and_vectors([(0, [1, 0]), (1, [1, 1]), (1, [0, 1])])
    found = candidates(s, e, Options(top_k=2, min_similarity=0.7))
    assert pairs(found) == {((0, 0), (1, 0))}
    assert found[0].similarity == pytest.approx(np.sqrt(0.5), abs=1e-6)


def test_short_sentences_are_not_paired():
    s, e = sentences_and_vectors([(0, [1, 0]), (1, [1, 0])])
    s[1].text = "Foto: AFP"
    assert candidates(s, e, Options(min_similarity=0.5)) == []


def test_embeddings_must_match_sentences():
    s, e = sentences_and_vectors([(0, [1, 0]), (1, [1, 0])])
    with pytest.raises(ValueError):
        candidates(s, Similarity(e.embeddings[:1]), Options())


def test_claim_spans_outlets_and_unaligned_sentences_stand_alone():
    s, e = sentences_and_vectors(
        [(0, [1, 0, 0]), (0, [0, 0, 1]), (1, [1, 0.05, 0]), (2, [1, 0, 0.05]), (2, [0, 1, 0])]
    )
    found = candidates(s, e, Options(min_similarity=0.9))
    groups = claims(s, found, Options())
    assert [[key(x) for x in c.sentences] for c in groups] == [
        [(0, 0), (1, 0), (2, 0)],  # multi-source claims first
        [(0, 1)],
        [(2, 1)],
    ]
    assert [c.claim_id for c in groups] == [0, 1, 2]
    assert [c.articles for c in groups] == [[0, 1, 2], [0], [2]]
    assert [c.single_source for c in groups] == [False, True, True]


def test_claims_do_not_chain_into_one_giant_claim():
    # A drifting chain: each sentence is close to its neighbours only.
    angles = np.radians([0, 20, 40, 60, 80])
    s, e = sentences_and_vectors([(n, [np.cos(a), np.sin(a)]) for n, a in enumerate(angles)])
    found = candidates(s, e, Options(top_k=1, min_similarity=np.cos(np.radians(25))))
    assert len(found) == 4  # the chain is connected ...
    groups = claims(s, found, Options())
    assert max(len(c.sentences) for c in groups) <= 3  # ... but no claim spans it
    assert sorted(key(x) for c in groups for x in c.sentences) == [key(x) for x in s]  # a partition


def test_claim_holds_one_sentence_per_article():
    s, e = sentences_and_vectors([(0, [1, 0]), (1, [1, 0]), (1, [1, 0.01])])
    groups = claims(s, candidates(s, e, Options(min_similarity=0.9)), Options())
    assert [sorted({x.article for x in c.sentences}) for c in groups] == [[0, 1], [1]]


def test_short_sentences_are_not_claims():
    s, e = sentences_and_vectors([(0, [1, 0]), (1, [0, 1])])
    s[1].text = "Baca juga"
    assert [[key(x) for x in c.sentences] for c in claims(s, [], Options())] == [[(0, 0)]]


def test_long_sentences_get_overlapping_word_windows():
    from factcheck.types import Sentence

    long = " ".join(f"w{i}" for i in range(30))
    s = [Sentence(0, 0, 0, 5, "short"), Sentence(0, 1, 0, len(long), long)]
    texts, owner = views(s, Options(view_words=14))
    assert texts[:2] == ["short", long]
    assert list(owner) == [0, 1, 1, 1, 1, 1]
    assert texts[2].split()[0] == "w0" and texts[3].split()[0] == "w7"
    assert texts[-1].split()[-1] == "w29"  # the last window reaches the end
    assert all(len(t.split()) <= 14 for t in texts[2:])


def test_similarity_is_the_best_pair_of_views():
    # sentence 0 has two views; its second view matches sentence 1 exactly.
    e = np.array([[1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    sim = Similarity(e, np.array([0, 0, 1, 2]))
    assert sim.pair(0, 1) == pytest.approx(1.0)
    assert sim.pair(0, 2) == pytest.approx(0.0)
    assert sim.block([0, 1], [2]).shape == (2, 1)


def _one_fact(outlets: int):
    """One fact stated by each outlet, aligned across all of them: the first
    three outlets word it most alike, so they are the most central."""
    from factcheck.types import Candidate, Claim, Sentence

    said = [Sentence(a, 0, 0, len(LONG), LONG) for a in range(outlets)]
    found = [
        Candidate(a, b, 0.92 + 0.03 * ((a.article < 3) + (b.article < 3)))
        for i, a in enumerate(said)
        for b in said[i + 1 :]
    ]
    return found, [Claim(0, said, list(range(outlets)))]


def test_a_big_claim_is_judged_against_its_representatives():
    found, grouped = _one_fact(12)
    assert len(grouped) == 1 and len(found) == 66  # every pair of 12 outlets aligns
    kept = pairs(judged(found, grouped, Options(claim_representatives=3)))
    representatives = {(0, 0), (1, 0), (2, 0)}
    # each of the other nine against each representative, and the three among themselves
    assert len(kept) == 9 * 3 + 3
    assert all(a in representatives or b in representatives for a, b in kept)


def test_judged_pairs_grow_linearly_with_the_outlets():
    options = Options(claim_representatives=3)
    sizes = [len(judged(*_one_fact(n), options)) for n in (10, 20, 40)]
    assert sizes == [3 * 7 + 3, 3 * 17 + 3, 3 * 37 + 3]


def test_a_small_claim_keeps_every_pair():
    found, grouped = _one_fact(5)
    assert judged(found, grouped, Options(claim_representatives=4)) == found


def test_pairs_across_claims_are_the_nearest_few_of_either_sentence():
    from factcheck.types import Candidate, Claim, Sentence

    hub = Sentence(0, 0, 0, len(LONG), LONG)
    others = [Sentence(a, 0, 0, len(LONG), LONG) for a in range(1, 11)]
    # The hub aligns with ten sentences, each in a claim of its own; the
    # others' only pair outside their claim is the hub.
    found = [Candidate(hub, o, 0.99 - 0.001 * o.article) for o in others]
    grouped = [Claim(n, [s], [s.article]) for n, s in enumerate([hub, *others])]
    kept = judged(found, grouped, Options(cross_claim_pairs=3))
    assert kept == found  # each is among the nearest three of its other side
    # A weak pair that is neither sentence's nearest goes when one pair each is the budget.
    found.append(Candidate(others[0], others[1], 0.5))
    assert judged(found, grouped, Options(cross_claim_pairs=1)) == found[:-1]
    assert judged(found, grouped, Options(cross_claim_pairs=2)) == found
