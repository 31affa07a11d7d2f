"""The two models factcheck runs: a sentence embedder and an NLI cross-encoder.

Both take a built-in name ("factcheck/..."), a local folder, or a Hugging Face
hub name. Where a model comes from is decided by ``locate`` so that nothing
downloads behind the user's back: built-in models and local folders never
touch the network, a hub name is taken from the local Hugging Face cache when
it is there, and only a hub name missing from the cache (with the hub
reachable and ``HF_HUB_OFFLINE`` unset) is downloaded. Every way of failing
ends in a one-line ``ModelError`` (the registry's) that says how to point at
a local folder.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TypeVar

import numpy as np
from tqdm import tqdm

from factcheck.config import PRECISIONS
from factcheck.models.registry import ModelError, resolve
from factcheck.types import NLIResult

# torch, transformers, sentence-transformers and huggingface_hub are imported
# where used: importing them takes seconds, and the command line should
# report a bad input file before paying for that.

BUILTIN_PREFIX = "factcheck/"  # names reserved for the models factcheck ships
NLI_LABELS = ("entailment", "neutral", "contradiction")
MAX_PAIR_TOKENS = 512  # cap for tokenizers that declare no usable maximum

T = TypeVar("T")


def locate(name: str, role: str) -> tuple[str, bool]:
    """Where to load ``name`` from, and whether only local files may be used.

    ``role`` ("embedding" or "nli") names the model in error messages and the
    option that selects it.
    """
    source = resolve(name)
    if os.path.isdir(source):
        return source, True
    if name.startswith(BUILTIN_PREFIX):
        _fail(name, role, "built-in model is not available on this machine")
    if os.path.exists(source) or not _is_hub_name(source):
        _fail(name, role, "no model folder at this path")
    cached = _cached_snapshot(source)
    if cached:
        return cached, True
    from huggingface_hub import constants

    if constants.is_offline_mode():
        _fail(name, role, "not in the local Hugging Face cache and HF_HUB_OFFLINE is set")
    _probe_hub(name, source, role)
    return source, False


def _is_hub_name(name: str) -> bool:
    from huggingface_hub.utils import HFValidationError, validate_repo_id

    try:
        validate_repo_id(name)
    except HFValidationError:
        return False
    return True


def _cached_snapshot(repo_id: str) -> str | None:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        return snapshot_download(repo_id, local_files_only=True)
    except LocalEntryNotFoundError:
        return None


def _probe_hub(name: str, repo_id: str, role: str) -> None:
    """Fail fast when the hub is unreachable: a download attempt would retry
    for half a minute before giving up."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import RepositoryNotFoundError

    try:
        HfApi().model_info(repo_id, timeout=10)
    except RepositoryNotFoundError:
        _fail(name, role, "not a local folder and no such model on the Hugging Face hub")
    except Exception:  # any transport failure means the same thing to the user
        _fail(name, role, "not in the local Hugging Face cache and the hub cannot be reached")


def _fail(name: str, role: str, problem: str):
    raise ModelError(f"{role} model {name!r}: {problem}; pass a local model folder with --{role}-model PATH")


@contextmanager
def _quiet_libraries() -> Iterator[None]:
    """Silence the load reports and weight-loading bars of transformers and
    sentence-transformers; factcheck shows its own progress."""
    from transformers.utils import logging as hf_logging

    verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
    st_logger = logging.getLogger("sentence_transformers")
    st_level = st_logger.level
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    st_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
        st_logger.setLevel(st_level)


def resolve_precision(precision: str) -> str:
    """The number format a model runs in: "float32" or "bfloat16"; "auto" is
    bfloat16 where the CPU computes it natively (see ``native_bfloat16``)."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    if precision == "auto":
        return "bfloat16" if native_bfloat16() else "float32"
    return precision


@cache
def native_bfloat16() -> bool:
    """Whether this CPU has bfloat16 arithmetic that PyTorch uses: AVX-512
    kernels (which ATEN_CPU_CAPABILITY can turn off) and the avx512_bf16 or
    amx_bf16 instructions. Elsewhere bfloat16 is emulated and slower than
    float32. Linux only: other systems report no CPU flags here."""
    import torch

    if not torch.backends.cpu.get_cpu_capability().startswith("AVX512"):
        return False
    flags = _cpu_flags()
    return "avx512_bf16" in flags or "amx_bf16" in flags


def _cpu_flags(path: str = "/proc/cpuinfo") -> set[str]:
    """The CPU's feature flags as Linux lists them; none where it does not."""
    try:
        with open(path, encoding="utf-8", errors="replace") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    return set(line.partition(":")[2].split())
    except OSError:
        pass
    return set()


# Loaded models by (role, folder or hub name, precision): a program that
# compares many story sets in one process loads each model once, and a
# float32 and a bfloat16 copy of one model are two entries.
_LOADED: dict[tuple[str, str, str], object] = {}


def _load(name: str, role: str, loader: Callable[[str, bool], T], progress: bool, precision: str) -> T:
    """``loader(source, local_only)`` once per (model, precision); ``precision``
    is resolved ("float32" or "bfloat16") and the loader must honour it."""
    source, local_only = locate(name, role)
    key = (role, source, precision)
    if key in _LOADED:
        return _LOADED[key]
    with _bar(f"loading {role} model", 1, progress, unit=None) as bar, _quiet_libraries():
        try:
            model = loader(source, local_only)
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            detail = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
            _fail(name, role, f"cannot load it from {source}: {detail}")
        bar.update(1)
    _LOADED[key] = model
    return model


def _dtype(precision: str):
    import torch

    return torch.bfloat16 if precision == "bfloat16" else torch.float32


def _bar(desc: str, total: int, enabled: bool, unit: str | None) -> tqdm:
    """A progress bar on stderr that disappears when done; a bar without a
    unit shows only its description and the time spent."""
    style = {"unit": unit} if unit else {"bar_format": "{desc} ({elapsed})"}
    return tqdm(total=total, desc=desc, file=sys.stderr, disable=not enabled, leave=False, **style)


def _batches_by_length(lengths: Sequence[int], batch_size: int) -> Iterator[list[int]]:
    """Indices grouped into batches of similar length, so padding stays short.
    The sort is stable, so the batches (and results) are deterministic."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    for start in range(0, len(order), batch_size):
        yield order[start : start + batch_size]


class Embedder:
    """Sentence embeddings through sentence-transformers.

    The model folder's own default prompt applies (for E5, "passage: ").
    ``precision`` ("auto", "float32" or "bfloat16") is the number format the
    model computes in; the embeddings are float32 either way.
    """

    def __init__(self, name_or_path: str, batch_size: int = 32, progress: bool = False, precision: str = "auto"):
        from sentence_transformers import SentenceTransformer

        self.name = name_or_path
        self.batch_size = batch_size
        self.progress = progress
        self.precision = resolve_precision(precision)
        dtype = _dtype(self.precision)
        self.model = _load(
            name_or_path,
            "embedding",
            lambda source, local_only: SentenceTransformer(source, device="cpu", local_files_only=local_only).to(dtype),
            progress,
            self.precision,
        )
        self.model.eval()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 embeddings, one row per text, in input order."""
        rows: list[np.ndarray | None] = [None] * len(texts)
        with _bar("embedding", len(texts), self.progress, unit="sentence") as bar:
            for batch in _batches_by_length([len(t) for t in texts], self.batch_size):
                # Normalised here, in float32: a bfloat16 model's pooled
                # vectors come back upcast, and their norm is then exact.
                vectors = self.model.encode(
                    [texts[i] for i in batch],
                    batch_size=len(batch),
                    normalize_embeddings=False,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                ).astype(np.float32)
                vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
                for i, vector in zip(batch, vectors):
                    rows[i] = vector
                bar.update(len(batch))
        return np.stack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


class NLIModel:
    """A cross-encoder that scores premise -> hypothesis pairs.

    Labels are read from the model's ``config.id2label`` by name; a model
    whose labels are not named (e.g. "LABEL_0") is refused. ``precision`` as
    for ``Embedder``; the probabilities are float32 softmaxes either way.
    """

    def __init__(self, name_or_path: str, batch_size: int = 32, progress: bool = False, precision: str = "auto"):
        self.name = name_or_path
        self.batch_size = batch_size
        self.progress = progress
        self.precision = resolve_precision(precision)
        self.tokenizer, self.model = _load(
            name_or_path,
            "nli",
            lambda source, local_only: _load_cross_encoder(source, local_only, self.precision),
            progress,
            self.precision,
        )
        self.model.eval()
        self.columns = label_columns(self.model.config.id2label, name_or_path)
        self.max_length = min(self.tokenizer.model_max_length, MAX_PAIR_TOKENS)

    def encode(self, pairs: Sequence[tuple[str, str]], tensors: str):
        """One padded batch of (premise, hypothesis) as the model reads it;
        ``tensors`` "pt" or "np" (another runtime, benchmarks/bench_onnx.py)."""
        return self.tokenizer([p for p, _ in pairs], [h for _, h in pairs], padding=True, truncation=True,
                              max_length=self.max_length, return_tensors=tensors)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[NLIResult]:
        """Probabilities for each (premise, hypothesis), in input order. A
        pair that repeats (wire copy that many outlets run word for word)
        is scored once."""
        distinct = list(dict.fromkeys(pairs))
        if len(distinct) < len(pairs):
            scored = dict(zip(distinct, self.predict(distinct)))
            return [scored[pair] for pair in pairs]
        import torch

        results: list[NLIResult | None] = [None] * len(pairs)
        entail, neutral, contra = (self.columns[label] for label in NLI_LABELS)
        with torch.no_grad(), _bar("NLI", len(pairs), self.progress, unit="pair") as bar:
            for batch in _batches_by_length([len(p) + len(h) for p, h in pairs], self.batch_size):
                encoded = self.encode([pairs[i] for i in batch], "pt")
                probs = self.model(**encoded).logits.float().softmax(dim=-1).tolist()
                for i, row in zip(batch, probs):
                    results[i] = NLIResult(entailment=row[entail], neutral=row[neutral], contradiction=row[contra])
                bar.update(len(batch))
        return results


def _load_cross_encoder(source: str, local_only: bool, precision: str = "float32"):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
    model = AutoModelForSequenceClassification.from_pretrained(source, local_files_only=local_only)
    return tokenizer, model.to(_dtype(precision))


def label_columns(id2label: dict, name: str) -> dict[str, int]:
    """Map "entailment", "neutral", "contradiction" to output columns by the
    labels' names (case-insensitive; "entails"/"contradicts" also accepted)."""
    columns: dict[str, int] = {}
    for index, label in id2label.items():
        word = str(label).strip().lower()
        for wanted in NLI_LABELS:
            if word.startswith(wanted[:6]):  # "entail", "neutra", "contra"
                if wanted in columns:
                    raise ModelError(f"nli model {name!r}: two labels mean {wanted} in config.id2label {id2label}")
                columns[wanted] = int(index)
    missing = [label for label in NLI_LABELS if label not in columns]
    if missing:
        raise ModelError(
            f"nli model {name!r}: config.id2label {id2label} does not name the labels {', '.join(missing)}; "
            "set id2label in its config.json to entailment/neutral/contradiction"
        )
    return columns
