"""Each pair check, positive and negative, and what must never be flagged."""

import dataclasses
import datetime as dt

import pytest
from checks_util import find, pair, run_level, seeds

from factcheck.checks.claims import common_words
from factcheck.checks.dates import check_date, date_conflicts, extract_dates
from factcheck.checks.numbers import check_number, extract_numbers, number_conflicts
from factcheck.checks.quotes import check_attribution
from factcheck.checks.roles import check_role
from factcheck.config import Options
from factcheck.types import Article, Candidate, Sentence

OPT = Options()
PAIR_CHECKS = [check_number, check_date, check_attribution, check_role]


def _all_signals(c, articles):
    return [s for check in PAIR_CHECKS for s in check(c, articles, OPT)]


def _synthetic(texts: dict[str, str], dates: dict[str, dt.date] = {}, refs=()) -> tuple[list[Article], list[Sentence]]:
    """One-sentence articles."""
    arts, sents = [], []
    for i, (file, text) in enumerate(texts.items()):
        arts.append(Article(file=file, path=file, outlet=file, text=text, date=dates.get(file), language="id", is_reference=file in refs))
        sents.append(Sentence(article=i, index=0, start=0, end=len(text), text=text))
    return arts, sents


# ---------------------------------------------------------------- must not flag


def test_first_and_second_visit_after_24_years_agree():
    articles, sentences = seeds()
    c = pair(articles, sentences, ("000", "kunjungan pertamanya"), ("004", "kunjungan kedua Putin"))
    assert _all_signals(c, articles) == []
    c = pair(articles, sentences, ("002", "untuk pertama kalinya dalam 24 tahun"), ("004", "kunjungan kedua Putin"))
    assert _all_signals(c, articles) == []


def test_clock_time_and_before_dawn_agree():
    articles, sentences = seeds()
    c = pair(articles, sentences, ("001", "pukul 2:45 pagi"), ("000", "sebelum fajar"))
    assert _all_signals(c, articles) == []
    c = pair(articles, sentences, ("001", "pukul 2:45 pagi"), ("004", "Rabu (19 Juni) dini hari"))
    assert _all_signals(c, articles) == []
    c = pair(articles, sentences, ("000", "sebelum fajar"), ("004", "Rabu (19 Juni) dini hari"))
    assert _all_signals(c, articles) == []


def test_name_variants_do_not_make_conflicts():
    arts, sents = _synthetic(
        {
            "a.txt": "Menteri Luar Negeri Rusia Sergey Lavrov dan pemimpin Korea Utara Kim Jong Un bertemu di Pyongyang.",
            "b.txt": "Menteri Luar Negeri Rusia Sergei Lavrov dan pemimpin Korea Utara Kim Jong-un bertemu di Pyongyang.",
        }
    )
    assert _all_signals(Candidate(sents[0], sents[1], 0.95), arts) == []


def test_no_targeted_contradiction_on_any_cross_source_pair_of_the_seeds_but_the_real_one():
    """Precision: over all 5,000 cross-source sentence pairs of the seeds
    (far more than alignment ever pairs), the only contradiction the pair
    checks raise is the misattributed Ryder/Jean-Pierre remark."""
    articles, sentences = seeds()
    found = []
    for i, a in enumerate(sentences):
        for b in sentences[i + 1 :]:
            if a.article == b.article:
                continue
            for sig in _all_signals(Candidate(a, b, 0.9), articles):
                if sig.verdict == "contradiction":
                    found.append((sig.category, articles[a.article].file[:3], articles[b.article].file[:3]))
    assert found == [("attribution", "001", "004")]


def test_run_checks_on_the_seeds_find_the_misattribution_and_the_new_minister_only():
    articles, sentences = seeds()
    found = [(s.category, s.verdict) for _, _, s in run_level(articles, sentences, OPT)]
    assert sorted(found) == [("attribution", "contradiction"), ("temporal", "neutral")]


# ---------------------------------------------------------------- number


def test_number_conflict_names_both_values():
    arts, sents = _synthetic(
        {
            "a.txt": "Pyongyang memasok Rusia dengan lebih dari 11.000 kontainer amunisi.",
            "b.txt": "Pyongyang telah mengirim 5.000 kontainer amunisi ke Rusia.",
        }
    )
    (sig,) = check_number(Candidate(sents[0], sents[1], 0.9), arts, OPT)
    assert (sig.category, sig.verdict) == ("number", "contradiction")
    assert '"lebih dari 11.000" in a.txt' in sig.why and '"5.000" in b.txt' in sig.why


def test_number_across_languages_and_compatible_bounds():
    q_id = extract_numbers("Pyongyang memasok lebih dari 11.000 kontainer amunisi", "id")
    q_en = extract_numbers("Pyongyang supplied 12,000 containers of munitions", "en")
    assert number_conflicts(q_id, q_en) == []  # more than 11,000 ~ 12,000
    q_en = extract_numbers("Pyongyang supplied 9,000 containers of munitions", "en")
    assert len(number_conflicts(q_id, q_en)) == 1


def test_a_count_whose_noun_is_left_out_takes_the_noun_of_the_count_before():
    wire = extract_numbers("A ferry capsized off Flores on Sunday, killing four people and injuring 17, police said.", "en")
    assert [(q.text, q.head) for q in wire] == [("four", "orang"), ("17", "orang")]
    injured = extract_numbers("Sebanyak 17 orang luka-luka dan dirawat di puskesmas.", "id")
    assert number_conflicts(wire, injured) == []  # 17 injured on both sides; four is another count
    changed = extract_numbers("Sebanyak 19 orang luka-luka dan dirawat di puskesmas.", "id")
    assert ("17", "19") in {(x.text, y.text) for x, y in number_conflicts(wire, changed)}
    # a noun of its own is kept
    assert [q.head for q in extract_numbers("The rate rose to 6.25 percent and 21 banks followed.", "en")] == ["persen", "bank"]


def test_an_amount_for_each_one_is_compared_with_rates_not_with_a_total():
    each = extract_numbers("Pemerintah daerah memberi bantuan Rp 15 juta untuk setiap rumah yang rusak berat.", "id")
    total = extract_numbers("Pemerintah daerah menyiapkan bantuan Rp 900 juta untuk rumah yang rusak berat.", "id")
    assert each[0].rate and not total[0].rate
    assert number_conflicts(each, total) == []
    other_rate = extract_numbers("Tiap rumah yang rusak berat mendapat bantuan Rp 25 juta dari pemerintah daerah.", "id")
    assert len(number_conflicts(each, other_rate)) == 1
    in_english = extract_numbers("Each badly damaged house gets 25 million rupiah in aid.", "en")
    assert in_english[0].rate and len(number_conflicts(each, in_english)) == 1


def test_numbers_with_different_heads_are_not_compared():
    arts, sents = _synthetic(
        {
            "a.txt": "Putin, yang berusia 70 tahun, mengunjungi Korea Utara dalam 24 tahun.",
            "b.txt": "Putin mengunjungi Korea Utara dengan 30 pejabat dalam 24 tahun.",
        }
    )
    assert check_number(Candidate(sents[0], sents[1], 0.9), arts, OPT) == []


def test_number_conflict_on_seed_pair_after_edit():
    articles, sentences = seeds()
    a = find(articles, sentences, "000", "kunjungan pertamanya")
    b = find(articles, sentences, "001", "pukul 2:45 pagi")
    edited = dataclasses.replace(a, text=a.text.replace("dalam 24 tahun", "dalam 20 tahun"))
    (sig,) = check_number(Candidate(edited, b, 0.9), articles, OPT)
    assert '"20"' in sig.why and '"24"' in sig.why
    assert check_number(Candidate(a, b, 0.9), articles, OPT) == []


def _numbers(a: str, b: str, common=frozenset()):
    arts, sents = _synthetic({"a.txt": a, "b.txt": b})
    return check_number(Candidate(sents[0], sents[1], 0.0), arts, OPT, common)


def test_counts_of_one_head_that_count_different_things_are_not_compared():
    # "warga" heads both, but the injured and the evacuated are two counts
    assert _numbers("Sebanyak 9 warga mengalami luka bakar.", "Sebanyak 640 warga mengungsi ke gedung olahraga.") == []
    (sig,) = _numbers("Sebanyak 700 warga mengungsi ke gedung olahraga.", "Sebanyak 640 warga mengungsi ke gedung olahraga.")
    assert '"700"' in sig.why and '"640"' in sig.why


def test_the_counted_noun_is_not_a_shared_frame():
    # Sastrawi takes "kecamatan" to "camat": the noun both count must not
    # make "won in 11" and "campaigned in 27" one count
    assert _numbers("Petahana menang di 11 kecamatan.", "Tim kampanye berkeliling ke 27 kecamatan.") == []
    assert _numbers("Banjir merendam 14 kecamatan di kabupaten itu.", "Banjir merendam 12 kecamatan di kabupaten itu.")


def test_the_story_common_words_do_not_make_two_counts_one():
    other = "Terdakwa lain dihukum 12 tahun penjara dalam berkas terpisah."
    verdict = "Hakim memvonis terdakwa 9 tahun penjara."
    assert _numbers(other, verdict)  # "terdakwa" and "penjara" shared
    assert _numbers(other, verdict, frozenset({"dakwa", "penjara"})) == []
    sents = [Sentence(0, i, 0, 0, t) for i, t in enumerate(["Ia dihukum.", "Mereka menghukum.", "Hukuman itu.", "Hujan turun.", "Angin."])]
    assert "hukum" in common_words(sents, at_least=2, roots=True) and not common_words(sents, at_least=2)


def test_a_number_a_party_denies_is_not_the_fact():
    fact = "Polisi menyebut empat orang tewas dalam kerusuhan itu."
    assert _numbers("Kapolda membantah kabar bahwa 15 orang tewas dalam kerusuhan itu.", fact) == []
    (sig,) = _numbers("Polisi menyebut 15 orang tewas dalam kerusuhan itu.", fact)
    assert '"15"' in sig.why


def test_a_demanded_figure_is_compared_only_with_demanded_figures():
    # what prosecutors demand is a claim, not the sentence the court imposes
    demand = "Jaksa menuntut terdakwa membayar denda Rp 300 juta subsider 3 bulan kurungan."
    imposed = "Terdakwa dihukum membayar denda Rp 200 juta subsider dua bulan kurungan."
    assert _numbers(demand, imposed) == []
    assert _numbers("Dalam tuntutannya, jaksa meminta majelis menghukum terdakwa 15 tahun penjara.", "Majelis menghukum terdakwa 10 tahun penjara.") == []
    assert _numbers("Pemerintah mengusulkan anggaran Rp 5 triliun untuk program itu.", "DPR menyetujui anggaran Rp 4 triliun untuk program itu.") == []
    # two outlets disagreeing on the sentence, or on the demand, still conflict
    assert _numbers("Terdakwa divonis 8 tahun penjara.", "Terdakwa divonis 9 tahun penjara.")
    assert _numbers("Terdakwa dituntut 11 tahun penjara.", "Terdakwa dituntut 12 tahun penjara.")
    (sig,) = _numbers(demand, demand.replace("300", "400"))
    assert '"Rp 300 juta"' in sig.why and '"Rp 400 juta"' in sig.why
    # past a contrast the sentence tells the outcome again
    (sig,) = _numbers("Jaksa menuntut 12 tahun penjara, namun hakim memvonis terdakwa 9 tahun penjara.", "Hakim memvonis terdakwa 10 tahun penjara.")
    assert '"9"' in sig.why and '"10"' in sig.why


def test_money_amounts_count_their_currency():
    # the currency before the number is what it counts, "Rp500" too; what
    # follows ("subsider", a comma) says nothing of the amount
    fine = "Pengadilan menghukum bupati itu membayar denda Rp 300 juta, subsider tiga bulan kurungan."
    (sig,) = _numbers(fine, "Bupati itu juga dihukum membayar denda Rp 400 juta subsider tiga bulan kurungan.")
    assert '"Rp 300 juta"' in sig.why and '"Rp 400 juta"' in sig.why
    assert _numbers(fine, "Bupati itu juga dihukum membayar denda Rp350 juta.")
    assert _numbers(fine, "Bupati itu juga dihukum membayar denda 300 juta rupiah.") == []
    assert _numbers(fine, "Bupati itu juga dihukum membayar denda IDR 400 juta.")
    # two currencies are two things
    assert _numbers("Perusahaan itu membayar denda US$ 2 juta kepada regulator.", "Perusahaan itu membayar denda Rp 2 juta kepada regulator.") == []
    assert _numbers("Perusahaan itu membayar denda US$ 2 juta kepada regulator.", "Perusahaan itu membayar denda 2 juta dolar AS kepada regulator.") == []
    assert _numbers("Perusahaan itu membayar denda US$ 2 juta kepada regulator.", "Perusahaan itu membayar denda $3 million kepada regulator.")


def test_a_rounded_amount_covers_what_it_rounds():
    # "Rp 3,4 triliun" is any amount from 3,35 to 3,45 triliun
    a = "Audit menemukan kerugian keuangan daerah sebesar Rp 3,4 triliun dari proyek jalan tol itu."
    b = "Audit menemukan kerugian keuangan daerah sebesar Rp 3,42 triliun dari proyek jalan tol itu."
    c = "Audit menemukan kerugian keuangan daerah sebesar Rp 3.418.200.000.000 dari proyek jalan tol itu."
    assert _numbers(a, b) == [] and _numbers(b, c) == [] and _numbers(a, c) == []
    assert _numbers(a, "Audit menemukan kerugian keuangan daerah sebesar 3,42 triliun rupiah dari proyek jalan tol itu.") == []
    assert _numbers(a, b.replace("3,42", "3,62"))
    assert _numbers(b, c.replace("3.418", "3.398"))

    # any count with a scale word, not only money
    rounded = "Sebanyak 2,7 juta penumpang menggunakan kereta cepat itu sepanjang musim mudik."
    assert _numbers(rounded, "Sebanyak 2.684.310 penumpang menggunakan kereta cepat itu sepanjang musim mudik.") == []
    assert _numbers(rounded, "Sebanyak 2.584.310 penumpang menggunakan kereta cepat itu sepanjang musim mudik.")


def test_a_count_dated_in_its_clause_is_compared_only_within_its_period():
    monthly = "Pada Maret saja tercatat 420 rumah terendam banjir di kabupaten itu."
    overall = "BPBD mencatat 1.260 rumah terendam banjir di kabupaten itu."
    assert _numbers(monthly, overall) == []  # March's count is not the total
    assert _numbers(monthly, "Pada April tercatat 510 rumah terendam banjir di kabupaten itu.") == []
    assert _numbers(monthly, "Pada bulan Maret tercatat 470 rumah terendam banjir di kabupaten itu.")
    assert _numbers(overall, "BPBD mencatat 1.620 rumah terendam banjir di kabupaten itu.")
    assert _numbers("Sepanjang 2023, BPBD mencatat 980 rumah terendam banjir di kabupaten itu.", monthly) == []  # a year is not its month
    assert _numbers("Pada Maret 2023 tercatat 470 rumah terendam banjir di kabupaten itu.", monthly)
    # a day tells when an event happened, not a period of counting
    assert _numbers("Empat warga hanyut terseret arus pada Minggu (9/3) malam.", "Lima warga hanyut terseret arus.")
    # a fronted time adverbial dates the whole sentence
    assert _numbers("Sepanjang 2023, BPBD mencatat 980 rumah terendam banjir di kabupaten itu.", overall) == []
    assert _numbers("Sepanjang 2023, BPBD mencatat 980 rumah terendam banjir di kabupaten itu.",
                    "Sepanjang 2023, BPBD mencatat 890 rumah terendam banjir di kabupaten itu.")


def test_different_amounts_of_one_case_are_not_compared():
    fine = "Mantan kepala dinas itu dihukum membayar denda Rp 300 juta."
    restitution = "Mantan kepala dinas itu juga wajib membayar uang pengganti Rp 41,2 miliar."
    loss = "Perbuatannya merugikan keuangan daerah Rp 96 miliar."
    assert _numbers(fine, restitution) == [] and _numbers(fine, loss) == [] and _numbers(restitution, loss) == []
    both = "Ia dihukum membayar denda Rp 300 juta dan uang pengganti Rp 41,2 miliar."
    assert _numbers(both, "Selain denda Rp 300 juta, ia wajib membayar uang pengganti Rp 41,2 miliar.") == []
    assert _numbers(both, "Selain denda Rp 300 juta, ia wajib membayar uang pengganti Rp 45 miliar.")


def test_a_total_does_not_conflict_with_its_parts():
    total = "Total 90 sekolah rusak, terdiri atas 25 sekolah rusak berat dan 65 rusak ringan."
    assert _numbers(total, "Sebanyak 25 sekolah rusak berat, sementara 65 sekolah lainnya rusak ringan.") == []
    assert _numbers(total, "Sebanyak 30 sekolah rusak berat, sementara 65 sekolah lainnya rusak ringan.")


# ---------------------------------------------------------------- date


def test_weekday_conflict_and_agreement():
    articles, sentences = seeds()
    a = find(articles, sentences, "004", "Rabu (19 Juni) dini hari")
    b = find(articles, sentences, "000", "sebelum fajar")
    edited = dataclasses.replace(a, text=a.text.replace("Rabu (19 Juni)", "Kamis (20 Juni)"))
    (sig,) = check_date(Candidate(edited, b, 0.9), articles, OPT)
    assert sig.category == "date" and sig.verdict == "contradiction"
    assert '"Kamis (20 Juni' in sig.why and '"hari Rabu"' in sig.why


def test_time_conflict_beyond_tolerance():
    late = extract_dates("Putin mendarat sekitar pukul 8:45 malam waktu setempat", None, "id")
    early = extract_dates("Putin mendarat sebelum fajar", None, "id")
    assert [k for *_, k in date_conflicts(late, early)] == ["time"]
    close = extract_dates("Putin mendarat pukul 3:05 pagi", None, "id")
    assert date_conflicts(close, extract_dates("Putin mendarat sekitar pukul 2:45 pagi", None, "id")) == []


def test_times_in_different_zones_are_not_compared():
    wib = extract_dates("Putin mendarat pukul 00.45 WIB", None, "id")
    local = extract_dates("Putin mendarat pukul 2:45 pagi waktu setempat", None, "id")
    assert date_conflicts(wib, local) == []


def test_a_zoneless_day_part_excuses_a_zoned_time_of_its_event():
    # two events in one sentence: stopped Saturday afternoon, resumed Sunday
    # morning; "sore" has no zone, but may well be WIB, so 16.30 WIB is
    # matched and not set against the other event's 06.30
    both = extract_dates("Pencarian dilanjutkan Minggu pagi pukul 06.30 WIB setelah dihentikan Sabtu sore.", None, "id")
    stop = extract_dates("Pencarian dihentikan pukul 16.30 WIB karena kabut tebal.", None, "id")
    assert date_conflicts(both, stop) == []
    night = extract_dates("Pencarian dihentikan pukul 22.30 WIB karena kabut tebal.", None, "id")
    assert [k for *_, k in date_conflicts(extract_dates("Pencarian dihentikan Sabtu sore.", None, "id"), night)] == []
    assert [k for *_, k in date_conflicts(extract_dates("Pencarian dihentikan pukul 16.30 WIB.", None, "id"), night)] == ["time"]


def test_night_before_and_early_hours_after_midnight_agree():
    a = extract_dates("Putin tiba pada Selasa malam", None, "id")
    b = extract_dates("Putin tiba pada Rabu dini hari", None, "id")
    assert date_conflicts(a, b) == []


def _arrivals(when_a: str, when_b: str, published=dt.date(2024, 6, 21)) -> list:
    """check_date on two invented reports of one arrival, told at two times."""
    arts, sents = _synthetic(
        {
            "a.txt": f"Rombongan gubernur tiba di pelabuhan Bitung {when_a} setelah pelayaran panjang.",
            "b.txt": f"Rombongan gubernur tiba di pelabuhan Bitung {when_b} setelah pelayaran panjang.",
        },
        dates={"a.txt": published, "b.txt": published} if published else {},
    )
    return check_date(Candidate(sents[0], sents[1], 0.9), arts, OPT)


def test_malam_before_a_weekday_is_the_evening_before_it():
    # "malam Jumat" is Thursday night, "malam Minggu" Saturday night
    assert _arrivals("pada Kamis malam", "pada malam Jumat") == []
    assert _arrivals("pada Sabtu malam", "pada malam Minggu") == []
    assert _arrivals("pada malam Jumat", "pada Jumat dini hari") == []  # one night across midnight
    assert _arrivals("pukul 21.00 malam Jumat", "pada Kamis malam") == []
    assert _arrivals("pukul 2 malam Jumat", "pada Jumat dini hari") == []  # 2 a.m. of that night


def test_malam_before_a_weekday_still_conflicts_with_other_days():
    (sig,) = _arrivals("pada Jumat malam", "pada malam Jumat")
    assert sig.verdict == "contradiction" and '"Jumat" in a.txt vs "malam Jumat" in b.txt' in sig.why
    (sig,) = _arrivals("pada Senin malam", "pada Rabu malam")
    assert '"Senin" in a.txt vs "Rabu" in b.txt' in sig.why
    (sig,) = _arrivals("pada Senin malam", "pada malam Minggu")
    assert '"malam Minggu"' in sig.why


def test_malam_before_a_weekday_with_a_date_takes_the_date_the_calendar_allows():
    # 20 June 2024 was a Thursday: "malam Jumat (20/6)" gives the evening's
    # own date; "malam Jumat (21/6)" is that Friday or its eve, so only the
    # month counts (even where both readings would clash: 13/6)
    assert _arrivals("pada Kamis (20/6) malam", "pada malam Jumat (20/6)") == []
    assert _arrivals("pada Kamis (20/6) malam", "pada malam Jumat (21/6)") == []
    assert _arrivals("pada Kamis (20/6/2024) malam", "pada malam Jumat (21/6/2024)", published=None) == []
    (sig,) = _arrivals("pada Kamis (13/6) malam", "pada malam Jumat (20/6)")
    assert sig.verdict == "contradiction"
    assert _arrivals("pada Kamis (13/6) malam", "pada malam Jumat (21/6)") == []
    # with no year to tell which day the date names, only the weekday counts
    assert _arrivals("pada Kamis (20/6) malam", "pada malam Jumat (21/6)", published=None) == []
    assert _arrivals("pada Kamis (20/6) malam", "pada malam Jumat (20/6)", published=None) == []
    (sig,) = _arrivals("pada Senin (17/6) malam", "pada malam Jumat (20/6)", published=None)
    assert sig.verdict == "contradiction"


FRIDAY = dt.date(2025, 3, 7)


def _verdicts(when_a: str, when_b: str) -> list[str]:
    return [s.verdict for s in _arrivals(when_a, when_b, published=FRIDAY)]


def test_malam_before_a_weekday_compares_like_the_previous_day_malam():
    others = [
        "pada Jumat pagi", "pada Jumat (7/3)", "pada 7 Maret 2025", "pada Jumat", "pada Jumat dini hari",
        "pada Jumat siang", "pada Jumat malam", "pada Kamis", "pada Kamis (6/3)", "pada Rabu malam",
        "pada Sabtu", "pukul 21.00", "sebelum fajar", "pada Jumat (14/3)",
    ]
    for other in others:
        assert _verdicts("pada malam Jumat", other) == _verdicts("pada Kamis malam", other), other
        assert _verdicts("pada malam Jumat (6/3)", other) == _verdicts("pada Kamis (6/3) malam", other), other


def test_a_night_running_past_midnight_may_meet_the_next_day():
    # Thursday night reaches into Friday's small hours, which "Jumat pagi"
    # and a Friday at no given time both include: some reading agrees
    for night in ("pada malam Jumat", "pada Kamis malam", "pukul 2 malam Jumat"):
        for friday in ("pada Jumat pagi", "pada Jumat (7/3)", "pada 7 Maret 2025", "pada Jumat"):
            assert _verdicts(night, friday) == [], (night, friday)
    # but not Friday's afternoon or evening, nor another Friday, nor Thursday with no time
    assert _verdicts("pada malam Jumat", "pada Jumat siang") == ["contradiction"]
    assert _verdicts("pada malam Jumat", "pada Jumat malam") == ["contradiction"]
    assert _verdicts("pada Kamis (6/3) malam", "pada Jumat (14/3)") == ["contradiction"]
    assert _verdicts("pada Kamis", "pada Jumat pagi") == ["contradiction"]


def test_malam_before_a_weekday_dated_on_that_weekday_conflicts_with_neither_reading():
    # 7/3/2025 is a Friday: Thursday's eve to some, Friday evening to others
    assert _verdicts("pada malam Jumat (7/3)", "pada Jumat (7/3) malam") == []
    assert _verdicts("pada malam Jumat (7/3)", "pada Kamis (6/3) malam") == []
    assert _verdicts("pada malam Jumat (7/3/2025)", "pada Jumat (7/3/2025) malam") == []
    # what both readings share still counts: the month, the time of day
    assert _verdicts("pada malam Jumat (7/3)", "pada 8 April") == ["contradiction"]
    assert _verdicts("pada malam Jumat (7/3)", "pada Jumat (7/3) siang") == ["contradiction"]


def test_year_lists_only_conflict_when_both_sides_are_unmatched():
    articles, sentences = seeds()
    a = find(articles, sentences, "000", "1961, 2000 dan 2001")
    b = find(articles, sentences, "002", "pada tahun 1961 yang menurut")
    assert check_date(Candidate(a, b, 0.9), articles, OPT) == []
    edited = dataclasses.replace(b, text=b.text.replace("1961", "1965"))
    (sig,) = check_date(Candidate(a, edited, 0.9), articles, OPT)
    assert '"1965"' in sig.why


def test_dates_of_different_events_are_not_compared():
    arts, sents = _synthetic(
        {
            "a.txt": "Koran resmi partai melaporkan pada hari Selasa bahwa Putin memuji Kim.",
            "b.txt": "Putin mendarat di Pyongyang pada hari Rabu dan disambut Kim.",
        }
    )
    assert check_date(Candidate(sents[0], sents[1], 0.9), arts, OPT) == []


def test_a_date_of_another_proceeding_is_not_the_date_of_this_one():
    # the verdict and the plea are both "dibacakan", on different days
    published = {"a.txt": dt.date(2024, 6, 12), "b.txt": dt.date(2024, 6, 12)}
    verdict = "Putusan dibacakan majelis hakim di Pengadilan Tipikor Bandung, Rabu (12/6)."
    for other in (
        "Majelis hakim menolak eksepsi yang dibacakan terdakwa pada Jumat lalu.",
        "Tuntutan dibacakan jaksa di Pengadilan Tipikor Bandung, Jumat (7/6).",
    ):
        arts, sents = _synthetic({"a.txt": verdict, "b.txt": other}, published)
        assert check_date(Candidate(sents[0], sents[1], 0.9), arts, OPT) == []
    # the verdict told on another day still conflicts, "vonis" being "putusan"
    arts, sents = _synthetic({"a.txt": verdict, "b.txt": "Vonis dibacakan majelis hakim di Pengadilan Tipikor Bandung, Jumat (7/6)."}, published)
    (sig,) = check_date(Candidate(sents[0], sents[1], 0.9), arts, OPT)
    assert '"Jumat (7/6' in sig.why


# ---------------------------------------------------------------- role (pair)


def test_role_conflict_in_pair_and_variant_names():
    arts, sents = _synthetic(
        {
            "a.txt": "Juru bicara Kementerian Luar Negeri AS Patrick Ryder mengatakan hal itu.",
            "b.txt": "Pentagon press secretary Pat Ryder said so on Tuesday.",
            "c.txt": "Juru bicara Pentagon Patrick Ryder mengatakan hal itu.",
        }
    )
    (sig,) = check_role(Candidate(sents[0], sents[1], 0.9), arts, OPT)
    assert sig.category == "role" and sig.verdict == "contradiction"
    assert '"Juru bicara Kementerian Luar Negeri AS" (spokesperson, US State Department)' in sig.why
    assert '"Pentagon press secretary"' in sig.why and "US Department of Defense" in sig.why
    assert check_role(Candidate(sents[2], sents[1], 0.9), arts, OPT) == []


# ---------------------------------------------------------------- attribution


def test_attribution_ryder_vs_jean_pierre():
    articles, sentences = seeds()
    c = pair(articles, sentences, ("004", "Patrick Ryder mengatakan"), ("001", "Karine Jean-Pierre"))
    (sig,) = check_attribution(c, articles, OPT)
    assert sig.category == "attribution" and sig.verdict == "contradiction"
    assert "Patrick Ryder" in sig.why and "Karine Jean-Pierre" in sig.why
    assert "004_" in sig.why and "001_" in sig.why


def test_same_speaker_or_different_content_is_not_attribution():
    articles, sentences = seeds()
    # Stoltenberg in both: same speaker, surname vs full name
    c = pair(articles, sentences, ("001", "kata Stoltenberg"), ("000", "Stoltenberg menegaskan kembali"))
    assert check_attribution(c, articles, OPT) == []
    # different speakers, different statements
    c = pair(articles, sentences, ("004", "Patrick Ryder mengatakan"), ("000", "kata Blinken kepada wartawan"))
    assert check_attribution(c, articles, OPT) == []


def test_attribution_edit_is_found():
    articles, sentences = seeds()
    a = find(articles, sentences, "001", "kata Stoltenberg")
    b = find(articles, sentences, "000", "Stoltenberg menegaskan kembali")
    edited = dataclasses.replace(a, text=a.text.replace("kata Stoltenberg", "kata Blinken"))
    (sig,) = check_attribution(Candidate(edited, b, 0.9), articles, OPT)
    assert "Blinken" in sig.why and "Jens Stoltenberg" in sig.why


# ---------------------------------------------------------------- time and trust


def test_conflict_far_apart_in_time_is_temporal_neutral():
    texts = {
        "a.txt": "Pyongyang memasok Rusia dengan 11.000 kontainer amunisi.",
        "b.txt": "Pyongyang memasok Rusia dengan 5.000 kontainer amunisi.",
    }
    arts, sents = _synthetic(texts, {"a.txt": dt.date(2024, 6, 19), "b.txt": dt.date(2023, 9, 13)})
    (sig,) = check_number(Candidate(sents[0], sents[1], 0.9), arts, OPT)
    assert (sig.category, sig.verdict) == ("temporal", "neutral") and sig.why.startswith("changed over time")
    arts, sents = _synthetic(texts, {"a.txt": dt.date(2024, 6, 19), "b.txt": dt.date(2024, 6, 1)})
    (sig,) = check_number(Candidate(sents[0], sents[1], 0.9), arts, OPT)
    assert sig.verdict == "contradiction"


def test_conflict_with_reference_says_so():
    texts = {
        "src.txt": "Pyongyang memasok Rusia dengan 11.000 kontainer amunisi.",
        "wire.txt": "Pyongyang memasok Rusia dengan 5.000 kontainer amunisi.",
    }
    arts, sents = _synthetic(texts, refs=("wire.txt",))
    (sig,) = check_number(Candidate(sents[1], sents[0], 0.9), arts, OPT)
    assert sig.why.startswith("source src.txt disagrees with reference wire.txt")
    assert sig.reference == "wire.txt"


@pytest.mark.parametrize("check", PAIR_CHECKS)
def test_checks_are_silent_on_identical_sentences(check):
    articles, sentences = seeds()
    for s in sentences[:40]:
        other = dataclasses.replace(s, article=(s.article + 1) % len(articles))
        assert [x for x in check(Candidate(s, other, 1.0), articles, OPT) if x.verdict == "contradiction"] == []


def test_joint_statement_is_not_attributed_to_one_speaker():
    arts, sents = _synthetic(
        {
            "a.txt": "Stoltenberg dan Blinken mengatakan bahwa Rusia mungkin memberi senjata canggih kepada Korea Utara untuk program nuklirnya.",
            "b.txt": "Stoltenberg mengatakan bahwa Rusia mungkin memberi senjata canggih kepada Korea Utara untuk program nuklirnya.",
        }
    )
    assert check_attribution(Candidate(sents[0], sents[1], 0.9), arts, OPT) == []
    arts, sents = _synthetic(
        {
            "a.txt": "Blinken mengatakan bahwa Rusia mungkin memberi senjata canggih kepada Korea Utara untuk program nuklirnya.",
            "b.txt": "Stoltenberg mengatakan bahwa Rusia mungkin memberi senjata canggih kepada Korea Utara untuk program nuklirnya.",
        }
    )
    (sig,) = check_attribution(Candidate(sents[0], sents[1], 0.9), arts, OPT)
    assert "Blinken" in sig.why and "Stoltenberg" in sig.why


def test_over_time_turns_any_contradiction_far_apart_into_temporal():
    from factcheck.checks.temporal import over_time
    from factcheck.types import Signal

    a = Article(file="a.txt", path="a", outlet="a", text="", date=dt.date(2024, 6, 19))
    b = Article(file="b.txt", path="b", outlet="b", text="", date=dt.date(2023, 9, 13))
    c = Article(file="c.txt", path="c", outlet="c", text="", date=None)
    nli = Signal("nli", "contradiction", 0.9, "NLI: P(contradiction) 0.90")
    got = over_time(nli, a, b, OPT)
    assert (got.category, got.verdict, got.score) == ("temporal", "neutral", 0.9)
    assert got.why.startswith("changed over time (a.txt 2024-06-19, b.txt 2023-09-13: 280 days apart)")
    assert over_time(nli, a, c, OPT) is nli  # an undated article: no time to compare
    agree = Signal("nli", "agreement", 0.9, "")
    assert over_time(agree, a, b, OPT) is agree


def test_a_time_conflict_needs_every_reading_of_a_day_part_to_clash():
    # "malam" may run past midnight into "dini hari"; with a plan on one side
    # ("diperkirakan akan tiba ... Rabu malam") that reading must not become
    # a conflict, so the named days only decide agreement (see
    # test_checks_agreement).
    same_day = extract_dates("Putin tiba pada Rabu malam", None, "id"), extract_dates("Putin tiba pada Rabu dini hari", None, "id")
    assert date_conflicts(*same_day) == []
    assert [k for *_, k in date_conflicts(extract_dates("Putin tiba pukul 20.00", None, "id"), extract_dates("Putin tiba dini hari", None, "id"))] == ["time"]


# A bare title cannot be compared with a name: the minister of agriculture
# may well be Andi Wirawan. Two different offices are two people.
QUOTE = "“Pemerintah akan menambah kuota pupuk bersubsidi bagi petani mulai tahun depan,” "


@pytest.mark.parametrize(
    "a, b",
    [
        ("kata Menteri Pertanian.", "kata Andi Wirawan."),
        ("kata Menteri Pertanian Andi Wirawan.", "ujar Andi Wirawan di Jakarta."),
        ("ujar juru bicara Kementerian Pertanian.", "kata Rina Marlina."),
        ("kata Menteri Agama.", "kata Yusuf Hamdani."),
        ("kata Menteri Pertanian.", "ujar Menteri Pertanian kepada wartawan."),
        ("kata Menteri Pertanian.", "kata juru bicara Kementerian Pertanian."),  # another role: not compared
        # offices the lexicon knows, plain or abbreviated, parsed as the role check parses them
        ("kata Mendag.", "kata Menteri Perdagangan."),
        ("ujar Jubir Kemlu.", "ujar juru bicara Kementerian Luar Negeri."),
        ("kata Menteri Sosial Rina Kusumawati.", "ujar Rina Kusumawati di Jakarta."),
        ("kata Mendag Agus Setiawan.", "kata Menteri Perdagangan Agus Setiawan."),
        ("kata Kapolri Jenderal Listyo Wibowo.", "kata Listyo Wibowo."),
        ("kata Dewan Penasehat Komisi Nasional Pengendalian Tembakau Emil Santosa.", "kata Emil Santosa."),
        ("kata Menteri Luar Negeri.", "kata Hendra Wicaksono."),
        ("kata Menteri Dalam Negeri.", "kata Jubir Kemendagri."),
    ],
)
def test_a_bare_title_is_not_attributed_against_a_name(a, b):
    arts, sents = _synthetic({"a.txt": QUOTE + a, "b.txt": QUOTE + b})
    assert check_attribution(Candidate(sents[0], sents[1], 0.9), arts, OPT) == []


@pytest.mark.parametrize(
    "a, b",
    [
        ("kata Menteri Pertanian.", "kata Menteri Perdagangan."),
        ("kata juru bicara Kementerian Pertanian.", "kata juru bicara Kementerian Perhubungan."),
        ("kata Mendag.", "kata Menteri Pertanian."),
        ("kata Menteri Sosial.", "kata Menteri Agama."),
        ("kata Jubir Kemlu.", "kata Jubir Kemendag."),
    ],
)
def test_two_different_offices_are_two_speakers(a, b):
    arts, sents = _synthetic({"a.txt": QUOTE + a, "b.txt": QUOTE + b})
    (sig,) = check_attribution(Candidate(sents[0], sents[1], 0.9), arts, OPT)
    assert sig.category == "attribution" and sig.verdict == "contradiction"
    assert a.removeprefix("kata ").rstrip(".") in sig.why and b.removeprefix("kata ").rstrip(".") in sig.why


def test_a_pronoun_after_a_bare_title_is_not_attributed_against_a_name():
    text = "Menteri Pertanian mengatakan bahwa kuota pupuk bersubsidi akan ditambah tahun depan. “Stok pupuk di gudang cukup sampai panen raya nanti,” katanya."
    other = "“Stok pupuk di gudang cukup sampai panen raya nanti,” kata Andi Wirawan."
    start = text.index("“Stok")
    arts = [Article(file=f, path=f, outlet=f, text=t, date=None, language="id") for f, t in (("a.txt", text), ("b.txt", other))]
    a = Sentence(article=0, index=1, start=start, end=len(text), text=text[start:])
    b = Sentence(article=1, index=0, start=0, end=len(other), text=other)
    assert check_attribution(Candidate(a, b, 0.9), arts, OPT) == []
