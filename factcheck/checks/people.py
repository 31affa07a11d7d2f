"""People in text: names, the roles and affiliations written next to them,
and whether two written names are the same person.

A *role chain* is a run of lexicon phrases (role words, institutions,
institution types, countries, modifiers such as "mantan"/"former") joined by
spaces or connectors ("untuk", "of", "'s"), written right before a name
("Juru bicara Kementerian Luar Negeri AS Patrick Ryder", "Pentagon press
secretary Pat Ryder") or after it as an apposition ("Pat Ryder, the
Pentagon press secretary,"). The chain is resolved to a :class:`Role`:
a kind (spokesperson, defence_minister...), its family, and an affiliation
(a named institution such as us_state_department, or a country and
institution type). Names are compared with rapidfuzz and a nickname table,
so "Sergey"/"Sergei", "Pat"/"Patrick", "Kim Jong Un"/"Kim Jong-un" and the
typo "Vladmiri" match, while "Kim Jong Un"/"Kim Jong Il" do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import fold, load

# ---------------------------------------------------------------- names

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’]|[-‑](?=\w))*\.?", re.U)


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a name; hyphens split ("Jong-un" -> jong, un)."""
    return [t for t in re.split(r"[\s\-‑.]+", fold(name)) if t]


def _tok_eq(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if len(a) <= 3 or len(b) <= 3:
        return False
    return fuzz.ratio(a, b) >= threshold


def _given_eq(a: str, b: str) -> bool:
    if a == b:
        return True
    lx = load()
    if b in lx.nicknames(a) or a in lx.nicknames(b):
        return True
    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True  # initial
    return _tok_eq(a, b, 80)


@lru_cache(maxsize=65536)
def same_person(a: str, b: str) -> bool:
    """Whether two full names (two tokens or more each) name one person.

    Tolerates transliteration and typos in given names (Sergey/Sergei,
    Vladmiri/Vladimir), nicknames (Pat/Patrick), hyphenation (Kim Jong-un),
    but the family name must match closely (Ryder != Rider)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        return False
    if len(ta) == len(tb):
        # Same shape: every token must agree; given names leniently.
        if not _tok_eq(ta[-1], tb[-1], 88) and not (ta[0] == tb[0] and len(ta) > 2):
            return False
        return all(
            _given_eq(x, y) if i < len(ta) - 1 else _tok_eq(x, y, 88) for i, (x, y) in enumerate(zip(ta, tb))
        )
    # Different number of tokens: "Kim Jong Un" / "Kim Jongun", or a middle
    # name present on one side only ("Antony J. Blinken").
    if "".join(ta) == "".join(tb):
        return True
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return _tok_eq(short[-1], long_[-1], 88) and _given_eq(short[0], long_[0]) and len(short) >= 2


def surname_matches(single: str, full: str) -> bool:
    """A one-word mention ("Ryder", "Lavrov") against a full name."""
    s = name_tokens(single)
    f = name_tokens(full)
    if len(s) != 1 or len(f) < 2:
        return False
    return _tok_eq(s[0], f[-1], 88)


# ---------------------------------------------------------------- roles


@dataclass
class Role:
    kind: str | None = None  # key of lexicon "roles" (None: affiliation only)
    family: str | None = None
    generic: bool = True
    itype: str | None = None  # institution type of the affiliation/portfolio
    inst: str | None = None  # named institution (us_state_department...)
    country: str | None = None
    former: bool = False
    deputy: bool = False
    designate: bool = False
    text: str = ""  # the chain as written

    @property
    def specific(self) -> bool:
        return self.kind is not None and not self.generic

    def canonical(self) -> str:
        """A short English description: "spokesperson, US State Department"."""
        lx = load()
        parts = []
        if self.kind:
            label = lx.role(self.kind)["label"]
            if self.deputy:
                label = "deputy " + label
            if self.former:
                label = "former " + label
            parts.append(label)
        if self.inst:
            parts.append(lx.inst_label(self.inst))
        else:
            where = " ".join(
                x
                for x in (
                    lx.country_label(self.country),
                    lx.raw["institution_types"].get(self.itype or "", {}).get("label", "")
                    if self.itype and self.itype != (lx.role(self.kind).get("type") if self.kind else None)
                    else "",
                )
                if x
            )
            if where:
                parts.append(where)
        return ", ".join(parts)

    def describe(self) -> str:
        canon = self.canonical()
        text = " ".join(self.text.split())
        if canon and fold(canon) != fold(text):
            return f'"{text}" ({canon})'
        return f'"{text}"'

    def office_key(self) -> tuple | None:
        """Key of a single-holder office ("defence minister of Russia"), or
        None when the office can have several holders or is unclear."""
        lx = load()
        if not self.specific or self.former or self.deputy or self.designate:
            return None
        if self.family not in lx.raw["single_holder_families"]:
            return None
        where = self.inst or self.country
        if self.family == "minister" and not self.itype:
            return None
        return (self.family, self.itype if self.family == "minister" else None, where)


def _chain_items(text: str):
    """Lexicon phrases in text as (start, end, kind, key)."""
    lx = load()
    out = []
    for m in lx.chain_re.finditer(text):
        f = fold(m.group(0))
        f = " ".join(f.split())
        if f in lx.inst_of:
            out.append((m.start(), m.end(), "inst", lx.inst_of[f]))
        elif f in lx.role_of:
            out.append((m.start(), m.end(), "role", lx.role_of[f]))
        elif f in lx.itype_of:
            out.append((m.start(), m.end(), "itype", lx.itype_of[f]))
        elif f in lx.modifier_of:
            out.append((m.start(), m.end(), "mod", lx.modifier_of[f]))
        elif f in lx.country_of:
            out.append((m.start(), m.end(), "country", lx.country_of[f]))
    return out


@lru_cache(maxsize=1)
def _glue_re() -> re.Pattern:
    lx = load()
    words = lx.raw["chain_connectors"] + lx.raw["chain_fillers"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:[ \t]+|[ \t]*(?:{alt})(?![\w])[ \t]*)*$", re.I)


def _host_re() -> re.Pattern:
    lx = load()
    alt = "|".join(re.escape(w) for w in lx.raw["chain_host_connectors"])
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])", re.I)


def _chains(text: str, items):
    """Group adjacent items into chains: lists of items."""
    glue = _glue_re()
    chains, cur = [], []
    for it in items:
        between = text[cur[-1][1] : it[0]] if cur else ""
        plain = bool(cur) and between.strip(" \t") == ""
        # joined by a word ("untuk", "of"): only once the chain has a role or
        # institution, so "Rusia di Ukraina Presiden" is not one chain
        if cur and (plain or (glue.match(between) and any(i[2] in ("role", "inst", "itype") for i in cur))):
            cur.append(it)
        else:
            if cur:
                chains.append(cur)
            cur = [it]
    if cur:
        chains.append(cur)
    return chains


def role_from_items(text: str, chain) -> Role | None:
    """Resolve a chain of lexicon items to one Role."""
    lx = load()
    host = _host_re()
    role = Role(text=text[chain[0][0] : chain[-1][1]])
    kinds = []
    after_host = False
    pending_mod: str | None = None
    country_after = False
    prev_end = chain[0][0]
    for start, end, kind, key in chain:
        if host.search(text[prev_end:start]):
            after_host = True
        prev_end = end
        if kind == "mod":
            pending_mod = key
            if key == "former":
                role.former = True
            continue
        if kind == "role":
            r = lx.role(key)
            kinds.append((key, r, pending_mod))
            if r.get("country") and not role.country:
                role.country = r["country"]
        elif kind == "inst":
            inst = lx.institution(key)
            # "untuk NATO" still names the affiliation of a spokesperson
            role.inst = role.inst or key
            if inst.get("country") and not role.country:
                role.country = inst["country"]
        elif kind == "itype":
            role.itype = role.itype or key
        elif kind == "country" and not after_host:
            # Indonesian puts the country after the role ("Presiden Rusia"),
            # English before it ("Russian President"): after wins.
            if kinds or not role.country:
                role.country = key if kinds and not country_after else (role.country or key)
                country_after = country_after or bool(kinds)
        pending_mod = None
    if kinds:
        specific = [k for k in kinds if not k[1].get("generic")]
        key, r, mod = (specific or kinds)[-1]
        role.kind, role.family, role.generic = key, r["family"], bool(r.get("generic"))
        if mod == "deputy":
            role.deputy = True
            role.family = "deputy_" + role.family
        if mod == "designate":
            role.designate = True
        if r.get("type"):
            role.itype = r["type"]  # a minister's portfolio
    elif not (role.inst or role.itype):
        return None
    if role.inst:
        inst = lx.institution(role.inst)
        if not (role.kind and lx.role(role.kind).get("type")):
            role.itype = inst["type"]
        if not role.country:
            role.country = inst.get("country")
    if not role.inst and role.itype and role.country:
        role.inst = lx.institution_for(role.country, role.itype)
    return role


def parse_role(text: str) -> Role | None:
    """The role described by a free text ("Pentagon press secretary",
    "Menteri Pertahanan Rusia"), e.g. a roster's role column."""
    items = _chain_items(text)
    if not items:
        return None
    chains = _chains(text, items)
    best = max(chains, key=lambda c: (any(i[2] == "role" for i in c), len(c)))
    return role_from_items(text, best)


def roles_conflict(r1: Role, r2: Role) -> str | None:
    """Why two roles cannot both describe one person at one time, or None.

    Precision first: former/designate titles, generic words (leader,
    official, military ranks) and dual roles listed as compatible never
    conflict on the kind of role; affiliations conflict only when both are
    known and neither contains the other."""
    lx = load()
    if r1.former or r2.former or r1.designate or r2.designate:
        return None
    if r1.country and r2.country and r1.country != r2.country:
        return "country"
    if r1.specific and r2.specific and not lx.families_compatible(r1.family, r2.family):
        return "role"
    # affiliations
    if r1.inst and r2.inst:
        a1, a2 = lx.inst_ancestors(r1.inst), lx.inst_ancestors(r2.inst)
        if r1.inst not in a2 and r2.inst not in a1:
            if r1.specific and r2.specific and r1.family == r2.family == "minister":
                pass  # portfolios compared below
            elif r1.specific or r2.specific:
                return "affiliation"
    if r1.itype and r2.itype and (r1.specific and r2.specific):
        t1, t2 = lx.type_ancestors(r1.itype), lx.type_ancestors(r2.itype)
        if r1.itype not in t2 and r2.itype not in t1:
            return "affiliation" if r1.family == r2.family and r1.family != "minister" else "role"
    return None


# ---------------------------------------------------------------- mentions


@dataclass
class PersonMention:
    name: str
    start: int  # span of the name in the text it was found in
    end: int
    role: Role | None = None
    role_start: int = -1
    role_end: int = -1
    key: str = ""  # filled by the run's PersonIndex: canonical full name

    @property
    def full(self) -> bool:
        return len(name_tokens(self.name)) >= 2


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    lx = load()
    words = set(lx.raw["not_names"]) | {p for p in lx.raw["places"] if not p.startswith("_")}
    for m in lx.raw["dates"]["months"].values():
        words.update(w.capitalize() for w in m)
    for m in lx.raw["dates"]["weekdays"].values():
        words.update(w.capitalize() for w in m)
    return frozenset(words)


def _is_name_token(tok: str) -> bool:
    if not tok[:1].isupper():
        return False
    core = tok.rstrip(".")
    if core in _not_names():
        return False
    if len(core) >= 2 and core.isupper() and "-" not in core:
        return False  # acronyms: KCNA, NATO, CNBC
    return True


def name_at(text: str, pos: int, blocked: list[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The span of a person-like name (1-4 capitalised words) starting at
    pos (after optional spaces), or None."""
    lx = load()
    particles = set(lx.raw["name_particles"])
    i = pos
    while i < len(text) and text[i] in " \t":
        i += 1
    start = i
    end = None
    count = 0
    for m in _TOKEN.finditer(text, i):
        if m.start() != i:
            break
        tok = m.group(0)
        if any(b0 <= m.start() < b1 for b0, b1 in blocked):
            break
        if tok.endswith(".") and len(tok) > 3 and _is_name_token(tok[:-1]):
            count += 1
            end = m.end() - 1  # "Blinken." at the end of a sentence
            break
        if _is_name_token(tok) and (not tok.endswith(".") or len(tok) <= 3):
            count += 1
            end = m.end()
        elif tok in particles and count:
            pass
        else:
            break
        if count >= 4:
            break
        # continue only over one space
        j = m.end()
        if j < len(text) and text[j] == " ":
            i = j + 1
        else:
            break
    if end is None:
        return None
    return (start, end)


def name_before(text: str, pos: int) -> tuple[int, int] | None:
    """The span of a name (1-4 capitalised words) ending right before pos."""
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    toks = []
    for m in _TOKEN.finditer(text[max(0, j - 80) : j]):
        toks.append((m.start() + max(0, j - 80), m.end() + max(0, j - 80), m.group(0)))
    if not toks or toks[-1][1] != j:
        return None
    start = None
    k = len(toks) - 1
    count = 0
    while k >= 0 and count < 4:
        s, e, tok = toks[k]
        if not _is_name_token(tok):
            break
        if start is not None and text[e:start] != " ":
            break
        start = s
        count += 1
        k -= 1
    if start is None:
        return None
    return (start, j)


_APPOS_RE = re.compile(r"^\s*,\s*(?:(?:the|a|an|seorang|yang merupakan|selaku|sebagai|yang juga|yang menjabat sebagai)\s+)?", re.I)


@lru_cache(maxsize=4096)
def extract_people(text: str) -> tuple[PersonMention, ...]:
    """Names in text with the role chain written next to them, if any.
    Names without a chain are kept (role None) for coreference."""
    items = _chain_items(text)
    chains = _chains(text, items)
    blocked = [(i[0], i[1]) for i in items]
    out: list[PersonMention] = []
    taken: set[tuple[int, int]] = set()
    for chain in chains:
        if not any(i[2] in ("role", "inst", "itype") for i in chain):
            continue
        cend = chain[-1][1]
        after = text[cend : cend + 3]
        gap = 1 if after.startswith(", ") else 0
        span = name_at(text, cend + gap, blocked)
        has_role = any(i[2] == "role" for i in chain)
        if span and has_role:
            role = role_from_items(text, chain)
            name = text[span[0] : span[1]]
            out.append(PersonMention(name, span[0], span[1], role, chain[0][0], cend))
            taken.add(span)
            continue
        # apposition: "Pat Ryder, the Pentagon press secretary"
        if has_role:
            before = text[max(0, chain[0][0] - 40) : chain[0][0]]
            m = None
            for m in re.finditer(r",\s*(?:(?:the|a|an|seorang|yang merupakan|selaku|sebagai|yang juga)\s+)?$", before, re.I):
                pass
            if m:
                comma = chain[0][0] - (len(before) - m.start())
                nspan = name_before(text, comma)
                if nspan and nspan not in taken:
                    role = role_from_items(text, chain)
                    out.append(PersonMention(text[nspan[0] : nspan[1]], nspan[0], nspan[1], role, chain[0][0], cend))
                    taken.add(nspan)
    # bare full names (two capitalised words or more), for coreference
    for m in re.finditer(r"(?<![\w])[^\W\d_]", text):
        if not m.group(0).isupper():
            continue
        if any(s <= m.start() < e for s, e in taken) or any(b0 <= m.start() < b1 for b0, b1 in blocked):
            continue
        if m.start() > 0 and text[m.start() - 1] not in " \t\n“\"'(‘":
            continue
        span = name_at(text, m.start(), blocked)
        if not span or _title_case_line(text, m.start()):
            continue
        name = text[span[0] : span[1]]
        if len(name_tokens(name)) >= 2:
            taken.add(span)
            out.append(PersonMention(name, span[0], span[1]))
    out.sort(key=lambda p: p.start)
    return tuple(out)


def _title_case_line(text: str, pos: int) -> bool:
    """Whether pos lies in a headline-like line (most words capitalised),
    where capitalised words are no evidence of a name."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    line = text[ls : le if le >= 0 else len(text)]
    words = re.findall(r"[^\W\d_]+", line)
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) > 0.6


def mentions_in(text: str, start: int, end: int) -> list[PersonMention]:
    """People of text (an article) whose name lies within [start, end)."""
    return [p for p in extract_people(text) if start <= p.start and p.end <= end]


# ---------------------------------------------------------------- identity


@dataclass
class PersonIndex:
    """Clusters the full names of a run into persons (name variants)."""

    keys: dict[str, str] = field(default_factory=dict)  # written name -> key

    def add(self, name: str) -> str:
        if name in self.keys:
            return self.keys[name]
        if len(name_tokens(name)) < 2:
            return ""
        for other, key in self.keys.items():
            if same_person(name, other):
                self.keys[name] = key
                return key
        self.keys[name] = name
        return name

    def resolve(self, name: str, context: list[str] = ()) -> str:
        """Key of a written name; a single word is resolved through full
        names in context (same article) first, then through the run, and only
        when unambiguous."""
        if len(name_tokens(name)) >= 2:
            return self.add(name)
        for pool in (context, list(self.keys)):
            hits = {self.keys.get(f) or self.add(f) for f in pool if surname_matches(name, f)}
            hits.discard("")
            if len(hits) == 1:
                return hits.pop()
            if len(hits) > 1:
                return ""
        return ""
