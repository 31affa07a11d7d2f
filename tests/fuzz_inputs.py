"""Hostile article text for the property tests and the fuzz benchmark, and
the one property every run over it must keep.

``run_one(texts, folder)`` writes the texts as article files, runs ingest,
segment, alignment, every check and every report writer for real (only the
two models are fakes, see ``fake_models``), and asserts what must hold
whatever the text: no crash (bad input is an InputError, nothing else),
offsets that point at the reported words, and reports that read back.
Shared by tests/test_properties.py (few examples) and benchmarks/fuzz.py
(ten thousand).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from pathlib import Path
from unittest import mock

import jsonschema
import numpy as np
import pandas as pd
from hypothesis import strategies as st

from factcheck import pipeline, report, segment
from factcheck.config import Options
from factcheck.types import InputError, NLIResult

# Made once: jsonschema.validate() would check the schema itself on every call.
FINDINGS_SCHEMA = jsonschema.Draft202012Validator(
    json.loads((Path(__file__).parent / "data" / "findings.schema.json").read_text(encoding="utf-8"))
)
# Words the checks act on (numbers, dates, offices, names, quotes, denials),
# so generated sentences reach the checks' inner paths, not only their guards.
WORDS = (
    "Presiden Menteri Jokowi Putin Kim Jong Un tiba di Jakarta Pyongyang pada Rabu Selasa 19 Juni 2024 "
    "pukul 02.45 WIB Rp500 miliar 1.200 orang tewas 3,5 persen kata menolak tidak membantah “Kami siap,” "
    "ujarnya. menurut Reuters (ANTARA) - Baca juga: dll. Dr. H. No. 5 tahun lalu US$ 12 juta denda "
    "menuntut vonis polisi Kapolda Mendag said on Tuesday June 19 killed 40 people"
).split()
# Characters that break naive text handling: right-to-left scripts and
# marks, zero-width and bidi controls, combining marks, C0/C1 controls,
# emoji with joiners and skin tones, full-width and CJK, line separators.
HOSTILE = (
    "مرحبا بالعالم שלום עולם \u200f\u200e\u202e\u202d\u2066\u2069\u200b\u200c\u200d\u2060\ufeff"
    "e\u0301\u0308\u20dd \x00\x01\x07\x1b[31m\x7f\x85\x9b\t\r\x0b\x0c\u2028\u2029"
    "👩🏽‍💻🇮🇩👍🏻🏳️‍🌈 １２３ 東京 北朝鮮 नमस्ते ℃ ½ ² ٣ ۴ ߁ ௫ \\ \" ' = + - @ | ` * _ [ ] < > & ;"
)
# Unicode text as a file can hold it (no lone surrogates).
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=200)
# News words twice as often as the rest, so that most runs get past ingest's
# "binary file (mostly non-text)" refusal and reach the checks and reports.
NEWS_WORD = st.sampled_from(WORDS)
# Control characters come one at a time (from HOSTILE) inside prose; whole
# runs of them are what ARTICLE's ANY_TEXT brings.
PRINTABLE = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=11)
WORD = st.one_of(NEWS_WORD, NEWS_WORD, st.sampled_from(list(HOSTILE)), PRINTABLE)
SENTENCE = st.lists(WORD, min_size=1, max_size=25).map(" ".join).flatmap(
    lambda body: st.sampled_from([".", "!", "?", "…", "", "。", "؟", "\n", "\n\n"]).map(lambda end: body + end)
)
# One sentence of about 10,000 characters and no full stop.
LONG_SENTENCE = st.integers(1_500, 2_500).map(lambda n: " ".join(WORDS[i % len(WORDS)] for i in range(n)).replace(".", ""))
PROSE = st.lists(SENTENCE, min_size=1, max_size=12).map(" ".join)
ARTICLE = st.one_of(PROSE, ANY_TEXT, st.text(st.sampled_from(HOSTILE), max_size=300))
# Two articles of (hostile) prose at least, so most runs get past ingest and
# its refusals (binary, empty, only one article) and reach the checks.
ARTICLES = st.tuples(st.lists(PROSE, min_size=2, max_size=3), st.lists(ARTICLE, max_size=2)).map(
    lambda drawn: drawn[0] + drawn[1]
)
# A run with a 10,000-character sentence takes seconds, not milliseconds: drawn apart.
LONG_ARTICLES = st.tuples(
    st.tuples(st.lists(SENTENCE, max_size=3).map(" ".join), LONG_SENTENCE).map(" ".join), ARTICLES
).map(lambda drawn: [drawn[0], *drawn[1]])
# Writers of every format: what re-reads each is checked below.
FORMATS = tuple(report.FILES)
DIM = 64


class FakeEmbedder:
    """A bag of hashed words: sentences sharing words are close, so the
    alignment pairs (and the checks judge) generated sentences."""

    def __init__(self, *args, **kwargs):
        pass

    def encode(self, texts):
        rows = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split() or [""]:
                rows[i, int(hashlib.md5(word.encode("utf-8", "surrogatepass")).hexdigest(), 16) % DIM] += 1
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


class FakeNLI:
    """Probabilities from a hash of the pair: every verdict occurs, and the
    same pair always gets the same one."""

    def __init__(self, *args, **kwargs):
        pass

    def predict(self, pairs):
        results = []
        for premise, hypothesis in pairs:
            seed = hashlib.md5(f"{premise}\x00{hypothesis}".encode("utf-8", "surrogatepass")).digest()
            e, n, c = (b + 1 for b in seed[:3])
            results.append(NLIResult(e / (e + n + c), n / (e + n + c), c / (e + n + c)))
        return results


@contextlib.contextmanager
def fake_models():
    """The pipeline with the fake models in place of the real ones."""
    with (
        mock.patch.object(pipeline, "Embedder", FakeEmbedder),
        mock.patch.object(pipeline, "NLIModel", FakeNLI),
        mock.patch.object(pipeline, "locate", lambda name, role: (name, True)),
        mock.patch.object(pipeline, "resolve_precision", lambda precision: "float32"),
    ):
        yield


# skip_bad: a file of only controls is skipped, and the rest still runs.
OPTIONS = Options(
    embedding_model="fake", nli_model="fake", min_similarity=0.3, progress=False, fail_on="none", skip_bad=True
)


def run_one(texts: list[str], folder: Path) -> str:
    """Run the whole comparison over ``texts`` in ``folder`` (emptied first)
    under fake_models; assert the properties. Returns "input error" or "ran"."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "in").mkdir(parents=True)
    paths = []
    for n, text in enumerate(texts):
        path = folder / "in" / f"a{n}.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        paths.append(str(path))
    try:
        result = pipeline.compare(paths, OPTIONS)
    except InputError as error:
        assert "\n" not in error.problem, error.problem
        return "input error"
    check_offsets(result)
    out = folder / "out"
    report.write_reports(result, out, FORMATS)
    check_reports(result, out)
    return "ran"


def check_offsets(result: pipeline.Result) -> None:
    by_article: dict[int, list] = {}
    for s in result.sentences:
        article = result.articles[s.article]
        assert article.text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text
        by_article.setdefault(s.article, []).append(s)
    for n, article in enumerate(result.articles):
        sentences = by_article.get(n, [])
        assert sentences == segment.split_sentences(article, n) or article.is_reference
        ends = [s.start for s in sentences[1:]]
        assert all(before.end <= start for before, start in zip(sentences, ends))
    for f in result.findings:
        for s in (f.a, f.b):
            assert result.articles[s.article].text[s.start : s.end] == s.text


def check_reports(result: pipeline.Result, out: Path) -> None:
    # Every text column as text: "NA", "null" or "1e5" are article words here.
    frame = pd.read_csv(out / report.FILES["csv"], dtype=str, keep_default_na=False)
    assert list(frame["finding_id"]) == [f.finding_id for f in result.findings]
    texts = {a.file: a.text for a in result.articles}
    for row in frame.itertuples():
        for side in "ab":
            text = getattr(row, f"text_{side}")
            # A cell that a spreadsheet would run got an apostrophe (report.spreadsheet_safe).
            if text.startswith("'") and text[1:].startswith(report.FORMULA_STARTS):
                text = text[1:]
            start, end = int(getattr(row, f"start_{side}")), int(getattr(row, f"end_{side}"))
            assert texts[getattr(row, f"file_{side}")][start:end] == text
    document = json.loads((out / report.FILES["json"]).read_text(encoding="utf-8"))
    FINDINGS_SCHEMA.validate(document)
    for f, written in zip(result.findings, document["findings"], strict=True):
        for side, s in (("a", f.a), ("b", f.b)):
            assert document["articles"][s.article]["text"][written[side]["start"] : written[side]["end"]] == s.text
    md = (out / report.FILES["md"]).read_text(encoding="utf-8")
    assert md.startswith("# factcheck") and md.endswith("\n")
    for name in ("html", "sarif"):
        if name in FORMATS:
            assert (out / report.FILES[name]).stat().st_size > 0
    if "sarif" in FORMATS:
        sarif = json.loads((out / report.FILES["sarif"]).read_text(encoding="utf-8"))
        assert len(sarif["runs"][0]["results"]) == sum(f.verdict == "contradiction" for f in result.findings)
