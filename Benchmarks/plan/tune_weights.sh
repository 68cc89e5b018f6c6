#!/usr/bin/env bash
# Chooses the transition weights by measurement: for each combination on a small grid, rebuilds
# the track graph of each library with those weights and runs `segue bench-quality` (40 random
# seeds, 60-minute sets, rising energy, default rules), printing Segue's row. The defaults in
# TransitionWeights are the combination with the best mean sum over the libraries.
# Usage: tune_weights.sh SEGUE LIBRARY...
set -euo pipefail
segue=$1; shift
for als in 0.25 0.35; do for content in 0.2 0.3; do for bpm in 0.2 0.3; do for key in 0.15 0.3; do
  weights="als=$als,content=$content,bpm=$bpm,key=$key,energy=0.05"
  for library in "$@"; do
    "$segue" graph --library "$library" --weights "$weights" > /dev/null 2>&1
    row=$("$segue" bench-quality --library "$library" --seeds 40 | grep "Segue")
    echo "$weights $(basename "$library") $row"
  done
done; done; done; done
