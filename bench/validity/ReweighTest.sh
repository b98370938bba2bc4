#!/bin/bash
# ctest: the validity dump and reweigh.py agree. The bench writes a dump of every other episode
# (--stride 2), and reweigh.py must reproduce each pair's dumped overall score from its metric
# scores (it exits non-zero where it does not) and re-score it with a factor and weights.
# Skips (77) without ../shared/data/ui-prmd, unless MIMESIS_REQUIRE_SHARED_DATA is set.
set -eu
bench=$1 script=$2 data=$3
if [ ! -f "$data/ui-prmd/labels.csv" ]; then
  echo "UI-PRMD not present at $data/ui-prmd"
  [ -n "${MIMESIS_REQUIRE_SHARED_DATA:-}" ] && exit 1
  exit 77
fi
dump=$(mktemp)
trap 'rm -f "$dump"' EXIT
"$bench" "$data/ui-prmd" --stride 2 --pairs "$dump" >/dev/null
[ "$(wc -l <"$dump")" -gt 100 ] || { echo "dump has too few rows"; exit 1; }
"${PYTHON:-python3}" "$script" "$dump" | tee /dev/stderr | grep -q "^worst gap to plain DTW"
"${PYTHON:-python3}" "$script" "$dump" --factor e_accel:0.25 --weights rhythm=0.2 --subjects 4,5 | grep -q "^mean"
# A wrong weight table must be caught, not silently re-scored.
if "${PYTHON:-python3}" "$script" "$dump" --weights nosuch=1 2>/dev/null; then echo "unknown metric accepted"; exit 1; fi
echo "reweigh.py reproduces the dump"
