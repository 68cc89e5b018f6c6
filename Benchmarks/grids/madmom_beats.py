#!/usr/bin/env python3
"""madmom's beats (RNNBeatProcessor + DBNBeatTrackingProcessor, the research reference) on the
first SECONDS of each file, cached as CACHE/<sha1 of path>.json so that a rerun costs nothing.
Runs in madmom's own environment (Benchmarks/analysis/run.sh builds it).

Usage: madmom_beats.py CACHE SECONDS FILE...
"""
import hashlib, json, os, sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import soundfile
from scipy.signal import resample_poly
from madmom.audio.signal import Signal
from madmom.features.beats import DBNBeatTrackingProcessor, RNNBeatProcessor


def main():
    cache, seconds, files = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    os.makedirs(cache, exist_ok=True)
    network, tracker = RNNBeatProcessor(), DBNBeatTrackingProcessor(fps=100)
    for path in files:
        target = os.path.join(cache, hashlib.sha1(path.encode()).hexdigest()[:12] + ".madmom.json")
        if os.path.exists(target):
            continue
        with soundfile.SoundFile(path) as handle:
            audio = handle.read(int(seconds * handle.samplerate), dtype="float32", always_2d=True)
            rate = handle.samplerate
        mono = audio.mean(axis=1)
        if rate != 44100:  # madmom's networks take 44.1 kHz (it would call the ffmpeg command)
            divisor = __import__("math").gcd(44100, rate)
            mono = resample_poly(mono, 44100 // divisor, rate // divisor).astype("float32")
        beats = tracker(network(Signal(mono, sample_rate=44100, num_channels=1)))
        with open(target + ".part", "w") as out:
            json.dump({"path": path, "seconds": seconds, "beats": [float(b) for b in beats]}, out)
        os.replace(target + ".part", target)
        print(path, len(beats), flush=True)


if __name__ == "__main__":
    sys.exit(main())
