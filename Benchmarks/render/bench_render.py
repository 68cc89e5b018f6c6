#!/usr/bin/env python3
"""Rendered transitions, measured from outside Segue.

Scans a folder of tracks Segue did not make (by default the held-out half of the FluidSynth
arrangements of Benchmarks/analysis/gm_arrangements.py), plans a set from a seed, renders it with
`segue render --stems`, then measures from the files alone:

- beat alignment: in each transition's stems (NN-out.wav, NN-in.wav, the two decks as they sound
  in the mix, over the same stretch of it), each deck's onset envelope (half-wave rectified rise
  of the 1 ms envelope above 1 kHz, where kick clicks, snares and hats all show, and where the
  incoming deck's bass cut changes nothing); per beat of the overlap, the lag within ±40 ms that
  best lines up the two decks' envelopes over that beat (cross-correlation), at beats where both
  decks are clearly heard (onset energy over the beat at least a quarter of the deck's median
  over the overlap); median and 95th percentile of |lag| over all such beats of all blended
  overlaps;
- tempo through each overlap: per beat, the lag within ±40 ms that best lines up the outgoing
  deck's envelope with itself one planned beat later; the largest and median deviation of the
  tempo this gives from the planned ramp, percent;
- loudness of each track in the mix over its solo part (between the overlaps in NN.json) with
  essentia's EBU R128 meter (not Segue's own), and the mix's true peak from 4× oversampling
  (scipy's polyphase resampler);
- render speed in x realtime (mix seconds / wall seconds of `segue render`).

Usage: bench_render.py --segue BIN [--corpus DIR] [--split held-out|tuning|all] [--minutes 60]
                       [--work DIR]
"""
import argparse, glob, json, os, statistics, subprocess, sys, time

import numpy as np
import soundfile


def onset_envelope(stereo, rate):
    from scipy.signal import butter, sosfilt
    sos = butter(4, 1000, "high", fs=rate, output="sos")
    high = np.abs(sosfilt(sos, stereo.mean(axis=1)))
    hop = int(rate // 1000)
    frames = len(high) // hop
    env = high[: frames * hop].reshape(frames, hop).mean(axis=1)
    rise = np.diff(env, prepend=env[0])
    return np.maximum(rise, 0)


def best_lag(a, b, centre_a, centre_b, half, reach=40):
    """The lag (ms) of b against a that best lines up a[centre_a ± half] with b[centre_b + lag ± half]."""
    lo_a, hi_a = centre_a - half, centre_a + half
    if lo_a < 0 or hi_a > len(a) or centre_b - half - reach < 0 or centre_b + half + reach > len(b):
        return None
    window = a[lo_a:hi_a]
    if window.sum() <= 0:
        return None
    scores = [float(np.dot(window, b[centre_b - half + lag : centre_b + half + lag])) for lag in range(-reach, reach + 1)]
    if max(scores) <= 0:
        return None
    return int(np.argmax(scores)) - reach


def ramp_seconds(beat, tempo_from, tempo_to, beats):
    if abs(tempo_to - tempo_from) < 1e-3 or beats <= 0:
        return beat * 60 / tempo_from
    slope = (tempo_to - tempo_from) / beats
    return 60 / slope * np.log(1 + slope * beat / tempo_from)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--segue", required=True)
    parser.add_argument("--corpus", default="/tmp/gmc/arrangements")
    parser.add_argument("--split", default="held-out")
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--work", default="/tmp/segue-render-bench")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    library = os.path.join(args.work, "library.sqlite")
    import csv
    with open(os.path.join(args.corpus, "truth.csv"), newline="") as handle:
        files = [row["path"] for row in csv.DictReader(handle) if args.split == "all" or row["split"] == args.split]
    music = os.path.join(args.work, "music")
    os.makedirs(music, exist_ok=True)
    for f in files:
        link = os.path.join(music, os.path.basename(f))
        if not os.path.exists(link):
            os.symlink(f, link)
    env = dict(os.environ, SEGUE_LIBRARY=library)
    subprocess.run([args.segue, "scan", music], check=True, env=env, stdout=subprocess.DEVNULL)
    seed = next((os.path.basename(f) for f in sorted(files) if "house" in f), os.path.basename(files[0]))
    set_path = os.path.join(args.work, "set.json")
    subprocess.run([args.segue, "set", "--seed", os.path.join(music, seed), "--minutes", str(args.minutes), "--format", "json",
                    "--out", set_path], check=True, env=env, stdout=subprocess.DEVNULL)
    stems = os.path.join(args.work, "stems")
    for old in glob.glob(os.path.join(stems, "*")):
        os.remove(old)
    mix = os.path.join(args.work, "mix.flac")
    began = time.time()
    subprocess.run([args.segue, "render", set_path, "--out", mix, "--stems", stems], check=True, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.time() - began
    audio, rate = soundfile.read(mix, always_2d=True, dtype="float32")
    with open(set_path) as handle:
        document = json.load(handle)
    offsets, deviations, techniques = [], [], {}
    spans = []
    for description in sorted(glob.glob(os.path.join(stems, "[0-9][0-9].json"))):
        with open(description) as handle:
            info = json.load(handle)
        spans.append(info)
        techniques[info["technique"]] = techniques.get(info["technique"], 0) + 1
        if info["technique"] not in ("blend", "bass-swap"):
            continue
        number = os.path.basename(description)[:2]
        out_audio, _ = soundfile.read(os.path.join(stems, number + "-out.wav"), always_2d=True, dtype="float32")
        in_audio, _ = soundfile.read(os.path.join(stems, number + "-in.wav"), always_2d=True, dtype="float32")
        out_env, in_env = onset_envelope(out_audio, rate), onset_envelope(in_audio, rate)
        beats = int(info["beats"])
        half = int(30000 / max(info["tempoFrom"], info["tempoTo"]))
        centres = [int(round((info["overlapStart"] - info["start"] + ramp_seconds(beat, info["tempoFrom"], info["tempoTo"], beats)) * 1000))
                   for beat in range(beats + 1)]
        # A beat counts where both decks are clearly heard: their onset energy over the beat at
        # least a quarter of their median over the overlap (a deck fading in or out is not).
        def energy(env, centre):
            return float(env[max(0, centre - half) : centre + half].sum())
        out_median = statistics.median(energy(out_env, c) for c in centres)
        in_median = statistics.median(energy(in_env, c) for c in centres)
        for beat in range(1, beats):
            at = centres[beat]
            if energy(out_env, at) >= 0.25 * out_median and energy(in_env, at) >= 0.25 * in_median:
                lag = best_lag(out_env, in_env, at, at, half)
                if lag is not None:
                    offsets.append(abs(lag))
            if beat + 1 < beats and energy(out_env, at) >= 0.25 * out_median:
                self_lag = best_lag(out_env, out_env, at, centres[beat + 1], half)
                if self_lag is not None:
                    deviations.append(abs(self_lag) / (centres[beat + 1] - at) * 100)
    import essentia.standard as es
    loudness = []
    bounds = [0.0] + [x for info in spans for x in (info["overlapStart"], info["overlapEnd"])] + [len(audio) / rate]
    meter = es.LoudnessEBUR128(sampleRate=rate, startAtZero=True)
    for index in range(0, len(bounds), 2):
        start, end = bounds[index], bounds[index + 1] if index + 1 < len(bounds) else len(audio) / rate
        if end - start < 3:
            continue
        segment = audio[int(start * rate) : int(end * rate)]
        _, _, integrated, _ = meter(segment)
        loudness.append(integrated)
    from scipy.signal import resample_poly
    peak = 0.0
    chunk = int(rate * 30)
    for start in range(0, len(audio), chunk):
        piece = audio[max(0, start - 64) : start + chunk + 64]
        peak = max(peak, float(np.max(np.abs(resample_poly(piece, 4, 1, axis=0)))))
    peak_db = 20 * np.log10(max(peak, 1e-9))
    mix_seconds = len(audio) / rate
    offsets.sort()
    result = {
        "tracks": len(document["tracks"]), "transitions": len(spans), "techniques": techniques,
        "mix_minutes": round(mix_seconds / 60, 1), "render_x_realtime": round(mix_seconds / wall, 1),
        "beat_offset_median_ms": statistics.median(offsets) if offsets else None,
        "beat_offset_p95_ms": offsets[int(0.95 * (len(offsets) - 1))] if offsets else None, "beats_measured": len(offsets),
        "tempo_deviation_max_percent": round(max(deviations), 2) if deviations else None,
        "tempo_deviation_median_percent": round(statistics.median(deviations), 2) if deviations else None,
        "track_loudness_lufs": [round(x, 2) for x in loudness],
        "loudness_worst_lu_from_target": round(max(abs(x + 14) for x in loudness), 2) if loudness else None,
        "true_peak_dbtp": round(peak_db, 2),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
