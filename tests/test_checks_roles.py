"""Roles over a whole run: roster, trusted references, office holders over
time, and conflicts between sentences that alignment never paired."""

import datetime as dt

import pytest
from checks_util import DATA, SEEDS, load, seeds

from factcheck.checks.roles import check_run
from factcheck.checks.roster import load_roster, parse_roster, roster_article, roster_sentences
from factcheck.config import Options
from factcheck.types import Article, InputError, Sentence

ROSTER = str(SEEDS / "roster.csv")


def _contradictions(found, category="role"):
    return [(a, b, s) for a, b, s in found if s.verdict == "contradiction" and s.category == category]


# ---------------------------------------------------------------- roster file


def test_seed_roster_loads_and_parses_every_role():
    roster = load_roster(ROSTER)
    assert len(roster.rows) >= 15
    ryder = next(r for r in roster.rows if r.person == "Patrick Ryder")
    assert ryder.role.inst == "us_defense_department"
    assert ryder.valid_from == dt.date(2022, 8, 26) and ryder.valid_to == dt.date(2025, 1, 20)
    belousov = [r for r in roster.rows if r.person == "Andrei Belousov" and r.role.kind == "defence_minister"]
    assert belousov and belousov[0].valid_to is None and belousov[0].role.country == "ru"
    assert any(r.role.inst == "us_white_house" for r in roster.rows if r.person == "Karine Jean-Pierre")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "roster is empty"),
        ("name,job\nX,Y\n", "lacks column(s) person, role, valid_from, valid_to"),
        ("person,role,valid_from,valid_to\n", "no rows"),
        ("person,role,valid_from,valid_to\nPat Ryder,Pentagon press secretary,2022-13-01,\n", "line 2: valid_from '2022-13-01' is not a date"),
        ("person,role,valid_from,valid_to\nPat Ryder,Pentagon press secretary,2024-01-01,2023-01-01\n", "line 2: valid_to 2023-01-01 is before valid_from 2024-01-01"),
        ("person,role,valid_from,valid_to\n,Pentagon press secretary,,\n", "line 2: person is empty"),
        ("person,role,valid_from,valid_to\nPat Ryder,chief wizard,,\n", "line 2: role 'chief wizard' is not in the role lexicon"),
    ],
)
def test_bad_rosters_fail_with_one_line(text, problem):
    with pytest.raises(InputError) as err:
        parse_roster(text, "r.csv")
    assert problem in str(err.value) and "\n" not in str(err.value) and str(err.value).startswith("r.csv: ")


def test_missing_roster_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_roster(str(tmp_path / "nope.csv"))
    with pytest.raises(InputError, match="directory"):
        load_roster(str(tmp_path))


def test_roster_rows_become_reference_sentences():
    roster = load_roster(ROSTER)
    art = roster_article(roster)
    assert art.is_reference and art.file == "roster.csv"
    sents = roster_sentences(art, 7)
    assert len(sents) == len(roster.rows)
    assert all(art.text[s.start : s.end] == s.text and s.article == 7 for s in sents)
    assert "Patrick Ryder — Pentagon press secretary (2022-08-26 – 2025-01-20)" in [s.text for s in sents]


# ---------------------------------------------------------------- acceptance


def test_roster_flags_ryder_as_state_department_spokesperson():
    articles, sentences = seeds()
    n = len(articles)
    found = check_run(articles, sentences, Options(roster=[ROSTER]))
    assert len(articles) == n + 1 and articles[-1].file == "roster.csv"  # the roster, appended
    (hit,) = [(a, b, s) for a, b, s in _contradictions(found) if "Ryder" in s.why]
    a, b, sig = hit
    assert articles[a.article].file.startswith("004") and "Juru bicara Kementerian Luar Negeri AS Patrick Ryder" in a.text
    assert articles[b.article].file == "roster.csv" and b.text.startswith("Patrick Ryder — Pentagon press secretary")
    assert '"Juru bicara Kementerian Luar Negeri AS" (spokesperson, US State Department)' in sig.why
    assert '"Pentagon press secretary"' in sig.why and "US Department of Defense" in sig.why
    assert sig.reference == "roster.csv" and sig.why.startswith("source 004_")
    # nothing else in the seeds disagrees with the roster
    assert [s.why for *_, s in _contradictions(found) if "Ryder" not in s.why] == []


def test_english_reference_flags_ryder():
    articles, sentences = load(sorted(SEEDS.glob("0*.txt")), references=[DATA / "ref_ryder_en.txt"])
    found = check_run(articles, sentences, Options())
    (hit,) = _contradictions(found)
    a, b, sig = hit
    assert articles[a.article].file.startswith("004") and articles[b.article].file == "ref_ryder_en.txt"
    assert "Pat Ryder" in b.text
    assert sig.why.startswith("source 004_f647fa711c285bc1.txt disagrees with reference ref_ryder_en.txt")
    assert "US State Department" in sig.why and "Pentagon press secretary" in sig.why
    assert sig.reference == "ref_ryder_en.txt"


def test_shoigu_and_belousov_are_a_change_over_time_never_a_contradiction():
    for options in (Options(), Options(roster=[ROSTER])):
        articles, sentences = seeds()
        found = check_run(articles, sentences, options)
        hits = [(a, b, s) for a, b, s in found if "Shoigu" in s.why and "Belousov" in s.why]
        assert hits, "the change of defence minister is surfaced"
        for a, b, s in hits:
            assert (s.category, s.verdict) == ("temporal", "neutral")
            assert s.why.startswith("changed over time")
            assert {articles[a.article].file[:3], articles[b.article].file[:3]} == {"000", "003"}


def test_same_office_different_holders_at_the_same_time_is_a_contradiction():
    texts = {
        "a.txt": "Menteri Pertahanan Rusia Sergei Shoigu tiba di Pyongyang.",
        "b.txt": "Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang.",
    }
    arts = [Article(file=f, path=f, outlet=f, text=t, date=dt.date(2024, 6, 19)) for f, t in texts.items()]
    sents = [Sentence(i, 0, 0, len(a.text), a.text) for i, a in enumerate(arts)]
    (found,) = check_run(arts, sents, Options())
    assert found[2].category == "role" and found[2].verdict == "contradiction"
    assert "Sergei Shoigu" in found[2].why and "Andrei Belousov" in found[2].why


def test_role_conflict_within_one_source_without_alignment():
    text = (
        "Menteri Luar Negeri AS Antony Blinken tiba di Seoul.\n\n"
        "Cuaca cerah sepanjang hari.\n\n"
        "Menteri Pertahanan AS Antony Blinken kemudian bertemu Presiden Korea Selatan."
    )
    art = Article(file="x.txt", path="x.txt", outlet="x", text=text, date=dt.date(2024, 6, 19))
    parts = text.split("\n\n")
    sents, pos = [], 0
    for i, p in enumerate(parts):
        start = text.index(p, pos)
        sents.append(Sentence(0, i, start, start + len(p), p))
        pos = start + len(p)
    (found,) = check_run([art], sents, Options())
    a, b, sig = found
    assert (a.index, b.index) == (0, 2) and sig.verdict == "contradiction"
    assert "foreign minister" in sig.why and "defence minister" in sig.why


def test_unmodified_seeds_have_no_role_contradiction():
    articles, sentences = seeds()
    assert _contradictions(check_run(articles, sentences, Options())) == []
