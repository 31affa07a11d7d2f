"""`factcheck compare seeds/*.txt` as an editor runs it: the installed
command, the real default models, no network.

The run happens once per session in a subprocess whose environment forbids
the hub (HF_HUB_OFFLINE) and routes any HTTP(S) attempt to a closed
loopback port, so a hidden download would fail the run.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.models

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
COLUMNS = ["finding_id", "verdict", "category", "score", "file_a", "text_a", "file_b", "text_b"]
OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "NO_PROXY": "",
}
# Page noise the seeds arrived with; none of it may reach a finding.
NOISE = [
    "Masuk melalui", "Daftar di Sini", "Lupa Kata Sandi", "link aktivasi",  # 003's login prompt
    "Rekomendasi Artikel", "Video Pilihan", "Pilihan Editor", "Sri Lanka Akui 16 Warganya",  # 003's related list
    "Xi Jinping dan Putin Makin Mesra", "Konten sponsor",
    "MEMBACA", "Saham Kooth", "X milik Elon Musk",  # 001's read-also widgets
    "Iklan", "Scroll Untuk Melanjutkan",  # ad markers
]


def factcheck_command() -> str:
    return str(Path(sys.executable).with_name("factcheck"))


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-report")
    env = os.environ | OFFLINE
    done = subprocess.run(
        [factcheck_command(), "compare", *map(str, SEEDS), "--out", str(out), "--quiet"],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )
    rows = list(csv.DictReader((out / "discrepancies.csv").open(encoding="utf-8")))
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return done, out, rows, findings


def test_run_writes_three_reports_and_a_summary_line(seed_run):
    done, out, _, findings = seed_run
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("factcheck: 5 articles") and f"(exit {done.returncode})" in last
    assert {p.name for p in out.iterdir()} >= {"discrepancies.csv", "report.md", "findings.json"}
    assert findings["schema_version"] >= 1 and len(findings["articles"]) == 5


def test_csv_columns_and_every_quote_is_verbatim_at_its_offsets(seed_run):
    _, out, rows, findings = seed_run
    header = next(csv.reader((out / "discrepancies.csv").open(encoding="utf-8")))
    assert header[: len(COLUMNS)] == COLUMNS
    assert {"outlet_a", "date_a", "start_a", "end_a", "outlet_b", "date_b", "start_b", "end_b"} <= set(header)
    texts = {a["file"]: a["text"] for a in findings["articles"]}
    assert rows
    for row in rows:
        for side in "ab":
            text, start, end = row[f"text_{side}"], int(row[f"start_{side}"]), int(row[f"end_{side}"])
            if row[f"file_{side}"] in texts:  # not a roster line
                assert texts[row[f"file_{side}"]][start:end] == text


def test_no_page_noise_in_any_finding(seed_run):
    _, out, rows, findings = seed_run
    quoted = [row[f"text_{side}"] for row in rows for side in "ab"]
    cleaned = "\n".join(a["text"] for a in findings["articles"])
    for noise in NOISE:
        assert not [q for q in quoted if noise in q], noise
        assert noise not in cleaned, noise
    dropped = {a["file"]: a["dropped"] for a in findings["articles"]}
    assert any("Masuk" in d["text"] for d in dropped["003_8d13be2f4641343e.txt"])
    assert any("MEMBACA" in d["text"] for d in dropped["001_98b36de2054cbb90.txt"])


def agreements_between(rows, phrase_a: str, phrase_b: str) -> list[dict]:
    return [
        r for r in rows
        if r["verdict"] == "agreement"
        and {phrase_a in r["text_a"] or phrase_a in r["text_b"], phrase_b in r["text_a"] or phrase_b in r["text_b"]} == {True}
    ]


@pytest.mark.parametrize(
    "phrase_a, phrase_b",
    [
        # (a) Kim pledges full support for Russia's war (000 and 002). Known gap:
        # the shipped NLI model calls this pair neutral (002 says "Dia", he,
        # and 000 adds Putin's remarks), and no targeted check covers pledges.
        pytest.param(
            "menjanjikan “dukungan penuh dan solidaritas”", "bersumpah mendukung penuh perang Rusia",
            marks=pytest.mark.xfail(strict=True, reason="NLI model says neutral; see README, known gaps"),
        ),
        # (b) Putin landed before dawn / about 2:45 / "dini hari" (000, 001, 004)
        ("mendarat di ibu kota Korea Utara sebelum fajar", "tiba di Bandara Pyongyang"),
        ("mendarat di ibu kota Korea Utara sebelum fajar", "mendarat sekitar pukul 2:45 pagi"),
        # (c) Stoltenberg's concern about Russian support for the missile and nuclear programmes (000, 001)
        ("kekhawatirannya tentang “potensi dukungan", "khawatir tentang dukungan potensial"),
    ],
)
def test_the_outlets_agree_on_the_shared_facts(seed_run, phrase_a, phrase_b):
    _, _, rows, _ = seed_run
    assert agreements_between(rows, phrase_a, phrase_b), f"no agreement between {phrase_a!r} and {phrase_b!r}"


def test_report_md_leads_with_counts_then_contradictions(seed_run):
    _, out, rows, _ = seed_run
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "5 articles" in report
    contradictions = [r for r in rows if r["verdict"] == "contradiction"]
    plain = report.replace("**", "")  # the values a contradiction turns on are in bold
    for row in contradictions:
        assert row["finding_id"] in report and row["text_a"] in plain and row["text_b"] in plain
    # grouped by category, the speakers the attribution finding turns on in bold
    attribution = report.index("attribution (")
    assert attribution < report.index("## Claims carried by several outlets")
    assert "Karine Jean-Pierre**" in report[attribution:] and "Patrick Ryder**" in report[attribution:]
