"""compare(): the stages together, on the three-article story and tiny models."""

import dataclasses

import pytest

import factcheck
from factcheck import checks, ingest
from factcheck.checks.base import Check, everywhere, pairwise
from factcheck.types import InputError, Signal

ANTARA = [
    "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan.",
    "Pemimpin Korea Utara Kim Jong Un menyambut Putin di bandara dengan upacara militer yang megah.",
    "Kedua pemimpin menandatangani perjanjian kemitraan strategis yang komprehensif.",
    "Cuaca di ibu kota cerah sepanjang hari menurut laporan media setempat.",
]
KOMPAS_ARRIVAL = "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Selasa malam untuk kunjungan kenegaraan."
TEMPO_TREATY = "Kedua pemimpin menandatangani perjanjian kemitraan strategis yang komprehensif di Pyongyang."
EXPECTED_PAIRS = {
    ("antara.txt", ANTARA[0], "kompas.txt", KOMPAS_ARRIVAL),
    ("antara.txt", ANTARA[1], "kompas.txt", ANTARA[1]),  # word for word the same
    ("antara.txt", ANTARA[2], "tempo.txt", TEMPO_TREATY),
}


def files(result, finding):
    return result.articles[finding.a.article].file, result.articles[finding.b.article].file


def pairs(result):
    """(file_a, text_a, file_b, text_b) of each finding."""
    found = set()
    for f in result.findings:
        file_a, file_b = files(result, f)
        found.add((file_a, f.a.text, file_b, f.b.text))
    return found


def by_text(result, text):
    return next(f for f in result.findings if text in (f.a.text, f.b.text))


def test_contradicting_pairs_are_found_with_their_sources(article_paths, options, nli_only):
    result = factcheck.compare(article_paths, options)
    assert pairs(result) == EXPECTED_PAIRS
    for f in result.findings:
        assert (f.verdict, f.category) == ("contradiction", "nli")
        assert f.score == pytest.approx(0.9094, abs=1e-3)
        assert f.nli_ab.contradiction == pytest.approx(f.score) and f.nli_ba is not None
        assert f.why == "NLI: P(contradiction) 0.91 A->B, 0.91 B->A"
    assert by_text(result, ANTARA[1]).similarity == pytest.approx(1.0, abs=1e-5)
    assert result.failing() == result.findings
    assert result.summary() == {
        "articles": 3,
        "references": 0,
        "sentences": 9,
        "aligned_pairs": 3,
        "findings": 3,
        "claims": 6,
        "multi_source_claims": 3,
        "single_source_claims": 3,
        "contradictions": 3,
        "agreements": 0,
        "neutral": 0,
        "skipped": 0,
        "waived": 0,
        "stale_waivers": 0,
    }
    assert result.models == {"embedding": options.embedding_model, "nli": options.nli_model}
    assert set(result.timings) >= {"ingest", "embed", "align", "nli"}


@pytest.mark.parametrize("precision", ["float32", "bfloat16"])
def test_the_models_run_in_the_precision_asked_for(article_paths, options, nli_only, precision):
    result = factcheck.compare(article_paths, options, precision=precision)
    assert result.options.precision == precision
    assert pairs(result) == EXPECTED_PAIRS
    assert [f.score for f in result.findings] == [pytest.approx(0.9094, abs=1e-3)] * 3


def test_auto_precision_is_reported_as_the_one_used(article_paths, options, nli_only):
    from factcheck.models.backends import resolve_precision

    assert options.precision == "auto"
    assert factcheck.compare(article_paths, options).options.precision == resolve_precision("auto")


def test_agreeing_model_passes_the_gate(article_paths, options, models, nli_only):
    result = factcheck.compare(article_paths, options, nli_model=models["agrees"])
    assert {f.verdict for f in result.findings} == {"agreement"}
    assert result.failing() == []
    assert result.summary()["agreements"] == 3


def test_nli_labels_are_read_by_name_end_to_end(article_paths, options, models, nli_only):
    result = factcheck.compare(article_paths, options, nli_model=models["permuted"])
    assert {f.verdict for f in result.findings} == {"contradiction"}


def test_gate_follows_fail_on_and_min_score(article_paths, options, nli_only):
    assert factcheck.compare(article_paths, options, min_score=0.95).failing() == []
    assert factcheck.compare(article_paths, options, fail_on="none").failing() == []


def test_claims_group_the_aligned_sentences(article_paths, options, nli_only):
    result = factcheck.compare(article_paths, options)
    texts = [[s.text for s in c.sentences] for c in result.claims]
    assert texts[:3] == [[ANTARA[0], KOMPAS_ARRIVAL], [ANTARA[1], ANTARA[1]], [ANTARA[2], TEMPO_TREATY]]
    assert [c.single_source for c in result.claims] == [False] * 3 + [True] * 3
    for f in result.findings:
        assert f.a in result.claims[f.claim].sentences and f.b in result.claims[f.claim].sentences


def test_every_quoted_sentence_is_verbatim_at_its_offsets(article_paths, options):
    # With the claim checks that are registered: whatever they add must
    # still point into the cleaned text.
    result = factcheck.compare(article_paths, options)
    assert result.findings
    for f in result.findings:
        for s in (f.a, f.b):
            assert result.articles[s.article].text[s.start : s.end] == s.text
        assert set(f.category.split("+")) <= {"nli", "number", "date", "role", "attribution", "temporal"}


def test_finding_ids_survive_a_rerun_and_unrelated_edits(articles_dir, article_paths, options, nli_only):
    before = factcheck.compare(article_paths, options)
    assert [f.finding_id for f in factcheck.compare(article_paths, options).findings] == [
        f.finding_id for f in before.findings
    ]
    antara = articles_dir / "antara.txt"
    edited = antara.read_text().replace(ANTARA[3], "Hujan turun deras di ibu kota pada sore harinya.")
    antara.write_text("Redaksi memperbarui berita ini pada sore hari.\n\n" + edited)
    after = factcheck.compare(article_paths, options)
    assert pairs(after) == EXPECTED_PAIRS
    ids = {f.a.text: f.finding_id for f in after.findings}
    assert ids == {f.a.text: f.finding_id for f in before.findings}
    assert by_text(after, ANTARA[0]).a.start != by_text(before, ANTARA[0]).a.start  # the offsets did move
    assert len(set(ids.values())) == 3


def test_finding_id_names_the_pair_not_its_order_or_spacing():
    one = factcheck.pipeline.finding_id("a.txt", "Putin tiba  di Pyongyang.", "b.txt", "Putin tiba.")
    assert one == factcheck.pipeline.finding_id("b.txt", "Putin tiba.", "a.txt", "Putin tiba di\nPyongyang.")
    assert one != factcheck.pipeline.finding_id("c.txt", "Putin tiba di Pyongyang.", "b.txt", "Putin tiba.")
    assert len(one) == 12


def numbers_check(monkeypatch, verdict, score):
    """Register, after the NLI (see nli_only), a stand-in claim check that
    fires on the Rabu/Selasa pair only."""

    def check(candidate, articles, options):
        if "Rabu" in candidate.a.text:
            return [Signal(category="number", verdict=verdict, score=score, why="numbers differ: 2 vs 3")]
        return []

    monkeypatch.setitem(checks.CHECKS, "number", Check("number", pairwise(check)))


def test_a_claim_check_contradiction_beats_nli_agreement(article_paths, options, models, nli_only, monkeypatch):
    numbers_check(monkeypatch, "contradiction", 0.7)
    result = factcheck.compare(article_paths, options, nli_model=models["agrees"])
    f = by_text(result, ANTARA[0])
    assert (f.verdict, f.category, f.score, f.check) == ("contradiction", "number", 0.7, "number")
    assert f.why == "numbers differ: 2 vs 3; NLI: P(entailment) 0.91 A->B, 0.91 B->A"
    assert f.nli_ab.entailment == pytest.approx(0.91, abs=0.005)  # the NLI's probabilities stay with the pair
    assert result.findings[0] is f  # contradictions first
    assert {g.verdict for g in result.findings if g is not f} == {"agreement"}


def test_agreeing_checks_join_categories_and_take_the_higher_score(
    article_paths, options, models, nli_only, monkeypatch
):
    numbers_check(monkeypatch, "agreement", 0.95)
    f = by_text(factcheck.compare(article_paths, options, nli_model=models["agrees"]), ANTARA[0])
    assert (f.verdict, f.category, f.score, f.check) == ("agreement", "nli+number", 0.95, "nli+number")


def test_run_level_checks_may_flag_pairs_alignment_missed(article_paths, options, nli_only, monkeypatch):
    def weather_vs_history(articles, sentences, options):
        a = next(s for s in sentences if s.text.startswith("Cuaca"))
        b = next(s for s in sentences if s.text.startswith("Putin terakhir"))
        return [(a, b, Signal(category="role", verdict="contradiction", score=0.8, why="role conflict"))]

    monkeypatch.setitem(checks.CHECKS, "role", Check("role", everywhere(weather_vs_history)))
    result = factcheck.compare(article_paths, options)
    f = by_text(result, ANTARA[3])
    assert (f.category, f.check, f.score, f.nli_ab, f.claim) == ("role", "role", 0.8, None, -1)
    assert 0 < f.similarity < options.min_similarity
    assert len(result.findings) == 4


def test_a_disabled_check_does_not_run_and_without_nli_no_model_loads(
    article_paths, options, nli_only, monkeypatch, tmp_path
):
    numbers_check(monkeypatch, "contradiction", 0.7)
    result = factcheck.compare(article_paths, options, disable_checks=["nli"], nli_model=str(tmp_path / "no-model"))
    # Only the number check spoke, of one aligned pair; the others give no finding.
    assert [(f.a.text, f.check, f.nli_ab) for f in result.findings] == [(ANTARA[0], "number", None)]
    assert "nli" not in result.timings and "number" in result.timings
    assert result.summary()["aligned_pairs"] == 3
    result = factcheck.compare(article_paths, options, disable_checks=["number"])
    assert {f.check for f in result.findings} == {"nli"}


def test_an_unknown_check_name_is_refused_with_the_names(article_paths, options):
    with pytest.raises(ValueError, match="unknown check 'plase'.*nli, date-agreement, place"):
        factcheck.compare(article_paths, options, disable_checks=["plase"])


def test_a_reference_document_is_named_in_its_findings(articles_dir, article_paths, options, nli_only):
    reference = articles_dir.parent / "official.txt"
    reference.write_text(ANTARA[1] + "\n", encoding="utf-8")
    result = factcheck.compare(article_paths, options, references=[str(reference)])
    assert result.summary()["references"] == 1 and result.summary()["articles"] == 3
    with_reference = [f for f in result.findings if f.reference]
    assert {f.reference for f in with_reference} == {"official.txt"}
    assert all("official.txt" in files(result, f) for f in with_reference)
    assert len(with_reference) == 2  # both outlets' copies of the sentence


def test_articles_can_be_passed_instead_of_paths(article_paths, options, nli_only):
    articles, _ = ingest.load_articles(article_paths, options)
    assert [f.finding_id for f in factcheck.compare(articles, options).findings] == [
        f.finding_id for f in factcheck.compare(article_paths, options).findings
    ]
    with pytest.raises(TypeError):
        factcheck.compare([articles[0], article_paths[1]], options)


def test_overrides_apply_to_this_run_only(article_paths, options, nli_only):
    result = factcheck.compare(article_paths, options, min_similarity=0.99)
    assert pairs(result) == {("antara.txt", ANTARA[1], "kompas.txt", ANTARA[1])}
    assert result.options.min_similarity == 0.99
    assert options.min_similarity != 0.99
    with pytest.raises(TypeError):
        factcheck.compare(article_paths, options, no_such_option=1)


def test_bad_input_is_reported_before_any_model_loads(article_paths, options, tmp_path):
    broken = dataclasses.replace(options, embedding_model=str(tmp_path / "no-model"))
    with pytest.raises(InputError, match="no such file"):
        factcheck.compare([*article_paths, str(tmp_path / "missing.txt")], broken)


def test_to_frame_has_one_row_per_finding_in_report_order(article_paths, options, models, nli_only, monkeypatch):
    numbers_check(monkeypatch, "contradiction", 0.7)
    result = factcheck.compare(article_paths, options, nli_model=models["agrees"])
    frame = result.to_frame()
    assert list(frame.columns) == factcheck.pipeline.COLUMNS
    assert list(frame["check"]) == ["number", "nli", "nli"]
    assert list(frame["verdict"]) == ["contradiction", "agreement", "agreement"]
    assert list(frame["finding_id"]) == [f.finding_id for f in result.findings]
    row = frame.iloc[0]
    assert (row["file_a"], row["text_a"], row["start_a"], row["outlet_b"]) == ("antara.txt", ANTARA[0], 0, "kompas")
