"""Time and trust: turning a raw conflict into the Signal the report shows.

* Time: when the two articles' publication dates are more than
  ``options.temporal_gap_days`` apart, a conflict between them (a role, a
  number, a date) is a change over time: category ``temporal``, verdict
  ``neutral``, never a contradiction.
* Trust: when one side is a trusted reference (``--reference``, or the
  roster), the reason reads "source X disagrees with reference R" and the
  Signal's ``reference`` names R, so the report can rank it first.

Every targeted check builds its Signals through :func:`conflict`.
"""

from __future__ import annotations

from ..config import Options
from ..types import Article, Signal


def days_apart(a: Article, b: Article) -> int | None:
    if a.date is None or b.date is None:
        return None
    return abs((a.date - b.date).days)


def far_apart(a: Article, b: Article, options: Options) -> bool:
    gap = days_apart(a, b)
    return gap is not None and gap > options.temporal_gap_days


def conflict(category: str, score: float, why: str, art_a: Article, art_b: Article, options: Options) -> Signal:
    """A contradiction Signal between two articles' sentences, made temporal
    or reference-aware as needed. ``why`` names the conflicting values."""
    ref = ""
    if art_b.is_reference and not art_a.is_reference:
        ref = art_b.file
        why = f"source {art_a.file} disagrees with reference {art_b.file}: {why}"
    elif art_a.is_reference and not art_b.is_reference:
        ref = art_a.file
        why = f"source {art_b.file} disagrees with reference {art_a.file}: {why}"
    if art_a is not art_b and far_apart(art_a, art_b, options):
        gap = days_apart(art_a, art_b)
        return Signal(
            category="temporal",
            verdict="neutral",
            score=round(score, 3),
            why=f"changed over time ({art_a.file} {art_a.date}, {art_b.file} {art_b.date}: {gap} days apart): {why}",
            reference=ref,
        )
    return Signal(category=category, verdict="contradiction", score=round(score, 3), why=why, reference=ref)


def changed_over_time(category: str, score: float, why: str, art_a: Article, art_b: Article) -> Signal:
    """A difference that is only ever a change over time (a different office
    holder), whatever the gap."""
    gap = days_apart(art_a, art_b)
    when = f"{art_a.file} {art_a.date}, {art_b.file} {art_b.date}" + (f": {gap} days apart" if gap is not None else "")
    return Signal(category="temporal", verdict="neutral", score=round(score, 3), why=f"changed over time ({when}): {why}")


def over_time(signal: Signal, art_a: Article, art_b: Article, options: Options) -> Signal:
    """Any check's contradiction (the NLI's too) between articles further
    apart than options.temporal_gap_days, as a change over time."""
    if signal.verdict != "contradiction" or art_a is art_b or not far_apart(art_a, art_b, options):
        return signal
    gap = days_apart(art_a, art_b)
    return Signal(
        category="temporal",
        verdict="neutral",
        score=signal.score,
        why=f"changed over time ({art_a.file} {art_a.date}, {art_b.file} {art_b.date}: {gap} days apart): "
        + (signal.why or f"{signal.category} contradiction"),
        reference=signal.reference,
    )
