"""Extraction of numbers, dates, people and quotes on real seed sentences."""

import datetime as dt

import pytest
from checks_util import find, seeds

from factcheck.checks.dates import date_agreements, date_conflicts, extract_dates
from factcheck.checks.numbers import extract_numbers
from factcheck.checks.people import extract_people, parse_role, same_person
from factcheck.checks.quotes import extract_statements, statements_of
from factcheck.types import Article


def _sentence(prefix, snippet):
    articles, sentences = seeds()
    s = find(articles, sentences, prefix, snippet)
    return s, articles[s.article]


# ---------------------------------------------------------------- numbers


def test_numbers_indonesian_forms_with_offsets():
    s, art = _sentence("001", "11.000 kontainer")
    qs = extract_numbers(s.text, art.language)
    by_head = {q.head: q for q in qs}
    assert by_head["kontainer"].lo == 11000 and by_head["kontainer"].hi == float("inf")  # "lebih dari"
    assert s.text[by_head["kontainer"].start : by_head["kontainer"].end] == "lebih dari 11.000"
    assert (by_head["rudal"].lo, by_head["rudal"].hi, by_head["rudal"].kind) == (20, 99, "vague")  # puluhan


def test_numbers_words_decimals_and_scales():
    got = {q.text: (q.lo, q.hi, q.head) for q in extract_numbers("sekitar 2,5 juta orang mengungsi selama dua hari", "id")}
    assert got["sekitar 2,5 juta"][2] == "orang"
    assert got["sekitar 2,5 juta"][0] < 2_500_000 < got["sekitar 2,5 juta"][1]
    assert got["dua"] == (2, 2, "hari")
    en = extract_numbers("more than 11,000 containers of munitions", "en")
    assert en[0].lo == 11000 and en[0].head == "container"


def test_ordinals_visit_counting_and_both():
    s, art = _sentence("004", "kunjungan kedua Putin")
    qs = extract_numbers(s.text, art.language)
    ords = [q for q in qs if q.kind == "ordinal"]
    assert [(q.lo, q.head, q.relative) for q in ords] == [(2, "kunjungan", True)]
    assert any(q.lo == 24 and q.head == "tahun" for q in qs)
    # "kedua negara" means "both countries": no number
    s, art = _sentence("000", "kunjungan pertamanya")
    assert [q.lo for q in extract_numbers(s.text, art.language) if q.kind == "ordinal"] == [1]


def test_ages_are_their_own_kind():
    s, art = _sentence("003", "berusia 70 tahun")
    heads = {q.lo: q.head for q in extract_numbers(s.text, art.language)}
    assert heads[70] == "tahun@age" and heads[39] == "tahun@age"


# ---------------------------------------------------------------- dates


def test_dates_numeric_and_weekday_resolved():
    s, art = _sentence("000", "(19/6/2024)")
    (m,) = extract_dates(s.text, art.date, art.language)
    assert (m.year, m.month, m.day, m.weekday) == (2024, 6, 19, 2)
    assert s.text[m.start : m.end].startswith("hari Rabu (19/6/2024")


def test_dates_weekday_in_brackets_and_day_part():
    s, art = _sentence("004", "Rabu (19 Juni) dini hari")
    ms = extract_dates(s.text, art.date, art.language)
    day = next(m for m in ms if m.day)
    assert day.resolved == dt.date(2024, 6, 19) and day.weekday == 2
    part = next(m for m in ms if m.minutes)
    assert part.text == "dini hari" and part.minutes[0] == 0 and part.minutes[1] <= 300


def test_clock_time_with_am_marker_and_local_zone():
    s, art = _sentence("001", "pukul 2:45 pagi")
    (m,) = extract_dates(s.text, art.date, art.language)
    assert m.approx and m.minutes[0] <= 165 <= m.minutes[1] and m.tz == ""
    (pm,) = extract_dates("tiba pukul 8:45 malam WIB", None, "id")
    assert pm.minutes == (20 * 60 + 45, 20 * 60 + 45) and pm.tz == "wib"


def test_month_year_relative_year_and_lists():
    s, art = _sentence("000", "September 2023")
    (m,) = extract_dates(s.text, art.date, art.language)
    assert (m.year, m.month, m.day) == (2023, 9, None)
    s, art = _sentence("001", "awal tahun lalu")
    assert [m.year for m in extract_dates(s.text, art.date, art.language)] == [2023]  # article of 2024
    s, art = _sentence("000", "1961, 2000 dan 2001")
    assert [m.year for m in extract_dates(s.text, art.date, art.language) if not m.day and m.year] == [1961, 2000, 2001]


def test_a_month_after_a_preposition_of_time_is_a_date():
    months = lambda text, lang: [m.month for m in extract_dates(text, None, lang)]  # noqa: E731
    assert months("Harga cabai naik dua kali lipat dari Agustus.", "id") == [8]
    assert months("Gudang itu tutup selama Maret.", "id") == [3]
    assert months("Prices doubled from August, traders said.", "en") == [8]
    assert months("Pasar itu dibangun oleh Mei dan Juni.", "id") == []  # names, after no such word


def test_a_quantitys_clause_words_leave_out_its_own_noun_and_go_on_past_an_apposition():
    (q,) = extract_numbers("Kabupaten Bogor menjadi daerah dengan kasus terbanyak, yakni 240 kasus.")
    assert {"bogor", "daerah"} <= q.frame and "kasus" not in q.frame
    (q,) = extract_numbers("Dari seluruh kasus, 240 kasus berasal dari Kabupaten Bogor.")
    assert "kasus" not in q.frame and "bogor" in q.frame


def test_malam_before_a_weekday_is_one_mention_of_the_evening_before():
    (m,) = extract_dates("Pesta rakyat digelar pada malam Jumat di alun-alun.", dt.date(2024, 6, 21), "id")
    assert (m.text, m.weekday, m.resolved, m.minutes) == ("malam Jumat", 3, dt.date(2024, 6, 20), (1080, 1620))
    (m,) = extract_dates("Pesta rakyat digelar malam Minggu di alun-alun.", None, "id")
    assert (m.text, m.weekday) == ("malam Minggu", 5)
    (m,) = extract_dates("Kapal merapat pukul 21.00 malam Jumat.", None, "id")
    assert (m.text, m.weekday, m.minutes) == ("pukul 21.00 malam Jumat", 3, (1260, 1260))
    (m,) = extract_dates("Kapal merapat pukul 2 malam Jumat.", None, "id")
    assert (m.weekday, m.minutes) == (3, (26 * 60, 26 * 60))  # Thursday's night, past midnight
    night, friday = extract_dates("Hujan turun sejak malam, Jumat pagi reda.", None, "id")[:2]
    assert night.weekday is None and friday.weekday == 4


def test_malam_before_a_weekday_dated_on_that_weekday_keeps_only_what_both_readings_share():
    # 7 March 2025 is a Friday: "malam Jumat (7/3)" is Thursday 6/3 to some
    # reporters, Friday 7/3 to others; only the month (and a written year)
    # is the same on both days
    (m,) = extract_dates("Pesta rakyat digelar pada malam Jumat (7/3) di alun-alun.", dt.date(2025, 3, 7), "id")
    assert (m.weekday, m.day, m.month, m.year, m.resolved, m.minutes) == (None, None, 3, None, None, (1080, 1620))
    (m,) = extract_dates("Pesta rakyat digelar pada malam Jumat (7/3/2025) di alun-alun.", None, "id")
    assert (m.weekday, m.day, m.month, m.year) == (None, None, 3, 2025)
    # Saturday 1/3/2025: the eve is in February, only the year is shared
    (m,) = extract_dates("Pesta rakyat digelar pada malam Sabtu (1/3/2025) di alun-alun.", None, "id")
    assert (m.weekday, m.day, m.month, m.year) == (None, None, None, 2025)
    # a date on the day before is the evening's own: no doubt there
    (m,) = extract_dates("Pesta rakyat digelar pada malam Jumat (6/3) di alun-alun.", dt.date(2025, 3, 7), "id")
    assert (m.weekday, m.resolved) == (3, dt.date(2025, 3, 6))


EXTREME = [
    "malam Senin (1/1/0001)",  # a Monday: its eve is before the calendar
    "pukul 2 malam Senin (1/1/0001)",
    "malam Senin, 1 Januari 0001",
    "malam Sabtu (31/12/9999)",
    "Jumat (31/12/9999) dini hari",
    "malam Minggu (1/1/10000)",
    "malam Jumat (0/0/2024)",
    "malam Jumat (31/2/2024)",
    "malam Senin (1/1/0000)",
    "pada 29 Februari",
    "malam Jumat (5/6)",
    "malam Minggu",
    "pada hari Jumat",
    "kemarin",
    "besok",
    "2 hari lalu",
    "3 tahun lalu",
]


def test_dates_at_the_ends_of_the_calendar_never_raise():
    published = [None, dt.date.min, dt.date(1, 1, 2), dt.date.max, dt.date(9999, 12, 30), dt.date(2025, 3, 7)]
    for when in published:
        found = [extract_dates(f"Kapal tiba {text} di pelabuhan.", when, "id") for text in EXTREME]
        for a in found:
            for b in found:
                date_conflicts(a, b)
                date_agreements(a, b)
    (m,) = extract_dates("Kapal tiba malam Senin (1/1/0001).", None, "id")
    assert m.text == "malam Senin (1/1/0001" and m.minutes == (1080, 1620)
    (m,) = extract_dates("Kapal tiba malam Sabtu (31/12/9999).", None, "id")  # a Friday: the eve's own date
    assert m.resolved == dt.date(9999, 12, 31)
    # no 0th month, no 31 February, no year 0
    assert [m.text for m in extract_dates("Kapal tiba malam Jumat (31/2/2024), bukan 0/0/2024 atau 1/1/0000.", None, "id")] == ["malam Jumat"]


def test_lunch_is_not_a_time_and_week_is_not_sunday():
    assert extract_dates("Sambil makan siang mewah, Kim bersulang", None, "id") == []
    assert extract_dates("dalam dua minggu terakhir", None, "id") == []


# ---------------------------------------------------------------- people


def test_people_with_roles_and_affiliations():
    s, art = _sentence("004", "Patrick Ryder")
    (p,) = [p for p in extract_people(art.text) if p.name == "Patrick Ryder"]
    assert p.role.kind == "spokesperson" and p.role.inst == "us_state_department"
    assert art.text[p.role_start : p.role_end] == "Juru bicara Kementerian Luar Negeri AS"
    s, art = _sentence("000", "Andrei Belousov")
    roles = {p.name: p.role for p in extract_people(s.text) if p.role}
    assert roles["Andrei Belousov"].kind == "defence_minister"
    assert roles["Sergey Lavrov"].kind == "foreign_minister"
    assert roles["Denis Mantrurov"].kind == "deputy_prime_minister"


def test_roles_in_english_and_apposition():
    people = {p.name: p.role for p in extract_people("Pentagon press secretary Air Force Maj. Gen. Pat Ryder said so.")}
    assert people["Pat Ryder"].inst == "us_defense_department" and people["Pat Ryder"].kind == "press_secretary"
    people = {p.name: p.role for p in extract_people("said Pat Ryder, the Pentagon press secretary, on Tuesday.")}
    assert people["Pat Ryder"].inst == "us_defense_department"
    assert parse_role("Kementerian Luar Negeri AS").inst == "us_state_department"
    assert parse_role("Deplu AS").inst == "us_state_department"
    assert parse_role("State Department spokesperson").inst == "us_state_department"
    assert parse_role("Departemen Pertahanan AS").inst == "us_defense_department"
    assert parse_role("Gedung Putih").inst == parse_role("White House").inst == "us_white_house"


def test_name_variants():
    assert same_person("Sergey Lavrov", "Sergei Lavrov")
    assert same_person("Kim Jong Un", "Kim Jong-un")
    assert same_person("Vladmiri Putin", "Vladimir Putin")
    assert same_person("Pat Ryder", "Patrick Ryder")
    assert same_person("Denis Mantrurov", "Denis Manturov")
    assert not same_person("Kim Jong Un", "Kim Jong Il")
    assert not same_person("Patrick Ryder", "Patrick Rider")
    assert not same_person("Matthew Miller", "Stephen Miller")


# ---------------------------------------------------------------- quotes


def test_quote_with_speaker_after():
    s, art = _sentence("001", "kata Stoltenberg")
    (st,) = extract_statements(s.text)
    assert st.speaker == "Stoltenberg" and st.kind == "person"
    assert st.content.startswith("Tentu saja, kami juga khawatir")


def test_statement_with_speaker_before_and_role():
    s, art = _sentence("004", "Patrick Ryder mengatakan")
    (st,) = statements_of(s.text, s.start, art)
    assert st.speaker == "Patrick Ryder" and st.content.startswith("Kerja sama yang semakin erat")
    s, art = _sentence("001", "Karine Jean-Pierre")
    (st,) = statements_of(s.text, s.start, art)
    assert st.speaker == "Karine Jean-Pierre"


def test_pronoun_speaker_resolved_to_previous_speaker():
    s, art = _sentence("004", "Dia menekankan")
    (st,) = statements_of(s.text, s.start, art)
    assert st.speaker == "Patrick Ryder"
    s, art = _sentence("000", "unjuk kekuatan")
    (st,) = statements_of(s.text, s.start, art)
    assert st.speaker == "Rob McBride"  # "Rob McBride dari Al Jazeera mengatakan", then "katanya"


def test_institution_and_surname_speakers():
    s, art = _sentence("004", "Pentagon menyebutkan")
    (st,) = statements_of(s.text, s.start, art)
    assert st.kind == "institution" and st.inst == "us_defense_department"
    s, art = _sentence("004", "kata Antony Blinken")
    assert statements_of(s.text, s.start, art)[0].speaker == "Antony Blinken"
    s, art = _sentence("000", "kata Blinken kepada wartawan")
    assert statements_of(s.text, s.start, art)[0].speaker == "Antony Blinken"  # surname -> full name in 000


# A title's own words are not a name: "Menteri Pertanian" is the minister of
# agriculture, not a person called Pertanian. The words of an office after a
# role word ("Pertanian", "Kementerian Perhubungan": nouns derived with
# ke-/pe(r)-…-an) go with the role chain; with no name left the speaker is
# the office's holder, named by the title as written.
Q = "“Pemerintah akan menambah kuota pupuk bersubsidi bagi petani mulai tahun depan,” "


@pytest.mark.parametrize(
    "text, speaker, title",
    [
        (Q + "kata Menteri Pertanian.", "Menteri Pertanian", "Menteri"),
        (Q + "ujar juru bicara Kementerian Perhubungan kepada wartawan.", "juru bicara Kementerian Perhubungan", "juru bicara"),
        (Q + "kata Menteri Pariwisata.", "Menteri Pariwisata", "Menteri"),  # one ordinary word: a portfolio as likely as a name
        (Q + "kata Menteri Agama.", "Menteri Agama", "Menteri Agama"),  # a portfolio the lexicon knows
        (Q + "kata Menteri Pertanian Andi Wirawan.", "Andi Wirawan", ""),
        (Q + "kata Menteri Pertanian, Andi Wirawan, di Bogor.", "Andi Wirawan", ""),
        (Q + "kata Presiden Joko Widodo.", "Joko Widodo", ""),
        ("Menteri Kesehatan Dewi Lestari mengatakan bahwa kuota pupuk bersubsidi akan ditambah tahun depan.", "Dewi Lestari", ""),
        ("Juru bicara Kepolisian mengatakan bahwa kuota pupuk bersubsidi akan ditambah tahun depan.", "Juru bicara Kepolisian", "Juru bicara"),
    ],
)
def test_a_title_is_not_a_name(text, speaker, title):
    (st,) = extract_statements(text)
    assert (st.speaker, st.kind, st.title) == (speaker, "person", title)


# Offices written in plain words or abbreviated, as Indonesian news writes
# them: the lexicon's roles and offices ("Menteri Sosial", "Mendag", "Jubir
# Kemlu", "Kapolda … Irjen") go with the title, never with the name; a title
# with no name is the office's holder. A long title the lexicon does not
# know keeps its office words and the object of the last one
# ("Pengendalian Tembakau") out of the name.
NAMED = [
    ("Menteri Sosial", "Rina Kusumawati"),
    ("Menteri Luar Negeri", "Hendra Wicaksono"),
    ("Menteri Agama", "Yusuf Hamdani"),
    ("Jaksa Agung", "Sanusi Harjono"),
    ("Kepala Staf Kepresidenan", "Darmawan"),
    ("Mendag", "Agus Setiawan"),
    ("Jubir Kemlu", "Arif Nugroho"),
    ("Menko Polhukam", "Hadi Saputra"),
    ("Menko Perekonomian", "Bambang Hartono"),
    ("Kapolri Jenderal", "Listyo Wibowo"),
    ("Kapolda Metro Jaya Irjen", "Karyadi"),  # the title runs on past a place
    ("Wamen BUMN", "Kartika Wiryono"),
    ("Dirut Pertamina", "Nina Widyastuti"),  # a head names its organisation first
    ("Sekjen Kemendag", "Suharto Adi"),
    ("Mensesneg", "Pratomo"),
    ("Panglima TNI Jenderal", "Agus Subagyo"),
    ("Menteri Perhubungan", "Budi Karya Sumarno"),  # an ordinary first name after a portfolio stays
]
TITLES = [
    ("Menteri Dalam Negeri", "Menteri Dalam Negeri"),
    ("Menteri Luar Negeri", "Menteri Luar Negeri"),
    ("Jaksa Agung", "Jaksa Agung"),
    ("Mendag", "Mendag"),
    ("Jubir Kemlu", "Jubir"),
    ("Kapolres", "Kapolres"),
]


def _both_forms(title_words: str) -> list[str]:
    """A speaker after the quote and before the reported words."""
    return [Q + f"kata {title_words}.", f"{title_words} mengatakan bahwa kuota pupuk bersubsidi akan ditambah tahun depan."]


@pytest.mark.parametrize("office, name", NAMED)
def test_offices_in_plain_words_and_abbreviations_are_no_name(office, name):
    for text in _both_forms(f"{office} {name}"):
        (st,) = extract_statements(text)
        assert (st.speaker, st.kind, st.title) == (name, "person", ""), text


def test_a_long_title_the_lexicon_lacks_and_its_last_nouns_object_are_no_name():
    (st,) = extract_statements(_both_forms("Dewan Penasehat Komisi Nasional Pengendalian Tembakau Emil Santosa")[1])
    assert (st.speaker, st.kind, st.title) == ("Emil Santosa", "person", "")


@pytest.mark.parametrize("office, title", TITLES)
def test_an_office_the_lexicon_knows_is_a_title(office, title):
    for text in _both_forms(office):
        (st,) = extract_statements(text)
        assert (st.speaker, st.kind, st.title) == (office, "person", title), text


@pytest.mark.parametrize(
    "text",
    [
        Q + "kata Kementerian Perhubungan.",  # an institution the lexicon does not know
        "Kementerian Perhubungan mengatakan bahwa kuota pupuk bersubsidi akan ditambah tahun depan.",
    ],
)
def test_an_unknown_institution_is_no_person(text):
    (st,) = extract_statements(text)
    assert st.kind == "unknown"


def test_a_pronoun_after_a_title_is_that_title():
    text = "Menteri Pertanian mengatakan bahwa kuota pupuk bersubsidi akan ditambah tahun depan. “Stok pupuk di gudang cukup sampai panen raya,” katanya."
    start = text.index("“Stok")
    art = Article(file="a.txt", path="a.txt", outlet="a", text=text, date=None, language="id")
    (st,) = statements_of(text[start:], start, art)
    assert (st.speaker, st.title) == ("Menteri Pertanian", "Menteri")
