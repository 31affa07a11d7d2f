import datetime as dt
import json
import re
from pathlib import Path

import pytest

from factcheck.config import Options
from factcheck.ingest import clean_text, detect_language, find_date, load_articles
from factcheck.types import InputError

SEEDS = sorted(str(path) for path in (Path(__file__).parent.parent / "seeds").glob("*.txt"))
BODY = (
    "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari waktu setempat. "
    "Pemimpin Korea Utara Kim Jong Un menyambutnya langsung di bandara."
)
OTHER_BODY = "Kunjungan itu adalah yang pertama dalam 24 tahun. Kedua negara menandatangani perjanjian baru."
THIRD_BODY = "Amerika Serikat dan sekutunya khawatir. Korea Utara diduga memasok amunisi ke Rusia."


@pytest.fixture(scope="module")
def seeds():
    articles, skipped = load_articles(SEEDS, Options())
    assert skipped == []
    return {article.file[:3]: article for article in articles}


def write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


# --- the seed articles --------------------------------------------------------

NOISE = {
    "000": ["• News", "Tri Umardini", "04:04 WIB", "KCNA via REUTERS", "(*)", "JAKARTA -"],
    "001": ["MEMBACA", "Saham Kooth", "Elon Musk", "Gavriil Grigorov", "Via Reuters", "\\", "19 Juni 2024"],
    "002": ["Vladimir Smirnov", "via AP", "VIVA"],
    "003": [
        "Lupa Kata Sandi", "Masuk melalui", "Daftar di Sini", "Memiliki Akun", "Konfirmasi Email",
        "rudihamdani@gmail.com", "link aktivasi", "Kirimkan Lagi", "Reporter", "Yudono Yanuar",
        "image-gnews", "via REUTERS", "TEMPO.CO", "Pilihan Editor", "Gempa Maroko", "Rekomendasi Artikel",
        "Konten sponsor", "Video Pilihan", "jam lalu", "Hari Nakba", "Sri Lanka", "Netanyahu", "All 4 One",
    ],
    "004": ["oleh Chen Yue", "(sin)"],
}
KEPT = {
    "000": [
        "Pemimpin Korea Utara Kim Jong Un telah menjanjikan “dukungan penuh dan solidaritas”",
        "Vladimir Putin pada hari Rabu (19/6/2024) berterima kasih kepada Kim Jong Un",
        "Selamat datang di karpet merah",
        "Kejadian serupa terjadi pada 9 Juni.",
        "kata Alexander Vuving dari Pusat Studi Keamanan Inouye Asia-Pasifik yang berbasis di Hawaii.",
    ],
    "001": [
        "Presiden Rusia Vladimir Putin disambut dengan sambutan meriah di Pyongyang",
        "setelah Putin mendarat sekitar pukul 2:45 pagi waktu setempat",
        "lebih dari 11.000 kontainer amunisi",
        "berbagi “pikiran terdalam yang terpendam” mereka",
        "“Tentu saja, kami juga khawatir",
    ],
    "002": [
        "Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un pada Rabu menandatangani perjanjian",
        "Korea Utara dan bekas Uni Soviet menandatangani perjanjian pada tahun 1961",
    ],
    "003": [
        "Presiden Rusia Vladimir Putin menerima undangan Kim Jong Un untuk mengunjungi Korea Utara",
        "bersulang pada hari Rabu, 13 September 2023, dengan anggur Rusia",
        "Korea Utara didirikan pada bulan September 1948 dengan dukungan Uni Soviet",
        "“Amerika Serikat tidak punya hak untuk menceramahi kami tentang cara hidup,” kata Duta Besar Rusia",
    ],
    "004": [
        "Pada Rabu (19 Juni) dini hari waktu setempat, Presiden Rusia Vladimir Putin tiba di Bandara Pyongyang",
        "adalah dengan memutus sumber bahan bakar.",
    ],
}


@pytest.mark.parametrize("seed", sorted(NOISE))
def test_seed_noise_is_removed_and_story_kept(seeds, seed):
    text = seeds[seed].text
    for noise in NOISE[seed]:
        assert noise not in text
    for sentence in KEPT[seed]:
        assert sentence in text
    assert not re.search(r"\bIklan\b|Scroll Untuk Melanjutkan", text, re.IGNORECASE)
    assert "\n\n\n" not in text and text == text.strip()


def test_seed_dropped_spans_say_why(seeds):
    reasons = {dropped.reason for dropped in seeds["003"].dropped}
    assert {"login or registration prompt", "advertisement marker", "related-articles block", "byline"} <= reasons
    ads = [dropped.text for dropped in seeds["003"].dropped if dropped.reason == "advertisement marker"]
    assert ads.count("Iklan") == 3 and "Scroll Untuk Melanjutkan" in ads
    widgets = [dropped.text for dropped in seeds["001"].dropped if dropped.reason == "read-also widget"]
    assert len(widgets) == 2 and all(widget.startswith("MEMBACA") for widget in widgets)


def test_seed_titles_outlets_language(seeds):
    assert seeds["003"].title == "Putin Siap Penuhi Undangan Kim Jong Un, Kenapa AS Ketar-ketir?"
    assert seeds["001"].title == "Korea Utara menyambut Putin dengan karpet merah"
    assert seeds["000"].outlet == "000_716f01e2eddbb672"
    for article in seeds.values():
        assert article.title and article.title not in article.text.split("\n\n")[0]
        assert article.language == "id"
        assert article.encoding == "utf-8"
        assert not article.is_reference


def test_seed_dates(seeds):
    assert seeds["000"].date == dt.date(2024, 6, 20)  # the stamp, not the 2023 file-photo caption
    assert seeds["001"].date == dt.date(2024, 6, 19)
    assert seeds["003"].date == dt.date(2023, 9, 13)
    # "Rabu (19 Juni)" has no year: the latest year where 19 June is a Wednesday.
    assert seeds["004"].date.timetuple()[1:3] == (6, 19) and seeds["004"].date.weekday() == 2
    assert seeds["004"].date_source == "text"
    # 002 names the weekday ("pada Rabu") and no date at all.
    assert seeds["002"].date is None and seeds["002"].date_source == "none"


@pytest.mark.parametrize(
    "text, code",
    [
        ("Presiden Rusia Vladimir Putin tiba di Pyongyang pada Selasa malam untuk kunjungan kenegaraan.", "id"),
        ("Russian President Vladimir Putin arrived in Pyongyang on Wednesday for a state visit.", "en"),
        ("俄罗斯总统普京周三抵达平壤进行国事访问。", "zh"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


# --- dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rabu, 19 Jun 2024 10:15 WIB\nIsi berita.", dt.date(2024, 6, 19)),
        ("Jakarta - Pada 20 Juni 2024 Presiden tiba.", dt.date(2024, 6, 20)),
        ("Diperbarui 5 Okt. 2023, 08.00 WIB", dt.date(2023, 10, 5)),
        ("Published June 19, 2024", dt.date(2024, 6, 19)),
        ("Kamis (20/6) Presiden tiba.", dt.date(2024, 6, 20)),
        ("Foto lama 13 September 2023\nBudi | Kamis, 20/06/2024 04:04 WIB", dt.date(2024, 6, 20)),
        ("Tidak ada tanggal di sini, hanya Rabu.", None),
    ],
)
def test_find_date(text, expected):
    assert find_date(text, today=dt.date(2026, 1, 1)) == expected


def test_date_option_wins_and_metadata_is_used(tmp_path):
    feed = write(
        tmp_path,
        "feed.jsonl",
        json.dumps({"text": "Kamis, 20/06/2024 04:04 WIB\n" + BODY, "date": "2024-06-21"})
        + "\n"
        + json.dumps({"text": "Kamis, 20/06/2024 04:04 WIB\n" + OTHER_BODY})
        + "\n",
    )
    articles, _ = load_articles([feed], Options(dates={"feed.jsonl#2": "2024-06-22"}))
    assert (articles[0].date, articles[0].date_source) == (dt.date(2024, 6, 21), "metadata")
    assert (articles[1].date, articles[1].date_source) == (dt.date(2024, 6, 22), "option")
    with pytest.raises(InputError, match="not YYYY-MM-DD"):
        load_articles([feed], Options(dates={"feed.jsonl#1": "20 Juni"}))


# --- cleaning rules beyond the seeds ----------------------------------------------


def test_inline_read_also_widget_is_cut_from_the_paragraph():
    text, dropped = clean_text(
        "Putin tiba pukul 02.45 WIB. Baca juga: Kim Jong Un Sambut Putin di Bandara Ia kemudian menuju wisma negara."
    )
    assert text == "Putin tiba pukul 02.45 WIB. Ia kemudian menuju wisma negara."
    assert [(d.text, d.reason) for d in dropped] == [("Baca juga: Kim Jong Un Sambut Putin di Bandara", "read-also widget")]


@pytest.mark.parametrize(
    "noisy, clean",
    [
        ("Jakarta, CNN Indonesia -- Presiden tiba di Pyongyang.", "Presiden tiba di Pyongyang."),
        ("Jakarta (ANTARA) - Presiden tiba di Pyongyang.", "Presiden tiba di Pyongyang."),
        ("Liputan6.com, Jakarta - Presiden tiba di Pyongyang.", "Presiden tiba di Pyongyang."),
        ("JAKARTA, KOMPAS.com - Presiden tiba di Pyongyang.", "Presiden tiba di Pyongyang."),
        ("Warga melintasi banjir di Demak, Rabu (19/6/2024). ANTARA FOTO/Aji Styawan/foc.\nPresiden tiba.", "Presiden tiba."),
        ("Presiden tiba (ANTARA FOTO/Sigid Kurniawan) di Pyongyang.", "Presiden tiba di Pyongyang."),
        ("Presiden tiba di Pyongyang (Foto: Dok. Istimewa).", "Presiden tiba di Pyongyang."),
        ("Foto: Presiden Putin di Pyongyang (AP/Gavriil Grigorov)\nPresiden tiba.", "Presiden tiba."),
        ("Presiden tiba di Pyongyang. (nkn/nkn)", "Presiden tiba di Pyongyang."),
        ("ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nPresiden tiba.", "Presiden tiba."),
        ("BACA JUGA: Putin Tiba di Pyongyang\nPresiden tiba.", "Presiden tiba."),
        ("Simak juga Video: Momen Putin Disambut Kim Jong Un\nPresiden tiba.", "Presiden tiba."),
        ("Penulis: Ani Lestari\nEditor: Budi Santoso\nPresiden tiba.", "Presiden tiba."),
        ("Presiden tiba.\nDapatkan update berita pilihan setiap hari. Mari bergabung di Grup Telegram.", "Presiden tiba."),
        ("Presiden tiba.\nTags: Putin, Kim Jong Un\nBerita Terkait\nPutin ke Vietnam", "Presiden tiba."),
        ("Presiden tiba.\n© 2024 Kompas.com", "Presiden tiba."),
    ],
)
def test_noise_of_other_indonesian_sites(noisy, clean):
    assert clean_text(noisy)[0] == clean


@pytest.mark.parametrize(
    "text",
    [
        "Oleh karena itu, pemerintah menunda rapat.",
        "Reporter Al Jazeera Rob McBride mengatakan kedua pemimpin hadir.",
        "Negara-negara Barat – yang memberlakukan sanksi – memantau kunjungan itu.",
        "Ia mengatakan kepada Reuters bahwa pasokan terhenti.",
        "Membaca buku adalah kegiatan yang baik.",
    ],
)
def test_real_sentences_that_look_like_noise_are_kept(text):
    assert clean_text(text) == (text, [])


# --- formats ---------------------------------------------------------------------


def test_html_markdown_jsonl_csv(tmp_path):
    html = write(
        tmp_path,
        "page.html",
        """<html><head><title>Putin Tiba di Pyongyang</title>
        <meta property="og:site_name" content="Kompas.com">
        <meta property="article:published_time" content="2024-06-19T08:00:00+07:00"></head>
        <body><nav><a href="/">Beranda</a></nav><article><h1>Putin Tiba di Pyongyang</h1>
        <p>JAKARTA, KOMPAS.com - Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan.</p>
        <p>Baca juga: Kim Jong Un Sambut Putin di Bandara</p>
        <p>Kunjungan ini adalah yang pertama dalam 24 tahun terakhir menurut kantor berita KCNA.</p>
        </article><div class="comments"><p>Komentar pembaca: mantap sekali</p></div></body></html>""",
    )
    markdown = write(
        tmp_path,
        "note.md",
        "# Kim Sambut Putin\n\n![foto](putin.jpg)\n\nPemimpin **Korea Utara** Kim Jong Un menyambut\n"
        "[Putin](https://example.com) di bandara.\n\n- Kedua pemimpin berpelukan.\n",
    )
    feed = write(
        tmp_path,
        "feed.jsonl",
        json.dumps({"text": BODY, "outlet": "Antara", "title": "Putin Tiba", "url": "https://antaranews.com/1",
                    "date": "19/06/2024", "language": "id"}) + "\n\n"
        + json.dumps({"text": OTHER_BODY, "url": "https://www.detik.com/2"}) + "\n",
    )
    table = write(tmp_path, "table.csv", f'text,outlet\n"{BODY} Tambahan.",Tempo\n')

    articles, skipped = load_articles([html, markdown, feed, table], Options())
    assert skipped == []
    page, note, first, second, row = articles

    assert page.file == "page.html" and page.outlet == "Kompas.com" and page.title == "Putin Tiba di Pyongyang"
    assert page.date == dt.date(2024, 6, 19) and page.date_source == "metadata"
    assert page.text.startswith("Presiden Rusia Vladimir Putin tiba di Pyongyang")
    assert "Baca juga" not in page.text and "Komentar" not in page.text and "Beranda" not in page.text

    assert note.title == "Kim Sambut Putin"
    assert note.text == "Pemimpin Korea Utara Kim Jong Un menyambut Putin di bandara.\n\nKedua pemimpin berpelukan."

    assert (first.file, first.outlet, first.title, first.url) == ("feed.jsonl#1", "Antara", "Putin Tiba", "https://antaranews.com/1")
    assert first.date == dt.date(2024, 6, 19) and first.language == "id" and first.text == BODY
    assert (second.file, second.outlet) == ("feed.jsonl#3", "www.detik.com")

    assert (row.file, row.outlet) == ("table.csv#1", "Tempo")


def test_reference_documents_load_alone(tmp_path):
    wire = write(
        tmp_path,
        "wire.txt",
        "PYONGYANG, June 19, 2024 (Reuters) - Russian President Vladimir Putin arrived in North Korea early "
        "on Wednesday for his first visit in 24 years.",
    )
    [article], skipped = load_articles([wire], Options(), reference=True)
    assert article.is_reference and article.language == "en" and article.date == dt.date(2024, 6, 19)
    assert article.text.startswith("Russian President Vladimir Putin arrived") and skipped == []


# --- bad inputs ------------------------------------------------------------------


@pytest.fixture
def good(tmp_path):
    return [write(tmp_path, "a.txt", BODY), write(tmp_path, "b.txt", OTHER_BODY)]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", "  \n\t \n", "only whitespace"),
        ("nul.txt", b"PK\x03\x04\x00\x00binary", "binary file (contains NUL bytes)"),
        ("controls.txt", bytes(range(1, 9)) * 50, "binary file (mostly non-text)"),
        ("garbled.txt", bytes([0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50, "encoding cannot be detected"),
        ("paper.pdf", "%PDF-1.4", "unsupported file type '.pdf'"),
        ("README", BODY, "unsupported file type (no extension)"),
        ("ads.txt", "Iklan\nScroll Untuk Melanjutkan\n", "no article text left after removing page noise"),
        ("bad.jsonl", json.dumps({"text": THIRD_BODY}) + "\n{not json\n", "line 2: not valid JSON"),
        ("notext.jsonl", json.dumps({"title": "x"}) + "\n", "line 1: no 'text'"),
        ("list.jsonl", "[1, 2]\n", "line 1: not a JSON object"),
        ("nocol.csv", "body,outlet\nHalo,Tempo\n", "no 'text' column"),
        ("emptyrow.csv", f'text,outlet\n"{THIRD_BODY}",Tempo\n"  ",Kompas\n', "row 2: no 'text'"),
        ("header.csv", "text,outlet\n", "no rows under the header"),
    ],
)
def test_bad_input_is_named_with_its_problem(tmp_path, good, name, content, problem):
    bad = write(tmp_path, name, content)
    with pytest.raises(InputError) as error:
        load_articles([*good, bad], Options())
    assert error.value.path == bad and problem in error.value.problem
    assert str(error.value) == f"{bad}: {error.value.problem}" and "\n" not in str(error.value)

    articles, skipped = load_articles([*good, bad], Options(skip_bad=True))
    assert len(skipped) == 1 and skipped[0][0] == bad and problem in skipped[0][1]
    assert [article.file for article in articles][:2] == ["a.txt", "b.txt"]


def test_missing_path_and_directory(tmp_path, good):
    with pytest.raises(InputError, match="no such file"):
        load_articles([*good, str(tmp_path / "nope.txt")], Options())
    with pytest.raises(InputError, match="is a directory"):
        load_articles([*good, str(tmp_path)], Options())


def test_same_file_twice(tmp_path, good):
    again = str(tmp_path / "sub" / ".." / "a.txt")
    (tmp_path / "sub").mkdir()
    with pytest.raises(InputError, match=r"given twice \(same file as .*a.txt\)"):
        load_articles([*good, again], Options())
    copy = write(tmp_path, "copy.txt", BODY + "\n")
    with pytest.raises(InputError, match="same content as a.txt") as error:
        load_articles([*good, copy], Options())
    assert error.value.path == copy


def test_non_utf8_file_is_decoded_and_its_encoding_recorded(tmp_path, good):
    text = "“Kami siap,” kata pejabat itu di Pyongyang pada Rabu. " * 3 + "Kunjungan itu berlangsung dua hari."
    legacy = write(tmp_path, "legacy.txt", text.encode("cp1252"))
    articles, _ = load_articles([*good, legacy], Options())
    assert articles[2].encoding not in ("utf-8", "ascii")
    assert articles[2].text == " ".join(text.split())


def test_fewer_than_two_articles(tmp_path, good):
    with pytest.raises(InputError) as error:
        load_articles(good[:1], Options())
    assert error.value.problem == "only one article: nothing to compare"
    bad = write(tmp_path, "empty.txt", b"")
    with pytest.raises(InputError, match="only one article"):
        load_articles([good[0], bad], Options(skip_bad=True))
    with pytest.raises(InputError, match="no articles"):
        load_articles([], Options())


# --- limits on one run's input (Options.max_*) ----------------------------------


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    big = write(tmp_path, "big.txt", BODY + " " + "kata " * 300_000)  # 1.5 MB
    other = write(tmp_path, "other.txt", OTHER_BODY)
    with pytest.raises(InputError) as error:
        load_articles([big, other], Options(max_file_mb=1, progress=False))
    assert (error.value.path, error.value.problem) == (
        big, "1 MB, over the limit of 1 MB for one file (max_file_mb)"
    )
    _, skipped = load_articles([big, other, write(tmp_path, "third.txt", THIRD_BODY)],
                               Options(max_file_mb=1, skip_bad=True, progress=False))  # fmt: skip
    assert [path for path, _ in skipped] == [big]


def test_an_article_over_the_length_limit_names_its_length(tmp_path):
    long = write(tmp_path, "long.txt", BODY * 40)
    other = write(tmp_path, "other.txt", OTHER_BODY)
    with pytest.raises(InputError, match=r"article of 6,.* characters, over the limit of 5,000 \(max_article_chars\)"):
        load_articles([long, other], Options(max_article_chars=5_000, progress=False))
    # One row of a feed is named by its line.
    feed = write(tmp_path, "feed.jsonl", "\n".join(json.dumps({"text": t}) for t in (OTHER_BODY, BODY * 40)))
    with pytest.raises(InputError) as error:
        load_articles([feed, other], Options(max_article_chars=5_000, progress=False))
    assert error.value.problem.startswith("feed.jsonl#2: article of 6,")


def test_a_run_over_the_article_limit_stops_even_when_skipping_bad_input(tmp_path):
    rows = [json.dumps({"text": f"{BODY} Nomor {n}."}) for n in range(12)]
    feed = write(tmp_path, "feed.jsonl", "\n".join(rows))
    for skip_bad in (False, True):
        with pytest.raises(InputError) as error:
            load_articles([feed], Options(max_articles=10, skip_bad=skip_bad, progress=False))
        assert error.value.problem == (
            "feed.jsonl#11: more than 10 articles in one run (max_articles); split the input, e.g. a feed by day"
        )
    articles, _ = load_articles([feed], Options(max_articles=12, progress=False))
    assert len(articles) == 12
