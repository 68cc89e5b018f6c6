#!/usr/bin/env bash
# Planning at scale, in one run: for each synthetic catalogue given (made beforehand with
# `segue synth-catalogue --library L --tracks N`), rebuild the track graph (`segue graph`, time and
# peak memory from /usr/bin/time), check the build's recall against scoring every track on a
# sample (`segue bench-graph`), and time sets and bridges against exact reachability
# (`segue bench-plan`); then bridges against the exhaustive optimum on small random graphs.
# Libraries are changed in place (their graph is rebuilt); pass copies.
# Usage: Benchmarks/plan/scale.sh SEGUE LIBRARY...   (env: SETS, BRIDGES, SAMPLE, SMALL_GRAPHS)
set -euo pipefail
segue=$1; shift
sets=${SETS:-30}; bridges=${BRIDGES:-60}; sample=${SAMPLE:-200}; small=${SMALL_GRAPHS:-200}
for library in "$@"; do
  echo "== $library"
  /usr/bin/time -f "segue graph: %e s wall, peak RSS %M KB" "$segue" graph --library "$library" 2>&1 | grep -E "^graph:|segue graph:"
  "$segue" bench-graph --library "$library" --sample "$sample"
  "$segue" bench-plan --library "$library" --sets "$sets" --bridges "$bridges"
done
if [ "$small" -gt 0 ]; then "$segue" bench-plan --library "${1:-/dev/null}" --sets 0 --bridges 0 --small-graphs "$small" | head -1; fi
