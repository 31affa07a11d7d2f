"""Article text is hostile input for every report an editor opens: the CSV in
a spreadsheet (checked in headless LibreOffice) and report.md in a Markdown
viewer (checked with a CommonMark parser). report.html has its own browser
test (test_html.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import lxml.html
import pandas as pd
import pytest
from lxml import etree
from markdown_it import MarkdownIt

import factcheck
from factcheck import report

STORY = "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan."
GREETING = "Pemimpin Korea Utara Kim Jong Un menyambut Putin di bandara dengan upacara militer yang megah."
# Sentences a spreadsheet would run: each starts with a character that opens a formula.
FORMULAS = [
    f'=HYPERLINK("http://x.example/","klik") {STORY}',
    f"+1+1 {STORY}",
    f"-1+1 {GREETING}",
    f"@SUM(1,1) {GREETING}",
]
OUTLET = "=1+1"  # the feed's outlet name is article text too
# Markdown that would run a script, add a link, cut a table cell or open a
# block, were it not escaped.
MARKUP = "<script>alert(1)</script> | kolom [klik](javascript:alert(1)) `kode` *tebal* ~~coret~~ &amp;"
MARKDOWN = {
    "outlet": "Berita | <b>x</b> [klik](javascript:alert(1))",
    "text": f"{STORY[:-1]} {MARKUP}.\n\n# {GREETING}\n\n1. {STORY}\n\n> {GREETING}\n",
}


@pytest.fixture
def formula_run(articles_dir, options, nli_only, tmp_path):
    """The conftest story plus a feed whose sentences and outlet start like
    formulas; the NLI model contradicts every aligned pair, so they are in
    the CSV's rows."""
    feed = articles_dir / "feed.jsonl"
    rows = [{"outlet": OUTLET, "text": f"{a}\n\n{b}\n"} for a, b in (FORMULAS[:2], FORMULAS[2:])]
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    paths = [str(p) for p in sorted(articles_dir.iterdir())]
    result = factcheck.compare(paths, options)
    out = tmp_path / "out"
    report.write_reports(result, out, formats=("csv", "json", "md"))
    return result, out


def test_csv_cells_that_start_a_formula_get_an_apostrophe(formula_run):
    result, out = formula_run
    frame = pd.read_csv(out / "discrepancies.csv", keep_default_na=False)
    texts = set(frame["text_a"]) | set(frame["text_b"])
    assert {f"'{text}" for text in FORMULAS} <= texts, "every formula sentence must be in a row, neutralised"
    assert not any(text.startswith(report.FORMULA_STARTS) for text in texts)
    assert f"'{OUTLET}" in set(frame["outlet_a"]) | set(frame["outlet_b"])
    # Numbers stay numbers; offsets count in the cleaned text, without the apostrophe.
    assert frame["start_a"].dtype.kind == "i" and frame["score"].dtype.kind == "f"
    document = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    cleaned = {a["file"]: a["text"] for a in document["articles"]}
    for row in frame.itertuples():
        for file, text, start, end in ((row.file_a, row.text_a, row.start_a, row.end_a),
                                       (row.file_b, row.text_b, row.start_b, row.end_b)):  # fmt: skip
            assert cleaned[file][start:end] == text.removeprefix("'")


def test_json_keeps_the_exact_text_and_markdown_shows_it(formula_run):
    _, out = formula_run
    document = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert set(FORMULAS) <= {f[side]["text"] for f in document["findings"] for side in ("a", "b")}
    shown = _markdown_text((out / "report.md").read_text(encoding="utf-8"))
    assert all(text in shown for text in FORMULAS)  # no apostrophe, nothing lost to escaping


@pytest.fixture
def markdown_run(articles_dir, options, nli_only):
    (articles_dir / "feed.jsonl").write_text(json.dumps(MARKDOWN) + "\n", encoding="utf-8")
    result = factcheck.compare([str(p) for p in sorted(articles_dir.iterdir())], options)
    return result, report.render(result, "md")


def test_markdown_shows_article_markup_as_text(markdown_run):
    result, md = markdown_run
    feed = [n for n, a in enumerate(result.articles) if a.file == "feed.jsonl#1"][0]
    sentences = [s.text for s in result.sentences if s.article == feed]
    aligned = {s.text for f in result.findings for s in (f.a, f.b) if s.article == feed}
    assert f"{STORY[:-1]} {MARKUP}." in aligned, "the markup sentence must be quoted as a contradiction"
    page = lxml.html.fragment_fromstring(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md),
                                         create_parent="div")  # fmt: skip
    # Nothing from the article became markup: no script, HTML, link, code,
    # strikethrough, heading, list or nested quote.
    for markup in ("script", "b", "a", "img", "s", "ol", "h1[2]", "blockquote//blockquote"):
        assert not page.xpath(f"//{markup}"), markup
    assert not [c for c in page.xpath("//code") if "kode" in c.text_content()]
    assert not [e for e in page.xpath("//em | //strong") if "tebal" in e.text_content()]
    # Each sentence reads as it is, table cells included.
    text = page.text_content()
    assert all(sentence in text for sentence in sentences)
    claims, articles = (page.xpath(f"//table[{n}]/tbody/tr") for n in (1, 2))
    assert any(MARKDOWN["outlet"] in row.xpath("td")[1].text_content() for row in claims)
    assert MARKDOWN["outlet"] in [row.xpath("td")[1].text_content() for row in articles]


def _markdown_text(md: str) -> str:
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)
    return lxml.html.fragment_fromstring(html, create_parent="div").text_content()


def soffice() -> str:
    found = shutil.which("soffice")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice is not installed: .ci/run installs Debian's libreoffice-calc-nogui")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui); CI runs this test")
    return found


def test_libreoffice_evaluates_no_formula_from_the_csv(formula_run, tmp_path):
    _, out = formula_run
    # Comma-separated, double-quoted, UTF-8 (76), from row 1: how an editor's
    # import dialog reads the file, formulas evaluated (LibreOffice's default).
    done = subprocess.run(
        [soffice(), "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--infilter=CSV:44,34,76,1", "--convert-to", "fods", "--outdir", str(tmp_path / "sheet"),
         str(out / "discrepancies.csv")],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    sheet = tmp_path / "sheet" / "discrepancies.fods"
    assert done.returncode == 0 and sheet.exists(), done.stdout + done.stderr
    cells = _cells(sheet)
    assert not [c for c in cells if c["formula"]], "LibreOffice ran a formula from the CSV"
    frame = pd.read_csv(out / "discrepancies.csv", keep_default_na=False, dtype=str)
    shown = {c["text"] for c in cells}
    # Each hostile cell shows as the text it holds, apostrophe and all.
    assert {f"'{text}" for text in FORMULAS} | {f"'{OUTLET}"} <= shown
    assert set(frame["text_a"]) <= shown


def _cells(sheet) -> list[dict]:
    """Each non-empty cell of a flat ODF spreadsheet: its formula (None for
    a value) and the text it shows."""
    root = etree.parse(str(sheet)).getroot()
    table = root.nsmap["table"]
    cells = []
    for cell in root.iter(f"{{{table}}}table-cell"):
        text = "\n".join("".join(p.itertext()) for p in cell if etree.QName(p).localname == "p")
        if text or cell.get(f"{{{table}}}formula"):
            cells.append({"formula": cell.get(f"{{{table}}}formula"), "text": text})
    return cells
