#!/usr/bin/env python3
"""Rendered transitions, measured from outside Segue.

Scans a folder of tracks Segue did not make (by default the held-out half of the FluidSynth
arrangements of Benchmarks/analysis/gm_arrangements.py), plans a set from a seed, renders it with
`segue render --stems`, then measures from the files alone:

- beat alignment: in each transition's stems (NN-out.wav, NN-in.wav, the two decks as they sound
  in the mix, over the same stretch of it), each deck's onset envelope (half-wave rectified rise
  of the 1 ms envelope above 1 kHz, where kick clicks, snares and hats all show, and where the
  incoming deck's bass cut changes nothing; envelopes are means over exact milliseconds); per beat of the overlap, the lag within ±40 ms that
  best lines up the two decks' envelopes over that beat (cross-correlation), at beats where both
  decks are clearly heard (onset energy over the beat at least a quarter of the deck's median
  over the overlap); median and 95th percentile of |lag| over all such beats of all blended
  overlaps;
- kick onsets: at each beat of a blended overlap where both decks' MIDI (the corpus's
  `midi/ID.mid`) has a kick, each deck's kick is found in its stem by its own drums: the stem's
  40-160 Hz envelope against the source file's around the file time the set plans for that beat
  (normalised cross-correlation within ±20 ms, so no other drum can be matched; the lag is where
  the render put it), plus how far that track's grid sits from its MIDI downbeats (the analysis's
  part); the offset is the incoming deck's kick minus the outgoing deck's; median and 95th
  percentile of its size over all such beats;
- tempo through each overlap, by the kicks: for each deck, per pair of consecutive beats with a
  kick in its MIDI, the change of the lag above over that beat, as a share of the planned beat;
  the largest and median, percent;
- tempo through each overlap, by the onsets: per beat, the lag within ±40 ms that best lines up the outgoing
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


def per_millisecond(signal, rate):
    """The mean of `signal` over each millisecond, on exact millisecond boundaries (at 44.1 kHz a
    whole-sample hop of 44 would be 0.998 ms and drift 2 ms every second)."""
    bounds = np.floor(np.arange(int(len(signal) * 1000 / rate) + 1) * rate / 1000).astype(np.int64)
    sums = np.add.reduceat(signal, bounds[:-1])
    return sums / np.diff(bounds)


def onset_envelope(stereo, rate):
    from scipy.signal import butter, sosfilt
    sos = butter(4, 1000, "high", fs=rate, output="sos")
    env = per_millisecond(np.abs(sosfilt(sos, stereo.mean(axis=1))), rate)
    rise = np.diff(env, prepend=env[0])
    return np.maximum(rise, 0)


def midi_kicks(path):
    """Note-on times (seconds) of the General MIDI kicks (notes 35 and 36 on the drum channel)."""
    import mido
    times, now = [], 0.0
    for message in mido.MidiFile(path):
        now += message.time
        if message.type == "note_on" and message.velocity > 0 and message.channel == 9 and message.note in (35, 36):
            times.append(now)
    return np.array(times)


def has_kick(kicks, at, reach=0.03):
    """True when a kick note starts within `reach` seconds of file time `at`."""
    index = int(np.searchsorted(kicks, at))
    return any(0 <= i < len(kicks) and abs(kicks[i] - at) <= reach for i in (index - 1, index))


def kick_band_envelope(mono, rate):
    """The kick band's envelope at 1 ms: 40-160 Hz (zero-phase Butterworth, so the bench adds no
    delay of its own), rectified, averaged per millisecond."""
    from scipy.signal import butter, sosfiltfilt
    sos = butter(4, (40, 160), "bandpass", fs=rate, output="sos")
    return per_millisecond(np.abs(sosfiltfilt(sos, mono)), rate)


def placement_lag(stem_env, stem_at, source_env, source_at, half=60, reach=20):
    """How many ms later than planned a deck's kick sounds in its stem: the lag within ±reach ms
    that best lines up the stem's kick-band envelope around `stem_at` with the source file's own
    around `source_at` (normalised cross-correlation of the same drums, so nothing else can be
    matched), parabola-interpolated; None near the ends."""
    if stem_at - half - reach < 0 or stem_at + half + reach > len(stem_env) or source_at - half < 0 or source_at + half > len(source_env):
        return None
    ref = source_env[source_at - half : source_at + half]
    ref = (ref - ref.mean()) / (ref.std() + 1e-12)
    scores = []
    for lag in range(-reach, reach + 1):
        piece = stem_env[stem_at + lag - half : stem_at + lag + half]
        scores.append(float(np.dot(ref, (piece - piece.mean()) / (piece.std() + 1e-12))))
    best = int(np.argmax(scores))
    fraction = 0.0
    if 0 < best < len(scores) - 1:
        a, b, d = scores[best - 1], scores[best], scores[best + 1]
        fraction = 0.5 * (a - d) / (a - 2 * b + d) if (a - 2 * b + d) != 0 else 0.0
    return best - reach + fraction


def grid_error_ms(track, corpus):
    """How far the track's stored grid sits before its MIDI downbeats (truth minus grid, ms; the
    grids have the exact tempo, so one figure holds for the whole track)."""
    name = os.path.splitext(os.path.basename(os.path.realpath(track["path"])))[0]
    with open(os.path.join(corpus, name + ".json")) as handle:
        downbeats = json.load(handle)["downbeats"]
    period, first = 60 / track["bpm"], track.get("firstBeat") or 0
    errors = [(d - (first + round((d - first) / period) * period)) * 1000 for d in downbeats]
    return statistics.median(errors)


def kick_offsets_of(info, mix, out_track, in_track, out_audio, in_audio, rate, corpus):
    """One overlap, from its stems: (1) per beat where both decks' MIDI has a kick, the incoming
    deck's kick note-on minus the outgoing deck's, ms, in the mix; (2) per pair of consecutive
    beats where a deck's MIDI has both kicks, how far that deck's beat period in the mix is from
    the planned ramp's, percent. Each deck's kick is found in its stem by its own drums (the stem
    against the source file at the planned file time: where the render put it) and put on its
    MIDI note by the grid's offset from the truth."""
    def source(track):
        name = os.path.splitext(os.path.basename(os.path.realpath(track["path"])))[0]
        audio, source_rate = soundfile.read(os.path.realpath(track["path"]), always_2d=True, dtype="float32")
        if source_rate != rate:
            raise SystemExit(f"{name}: {source_rate} Hz source against a {rate} Hz mix")
        return midi_kicks(os.path.join(corpus, "midi", name + ".mid")), kick_band_envelope(audio.mean(axis=1), rate)
    beats = int(info["beats"])
    planned = [(info["overlapStart"] - info["start"] + ramp_seconds(beat, info["tempoFrom"], info["tempoTo"], beats)) * 1000
               for beat in range(beats + 1)]
    decks = []
    for track, audio, cue in ((out_track, out_audio, mix["outCue"]), (in_track, in_audio, mix["inCue"])):
        kicks, source_env = source(track)
        stem_env = kick_band_envelope(audio.mean(axis=1), rate)
        lags = {}
        for beat in range(1, beats):
            file_time = cue + beat * 60 / track["bpm"]
            if has_kick(kicks, file_time):
                lag = placement_lag(stem_env, int(round(planned[beat])), source_env, int(round(file_time * 1000)))
                if lag is not None:
                    lags[beat] = lag
        decks.append((lags, grid_error_ms(track, corpus)))
    (out_lags, out_grid), (in_lags, in_grid) = decks
    offsets = [(in_lags[b] + in_grid) - (out_lags[b] + out_grid) for b in sorted(out_lags) if b in in_lags]
    tempo = [abs(lags[b + 1] - lags[b]) / (planned[b + 1] - planned[b]) * 100 for lags, _ in decks for b in lags if b + 1 in lags]
    return offsets, tempo


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
    offsets, kick_offsets, kick_tempo, deviations, techniques = [], [], [], [], {}
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
        # Kick onsets, at the beats where both decks' MIDI has a kick.
        index = int(number) - 1
        pair_offsets, pair_tempo = kick_offsets_of(info, document["transitions"][index]["mix"], document["tracks"][index],
                                                   document["tracks"][index + 1], out_audio, in_audio, rate, args.corpus)
        kick_offsets += pair_offsets
        kick_tempo += pair_tempo
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
    kick_sizes = sorted(abs(x) for x in kick_offsets)
    result = {
        "tracks": len(document["tracks"]), "transitions": len(spans), "techniques": techniques,
        "mix_minutes": round(mix_seconds / 60, 1), "render_x_realtime": round(mix_seconds / wall, 1),
        "beat_offset_median_ms": statistics.median(offsets) if offsets else None,
        "beat_offset_p95_ms": offsets[int(0.95 * (len(offsets) - 1))] if offsets else None, "beats_measured": len(offsets),
        "kick_offset_median_ms": round(statistics.median(kick_sizes), 2) if kick_sizes else None,
        "kick_offset_p95_ms": round(kick_sizes[int(0.95 * (len(kick_sizes) - 1))], 2) if kick_sizes else None,
        "kicks_measured": len(kick_sizes),
        "kick_tempo_deviation_max_percent": round(max(kick_tempo), 2) if kick_tempo else None,
        "kick_tempo_deviation_median_percent": round(statistics.median(kick_tempo), 3) if kick_tempo else None,
        "kick_tempo_intervals": len(kick_tempo),
        "tempo_deviation_max_percent": round(max(deviations), 2) if deviations else None,
        "tempo_deviation_median_percent": round(statistics.median(deviations), 2) if deviations else None,
        "track_loudness_lufs": [round(x, 2) for x in loudness],
        "loudness_worst_lu_from_target": round(max(abs(x + 14) for x in loudness), 2) if loudness else None,
        "true_peak_dbtp": round(peak_db, 2),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
