"""The checkable facts a sentence states, and the values two sentences
conflict on, found with the claim checks' own extractors.

``factcheck check`` lists a draft's unsupported sentences that state facts
(numbers, dates, names, quotes): those are what an editor must source. The
HTML report highlights the values a contradiction turns on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck.checks.dates import date_conflicts, extract_dates
from factcheck.checks.lexicon import fold
from factcheck.checks.numbers import extract_numbers, number_conflicts
from factcheck.checks.people import extract_people, same_person
from factcheck.checks.quotes import QUOTE_RE, extract_statements
from factcheck.config import Options
from factcheck.types import Article, Fact, Finding

Span = tuple[int, int]  # start, end within a sentence's text


def facts(text: str, article: Article) -> list[Fact]:
    """The numbers, dates, full names and quotes of a sentence, in reading
    order; a span already taken (a date's digits) is not counted twice."""
    found = (
        [Fact("quote", m.start(), m.end(), m.group(0)) for m in QUOTE_RE.finditer(text)]
        + [Fact("date", m.start, m.end, m.text) for m in extract_dates(text, article.date, article.language)]
        + [Fact("number", q.start, q.end, q.text) for q in extract_numbers(text, article.language)]
        + [Fact("name", p.start, p.end, p.name) for p in extract_people(text) if p.full]
    )
    kept: list[Fact] = []
    for fact in found:
        if not any(k.start < fact.end and fact.start < k.end for k in kept):
            kept.append(fact)
    return sorted(kept, key=lambda f: f.start)


def conflicting_spans(finding: Finding, articles: list[Article], options: Options) -> tuple[list[Span], list[Span]]:
    """What to highlight in each sentence of a contradiction: the values the
    targeted checks found in conflict (numbers, dates), the people and roles
    or speakers named in its ``why``; for a contradiction only the NLI model
    saw, the facts of each side that the other side does not state."""
    a, b = finding.a, finding.b
    art_a, art_b = articles[a.article], articles[b.article]
    categories = set(finding.category.split("+"))
    spans_a: list[Span] = []
    spans_b: list[Span] = []
    if "number" in categories:
        for x, y in number_conflicts(extract_numbers(a.text, art_a.language), extract_numbers(b.text, art_b.language)):
            spans_a.append((x.start, x.end))
            spans_b.append((y.start, y.end))
    if "date" in categories:
        dates_a = extract_dates(a.text, art_a.date, art_a.language)
        dates_b = extract_dates(b.text, art_b.date, art_b.language)
        for x, y, _ in date_conflicts(dates_a, dates_b, options.time_tolerance_minutes):
            spans_a.append((x.start, x.end))
            spans_b.append((y.start, y.end))
    if categories & {"role", "attribution"}:
        spans_a += _named_in(a.text, finding.why)
        spans_b += _named_in(b.text, finding.why)
    if not (spans_a or spans_b):
        spans_a = _unshared(a.text, art_a, b.text)
        spans_b = _unshared(b.text, art_b, a.text)
    return sorted(set(spans_a)), sorted(set(spans_b))


def _named_in(text: str, why: str) -> list[Span]:
    """People (with the role written next to them) and speakers of ``text``
    whom ``why`` names."""
    spans = []
    for person in extract_people(text):
        if any(same_person(person.name, name) for name in _names(why)):
            spans.append((person.start, person.end))
            if person.role_start >= 0:
                spans.append((person.role_start, person.role_end))
    for statement in extract_statements(text):
        where = text.find(statement.speaker) if statement.speaker else -1
        if where >= 0 and statement.speaker in why:
            spans.append((where, where + len(statement.speaker)))
    return spans


def _names(why: str) -> list[str]:
    return [p.name for p in extract_people(why)]


def _unshared(text: str, article: Article, other: str) -> list[Span]:
    other_folded = fold(other)
    return [(f.start, f.end) for f in facts(text, article) if f.kind != "quote" and fold(f.text) not in other_folded]


def wrapped(text: str, spans: list[Span], before: str, after: str, escape: Callable[[str], str] = str) -> str:
    """``text`` with each of ``spans`` (sorted) between ``before`` and
    ``after`` (a highlight), the text itself passed through ``escape``.
    Spans that overlap or are separated only by whitespace ("Rabu" and
    "dini hari") become one highlight: "**Rabu** **dini hari**" reads as two
    values."""
    merged: list[list[int]] = []
    for start, end in spans:
        if start >= end:
            continue
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out += [escape(text[pos:start]), before, escape(text[start:end]), after]
        pos = end
    return "".join(out) + escape(text[pos:])
