"""The embedding and NLI backends on tiny real model folders, and the NLI check."""

import numpy as np
import pytest

from factcheck.checks.nli import predict_both, signal
from factcheck.config import Options
from factcheck.models import backends
from factcheck.models.backends import (
    NLI_LABELS,
    Embedder,
    ModelError,
    NLIModel,
    label_columns,
    locate,
    resolve_precision,
)
from factcheck.types import NLIResult

TEXTS = [
    "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari.",
    "Kim Jong Un menyambut Putin di bandara.",
    "Kedua pemimpin menandatangani perjanjian kemitraan strategis yang komprehensif.",
    "Cuaca cerah.",
]


# The two precisions a model runs in; an explicit bfloat16 runs on any CPU,
# emulated where it is not native.
CONCRETE = ["float32", "bfloat16"]


@pytest.fixture(scope="module", params=CONCRETE)
def embedder(models, request):
    return Embedder(models["embedder"], batch_size=2, precision=request.param)


def test_embeddings_are_unit_float32_rows_in_input_order(embedder):
    vectors = embedder.encode(TEXTS)
    assert vectors.dtype == np.float32 and vectors.shape[0] == len(TEXTS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    # Batched by length, yet each row is its own text's embedding.
    one_by_one = np.vstack([embedder.encode([t]) for t in TEXTS])
    assert np.allclose(vectors, one_by_one, atol=1e-5)
    assert not np.allclose(vectors[0], vectors[1])


def test_the_model_folders_default_prompt_applies(embedder):
    raw = embedder.model.encode(["passage: " + TEXTS[0], TEXTS[0]], prompt="")
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)  # in float32, as encode does
    ours = embedder.encode(TEXTS[:1])[0]
    assert np.allclose(ours, raw[0], atol=1e-5)
    assert not np.allclose(ours, raw[1], atol=1e-3)


def test_no_texts_no_rows(embedder):
    assert embedder.encode([]).shape[0] == 0


@pytest.mark.parametrize("precision", CONCRETE)
@pytest.mark.parametrize("name", ["contradicts", "permuted"])
def test_nli_labels_are_read_by_name_not_position(models, name, precision):
    # Both models put their bias on the column *named* contradiction: column
    # 2 in one, column 0 (spelled "CONTRADICTION") in the other.
    [result] = NLIModel(models[name], precision=precision).predict([(TEXTS[0], TEXTS[1])])
    assert result.contradiction == pytest.approx(0.9094, abs=1e-3)
    assert result.entailment == pytest.approx(0.0453, abs=1e-3)


@pytest.mark.parametrize("precision", CONCRETE)
def test_nli_results_keep_input_order_and_are_deterministic(models, precision):
    model = NLIModel(models["random"], batch_size=2, precision=precision)
    pairs = [(a, b) for a in TEXTS for b in TEXTS if a != b]
    batched = model.predict(pairs)
    assert batched == model.predict(pairs)
    for pair, result in zip(pairs, batched):
        [alone] = model.predict([pair])
        assert alone.contradiction == pytest.approx(result.contradiction, abs=1e-5)
        assert alone.entailment == pytest.approx(result.entailment, abs=1e-5)
    assert len({round(r.contradiction, 6) for r in batched}) > 1  # the output does depend on the input


def test_a_repeated_nli_pair_is_scored_once(models):
    model = NLIModel(models["random"], batch_size=2, precision="float32")
    seen = []
    tokenize = model.tokenizer

    def counting(premises, hypotheses, **kwargs):
        seen.extend(zip(premises, hypotheses))
        return tokenize(premises, hypotheses, **kwargs)

    model.tokenizer = counting
    one, other = (TEXTS[0], TEXTS[1]), (TEXTS[1], TEXTS[0])
    results = model.predict([one, other, one, one])
    assert sorted(seen) == sorted([one, other])
    assert results[0] == results[2] == results[3] != results[1]


def test_bfloat16_results_are_close_to_float32(models):
    full, half = (Embedder(models["embedder"], precision=p).encode(TEXTS) for p in CONCRETE)
    assert half.dtype == np.float32 and np.allclose(np.linalg.norm(half, axis=1), 1, atol=1e-5)
    assert (full * half).sum(axis=1).min() > 0.999  # cosine of each text's two embeddings
    pairs = [(a, b) for a in TEXTS for b in TEXTS if a != b]
    full, half = (NLIModel(models["random"], precision=p).predict(pairs) for p in CONCRETE)
    assert all(isinstance(r.contradiction, float) for r in half)
    assert max(abs(getattr(a, k) - getattr(b, k)) for a, b in zip(full, half) for k in NLI_LABELS) < 0.01


def test_a_float32_and_a_bfloat16_copy_are_cached_apart(models):
    import torch

    full, half = (Embedder(models["embedder"], precision=p).model for p in CONCRETE)
    assert full is not half
    assert {p.dtype for p in full.parameters()} == {torch.float32}
    assert {p.dtype for p in half.parameters()} == {torch.bfloat16}
    assert Embedder(models["embedder"], precision="float32").model is full
    full, half = (NLIModel(models["random"], precision=p).model for p in CONCRETE)
    assert (full.dtype, half.dtype) == (torch.float32, torch.bfloat16)


def test_auto_precision_is_a_concrete_one(models):
    assert resolve_precision("auto") == ("bfloat16" if backends.native_bfloat16() else "float32")
    assert Embedder(models["embedder"]).precision in CONCRETE
    assert NLIModel(models["random"], precision="auto").precision == resolve_precision("auto")
    with pytest.raises(ValueError, match="'fp16' is not one of auto, float32, bfloat16"):
        resolve_precision("fp16")


@pytest.mark.parametrize(
    "capability, flags, native",
    [
        ("AVX512", {"avx512f", "avx512_bf16"}, True),
        ("AVX512", {"avx512f", "amx_bf16", "amx_tile"}, True),
        ("AVX512", {"avx512f"}, False),  # bfloat16 would be emulated
        ("AVX2", {"avx2", "avx512_bf16"}, False),  # e.g. ATEN_CPU_CAPABILITY=avx2
        ("AVX512", set(), False),  # no /proc/cpuinfo: not Linux
    ],
)
def test_bfloat16_is_native_only_with_avx512_kernels_and_bf16_instructions(monkeypatch, capability, flags, native):
    monkeypatch.setattr("torch.backends.cpu.get_cpu_capability", lambda: capability)
    monkeypatch.setattr(backends, "_cpu_flags", lambda: flags)
    backends.native_bfloat16.cache_clear()
    try:
        assert backends.native_bfloat16() is native
        assert resolve_precision("auto") == ("bfloat16" if native else "float32")
    finally:
        backends.native_bfloat16.cache_clear()


def test_cpu_flags_are_read_from_cpuinfo(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu avx512f amx_bf16\nbugs\t\t: spectre_v1\n", encoding="utf-8")
    assert backends._cpu_flags(str(cpuinfo)) == {"fpu", "avx512f", "amx_bf16"}
    assert backends._cpu_flags(str(tmp_path / "missing")) == set()


def test_unnamed_labels_are_refused(models):
    with pytest.raises(ModelError, match="LABEL_0.*entailment/neutral/contradiction"):
        NLIModel(models["unnamed"])


def test_label_names_are_matched_loosely_but_must_be_unique():
    assert label_columns({"0": "Contradiction", "1": "NEUTRAL", "2": "entails"}, "m") == {
        "contradiction": 0,
        "neutral": 1,
        "entailment": 2,
    }
    with pytest.raises(ModelError, match="two labels mean entailment"):
        label_columns({0: "entailment", 1: "ENTAILMENT", 2: "contradiction"}, "m")
    with pytest.raises(ModelError, match="neutral"):
        label_columns({0: "entailment", 1: "contradiction"}, "m")


def test_missing_folder_is_a_one_line_error_naming_the_option(tmp_path):
    with pytest.raises(ModelError) as caught:
        locate(str(tmp_path / "nope"), "nli")
    message = str(caught.value)
    assert "\n" not in message and "no model folder" in message and "--nli-model PATH" in message


def test_a_folder_that_is_no_model_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="cannot load it"):
        Embedder(str(tmp_path))


def test_unbuilt_builtin_name_never_goes_to_the_hub(monkeypatch):
    monkeypatch.setattr("huggingface_hub.HfApi.model_info", _no_network)
    with pytest.raises(ModelError, match="built-in model is not available"):
        locate("factcheck/no-such-model", "embedding")


def test_hub_name_offline_and_not_cached(monkeypatch):
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_OFFLINE", True)
    monkeypatch.setattr("huggingface_hub.HfApi.model_info", _no_network)
    with pytest.raises(ModelError, match="HF_HUB_OFFLINE is set.*--embedding-model PATH"):
        locate("factcheck-tests/not-cached", "embedding")


def test_hub_name_with_the_hub_unreachable(monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Name or service not known")

    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_OFFLINE", False)
    monkeypatch.setattr("huggingface_hub.HfApi.model_info", unreachable)
    with pytest.raises(ModelError, match="hub cannot be reached"):
        locate("factcheck-tests/not-cached", "nli")


def _no_network(*args, **kwargs):
    raise AssertionError("the hub was contacted")


# --- the NLI check ---------------------------------------------------------


def nli(e, n, c):
    return NLIResult(entailment=e, neutral=n, contradiction=c)


def test_contradiction_scores_the_stronger_direction():
    s = signal(nli(0.1, 0.1, 0.8), nli(0.1, 0.4, 0.5), Options())
    assert (s.category, s.verdict, s.score) == ("nli", "contradiction", pytest.approx(0.8))
    assert s.why == "NLI: P(contradiction) 0.80 A->B, 0.50 B->A"


def test_a_contradiction_below_the_threshold_both_ways_is_not_enough():
    s = signal(nli(0.9, 0.05, 0.05), nli(0.1, 0.2, 0.7), Options())
    assert s.verdict == "agreement"  # P(contradiction) 0.7 at most; P(entailment) 0.9 one way


def test_agreement_takes_the_stronger_direction():
    s = signal(nli(0.55, 0.4, 0.05), nli(0.8, 0.1, 0.1), Options())
    assert (s.verdict, s.score) == ("agreement", 0.8)


def test_neutral_scores_the_mean_neutral_probability():
    s = signal(nli(0.3, 0.6, 0.1), nli(0.2, 0.4, 0.4), Options())
    assert (s.verdict, s.score) == ("neutral", pytest.approx(0.5))


def test_thresholds_come_from_options():
    pair = (nli(0.3, 0.3, 0.4), nli(0.3, 0.3, 0.4))
    assert signal(*pair, Options()).verdict == "neutral"
    assert signal(*pair, Options(contradiction_threshold=0.4)).verdict == "contradiction"


def test_in_one_language_the_stronger_direction_decides_a_contradiction():
    # a brief premise leaves the model unsure one way, sure the other
    pair = (nli(0.03, 0.89, 0.08), nli(0.04, 0.16, 0.8))
    s = signal(*pair, Options())
    assert (s.verdict, s.score) == ("contradiction", pytest.approx(0.8))
    # between two languages both directions must say so: their mean counts
    assert signal(*pair, Options(), across_languages=True).verdict == "neutral"


def test_across_languages_a_contradiction_needs_the_cross_language_threshold():
    pair = (nli(0.1, 0.1, 0.8), nli(0.1, 0.5, 0.4))
    assert signal(*pair, Options()).verdict == "contradiction"
    assert signal(*pair, Options(), across_languages=True).verdict == "neutral"
    assert signal(*pair, Options(cross_language_contradiction_threshold=0.6), across_languages=True).verdict == "contradiction"


def test_pairs_are_judged_both_ways(models):
    from factcheck.types import Candidate, Sentence

    a = Sentence(0, 0, 0, len(TEXTS[0]), TEXTS[0])
    b = Sentence(1, 0, 0, len(TEXTS[2]), TEXTS[2])
    # float32: the random model's two directions differ by about 1e-6,
    # less than bfloat16 resolves.
    model = NLIModel(models["random"], precision="float32")
    [(ab, ba)] = predict_both([Candidate(a, b, 0.9)], model)
    assert model.predict([(a.text, b.text), (b.text, a.text)]) == [ab, ba]
    assert ab != ba
