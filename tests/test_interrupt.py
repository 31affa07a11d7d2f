"""A run stopped by SIGINT or SIGTERM: a distinct exit code, one line, and
the report folder as it was (the previous complete report, or none)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

import factcheck
from factcheck import interrupt, report

# `factcheck compare` in a real process, its NLI model made slow so the
# signal lands in the NLI stage: the line on stderr says when it is there.
IN_NLI = "test hook: in the NLI stage"
SLOW_NLI = textwrap.dedent(
    f"""
    import sys, time
    from factcheck.models import backends
    def predict(self, pairs):
        print({IN_NLI!r}, file=sys.stderr, flush=True)
        time.sleep(60)
    backends.NLIModel.predict = predict
    from factcheck.cli import main
    sys.argv = ["factcheck", *sys.argv[1:]]
    main()
    """
)


def _interrupted_run(article_paths, model_args, out, signum):
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_NLI, "compare", *article_paths, *model_args, "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "OMP_NUM_THREADS": "1"},
    )
    try:
        lines = []
        for line in process.stderr:  # blocks until the hook speaks, or the process ends
            lines.append(line)
            if IN_NLI in line:
                break
        assert any(IN_NLI in line for line in lines), "".join(lines)
        process.send_signal(signum)
        _, rest = process.communicate(timeout=60)
    finally:
        process.kill()
        process.wait()
    return process.returncode, [line for line in "".join(lines).splitlines() + rest.splitlines() if IN_NLI not in line]


def test_ctrl_c_in_the_nli_stage_keeps_the_previous_report(article_paths, model_args, options, nli_only, tmp_path):
    out = tmp_path / "reports" / "out"
    report.write_reports(factcheck.compare(article_paths, options), out)
    (out / "notes.txt").write_text("the editor's own notes\n")
    before = {name: (out / name).read_bytes() for name in os.listdir(out)}

    returncode, stderr = _interrupted_run(article_paths, model_args, out, signal.SIGINT)

    assert returncode == 130
    assert stderr == [f"factcheck: interrupted by SIGINT: no report written, {out}{os.sep} left as it was (exit 130)"]
    assert {name: (out / name).read_bytes() for name in os.listdir(out)} == before
    assert os.listdir(out.parent) == ["out"]  # no temporary folder left beside it


def test_sigterm_in_the_nli_stage_of_a_first_run_leaves_no_folder(article_paths, model_args, tmp_path):
    reports = tmp_path / "reports"
    returncode, stderr = _interrupted_run(article_paths, model_args, reports / "out", signal.SIGTERM)
    assert returncode == 143
    assert stderr == [f"factcheck: interrupted by SIGTERM: no report written, {reports / 'out'}{os.sep} left as it was (exit 143)"]
    assert not reports.exists()


@pytest.fixture
def result(article_paths, options, nli_only):
    return factcheck.compare(article_paths, options)


@pytest.fixture
def previous(result, tmp_path):
    """A complete report of another run, and a file of the user's beside it."""
    out = tmp_path / "reports" / "out"
    report.write_reports(result, out, formats=("csv", "md"))
    for name in ("discrepancies.csv", "report.md"):
        (out / name).write_text(f"previous {name}\n")
    (out / "notes.txt").write_text("mine\n")
    return out


def _files(folder):
    return {name: (folder / name).read_text() for name in sorted(os.listdir(folder))}


def test_stopped_while_writing_the_previous_report_stays_whole(result, previous, monkeypatch):
    before = _files(previous)
    markdown = report.render_markdown

    def stopped(r):  # the CSV is written by now; Ctrl-C arrives during the Markdown
        markdown(r)
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "render_markdown", stopped)
    with pytest.raises(KeyboardInterrupt):
        report.write_reports(result, previous, formats=("csv", "md"))
    assert _files(previous) == before
    assert sorted(os.listdir(previous.parent)) == ["out"]


def test_a_signal_while_the_files_move_in_waits_until_all_are_in(result, previous, monkeypatch):
    replace = os.replace
    moved = []

    def replace_and_signal(src, dst):
        if not moved:
            signal.raise_signal(signal.SIGINT)
        replace(src, dst)
        moved.append(os.path.basename(dst))

    monkeypatch.setattr(os, "replace", replace_and_signal)
    with pytest.raises(KeyboardInterrupt):
        report.write_reports(result, previous, formats=("csv", "md"))
    assert moved == ["discrepancies.csv", "report.md"]
    files = _files(previous)
    assert files["notes.txt"] == "mine\n"
    assert files["report.md"].startswith("# factcheck report")
    assert files["discrepancies.csv"].startswith("finding_id,")
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_exit_codes_follow_the_shell():
    assert interrupt.exit_code(KeyboardInterrupt()) == 130
    assert interrupt.exit_code(interrupt.Interrupted(signal.SIGTERM)) == 143
