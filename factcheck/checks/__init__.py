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

# Claim checks (numbers, dates, roles, attribution): see their modules.
from factcheck.checks.dates import check_date  # noqa: E402
from factcheck.checks.numbers import check_number  # noqa: E402
from factcheck.checks.quotes import check_attribution  # noqa: E402
from factcheck.checks.roles import check_role, check_run  # noqa: E402

TARGETED_CHECKS += [check_number, check_date, check_role, check_attribution]

# check(articles, sentences, options) -> [(sentence_a, sentence_b, Signal)]:
# run-level checks over every sentence, aligned or not (role conflicts about
# one person anywhere in the run, office holders over time, the roster). May
# append the roster to ``articles`` as a synthetic reference Article.
RunCheck = Callable[[list[Article], list, Options], list]
RUN_CHECKS: list[RunCheck] = [check_run]
