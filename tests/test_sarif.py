"""report.sarif: valid SARIF 2.1.0 (checked against the official schema,
vendored in tests/data/sarif), one result per contradiction with both
sentences located by file, line and column, waivers as suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import factcheck
from factcheck import report, waivers
from factcheck.cli import app

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(result) -> dict:
    log = json.loads(report.render(result, "sarif"))
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(log)
    return log


@pytest.fixture
def story(article_paths, options):
    """The conftest story with every check on: the model contradicts every
    aligned pair, and the date check sees Rabu against Selasa."""
    return factcheck.compare(article_paths, options)


def test_the_schema_is_the_official_one():
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["$id"].endswith("/sarif-spec/master/Schemata/sarif-schema-2.1.0.json")
    with pytest.raises(jsonschema.ValidationError):  # it does refuse a bad log
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, SCHEMA)


def test_one_result_per_contradiction_each_side_located_by_line_and_column(story):
    log = sarif(story)
    run = log["runs"][0]
    contradictions = [f for f in story.findings if f.verdict == "contradiction"]
    assert [r["partialFingerprints"]["findingId/v1"] for r in run["results"]] == [f.finding_id for f in contradictions]
    texts = {Path(a.path).as_uri(): a.text for a in story.articles}  # the test's files lie outside the working folder
    lines_seen = set()
    for found, f in zip(run["results"], contradictions):
        (primary,), (other,) = found["locations"], found["relatedLocations"]
        for location, sentence in ((primary, f.a), (other, f.b)):
            physical = location["physicalLocation"]
            text, region = texts[physical["artifactLocation"]["uri"]], physical["region"]
            lines = text.split("\n")
            start = sum(len(line) + 1 for line in lines[: region["startLine"] - 1]) + region["startColumn"] - 1
            end = sum(len(line) + 1 for line in lines[: region["endLine"] - 1]) + region["endColumn"] - 1
            assert (start, end) == (sentence.start, sentence.end)
            assert text[start:end] == region["snippet"]["text"] == sentence.text
            lines_seen.add(region["startLine"])
        # The message links the other side: [its place](1).
        assert found["message"]["text"].startswith("Contradicts [") and "](1): " in found["message"]["text"]
    assert lines_seen - {1}, "some sentence must sit below the first line"


def test_the_rule_is_the_check_and_the_level_follows_the_score(story, options):
    run = sarif(story)["runs"][0]
    contradictions = [f for f in story.findings if f.verdict == "contradiction"]
    assert [r["ruleId"] for r in run["results"]] == [f.check for f in contradictions] == ["nli"] * 3
    story.findings[0].check = "date+nli"  # two checks flagged it: the rule is the first
    first = sarif(story)["runs"][0]["results"][0]
    assert (first["ruleId"], first["properties"]["checks"]) == ("date", ["date", "nli"])
    run = sarif(story)["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert sorted(rules) == sorted({r["ruleId"] for r in run["results"]})
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    assert rules == ["date", "nli"]
    assert {r["level"] for r in run["results"]} == {"error"}  # every score is at least the default 0.5
    assert [r["rank"] for r in run["results"]] == [round(f.score * 100, 1) for f in contradictions]
    story.options.min_score = 0.999
    assert {r["level"] for r in sarif(story)["runs"][0]["results"]} == {"warning"}


def test_a_waived_finding_is_a_suppression(articles_dir, article_paths, options, story):
    waived = next(f for f in story.findings if f.verdict == "contradiction")
    file = articles_dir / waivers.FILE_NAME
    waivers.add(file, waivers.Waiver(waived.finding_id, "Kompas corrected the day", "rina", "2024-06-21"))
    results = sarif(factcheck.compare(article_paths, options))["runs"][0]["results"]
    suppressed = {r["partialFingerprints"]["findingId/v1"]: r.get("suppressions") for r in results}
    assert suppressed.pop(waived.finding_id) == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "Kompas corrected the day (rina, 2024-06-21)",
            "location": {"physicalLocation": {"artifactLocation": {"uri": file.as_uri()}}},
        }
    ]
    assert suppressed and set(suppressed.values()) == {None}


def test_a_draft_check_locates_the_draft(articles_dir, options):
    draft = articles_dir / "draft.md"
    draft.write_text("Presiden Rusia Vladimir Putin tiba di Pyongyang pada Jumat siang untuk kunjungan kenegaraan.\n")
    sources = [str(articles_dir / name) for name in ("antara.txt", "kompas.txt", "tempo.txt")]
    results = sarif(factcheck.check(draft, sources, options))["runs"][0]["results"]
    assert results
    for found in results:
        assert found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == draft.as_uri()
        assert found["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] != draft.as_uri()


def test_no_contradiction_is_a_valid_empty_log(article_paths, options, models, nli_only):
    options.nli_model = models["agrees"]
    assert sarif(factcheck.compare(article_paths, options))["runs"][0]["results"] == []


def test_brackets_from_the_articles_are_no_links(articles_dir, article_paths, options, story):
    feed = articles_dir / "feed.jsonl"
    text = "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan [lihat](2)."
    feed.write_text(json.dumps({"outlet": "Berita [x](0)", "text": text}) + "\n", encoding="utf-8")
    results = sarif(factcheck.compare([*article_paths, str(feed)], options))["runs"][0]["results"]
    messages = [
        m["text"]
        for r in results
        for m in [r["message"], *(location["message"] for location in r["locations"] + r["relatedLocations"])]
        if "Berita" in m["text"]
    ]
    assert messages and all("Berita \\[x\\](0)" in m for m in messages)


def test_the_command_writes_report_sarif_in_a_relative_uri(articles_dir, model_args, monkeypatch, nli_only):
    monkeypatch.chdir(articles_dir.parent)
    files = [f"{articles_dir.name}/{name}" for name in ("antara.txt", "kompas.txt", "tempo.txt")]
    result = CliRunner().invoke(app, ["compare", *files, *model_args, "--format", "sarif", "--out", "out"])
    assert result.exit_code == 1, result.stderr
    log = json.loads((articles_dir.parent / "out" / "report.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris and uris <= set(files)  # what code scanning maps onto the checkout
