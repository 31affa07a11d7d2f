"""The report files: their columns, content, atomic writing and safety."""

import json
import os

import pandas as pd
import pytest

import factcheck
from factcheck import atomic, report
from factcheck.types import InputError

CSV_COLUMNS = [
    "finding_id", "verdict", "category", "score", "file_a", "text_a", "file_b", "text_b",
    "outlet_a", "date_a", "start_a", "end_a", "outlet_b", "date_b", "start_b", "end_b",
    "similarity", "why", "reference", "claim_id", "waived", "waiver_reason", "check",
]  # fmt: skip


READ_ALSO = "Baca juga: Putin dan Kim Jong Un bertemu di Vladivostok"  # page noise in antara.txt


@pytest.fixture
def result(article_paths, options, nli_only):
    return factcheck.compare(article_paths, options, dates={"kompas.txt": "2024-06-18"})


@pytest.fixture
def written(result, tmp_path):
    out = tmp_path / "out"
    report.write_reports(result, out)
    return out


def test_writes_the_three_files_and_nothing_else(written):
    assert sorted(os.listdir(written)) == ["discrepancies.csv", "findings.json", "report.md"]


def test_csv_has_exactly_the_columns_and_one_row_per_finding(written, result):
    frame = pd.read_csv(written / "discrepancies.csv", keep_default_na=False)
    assert list(frame.columns) == CSV_COLUMNS
    assert list(frame["finding_id"]) == [f.finding_id for f in result.findings]
    assert set(frame["date_b"]) == {"2024-06-18", ""}
    assert list(frame["verdict"]) == ["contradiction"] * 3
    assert list(frame["score"]) == sorted(frame["score"], reverse=True)


def test_every_csv_sentence_is_verbatim_in_its_cleaned_source(written):
    frame = pd.read_csv(written / "discrepancies.csv", keep_default_na=False)
    document = json.loads((written / "findings.json").read_text(encoding="utf-8"))
    texts = {a["file"]: a["text"] for a in document["articles"]}
    for row in frame.itertuples():
        assert texts[row.file_a][row.start_a : row.end_a] == row.text_a
        assert texts[row.file_b][row.start_b : row.end_b] == row.text_b


def test_markdown_puts_contradictions_first_with_both_sides_quoted(written):
    # an NLI-only contradiction: the facts that one side states and the other does not, in bold
    md = (written / "report.md").read_text(encoding="utf-8")
    assert md.index("## Contradictions") < md.index("## Claims carried by several outlets") < md.index("## Articles")
    assert "- 3 articles, 9 sentences, 3 pairs aligned across outlets" in md
    assert "- gate: fails on contradiction with score >= 0.5: **FAILED** (3 at or above)" in md
    assert (
        "> **antara** (`antara.txt`, sentence 1, characters 0-95):\n"
        "> Presiden Rusia Vladimir Putin tiba di Pyongyang pada **Rabu dini hari** untuk kunjungan kenegaraan.\n"
        ">\n"
        "> **kompas**, 2024-06-18 (`kompas.txt`, sentence 1, characters 0-93):\n"
        "> Presiden Rusia Vladimir Putin tiba di Pyongyang pada **Selasa malam** untuk kunjungan kenegaraan.\n"
    ) in md
    assert "Why: NLI: P(contradiction) 0.91 A->B, 0.91 B->A" in md


def test_markdown_tells_which_outlets_carry_each_claim(written):
    md = (written / "report.md").read_text(encoding="utf-8")
    assert "| 2 | antara, tempo | carried by 2 of 3 outlets; 1 pair: 1 contradicts | Kedua pemimpin" in md
    assert "## Claims carried by one outlet only (3)" in md
    assert "- tempo (`tempo.txt`): Putin terakhir kali mengunjungi Korea Utara" in md


def test_markdown_lists_each_articles_kept_and_dropped_text(written):
    md = (written / "report.md").read_text(encoding="utf-8")
    assert "| `antara.txt` | antara | unknown | 4 | 1 |" in md
    assert "| `kompas.txt` | kompas | 2024-06-18 (option) | 3 | 0 |" in md
    assert f"### Dropped from `antara.txt`\n\n- read-also widget: {READ_ALSO}" in md
    assert "## Skipped inputs" not in md
    assert f"- factcheck {factcheck.__version__}" in md


def test_claim_relation_counts_pairs_by_verdict(result):
    claim = result.claims[0]
    findings = list(result.findings)
    for f in findings[:2]:
        f.verdict = "agreement"
    text = report.claim_relation(claim, findings, 5)
    assert text == "carried by 2 of 5 outlets; 3 pairs: 2 agree, 1 contradicts"
    assert report.claim_relation(claim, [], 5) == "carried by 2 of 5 outlets"


def test_json_holds_everything_for_other_tools(written, result):
    document = json.loads((written / "findings.json").read_text(encoding="utf-8"))
    assert document["schema_version"] == report.SCHEMA_VERSION
    assert document["tool"] == {"name": "factcheck", "version": factcheck.__version__}
    assert document["models"] == result.models
    assert document["options"]["min_similarity"] == result.options.min_similarity
    assert "progress" not in document["options"]  # display only: a terminal run writes the same file
    assert document["summary"] == result.summary()
    antara = document["articles"][0]
    assert (antara["file"], antara["outlet"], antara["language"]) == ("antara.txt", "antara", "id")
    assert antara["dropped"] == [{"text": READ_ALSO, "reason": "read-also widget"}]
    first = document["findings"][0]
    assert first["finding_id"] == result.findings[0].finding_id
    assert first["a"]["text"] == result.findings[0].a.text
    assert set(first["nli"]["a_to_b"]) == {"entailment", "neutral", "contradiction"}
    assert [c["articles"] for c in document["claims"][:3]] == [
        ["antara.txt", "kompas.txt"],
        ["antara.txt", "kompas.txt"],
        ["antara.txt", "tempo.txt"],
    ]


def test_same_inputs_give_byte_identical_reports(article_paths, options, nli_only, tmp_path):
    for run in ("one", "two"):
        report.write_reports(factcheck.compare(article_paths, options), tmp_path / run, formats=tuple(report.FILES))
    for name in report.FILES.values():
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_skipped_inputs_are_listed(articles_dir, article_paths, options, nli_only, tmp_path):
    bad = articles_dir / "empty.txt"
    bad.write_text("")
    result = factcheck.compare([*article_paths, str(bad)], options, skip_bad=True)
    report.write_reports(result, tmp_path / "out")
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert f"## Skipped inputs\n\n- `{bad}`: empty file" in md
    assert json.loads((tmp_path / "out" / "findings.json").read_text())["skipped"] == [
        {"path": str(bad), "problem": "empty file"}
    ]


def test_never_writes_into_a_folder_holding_an_input(result, articles_dir):
    before = sorted(os.listdir(articles_dir))
    with pytest.raises(InputError, match="holds the input"):
        report.write_reports(result, articles_dir)
    assert sorted(os.listdir(articles_dir)) == before


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    atomic.write_atomic(target, "old\n")

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        atomic.write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["report.md"]


def test_rewriting_replaces_the_old_report(written, result):
    (written / "report.md").write_text("stale")
    report.write_reports(result, written, formats=("md",))
    assert (written / "report.md").read_text(encoding="utf-8").startswith("# factcheck report")
    assert sorted(os.listdir(written)) == ["discrepancies.csv", "findings.json", "report.md"]


def test_unknown_format_is_refused(result, tmp_path):
    with pytest.raises(ValueError, match="pdf"):
        report.write_reports(result, tmp_path / "out", formats=("pdf",))
    assert not (tmp_path / "out").exists()


def test_counts_read_as_english():
    from factcheck.report import counted

    assert [counted(n, "contradiction") for n in (0, 1, 2)] == ["0 contradictions", "1 contradiction", "2 contradictions"]


def test_highlights_separated_only_by_spaces_read_as_one():
    from html import escape

    from factcheck.facts import wrapped

    text = "Kapal tiba Rabu dini hari & pergi Kamis."
    rabu, dini_hari, kamis = (11, 15), (16, 25), (34, 39)
    assert wrapped(text, [rabu, dini_hari, kamis], "**", "**") == "Kapal tiba **Rabu dini hari** & pergi **Kamis**."
    assert wrapped(text, [(11, 20), (16, 25)], "**", "**") == "Kapal tiba **Rabu dini hari** & pergi Kamis."  # overlapping
    assert wrapped(text, [dini_hari, (28, 33)], "<mark>", "</mark>", escape) == (
        "Kapal tiba Rabu <mark>dini hari</mark> &amp; <mark>pergi</mark> Kamis."
    )
    assert wrapped(text, [rabu, dini_hari], "<mark>", "</mark>", escape) == "Kapal tiba <mark>Rabu dini hari</mark> &amp; pergi Kamis."
