#!/usr/bin/env python3
"""Is Segue's beat grid on the beat of real recordings? Segue beside essentia, both judged
against madmom's beats (the research reference), on the recordings `recordings.py` draws.

For each recording, the first SECONDS are cut into 30-second windows. A window is *in phase*
when the median distance from madmom's beats to the nearest beat of the candidate is under a
tenth of madmom's beat period (a candidate at half madmom's tempo is given its half-beats, so a
tempo octave is reported as such, not as a phase error). A recording is *metric* when madmom's
inter-beat intervals spread under 3 % (a steady beat a DJ could mix on); it is *in phase* when
90 % of its windows are. A window whose median distance is over 0.4 of a beat is *half a beat
off*: the candidate sits on the off-beat.

Only the tuning half is reported unless --held-out is given: the held-out half is looked at once,
after the rules are chosen.

Usage: bench_grids.py --segue .build/release/segue --manifest M.json --cache DIR [--held-out]
       (madmom_beats.py and essentia_beats.py must have filled the cache first; run.sh does it)
"""
import argparse, hashlib, json, os, statistics, subprocess, sys

WINDOW = 30.0


def cached(cache, path, kind):
    name = os.path.join(cache, hashlib.sha1(path.encode()).hexdigest()[:12] + f".{kind}.json")
    with open(name) as handle:
        return json.load(handle)


def grid_beats(bpm, first, end):
    period = 60.0 / bpm
    beats, time = [], first
    while time <= end + period:
        beats.append(time)
        time += period
    return beats


def window_errors(reference, candidate, seconds):
    """Per window: the median distance (in reference beats) from each reference beat to the
    nearest candidate beat; None where the window holds under 8 reference beats."""
    import bisect
    reference_period = statistics.median([b - a for a, b in zip(reference, reference[1:])])
    candidate_period = statistics.median([b - a for a, b in zip(candidate, candidate[1:])]) if len(candidate) > 1 else 0
    if candidate_period and abs(candidate_period / reference_period - 2) < 0.08:
        candidate = sorted(candidate + [(a + b) / 2 for a, b in zip(candidate, candidate[1:])])
    errors = []
    start = 0.0
    while start + WINDOW <= seconds + 1e-6:
        inside = [b for b in reference if start <= b < start + WINDOW]
        if len(inside) < 8 or not candidate:
            errors.append(None)
        else:
            distances = []
            for beat in inside:
                index = bisect.bisect_left(candidate, beat)
                nearest = min((abs(candidate[i] - beat) for i in (index - 1, index) if 0 <= i < len(candidate)))
                distances.append(nearest / reference_period)
            errors.append(statistics.median(distances))
        start += WINDOW
    return errors


def judge(errors):
    counted = [e for e in errors if e is not None]
    if not counted:
        return None
    in_phase = sum(e < 0.1 for e in counted) / len(counted)
    off_beat = sum(e > 0.4 for e in counted)
    return {"windows": len(counted), "in_phase_share": in_phase, "off_beat_windows": off_beat}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--segue", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--cache", required=True)
    parser.add_argument("--seconds", type=float, default=150)
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    manifest = json.load(open(args.manifest))
    half = "held-out" if args.held_out else "tuning"
    chosen = [entry for entry in manifest if entry["half"] == half]
    analysed = subprocess.run([args.segue, "analyze", "--format", "jsonl"] + [e["path"] for e in chosen],
                              capture_output=True, text=True)
    segue = {}
    for line in analysed.stdout.splitlines():
        record = json.loads(line)
        segue[record["path"]] = record
    rows = []
    for entry in chosen:
        path = entry["path"]
        madmom = cached(args.cache, path, "madmom")["beats"]
        essentia = cached(args.cache, path, "essentia")
        if len(madmom) < 16 or path not in segue:
            rows.append({"path": path, "metric": False})
            continue
        intervals = [b - a for a, b in zip(madmom, madmom[1:])]
        spread = statistics.pstdev(intervals) / statistics.mean(intervals)
        record = segue[path]
        grid = grid_beats(record["bpm"], record["first_beat"], args.seconds)
        rows.append({
            "path": path, "metric": spread < 0.03, "spread": spread,
            "madmom_bpm": 60 / statistics.median(intervals), "segue_bpm": record["bpm"], "essentia_bpm": essentia["bpm"],
            "segue": judge(window_errors(madmom, grid, args.seconds)),
            "essentia": judge(window_errors(madmom, sorted(essentia["beats"]), args.seconds)),
            "segue_errors": window_errors(madmom, grid, args.seconds),
            "variable_tempo": record.get("variable_tempo"), "confidence": record.get("bpm_confidence"),
        })
    metric = [row for row in rows if row["metric"] and row["segue"]]
    print(f"# Beat grids on real recordings: {half} half ({len(chosen)} recordings drawn, {len(metric)} metric: madmom inter-beat spread < 3 %)")
    print()
    print("| | Segue | essentia |")
    print("|---|---:|---:|")
    for label, test in [("in phase with madmom (≥ 90 % of 30-s windows)", lambda j: j and j["in_phase_share"] >= 0.9),
                        ("with a window half a beat off", lambda j: j and j["off_beat_windows"] > 0)]:
        print(f"| {label} | {sum(bool(test(r['segue'])) for r in metric)} / {len(metric)} | "
              f"{sum(bool(test(r['essentia'])) for r in metric)} / {len(metric)} |")
    windows = [e for r in metric for e in r["segue_errors"] if e is not None]
    essentia_windows = sum(r["essentia"]["windows"] for r in metric if r["essentia"])
    essentia_in = sum(r["essentia"]["windows"] * r["essentia"]["in_phase_share"] for r in metric if r["essentia"])
    print(f"| windows in phase | {sum(e < 0.1 for e in windows)} / {len(windows)} | {round(essentia_in)} / {essentia_windows} |")
    tempo_agrees = lambda bpm, reference: min(abs(bpm / reference - 1), abs(bpm / reference / 2 - 1), abs(bpm / reference * 2 - 1)) < 0.04
    print(f"| tempo within 4 % of madmom's (octaves allowed) | {sum(tempo_agrees(r['segue_bpm'], r['madmom_bpm']) for r in metric)} / {len(metric)} | "
          f"{sum(tempo_agrees(r['essentia_bpm'], r['madmom_bpm']) for r in metric)} / {len(metric)} |")
    if args.verbose:
        print()
        for row in rows:
            if not row["metric"]:
                print(f"  not metric: {row['path']} (spread {row.get('spread', 0):.3f})")
                continue
            errors = " ".join("  -" if e is None else f"{e:.2f}" for e in row["segue_errors"])
            print(f"  {os.path.basename(row['path'])}: madmom {row['madmom_bpm']:.1f} segue {row['segue_bpm']:.2f} essentia {row['essentia_bpm']:.1f}"
                  f" conf {row['confidence']:.2f} var {row['variable_tempo']} | segue windows {errors} | essentia {row['essentia']['in_phase_share']:.2f}")


if __name__ == "__main__":
    sys.exit(main())
