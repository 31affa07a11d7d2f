"""The editorial workflow: check a draft, waive a reviewed finding, rerun.

Fast tests run the tiny models of conftest.py: their NLI always agrees, so
every contradiction below comes from the claim checks (a date here). The
test marked ``models`` does the same with the real default models on a
draft made from the seeds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import ARTICLES
from typer.testing import CliRunner

import factcheck
from factcheck import waivers
from factcheck.cli import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
EXAMPLES = SEEDS.parent / "examples"

# From the sources, except: the first sentence moves the arrival to a Friday
# (antara says Wednesday, kompas Tuesday), the last is made up.
ARRIVAL = "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Jumat siang untuk kunjungan kenegaraan."
WELCOME = "Pemimpin Korea Utara Kim Jong Un menyambut Putin di bandara dengan upacara militer yang megah."
TREATY = "Kedua pemimpin menandatangani perjanjian kemitraan strategis yang komprehensif."
INVENTED = "Menteri Pertahanan Andrei Belousov mengumumkan 40 jet tempur baru akan dikirim bulan depan."
DRAFT = "\n\n".join([ARRIVAL, WELCOME, TREATY, INVENTED]) + "\n"


@pytest.fixture
def story(articles_dir, monkeypatch):
    """The conftest articles plus draft.md, in the current folder."""
    (articles_dir / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(articles_dir)
    return articles_dir


@pytest.fixture
def tiny(model_args, models):
    """The tiny models, with the NLI that always agrees (the last flag wins)."""
    return [*model_args, "--nli-model", models["agrees"]]


def check(*args):
    return runner.invoke(app, ["check", "draft.md", "--against", *ARTICLES, *map(str, args)])


def last_line(result) -> str:
    return result.stderr.rstrip("\n").splitlines()[-1]


def draft_sentences(out: Path) -> dict[str, dict]:
    document = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return {s["text"]: s for s in document["draft"]["sentences"]}


def test_check_reports_each_draft_sentence_and_gates_on_the_contradiction(story, tiny):
    result = check(*tiny, "--out", "out")
    assert result.exit_code == 1, result.stderr
    assert last_line(result) == (
        "factcheck: draft draft.md: 4 sentences: 1 contradicted, 1 unsupported, 2 supported -> out/ (exit 1)"
    )
    sentences = draft_sentences(story / "out")
    assert {text: s["status"] for text, s in sentences.items()} == {
        ARRIVAL: "contradicted",
        WELCOME: "supported",
        TREATY: "supported",
        INVENTED: "unsupported",
    }
    assert {f["kind"]: f["text"] for f in sentences[INVENTED]["facts"]} == {"name": "Andrei Belousov", "number": "40"}
    md = (story / "out" / "report.md").read_text(encoding="utf-8")
    draft_table = md[md.index("## The draft, sentence by sentence") :]
    assert "contradicted by `antara.txt`: date:" in draft_table and "`kompas.txt`: date:" in draft_table
    assert "2 sources: `antara.txt`, `kompas.txt`" in draft_table
    unsupported = md[md.index("## Unsupported factual claims (1)") :]
    assert f"- sentence 4: {INVENTED} (name: Andrei Belousov; number: 40)" in unsupported


def test_only_findings_about_the_draft_gate(story, models, tiny):
    # This model contradicts every pair, so the sources contradict each other;
    # the draft's one sentence pairs with none of them.
    (story / "draft.md").write_text(INVENTED + "\n", encoding="utf-8")
    result = check(*tiny, "--nli-model", models["contradicts"], "--out", "out")
    assert result.exit_code == 0, result.stderr
    assert json.loads((story / "out" / "findings.json").read_text())["findings"] == []


def test_waive_then_rerun_passes_and_the_report_shows_the_waiver(story, tiny):
    check(*tiny, "--out", "out")
    gating = pd.read_csv(story / "out" / "discrepancies.csv", keep_default_na=False)
    ids = list(gating[gating.verdict == "contradiction"].finding_id)
    assert len(ids) == 2  # one per source the draft contradicts
    reason = "Friday is right: see the desk's notes"
    for finding_id in ids:
        done = runner.invoke(app, ["waive", finding_id, "--reason", reason, "--by", "rina"])
        assert done.exit_code == 0, done.stderr
    assert done.stderr == f"factcheck: added waiver {ids[-1]} in factcheck-waivers.toml\n"

    result = check(*tiny, "--out", "out")
    assert result.exit_code == 0, result.stderr
    assert last_line(result).endswith("2 supported, 2 waived -> out/ (exit 0)")
    frame = pd.read_csv(story / "out" / "discrepancies.csv", keep_default_na=False)
    waived = frame[frame.finding_id.isin(ids)]
    assert list(waived.waived) == [True, True]
    assert set(waived.waiver_reason) == {reason}
    assert not frame[~frame.finding_id.isin(ids)].waived.any()
    md = (story / "out" / "report.md").read_text(encoding="utf-8")
    assert md.count("**Waived** by rina on ") == 2 and reason in md
    document = json.loads((story / "out" / "findings.json").read_text(encoding="utf-8"))
    waivers_in_json = {f["finding_id"]: f["waiver"]["by"] for f in document["findings"] if f["waiver"]}
    assert waivers_in_json == dict.fromkeys(ids, "rina")


def test_the_report_prints_the_command_that_waives_a_gating_finding(story, tiny):
    check(*tiny, "--out", "out")
    md = (story / "out" / "report.md").read_text(encoding="utf-8")
    command = md.split("Reviewed and fine? `", 1)[1].split("`", 1)[0]
    assert command.startswith("factcheck waive ") and command.endswith('--reason "..." --file factcheck-waivers.toml')


def test_a_waiver_whose_finding_went_away_is_stale(story, tiny):
    check(*tiny, "--out", "out")
    frame = pd.read_csv(story / "out" / "discrepancies.csv", keep_default_na=False)
    finding_id = frame[frame.verdict == "contradiction"].finding_id.iloc[0]
    runner.invoke(app, ["waive", finding_id, "--reason", "checked"])
    # The editor fixes the sentence: the waived contradiction no longer occurs.
    (story / "draft.md").write_text(DRAFT.replace("Jumat siang", "Rabu dini hari"), encoding="utf-8")
    result = check(*tiny, "--out", "out")
    assert result.exit_code == 0, result.stderr
    assert f"factcheck: stale waiver {finding_id} in factcheck-waivers.toml: its finding no longer occurs" in (
        result.stderr.splitlines()
    )
    md = (story / "out" / "report.md").read_text(encoding="utf-8")
    assert "## Stale waivers" in md and f"- `{finding_id}` (" in md
    assert json.loads((story / "out" / "findings.json").read_text())["waivers"]["stale"][0]["id"] == finding_id


def test_finding_ids_stay_when_an_unrelated_paragraph_changes(story, options):
    paths = [str(story / name) for name in ARTICLES]
    before = factcheck.check(story / "draft.md", paths, options)
    edited = DRAFT.replace(TREATY, "Cuaca di Pyongyang cerah sepanjang hari itu.")
    (story / "draft.md").write_text(edited, encoding="utf-8")
    kompas = story / "kompas.txt"
    kompas.write_text("Redaksi memperbarui berita ini.\n\n" + kompas.read_text(), encoding="utf-8")
    after = factcheck.check(story / "draft.md", paths, options)

    def ids(result):
        return {(f.a.text, f.b.text): f.finding_id for f in result.findings}

    untouched = {pair: i for pair, i in ids(before).items() if TREATY not in pair}
    assert untouched and untouched.items() <= ids(after).items()


def test_json_goes_to_stdout_for_a_cms(story, tiny):
    result = check(*tiny, "--format", "json", "--out", "-")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["draft"]["counts"] == {"contradicted": 1, "unsupported": 1, "supported": 2}
    assert last_line(result).endswith("-> stdout (exit 1)")
    assert not (story / "reports").exists()


def test_stdout_takes_one_format(story, tiny):
    result = check(*tiny, "--out", "-")
    assert result.exit_code == 2
    assert result.stderr == (
        "factcheck: error: --out - writes one report to stdout: choose it with --format, e.g. --format json\n"
    )


def test_the_default_report_folder_is_named_after_the_draft(story, tiny):
    assert check(*tiny).exit_code == 1
    assert (story / "reports" / "draft" / "report.md").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "draft.md"], "name the sources to check the draft against"),
        (["check", "feed.jsonl", "--against", "antara.txt"], "feed.jsonl: a draft is one article"),
        (["check", "gone.md", "--against", "antara.txt", "kompas.txt"], "gone.md: no such file"),
    ],
)
def test_draft_usage_errors_exit_2(story, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


# ---------------------------------------------------------------- the waiver file


def test_waive_keeps_comments_and_entries_it_does_not_know(tmp_path):
    path = tmp_path / "factcheck-waivers.toml"
    path.write_text(
        "# desk rules: one line of reason at least\n"
        "owner = 'politics desk'\n\n"
        "[[waiver]]\n"
        'id = "aaaaaaaaaaaa"\n'
        'reason = "old"\n'
        'ticket = "CMS-12"  # our tracker\n',
        encoding="utf-8",
    )
    assert waivers.add(path, waivers.Waiver("bbbbbbbbbbbb", "new one", "rina", "2024-06-21")) == "added"
    assert waivers.add(path, waivers.Waiver("aaaaaaaaaaaa", "reviewed again", "budi", "2024-06-22")) == "updated"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# desk rules: one line of reason at least\nowner = 'politics desk'\n")
    assert 'ticket = "CMS-12"  # our tracker' in text
    assert [(w.id, w.reason, w.by, w.date) for w in waivers.load(path)] == [
        ("aaaaaaaaaaaa", "reviewed again", "budi", "2024-06-22"),
        ("bbbbbbbbbbbb", "new one", "rina", "2024-06-21"),
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["factcheck-waivers.toml"]  # no temporary left


def test_a_new_waiver_file_is_plain_and_diff_friendly(tmp_path):
    path = tmp_path / "factcheck-waivers.toml"
    result = runner.invoke(
        app, ["waive", "0123456789ab", "--reason", 'Quote "as said"', "--by", "rina", "--file", str(path)]
    )
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Findings reviewed and accepted")
    assert '\n[[waiver]]\nid = "0123456789ab"\nreason = "Quote \\"as said\\""\nby = "rina"\ndate = ' in text


@pytest.mark.parametrize(
    "args, content, message",
    [
        (["not-an-id", "--reason", "x"], None, "not-an-id: not a finding id"),
        (["0123456789ab", "--reason", " "], None, "--reason must say why"),
        (["0123456789ab", "--reason", "x"], "[[waiver]\nbroken", "cannot read it, so it is left as it is"),
        (["0123456789ab", "--reason", "x"], "waiver = 3\n", "'waiver' must be tables"),
        (["0123456789ab", "--reason", "x"], "waiver = [{id = 'aaaaaaaaaaaa', reason = 'y'}]\n", "cannot add to it"),
    ],
)
def test_waive_refuses_bad_input_and_leaves_the_file_alone(tmp_path, args, content, message):
    path = tmp_path / "factcheck-waivers.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["waive", *args, "--file", str(path)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert (path.read_text(encoding="utf-8") if path.exists() else None) == content


def test_a_broken_waiver_file_stops_the_run_before_the_models_load(story, tiny):
    (story / "factcheck-waivers.toml").write_text("[[waiver]]\nid = 'x'\n", encoding="utf-8")
    result = check(*tiny, "--nli-model", str(story / "no-such-model"))
    assert result.exit_code == 2
    assert result.stderr == "factcheck: error: factcheck-waivers.toml: waiver 1 needs an id and a reason\n"


def test_waivers_can_live_elsewhere(story, tiny, tmp_path):
    elsewhere = tmp_path / "desk" / "waivers.toml"
    elsewhere.parent.mkdir()
    check(*tiny, "--out", "out")
    frame = pd.read_csv(story / "out" / "discrepancies.csv", keep_default_na=False)
    for finding_id in frame[frame.verdict == "contradiction"].finding_id:
        runner.invoke(app, ["waive", finding_id, "--reason", "fine", "--file", str(elsewhere)])
    assert check(*tiny, "--out", "out").exit_code == 1  # the file beside the draft has none
    assert check(*tiny, "--out", "out", "--waivers", elsewhere).exit_code == 0


# ---------------------------------------------------------------- real models


@pytest.mark.models
def test_a_draft_from_the_seeds_with_the_default_models(tmp_path, monkeypatch):
    """The issue's acceptance, on the README's example draft: one sentence
    changed to contradict the seeds, one invented claim; waive, rerun, pass."""
    changed = "Vladimir Putin mendarat di ibu kota Korea Utara pada Jumat sore, sekitar pukul 16.30 waktu setempat."
    invented = "Panitia mencatat 3.500 warga menonton pertunjukan kembang api di tepi Sungai Taedong malam itu."
    example = (EXAMPLES / "draft.md").read_text(encoding="utf-8")
    assert changed in example and invented in example
    monkeypatch.chdir(tmp_path)
    Path("draft.md").write_text(example, encoding="utf-8")
    sources = [str(p) for p in sorted(SEEDS.glob("0*.txt"))]

    def run():
        return runner.invoke(app, ["check", "draft.md", "--against", *sources, "--quiet", "--out", "out"])

    result = run()
    assert result.exit_code == 1, result.stderr
    sentences = draft_sentences(tmp_path / "out")
    assert sentences[changed]["status"] == "contradicted"
    document = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    by_id = {f["finding_id"]: f for f in document["findings"]}
    contradicting = {
        side["file"]
        for i in sentences[changed]["finding_ids"]
        if by_id[i]["verdict"] == "contradiction"
        for side in (by_id[i]["a"], by_id[i]["b"])
    } - {"draft.md"}
    assert len(contradicting) >= 2, contradicting
    assert sentences[invented]["status"] == "unsupported"
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert invented in md[md.index("## Unsupported factual claims") :]

    gating = [f["finding_id"] for f in document["findings"] if f["verdict"] == "contradiction"]
    for finding_id in gating:
        assert runner.invoke(app, ["waive", finding_id, "--reason", "confirmed by our reporter"]).exit_code == 0
    result = run()
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "**Waived** by" in md and "confirmed by our reporter" in md
