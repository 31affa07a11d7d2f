"""Numbers and quantities in a sentence, and the ``number`` check.

Extraction finds, with character offsets: numerals in Indonesian and
English notation (11.000 / 11,000, 2,5 / 2.5), scale words (17 ribu,
1,45 juta, 2 million), number words (dua, tiga puluh, sebelas), vague
quantities (puluhan, ratusan, ribuan, dozens), qualifiers (lebih dari,
sekitar, hampir, at least), and ordinals (pertama, kedua, ke-3, first).
Each quantity becomes an interval [lo, hi] with the *head* it counts: the
unit or noun written after it (24 tahun -> tahun, 11.000 kontainer ->
kontainer), or, for ages ("berusia 70 tahun", "Kim, 39 tahun"), tahun@age.
Dates and clock times are left to :mod:`factcheck.checks.dates`.

The check compares only quantities with the same head on both sides
("kontainer" = "container" across languages), and flags a pair only when
a quantity on each side has comparable quantities on the other but none
compatible. Ordinals are compared only when both count the same thing
absolutely: "kunjungan kedua ... setelah berselang 24 tahun" and "kunjungan
pertamanya ... dalam 24 tahun" count visits in different ways and agree.
"Kedua" before a noun means "both" and is not a number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..config import Options
from ..types import Article, Candidate, Signal
from .dates import extract_dates
from .lexicon import alternation, fold, load, stem, stopwords
from .temporal import conflict


@dataclass
class Quantity:
    text: str
    start: int
    end: int
    lo: float
    hi: float
    head: str  # canonical unit/noun, "" when none
    kind: str = "cardinal"  # "cardinal", "vague" or "ordinal"
    relative: bool = False  # ordinal counted within a period ("pertama dalam 24 tahun")

    def value_text(self) -> str:
        return " ".join(self.text.split())


@lru_cache(maxsize=1)
def _tables():
    n = load().raw["numbers"]
    unit_of = {}
    for canon, names in n["units"].items():
        for name in names:
            unit_of[fold(name)] = canon
    qual_of = {}
    for q, words in n["qualifiers"].items():
        for w in words:
            qual_of[" ".join(fold(w).split())] = q
    return n, unit_of, qual_of


@lru_cache(maxsize=1)
def _patterns():
    n, unit_of, qual_of = _tables()
    scale = alternation(n["multipliers"])
    words = alternation([w for w in n["words"] if w not in ("se", "one")])
    number_word_seq = rf"(?:{words})(?:\s+(?:{words}|belas|puluh|ratus|ribu|juta|miliar|milyar|triliun|hundred|thousand|million|billion))*"
    qual = alternation(qual_of)
    vague = alternation(n["vague"])
    ords = alternation(n["ordinals"])
    return {
        "num": re.compile(
            rf"(?:(?<![\w])({qual})\s+)?"
            rf"(?<![\w.,/:\-])(\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:,\d{{3}})+|\d+(?:[.,]\d+)?)(?![\w/:]|[.,]\d)"
            rf"(?:\s*({scale})(?![\w]))?",
            re.I,
        ),
        "word": re.compile(rf"(?:(?<![\w])({qual})\s+)?(?<![\w-])({number_word_seq})(?![\w-])", re.I),
        "vague": re.compile(rf"(?:(?<![\w])({qual})\s+)?(?<![\w-])({vague})(?![\w-])", re.I),
        "ord": re.compile(rf"(?<![\w-])(?:({ords})|ke-?(\d{{1,3}})|(\d{{1,3}})(?:st|nd|rd|th))(?![\w-])", re.I),
        "token": re.compile(r"[%$]|\w+(?:-\w+)*"),
    }


def _parse_numeral(s: str, lang: str) -> float:
    """11.000 / 11,000 / 2,5 / 2.5, read by the article's language: in
    Indonesian "." groups thousands and "," is the decimal mark; in English
    the other way round. Two separators or more always group thousands."""
    en = lang == "en"
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s) if en and s.count(".") == 1 else float(s.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s):
        return float(s.replace(",", ".")) if not en and s.count(",") == 1 else float(s.replace(",", ""))
    return float(s.replace(",", "."))


def _parse_words(s: str) -> float | None:
    n, _, _ = _tables()
    words = n["words"]
    mult = n["multipliers"]
    total, cur = 0.0, 0.0
    for tok in fold(s).split():
        if tok in words:
            cur += words[tok]
        elif tok == "belas":
            cur += 10
        elif tok in mult and isinstance(mult[tok], (int, float)):
            m = mult[tok]
            if m >= 1000:
                total += (cur or 1) * m
                cur = 0
            else:
                cur = (cur or 1) * m
        else:
            return None
    return total + cur


def _interval(value: float, qual: str | None) -> tuple[float, float]:
    q = _tables()[2].get(" ".join(fold(qual).split())) if qual else None
    if q == "at_least":
        return value, math.inf
    if q == "at_most":
        return 0.0, value
    if q == "approx":
        return value * 0.85, value * 1.15
    return value, value


def _head_after(text: str, end: int) -> str:
    """The unit or noun a quantity counts: the first content word after it."""
    _, unit_of, _ = _tables()
    sw = stopwords()
    tail = text[end : end + 60]
    for m in _patterns()["token"].finditer(tail):
        tok = m.group(0)
        f = fold(tok)
        if m.start() > 0 and re.search(r"[,.;:()\"“”]", tail[: m.start()]):
            return ""
        if f in unit_of:
            return unit_of[f]
        if f in sw or f in ("buah", "unit", "ekor", "orang-orang", "of", "lebih", "more", "kurang"):
            if f == "orang":
                return "orang"
            continue
        if tok.isdigit():
            return ""
        return stem(f.split("-")[0])
    return ""


def _word_before(text: str, start: int) -> str:
    m = re.search(r"(\w+)\W*$", text[:start])
    return fold(m.group(1)) if m else ""


def _is_age(text: str, start: int, head: str) -> bool:
    if head != "tahun":
        return False
    n, _, _ = _tables()
    before = fold(text[max(0, start - 25) : start])
    if any(re.search(rf"(?<![\w]){re.escape(fold(c))}\s*$", before) for c in n["age_cues"]):
        return True
    # "Kim, 39 tahun," : a name, a comma, the age
    return bool(re.search(r"[A-Z][\w-]+,\s*$", text[max(0, start - 30) : start]))


def _period_relative(text: str) -> bool:
    """Whether ordinals in this sentence count within a period: "pertama
    dalam 24 tahun", "kedua setelah berselang 24 tahun", "first in 24 years"."""
    n, unit_of, _ = _tables()
    quals = alternation(n["period_qualifiers"])
    units = alternation([k for k, v in unit_of.items() if v in ("tahun", "bulan", "minggu", "hari", "jam")])
    return bool(
        re.search(rf"(?<![\w])(?:{quals})(?:\s+\w+){{0,2}}\s+(?:\d+|\w+)\s+(?:{units})(?![\w])", text, re.I)
        or re.search(rf"(?<![\w])(?:sejak|since)\s+(?:tahun\s+)?\d{{4}}", text, re.I)
    )


@lru_cache(maxsize=8192)
def _extract(text: str, lang: str) -> tuple[Quantity, ...]:
    p = _patterns()
    n, unit_of, _ = _tables()
    blocked = [(d.start, d.end) for d in extract_dates(text, None, lang)]
    out: list[Quantity] = []

    def free(s, e):
        return all(e <= a or s >= b for a, b in blocked)

    def add(q: Quantity):
        out.append(q)
        blocked.append((q.start, q.end))

    for m in p["vague"].finditer(text):
        if not free(m.start(2), m.end(2)):
            continue
        lo, hi = n["vague"][" ".join(fold(m.group(2)).split())]
        head = _head_after(text, m.end())
        add(Quantity(m.group(0), m.start(), m.end(), lo, hi, head, "vague"))
    for m in p["num"].finditer(text):
        s = m.start(1) if m.group(1) else m.start(2)
        if not free(m.start(2), m.end(2)):
            continue
        value = _parse_numeral(m.group(2), lang)
        if value is None:
            continue
        if m.group(3):
            mult = n["multipliers"].get(fold(m.group(3)))
            if isinstance(mult, (int, float)):
                value *= mult
        lo, hi = _interval(value, m.group(1))
        head = _head_after(text, m.end())
        if _is_age(text, s, head):
            head = "tahun@age"
        add(Quantity(m.group(0), s, m.end(), lo, hi, head))
    for m in p["word"].finditer(text):
        if not free(m.start(2), m.end(2)):
            continue
        if _word_before(text, m.start(2)) in ("salah", "nomor", "number", "no"):  # "salah satu" = one of
            continue
        value = _parse_words(m.group(2))
        if value is None:
            continue
        lo, hi = _interval(value, m.group(1))
        head = _head_after(text, m.end())
        if _is_age(text, m.start(), head):
            head = "tahun@age"
        add(Quantity(m.group(0), m.start(1) if m.group(1) else m.start(2), m.end(), lo, hi, head))
    relative = _period_relative(text)
    sw = stopwords()
    for m in p["ord"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        word = fold(m.group(1)) if m.group(1) else ""
        value = n["ordinals"].get(word) if word else int(m.group(2) or m.group(3))
        if value is None:
            continue
        prev = _word_before(text, m.start())
        after = text[m.end() : m.end() + 12]
        if re.match(r"\s*kali", after, re.I):
            head = "kali"
        elif word in n["ordinal_as_both"]:
            # "(hubungan) kedua negara" = both countries; "kunjungan kedua
            # Putin" = second visit: an ordinal only before a name, a
            # function word or punctuation
            nxt = re.match(r"\s*(\w+)", after)
            if nxt and nxt.group(1)[0].islower() and fold(nxt.group(1)) not in sw:
                continue
            if not prev or prev in sw and prev not in ("yang",):
                continue
            head = "" if prev == "yang" else stem(prev)
        elif lang == "en" or word in ("first", "second", "third") or m.group(3):
            head = _head_after(text, m.end())
        else:
            head = "" if (not prev or prev in sw) else stem(prev)
        if prev == "yang" or not head:
            # "kunjungannya yang pertama": the noun before "yang"
            mm = re.search(r"(\w+)\s+yang\s*$", text[: m.start()])
            head = stem(fold(mm.group(1))) if mm else head
        if not head:
            continue
        add(Quantity(m.group(0), m.start(), m.end(), value, value, head, "ordinal", relative))
    out.sort(key=lambda q: q.start)
    return tuple(out)


def extract_numbers(text: str, lang: str = "id") -> list[Quantity]:
    """Quantities of a sentence (offsets relative to text)."""
    return list(_extract(text, lang))


# ------------------------------------------------------------ comparison


def same_head(h1: str, h2: str) -> bool:
    if not h1 or not h2:
        return False
    if h1 == h2:
        return True
    if "@" in h1 or "@" in h2:
        return False
    return len(h1) >= 5 and len(h2) >= 5 and fuzz.ratio(h1, h2) >= 80


def _compatible(x: Quantity, y: Quantity) -> bool:
    return x.lo <= y.hi + 1e-9 and y.lo <= x.hi + 1e-9


def _comparable(x: Quantity, y: Quantity) -> bool:
    if not same_head(x.head, y.head):
        return False
    if (x.kind == "ordinal") != (y.kind == "ordinal"):
        return False
    if x.kind == "ordinal" and (x.relative or y.relative):
        return False
    return True


def number_conflicts(qa: list[Quantity], qb: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """(quantity of a, quantity of b) pairs that cannot both be true."""
    out = []
    for x in qa:
        comp = [y for y in qb if _comparable(x, y)]
        if not comp or any(_compatible(x, y) for y in comp):
            continue
        # the other side's quantity must be unmatched too
        for y in comp:
            back = [z for z in qa if _comparable(y, z)]
            if not any(_compatible(y, z) for z in back):
                out.append((x, y))
                break
    return out


def check_number(candidate: Candidate, articles: list[Article], options: Options) -> list[Signal]:
    """A quantity of the same thing that differs between two aligned sentences."""
    a, b = candidate.a, candidate.b
    art_a, art_b = articles[a.article], articles[b.article]
    qa = extract_numbers(a.text, art_a.language)
    qb = extract_numbers(b.text, art_b.language)
    if not qa or not qb:
        return []
    found = number_conflicts(qa, qb)
    if not found:
        return []
    reasons = [
        f'number: "{x.value_text()}" in {art_a.file} vs "{y.value_text()}" in {art_b.file} ({x.head.split("@")[0]})'
        for x, y in found
    ]
    return [conflict("number", 0.85, "; ".join(dict.fromkeys(reasons)), art_a, art_b, options)]
