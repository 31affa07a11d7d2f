"""The polarity check: one outlet denies what another asserts.

"Kim menolak memberikan dukungan untuk perang Rusia" against "Dia bersumpah
mendukung penuh perang Rusia": the NLI model sees such a flip when two
sentences are worded alike, and misses it when outlets word them
differently. So the check reads the negated predicate itself: a negator
("tidak", "bukan", "belum", "not") or a verb of refusal or denial
("menolak", "membantah", "menepis", "refused") opens a negation, whose
predicate is the first content word after it ("tidak mendapat sambutan"
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
  "Dewan Keamanan mengesahkan resolusi"; see _same_actor);
- the negation is what someone says of themselves ("mengaku tidak
  bersalah"; lexicon "polarity.claims");
- the articles are far apart in time (a position may change).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Cache.ArrayCache import ArrayCache
from Sastrawi.Stemmer.CachedStemmer import CachedStemmer
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from ..config import Options
from ..types import Article, Sentence, Signal
from .lexicon import TOKEN_RE, fold, hedge_words, load, stopwords
from .roster import is_roster_article
from .temporal import conflict, far_apart

# Particles and possessives that attach to a word without changing it.
CLITIC = re.compile(r"(?<=\w\w)(?:nya|lah|kah|pun)$")
# How far a negation reaches for its predicate, and how far past the
# predicate the things it is about may lie (in words).
SCOPE = 4
OBJECTS = 4
# How far before a word a negator or hedge still governs it.
GOVERNS = 3
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


@lru_cache(maxsize=1)
def _words_of_lexicon() -> dict[str, frozenset[str]]:
    raw = load().raw["polarity"]
    return {k: frozenset(fold(w) for w in v) for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _stemmer() -> CachedStemmer:
    words = list(_dictionary()) + list(_words_of_lexicon()["stems"])
    return CachedStemmer(ArrayCache(), Stemmer(ArrayDictionary(words)))


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    return frozenset(StemmerFactory().get_words_from_file())


def ordinary(word: str) -> bool:
    """Whether a word is an ordinary Indonesian word (its root is in
    Sastrawi's dictionary): "Sedikitnya", not "Putin"."""
    return root(word) in _dictionary()


@lru_cache(maxsize=65536)
def root(word: str) -> str:
    """The root of a word: Sastrawi for Indonesian affixes (mendukung,
    dukungan -> dukung); an English word passes through mostly unchanged."""
    return _stemmer().stem(fold(word)) or fold(word)


def words(text: str) -> list[Word]:
    return [Word(fold(m.group(0)), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def _is_cue(w: str) -> bool:
    lx = _words_of_lexicon()
    return w in lx["negators"] or w in lx["refusals"] or w.endswith("n't")


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
        out.append(Negation(cue, ws[j], root(ws[j].text), frozenset(after)))
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
        found = [w for w in assertions(pos_text, n.root) if _same_actor(neg_text, n, pos_text, w)]
        if found:
            return n, found[0]
    return None


def _same_actor(neg_text: str, n: Negation, pos_text: str, w: Word) -> bool:
    """Whether the denial and the assertion are about one actor: "Rusia
    menolak resolusi" does not deny that the Security Council adopted one.
    A name before the negation must recur in the asserting sentence; with no
    name there, the words just before it must ("harga minyak tidak naik"
    against "harga emas naik" is two prices). A pronoun (dia, mereka) on
    either side may stand for any actor."""
    from .places import participants  # places builds on this module's roots

    before = words(neg_text[: n.cue.start])
    pronouns = _words_of_lexicon()["pronouns"]
    if any(x.text in pronouns for x in before + words(pos_text[: w.start])):
        return True
    names = participants(neg_text[: n.cue.start])
    if names:
        return bool(names & participants(pos_text))
    near = [root(x.text) for x in before if _content(x.text)][-2:]
    return bool(near) and set(near) <= _content_roots(pos_text)


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
