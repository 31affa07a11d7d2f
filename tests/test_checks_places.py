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
        # a weekday or a month right after the place is not part of its name
        ("Menteri itu tiba di Seoul Selasa pagi.", "Seoul", "kr"),
        ("The minister landed in Nairobi Friday night.", "Nairobi", "ke"),
        ("Menteri itu berkunjung ke Hanoi Maret lalu.", "Hanoi", "vn"),
        # a state named like a country
        ("Senator itu berkampanye di negara bagian Georgia pada Sabtu.", "Georgia", "us"),
        ("The senator campaigned in the state of Georgia.", "Georgia", "us"),
        ("Senator itu berpidato di Atlanta, Georgia, pada Sabtu.", "Atlanta", "us"),
    ],
)
def test_places_resolve_to_countries(text, name, country):
    [p] = places_in(text)
    assert (p.name, p.countries) == (name, {country})
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


def test_a_name_both_a_country_and_a_state_lies_in_either():
    [p] = places_in("Senator itu tiba di Georgia pada Sabtu.")
    assert p.countries == {"ge", "us"}
    senator = "Senator Dana Whitfield tiba di {} pada Sabtu."
    assert judge(senator.format("Georgia"), senator.format("Atlanta")) == []
    [sig] = judge(senator.format("Georgia"), senator.format("Armenia"))
    assert '"Georgia" (Georgia or United States)' in sig.why and '"Armenia" (Armenia)' in sig.why


@pytest.mark.parametrize(
    "a, b",
    [
        # a tour: two arrivals of one traveller, nothing else shared
        ("Perdana Menteri Lena Varga tiba di Hanoi dalam lawatan kenegaraannya.", "Perdana Menteri Lena Varga tiba di Manila."),
        # each stop with its own host
        (
            "Perdana Menteri Lena Varga tiba di Hanoi dan disambut Presiden Tran Van Minh.",
            "Perdana Menteri Lena Varga tiba di Manila dan disambut langsung oleh Presiden Rafael Santos.",
        ),
        # the same companion travels the whole tour
        (
            "Perdana Menteri Lena Varga didampingi Menteri Luar Negeri Otto Brandt tiba di Hanoi.",
            "Perdana Menteri Lena Varga didampingi Menteri Luar Negeri Otto Brandt tiba di Manila.",
        ),
        # one guest welcomed by two hosts
        (
            "Presiden Rafael Santos menyambut Perdana Menteri Lena Varga di Manila.",
            "Presiden Tran Van Minh menyambut Perdana Menteri Lena Varga di Hanoi.",
        ),
        # one host welcoming two guests
        (
            "Presiden Rafael Santos menyambut Perdana Menteri Lena Varga di Manila.",
            "Presiden Rafael Santos menyambut Kanselir Otto Brandt di Hanoi.",
        ),
        # one day, two parts of it: dawn in one capital, night in the next
        ("Perdana Menteri Lena Varga tiba di Hanoi pada Rabu dini hari.", "Perdana Menteri Lena Varga tiba di Manila pada Rabu malam."),
        ("Perdana Menteri Lena Varga tiba di Hanoi pada Rabu pukul 08.00.", "Perdana Menteri Lena Varga tiba di Manila pada Rabu malam."),
        # parts of the day are too vague to tie two arrivals
        ("Perdana Menteri Lena Varga tiba di Hanoi pada pagi hari.", "Perdana Menteri Lena Varga tiba di Manila pada pagi hari."),
        # every capital has a presidential palace
        (
            "Perdana Menteri Lena Varga disambut di Istana Kepresidenan di Hanoi.",
            "Perdana Menteri Lena Varga disambut di Istana Kepresidenan di Manila.",
        ),
        # two hosts, two stops, whatever the day
        (
            "Presiden Prabowo Subianto tiba di Kairo pada Senin dan bertemu Presiden Abdel Fattah el-Sisi.",
            "Presiden Prabowo Subianto tiba di Ankara pada Senin dan bertemu Presiden Recep Tayyip Erdogan.",
        ),
        # a new clause after a comma names no host, a role before it or not
        (
            "Presiden Vladimir Putin tiba di Pyongyang dan disambut pejabat tinggi, kemudian Kim Jong Un berpidato.",
            "Presiden Vladimir Putin mendarat di Vladivostok dan disambut Kim Jong Un.",
        ),
        (
            "Presiden Vladimir Putin tiba di Pyongyang dan disambut para pejabat, kemudian Kim Jong Un berpidato.",
            "Presiden Vladimir Putin mendarat di Vladivostok dan disambut Kim Jong Un.",
        ),
        # a person whose name holds a venue word is no venue
        (
            "Perdana Menteri Lena Varga tiba di Hanoi dan berfoto dengan Senator Stuart Hall.",
            "Perdana Menteri Lena Varga tiba di Manila bersama Senator Stuart Hall.",
        ),
        (
            "Perdana Menteri Lena Varga tiba di Hanoi, kata juru bicara Gedung Putih Karine Jean-Pierre.",
            "Perdana Menteri Lena Varga tiba di Manila, kata juru bicara Gedung Putih Karine Jean-Pierre.",
        ),
        # a hotel chain has a hotel in every capital
        (
            "Perdana Menteri Lena Varga tiba di Hotel Shangri-La di Singapura.",
            "Perdana Menteri Lena Varga tiba di Hotel Shangri-La di Kuala Lumpur.",
        ),
        (
            "Perdana Menteri Lena Varga tiba di Singapura dan menginap di Hotel Shangri-La Singapura.",
            "Perdana Menteri Lena Varga tiba di Kuala Lumpur dan menginap di Hotel Shangri-La Kuala Lumpur.",
        ),
    ],
)
def test_tour_stops_are_not_one_event(a, b):
    assert judge(a, b) == []


@pytest.mark.parametrize(
    "a, b",
    [
        # the same day (a weekday right after the place)
        ("Perdana Menteri Lena Varga tiba di Seoul Selasa pagi.", "Perdana Menteri Lena Varga mendarat di Beijing Selasa pagi."),
        # the same clock time
        (
            "Perdana Menteri Lena Varga tiba di Manila pukul 10.15 waktu setempat.",
            "Perdana Menteri Lena Varga mendarat di Hanoi sekitar pukul 10 pagi.",
        ),
        # the same host
        (
            "Perdana Menteri Lena Varga tiba di Manila dan disambut Presiden Rafael Santos.",
            "Perdana Menteri Lena Varga mendarat di Hanoi, lalu disambut langsung oleh Presiden Rafael Santos.",
        ),
        # the same host, welcoming on one side and welcomed by on the other
        (
            "Presiden Rafael Santos menyambut Perdana Menteri Lena Varga di Manila.",
            "Perdana Menteri Lena Varga disambut Presiden Rafael Santos di Hanoi.",
        ),
        # the same named venue, placed in a city by one side only
        (
            "Perdana Menteri Lena Varga tiba di Manila dan disambut di Istana Malacañang.",
            "Perdana Menteri Lena Varga disambut di Istana Malacañang di Hanoi.",
        ),
        (
            "Prime Minister Lena Varga arrived in Manila and was welcomed at Malacañang Palace.",
            "Prime Minister Lena Varga arrived in Hanoi and was welcomed at Malacañang Palace.",
        ),
        # the venue put in a city by one side and in its country by the other
        (
            "Perdana Menteri Lena Varga tiba di Manila dan disambut di Istana Malacañang, Filipina.",
            "Perdana Menteri Lena Varga tiba di Hanoi dan disambut di Istana Malacañang, Manila.",
        ),
        # the same day, a host named by one side only
        (
            "Presiden Prabowo Subianto tiba di Kairo pada Senin dan bertemu Presiden Abdel Fattah el-Sisi.",
            "Presiden Prabowo Subianto tiba di Ankara pada Senin.",
        ),
        # the same day, at times that cannot be compared (a zone on one side only)
        ("Presiden Prabowo Subianto tiba di Tokyo pada Rabu pukul 09.00 WIB.", "Presiden Prabowo Subianto tiba di Seoul pada Rabu pagi."),
        # the host named after a role, across a comma or a long title
        (
            "Presiden Vladimir Putin tiba di Pyongyang dan disambut pemimpin Korea Utara, Kim Jong Un.",
            "Presiden Vladimir Putin mendarat di Vladivostok dan disambut Kim Jong Un.",
        ),
        (
            "Presiden Vladimir Putin tiba di Pyongyang dan disambut langsung oleh pemimpin tertinggi Korea Utara Kim Jong Un.",
            "Presiden Vladimir Putin mendarat di Vladivostok dan disambut Kim Jong Un.",
        ),
        (
            "Presiden Vladimir Putin tiba di Pyongyang dan disambut Presiden Korea Utara, Kim Jong Un.",
            "Kim Jong Un menyambut Presiden Vladimir Putin di Vladivostok.",
        ),
    ],
)
def test_one_event_tied_beyond_the_traveller(a, b):
    [sig] = judge(a, b)
    assert sig.category == "place" and sig.verdict == "contradiction"


def test_one_weekday_of_two_weeks_is_no_tie():
    a = "Perdana Menteri Lena Varga tiba di Hanoi kemarin."
    b = "Perdana Menteri Lena Varga tiba di Manila kemarin."
    assert judge(a, b, dates=(dt.date(2025, 3, 4), dt.date(2025, 3, 11))) == []
    assert judge(a, b)


def test_far_apart_in_time_two_visits_not_a_change():
    a = "Perdana Menteri Jepang tiba di Seoul pada Selasa."
    b = "Perdana Menteri Jepang mendarat di Beijing untuk kunjungan kenegaraan."
    assert judge(a, b, dates=(dt.date(2023, 9, 1), dt.date(2024, 6, 19))) == []


def test_the_month_may_is_no_hedge():
    from factcheck.checks.lexicon import hedged

    assert not hedged("Putin landed in Pyongyang on May 19.")
    assert hedged("Putin may land in Pyongyang on Wednesday.")
