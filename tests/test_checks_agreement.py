"""The date check's agreement signal on aligned pairs."""

import datetime as dt

from factcheck.checks.dates import check_date_agreement
from factcheck.config import Options
from factcheck.types import Article, Candidate, Sentence

LANDED_BEFORE_DAWN = "Presiden itu mendarat di ibu kota sebelum fajar pada hari Rabu."
LANDED_AT_2_45 = "Pesawat presiden mendarat sekitar pukul 2:45 pagi waktu setempat."
LANDED_AT_NIGHT = "Pesawat presiden mendarat sekitar pukul 20:45 malam waktu setempat."
SIGNED_AT_2_45 = "Kedua menteri menandatangani nota kesepahaman pukul 2:45 pagi."


def pair(text_a, text_b, date_b=dt.date(2024, 6, 19)):
    articles = [
        Article(file="a.txt", path="a.txt", outlet="a", text=text_a, date=dt.date(2024, 6, 19), language="id"),
        Article(file="b.txt", path="b.txt", outlet="b", text=text_b, date=date_b, language="id"),
    ]
    candidate = Candidate(Sentence(0, 0, 0, len(text_a), text_a), Sentence(1, 0, 0, len(text_b), text_b), 0.95)
    return check_date_agreement(candidate, articles, Options())


def test_compatible_times_of_one_event_agree_and_name_both_values():
    (signal,) = pair(LANDED_BEFORE_DAWN, LANDED_AT_2_45)
    assert (signal.category, signal.verdict) == ("date", "agreement")
    assert "sebelum fajar" in signal.why and "pukul 2:45 pagi" in signal.why


def test_conflicting_times_never_agree():
    assert pair(LANDED_BEFORE_DAWN, LANDED_AT_NIGHT) == []


def test_a_different_kind_of_event_does_not_agree():
    assert pair(LANDED_BEFORE_DAWN, SIGNED_AT_2_45) == []


def test_articles_far_apart_in_time_are_not_compared():
    assert pair(LANDED_BEFORE_DAWN, LANDED_AT_2_45, date_b=dt.date(2023, 9, 13)) == []


def test_night_and_early_hours_of_the_same_named_day_do_not_agree():
    # "Rabu malam" is Wednesday evening; "Rabu dini hari" the small hours
    # that start Wednesday: eighteen hours apart, not one night.
    assert pair("Presiden itu tiba di ibu kota pada Rabu malam.", "Presiden itu tiba di ibu kota pada Rabu dini hari.") == []
    (signal,) = pair("Presiden itu tiba di ibu kota pada Selasa malam.", "Presiden itu tiba di ibu kota pada Rabu dini hari.")
    assert signal.verdict == "agreement" and "malam" in signal.why and "dini hari" in signal.why


def test_the_night_before_a_weekday_agrees_with_that_night():
    (signal,) = pair("Presiden itu tiba di ibu kota pada Kamis malam.", "Presiden itu tiba di ibu kota pada malam Jumat.")
    assert signal.verdict == "agreement" and '"malam Jumat"' in signal.why
    assert pair("Presiden itu tiba di ibu kota pada Jumat malam.", "Presiden itu tiba di ibu kota pada malam Jumat.") == []


def test_the_night_before_a_weekday_agrees_like_the_previous_day_night():
    def verdicts(when_a, when_b):
        return [s.verdict for s in pair(f"Presiden itu tiba di ibu kota pada {when_a}.", f"Presiden itu tiba di ibu kota pada {when_b}.")]

    for other in ("Jumat pagi", "Jumat dini hari", "Jumat (21/6)", "Jumat siang", "Kamis (20/6) malam", "Rabu malam"):
        assert verdicts("malam Jumat", other) == verdicts("Kamis malam", other), other


def test_the_night_before_a_weekday_dated_on_that_weekday_agrees_with_no_time():
    # 7/3/2025 is a Friday: Thursday's or Friday's evening, a time on an unknown day
    for other in ("Jumat (7/3/2025) malam", "Kamis (6/3/2025) malam", "Senin (3/3/2025) malam", "Jumat (7/3/2025) dini hari"):
        assert pair("Presiden itu tiba di ibu kota pada malam Jumat (7/3/2025).", f"Presiden itu tiba di ibu kota pada {other}.") == [], other


def test_a_plan_agrees_with_no_event():
    planned = "Presiden itu diperkirakan akan mendarat di ibu kota sebelum fajar pada hari Rabu."
    assert pair(planned, LANDED_AT_2_45) == []
