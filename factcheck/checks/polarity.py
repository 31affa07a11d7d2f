"""The polarity check: one outlet denies what another asserts.

"Kim menolak memberikan dukungan untuk perang Rusia" against "Dia bersumpah
mendukung penuh perang Rusia": the NLI model sees such a flip when two
sentences are worded alike, and misses it when outlets word them
differently. So the check reads the negated predicate itself: a negator
("tidak", "bukan", "belum", "not"), a verb of refusal ("menolak", "gagal",
"refused") or a verb of denial ("membantah", "menepis", "denied") opens a
negation, whose predicate is the first content word after it ("tidak mendapat sambutan"
negates *sambutan*; light words such as "mendapat" or "memberikan" are
skipped). Words are compared by their root (Sastrawi: dukungan ~ mendukung,
sambutan ~ menyambutnya), so a different affix or word class still matches.

A pair conflicts when one sentence negates a predicate that the other
asserts plainly and both name at least one more thing the predicate is
about (one of the next content words after it: *perang*, *perjanjian*).
Precision comes first, so nothing is flagged when:

- the negation is a fixed phrase that only looks negative ("tidak hanya",
  "tak lama", "not only"; lexicon "polarity.not_negation");
- the negation is hedged ("akan menolak", "jika tidak") or the assertion is
  ("bisa menandatangani", "akan tiba", "diperkirakan"): a plan or a
  possibility does not contradict a denial;
- the negating sentence also asserts the same predicate, or the asserting
  sentence also denies it;
- the two are about different actors ("Rusia menolak resolusi" against
  "Dewan Keamanan mengesahkan resolusi"; "Wakil Presiden" or "mantan
  Presiden" against "Presiden"; see _same_actor);
- the two predicates have different complements, one that the other
  sentence never names ("gagal lolos ke Piala Dunia" against "lolos ke
  putaran ketiga kualifikasi"; see _same_complement);
- the negation is a party's reported denial ("Israel membantah melakukan
  serangan"; lexicon "polarity.denials") and the other outlet asserts the
  event, not that party's own words: the first outlet reports what the
  party says, it does not hold the opposite. A refusal ("menolak
  mendukung") is an act, and contradicts the act;
- the negation is what someone says of themselves ("mengaku tidak
  bersalah"; lexicon "polarity.claims");
- the articles are far apart in time (a position may change).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..config import Options
from ..types import Article, Sentence, Signal
from .lexicon import TOKEN_RE, fold, hedge_words, load, stopwords
from .places import participants
from .quotes import extract_statements
from .roster import is_roster_article
from .roots import root
from .temporal import conflict, far_apart

# Particles and possessives that attach to a word without changing it.
CLITIC = re.compile(r"(?<=\w\w)(?:nya|lah|kah|pun)$")
# How far a negation reaches for its predicate, and how far past the
# predicate the things it is about may lie (in words).
SCOPE = 4
OBJECTS = 4
# How far before a word a negator or hedge still governs it.
GOVERNS = 3
# How far after a predicate its complement may lie (in words): "dukungan
# penuh dan solidaritas untuk perang".
COMPLEMENT = 6
# How many of the things the negated predicate is about the other sentence
# must also name.
SHARED = 2


@dataclass(frozen=True)
class Word:
    text: str  # folded
    start: int
    end: int


@dataclass(frozen=True)
class Negation:
    cue: Word
    predicate: Word
    root: str
    objects: frozenset[str]  # roots of the words after the predicate
    denial: bool  # the cue reports a party denying a claim ("membantah"), not refusing an act


@lru_cache(maxsize=1)
def _words_of_lexicon() -> dict[str, frozenset[str]]:
    raw = load().raw["polarity"]
    return {k: frozenset(fold(w) for w in v) for k, v in raw.items() if not k.startswith("_")}


def words(text: str) -> list[Word]:
    return [Word(fold(m.group(0)), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def _is_cue(w: str) -> bool:
    lx = _words_of_lexicon()
    return w in lx["negators"] or w in lx["refusals"] or w in lx["denials"] or w.endswith("n't")


def _content(w: str) -> bool:
    light = _words_of_lexicon()["light_words"]
    # The word, less a clitic, not its root: "mendapat" and "adanya" are
    # light, "sependapat" and "berada" (roots dapat, ada) are not.
    return len(w) > 2 and not w.isdigit() and w not in stopwords() and CLITIC.sub("", w) not in light and w not in light


def _governed(ws: list[Word], i: int, test) -> bool:
    return any(test(w.text) for w in ws[max(0, i - GOVERNS) : i])


def _fixed_phrase(ws: list[Word], i: int) -> bool:
    not_negation = _words_of_lexicon()["not_negation"]
    return any(" ".join(w.text for w in ws[i : i + n]) in not_negation for n in (2, 3))


@lru_cache(maxsize=16384)
def negations(text: str) -> tuple[Negation, ...]:
    """The negated predicates of a sentence, with what each is about."""
    ws = words(text)
    hedges, future, claims = hedge_words(), _words_of_lexicon()["future"], _words_of_lexicon()["claims"]
    out = []
    for i, cue in enumerate(ws):
        if not _is_cue(cue.text) or _fixed_phrase(ws, i) or _governed(ws, i, hedges.__contains__):
            continue
        if _governed(ws, i, claims.__contains__):
            continue  # "mengaku tidak bersalah": what someone says of themselves
        j = next((j for j in range(i + 1, min(len(ws), i + 1 + SCOPE)) if _content(ws[j].text)), None)
        if j is None or _is_cue(ws[j].text) or any(w.text in future for w in ws[i + 1 : j]):
            continue  # "tidak akan mendapatkan": a negated plan
        if re.search(r"[,.;:!?()\"“”]", text[cue.end : ws[j].start]):
            continue  # "Tidak, aku ...": an answer, not a negated predicate
        after = [root(w.text) for w in ws[j + 1 :] if _content(w.text)][:OBJECTS]
        out.append(Negation(cue, ws[j], root(ws[j].text), frozenset(after), cue.text in _words_of_lexicon()["denials"]))
    return tuple(out)


def assertions(text: str, of_root: str) -> list[Word]:
    """Words of ``text`` with this root that no negator, refusal or hedge
    governs."""
    ws = words(text)
    hedges = hedge_words()
    return [
        w for i, w in enumerate(ws)
        if root(w.text) == of_root and not _governed(ws, i, lambda t: _is_cue(t) or t in hedges)
    ]


@lru_cache(maxsize=16384)
def _content_roots(text: str) -> frozenset[str]:
    return frozenset(root(w.text) for w in words(text) if _content(w.text))


def _conflict(neg_text: str, pos_text: str) -> tuple[Negation, Word] | None:
    denied = {n.root for n in negations(pos_text)}
    pos_roots = _content_roots(pos_text)
    for n in negations(neg_text):
        if n.root in denied or root(n.cue.text) in pos_roots or assertions(neg_text, n.root):
            continue  # both deny, or the negating sentence also asserts
        if len((n.objects - {n.root}) & pos_roots) < SHARED:
            continue
        found = [w for w in assertions(pos_text, n.root) if _same_claim(neg_text, n, pos_text, w)]
        if found:
            return n, found[0]
    return None


def _same_claim(neg_text: str, n: Negation, pos_text: str, w: Word) -> bool:
    """Whether the assertion ``w`` is what the negation ``n`` denies: one
    actor, one complement, and, for a reported denial, the party's own words
    on the other side too."""
    return (
        _same_actor(neg_text, n, pos_text, w)
        and _same_complement(neg_text, n, pos_text, w)
        and (not n.denial or _said_by_party(neg_text, n, pos_text, w))
    )


def _same_actor(neg_text: str, n: Negation, pos_text: str, w: Word) -> bool:
    """Whether the denial and the assertion are about one actor: "Rusia
    menolak resolusi" does not deny that the Security Council adopted one.
    A name before the negation must recur in the asserting sentence; with no
    name there, the words just before it must ("harga minyak tidak naik"
    against "harga emas naik" is two prices). A pronoun (dia, mereka) on
    either side may stand for any actor."""
    before = words(neg_text[: n.cue.start])
    if not _same_modifiers(before, words(pos_text[: w.start])):
        return False
    pronouns = _words_of_lexicon()["pronouns"]
    if any(x.text in pronouns for x in before + words(pos_text[: w.start])):
        return True
    names = participants(neg_text[: n.cue.start])
    if names:
        return bool(names & participants(pos_text))
    near = [root(x.text) for x in before if _content(x.text)][-2:]
    return bool(near) and set(near) <= _content_roots(pos_text)


def _same_modifiers(xs: list[Word], ys: list[Word]) -> bool:
    """Whether every word both actors share is modified alike: "Wakil
    Presiden" and "mantan Presiden" are not "Presiden", "Gubernur dan Wakil
    Gubernur" includes "Wakil Gubernur"."""
    shared = {x.text for x in xs} & {y.text for y in ys}
    return all(_modifiers(xs, t) & _modifiers(ys, t) for t in shared)


def _modifiers(ws: list[Word], t: str) -> set[frozenset[str]]:
    """How each occurrence of ``t`` is modified."""
    return {_modifiers_before(ws, i) for i, w in enumerate(ws) if w.text == t}


def _modifiers_before(ws: list[Word], i: int) -> frozenset[str]:
    """The kinds of the role modifiers (lexicon "role_modifiers": deputy,
    former, designate) right before word ``i``: "Wakil" in "Wakil Ketua"."""
    kinds = load().modifier_of
    start = i
    while start > 0 and ws[start - 1].text in kinds:
        start -= 1
    return frozenset(kinds[w.text] for w in ws[start:i])


def _complement(text: str, at: Word) -> frozenset[str] | None:
    """What the predicate ``at`` is about, as roots: the first two content
    words of its clause after it (one may be a modifier: "mendukung penuh
    perang") and the first after a preposition there ("dukungan penuh dan
    solidaritas untuk perang"). None when it is a pronoun ("menyambutnya",
    "mendukung mereka"), which may stand for any complement."""
    lx = _words_of_lexicon()
    ws = words(text)
    i = next(k for k, w in enumerate(ws) if w.start == at.start)
    clause = _clause(text, ws[i + 1 : i + 1 + COMPLEMENT])
    if _object_clitic(at.text) or (clause and clause[0].text in lx["pronouns"]):
        return None
    heads = [root(w.text) for w in clause if _content(w.text)][:2]
    prep = next((k for k, w in enumerate(clause) if w.text in lx["prepositions"]), None)
    if prep is not None:
        heads += [root(w.text) for w in clause[prep + 1 :] if _content(w.text)][:1]
    return frozenset(heads)


def _object_clitic(w: str) -> bool:
    """Whether a word ends in the pronoun "-nya" ("menyambutnya"), not in
    a root that happens to ("bertanya")."""
    return w.endswith("nya") and root(w[:-3]) == root(w)


def _clause(text: str, ws: list[Word]) -> list[Word]:
    """The leading words of ``ws`` up to the first punctuation between two."""
    for k in range(1, len(ws)):
        if re.search(r"[,.;:!?()]", text[ws[k - 1].end : ws[k].start]):
            return ws[:k]
    return ws


def _same_complement(neg_text: str, n: Negation, pos_text: str, w: Word) -> bool:
    """Whether the negated and the asserted predicate are about one thing:
    each one's complement is named in the other sentence. Anywhere in it,
    since voice and word order move it ("tidak dicetak oleh Memphis Depay"
    vs "Memphis Depay mencetak gol"); a complement the other sentence never
    names is another claim ("gagal lolos ke Piala Dunia" vs "lolos ke
    putaran ketiga kualifikasi Piala Dunia")."""
    return _named_in(_complement(neg_text, n.predicate), pos_text) and _named_in(_complement(pos_text, w), neg_text)


def _named_in(complement: frozenset[str] | None, text: str) -> bool:
    """No complement, or a pronoun, is named anywhere."""
    return not complement or bool(complement & _content_roots(text))


def _said_by_party(neg_text: str, n: Negation, pos_text: str, w: Word) -> bool:
    """Whether ``w`` lies in the words of the denying party as the other
    outlet quotes or reports them: a denial contradicts what the party is
    reported to say ("“Kami khawatir …,” kata Stoltenberg"), not the event
    the outlet reports ("Israel membantah melakukan serangan" vs "Israel
    melakukan serangan"). A pronoun on the denying side may stand for any
    speaker; an unknown speaker is never the party."""
    before = neg_text[: n.cue.start]
    pronoun = any(x.text in _words_of_lexicon()["pronouns"] for x in words(before))
    return any(
        st.start <= w.start < st.end and st.kind == "person" and (pronoun or participants(before) & participants(st.speaker))
        for st in extract_statements(pos_text)
    )


def _conditional(text: str) -> bool:
    conditions = _words_of_lexicon()["conditions"]
    return text.rstrip().endswith("?") or any(w.text in conditions for w in words(text))


def check_pair(a: Sentence, b: Sentence, articles: list[Article], options: Options) -> list[Signal]:
    """One sentence denies what the other asserts."""
    art_a, art_b = articles[a.article], articles[b.article]
    if far_apart(art_a, art_b, options) or _conditional(a.text) or _conditional(b.text):
        return []
    for (neg, art_neg), (pos, art_pos) in (((a, art_a), (b, art_b)), ((b, art_b), (a, art_a))):
        found = _conflict(neg.text, pos.text)
        if found:
            n, w = found
            why = (
                f'polarity: "{neg.text[n.cue.start : n.predicate.end]}" in {art_neg.file} '
                f'vs "{pos.text[w.start : w.end]}" in {art_pos.file}'
            )
            return [conflict("polarity", 0.7, why, art_a, art_b, options)]
    return []


def check_polarity_run(
    articles: list[Article], sentences: list[Sentence], options: Options
) -> list[tuple[Sentence, Sentence, Signal]]:
    """The polarity check over every cross-source pair in which one
    sentence negates something. A denial is worded unlike the assertion it
    denies ("menolak mendukung" vs "menjanjikan dukungan penuh"), so the
    embedding alignment often misses the pair; negations are rare, so
    looking at all of them is cheap."""
    real = [s for s in sentences if not is_roster_article(articles[s.article])]
    out = []
    seen = set()
    for n in (s for s in real if negations(s.text)):
        for s in real:
            key = tuple(sorted([(n.article, n.index), (s.article, s.index)]))
            if s.article == n.article or key in seen:
                continue
            seen.add(key)
            out += [(n, s, sig) for sig in check_pair(n, s, articles, options)]
    return out
