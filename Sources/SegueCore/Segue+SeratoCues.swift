import AudioIO
import DJModel
import Foundation
import PlaylistFormats

/// What writing Serato cues did to one file of a set.
public struct SeratoCueOutcome: Hashable, Sendable {
    /// What happened.
    public enum Status: String, Hashable, Sendable {
        /// The file's `Serato Markers2` now holds the set's cues for it.
        case written
        /// The file was left as it was: it has no cues in the set, its container keeps no Serato
        /// cues (Ogg and others), or it cannot be found, read or written (the reason says).
        case skipped
    }

    /// The file.
    public var path: String
    /// What happened.
    public var status: Status
    /// The hot cues written, and (for a skip) why.
    public var detail: String
}

extension Segue {
    /// Writes each track's cues (`cues` in the set document: load, mix in, mix out, drop) into
    /// its audio file as Serato hot cues, and its beat grid (the set's tempo, one marker on its
    /// bar 1, so Serato's bar lines fall on Segue's bars) unless the DJ locked the grid in Serato,
    /// so that Serato DJ shows them on the deck: the
    /// `Serato Markers2` object of MP3, AIFF and WAV (an ID3v2 GEOB frame) and FLAC (the
    /// `SERATO_MARKERS_V2` Vorbis comment). This changes the DJ's files, so the command line does
    /// it only when asked (`--write-tags`).
    ///
    /// The DJ's own hot cues, loops, track colour and BPM lock are kept; cues Segue wrote before
    /// (named `Segue …`) are replaced; Segue's cues take the highest free slots and are left out
    /// when all eight are taken. Each file is rewritten through a copy renamed over it (see
    /// ``TagObjectStore``). Paths are the set's own (this machine's), never path-prefix-mapped.
    /// Files that cannot be written are skipped and named; one failure does not stop the rest.
    public static func writeSeratoCues(_ set: DJSet) -> [SeratoCueOutcome] {
        let store = TagObjectStore()
        var seen: Set<String> = []
        var outcomes: [SeratoCueOutcome] = []
        for track in set.tracks where !track.path.isEmpty && seen.insert(track.path).inserted {
            let grid = (track.bpm > 0 && track.bpm.isFinite) ? SeratoBeatGrid(downbeat: max(0, track.downbeat ?? track.firstBeat ?? 0), bpm: track.bpm) : nil
            outcomes.append(writeSeratoCues(track.cues ?? [], grid: grid, to: track.path, store: store))
        }
        return outcomes
    }

    static func writeSeratoCues(_ cues: [TrackCue], grid: SeratoBeatGrid?, to path: String, store: TagObjectStore) -> SeratoCueOutcome {
        func skipped(_ reason: String) -> SeratoCueOutcome { SeratoCueOutcome(path: path, status: .skipped, detail: reason) }
        guard !cues.isEmpty else { return skipped("the set has no cues for it") }
        guard case .regular = FileKind.of(path) else { return skipped("not found") }
        guard let container = store.container(of: path) else {
            return skipped("Serato keeps no cues in .\((path as NSString).pathExtension) files that Segue can write")
        }
        do {
            var markers: SeratoMarkers2
            switch container {
            case .id3:
                let object = try store.readObject(described: SeratoMarkers2.frameDescription, in: path)
                markers = try object.map { data throws(PlaylistFormatError) in try SeratoMarkers2(object: data, source: path) } ?? SeratoMarkers2()
            case .vorbisComment:
                let value = try store.readCommentField(SeratoMarkers2.vorbisCommentField, in: path)
                markers = try value.map { text throws(PlaylistFormatError) in try SeratoMarkers2(vorbisCommentValue: text, source: path) }
                    ?? SeratoMarkers2()
            }
            let leftOut = markers.replaceSegueCues(with: cues)
            switch container {
            case .id3: try store.writeObject(markers.object(), described: SeratoMarkers2.frameDescription, in: path)
            case .vorbisComment: try store.writeCommentField(SeratoMarkers2.vorbisCommentField, value: markers.vorbisCommentValue(), in: path)
            }
            // The beat grid, on Segue's bar 1, unless the DJ locked the grid in Serato.
            var gridNote = ""
            if let grid, !markers.isBeatGridLocked {
                switch container {
                case .id3: try store.writeObject(grid.object(), described: SeratoBeatGrid.frameDescription, in: path)
                case .vorbisComment: try store.writeCommentField(SeratoBeatGrid.vorbisCommentField, value: grid.vorbisCommentValue(), in: path)
                }
                gridNote = String(format: "; beat grid %.2f BPM, bar 1 at %.3f s", grid.bpm, grid.markers[0].position)
            } else if grid != nil {
                gridNote = "; beat grid left as it is (locked in Serato)"
            }
            let slots = "ABCDEFGH"
            let written = markers.hotCues.filter { $0.name.hasPrefix(SeratoMarkers2.segueNamePrefix) }.map { cue in
                "\(slots[slots.index(slots.startIndex, offsetBy: cue.slot)]) \(cue.name.dropFirst(SeratoMarkers2.segueNamePrefix.count))"
            }
            var detail = written.joined(separator: ", ")
            if !leftOut.isEmpty { detail += "; left out (all eight hot cues taken): " + leftOut.map(\.name).joined(separator: ", ") }
            detail += gridNote
            return SeratoCueOutcome(path: path, status: .written, detail: detail)
        } catch let error as AudioIOError {
            return skipped(error.description)
        } catch let error as PlaylistFormatError {
            return skipped("its Serato Markers2 tag cannot be read (\(error.description)); left untouched")
        } catch {
            return skipped(String(describing: error))
        }
    }
}
