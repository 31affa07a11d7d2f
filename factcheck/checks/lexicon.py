"""The data the claim checks run on, loaded once from the files of ``lang/``.

Everything language-specific (role words, institutions, number words, month
names, speech verbs...) lives in those files; the code only compiles it into
regular expressions and lookup tables. ``lang/<code>.json`` holds one
language's words (``id.json``, ``en.json``); ``lang/common.json`` holds what
no language owns: the ids, labels and families the other files' words point
to, codes (ISO countries, time zones, currencies), and names written the same
in every language (Jakarta, NATO, Pentagon). It sits in the same folder, with
the same nested shape, so that one rule merges every file and an entry moves
between files without changing any code. To support a new language, add a
``lang/<code>.json`` of the same shape; to add a phrase, put it in the file
of its language.

The files are deep-merged (see ``merge``): common first, then the languages
in the order of their codes; dicts merge key by key, lists are concatenated
with repeats dropped, and a scalar (a label, a number word's value) set
twice must agree.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LANG = Path(__file__).parent / "lang"
COMMON = "common"


# Letters of a word, including accented ones; apostrophes and hyphens inside.
WORD = r"[^\W\d_](?:[^\W_]|['’\-](?=[^\W\d_]))*"


def fold(text: str) -> str:
    """Casefolded, accents stripped, typographic quotes/dashes made plain."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-").casefold()


def alternation(words) -> str:
    """A bare regex alternation of words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def groups_of(section: dict) -> dict[str, str]:
    """Folded word -> its group, for a lexicon section of {group: [words]}
    (keys that start with "_" are notes)."""
    return {fold(w): group for group, words in section.items() if not group.startswith("_") for w in words}


def phrase_pattern(phrases, exact_case_short: bool = True) -> str:
    """One alternation of phrases, longest first, on word boundaries. Short
    all-caps entries (AS, US, UN, PM) only match in capitals, so that the
    English words "as", "us" and "un-" never do."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p).replace(r"\ ", r"\s+")
        if exact_case_short and (p.isupper() or "." in p) and len(p) <= 5:
            esc = f"(?-i:{esc})"
        parts.append(esc)
    return r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])" if parts else r"(?!x)x"


@dataclass
class Lexicon:
    raw: dict
    country_of: dict[str, str] = field(default_factory=dict)  # folded phrase -> country code
    inst_of: dict[str, str] = field(default_factory=dict)  # folded phrase -> institution id
    itype_of: dict[str, str] = field(default_factory=dict)  # folded phrase -> institution type
    role_of: dict[str, str] = field(default_factory=dict)  # folded phrase -> role kind
    modifier_of: dict[str, str] = field(default_factory=dict)  # folded phrase -> former/deputy/designate
    chain_re: re.Pattern | None = None  # any of the above
    nick: dict[str, set[str]] = field(default_factory=dict)

    # -- helpers -------------------------------------------------------
    def role(self, kind: str) -> dict:
        return self.raw["roles"][kind]

    def institution(self, inst: str) -> dict:
        return self.raw["institutions"][inst]

    def inst_label(self, inst: str | None) -> str:
        return self.raw["institutions"][inst]["label"] if inst else ""

    def country_label(self, c: str | None) -> str:
        return self.raw["countries"][c]["label"] if c else ""

    def institution_for(self, country: str | None, itype: str | None) -> str | None:
        """The named institution of this country and type, if one is listed
        (us + foreign_ministry -> us_state_department)."""
        if not itype:
            return None
        for key, inst in self.raw["institutions"].items():
            if inst["type"] == itype and inst.get("country") == country and country:
                return key
        return None

    def type_ancestors(self, itype: str | None) -> set[str]:
        out = set()
        types = self.raw["institution_types"]
        while itype and itype not in out:
            out.add(itype)
            itype = types.get(itype, {}).get("parent_type")
        return out

    def inst_ancestors(self, inst: str | None) -> set[str]:
        out = set()
        while inst and inst not in out:
            out.add(inst)
            inst = self.raw["institutions"].get(inst, {}).get("parent")
        return out

    def families_compatible(self, f1: str, f2: str) -> bool:
        if f1 == f2:
            return True
        return [f1, f2] in self.raw["compatible_families"] or [f2, f1] in self.raw["compatible_families"]

    def nicknames(self, first: str) -> set[str]:
        return self.nick.get(first, set())


def lang_files(folder: Path = LANG) -> list[Path]:
    """The lexicon's files in merge order: common first, then the languages by code."""
    return sorted(folder.glob("*.json"), key=lambda f: (f.stem != COMMON, f.stem))


def _merge_into(into: dict, new: dict, where: str) -> None:
    for key, value in new.items():
        at = f"{where}.{key}" if where else key
        if key not in into:
            into[key] = value
        elif isinstance(into[key], dict) and isinstance(value, dict):
            _merge_into(into[key], value, at)
        elif isinstance(into[key], list) and isinstance(value, list):
            # lists of lists (compatible_families) are compared as data, not by identity
            into[key] += [v for v in value if v not in into[key]]
        elif into[key] != value:
            raise ValueError(f"lexicon: {at} is {into[key]!r} in one file and {value!r} in another")


def merge(folder: Path = LANG) -> dict:
    """The lexicon of every file in ``folder``, deep-merged (see the module docstring)."""
    raw: dict = {}
    for f in lang_files(folder):
        _merge_into(raw, json.loads(f.read_text(encoding="utf-8")), "")
    return raw


def build(raw: dict) -> Lexicon:
    """The lookup tables and patterns of a merged lexicon."""
    lx = Lexicon(raw=raw)
    chain_phrases = []
    for code, c in raw["countries"].items():
        for n in c["names"]:
            lx.country_of[fold(n)] = code
            chain_phrases.append(n)
    for key, inst in raw["institutions"].items():
        for n in inst["names"]:
            lx.inst_of[fold(n)] = key
            chain_phrases.append(n)
    for key, t in raw["institution_types"].items():
        for n in t["names"]:
            lx.itype_of[fold(n)] = key
            chain_phrases.append(n)
    for key, r in raw["roles"].items():
        for n in r["names"]:
            lx.role_of[fold(n)] = key
            chain_phrases.append(n)
    for key, names in raw["role_modifiers"].items():
        for n in names:
            lx.modifier_of[fold(n)] = key
            chain_phrases.append(n)
    lx.chain_re = re.compile(phrase_pattern(chain_phrases), re.I)
    # nicknames both ways: patrick <-> pat
    for full, nicks in raw["nicknames"].items():
        group = {full, *nicks}
        for n in group:
            lx.nick.setdefault(n, set()).update(group - {n})
    return lx


@lru_cache(maxsize=1)
def load() -> Lexicon:
    return build(merge())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(load().raw["stopwords"])


TOKEN_RE = re.compile(r"\w+(?:[-']\w+)*", re.U)
_SUFFIXES = ("nya", "lah", "kah", "pun")


def stem(token: str) -> str:
    """A light stem for overlap counting: folded, Indonesian clitics and
    English plural -s dropped. Not a morphological analyser."""
    t = fold(token)
    for suf in _SUFFIXES:
        if t.endswith(suf) and len(t) > len(suf) + (3 if suf == "nya" else 4):
            t = t[: -len(suf)]
            break
    if t.endswith("s") and len(t) > 4 and not t.endswith("ss"):
        t = t[:-1]
    return t


def content_tokens(text: str) -> list[str]:
    """Stems of the content words of a text (stopwords and digits dropped)."""
    sw = stopwords()
    out = []
    for m in TOKEN_RE.finditer(text):
        w = m.group(0)
        if w.isdigit():
            continue
        for part in w.split("-"):
            s = stem(part)
            if len(s) > 1 and s not in sw:
                out.append(s)
    return out


@lru_cache(maxsize=1)
def hedge_words() -> frozenset[str]:
    """Words that make what follows a plan or a possibility, not an event
    ("akan", "diperkirakan", "bisa", "will"), and conditions ("jika", "if")."""
    raw = load().raw["polarity"]
    return frozenset(fold(w) for w in raw["hedges"] + raw["conditions"])


def hedged(text: str) -> bool:
    """Whether a sentence tells a plan, a possibility or a condition."""
    hedges = hedge_words()
    # "May" capitalised is the month: "on May 19" tells an event.
    return any(fold(m.group(0)) in hedges and m.group(0) != "May" for m in TOKEN_RE.finditer(text))
