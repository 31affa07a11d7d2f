"""Waivers: findings an editor reviewed and accepted, so they stop gating.

They live in a plain TOML file beside the articles (``factcheck-waivers.toml``),
one table per finding, so a desk can review them in a diff::

    [[waiver]]
    id = "3f1c0a9b2e77"
    reason = "Kompas corrected the time in its update; we follow the update"
    by = "rina"
    date = 2024-06-21

A waived finding is still reported, marked with its reason; it never fails
the gate. A waiver whose finding no longer occurs is stale: reported, so the
file does not silently fill with waivers nothing needs.

``add`` rewrites the file with tomlkit, which keeps comments, key order and
keys it does not know, then renames it into place: a desk's file is never
half written and nothing in it is lost.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.atomic import write_atomic
from factcheck.config import Options
from factcheck.types import Article, InputError

FILE_NAME = "factcheck-waivers.toml"
ID_RE = re.compile(r"[0-9a-f]{12}(-[0-9]+)?")
HEADER = (
    "# Findings reviewed and accepted: they are still reported, but never fail the gate.\n"
    "# Add one with: factcheck waive FINDING_ID --reason TEXT\n"
)


class WaiverError(InputError):
    """A waiver file that cannot be read or written (exit 2, like bad input)."""


@dataclass
class Waiver:
    id: str
    reason: str
    by: str = ""
    date: str = ""  # ISO date the finding was waived


@dataclass
class Waivers:
    """The waivers of one run: which findings they cover, which are stale."""

    file: str  # the waiver file read (it may not exist yet)
    applied: dict[str, Waiver] = field(default_factory=dict)  # finding_id -> its waiver
    stale: list[Waiver] = field(default_factory=list)


def path_for(articles: list[Article], options: Options, focus: int | None = None) -> Path | None:
    """The run's waiver file: ``options.waivers``, else factcheck-waivers.toml
    beside the articles: in the draft's folder when one article is the focus
    (``factcheck check``), else in the innermost folder holding them all.
    None for articles that came from no file."""
    if options.waivers:
        return Path(options.waivers)
    chosen = [articles[focus]] if focus is not None else [a for a in articles if not a.is_reference]
    paths = [a.path for a in chosen if a.path]
    if not paths:
        return None
    folder = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
    relative = os.path.relpath(folder)  # shorter in reports and commands, when below the working folder
    return Path(folder if relative.startswith("..") else relative) / FILE_NAME


def load(path: str | os.PathLike) -> list[Waiver]:
    """The waivers in ``path``; none if it does not exist yet."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise WaiverError(str(path), f"cannot read it: {error}") from None
    tables = document.get("waiver", [])
    if not isinstance(tables, list):
        raise WaiverError(str(path), "'waiver' must be tables written [[waiver]]")
    waivers = []
    for n, table in enumerate(tables, 1):
        if not (isinstance(table, dict) and isinstance(table.get("id"), str) and isinstance(table.get("reason"), str)):
            raise WaiverError(str(path), f"waiver {n} needs an id and a reason")
        waivers.append(Waiver(table["id"], table["reason"], str(table.get("by", "")), str(table.get("date", ""))))
    return waivers


def match(waivers: list[Waiver], finding_ids: set[str], file: str) -> Waivers:
    return Waivers(
        file=file,
        applied={w.id: w for w in waivers if w.id in finding_ids},
        stale=[w for w in waivers if w.id not in finding_ids],
    )


def add(path: str | os.PathLike, waiver: Waiver) -> str:
    """Record ``waiver`` in ``path`` (created if missing), replacing the
    reason, reviewer and date of an earlier waiver of the same finding.
    Returns "added" or "updated"."""
    import tomlkit  # only the waive command writes TOML

    if not ID_RE.fullmatch(waiver.id):
        raise WaiverError(waiver.id, "not a finding id (12 hex digits, as in the report's finding_id column)")
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        document = tomlkit.parse(text)
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as error:
        raise WaiverError(str(path), f"cannot read it, so it is left as it is: {error}") from None
    tables = document.get("waiver", [])
    if not isinstance(tables, list):
        raise WaiverError(str(path), "'waiver' must be tables written [[waiver]]; the file is left as it is")
    values = {"reason": waiver.reason, "by": waiver.by, "date": dt.date.fromisoformat(waiver.date)}
    existing = next((t for t in tables if t.get("id") == waiver.id), None)
    if existing is None:
        # Appended as text, so the rest of the file stays byte for byte.
        block = tomlkit.dumps({"waiver": [{"id": waiver.id} | values]})
        text = (text.rstrip("\n") + "\n\n" if text.strip() else HEADER + "\n") + block
    else:
        existing.update(values)
        text = tomlkit.dumps(document)
    try:
        tomllib.loads(text)  # e.g. [[waiver]] after an inline `waiver = [...]`
    except tomllib.TOMLDecodeError as error:
        raise WaiverError(str(path), f"cannot add to it, so it is left as it is: {error}") from None
    try:
        write_atomic(path, text)
    except OSError as error:
        raise WaiverError(str(path), f"cannot write it: {error.strerror or error}") from None
    return "added" if existing is None else "updated"
