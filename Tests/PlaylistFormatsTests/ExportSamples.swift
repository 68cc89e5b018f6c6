import DJModel
import Foundation

/// Sets with the paths and names that break exporters: spaces, `#`, `%`, `&`, quotes, emoji,
/// right-to-left text, decomposed Unicode, a 300-character path.
enum ExportSamples {
    static func entry(_ id: Int64, _ path: String, _ artist: String, _ title: String, bpm: Double, key: String, camelot: String,
                      start: Double) -> DJSet.Entry {
        precondition(MusicalKey(parsing: key)?.camelot == camelot, "sample key \(key) is not \(camelot)")
        // Cues a little apart per track, so a reader that mixes tracks up is caught.
        let offset = Double(id) * 0.25
        let cues = [TrackCue(name: "Load", kind: .load, time: 0.125), TrackCue(name: "Mix in", kind: .mixIn, time: 0.125 + offset),
                    TrackCue(name: "Drop & \"Go\"", kind: .drop, time: 31.125 + offset),
                    TrackCue(name: "Mix out (bass-swap)", kind: .mixOut, time: 240.5 + offset)]
        return DJSet.Entry(id: TrackID(id), path: path, artist: artist, title: title, duration: 300.5, bpm: bpm, key: MusicalKey(parsing: key),
                    energy: 6, start: start, album: "Album & <Co>", genre: "Techno", firstBeat: 0.125, cues: cues)
    }

    static let longPath = "/music/" + String(repeating: "a very long folder name/", count: 12) + "end.flac"

    /// Seven tracks, one per hard case.
    static let hard = DJSet(kind: .set, seed: "Nova - Hollow Atlas", duration: 2100, tracks: [
        entry(1, "/music/Nova - Hollow Atlas.flac", "Nova", "Hollow Atlas", bpm: 124, key: "A minor", camelot: "8A", start: 0),
        entry(7, "/music/Sigur, \"Quoted\" & Ünïcode – ☂.flac", "Sigur, Rós & Co", "Title - With Dash", bpm: 126.5, key: "E minor",
              camelot: "9A", start: 300),
        entry(3, "/music/100% #1 hits & 'quotes'/track (edit) ?.mp3", "DJ <Less> & \"More\"", "It's 100%", bpm: 125.25,
              key: "C major", camelot: "8B", start: 600),
        entry(4, "/music/🎧 emoji 🔥/sound 🎶.wav", "🔥 Fire", "Emoji 🎧", bpm: 174, key: "F# minor", camelot: "11A", start: 900),
        entry(5, "/music/عربي/שלום עולם.aiff", "فنان", "שיר", bpm: 87, key: "Bb minor", camelot: "3A", start: 1200),
        entry(6, "/music/Cafe\u{301}/de\u{301}compose\u{301}.ogg", "Beyonce\u{301}", "Cre\u{300}me", bpm: 128, key: "Db major",
              camelot: "3B", start: 1500),
        entry(8, longPath, "Long", "Path", bpm: 122, key: "G major", camelot: "9B", start: 1800),
    ], transitions: [])
}
