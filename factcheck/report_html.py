"""``report.html``: the report for a browser, in one self-contained file.

Contradictions come first, the two sentences side by side with the values
they conflict on highlighted; filters by verdict, category, outlet and
waived status. The page fetches nothing: styles and the small filter script
are inline, and its Content-Security-Policy allows no other source, so even
a mistake in escaping could not run a script or load an image.

Articles are untrusted input: every piece of their text goes through
``html.escape``. Without JavaScript the page is complete, only unfiltered.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from html import escape

from factcheck import __version__
from factcheck.facts import Span, conflicting_spans, wrapped
from factcheck.pipeline import VERDICTS, Result
from factcheck.types import Finding, Sentence

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem; color: #1d1d1f; }
h1 { font-size: 1.5rem; margin: .2rem 0 .6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.summary { display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; padding: 0; list-style: none; }
.failed { color: #b00020; font-weight: 600; } .passed { color: #1b6e20; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .45rem; text-align: left; vertical-align: top; }
th { background: #f4f4f6; position: sticky; top: 0; }
td.side { width: 34%; } .where { color: #555; font-size: .85em; margin-bottom: .2rem; }
.verdict { border-radius: 3px; color: #fff; font-size: .8em; font-weight: 600; padding: 0 .35rem; }
.contradiction .verdict, .contradicted { background: #b00020; } .agreement .verdict, .supported { background: #1b6e20; }
.neutral .verdict, .unsupported { background: #6b6b76; }
.status { border-radius: 3px; color: #fff; font-size: .8em; font-weight: 600; padding: 0 .35rem; }
tr.contradiction td:first-child { border-left: 4px solid #b00020; }
mark { background: #ffd54f; border-radius: 2px; padding: 0 1px; }
.waived { background: #fff8e1; } .waiver { color: #6d4c00; font-size: .9em; margin-top: .3rem; }
code { font-size: .85em; } #filters { background: #f4f4f6; border-radius: 4px; margin: 1rem 0; padding: .5rem .8rem; }
#filters label { margin-right: 1rem; white-space: nowrap; } .why { font-size: .9em; }
"""

# Shows the filters (hidden without JavaScript) and applies them to the rows.
SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  function apply() {
    var checked = form.querySelectorAll("input[name=verdict]:checked");
    var verdicts = Array.prototype.map.call(checked, function (i) { return i.value; });
    var category = form.elements.category.value, outlet = form.elements.outlet.value;
    var waived = form.elements.waived.value;
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var ok = verdicts.indexOf(d.verdict) >= 0
        && (!category || d.category.split("+").indexOf(category) >= 0)
        && (!outlet || JSON.parse(d.outlets).indexOf(outlet) >= 0)
        && (!waived || d.waived === waived);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    document.getElementById("shown").textContent = shown + " of " + rows.length + " findings shown";
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  apply();
})();
"""


def render_html(result: Result) -> str:
    title = "factcheck report"
    if result.draft:
        title = f"factcheck draft check: {result.articles[result.draft.article].file}"
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'"
    body = [
        f"<h1>{escape(title)}</h1>",
        _summary(result),
        _stale(result),
        _draft(result),
        _filters(result),
        _findings(result),
        _articles(result),
        f"<p class=where>factcheck {escape(__version__)} · models: "
        + ", ".join(f"{escape(role)} <code>{escape(name)}</code>" for role, name in result.models.items())
        + "</p>",
    ]
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            *[part for part in body if part],
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _summary(result: Result) -> str:
    s = result.summary()
    items = [
        f"{s['articles']} articles" + (f" + {s['references']} trusted references" if s["references"] else ""),
        f"{s['sentences']} sentences",
        f"{s['contradictions']} contradictions",
        f"{s['agreements']} agreements",
        f"{s['neutral']} neutral",
    ]
    if result.draft:
        counts = result.draft.counts()
        items += [f"draft: {n} {status}" for status, n in counts.items()]
    if s["waived"] or s["stale_waivers"]:
        items.append(f"{s['waived']} waived, {s['stale_waivers']} stale waivers")
    if result.options.fail_on == "none":
        gate = "<li>gate: not gated (fail on: none)</li>"
    elif result.failing():
        n = len(result.failing())
        gate = f"<li class=failed>gate: FAILED ({n} finding{'s' if n > 1 else ''})</li>"
    else:
        gate = "<li class=passed>gate: passed</li>"
    return "<ul class=summary>" + "".join(f"<li>{escape(item)}</li>" for item in items) + gate + "</ul>"


def _stale(result: Result) -> str:
    if not (result.waivers and result.waivers.stale):
        return ""
    items = "".join(
        f"<li><code>{escape(w.id)}</code> ({escape(w.by or 'unknown')}, {escape(w.date)}): {escape(w.reason)}</li>"
        for w in result.waivers.stale
    )
    return (
        f"<h2>Stale waivers</h2><p>These waivers in <code>{escape(result.waivers.file)}</code> match no finding "
        f"of this run: remove them once you have checked.</p><ul>{items}</ul>"
    )


def _draft(result: Result) -> str:
    if not result.draft:
        return ""
    rows = []
    for d in result.draft.sentences:
        links = []
        for verdict, label in (("contradiction", "contradicted by"), ("agreement", "agrees"), ("neutral", "related")):
            found = [
                f'<a href="#f-{escape(f.finding_id)}">{escape(result.articles[other.article].file)}</a>'
                for f, other in d.against(verdict)
            ]
            if found:
                links.append(f"{label}: {', '.join(found)}")
        facts = ", ".join(escape(f"{fact.kind}: {fact.text}") for fact in d.facts) if d.status == "unsupported" else ""
        rows.append(
            f"<tr><td>{d.sentence.index + 1}</td><td>{escape(d.sentence.text)}</td>"
            f"<td><span class='status {d.status}'>{d.status}</span></td>"
            f"<td>{'<br>'.join(links) or 'no source carries it'}"
            + (f"<div class=waiver>to source: {facts}</div>" if facts else "")
            + "</td></tr>"
        )
    return (
        "<h2>The draft, sentence by sentence</h2><table><thead><tr><th>#</th><th>draft sentence</th>"
        "<th>status</th><th>sources</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _filters(result: Result) -> str:
    categories = sorted({c for f in result.findings for c in f.category.split("+")})
    outlets = sorted({a.outlet or a.file for a in result.articles})
    verdicts = "".join(
        f"<label><input type=checkbox name=verdict value={v} checked> {v}</label>" for v in VERDICTS
    )
    return (
        "<form id=filters hidden>"
        + verdicts
        + _select("category", "all categories", categories)
        + _select("outlet", "all outlets", outlets)
        + _select("waived", "waived or not", ["yes", "no"])
        + " <span id=shown></span></form>"
    )


def _select(name: str, everything: str, values: Iterable[str]) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
    return f'<label>{name} <select name={name}><option value="">{everything}</option>{options}</select></label>'


def _findings(result: Result) -> str:
    if not result.findings:
        return "<h2>Findings</h2><p>No sentences were paired across articles.</p>"
    rows = "".join(_finding(result, f) for f in result.findings)
    return (
        "<h2>Findings</h2><p>Contradictions first; the values they turn on are highlighted.</p>"
        "<table><thead><tr><th>verdict</th><th>one side</th><th>the other side</th><th>why</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _finding(result: Result, f: Finding) -> str:
    spans = conflicting_spans(f, result.articles, result.options) if f.verdict == "contradiction" else ([], [])
    sides = [(f.a, spans[0]), (f.b, spans[1])]
    if result.draft and f.b.article == result.draft.article:
        sides.reverse()  # the draft on the left
    waiver = result.waiver(f)
    outlets = [result.articles[s.article].outlet or result.articles[s.article].file for s in (f.a, f.b)]
    why = f"<div class=why>{escape(f.why)}</div>"
    if f.reference:
        why += f"<div class=where>reference: {escape(f.reference)}</div>"
    if waiver:
        by = f" by {waiver.by}" if waiver.by else ""
        why += f"<div class=waiver><b>Waived</b>{escape(by)} on {escape(waiver.date)}: {escape(waiver.reason)}</div>"
    return (
        f'<tr id="f-{escape(f.finding_id)}" class="finding {f.verdict}{" waived" if waiver else ""}" '
        f'data-verdict="{f.verdict}" data-category="{escape(f.category)}" '
        f'data-outlets="{escape(json.dumps(outlets))}" data-waived="{"yes" if waiver else "no"}">'
        f"<td><span class=verdict>{f.verdict}</span> {f.score:.2f}<br><code>{escape(f.finding_id)}</code>"
        f"<div class=where>{escape(f.category)}</div></td>"
        + "".join(_side(result, s, marks) for s, marks in sides)
        + f"<td>{why}</td></tr>"
    )


def _side(result: Result, s: Sentence, marks: list[Span]) -> str:
    article = result.articles[s.article]
    when = f", {article.date.isoformat()}" if article.date else ""
    where = f"{article.outlet or article.file}{when} · {article.file}, sentence {s.index + 1}"
    return f"<td class=side><div class=where>{escape(where)}</div>{_marked(s.text, marks)}</td>"


def _marked(text: str, spans: list[Span]) -> str:
    """``text`` escaped, with ``spans`` (sorted) wrapped in <mark>."""
    return wrapped(text, spans, "<mark>", "</mark>", escape)


def _articles(result: Result) -> str:
    kept = Counter(s.article for s in result.sentences)
    rows = "".join(
        f"<tr><td><code>{escape(a.file)}</code></td><td>{escape(a.outlet)}</td>"
        f"<td>{escape(a.date.isoformat() if a.date else 'unknown')}</td><td>{kept[n]}</td>"
        f"<td>{len(a.dropped)}</td></tr>"
        for n, a in enumerate(result.articles)
    )
    return (
        "<h2>Articles</h2><table><thead><tr><th>file</th><th>outlet</th><th>date</th><th>sentences</th>"
        f"<th>dropped as noise</th></tr></thead><tbody>{rows}</tbody></table>"
    )
