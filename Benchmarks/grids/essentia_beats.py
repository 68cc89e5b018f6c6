#!/usr/bin/env python3
"""essentia's beats (RhythmExtractor2013, multifeature) and key (KeyExtractor, edma profile) on
the first SECONDS of each file, cached as CACHE/<sha1 of path>.essentia.json.

Usage: essentia_beats.py CACHE SECONDS FILE...
"""
import hashlib, json, os, sys

import essentia.standard as es
import numpy
import soundfile
from scipy.signal import resample_poly


def main():
    cache, seconds, files = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    os.makedirs(cache, exist_ok=True)
    rhythm = es.RhythmExtractor2013(method="multifeature")
    key = es.KeyExtractor(profileType="edma")
    for path in files:
        target = os.path.join(cache, hashlib.sha1(path.encode()).hexdigest()[:12] + ".essentia.json")
        if os.path.exists(target):
            continue
        # soundfile reads Opus, which essentia's own loader does not.
        with soundfile.SoundFile(path) as handle:
            rate = handle.samplerate
            audio = handle.read(int(seconds * rate), dtype="float32", always_2d=True).mean(axis=1)
        if rate != 44100:
            divisor = __import__("math").gcd(44100, rate)
            audio = resample_poly(audio, 44100 // divisor, rate // divisor)
        audio = numpy.ascontiguousarray(audio, dtype=numpy.float32)
        bpm, ticks, _, _, _ = rhythm(audio)
        tonic, scale, strength = key(audio)
        with open(target + ".part", "w") as out:
            json.dump({"path": path, "bpm": float(bpm), "beats": [float(t) for t in ticks],
                       "key": f"{tonic} {scale}", "key_strength": float(strength)}, out)
        os.replace(target + ".part", target)


if __name__ == "__main__":
    sys.exit(main())
