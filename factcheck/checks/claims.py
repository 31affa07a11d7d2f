"""The number, date and attribution checks over every cross-source pair of
sentences, not only the pairs the embedding aligned.

Alignment keeps each sentence's top_k nearest sentences per source; a small
multilingual encoder often misses the one sentence of another outlet that
carries the same number or date ("perjanjian pada tahun 1961" vs "yang
ditandatangani pada tahun 1961, 2000 dan 2001"). These checks are precise
on their own (same head noun and a shared word of the clause for numbers,
same event for dates, nearly the same words for statements), so they can
afford to look at every pair, but the number and date checks compare two
sentences only when they match as one event (checks/match.py: each the
other's most similar sentence in its outlet), so that an outlet telling
two events with two dates is not read against another telling both. The
story's common words are no evidence for either. To stay cheap, a pair is only examined when both sentences
carry something to compare (quantities with a common head, dates,
attributed statements); extraction is cached per sentence.

``check_numbers_run``, ``check_dates_run`` (also given the run's
similarity, see base.Run) and ``check_attributions_run`` take
``(articles, sentences, options)`` and return
``[(sentence_a, sentence_b, Signal)]`` like :func:`roles.check_run`; each
is registered as a check of its own (number, date, attribution).
"""

from __future__ import annotations

from collections import Counter

from ..config import Options
from ..types import Article, Candidate, Sentence, Signal
from .dates import check_date, extract_dates, one_event, sentence_event_features
from .lexicon import content_tokens
from .match import Similarity, lexical, best_matches
from .numbers import check_number, count_alike, different_counts, extract_numbers, same_head
from .quotes import check_attribution, statements_of
from .roots import root
from .roster import is_roster_article


def common_words(
    sentences: list[Sentence], share: float = 0.15, at_least: int = 3, roots: bool = False
) -> frozenset[str]:
    """Content words found in more than ``share`` of the run's sentences
    (the story's main actors: Putin, Korea, Rusia): no evidence that two
    sentences tell the same event. ``roots``: count words by their root, so
    "dihukum", "menghukum" and "hukuman" are one common word."""
    df: Counter[str] = Counter()
    for s in sentences:
        words = content_tokens(s.text)
        df.update({root(w) for w in words} if roots else set(words))
    limit = max(at_least, share * len(sentences))
    return frozenset(w for w, n in df.items() if n > limit)


def _quantities(s: Sentence, art: Article):
    """(heads, quantities) of a sentence's quantities that have a head."""
    qs = [q for q in extract_numbers(s.text, art.language) if q.head]
    return (frozenset(q.head for q in qs), qs) if qs else None


def _counting_alike(common_roots: frozenset):
    """Two sentences' quantities count one thing: a head shared (a cheap
    test first), then count_alike."""

    def related(fa, fb) -> bool:
        (ha, qa), (hb, qb) = fa, fb
        shared = ha & hb or any(same_head(x, y) for x in ha for y in hb)
        return bool(shared) and count_alike(qa, qb, common_roots)

    return related


def _event(s: Sentence, art: Article):
    """The event features of a dated sentence."""
    if extract_dates(s.text, art.date, art.language):
        return sentence_event_features(s.text, art.date, art.language)
    return None


def _attributes(s: Sentence, art: Article) -> bool:
    return any(st.kind in ("person", "institution") for st in statements_of(s.text, s.start, art))


def _cross_pairs(
    articles: list[Article], sentences: list[Sentence], feature, judge, related=None, similarity=None, everyone=None
):
    """``judge(candidate)`` on every two sentences of different sources (the
    roster's left out) that both carry ``feature(sentence, article)`` and,
    if given, whose features are ``related``; with a ``similarity``, only
    on those of which one is the other's best match (match.best_matches),
    with ``everyone`` of all the other source's sentences there. Pairs in
    reading order. Extraction is cached per sentence, so checks sharing an
    extractor share its cost."""
    kept = []
    for s in sentences:
        art = articles[s.article]
        if not is_roster_article(art) and (found := feature(s, art)):
            kept.append((s, found))
    pairs = [
        (i, j)
        for i, (a, fa) in enumerate(kept)
        for j, (b, fb) in enumerate(kept[i + 1 :], i + 1)
        if a.article != b.article and (related is None or related(fa, fb))
    ]
    ordered = [s for s, _ in kept]
    if similarity is not None:
        pairs = best_matches(ordered, pairs, similarity, everyone)
    return [(ordered[i], ordered[j], sig) for i, j in pairs for sig in judge(Candidate(ordered[i], ordered[j], 0.0))]


def _real(articles: list[Article], sentences: list[Sentence]) -> list[Sentence]:
    return [s for s in sentences if not is_roster_article(articles[s.article])]


def check_numbers_run(
    articles: list[Article], sentences: list[Sentence], options: Options, similarity: Similarity | None = None
) -> list[tuple[Sentence, Sentence, Signal]]:
    """The number check on the pairs that count one thing alike and match
    as one event (match.best_matches). Across two languages a quantity's
    clause words cannot be compared (numbers._same_frame), so there the two
    sentences must also be aligned, as similar as the alignment asks of two
    languages (min_similarity - cross_language_margin): stating one fact,
    not just the nearest in the other outlet ("killing six people" is not
    "Bus yang membawa 50 orang").

    With the run's embeddings, one sentence must be the other's nearest of
    all the other outlet's sentences, not only of those with a figure
    (match.py): a story has many figures of one unit (revenue, profit,
    capex, all in rupiah), and the test of one quantity (a head and a clause
    word) is weak, across languages absent. Dates keep the nearest of the
    dated sentences: their test of one event (its kind and a participant)
    is stricter, and a date often sits in a sentence of several facts whose
    nearest sentence elsewhere tells another of them (tahun 1961 in "the
    treaty replaces those signed in 1961, 2000 and 2001"). Without
    embeddings, content-word overlap ranks such a sentence too low to be
    anyone's nearest of all, so there the nearest figure decides."""
    real = _real(articles, sentences)
    common_roots = common_words(real, roots=True)
    least = options.least_similarity(across_languages=True)

    def judge(c: Candidate) -> list[Signal]:
        across = articles[c.a.article].language != articles[c.b.article].language
        if across and similarity is not None and similarity(c.a, c.b) < least:
            return []
        return check_number(c, articles, options, common_roots)

    return _cross_pairs(
        articles,
        sentences,
        _quantities,
        judge,
        _counting_alike(common_roots),
        similarity or lexical(common_roots),
        everyone=real if similarity is not None else None,
    )


def _periods_of_two_counts(c: Candidate, articles: list[Article]):
    """Whether a date of c.a and one of c.b are periods of counting (of a
    count in its own sentence, numbers._period) in two sentences that count
    one thing with different values and never alike ("Sepanjang 2025, ...
    1.406 kasus" and "2.148 kasus dan 17 kematian sepanjang Januari hingga
    akhir Oktober 2026"): two measurements, each with its own period, not
    one event with two dates. The same count in two periods is one count
    with two dates, and stays a conflict."""
    counts = [[q for q in extract_numbers(s.text, articles[s.article].language) if not q.total] for s in (c.a, c.b)]
    periods = [{d.start for q in qs for d in q.period} for qs in counts]
    alike = [(p, r) for p in counts[0] for r in counts[1] if same_head(p.head, r.head)]
    measured = bool(alike) and all(different_counts(p, r) for p, r in alike)

    def two_counts(x, y) -> bool:
        return measured and x.start in periods[0] and y.start in periods[1]

    return two_counts


def check_dates_run(
    articles: list[Article], sentences: list[Sentence], options: Options, similarity: Similarity | None = None
) -> list[tuple[Sentence, Sentence, Signal]]:
    """The date check on the pairs of dated sentences that tell one kind of
    event (dates.one_event) and match as one event (match.best_matches)."""
    real = _real(articles, sentences)
    common = common_words(real)
    return _cross_pairs(
        articles,
        sentences,
        _event,
        lambda c: check_date(c, articles, options, common, _periods_of_two_counts(c, articles)),
        lambda fa, fb: one_event(fa, fb, common),
        similarity or lexical(common_words(real, roots=True)),
    )


def check_attributions_run(
    articles: list[Article], sentences: list[Sentence], options: Options
) -> list[tuple[Sentence, Sentence, Signal]]:
    """The attribution check on every pair of sentences that each attribute
    a statement to a person or an institution."""
    return _cross_pairs(articles, sentences, _attributes, lambda c: check_attribution(c, articles, options))
