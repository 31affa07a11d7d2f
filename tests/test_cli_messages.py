"""The command line's --format list and its error lines: one line each,
ended by a newline, so the shell prompt never sticks to a message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import settings
from factcheck.cli import app

runner = CliRunner()
CHOICES = ", ".join(settings.CHOICES["formats"])


def test_format_takes_a_comma_list_and_repeats(article_paths, model_args, tmp_path, nli_only):
    out = tmp_path / "out"
    result = runner.invoke(app, ["compare", *article_paths, *model_args, "--format", "csv, md", "--format", "html",
                                 "--out", str(out)])  # fmt: skip
    assert result.exit_code == 1, result.stderr
    assert sorted(os.listdir(out)) == ["discrepancies.csv", "report.html", "report.md"]
    # A name given twice is one report, so --out - still has one to write.
    result = runner.invoke(app, ["compare", *article_paths, *model_args, "--format", "json,json", "--out", "-"])
    assert result.exit_code == 1, result.stderr
    assert result.stdout.startswith("{")


@pytest.mark.parametrize("value, bad", [("csv,xml", "xml"), ("pdf", "pdf"), ("csv,", ""), ("md;json", "md;json")])
def test_an_unknown_format_is_one_line_naming_it_and_the_choices(value, bad, workdir):
    result = runner.invoke(app, ["compare", "a.txt", "b.txt", "--format", value])
    assert result.exit_code == 2
    assert result.stderr == f"factcheck: error: --format: {bad!r} is not one of {CHOICES}\n"
    assert not (workdir / "reports").exists()


def test_the_installed_command_ends_its_error_line(tmp_path):
    command = Path(sys.executable).with_name("factcheck")
    done = subprocess.run([str(command), "config", "show", "--format", "csv,xml"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert (done.returncode, done.stderr) == (2, f"factcheck: error: --format: 'xml' is not one of {CHOICES}\n")


ERRORS = [
    # factcheck's own errors: one line
    ["compare", "missing.txt", "other.txt"],
    ["compare", "a.txt", "b.txt", "--min-score", "1.5"],
    ["compare", "a.txt", "b.txt", "--format", "csv,md", "--out", "-"],
    ["check", "draft.md"],
    ["waive", "3f1c0a9b2e77", "--reason", " "],
    ["waive", "not-an-id", "--reason", "fine"],
    ["eval-nli", "missing.jsonl"],
    # click's usage errors: a usage block, then the error
    ["compare", "a.txt", "--min-score", "high"],
    ["compare", "a.txt", "--date", "no-equals-sign"],
    ["compare", "--no-such-flag"],
    ["compare"],
    ["no-such-command"],
]


@pytest.mark.parametrize("argv", ERRORS, ids=" ".join)
def test_every_error_ends_with_a_newline(argv, workdir):
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert result.stderr.endswith("\n") and "Traceback" not in result.stderr
    ours = [line for line in result.stderr.splitlines() if line.startswith("factcheck:")]
    assert ours == [] or result.stderr.count("\n") == 1, result.stderr
    assert ours or "Error: " in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("name, shown", [("bad\nname.txt", "bad\\nname.txt"), ("red\x1b[31m.txt", "red\\x1b[31m.txt")])
def test_a_control_character_in_a_file_name_stays_on_one_line(name, shown, workdir):
    (workdir / name).write_text("")
    (workdir / "b.txt").write_text("Satu kalimat yang cukup panjang untuk diperiksa.\n")
    result = runner.invoke(app, ["compare", name, "b.txt"])
    assert result.exit_code == 2
    assert result.stderr == f"factcheck: error: {shown}: empty file\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_a_50_mb_article_is_one_line_naming_the_limit_at_once(workdir, model_args):
    big = workdir / "huge.txt"
    with big.open("w", encoding="utf-8") as file:
        sentence = "Presiden tiba di Pyongyang pada Rabu dini hari waktu setempat. "
        file.write(sentence * (50 * 2**20 // len(sentence)))
    (workdir / "other.txt").write_text("Kunjungan itu adalah yang pertama dalam 24 tahun.", encoding="utf-8")
    result = runner.invoke(app, ["compare", "huge.txt", "other.txt", *model_args])
    assert (result.exit_code, result.stderr) == (
        2, "factcheck: error: huge.txt: 50.0 MB: too long for one article (max_article_chars 200,000)\n"
    )
    assert not (workdir / "reports").exists()
