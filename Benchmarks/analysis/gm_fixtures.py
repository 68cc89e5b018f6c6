#!/usr/bin/env python3
"""Copies the test fixtures out of a General MIDI corpus (gm_corpus.py): the MIDI files of drum &
bass and hip-hop clips on several GM kits, the first five Bach chorales of the tuning set and three
that the plain key profile read on the dominant, with
their truth, into Fixtures/midi/. Only tuning-set clips are used; the held-out half stays unseen by
the tests. The tests render them with FluidSynth (Tests/AnalysisTests/GeneralMIDIRendering.swift).

Usage: gm_fixtures.py [--corpus /tmp/segue-gm-corpus] [--out Fixtures/midi]
"""
import argparse, csv, os, shutil, sys

# Drum & bass on three kits and patterns (two-step with a ride, quarter-note hats, amen-style),
# hip-hop with trap hats on three kits, and downtempo with a rim shot on 2 and 4 on the TR-808 and
# Power kits (read at double tempo until the backbeat was also read without the kick), and drum &
# bass under a loud bass line and chords on the Electronic and TR-808 kits (read at half tempo until
# the body band was dropped and the backbeat also read at three and six beats), and downtempo with a
# quiet side stick and eighth-note shakers on the TR-808 and Power kits (read at double tempo until
# the kick's bar joined the octave decision): the octave cases.
DANCE = ["drum-and-bass-00", "drum-and-bass-09", "drum-and-bass-t00", "hip-hop-07", "hip-hop-10", "hip-hop-19",
         "downtempo-t22", "downtempo-t58", "drum-and-bass-m14", "drum-and-bass-m29", "downtempo-u28", "downtempo-u37"]
CHORALES = 5
# Three more tuning-set chorales, the first (by id) that the plain key profile read on the
# dominant before harmonics were added: the tests check that the harmonics are what fixes them.
DOMINANT_CHORALES = ["classical-bach-bwv179_6", "classical-bach-bwv245_22", "classical-bach-bwv245_28"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--corpus", default="/tmp/segue-gm-corpus")
    parser.add_argument("--out", default=os.path.join(here, "..", "..", "Fixtures", "midi"))
    args = parser.parse_args()
    rows = list(csv.DictReader(open(os.path.join(args.corpus, "truth.csv"), newline="")))
    by_id = {row["id"]: row for row in rows}
    chorales = sorted(row["id"] for row in rows if row["split"] == "tuning" and row["source"].startswith("bach/"))[:CHORALES]
    chosen = [by_id[name] for name in DANCE + chorales + DOMINANT_CHORALES]
    for row in chosen:
        assert row["split"] == "tuning", f"{row['id']} is not in the tuning set"
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "truth.csv"), "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "style", "bpm", "key", "kit", "source"], extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(chosen)
    for row in chosen:
        shutil.copy(os.path.join(args.corpus, "midi", row["id"] + ".mid"), os.path.join(args.out, row["id"] + ".mid"))
    print(f"{len(chosen)} fixtures in {os.path.normpath(args.out)}")


if __name__ == "__main__":
    sys.exit(main())
