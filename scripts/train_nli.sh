#!/usr/bin/env bash
# Reproduce the shipped NLI model (factcheck/models/weights/) in two resumable
# stages; run it again after an interruption and it picks up where it stopped.
#   1. IndoNLI train + the translated MNLI sample, 2 epochs from the e5 base.
#   2. One epoch more on 8,000 synthetic fact-edit pairs (factcheck.synthetic,
#      made from the same training sentences) mixed with 10,000 of the stage-1
#      pairs, then a softmax temperature fitted on IndoNLI val, and packing.
# About 75 + 30 minutes on 2 CPU cores. test_lay is never read.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" scripts/train_nli.py --out runs/nli --no-pack
"$PY" scripts/train_nli.py --out runs/nli-synth --init runs/nli/best.pt \
    --synthetic 8000 --replay 10000 --epochs 1 --lr 3e-5 --calibrate "$@"
