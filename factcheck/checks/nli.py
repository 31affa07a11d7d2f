"""The NLI check: does one sentence of a pair entail or contradict the other?

NLI is directional (premise -> hypothesis) and outlets word the same fact
with different detail, so every pair is judged both ways. Entailment is
directional (the detailed sentence entails the brief one, not the other way
round), so the stronger direction counts. Contradiction is symmetric: if A
contradicts B, B contradicts A, so both directions must say so and their
mean counts, which halves the false alarms of a model that is unsure of one
direction.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.checks.base import Flag, Run
from factcheck.checks.temporal import over_time
from factcheck.config import Options
from factcheck.models.backends import NLIModel
from factcheck.types import Candidate, NLIResult, Signal


def check_nli(run: Run) -> list[Flag]:
    """Every aligned pair judged both ways in one batched run of the model;
    a contradiction between articles far apart in time is a change over
    time. The Signal keeps the two directions' probabilities for the report."""
    if not run.pairs:
        return []
    flags = []
    for c, (ab, ba) in zip(run.pairs, predict_both(run.pairs, run.nli_model)):
        art_a, art_b = run.articles[c.a.article], run.articles[c.b.article]
        judged = over_time(signal(ab, ba, run.options, art_a.language != art_b.language), art_a, art_b, run.options)
        flags.append((c.a, c.b, replace(judged, nli=(ab, ba))))
    return flags


def predict_both(candidates: list[Candidate], model: NLIModel) -> list[tuple[NLIResult, NLIResult]]:
    """(a -> b, b -> a) NLI probabilities for each candidate, in one batched run."""
    forward = [(c.a.text, c.b.text) for c in candidates]
    results = model.predict(forward + [(b, a) for a, b in forward])
    return list(zip(results[: len(forward)], results[len(forward) :]))


def signal(ab: NLIResult, ba: NLIResult, options: Options, across_languages: bool = False) -> Signal:
    """Turn a pair's two NLI results into one verdict and score.

    - ``contradiction`` when P(contradiction), averaged over the two
      directions, reaches ``options.contradiction_threshold`` (between two
      languages ``options.cross_language_contradiction_threshold``); the
      score is that average.
    - otherwise ``agreement`` when P(entailment) in either direction reaches
      ``options.agreement_threshold``; the score is the larger P(entailment).
    - otherwise ``neutral``; the score is P(neutral) averaged over the two
      directions.

    So the score is the NLI model's probability, between 0 and 1, for the
    verdict it stands behind. The shipped model's probabilities are
    temperature-calibrated on IndoNLI val (README, "What the score means"); a
    model passed with --nli-model may not be. It is still not the chance
    that an editor would agree.
    """
    contradiction = (ab.contradiction + ba.contradiction) / 2
    entailment = max(ab.entailment, ba.entailment)
    least = options.cross_language_contradiction_threshold if across_languages else options.contradiction_threshold
    if contradiction >= least:
        verdict, score, label = "contradiction", contradiction, "contradiction"
    elif entailment >= options.agreement_threshold:
        verdict, score, label = "agreement", entailment, "entailment"
    else:
        verdict, score, label = "neutral", (ab.neutral + ba.neutral) / 2, "neutral"
    why = f"NLI: P({label}) {getattr(ab, label):.2f} A->B, {getattr(ba, label):.2f} B->A"
    return Signal(category="nli", verdict=verdict, score=score, why=why)
