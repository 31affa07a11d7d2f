"""English wire copy against Indonesian reports, as an editor runs it: the
installed command on tests/data/crosslingual_story/ with the real default
models, offline.

wire_en.txt is the wire story; restated_id.txt restates every fact in
Indonesian; edited_id.txt restates it too but changes one number (exports
grew 9 percent, not 4) and negates one statement (the board did not approve
the increase unanimously). The story is hand-written for this test and never
trained or tuned on (tests/data/README.md).
"""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

import pytest

from test_e2e import OFFLINE, factcheck_command

pytestmark = pytest.mark.models

STORY = Path(__file__).parent / "data" / "crosslingual_story"


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = tmp_path_factory.mktemp("crosslingual-report")
    done = subprocess.run(
        [factcheck_command(), "compare", *map(str, sorted(STORY.glob("*.txt"))), "--out", str(out), "--quiet"],
        capture_output=True, text=True, env=os.environ | OFFLINE,
    )
    assert done.returncode in (0, 1), done.stderr
    return list(csv.DictReader((out / "discrepancies.csv").open(encoding="utf-8")))


def between(rows, file_a: str, phrase_a: str, file_b: str, phrase_b: str) -> list[dict]:
    found = []
    for r in rows:
        for x, y in (("a", "b"), ("b", "a")):
            if (r[f"file_{x}"] == file_a and phrase_a in r[f"text_{x}"]
                    and r[f"file_{y}"] == file_b and phrase_b in r[f"text_{y}"]):
                found.append(r)
    return found


def verdicts(rows, *where) -> set[str]:
    return {r["verdict"] for r in between(rows, *where)}


def test_an_english_sentence_and_its_indonesian_restatement_agree(rows):
    assert "agreement" in verdicts(rows, "wire_en.txt", "exports grew 4 percent",
                                   "restated_id.txt", "ekspor pada Februari tumbuh 4 persen")


def test_a_changed_number_across_languages_is_a_contradiction(rows):
    assert "contradiction" in verdicts(rows, "wire_en.txt", "exports grew 4 percent",
                                       "edited_id.txt", "tumbuh 9 persen")


# Aligned now (cross-language margin), but the NLI model's mean
# P(contradiction) is 0.58, under the cross-language threshold 0.7, and it
# gives the faithful restatement of the same sentence as much.
@pytest.mark.xfail(strict=True, reason="known gap: NLI below the cross-language threshold; polarity reads one language")
def test_a_negation_across_languages_is_a_contradiction(rows):
    assert "contradiction" in verdicts(rows, "wire_en.txt", "approved the increase unanimously",
                                       "edited_id.txt", "tidak menyetujui kenaikan itu")


# The rate and the export growth, two quantities, are no longer compared
# across languages: each is matched with its own restatement (checks/match.py).
def test_the_faithful_restatement_contradicts_nothing(rows):
    assert not [r for r in rows if r["verdict"] == "contradiction"
                and {r["file_a"], r["file_b"]} == {"wire_en.txt", "restated_id.txt"}]
