"""Picks planning weights from the output of tune_weights.sh (see there)."""
import collections
import sys

# Column order of bench-quality's table and whether higher is better.
MEASURES = [("tracks", None), ("harmonic %", True), ("mean |dBPM| %", False), ("max |dBPM| %", False),
            ("energy-arc error", False), ("duration error %", False), ("artist repeats", False), ("similarity", True), ("sum", True)]

rows = collections.defaultdict(dict)
for line in open(sys.argv[1], encoding="utf-8"):
    weights, library, rest = line.split(" ", 2)
    cells = [cell.strip() for cell in rest.strip().strip("|").split("|")]
    planner = "segue" if cells[0].startswith("Segue") else "greedy"
    rows[(weights, library)][planner] = [float(value) for value in cells[1:]]

summary = []
for weights in sorted({w for w, _ in rows}):
    libraries = [lib for w, lib in rows if w == weights]
    dominates, sums = True, []
    for library in libraries:
        segue, greedy = rows[(weights, library)]["segue"], rows[(weights, library)]["greedy"]
        for (name, higher), mine, theirs in zip(MEASURES, segue, greedy):
            if higher is None or name == "sum":
                continue
            if (mine < theirs) if higher else (mine > theirs):
                dominates = False
        sums.append(segue[-1])
    summary.append((dominates, sum(sums) / len(sums), weights))
for dominates, mean_sum, weights in sorted(summary, key=lambda item: (item[0], item[1]), reverse=True):
    print(f"{weights:60s} dominates greedy everywhere: {'yes' if dominates else 'no ':3s}  mean sum {mean_sum:.3f}")
