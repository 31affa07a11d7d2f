"""ONNX Runtime against PyTorch for the NLI model, on the same pairs and batches.

    .venv/bin/pip install onnxruntime==1.30.0 onnx
    .venv/bin/python benchmarks/bench_onnx.py [--runs 5] [--nli-model Y] [--val FILE] [--rows 600]
        [--variants fp32,fused,int8,int8-attention]

Exports the NLI model to ONNX once (dynamic batch and sequence axes) into a
temporary folder and builds these variants of it:

    fp32            the plain export; ONNX Runtime applies its own graph optimisations
    fused           plus the BERT fusions of onnxruntime.transformers (Attention,
                    SkipLayerNorm, BiasGelu, EmbedLayerNorm)
    int8            fused, with dynamic int8 weights (per channel) in every MatMul
    int8-attention  int8 only in the attention MatMuls; the feed-forward layers,
                    which lose the most when quantised, stay float32

Then, in this one process, it times PyTorch float32 (and bfloat16 where the
CPU computes it natively) and every variant in turn, --runs rounds, on the
cross-article seed pairs that bench_models.py uses, batched as NLIModel does,
and prints the medians. Before timing it compares each with PyTorch float32:
share of pairs with the same top label on the seed pairs and on the first
--rows labelled pairs of --val, the largest |P(contradiction) difference|,
and accuracy on those --rows pairs. ONNX Runtime runs on as many threads as
PyTorch does.
"""

from __future__ import annotations

import argparse
import glob
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import torch

from factcheck import ingest, nli_data, segment
from factcheck.config import Options
from factcheck.models import backends, registry

ROOT = Path(__file__).resolve().parents[1]
VAL = ROOT.parent / "shared" / "data" / "indonli" / "val.jsonl"
VARIANTS = ("fp32", "fused", "int8", "int8-attention")
MASK_VALUE = -10000.0  # the additive mask of the original BERT; softmax gives padding exactly 0 either way


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--nli-model", default=registry.NLI)
    parser.add_argument("--val", default=str(VAL), help="labelled NLI pairs (JSONL) for agreement and accuracy")
    parser.add_argument("--rows", type=int, default=600, help="how many pairs of --val to score")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    variants = args.variants.split(",")
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        sys.exit(f"bench_onnx: unknown variant {unknown[0]!r}; choose from {', '.join(VARIANTS)}")
    try:
        import onnx  # noqa: F401  (the exporter and the optimiser need it)
        import onnxruntime  # noqa: F401
    except ImportError as error:
        sys.exit(f"bench_onnx: {error.name} is missing: .venv/bin/pip install onnxruntime==1.30.0 onnx")

    pairs = seed_pairs(args.pairs)
    val = nli_data.read_pairs(args.val)[: args.rows]
    val_pairs = [(p.premise, p.hypothesis) for p in val]
    gold = np.array([backends.NLI_LABELS.index(p.label) for p in val])
    threads = torch.get_num_threads()
    print(f"{len(pairs)} seed pairs, {len(val)} pairs of {args.val}; {threads} threads")

    reference = backends.NLIModel(args.nli_model, precision="float32")
    runners = {"torch float32": torch_runner(reference)}
    if backends.native_bfloat16():
        runners["torch bfloat16"] = torch_runner(backends.NLIModel(args.nli_model, precision="bfloat16"))
    with tempfile.TemporaryDirectory(prefix="bench-onnx-") as work:
        graphs = build(reference, Path(work), variants)
        for variant in variants:
            runners[f"onnx {variant}"] = onnx_runner(graphs[variant], reference, threads)
        compare(runners, pairs, val_pairs, gold)
        timings(runners, pairs, args.runs)


def seed_pairs(limit: int) -> list[tuple[str, str]]:
    """Sentence pairs from different seed articles, as bench_models.py picks them."""
    articles, _ = ingest.load_articles(sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))), Options())
    by_article = [[s.text for s in segment.split_sentences(a, i)] for i, a in enumerate(articles)]
    return [(a, b) for i, left in enumerate(by_article) for right in by_article[i + 1 :]
            for a, b in zip(left, right)][:limit]


def torch_runner(model: backends.NLIModel):
    def run(pairs):
        return np.array([[getattr(r, label) for label in backends.NLI_LABELS] for r in model.predict(pairs)])

    return run


def onnx_runner(path: Path, reference: backends.NLIModel, threads: int):
    """Scores pairs through ONNX Runtime in NLIModel's batches, columns in NLI_LABELS order."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    columns = [reference.columns[label] for label in backends.NLI_LABELS]

    def run(pairs):
        probs = np.zeros((len(pairs), len(columns)))
        for batch in backends._batches_by_length([len(p) + len(h) for p, h in pairs], reference.batch_size):
            encoded = reference.encode([pairs[i] for i in batch], "np")
            feed = {name: encoded[name].astype(np.int64) for name in ("input_ids", "attention_mask")}
            logits = session.run(None, feed)[0][:, columns].astype(np.float64)
            exp = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs[batch] = exp / exp.sum(axis=1, keepdims=True)
        return probs

    return run


class _Logits(torch.nn.Module):
    """The classifier with a precomputed additive mask: transformers passes a
    4-D mask through unchanged, and this form is the one ONNX Runtime's
    attention fusion recognises (its own mask code exports as a maze of
    comparisons the fusion does not follow)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        mask = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * MASK_VALUE
        return self.model(input_ids=input_ids, attention_mask=mask).logits


def build(reference: backends.NLIModel, work: Path, variants: list[str]) -> dict[str, Path]:
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoModelForSequenceClassification

    source, _ = backends.locate(reference.name, "nli")
    # Eager attention: the SDPA export hides the attention pattern the fusion looks for.
    with backends._quiet_libraries():
        model = AutoModelForSequenceClassification.from_pretrained(source, attn_implementation="eager").eval()
    config = model.config
    example = reference.tokenizer(["a b c", "d"], ["e f", "g h i j"], padding=True, return_tensors="pt")
    graphs = {"fp32": work / "fp32.onnx"}
    started = time.perf_counter()
    # The TorchScript exporter (dynamo=False) on purpose: it needs no onnxscript,
    # and its graph is the one the fusions below were written against.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        torch.onnx.export(
            _Logits(model), (example["input_ids"], example["attention_mask"]), str(graphs["fp32"]),
            input_names=["input_ids", "attention_mask"], output_names=["logits"],
            dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                          "logits": {0: "batch"}},
            opset_version=17, dynamo=False,
        )
    print(f"exported in {time.perf_counter() - started:.0f} s")
    if variants == ["fp32"]:
        return graphs
    fusable = work / "fusable.onnx"
    _make_fusable(graphs["fp32"], fusable, config.num_attention_heads)
    fused = optimize_model(str(fusable), model_type="bert", num_heads=config.num_attention_heads,
                           hidden_size=config.hidden_size)
    print("fused:", ", ".join(f"{op} {n}" for op, n in fused.get_fused_operator_statistics().items() if n))
    graphs["fused"] = work / "fused.onnx"
    fused.save_model_to_file(str(graphs["fused"]))
    matmuls = [n.name for n in fused.model.graph.node if n.op_type in ("MatMul", "Attention")]
    feed_forward = [n for n in matmuls if "/intermediate/" in n or ("/output/dense/" in n and "/attention/" not in n)]
    for variant, excluded in (("int8", []), ("int8-attention", feed_forward)):
        if variant in variants:
            graphs[variant] = work / f"{variant}.onnx"
            # DefaultTensorType: shape inference cannot type the outputs of the fused (com.microsoft) ops.
            quantize_dynamic(str(graphs["fused"]), str(graphs[variant]), weight_type=QuantType.QInt8,
                             per_channel=True, nodes_to_exclude=excluded, extra_options={"DefaultTensorType": 1})
    return graphs


def _make_fusable(source: Path, target: Path, heads: int) -> None:
    """Rewrite two things in a transformers 5 BERT export that keep ONNX
    Runtime's attention fusion from matching, without changing the results:
    the head reshapes get their shape from Shape/Gather/Concat at run time
    (the fusion needs a constant [0, 0, heads, head size]), and the scores
    are scaled with Mul (the fusion takes Div when the mask, also a Mul, is
    added to them)."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    producer = {output: node for node in graph.node for output in node.output}
    constants = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    constants |= {n.output[0]: numpy_helper.to_array(n.attribute[0].t) for n in graph.node
                  if n.op_type == "Constant" and n.attribute and n.attribute[0].name == "value"}

    def shape_index(name: str) -> int | None:
        """k when ``name`` is Unsqueeze(Gather(Shape(x), k))."""
        unsqueeze = producer.get(name)
        gather = unsqueeze is not None and unsqueeze.op_type == "Unsqueeze" and producer.get(unsqueeze.input[0])
        if not gather or gather.op_type != "Gather" or getattr(producer.get(gather.input[0]), "op_type", "") != "Shape":
            return None
        index = constants.get(gather.input[1])
        return int(index) if index is not None and index.size == 1 else None

    def add_constant(name: str, value: np.ndarray) -> str:
        graph.initializer.append(numpy_helper.from_array(value, name))
        return name

    for node in graph.node:
        if node.op_type == "Reshape":
            concat = producer.get(node.input[1])
            if concat is None or concat.op_type != "Concat" or len(concat.input) < 3:
                continue
            tail = [constants.get(name) for name in concat.input[2:]]
            if shape_index(concat.input[0]) != 0 or shape_index(concat.input[1]) != 1 or any(t is None for t in tail):
                continue
            dims = [int(v) for t in tail for v in t.ravel()]
            if len(dims) == 2 and dims[0] == -1:  # [batch, sequence, -1, head size]: the heads
                dims[0] = heads
            node.input[1] = add_constant(node.name + "/shape", np.array([0, 0, *dims], dtype=np.int64))
        elif node.op_type == "Add" and node.name.endswith("/attention/self/Add"):
            scores, mask = (producer.get(name) for name in node.input)
            if (scores is None or mask is None or scores.op_type != "Mul" or scores.input[1] not in constants
                    or getattr(producer.get(scores.input[0]), "op_type", "") != "MatMul"):
                continue
            # mask first, so the fusion's first Mul parent of the Add is the mask
            node.input[0], node.input[1] = node.input[1], node.input[0]
            divisor = np.array(1.0 / constants[scores.input[1]], dtype=np.float32)
            scores.op_type = "Div"
            scores.input[1] = add_constant(scores.name + "/divisor", divisor)
    # The old scale constants are unused now; ONNX Runtime would warn about each.
    used = {name for node in graph.node for name in node.input} | {output.name for output in graph.output}
    dead = [node for node in graph.node if node.op_type == "Constant" and node.output[0] not in used]
    for node in dead:
        graph.node.remove(node)
    onnx.save(model, str(target))


def compare(runners: dict, pairs, val_pairs, gold: np.ndarray) -> None:
    (base_name, base), *others = runners.items()
    base_seed, base_val = base(pairs), base(val_pairs)
    print(f"{base_name}: accuracy {np.mean(base_val.argmax(1) == gold):.2%} on {len(gold)} pairs")
    for name, run in others:
        seed, val = run(pairs), run(val_pairs)
        same_seed = int(np.sum(seed.argmax(1) == base_seed.argmax(1)))
        same_val = int(np.sum(val.argmax(1) == base_val.argmax(1)))
        diff = max(np.abs(seed[:, 2] - base_seed[:, 2]).max(), np.abs(val[:, 2] - base_val[:, 2]).max())
        print(f"{name}: same top label seed {same_seed}/{len(pairs)}, val {same_val}/{len(gold)} "
              f"({same_val / len(gold):.1%}); largest |P(contradiction) difference| {diff:.2g}; "
              f"accuracy {np.mean(val.argmax(1) == gold):.2%}")


def timings(runners: dict, pairs, runs: int) -> None:
    """Every runner once per round, rounds in turn, so a change of load on a
    shared machine falls on all of them alike; medians and the median of
    each round's ratio to the first runner."""
    for run in runners.values():
        run(pairs[:8])  # warm-up
    seconds = {name: [] for name in runners}
    for _ in range(runs):
        for name, run in runners.items():
            started = time.perf_counter()
            run(pairs)
            seconds[name].append(time.perf_counter() - started)
    base = seconds[next(iter(runners))]
    for name, times in seconds.items():
        ratio = statistics.median(b / t for b, t in zip(base, times))
        print(f"{name:22} {len(pairs) / statistics.median(times):6.1f} pairs/s  {ratio:.2f}x")


if __name__ == "__main__":
    main()
