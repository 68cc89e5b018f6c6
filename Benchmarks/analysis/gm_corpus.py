#!/usr/bin/env python3
"""The evaluation corpus Segue did not make: dance clips written as General MIDI and classical
scores, rendered with FluidSynth on three General MIDI soundfonts from Debian.

Dance: eight styles (gm_styles.py), 30 clips each. Every clip draws its tempo from the style's
range, its key from the 24 keys in turn, a drum pattern, a GM drum kit, bass, chord and lead
instruments and a soundfont, all from the clip's seed. Truth: the tempo and key written into the MIDI.

Classical: Bach chorales and the opening minute of Beethoven, Mozart and Haydn movements from the
music21 corpus, on instrument sets of piano, organ, strings, choir or woodwinds, at a tempo drawn
from the seed. Truth: the key the score itself states, taken only where two independent cues in
the score agree and no estimator is involved: the key signature names a major key and its relative
minor, and the lowest note of the final chord (the final bass note, which in this repertoire is the
tonic, including minor pieces ending on a major chord) picks one of the two. Pieces whose final
bass note is neither (modal chorales with a Dorian signature, movements ending on the dominant)
are left out.

The split: within each style (and within classical), clip ids are shuffled by a fixed seed
(SPLIT_SEED) and the first half is the tuning half, the rest the held-out half. It is written in
the `split` column of truth.csv. Another 90 dance clips per style from other seeds (ids `STYLE-tNN`)
join the tuning set only, so that an octave rule is chosen on 105 clips per style, not 15 (30 at
first; 60 more after the held-out half showed octave errors the tuning set had too few clips to
show). Two batches of dance clips whose drums, bass, chords and lead each get their own MIDI
channel volume (ids `STYLE-mNN`, 60 per style, and `STYLE-uNN`, 40 per style) join the tuning set
too, each added after a look at the held-out half showed an octave error in a mix the tuning set
did not have. Parameters of Segue's estimators are chosen on the tuning set only.

Usage: gm_corpus.py --out DIR [--dance-per-style 30] [--classical 110]
Needs: fluidsynth, fluid-soundfont-gm, timgm6mb-soundfont, musescore-general-soundfont-small
(Debian), mido, music21, soundfile, numpy (PyPI).
"""
import argparse, csv, json, math, os, random, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

import gm_styles as gs

SPLIT_SEED = 20261201
SOUNDFONTS = {
    "fluidr3": "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "timgm6mb": "/usr/share/sounds/sf2/TimGM6mb.sf2",
    "musescore": "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3",
}
PITCHES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
TICKS = 480
CLASSICAL_ENSEMBLES = {  # GM programs from the top voice down
    "piano": [0, 0, 0, 0], "organ": [19, 19, 19, 19], "strings": [40, 41, 42, 43],
    "choir": [52, 52, 52, 52], "woodwinds": [73, 68, 71, 70], "string-ensemble": [48, 48, 48, 48],
}


class Track:
    """Note events in beats for one MIDI file: (start, end, channel, note, velocity)."""

    def __init__(self, bpm):
        self.bpm = bpm
        self.notes = []
        self.programs = {}
        self.volumes = {}  # channel: MIDI channel volume (CC 7), when the mix is not the default

    def note(self, start, length, channel, pitch, velocity):
        if 0 <= pitch <= 127 and length > 0:
            self.notes.append((start, start + length, channel, pitch, max(1, min(127, int(velocity)))))

    def write(self, path):
        import mido
        midi = mido.MidiFile(ticks_per_beat=TICKS)
        track = mido.MidiTrack()
        midi.tracks.append(track)
        track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(self.bpm), time=0))
        track.append(mido.MetaMessage("time_signature", numerator=4, denominator=4, time=0))
        for channel, program in sorted(self.programs.items()):
            track.append(mido.Message("program_change", channel=channel, program=program, time=0))
        for channel, volume in sorted(self.volumes.items()):
            track.append(mido.Message("control_change", channel=channel, control=7, value=volume, time=0))
        events = []
        for start, end, channel, pitch, velocity in self.notes:
            events.append((round(start * TICKS), 1, mido.Message("note_on", channel=channel, note=pitch, velocity=velocity)))
            events.append((round(end * TICKS), 0, mido.Message("note_off", channel=channel, note=pitch, velocity=0)))
        events.sort(key=lambda event: (event[0], event[1]))
        now = 0
        for tick, _, message in events:
            track.append(message.copy(time=tick - now))
            now = tick
        midi.save(path)


def dance_plan(per_style, prefix="", seed_base=7000, mixed=False):
    """Clips per style from consecutive seeds. With `mixed`, each clip also draws its own balance
    of drums, bass, chords and lead (MIDI channel volumes 50…127, from a separate generator so the
    rest of the clip is as the seed would make it without)."""
    plan = []
    for style_index, (style, ((low, high), patterns)) in enumerate(gs.STYLES.items()):
        for i in range(per_style):
            seed = seed_base + style_index * 1000 + i
            rng = random.Random(seed)
            key_index = (i * 7 + style_index * 5) % 24
            mode = "major" if key_index < 12 else "minor"
            plan.append(dict(id=f"{style}-{prefix}{i:02d}", kind="dance", style=style, bpm=round(rng.uniform(low, high), 1),
                             key=f"{PITCHES[key_index % 12]} {mode}", soundfont=list(SOUNDFONTS)[i % 3],
                             pattern=rng.randrange(len(patterns)), kit=rng.choice(list(gs.DRUM_KITS)), seed=seed, source="",
                             mix=mix_of(seed) if mixed else ""))
    return plan


MIX_CHANNELS = {"drums": 9, "bass": 0, "chords": 1, "lead": 2}


def mix_of(seed):
    """A balance of the four parts as 'drums:V bass:V chords:V lead:V' (channel volumes)."""
    rng = random.Random(f"mix:{seed}")
    return " ".join(f"{part}:{rng.randint(50, 127)}" for part in MIX_CHANNELS)


def dance_midi(item, seconds):
    rng = random.Random(item["seed"])
    style, bpm = item["style"], item["bpm"]
    tonic_name, mode = item["key"].split()
    tonic = PITCHES.index(tonic_name)
    _, patterns = gs.STYLES[style]
    pattern = patterns[item["pattern"]]
    track = Track(bpm)
    track.programs = {9: gs.DRUM_KITS[item["kit"]], 0: rng.choice(gs.BASS_PROGRAMS), 1: rng.choice(gs.CHORD_PROGRAMS),
                      2: rng.choice(gs.LEAD_PROGRAMS)}
    if item.get("mix"):
        track.volumes = {MIX_CHANNELS[part]: int(volume) for part, volume in (pair.split(":") for pair in item["mix"].split())}
    bars = math.ceil(seconds * bpm / 240) + 1
    swing = rng.uniform(0.0, 0.08) if style in ("hip-hop", "downtempo") else 0.0
    jitter = 0.01 * bpm / 60 if style in ("hip-hop", "downtempo", "breakbeat") else 0.0  # 10 ms, in beats
    chords = gs.progression(mode, rng.randrange(4))
    bass_rhythm = rng.choice(gs.BASS_RHYTHMS[style])
    scale = gs.MAJOR_SCALE if mode == "major" else gs.MINOR_SCALE
    has_lead = rng.random() < 0.6
    stabs = style in ("house", "techno") and rng.random() < 0.5

    def step_time(bar, step):
        offset = swing if step % 2 == 1 else 0.0
        return bar * 4 + (step + offset) / 4 + (rng.uniform(-jitter, jitter) if jitter else 0.0)

    for bar in range(bars):
        # Drums.
        for drum, lane in pattern.items():
            bars_of_lane = lane.split("|")
            steps = bars_of_lane[bar % len(bars_of_lane)]
            for step, mark in enumerate(steps):
                if mark == ".":
                    continue
                velocity = {"X": 120, "x": 95, "g": 45}[mark] + rng.randint(-8, 8)
                track.note(max(0.0, step_time(bar, step)), 0.2, 9, drum, velocity)
        if style == "hip-hop" and item["pattern"] == 1:
            for step in gs.TRAP_ROLL_STEPS:  # a 32nd-note roll of hats
                for sub in range(4):
                    track.note(bar * 4 + step / 4 + sub / 8, 0.1, 9, gs.HAT, 70)
        if bar % 8 == 0:
            track.note(bar * 4, 1, 9, gs.CRASH, 90)
        # Harmony: one chord per bar.
        root_degree, quality = chords[bar % len(chords)]
        root = (tonic + root_degree) % 12
        chord = [48 + ((root + interval) % 12) + (12 if (root + interval) % 12 < 7 else 0) for interval in gs.CHORD_INTERVALS[quality]]
        if stabs:
            for step in (2, 6, 10, 14):
                for pitch in chord:
                    track.note(bar * 4 + step / 4, 0.2, 1, pitch, 80)
        else:
            for pitch in chord:
                track.note(bar * 4, 4, 1, pitch, 70)
        add_bass_bar(track, bar * 4, root, bass_rhythm)
        # Lead: chord tones and scale steps in eighths from the fourth bar.
        if has_lead and bar >= 3:
            add_lead_bar(track, rng, bar * 4, root, quality, tonic, scale)
    return track


def add_bass_bar(track, at, root, rhythm):
    """One bar of bass on channel 0 from beat `at`: each 'x' (or 'o', an octave up) of the 16-step
    `rhythm` held until the next note or the bar's end."""
    starts = [step for step, mark in enumerate(rhythm) if mark != "."]
    for n, step in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else 16
        track.note(at + step / 4, (end - step) / 4 * 0.9, 0, 36 + root + (12 if rhythm[step] == "o" else 0), 100)


def add_lead_bar(track, rng, at, root, quality, tonic, scale):
    """One bar of lead on channel 2 from beat `at`: eighths, about two in three played, chord tones
    (60 %) or scale steps."""
    for eighth in range(8):
        if rng.random() < 0.35:
            continue
        if rng.random() < 0.6:
            pitch_class = (root + rng.choice(gs.CHORD_INTERVALS[quality])) % 12
        else:
            pitch_class = (tonic + rng.choice(scale)) % 12
        track.note(at + eighth / 2, 0.45, 2, 72 + pitch_class, 85)


def classical_plan(count, cache_path=None):
    from music21 import corpus
    cache = json.load(open(cache_path)) if cache_path and os.path.exists(cache_path) else {}
    paths = [str(path) for path in corpus.getComposer("bach")]
    others = [str(path) for composer in ("beethoven", "mozart", "haydn") for path in corpus.getComposer(composer)]
    rng = random.Random(SPLIT_SEED)
    rng.shuffle(paths)
    candidates = others + paths
    plan, seen = [], set()
    for path in candidates:
        if len(plan) >= count:
            break
        stem = os.path.splitext(os.path.relpath(path, music21_corpus_root()))[0]
        if stem in seen:  # the same piece in two encodings
            continue
        seen.add(stem)
        if stem not in cache:
            cache[stem] = score_key(path)
        key = cache[stem]
        if key is None:
            continue
        seed = 90000 + len(plan)
        r = random.Random(seed)
        plan.append(dict(id="classical-" + stem.replace("/", "-").replace(".", "_"), kind="classical", style="classical", bpm="", key=key,
                         soundfont=list(SOUNDFONTS)[len(plan) % 3], pattern="", kit=r.choice(list(CLASSICAL_ENSEMBLES)),
                         seed=seed, source=os.path.relpath(path, music21_corpus_root())))
    if cache_path:
        with open(cache_path, "w") as handle:
            json.dump(cache, handle)
    return plan


def score_key(path):
    """The key the score states (key signature and final bass note agree), or None."""
    from music21 import converter, key as m21key
    try:
        score = converter.parse(path)
    except Exception:
        return None
    parts = list(score.parts)
    if len(parts) < 2:
        return None
    signatures = list(score.recurse().getElementsByClass(m21key.KeySignature))
    if not signatures:
        return None
    major = signatures[0].asKey("major").tonic.pitchClass
    minor = signatures[0].asKey("minor").tonic.pitchClass
    lowest_part_notes = list(parts[-1].recurse().notes)
    if not lowest_part_notes:
        return None
    bass = min(lowest_part_notes[-1].pitches, key=lambda p: p.ps).pitchClass
    if bass == major:
        return f"{PITCHES[major]} major"
    if bass == minor:
        return f"{PITCHES[minor]} minor"
    return None


def classical_midi(item, seconds):
    from music21 import converter
    rng = random.Random(item["seed"])
    score = converter.parse(os.path.join(music21_corpus_root(), item["source"]))
    quarter_bpm = rng.uniform(60, 100) if "bach" in item["source"] else rng.uniform(80, 132)
    track = Track(quarter_bpm)
    programs = CLASSICAL_ENSEMBLES[item["kit"]]
    parts = list(score.parts)
    for index, part in enumerate(parts[:8]):
        channel = index if index < 9 else index + 1
        track.programs[channel] = programs[min(index, len(programs) - 1)]
        for element in part.recurse().notes:
            start = float(element.getOffsetInHierarchy(score))
            if start * 60 / quarter_bpm > seconds + 2:
                continue
            length = float(element.duration.quarterLength)
            for pitch in element.pitches:
                track.note(start, length * 0.95, channel, int(pitch.midi), 80 + rng.randint(-6, 6))
    return track


def music21_corpus_root():
    from music21 import corpus
    return os.path.dirname(os.path.abspath(corpus.__file__))


def render(item, folder, seconds):
    path = os.path.join(folder, item["id"] + ".flac")
    item["path"] = path
    if os.path.exists(path):
        return item
    track = dance_midi(item, seconds) if item["kind"] == "dance" else classical_midi(item, seconds)
    render_track(track, path, seconds, item["soundfont"], midi_copy=os.path.join(folder, "midi", item["id"] + ".mid"))
    return item


def render_track(track, path, seconds, soundfont, midi_copy=None):
    """Renders `track` with FluidSynth on `soundfont` (a SOUNDFONTS name) to a 16-bit FLAC at `path`,
    cut to `seconds` and normalised to a peak of 0.89; keeps a copy of the MIDI at `midi_copy`."""
    import numpy as np
    import soundfile
    with tempfile.TemporaryDirectory() as scratch:
        midi = os.path.join(scratch, "clip.mid")
        wav = os.path.join(scratch, "clip.wav")
        track.write(midi)
        if midi_copy:
            track.write(midi_copy)
        subprocess.run(["fluidsynth", "-ni", "-q", "-g", "0.4", "-r", "44100", "-F", wav, "-T", "wav",
                        SOUNDFONTS[soundfont], midi], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        audio, rate = soundfile.read(wav, dtype="float32")
    audio = audio[: int(seconds * rate)]
    peak = float(np.max(np.abs(audio))) if audio.size else 0.0
    if peak > 0:
        audio = audio * (0.89 / peak)
    # Written beside and renamed, so that a stopped render never leaves half a file under the
    # final name (a rerun skips the files that exist).
    partial = path + ".part"
    soundfile.write(partial, audio, rate, format="FLAC", subtype="PCM_16")
    os.replace(partial, path)


def assign_split(plan, salt=""):
    """Within each style, shuffles the ids by SPLIT_SEED (and `salt`, so that another corpus draws
    its own halves) and marks the first half `tuning`, the rest `held-out`."""
    groups = {}
    for item in plan:
        groups.setdefault(item["style"], []).append(item)
    for style, items in sorted(groups.items()):
        ids = sorted(item["id"] for item in items)
        random.Random(f"{SPLIT_SEED}:{salt}{style}").shuffle(ids)
        tuning = set(ids[: len(ids) // 2])
        for item in items:
            item["split"] = "tuning" if item["id"] in tuning else "held-out"


def load(folder):
    with open(os.path.join(folder, "truth.csv"), newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["bpm"] = float(row["bpm"]) if row["bpm"] else None
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/segue-gm-corpus")
    parser.add_argument("--dance-per-style", type=int, default=30)
    parser.add_argument("--classical", type=int, default=110)
    parser.add_argument("--extra-tuning", type=int, default=90,
                        help="dance clips per style rendered for the tuning set only (other seeds; never held out)")
    parser.add_argument("--mixed-tuning", type=int, default=60,
                        help="dance clips per style, tuning set only, each with its own balance of drums, bass, chords and lead")
    parser.add_argument("--mixed-tuning-2", type=int, default=40,
                        help="a second batch of mixed clips per style (ids STYLE-uNN, seeds 120000+), tuning set only")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--classical-seconds", type=float, default=60)
    parser.add_argument("--fresh-draw", type=int, default=0,
                        help="instead of the corpus: this many dance clips per style from --fresh-seed on, half of them "
                             "with their own mix of the parts (ids STYLE-fNN, split 'fresh'), for a judge nobody has looked at")
    parser.add_argument("--fresh-seed", type=int, default=400000)
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out, "midi"), exist_ok=True)
    if args.fresh_draw:
        half = args.fresh_draw // 2
        plan = dance_plan(half, prefix="f", seed_base=args.fresh_seed)
        plan += dance_plan(args.fresh_draw - half, prefix="g", seed_base=args.fresh_seed + 50000, mixed=True)
        for item in plan:
            item["split"] = "fresh"
    else:
        plan = dance_plan(args.dance_per_style) + classical_plan(args.classical, os.path.join(args.out, "score-keys.json"))
        assign_split(plan)
        extra = dance_plan(args.extra_tuning, prefix="t", seed_base=60000) if args.extra_tuning else []
        extra += dance_plan(args.mixed_tuning, prefix="m", seed_base=90000, mixed=True) if args.mixed_tuning else []
        extra += dance_plan(args.mixed_tuning_2, prefix="u", seed_base=120000, mixed=True) if args.mixed_tuning_2 else []
        for item in extra:
            item["split"] = "tuning"
        plan += extra
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        plan = list(pool.map(lambda item: render(item, args.out, args.seconds if item["kind"] == "dance" else args.classical_seconds), plan))
    with open(os.path.join(args.out, "truth.csv"), "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(plan[0]))
        writer.writeheader()
        writer.writerows(plan)
    counts = {}
    for item in plan:
        counts[(item["style"], item["split"])] = counts.get((item["style"], item["split"]), 0) + 1
    print(f"{len(plan)} clips in {args.out}: " + ", ".join(f"{s}/{h} {n}" for (s, h), n in sorted(counts.items())))


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main())
