#!/usr/bin/env python3
"""Bars, phrases and mix points against arrangements with known structure
(Benchmarks/analysis/gm_arrangements.py), on the tuning or the held-out half.

Measures, per analyser:
- downbeat F-measure (a downbeat counts when within ±70 ms of a true one, each matched once);
- phrase boundaries within one beat: the share of true phrase starts with an estimated phrase
  boundary within 60/BPM seconds (recall), and the share of estimated boundaries with a true one
  within a beat (precision: a boundary on every bar would otherwise score 100 %);
- mix points: the share of clips whose mix-in cue (end of the mixable intro) and mix-out cue (start
  of the outro) are each within one beat of the true boundary; for an arrangement with no outro
  (`--varied` arrangements), the mix-out counts when it is within a beat of a phrase line that
  leaves 8 to 32 bars of music.

Segue's fields come from `segue analyze --format jsonl`: `downbeat` (seconds of the first downbeat;
with `bpm`, the bar grid), `phrases` (seconds), `sections` ([{label, start, end}]), `mix_in`,
`mix_out` (seconds; snake case like the other fields). A field Segue does not print yet is
reported as "–". The peer is madmom's downbeat tracker
(its own environment, results cached beside the corpus); msaf is not installed here.

Usage: bench_structure.py --segue BIN --corpus DIR/arrangements [--split held-out|tuning|all]
                          [--skip madmom] [--madmom-python PATH]
"""
import argparse, csv, json, os, subprocess, sys

TOLERANCE = 0.07  # seconds, the usual downbeat window


def f_measure(estimated, truth, tolerance=TOLERANCE):
    """F-measure of onset-like event lists, each true event matched at most once."""
    if not truth and not estimated:
        return 1.0
    if not truth or not estimated:
        return 0.0
    used, hits = set(), 0
    for time in estimated:
        best = None
        for index, true in enumerate(truth):
            if index not in used and abs(true - time) <= tolerance and (best is None or abs(true - time) < abs(truth[best] - time)):
                best = index
        if best is not None:
            used.add(best)
            hits += 1
    precision, recall = hits / len(estimated), hits / len(truth)
    return 0.0 if hits == 0 else 2 * precision * recall / (precision + recall)


def hit_rate(estimated, truth, tolerance):
    """The share of true events with an estimate within `tolerance`."""
    if not truth:
        return 1.0
    return sum(1 for true in truth if any(abs(true - time) <= tolerance for time in estimated)) / len(truth)


def segue_rows(binary, paths):
    output = subprocess.run([binary, "analyze", "--format", "jsonl", *paths], capture_output=True, text=True, check=True).stdout
    return {row["path"]: row for row in (json.loads(line) for line in output.splitlines() if line.strip())}


def segue_downbeats(row, duration):
    first, bpm = row.get("downbeat"), row.get("bpm")
    if first is None or not bpm:
        return None
    bar = 240 / bpm
    return [first + n * bar for n in range(int((duration - first) / bar) + 1)]


def madmom_rows(python, paths, cache_path):
    cache = json.load(open(cache_path)) if os.path.exists(cache_path) else {}
    missing = [path for path in paths if path not in cache]
    if missing:
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "analysis", "madmom_downbeats.py")
        output = subprocess.run([python, script, *missing], capture_output=True, text=True, check=True).stdout
        for line in output.splitlines():
            row = json.loads(line)
            cache[row["path"]] = row
        with open(cache_path, "w") as handle:
            json.dump(cache, handle)
    return {path: cache[path] for path in paths}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segue", required=True)
    parser.add_argument("--corpus", required=True, help="the arrangements folder gm_arrangements.py wrote")
    parser.add_argument("--split", default="held-out", choices=["held-out", "tuning", "all"])
    parser.add_argument("--skip", default="")
    parser.add_argument("--madmom-python", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".venv-madmom", "bin", "python"))
    args = parser.parse_args()
    with open(os.path.join(args.corpus, "truth.csv"), newline="") as handle:
        items = [row for row in csv.DictReader(handle) if args.split == "all" or row["split"] == args.split]
    truths = {item["path"]: json.load(open(item["path"][:-5] + ".json")) for item in items}
    paths = [item["path"] for item in items]
    results = {"Segue": {}}
    segue = segue_rows(args.segue, paths)
    if "madmom" not in args.skip.split(","):
        results["madmom"] = madmom_rows(args.madmom_python, paths, os.path.join(args.corpus, "madmom-downbeats.json"))
    print(f"{len(items)} arrangements ({args.split}); downbeat window ±{TOLERANCE * 1000:.0f} ms, phrases and cues within one beat")
    print("| analyser | downbeat F | phrase boundaries within one beat % | phrase precision % | mix-in cue % | mix-out cue % |")
    print("|---|---|---|---|---|---|")
    for name in results:
        downbeat_scores, phrase_scores, phrase_precision, mix_in, mix_out = [], [], [], [], []
        for item in items:
            truth, path = truths[item["path"]], item["path"]
            beat = 60 / truth["bpm"]
            duration = float(item["seconds"])
            if name == "Segue":
                row = segue.get(path, {})
                downbeats = segue_downbeats(row, duration)
                phrases = row.get("phrases")
                cues = (row.get("mix_in"), row.get("mix_out"))
            else:
                downbeats, phrases, cues = results[name][path]["downbeats"], None, (None, None)
            if downbeats is not None:
                downbeat_scores.append(f_measure(downbeats, truth["downbeats"]))
            if phrases is not None:
                phrase_scores.append(hit_rate(phrases, truth["phrases"], beat))
                phrase_precision.append(hit_rate(truth["phrases"], phrases, beat))
            if cues[0] is not None:
                mix_in.append(abs(cues[0] - truth["introEnd"]) <= beat)
            if cues[1] is not None:
                if truth.get("outroStart") is not None:
                    mix_out.append(abs(cues[1] - truth["outroStart"]) <= beat)
                else:  # no outro: any phrase line that leaves 8 to 32 bars
                    mix_out.append(any(abs(cues[1] - line) <= beat for line in truth["mixOutLines"]))

        def mean(values, scale=1.0, digits=3):
            return f"{scale * sum(values) / len(values):.{digits}f}" if values else "–"
        print(f"| {name} | {mean(downbeat_scores)} | {mean(phrase_scores, 100, 1)} | {mean(phrase_precision, 100, 1)} | {mean(mix_in, 100, 1)} | {mean(mix_out, 100, 1)} |")


if __name__ == "__main__":
    sys.exit(main())
