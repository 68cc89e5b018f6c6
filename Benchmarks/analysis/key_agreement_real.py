#!/usr/bin/env python3
"""Keys on recorded music, where there is no truth: Segue (its default and any other
`--key-profile`) beside essentia's KeyExtractor with the edma and bgate profiles. Counts, over
the recordings on which the two essentia profiles agree, how often Segue reads the same key, the
same tonic in the other mode, and the other mode where both peers hear minor (or major).

Usage: key_agreement_real.py --segue BIN [--profile NAME …] FILE…
"""
import argparse, json, subprocess, sys

import essentia
import essentia.standard as es

from bench_analysis import FLATS  # essentia names some tonics by their flats


def segue_keys(binary, files, profile):
    extra = ["--key-profile", profile] if profile else []
    out = subprocess.run([binary, "analyze", "--format", "jsonl", *extra, *files], check=True, capture_output=True, text=True).stdout
    return {json.loads(line)["path"]: json.loads(line)["key"] for line in out.splitlines()}


def essentia_keys(files):
    extractors = {name: es.KeyExtractor(profileType=name) for name in ("edma", "bgate")}
    keys = {}
    for path in files:
        if path.endswith(".opus"):  # essentia 2.1b6's loader refuses Opus, then crashes on exit
            print(f"essentia cannot read {path}; left out", file=sys.stderr)
            continue
        try:
            audio = es.MonoLoader(filename=path, sampleRate=44100)()
        except RuntimeError as error:
            print(f"essentia cannot read {path}: {error}; left out", file=sys.stderr)
            continue
        keys[path] = {}
        for name, extractor in extractors.items():
            tonic, scale, _ = extractor(audio)
            keys[path][name] = f"{FLATS.get(tonic, tonic)} {scale}"
    return keys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--segue", required=True)
    parser.add_argument("--profile", action="append", default=[""], help="another Segue key profile to compare")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    essentia.log.infoActive = False
    peers = essentia_keys(args.files)
    agreed = [path for path in args.files if path in peers and peers[path]["edma"] == peers[path]["bgate"]]
    print(f"{len(peers)} recordings essentia reads; the two essentia profiles agree on {len(agreed)}")
    for profile in args.profile:
        segue = segue_keys(args.segue, args.files, profile)
        same = sum(segue[path] == peers[path]["edma"] for path in agreed)
        tonic = sum(segue[path] != peers[path]["edma"] and segue[path].split()[0] == peers[path]["edma"].split()[0] for path in agreed)
        flipped = [path for path in agreed if segue[path].split()[1] != peers[path]["edma"].split()[1]]
        print(f"Segue ({profile or 'default'}): same key {same}/{len(agreed)}, same tonic other mode {tonic}, "
              f"other mode than both peers {len(flipped)}")
        for path in flipped:
            print(f"    {path}: Segue {segue[path]}, essentia {peers[path]['edma']}")


if __name__ == "__main__":
    sys.exit(main())
