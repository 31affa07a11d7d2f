"""Same-event matching (checks/match.py): a run-level date or number check
compares two outlets' sentences only when one is the other's best match."""

import dataclasses
import datetime as dt

from factcheck.checks import match
from factcheck.checks.claims import check_dates_run, check_numbers_run
from factcheck.checks.dates import check_date
from factcheck.config import Options
from factcheck.types import Article, Candidate, Sentence

OPT = Options()
DAY = dt.date(2026, 3, 14)


def _run(outlets: dict[str, list[str]]) -> tuple[list[Article], list[Sentence]]:
    """Articles of several sentences each, all of one day, in Indonesian."""
    arts, sents = [], []
    for i, (file, texts) in enumerate(outlets.items()):
        text = " ".join(texts)
        arts.append(Article(file=file, path=file, outlet=file, text=text, date=DAY, language="id"))
        start = 0
        for k, t in enumerate(texts):
            sents.append(Sentence(article=i, index=k, start=start, end=start + len(t), text=t))
            start += len(t) + 1
    return arts, sents


# Two events of one story, each with its own month: both outlets tell both.
# Both are visits to Tokyo (the date check's test of one event holds
# across them), and "Tokyo" is in three of the four sentences, so not one
# of the story's common words.
TRAVEL = "Menteri Luar Negeri Budi Hartono akan melakukan kunjungan ke Tokyo pada bulan Oktober untuk membahas kerja sama perdagangan."
VISIT = "Selama kunjungan ke Tokyo pada bulan Juli, Menteri Pertahanan Ahmad Fauzi diperlihatkan kapal patroli baru buatan Jepang."
TRAVEL_B = "Budi Hartono, Menteri Luar Negeri, dijadwalkan melakukan kunjungan ke ibu kota Jepang pada bulan Oktober guna membahas kerja sama perdagangan."
VISIT_B = "Menteri Pertahanan Ahmad Fauzi diperlihatkan kapal patroli baru buatan Jepang selama kunjungan ke Tokyo pada bulan Juli."


def _whys(flags) -> list[str]:
    return [s.why for _, _, s in flags if s.verdict == "contradiction"]


def test_two_events_told_by_both_outlets_are_not_compared_across():
    articles, sentences = _run({"a.txt": [TRAVEL, VISIT], "b.txt": [VISIT_B, TRAVEL_B]})
    assert _whys(check_dates_run(articles, sentences, OPT)) == []


def test_without_matching_the_date_check_would_pair_the_two_events():
    # The rule is what keeps them apart: the pair check alone takes the two
    # visits to Tokyo for one event (same kind of event, same place).
    articles, sentences = _run({"a.txt": [TRAVEL, VISIT], "b.txt": [VISIT_B, TRAVEL_B]})
    signals = check_date(Candidate(sentences[0], sentences[2], 0.0), articles, OPT)
    assert [s.why for s in signals] == ['date: "Oktober" in a.txt vs "Juli" in b.txt']


def test_a_changed_date_of_one_event_is_still_found():
    changed = TRAVEL_B.replace("Oktober", "November")
    articles, sentences = _run({"a.txt": [TRAVEL, VISIT], "b.txt": [VISIT_B, changed]})
    assert _whys(check_dates_run(articles, sentences, OPT)) == ['date: "Oktober" in a.txt vs "November" in b.txt']


# Two counts of one head noun: damage in one village.
HEAVY = "Sebanyak 40 rumah rusak berat akibat banjir bandang di Desa Sukamaju, Kabupaten Garut."
LIGHT = "Sebanyak 120 rumah rusak ringan akibat banjir bandang di Desa Sukamaju, Kabupaten Garut."
HEAVY_B = "Banjir bandang membuat 40 rumah rusak berat di Desa Sukamaju."
LIGHT_B = "Banjir bandang juga membuat 120 rumah rusak ringan di Desa Sukamaju."


def test_a_changed_count_is_still_found():
    articles, sentences = _run({"a.txt": [HEAVY, LIGHT], "b.txt": [LIGHT_B, HEAVY_B.replace("40", "45")]})
    assert _whys(check_numbers_run(articles, sentences, OPT)) == ['number: "40" in a.txt vs "45" in b.txt (rumah)']


def test_across_languages_a_count_is_compared_only_in_an_aligned_pair():
    # Nothing of the clause can be compared across languages ("rusak berat"
    # against "badly damaged"), so the pair must state one fact: aligned,
    # as similar as the alignment asks of two languages.
    indonesian = "Sebanyak 40 orang luka berat akibat banjir bandang di Desa Sukamaju, Kabupaten Garut."
    english = "Flash floods badly injured 45 people in Sukamaju village."
    articles, sentences = _run({"a.txt": [indonesian], "b.txt": [english]})
    articles[1] = dataclasses.replace(articles[1], language="en")
    least = OPT.min_similarity - OPT.cross_language_margin
    assert _whys(check_numbers_run(articles, sentences, OPT, lambda a, b: least)) == [
        'number: "40" in a.txt vs "45" in b.txt (orang)'
    ]
    assert _whys(check_numbers_run(articles, sentences, OPT, lambda a, b: least - 0.01)) == []
    # within one language the clause words decide, whatever the similarity
    articles, sentences = _run({"a.txt": [HEAVY], "b.txt": [HEAVY_B.replace("40", "45")]})
    assert len(_whys(check_numbers_run(articles, sentences, OPT, lambda a, b: 0.1))) == 1


def test_the_runs_similarity_decides_the_match():
    # An embedding that took each event for the other would pair them:
    # matching follows the similarity it is given.
    articles, sentences = _run({"a.txt": [TRAVEL, VISIT], "b.txt": [VISIT_B, TRAVEL_B]})
    crossed = {(TRAVEL, VISIT_B), (VISIT, TRAVEL_B)}

    def similarity(a: Sentence, b: Sentence) -> float:
        return 1.0 if (a.text, b.text) in crossed else 0.0

    assert _whys(check_dates_run(articles, sentences, OPT, similarity)) == [
        'date: "Oktober" in a.txt vs "Juli" in b.txt',
        'date: "Juli" in a.txt vs "Oktober" in b.txt',
    ]


def test_best_matches_either_way_round_and_ties():
    articles, sentences = _run({"a.txt": ["x", "y"], "b.txt": ["x y", "z"]})
    scores = {("x", "x y"): 0.5, ("y", "x y"): 0.5, ("x", "z"): 0.1, ("y", "z"): 0.2}

    def similarity(a: Sentence, b: Sentence) -> float:
        return scores.get((a.text, b.text), scores.get((b.text, a.text)))

    across = [(i, j) for i in range(len(sentences)) for j in range(i + 1, len(sentences))
              if sentences[i].article != sentences[j].article]  # fmt: skip
    pairs = [(sentences[i].text, sentences[j].text) for i, j in match.best_matches(sentences, across, similarity, sentences)]
    # "x y" is the best match of both of a's sentences (a tie); "z" is
    # nobody's, but "y" is its best match in a.
    assert pairs == [("x", "x y"), ("y", "x y"), ("y", "z")]


def test_a_figure_is_compared_only_with_the_nearest_sentence_of_all_not_of_those_with_figures():
    # Each outlet tells the revenue and the capex, one with a figure each:
    # each figure's nearest figure in the other outlet is another quantity,
    # but its nearest sentence there has nothing to compare.
    revenue = "Pendapatan perseroan tahun ini mencapai Rp 12,4 triliun."
    budget = "Perseroan juga menambah belanja modal tahun ini."
    capex = "The company has spent 1.9 trillion rupiah of its capital budget."
    growth = "Revenue grew strongly in the first nine months."
    articles, sentences = _run({"a.txt": [revenue, budget], "b.txt": [capex, growth]})
    articles[1] = dataclasses.replace(articles[1], language="en")
    least = OPT.least_similarity(across_languages=True)
    scores = {(revenue, capex): least, (revenue, growth): least + 0.05, (budget, capex): least + 0.05}

    def similarity(a: Sentence, b: Sentence) -> float:
        return scores.get((a.text, b.text), scores.get((b.text, a.text), 0.0))

    assert _whys(check_numbers_run(articles, sentences, OPT, similarity)) == []
    # when the figure's nearest sentence is the other figure's, they are compared
    scores[revenue, growth] = least - 0.05
    assert _whys(check_numbers_run(articles, sentences, OPT, similarity)) == [
        'number: "Rp 12,4 triliun" in a.txt vs "1.9 trillion" in b.txt (rupiah)'
    ]


def test_lexical_similarity_leaves_the_story_common_words_out():
    a = Sentence(0, 0, 0, 0, "Putin tiba di Pyongyang")
    b = Sentence(1, 0, 0, 0, "Putin berpidato di Hanoi")
    assert match.lexical(frozenset())(a, b) > 0
    assert match.lexical(frozenset({"putin"}))(a, b) == 0


# Two counts, each dated by its own period of counting: two measurements.
COUNT_2025 = "Sepanjang 2025, Dinas Pertanian mencatat 420 hektare sawah gagal panen di kabupaten itu."
COUNT_2026 = "Dinas Pertanian mencatat 615 hektare sawah gagal panen sepanjang Mei 2026."


def test_two_counts_with_their_own_periods_are_no_date_conflict():
    articles, sentences = _run({"a.txt": [COUNT_2025], "b.txt": [COUNT_2026]})
    assert _whys(check_dates_run(articles, sentences, OPT)) == []
    # without that test the pair check reads the two periods as one event's dates
    assert check_date(Candidate(sentences[0], sentences[1], 0.0), articles, OPT)


def test_one_count_given_two_periods_is_a_date_conflict():
    same_count = COUNT_2026.replace("615", "420")
    articles, sentences = _run({"a.txt": [COUNT_2025], "b.txt": [same_count]})
    assert _whys(check_dates_run(articles, sentences, OPT)) == ['date: "2025" in a.txt vs "2026" in b.txt']
