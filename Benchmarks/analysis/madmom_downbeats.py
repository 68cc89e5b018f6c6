#!/usr/bin/env python3
"""Downbeats from madmom's RNN downbeat tracker (RNNDownBeatProcessor + DBNDownBeatTrackingProcessor,
Böck, Krebs & Widmer), 4/4 only. Runs in madmom's own virtual environment (madmom 0.16.1 needs an
older numpy; Benchmarks/analysis/run.sh builds it). One JSON line per file: path, downbeats
(seconds), cpu seconds.

Usage: madmom_downbeats.py FILE...
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from madmom_tempo import Signal, cpu_seconds, soundfile  # one thread, one clock and one reader for both scripts
from madmom.features.downbeats import DBNDownBeatTrackingProcessor, RNNDownBeatProcessor


def main():
    network = RNNDownBeatProcessor()
    tracker = DBNDownBeatTrackingProcessor(beats_per_bar=[4], fps=100)
    for path in sys.argv[1:]:
        start = cpu_seconds()
        audio, rate = soundfile.read(path, dtype="float32", always_2d=True)
        signal = Signal(audio.mean(axis=1), sample_rate=rate, num_channels=1)
        beats = tracker(network(signal))
        downbeats = [float(time) for time, position in beats if int(position) == 1]
        print(json.dumps({"path": path, "downbeats": downbeats, "cpu": cpu_seconds() - start}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
