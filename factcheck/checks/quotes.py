"""Quotes and reported statements with their speakers, and the
``attribution`` check.

Forms recognised (the verbs come from the lexicon, any language listed):

* “…,” kata X / ujar X / ungkapnya / "…," X said / "…," said X
* X mengatakan (bahwa | : | ,) … / X said (that) …
* Menurut X, … / According to X, …

A speaker is a person (a name, with or without a role chain; a bare
surname is resolved through the article's full names), an institution
("Pentagon menyebutkan bahwa …"), or a pronoun (katanya, dia, ia), which
is resolved to the last named speaker of the two sentences before. A
person may be named by a title only ("kata Menteri Perdagangan", "ujar
juru bicara Kementerian Perdagangan"): the words of an office after a role
word are not a name ("Menteri Perdagangan Budi Santoso" is Budi Santoso).

The check compares what is said, not who says it: two statements whose
content words overlap strongly (options.attribution_overlap of the shorter
one, at least options.attribution_min_shared words) but whose speakers are
two different people (or two different institutions) are an
``attribution`` conflict. Unresolved speakers are never compared, nor is a
title with a name (the minister may be the person named); two titles only
when their role words are the same and their offices differ ("Menteri
Perdagangan" vs "Menteri Pertanian").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..config import Options
from ..types import Article, Candidate, Signal
from .lexicon import content_tokens, fold, load
from .people import extract_people, name_at, name_before, name_tokens, parse_role, same_person, surname_matches
from .roots import ordinary, root
from .temporal import conflict

QUOTE_RE = re.compile(r"“([^”]{8,})”|\"([^\"]{8,})\"|«([^»]{8,})»|„([^“”]{8,})[“”]")


@dataclass
class Statement:
    content: str
    start: int  # span of the content in the sentence
    end: int
    speaker: str = ""  # as written (name, institution) or "" when unknown
    kind: str = "unknown"  # "person", "institution", "pronoun", "unknown"
    inst: str = ""  # institution id when kind == "institution"
    title: str = ""  # role words of a person named by title only ("Menteri" of "Menteri Perdagangan")


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _verbs():
    sv = load().raw["speech_verbs"]
    after = _alt(sv["after_quote"])
    before = _alt(sv["before_content"])
    acc = _alt(sv["according_to"])
    pron = {fold(p) for p in load().raw["pronoun_speakers"]}
    return (
        re.compile(rf"\s*[,.]?\s*(?:{after})(?![\w])", re.I),
        re.compile(rf"(?<![\w])(?:(?:telah|sudah|juga|pun|kembali|had|has|also|then)\s+)*(?:{before})(?![\w])", re.I),
        re.compile(rf"(?<![\w])(?:{acc})\s+", re.I),
        pron,
    )


_AUX = re.compile(r"(?:\s+(?:telah|sudah|juga|pun|kembali|had|has|also|then))+\s*$", re.I)


def _institution_before(text: str, pos: int) -> str:
    lx = load()
    head = _AUX.sub("", text[:pos]).rstrip()
    for m in lx.chain_re.finditer(head[-60:]):
        if m.end() == len(head[-60:]):
            key = fold(" ".join(m.group(0).split()))
            return lx.inst_of.get(key, "")
    return ""


def _is_place_or_body(name: str) -> bool:
    lx = load()
    f = fold(" ".join(name.split()))
    return f in lx.country_of or f in lx.inst_of or f in lx.itype_of or any(
        part in lx.country_of for part in re.split(r"[-\s]", f)
    )


def _office_word(word: str) -> bool:
    """A noun derived with ke-/pe(r)-…-an from an ordinary root, as the
    words of an office are ("Perdagangan" from dagang, "Kementerian" from
    menteri) and personal names almost never ("Kurniawan", "Setiawan")."""
    f = fold(word)
    return f.startswith(("ke", "pe")) and f.endswith("an") and root(word) != f and ordinary(word)


def _unlisted(text: str) -> list[str]:
    """The words of text outside the lexicon's roles, offices and countries."""
    return load().chain_re.sub(" ", text).split()


def _run_after(text: str, pos: int) -> tuple[int, int, int]:
    """The run of lexicon phrases starting at pos ("Jubir Kemlu", "Panglima
    TNI"), as (start, end, end of its last role word; 0 when it has none)."""
    lx = load()
    start = end = pos + len(text[pos:]) - len(text[pos:].lstrip())
    role_end = 0
    while m := lx.chain_re.match(text, end + (end > start and text[end : end + 1] == " ")):
        end = m.end()
        if fold(" ".join(m.group(0).split())) in lx.role_of:
            role_end = end
    return start, end, role_end


def _run_before(text: str, end: int) -> int:
    """Start of the run of lexicon phrases ending at end, or end."""
    start, lo = end, max(0, end - 120)
    for m in reversed(list(load().chain_re.finditer(text[lo:end]))):
        m_start, m_end = lo + m.start(), lo + m.end()
        if m_end not in (start, start - 1) or (m_end == start - 1 and text[m_end] != " "):
            break
        start = m_start
    return start


def _title(text: str, start: int, end: int, role_end: int) -> tuple[str, str, str, str]:
    """A speaker named by title only: "kata Mendag", "ujar Jubir Kemlu"."""
    return text[start:end], "person", "", text[start:role_end].strip()


def _person(text: str, start: int, end: int, role_start: int = -1) -> tuple[str, str, str, str]:
    """The person speaker written at text[start:end], after a role chain
    starting at role_start (-1: none), as (speaker, kind, inst, title)."""
    lx = load()
    words = list(re.finditer(r"\S+", text[start:end]))
    # a title the lexicon lacks may run on before the name: "Dewan Penasehat
    # Komisi Nasional Pengendalian | Tembakau Emil Salim"
    lead = role_start if role_start >= 0 else start - len(re.search(r"(?:(?<!\S)[A-Z][\w'’\-]*\s)*$", text[:start]).group(0))
    k = 0
    while k < len(words) and _office_word(words[k].group(0)):
        k += 1
    before = text[lead : start + (words[k - 1].end() if k else 0)].split()
    rest = len(words) - k
    if rest >= 3 and before and fold(before[-1]).startswith("pe") and _office_word(before[-1]):
        # the object of a long office's last noun ("Pengendalian Tembakau"), not
        # a portfolio after a role word, whose name may open with an ordinary
        # word ("Menteri Perhubungan Budi Karya Sumadi")
        if ordinary(words[k].group(0)) and len(_unlisted(" ".join(before))) >= 2:
            k += 1
    elif rest >= 3 and role_start >= 0:
        # a role heading an organisation names it first: "Dirut Pertamina Nina Widyastuti"
        roles = [r for m in lx.chain_re.finditer(text[role_start:start]) if (r := lx.role_of.get(fold(" ".join(m.group(0).split()))))]
        if roles and lx.role(roles[-1]).get("heads"):
            k += 1
    if role_start < 0:
        # "Kementerian Perdagangan": an institution the lexicon lacks, no person
        return (text[start + words[k].start() : end], "person", "", "") if k < len(words) else ("", "unknown", "", "")
    if k < len(words) and not (len(words) == 1 and ordinary(words[0].group(0))):
        # the office's words go with the role chain: "Menteri Perdagangan | Budi Santoso"
        return text[start + words[k].start() : end], "person", "", ""
    # No name, or a single ordinary word, as likely an office ("Menteri
    # Pariwisata") as a first name: the holder of the office, named by the
    # title; unless the name follows: "kata Menteri Perdagangan, Budi Santoso"
    m = re.match(r",\s*", text[end:])
    after = name_at(text, end + m.end()) if m else None
    if after and len(name_tokens(text[after[0] : after[1]])) >= 2:
        return text[after[0] : after[1]], "person", "", ""
    return text[role_start:end], "person", "", text[role_start:start].strip()


def _speaker_before(text: str, pos: int, people) -> tuple[str, str, str, str]:
    """Speaker written right before a verb at pos: (name, kind, inst, title)."""
    head = _AUX.sub("", text[:pos]).rstrip()
    end = len(head)
    inst = _institution_before(text, pos)
    if inst:
        return inst, "institution", inst, ""
    start, run_end, role_end = _run_after(text, _run_before(text, end))
    if role_end and run_end == end:  # "Menteri Luar Negeri mengatakan": a title, no name
        return _title(text, start, run_end, role_end)
    p = next((p for p in people if abs(p.end - end) <= 1), None)
    span = (p.start, p.end) if p else name_before(text, end)
    if span:
        # "Rob McBride dari Al Jazeera mengatakan": the person, not the outlet
        m = re.search(r"(?:dari|from|of)\s+$", text[: span[0]], re.I)
        if m:
            inner = name_before(text, m.start())
            if inner:
                return _person(text, *inner)
            return "", "unknown", "", ""
        if re.search(r"(?:\b(?:dan|and|serta|bersama|with|&)|,)\s+$", text[: span[0]], re.I):
            return "", "unknown", "", ""  # "Stoltenberg dan Blinken mengatakan": a joint statement
        if not _is_place_or_body(text[span[0] : span[1]]):
            return _person(text, span[0], span[1], p.role_start if p and 0 <= p.role_start < p.start else -1)
        return "", "unknown", "", ""
    m = re.search(r"(\w+)\s*$", head)
    if m and fold(m.group(1)) in _verbs()[3]:
        return m.group(1), "pronoun", "", ""
    return "", "unknown", "", ""


def _speaker_after(text: str, pos: int, people) -> tuple[str, str, str, str]:
    """Speaker written right after a verb ending at pos."""
    for p in people:
        if 0 <= p.role_start < p.start and p.role_start >= pos and p.role_start - pos <= 2:
            # the title may go on past a first "name": "Kapolda Metro Jaya | Irjen Karyadi"
            q = next((q for q in people if 0 <= q.role_start < q.start and 0 < q.role_start - p.end <= 1), p)
            return _person(text, q.start, q.end, p.role_start)
        if p.start >= pos and p.start - pos <= 2:
            return _person(text, p.start, p.end)
    start, end, role_end = _run_after(text, pos)
    if role_end:  # "kata Mendag.", "ujar Jubir Kemlu."
        return _title(text, start, end, role_end)
    span = name_at(text, pos)
    if span:
        return _person(text, *span)
    lx = load()
    m = lx.chain_re.match(text, start)
    if m:
        inst = lx.inst_of.get(fold(" ".join(m.group(0).split())), "")
        if inst:
            return inst, "institution", inst, ""
    return "", "unknown", "", ""


def extract_statements(sentence: str) -> list[Statement]:
    """Statements of one sentence with their speakers as written
    (pronouns unresolved)."""
    return list(_extract(sentence))


@lru_cache(maxsize=8192)
def _extract(text: str) -> tuple[Statement, ...]:
    after_re, before_re, acc_re, pronouns = _verbs()
    people = extract_people(text)
    out: list[Statement] = []
    quotes = [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in QUOTE_RE.finditer(text)]

    def in_quote(pos):
        return any(s < pos < e for s, e, _ in quotes)

    # a quote whose opening mark lies in an earlier sentence: "…,” kata X
    if not quotes:
        for close in re.finditer(r"[”\"](?=\s*[,.]?\s*\w)", text):
            if after_re.match(text, close.end()) and close.start() > 15:
                quotes.append((-1, close.end(), text[: close.start()]))
                break
    for s, e, content in quotes:
        m = after_re.match(text, e)
        tail = text[e:]
        if not m:  # '"…," X said' / "…", kata X
            m2 = re.match(r"^\s*[,.]?\s*", tail)
            if m2:
                name_span = name_at(text, e + m2.end())
                if name_span and re.match(r"\s+(said|says|told|kata|ujar)(?![\w])", text[name_span[1] :], re.I):
                    out.append(Statement(content, s + 1, e - 1, text[name_span[0] : name_span[1]], "person"))
                    continue
        if m:
            verb = fold(m.group(0).strip(" ,."))
            if verb.endswith("nya") and verb[:-3] != "":
                out.append(Statement(content, s + 1, e - 1, m.group(0).strip(" ,."), "pronoun"))
                continue
            out.append(Statement(content, s + 1, e - 1, *_speaker_after(text, m.end(), people)))
            continue
        # quote after a speech verb: X mengatakan : “…”
        vm = None
        for vm in before_re.finditer(text[:s]):
            pass
        if vm and not in_quote(vm.start()):
            out.append(Statement(content, s + 1, e - 1, *_speaker_before(text, vm.start(), people)))
    if not quotes:
        vm = next((v for v in before_re.finditer(text) if not in_quote(v.start())), None)
        if vm:
            rest = text[vm.end() :]
            cm = re.match(r"(?:\s+(?:dalam|kepada|to|in|at|pada)\b[^,:]{0,60}?)?\s*(?:bahwa|that|:|,)?\s*", rest, re.I)
            cstart = vm.end() + (cm.end() if cm else 0)
            content = text[cstart:].strip()
            if len(content.split()) >= 4:
                out.append(Statement(content, cstart, len(text), *_speaker_before(text, vm.start(), people)))
        else:
            am = acc_re.search(text)
            if am:
                span = name_at(text, am.end())
                comma = text.find(",", am.end())
                if span and comma > 0:
                    content = text[comma + 1 :].strip()
                    if len(content.split()) >= 4:
                        out.append(Statement(content, comma + 1, len(text), text[span[0] : span[1]], "person"))
    return tuple(out)


# ------------------------------------------------------------ resolution


def _previous_speaker(text: str, start: int) -> Statement | None:
    """The statement of the last named person (or title) speaking in the
    two sentences before start."""
    before = text[max(0, start - 700) : start]
    parts = [p for p in re.split(r"(?<=[.!?”\"])\s+", before) if p.strip()]
    for part in reversed(parts[-2:]):
        for st in reversed(extract_statements(part)):
            if st.kind == "person" and st.speaker:
                return st
    return None


def _full_name(name: str, text: str) -> str:
    """A bare surname resolved to the article's unique full name for it."""
    if len(name_tokens(name)) >= 2:
        return name
    fulls = {p.name for p in extract_people(text) if len(name_tokens(p.name)) >= 2 and surname_matches(name, p.name)}
    keys = []
    for f in fulls:
        if not any(same_person(f, k) for k in keys):
            keys.append(f)
    return keys[0] if len(keys) == 1 else name


def statements_of(sentence_text: str, start: int, article: Article) -> list[Statement]:
    """Statements of a sentence at ``start`` in ``article``, with pronouns
    resolved and surnames expanded to full names where unambiguous."""
    return list(_statements_of(sentence_text, start, article.text))


@lru_cache(maxsize=16384)
def _statements_of(sentence_text: str, start: int, text: str) -> tuple[Statement, ...]:
    out = []
    for st in extract_statements(sentence_text):
        if st.kind == "pronoun":
            prev = _previous_speaker(text, start)
            if prev:
                st = replace(st, speaker=prev.speaker, kind="person", title=prev.title)
        if st.kind == "person" and not st.title:
            st = replace(st, speaker=_full_name(st.speaker, text))
        out.append(st)
    return tuple(out)


def _same_speaker(x: Statement, y: Statement) -> bool | None:
    """True/False when both speakers are known and comparable, else None."""
    if x.kind == "person" and y.kind == "person":
        if x.title or y.title:
            return _same_office(x, y) if x.title and y.title else None
        a, b = x.speaker, y.speaker
        ta, tb = name_tokens(a), name_tokens(b)
        if len(ta) >= 2 and len(tb) >= 2:
            return same_person(a, b)
        if len(ta) == 1 and len(tb) >= 2:
            return surname_matches(a, b)
        if len(tb) == 1 and len(ta) >= 2:
            return surname_matches(b, a)
        return ta == tb
    if x.kind == "institution" and y.kind == "institution":
        lx = load()
        return x.inst in lx.inst_ancestors(y.inst) or y.inst in lx.inst_ancestors(x.inst)
    return None


def _same_office(x: Statement, y: Statement) -> bool | None:
    """Two speakers named by title only: one office when their roles are of
    one family (parsed as the role check parses them, so "Mendag" is
    "Menteri Perdagangan" and "Jubir Kemlu" is "juru bicara Kementerian Luar
    Negeri") and the offices of one are among the other's ("Menteri
    Perdagangan" is "Menteri Perdagangan RI"); two offices when they are not
    ("Menteri Perdagangan" vs "Menteri Pertanian"). Other titles ("Menteri"
    vs "Wakil Menteri", "Menteri" vs "juru bicara", or a portfolio that may
    be a name, "Menteri Pariwisata") are not compared."""
    ox, oy = _office(x.speaker), _office(y.speaker)
    if not ox or not oy or ox[0] != oy[0]:
        return None
    return ox[1] <= oy[1] or oy[1] <= ox[1]


def _office(title: str) -> tuple[tuple[str, bool], frozenset[str]] | None:
    """(role family, offices) of a title: the lexicon's institutions, types
    and countries, and the roots of the derived office words it lacks."""
    role = parse_role(title)
    rest = _unlisted(title)
    if not role or not role.family or not all(_office_word(w) for w in rest):
        return None
    offices = frozenset({role.itype, role.inst, role.country} - {None} | {root(w) for w in rest})
    return ((role.family, role.former), offices) if offices else None


@lru_cache(maxsize=16384)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(content_tokens(text))


def content_overlap(a: str, b: str, exclude: set[str] = frozenset()) -> tuple[float, int]:
    ta = _tokens(a) - exclude
    tb = _tokens(b) - exclude
    if not ta or not tb:
        return 0.0, 0
    shared = ta & tb
    return len(shared) / min(len(ta), len(tb)), len(shared)


def _snippet(text: str, words: int = 12) -> str:
    w = text.strip(" “”\"'.,").split()
    return " ".join(w[:words]) + ("…" if len(w) > words else "")


def check_attribution(candidate: Candidate, articles: list[Article], options: Options) -> list[Signal]:
    """Nearly the same statement, put in two different mouths."""
    a, b = candidate.a, candidate.b
    art_a, art_b = articles[a.article], articles[b.article]
    sa = [s for s in statements_of(a.text, a.start, art_a) if s.kind in ("person", "institution")]
    if not sa:
        return []
    sb = [s for s in statements_of(b.text, b.start, art_b) if s.kind in ("person", "institution")]
    min_overlap = getattr(options, "attribution_overlap", 0.5)
    min_shared = getattr(options, "attribution_min_shared", 5)
    for x in sa:
        for y in sb:
            same = _same_speaker(x, y)
            if same is not False:
                continue
            names = _tokens(x.speaker) | _tokens(y.speaker)
            ratio, shared = content_overlap(x.content, y.content, names)
            if ratio < min_overlap or shared < min_shared:
                continue
            label = lambda s: load().inst_label(s.inst) if s.kind == "institution" else s.speaker  # noqa: E731
            why = (
                f'attribution: "{_snippet(x.content)}" is attributed to {label(x)} in {art_a.file} '
                f"but to {label(y)} in {art_b.file}"
            )
            score = min(0.9, 0.55 + 0.4 * ratio)
            return [conflict("attribution", score, why, art_a, art_b, options)]
    return []
