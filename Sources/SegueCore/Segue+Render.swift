import AudioIO
import DJModel
import Foundation
import Mixing

/// A set laid out for rendering, and the tracks that cannot be played.
public struct RenderLayout: Sendable {
    /// The timeline of the tracks that can be played.
    public var plan: MixPlan
    /// The tracks whose files are missing ("Artist – Title (path)"), skipped with a short gap.
    public var missing: [String]
}

extension Segue {
    /// Seconds of silence where a track whose file is missing would have played.
    static let missingTrackGap = 2.0

    /// Lays out a set document for rendering: each transition mixed as its `mix` says, after the
    /// self-check of its beats from the audio (``BeatAlignmentCheck``) (a set
    /// document written before mixes existed gets a 16-beat blend on the beat grid 32 beats
    /// before each track's end), each track from its mix-in cue. A track whose file is missing
    /// is skipped: the track before it is cut at its out cue into the one after it, after two
    /// seconds of silence.
    /// - Throws: ``SegueError`` `.notFound` when no file of the set can be found (naming them),
    ///   `.invalidInput` for a set that cannot be mixed (a track without tempo).
    /// - Parameter scanned: for a set of library tracks (the server's), what the library recorded
    ///   about each file, by position (``scannedFiles(of:)``): a track without a record is missing,
    ///   and each file is read only if it is still the scanned file. Nil for a set document a DJ
    ///   names on the command line.
    public static func renderLayout(for set: DJSet, scanned: [ScannedFile?]? = nil) throws(SegueError) -> RenderLayout {
        var playable: [Int] = [], missing: [String] = []
        for (index, entry) in set.tracks.enumerated() {
            var isFolder: ObjCBool = false
            let known = scanned.map { $0.indices.contains(index) && $0[index] != nil } ?? true
            if known, !entry.path.isEmpty, FileManager.default.fileExists(atPath: entry.path, isDirectory: &isFolder), !isFolder.boolValue {
                playable.append(index)
            } else {
                missing.append("\(entry.artist) – \(entry.title) (\(entry.path.isEmpty ? "no file" : entry.path))")
            }
        }
        guard !playable.isEmpty else {
            throw SegueError(.notFound, "none of the set's files can be found: \(missing.prefix(5).joined(separator: "; "))"
                + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
                + "; a set planned on another machine needs --path-prefix FROM=TO")
        }
        let tracks = playable.map { index in
            let entry = set.tracks[index]
            return MixTrack(path: entry.path, name: "\(entry.artist) – \(entry.title)", bpm: entry.bpm, firstBeat: max(0, entry.firstBeat ?? 0),
                            duration: entry.duration, scanned: scanned?[index])
        }
        var mixes: [TransitionMix] = [], gaps: [Double] = []
        for (from, to) in zip(playable, playable.dropFirst()) {
            if to == from + 1 {
                mixes.append(mix(from: set.tracks[from], to: set.tracks[to], planned: from < set.transitions.count ? set.transitions[from].mix : nil))
                gaps.append(0)
            } else {
                // Tracks between them are missing: cut from A's out cue into C's in cue.
                let outCue = set.transitions.indices.contains(from) ? set.transitions[from].mix?.outCue : nil
                let inCue = set.transitions.indices.contains(to - 1) ? set.transitions[to - 1].mix?.inCue : nil
                let fallback = mix(from: set.tracks[from], to: set.tracks[to], planned: nil)
                mixes.append(TransitionMix(outCue: outCue ?? fallback.outCue, inCue: inCue ?? fallback.inCue, beats: 0, technique: .cut,
                                           tempoFrom: set.tracks[from].bpm, tempoTo: set.tracks[to].bpm, confident: false))
                gaps.append(missingTrackGap)
            }
        }
        // The self-check before every beat-matched overlap.
        mixes = BeatAlignmentCheck.checked(mixes, tracks: tracks)
        let first = set.tracks[playable[0]]
        let firstIn = first.cues?.first { $0.kind == .mixIn }?.time ?? max(0, first.firstBeat ?? 0)
        do {
            return RenderLayout(plan: try MixPlan(tracks: tracks, mixes: mixes, firstInCue: firstIn, gaps: gaps), missing: missing)
        } catch {
            throw SegueError(.invalidInput, error.description)
        }
    }

    /// The mix of a transition: the planned one, or a 16-beat blend on the grid 32 beats before
    /// A's end into B's first beat.
    static func mix(from: DJSet.Entry, to: DJSet.Entry, planned: TransitionMix?) -> TransitionMix {
        if let planned { return planned }
        let period = from.bpm > 0 ? 60 / from.bpm : 0.5, firstBeat = max(0, from.firstBeat ?? 0)
        let beatsBeforeEnd = max(0, ((from.duration - firstBeat) / period).rounded(.down) - 32)
        return TransitionMix(outCue: firstBeat + beatsBeforeEnd * period, inCue: max(0, to.firstBeat ?? 0), beats: 16, technique: .blend,
                             tempoFrom: from.bpm, tempoTo: to.bpm, confident: false)
    }

    /// Renders a set document as one continuous mix to `path` (see ``MixRenderer``).
    /// - Parameters:
    ///   - isCancelled: polled as the render goes; true stops it, leaving nothing under `path`.
    /// - Throws: ``SegueError``: `.notFound` when no file can be found, `.invalidInput` for bad
    ///   options, `.ioFailure` when a file cannot be read or written, `.unsatisfiable` when cancelled.
    public static func render(_ layout: RenderLayout, to path: String, options: RenderOptions, progress: ProgressHandler? = nil,
                              isCancelled: () -> Bool = { false }) throws(SegueError) -> RenderReport {
        try refuseOverwritingSources(outputs: [path] + (options.stemsFolder.map { layout.plan.stemPaths(in: $0) } ?? []),
                                     sources: layout.plan.decks.map(\.track.path))
        do {
            let renderer = try MixRenderer(plan: layout.plan, options: options)
            var stage = ""
            return try renderer.render(to: path, progress: { step in
                if step.stage != stage {
                    stage = step.stage
                    progress?(.stage(name: step.stage, total: step.total))
                }
                progress?(.step(name: step.stage, done: step.done, total: step.total,
                                item: step.stage == "measuring" ? "tracks" : String(format: "%d:%02d of the mix", step.done / 60, step.done % 60)))
            }, isCancelled: isCancelled)
        } catch {
            switch error {
            case .invalidParameter(let problem): throw SegueError(problem)
            case .invalidSet(let reason): throw SegueError(.invalidInput, "cannot mix this set: \(reason)")
            case .cancelled: throw SegueError(.unsatisfiable, error.description)
            case .audio, .stretchFailed: throw SegueError(.ioFailure, error.description)
            }
        }
    }
}

extension Segue {
    /// Seconds of a transition preview.
    public static let transitionPreviewSeconds = 40.0

    /// Renders about 40 seconds around transition `number` (1 = from the first track into the
    /// second) of `set` to `path`: the two tracks as the set mixes them.
    /// - Throws: ``SegueError`` `.invalidInput` for a number outside the set's transitions, else
    ///   as ``render(_:to:options:progress:isCancelled:)``.
    /// - Parameter scanned: as in ``renderLayout(for:scanned:)``, for the whole set.
    public static func renderTransitionPreview(of set: DJSet, number: Int, to path: String, scanned: [ScannedFile?]? = nil) throws(SegueError) -> RenderReport {
        guard set.transitions.indices.contains(number - 1), set.tracks.indices.contains(number) else {
            throw SegueError(.invalidInput, "transition must be 1…\(set.transitions.count), got \(number)", field: "transition")
        }
        var pair = set
        pair.tracks = [set.tracks[number - 1], set.tracks[number]]
        pair.transitions = [set.transitions[number - 1]]
        pair.alternatives = nil
        let pairScanned = scanned.map { files in [number - 1, number].map { files.indices.contains($0) ? files[$0] : nil } }
        return try render(try renderLayout(for: pair, scanned: pairScanned), to: path, options: RenderOptions(previewSeconds: transitionPreviewSeconds))
    }
}

extension Segue {
    /// Refuses a render any of whose `outputs` (the mix and the stems it would write, as
    /// ``MixPlan/stemPaths(in:)`` lists them) is one of the set's own source files, however
    /// spelled (links resolved, and the same device and inode).
    /// - Throws: ``SegueError`` `.invalidInput` naming the file.
    public static func refuseOverwritingSources(outputs: [String], sources: [String]) throws(SegueError) {
        let known = sources.filter { !$0.isEmpty }.map { (path: $0, canonical: CanonicalPath.of($0), identity: FileIdentity.of($0)) }
        for target in outputs {
            let canonical = CanonicalPath.of(target), identity = FileIdentity.of(canonical)
            if let source = known.first(where: { $0.canonical == canonical || (identity != nil && $0.identity == identity) }) {
                throw SegueError(.invalidInput, "\(target) is one of the set's own tracks (\(source.path)); render to a new file", field: "out")
            }
        }
    }

    /// Refuses an output that is this library's database or the file of any of its tracks.
    /// - Throws: ``SegueError`` `.invalidInput` naming the track.
    public func refuseOverwritingLibrary(output: String) throws(SegueError) {
        let canonical = CanonicalPath.of(output)
        if canonical == CanonicalPath.of(library.path) {
            throw SegueError(.invalidInput, "\(output) is the library's database; render to a new file", field: "out")
        }
        if let track = try libraryCall({ try library.track(path: canonical) }) {
            throw SegueError(.invalidInput, "\(output) is the file of library track \(track.id) (\(track.metadata.artist) – \(track.metadata.title)); "
                + "render to a new file", field: "out")
        }
    }
}

/// The device and inode of an existing file (links followed), to tell two spellings of one file apart from two files.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    /// The identity of the file at `path`, or nil when there is none.
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
