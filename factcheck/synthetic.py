"""Synthetic NLI pairs that teach and test the model to notice factual edits.

FactCC-style (Kryściński et al. 2020): a sentence from a news-like corpus is
edited in one fact (a contradiction), rewritten harmlessly (an entailment),
or paired with a version that adds an unsupported detail (a neutral). The
same code makes the training pairs (from IndoNLI train) and the held-out
benchmark (from IndoNLI val), so the two never share a sentence.

Everything is deterministic given the seed. Word lists live in
``checks/data/synthetic.json``, not in code.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import sentencex

from .checks.lexicon import alternation, load
from .checks.people import extract_people

DATA = Path(__file__).parent / "checks" / "data" / "synthetic.json"

# Edit types, in the order the benchmark reports them.
EDITS = ("number", "year", "date", "time", "weekday", "negation", "antonym", "person", "place", "organisation", "role", "speaker")
# The edit types an editor cares about, as the benchmark reports them.
EDIT_TYPES = {
    "number": "number", "year": "date/time", "date": "date/time", "time": "date/time", "weekday": "weekday",
    "negation": "negation", "antonym": "antonym", "person": "entity", "place": "entity",
    "organisation": "entity", "role": "role", "speaker": "speaker",
}
REWRITES = ("synonym", "drop_clause", "number_form", "reorder", "identity")


@dataclass(frozen=True)
class SyntheticPair:
    premise: str
    hypothesis: str
    label: str  # "e", "n" or "c", as in IndoNLI
    kind: str  # an edit type for "c", a rewrite for "e", "added_detail"/"same_topic" for "n"
    source: int  # index of the source sentence, so held-out splits can be checked
    control: bool = False  # the unedited twin of an edited benchmark pair

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _word_re(words: Iterable[str]) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.I)


def _match_case(template: str, word: str) -> str:
    if word[:1].isupper():  # a proper noun keeps its own spelling
        return word
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


# ---------------------------------------------------------------- sentences

def news_sentences(texts: Iterable[str], min_words: int = 7, max_words: int = 40) -> list[str]:
    """Unique sentences of a useful length from paragraphs, in first-seen order."""
    seen: dict[str, None] = {}
    for text in texts:
        for piece in sentencex.segment("id", text):
            sentence = " ".join(piece.split())
            if min_words <= len(sentence.split()) <= max_words and sentence[:1].isupper() and sentence[-1:] in ".!?\"”":
                seen.setdefault(sentence, None)
    return list(seen)


# ---------------------------------------------------------------- edits (contradictions)

NUMBER_RE = re.compile(r"(?<![\w.,/:-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w/:-]|[.,]\d)")
YEAR_RE = re.compile(r"(?<![\w.,/-])(19[5-9]\d|20[0-3]\d)(?![\w/-]|[.,]\d)")
TIME_RE = re.compile(r"(?i)\b(pukul|jam)\s+(\d{1,2})(?:([.:])(\d{2}))?")


def _fmt_int(value: int, dotted: bool) -> str:
    return f"{value:,}".replace(",", ".") if dotted else str(value)


def edit_number(s: str, rng: random.Random) -> str | None:
    spans = [m for m in NUMBER_RE.finditer(s) if not YEAR_RE.fullmatch(m.group(0)) and not _in_time(s, m.start())]
    words = [m for m in _word_re(_words()["number_words"]).finditer(s)]
    if not spans and not words:
        return None
    pick = rng.choice(spans + words)
    if pick in words:
        options = [w for w in _words()["number_words"] if w.lower() != pick.group(0).lower()]
        return _replace(s, pick.start(), pick.end(), _match_case(pick.group(0), rng.choice(options)))
    whole = int(pick.group(1).replace(".", ""))
    if whole < 13:
        new = rng.choice([v for v in range(1, 16) if v != whole])
    else:
        new = round(whole * rng.choice([0.4, 0.5, 0.6, 0.75, 1.3, 1.5, 2, 3]))
        if new == whole:
            new = whole + 1
        # Keep the magnitude's look: 1.500 stays a round number.
        zeros = len(str(whole)) - len(str(whole).rstrip("0"))
        new = max(1, round(new, -zeros)) if zeros else new
        if new == whole:
            new = whole * 2
    text = _fmt_int(new, "." in pick.group(1))
    if pick.group(2):
        text += "," + pick.group(2)
    return _replace(s, pick.start(), pick.end(), text)


def _in_time(s: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in TIME_RE.finditer(s))


def edit_year(s: str, rng: random.Random) -> str | None:
    spans = list(YEAR_RE.finditer(s))
    if not spans:
        return None
    pick = rng.choice(spans)
    shift = rng.choice([-12, -7, -5, -3, -2, -1, 1, 2, 3, 5, 8])
    return _replace(s, pick.start(), pick.end(), str(int(pick.group(0)) + shift))


def _months_re() -> re.Pattern:
    return _word_re(_words()["months"])


def edit_date(s: str, rng: random.Random) -> str | None:
    day = re.search(rf"(?<![\w.,/])(\d{{1,2}})\s+(?={_months_re().pattern})", s, re.I)
    if day and rng.random() < 0.5:
        value = int(day.group(1))
        new = rng.choice([d for d in range(1, 29) if abs(d - value) >= 2])
        return _replace(s, day.start(1), day.end(1), str(new))
    month = _months_re().search(s)
    if not month:
        return None
    options = [m for m in _words()["months"] if m.lower() != month.group(0).lower()]
    return _replace(s, month.start(), month.end(), _match_case(month.group(0), rng.choice(options)))


def edit_time(s: str, rng: random.Random) -> str | None:
    m = TIME_RE.search(s)
    if not m:
        return None
    hour = (int(m.group(2)) + rng.choice([3, 4, 5, 6, 7, 8, 9])) % 24
    text = f"{m.group(1)} {hour:02d}" if m.group(3) else f"{m.group(1)} {hour}"
    if m.group(3):
        text += m.group(3) + m.group(4)
    return _replace(s, m.start(), m.end(), text)


def _swap_from_list(s: str, words: list[str], rng: random.Random) -> str | None:
    m = _word_re(words).search(s)
    if not m:
        return None
    options = [w for w in words if w.lower() != m.group(0).lower()]
    return _replace(s, m.start(), m.end(), _match_case(m.group(0), rng.choice(options)))


def edit_weekday(s: str, rng: random.Random) -> str | None:
    return _swap_from_list(s, _words()["weekdays"], rng)


NEGATORS_RE = re.compile(r"(?i)(?<![\w-])(tidak|tak|belum|bukan)\s+")
VERB_RE = re.compile(r"(?<![\w-])(?:me|ber|di)[a-z]{4,}(?![\w-])")


def edit_negation(s: str, rng: random.Random) -> str | None:
    existing = NEGATORS_RE.search(s)
    if existing:
        # Dropping the only negation flips the claim.
        return _replace(s, existing.start(), existing.end(), "")
    for word, negated in (("telah", "belum"), ("sudah", "belum"), ("adalah", "bukan"), ("merupakan", "bukan merupakan"), ("akan", "tidak akan"), ("bisa", "tidak bisa"), ("dapat", "tidak dapat")):
        m = re.search(rf"(?<![\w-]){word}(?![\w-])", s)
        if m:
            return _replace(s, m.start(), m.end(), negated)
    not_verbs = set(_words()["not_verbs"])
    verbs = [m for m in VERB_RE.finditer(s) if m.start() > 0 and m.group(0).lower() not in not_verbs]
    if not verbs:
        return None
    verb = verbs[0]
    return _replace(s, verb.start(), verb.start(), "tidak ")


def edit_antonym(s: str, rng: random.Random) -> str | None:
    pairs = _words()["antonyms"]
    table = {a.lower(): b for a, b in pairs} | {b.lower(): a for a, b in pairs}
    hits = list(_word_re(table).finditer(s))
    if not hits:
        return None
    m = rng.choice(hits)
    return _replace(s, m.start(), m.end(), _match_case(m.group(0), table[m.group(0).lower()]))


def _people(s: str, common: frozenset[str] = frozenset()) -> list:
    """Full person names. A token that the corpus also uses as an ordinary
    lower-case word ("kota", "akut") marks a place, body or term, not a person."""
    not_names = set(_words()["not_name_words"])
    return [
        p for p in extract_people(s)
        if len(p.name.split()) >= 2
        and not any(w.strip(".,") in not_names or w.isupper() or w.lower() in common for w in p.name.split())
    ]


def edit_person(s: str, rng: random.Random, pools: "Pools") -> str | None:
    people = _people(s, pools.common)
    if not people:
        return None
    person = rng.choice(people)
    options = [name for name in pools.people if name not in s and name.split()[-1] not in person.name]
    return _replace(s, person.start, person.end, rng.choice(options)) if options else None


def edit_place(s: str, rng: random.Random) -> str | None:
    """A city, region or country swapped for another of the same kind."""
    for group in rng.sample(list(_words()["places"].values()), len(_words()["places"])):
        out = _swap_from_list(s, group, rng)
        if out:
            return out
    return None


def edit_organisation(s: str, rng: random.Random) -> str | None:
    return _swap_from_list(s, _words()["organisations"], rng)


def edit_role(s: str, rng: random.Random) -> str | None:
    roles = _words()["roles"]
    hits = list(_word_re(roles).finditer(s))
    if not hits:
        return None
    m = max(hits, key=lambda h: len(h.group(0)))
    options = [r for r in roles if r.lower() not in m.group(0).lower() and m.group(0).lower() not in r.lower()]
    return _replace(s, m.start(), m.end(), _match_case(m.group(0), rng.choice(options)))


def edit_speaker(s: str, rng: random.Random, pools: "Pools") -> str | None:
    """Swap the person a statement is attributed to ("kata X", "X mengatakan")."""
    verbs = load().raw["speech_verbs"]
    before_name = re.compile(rf"(?:{alternation(verbs['after_quote'] + verbs['according_to'])})\s+$", re.I)
    after_name = re.compile(rf"\s*(?:,\s*)?(?:{alternation(verbs['before_content'])})(?![\w-])", re.I)
    for person in _people(s, pools.common):
        if before_name.search(s[max(0, person.start - 25) : person.start]) or after_name.match(s, person.end):
            options = [name for name in pools.people if name not in s and name.split()[-1] not in person.name]
            return _replace(s, person.start, person.end, rng.choice(options)) if options else None
    return None


# ---------------------------------------------------------------- rewrites (entailments)

def rewrite_synonym(s: str, rng: random.Random) -> str | None:
    pairs = _words()["synonyms"]
    table = {a.lower(): b for a, b in pairs} | {b.lower(): a for a, b in pairs}
    hits = list(_word_re(table).finditer(s))
    if not hits:
        return None
    m = rng.choice(hits)
    return _replace(s, m.start(), m.end(), _match_case(m.group(0), table[m.group(0).lower()]))


PAREN_RE = re.compile(r"\s*\([^()]{2,60}\)")
APPOSITIVE_RE = re.compile(r",\s+yang\s+[^,]{5,80},")
LEADING_RE = re.compile(r"^(?:Sementara itu|Selain itu|Di sisi lain|Namun|Meski demikian|Oleh karena itu|Dengan demikian|Adapun),\s+", re.I)
TRAILING_RE = re.compile(r",\s+(?:dan|sehingga|serta|sedangkan|yang|karena|setelah|sebelum|meskipun|untuk)\s+[^,]{8,}(?=[.!?]$)")


def rewrite_drop_clause(s: str, rng: random.Random) -> str | None:
    """Drop a detail the rest of the sentence does not depend on."""
    options = []
    for pattern, keep in ((PAREN_RE, ""), (APPOSITIVE_RE, ","), (TRAILING_RE, "")):
        for m in pattern.finditer(s):
            options.append((m.start(), m.end(), keep))
    m = LEADING_RE.match(s)
    if m:
        options.append((0, m.end(), ""))
    options = [o for o in options if len((s[: o[0]] + s[o[1] :]).split()) >= 6]
    if not options:
        return None
    start, end, keep = rng.choice(options)
    out = s[:start] + keep + s[end:]
    return out[:1].upper() + out[1:]


def rewrite_number_form(s: str, rng: random.Random) -> str | None:
    """The same value written another way: 20 persen / 20%, 3 / tiga, 10.000 / 10 ribu."""
    small = _words()["number_words"]
    m = re.search(r"(?<![\w.,])(\d+)(?:\s*%|\s+persen)", s)
    if m:
        new = f"{m.group(1)}%" if "persen" in m.group(0) else f"{m.group(1)} persen"
        return _replace(s, m.start(), m.end(), new)
    m = re.search(r"(?<![\w.,])(\d{1,3})\.000(?:\.000)?(?![\w.,]|,\d)", s)
    if m:
        unit = "ribu" if m.group(0).count(".") == 1 else "juta"
        return _replace(s, m.start(), m.end(), f"{m.group(1)} {unit}")
    m = re.search(rf"(?<![\w.,/:-])([2-9])(?![\w.,/:-])(?!\s+(?:{_months_re().pattern}))", s, re.I)
    if m and not _in_time(s, m.start()):
        return _replace(s, m.start(), m.end(), small[int(m.group(1)) - 2])
    return None


LEADING_ADVERBIAL_RE = re.compile(r"^((?:Pada|Sejak|Selama)\s[^,]{3,40}),\s+(.+?)([.!?])$")


def rewrite_reorder(s: str, rng: random.Random) -> str | None:
    m = LEADING_ADVERBIAL_RE.match(s)
    if not m:
        return None
    adverbial, rest, stop = m.groups()
    return rest[:1].upper() + rest[1:] + " " + adverbial[:1].lower() + adverbial[1:] + stop


# ---------------------------------------------------------------- generation

@dataclass
class Pools:
    """What the corpus itself says: the people to swap in, and the words it
    writes in lower case (which are then not parts of personal names)."""

    people: list[str]
    common: frozenset[str]

    @classmethod
    def from_sentences(cls, sentences: list[str]) -> "Pools":
        common = frozenset(w for s in sentences for w in re.findall(r"(?<![\w-])[a-z]+(?![\w-])", s))
        people = {p.name for s in sentences for p in _people(s, common)}
        return cls(people=sorted(name for name in people if len(name.split()) <= 3), common=common)


def edit(kind: str, s: str, rng: random.Random, pools: Pools) -> str | None:
    """One factual edit of the given kind, or None when the sentence has nothing to edit."""
    if kind in ("person", "speaker"):
        out = globals()[f"edit_{kind}"](s, rng, pools)
    else:
        out = globals()[f"edit_{kind}"](s, rng)
    return out if out and out != s else None


def rewrite(kind: str, s: str, rng: random.Random) -> str | None:
    if kind == "identity":
        return s
    out = globals()[f"rewrite_{kind}"](s, rng)
    return out if out and out != s else None


def _any_rewrite(s: str, rng: random.Random) -> tuple[str, str]:
    kinds = list(REWRITES[:-1])
    rng.shuffle(kinds)
    for kind in kinds:
        out = rewrite(kind, s, rng)
        if out:
            return kind, out
    return "identity", s


def _oriented(premise: str, hypothesis: str, rng: random.Random, swap: bool) -> tuple[str, str]:
    return (hypothesis, premise) if swap and rng.random() < 0.5 else (premise, hypothesis)


def pairs_for(
    index: int, s: str, rng: random.Random, pools: Pools, counts: dict[str, int], benchmark: bool = False
) -> Iterator[SyntheticPair]:
    """The pairs one sentence yields.

    Every edited pair shares a harmlessly rewritten "base" with its control,
    so the only difference a model can use is the edited fact. Training
    pairs come in both orders because the report scores both directions.
    """
    kinds = [k for k in EDITS if edit(k, s, random.Random(index), pools)]
    if not kinds:
        return
    # Rare edit types are preferred, so every type gets enough pairs.
    kind = rng.choices(kinds, weights=[1 / (1 + counts.get(k, 0)) ** 2 for k in kinds])[0]
    rewrite_kind, base = _any_rewrite(s, rng)
    edited = edit(kind, base, rng, pools)
    if not edited:
        return
    counts[kind] = counts.get(kind, 0) + 1
    swap = not benchmark
    yield SyntheticPair(*_oriented(s, edited, rng, swap), "c", kind, index)
    yield SyntheticPair(*_oriented(s, base, rng, False), "e", rewrite_kind, index, control=benchmark)
    if benchmark:
        return
    shorter = rewrite("drop_clause", s, rng)
    if shorter:
        # The other way round an entailment: the hypothesis adds a detail.
        yield SyntheticPair(shorter, s, "n", "added_detail", index)


def generate(sentences: list[str], seed: int = 13, benchmark: bool = False) -> list[SyntheticPair]:
    """Pairs for a list of sentences; same input and seed, same output."""
    rng = random.Random(seed)
    pools = Pools.from_sentences(sentences)
    out: list[SyntheticPair] = []
    counts: dict[str, int] = {}
    for index, s in enumerate(sentences):
        out.extend(pairs_for(index, s, rng, pools, counts, benchmark))
    if not benchmark:
        out.extend(_same_topic(sentences, rng, pools.common))
    return out


def _same_topic(sentences: list[str], rng: random.Random, common: frozenset[str], per_name: int = 3) -> list[SyntheticPair]:
    """Hard neutrals: two sentences that share a name but state different facts."""
    by_name: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        for p in _people(s, common):
            by_name.setdefault(p.name, []).append(i)
    out = []
    for name in sorted(by_name):
        group = sorted(set(by_name[name]))
        for _ in range(min(per_name, len(group) - 1)):
            a, b = rng.sample(group, 2)
            out.append(SyntheticPair(sentences[a], sentences[b], "n", "same_topic", a))
    return out


def sentences_of(paths: Iterable[str | Path]) -> list[str]:
    """The news-like sentences of NLI files: their premises and hypotheses."""
    from .nli_data import read_pairs

    texts = [text for path in paths for pair in read_pairs(path) for text in (pair.premise, pair.hypothesis)]
    return news_sentences(dict.fromkeys(texts))


def training_sample(pairs: list[SyntheticPair], n: int, seed: int, neutral_share: float = 0.2,
                    identity_share: float = 0.3) -> list[SyntheticPair]:
    """``n`` pairs: up to ``neutral_share`` neutrals, the rest split between
    edits (55%) and rewrites (45%), with few identical-sentence entailments."""
    rng = random.Random(seed)

    def take(items, k):
        items = list(items)
        rng.shuffle(items)
        return items[: max(0, int(k))]

    neutrals = take((p for p in pairs if p.label == "n"), n * neutral_share)
    rest = n - len(neutrals)
    edits = take((p for p in pairs if p.label == "c"), rest * 0.55)
    identity = take((p for p in pairs if p.kind == "identity"), rest * 0.45 * identity_share)
    rewrites = take((p for p in pairs if p.label == "e" and p.kind != "identity"), rest * 0.45 - len(identity))
    out = neutrals + edits + identity + rewrites
    rng.shuffle(out)
    return out


_TOKEN_RE = re.compile(r"[\w.,:/-]+")


def _tokens(text: str) -> set[str]:
    return {t.strip(".,:").lower() for t in _TOKEN_RE.findall(text)} - {""}


def hypothesis_edits(pairs: Iterable[tuple[str, str]], seed: int = 13) -> list[SyntheticPair]:
    """Contradictions across wordings: an entailed hypothesis of an NLI pair,
    edited in one fact that the premise states too.

    Self-pairs (a sentence against an edited copy of itself) teach a model
    that any near-copy with a change contradicts; outlets never write
    near-copies. Editing a hypothesis that is worded differently from its
    premise teaches the fact itself. Only edits that remove words found in
    the premise are kept (negation excepted), so the changed fact is one the
    premise commits to.
    """
    rng = random.Random(seed)
    items = [(p, h) for p, h in pairs]
    pools = Pools.from_sentences([text for pair in items for text in pair])
    counts: dict[str, int] = {}
    out = []
    for index, (premise, hypothesis) in enumerate(items):
        premise_tokens = _tokens(premise)
        options = {}
        for kind in EDITS:
            edited = edit(kind, hypothesis, random.Random(seed + index), pools)
            if edited and (kind == "negation" or _tokens(hypothesis) - _tokens(edited) <= premise_tokens):
                options[kind] = edited
        if not options:
            continue
        kinds = sorted(options)
        kind = rng.choices(kinds, weights=[1 / (1 + counts.get(k, 0)) ** 2 for k in kinds])[0]
        counts[kind] = counts.get(kind, 0) + 1
        a, b = _oriented(premise, options[kind], rng, swap=True)
        out.append(SyntheticPair(a, b, "c", kind, index))
    return out


def balanced(pairs: list[SyntheticPair], n: int, seed: int) -> list[SyntheticPair]:
    """Up to ``n`` pairs taken in turn from each kind, so common edits
    (negation) do not crowd out rare ones (times, speakers)."""
    rng = random.Random(seed)
    by_kind: dict[str, list[SyntheticPair]] = {}
    for pair in pairs:
        by_kind.setdefault(pair.kind, []).append(pair)
    for group in by_kind.values():
        rng.shuffle(group)
    out: list[SyntheticPair] = []
    while len(out) < n and any(by_kind.values()):
        for kind in sorted(by_kind):
            if by_kind[kind] and len(out) < n:
                out.append(by_kind[kind].pop())
    rng.shuffle(out)
    return out


def _lower_first(s: str) -> str:
    first = s.split()[0] if s.split() else ""
    keep = first.isupper() or any(c.isupper() for c in first[1:]) or first in _words()["weekdays"]
    return s if keep else s[:1].lower() + s[1:]


def _attributed(s: str, name: str, verb: str, front: bool) -> str:
    body = s.rstrip(".!? ")
    if front:
        return f"{name} {verb} bahwa {_lower_first(body)}."
    return f"{body}, {verb} {name}."


def _dated(s: str, day: str, front: bool) -> str:
    body = s.rstrip(".!? ")
    return f"Pada hari {day}, {_lower_first(body)}." if front else f"{body} pada hari {day}."


def injected(sentences: list[str], seed: int = 13) -> list[SyntheticPair]:
    """Speaker, role and weekday pairs for sentences that name none.

    Corpus sentences rarely quote anyone by name or give a weekday, yet
    outlets most often disagree on exactly these. Each sentence gets a
    speaker (perhaps with an office) or a weekday in one wording; the entailed twin keeps it in
    another wording, the contradiction swaps it for another one.
    """
    rng = random.Random(seed)
    w = _words()
    names = [f"{first} {last}" for first in w["first_names"] for last in w["last_names"]]
    out = []
    for index, s in enumerate(sentences):
        if _people(s) or _word_re(w["weekdays"]).search(s) or '"' in s or "“" in s:
            continue
        kind = rng.choice(("speaker", "role", "weekday"))
        if kind == "weekday":
            one, other = rng.sample(w["weekdays"], 2)
            premise = _dated(s, one, front=rng.random() < 0.5)
            front = rng.random() < 0.5
            same, swapped = _dated(s, one, front), _dated(s, other, front)
        else:
            # A speaker swap changes the person; a role swap keeps the person
            # and changes the office they speak in.
            name = rng.choice(names)
            role, other_role = rng.sample(w["roles"], 2)
            other = rng.choice([n for n in names if n != name]) if kind == "speaker" else name
            if kind == "role":
                name, other = f"{role} {name}", f"{other_role} {other}"
            verbs = rng.sample(w["attribution_verbs"], 2)
            premise = _attributed(s, name, verbs[0][1], front=False)
            same = _attributed(s, name, verbs[1][0], front=True)
            swapped = _attributed(s, other, verbs[1][0], front=True)
        out.append(SyntheticPair(*_oriented(premise, swapped, rng, True), "c", kind, index))
        out.append(SyntheticPair(premise, same, "e", kind, index))
    return out
