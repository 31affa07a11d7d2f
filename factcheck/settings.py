"""A desk's settings: ``factcheck.toml`` (or ``[tool.factcheck]`` in
``pyproject.toml``), found from the working folder upwards, then the command
line, merged into one ``Options`` that remembers where each value came from.

A key is an ``Options`` field spelt with dashes (``min-score`` sets
``min_score``). Every value is checked here, whichever source it came from,
so the file and the flags obey the same rules. Paths in a file are relative
to the file's folder, so a desk's config works from any subfolder.
"""

from __future__ import annotations

import difflib
import json
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from factcheck.config import CHECKS, PRECISIONS, Options

CONFIG_FILE = "factcheck.toml"
DEFAULT, COMMAND_LINE = "default", "command line"
DEFAULTS = Options()
# Every Options field but progress, which follows the terminal, not a desk.
FIELDS = [f.name for f in fields(Options) if f.name != "progress"]
PATHS = {"roster", "references", "waivers", "out"}
# A model is a built-in name, a hub name or a folder: a folder only if it exists.
MODELS = {"embedding_model", "nli_model"}
CHOICES = {
    "fail_on": ("contradiction", "none"),
    "formats": ("csv", "md", "json", "html", "sarif"),
    "precision": PRECISIONS,
    "disable_checks": CHECKS,
}
RANGES = {
    "min_score": (0, 1),
    "min_similarity": (-1, 1),
    "cross_language_margin": (0, 2),
    "contradiction_threshold": (0, 1),
    "cross_language_contradiction_threshold": (0, 1),
    "agreement_threshold": (0, 1),
    "attribution_overlap": (0, 1),
    "top_k": (1, None),
    "view_words": (1, None),
    "batch_size": (1, None),
    "min_sentence_chars": (0, None),
    "temporal_gap_days": (0, None),
    "time_tolerance_minutes": (0, None),
    "attribution_min_shared": (0, None),
    "story_distance": (0, 2),
    "story_window_days": (0, None),
    "lede_chars": (1, None),
    "claim_representatives": (1, None),
    "cross_claim_pairs": (0, None),
    "max_file_mb": (1, None),
    "max_article_chars": (1, None),
    "max_articles": (2, None),
}


class SettingsError(Exception):
    """A bad config file or value, in one line."""


@dataclass
class Effective:
    options: Options
    sources: dict[str, str]  # field -> "default", the config file's path or "command line"
    config: Path | None  # the file that was read, if any


def key(name: str) -> str:
    """The config key of an Options field."""
    return name.replace("_", "-")


def resolve(
    command_line: dict[str, object], start: Path | None = None, flags: dict[str, str] | None = None
) -> Effective:
    """Defaults, overridden by the config file found from ``start`` (the
    working folder) upwards, overridden by ``command_line`` (field -> value;
    ``flags`` names each field's flag in messages, default --field-name)."""
    values: dict[str, object] = {}
    sources = dict.fromkeys(FIELDS, DEFAULT)
    found = find_config(start or Path.cwd())
    if found:
        path, table = found
        values |= from_table(table, path)
        sources |= dict.fromkeys(values, str(path))
    for name, value in command_line.items():
        values[name] = check(name, value, (flags or {}).get(name, f"--{key(name)}"))
        sources[name] = COMMAND_LINE
    return Effective(replace(DEFAULTS, **values), sources, found[0] if found else None)


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest factcheck.toml, or pyproject.toml with a [tool.factcheck]
    table, in ``start`` or a folder above it, with its settings table."""
    for folder in [start.resolve(), *start.resolve().parents]:
        config = folder / CONFIG_FILE
        if config.is_file():
            return config, _read(config)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("factcheck")
            if table is not None:
                return pyproject, table
    return None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"{path}: cannot read it: {error}") from None


def from_table(table: dict, path: Path) -> dict[str, object]:
    """Field -> value for a config table, checked, paths made absolute."""
    values = {}
    for name, value in table.items():
        field = name.replace("-", "_")
        if field not in FIELDS or "_" in name:
            close = difflib.get_close_matches(key(field), [key(f) for f in FIELDS], n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise SettingsError(f"{path}: unknown key '{name}'{hint}")
        values[field] = _relative_to(path.parent, field, check(field, value, f"{path}: {name}"))
    return values


def _relative_to(folder: Path, field: str, value):
    if field in PATHS:
        if isinstance(value, list):
            return [str(folder / v) for v in value]
        return str(folder / value) if value and value != "-" else value
    if field in MODELS and (folder / value).exists():
        return str(folder / value)
    return value


def check(field: str, value, where: str):
    """``value`` if it suits the field (type, range, choices); else SettingsError."""
    default = getattr(DEFAULTS, field)
    kind = type(default)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SettingsError(f"{where}: expected {_KIND_NAMES[kind]}, got {value!r}")
    if kind is list and not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{where}: expected a list of strings, got {value!r}")
    if kind is dict and not all(isinstance(v, str) for v in value.values()):
        raise SettingsError(f"{where}: expected a table of strings, got {value!r}")
    allowed = CHOICES.get(field)
    unknown = [v for v in (value if kind is list else [value]) if v not in allowed] if allowed else []
    if unknown:
        raise SettingsError(f"{where}: {unknown[0]!r} is not one of {', '.join(allowed)}")
    low, high = RANGES.get(field, (None, None))
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise SettingsError(f"{where}: {value} is not {bounds}")
    return value


_KIND_NAMES = {
    str: "a string",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list of strings",
    dict: "a table",
}


def show(effective: Effective) -> str:
    """The effective settings as TOML, each with where it came from."""
    origin = str(effective.config) if effective.config else "no config file found"
    lines = [f"# factcheck settings: default < {origin} < command line"]
    rows = [(f"{key(f)} = {_toml(getattr(effective.options, f))}", effective.sources[f]) for f in FIELDS]
    width = max(len(row) for row, _ in rows)
    lines += [f"{row:<{width}}  # {source}" for row, source in rows]
    return "\n".join(lines) + "\n"


def _toml(value) -> str:
    """A TOML literal: strings, numbers, booleans and arrays are written as
    in JSON; a table inline."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)
