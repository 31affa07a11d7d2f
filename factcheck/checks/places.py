"""The place check: two outlets put one event in different countries.

"Putin tiba di Bandara Vladivostok, Rusia" and "Putin mendarat di ibu kota
Korea Utara" tell one arrival in two countries. The NLI model misses this
when the outlets word the sentences differently, so a place is read the way
the other checks read a number: where something happens ("di", "ke", "in",
"at", "to" before a place, through "ibu kota"/"bandara"/"capital of"), and
resolved to the country it lies in. Country and city names come from CLDR
(through babel: every country name and time-zone city, in Indonesian and
English) and from the lexicon's "places" (Indonesian spellings, capitals that
CLDR lists under another city, landmarks such as the Kremlin).

Two places conflict only when no place of one sentence lies in a country of
the other. Precision comes first, so the pair must also tell one event: a
shared kind of event (arrive ~ tiba ~ mendarat, welcome ~ disambut; lexicon
"event_groups") and a shared participant, a name other than a place
("Putin"; not "orang" or "Ukraina"); neither sentence hedged ("akan
tiba", "diperkirakan", "if": a plan is not an event); no conflicting dates
or times (two days, two events); and the articles not far apart in time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from ..config import Options
from ..types import Article, Candidate, Sentence, Signal
from .dates import date_conflicts, event_words, extract_dates, sentence_event_features, undated
from .lexicon import TOKEN_RE, alternation, fold, hedged, load
from .polarity import ordinary
from .temporal import conflict, far_apart

# Time zones that name no town an article would report from.
_SKIP_ZONE_AREAS = ("Antarctica", "Etc")
# Names that are also ordinary words or people in news copy.
_PLAIN = re.compile(r"^[^\W\d_][\w'. -]*$")


@dataclass(frozen=True)
class Place:
    name: str  # as written
    country: str  # ISO code, lower case
    start: int
    end: int


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Place name as written -> ISO country code (lower case)."""
    names: dict[str, str] = {}
    for loc in ("en", "id"):
        for zone, territory in get_global("zone_territories").items():
            if zone.split("/")[0] in _SKIP_ZONE_AREAS or len(territory) != 2:
                continue
            names[get_timezone_location(zone, locale=loc, return_city=True)] = territory.lower()
        for code, name in Locale(loc).territories.items():
            if len(code) == 2 and code.isalpha():
                names[name] = code.lower()
    lx = load()
    for code, country in lx.raw["countries"].items():
        for name in country["names"]:
            names[name] = code
    for name, code in lx.raw["places"].items():
        if name.startswith("_"):
            continue
        if code:
            names[name] = code
        else:
            names.pop(name, None)
    return {n: c for n, c in names.items() if _PLAIN.match(n) and len(n) > 2 or n.isupper()}


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern:
    # The preposition and the words around the name are case-insensitive; the
    # name is matched as capitalised, so "di jersey" or "to turkey" stay words.
    lead = r"(?i:di|ke|in|at|to)"
    facility = r"(?i:(?:luar|dalam|depan)\s+)?(?i:bandara(?:\s+internasional)?|airport|bandar\s+udara)"
    capital = r"(?i:ibu\s+kota|ibukota|kota|capital(?:\s+of)?|the\s+capital(?:\s+of)?)"
    # A name followed by another capitalised word is part of a longer one
    # ("Amerika Latin", "Korea Utara" is listed whole).
    return re.compile(
        rf"(?<![\w]){lead}\s+(?:(?:{facility}|{capital})\s+)?({alternation(gazetteer())})(?![\w])(?!\s+[A-Z])"
    )


def places_in(text: str) -> list[Place]:
    """Where something happens in a sentence, each place with its country."""
    names = gazetteer()
    folded = {fold(n): c for n, c in names.items()}
    out = []
    for m in _place_re().finditer(text):
        name = m.group(1)
        country = names.get(name) or folded.get(fold(name))
        if country:
            out.append(Place(name, country, m.start(1), m.end(1)))
    return out


def _country_label(code: str) -> str:
    return Locale("en").territories.get(code.upper(), code.upper())


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(fold(w) for name in gazetteer() for w in name.split())


@lru_cache(maxsize=16384)
def participants(text: str) -> frozenset[str]:
    """The names a sentence mentions (capitalised words, folded) other than
    places: "orang", "udara" or "Ukraina" shared by two sentences do not make
    them one event; "Putin" may."""
    places = _place_words()
    tokens = [m.group(0) for m in TOKEN_RE.finditer(text)]
    # The first word is capitalised whatever it is: only a name counts there.
    if tokens and ordinary(tokens[0]):
        tokens = tokens[1:]
    return frozenset(fold(t) for t in tokens if t[0].isupper() and fold(t) not in places)


def _one_event(a: Sentence, b: Sentence, art_a: Article, art_b: Article) -> bool:
    """A shared kind of event and a shared participant, dates left out."""
    kinds_a = sentence_event_features(a.text, art_a.date, art_a.language)[1]
    kinds_b = sentence_event_features(b.text, art_b.date, art_b.language)[1]
    names_a = participants(undated(a.text, art_a.date, art_a.language))
    names_b = participants(undated(b.text, art_b.date, art_b.language))
    # Event words open many sentences capitalised ("Serangan ..."): no name.
    return bool(kinds_a & kinds_b) and bool(names_a & names_b - event_words().keys())


def check_place(candidate: Candidate, articles: list[Article], options: Options) -> list[Signal]:
    """A place conflict between two aligned sentences about one event."""
    a, b = candidate.a, candidate.b
    art_a, art_b = articles[a.article], articles[b.article]
    pa, pb = places_in(a.text), places_in(b.text)
    if not pa or not pb or {p.country for p in pa} & {p.country for p in pb}:
        return []
    if far_apart(art_a, art_b, options) or hedged(a.text) or hedged(b.text) or not _one_event(a, b, art_a, art_b):
        return []
    ma = extract_dates(a.text, art_a.date, art_a.language)
    mb = extract_dates(b.text, art_b.date, art_b.language)
    if date_conflicts(ma, mb, options.time_tolerance_minutes):
        return []  # two dates, two events: "tiba di Hanoi pada Rabu malam"
    x, y = pa[0], pb[0]
    why = (
        f'place: "{x.name}" ({_country_label(x.country)}) in {art_a.file} '
        f'vs "{y.name}" ({_country_label(y.country)}) in {art_b.file}'
    )
    return [conflict("place", 0.7, why, art_a, art_b, options)]
