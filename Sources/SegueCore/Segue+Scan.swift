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
}

extension Segue {
    /// Analyses every audio file under `paths` into the library, on `jobs` threads.
    ///
    /// Unchanged files (same size and modification time, analysed by the current analysis
    /// version) are skipped. Each analysed file is committed in its own transaction, so an
    /// interrupted scan keeps all finished work and the next scan resumes where it stopped.
    /// Unreadable files are reported through `progress` as warnings and the scan goes on.
    public func scan(_ paths: [String], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                     progress: ProgressHandler? = nil) throws(SegueError) -> ScanReport {
        guard (1...256).contains(jobs) else { throw SegueError(.invalidInput, "jobs must be 1…256, got \(jobs)") }
        let start = Date()
        let files = try AudioFileFinder.find(paths)
        let states = try db { try self.library.fileStates() }
        var pending: [(path: String, size: Int64, modified: Double)] = []
        var unchanged = 0
        for path in files {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
                progress?(.warning("\(path): cannot read file attributes; skipped"))
                continue
            }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            if let state = states[path], state.size == size, state.modifiedAt == modified,
               state.analysisVersion == TrackAnalysis.currentVersion, state.featureVersion == TimbreExtractor.featureVersion {
                unchanged += 1
                continue
            }
            pending.append((path, size, modified))
        }
        let work = pending
        progress?(.stage(name: "scan", total: work.count))
        let tally = Mutex((done: 0, analysed: 0, seconds: 0.0, failures: [String]()))
        let next = Atomic<Int>(0)
        let library = self.library
        let workers = min(jobs, max(1, work.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let analyzer = AudioFileAnalyzer()
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < work.count else { return }
                let file = work[index]
                var failure: String?
                var seconds = 0.0
                do {
                    let result = try analyzer.analyze(path: file.path)
                    try library.storeScannedFile(path: file.path, size: file.size, modifiedAt: file.modified,
                                                 contentHash: ContentHash.of(path: file.path, size: file.size),
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
        let report = ScanReport(found: files.count, analysed: final.analysed, unchanged: unchanged, failures: final.failures,
                                audioSeconds: final.seconds, wallSeconds: Date().timeIntervalSince(start))
        progress?(.stageFinished(name: "scan", summary: "\(report.analysed) analysed, \(report.unchanged) unchanged, \(report.failures.count) unreadable"))
        return report
    }
}
