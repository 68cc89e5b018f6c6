#!/usr/bin/env python3
"""Do the decks' beats meet in a rendered mix? madmom (an independent beat tracker) on each
deck's stem of every beat-matched overlap (`segue render --stems DIR`): for each beat of the
incoming deck inside the overlap, the distance to the outgoing deck's nearest beat; an overlap
whose median distance is over 25 ms has one deck flamming or on the other's off-beat.

Runs in madmom's environment (Benchmarks/analysis/run.sh builds it).
Usage: stem_alignment.py STEMS_DIR
"""
import glob, json, os, statistics, sys

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import soundfile
from madmom.audio.signal import Signal
from madmom.features.beats import DBNBeatTrackingProcessor, RNNBeatProcessor
from scipy.signal import resample_poly


def beats(path, network, tracker):
    audio, rate = soundfile.read(path, dtype="float32", always_2d=True)
    mono = audio.mean(axis=1)
    if rate != 44100:
        divisor = __import__("math").gcd(44100, rate)
        mono = resample_poly(mono, 44100 // divisor, rate // divisor).astype("float32")
    return np.array(tracker(network(Signal(mono, sample_rate=44100, num_channels=1))))


def main():
    folder = sys.argv[1]
    network, tracker = RNNBeatProcessor(), DBNBeatTrackingProcessor(fps=100)
    rows, matched, apart = [], 0, 0
    for description in sorted(glob.glob(os.path.join(folder, "[0-9][0-9].json"))):
        stem = json.load(open(description))
        number = os.path.basename(description)[:2]
        if stem["technique"] not in ("blend", "bass-swap"):
            rows.append(f"| {number} | {stem['technique']} | – | – |")
            continue
        low, high = stem["overlapStart"] - stem["start"], stem["overlapEnd"] - stem["start"]
        outgoing = beats(os.path.join(folder, f"{number}-out.wav"), network, tracker)
        incoming = beats(os.path.join(folder, f"{number}-in.wav"), network, tracker)
        inside = [b for b in incoming if low <= b <= high]
        if len(inside) < 4 or len(outgoing) < 4:
            rows.append(f"| {number} | {stem['technique']} | too few beats tracked | – |")
            continue
        distances = [min(abs(outgoing - b)) * 1000 for b in inside]
        median = statistics.median(distances)
        matched += 1
        apart += median > 25
        rows.append(f"| {number} | {stem['technique']} | {median:.0f} | {'apart' if median > 25 else 'together'} |")
    print("| transition | technique | median distance between the decks' beats, ms (madmom) | verdict |")
    print("|---|---|---:|---|")
    print("\n".join(rows))
    print()
    print(f"{apart} of {matched} beat-matched overlaps have the decks' beats more than 25 ms apart")


if __name__ == "__main__":
    sys.exit(main())
