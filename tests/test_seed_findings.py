"""The seeds' findings with the shipped models, pinned: judging each
sentence against its claim's representatives (align.judged) must find what
judging every aligned pair found before it: the Ryder/Jean-Pierre
attribution contradiction (since the cross-lingual NLI stage the NLI model
flags it too) and the same agreements: seven, and an eighth since that stage
(b2af6148bae3, Putin accepting Kim's invitation against his state visit:
loose, as the September 2023 article only tells the invitation)."""

from __future__ import annotations

import glob

import pytest

import factcheck

pytestmark = pytest.mark.models

# Finding ids name a pair by its two sentences, so they hold across runs.
CONTRADICTIONS = {"e64d266e6c0f": "nli+attribution"}
AGREEMENTS = {
    "038cd42a1890", "ed03476a36ca", "2daf2f25906f", "518b60dac0d8",
    "72e2da23ed4a", "33f26043d632", "d71aa76f9f8a", "b2af6148bae3",
}  # fmt: skip


def test_seeds_keep_their_contradiction_and_agreements():
    result = factcheck.compare(sorted(glob.glob("seeds/0*.txt")), progress=False)
    found = {f.finding_id: f for f in result.findings}
    contradictions = {i: f.category for i, f in found.items() if f.verdict == "contradiction"}
    assert contradictions == CONTRADICTIONS
    ryder = found["e64d266e6c0f"]
    assert {"Ryder" in ryder.a.text + ryder.b.text, "Jean-Pierre" in ryder.a.text + ryder.b.text} == {True}
    assert {i for i, f in found.items() if f.verdict == "agreement"} == AGREEMENTS
