"""The place check: one event put in two countries. No models."""

import datetime as dt

import pytest

from factcheck.checks.places import check_place, places_in
from factcheck.config import Options
from factcheck.types import Article, Candidate, Sentence


def judge(a: str, b: str, dates=(dt.date(2025, 3, 4), dt.date(2025, 3, 4))):
    articles = [
        Article(file=f"{i}.txt", path=f"{i}.txt", outlet=str(i), text=t, date=d, language="id")
        for i, (t, d) in enumerate(zip((a, b), dates))
    ]
    sa, sb = (Sentence(article=i, index=0, start=0, end=len(t), text=t) for i, t in enumerate((a, b)))
    return check_place(Candidate(sa, sb, 0.92), articles, Options())


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Presiden tiba di Bandara Vladivostok, Rusia, pada Rabu.", "Vladivostok", "ru"),
        ("Pesawatnya mendarat di ibu kota Korea Utara sebelum fajar.", "Korea Utara", "kp"),
        ("Mereka berpelukan di luar Bandara Internasional Beijing.", "Beijing", "cn"),
        ("Menteri itu terbang ke Moskwa untuk berunding.", "Moskwa", "ru"),  # CLDR's Indonesian name
        ("The minister flew to Nairobi for talks.", "Nairobi", "ke"),  # CLDR's English time-zone city
        ("Di Washington, DC, menteri luar negeri berbicara.", "Washington", "us"),
    ],
)
def test_places_resolve_to_countries(text, name, country):
    [p] = places_in(text)
    assert (p.name, p.country) == (name, country)
    assert text[p.start : p.end] == name


@pytest.mark.parametrize(
    "text",
    [
        "Timnya memakai jersey baru di laga itu.",  # lower case: a word, not Jersey
        "Ia lahir dari keluarga petani.",
        "Kerja sama dengan Beijing akan diperluas.",  # named, but not where something happens
    ],
)
def test_no_place(text):
    assert places_in(text) == []


def test_one_arrival_in_two_countries_is_a_place_contradiction():
    [sig] = judge(
        "Perdana Menteri Jepang tiba di Bandara Internasional Seoul pada Selasa pagi.",
        "Perdana Menteri Jepang mendarat di Beijing pada Selasa pagi untuk kunjungan dua hari.",
    )
    assert sig.category == "place" and sig.verdict == "contradiction"
    assert '"Seoul" (South Korea) in 0.txt' in sig.why and '"Beijing" (China) in 1.txt' in sig.why


@pytest.mark.parametrize(
    "a, b",
    [
        # a city and its country agree
        ("Perdana Menteri Jepang tiba di Seoul pada Selasa.", "Perdana Menteri Jepang mendarat di Korea Selatan pada Selasa."),
        # a plan is not an event
        ("Perdana Menteri Jepang tiba di Seoul pada Selasa.", "Perdana Menteri Jepang akan tiba di Beijing setelah itu."),
        # two dates, two events
        ("Perdana Menteri Jepang tiba di Seoul pada Selasa.", "Perdana Menteri Jepang tiba di Beijing pada Kamis."),
        # not the same kind of event
        ("Perdana Menteri Jepang tiba di Seoul pada Selasa.", "Perdana Menteri Jepang berbicara di Beijing tentang perdagangan."),
        # no shared participant
        ("Perdana Menteri Jepang tiba di Seoul pada Selasa.", "Kanselir Jerman tiba di Beijing pada Selasa."),
        # shared common nouns, or the places themselves, are not a shared participant
        ("Sedikitnya 10 orang tewas akibat gempa di Jepang.", "Sedikitnya 10 orang tewas akibat banjir di Brasil."),
        ("Rusia melancarkan serangan rudal ke Ukraina.", "Ukraina melancarkan serangan rudal ke Rusia."),
        # a place inside a longer name is not that place
        ("Menteri Luar Negeri Sugiono tiba di Brasil pada Senin.", "Menteri Luar Negeri Sugiono tiba di Amerika Latin pada Senin."),
    ],
)
def test_no_conflict(a, b):
    assert judge(a, b) == []


def test_far_apart_in_time_two_visits_not_a_change():
    a = "Perdana Menteri Jepang tiba di Seoul pada Selasa."
    b = "Perdana Menteri Jepang mendarat di Beijing untuk kunjungan kenegaraan."
    assert judge(a, b, dates=(dt.date(2023, 9, 1), dt.date(2024, 6, 19))) == []


def test_the_month_may_is_no_hedge():
    from factcheck.checks.lexicon import hedged

    assert not hedged("Putin landed in Pyongyang on May 19.")
    assert hedged("Putin may land in Pyongyang on Wednesday.")
