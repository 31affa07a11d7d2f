"""factcheck feed: stories found by title/lede and date, one report per story,
an index, one gate, and an interrupted run that says what did not run."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from typer.testing import CliRunner

from factcheck import engines, feed, stories
from factcheck.cli import EXIT_INTERRUPTED, app
from factcheck.config import Options
from factcheck.types import Article
from tests.conftest import ARTICLES

# One story reported by three outlets in June, the same story's follow-up
# in August (outside any date window of June), and a lone weather item.
JUNE, AUGUST, OCTOBER = "2024-06-19", "2024-08-01", "2024-10-01"


def _rows() -> list[dict]:
    rows = []
    for date, extra in ((JUNE, ""), (AUGUST, "\n\nKunjungan kenegaraan berikutnya direncanakan tahun depan.")):
        for name, text in ARTICLES.items():
            outlet = name.removesuffix(".txt")
            rows.append({"url": f"https://{outlet}.example/{date}", "outlet": outlet, "date": date,
                         "title": text.split("\n")[0][:60], "text": text + extra})  # fmt: skip
    rows.append({"outlet": "cuaca", "date": OCTOBER, "title": "Cuaca", "text": "Cuaca di ibu kota cerah sepanjang hari."})
    return rows


@pytest.fixture
def feed_file(tmp_path):
    path = tmp_path / "in" / "today.jsonl"
    path.parent.mkdir()
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _rows()), encoding="utf-8")
    return path


@pytest.fixture
def feed_options(options):
    # The tiny embedder is a bag of words: one story's ledes share most words.
    return Options(**{**options.__dict__, "story_distance": 0.5})


def _article(file: str, date: str | None) -> Article:
    return Article(file=file, path="", outlet=file, text="x", date=dt.date.fromisoformat(date) if date else None)


def test_close_articles_form_a_story_and_the_date_window_splits_them():
    articles = [_article("a", JUNE), _article("b", "2024-06-20"), _article("c", AUGUST), _article("d", None)]
    same = np.array([1.0, 0.0])
    embeddings = np.stack([same, same, same, same])
    found, alone = stories.find_stories(articles, embeddings, Options(story_window_days=3))
    # The undated article is within every window; August is outside June's.
    assert [[a.file for a in s.articles] for s in found] == [["a", "b", "d"]]
    assert [a.file for a in alone] == ["c"]
    assert found[0].story_id == "s001-x"


def test_distant_articles_stay_apart():
    articles = [_article(name, JUNE) for name in "abc"]
    embeddings = np.array([[1.0, 0.0], [0.995, 0.0998], [0.0, 1.0]])
    found, alone = stories.find_stories(articles, embeddings, Options(story_distance=0.15))
    assert [[a.file for a in s.articles] for s in found] == [["a", "b"]]
    assert [a.file for a in alone] == ["c"]


def test_feed_writes_a_report_per_story_and_an_index(feed_file, feed_options, tmp_path):
    out = tmp_path / "out"
    result = feed.run([feed_file.parent], out, feed_options)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [len(s["articles"]) for s in index["stories"]] == [3, 3]
    assert [s["dates"] for s in index["stories"]] == [[JUNE], [AUGUST]]
    assert index["stories"][0]["outlets"] == ["antara", "kompas", "tempo"]
    assert [s["status"] for s in index["stories"]] == ["done", "done"]
    assert [a["outlet"] for a in index["unmatched_articles"]] == ["cuaca"]
    for story in index["stories"]:
        findings = json.loads((out / story["story_id"] / "findings.json").read_text(encoding="utf-8"))
        assert sorted(a["file"] for a in findings["articles"]) == sorted(story["articles"])
        assert findings["summary"]["contradictions"] == story["contradictions"] > 0
        assert (out / story["report"]).is_file()
    markdown = (out / "index.md").read_text(encoding="utf-8")
    assert "6 articles" not in markdown and "7 articles in 2 stories (1 article matching no story)" in markdown
    assert "cuaca" in markdown.split("## Articles matching no story")[1]
    assert result.failing() == [s["story_id"] for s in index["stories"]]


@pytest.fixture
def feed_args(model_args):
    return [*model_args, "--story-distance", "0.5"]


def test_cli_gate_over_all_stories(feed_file, feed_args, tmp_path):
    out = tmp_path / "out"
    run = CliRunner().invoke(app, ["feed", str(feed_file), "--out", str(out), *feed_args])
    assert run.exit_code == 1, run.output
    assert "7 articles, 2 stories, 1 matching no story" in run.output
    passing = CliRunner().invoke(app, ["feed", str(feed_file), "--out", str(out), "--fail-on", "none", *feed_args])
    assert passing.exit_code == 0, passing.output


def test_cli_refuses_bad_input(tmp_path, model_args):
    missing = CliRunner().invoke(app, ["feed", str(tmp_path / "nope.jsonl"), *model_args])
    assert missing.exit_code == 2 and "nope.jsonl: no such file or folder" in missing.output
    assert "Traceback" not in missing.output
    engine = CliRunner().invoke(app, ["feed", str(tmp_path), "--engine", "spark", *model_args])
    assert engine.exit_code == 2 and "--engine 'spark'" in engine.output


def test_interrupted_feed_keeps_finished_stories_and_lists_the_rest(feed_file, feed_options, tmp_path, monkeypatch):
    judged = []
    real_judge = engines.judge

    def judge_then_stop(story, options):
        if judged:
            raise KeyboardInterrupt
        judged.append(story.story_id)
        return real_judge(story, options)

    monkeypatch.setattr(engines, "judge", judge_then_stop)
    out = tmp_path / "out"
    result = feed.run([feed_file], out, feed_options)
    assert result.interrupted
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["interrupted"] is True
    assert [s["status"] for s in index["stories"]] == ["done", "not run"]
    first, second = index["stories"]
    assert json.loads((out / first["story_id"] / "findings.json").read_text(encoding="utf-8"))["summary"]["articles"] == 3
    assert not (out / second["story_id"]).exists()
    assert f"did not run** (the run was interrupted): {second['story_id']}" in (out / "index.md").read_text()


def test_cli_exit_code_when_interrupted(feed_file, feed_args, tmp_path, monkeypatch):
    def stop(story, options):
        raise KeyboardInterrupt

    monkeypatch.setattr(engines, "judge", stop)
    run = CliRunner().invoke(app, ["feed", str(feed_file), "--out", str(tmp_path / "out"), *feed_args])
    assert run.exit_code == EXIT_INTERRUPTED
    assert "interrupted: 2 of 2 stories did not run" in run.output


def test_index_is_not_rewritten_after_every_story(feed_file, feed_options, tmp_path, monkeypatch):
    # Rewriting the whole index after each story costs the square of the stories.
    writes = []
    real_write = feed.write_index
    monkeypatch.setattr(feed, "write_index", lambda result, out, options: writes.append(len(result.outcomes))
                        or real_write(result, out, options))  # fmt: skip
    monkeypatch.setattr(feed, "INDEX_SECONDS", 3600.0)
    result = feed.run([feed_file], tmp_path / "out", feed_options)
    assert len(result.outcomes) == 2
    assert writes == [0, 2]  # before the stories (all "not run"), then once when they are done


def test_an_error_mid_run_leaves_an_index_naming_what_did_not_run(feed_file, feed_options, tmp_path, monkeypatch):
    real_judge, judged = engines.judge, []

    def judge_then_fail(story, options):
        if judged:
            raise RuntimeError("model crashed")
        judged.append(story.story_id)
        return real_judge(story, options)

    monkeypatch.setattr(engines, "judge", judge_then_fail)
    monkeypatch.setattr(feed, "INDEX_SECONDS", 3600.0)
    with pytest.raises(RuntimeError):
        feed.run([feed_file], tmp_path / "out", feed_options)
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert [s["status"] for s in index["stories"]] == ["done", "not run"]
