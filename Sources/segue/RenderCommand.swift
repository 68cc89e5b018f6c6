import ArgumentParser
import Dispatch
import Foundation
import DJModel
import Mixing
import PlaylistFormats
import SegueCore
import Synchronization

/// `segue render`: a set document as one continuous, beat-matched mix.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render a set document as one continuous, beat-matched mix.",
        discussion: """
        Each transition is mixed as the set document plans it (cues, overlap, technique, tempo ramp): the decks are \
        time-stretched with Rubber Band onto the ramp so their beats coincide, crossfaded with the planned technique, \
        each track matched to the target loudness (EBU R128) and the mix kept under -1 dBTP. The file is written \
        beside the output under a hidden name and renamed when done: Ctrl-C leaves nothing under the output name.
        """)

    @Argument(help: "A set document written by `segue set --format json`.") var setDocument: String
    @Option(help: "Output file; its extension picks the format unless --format is given.") var out: String
    @Option(help: "Output format: flac, wav, ogg or mp3.") var format: String?
    @Option(help: "Loudness every track is matched to, LUFS.") var loudness: Double = -14
    @Option(help: "Write each transition's two decks as they sound in the mix into this folder (NN-out.wav, NN-in.wav, NN.json).")
    var stems: String?
    @Option(help: "Render only this many seconds around each transition (a preview reel).") var transitions: Double?
    @Flag(help: "Let a stretched deck's pitch follow its speed, as on a turntable.") var noKeyLock = false
    @Option(help: "Rewrite path prefixes of a set planned on another machine, FROM=TO (repeatable).") var pathPrefix: [String] = []
    @OptionGroup var library: LibraryOption

    func run() throws {
        var path = out
        if let format {
            guard ["flac", "wav", "ogg", "mp3"].contains(format.lowercased()) else {
                throw ValidationError("--format must be flac, wav, ogg or mp3, got \(format)")
            }
            if (path as NSString).pathExtension.lowercased() != format.lowercased() { path += "." + format.lowercased() }
        } else if !["flac", "wav", "ogg", "mp3"].contains((path as NSString).pathExtension.lowercased()) {
            throw ValidationError("--out must end in .flac, .wav, .ogg or .mp3 (or give --format)")
        }
        let set = ExportOptions(pathMapping: try PathMapping(parsing: pathPrefix)).mapped(try Segue.readSetDocument(at: setDocument))
        let layout = try Segue.renderLayout(for: set)
        // Never write the mix over music: the set's sources are checked by the render itself, the
        // library's files here (when there is a library; none is created for this).
        let libraryPath = library.library ?? Segue.defaultLibraryPath
        if FileManager.default.fileExists(atPath: libraryPath) {
            let segue = try Segue(libraryPath: libraryPath)
            for output in [path] + (stems.map { layout.plan.stemPaths(in: $0) } ?? []) { try segue.refuseOverwritingLibrary(output: output) }
        }
        for name in layout.missing {
            Console.warn("warning: cannot find \(name); skipped with a \(Int(2))-second gap\n")
        }
        let options = RenderOptions(loudness: loudness, keyLock: !noKeyLock, stemsFolder: stems, previewSeconds: transitions)
        let cancelled = Atomic<Bool>(false)
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { cancelled.store(true, ordering: .relaxed) }
        interrupt.resume()
        defer { interrupt.cancel() }
        let report = try Segue.render(layout, to: path, options: options, progress: ProgressPrinter().handler,
                                      isCancelled: { cancelled.load(ordering: .relaxed) })
        let minutes = Int(saturating: report.duration) / 60, seconds = Int(saturating: report.duration) % 60
        Console.say("Wrote \(report.path): \(minutes):\(String(format: "%02d", seconds)), \(report.tracks.count) tracks, "
              + "\(report.transitions.count) transitions, rendered \(String(format: "%.0f", report.duration / max(0.001, report.elapsed)))× realtime")
        if let peak = report.truePeak { Console.say(String(format: "true peak %.1f dBTP", peak)) }
        for track in report.tracks {
            let source = track.sourceLoudness.map { String(format: "%.1f", $0) } ?? "silent"
            let mixed = track.mixLoudness.map { String(format: "%.1f LUFS in the mix", $0) } ?? "too short to measure in the mix"
            Console.say("  \(track.name): \(source) LUFS, \(String(format: "%+.1f", track.gainDB)) dB, \(mixed)")
        }
        for transition in report.transitions {
            Console.say(String(format: "  transition %d at %d:%02d: %@", transition.number, Int(saturating: transition.overlapStart) / 60,
                               Int(saturating: transition.overlapStart) % 60, transition.technique) + " — " + Self.describe(transition.alignment))
        }
        if let stems { Console.say("Stems in \(stems)") }
    }

    /// What the self-check measured before a transition and what was done, in a few words.
    static func describe(_ alignment: BeatAlignment?) -> String {
        guard let alignment else { return "beats not checked (no beat-matched overlap)" }
        let measured = String(format: "beats %+.0f ms apart (correlation %.2f)", alignment.lagMilliseconds, alignment.strength)
        switch alignment.action {
        case .aligned: return measured + ": aligned"
        case .unverified: return measured + ": could not be verified, played as \(alignment.fallback?.rawValue ?? "echo-out") instead"
        }
    }
}
