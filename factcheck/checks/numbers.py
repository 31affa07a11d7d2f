"""Numbers and quantities in a sentence, and the ``number`` check.

Extraction finds, with character offsets: numerals in Indonesian and
English notation (11.000 / 11,000, 2,5 / 2.5), scale words (17 ribu,
1,45 juta, 2 million), number words (dua, tiga puluh, sebelas), vague
quantities (puluhan, ratusan, ribuan, dozens), qualifiers (lebih dari,
sekitar, hampir, at least), and ordinals (pertama, kedua, ke-3, first).
Each quantity becomes an interval [lo, hi] with the *head* it counts: the
unit or noun written after it (24 tahun -> tahun, 11.000 kontainer ->
kontainer), or, for ages ("berusia 70 tahun", "Kim, 39 tahun"), tahun@age;
a count whose noun is left out after a coordinator takes the noun of the
count before it ("killing six people and injuring 21": 21 people).
A money amount counts its currency, written before ("Rp 500 juta",
"Rp500 juta", "IDR", "US$ 2 juta", "$3 million"; lexicon
"numbers.currency_before") or after it ("500 juta rupiah", "2 juta dolar
AS"), so "Rp" = "rupiah" = "IDR" and "US$" = "USD" = "dolar", never one
another. A number with a scale word covers what rounds to it ("Rp 1,2
triliun" is about 1,15 to 1,25 triliun, so it agrees with "Rp
1.231.650.000.000"; "1,4 juta pemilih" with "1.402.118 pemilih"). An
amount's frame is only the word naming it just before ("denda", "uang pengganti",
"kerugian negara sebesar"; lexicon "numbers.amount_words" are skipped), so a
fine, a restitution and a state loss of one case are three amounts.
Dates and clock times are left to :mod:`factcheck.checks.dates`, but a
count dated in its own clause is of that period ("612 kasus pada Oktober"):
it is compared only with counts of a compatible period.

The check compares only quantities with the same head on both sides
("kontainer" = "container" across languages) whose clauses, in one
language, share a word other than the story's common ones ("12 warga
luka-luka" and "1.187 warga mengungsi" count different people), and flags
a pair only when a quantity on each side has comparable quantities on the
other but none compatible. A number after a denial ("membantah kabar ...
20 orang") or a demand ("jaksa menuntut ... denda Rp 750 juta", lexicon
"numbers.claims") is a claim, compared only with claims of its kind, up to
a contrast ("namun hakim memvonis ..."); an amount for each one ("Rp 50
juta bagi ahli waris setiap korban", "$5,000 each"; lexicon
"numbers.distributives") is a rate, compared only with rates, not with a
total; a total of numbers in its own sentence is not compared at all. Ordinals are compared only when both
count the same thing absolutely: "kunjungan kedua ... setelah berselang 24
tahun" and "kunjungan pertamanya ... dalam 24 tahun" count visits in
different ways and agree.
"Kedua" before a noun means "both" and is not a number.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from ..config import Options
from ..types import Article, Candidate, Signal
from .dates import compare_dates, extract_dates
from .lexicon import TOKEN_RE, alternation, fold, groups_of, load, stem, stopwords
from .roots import root
from .temporal import conflict


MONEY = ("rupiah", "usd")  # currency heads (lexicon units)


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
    frame: frozenset = frozenset()  # roots of the words around it in its clause: what it counts
    claim: str = ""  # "" a fact; else the claim it belongs to ("denied", "demanded"), compared only with its kind
    lang: str = "id"  # frames in two languages share no words, so only one language's are compared
    total: bool = False  # the sum of other quantities of its sentence (see _totals): not compared
    period: tuple = ()  # the months or years it is counted within (DateMention, see _period): "612 kasus pada Oktober"
    rate: bool = False  # an amount for each one ("Rp 50 juta bagi ahli waris setiap korban"): compared only with rates

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
    cur = alternation(n["currency_before"])
    return {
        # a currency written before the number ("Rp 500 juta", "Rp500", "US$ 2")
        # is what it counts, whatever word follows
        "num": re.compile(
            rf"(?:(?<![\w])({qual})\s+)?"
            rf"(?:(?<![\w])({cur})\s*|(?<![\w.,/:\-]))(\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:,\d{{3}})+|\d+(?:[.,]\d+)?)(?![\w/:]|[.,]\d)"
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


def _decimals(s: str, value: float) -> int:
    """Digits written after the decimal mark of numeral ``s`` read as ``value``."""
    if float(re.sub(r"[.,]", "", s)) == value:
        return 0
    return len(s) - max(s.rfind("."), s.rfind(",")) - 1


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
    dates = extract_dates(text, None, lang)
    periods = [d for d in dates if _counting_period(d)]
    blocked = [(d.start, d.end) for d in dates]
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
        s = m.start(1) if m.group(1) else m.start(2) if m.group(2) else m.start(3)
        if not free(m.start(3), m.end(3)):
            continue
        value = _parse_numeral(m.group(3), lang)
        if value is None:
            continue
        mult = n["multipliers"].get(fold(m.group(4))) if m.group(4) else None
        mult = mult if isinstance(mult, (int, float)) else 1
        digits = _decimals(m.group(3), value)
        value *= mult
        lo, hi = _interval(value, m.group(1))
        head = unit_of[fold(m.group(2)).rstrip(".")] if m.group(2) else _head_after(text, m.end())
        if mult > 1:
            # "Rp 1,2 triliun" or "1,4 juta pemilih" is any amount that rounds
            # to it, 1,15 to 1,25 triliun; a hair under half a unit, so that
            # "2 juta" and "3 juta" do not meet at 2,5 (which would be written so)
            tol = 0.49 * mult / 10**digits
            lo, hi = min(lo, value - tol), max(hi, value + tol)
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
    _share_elided_heads(text, out)
    totals = _totals(out)
    for i, q in enumerate(out):
        q.frame = _frame(text, q, blocked)
        q.period = _period(text, q, periods, out)
        q.claim = _claim_kind(text, q.start)
        q.rate = _is_rate(text, q)
        q.lang = lang
        q.total = i in totals
    return tuple(out)


# A count whose noun is left out after a coordinator ("killing six people
# and injuring 21", "menewaskan enam orang dan melukai 21"): at most this
# many words between the two.
ELIDED_GAP = 3
_COORDINATED = re.compile(r"^\s*,?\s*(?:and|or|dan|atau|serta)\s+(?:\w+\s+){0,%d}$" % ELIDED_GAP, re.I)


def _share_elided_heads(text: str, qs: list[Quantity]) -> None:
    """A cardinal without a noun right after a coordinated count of one
    takes that count's noun: "killing six people and injuring 21" counts 21
    people, so 21 is compared with "21 orang luka-luka" rather than the six
    being read against it. qs are in reading order."""
    for prev, q in zip(qs, qs[1:]):
        if not q.head and q.kind == "cardinal" and prev.head and prev.kind == "cardinal" and "@" not in prev.head:
            if _COORDINATED.match(text[prev.end : q.start]) or _COORDINATED.match(text[_head_end(text, prev) : q.start]):
                q.head = prev.head


def _head_end(text: str, q: Quantity) -> int:
    """Where the word after a quantity (its noun, usually) ends."""
    m = re.match(r"\s*\w+(?:-\w+)*", text[q.end :])
    return q.end + m.end() if m else q.end


# A clause ends at punctuation or a conjunction: "12 warga luka-luka, 1.187
# warga mengungsi" tells two counts, each with its own words.
_CLAUSE_END = re.compile(r"[,;:()\"“”]|(?<![\w])(?:dan|serta|sedangkan|sementara|tetapi|namun|and|while|but)(?![\w])", re.I)


# A comma before an apposition ("wilayah dengan kasus terbanyak, yakni 318
# kasus") goes on with the clause: what follows names what precedes.
_APPOSITION = re.compile(r"\s*(?:yakni|yaitu|namely)\b", re.I)


@lru_cache(maxsize=1024)
def _clause_bounds(text: str) -> tuple[list[int], list[int]]:
    """(ends, starts) of the sentence's clause boundaries, in order: found
    once per sentence, since a long one has many quantities to place."""
    bounds = [m for m in _CLAUSE_END.finditer(text) if not (m.group(0) == "," and _APPOSITION.match(text, m.end()))]
    return [m.end() for m in bounds], [m.start() for m in bounds]


def _clause(text: str, q: Quantity) -> tuple[int, int]:
    """Where the clause holding a quantity starts and ends."""
    after, before = _clause_bounds(text)
    i = bisect.bisect_right(after, q.start)  # boundaries ending at or before the quantity
    j = bisect.bisect_left(before, q.end)  # the first boundary starting at or after its end
    return (after[i - 1] if i else 0), (before[j] if j < len(before) else len(text))


# A fronted adverbial is a few words ("Sepanjang 2025,", "Sejak awal tahun
# ini,"); a longer opening before the comma is a clause of its own.
ADVERBIAL_WORDS = 4


def _period(text: str, q: Quantity, periods: list, quantities: list[Quantity]) -> tuple:
    """The month or year a quantity is counted within: those of its own
    clause, else those of a fronted adverbial that scopes over the sentence
    ("Sepanjang 2025, Dinas Kesehatan mencatat 1.406 kasus"; "In 2025, ...").
    A day or clock time tells when an event happened, which the date check
    compares, not a period of counting ("six killed on Saturday" is the
    count another outlet gives without the day), so ``periods`` holds the
    sentence's month- and year-level dates only (_counting_period)."""
    lo, hi = _clause(text, q)
    own = tuple(d for d in periods if lo <= d.start < hi)
    if own:
        return own
    comma = text.find(",")
    if comma < 0 or comma >= q.start or any(x.start < comma for x in quantities):
        return ()
    if len(TOKEN_RE.findall(text[:comma])) > ADVERBIAL_WORDS:
        return ()
    return tuple(d for d in periods if d.end <= comma)


def _is_rate(text: str, q: Quantity) -> bool:
    """Whether a distributive in its clause makes a quantity an amount for
    each one ("santunan Rp 50 juta bagi ahli waris setiap korban", "$5,000
    each"; lexicon "numbers.distributives"): a rate, not the total that
    another outlet gives ("total santunan Rp 300 juta")."""
    lo, hi = _clause(text, q)
    words = _distributives()
    return any(fold(m.group(0)) in words for m in TOKEN_RE.finditer(text, lo, hi))


@lru_cache(maxsize=1)
def _distributives() -> frozenset[str]:
    return frozenset(fold(w) for w in _tables()[0]["distributives"])


def _counting_period(d) -> bool:
    fields = d.fields()
    return bool(fields) and "day" not in fields and "weekday" not in fields and d.minutes is None


def _frame(text: str, q: Quantity, spans: list[tuple[int, int]], width: int = 6) -> frozenset:
    """Roots of up to ``width`` content words on each side of a quantity,
    within its clause: what the number says besides its unit ("tujuh orang
    meninggal" vs "tiga orang hilang"; "menuntut 11 tahun" vs "divonis 8 tahun").
    ``spans``: the sentence's quantities and dates, facts of their own."""
    lo, hi = _clause(text, q)
    sw, units, light = stopwords(), _tables()[1], _light_roots()

    def words(a: int, b: int) -> list[str]:
        out = []
        for m in TOKEN_RE.finditer(text, a, b):
            f = fold(m.group(0))
            if f in sw or f in units or f.isdigit() or any(s <= m.start() < e for s, e in spans):
                continue
            if stem(f.split("-")[0]) == q.head:  # the counted noun again ("Dari seluruh kasus, 318 kasus")
                continue
            if root(f) not in light:
                out.append(root(f))
        return out

    before, after = words(lo, q.start)[-width:], words(q.end, hi)[:width]
    if q.head in MONEY:
        # an amount is named by the word just before it ("denda Rp 500 juta",
        # "uang pengganti Rp 87,5 miliar", "kerugian negara sebesar ..."); the
        # words further off ("dihukum membayar") and after ("subsider") are
        # the case's, shared by its fine, restitution and loss
        before, after = [w for w in before if w not in _amount_roots()][-1:], []
    return frozenset(before + after) - {q.head, root(q.head)}  # the counted noun is no frame of itself


@lru_cache(maxsize=1)
def _amount_roots() -> frozenset[str]:
    # words that only say an amount follows ("sebesar", "senilai", "mencapai")
    return frozenset(root(fold(w)) for w in _tables()[0]["amount_words"])


@lru_cache(maxsize=1)
def _light_roots() -> frozenset[str]:
    # words that say nothing of what is counted ("sebanyak 12 warga", "mendapat")
    return frozenset(root(fold(w)) for w in load().raw["polarity"]["light_words"])


@lru_cache(maxsize=1)
def _claim_cues() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of the words opening a claim (group 1) or ending one, and
    each opening word's kind: a party's denial, a demand (lexicon
    "numbers.claims")."""
    raw = load().raw
    kind_of = groups_of({"denied": raw["polarity"]["denials"], **raw["numbers"]["claims"]})
    ends = alternation(raw["numbers"]["claim_ends"])
    return re.compile(rf"(?<![\w])(?:({alternation(kind_of)})(?:nya)?|{ends})(?![\w])", re.I), kind_of


def _claim_kind(text: str, start: int) -> str:
    """The claim a quantity at ``start`` belongs to: the kind of the last cue
    before it, unless a contrast came since ("jaksa menuntut 12 tahun, namun
    hakim memvonis 9 tahun": 9 is the outcome)."""
    pattern, kind_of = _claim_cues()
    kind = ""
    for m in pattern.finditer(text, 0, start):
        kind = kind_of[" ".join(fold(m.group(1)).split())] if m.group(1) else ""
    return kind


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


def different_counts(x: Quantity, y: Quantity) -> bool:
    """Two quantities of one head whose values cannot be one count."""
    return same_head(x.head, y.head) and not _compatible(x, y)


def _compatible(x: Quantity, y: Quantity) -> bool:
    return x.lo <= y.hi + 1e-9 and y.lo <= x.hi + 1e-9


def _comparable(x: Quantity, y: Quantity, common: frozenset = frozenset()) -> bool:
    if not same_head(x.head, y.head) or x.claim != y.claim or x.rate != y.rate:
        return False
    if x.lang == y.lang and not _same_frame(x, y, common):
        return False
    if (x.kind == "ordinal") != (y.kind == "ordinal"):
        return False
    if x.kind == "ordinal" and (x.relative or y.relative):
        return False
    return _same_period(x, y)


def _same_period(x: Quantity, y: Quantity) -> bool:
    """Whether two counts can be of one period. A count dated in its own
    clause ("612 kasus pada Oktober", "died on the roads in 2025") is of that
    period: not the same count as one of another period, nor as an undated
    one, which may be the total or another period ("2.148 kasus")."""
    if not (x.period or y.period):
        return True
    if not (x.period and y.period):
        return False
    return any(_one_period(u, v) for u in x.period for v in y.period)


def _one_period(u, v) -> bool:
    """A month is not its year ("2.148 kasus sepanjang 2025" against "612
    kasus pada Oktober 2025"), nor another month."""
    fu, fv = u.fields(), v.fields()
    return ("month" in fu) == ("month" in fv) and compare_dates(u, v) is True


def _same_frame(x: Quantity, y: Quantity, common: frozenset) -> bool:
    """Whether two quantities of one head count the same thing: their clauses
    share a word besides the story's common ones ("12 warga luka-luka" and
    "1.187 warga mengungsi" count different people), or neither has any."""
    fx, fy = x.frame - common, y.frame - common
    if not (fx or fy):
        return True
    # near roots too: Sastrawi takes "mengunjungi" to "unjung", "kunjungan" to "kunjung"
    return any(u == v or len(u) >= 5 and len(v) >= 5 and fuzz.ratio(u, v) >= 85 for u in fx for v in fy)


# A total's parts are among the amounts next to it (qs are in reading order):
# looking at all of them would cost the fourth power of a long sentence's
# amounts (a 10,000-character sentence of figures took minutes).
TOTAL_PARTS_NEAR = 6


def _totals(qs: list[Quantity]) -> set[int]:
    """Indexes of quantities that sum up others of the same sentence ("128
    rumah rusak, terdiri atas 43 rusak berat dan 85 rusak ringan"): a total
    is not a count to compare with one of its parts."""
    exact = [(i, q.lo) for i, q in enumerate(qs) if q.kind == "cardinal" and q.lo == q.hi]
    out = set()
    for k, (i, v) in enumerate(exact):
        near = exact[max(0, k - TOTAL_PARTS_NEAR) : k + TOTAL_PARTS_NEAR + 1]
        others = [w for j, w in near if j != i and w < v]
        if any(abs(sum(c) - v) < 1e-9 for n in range(2, min(len(others), 4) + 1) for c in combinations(others, n)):
            out.add(i)
    return out


def count_alike(qa: list[Quantity], qb: list[Quantity], common: frozenset = frozenset()) -> bool:
    """Whether a quantity of one list counts the same thing as one of the
    other (the test number_conflicts compares them by), totals left out."""
    return any(_comparable(x, y, common) for x in qa if not x.total for y in qb if not y.total)


def number_conflicts(
    qa: list[Quantity], qb: list[Quantity], common: frozenset = frozenset()
) -> list[tuple[Quantity, Quantity]]:
    """(quantity of a, quantity of b) pairs that cannot both be true.
    ``common``: the run's frequent words, no sign that two counts are one."""
    qa = [q for q in qa if not q.total]
    qb = [q for q in qb if not q.total]
    out = []
    for x in qa:
        comp = [y for y in qb if _comparable(x, y, common)]
        if not comp or any(_compatible(x, y) for y in comp):
            continue
        # the other side's quantity must be unmatched too
        for y in comp:
            back = [z for z in qa if _comparable(y, z, common)]
            if not any(_compatible(y, z) for z in back):
                out.append((x, y))
                break
    return out


def check_number(
    candidate: Candidate, articles: list[Article], options: Options, common: frozenset = frozenset()
) -> list[Signal]:
    """A quantity of the same thing that differs between two sentences."""
    a, b = candidate.a, candidate.b
    art_a, art_b = articles[a.article], articles[b.article]
    qa = extract_numbers(a.text, art_a.language)
    qb = extract_numbers(b.text, art_b.language)
    if not qa or not qb:
        return []
    found = number_conflicts(qa, qb, common)
    if not found:
        return []
    reasons = [
        f'number: "{x.value_text()}" in {art_a.file} vs "{y.value_text()}" in {art_b.file} ({x.head.split("@")[0]})'
        for x, y in found
    ]
    return [conflict("number", 0.85, "; ".join(dict.fromkeys(reasons)), art_a, art_b, options)]
