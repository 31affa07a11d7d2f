from pathlib import Path

import pytest

from factcheck.config import Options
from factcheck.ingest import load_articles
from factcheck.segment import split_all, split_sentences
from factcheck.types import Article

SEEDS = sorted(str(path) for path in (Path(__file__).parent.parent / "seeds").glob("*.txt"))


def sentences_of(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(Article(file="x.txt", path="x.txt", outlet="x", text=text), 0)]


def test_offsets_point_into_the_text_for_every_seed():
    articles, _ = load_articles(SEEDS, Options())
    sentences = split_all(articles)
    assert {sentence.article for sentence in sentences} == set(range(len(articles)))
    for sentence in sentences:
        text = articles[sentence.article].text
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and "\n" not in sentence.text
    for index in range(len(articles)):
        own = [sentence for sentence in sentences if sentence.article == index]
        assert [sentence.index for sentence in own] == list(range(len(own)))
        assert all(a.end <= b.start for a, b in zip(own, own[1:]))


def test_seed_sentences_keep_their_quotes_and_numbers():
    articles, _ = load_articles(SEEDS, Options())
    texts = [sentence.text for sentence in split_all(articles)]
    assert "“Pertanyaannya adalah seberapa buruk Putin merasa butuh amunisi dari Korea Utara untuk bertahan hidup dan memenangkan perang,” kata Cha." in texts
    assert any(text.startswith("“Hal itu mungkin menurunkan ambang batas") for text in texts)
    assert any("lebih dari 11.000 kontainer amunisi" in text and text.endswith("persenjataan.") for text in texts)


def test_offsets_skip_surrounding_whitespace_without_changing_text():
    text = "  Halo dunia.   Kalimat kedua.  \n\nJudul tanpa titik\nBaris lain."
    sentences = split_sentences(Article(file="x.txt", path="x.txt", outlet="x", text=text), 3)
    assert [(s.article, s.index, s.text) for s in sentences] == [
        (3, 0, "Halo dunia."),
        (3, 1, "Kalimat kedua."),
        (3, 2, "Judul tanpa titik"),
        (3, 3, "Baris lain."),
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    "text, expected",
    [
        # abbreviations and titles
        ("Presiden AS Joe Biden bertemu Sekjen PBB di New York. Mereka membahas Gaza.",
         ["Presiden AS Joe Biden bertemu Sekjen PBB di New York.", "Mereka membahas Gaza."]),
        ("Upaya pimpinan AS. Rusia menolak.", ["Upaya pimpinan AS.", "Rusia menolak."]),
        ("Kata Prof. Budi dan Dr. Ani kemarin. Lalu H. Ahmad dan Hj. Siti datang.",
         ["Kata Prof. Budi dan Dr. Ani kemarin.", "Lalu H. Ahmad dan Hj. Siti datang."]),
        ("Menurut Kol. Inf. Budi dan Letjen. TNI Ani, Jend. Andi hadir. Mereka datang.",
         ["Menurut Kol. Inf. Budi dan Letjen. TNI Ani, Jend. Andi hadir.", "Mereka datang."]),
        ("Kantornya di Jl. Merdeka No. 5 ramai. Yth. Bapak Camat hadir.",
         ["Kantornya di Jl. Merdeka No. 5 ramai.", "Yth. Bapak Camat hadir."]),
        ("PT Maju Tbk. melaporkan laba Rp. 11.000 per saham. Rapat s.d. Jumat, a.n. direksi.",
         ["PT Maju Tbk. melaporkan laba Rp. 11.000 per saham.", "Rapat s.d. Jumat, a.n. direksi."]),
        ("Gelar M.Si. diraih Budi di St. Petersburg. Ia senang.", ["Gelar M.Si. diraih Budi di St. Petersburg.", "Ia senang."]),
        ("Ia datang bln. Juni thn. 2024 bersama dll. lainnya. Lalu pulang.",
         ["Ia datang bln. Juni thn. 2024 bersama dll. lainnya.", "Lalu pulang."]),
        ("Ia membawa buku, pena, dsb. Kemudian ia pergi.", ["Ia membawa buku, pena, dsb.", "Kemudian ia pergi."]),
        # dates, times and numbers
        ("Ia lahir pada 19/6/2024 dan 19.6.2024 di Jakarta. Lalu pindah.",
         ["Ia lahir pada 19/6/2024 dan 19.6.2024 di Jakarta.", "Lalu pindah."]),
        ("Putin tiba pukul 02.45 WIB atau 2:45 pagi. Kim menyambut.", ["Putin tiba pukul 02.45 WIB atau 2:45 pagi.", "Kim menyambut."]),
        ("Harga Rp 1.500.000 naik 2,5 persen dari 11.000 kontainer. Lalu turun.",
         ["Harga Rp 1.500.000 naik 2,5 persen dari 11.000 kontainer.", "Lalu turun."]),
        # initials and ellipses
        ("J. Biden tiba. George W. Bush juga.", ["J. Biden tiba.", "George W. Bush juga."]),
        ("Rusia… dan senjata lainnya. Tunggu... Ia pergi.", ["Rusia… dan senjata lainnya.", "Tunggu...", "Ia pergi."]),
        # quotes
        ("Ia berkata: “Ini penting. Kita harus bersatu.” Kemudian ia pergi.",
         ["Ia berkata: “Ini penting. Kita harus bersatu.”", "Kemudian ia pergi."]),
        ("“Kami siap. Semua sudah beres,” kata dia. Lalu pergi.", ["“Kami siap. Semua sudah beres,” kata dia.", "Lalu pergi."]),
        ("“Kami siap.” kata dia. Lalu pergi.", ["“Kami siap.” kata dia.", "Lalu pergi."]),
        ('"Kami siap." Ia lalu pergi.', ['"Kami siap."', "Ia lalu pergi."]),
        ("Ia setuju.” Kemudian pergi.", ["Ia setuju.”", "Kemudian pergi."]),
        ('kata Cha. "Hal itu benar." Lalu.', ["kata Cha.", '"Hal itu benar."', "Lalu."]),
    ],
)
def test_indonesian_edge_cases(text, expected):
    assert sentences_of(text) == expected


def test_english_reference_uses_english_abbreviations():
    text = "Pentagon press secretary Air Force Maj. Gen. Pat Ryder spoke on Tuesday. Mr. Putin arrived later."
    article = Article(file="wire.txt", path="wire.txt", outlet="wire", text=text, language="en")
    assert [s.text for s in split_sentences(article, 0)] == [
        "Pentagon press secretary Air Force Maj. Gen. Pat Ryder spoke on Tuesday.",
        "Mr. Putin arrived later.",
    ]


def test_never_crosses_a_paragraph():
    assert sentences_of("Putin tiba di Jl.\n\nMerdeka pada Rabu.") == ["Putin tiba di Jl.", "Merdeka pada Rabu."]
