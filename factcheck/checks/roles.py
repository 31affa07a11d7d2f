"""Role checks: the same person given conflicting roles or affiliations,
different holders of one single-holder office, and mentions that disagree
with a roster.

Two entry points:

* :func:`check_role` — a pair check ``(candidate, articles, options) ->
  list[Signal]`` over one aligned pair of sentences;
* :func:`check_run` — a run-level check ``(articles, sentences, options) ->
  list[(Sentence, Sentence, Signal)]`` over every sentence of every article,
  so that two sentences about one person conflict even when the embedding
  did not align them (within one source or across sources, and against a
  reference or the roster). When ``options.roster`` is set, the roster is
  appended to ``articles`` (in place) as a synthetic reference Article, and
  findings against a roster row have that row's Sentence as ``b``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..config import Options
from ..types import Article, Candidate, Sentence, Signal
from .people import PersonIndex, PersonMention, Role, extract_people, name_tokens, roles_conflict, same_person
from .roster import is_roster_article, load_roster, roster_article, roster_sentences
from .temporal import changed_over_time, conflict, far_apart

SCORE_SOURCES = 0.8
SCORE_REFERENCE = 0.9
SCORE_OFFICE = 0.7


@dataclass
class _M:
    """A person mention located in the run."""

    mention: PersonMention
    art: int
    sent: Sentence
    key: str


def _why_role(name: str, r1: Role, file1: str, r2: Role, file2: str) -> str:
    return f"role: {name} is {r1.describe()} in {file1} but {r2.describe()} in {file2}"


def _article_mentions(article: Article) -> tuple[PersonMention, ...]:
    return extract_people(article.text)


def _full_names(article: Article) -> list[str]:
    return [p.name for p in _article_mentions(article) if len(name_tokens(p.name)) >= 2]


# ------------------------------------------------------------ pair check


def check_role(candidate: Candidate, articles: list[Article], options: Options) -> list[Signal]:
    """Same person, conflicting roles, in the two sentences of one pair."""
    a, b = candidate.a, candidate.b
    art_a, art_b = articles[a.article], articles[b.article]
    index = PersonIndex()
    ma = [p for p in _article_mentions(art_a) if a.start <= p.start and p.end <= a.end and p.role]
    mb = [p for p in _article_mentions(art_b) if b.start <= p.start and p.end <= b.end and p.role]
    if not ma or not mb:
        return []
    ctx_a, ctx_b = _full_names(art_a), _full_names(art_b)
    reasons = []
    for pa in ma:
        ka = index.resolve(pa.name, ctx_a)
        for pb in mb:
            kb = index.resolve(pb.name, ctx_b)
            if not ka or ka != kb:
                continue
            if roles_conflict(pa.role, pb.role):
                reasons.append(_why_role(ka, pa.role, art_a.file, pb.role, art_b.file))
    if not reasons:
        return []
    score = SCORE_REFERENCE if (art_a.is_reference or art_b.is_reference) else SCORE_SOURCES
    return [conflict("role", score, "; ".join(dict.fromkeys(reasons)), art_a, art_b, options)]


# ------------------------------------------------------------ run check


def _sentence_of(starts: list[int], sents: list[Sentence], pos: int, end: int) -> Sentence | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sents[i].start <= pos and end <= sents[i].end:
        return sents[i]
    return None


def _ensure_rosters(articles: list[Article], options: Options):
    """(roster, article index) for each --roster file, appending the
    synthetic roster article to ``articles`` when it is not there yet."""
    out = []
    for path in getattr(options, "roster", None) or []:
        roster = load_roster(path)
        idx = next(
            (i for i, art in enumerate(articles) if is_roster_article(art) and art.path == roster.path),
            None,
        )
        if idx is None:
            articles.append(roster_article(roster))
            idx = len(articles) - 1
        out.append((roster, idx))
    return out


def _order(x: _M, y: _M, articles: list[Article]) -> tuple[_M, _M]:
    """Source before reference, then by article and position."""
    kx = (articles[x.art].is_reference, x.art, x.sent.index)
    ky = (articles[y.art].is_reference, y.art, y.sent.index)
    return (x, y) if kx <= ky else (y, x)


def check_run(
    articles: list[Article], sentences: list[Sentence], options: Options
) -> list[tuple[Sentence, Sentence, Signal]]:
    """Role conflicts over the whole run, aligned or not (see module doc)."""
    rosters = _ensure_rosters(articles, options)
    by_art: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_art.setdefault(s.article, []).append(s)
    index = PersonIndex()
    for roster, _ in rosters:
        for row in roster.rows:
            index.add(row.person)
    located: list[_M] = []
    for ai, art in enumerate(articles):
        if is_roster_article(art) or ai not in by_art:
            continue
        sents = sorted(by_art[ai], key=lambda s: s.start)
        starts = [s.start for s in sents]
        ctx = _full_names(art)
        for name in ctx:
            index.add(name)
        for p in _article_mentions(art):
            if p.role is None or p.role.kind is None:
                continue
            sent = _sentence_of(starts, sents, p.start, p.end)
            if sent is None:
                continue
            key = index.resolve(p.name, ctx)
            if key:
                located.append(_M(p, ai, sent, key))

    out: list[tuple[Sentence, Sentence, Signal]] = []
    seen: set = set()

    # 1. one person, conflicting roles (within or across sources)
    by_person: dict[str, list[_M]] = {}
    for m in located:
        by_person.setdefault(m.key, []).append(m)
    for key, ms in by_person.items():
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                x, y = _order(ms[i], ms[j], articles)
                if x.sent is y.sent or (x.art == y.art and x.sent.index == y.sent.index):
                    continue
                reason = roles_conflict(x.mention.role, y.mention.role)
                if not reason:
                    continue
                sig_key = ("person", key, x.art, y.art, x.mention.role.canonical(), y.mention.role.canonical())
                if sig_key in seen:
                    continue
                seen.add(sig_key)
                art_x, art_y = articles[x.art], articles[y.art]
                score = SCORE_REFERENCE if (art_x.is_reference or art_y.is_reference) else SCORE_SOURCES
                why = _why_role(key, x.mention.role, art_x.file, y.mention.role, art_y.file)
                out.append((x.sent, y.sent, conflict("role", score, why, art_x, art_y, options)))

    # 2. one single-holder office, different people
    countries = _person_countries(located, rosters)
    by_office: dict[tuple, list[_M]] = {}
    for m in located:
        okey = m.mention.role.office_key()
        if okey is None:
            continue
        fam, itype, where = okey
        if where is None:
            where = countries.get((m.key, fam, itype))
        by_office.setdefault((fam, itype, where), []).append(m)
    for okey, ms in by_office.items():
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                x, y = _order(ms[i], ms[j], articles)
                if x.key == y.key or same_person(x.key, y.key):
                    continue
                art_x, art_y = articles[x.art], articles[y.art]
                sig_key = ("office", okey, x.art, y.art, *sorted((x.key, y.key)))
                if sig_key in seen:
                    continue
                label = x.mention.role.canonical() or y.mention.role.canonical()
                why = (
                    f"office holder: {label} is {x.key} in {art_x.file} ({art_x.date or 'undated'}) "
                    f"but {y.key} in {art_y.file} ({art_y.date or 'undated'})"
                )
                if far_apart(art_x, art_y, options):
                    seen.add(sig_key)
                    out.append((x.sent, y.sent, changed_over_time("role", SCORE_OFFICE, why, art_x, art_y)))
                elif okey[2] is not None and x.art != y.art:
                    seen.add(sig_key)
                    out.append((x.sent, y.sent, conflict("role", SCORE_OFFICE, why, art_x, art_y, options)))

    # 3. mentions against the roster row valid at the article's date
    for roster, ridx in rosters:
        rart = articles[ridx]
        rsents = roster_sentences(rart, ridx)
        for m in located:
            art = articles[m.art]
            if art.is_reference:
                continue
            rows = [(k, r) for k, r in enumerate(roster.rows) if index.resolve(r.person) == m.key]
            if not rows:
                continue
            valid = [(k, r) for k, r in rows if r.valid_at(art.date)]
            if not valid or any(roles_conflict(m.mention.role, r.role) is None for _, r in valid):
                continue
            # the most comparable valid row: same family first
            k, row = sorted(valid, key=lambda kr: kr[1].role.family != m.mention.role.family)[0]
            sig_key = ("roster", m.key, m.art, k, m.mention.role.canonical())
            if sig_key in seen:
                continue
            seen.add(sig_key)
            when = f" on {art.date}" if art.date else ""
            why = (
                f"role: {m.key} is {m.mention.role.describe()} in {art.file} but the roster has "
                f"{row.role.describe()} ({row.period()}){when}"
            )
            past = [r for _, r in rows if not r.valid_at(art.date) and roles_conflict(m.mention.role, r.role) is None]
            if past:
                why += f"; {past[0].role_text} was valid {past[0].period()} only"
            # the roster article is undated (its rows carry their own dates),
            # so this is never "changed over time"
            out.append((m.sent, rsents[k], conflict("role", SCORE_REFERENCE, why, art, rart, options)))
    return out


def _person_countries(located: list[_M], rosters) -> dict[tuple, str]:
    """(person, family, portfolio) -> country, from the person's other
    mentions and the roster, to tell whose defence minister an unqualified
    "Menteri Pertahanan X" is."""
    out: dict[tuple, str] = {}
    for m in located:
        r = m.mention.role
        if r.country and r.family:
            out.setdefault((m.key, r.family, r.itype), r.country)
    index = PersonIndex()
    keys = {m.key for m in located}
    for k in keys:
        index.add(k)
    for roster, _ in rosters:
        for row in roster.rows:
            k = index.add(row.person)
            if k in keys and row.role.country and row.role.family:
                out.setdefault((k, row.role.family, row.role.itype), row.role.country)
    return out
