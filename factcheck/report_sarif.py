"""``report.sarif``: the contradictions in SARIF 2.1.0, the format review
tools read (GitHub code scanning, GitLab, the VS Code SARIF viewer).

One result per contradiction. Its rule is the registered check that
flagged it (``Finding.check``; the first where several did: ``number`` for
``number+nli``, all of them in the result's properties, with the category);
its level follows the gate: ``error`` at or above
--min-score, ``warning`` below; its rank is the score out of 100. The
location is one side's sentence and the related location the other's, each
with its file, line and column; in a draft check the draft is the location,
since that is what the editor changes. Lines and columns count in Unicode
code points in the cleaned article text, where the report's offsets point
(findings.json carries it): for a plain-text article with blank lines
between paragraphs that is the file itself. A waived finding carries its
waiver as a suppression, so review tools show it as dismissed.

Plain dicts: the SARIF object models on PyPI are generated code, unmaintained
since 2019, for the few objects written here.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePath
from urllib.parse import quote

from factcheck import __version__
from factcheck.pipeline import Result
from factcheck.types import Finding, Sentence

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# What each check (factcheck.checks.CHECKS) finds, for the rule's
# description; a check not listed here still gets a rule, named for itself.
CHECKS = {
    "nli": "The NLI model: one sentence contradicts the other",
    "number": "Numbers, amounts and totals of one fact differ",
    "date": "Dates, weekdays or clock times of one event differ",
    "role": "A person is given another role or office, or the roster disagrees",
    "attribution": "The same statement is attributed to another speaker",
    "place": "One event is placed somewhere else",
    "polarity": "One outlet denies what another asserts",
}
# SARIF message text reads [text](n) as a link to a location: brackets from
# the articles are escaped.
LINK_MARKUP = re.compile(r"[\\\[\]]")


def render_sarif(result: Result) -> str:
    contradictions = [f for f in result.findings if f.verdict == "contradiction"]
    rules = list(dict.fromkeys(_checks(f)[0] for f in contradictions))
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(result, f, rules) for f in contradictions],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _checks(f: Finding) -> list[str]:
    return f.check.split("+")


def _rule(check: str) -> dict:
    text = CHECKS.get(check, f"factcheck's {check} check")
    return {"id": check, "name": check, "shortDescription": {"text": text}, "fullDescription": {"text": text + "."}}


def _result(result: Result, f: Finding, rules: list[str]) -> dict:
    primary, other = (f.b, f.a) if result.draft and f.b.article == result.draft.article else (f.a, f.b)
    checks = _checks(f)
    found = {
        "ruleId": checks[0],
        "ruleIndex": rules.index(checks[0]),
        "level": "error" if f.score >= result.options.min_score else "warning",
        "rank": round(f.score * 100, 1),
        "message": {
            "text": f"Contradicts [{_escaped(_where(result, other))}](1): {_escaped(f.why)}"
            + (f" Reference: {_escaped(f.reference)}." if f.reference else "")
        },
        "locations": [_location(result, primary, 0)],
        "relatedLocations": [_location(result, other, 1)],
        # The finding id names the pair by what it says, so a review tool
        # follows one finding from run to run as the articles change around it.
        "partialFingerprints": {"findingId/v1": f.finding_id},
        "properties": {
            "finding_id": f.finding_id,
            "score": round(f.score, 4),
            "checks": checks,
            "category": f.category,
        },
    }
    waiver = result.waiver(f)
    if waiver:
        by = f" ({waiver.by}, {waiver.date})" if waiver.by else f" ({waiver.date})"
        found["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": waiver.reason + by,
                "location": {"physicalLocation": {"artifactLocation": {"uri": _uri(result.waivers.file)}}},
            }
        ]
    return found


def _location(result: Result, s: Sentence, n: int) -> dict:
    article = result.articles[s.article]
    start_line, start_column = _line_column(article.text, s.start)
    end_line, end_column = _line_column(article.text, s.end)
    return {
        "id": n,
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(article.path or article.file)},
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,  # the column after the sentence's last character
                "snippet": {"text": s.text},
            },
        },
        "message": {"text": _escaped(_where(result, s))},
    }


def _where(result: Result, s: Sentence) -> str:
    article = result.articles[s.article]
    when = f", {article.date.isoformat()}" if article.date else ""
    return f"{article.outlet or article.file}{when} ({article.file}, sentence {s.index + 1})"


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``text[offset]``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _uri(path: str) -> str:
    """A relative URI for a path below the working folder (what a CI job's
    checkout gives code scanning), else an absolute file URI."""
    absolute = Path(path).absolute()
    try:
        relative = PurePath(os.path.relpath(absolute))
    except ValueError:  # another drive, on Windows
        return absolute.as_uri()
    if relative.parts and relative.parts[0] == "..":
        return absolute.as_uri()
    return quote(relative.as_posix())


def _escaped(text: str) -> str:
    return LINK_MARKUP.sub(lambda m: "\\" + m.group(), text)
