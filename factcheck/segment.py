"""Split articles into sentences whose offsets point exactly into Article.text.

sentencex proposes the boundaries; it has no Indonesian rules, so the ones
it gets wrong for Indonesian news are undone or moved here.
"""

from __future__ import annotations

import re

import sentencex

from factcheck.types import Article, Sentence

# Written with a period but followed by more of the same sentence: titles and
# ranks before a name, address and unit words before a name or number. Words
# that often end a list (dll., dsb., dst., dkk.) are absent on purpose: they
# end a sentence when a capital follows.
ABBREVIATIONS = frozenset(
    """
    dr drs dra prof ir h hj kh ust sdr sdri bpk yth mr mrs ms st
    kol jend letjen mayjen brigjen laksma laksda laksdya marsma marsda marsdya kapt lettu letda
    serda serka sertu kombes kompol akbp akp irjen komjen ipda iptu aiptu bripka briptu inf kav
    gen lt col capt sgt gov sen rep
    jl jln gg kec kab kel prov no rt rw hlm hal vol tel telp ext rp tbk
    bln thn tgl pk a.n s.d u.p d.a a.l
    """.split()
)
# The word before a period: "(Dr." -> "dr", "s.d." -> "s.d".
LAST_WORD = re.compile(r"(?:^|[\s(“\"‘'])([\w.]+?)\.$")
INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
# A quote opening the next sentence that the segmenter left on this one.
STRANDED_OPENING_QUOTE = re.compile(r"[.!?…]\s+([“\"‘])$")
# A quote closing this sentence that the segmenter put on the next one.
LEADING_CLOSING_QUOTE = re.compile(r"\s*[”\"’']+(?!\w)")


def split_sentences(article: Article, article_index: int) -> list[Sentence]:
    """Sentences of one article; ``article.text[s.start:s.end] == s.text``."""
    sentences: list[Sentence] = []
    # sentencex knows the abbreviations of English references; Indonesian
    # rules are added below for every language.
    language = "id" if article.language == "und" else article.language
    # A line break always ends a sentence: paragraphs are never crossed.
    for paragraph in re.finditer(r"[^\n]+", article.text):
        start = paragraph.start()
        for cut in [*_cuts(paragraph.group(), language), len(paragraph.group())]:
            end = paragraph.start() + cut
            piece = article.text[start:end]
            left = start + len(piece) - len(piece.lstrip())
            right = end - (len(piece) - len(piece.rstrip()))
            if right > left:
                text = article.text[left:right]
                sentences.append(Sentence(article_index, len(sentences), left, right, text))
            start = end
    return sentences


def split_all(articles: list[Article]) -> list[Sentence]:
    """Sentences of every article, in article order."""
    return [sentence for index, article in enumerate(articles) for sentence in split_sentences(article, index)]


def _cuts(paragraph: str, language: str) -> list[int]:
    """Sentence boundaries inside one paragraph, as character offsets."""
    cuts: list[int] = []
    position = 0
    for piece in sentencex.segment(language, paragraph)[:-1]:
        position += len(piece)
        cut = _adjust(paragraph, position)
        if cut is not None:
            cuts.append(cut)
    return cuts


def _adjust(paragraph: str, cut: int) -> int | None:
    """Where the boundary proposed at ``cut`` really goes, or None if the
    text on both sides is one sentence."""
    stranded = STRANDED_OPENING_QUOTE.search(paragraph[:cut].rstrip())
    if stranded:
        cut = stranded.start(1)
    closing = LEADING_CLOSING_QUOTE.match(paragraph, cut)
    if closing:
        cut = closing.end()
    left, right = paragraph[:cut].rstrip(), paragraph[cut:].lstrip()
    # A sentence never starts in lower case: "“Kami siap.” kata dia."
    if not left or not right or right[0].islower():
        return None
    word = LAST_WORD.search(left)
    if word and word.group(1).lower() in ABBREVIATIONS:
        return None
    if INITIAL.search(left):
        return None
    return cut
