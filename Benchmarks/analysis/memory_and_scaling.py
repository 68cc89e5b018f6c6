#!/usr/bin/env python3
"""Memory and scaling of Segue's analysis, in one run.

1. Peak RSS of `segue analyze` on a 5-minute, a 2-hour and a 3-hour TrackSynth file (44.1 kHz
   FLAC): streaming analysis keeps memory flat, so the three should be close.
2. `segue scan` of the benchmark corpus into a fresh library with 1 job and with 2 jobs: the
   speed-up from the second core (near 2 means near-linear scaling).

Usage: memory_and_scaling.py --segue PATH [--corpus DIR] [--folder DIR]
"""
import argparse, os, resource, shutil, subprocess, sys, time


def peak_rss_mb(command):
    """Runs `command` and returns (wall seconds, peak RSS in MB) of that child alone."""
    start = time.time()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}: {process.stderr.read()}")
    return time.time() - start, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segue", required=True)
    parser.add_argument("--corpus", default="/tmp/segue-analysis-corpus-v2")
    parser.add_argument("--folder", default="/tmp/segue-long-files")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)

    print("| file | length | analysis wall s | x realtime | peak RSS MB |")
    print("|---|---|---|---|---|")
    for label, seconds in (("5 minutes", 300), ("2 hours", 7200), ("3 hours", 10800)):
        path = os.path.join(args.folder, f"long-{seconds}.flac")
        if not os.path.exists(path):
            subprocess.run([args.segue, "synth", "--style", "techno", "--bpm", "130", "--key", "A minor", "--seconds", str(seconds),
                            "--sample-rate", "44100", "--seed", "7", "--out", path], check=True, stdout=subprocess.DEVNULL)
        wall, rss = peak_rss_mb([args.segue, "analyze", path])
        print(f"| {os.path.basename(path)} | {label} | {wall:.1f} | {seconds / wall:.0f} | {rss:.0f} |")

    clips = sorted(f for f in os.listdir(args.corpus) if f.endswith(".flac"))
    audio_seconds = 30 * len(clips)
    print(f"\n| scan of {len(clips)} clips | wall s | x realtime | speed-up |")
    print("|---|---|---|---|")
    base = None
    for jobs in (1, 2):
        library = os.path.join(args.folder, f"scan-{jobs}.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(library + suffix):
                os.remove(library + suffix)
        wall, _ = peak_rss_mb([args.segue, "scan", args.corpus, "--library", library, "--jobs", str(jobs)])
        base = base or wall
        print(f"| --jobs {jobs} | {wall:.1f} | {audio_seconds / wall:.0f} | {base / wall:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
