"""Find the stories in a feed: articles about one event.

An article is known by its title and lede (the start of its text), embedded
with the run's sentence embedder. Articles whose embeddings lie within
``options.story_distance`` (cosine distance, averaged over the two groups:
average linkage) join one story, and two articles more than
``options.story_window_days`` apart never do: a feed repeats topics (floods,
trials, summits) and only the date tells this week's flood from last
month's. The clustering is scikit-learn's agglomerative clustering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from factcheck.config import Options
from factcheck.types import Article

# Distance of two articles outside each other's date window: so large that
# the average over any two groups holding such a pair exceeds every usable
# threshold, so a story never spans more than the window.
APART = 1e6
SLUG_CHARS = 40


@dataclass
class Story:
    story_id: str  # "s001-putin-tiba-di-pyongyang": its number and first title's words
    articles: list[Article]  # in feed order

    @property
    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles})

    @property
    def dates(self) -> list[str]:
        return sorted({a.date.isoformat() for a in self.articles if a.date})


def lede(article: Article, options: Options) -> str:
    """Title and the start of the text, cut at a word boundary."""
    start = article.text[: options.lede_chars]
    if len(article.text) > options.lede_chars and " " in start:
        start = start.rsplit(" ", 1)[0]
    return f"{article.title}\n{start}" if article.title else start


def distances(embeddings: np.ndarray, articles: list[Article], options: Options) -> np.ndarray:
    """Cosine distances between articles; APART outside the date window.
    An undated article is within every window."""
    distance = np.clip(1.0 - embeddings @ embeddings.T, 0.0, 2.0).astype(np.float64)
    days = np.array([a.date.toordinal() if a.date else np.nan for a in articles])
    gap = np.abs(days[:, None] - days[None, :])
    distance[np.nan_to_num(gap, nan=0.0) > options.story_window_days] = APART
    np.fill_diagonal(distance, 0.0)
    return distance


def clusters(distance: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of article indices, each in feed order, ordered by first member."""
    if len(distance) < 2:
        return [[i] for i in range(len(distance))]
    from sklearn.cluster import AgglomerativeClustering

    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    ).fit_predict(distance)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def find_stories(
    articles: list[Article], embeddings: np.ndarray, options: Options
) -> tuple[list[Story], list[Article]]:
    """The stories (two articles or more) and the articles matching no story,
    both in feed order. ``embeddings`` are the L2-normalised embeddings of
    each article's ``lede``."""
    stories, alone = [], []
    for group in clusters(distances(embeddings, articles, options), options.story_distance):
        members = [articles[i] for i in group]
        if len(members) < 2:
            alone += members
        else:
            stories.append(Story(_story_id(len(stories) + 1, members[0]), members))
    return stories, alone


def _story_id(number: int, first: Article) -> str:
    """A folder name: the number, then the first article's title (or text)
    in lower-case ASCII words."""
    words = re.findall(r"[a-z0-9]+", (first.title or first.text).lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > SLUG_CHARS:
            break
        slug += f"-{word}"
    return f"s{number:03d}{slug}"
