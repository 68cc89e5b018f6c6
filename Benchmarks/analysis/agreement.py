#!/usr/bin/env python3
"""Agreement check on real recordings: the music shipped in Debian game-data packages
(extremetuxracer-data, lincity-ng-data: 13 tracks), analysed by Segue and by essentia
(RhythmExtractor2013 multifeature; KeyExtractor edma and bgate). There is no ground truth, so it
prints each track's estimates and how often the two agree: tempo within 4 %, tempo up to an
octave (x2, x1/2, x3, x1/3), key identical, and key related (identical, fifth, relative or
parallel).

Usage: agreement.py --segue PATH [--folder DIR]   (needs apt-get download; no root needed)
"""
import argparse, glob, json, os, subprocess, sys

PACKAGES = ["extremetuxracer-data", "lincity-ng-data"]
PITCHES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
FLATS = {"Db": "C#", "Eb": "D#", "Gb": "F#", "Ab": "G#", "Bb": "A#"}


def fetch(folder):
    os.makedirs(folder, exist_ok=True)
    for package in PACKAGES:
        if not glob.glob(os.path.join(folder, f"{package}_*.deb")):
            subprocess.run(["apt-get", "download", package], cwd=folder, check=True, stdout=subprocess.DEVNULL)
        deb = glob.glob(os.path.join(folder, f"{package}_*.deb"))[0]
        target = os.path.join(folder, package)
        if not os.path.isdir(target):
            subprocess.run(["dpkg-deb", "-x", deb, target], check=True)
    files = [path for path in glob.glob(os.path.join(folder, "**", "*.ogg"), recursive=True)
             if "/music/" in path or "/bgm/" in path]
    return sorted(files)


def parse_key(text):
    tonic, mode = text.split()
    return PITCHES.index(FLATS.get(tonic, tonic)), mode


def related(a, b):
    (at, am), (bt, bm) = parse_key(a), parse_key(b)
    if am == bm:
        return (at - bt) % 12 in (0, 5, 7)
    minor, major = ((at, bt) if am == "minor" else (bt, at))
    return at == bt or (minor + 3) % 12 == major


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segue", required=True)
    parser.add_argument("--folder", default="/tmp/segue-debian-music")
    args = parser.parse_args()
    files = fetch(args.folder)
    output = subprocess.run([args.segue, "analyze", "--format", "jsonl"] + files, capture_output=True, text=True).stdout
    segue = {row["path"]: row for row in map(json.loads, output.splitlines())}
    import essentia
    import essentia.standard as es
    essentia.log.warningActive = False
    rhythm = es.RhythmExtractor2013(method="multifeature")
    keys = {profile: es.KeyExtractor(profileType=profile) for profile in ("edma", "bgate")}
    print("| track | s | Segue BPM | essentia BPM | Segue key | essentia edma | essentia bgate |")
    print("|---|---|---|---|---|---|---|")
    counts = dict(n=0, tempo=0, octave=0, edma_same=0, edma_related=0, bgate_same=0, bgate_related=0)
    for path in files:
        if path not in segue:
            continue
        audio = es.MonoLoader(filename=path, sampleRate=44100)()
        bpm = float(rhythm(audio)[0])
        found = {profile: " ".join(extractor(audio)[:2]) for profile, extractor in keys.items()}
        ours = segue[path]
        counts["n"] += 1
        within = lambda a, b: abs(a - b) <= 0.04 * b
        counts["tempo"] += within(ours["bpm"], bpm)
        counts["octave"] += any(within(ours["bpm"] * f, bpm) for f in (1, 2, 0.5, 3, 1 / 3))
        for profile in keys:
            counts[f"{profile}_same"] += parse_key(ours["key"]) == parse_key(found[profile])
            counts[f"{profile}_related"] += related(ours["key"], found[profile])
        print(f"| {os.path.basename(path)} | {ours['duration']:.0f} | {ours['bpm']:.2f} | {bpm:.2f} | {ours['key']} | "
              f"{found['edma']} | {found['bgate']} |")
    n = max(counts["n"], 1)
    print(f"\n{counts['n']} recordings: tempo agrees within 4 % on {counts['tempo']}, up to an octave on {counts['octave']}; "
          f"key identical to essentia edma on {counts['edma_same']} (related on {counts['edma_related']}), "
          f"to bgate on {counts['bgate_same']} (related on {counts['bgate_related']}).")


if __name__ == "__main__":
    sys.exit(main())
