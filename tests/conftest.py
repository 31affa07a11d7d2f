"""Shared fixtures: three short articles about one story, and tiny real models.

The models are real Hugging Face folders loaded through the same code as the
defaults, only tiny and built here in seconds:

- an embedder whose BERT has no transformer layers, so a sentence's
  embedding is the mean of its word vectors: sentences sharing most words
  are close, which makes alignment predictable in tests;
- NLI classifiers whose output ignores the input (zero weights, a bias on
  one label): one always says contradiction, one always entailment, one has
  its labels in a different order, one has unnamed labels; and one left
  randomly initialised, whose output does depend on the input.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from factcheck.config import Options

# Property tests (tests/test_properties.py): few examples, and the same ones
# every run, in CI; more on a desk; benchmarks/fuzz.py draws ten thousand.
settings.register_profile("ci", max_examples=20, deadline=None, derandomize=True, database=None)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ARTICLES = {
    "antara.txt": (
        "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan.\n\n"
        "Pemimpin Korea Utara Kim Jong Un menyambut Putin di bandara dengan upacara militer yang megah.\n\n"
        "Baca juga: Putin dan Kim Jong Un bertemu di Vladivostok\n\n"
        "Kedua pemimpin menandatangani perjanjian kemitraan strategis yang komprehensif.\n\n"
        "Cuaca di ibu kota cerah sepanjang hari menurut laporan media setempat.\n"
    ),
    "kompas.txt": (
        "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Selasa malam untuk kunjungan kenegaraan.\n\n"
        "Pemimpin Korea Utara Kim Jong Un menyambut Putin di bandara dengan upacara militer yang megah.\n\n"
        "Para analis menilai kunjungan ini memperkuat hubungan militer antara kedua negara tetangga.\n"
    ),
    "tempo.txt": (
        "Kedua pemimpin menandatangani perjanjian kemitraan strategis yang komprehensif di Pyongyang.\n\n"
        "Putin terakhir kali mengunjungi Korea Utara pada tahun dua ribu untuk bertemu Kim Jong Il.\n"
    ),
}
# Sentences of different outlets that share most words sit above this.
MIN_SIMILARITY = 0.8
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}


@pytest.fixture
def articles_dir(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def article_paths(articles_dir):
    return [str(articles_dir / name) for name in ARTICLES]


@pytest.fixture(scope="session")
def models(tmp_path_factory):
    """name -> folder of each tiny model (see the module docstring)."""
    root = tmp_path_factory.mktemp("models")
    tokenizer = _tokenizer(list(ARTICLES.values()))
    folders = {"embedder": str(root / "embedder")}
    _save_embedder(tokenizer, folders["embedder"])
    for name, labels, winner in [
        ("contradicts", LABELS, 2),
        ("agrees", LABELS, 0),
        # Column 0 is contradiction here: read by position it would agree.
        ("permuted", {0: "CONTRADICTION", 1: "Entailment", 2: "neutral"}, 0),
        ("unnamed", {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, 0),
        ("random", LABELS, None),
    ]:
        folders[name] = str(root / f"nli-{name}")
        _save_classifier(tokenizer, folders[name], labels, winner)
    return folders


@pytest.fixture
def options(models):
    """Options that run the tiny models, quietly."""
    return Options(
        embedding_model=models["embedder"],
        nli_model=models["contradicts"],
        min_similarity=MIN_SIMILARITY,
        progress=False,
    )


@pytest.fixture
def model_args(models):
    """The command line's flags for the tiny models, quietly."""
    return [
        "--embedding-model", models["embedder"],
        "--nli-model", models["contradicts"],
        "--min-similarity", str(MIN_SIMILARITY),
        "--quiet",
    ]  # fmt: skip


@pytest.fixture
def nli_only(monkeypatch):
    """Run the pipeline with the NLI check alone, so a test of the pipeline's
    own logic does not depend on what the claim checks make of its text."""
    from factcheck.checks import CHECKS

    monkeypatch.setattr("factcheck.checks.CHECKS", {"nli": CHECKS["nli"]})


def _tokenizer(texts: list[str]):
    """Whole words of ``texts`` and single characters, in a fixed order:
    trained WordPiece vocabularies differ from one process to the next (ties
    broken by hash order), and so would every embedding and alignment."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    normalizer = normalizers.BertNormalizer(lowercase=True)
    split = pre_tokenizers.BertPreTokenizer().pre_tokenize_str
    words = {word for text in texts for word, _ in split(normalizer.normalize_str(text))}
    chars = sorted({c for w in words for c in w})
    vocab = SPECIAL_TOKENS + chars + [f"##{c}" for c in chars] + sorted(words - set(chars))
    tok = Tokenizer(models.WordPiece({token: i for i, token in enumerate(vocab)}, unk_token="[UNK]"))
    tok.normalizer = normalizer
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=128,
    )


def _config(tokenizer, layers: int, **extra):
    from transformers import BertConfig

    return BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=layers,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
        **extra,
    )


def _save_embedder(tokenizer, folder: str) -> None:
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import BertModel

    try:
        from sentence_transformers.base.modules import Transformer
        from sentence_transformers.sentence_transformer.modules import Pooling
    except ImportError:  # sentence-transformers 5
        from sentence_transformers.models import Pooling, Transformer

    torch.manual_seed(0)
    bert = BertModel(_config(tokenizer, layers=0), add_pooling_layer=False)
    with torch.no_grad():  # no position or segment signal: a bag of words
        bert.embeddings.position_embeddings.weight.zero_()
        bert.embeddings.token_type_embeddings.weight.zero_()
    bert.save_pretrained(f"{folder}-bert")
    tokenizer.save_pretrained(f"{folder}-bert")
    transformer = Transformer(f"{folder}-bert")
    pooling = Pooling(bert.config.hidden_size, "mean")
    model = SentenceTransformer(
        modules=[transformer, pooling],
        prompts={"passage": "passage: "},
        default_prompt_name="passage",
        device="cpu",
    )
    model.save(folder)


def _save_classifier(tokenizer, folder: str, labels: dict[int, str], winner: int | None) -> None:
    """A classifier that always picks ``winner``, or a random one for None."""
    import torch
    from transformers import BertForSequenceClassification

    torch.manual_seed(0)
    config = _config(tokenizer, layers=1, id2label=labels, label2id={v: k for k, v in labels.items()})
    model = BertForSequenceClassification(config)
    if winner is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.zero_()
            model.classifier.bias[winner] = 3.0  # softmax: 0.91 for the winner
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
