#!/usr/bin/env bash
# Regenerate docs/report.png: the HTML report of the seeds, as headless
# Chromium (Debian's `chromium`) draws it. Arguments go to `factcheck
# compare`, e.g. other models: bash scripts/screenshot.sh --nli-model DIR
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Exit 1 only says the seeds contradict each other, which is what to show.
.venv/bin/factcheck compare seeds/*.txt --roster seeds/roster.csv --format html --out "$work/report" --quiet "$@" \
    || [ $? -eq 1 ]
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1280,900 --screenshot="$PWD/docs/report.png" "file://$work/report/report.html"
