"""Settings: factcheck.toml or [tool.factcheck], found upwards, overridden by flags."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factcheck import settings
from factcheck.cli import app

runner = CliRunner()


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """desk/ holding the config, desk/story/today/ the current folder."""
    folder = tmp_path / "desk" / "story" / "today"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    return tmp_path / "desk"


def show(*args):
    result = runner.invoke(app, ["config", "show", *args])
    assert result.exit_code == 0, result.stderr
    return {line.split(" = ")[0]: line for line in result.stdout.splitlines()[1:]}


def test_the_nearest_config_is_found_upwards(desk):
    (desk / "factcheck.toml").write_text('min-score = 0.8\nformats = ["md", "html"]\n', encoding="utf-8")
    effective = settings.resolve({})
    assert effective.config == desk / "factcheck.toml"
    assert (effective.options.min_score, effective.options.formats) == (0.8, ["md", "html"])
    assert effective.sources["min_score"] == str(desk / "factcheck.toml")
    assert effective.sources["top_k"] == "default"


def test_pyproject_counts_only_with_a_tool_factcheck_table(desk):
    (desk / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "none"\n', encoding="utf-8")
    (desk / "story" / "pyproject.toml").write_text('[project]\nname = "story"\n', encoding="utf-8")
    effective = settings.resolve({})
    assert effective.config == desk / "pyproject.toml" and effective.options.fail_on == "none"
    (desk / "story" / "factcheck.toml").write_text("top-k = 3\n", encoding="utf-8")
    nearer = settings.resolve({})
    assert nearer.config == desk / "story" / "factcheck.toml"
    assert (nearer.options.top_k, nearer.options.fail_on) == (3, "contradiction")  # one file, not a merge


def test_paths_in_the_file_are_relative_to_it(desk):
    (desk / "models" / "nli").mkdir(parents=True)
    (desk / "factcheck.toml").write_text(
        'roster = ["people.csv"]\nwaivers = "reviewed.toml"\nout = "reports/today"\n'
        'nli-model = "models/nli"\nembedding-model = "factcheck/e5-small"\n',
        encoding="utf-8",
    )
    options = settings.resolve({}).options
    assert options.roster == [str(desk / "people.csv")]
    assert (options.waivers, options.out) == (str(desk / "reviewed.toml"), str(desk / "reports" / "today"))
    assert options.nli_model == str(desk / "models" / "nli")  # a folder there
    assert options.embedding_model == "factcheck/e5-small"  # a name


def test_config_show_names_where_each_value_came_from(desk):
    config = desk / "factcheck.toml"
    config.write_text('min-score = 0.8\nfail-on = "none"\n', encoding="utf-8")
    lines = show("--fail-on", "contradiction")
    assert lines["min-score"].startswith("min-score = 0.8 ") and lines["min-score"].endswith(f"# {config}")
    assert lines["fail-on"].startswith('fail-on = "contradiction" ') and lines["fail-on"].endswith("# command line")
    assert lines["top-k"].endswith("# default")
    assert set(lines) == {settings.key(f) for f in settings.FIELDS}


def test_the_command_line_overrides_the_file(desk, article_paths, model_args, nli_only):
    (desk / "factcheck.toml").write_text("min-score = 0.95\n", encoding="utf-8")  # above the tiny model's 0.91
    args = ["compare", *article_paths, *model_args, "--out", "out"]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, [*args, "--min-score", "0.5"]).exit_code == 1


def test_formats_from_the_file_choose_the_reports(desk, article_paths, model_args, nli_only):
    (desk / "factcheck.toml").write_text('formats = ["html"]\nout = "out"\n', encoding="utf-8")
    result = runner.invoke(app, ["compare", *article_paths, *model_args])
    assert result.exit_code == 1, result.stderr
    assert sorted(p.name for p in (desk / "out").iterdir()) == ["report.html"]


def test_a_check_switched_off_in_the_file_or_by_flag_does_not_run(desk, article_paths, model_args, nli_only):
    args = ["compare", *article_paths, *model_args, "--out", "out", "--format", "json"]
    assert runner.invoke(app, args).exit_code == 1  # the tiny model contradicts every pair
    findings = json.loads((desk / "story" / "today" / "out" / "findings.json").read_text())["findings"]
    assert findings and {f["check"] for f in findings} == {"nli"}
    (desk / "factcheck.toml").write_text('disable-checks = ["nli"]\n', encoding="utf-8")
    assert show()["disable-checks"].endswith(f"# {desk / 'factcheck.toml'}")
    assert runner.invoke(app, args).exit_code == 0  # nothing else is registered: no finding
    document = json.loads((desk / "story" / "today" / "out" / "findings.json").read_text())
    assert document["findings"] == [] and document["options"]["disable_checks"] == ["nli"]
    (desk / "factcheck.toml").unlink()
    assert runner.invoke(app, [*args, "--disable-check", "nli"]).exit_code == 0


@pytest.mark.parametrize(
    "content, message",
    [
        ("min_score = 0.8\n", "unknown key 'min_score' (did you mean 'min-score'?)"),
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("min-score = 'high'\n", "min-score: expected a number, got 'high'"),
        ("min-score = 2\n", "min-score: 2.0 is not between 0 and 1"),
        ("top-k = 1.5\n", "top-k: expected a whole number, got 1.5"),
        ("formats = ['pdf']\n", "formats: 'pdf' is not one of csv, md, json, html, sarif"),
        ("roster = 'a.csv'\n", "roster: expected a list of strings, got 'a.csv'"),
        ("precision = 'fp16'\n", "precision: 'fp16' is not one of auto, float32, bfloat16"),
        ("disable-checks = ['plase']\n", "disable-checks: 'plase' is not one of nli, date-agreement, place, role"),
        ("min-score = \n", "cannot read it"),
    ],
)
def test_a_bad_config_is_one_line_and_exit_2(desk, content, message):
    config = desk / "factcheck.toml"
    config.write_text(content, encoding="utf-8")
    for command in (["config", "show"], ["compare", "a.txt", "b.txt"], ["check", "a.md", "--against", "b.txt"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"factcheck: error: {config}") and message in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_a_bad_flag_value_is_checked_like_a_file_value(desk):
    result = runner.invoke(app, ["config", "show", "--format", "pdf"])
    assert result.exit_code == 2
    assert result.stderr == "factcheck: error: --format: 'pdf' is not one of csv, md, json, html, sarif\n"


def test_precision_is_a_setting_like_the_others(desk):
    assert show()["precision"].startswith('precision = "auto" ') and show()["precision"].endswith("# default")
    config = desk / "factcheck.toml"
    config.write_text('precision = "float32"\n', encoding="utf-8")
    assert settings.resolve({}).options.precision == "float32"
    assert show()["precision"].endswith(f"# {config}")
    line = show("--precision", "bfloat16")["precision"]
    assert line.startswith('precision = "bfloat16" ') and line.endswith("# command line")
    result = runner.invoke(app, ["config", "show", "--precision", "half"])
    assert result.exit_code == 2
    assert result.stderr == "factcheck: error: --precision: 'half' is not one of auto, float32, bfloat16\n"


def test_waive_writes_to_the_configured_file(desk):
    (desk / "factcheck.toml").write_text('waivers = "reviewed.toml"\n', encoding="utf-8")
    assert runner.invoke(app, ["waive", "0123456789ab", "--reason", "fine"]).exit_code == 0
    assert "0123456789ab" in (desk / "reviewed.toml").read_text(encoding="utf-8")
