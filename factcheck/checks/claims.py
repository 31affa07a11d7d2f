"""The number, date and attribution checks over every cross-source pair of
sentences, not only the pairs the embedding aligned.

Alignment keeps each sentence's top_k nearest sentences per source; a small
multilingual encoder often misses the one sentence of another outlet that
carries the same number or date ("perjanjian pada tahun 1961" vs "yang
ditandatangani pada tahun 1961, 2000 dan 2001"). These checks are precise
on their own (same head noun and a shared word of the clause for numbers,
same event for dates, nearly the same words for statements), so they can
afford to look at every pair. The story's common words are no evidence
for either. To stay cheap, a pair is only examined when both sentences
carry something to compare (quantities with a common head, dates,
attributed statements); extraction is cached per sentence.

``check_numbers_run``, ``check_dates_run`` and ``check_attributions_run``
take ``(articles, sentences, options)`` and return
``[(sentence_a, sentence_b, Signal)]`` like :func:`roles.check_run`; each
is registered as a check of its own (number, date, attribution).
"""

from __future__ import annotations

from collections import Counter

from ..config import Options
from ..types import Article, Candidate, Sentence, Signal
from .dates import check_date, extract_dates
from .lexicon import content_tokens
from .numbers import check_number, extract_numbers, same_head
from .quotes import check_attribution, statements_of
from .roots import root
from .roster import is_roster_article


def _heads(quantities) -> set[str]:
    return {q.head for q in quantities if q.head}


def _share_head(h1: set[str], h2: set[str]) -> bool:
    if h1 & h2:
        return True
    return any(same_head(x, y) for x in h1 for y in h2)


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


def _quantity_heads(s: Sentence, art: Article) -> set[str]:
    return _heads(extract_numbers(s.text, art.language))


def _dated(s: Sentence, art: Article) -> bool:
    return bool(extract_dates(s.text, art.date, art.language))


def _attributes(s: Sentence, art: Article) -> bool:
    return any(st.kind in ("person", "institution") for st in statements_of(s.text, s.start, art))


def _cross_pairs(articles: list[Article], sentences: list[Sentence], feature, judge, related=None):
    """``judge(candidate)`` on every two sentences of different sources (the
    roster's left out) that both carry ``feature(sentence, article)`` and,
    if given, whose features are ``related``; pairs in reading order.
    Extraction is cached per sentence, so checks sharing an extractor share
    its cost."""
    kept = []
    for s in sentences:
        art = articles[s.article]
        if not is_roster_article(art) and (found := feature(s, art)):
            kept.append((s, found))
    out: list[tuple[Sentence, Sentence, Signal]] = []
    for i, (a, fa) in enumerate(kept):
        for b, fb in kept[i + 1 :]:
            if a.article != b.article and (related is None or related(fa, fb)):
                out += [(a, b, sig) for sig in judge(Candidate(a, b, 0.0))]
    return out


def _real(articles: list[Article], sentences: list[Sentence]) -> list[Sentence]:
    return [s for s in sentences if not is_roster_article(articles[s.article])]


def check_numbers_run(
    articles: list[Article], sentences: list[Sentence], options: Options
) -> list[tuple[Sentence, Sentence, Signal]]:
    """The number check on every pair whose quantities share a head noun."""
    common_roots = common_words(_real(articles, sentences), roots=True)
    return _cross_pairs(
        articles, sentences, _quantity_heads, lambda c: check_number(c, articles, options, common_roots), _share_head
    )


def check_dates_run(
    articles: list[Article], sentences: list[Sentence], options: Options
) -> list[tuple[Sentence, Sentence, Signal]]:
    """The date check on every pair of dated sentences."""
    common = common_words(_real(articles, sentences))
    return _cross_pairs(articles, sentences, _dated, lambda c: check_date(c, articles, options, common))


def check_attributions_run(
    articles: list[Article], sentences: list[Sentence], options: Options
) -> list[tuple[Sentence, Sentence, Signal]]:
    """The attribution check on every pair of sentences that each attribute
    a statement to a person or an institution."""
    return _cross_pairs(articles, sentences, _attributes, lambda c: check_attribution(c, articles, options))
