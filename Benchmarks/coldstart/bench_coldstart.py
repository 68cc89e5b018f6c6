#!/usr/bin/env python3
"""Cold-start benchmark: how well Segue finds a track's ALS neighbours from its audio alone.

Builds (or reuses) a library of TrackSynth tracks in hidden scenes -- each of the 8 styles in a
dry and a dub (reverb-heavy) variant, 16 scenes -- and DJ-set tracklists drawn from them (80 %
of a set from its scene, 20 % from the sibling scene or a neighbouring style, track popularity
power-law within a scene). Then runs `segue scan`, `segue import-tracklists` and `segue train`,
whose cold-start check holds out 20 % of the tracks with factors, fits the embedding (ridge and
network, chosen on a validation split) on the rest, and prints recall@10 of the held-out tracks'
true ALS neighbours for the predicted factors, for raw standardised features and for chance.

Usage: bench_coldstart.py --segue PATH [--folder DIR] [--tracks N] [--sets N] [--seconds S]
"""
import argparse, csv, os, random, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

STYLES = {"house": (118, 128), "techno": (125, 140), "drum-and-bass": (165, 178), "dubstep": (138, 142),
          "hip-hop": (85, 100), "breakbeat": (125, 138), "downtempo": (80, 110), "trance": (132, 142)}
KEYS = [f"{p} {m}" for m in ("minor", "major") for p in ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]]


def plan_tracks(count, seed):
    rng = random.Random(seed)
    names = list(STYLES)
    tracks = []
    for i in range(count):
        scene = i % 16
        style, dub = names[scene // 2], scene % 2 == 1
        low, high = STYLES[style]
        tracks.append(dict(index=i, scene=scene, style=style, bpm=round(rng.uniform(low, high), 1), key=rng.choice(KEYS),
                           reverb=round(rng.uniform(0.45, 0.7), 2) if dub else 0.0, noise=0.0 if rng.random() < 0.8 else 0.1,
                           artist=f"Artist {rng.randrange(60):02d}", title=f"Piece {i:04d}", seed=5000 + i))
    return tracks


def render(segue, folder, tracks, seconds):
    os.makedirs(folder, exist_ok=True)
    def one(t):
        path = os.path.join(folder, f"track{t['index']:04d}.flac")
        if not os.path.exists(path):
            subprocess.run([segue, "synth", "--style", t["style"], "--bpm", str(t["bpm"]), "--key", t["key"], "--seconds", str(seconds),
                            "--seed", str(t["seed"]), "--reverb", str(t["reverb"]), "--noise", str(t["noise"]),
                            "--artist", t["artist"], "--title", t["title"], "--out", path], check=True, stdout=subprocess.DEVNULL)
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        list(pool.map(one, tracks))


def write_tracklists(path, tracks, sets, seed):
    rng = random.Random(seed + 1)
    by_scene = {s: [t for t in tracks if t["scene"] == s] for s in range(16)}
    weights = {s: [1 / (rank + 1) ** 0.8 for rank in range(len(members))] for s, members in by_scene.items()}
    with open(path, "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["set_id", "position", "artist", "title"])
        for number in range(sets):
            scene = rng.randrange(16)
            neighbours = [scene ^ 1, (scene + 2) % 16, (scene - 2) % 16]
            chosen, length = [], rng.randint(10, 20)
            while len(chosen) < length:
                source = scene if rng.random() < 0.8 else rng.choice(neighbours)
                track = rng.choices(by_scene[source], weights[source])[0]
                if track not in chosen:
                    chosen.append(track)
            for position, track in enumerate(chosen, 1):
                out.writerow([f"set{number:05d}", position, track["artist"], track["title"]])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segue", required=True)
    parser.add_argument("--folder", default="/tmp/segue-coldstart")
    parser.add_argument("--tracks", type=int, default=480)
    parser.add_argument("--sets", type=int, default=800)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    music, library = os.path.join(args.folder, "music"), os.path.join(args.folder, "library.sqlite")
    tracks = plan_tracks(args.tracks, args.seed)
    started = time.time()
    render(args.segue, music, tracks, args.seconds)
    print(f"corpus: {args.tracks} tracks x {args.seconds:g} s in 16 hidden scenes ({time.time() - started:.0f} s)", flush=True)
    lists = os.path.join(args.folder, "tracklists.csv")
    write_tracklists(lists, tracks, args.sets, args.seed)
    if os.path.exists(library):
        os.remove(library)
    env = dict(os.environ, SEGUE_PROGRESS="plain")
    subprocess.run([args.segue, "scan", music, "--library", library], check=True, stdout=subprocess.DEVNULL, env=env)
    subprocess.run([args.segue, "import-tracklists", lists, "--library", library], check=True, stdout=subprocess.DEVNULL, env=env)
    trained = subprocess.run([args.segue, "train", "--library", library, "--factors", "32"], check=True, capture_output=True, text=True, env=env)
    print(f"{args.sets} tracklists of 10-20 tracks (80 % from the set's scene)\n")
    print(trained.stdout)


if __name__ == "__main__":
    sys.exit(main())
