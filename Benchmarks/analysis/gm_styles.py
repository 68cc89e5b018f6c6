"""Dance arrangements written as General MIDI: drum patterns per style on GM drum kits, bass
lines and chord progressions in any of the 24 keys. Pure data and note lists; gm_corpus.py turns
them into MIDI files and renders them with FluidSynth.

A pattern is a dict of GM drum notes to 16-step strings per bar (several bars allowed, separated
by '|'): 'X' accent, 'x' normal hit, 'g' ghost note, '.' rest. Note numbers follow the GM
percussion map: 36 kick, 38 snare, 37 side stick, 39 clap, 42 closed hat, 44 pedal hat,
46 open hat, 49 crash, 51 ride, 70 maracas.
"""

KICK, SNARE, RIM, CLAP, HAT, PEDAL, OPEN, CRASH, RIDE, SHAKER = 36, 38, 37, 39, 42, 44, 46, 49, 51, 70

# name: (tempo range as a DJ counts it, list of patterns)
STYLES = {
    "house": ((118, 128), [
        {KICK: "x...x...x...x...", CLAP: "....x.......x...", OPEN: "..x...x...x...x.", HAT: "x.x.x.x.x.x.x.x."},
        {KICK: "x...x...x...x...", SNARE: "....x.......x...", OPEN: "..x...x...x...x.", SHAKER: "xxxxxxxxxxxxxxxx"},
        {KICK: "x...x...x...x...", CLAP: "....x.......x..g", HAT: "..x...x...x...x."},
    ]),
    "techno": ((125, 140), [
        {KICK: "x...x...x...x...", HAT: "xxxxxxxxxxxxxxxx", RIM: "....x.......x...", OPEN: "..x...x...x...x."},
        {KICK: "x...x...x...x...", RIDE: "..x...x...x...x.", CLAP: "....x.......x..."},
        {KICK: "x...x...x...x..g", HAT: "x.xxx.xxx.xxx.xx", OPEN: "..x...x...x...x."},
    ]),
    "trance": ((132, 142), [
        {KICK: "x...x...x...x...", OPEN: "..x...x...x...x.", CLAP: "....x.......x..."},
        {KICK: "x...x...x...x...", OPEN: "..x...x...x...x.", HAT: "xxxxxxxxxxxxxxxx", SNARE: "....x.......x..."},
    ]),
    # Drum & bass: the two-step (kick on 1 and the 'and' of 3, snare on 2 and 4) and
    # amen-style breaks with ghost snares, over eighth or sixteenth hats or a ride.
    "drum-and-bass": ((160, 180), [
        {KICK: "x.........x.....", SNARE: "....X.......X...", HAT: "x.x.x.x.x.x.x.x."},
        {KICK: "x.........x.....", SNARE: "....X.......X...", RIDE: "x.x.x.x.x.x.x.x.", HAT: "..x...x...x...x."},
        {KICK: "x.x.......xx....|..x.......x.....", SNARE: "....X..g.g..X..g|.g..X..g.g..X...", RIDE: "x.x.x.x.x.x.x.x.|x.x.x.x.x.x.x.x."},
        {KICK: "x.........x..x..", SNARE: "....X.......X...", HAT: "xxxxxxxxxxxxxxxx", SHAKER: "x.x.x.x.x.x.x.x."},
        {KICK: "x.........x.....", SNARE: "....X.......X...", HAT: "x...x...x...x..."},
        {KICK: "x.........x.....", SNARE: "....X.......X...", RIDE: "x...x...x...x..."},
        {KICK: "x.x.......xx....|..x.......x.....", SNARE: "....X..g.g..X..g|.g..X..g.g..X..."},
    ]),
    # Half-time dubstep: snare on 3 only.
    "dubstep": ((138, 142), [
        {KICK: "x.........x.....", SNARE: "........X.......", HAT: "x.x.x.x.x.x.x.x."},
        {KICK: "x...............|x.....x.........", SNARE: "........X.......|........X.......", HAT: "x.xxx.x.x.xxx.x.|x.x.x.xxx.x.x.xx"},
    ]),
    # Hip-hop: boom-bap backbeat (snare on 2 and 4), and trap hats (sixteenths with rolls) at the same tempo.
    "hip-hop": ((85, 100), [
        {KICK: "x......x..x.....", SNARE: "....X.......X...", HAT: "x.x.x.x.x.x.x.x."},
        {KICK: "x.........x..x..", CLAP: "....X.......X...", HAT: "xxxxxxxxxxxxxxxx"},
        {KICK: "x..x......x.....", SNARE: "....X.......X..g", HAT: "x.x.x.x.x.x.x.x.", OPEN: "..............x."},
    ]),
    "breakbeat": ((125, 138), [
        {KICK: "x.....x...x.....", SNARE: "....X.......X...", HAT: "x.x.x.x.x.x.x.x."},
        {KICK: "x..x..x...x.....", SNARE: "....X..g....X...", HAT: "xxxxxxxxxxxxxxxx"},
        {KICK: "x.x.......x..x..", SNARE: "....X.......X...", OPEN: "..x...x...x...x."},
    ]),
    "downtempo": ((80, 110), [
        {KICK: "x.......x.x.....", SNARE: "....X.......X...", HAT: "x.x.x.x.x.x.x.x."},
        {KICK: "x......x........", RIM: "....x.......x...", SHAKER: "x.x.x.x.x.x.x.x."},
    ]),
}

# Trap hats: rolls of 32nd notes on some beats (hip-hop variant 2 plays them).
TRAP_ROLL_STEPS = (6, 14)

# GM drum kits (bank 128 program) and melodic programs the renderer draws from.
DRUM_KITS = {"standard": 0, "room": 8, "power": 16, "electronic": 24, "tr-808": 25}
BASS_PROGRAMS = [33, 34, 38, 39, 87]          # finger, pick, synth bass 1 and 2, bass + lead
CHORD_PROGRAMS = [4, 16, 48, 50, 61, 88, 89, 90, 91, 94]  # e-piano, organ, strings, brass, pads
LEAD_PROGRAMS = [0, 11, 80, 81, 73]           # piano, vibraphone, square, saw, flute

# Chord progressions as (root degree in semitones above the tonic, chord quality).
MAJOR_PROGRESSIONS = [
    [(0, "maj"), (7, "maj"), (9, "min"), (5, "maj")],
    [(0, "maj"), (9, "min"), (5, "maj"), (7, "maj")],
    [(0, "maj"), (5, "maj"), (0, "maj"), (7, "maj")],
    [(0, "maj"), (2, "min"), (5, "maj"), (7, "maj")],
]
MINOR_PROGRESSIONS = [
    [(0, "min"), (8, "maj"), (10, "maj"), (0, "min")],
    [(0, "min"), (5, "min"), (7, "min"), (0, "min")],
    [(0, "min"), (10, "maj"), (8, "maj"), (10, "maj")],
    [(0, "min"), (5, "min"), (8, "maj"), (7, "maj")],
]
CHORD_INTERVALS = {"maj": (0, 4, 7), "min": (0, 3, 7)}
MAJOR_SCALE = (0, 2, 4, 5, 7, 9, 11)
MINOR_SCALE = (0, 2, 3, 5, 7, 8, 10)

# Bass rhythms per style: 16-step strings, 'x' starts a note held until the next 'x' or the bar's end,
# 'o' plays the octave above.
BASS_RHYTHMS = {
    "house": ["..x...x...x...x.", "x..x..x...x..x.."],
    "techno": ["xxxxxxxxxxxxxxxx", "..x...x...x...x."],
    "trance": ["..x.x.x.x.x.x.x.", "xxxxxxxxxxxxxxxx"],
    "drum-and-bass": ["x...............", "x.........x.....", "x.....x...o....."],
    "dubstep": ["x.......x.......", "x...........x..."],
    "hip-hop": ["x......x..x.....", "x.........x....."],
    "breakbeat": ["x.....x...x.....", "x..x..x...o....."],
    "downtempo": ["x.......x.x.....", "x..............."],
}


def progression(mode, index):
    """The index-th progression of the mode (major or minor)."""
    table = MAJOR_PROGRESSIONS if mode == "major" else MINOR_PROGRESSIONS
    return table[index % len(table)]
