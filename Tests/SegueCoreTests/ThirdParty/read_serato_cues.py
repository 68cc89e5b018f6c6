"""Reads the Serato hot cues in audio files with serato-tools and prints them as JSON.

Usage: read_serato_cues.py FILE...
MP3 and AIFF: serato-tools reads the "Serato Markers2" GEOB frame itself (through mutagen).
FLAC: mutagen reads the SERATO_MARKERS_V2 Vorbis comment; its base64 holds the MIME type, the
description and the same object, which serato-tools then parses.
The beat grid likewise: the "Serato BeatGrid" GEOB frame, or FLAC's SERATO_BEATGRID comment.
Output: {"reader": "serato-tools", "files": [{"path", "entries": [entry names], "cues":
[{"name", "seconds", "hotCue", "color"}], "grid": {"positions": [seconds], "bpm"} or null}]}.
Written for Segue's tests.
"""
import base64
import json
import sys

from serato_tools.track_beatgrid import TrackBeatgrid
from serato_tools.track_cues_v2 import TrackCuesV2

FLAC_HEADER = b"application/octet-stream\x00\x00Serato Markers2\x00"
FLAC_GRID_HEADER = b"application/octet-stream\x00\x00Serato BeatGrid\x00"


def grid(path):
    if path.lower().endswith(".flac"):
        from mutagen.flac import FLAC
        values = FLAC(path).get("SERATO_BEATGRID") or []
        if not values:
            return None
        text = values[0].replace("\n", "").encode("ascii")
        envelope = base64.b64decode(text + b"=" * (-len(text) % 4))
        if not envelope.startswith(FLAC_GRID_HEADER):
            raise SystemExit(f"{path}: SERATO_BEATGRID does not hold a Serato BeatGrid")
        tag = TrackBeatgrid(envelope[len(FLAC_GRID_HEADER):])
    else:
        tag = TrackBeatgrid(path)
    if not tag.entries:
        return None
    markers = [entry for entry in tag.entries if not isinstance(entry, TrackBeatgrid.Footer)]
    return {"positions": [marker.position for marker in markers], "bpm": markers[-1].bpm}


def markers(path):
    if path.lower().endswith(".flac"):
        from mutagen.flac import FLAC
        values = FLAC(path).get("SERATO_MARKERS_V2") or []
        if not values:
            return TrackCuesV2(b"\x01\x01")
        text = values[0].replace("\n", "").encode("ascii")
        envelope = base64.b64decode(text + b"=" * (-len(text) % 4))
        if not envelope.startswith(FLAC_HEADER):
            raise SystemExit(f"{path}: SERATO_MARKERS_V2 does not hold Serato Markers2")
        return TrackCuesV2(envelope[len(FLAC_HEADER):])
    return TrackCuesV2(path)


def main():
    files = []
    for path in sys.argv[1:]:
        tag = markers(path)
        cues = [{"name": entry.name, "seconds": entry.position / 1000, "hotCue": entry.index, "color": entry.color.hex()}
                for entry in tag.entries if entry.NAME == "CUE"]
        files.append({"path": path, "entries": [entry.NAME or type(entry).__name__ for entry in tag.entries], "cues": cues,
                      "grid": grid(path)})
    json.dump({"reader": "serato-tools", "files": files}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
