import AudioIO
import DJModel
import Dispatch
import Foundation
import Mixing
import SegueCore
import PlaylistFormats
import Synchronization
import TrackSynth

/// What the demo produced.
public struct DemoReport: Sendable {
    /// The demo folder.
    public var directory: String
    /// The library file.
    public var libraryPath: String
    /// The one-hour set.
    public var set: DJSet
    /// The bridge between two tracks.
    public var bridge: DJSet
    /// Files written (exports and tracklists).
    public var files: [String]
    /// The scan's report.
    public var scan: ScanReport
    /// The import's report.
    public var imported: ImportReport
    /// The training report.
    public var trained: TrainReport
    /// Seconds per stage, in order.
    public var timings: [(stage: String, seconds: Double)]
}

extension Segue {
    /// Sizes of a demo run: the defaults are the full demo (64 tracks of 3–7 minutes at 44.1 kHz,
    /// a one-hour set and a 20-minute bridge); tests use small ones.
    public struct DemoOptions: Sendable {
        /// Number of tracks (≥ 8).
        public var trackCount = 64
        /// Track lengths in seconds.
        public var trackDurations = 180...420
        /// Sample rate of the synthesised files, Hz.
        public var sampleRate = 44100
        /// Length of the planned set, minutes.
        public var setMinutes = 60.0
        /// Length of the planned bridge, minutes.
        public var bridgeMinutes = 20.0
        /// Worker threads.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// Seconds rendered around each of the set's transitions into `demo-set-transitions.flac`
        /// (`nil`: no render).
        public var transitionPreviewSeconds: Double? = 30

        /// The full demo.
        public init() {}

        /// A quick demo for tests and trials: `tracks` short tracks of `seconds` at 22.05 kHz,
        /// a set of `setMinutes` and a bridge of `bridgeMinutes`.
        public static func quick(tracks: Int, seconds: ClosedRange<Int>, setMinutes: Double, bridgeMinutes: Double) -> DemoOptions {
            var options = DemoOptions()
            options.trackCount = tracks
            options.trackDurations = seconds
            options.sampleRate = 22050
            options.setMinutes = setMinutes
            options.bridgeMinutes = bridgeMinutes
            return options
        }
    }

    /// Runs the whole pipeline on a synthetic library in `directory`: synthesise the demo tracks
    /// (skipping files that already exist) and tracklists, scan, import, train, plan a set from a
    /// seed and a bridge between two tracks, export both in every available format, and render
    /// the set's transitions as a preview reel.
    public static func runDemo(directory: String, options: DemoOptions = DemoOptions(),
                               progress: ProgressHandler? = nil) throws(SegueError) -> DemoReport {
        let jobs = options.jobs
        var timings: [(String, Double)] = []
        func timed<T>(_ stage: String, _ body: () throws(SegueError) -> T) throws(SegueError) -> T {
            let start = Date()
            let result = try body()
            timings.append((stage, Date().timeIntervalSince(start)))
            return result
        }
        // The options are checked (by the catalogue) before anything is written.
        let catalogue = try DemoCatalogue(count: options.trackCount, durations: options.trackDurations, sampleRate: options.sampleRate)
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let music = root.appendingPathComponent("music"), exports = root.appendingPathComponent("exports")
        do {
            try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        } catch { throw SegueError(.ioFailure, "\(directory): cannot create the demo folder (\(error.localizedDescription))") }
        try timed("synthesise") { () throws(SegueError) in try synthesize(catalogue, into: music.path, jobs: jobs, progress: progress) }
        let tracklistPath = root.appendingPathComponent("tracklists.csv").path
        do { try catalogue.tracklistsCSV().write(toFile: tracklistPath, atomically: true, encoding: .utf8) } catch {
            throw SegueError(.ioFailure, "\(tracklistPath): cannot write (\(error.localizedDescription))")
        }
        let libraryPath = root.appendingPathComponent("library.sqlite").path
        let segue = try Segue(libraryPath: libraryPath)
        let scan = try timed("scan") { () throws(SegueError) in try segue.scan([music.path], jobs: jobs, progress: progress) }
        let imported = try timed("import") { () throws(SegueError) in try segue.importTracklists(files: [tracklistPath]) }
        let trained = try timed("train") { () throws(SegueError) in try segue.train(options: .standard(threads: jobs), progress: progress) }
        let seed = catalogue.items[0]
        let set = try timed("plan set") { () throws(SegueError) in
            try segue.planSet(SetRequest(seed: "\(seed.artist) - \(seed.title)", minutes: options.setMinutes, energy: .preset(.rise)))
        }
        // The bridge fills the gap between the set's opener and its closing track.
        guard let closing = set.tracks.last, set.tracks.count > 1 else {
            throw SegueError(.unsatisfiable, "the demo set has a single track; cannot plan a bridge")
        }
        let bridge = try timed("plan bridge") { () throws(SegueError) in
            try segue.planBridge(BridgeRequest(from: "\(set.tracks[0].id)", to: "\(closing.id)", minutes: options.bridgeMinutes))
        }
        var files = [tracklistPath]
        for format in SetFormat.allCases {
            let setPath = exports.appendingPathComponent("demo-set.\(format.codec.fileExtension)").path
            let bridgePath = exports.appendingPathComponent("demo-bridge.\(format.codec.fileExtension)").path
            try export(set, format: format, to: setPath)
            try export(bridge, format: format, to: bridgePath)
            files += [setPath, bridgePath]
        }
        if let seconds = options.transitionPreviewSeconds, set.tracks.count > 1 {
            let reel = exports.appendingPathComponent("demo-set-transitions.flac").path
            try timed("render transitions") { () throws(SegueError) in
                _ = try Segue.render(try Segue.renderLayout(for: set), to: reel, options: RenderOptions(previewSeconds: seconds), progress: progress)
            }
            files.append(reel)
        }
        return DemoReport(directory: root.path, libraryPath: libraryPath, set: set, bridge: bridge, files: files, scan: scan,
                          imported: imported, trained: trained, timings: timings)
    }

    /// Renders the catalogue's tracks as tagged mono 16-bit FLAC files, in parallel; existing files are kept.
    static func synthesize(_ catalogue: DemoCatalogue, into folder: String, jobs: Int, progress: ProgressHandler?) throws(SegueError) {
        let missing = catalogue.items.filter { !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0.fileName)) }
        progress?(.stage(name: "synthesise", total: missing.count))
        let next = Atomic<Int>(0), done = Atomic<Int>(0)
        let failure = Mutex<String?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, missing.count))) { _ in
            let synthesizer = TrackSynthesizer()
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < missing.count else { return }
                let item = missing[index]
                let samples = synthesizer.render(item.spec)
                let path = (folder as NSString).appendingPathComponent(item.fileName)
                let partial = (folder as NSString).appendingPathComponent(".partial-" + item.fileName)
                do {
                    let metadata = TrackMetadata(artist: item.artist, title: item.title, album: "Segue Demo",
                                                 genre: item.spec.style.displayName, comment: "TrackSynth \(item.spec.style.rawValue) \(item.spec.bpm) BPM \(item.spec.key.name) seed \(item.spec.seed)")
                    try AudioEncoder().write(channels: [samples], sampleRate: item.spec.sampleRate, to: partial, metadata: metadata)
                    try FileManager.default.moveItem(atPath: partial, toPath: path)
                } catch {
                    failure.withLock { $0 = "\(path): \(error)" }
                }
                let count = done.wrappingAdd(1, ordering: .relaxed).newValue
                progress?(.step(name: "synthesise", done: count, total: missing.count, item: item.fileName))
            }
        }
        if let message = failure.withLock({ $0 }) { throw SegueError(.ioFailure, "cannot write demo audio: \(message)") }
        progress?(.stageFinished(name: "synthesise", summary: "\(missing.count) tracks rendered, \(catalogue.items.count - missing.count) kept"))
    }
}
