"""The claim checks through the pipeline and the CLI.

Tests without a marker run the real pipeline with the tiny models of
conftest.py (their NLI always says "agreement"), so the findings below come
from the claim checks alone. Tests marked ``models`` run the real default
models, offline, and check the issue's acceptance end to end.
"""

from __future__ import annotations

import csv
import json

import pytest
from checks_util import DATA, SEED_FILES, SEEDS, edited_copy, norm
from typer.testing import CliRunner

import factcheck
from factcheck.cli import app
from factcheck.config import Options

SEED_PATHS = [str(SEEDS / f) for f in SEED_FILES]
ROSTER = str(SEEDS / "roster.csv")
REFERENCE = str(DATA / "ref_ryder_en.txt")
RYDER = "Juru bicara Kementerian Luar Negeri AS Patrick Ryder"


def _tiny(models, **kw) -> Options:
    base = dict(embedding_model=models["embedder"], nli_model=models["agrees"], progress=False)
    return Options(**(base | kw))


def _texts(result, f):
    return result.articles[f.a.article].file, f.a.text, result.articles[f.b.article].file, f.b.text


def _ryder_role(result):
    return [
        f
        for f in result.findings
        if f.verdict == "contradiction" and "role" in f.category.split("+") and RYDER in f.a.text + f.b.text
    ]


# ---------------------------------------------------------------- tiny models


def test_pipeline_roster_role_and_temporal(models):
    # nothing aligned: every finding comes from the run-level checks
    result = factcheck.compare(SEED_PATHS, _tiny(models, min_similarity=2.0, roster=[ROSTER]))
    (f,) = _ryder_role(result)
    file_a, text_a, file_b, text_b = _texts(result, f)
    assert file_a.startswith("004") and file_b == "roster.csv" and text_b.startswith("Patrick Ryder — Pentagon press secretary")
    assert "US State Department" in f.why and "Pentagon press secretary" in f.why and f.reference == "roster.csv"
    temporal = [g for g in result.findings if "Shoigu" in g.why and "Belousov" in g.why]
    assert temporal and all((g.verdict, g.category) == ("neutral", "temporal") for g in temporal)
    frame = result.to_frame()
    row = frame[frame.finding_id == f.finding_id].iloc[0]
    assert row.why == f.why and row.reference == "roster.csv" and row.file_b == "roster.csv"
    assert result.findings[0] is f  # against the roster: ranks first


def test_pipeline_reference_role_ranks_first(models):
    result = factcheck.compare(SEED_PATHS, _tiny(models, min_similarity=2.0, references=[REFERENCE]))
    (f,) = _ryder_role(result)
    assert result.articles[f.b.article].file == "ref_ryder_en.txt" and "Pat Ryder" in f.b.text
    assert f.why.startswith("source 004_f647fa711c285bc1.txt disagrees with reference ref_ryder_en.txt")
    assert result.findings[0] is f


def test_pipeline_attribution_between_aligned_pairs(models):
    paths = [str(SEEDS / f) for f in SEED_FILES if f[:3] in ("001", "004")]
    result = factcheck.compare(paths, _tiny(models, min_similarity=-1.0, top_k=40))
    hits = [f for f in result.findings if "attribution" in f.category.split("+")]
    assert len(hits) == 1 and hits[0].verdict == "contradiction"
    assert "Patrick Ryder" in hits[0].why and "Karine Jean-Pierre" in hits[0].why


def test_cli_bad_roster_is_a_usage_error_before_models(tmp_path, models):
    bad = tmp_path / "r.csv"
    bad.write_text("person,role\nX,Y\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["compare", *SEED_PATHS, "--roster", str(bad), "--out", str(tmp_path / "o"),
                                   "--nli-model", "/nonexistent/model"])
    assert res.exit_code == 2
    assert "lacks column(s) valid_from, valid_to" in res.output


# ---------------------------------------------------------------- real models


def _csv_rows(out_dir):
    with open(out_dir / "discrepancies.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.models
@pytest.mark.parametrize("extra, other", [(["--roster", ROSTER], "roster.csv"), (["--reference", REFERENCE], "ref_ryder_en.txt")])
def test_acceptance_ryder_role_contradiction(tmp_path, extra, other):
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["compare", *SEED_PATHS, *extra, "--out", str(out), "--quiet"])
    assert res.exit_code == 1, res.output
    rows = [
        r for r in _csv_rows(out)
        if r["verdict"] == "contradiction" and "role" in r["category"].split("+") and RYDER in r["text_a"] + r["text_b"]
    ]
    assert rows, "the Ryder role conflict is reported"
    r = rows[0]
    assert {r["file_a"], r["file_b"]} == {"004_f647fa711c285bc1.txt", other} and r["reference"] == other
    assert "US State Department" in r["why"] and "Pentagon press secretary" in r["why"]
    assert other in (out / "report.md").read_text(encoding="utf-8")


class _CachedEmbedder:
    """The real embedder, remembering each text's vector across runs (the
    perturbation suite embeds the same unmodified outlets 35 times)."""

    def __init__(self, inner):
        self.inner, self.cache = inner, {}

    def encode(self, texts):
        import numpy as np

        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            self.cache.update(zip(missing, self.inner.encode(missing)))
        return np.stack([self.cache[t] for t in texts]) if texts else self.inner.encode(texts)


class _CachedNLI:
    def __init__(self, inner):
        self.inner, self.cache = inner, {}

    def predict(self, pairs):
        missing = list(dict.fromkeys(p for p in pairs if p not in self.cache))
        if missing:
            self.cache.update(zip(missing, self.inner.predict(missing)))
        return [self.cache[p] for p in pairs]


@pytest.fixture(scope="module")
def cached_models():
    """Load the default models once for this module's real-model runs."""
    from factcheck import pipeline

    made = {}
    real_embedder, real_nli = pipeline.Embedder, pipeline.NLIModel

    def embedder(name, *args, **kwargs):
        if ("e", name) not in made:
            made["e", name] = _CachedEmbedder(real_embedder(name, *args, **kwargs))
        return made["e", name]

    def nli_model(name, *args, **kwargs):
        if ("n", name) not in made:
            made["n", name] = _CachedNLI(real_nli(name, *args, **kwargs))
        return made["n", name]

    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline, "Embedder", embedder)
    patch.setattr(pipeline, "NLIModel", nli_model)
    yield
    patch.undo()


@pytest.fixture(scope="module")
def plain_run(cached_models):
    return factcheck.compare(SEED_PATHS, Options(progress=False))


@pytest.mark.models
def test_acceptance_attribution_without_reference(plain_run):
    hits = [f for f in plain_run.findings if "attribution" in f.category.split("+")]
    assert any("Patrick Ryder" in f.why and "Karine Jean-Pierre" in f.why for f in hits)


@pytest.mark.models
def test_acceptance_shoigu_belousov_temporal_never_contradiction(plain_run):
    involved = [f for f in plain_run.findings if "Shoigu" in f.a.text + f.b.text and "Belousov" in f.a.text + f.b.text]
    assert involved and all(f.verdict != "contradiction" for f in involved)
    assert any(f.category == "temporal" for f in involved)


@pytest.mark.models
@pytest.mark.parametrize(
    "a, b",
    [
        ("kunjungan pertamanya ke Korea Utara dalam 24 tahun", "kunjungan kedua Putin ke Korea Utara setelah berselang 24 tahun"),
        ("pukul 2:45 pagi", "sebelum fajar"),
        ("Menteri Luar Negeri Sergey Lavrov", "Menteri Luar Negeri Sergei Lavrov"),
        ("Kim Jong Un", "Kim Jong-un"),
    ],
)
def test_acceptance_not_contradictions(plain_run, a, b):
    for f in plain_run.findings:
        texts = f.a.text + " || " + f.b.text
        if a in texts and b in texts:
            assert f.verdict != "contradiction", (f.category, f.why)


@pytest.mark.models
def test_acceptance_unmodified_seeds_at_most_three_contradictions(plain_run):
    contradictions = [f for f in plain_run.findings if f.verdict == "contradiction"]
    assert len(contradictions) <= 3, [(f.category, f.why) for f in contradictions]


@pytest.mark.models
def test_acceptance_perturbation_suite(tmp_path, cached_models):
    rows = [json.loads(line) for line in (DATA / "perturbations.jsonl").read_text(encoding="utf-8").splitlines() if line]
    caught, missed = [], []
    for row in rows:
        folder = tmp_path / row["id"]
        folder.mkdir()
        edited = edited_copy(folder, row["seed"], row["original"], row["edited"])
        others = [str(SEEDS / f) for f in SEED_FILES if f != row["seed"]]
        result = factcheck.compare([str(edited), *others], Options(progress=False))
        want = norm(row["to"])
        names_edit = [
            f for f in result.findings
            if f.verdict == "contradiction"
            and any(want in norm(s.text) and result.articles[s.article].file == row["seed"] for s in (f.a, f.b))
        ]
        (caught if names_edit else missed).append(row["id"])
    assert len(caught) / len(rows) >= 0.9, f"missed: {missed}"
