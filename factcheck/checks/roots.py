"""Indonesian word roots (Sastrawi): "dukungan", "mendukung" and
"didukung" share the root "dukung", so checks can match a claim across
affixes and word classes."""

from __future__ import annotations

from functools import lru_cache

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Cache.ArrayCache import ArrayCache
from Sastrawi.Stemmer.CachedStemmer import CachedStemmer
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from .lexicon import fold, load


@lru_cache(maxsize=1)
def _stemmer() -> CachedStemmer:
    # Roots Sastrawi's dictionary lacks (lexicon polarity.stems): without them
    # "menandatangani" would not come down to "tandatangan".
    words = [*_dictionary(), *(fold(w) for w in load().raw["polarity"]["stems"])]
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
