"""Property-based tests (Hypothesis): hostile Unicode text through ingest,
segment, alignment, every check and every report writer (fake models; see
tests/fuzz_inputs.py for the generators and the properties). The `ci`
profile, selected in conftest when CI is set, draws few examples;
benchmarks/fuzz.py draws ten thousand."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings

import fuzz_inputs
from factcheck import ingest, segment
from factcheck.types import Article

# tmp_path is one folder for all of a test's examples: run_one empties it.
SHARED_FOLDER = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", autouse=True)
def fake_models():
    with fuzz_inputs.fake_models():
        yield


@SHARED_FOLDER
@given(fuzz_inputs.ARTICLES)
@example(["Presiden tiba pada 19 Juni 2024 pukul 02.45 WIB.", "Presiden tiba pada 20 Juni 2024 pukul 02.45 WIB."])
@example(["=HYPERLINK(\"http://x.example/\",\"klik\") kata dia.\u200f", "مرحبا \u202e 👩🏽‍💻 \x1b[31m kata dia."])
def test_any_text_runs_through_every_stage_and_report(tmp_path, texts):
    fuzz_inputs.run_one(texts, tmp_path)


@settings(max_examples=2, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fuzz_inputs.LONG_ARTICLES)
def test_a_sentence_of_10000_characters_without_a_full_stop(tmp_path, texts):
    fuzz_inputs.run_one(texts, tmp_path)


@given(fuzz_inputs.ARTICLE)
def test_sentences_cover_the_text_in_order(text):
    cleaned = ingest._normalize(text)
    article = Article(file="a.txt", path="a.txt", outlet="a", text=cleaned)
    sentences = segment.split_sentences(article, 0)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert cleaned[s.start : s.end] == s.text
    # Only whitespace lies between or around the sentences.
    rest = list(cleaned)
    for s in sentences:
        rest[s.start : s.end] = [""] * (s.end - s.start)
    assert not "".join(rest).strip()
