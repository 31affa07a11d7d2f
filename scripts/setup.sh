#!/usr/bin/env bash
# Create (or reuse) .venv, install factcheck with the CPU build of torch, and
# prepare the built-in models. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "factcheck setup: needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)" >&2
    exit 2
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
# constraints.txt pins torch to the CPU build; without it pip picks a multi-GB CUDA build.
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
.venv/bin/factcheck models prepare
