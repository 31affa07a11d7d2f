#!/usr/bin/env bash
# Reproduce the shipped NLI model (factcheck/models/weights/) in three resumable
# stages; run it again after an interruption and it picks up where it stopped.
#   1. IndoNLI train + the translated MNLI sample, 2 epochs from the e5 base.
#   2. One epoch more on 8,000 synthetic fact-edit pairs and 3,000 injected
#      speaker/office/weekday pairs (factcheck.synthetic, made from the same
#      training sentences) mixed with 10,000 of the stage-1 pairs; then the
#      weights are averaged with stage 1's (stage 1 a quarter: more keeps
#      IndoNLI, less catches more edits), a softmax temperature is fitted on
#      IndoNLI val, and the result is packed into factcheck/models/weights/.
# About 75 + 25 + 20 minutes on 2 CPU cores. test_lay is never read.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" scripts/train_nli.py --out runs/nli --no-pack
"$PY" scripts/train_nli.py --out runs/nli-synth --init runs/nli/best.pt \
    --synthetic 8000 --injected 3000 --replay 10000 --epochs 1 --lr 3e-5 \
    --merge-with runs/nli/best.pt=0.25 --calibrate "$@"
# 3. One epoch from stage 2 on 5,500 cross-lingual pairs (scripts/crosslingual.py)
#    with 8,000 replayed, 3,000 synthetic and 1,000 injected pairs whose targets
#    mix half of stage 2's own probabilities (--distill), then calibrated and
#    packed. About 20 minutes; OMP_NUM_THREADS=1 is much faster when other work
#    shares the 2 cores.
mkdir -p runs/stage2 && cp factcheck/models/weights/nli-e5-small.safetensors runs/stage2/
"$PY" scripts/train_nli.py --out runs/nli-xl --init runs/stage2/nli-e5-small.safetensors --distill 0.5 \
    --parallel 5500 --replay 8000 --synthetic 3000 --injected 1000 --epochs 1 --lr 3e-5 --calibrate
