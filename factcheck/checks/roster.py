"""A roster: who held which role when (``--roster FILE.csv``).

Format (UTF-8 CSV with a header row)::

    person,role,valid_from,valid_to
    Patrick Ryder,Pentagon press secretary,2022-08-26,2025-01-20
    Andrei Belousov,Menteri Pertahanan Rusia,2024-05-14,

* ``person``: the person's full name in any common spelling (name variants
  and nicknames are matched: Pat Ryder, Sergey Lavrov, Kim Jong-un);
* ``role``: the role in any language the role lexicon
  (``factcheck/checks/lang/``) knows, with its institution or
  country ("State Department spokesperson", "Juru bicara Gedung Putih");
* ``valid_from`` / ``valid_to``: ISO dates (YYYY-MM-DD), inclusive; empty
  means open (since always / still in office).

Extra columns (e.g. ``note``) are allowed and ignored. A person may have
several rows (successive or simultaneous roles).

Inside a run the roster becomes a synthetic reference :class:`Article`
(``is_reference=True``, ``outlet="roster"``, ``file`` = the CSV's base name)
whose text has one line per row, rendered as
``Patrick Ryder — Pentagon press secretary (2022-08-26 – 2025-01-20)``; each
line is one :class:`Sentence`, so a roster conflict is an ordinary finding
whose ``b`` side is the roster row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass
from functools import lru_cache

from ..types import Article, InputError, Sentence
from .people import Role, parse_role

ROSTER_OUTLET = "roster"
REQUIRED = ("person", "role", "valid_from", "valid_to")


@dataclass
class RosterRow:
    person: str
    role_text: str
    role: Role
    valid_from: dt.date | None
    valid_to: dt.date | None
    line: int

    def valid_at(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def period(self) -> str:
        a = self.valid_from.isoformat() if self.valid_from else "…"
        b = self.valid_to.isoformat() if self.valid_to else "present"
        return f"{a} – {b}"

    def render(self) -> str:
        return f"{self.person} — {self.role_text} ({self.period()})"


@dataclass
class Roster:
    path: str
    file: str
    rows: list[RosterRow]


def _date(value: str, path: str, line: int, column: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(path, f"line {line}: {column} {value!r} is not a date (YYYY-MM-DD or empty)") from None


def parse_roster(text: str, path: str) -> Roster:
    """Validate and parse roster CSV text; InputError (one line) on any problem."""
    if not text.strip():
        raise InputError(path, "roster is empty")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as e:
        raise InputError(path, f"roster is not a CSV file ({e})") from None
    cols = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        raise InputError(path, f"roster header lacks column(s) {', '.join(missing)} (need {','.join(REQUIRED)})")
    idx = {c: cols.index(c) for c in REQUIRED}
    rows = []
    try:
        for line, rec in enumerate(reader, start=2):
            if not any(x.strip() for x in rec):
                continue
            if len(rec) < len(cols):
                rec = rec + [""] * (len(cols) - len(rec))
            person = rec[idx["person"]].strip()
            role_text = rec[idx["role"]].strip()
            if not person:
                raise InputError(path, f"line {line}: person is empty")
            if not role_text:
                raise InputError(path, f"line {line}: role is empty")
            role = parse_role(role_text)
            if role is None or role.kind is None:
                raise InputError(
                    path, f"line {line}: role {role_text!r} is not in the role lexicon (factcheck/checks/lang/)"
                )
            start = _date(rec[idx["valid_from"]], path, line, "valid_from")
            end = _date(rec[idx["valid_to"]], path, line, "valid_to")
            if start and end and end < start:
                raise InputError(path, f"line {line}: valid_to {end} is before valid_from {start}")
            rows.append(RosterRow(person, role_text, role, start, end, line))
    except csv.Error as e:
        raise InputError(path, f"roster is not valid CSV ({e})") from None
    if not rows:
        raise InputError(path, "roster has a header but no rows")
    return Roster(path=path, file=os.path.basename(path), rows=rows)


def load_roster(path: str) -> Roster:
    """Read and validate a roster file (cached per path and modification time)."""
    if not os.path.exists(path):
        raise InputError(path, "roster file does not exist")
    if os.path.isdir(path):
        raise InputError(path, "roster is a directory, not a CSV file")
    return _load(path, os.path.getmtime(path))


@lru_cache(maxsize=16)
def _load(path: str, _mtime: float) -> Roster:
    try:
        text = open(path, encoding="utf-8-sig").read()
    except UnicodeDecodeError:
        raise InputError(path, "roster is not UTF-8 text") from None
    return parse_roster(text, path)


def roster_article(roster: Roster) -> Article:
    """The roster as a synthetic reference article, one row per line."""
    text = "\n".join(r.render() for r in roster.rows)
    return Article(
        file=roster.file,
        path=roster.path,
        outlet=ROSTER_OUTLET,
        text=text,
        title=f"roster {roster.file}",
        language="en",
        is_reference=True,
    )


def roster_sentences(article: Article, article_index: int) -> list[Sentence]:
    """One Sentence per roster line of a roster article."""
    out, pos = [], 0
    for i, line in enumerate(article.text.split("\n")):
        out.append(Sentence(article=article_index, index=i, start=pos, end=pos + len(line), text=line))
        pos += len(line) + 1
    return out


def is_roster_article(article: Article) -> bool:
    return article.is_reference and article.outlet == ROSTER_OUTLET
