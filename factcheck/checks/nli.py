"""The NLI check: does one sentence of a pair entail or contradict the other?

NLI is directional (premise -> hypothesis) and outlets word the same fact
with different detail, so every pair is judged both ways. Entailment is
directional (the detailed sentence entails the brief one, not the other way
round), so the stronger direction counts. So does contradiction within one
language: a brief premise often leaves the model unsure of a detailed
hypothesis that the other way round it sees contradicted ("Six died, not
including the driver" against "The driver died at the scene": 0.08 one way,
0.70 the other), and on IndoNLI val the stronger direction at 0.75 finds
more contradictions than the mean of both at 0.5 (recall 55% against 47%)
and is right as often (precision 89.4% against 88.7%). Between two
languages the model is less sure of either direction and also flags
faithful translations, so there both directions must say so: their mean
counts (see Options.cross_language_contradiction_threshold).
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

    - ``contradiction`` when P(contradiction) in either direction reaches
      ``options.contradiction_threshold``, or between two languages when
      P(contradiction) averaged over the two directions reaches
      ``options.cross_language_contradiction_threshold``; the score is that
      probability.
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
    if across_languages:
        contradiction = (ab.contradiction + ba.contradiction) / 2
        least = options.cross_language_contradiction_threshold
    else:
        contradiction, least = max(ab.contradiction, ba.contradiction), options.contradiction_threshold
    entailment = max(ab.entailment, ba.entailment)
    if contradiction >= least:
        verdict, score, label = "contradiction", contradiction, "contradiction"
    elif entailment >= options.agreement_threshold:
        verdict, score, label = "agreement", entailment, "entailment"
    else:
        verdict, score, label = "neutral", (ab.neutral + ba.neutral) / 2, "neutral"
    why = f"NLI: P({label}) {getattr(ab, label):.2f} A->B, {getattr(ba, label):.2f} B->A"
    return Signal(category="nli", verdict=verdict, score=score, why=why)
