"""Checks that judge an aligned pair of sentences and return Signals.

The NLI check (``factcheck.checks.nli``) runs over all pairs at once because
the model batches; the targeted claim checks (numbers, dates, roles, ...) look
at one pair at a time and are registered here. The pipeline runs every
function in ``TARGETED_CHECKS`` on every candidate pair.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.config import Options
from factcheck.types import Article, Candidate, Signal

Check = Callable[[Candidate, list[Article], Options], list[Signal]]

# check(candidate, articles, options) -> the Signals it found (empty if none).
TARGETED_CHECKS: list[Check] = []
