#!/usr/bin/env python3
"""Tempo from madmom's RNN beat tracker (RNNBeatProcessor + DBNBeatTrackingProcessor, Böck et al.):
the median inter-beat interval of the tracked beats. Runs in its own virtual environment (madmom
0.16.1 needs an older numpy; run.sh builds it). One JSON line per file: path, bpm, cpu seconds.

Usage: madmom_tempo.py FILE...
"""
import json, os, resource, sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import soundfile
from madmom.audio.signal import Signal
from madmom.features.beats import DBNBeatTrackingProcessor, RNNBeatProcessor


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    network = RNNBeatProcessor()
    tracker = DBNBeatTrackingProcessor(fps=100)
    for path in sys.argv[1:]:
        start = cpu_seconds()
        audio, rate = soundfile.read(path, dtype="float32", always_2d=True)
        signal = Signal(audio.mean(axis=1), sample_rate=rate, num_channels=1)
        beats = tracker(network(signal))
        bpm = 60.0 / float(np.median(np.diff(beats))) if len(beats) > 1 else 0.0
        print(json.dumps({"path": path, "bpm": bpm, "cpu": cpu_seconds() - start}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
