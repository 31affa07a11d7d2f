"""The synthetic pair generator (factcheck.synthetic): each edit changes the
fact it names and nothing else, rewrites keep the facts, and the output is
the same for the same seed."""

import random

import pytest

from factcheck import synthetic as S

POOLS = S.Pools(people=["Andi Wijaya", "Siti Rahmawati"], common=frozenset({"kota", "gunung"}))


def rng():
    return random.Random(0)


@pytest.mark.parametrize(
    "kind, sentence, must_change, must_keep",
    [
        ("number", "Banjir merendam 1.200 rumah warga di tepi sungai.", "1.200", "rumah warga"),
        ("year", "Jembatan itu dibangun pada tahun 1998 oleh pemerintah daerah.", "1998", "dibangun pada tahun"),
        ("date", "Sidang digelar pada 14 Maret di pengadilan negeri.", "14 Maret", "Sidang digelar pada"),
        ("time", "Gempa terjadi pukul 14.30 WIB dan terasa hingga ke kota tetangga.", "14.30", "WIB"),
        ("weekday", "Rapat paripurna digelar pada Kamis pagi di gedung dewan.", "Kamis", "Rapat paripurna"),
        ("antonym", "Harga beras naik tajam menjelang hari raya tahun ini.", "naik", "Harga beras"),
        ("place", "Festival musik itu akan digelar di Surabaya bulan depan.", "Surabaya", "Festival musik"),
        ("organisation", "Penyidik KPK memeriksa tiga saksi dalam kasus suap itu.", "KPK", "memeriksa"),
        ("role", "Gubernur meresmikan rumah sakit baru di pusat kota.", "Gubernur", "meresmikan"),
        ("person", "Budi Santoso memimpin rombongan ke lokasi bencana.", "Budi Santoso", "memimpin rombongan"),
        ("speaker", "Pemerintah akan menambah anggaran bantuan, kata Budi Santoso di Jakarta.", "Budi Santoso", "anggaran"),
    ],
)
def test_edit_changes_the_named_fact_only(kind, sentence, must_change, must_keep):
    edited = S.edit(kind, sentence, rng(), POOLS)
    assert edited and edited != sentence
    assert must_change not in edited
    assert must_keep in edited


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Pemerintah menyediakan fasilitas kesehatan bagi relawan.", "Pemerintah tidak menyediakan"),
        ("Wales tidak mengikuti kejuaraan itu tahun ini.", "Wales mengikuti kejuaraan"),
        ("Proyek itu telah selesai dikerjakan bulan lalu.", "Proyek itu belum selesai"),
        ("Kota itu adalah ibu kota provinsi sejak 1950.", "Kota itu bukan ibu kota"),
    ],
)
def test_negation_flips_the_claim(sentence, expected):
    assert expected in S.edit("negation", sentence, rng(), POOLS)


def test_negation_skips_words_that_only_look_like_verbs():
    # "beberapa" and "tersebut" carry the ber-/ter- prefixes but are not verbs.
    assert S.edit("negation", "Di antara beberapa pilihan tersebut warga memilih pulang.", rng(), POOLS) == (
        "Di antara beberapa pilihan tersebut warga tidak memilih pulang."
    )


def test_sentence_with_nothing_to_edit():
    assert S.edit("number", "Warga berkumpul di balai desa.", rng(), POOLS) is None
    assert S.edit("person", "Gunung Merapi kembali erupsi.", rng(), POOLS) is None  # "Gunung" is a common word


@pytest.mark.parametrize(
    "kind, sentence, expected",
    [
        ("number_form", "Inflasi tahun ini mencapai 3 persen.", "Inflasi tahun ini mencapai 3%."),
        ("number_form", "Sebanyak 10.000 warga mengungsi.", "Sebanyak 10 ribu warga mengungsi."),
        ("drop_clause", "Menteri itu (yang baru dilantik) meninjau pasar di Bekasi.", "Menteri itu meninjau pasar di Bekasi."),
        ("reorder", "Pada Senin pagi, warga membersihkan saluran air.", "Warga membersihkan saluran air pada Senin pagi."),
        ("synonym", "Ia mengatakan bantuan segera dikirim.", None),
    ],
)
def test_rewrites_keep_the_facts(kind, sentence, expected):
    out = S.rewrite(kind, sentence, rng())
    assert out and out != sentence
    if expected:
        assert out == expected


def test_generate_is_deterministic_and_labelled():
    sentences = [
        "Banjir merendam 1.200 rumah warga di Bekasi pada Senin malam.",
        "Harga beras naik tajam menjelang hari raya, kata Budi Santoso kepada wartawan.",
        "Gubernur meresmikan rumah sakit baru (berkapasitas 200 tempat tidur) di Surabaya.",
        "Budi Santoso mengatakan pemerintah telah menyalurkan bantuan ke 15 desa.",
    ]
    first = S.generate(sentences, seed=5)
    assert first == S.generate(sentences, seed=5)
    assert {p.label for p in first} >= {"c", "e"}
    for pair in first:
        assert pair.label in "enc" and pair.premise != pair.hypothesis or pair.kind == "identity"
        if pair.label == "c":
            assert pair.kind in S.EDITS


def test_benchmark_pairs_come_with_controls():
    sentences = ["Banjir merendam 1.200 rumah warga di Bekasi pada Senin malam.",
                 "Gubernur meresmikan rumah sakit baru di Surabaya pada tahun 2019."]
    pairs = S.generate(sentences, seed=1, benchmark=True)
    edited = [p for p in pairs if p.label == "c"]
    controls = [p for p in pairs if p.control]
    assert len(edited) == len(controls) == 2
    for e, c in zip(edited, controls):
        # Same premise, and the control is the edited pair minus the edit.
        assert e.premise == c.premise and e.source == c.source and c.label == "e"


def test_training_sample_balances_labels():
    pairs = [S.SyntheticPair("a", "b", label, kind, i) for i, (label, kind) in enumerate(
        [("c", "number")] * 50 + [("e", "identity")] * 50 + [("e", "synonym")] * 50 + [("n", "same_topic")] * 50)]
    sample = S.training_sample(pairs, 40, seed=0)
    labels = [p.label for p in sample]
    assert labels.count("n") == 8 and labels.count("c") == 17
    assert sum(p.kind == "identity" for p in sample) < sum(p.kind == "synonym" for p in sample)


def test_hypothesis_edits_change_a_fact_the_premise_states():
    pairs = [
        ("Banjir merendam 1.200 rumah di Bekasi pada Senin malam, kata petugas.", "Banjir merendam 1.200 rumah di Bekasi."),
        # The hypothesis's only number is not in the premise: no number edit, but negation still applies.
        ("Warga membersihkan sungai bersama relawan.", "Sebanyak 40 warga membersihkan sungai."),
    ]
    out = S.hypothesis_edits(pairs, seed=3)
    assert [p.label for p in out] == ["c", "c"]
    first = out[0]
    edited = first.hypothesis if first.premise.startswith("Banjir merendam 1.200 rumah di Bekasi pada") else first.premise
    assert edited != pairs[0][1]
    assert out[1].kind == "negation"


def test_balanced_takes_kinds_in_turn():
    pairs = [S.SyntheticPair("a", "b", "c", "negation", i) for i in range(10)] + [
        S.SyntheticPair("a", "b", "c", "time", 10 + i) for i in range(2)]
    picked = S.balanced(pairs, 6, seed=0)
    assert sorted(p.kind for p in picked).count("time") == 2
    assert len(picked) == 6


def test_injected_speaker_and_weekday_pairs():
    sentences = ["Harga cabai di pasar tradisional turun dua ribu rupiah per kilogram.",
                 "Pemerintah kota membuka posko pengaduan banjir di setiap kelurahan."] * 4
    out = S.injected(sentences, seed=2)
    assert {p.kind for p in out} <= {"speaker", "role", "weekday"} and out
    w = S._words()
    names = {f"{a} {b}" for a in w["first_names"] for b in w["last_names"]} | set(w["weekdays"]) | set(w["roles"])

    def facts(text):
        return {n for n in names if n in text}

    for c, e in zip(out[::2], out[1::2]):
        assert c.label == "c" and e.label == "e" and c.kind == e.kind
        # The entailed twin keeps the premise's speaker or weekday; the contradiction swaps it.
        assert facts(e.premise) == facts(e.hypothesis) and facts(e.premise)
        assert facts(c.premise) != facts(c.hypothesis)
    assert S.injected(["Gubernur Budi Santoso meresmikan pasar itu pada hari Senin."], seed=0) == []
