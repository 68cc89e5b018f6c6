#!/usr/bin/env python3
"""The real recordings the beat-grid benchmark judges on, and their fixed split.

Recorded game soundtracks from Debian packages (real composers and mixes; no truth, so madmom
and essentia are the references). Never `supertuxkart-data`, `wesnoth-music` or `nexuiz-music`:
those are kept for an outside judge. Files of 60 s or more under a `music` folder of the
installed packages are drawn by a fixed seed (at most PER_PACKAGE per package, so that no one
composer dominates), then split into a tuning half and a held-out half by the same seed,
before anyone looks at a result. Prints a JSON manifest.

A second draw (--draw fresh) takes other packages and is held out whole: it judges rules chosen
after the first draw's held-out half had been looked at.

Usage: recordings.py [--seed N] [--count N] [--draw first|fresh]
"""
import argparse, hashlib, json, random, subprocess, sys

PACKAGES = ["warzone2100-music", "redeclipse-data", "hedgewars-data", "extremetuxracer-data", "boswars-data",
            "asc-music", "hyperrogue-music", "0ad-data", "teeworlds-data", "openarena-data", "fb-music-high"]
FRESH_PACKAGES = ["supertux-data", "neverball-data", "freedroidrpg-data", "lincity-ng-data", "xmoto-data", "megaglest-data",
                  "widelands-data", "chromium-bsu-data"]
EXCLUDED = {"supertuxkart-data", "wesnoth-music", "nexuiz-music"}
EXTENSIONS = (".ogg", ".opus", ".mp3", ".flac", ".wav")
PER_PACKAGE = 12
MINIMUM_SECONDS = 60


def installed_files(package):
    listing = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True)
    return listing.stdout.split() if listing.returncode == 0 else []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=34)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--draw", choices=["first", "fresh"], default="first")
    args = parser.parse_args()
    packages = PACKAGES if args.draw == "first" else FRESH_PACKAGES
    import soundfile
    by_package = {}
    for package in packages:
        assert package not in EXCLUDED
        for path in installed_files(package):
            if not ("/music" in path.lower() or "/bgm/" in path.lower()) or not path.lower().endswith(EXTENSIONS):
                continue
            try:
                seconds = soundfile.info(path).duration
            except Exception:
                continue
            if seconds >= MINIMUM_SECONDS:
                by_package.setdefault(package, []).append(path)
    generator = random.Random(args.seed)
    drawn = []
    for package in sorted(by_package):
        files = sorted(by_package[package])
        generator.shuffle(files)
        drawn += files[:PER_PACKAGE]
    drawn.sort()
    generator.shuffle(drawn)
    drawn = drawn[:args.count]
    half = len(drawn) // 2 if args.draw == "first" else 0
    manifest = [{"path": path, "half": "tuning" if index < half else "held-out",
                 "id": hashlib.sha1(path.encode()).hexdigest()[:12]} for index, path in enumerate(drawn)]
    json.dump(manifest, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    sys.exit(main())
