"""report.html: self-contained, contradictions first and highlighted,
filterable, and safe with hostile article text, checked in headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import factcheck
from factcheck import report

# One outlet's feed carries markup meant to run in the editor's browser, in
# its name and in its text (where the sentence splitter cuts the script after
# "window.", so its whole text is checked in the outlet's name).
SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=1">'
HOSTILE = {
    "outlet": f"Berita {SCRIPT} {IMAGE}",
    "text": (
        f"Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan {SCRIPT}.\n\n"
        f"Pemimpin Korea Utara Kim Jong Un menyambut Putin di bandara dengan upacara militer yang megah {IMAGE}.\n"
    ),
}
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--virtual-time-budget=5000",
]  # fmt: skip


@pytest.fixture
def hostile_run(articles_dir, options, nli_only, tmp_path):
    """The conftest story plus the hostile feed; this NLI model contradicts
    every aligned pair, so the hostile sentences sit in contradiction rows."""
    feed = articles_dir / "feed.jsonl"
    feed.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    paths = [str(p) for p in sorted(articles_dir.iterdir())]
    result = factcheck.compare(paths, options)
    out = tmp_path / "out"
    report.write_reports(result, out, formats=("html",))
    return result, out / "report.html"


def chromium() -> str:
    found = shutil.which("chromium")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")
    return found


def dump_dom(page: Path, profile: Path) -> str:
    done = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_page_is_self_contained(hostile_run):
    _, page = hostile_run
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"(?i)(https?:)?//[a-z0-9]", html.replace("file://", ""))  # no address to fetch from
    assert not re.search(r"(?i)<(link|img|iframe|object|embed)\b", html)
    assert "Content-Security-Policy\" content=\"default-src 'none'" in html


def test_article_text_is_escaped(hostile_run):
    _, page = hostile_run
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in html
    assert "__pwned=1</script>" not in html and "<img" not in html
    assert html.count("<script") == 1  # the report's own filter script


def test_contradictions_come_first_with_the_conflicting_values_marked(articles_dir, options):
    # The date check finds the draft's Friday against the sources' weekdays.
    draft = "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Jumat siang untuk kunjungan kenegaraan.\n"
    (articles_dir / "draft.md").write_text(draft, encoding="utf-8")
    others = [str(articles_dir / name) for name in ("antara.txt", "kompas.txt", "tempo.txt")]
    result = factcheck.check(articles_dir / "draft.md", others, options)
    html = report.render(result, "html")
    rows = re.findall(r'<tr id="f-[0-9a-f]+" class="finding (\w+)', html)
    assert rows and rows == sorted(rows, key=["contradiction", "agreement", "neutral"].index)
    first = html[html.index('class="finding contradiction') :].split("</tr>", 1)[0]
    # The draft on the left, its weekday marked against the source's.
    left, right = re.findall(r"<td class=side>(.*?)</td>", first)
    assert "draft.md" in left and "<mark>Jumat</mark>" in left
    assert "<mark>Rabu</mark>" in right or "<mark>Selasa</mark>" in right
    assert "The draft, sentence by sentence" in html


def test_without_javascript_everything_shows_and_the_filters_hide(hostile_run):
    _, page = hostile_run
    html = page.read_text(encoding="utf-8")
    assert "<form id=filters hidden>" in html
    assert not re.search(r"<tr[^>]*\bhidden\b", html)


def test_chromium_shows_the_contradictions_and_runs_nothing_from_the_articles(hostile_run, tmp_path):
    result, page = hostile_run
    contradictions = [f for f in result.findings if f.verdict == "contradiction"]
    files = [{result.articles[f.a.article].file, result.articles[f.b.article].file} for f in contradictions]
    assert any("feed.jsonl#1" in pair for pair in files), "the hostile sentences must sit in contradiction rows"

    # As shipped, with its Content-Security-Policy: the filter script runs,
    # the articles' markup is text.
    dom = dump_dom(page, tmp_path / "profile-1")
    assert "<form id=\"filters\">" in dom  # the report's own script ran and showed the filters
    assert f"{len(result.findings)} of {len(result.findings)} findings shown" in dom
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in dom
    assert "<img" not in dom and dom.count("<script") == 1
    assert "<title>factcheck report</title>" in dom

    # Without the policy, so only the escaping stands between the articles
    # and the browser; a probe reports what is visible and what ran.
    probe = """<script>
    window.addEventListener("load", function () {
      var rows = document.querySelectorAll("tr.finding.contradiction");
      var visible = Array.prototype.filter.call(rows, function (r) { return r.offsetHeight > 0; }).length;
      document.body.setAttribute("data-probe", JSON.stringify({
        rows: rows.length, visible: visible, pwned: String(window.__pwned),
        images: document.images.length, scripts: document.scripts.length
      }));
    });
    </script>"""
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html).replace("</body>", probe + "</body>")
    harness = tmp_path / "harness.html"
    harness.write_text(html, encoding="utf-8")
    dom = dump_dom(harness, tmp_path / "profile-2")
    found = json.loads(re.search(r'data-probe="([^"]*)"', dom).group(1).replace("&quot;", '"'))
    assert found == {
        "rows": len(contradictions),
        "visible": len(contradictions),
        "pwned": "undefined",
        "images": 0,
        "scripts": 2,  # the report's and the probe's
    }
