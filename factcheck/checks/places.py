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

A name that is both a country and a region of another ("Georgia", a US
state; lexicon "states") lies in either country, unless a marker says which
("negara bagian Georgia" is in the US).

Two places conflict only when no place of one sentence lies in a country of
the other. Precision comes first, so the pair must also tell one event: a
shared kind of event (arrive ~ tiba ~ mendarat, welcome ~ disambut; lexicon
"event_groups") and a shared participant, a name other than a place
("Putin"; not "orang" or "Ukraina"); neither sentence hedged ("akan
tiba", "diperkirakan", "if": a plan is not an event); no conflicting dates
or times (two days, two events); and the articles not far apart in time.
A traveller and a kind of event are not enough: a tour arrives in several
countries, each arrival its own event. So the two sentences must share
something of the event beyond them (lexicon "place_ties"): the same day (at
times of day that meet, or cannot be compared: "pukul 09.00 WIB" and
"pagi"), the same clock time, the same host met or welcoming ("disambut
Presiden X" ~ "X menyambut", "disambut pemimpin Korea Utara, X"), or the
same named venue ("Istana Malacañang"; not one put in two cities, as a
hotel chain's). Two different hosts are two stops, whatever the day.
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
from .dates import (
    DateMention,
    compare_times,
    date_agreements,
    date_conflicts,
    event_words,
    extract_dates,
    sentence_event_features,
    time_shifts,
    undated,
)
from .lexicon import TOKEN_RE, alternation, fold, hedged, load, phrase_pattern
from .people import name_tokens, same_person
from .roots import ordinary
from .temporal import conflict, far_apart

# Time zones that name no town an article would report from.
_SKIP_ZONE_AREAS = ("Antarctica", "Etc")
# Names that are also ordinary words or people in news copy.
_PLAIN = re.compile(r"^[^\W\d_][\w'. -]*$")
# The widest window of a clock time, "sekitar pukul 2:45" included; parts of
# the day ("pagi", "dini hari") span hours and fit any arrival of a tour.
_CLOCK_MINUTES = 60
# A host is named in the clause of "disambut"/"menyambut", not across
# punctuation, but for the comma after a role ("pemimpin Korea Utara, Kim").
_PUNCT = re.compile(r"[^\w\s'’-]|\d")
# Where a venue stands: "di Istana Malacañang", "at Malacañang Palace".
_AT_END = re.compile(r"(?<![\w])(?i:di|ke|in|at|to)(?:\s+(?i:the))?\s+$")
# Between a venue's name and the place it stands in ("Hotel Shangri-La di
# Singapura", "Istana Malacañang, Manila").
_VENUE_IN = re.compile(r"\s*(?:,\s*|(?i:di|in|at)\s+)?")


@dataclass(frozen=True)
class Place:
    name: str  # as written
    countries: frozenset[str]  # ISO codes, lower case; two for "Georgia" unmarked
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
def _states() -> dict[str, str]:
    """Folded name of a region named like a country -> the country it lies in."""
    return {fold(n): c for n, c in load().raw["states"]["names"].items()}


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Folded names of countries, in Indonesian and English."""
    names = {n for loc in ("en", "id") for code, n in Locale(loc).territories.items() if len(code) == 2 and code.isalpha()}
    names |= {n for country in load().raw["countries"].values() for n in country["names"]}
    return frozenset(fold(n) for n in names)


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern:
    # The preposition and the words around the name are case-insensitive; the
    # name is matched as capitalised, so "di jersey" or "to turkey" stay words.
    lead = r"(?i:di|ke|in|at|to)"
    facility = r"(?i:(?:luar|dalam|depan)\s+)?(?i:bandara(?:\s+internasional)?|airport|bandar\s+udara)"
    capital = r"(?i:ibu\s+kota|ibukota|kota|capital(?:\s+of)?|the\s+capital(?:\s+of)?)"
    lx = load().raw
    state = alternation(lx["states"]["markers"])
    names = alternation(set(gazetteer()) | set(lx["states"]["names"]))
    when = alternation(w for kind in ("months", "weekdays") for ws in lx["dates"][kind].values() for w in ws)
    # A name followed by another capitalised word is part of a longer one
    # ("Amerika Latin", "Korea Utara" is listed whole), unless that word is a
    # weekday or a month ("tiba di Seoul Selasa").
    return re.compile(
        rf"(?<![\w]){lead}\s+(?:(?:{facility}|{capital})\s+|(?P<state>(?i:{state}))\s+)?(?P<name>{names})(?![\w])"
        rf"(?!\s+(?!(?i:{when})(?![\w]))[A-Z])"
    )


@lru_cache(maxsize=1)
def _folded_gazetteer() -> dict[str, str]:
    return {fold(n): c for n, c in gazetteer().items()}


def places_in(text: str) -> list[Place]:
    """Where something happens in a sentence, each place with its countries."""
    names, states = gazetteer(), _states()
    out = []
    for m in _place_re().finditer(text):
        name = m.group("name")
        key = fold(name)
        country = names.get(name) or _folded_gazetteer().get(key)
        if m.group("state"):
            # "negara bagian Georgia" is no country, "negara bagian Hawaii" a place of one
            countries = {states[key]} if key in states else set() if key in _country_names() else {country}
        else:
            countries = {country, states.get(key)}
        countries -= {None}
        if countries:
            out.append(Place(name, frozenset(countries), m.start("name"), m.end("name")))
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


def _runs(text: str) -> list[tuple[int, int, str]]:
    """Capitalised words written one after another, with nothing but spaces
    between (names of people, venues, places), as (start, end, text)."""
    runs: list[list[int]] = []
    prev_end, prev_cap = -1, False
    for m in TOKEN_RE.finditer(text):
        cap = m.group(0)[0].isupper()
        if cap and prev_cap and text[prev_end : m.start()].isspace():
            runs[-1][1] = m.end()
        elif cap:
            runs.append([m.start(), m.end()])
        prev_end, prev_cap = m.end(), cap
    return [(s, e, text[s:e]) for s, e in runs]


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(fold(w) for w in load().raw["not_names"])


@lru_cache(maxsize=1)
def _tie_words() -> dict:
    raw = load().raw["place_ties"]
    return {
        "after": frozenset(fold(w) for w in raw["host_after"]),
        "link_re": re.compile(phrase_pattern(raw["host_after"] + raw["host_before"]), re.I),
        "gap": raw["host_gap"],
        "venues": frozenset(fold(w) for w in raw["venues"]),
        "generic": frozenset(fold(w) for w in raw["generic_venue_words"]),
    }


@lru_cache(maxsize=1)
def _gazetteer_re() -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{alternation(gazetteer())})(?![\w])")


def _untitled(text: str) -> str:
    """Text with its titles, roles, institutions and places blanked out."""
    return _gazetteer_re().sub(" ", load().chain_re.sub(" ", text))


def _name_words(run: str) -> frozenset[str]:
    """The words of a capitalised run that name someone or something: titles,
    institutions and places left out ("Presiden Filipina Rafael Santos" ->
    rafael, santos). Places go whole, so that "Minh" stays in "Tran Van
    Minh" though "Ho Chi Minh" is a city."""
    return frozenset(w for w in name_tokens(_untitled(run)) if w not in _not_names())


@lru_cache(maxsize=1)
def _role_re() -> re.Pattern:
    """Any role of the lexicon ("pemimpin tertinggi", "juru bicara", "Presiden")."""
    return re.compile(phrase_pattern([n for r in load().raw["roles"].values() for n in r["names"]]), re.I)


@lru_cache(maxsize=4096)  # _venues, _hosts and _names of one sentence all ask
def _venue_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """The runs that name a venue: a venue word opening the run ("Istana
    Malacañang", "Hotel Shangri-La"), or anywhere in a run after "di"/"at"
    ("at Malacañang Palace"). A venue word elsewhere is a person's name
    ("Senator Stuart Hall"), and a run after a role names a person with
    their institution ("juru bicara Gedung Putih Karine Jean-Pierre")."""
    venues = _tie_words()["venues"]
    out = []
    for start, end, run in _runs(text):
        words = name_tokens(run)
        if not set(words) & venues:
            continue
        before = text[:start]
        if any(m.end() == len(before.rstrip()) for m in _role_re().finditer(before)):
            continue
        if words[0] in venues or _AT_END.search(before):
            out.append((start, end, run))
    return tuple(out)


def _venue_place(text: str, start: int, end: int) -> str | None:
    """The place a venue is put in, named within its run ("Hotel Shangri-La
    Singapura") or right after it ("Hotel Shangri-La di Singapura",
    "Istana Malacañang, Manila")."""
    place = _gazetteer_re().search(text, start, end) or _gazetteer_re().match(text, _VENUE_IN.match(text, end).end())
    return place.group(0) if place else None


def _same_place(x: str, y: str) -> bool:
    """A city and its country are one place ("Manila" ~ "Filipina"); two
    cities, even of one country, are two."""
    if fold(x) == fold(y):
        return True
    cx, cy = (_folded_gazetteer().get(fold(n)) for n in (x, y))
    return cx == cy and bool({fold(x), fold(y)} & _country_names())


def _venues(text: str) -> dict[frozenset[str], tuple[str, str | None]]:
    """The named venues of a sentence, their particular words -> (as
    written, the place it is put in or None)."""
    tw = _tie_words()
    out = {}
    for start, end, run in _venue_runs(text):
        words = frozenset(w for w in _name_words(run) - tw["venues"] - tw["generic"] if not ordinary(w))
        if words:
            out[words] = (run, _venue_place(text, start, end))
    return out


def _host_gap(gap: str, name_last: bool) -> bool:
    """Whether the words between a welcome word and a name leave the name
    the host: a few lower-case words ("disambut langsung oleh"), places,
    and a role with its country ("pemimpin tertinggi Korea Utara"), which
    may be set off from a name after it by a comma ("disambut pemimpin
    Korea Utara, Kim Jong Un"). Anything else after a comma, or any other
    punctuation, starts a new clause ("disambut pejabat tinggi, kemudian
    Kim Jong Un berpidato")."""
    role_side, comma, name_side = gap.rpartition(",") if name_last else ("", "", gap)
    if comma and (name_side.strip() or not _role_re().search(role_side)):
        return False
    rest = _untitled(role_side if comma else gap)
    lower = [w for w in rest.split() if not w[0].isupper()]
    return not _PUNCT.search(rest) and len(lower) <= _tie_words()["gap"]


def _hosts(text: str) -> dict[frozenset[str], str]:
    """Whom a sentence says the traveller met or was welcomed by: the name
    right after "disambut"/"bertemu"/"welcomed by", or right before
    "menyambut"/"welcomed", across a few words (see _host_gap). A venue is
    where, not whom."""
    tw = _tie_words()
    venues = {start for start, _, _ in _venue_runs(text)}
    runs = [r for r in _runs(text) if r[0] not in venues]
    out = {}
    for m in tw["link_re"].finditer(text):
        after = " ".join(fold(m.group(0)).split()) in tw["after"]
        if after:
            near = [(r, text[m.end() : r[0]]) for r in runs if r[0] >= m.end()]
        else:
            near = [(r, text[r[1] : m.start()]) for r in reversed(runs) if r[1] <= m.start()]
        for (_, _, run), gap in near:
            if not _host_gap(gap, name_last=after):
                break
            words = _name_words(run)
            if words:
                out[words] = run
                break
    return out


def _same_name(x: frozenset[str], y: frozenset[str], x_text: str, y_text: str) -> bool:
    """One name against another: "Santos" ~ "Rafael Santos", "Kim Jong-un" ~
    "Kim Jong Un"; two full names must be one person's ("Kim Jong Un" is not
    "Kim Yo Jong")."""
    if len(x) == 1 or len(y) == 1:
        return bool(x & y)
    return x == y or same_person(x_text, y_text)


def _names(text: str) -> frozenset[str]:
    """The words of the names a sentence mentions, venues and titles left out."""
    words = {w for t in participants(text) for w in name_tokens(t)}
    venues = {start for start, _, _ in _venue_runs(text)}
    return frozenset(w for start, _, run in _runs(text) if start not in venues for w in _name_words(run) & words)


def _day_or_time(ma: list[DateMention], mb: list[DateMention], tolerance: int) -> str | None:
    """The same day (date, weekday, "kemarin") at no different time of day,
    or the same clock time."""
    agreements = date_agreements(ma, mb, tolerance)
    # A tour may land in one capital at dawn and the next by night: one day
    # ties the two unless their times of day are comparable and never meet.
    # Times in different or unknown zones ("pukul 09.00 WIB" and "pagi")
    # cannot be compared, so they tell nothing either way.
    shifts = time_shifts(ma, mb)
    met = {compare_times(x, y, tolerance, shifts) for x in ma for y in mb}
    same_hours = True in met or False not in met
    for x in ma:
        for y in mb:
            wx, wy = x.fields().get("weekday"), y.fields().get("weekday")
            # "kemarin" in articles a week apart: one weekday, two days.
            if wx is not None and wx == wy and same_hours and not (x.resolved and y.resolved and x.resolved != y.resolved):
                return f'the same day ("{x.text}" ~ "{y.text}")'
    for x, y, kind in agreements:
        if kind == "time" and min(w.minutes[1] - w.minutes[0] for w in (x, y)) <= _CLOCK_MINUTES:
            return f'the same time ("{x.text}" ~ "{y.text}")'
    return None


def _tie(ta: str, tb: str, ma: list[DateMention], mb: list[DateMention], tolerance: int) -> str | None:
    """What ties two sentences about one traveller to one event, beyond the
    traveller and the kind of event (a tour arrives in several countries):
    the same day or clock time, the same host, or the same named venue;
    never two different hosts."""
    names_a, names_b = _names(ta), _names(tb)
    shared = names_a & names_b
    hosts_a, hosts_b = _hosts(ta), _hosts(tb)
    # The host is someone besides the traveller: one guest welcomed by a
    # host of each stop is no tie, nor one host's two guests.
    host = next(
        (
            f'the same host ("{x_text}" ~ "{y_text}")'
            for x, x_text in hosts_a.items()
            for y, y_text in hosts_b.items()
            if _same_name(x, y, x_text, y_text) and shared - x - y
        ),
        None,
    )
    # Each sentence names a host the other never mentions (Sisi in Cairo,
    # Erdogan in Ankara on the same Monday): two stops, whatever the day. A
    # host the other sentence names too may be its traveller, or its host
    # read as the guest, so it tells nothing.
    if not host and any(not x & names_b for x in hosts_a) and any(not y & names_a for y in hosts_b):
        return None
    when = _day_or_time(ma, mb, tolerance)
    if when or host:
        return when or host
    for x, (x_text, x_at) in _venues(ta).items():
        for y, (y_text, y_at) in _venues(tb).items():
            # A hotel chain stands in every capital: one venue put in two
            # cities is two venues.
            if x & y and (not x_at or not y_at or _same_place(x_at, y_at)):
                return f'the same venue ("{x_text}" ~ "{y_text}")'
    return None


def _one_event(
    a: Sentence, b: Sentence, art_a: Article, art_b: Article, ma: list[DateMention], mb: list[DateMention], tolerance: int
) -> str | None:
    """A shared kind of event and a shared participant, dates left out, and
    something else of the event shared (see _tie); what ties them, or None."""
    kinds_a = sentence_event_features(a.text, art_a.date, art_a.language)[1]
    kinds_b = sentence_event_features(b.text, art_b.date, art_b.language)[1]
    ta, tb = undated(a.text, art_a.date, art_a.language), undated(b.text, art_b.date, art_b.language)
    # Event words open many sentences capitalised ("Serangan ..."): no name.
    if not kinds_a & kinds_b or not participants(ta) & participants(tb) - event_words().keys():
        return None
    return _tie(ta, tb, ma, mb, tolerance)


def _label(place: Place) -> str:
    return " or ".join(sorted(_country_label(c) for c in place.countries))


def check_place(candidate: Candidate, articles: list[Article], options: Options) -> list[Signal]:
    """A place conflict between two aligned sentences about one event."""
    a, b = candidate.a, candidate.b
    art_a, art_b = articles[a.article], articles[b.article]
    pa, pb = places_in(a.text), places_in(b.text)
    if not pa or not pb or set().union(*(p.countries for p in pa)) & set().union(*(p.countries for p in pb)):
        return []
    if far_apart(art_a, art_b, options) or hedged(a.text) or hedged(b.text):
        return []
    ma = extract_dates(a.text, art_a.date, art_a.language)
    mb = extract_dates(b.text, art_b.date, art_b.language)
    if date_conflicts(ma, mb, options.time_tolerance_minutes):
        return []  # two dates, two events: "tiba di Hanoi pada Rabu malam"
    tie = _one_event(a, b, art_a, art_b, ma, mb, options.time_tolerance_minutes)
    if not tie:
        return []
    x, y = pa[0], pb[0]
    why = f'place: "{x.name}" ({_label(x)}) in {art_a.file} vs "{y.name}" ({_label(y)}) in {art_b.file}; one event: {tie}'
    return [conflict("place", 0.7, why, art_a, art_b, options)]
