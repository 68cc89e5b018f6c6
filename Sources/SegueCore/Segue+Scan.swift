import AudioIO
import DJModel
import Dispatch
import Analysis
import Foundation
import Library
import Synchronization

/// What a scan did.
public struct ScanReport: Sendable, Hashable {
    /// Audio files found.
    public var found: Int
    /// Files analysed and stored in this run.
    public var analysed: Int
    /// Files skipped because they were unchanged since the last scan.
    public var unchanged: Int
    /// Files that could not be read, with the reason.
    public var failures: [String]
    /// Seconds of audio analysed.
    public var audioSeconds: Double
    /// Wall-clock seconds of the scan.
    public var wallSeconds: Double
    /// Files recognised by their content as a track the library knew under another path (moved
    /// or renamed): they keep their id, analysis, tracklist entries and saved sets.
    public var moved: Int = 0
    /// Audio-named entries that are not regular files (named pipes, sockets, devices, dangling
    /// links), each `"PATH: reason; skipped"`.
    public var skipped: [String] = []
    /// Whether the scan was cancelled before every file was done (finished files are kept).
    public var cancelled: Bool = false

    /// One line for people: "N analysed, N unchanged, …".
    public var summary: String {
        var parts = ["\(analysed) analysed", "\(unchanged) unchanged"]
        if moved > 0 { parts.append("\(moved) moved") }
        parts.append("\(failures.count) unreadable")
        if !skipped.isEmpty { parts.append("\(skipped.count) skipped") }
        if cancelled { parts.append("cancelled") }
        return parts.joined(separator: ", ")
    }
}

extension Segue {
    /// Analyses every audio file under `paths` into the library, on `jobs` threads.
    ///
    /// Only regular files are read (named pipes and devices are named and skipped, never opened),
    /// and paths are canonical (``CanonicalPath``), so one file is one track however its folder is
    /// spelled. Unchanged files (same size and modification time, analysed by the current
    /// analysis version) are skipped; a file at a new path whose content fingerprint matches a
    /// track whose file is gone is that track moved, and keeps its id. Each analysed file is
    /// committed in its own transaction, so an interrupted scan keeps all finished work and the
    /// next scan resumes where it stopped. Unreadable files are reported through `progress` as
    /// warnings and the scan goes on.
    /// - Parameters:
    ///   - bpmRange: the DJ software fallback for a crate whose tempo octave the analysis gets
    ///     wrong: tempi are reported only within this range (it must hold an octave, e.g.
    ///     88…175), and every file found is analysed again with it, changed or not. `nil` (the
    ///     default): the full range, and unchanged files are skipped.
    ///   - isCancelled: polled before each file; once it answers true the workers stop after the
    ///     file they are on.
    public func scan(_ paths: [String], jobs: Int = ProcessInfo.processInfo.activeProcessorCount, bpmRange: ClosedRange<Double>? = nil,
                     progress: ProgressHandler? = nil, isCancelled: @Sendable () -> Bool = { false }) throws(SegueError) -> ScanReport {
        guard (1...256).contains(jobs) else { throw SegueError(.invalidInput, "jobs must be 1…256, got \(jobs)") }
        let trackAnalyzer = try Self.trackAnalyzer(bpmRange: bpmRange)
        let start = Date()
        let search = try AudioFileFinder.find(paths)
        for message in search.skipped { progress?(.warning(message)) }
        let plan = try planScan(search.files, reanalysing: bpmRange != nil, progress: progress)
        let work = plan.pending
        progress?(.stage(name: "scan", total: work.count))
        let tally = Mutex((done: 0, analysed: 0, seconds: 0.0, failures: [String]()))
        let next = Atomic<Int>(0)
        let library = self.library
        let workers = min(jobs, max(1, work.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let analyzer = AudioFileAnalyzer(analyzer: trackAnalyzer)
            while !isCancelled() {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < work.count else { return }
                let file = work[index]
                var failure: String?
                var seconds = 0.0
                do {
                    let result = try analyzer.analyze(path: file.path)
                    try library.storeScannedFile(path: file.path, size: file.size, modifiedAt: file.modified,
                                                 contentHash: file.contentHash ?? ContentHash.of(path: file.path, size: file.size),
                                                 metadata: result.metadata, analysis: result.analysis)
                    seconds = result.analysis.duration
                } catch {
                    failure = "\(error)"
                }
                let done = tally.withLock { state -> Int in
                    state.done += 1
                    if let failure { state.failures.append(failure) } else { state.analysed += 1; state.seconds += seconds }
                    return state.done
                }
                if let failure { progress?(.warning(failure)) }
                progress?(.step(name: "scan", done: done, total: work.count, item: (file.path as NSString).lastPathComponent))
            }
        }
        let final = tally.withLock { $0 }
        let report = ScanReport(found: search.files.count, analysed: final.analysed, unchanged: plan.unchanged, failures: final.failures,
                                audioSeconds: final.seconds, wallSeconds: Date().timeIntervalSince(start), moved: plan.moved,
                                skipped: search.skipped, cancelled: final.done < work.count)
        progress?(.stageFinished(name: "scan", summary: report.summary))
        return report
    }

    /// A file the scan will analyse.
    private struct PendingFile: Sendable {
        var path: String
        var size: Int64
        var modified: Double
        /// The fingerprint when it was already computed (new paths), else computed after analysis.
        var contentHash: String?
    }

    /// The analyser for a scan: the defaults, or tempi within `bpmRange`.
    /// - Throws: ``SegueError`` (invalid input) when the range does not hold an octave within 30…300 BPM.
    public static func trackAnalyzer(bpmRange: ClosedRange<Double>?) throws(SegueError) -> TrackAnalyzer {
        guard let bpmRange else { return TrackAnalyzer() }
        do {
            _ = try CheckedNumber.finite(bpmRange.lowerBound, "bpmRange", in: 30...300, unit: "BPM")
            _ = try CheckedNumber.finite(bpmRange.upperBound, "bpmRange", in: 30...300, unit: "BPM")
        } catch {
            throw SegueError(error)
        }
        do {
            return TrackAnalyzer(tempo: try TempoConfiguration.within(bpmRange))
        } catch {
            throw SegueError(.invalidInput, "BPM range \(Int(saturating: bpmRange.lowerBound))-\(Int(saturating: bpmRange.upperBound)): \(error)", field: "bpmRange")
        }
    }

    /// Sorts the found files into unchanged, moved (their track takes the new path) and to analyse
    /// (with `reanalysing`, every file found is analysed).
    private func planScan(_ files: [String], reanalysing: Bool, progress: ProgressHandler?) throws(SegueError)
        -> (pending: [PendingFile], unchanged: Int, moved: Int) {
        let states = try libraryCall { try self.library.fileStates() }
        let foundSet = Set(files)
        // Tracks whose stored file is gone, by fingerprint: the candidates a new path may be.
        var vanished: [String: [(path: String, state: TrackLibrary.FileState)]]?
        var pending: [PendingFile] = []
        var unchanged = 0, moved = 0
        for path in files {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
                progress?(.warning("\(path): cannot read file attributes; skipped"))
                continue
            }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            if let state = states[path] {
                if !reanalysing, state.size == size, state.modifiedAt == modified, state.isCurrent {
                    unchanged += 1
                } else {
                    pending.append(PendingFile(path: path, size: size, modified: modified))
                }
                continue
            }
            if vanished == nil { vanished = Self.vanishedTracks(states, found: foundSet) }
            let hash = ContentHash.of(path: path, size: size)
            if !hash.isEmpty, let index = vanished?[hash]?.firstIndex(where: { $0.state.size == size }),
               let old = vanished?[hash]?.remove(at: index) {
                try libraryCall { try library.moveTrack(id: old.state.id, to: path, size: size, modifiedAt: modified) }
                progress?(.warning("\(path): the file that was at \(old.path) (same content); it keeps its track"))
                moved += 1
                if old.state.isCurrent && !reanalysing { continue }
            }
            pending.append(PendingFile(path: path, size: size, modified: modified, contentHash: hash))
        }
        return (pending, unchanged, moved)
    }

    /// Stored tracks whose file no longer exists (and that this scan did not find), by fingerprint.
    private static func vanishedTracks(_ states: [String: TrackLibrary.FileState], found: Set<String>)
        -> [String: [(path: String, state: TrackLibrary.FileState)]] {
        var byHash: [String: [(path: String, state: TrackLibrary.FileState)]] = [:]
        for (path, state) in states where !state.contentHash.isEmpty && !found.contains(path) {
            if case .missing = FileKind.of(path) { byHash[state.contentHash, default: []].append((path, state)) }
        }
        return byHash
    }
}

extension TrackLibrary.FileState {
    /// Whether the stored analysis and features are of the current versions.
    var isCurrent: Bool {
        analysisVersion == TrackAnalysis.currentVersion && featureVersion == TimbreExtractor.featureVersion
    }
}
