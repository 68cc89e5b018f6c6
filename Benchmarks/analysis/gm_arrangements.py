#!/usr/bin/env python3
"""Whole dance arrangements with known structure, written as General MIDI and rendered with
FluidSynth on the same three soundfonts as gm_corpus.py: the truth for bars, phrases, sections and
mix points (downbeats, phrase boundaries, section labels, the mixable intro and outro).

Each arrangement draws from its seed a style (gm_styles.py), a tempo in the style's range, a key,
a drum pattern and kit, instruments, a soundfont, and a section plan:

    intro (16 or 32 bars: drums only, the hats alone for the first 8 bars of a 32-bar intro)
    build (8 bars: drums and bass, a snare roll over the last 2 bars, no kick in the last)
    main (16 or 32 bars: drums, bass, chords, lead)
    breakdown (8 or 16 bars: chords and lead, no drums, no bass)
    build (8 bars: chords, hats, a snare roll)
    main (16 or 32 bars)
    outro (16 or 32 bars: drums, with the bass for its first half)

A crash marks every phrase start. Before the first downbeat the audio has a little silence
(0–0.8 s) and a pickup of 0–3 beats of hats, so the first beat is not always a downbeat.

Truth, per clip in `arrangements/ID.json`: `downbeats` (seconds), `phrases` (seconds of every
change of parts: each section start and the second half of a two-part intro or outro, each on a
downbeat and a multiple of 8 bars from the first), `sections` (label,
start, end), `introEnd` (where the build starts: the end of the mixable intro) and `outroStart`
(where the outro starts), `bpm`, `key`. The index `arrangements/truth.csv` names the tuning and
held-out halves (ids shuffled within each style by SPLIT_SEED, first half tuning).

Usage: gm_arrangements.py --out DIR [--per-style 12] [--split tuning|held-out]
Needs what gm_corpus.py needs.
"""
import argparse, csv, json, os, random, sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gm_corpus as gc
import gm_styles as gs

SEED_BASE = 200000
VARIED_SEED_BASE = 310000
SNARE_ROLL_BARS = 2


def section_plan(rng):
    """[(label, bars, parts)], parts from: hats, kick, drums (everything in the pattern), bass,
    chords, lead, roll."""
    intro = rng.choice((16, 32))
    main_a, main_b = rng.choice((16, 32)), rng.choice((16, 32))
    breakdown, outro = rng.choice((8, 16)), rng.choice((16, 32))
    plan = []
    if intro == 32:
        plan.append(("intro", 8, {"hats"}))
        plan.append(("intro", 24, {"drums"}))
    else:
        plan.append(("intro", 16, {"drums"}))
    plan += [("build", 8, {"drums", "bass", "roll"}), ("main", main_a, {"drums", "bass", "chords", "lead"}),
             ("breakdown", breakdown, {"chords", "lead"}), ("build", 8, {"chords", "hats", "roll"}),
             ("main", main_b, {"drums", "bass", "chords", "lead"}),
             ("outro", outro // 2, {"drums", "bass"}), ("outro", outro - outro // 2, {"drums"})]
    return plan


def varied_section_plan(rng):
    """Arrangements made otherwise than `section_plan`'s one template: an intro of 8 to 32 bars
    (drums, or hats then drums, or kick and hats), a build of 8 or 16 bars where the bass enters
    (with or without a roll), no breakdown in some (the lead drops out for a phrase instead), and
    an ending of drums only, of drums with the bass then drums, or none: the music at full energy
    to the end."""
    plan = []
    intro = rng.choice((8, 16, 24, 32))
    intro_kind = rng.choice(("drums", "hats-then-drums", "kick-and-hats"))
    if intro_kind == "hats-then-drums" and intro >= 16:
        plan += [("intro", 8, {"hats"}), ("intro", intro - 8, {"drums"})]
    elif intro_kind == "kick-and-hats":
        plan.append(("intro", intro, {"hats", "kick"}))
    else:
        plan.append(("intro", intro, {"drums"}))
    build = rng.choice((8, 16))
    plan.append(("build", build, {"drums", "bass", "roll"} if rng.random() < 0.5 else {"drums", "bass"}))
    plan.append(("main", rng.choice((16, 32)), {"drums", "bass", "chords", "lead"}))
    if rng.random() < 0.5:
        plan += [("breakdown", rng.choice((8, 16)), {"chords", "lead"}), ("build", 8, {"chords", "hats", "roll"})]
    else:
        plan.append(("main", 8, {"drums", "bass", "chords"}))  # no breakdown: the lead rests a phrase
    plan.append(("main", rng.choice((16, 32)), {"drums", "bass", "chords", "lead"}))
    ending = rng.choice(("drums", "drums-and-bass", "none"))
    outro = rng.choice((16, 32))
    if ending == "drums":
        plan.append(("outro", outro, {"drums"}))
    elif ending == "drums-and-bass":
        plan += [("outro", outro // 2, {"drums", "bass"}), ("outro", outro - outro // 2, {"drums"})]
    return plan


def plan_items(per_style, varied=False, varied_seed=None):
    items = []
    for style_index, (style, ((low, high), patterns)) in enumerate(gs.STYLES.items()):
        for i in range(per_style):
            seed = ((varied_seed or VARIED_SEED_BASE) if varied else SEED_BASE) + style_index * 1000 + i
            rng = random.Random(seed)
            key_index = (i * 5 + style_index * 7) % 24
            items.append(dict(id=f"{style}-{'v' if varied else 'a'}{i:02d}", style=style, varied=int(varied), bpm=round(rng.uniform(low, high), 1),
                              key=f"{gc.PITCHES[key_index % 12]} {'major' if key_index < 12 else 'minor'}",
                              soundfont=list(gc.SOUNDFONTS)[i % 3], pattern=rng.randrange(len(patterns)),
                              kit=rng.choice(list(gs.DRUM_KITS)), seed=seed))
    gc.assign_split(items, salt="varied:" if varied else "arrangement:")
    return items


def arrangement(item):
    """The MIDI track (in beats, the first downbeat at beat `lead`) and the truth in seconds."""
    rng = random.Random(item["seed"])
    style, bpm = item["style"], item["bpm"]
    tonic_name, mode = item["key"].split()
    tonic = gc.PITCHES.index(tonic_name)
    pattern = gs.STYLES[style][1][item["pattern"]]
    track = gc.Track(bpm)
    track.programs = {9: gs.DRUM_KITS[item["kit"]], 0: rng.choice(gs.BASS_PROGRAMS), 1: rng.choice(gs.CHORD_PROGRAMS),
                      2: rng.choice(gs.LEAD_PROGRAMS)}
    chords = gs.progression(mode, rng.randrange(4))
    bass_rhythm = rng.choice(gs.BASS_RHYTHMS[style])
    scale = gs.MAJOR_SCALE if mode == "major" else gs.MINOR_SCALE
    silence = rng.uniform(0, 0.8)
    pickup = rng.randrange(4)
    lead = silence * bpm / 60 + pickup  # beats before the first downbeat
    sections = varied_section_plan(rng) if int(item.get("varied", 0)) else section_plan(rng)
    for beat in range(pickup):  # the pickup: hats on the beats before the first downbeat
        track.note(silence * bpm / 60 + beat, 0.2, 9, gs.HAT, 80)

    bar = 0
    truth_sections, phrase_bars = [], []
    for label, bars, parts in sections:
        start_bar = bar
        phrase_bars.append(start_bar)  # every change of parts starts a phrase
        if truth_sections and truth_sections[-1][0] == label:
            truth_sections[-1][2] = start_bar + bars  # a section played in two parts (intro, outro)
        else:
            truth_sections.append([label, start_bar, start_bar + bars])
        for offset in range(bars):
            at = lead + bar * 4
            last_bars = bars - offset
            if offset == 0:
                track.note(at, 1, 9, gs.CRASH, 95)
            if "drums" in parts or "hats" in parts or "kick" in parts:
                for drum, lane in pattern.items():
                    if "drums" not in parts:
                        if drum not in (gs.HAT, gs.OPEN, gs.RIDE, gs.SHAKER, gs.PEDAL):
                            continue
                    if drum == gs.KICK and "roll" in parts and last_bars == 1:
                        continue
                    steps = lane.split("|")[bar % len(lane.split("|"))]
                    for step, mark in enumerate(steps):
                        if mark != ".":
                            velocity = {"X": 120, "x": 95, "g": 45}[mark] + rng.randint(-8, 8)
                            track.note(at + step / 4, 0.2, 9, drum, velocity)
                if "kick" in parts and "drums" not in parts and gs.KICK in pattern:
                    steps = pattern[gs.KICK].split("|")[bar % len(pattern[gs.KICK].split("|"))]
                    for step, mark in enumerate(steps):
                        if mark != ".":
                            track.note(at + step / 4, 0.2, 9, gs.KICK, {"X": 120, "x": 95, "g": 45}[mark])
                if "drums" not in parts and not any(d in pattern for d in (gs.HAT, gs.OPEN, gs.RIDE, gs.SHAKER)):
                    for step in range(0, 16, 2):
                        track.note(at + step / 4, 0.2, 9, gs.HAT, 80)
            if "roll" in parts and last_bars <= SNARE_ROLL_BARS:
                steps = 8 if last_bars == SNARE_ROLL_BARS else 16
                for step in range(steps):
                    track.note(at + step * 4 / steps, 0.1, 9, gs.SNARE, 60 + 40 * (SNARE_ROLL_BARS - last_bars) + step * 2)
            root_degree, quality = chords[bar % len(chords)]
            root = (tonic + root_degree) % 12
            if "chords" in parts:
                for interval in gs.CHORD_INTERVALS[quality]:
                    pitch_class = (root + interval) % 12
                    track.note(at, 4, 1, 48 + pitch_class + (12 if pitch_class < 7 else 0), 70)
            if "bass" in parts:
                gc.add_bass_bar(track, at, root, bass_rhythm)
            if "lead" in parts:
                gc.add_lead_bar(track, rng, at, root, quality, tonic, scale)
            bar += 1
    seconds_per_beat = 60 / bpm
    first = lead * seconds_per_beat
    bar_seconds = 4 * seconds_per_beat
    truth = dict(id=item["id"], bpm=bpm, key=item["key"], bars=bar,
                 downbeats=[round(first + n * bar_seconds, 4) for n in range(bar)],
                 phrases=[round(first + start * bar_seconds, 4) for start in phrase_bars],
                 sections=[dict(label=label, start=round(first + start * bar_seconds, 4), end=round(first + end * bar_seconds, 4))
                           for label, start, end in truth_sections])
    truth["introEnd"] = truth["sections"][1]["start"]
    if truth["sections"][-1]["label"] == "outro":
        truth["outroStart"] = truth["sections"][-1]["start"]
    else:
        # No outro: the mix-out belongs late, on a phrase line (8 bars from the first downbeat)
        # that leaves 8 to 32 bars of music.
        end_bar = bar
        truth["outroStart"] = None
        truth["mixOutLines"] = [round(first + line * bar_seconds, 4) for line in range(0, end_bar, 8)
                                if 8 <= end_bar - line <= 32]
    return track, truth, first + bar * bar_seconds + 2


def render(item, folder):
    track, truth, seconds = arrangement(item)
    path = os.path.join(folder, item["id"] + ".flac")
    if not os.path.exists(path):
        gc.render_track(track, path, seconds, item["soundfont"], midi_copy=os.path.join(folder, "midi", item["id"] + ".mid"))
    with open(os.path.join(folder, item["id"] + ".json"), "w") as handle:
        json.dump(truth, handle, indent=1)
    return dict(item, path=path, seconds=round(seconds, 2))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/segue-gm-corpus")
    parser.add_argument("--per-style", type=int, default=12)
    parser.add_argument("--split", choices=["tuning", "held-out"], help="render only this half (the split is unchanged)")
    parser.add_argument("--varied", action="store_true",
                        help="arrangements made otherwise (varied_section_plan; ids STYLE-vNN, their own seeds and split), "
                             "in DIR/arrangements-varied")
    parser.add_argument("--varied-seed", type=int, default=VARIED_SEED_BASE,
                        help="seed base of the varied arrangements (another value: a fresh draw, in DIR/arrangements-varied-SEED)")
    args = parser.parse_args()
    folder = os.path.join(args.out, "arrangements" if not args.varied else "arrangements-varied" if args.varied_seed == VARIED_SEED_BASE
                          else f"arrangements-varied-{args.varied_seed}")
    os.makedirs(os.path.join(folder, "midi"), exist_ok=True)
    items = [item for item in plan_items(args.per_style, args.varied, args.varied_seed) if args.split is None or item["split"] == args.split]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        rows = list(pool.map(lambda item: render(item, folder), items))
    with open(os.path.join(folder, "truth.csv"), "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    minutes = sum(row["seconds"] for row in rows) / 60
    print(f"{len(rows)} arrangements ({minutes:.0f} minutes) in {folder}")


if __name__ == "__main__":
    sys.exit(main())
