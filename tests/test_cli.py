"""The factcheck command: exit codes, messages, where the report goes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty current folder, so the default reports/ lands somewhere known."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def run(*args):
    return runner.invoke(app, ["compare", *map(str, args)])


def last_line(result):
    return result.stderr.rstrip("\n").splitlines()[-1]


def test_a_contradiction_exits_1_with_the_report_written(article_paths, model_args, tmp_path, nli_only):
    out = tmp_path / "out"
    result = run(*article_paths, *model_args, "--out", out)
    assert result.exit_code == 1, result.stderr
    assert last_line(result) == (
        f"factcheck: 3 articles, 9 sentences, 3 findings: 3 contradictions, 0 agreements -> {out}{os.sep} (exit 1)"
    )
    assert result.stdout == ""
    assert sorted(os.listdir(out)) == ["discrepancies.csv", "findings.json", "report.md"]


def test_agreement_exits_0(article_paths, model_args, models, tmp_path, nli_only):
    result = run(*article_paths, *model_args, "--nli-model", models["agrees"], "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert last_line(result).endswith("0 contradictions, 3 agreements -> " + f"{tmp_path / 'out'}{os.sep} (exit 0)")


@pytest.mark.parametrize("gate", [["--fail-on", "none"], ["--min-score", "0.95"]])
def test_the_gate_can_be_relaxed(article_paths, model_args, tmp_path, gate, nli_only):
    result = run(*article_paths, *model_args, *gate, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "report.md").exists()


def test_default_report_folder_is_named_after_the_inputs_folder(article_paths, model_args, workdir, nli_only):
    result = run(*article_paths, *model_args)
    assert result.exit_code == 1
    assert (workdir / "reports" / "story" / "report.md").exists()
    assert last_line(result).endswith(f"-> {Path('reports', 'story')}{os.sep} (exit 1)")


BAD_INPUTS = {
    # name: (file to add, how to make it, expected problem)
    "missing": ("gone.txt", None, "no such file"),
    "directory": ("folder.txt", lambda p: p.mkdir(), "is a directory"),
    "empty": ("empty.txt", lambda p: p.write_text(""), "empty file"),
    "whitespace": ("blank.txt", lambda p: p.write_text(" \n\t\n"), "only whitespace"),
    "binary": ("photo.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file"),
    "not utf-8": ("garbled.txt", lambda p: p.write_bytes(bytes(range(128, 256)) * 3), "encoding cannot be detected"),
    "unsupported": ("story.pdf", lambda p: p.write_text("%PDF-1.4"), "unsupported file type '.pdf'"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_a_bad_input_is_one_line_exit_2_and_nothing_written(case, articles_dir, article_paths, model_args, workdir):
    name, make, problem = BAD_INPUTS[case]
    bad = articles_dir / name
    if make:
        make(bad)
    result = run(*article_paths, bad, *model_args)
    assert_input_error(result, bad, problem, workdir)


def test_the_same_file_twice_is_an_input_error(article_paths, model_args, workdir):
    result = run(*article_paths, article_paths[0], *model_args)
    assert_input_error(result, article_paths[0], "given twice", workdir)


def test_one_article_is_nothing_to_compare(article_paths, model_args, workdir):
    result = run(article_paths[0], *model_args)
    assert_input_error(result, article_paths[0], "only one article", workdir)


def test_a_bad_date_is_an_input_error(article_paths, model_args, workdir):
    result = run(*article_paths, *model_args, "--date", "kompas.txt=18/06/2024")
    assert_input_error(result, article_paths[1], "18/06/2024", workdir)


def assert_input_error(result, path, problem, workdir):
    """Exit 2, one line naming the file and the problem, nothing written."""
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"factcheck: error: {path}: ") and problem in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (workdir / "reports").exists()


def test_skip_bad_reports_the_bad_file_and_compares_the_rest(
    articles_dir, article_paths, model_args, tmp_path, nli_only
):
    bad = articles_dir / "empty.txt"
    bad.write_text("")
    out = tmp_path / "out"
    result = run(bad, *article_paths, *model_args, "--skip-bad", "--out", out)
    assert result.exit_code == 1
    assert f"factcheck: skipped {bad}: empty file" in result.stderr.splitlines()
    assert last_line(result).startswith("factcheck: 3 articles")
    assert f"- `{bad}`: empty file" in (out / "report.md").read_text(encoding="utf-8")


def test_refuses_to_write_the_report_among_the_inputs(articles_dir, article_paths, model_args):
    before = sorted(os.listdir(articles_dir))
    result = run(*article_paths, *model_args, "--out", articles_dir)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"factcheck: error: {articles_dir}: holds the input")
    assert sorted(os.listdir(articles_dir)) == before


@pytest.mark.parametrize(
    "model, message",
    [("missing", "no model folder at this path"), ("unnamed", "does not name the labels")],
)
def test_a_model_error_is_one_line_exit_3(model, message, article_paths, model_args, models, workdir):
    path = models.get(model, str(workdir / "no-model"))
    result = run(*article_paths, *model_args, "--nli-model", path)
    assert result.exit_code == 3
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert result.stderr.startswith("factcheck: error: nli model")
    assert not (workdir / "reports").exists()


def test_dates_set_by_hand_reach_the_report(article_paths, model_args, tmp_path, nli_only):
    out = tmp_path / "out"
    run(*article_paths, *model_args, "--date", "kompas.txt=2024-06-18", "--out", out)
    assert "**kompas**, 2024-06-18" in (out / "report.md").read_text(encoding="utf-8")


def test_the_precision_flag_reaches_the_models_and_the_report(article_paths, model_args, nli_only):
    result = run(*article_paths, *model_args, "--precision", "float32", "--format", "json", "--out", "-")
    assert result.exit_code == 1, result.stderr
    assert json.loads(result.stdout)["options"]["precision"] == "float32"


def test_usage_errors_exit_2(article_paths):
    assert run(*article_paths, "--date", "no-equals-sign").exit_code == 2
    assert run(*article_paths, "--fail-on", "warning").exit_code == 2
    assert run(*article_paths, "--min-score", "1.5").exit_code == 2
    assert run(*article_paths, "--precision", "fp16").exit_code == 2
    assert run().exit_code == 2


def test_help_shows_examples_and_exit_codes():
    result = run("--help")
    assert result.exit_code == 0
    assert "factcheck compare seeds/*.txt" in result.stdout
    assert "Exit codes: 0 passed, 1" in result.stdout
    top = runner.invoke(app, ["--help"])
    assert "compare" in top.stdout


def test_the_installed_command_reports_bad_input_without_a_traceback(tmp_path):
    command = Path(sys.executable).with_name("factcheck")
    missing = tmp_path / "a.txt"
    done = subprocess.run(
        [str(command), "compare", str(missing), str(missing.with_name("b.txt"))],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr == f"factcheck: error: {missing}: no such file\n"
    assert not (tmp_path / "reports").exists()


@pytest.mark.models
def test_the_seed_articles_with_the_default_models(tmp_path):
    """The real run an editor makes: every quoted sentence must be verbatim
    in its cleaned article, and a second run must give the same report."""
    seeds = sorted(str(p) for p in (Path(__file__).parents[1] / "seeds").glob("*.txt"))
    for run_name in ("one", "two"):
        result = run(*seeds, "--quiet", "--out", tmp_path / run_name)
        assert result.exit_code in (0, 1), result.stderr
    frame = pd.read_csv(tmp_path / "one" / "discrepancies.csv", keep_default_na=False)
    texts = {a["file"]: a["text"] for a in json.loads((tmp_path / "one" / "findings.json").read_text())["articles"]}
    for row in frame.itertuples():
        assert texts[row.file_a][row.start_a : row.end_a] == row.text_a
        assert texts[row.file_b][row.start_b : row.end_b] == row.text_b
    for name in ("discrepancies.csv", "findings.json", "report.md"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
