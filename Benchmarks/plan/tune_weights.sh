#!/usr/bin/env bash
# Chooses the planning weights by measurement. For each combination on a grid of BPM weight,
# key weight and energy-arc weight (ALS 0.25, content 0.20, energy step 0.05 fixed: an earlier
# grid over ALS {0.25, 0.35} × content {0.2, 0.3} moved the sum by < 0.01), it rebuilds the
# track graph of each library with those weights and runs `segue bench-quality` (40 random seeds,
# 60-minute sets, rising energy, default rules), printing Segue's and the greedy chain's rows.
# tune_weights_pick.py then picks the combination with the best mean sum among those where
# Segue is at least as good as the greedy chain on every measure in every library.
# Usage: tune_weights.sh SEGUE LIBRARY... > grid.txt; python3 tune_weights_pick.py grid.txt
set -euo pipefail
segue=$1; shift
for bpm in 0.3 0.5 0.8; do for key in 0.3 0.5 0.6; do for arc in 0.2 0.3; do
  weights="als=0.25,content=0.2,bpm=$bpm,key=$key,energy=0.05"
  for library in "$@"; do
    "$segue" graph --library "$library" --weights "$weights" > /dev/null 2>&1
    "$segue" bench-quality --library "$library" --seeds 40 --energy-weight "$arc" | grep -E "^\| (Segue|greedy)" | head -2 \
      | sed "s|^|$weights,arc=$arc $(basename "$library") |"
  done
done; done; done
