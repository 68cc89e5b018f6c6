#!/usr/bin/env python3
"""Segue's stored loudness beside a stereo ITU-R BS.1770-4 meter (pyloudnorm) on real
recordings: the integrated loudness of each whole file, as the file has it (every channel, its
own rate). Prints a table row per file and the largest difference.

Usage: loudness_vs_pyloudnorm.py SEGUE FILE...     (needs pyloudnorm and soundfile)
"""
import json, os, subprocess, sys

import pyloudnorm
import soundfile


def main():
    segue, files = sys.argv[1], sys.argv[2:]
    analysed = subprocess.run([segue, "analyze", "--format", "jsonl"] + files, capture_output=True, text=True, check=True)
    stored = {json.loads(line)["path"]: json.loads(line)["loudness"] for line in analysed.stdout.splitlines()}
    differences = []
    print("| recording | channels | Segue LUFS | pyloudnorm LUFS | difference LU |")
    print("|---|---:|---:|---:|---:|")
    for path in files:
        audio, rate = soundfile.read(path, dtype="float64", always_2d=True)
        reference = pyloudnorm.Meter(rate).integrated_loudness(audio if audio.shape[1] > 1 else audio[:, 0])
        difference = stored[path] - reference
        differences.append(abs(difference))
        print(f"| {os.path.basename(path)} | {audio.shape[1]} | {stored[path]:.2f} | {reference:.2f} | {difference:+.2f} |")
    print()
    print(f"largest |difference| {max(differences):.2f} LU over {len(differences)} recordings; "
          f"{sum(d <= 0.5 for d in differences)} within ±0.5 LU")


if __name__ == "__main__":
    sys.exit(main())
