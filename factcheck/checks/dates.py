"""Dates and times in a sentence, and the ``date`` check.

Extraction finds, with character offsets: numeric dates (19/6/2024),
day-month(-year) ("19 Juni 2024", "Rabu (19 Juni)", "June 19, 2024"),
month-year ("September 2023"), months ("bulan Juli"), years ("tahun 1961"),
weekdays ("pada hari Rabu"), relative days and years ("kemarin", "tahun
lalu", "2 hari lalu": resolved against the article's date with dateparser),
clock times ("pukul 2:45 pagi", "2:45 a.m.", "14.30 WIB") and parts of the
day ("dini hari", "sebelum fajar", "Rabu malam"), each as a window of
minutes after midnight, so that vague-but-compatible forms agree: "dini
hari" ~ "pukul 2:45 pagi" ~ "sebelum fajar". "malam Jumat" is the night
before Friday: Thursday's, like "Kamis malam", and compares exactly like
it; "malam Jumat (7/3)" with 7/3 a Friday is Thursday's or Friday's
evening, and keeps only what the two share (see _eve).

Two mentions are *comparable* when they share a field (year, month, day,
weekday; or both give a time of day in the same time zone) and *compatible*
when every shared field agrees (times: windows overlap, with a tolerance).
A pair of sentences conflicts only when a mention of each side is
comparable to mentions of the other but compatible with none of them, so a
sentence listing "1961, 2000 dan 2001" does not conflict with one naming
only 1961 and 2000. A night running past midnight ("Kamis malam") and the
next day at no stated time or at one that may fall in its small hours
("Jumat", "Jumat pagi") may be one night, so they do not conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..config import Options
from ..types import Article, Candidate, Signal
from .lexicon import alternation, content_tokens, fold, groups_of, hedged, load
from .temporal import conflict, far_apart


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    minutes: tuple[int, int] | None = None  # window of time of day; hi may pass 1440 (night)
    tz: str = ""  # "" local/unspecified, or a zone name ("wib", "utc")
    approx: bool = False
    resolved: dt.date | None = None  # the full date, when known or resolved
    either_day: bool = False  # on one of two days, the fields keeping what both share (see _eve)

    def fields(self) -> dict[str, int]:
        f = {}
        d = self.resolved
        for name in ("year", "month", "day", "weekday"):
            v = getattr(self, name)
            if v is None and d is not None:
                v = getattr(d, name) if name != "weekday" else d.weekday()
            if v is not None:
                f[name] = v
        return f

    @property
    def has_date(self) -> bool:
        return bool(self.fields())


@lru_cache(maxsize=1)
def _patterns():
    lx = load().raw["dates"]
    month_of = {}
    full_months = []
    for num, names in lx["months"].items():
        for n in names:
            month_of[n] = int(num)
            if len(n) > 3:
                full_months.append(n)
    weekday_of = {}
    for num, names in lx["weekdays"].items():
        for n in names:
            weekday_of[n] = int(num)
    months = alternation(month_of)
    fmonths = alternation(m for m in full_months if m != "may")
    weekdays = alternation(weekday_of)
    parts = alternation(lx["day_parts"])
    ampm = alternation(lx["am_markers"] + lx["pm_markers"])
    tz = alternation(list(lx["timezones"]) + lx["local_time"])
    rel_days = alternation(lx["relative_days"])
    rel_years = alternation(lx["relative_years"])
    B, E = r"(?<![\w/.:,-])", r"(?![\w/])"
    p = {
        "numeric": re.compile(B + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?" + E),
        "dmy": re.compile(B + rf"(\d{{1,2}})\s+({months})\.?(?:\s+(\d{{4}}))?(?![\w])", re.I),
        "mdy": re.compile(B + rf"({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?![\w:])", re.I),
        "my": re.compile(rf"(?<![\w])({fmonths}|May)\s+(\d{{4}})(?![\w])", re.I),
        "month": re.compile(rf"(?<![\w])(?:bulan|pada|in|sejak|since|hingga|until|dari|from|selama|sepanjang|during|throughout|awal|akhir|pertengahan|early|late|mid-?)\s+({fmonths})(?![\w])", re.I),
        "year": re.compile(B + r"((?:1[89]|20)\d{2})(?![\w/.,:]\d|\d)"),
        "weekday": re.compile(rf"(?<![\w])(?:(hari)\s+)?({weekdays})(?![\w])", re.I),
        "rel_day": re.compile(rf"(?<![\w])({rel_days})(?![\w])", re.I),
        "rel_year": re.compile(rf"(?<![\w])({rel_years})(?![\w])", re.I),
        "ago": re.compile(r"(?<![\w])(\d{1,3})\s+(hari|minggu|pekan|bulan|tahun|days?|weeks?|months?|years?)\s+(?:yang\s+)?(lalu|ago)(?![\w])", re.I),
        "time": re.compile(
            rf"(?:(?<![\w])(sekitar|kira-kira|around|about|approximately)\s+)?"
            rf"(?:(?<![\w])(?:pukul|jam|pkl\.?|at)\s*(\d{{1,2}})(?:[:.](\d{{2}}))?|{B}(\d{{1,2}})[:.](\d{{2}})(?=\s*(?:{ampm}|{tz})(?![\w]))|{B}(\d{{1,2}}):(\d{{2}}))"
            rf"(?:\s*({ampm})(?![\w]))?(?:\s*({tz})(?![\w]))?",
            re.I,
        ),
        "part": re.compile(rf"(?<![\w])({parts})(?![\w])", re.I),
        "eve": re.compile(rf"(?<![\w])(?:{alternation(lx['eve_words'])})\s+$", re.I),
    }
    return p, month_of, weekday_of


def _valid(y, m, d) -> bool:
    try:
        dt.date(2000 if y is None else y, m, d)  # year 0 is no year
        return True
    except (ValueError, TypeError):
        return False


def _days_after(date: dt.date, days: int) -> dt.date | None:
    """``date`` moved by ``days``; None past the ends of the calendar (years
    1 and 9999), which a sentence or a publication date may well name."""
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return None


def _nearest_year(month: int, day: int | None, ref: dt.date) -> int | None:
    """The year that puts month/day closest to the reference date."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if day is not None and not _valid(y, month, day):
            continue
        d = dt.date(y, month, day or 15)
        dist = abs((d - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best and best[0] <= 200 else None


@lru_cache(maxsize=8192)
def _extract(text: str, article_date: dt.date | None, lang: str) -> tuple[DateMention, ...]:
    p, month_of, weekday_of = _patterns()
    lx = load().raw["dates"]
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    def add(m: DateMention):
        out.append(m)
        taken.append((m.start, m.end))

    def month(name: str) -> int:
        return month_of[fold(name).rstrip(".")]

    # full dates first
    for m in p["numeric"].finditer(text):
        a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
        d, mo = (b, a) if lang == "en" and a <= 12 else (a, b)
        year = int(y) + (2000 if y and len(y) == 2 else 0) if y else None
        if 1 <= mo <= 12 and _valid(year, mo, d):
            add(DateMention(m.group(0), m.start(), m.end(), year, mo, d))
    for key in ("dmy", "mdy"):
        for m in p[key].finditer(text):
            if not free(m.start(), m.end()):
                continue
            if key == "dmy":
                d, mo = int(m.group(1)), month(m.group(2))
            else:
                mo, d = month(m.group(1)), int(m.group(2))
            year = int(m.group(3)) if m.group(3) else None
            if _valid(year, mo, d):
                e = m.end()
                if text[e - 1] == "." and not m.group(3) and len((m.group(2) if key == "dmy" else m.group(1))) > 3:
                    e -= 1  # the sentence's full stop, not an abbreviation
                add(DateMention(text[m.start() : e], m.start(), e, year, mo, d))
    for m in p["my"].finditer(text):
        if free(m.start(), m.end()):
            add(DateMention(m.group(0), m.start(), m.end(), int(m.group(2)), month(m.group(1))))
    for m in p["month"].finditer(text):
        s = m.start(1)
        if free(s, m.end()):
            add(DateMention(m.group(1), s, m.end(), None, month(m.group(1))))
    for m in p["ago"].finditer(text):
        if free(m.start(), m.end()) and article_date:
            d = _dateparser(m.group(0), article_date, lang)
            unit = fold(m.group(2))
            if d is not None:
                if unit.startswith(("tahun", "year")):
                    add(DateMention(m.group(0), m.start(), m.end(), d.year))
                elif unit.startswith(("bulan", "month")):
                    add(DateMention(m.group(0), m.start(), m.end(), d.year, d.month))
                else:
                    add(DateMention(m.group(0), m.start(), m.end(), resolved=d))
    for m in p["year"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        after = text[m.end() : m.end() + 20]
        # "2000 tentara" is a quantity; a year stands before punctuation,
        # a conjunction or the end
        nxt = re.match(r"\s*([^\W\d_]+)", after)
        if nxt and fold(nxt.group(1)) not in _YEAR_FOLLOWERS and not after.startswith((",", ".", ")", ";")):
            before = fold(text[max(0, m.start() - 12) : m.start()])
            if not re.search(r"(tahun|pada|sejak|hingga|in|since|until|by|year)\s*$", before):
                continue
        add(DateMention(m.group(0), m.start(), m.end(), int(m.group(1))))
    for m in p["rel_day"].finditer(text):
        if free(m.start(), m.end()):
            off = lx["relative_days"][" ".join(fold(m.group(1)).split())]
            res = _days_after(article_date, off) if article_date else None
            add(DateMention(m.group(0), m.start(), m.end(), resolved=res))
    for m in p["rel_year"].finditer(text):
        if free(m.start(), m.end()) and article_date:
            off = lx["relative_years"][" ".join(fold(m.group(1)).split())]
            add(DateMention(m.group(0), m.start(), m.end(), article_date.year + off))
    for m in p["weekday"].finditer(text):
        name = m.group(2)
        if not free(m.start(2), m.end(2)):
            # "Rabu (19 Juni)": attach the weekday to the date right after it
            continue
        hari = m.group(1)
        wd = weekday_of[fold(name)]
        if not hari and not name[0].isupper():
            continue  # "minggu" = week
        if fold(name) == "minggu" and not hari and not re.match(r"\s*\(", text[m.end() :]):
            before = text[max(0, m.start() - 12) : m.start()]
            if not (fold(before).rstrip().endswith("pada") or p["eve"].search(before)):
                continue
        dm = DateMention(m.group(0), m.start(), m.end(), weekday=wd)
        # a date in brackets right after: "Rabu (19/6/2024)", "Selasa (18 Juni)"
        for other in out:
            if other.day and 0 <= other.start - m.end() <= 3 and text[m.end() : other.start].strip() in ("(", ",", ""):
                other.weekday = wd
                other.start = m.start()
                other.text = text[other.start : other.end]
                dm = None
                break
        if dm is not None:
            if article_date:
                dm.resolved = _last_weekday(article_date, wd)
            add(dm)
    # resolve partial dates against the article's date
    for dm in out:
        if dm.resolved is None and dm.day and dm.month:
            year = dm.year or (_nearest_year(dm.month, dm.day, article_date) if article_date else None)
            if year and _valid(year, dm.month, dm.day):
                dm.resolved = dt.date(year, dm.month, dm.day)
    # times of day
    for m in p["time"].finditer(text):
        approx, h1, m1, h2, m2, h3, m3, mark, zone = m.groups()
        hour = h1 or h2 or h3
        minute = m1 or m2 or m3 or "0"
        if hour is None:
            continue
        h, mi = int(hour), int(minute)
        if h > 24 or mi > 59:
            continue
        if not free(m.start(), m.end()):
            continue
        markf = " ".join(fold(mark).split()) if mark else ""
        if markf in [fold(x) for x in lx["pm_markers"]] and h < 12:
            if not (markf in ("malam",) and h <= 4):  # "pukul 2 malam" = 02:00
                h += 12
        t = h * 60 + mi
        tol = 30 if approx else 0
        zonef = fold(zone) if zone else ""
        tzname = "" if (not zonef or zonef in [fold(x) for x in lx["local_time"]]) else zonef
        add(DateMention(m.group(0).strip(), m.start(), m.end(), minutes=(t - tol, t + tol), tz=tzname, approx=bool(approx)))
    for m in p["part"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        if re.search(r"(?:makan|jamuan|santap)\s+$", fold(text[max(0, m.start() - 10) : m.start()])):
            continue  # "makan siang" is lunch, not noon
        lo, hi = lx["day_parts"][" ".join(fold(m.group(1)).split())]
        tail = text[m.end() : m.end() + 25]
        zm = re.match(rf"\s*({alternation(lx['timezones'])})(?![\w])", tail, re.I)
        add(DateMention(m.group(0), m.start(), m.end(), minutes=(lo, hi), tz=fold(zm.group(1)) if zm else ""))
    out.sort(key=lambda d: d.start)
    return tuple(_eves(out, text, article_date, {fold(w) for w in lx["eve_words"]}))


def _last_weekday(article_date: dt.date, weekday: int) -> dt.date | None:
    """The latest day on or before the article's date that falls on ``weekday``."""
    return _days_after(article_date, -((article_date.weekday() - weekday) % 7))


def _eves(ms: list[DateMention], text: str, article_date: dt.date | None, eve_words: set[str]) -> list[DateMention]:
    """The mentions with each time of day ending in "malam" joined to the
    weekday right after it: "malam Jumat" is the night before Friday, i.e.
    Thursday's, as "Kamis malam" is ("Jumat malam" is Friday's)."""
    out: list[DateMention] = []
    for m in ms:
        prev = out[-1] if out else None
        if (
            m.weekday is not None
            and prev is not None
            and prev.minutes
            and not prev.has_date
            and not text[prev.end : m.start].strip()
            and fold(prev.text).split()[-1] in eve_words
        ):
            out[-1] = _eve(prev, m, text, article_date)
        else:
            out.append(m)
    return out


def _eve(part: DateMention, day: DateMention, text: str, article_date: dt.date | None) -> DateMention:
    """One mention of ``part`` on the evening before the weekday ``day`` names.

    A date in brackets: after "malam Jumat" many reporters give the
    evening's own date (Thursday 20/6, the day the event happened), which
    the calendar confirms. A date on the named day itself ("malam Jumat
    (21/6)", 21/6 a Friday) is read both ways: the eve, Thursday 20/6, to
    some; Friday 21/6's own evening to others. The mention then keeps only
    what the two readings share (the time of day, the month and a written
    year when both days have them) and drops the day and weekday they
    disagree on, so that it conflicts with neither reading. When the
    calendar cannot tell (no year to place the date) or the date is on
    neither day, the date is dropped and the weekday of the usual reading,
    the eve, is kept."""
    weekday = (day.weekday - 1) % 7
    named = day.resolved if day.day is not None else None
    lo, hi = part.minutes
    if hi < 720:  # "pukul 2 malam Jumat": the small hours that end that night, on Friday's calendar
        lo, hi = lo + 1440, hi + 1440
    eve = DateMention(text[part.start : day.end], part.start, day.end, minutes=(lo, hi), tz=part.tz, approx=part.approx)
    if named is not None and named.weekday() == day.weekday:
        eve.either_day = True
        before = _days_after(named, -1)  # None before 1 January of year 1: nothing is shared
        for field in ("year", "month") if day.year is not None else ("month",):
            if before is not None and getattr(before, field) == getattr(named, field):
                setattr(eve, field, getattr(named, field))
        return eve
    eve.weekday = weekday
    if named is not None and named.weekday() == weekday:
        # the year only if written: an inferred one would clash with a bare "tahun 2023"
        eve.year = named.year if day.year is not None else None
        eve.month, eve.day, eve.resolved = named.month, named.day, named
    elif article_date:
        eve.resolved = _last_weekday(article_date, weekday)
    return eve


_YEAR_FOLLOWERS = {"dan", "and", "hingga", "sampai", "to", "lalu", "silam", "ketika", "saat", "when", "yang", "lewat", "ini"}


def _dateparser(text: str, base: dt.date, lang: str) -> dt.date | None:
    """Resolve a relative expression ("2 hari lalu") with dateparser."""
    import dateparser

    langs = [lang, "en"] if lang in ("id", "en", "ms") and lang != "en" else ["en", "id"]
    got = dateparser.parse(
        text,
        languages=langs,
        settings={"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12), "PREFER_DATES_FROM": "past"},
    )
    return got.date() if got else None


def extract_dates(text: str, article_date: dt.date | None = None, lang: str = "id") -> list[DateMention]:
    """Date and time mentions of a sentence (offsets relative to text)."""
    return list(_extract(text, article_date, lang))


# ------------------------------------------------------------ comparison


def _explicit(m: DateMention) -> dict[str, int]:
    return {k: getattr(m, k) for k in ("year", "month", "day", "weekday") if getattr(m, k) is not None}


def _day_level(m: DateMention) -> bool:
    return m.day is not None or m.weekday is not None or m.resolved is not None


def compare_dates(x: DateMention, y: DateMention) -> bool | None:
    """None when incomparable, else whether compatible. Two day-level
    mentions compare as days (a weekday resolved against the article's date
    included); otherwise only the fields written on both sides count, so
    "hari Rabu" and "September 2023" are not compared."""
    if _day_level(x) and _day_level(y):
        if x.day is None or y.day is None:
            # a weekday or "kemarin": compare weekdays, never a weekday
            # resolved against a possibly imprecise article date
            wx, wy = x.fields().get("weekday"), y.fields().get("weekday")
            if wx is not None and wy is not None:
                return wx == wy
            if x.resolved and y.resolved:
                return x.resolved == y.resolved
            return None
        if x.resolved and y.resolved:
            return x.resolved == y.resolved
    fx, fy = _explicit(x), _explicit(y)
    shared = set(fx) & set(fy)
    if not shared:
        return None
    return all(fx[k] == fy[k] for k in shared)


# A day part may cross midnight either way when no day is named ("malam").
ANY_DAY = (0, 1440, -1440)


def compare_times(
    x: DateMention, y: DateMention, tol: int, shifts: tuple[int, ...] = ANY_DAY, unknown_zone_meets: bool = False
) -> bool | None:
    """None when incomparable, else whether the two windows meet once y is
    moved by one of ``shifts`` minutes (see time_shifts).
    ``unknown_zone_meets``: a time with no zone ("Kamis sore") may be in the
    other's zone ("pukul 17.00 WIB"), so it can excuse that time from a
    conflict (True when they meet), though it never accuses one (None)."""
    if x.minutes is None or y.minutes is None:
        return None
    (a0, a1), (b0, b1) = x.minutes, y.minutes
    meet = any(a0 - tol <= b1 + shift and b0 + shift - tol <= a1 for shift in shifts)
    if x.tz != y.tz:
        # different or unknown zones: not comparable
        return True if unknown_zone_meets and not (x.tz and y.tz) and meet else None
    return meet


def _day_of(ms: list[DateMention]) -> tuple[dt.date | None, int | None] | None:
    """The one day a sentence's times of day belong to, as (date, weekday),
    either may be None; None when the sentence names no day or several."""
    dates = {m.resolved for m in ms if m.day is not None and m.resolved}
    weekdays = {m.fields()["weekday"] for m in ms if m.weekday is not None or (m.day is not None and m.resolved)}
    if len(dates) > 1 or len(weekdays) > 1 or not (dates or weekdays):
        return None
    return next(iter(dates), None), next(iter(weekdays), None)


def time_shifts(ma: list[DateMention], mb: list[DateMention]) -> tuple[int, ...]:
    """How far (in minutes) b's times of day may be moved to meet a's.

    A window such as "malam" (18:00 to 03:00) reaches past midnight, so with
    no day named "malam" and "dini hari" may be one night. When both
    sentences name their day, the days decide: "Selasa malam" meets "Rabu
    dini hari" (b one day later: shift a day), but "Rabu malam" and "Rabu
    dini hari" are the two ends of one Wednesday. A sentence on one of two
    days (see _eve) has times that agree with none: that day is unknown."""
    if any(m.either_day for m in (*ma, *mb)):
        return ()
    da, db = _day_of(ma), _day_of(mb)
    if da is None or db is None:
        return ANY_DAY
    if da[0] and db[0]:
        offset = (db[0] - da[0]).days
    elif da[1] is not None and db[1] is not None:
        offset = (db[1] - da[1] + 3) % 7 - 3
    else:
        return ANY_DAY
    return (offset * 1440,) if abs(offset) <= 1 else ()


# A time of day starting before 07:00 may still belong to the night before.
EARLY = 420


def _next_day(x: DateMention, y: DateMention) -> bool:
    """Whether y's day is the day after x's: by date when both give one,
    else by weekday (as compare_dates compares them)."""
    if x.day is not None and y.day is not None and x.resolved and y.resolved:
        return (y.resolved - x.resolved).days == 1
    wx, wy = x.fields().get("weekday"), y.fields().get("weekday")
    return wx is not None and wy is not None and (wx + 1) % 7 == wy


def _night_to_early(xs: list[DateMention], ys: list[DateMention]) -> bool:
    """'Selasa malam' (or 'malam Rabu') on one side and, on the other, the
    next day at a time that may fall in its small hours ('Rabu dini hari',
    'Rabu pagi') or at no time at all ('Rabu', 'Rabu (19/6)'): possibly the
    same night, written from either side of midnight. A conflict needs
    every reading to clash, and the hours after midnight are one that
    does not."""
    def days(ms):
        return [m for m in ms if m.fields().get("weekday") is not None]

    def parts(ms):
        return [m.minutes for m in ms if m.minutes]

    for a, b in ((xs, ys), (ys, xs)):
        late = any(hi > 1440 for _, hi in parts(a))
        early = not parts(b) or any(lo <= EARLY for lo, _ in parts(b))
        if late and early and any(_next_day(da, db) for da in days(a) for db in days(b)):
            return True
    return False


def _unmatched(xs, ys, cmp):
    """The mentions of xs comparable to some of ys but compatible with none."""
    out = []
    for x in xs:
        verdicts = [cmp(x, y) for y in ys]
        verdicts = [v for v in verdicts if v is not None]
        if verdicts and not any(verdicts):
            out.append(x)
    return out


def date_conflicts(
    ma: list[DateMention], mb: list[DateMention], tolerance: int = 30
) -> list[tuple[DateMention, DateMention, str]]:
    """(mention of a, mention of b, kind) for each conflict between two
    sentences' mentions; empty when they agree or cannot be compared."""
    out = []
    if _night_to_early(ma, mb):
        return out  # one night across midnight: neither its days nor its times clash
    da = [m for m in ma if m.has_date]
    db = [m for m in mb if m.has_date]
    ua, ub = _unmatched(da, db, compare_dates), _unmatched(db, da, compare_dates)
    if ua and ub:
        x = ua[0]
        y = next((y for y in ub if compare_dates(x, y) is False), ub[0])
        out.append((x, y, "date"))
    elif not (ua or ub):
        # times only compare when the days do not disagree
        # A conflict needs every reading to clash, so a day part may still
        # cross midnight here; only an agreement is held to the named days.
        tc = lambda x, y: compare_times(x, y, tolerance, unknown_zone_meets=True)  # noqa: E731
        ta = [m for m in ma if m.minutes]
        tb = [m for m in mb if m.minutes]
        va, vb = _unmatched(ta, tb, tc), _unmatched(tb, ta, tc)
        if va and vb:
            out.append((va[0], vb[0], "time"))
    return out


def date_agreements(
    ma: list[DateMention], mb: list[DateMention], tolerance: int = 30
) -> list[tuple[DateMention, DateMention, str]]:
    """(mention of a, mention of b, kind) for the times of day, or full
    dates, that two sentences both give and that are compatible. Weekdays,
    months and years alone are too common to count as agreeing on a fact."""
    out = []
    shifts = time_shifts(ma, mb)
    for x in ma:
        for y in mb:
            if x.minutes and y.minutes and compare_times(x, y, tolerance, shifts):
                out.append((x, y, "time"))
            elif x.day is not None and y.day is not None and compare_dates(x, y):
                out.append((x, y, "date"))
    return out[:2]


@lru_cache(maxsize=1)
def event_words() -> dict[str, str]:
    """Folded event word -> its kind (lexicon "event_groups": tiba, mendarat, arrived -> arrive)."""
    return groups_of(load().raw["event_groups"])


def _strip(text: str, ms) -> str:
    for m in sorted(ms, key=lambda m: -m.start):
        text = text[: m.start] + " " + text[m.end :]
    return text


def same_event(a: str, b: str, ma=(), mb=()) -> bool:
    """Whether two sentences plausibly describe one event, judged on what
    they say besides their dates: several shared lower-case content words,
    or a shared kind of event (arrive ~ tiba ~ mendarat, sign ~
    menandatangani; lexicon "event_groups") plus a shared participant; and
    never when they name different places (lexicon "places") or different
    stages of a proceeding (vonis, pleidoi; lexicon "proceedings")."""
    return one_event(event_features(_strip(a, ma)), event_features(_strip(b, mb)))


@lru_cache(maxsize=1)
def _event_re() -> re.Pattern:
    return re.compile(rf"(?<![\w])({alternation(event_words())})(?![\w])", re.I)


@lru_cache(maxsize=1)
def _proceedings() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of the words naming a stage of a proceeding, and each one's stage."""
    stage_of = groups_of(load().raw["proceedings"])
    return re.compile(rf"(?<![\w])({alternation(stage_of)})(?:nya)?(?![\w])", re.I), stage_of


@lru_cache(maxsize=16384)
def event_features(text: str) -> tuple[frozenset, frozenset, frozenset, frozenset, frozenset]:
    """(lower-case content words, kinds of event, other content words,
    places, stages of a proceeding) of a sentence whose dates were blanked out."""
    ev = event_words()
    lower = frozenset(content_tokens(" ".join(t for t in text.split() if t[:1].islower())))
    groups = frozenset(ev[" ".join(fold(m.group(1)).split())] for m in _event_re().finditer(text))
    others = frozenset(set(content_tokens(text)) - set(ev))
    pattern, stage_of = _proceedings()
    stages = frozenset(stage_of[" ".join(fold(m.group(1)).split())] for m in pattern.finditer(text))
    return lower, groups, others, frozenset(_places(text)), stages


def undated(text: str, article_date: dt.date | None, lang: str) -> str:
    """The text with its dates and times blanked out."""
    return _strip(text, _extract(text, article_date, lang))


@lru_cache(maxsize=16384)
def sentence_event_features(text: str, article_date: dt.date | None, lang: str):
    return event_features(undated(text, article_date, lang))


def one_event(fa, fb, common: frozenset = frozenset()) -> bool:
    """:func:`same_event` on two sentences' event_features. ``common``: words too frequent in the run to tell events apart (the
    story's main actors), left out of the comparison."""
    la, ga, na, pa, sa = fa
    lb, gb, nb, pb, sb = fb
    if pa and pb and not pa & pb:
        return False  # "tiba di Hanoi" and "tiba di Pyongyang": two arrivals
    if sa and sb and not sa & sb:
        # "Vonis dibacakan ... Kamis" and "pleidoi yang dibacakan ... Senin":
        # one verb, but each stage of a trial has its own day
        return False
    if common:
        la, lb, na, nb = la - common, lb - common, na - common, nb - common
    if la and lb:
        shared = la & lb
        if len(shared) >= 3 or len(shared) / min(len(la), len(lb)) >= 0.4:
            return True
    return bool(ga & gb) and len(na & nb) >= 1


@lru_cache(maxsize=1)
def _places_re() -> re.Pattern:
    # a place where something happens: "di Hanoi", "ke Pyongyang", "in Seoul"
    return re.compile(rf"(?<![\w])(?:di|ke|in|at|to)\s+(?:ibu\s+kota\s+|bandara\s+)?({alternation(place_names())})(?![\w])", re.I)


def place_names() -> list[str]:
    return [p for p in load().raw["places"] if not p.startswith("_")]


def _places(text: str) -> set[str]:
    return {fold(m.group(1)) for m in _places_re().finditer(text)}


def _pair_mentions(candidate: Candidate, articles: list[Article], options: Options):
    """(a, b, article of a, article of b, a's mentions, b's mentions), or None
    when either side has no date or the articles are far apart in time."""
    a, b = candidate.a, candidate.b
    art_a, art_b = articles[a.article], articles[b.article]
    if far_apart(art_a, art_b, options):
        return None
    ma = extract_dates(a.text, art_a.date, art_a.language)
    mb = extract_dates(b.text, art_b.date, art_b.language)
    return (a, b, art_a, art_b, ma, mb) if ma and mb else None


def check_date(
    candidate: Candidate,
    articles: list[Article],
    options: Options,
    common: frozenset = frozenset(),
    two_counts: Callable[[DateMention, DateMention], bool] | None = None,
) -> list[Signal]:
    """A date or time of day that differs between two sentences about one
    event. Articles far apart in time are not compared: the date of a past
    event does not change over time, two dates there are two events.
    ``two_counts(x, y)``: whether the two dates are the periods of two
    different counts ("1.406 kasus sepanjang 2025" and "2.148 kasus
    sepanjang Januari hingga Oktober 2026" are two measurements, not one
    with two dates); such a pair is no conflict."""
    mentions = _pair_mentions(candidate, articles, options)
    if not mentions:
        return []
    a, b, art_a, art_b, ma, mb = mentions
    found = date_conflicts(ma, mb, getattr(options, "time_tolerance_minutes", 30))
    if two_counts is not None:
        found = [(x, y, kind) for x, y, kind in found if not two_counts(x, y)]
    if not found or not one_event(
        sentence_event_features(a.text, art_a.date, art_a.language), sentence_event_features(b.text, art_b.date, art_b.language), common
    ):
        return []
    reasons = []
    for x, y, kind in found:
        reasons.append(f'{kind}: "{x.text}" in {art_a.file} vs "{y.text}" in {art_b.file}')
    score = 0.8 if found[0][2] == "date" else 0.75
    return [conflict("date", score, "; ".join(reasons), art_a, art_b, options)]


def check_date_agreement(candidate: Candidate, articles: list[Article], options: Options) -> list[Signal]:
    """Two aligned sentences (the embedding puts them on one fact) that tell
    the same kind of event and give compatible times or dates agree on them,
    even where the NLI model cannot tell ("sebelum fajar" ~ "pukul 2:45 pagi").
    A plan ("diperkirakan akan tiba ... Rabu malam") agrees with no event."""
    mentions = _pair_mentions(candidate, articles, options)
    if not mentions or hedged(candidate.a.text) or hedged(candidate.b.text):
        return []
    a, b, art_a, art_b, ma, mb = mentions
    tolerance = getattr(options, "time_tolerance_minutes", 30)
    if date_conflicts(ma, mb, tolerance):
        return []
    agreeing = date_agreements(ma, mb, tolerance)
    kinds_a = sentence_event_features(a.text, art_a.date, art_a.language)[1]
    kinds_b = sentence_event_features(b.text, art_b.date, art_b.language)[1]
    if not agreeing or not kinds_a & kinds_b:
        return []
    why = "; ".join(f'{kind}: "{x.text}" in {art_a.file} ~ "{y.text}" in {art_b.file}' for x, y, kind in agreeing)
    return [Signal(category="date", verdict="agreement", score=0.7, why=why)]
