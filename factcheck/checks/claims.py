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

``check_claims_run(articles, sentences, options)`` returns
``[(sentence_a, sentence_b, Signal)]`` like :func:`roles.check_run`.
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


def check_claims_run(
    articles: list[Article], sentences: list[Sentence], options: Options
) -> list[tuple[Sentence, Sentence, Signal]]:
    real = [s for s in sentences if not is_roster_article(articles[s.article])]
    common = common_words(real)
    common_roots = common_words(real, roots=True)
    feats = []
    for s in sentences:
        art = articles[s.article]
        if is_roster_article(art):
            continue
        heads = _heads(extract_numbers(s.text, art.language))
        dated = bool(extract_dates(s.text, art.date, art.language))
        said = any(st.kind in ("person", "institution") for st in statements_of(s.text, s.start, art))
        if heads or dated or said:
            feats.append((s, heads, dated, said))
    out: list[tuple[Sentence, Sentence, Signal]] = []
    for i, (a, ha, da, sa) in enumerate(feats):
        for b, hb, db, sb in feats[i + 1 :]:
            if a.article == b.article:
                continue
            c = Candidate(a, b, 0.0)
            if ha and hb and _share_head(ha, hb):
                out += [(a, b, sig) for sig in check_number(c, articles, options, common_roots)]
            if da and db:
                out += [(a, b, sig) for sig in check_date(c, articles, options, common)]
            if sa and sb:
                out += [(a, b, sig) for sig in check_attribution(c, articles, options)]
    return out
