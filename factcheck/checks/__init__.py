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

# Claim checks (numbers, dates, roles, attribution): see checks/README.md.
# They compare every two sentences that carry something comparable, aligned
# or not, so they are run-level checks; the pair versions (check_number,
# check_date, check_attribution, check_role) stay importable for one pair.
from factcheck.checks.claims import check_claims_run  # noqa: E402
from factcheck.checks.dates import check_date, check_date_agreement  # noqa: E402,F401
from factcheck.checks.numbers import check_number  # noqa: E402,F401
from factcheck.checks.quotes import check_attribution  # noqa: E402,F401
from factcheck.checks.roles import check_role, check_run  # noqa: E402,F401

# check(articles, sentences, options) -> [(sentence_a, sentence_b, Signal)]:
# run-level checks over every sentence, aligned or not. check_run (roles,
# office holders over time, the roster) may append the roster to
# ``articles`` as a synthetic reference Article.
RunCheck = Callable[[list[Article], list, Options], list]
RUN_CHECKS: list[RunCheck] = [check_run, check_claims_run]

# A denial is worded unlike what it denies, so the alignment often misses the
# pair: polarity looks at every pair in which one sentence negates something.
from factcheck.checks.polarity import check_polarity_run  # noqa: E402

RUN_CHECKS.append(check_polarity_run)

# Agreement on a time or date, and a place, need the alignment's word that
# two sentences state one fact, so they run on aligned pairs only.
from factcheck.checks.places import check_place  # noqa: E402

TARGETED_CHECKS += [check_date_agreement, check_place]
