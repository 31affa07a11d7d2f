"""The perturbation suite (tests/data/perturbations.jsonl): hand-made edits
of seed sentences, each placed in a copy of its seed and checked against
the other, unmodified outlets.

Without models, this checks the rows whose edit a targeted check is meant
to catch (numbers, dates, times, roles, speakers): the check must fire on
the edited sentence against the counterpart sentence of another outlet,
and stay silent on the original. Rows marked "nli" (negation, antonyms,
places) are left to the NLI model and run end to end in
test_checks_e2e.py.
"""

import json

import pytest
from checks_util import DATA, SEED_FILES, SEEDS, edited_copy, find, load

from factcheck.checks import TARGETED_CHECKS
from factcheck.checks.roles import check_run
from factcheck.config import Options
from factcheck.types import Candidate

ROWS = [json.loads(line) for line in (DATA / "perturbations.jsonl").read_text(encoding="utf-8").splitlines() if line]
TARGETED = [r for r in ROWS if r["check"] != "nli"]


def test_suite_shape():
    assert len(ROWS) >= 30
    types = {r["type"] for r in ROWS}
    assert {"number", "date", "time", "negation", "antonym", "role", "speaker", "place"} <= types
    for r in ROWS:
        text = (SEEDS / r["seed"]).read_text(encoding="utf-8")
        assert r["original"] in text and r["original"] != r["edited"]
        assert r["counterpart_seed"] != r["seed"]
        assert r["counterpart"] in (SEEDS / r["counterpart_seed"]).read_text(encoding="utf-8")


def _signals(c, articles):
    return [s for check in TARGETED_CHECKS for s in check(c, articles, Options())]


@pytest.mark.parametrize("row", TARGETED, ids=[r["id"] for r in TARGETED])
def test_targeted_check_catches_the_edit(row, tmp_path):
    edited = edited_copy(tmp_path, row["seed"], row["original"], row["edited"])
    if row["check"] == "role":
        # a role edit must conflict with the other outlets' mentions of the
        # same person, whether or not alignment pairs the sentences
        others = [SEEDS / f for f in SEED_FILES if f != row["seed"]]
        articles, sentences = load([edited, *others])
        found = [(a, b, s) for a, b, s in check_run(articles, sentences, Options()) if s.verdict == "contradiction"]
        ed = find(articles, sentences, row["seed"][:3], row["to"])
        assert any(ed in (a, b) and s.category == "role" for a, b, s in found), row["id"]
        return
    articles, sentences = load([edited, SEEDS / row["counterpart_seed"]])
    ed = find(articles, sentences, row["seed"][:3], row["to"])
    cp = find(articles, sentences, row["counterpart_seed"][:3], row["counterpart"][:60])
    sigs = [s for s in _signals(Candidate(ed, cp, 0.9), articles) if s.verdict == "contradiction"]
    assert [s.category for s in sigs] == [row["check"]], row["id"]
    # and the unedited sentence agrees with its counterpart
    articles, sentences = load([SEEDS / row["seed"], SEEDS / row["counterpart_seed"]])
    orig = find(articles, sentences, row["seed"][:3], row["from"])
    cp = find(articles, sentences, row["counterpart_seed"][:3], row["counterpart"][:60])
    assert [s for s in _signals(Candidate(orig, cp, 0.9), articles) if s.verdict == "contradiction"] == []
