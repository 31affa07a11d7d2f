"""The cross-lingual training pairs of scripts/crosslingual.py (training code,
not the product's run path): which shorter English sentence is still entailed."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import crosslingual  # noqa: E402


def test_a_fronted_adverbial_a_parenthesis_or_a_trailing_clause_is_dropped():
    assert crosslingual.shortened("On Monday, the central bank raised its rate to 6.25 percent.") == [
        "The central bank raised its rate to 6.25 percent."
    ]
    assert crosslingual.shortened("The bus was traveling at 110 kilometers (68 miles) per hour.") == [
        "The bus was traveling at 110 kilometers per hour."
    ]
    assert crosslingual.shortened("Exports grew 4 percent in February, helped by higher coal shipments.") == [
        "Exports grew 4 percent in February."
    ]


def test_a_condition_is_never_dropped_and_a_short_remainder_is_not_kept():
    assert crosslingual.shortened("If the rupiah falls further, the bank will raise rates again.") == []
    assert crosslingual.shortened("In 2024, prices rose.") == []  # three words left


def test_a_shorter_translation_is_entailed_by_the_whole_and_adds_nothing_to_it():
    rows = [{"source": "ud-pud", "id": "x1", "doc": "d1",
             "indonesian": "Pada hari Senin, bank sentral menaikkan suku bunga menjadi 6,25 persen.",
             "english": "On Monday, the central bank raised its rate to 6.25 percent."}]
    made = {(p.premise, p.hypothesis): p.label for p in crosslingual.pairs(rows, shorter=True)}
    short = "The central bank raised its rate to 6.25 percent."
    assert made[(rows[0]["indonesian"], short)] == "entailment"
    assert made[(short, rows[0]["indonesian"])] == "neutral"
    assert short not in {p.hypothesis for p in crosslingual.pairs(rows)}  # only when asked: the shipped model had none
