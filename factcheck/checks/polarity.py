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
  Presiden" against "Presiden", unless a personal name both share makes
  them one: "Mantan Presiden Joko Widodo" is "Presiden ketujuh RI Joko
  Widodo"; see _same_actor);
- the two predicates have different complements, one that the other
  sentence never names ("gagal lolos ke Piala Dunia" against "lolos ke
  putaran ketiga kualifikasi"; an aside or a date right after the
  predicate is not its complement: "menyetujui, dalam rapat dengan DPR,
  tambahan anggaran"; see _same_complement);
- the negation is a party's reported denial ("Israel membantah melakukan
  serangan"; lexicon "polarity.denials") and the other outlet asserts the
  event, not that party's own words (quoted, reported: "X mengatakan
  bahwa …", "…, ujarnya", or admitted: "Polisi mengakui menembakkan …";
  see _said_by_party): the first outlet reports what the party says, it
  does not hold the opposite. Rejecting a claim is such a denial, of what
  the claim says ("menolak tuduhan menerima suap", "menepis tudingan",
  "rejected allegations that"; lexicon "polarity.claim_nouns"), so it
  contradicts neither the event nor the accusation ("Jaksa menuduh …").
  A refusal ("menolak mendukung", "menolak usulan") is an act, and
  contradicts the act;
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
from .lexicon import TOKEN_RE, alternation, fold, hedge_words, load, stopwords
from .people import name_tokens
from .places import participants
from .quotes import extract_statements
from .roster import is_roster_article
from .roots import ordinary, root
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
# Where the clause of a predicate's actor begins: "Didampingi Wakil Presiden
# Gibran, Prabowo Subianto menghadiri" is Prabowo's act, not the deputy's.
CLAUSE_BREAK = re.compile(r"[,;:()“”\"]")


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
    lx = _words_of_lexicon()
    hedges, future, claims = hedge_words(), lx["future"], lx["claims"]
    out = []
    for i, cue in enumerate(ws):
        if not _is_cue(cue.text) or _fixed_phrase(ws, i) or _governed(ws, i, hedges.__contains__):
            continue
        if _governed(ws, i, claims.__contains__):
            continue  # "mengaku tidak bersalah": what someone says of themselves
        j, denial = _next_content(ws, i), cue.text in lx["denials"]
        if j is not None and (denial or cue.text in lx["refusals"]) and _claim_noun(ws[j].text):
            # "menolak tuduhan menerima suap": rejecting a claim denies what
            # it says, as "membantah menerima suap" does; it is no act
            j, denial = _next_content(ws, j, _speech_verbs()), True
        if j is None or _is_cue(ws[j].text) or any(w.text in future for w in ws[i + 1 : j]):
            continue  # "tidak akan mendapatkan": a negated plan
        if re.search(r"[,.;:!?()\"“”]", text[cue.end : ws[j].start]):
            continue  # "Tidak, aku ...": an answer, not a negated predicate
        after = [root(w.text) for w in ws[j + 1 :] if _content(w.text)][:OBJECTS]
        out.append(Negation(cue, ws[j], root(ws[j].text), frozenset(after), denial))
    return tuple(out)


def _next_content(ws: list[Word], k: int, skip: frozenset[str] = frozenset()) -> int | None:
    """Where the first content word within SCOPE after word ``k`` is, other
    than the words ``skip``."""
    return next(
        (j for j in range(k + 1, min(len(ws), k + 1 + SCOPE)) if _content(ws[j].text) and ws[j].text not in skip),
        None,
    )


def _claim_noun(w: str) -> bool:
    """Whether ``w`` names a claim (lexicon "polarity.claim_nouns"), with a
    clitic or reduplicated: "tuduhannya", "isu-isu"."""
    nouns = _words_of_lexicon()["claim_nouns"]
    return CLITIC.sub("", w) in nouns or w.split("-")[0] in nouns


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Verbs that introduce what is said: "laporan yang menyebut X" claims X."""
    return frozenset(fold(v) for v in load().raw["speech_verbs"]["before_content"])


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
        # Both deny, or the negating sentence also asserts; the predicate
        # itself is none, however far from its cue ("menolak laporan yang
        # menyebut pabriknya").
        if n.root in denied or root(n.cue.text) in pos_roots or set(assertions(neg_text, n.root)) - {n.predicate}:
            continue
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
    if not _same_modifiers(_clause_before(neg_text, n.cue.start), _clause_before(pos_text, w.start)):
        return False
    pronouns = _words_of_lexicon()["pronouns"]
    if any(x.text in pronouns for x in before + words(pos_text[: w.start])):
        return True
    names = participants(neg_text[: n.cue.start])
    if names:
        return bool(names & participants(pos_text))
    near = [root(x.text) for x in before if _content(x.text)][-2:]
    return bool(near) and set(near) <= _content_roots(pos_text)


def _clause_before(text: str, end: int) -> str:
    """The words of ``text`` before ``end`` back to the last punctuation:
    the actor of a predicate at ``end``."""
    head = text[:end]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(head)]
    return head[breaks[-1] :] if breaks else head


def _capitalised(text: str) -> set[str]:
    """The capitalised words of ``text`` as name tokens (folded, hyphens
    split), less function words (a sentence's first "Seorang", "The"): a
    name as written, with any title before it."""
    return {
        t
        for m in TOKEN_RE.finditer(text)
        if m.group(0)[0].isupper() and fold(m.group(0)) not in stopwords()
        for t in name_tokens(m.group(0))
    }


def _personal_names(text: str) -> set[str]:
    """The words of ``text`` that name a person: capitalised, not an
    ordinary word (a title, "Presiden", or a sentence's first word), not a
    place, not an acronym (an institution: "KPU")."""
    acronyms = {fold(m.group(0)) for m in TOKEN_RE.finditer(text) if m.group(0).isupper()}
    return {t for t in participants(text) if not ordinary(t)} - acronyms


def _same_modifiers(x: str, y: str) -> bool:
    """Whether two actors (the words of each one's clause before its
    predicate) are not told apart by role modifiers: "Wakil Presiden" and
    "mantan Presiden" are not "Presiden", "Gubernur dan Wakil Gubernur"
    includes "Wakil Gubernur". A personal name both share makes one actor
    whatever the modifiers ("Mantan Presiden Joko Widodo" is "Presiden
    ketujuh RI Joko Widodo"), unless one names someone the other does not,
    or the modifiers are all that differs and the name is one word, which
    may be the office's place rather than its holder ("mantan Bupati
    Sleman" vs "Bupati Sleman")."""
    nx, ny = _personal_names(x), _personal_names(y)
    if nx & ny and (nx <= ny or ny <= nx) and (len(nx & ny) > 1 or _unmodified(x) != _unmodified(y)):
        return True
    xs, ys = words(x), words(y)
    shared = {w.text for w in xs} & {w.text for w in ys}
    return all(_modifiers(xs, t) & _modifiers(ys, t) for t in shared)


def _unmodified(text: str) -> set[str]:
    """The capitalised words of an actor other than role modifiers: its
    title and name."""
    return _capitalised(text) - set(load().modifier_of)


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
    solidaritas untuk perang"), past an aside or a date right after the
    predicate. None when it is a pronoun ("menyambutnya", "mendukung
    mereka"), which may stand for any complement."""
    lx = _words_of_lexicon()
    ws = words(text)
    i = next(k for k, w in enumerate(ws) if w.start == at.start)
    start = _past_time(ws, _past_aside(text, ws, i + 1))
    clause = _clause(text, ws[start : start + COMPLEMENT])
    if _object_clitic(at.text) or (clause and clause[0].text in lx["pronouns"]):
        return None
    heads = [root(w.text) for w in clause if _content(w.text)][:2]
    prep = next((k for k, w in enumerate(clause) if w.text in lx["prepositions"]), None)
    if prep is not None:
        heads += [root(w.text) for w in clause[prep + 1 :] if _content(w.text)][:1]
    return frozenset(heads)


def _past_aside(text: str, ws: list[Word], k: int) -> int:
    """Where the words from ``k`` on resume after a comma aside that opens
    right before ``k`` with a preposition or a date, an adverbial of where,
    when or with whom ("menyetujui, dalam rapat dengan DPR, tambahan
    anggaran"); ``k`` when there is none or it never closes. A comma before
    anything else ends the phrase ("Dalam beberapa penggambaran, kepala
    Gorgon ...")."""
    if not 0 < k < len(ws) or "," not in text[ws[k - 1].end : ws[k].start]:
        return k
    if ws[k].text not in _words_of_lexicon()["prepositions"] and _past_time(ws, k) == k:
        return k
    for m in range(k + 1, len(ws)):
        gap = text[ws[m - 1].end : ws[m].start]
        if re.search(r"[.;:!?]", gap):
            return k
        if "," in gap:
            return m
    return k


def _past_time(ws: list[Word], k: int) -> int:
    """Where the words from ``k`` on resume after a date or time ("pada
    Kamis (20/3)", "on Thursday", "pekan lalu"); ``k`` when they start with
    none, or only with a preposition ("bergantung pada impor": the
    complement)."""
    j = k
    while j < len(ws):
        n = 1 if ws[j].text.isdigit() else next(
            (len(p) for p in _time_phrases() if tuple(w.text for w in ws[j : j + len(p)]) == p), 0
        )
        if not n:
            break
        j += n
    return j if any(w.text not in _words_of_lexicon()["prepositions"] for w in ws[k:j]) else k


@lru_cache(maxsize=1)
def _time_phrases() -> tuple[tuple[str, ...], ...]:
    """Dates and times as words, longest first: the lexicon's weekdays,
    months, relative days and years, times of day and time zones, and the
    polarity "time_words"."""
    dates = load().raw["dates"]
    phrases = [w for names in [*dates["weekdays"].values(), *dates["months"].values()] for w in names]
    phrases += [*dates["relative_days"], *dates["relative_years"], *dates["day_parts"]]
    phrases += [*dates["time_prefixes"], *dates["timezones"], *load().raw["polarity"]["time_words"]]
    return tuple(sorted({tuple(w.text for w in words(p)) for p in phrases}, key=len, reverse=True))


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
    outlet quotes, reports or tells its admission: a denial contradicts
    what the party is reported to say ("“Kami khawatir …,” kata
    Stoltenberg"; "Polisi mengatakan bahwa mereka menembakkan …"; "…,
    ujarnya"; "Polisi mengakui menembakkan …"), not the event the outlet
    reports ("Israel membantah melakukan serangan" vs "Israel melakukan
    serangan") nor what someone else says of it. An unknown speaker is
    never the party."""
    speakers = [
        st.speaker for st in extract_statements(pos_text) if st.kind == "person" and st.start <= w.start < st.end
    ]
    speakers += [_tagged_speaker(pos_text, w), _admitter(pos_text, w)]
    return any(_same_party(neg_text[: n.cue.start], s) for s in speakers)


def _same_party(party: str, speaker: str) -> bool:
    """Whether ``speaker`` (a name as written, or the words before a verb of
    speech or admission) is the party that ``party`` (the words before a
    denial) names: the capitalised words of one are all among the other's,
    whatever they are, so that a first name that is an ordinary word and a
    title count ("kata Hasan" / "Hasan Basri membantah"; "kata Menteri
    Perdagangan" / "Menteri Perdagangan Budi Santoso membantah"), but two
    full names differ ("Budi Santoso" / "Budi Gunadi Sadikin"). A side
    without a capitalised word is its content words ("the ministry"). The
    party is its clause's words, or, when that holds none ("Hasan, kepala
    desa itu, membantah"), all of them. A pronoun there may stand for any
    speaker."""
    said = _actor_words(speaker)
    if not said:
        return False
    if any(x.text in _words_of_lexicon()["pronouns"] for x in words(party)):
        return True
    names = _actor_words(_clause_before(party, len(party))) or _actor_words(party)
    return bool(names) and (said <= names or names <= said)


def _actor_words(text: str) -> set[str]:
    """What names an actor: its capitalised words, else its content words."""
    return _capitalised(text) or {w.text for w in words(text) if _content(w.text)}


def _tagged_speaker(text: str, w: Word) -> str:
    """The speaker of reported speech without quotation marks that ``w``
    lies in, as written: the name after a trailing verb of speech ("…,
    kata Budi Santoso di Jakarta"), or, for a pronoun ("…, ujarnya", "…,
    kata dia", "…, he said"), the subject of the sentence, the actor
    before ``w``. Empty when there is no such tag, or a speaker without a
    name ("kata seorang saksi")."""
    m = _speech_tag().search(text, w.end)
    if not m:
        return ""
    if m.group("before") or m.group("after") or fold(m.group("verb")) in _pronoun_verbs():
        return _clause_before(text, w.start)
    end = m.end()
    for t in TOKEN_RE.finditer(text, m.end()):
        if not (t.group(0)[0].isupper() and text[end : t.start()].isspace()):
            break
        end = t.end()
    return text[m.end() : end]


@lru_cache(maxsize=1)
def _speech_tag() -> re.Pattern:
    """A comma, then a verb of speech that follows what is said ("kata",
    "ujarnya"), perhaps with a pronoun ("kata dia", "he said")."""
    verbs = alternation(load().raw["speech_verbs"]["after_quote"])
    pronouns = alternation(_words_of_lexicon()["pronouns"])
    return re.compile(
        rf",\s*(?:(?P<before>{pronouns})\s+)?(?P<verb>{verbs})(?:\s+(?P<after>{pronouns}))?(?!\w)", re.I
    )


@lru_cache(maxsize=1)
def _pronoun_verbs() -> frozenset[str]:
    """Verbs of speech whose speaker is a pronoun clitic ("ujarnya")."""
    return frozenset(fold(p) for p in load().raw["pronoun_speakers"])


def _admitter(text: str, w: Word) -> str:
    """The subject of an admission ("mengakui", "membenarkan", admitted)
    whose object is ``w``, as written ("Polisi mengakui telah menembakkan":
    Polisi). Only with no content word between them, so that the act is
    the admitter's own: "saksi mengakui melihat polisi menembakkan" admits
    seeing it."""
    ws = words(text)
    i = next(k for k, x in enumerate(ws) if x.start == w.start)
    for j in range(i - 1, max(-1, i - 1 - GOVERNS), -1):
        if ws[j].text in _words_of_lexicon()["admissions"]:
            return _clause_before(text, ws[j].start)
        if _content(ws[j].text):
            break
    return ""


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
    embedding alignment often misses the pair, and the run looks beyond
    it: at every sentence that asserts a negated predicate."""
    real = [s for s in sentences if not is_roster_article(articles[s.article])]
    # A negation only conflicts with a sentence that asserts its predicate
    # (_conflict needs a word of that root there), so each is looked up by
    # the roots of its words rather than paired with every sentence.
    by_root: dict[str, list[int]] = {}
    for k, s in enumerate(real):
        for r in {root(w.text) for w in words(s.text)}:
            by_root.setdefault(r, []).append(k)
    out = []
    seen = set()
    for n in real:
        found = negations(n.text)
        if not found:
            continue
        for j in sorted({j for x in found for j in by_root.get(x.root, ())}):
            s = real[j]
            key = tuple(sorted([(n.article, n.index), (s.article, s.index)]))
            if s.article == n.article or key in seen:
                continue
            seen.add(key)
            out += [(n, s, sig) for sig in check_pair(n, s, articles, options)]
    return out
