"""Every check, in one registry.

A check has one shape (``base.Check``: a name and a function of the run,
``Run -> [(sentence_a, sentence_b, Signal)]``); the pipeline runs every
check that ``options.disable_checks`` leaves on and merges a pair's signals
into one Finding, whose ``check`` names the checks behind its verdict. The
checks, what each compares and why it looks where it does, are listed in
checks/README.md.
"""

from __future__ import annotations

from factcheck.checks import claims, dates, nli, places, polarity, roles
from factcheck.checks.base import Check, Flag, Run, everywhere, matched, pairwise
from factcheck.config import Options

__all__ = ["CHECKS", "Check", "Flag", "Run", "enabled"]

# In the order a finding gives their reasons (config.CHECKS, the names
# disable-checks accepts). The NLI model batches, so it judges all aligned
# pairs at once. Agreement on a date or time, and a place, need the
# alignment's word that two sentences state one fact: aligned pairs only.
# The others compare every two sentences that carry something comparable,
# aligned or not: a small encoder often misses the one sentence of another
# outlet with the same number, and a denial is worded unlike what it denies.
# role may append the roster to the run's articles as a reference.
CHECKS: dict[str, Check] = {
    check.name: check
    for check in (
        Check("nli", nli.check_nli),
        Check("date-agreement", pairwise(dates.check_date_agreement)),
        Check("place", pairwise(places.check_place)),
        Check("role", everywhere(roles.check_run)),
        Check("number", matched(claims.check_numbers_run)),
        Check("date", matched(claims.check_dates_run)),
        Check("attribution", everywhere(claims.check_attributions_run)),
        Check("polarity", everywhere(polarity.check_polarity_run)),
    )
}


def enabled(options: Options) -> list[Check]:
    """The checks this run uses, in registry order."""
    off = set(options.disable_checks)
    unknown = off - set(CHECKS)
    if unknown:
        raise ValueError(f"unknown check {sorted(unknown)[0]!r} in disable_checks; the checks are {', '.join(CHECKS)}")
    return [check for name, check in CHECKS.items() if name not in off]
