#!/usr/bin/env python3
"""Key profiles learned from a tuning corpus instead of chosen: what a nearest-template key
classifier gains over Segue's estimator, measured by cross-validation on tuning clips only.

Runs `segue analyze --format jsonl` on every clip of the given corpora (cached in
CORPUS/segue-chroma.jsonl), takes the pitch-class profile Segue's key estimator sees (`chroma`,
square-root compressed as the estimator does), and fits one major and one minor template: the
mean of the clips' profiles rotated to their true tonic (each standardised first). A clip's key
is then the rotation and mode whose template correlates best. K-fold cross-validation over the
clips (folds by clip, fixed seed) gives the learned classifier's MIREX score on clips it was not
fitted on, beside Segue's own key on the same clips. With --emit it prints the templates fitted
on all clips, for KeyProfiles.swift.

Usage: key_profile_fit.py --segue BIN [--folds 5] [--split tuning] [--emit] CORPUS…
"""
import argparse, csv, json, os, random, subprocess, sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_analysis import key_score, parse_key  # noqa: E402


def chroma_of(segue, corpus):
    cache = os.path.join(corpus, "segue-chroma.jsonl")
    rows = list(csv.DictReader(open(os.path.join(corpus, "truth.csv"))))
    known = {}
    if os.path.exists(cache):
        for line in open(cache):
            entry = json.loads(line)
            known[os.path.basename(entry["path"])[:-5]] = entry
    missing = [row for row in rows if row["id"] not in known]
    for start in range(0, len(missing), 40):
        paths = [os.path.join(corpus, row["id"] + ".flac") for row in missing[start:start + 40]]
        out = subprocess.run([segue, "analyze", "--format", "jsonl", *paths], check=True, capture_output=True, text=True).stdout
        with open(cache, "a") as handle:
            for line in out.splitlines():
                entry = json.loads(line)
                known[os.path.basename(entry["path"])[:-5]] = entry
                handle.write(json.dumps({k: entry[k] for k in ("path", "chroma", "key")}) + "\n")
    return [(row, known[row["id"]]) for row in rows if row["key"]]


def standardised(vector):
    vector = np.sqrt(np.maximum(np.asarray(vector, dtype=float), 0))
    spread = vector.std()
    return (vector - vector.mean()) / spread if spread > 0 else vector * 0


def fit(clips):
    """Per mode, the mean rotated profile; each kind of music (dance, classical) weighs the same
    in total, however many clips it has."""
    sums = {"major": np.zeros(12), "minor": np.zeros(12)}
    per_kind = {}
    for row, _ in clips:
        per_kind[row.get("kind", "dance")] = per_kind.get(row.get("kind", "dance"), 0) + 1
    for row, entry in clips:
        tonic, mode = parse_key(row["key"])
        sums[mode] += np.roll(standardised(entry["chroma"]), -tonic) / per_kind[row.get("kind", "dance")]
    return {mode: (total - total.mean()) / total.std() for mode, total in sums.items()}


def classify(templates, chroma, interval_mode=False):
    profile = standardised(chroma)
    best, best_score = None, -2.0
    for mode, template in templates.items():
        for tonic in range(12):
            score = float(np.dot(profile, np.roll(template, tonic))) / 12
            if score > best_score:
                best, best_score = (tonic, mode), score
    names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
    if interval_mode:  # Segue's mode test on the learned tonic
        weight = np.sqrt(np.maximum(np.asarray(chroma, dtype=float), 0))
        tonic = best[0]
        minor = weight[(tonic + 3) % 12] - weight[(tonic + 4) % 12] + weight[(tonic + 8) % 12] - weight[(tonic + 9) % 12]
        best = (tonic, "minor" if minor > 0 else "major")
    return f"{names[best[0]]} {best[1]}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--segue", required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--split", default="", help="only clips of this split (truth.csv's split column)")
    parser.add_argument("--emit", action="store_true")
    parser.add_argument("--test-on", action="append", default=[],
                        help="a corpus to judge templates fitted on all the others on (instead of cross-validation)")
    parser.add_argument("corpora", nargs="+")
    args = parser.parse_args()
    clips = []
    for corpus in args.corpora:
        clips += [c for c in chroma_of(args.segue, corpus) if not args.split or c[0].get("split") == args.split]
    order = list(range(len(clips)))
    random.Random(20261208).shuffle(order)
    folds = [set(order[fold::args.folds]) for fold in range(args.folds)]
    if args.test_on:
        trained = len(clips)
        for corpus in args.test_on:
            clips += [c for c in chroma_of(args.segue, corpus) if not args.split or c[0].get("split") == args.split]
        folds = [set(range(trained, len(clips)))]
        order = list(range(len(clips)))
    learned, segue, hybrid = {}, {}, {}
    for test in folds:
        templates = fit([clips[i] for i in order if i not in test])
        for i in test:
            row, entry = clips[i]
            learned[i] = key_score(classify(templates, entry["chroma"]), row["key"])
            hybrid[i] = key_score(classify(templates, entry["chroma"], interval_mode=True), row["key"])
            segue[i] = key_score(entry["key"], row["key"])
    kinds = sorted({row.get("kind", "dance") for row, _ in clips})
    print(f"{len(segue)} clips judged, " + (f"templates fitted on the other {len(clips) - len(segue)}" if args.test_on
                                            else f"{args.folds}-fold cross-validation"))
    for kind in kinds + ["all"]:
        if not any((kind == "all" or row.get("kind", "dance") == kind) and i in segue for i, (row, _) in enumerate(clips)):
            continue
        members = [i for i, (row, _) in enumerate(clips) if (kind == "all" or row.get("kind", "dance") == kind) and i in segue]
        mirex = lambda scores: 100 * sum(scores[i] for i in members) / len(members)
        exact = lambda scores: 100 * sum(scores[i] == 1 for i in members) / len(members)
        print(f"{kind:10s} n={len(members):4d}  Segue MIREX {mirex(segue):5.1f} exact {exact(segue):5.1f}   "
              f"learned templates MIREX {mirex(learned):5.1f} exact {exact(learned):5.1f}   "
              f"learned tonic + interval mode MIREX {mirex(hybrid):5.1f} exact {exact(hybrid):5.1f}")
    if args.emit:
        templates = fit(clips)
        for mode in ("major", "minor"):
            print(f"{mode}: [" + ", ".join(f"{value:.3f}" for value in templates[mode]) + "]")


if __name__ == "__main__":
    sys.exit(main())
