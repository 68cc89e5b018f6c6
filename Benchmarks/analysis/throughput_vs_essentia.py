#!/usr/bin/env python3
"""Whole-analysis throughput: Segue against essentia's tempo + key, on the same files, in one run.

Segue: `segue analyze FILE…` in one process (decoding, resampling, tempo, beat grid, key,
loudness, energy, timbre, structure), CPU time of the child. essentia: MonoLoader at 44.1 kHz,
then RhythmExtractor2013 (multifeature) and KeyExtractor, CPU time of this process, reported
with and without its decoding. Rounds alternate between the two so that a noisy neighbour on a
shared machine weighs on both. Prints realtime per core for each, and the ratios.

Usage: throughput_vs_essentia.py --segue BIN [--rounds N] FILE…
"""
import argparse, resource, subprocess, sys, time

import essentia
import essentia.standard as es


def segue_seconds(binary, files):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "analyze", *files], check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def essentia_seconds(files):
    decoding = analysis = duration = 0.0
    rhythm = es.RhythmExtractor2013(method="multifeature")
    key = es.KeyExtractor()
    for path in files:
        start = time.process_time()
        audio = es.MonoLoader(filename=path, sampleRate=44100)()
        middle = time.process_time()
        rhythm(audio)
        key(audio)
        end = time.process_time()
        decoding += middle - start
        analysis += end - middle
        duration += len(audio) / 44100
    return decoding, analysis, duration


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--segue", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    essentia.log.infoActive = False
    rows = []
    for round_index in range(args.rounds):
        segue = segue_seconds(args.segue, args.files)
        decoding, analysis, duration = essentia_seconds(args.files)
        rows.append((segue, decoding, analysis, duration))
        print(f"round {round_index + 1}: {duration:.0f} s of audio; Segue {segue:.2f} s CPU "
              f"({duration / segue:.0f}x); essentia tempo+key {analysis:.2f} s ({duration / analysis:.0f}x), "
              f"with its decoding {analysis + decoding:.2f} s ({duration / (analysis + decoding):.0f}x); "
              f"ratio {analysis / segue:.2f} (decoding excluded for essentia), "
              f"{(analysis + decoding) / segue:.2f} (included)", flush=True)
    ratios = sorted(analysis / segue for segue, _, analysis, _ in rows)
    print(f"Segue's whole analysis / essentia's tempo+key throughput: {ratios[0]:.2f}-{ratios[-1]:.2f}x "
          f"over {len(rows)} rounds (essentia's decoding excluded)")


if __name__ == "__main__":
    sys.exit(main())
