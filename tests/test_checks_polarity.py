"""The polarity check: one sentence denies what another asserts. No models."""

import datetime as dt

import pytest

from factcheck.checks.polarity import check_pair, check_polarity_run, negations, root
from factcheck.config import Options
from factcheck.types import Article, Sentence


def run(*texts: str, dates=None):
    dates = dates or [dt.date(2025, 3, 4)] * len(texts)
    articles = [
        Article(file=f"{i}.txt", path=f"{i}.txt", outlet=str(i), text=t, date=d, language="id")
        for i, (t, d) in enumerate(zip(texts, dates))
    ]
    sentences = [Sentence(article=i, index=0, start=0, end=len(t), text=t) for i, t in enumerate(texts)]
    return articles, sentences


def judge(a: str, b: str, **kw):
    articles, (sa, sb) = run(a, b, **kw)
    return check_pair(sa, sb, articles, Options())


def test_roots_match_across_affixes():
    assert root("mendukung") == root("dukungan") == "dukung"
    assert root("menyambutnya") == root("sambutan")
    assert root("menandatangani") == root("ditandatangani")  # a root added in the lexicon


def test_negation_reads_the_predicate_past_light_words():
    [n] = negations("Gubernur itu tidak mendapat dukungan dari partai koalisi di parlemen.")
    assert n.cue.text == "tidak" and n.predicate.text == "dukungan" and n.root == "dukung"
    assert {"partai", "koalisi", "parlemen"} <= n.objects


def test_refusal_opens_a_negation():
    [n] = negations("Kedua negara menolak menandatangani perjanjian dagang bebas itu.")
    assert n.cue.text == "menolak" and n.predicate.text == "menandatangani"


@pytest.mark.parametrize(
    "text",
    [
        "Tidak hanya bank sentral, pemerintah juga mendukung kebijakan itu.",  # "not only"
        "Tak lama kemudian, presiden tiba di istana.",  # "shortly after"
        "Tidak ada korban jiwa dalam kebakaran gudang itu.",  # existential: scope too loose
        "Tidak, kata menteri, pemerintah tetap mendukung proyek itu.",  # an answer
        "Menteri itu tidak akan menghadiri pertemuan puncak pekan depan.",  # a negated plan
    ],
)
def test_phrases_that_only_look_negative(text):
    assert negations(text) == ()


def test_a_denial_against_an_assertion_is_a_polarity_contradiction():
    [sig] = judge(
        "Partai oposisi menolak mendukung rancangan undang-undang pajak karbon di parlemen.",
        "Partai oposisi menyatakan dukungan penuh untuk rancangan undang-undang pajak karbon.",
    )
    assert sig.category == "polarity" and sig.verdict == "contradiction"
    assert '"menolak mendukung" in 0.txt' in sig.why and '"dukungan" in 1.txt' in sig.why


def test_either_side_may_negate():
    [sig] = judge(
        "Pemain itu menandatangani kontrak baru dengan klub Madrid pada Senin.",
        "Pemain itu belum menandatangani kontrak baru dengan klub Madrid.",
    )
    assert '"belum menandatangani" in 1.txt' in sig.why


@pytest.mark.parametrize(
    "a, b",
    [
        # the other side is hedged: a plan or a possibility is not an event
        ("Pemain itu belum menandatangani kontrak baru dengan klub Madrid.",
         "Pemain itu diperkirakan akan menandatangani kontrak baru dengan klub Madrid."),
        # a condition
        ("Jika klub tidak menandatangani kontrak baru dengan pemain itu, ia pergi ke Madrid.",
         "Klub menandatangani kontrak baru dengan pemain itu di Madrid."),
        # both deny
        ("Pemain itu belum menandatangani kontrak baru dengan klub Madrid.",
         "Pemain itu tidak menandatangani kontrak baru dengan klub Madrid."),
        # they share too little: a different thing is denied
        ("Pemerintah tidak menggunakan dana darurat untuk proyek jalan tol.",
         "Pemerintah menggunakan pinjaman bank untuk membangun bendungan."),
        # the negating sentence itself asserts the predicate too
        ("Sebagian warga mendukung rencana itu, sebagian lain tidak mendukung rencana pembangunan bandara.",
         "Warga mendukung rencana pembangunan bandara baru."),
        # both speak of a refusal
        ("Pengadilan menolak banding kedua organisasi itu pada Oktober.",
         "Kedua organisasi mengajukan banding yang ditolak oleh pengadilan pada Oktober."),
    ],
)
def test_no_conflict(a, b):
    assert judge(a, b) == []


def test_far_apart_in_time_is_a_change_not_a_contradiction():
    a = "Partai oposisi menolak mendukung rancangan undang-undang pajak karbon di parlemen."
    b = "Partai oposisi menyatakan dukungan penuh untuk rancangan undang-undang pajak karbon."
    assert judge(a, b, dates=[dt.date(2023, 1, 1), dt.date(2024, 6, 1)]) == []


def test_run_level_pairs_only_across_sources():
    a = "Partai oposisi menolak mendukung rancangan undang-undang pajak karbon di parlemen."
    b = "Partai oposisi menyatakan dukungan penuh untuk rancangan undang-undang pajak karbon."
    articles, sentences = run(a, b, "Cuaca di ibu kota cerah sepanjang hari.")
    found = check_polarity_run(articles, sentences, Options())
    assert [(x.article, y.article, s.category) for x, y, s in found] == [(0, 1, "polarity")]
    same_source = [Sentence(0, 0, 0, len(a), a), Sentence(0, 1, 0, len(b), b)]
    assert check_polarity_run(articles[:1], same_source, Options()) == []


@pytest.mark.parametrize(
    "a, b",
    [
        # different actors: one refuses what another does
        ("Rusia menolak resolusi Dewan Keamanan PBB tentang gencatan senjata di Gaza.",
         "Dewan Keamanan PBB mengesahkan resolusi tentang gencatan senjata di Gaza."),
        ("China menolak mendukung resolusi tentang krisis Myanmar.", "Amerika Serikat mendukung resolusi tentang krisis Myanmar."),
        ("Harga minyak tidak naik pada perdagangan Senin di pasar Asia.", "Harga emas naik pada perdagangan Senin di pasar Asia."),
        # what someone says of themselves is not a fact the outlet asserts
        ("Terdakwa mengaku tidak bersalah atas dakwaan korupsi dana desa.",
         "Hakim menyatakan terdakwa bersalah atas dakwaan korupsi dana desa."),
        # a root that is a light word does not make the word light
        ("Ketua partai tidak sependapat dengan keputusan MK soal batas usia calon.",
         "MK mengeluarkan keputusan soal batas usia calon."),
        # fixed phrases
        ("Orang tak dikenal menembak warga di Intan Jaya.", "Kelompok yang dikenal sebagai KKB menembak warga di Intan Jaya."),
    ],
)
def test_no_conflict_between_different_actors_or_claims(a, b):
    assert judge(a, b) == []


def test_a_pronoun_may_stand_for_the_actor():
    [sig] = judge("Kim Jong Un menolak mendukung perang Rusia di Ukraina.", "Dia bersumpah mendukung penuh perang Rusia di Ukraina.")
    assert sig.category == "polarity" and sig.verdict == "contradiction"


def test_a_light_word_with_a_clitic_stays_light():
    # "membantah adanya transfer senjata" denies the transfer, not "ada"
    [n] = negations("Rusia dan Korea Utara membantah adanya transfer senjata namun berjanji memperkuat hubungan militer.")
    assert n.predicate.text == "transfer"


# A reported denial ("membantah melakukan X") tells what a party says, not
# that the outlet holds the opposite: it contradicts another outlet only
# where that outlet reports the same party saying X. A refusal to act
# ("menolak menghentikan") is itself an act and contradicts the act.
@pytest.mark.parametrize(
    "a, b",
    [
        ("Militer Myanmar membantah membakar rumah warga di desa Kani, wilayah Sagaing.",
         "Militer Myanmar membakar rumah warga di desa Kani, wilayah Sagaing, pekan lalu."),
        ("Polisi menyangkal menembakkan gas air mata ke arah suporter di dalam stadion.",
         "Polisi menembakkan gas air mata ke arah suporter di dalam stadion."),
        ("Perusahaan tambang itu menepis mencemari sungai di hulu Kabupaten Morowali.",
         "Perusahaan tambang itu mencemari sungai di hulu Kabupaten Morowali sejak tahun lalu."),
        # someone else says it: the party's denial still contradicts no outlet
        ("Polisi membantah menembakkan gas air mata ke arah suporter di dalam stadion.",
         "“Polisi menembakkan gas air mata ke arah suporter di dalam stadion,” kata saksi Rudi Hartono."),
    ],
)
def test_a_reported_denial_does_not_contradict_the_event(a, b):
    assert judge(a, b) == []


@pytest.mark.parametrize(
    "a, b",
    [
        # a refusal to act against the act
        ("Militer Myanmar menolak menghentikan serangan udara di wilayah Sagaing dan Magway.",
         "Militer Myanmar menghentikan serangan udara di wilayah Sagaing dan Magway sejak Senin."),
        # the party's denial against the party's own words in another outlet
        ("Kapolres Andi Wiratama membantah menembakkan gas air mata ke arah suporter di dalam stadion.",
         "“Kami menembakkan gas air mata ke arah suporter di dalam stadion untuk membubarkan massa,” kata Andi Wiratama."),
    ],
)
def test_a_refusal_or_a_denial_of_ones_own_words_still_conflicts(a, b):
    [sig] = judge(a, b)
    assert sig.category == "polarity" and sig.verdict == "contradiction"



# Rejecting or denying a claim ("menolak tuduhan", "menepis tudingan",
# "membantah kabar", rejected allegations) is a reported denial of what the
# claim says, not a refusal to act: it negates the claim's content, and only
# the party's own words contradict it, not the event nor the accusation.
@pytest.mark.parametrize(
    "text, predicate",
    [
        ("Kepala dinas menolak tuduhan menerima suap dari kontraktor proyek jembatan desa.", "menerima"),
        ("Direktur itu menepis tudingan menjual aset perusahaan kepada kerabatnya.", "menjual"),
        ("Gubernur membantah kabar mundur dari jabatannya menjelang pemilihan.", "mundur"),
        ("Pabrik itu menolak laporan yang menyebut limbahnya mencemari sungai.", "limbahnya"),
        ("Bupati menepis isu-isu soal penggelembungan anggaran pembangunan pasar.", "penggelembungan"),
        ("The company rejected allegations that it dumped waste into the river.", "dumped"),
    ],
)
def test_rejecting_a_claim_is_a_denial_of_its_content(text, predicate):
    [n] = negations(text)
    assert n.denial and n.predicate.text == predicate


@pytest.mark.parametrize(
    "a, b",
    [
        # the event
        ("Kepala dinas menolak tuduhan menerima suap dari kontraktor proyek jembatan desa.",
         "Kepala dinas menerima suap dari kontraktor proyek jembatan desa senilai Rp2 miliar."),
        # the accusation itself: made, and rejected
        ("Kepala dinas menolak tuduhan menerima suap dari kontraktor proyek jembatan desa.",
         "Kejaksaan menuduh kepala dinas menerima suap dari kontraktor proyek jembatan desa."),
        ("Perusahaan tekstil itu menolak laporan yang menyebut pabriknya membuang limbah ke Sungai Citarum.",
         "Lembaga lingkungan merilis laporan yang menyebut pabrik perusahaan tekstil itu membuang limbah ke Sungai Citarum."),
        ("Pengembang perumahan itu menolak klaim warga soal penyerobotan lahan pertanian di desa.",
         "Warga mengklaim pengembang perumahan itu melakukan penyerobotan lahan pertanian di desa."),
        ("The company rejected allegations that it dumped waste into the river near the village.",
         "Residents made allegations that the company dumped waste into the river near the village."),
    ],
)
def test_rejecting_a_claim_does_not_contradict_the_event_or_the_claim(a, b):
    assert judge(a, b) == []


@pytest.mark.parametrize(
    "a, b",
    [
        # the party's own admission or words
        ("Kepala dinas menolak tuduhan menerima suap dari kontraktor proyek jembatan desa.",
         "Kepala dinas mengakui menerima suap dari kontraktor proyek jembatan desa."),
        ("Direktur Hendra Wijaya menepis tudingan menjual aset perusahaan kepada kerabatnya.",
         "“Saya menjual aset perusahaan kepada kerabat saya karena harganya wajar,” kata Hendra Wijaya."),
        ("Direktur Agus Salim menolak laporan yang menyebut pabriknya membuang limbah ke Sungai Citarum.",
         "“Pabrik kami membuang limbah ke Sungai Citarum pada malam hari,” kata Agus Salim."),
        ("The company rejected allegations that it dumped waste into the river near the village.",
         "The company admitted it dumped waste into the river near the village."),
        # rejecting a proposal or a request is an act, and contradicts approving it
        ("DPRD menolak usulan kenaikan tarif parkir di pusat kota.",
         "DPRD menyetujui usulan kenaikan tarif parkir di pusat kota."),
        ("Pengadilan menolak permintaan jaksa untuk menahan terdakwa kasus korupsi dana desa.",
         "Pengadilan mengabulkan permintaan jaksa untuk menahan terdakwa kasus korupsi dana desa."),
    ],
)
def test_rejecting_a_claim_still_contradicts_the_partys_own_words(a, b):
    [sig] = judge(a, b)
    assert sig.category == "polarity" and sig.verdict == "contradiction"

def test_a_different_complement_is_a_different_claim():
    # qualifying for the finals is not qualifying for a qualifying round
    assert judge(
        "Timnas Malaysia gagal lolos ke Piala Asia 2027 setelah kalah dari Vietnam.",
        "Timnas Malaysia lolos ke putaran ketiga kualifikasi Piala Asia 2027.",
    ) == []


@pytest.mark.parametrize(
    "a, b",
    [
        ("Timnas Malaysia gagal lolos ke putaran ketiga kualifikasi Piala Asia 2027.",
         "Timnas Malaysia lolos ke putaran ketiga kualifikasi Piala Asia 2027 setelah menang atas Nepal."),
        # a modifier and a preposition between the predicate and the same complement
        ("Serikat buruh menolak memberikan dukungan untuk revisi undang-undang ketenagakerjaan di DPR.",
         "Serikat buruh menyatakan dukungan penuh dan tegas terhadap revisi undang-undang ketenagakerjaan."),
        # an object pronoun may stand for any complement
        ("Bupati Sleman tiba di balai desa yang tidak mendapat sambutan dari warga desa Sukamaju.",
         "Bupati Sleman tiba pagi hari dan warga desa Sukamaju menyambutnya dengan tarian."),
    ],
)
def test_the_same_complement_still_conflicts(a, b):
    [sig] = judge(a, b)
    assert sig.category == "polarity" and sig.verdict == "contradiction"


@pytest.mark.parametrize(
    "a, b",
    [
        ("Gubernur tidak hadir dalam upacara peringatan hari jadi provinsi di gedung DPRD.",
         "Wakil Gubernur hadir dalam upacara peringatan hari jadi provinsi di gedung DPRD."),
        ("Ketua KPU tidak menandatangani berita acara rekapitulasi suara nasional di Jakarta.",
         "Wakil Ketua KPU menandatangani berita acara rekapitulasi suara nasional di Jakarta."),
        ("Pada Sabtu, mantan Bupati Sleman tidak menghadiri kongres luar biasa partai di Surabaya.",
         "Pada Sabtu, Bupati Sleman menghadiri kongres luar biasa partai di Surabaya."),
    ],
)
def test_a_deputy_or_former_holder_is_another_actor(a, b):
    assert judge(a, b) == []


def test_a_deputy_named_on_both_sides_is_the_same_actor():
    [sig] = judge(
        "Wakil Gubernur tidak hadir dalam upacara peringatan hari jadi provinsi di gedung DPRD.",
        "Gubernur dan Wakil Gubernur hadir dalam upacara peringatan hari jadi provinsi di gedung DPRD.",
    )
    assert sig.category == "polarity" and sig.verdict == "contradiction"


# The party's own words need no quotation marks: an admission ("mengakui",
# "membenarkan", admitted) or a statement the party is the subject of
# ("X mengatakan bahwa …", "…, ujarnya") is the party's claim as much as a
# quote is, and a denial contradicts it.
@pytest.mark.parametrize(
    "a, b",
    [
        ("Polisi membantah menembakkan gas air mata ke arah suporter di dalam stadion.",
         "Polisi mengakui menembakkan gas air mata ke arah suporter di dalam stadion."),
        ("Perusahaan tambang itu menepis mencemari sungai di hulu Kabupaten Morowali.",
         "Perusahaan tambang itu membenarkan telah mencemari sungai di hulu Kabupaten Morowali."),
        ("The ministry denied approving the sale of state land to the developer.",
         "The ministry admitted approving the sale of state land to the developer."),
        ("Menteri Perdagangan Budi Santoso membantah mengizinkan impor beras dari Thailand bulan ini.",
         "Budi Santoso mengizinkan impor beras dari Thailand bulan ini, ujarnya kepada wartawan di Jakarta."),
        ("Budi Santoso membantah mengizinkan impor beras dari Thailand bulan ini.",
         "Menteri Perdagangan Budi Santoso mengizinkan impor beras dari Thailand bulan ini, ujarnya."),
        ("Budi Santoso membantah mengizinkan impor beras dari Thailand bulan ini.",
         "Pemerintah mengizinkan impor beras dari Thailand bulan ini, kata Budi Santoso di Jakarta."),
        ("Polisi membantah menembakkan gas air mata ke arah suporter di dalam stadion.",
         "Polisi mengatakan bahwa mereka menembakkan gas air mata ke arah suporter di dalam stadion."),
    ],
)
def test_a_denial_contradicts_the_partys_admission_or_reported_words(a, b):
    [sig] = judge(a, b)
    assert sig.category == "polarity" and sig.verdict == "contradiction"


@pytest.mark.parametrize(
    "a, b",
    [
        # the outlet reports the event itself: no one's words
        ("Israel membantah melakukan serangan udara terhadap rumah sakit di Gaza utara.",
         "Israel melakukan serangan udara terhadap rumah sakit di Gaza utara pada Selasa malam."),
        # a witness says it, in reported speech
        ("Polisi membantah menembakkan gas air mata ke arah suporter di dalam stadion.",
         "Polisi menembakkan gas air mata ke arah suporter di dalam stadion, kata seorang saksi."),
        ("Polisi membantah menembakkan gas air mata ke arah suporter di dalam stadion.",
         "Polisi menembakkan gas air mata ke arah suporter di dalam stadion, kata saksi Rudi Hartono."),
        # the witness admits something else (seeing it), not the party its act
        ("Polisi membantah menembakkan gas air mata ke arah suporter di dalam stadion.",
         "Seorang saksi mengakui melihat polisi menembakkan gas air mata ke arah suporter di dalam stadion."),
        # someone else admits it
        ("Polisi membantah menembakkan gas air mata ke arah suporter di dalam stadion.",
         "Panitia pelaksana mengakui polisi menembakkan gas air mata ke arah suporter di dalam stadion."),
        # an unnamed speaker's words are not the party's
        ("Budi Santoso membantah mengizinkan impor beras dari Thailand bulan ini.",
         "Pemerintah mengizinkan impor beras dari Thailand bulan ini, ujarnya kepada wartawan."),
    ],
)
def test_a_denial_against_someone_elses_words_or_the_event_stays_silent(a, b):
    assert judge(a, b) == []


# A speaker is matched by the tokens of the name: a first name that is also
# an ordinary word ("Hasan", "Budi") or a title ("Menteri Perdagangan") is
# still the denying party.
@pytest.mark.parametrize(
    "a, b",
    [
        ("Hasan membantah menjual tanah kas desa kepada pengembang perumahan.",
         "“Saya menjual tanah kas desa kepada pengembang perumahan karena desa butuh dana,” kata Hasan."),
        ("Kepala desa Budi membantah menjual tanah kas desa kepada pengembang perumahan.",
         "“Kami menjual tanah kas desa kepada pengembang perumahan,” ujar Budi kepada wartawan."),
        ("Menteri Perdagangan Budi Santoso membantah mengizinkan impor beras dari Thailand bulan ini.",
         "“Kami mengizinkan impor beras dari Thailand bulan ini untuk menjaga stok,” kata Menteri Perdagangan."),
    ],
)
def test_a_speaker_whose_name_is_an_ordinary_word_or_a_title_is_the_party(a, b):
    [sig] = judge(a, b)
    assert sig.category == "polarity" and sig.verdict == "contradiction"


@pytest.mark.parametrize(
    "a, b",
    [
        # two people who share a first name
        ("Budi Santoso membantah mengizinkan impor beras dari Thailand bulan ini.",
         "“Kami mengizinkan impor beras dari Thailand bulan ini,” kata Budi Gunadi Sadikin."),
        # another minister
        ("Menteri Perdagangan Budi Santoso membantah mengizinkan impor beras dari Thailand bulan ini.",
         "“Kami mengizinkan impor beras dari Thailand bulan ini,” kata Menteri Pertanian."),
    ],
)
def test_another_speaker_is_not_the_party(a, b):
    assert judge(a, b) == []


# A shared personal name makes one actor whatever the titles and modifiers
# around it; the modifiers decide only between actors that share no name,
# and only the actor's own clause counts ("Bersama Wakil Presiden Gibran,
# Prabowo ...": the deputy is someone else).
@pytest.mark.parametrize(
    "a, b",
    [
        ("Presiden Prabowo Subianto tidak menghadiri pembukaan pameran otomotif di Kemayoran.",
         "Didampingi Wakil Presiden Gibran, Prabowo Subianto menghadiri pembukaan pameran otomotif di Kemayoran."),
        ("Mantan Presiden Joko Widodo tidak menghadiri pembukaan pameran otomotif di Kemayoran.",
         "Presiden ketujuh RI Joko Widodo menghadiri pembukaan pameran otomotif di Kemayoran."),
        ("Presiden terpilih Prabowo Subianto tidak menghadiri pembukaan pameran otomotif di Kemayoran.",
         "Prabowo Subianto menghadiri pembukaan pameran otomotif di Kemayoran."),
    ],
)
def test_a_shared_name_is_one_actor_whatever_the_modifiers(a, b):
    [sig] = judge(a, b)
    assert sig.category == "polarity" and sig.verdict == "contradiction"


def test_a_former_and_a_current_holder_with_different_names_are_two_actors():
    assert judge(
        "Mantan Bupati Sleman Sri Purnomo tidak menghadiri kongres luar biasa partai di Surabaya.",
        "Bupati Sleman Kustini menghadiri kongres luar biasa partai di Surabaya.",
    ) == []


# A comma aside or a date between a predicate and its complement is not the
# complement.
@pytest.mark.parametrize(
    "a, b",
    [
        ("Menteri Keuangan tidak menyetujui tambahan anggaran untuk kementerian pertahanan.",
         "Menteri Keuangan menyetujui, dalam rapat kerja dengan Komisi XI, tambahan anggaran untuk kementerian pertahanan."),
        ("DPR tidak mengesahkan revisi undang-undang penyiaran dalam rapat paripurna.",
         "DPR mengesahkan pada Selasa (14/5) revisi undang-undang penyiaran dalam rapat paripurna."),
        ("DPR tidak mengesahkan revisi undang-undang penyiaran dalam rapat paripurna.",
         "DPR mengesahkan pada Selasa, 14 Mei 2024, revisi undang-undang penyiaran dalam rapat paripurna."),
    ],
)
def test_an_aside_or_a_date_after_the_predicate_is_skipped(a, b):
    [sig] = judge(a, b)
    assert sig.category == "polarity" and sig.verdict == "contradiction"


def test_a_preposition_alone_is_not_a_date():
    # "pada" here introduces the complement: a dependence on imports is not one on debt
    assert judge(
        "Pemerintah tidak bergantung pada impor beras dari negara tetangga tahun ini.",
        "Pemerintah bergantung pada utang luar negeri untuk membeli beras dari negara tetangga.",
    ) == []
