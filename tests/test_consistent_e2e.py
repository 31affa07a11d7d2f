"""Hand-written stories whose outlets agree on every fact (tests/data/consistent/),
run as an editor runs them: the installed command, the real default models,
no network. Every contradiction there is a false alarm by construction.

Both stories are held to it, but only for the targeted checks: the NLI
model still flags pairs of each (see tests/data/consistent/README.md),
which are not pinned here.
"""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

import pytest
from test_e2e import OFFLINE, factcheck_command

pytestmark = pytest.mark.models

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "data" / "consistent"


@pytest.mark.parametrize("story", ["A", "B"])
def test_consistent_story_has_no_targeted_contradiction(tmp_path, story):
    out = tmp_path / "out"
    files = sorted(map(str, (STORIES / story).glob("*.txt")))
    done = subprocess.run(
        [factcheck_command(), "compare", *files, "--out", str(out), "--quiet"],
        capture_output=True, text=True, env=os.environ | OFFLINE, cwd=ROOT,
    )
    assert done.returncode in (0, 1), done.stderr
    with open(out / "discrepancies.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len({r["file_a"] for r in rows} | {r["file_b"] for r in rows}) == 4
    flagged = [(r["category"], r["why"]) for r in rows if r["verdict"] == "contradiction" and r["category"] != "nli"]
    assert flagged == []
