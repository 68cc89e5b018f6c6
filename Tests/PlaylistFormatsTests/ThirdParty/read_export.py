"""Reads a Segue export with a third-party reader and prints its playlist as JSON.

Usage: read_export.py FORMAT FILE
FORMAT: rekordbox (pyrekordbox), traktor (traktor-nml-utils), serato (serato-tools).
Output: {"reader": "...", "tracks": [{"path", "title", "artist", "bpm", "key", "cues"}...]} in
playlist order, cues as {"name", "type" (the reader's name or number), "seconds", "hotCue"}, the
Traktor grid marker left out; fields a format does not hold are null. Written for Segue's tests.
"""
import json
import sys
from pathlib import Path


def read_rekordbox(path):
    from pyrekordbox.rbxml import RekordboxXml
    xml = RekordboxXml(path)
    playlists = xml.root_playlist_folder.get_playlists()
    if not playlists:
        raise SystemExit("no playlist")
    tracks = []
    for key in playlists[0].get_tracks():
        track = xml.get_track(TrackID=key)
        path = track["Location"]
        # pyrekordbox strips "file://localhost/", so POSIX paths lose their leading slash.
        if not path.startswith("/") and not (len(path) > 1 and path[1] == ":"):
            path = "/" + path
        tracks.append({
            "path": path, "title": track["Name"], "artist": track["Artist"],
            "bpm": float(track["AverageBpm"]), "key": track["Tonality"],
            "gridBpm": [float(tempo["Bpm"]) for tempo in track.tempos],
            "grid": [{"seconds": float(tempo["Inizio"]), "beat": int(tempo["Battito"])} for tempo in track.tempos],
            "cues": [{"name": mark["Name"], "type": mark["Type"], "seconds": float(mark["Start"]), "hotCue": int(mark["Num"])}
                     for mark in track.marks],
        })
    return "pyrekordbox", tracks


def read_traktor(path):
    from traktor_nml_utils import TraktorCollection
    nml = TraktorCollection(Path(path)).nml
    by_key = {}
    for entry in nml.collection.entry:
        location = entry.location
        by_key[location.volume + location.dir + location.file] = entry
    playlist = nml.playlists.node.subnodes.node[0].playlist
    tracks = []
    for item in playlist.entry:
        entry = by_key[item.primarykey.key]
        location = entry.location
        tracks.append({
            "path": {"volume": location.volume, "dir": location.dir, "file": location.file},
            "title": entry.title, "artist": entry.artist,
            "bpm": float(entry.tempo.bpm) if entry.tempo else None,
            "key": entry.musical_key.value_attribute if entry.musical_key else None,
            "keyText": entry.info.key if entry.info else None,
            "cues": [{"name": cue.name, "type": str(cue.type), "seconds": float(cue.start) / 1000, "hotCue": int(cue.hotcue)}
                     for cue in entry.cue_v2 if cue.type != 4],
            "grid": [{"seconds": float(cue.start) / 1000, "beat": 1} for cue in entry.cue_v2 if cue.type == 4],
        })
    return "traktor-nml-utils", tracks


def read_serato(path):
    from serato_tools.crate import Crate
    crate = Crate(str(path))
    return "serato-tools", [{"path": track, "title": None, "artist": None, "bpm": None, "key": None} for track in crate.tracks()]


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    reader, tracks = {"rekordbox": read_rekordbox, "traktor": read_traktor, "serato": read_serato}[fmt](path)
    json.dump({"reader": reader, "tracks": tracks}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
