"""Accuracy of an NLI model on a labelled JSONL file (``factcheck eval-nli``)."""

from __future__ import annotations

import math
import time

from .checks.nli import signal
from .config import Options
from .models.backends import NLIModel
from .nli_data import LABELS, Pair, read_pairs
from .pipeline import VERDICTS
from .types import NLIResult


def evaluate_nli(path: str, nli_model: str, batch_size: int = 32, progress: bool = False) -> dict:
    """Accuracy and macro-F1 as fractions in [0, 1], per-class recall, the
    confusion matrix (rows gold, columns predicted, in ``labels`` order) and
    throughput."""
    pairs = read_pairs(path)
    model = NLIModel(nli_model, batch_size=batch_size, progress=progress)
    started = time.perf_counter()
    results = model.predict([(p.premise, p.hypothesis) for p in pairs])
    seconds = time.perf_counter() - started
    reverse = model.predict([(p.hypothesis, p.premise) for p in pairs])
    predicted = [max(LABELS, key=lambda label: getattr(r, label)) for r in results]
    confusion = [[0] * len(LABELS) for _ in LABELS]
    for pair, guess in zip(pairs, predicted):
        confusion[LABELS.index(pair.label)][LABELS.index(guess)] += 1
    recall, f1 = {}, []
    for i, label in enumerate(LABELS):
        gold = sum(confusion[i])
        said = sum(row[i] for row in confusion)
        hit = confusion[i][i]
        recall[label] = hit / gold if gold else 0.0
        precision = hit / said if said else 0.0
        f1.append(2 * precision * recall[label] / (precision + recall[label]) if hit else 0.0)
    metrics = {
        "file": str(path),
        "model": nli_model,
        "n": len(pairs),
        "accuracy": sum(confusion[i][i] for i in range(len(LABELS))) / len(pairs),
        "macro_f1": sum(f1) / len(f1),
        "recall": recall,
        "labels": list(LABELS),
        "confusion": confusion,
        "seconds": seconds,
        "pairs_per_second": len(pairs) / seconds,
        "calibration": reliability([r.contradiction for r in results], [p.label == "contradiction" for p in pairs]),
        "report": report_verdicts(pairs, results, reverse),
    }
    if any(p.control for p in pairs):
        metrics["perturbations"] = perturbation_recall(pairs, results, reverse)
    return metrics


def report_verdicts(pairs: list[Pair], forward: list[NLIResult], backward: list[NLIResult]) -> dict:
    """What ``factcheck compare`` would call each pair (both directions, the
    default thresholds; see checks.nli.signal), against the gold label:
    counts per (gold label, verdict), and the precision and recall of the
    ``agreement`` and ``contradiction`` verdicts."""
    options = Options()
    counts = {label: dict.fromkeys(VERDICTS, 0) for label in LABELS}
    for pair, ab, ba in zip(pairs, forward, backward):
        counts[pair.label][signal(ab, ba, options, pair.across_languages).verdict] += 1
    scores = {}
    for verdict, gold in (("agreement", "entailment"), ("contradiction", "contradiction")):
        said = sum(row[verdict] for row in counts.values())
        hit = counts[gold][verdict]
        scores[verdict] = {
            "precision": hit / said if said else 0.0,
            "recall": hit / sum(counts[gold].values()) if sum(counts[gold].values()) else 0.0,
        }
    return {"counts": counts, "scores": scores}


def perturbation_recall(pairs: list[Pair], forward: list[NLIResult], backward: list[NLIResult]) -> dict:
    """Per edit type: the share of edited pairs the report would flag as a
    contradiction, and the share of their unedited controls it would flag.

    Scored exactly as ``factcheck compare`` scores an aligned pair: both
    directions, mean P(contradiction) against the default threshold.
    """
    options = Options()
    table: dict[str, dict[str, int]] = {}
    for pair, ab, ba in zip(pairs, forward, backward):
        if not pair.kind:
            continue
        flagged = signal(ab, ba, options, pair.across_languages).verdict == "contradiction"
        entry = table.setdefault(pair.kind, {"edited": 0, "caught": 0, "controls": 0, "false_alarms": 0})
        if pair.control:
            entry["controls"] += 1
            entry["false_alarms"] += flagged
        else:
            entry["edited"] += 1
            entry["caught"] += flagged
    total = {key: sum(entry[key] for entry in table.values()) for key in ("edited", "caught", "controls", "false_alarms")}
    return {"threshold": options.contradiction_threshold, "kinds": table | {"all": total}}


def format_report(metrics: dict) -> str:
    lines = [
        f"{metrics['file']}: {metrics['n']} pairs, model {metrics['model']}",
        f"accuracy  {metrics['accuracy']:.1%}",
        f"macro-F1  {metrics['macro_f1']:.1%}",
        "recall    " + ", ".join(f"{k} {v:.1%}" for k, v in metrics["recall"].items()),
        "confusion (rows gold, columns predicted)",
        "  " + " " * 14 + "".join(f"{label[:13]:>14}" for label in metrics["labels"]),
    ]
    for label, row in zip(metrics["labels"], metrics["confusion"]):
        lines.append(f"  {label:<14}" + "".join(f"{count:>14}" for count in row))
    lines.append(f"speed     {metrics['pairs_per_second']:.1f} pairs/s")
    report = metrics["report"]
    lines.append("as the report scores a pair (both directions, default thresholds):")
    lines.append("  gold \\ verdict  " + "".join(f"{v:>15}" for v in VERDICTS))
    for label, row in report["counts"].items():
        lines.append(f"  {label:<16}" + "".join(f"{row[v]:>15}" for v in VERDICTS))
    for verdict, score in report["scores"].items():
        lines.append(f"  {verdict}: precision {score['precision']:.1%}, recall {score['recall']:.1%}")
    calibration = metrics["calibration"]
    lines.append(f"calibration of P(contradiction): expected calibration error {calibration['ece']:.3f}")
    lines.append("  score bin    pairs  predicted  observed")
    for row in calibration["bins"]:
        lines.append(f"  {row['bin']:<10}{row['n']:>8}{row['predicted']:>11.2f}{row['observed']:>10.2f}")
    if "perturbations" in metrics:
        bench = metrics["perturbations"]
        lines.append(f"perturbations, scored as the report does (mean of both directions >= {bench['threshold']}):")
        lines.append("  edit type       edited  caught  recall  controls  false alarms")
        for kind, e in bench["kinds"].items():
            recall = e["caught"] / e["edited"] if e["edited"] else 0.0
            alarms = e["false_alarms"] / e["controls"] if e["controls"] else 0.0
            lines.append(f"  {kind:<14}{e['edited']:>8}{e['caught']:>8}{recall:>8.0%}{e['controls']:>10}{alarms:>14.0%}")
    return "\n".join(lines)


def _softmax(row: list[float], temperature: float) -> list[float]:
    top = max(row)
    exps = [math.exp((x - top) / temperature) for x in row]
    total = sum(exps)
    return [e / total for e in exps]


def fit_temperature(logits: list[list[float]], gold: list[int]) -> float:
    """The softmax temperature with the lowest negative log-likelihood on
    (logits, gold): a one-parameter fit that keeps every argmax unchanged."""

    def nll(temperature: float) -> float:
        return -sum(math.log(max(_softmax(row, temperature)[g], 1e-12)) for row, g in zip(logits, gold))

    grid = [0.5 + 0.02 * i for i in range(151)]  # 0.5 .. 3.5
    return min(grid, key=nll)


def reliability(scores: list[float], hits: list[bool], bins: int = 10) -> dict:
    """Predicted vs observed rate in equal-width score bins, and the expected
    calibration error (the bins' gaps weighted by their share of pairs)."""
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(s, h) for s, h in zip(scores, hits) if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if inside:
            predicted = sum(s for s, _ in inside) / len(inside)
            observed = sum(h for _, h in inside) / len(inside)
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(inside), "predicted": predicted, "observed": observed})
    ece = sum(row["n"] * abs(row["predicted"] - row["observed"]) for row in table) / max(len(scores), 1)
    return {"ece": ece, "bins": table}
