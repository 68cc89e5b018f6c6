import AudioIO
import Dispatch
import Foundation
import SegueCore
import Synchronization

/// One scan running (or run) in the background for the API: its progress events in order, and
/// how it ended.
final class ScanJob: Sendable {
    /// How far a job is.
    enum State: String, Codable, Sendable { case running, finished, failed }

    /// One progress event as the API sends it.
    typealias Event = JobEvent

    /// The job's state as `GET /scans/{id}` shows it.
    struct Status: Codable, Sendable {
        var id: String
        var folder: String
        var state: State
        var events: Int
        var done: Int?
        var total: Int?
        var found: Int?, analysed: Int?, unchanged: Int?
        var failures: [String]?
        var error: String?
        /// Whether the scan's thread has returned (a stalled job is `failed` at once but stops
        /// only after the file it is on).
        var stopped: Bool
    }

    let id: String
    let folder: String
    private let record = Mutex<(state: State, events: [Event], report: ScanReport?, error: String?, lastActivity: ContinuousClock.Instant,
                                stopped: Bool)>((.running, [], nil, nil, .now, false))
    private let cancelled = Atomic<Bool>(false)

    init(id: String, folder: String) {
        self.id = id
        self.folder = folder
    }

    /// Whether the scan was asked to stop (it stops after the files it is on).
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Whether the job still holds its folder: it runs and has made progress within `stallLimit`.
    /// A job that has not is marked failed ("stalled") and cancelled, so that a file that blocks
    /// a read for ever cannot keep the folder from being scanned again.
    func holdsFolder(stallLimit: Duration) -> Bool {
        record.withLock { job in
            guard job.state == .running else { return false }
            guard job.lastActivity.duration(to: .now) > stallLimit else { return true }
            job.state = .failed
            job.error = "stalled: no file finished in \(stallLimit.components.seconds) s; the scan was cancelled and the folder released"
            job.events.append(Event(type: .failed, message: job.error))
            cancelled.store(true, ordering: .relaxed)
            return false
        }
    }

    /// Appends a progress event.
    func add(_ event: ProgressEvent) {
        let converted = JobEvent(event)
        record.withLock { job in
            job.events.append(converted)
            job.lastActivity = .now
        }
    }

    /// Ends the job with its report or error.
    func finish(_ result: Result<ScanReport, SegueError>) {
        record.withLock { job in
            job.stopped = true
            guard job.state == .running else { return }
            switch result {
            case .success(let report):
                job.state = .finished
                job.report = report
                job.events.append(Event(type: .finished, done: report.analysed, total: report.found,
                                        message: report.summary))
            case .failure(let error):
                job.state = .failed
                job.error = error.message
                job.events.append(Event(type: .failed, message: error.message))
            }
        }
    }

    /// Events from `index` on, and whether the job has ended.
    func events(from index: Int) -> (events: [Event], ended: Bool) {
        record.withLock { job in (Array(job.events.dropFirst(index)), job.state != .running) }
    }

    /// Whether the job still runs.
    var isRunning: Bool { record.withLock { $0.state == .running } }

    /// The state for `GET /scans/{id}`.
    var status: Status {
        record.withLock { job in
            let lastStep = job.events.last { $0.type == .step }
            return Status(id: id, folder: folder, state: job.state, events: job.events.count, done: lastStep?.done, total: lastStep?.total,
                          found: job.report?.found, analysed: job.report?.analysed, unchanged: job.report?.unchanged,
                          failures: job.report?.failures, error: job.error, stopped: job.stopped)
        }
    }
}

/// The API's scan jobs: at most one running job per folder; finished jobs are kept (the newest 100).
final class ScanJobs: Sendable {
    private let jobs = Mutex<[ScanJob]>([])
    private let core: Segue
    private let stallLimit: Duration

    /// - Parameter stallLimit: how long a running job may go without finishing a file before it
    ///   is given up (see ``ScanJob/holdsFolder(stallLimit:)``).
    init(core: Segue, stallLimit: Duration) {
        self.core = core
        self.stallLimit = stallLimit
    }

    /// Starts scanning `folder` on a background thread, with tempi within `bpmRange` when given
    /// (see ``Segue/scan(_:jobs:bpmRange:progress:isCancelled:)``).
    /// - Throws: ``ServerError`` 400 when the folder does not exist or the range holds no octave,
    ///   409 when the folder is being scanned.
    func start(folder: String, bpmRange: ClosedRange<Double>? = nil) throws -> ScanJob {
        do {
            _ = try Segue.trackAnalyzer(bpmRange: bpmRange)
        } catch {
            throw ServerError(status: 400, message: "bpmRange: \(error.message)")
        }
        let path = CanonicalPath.of(folder)
        // One answer for missing, unreadable and not-a-folder alike: a caller learns nothing about
        // which paths exist on the server that it could not already read.
        guard case .directory = FileKind.of(path), access(path, R_OK | X_OK) == 0 else {
            throw ServerError(status: 400, message: "\(folder.prefix(300)) is not a folder this server can read", field: "folder")
        }
        let job = ScanJob(id: UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""), folder: path)
        try jobs.withLock { jobs in
            let stallLimit = self.stallLimit
            if let holder = jobs.first(where: { ($0.folder == path || CanonicalPath.contains($0.folder, path) || CanonicalPath.contains(path, $0.folder))
                                                && $0.holdsFolder(stallLimit: stallLimit) }) {
                let relation = holder.folder == path ? "is already being scanned" : "overlaps \(holder.folder), which is being scanned"
                throw ServerError(status: 409, message: "\(path) \(relation)")
            }
            jobs.append(job)
            if jobs.count > 100, let finished = jobs.firstIndex(where: { !$0.isRunning }) { jobs.remove(at: finished) }
        }
        let core = self.core
        // A dispatch queue, not a Foundation `Thread`: the scan runs `DispatchQueue.concurrentPerform`,
        // and that call from a `Thread` while another concurrentPerform runs corrupted the heap
        // (measured: 5 crashes in 6 runs against none from a dispatch thread).
        DispatchQueue.global(qos: .utility).async {
            let result = Result { () throws(SegueError) in
                try core.scan([path], bpmRange: bpmRange, progress: { job.add($0) }, isCancelled: { job.isCancelled })
            }
            job.finish(result)
        }
        return job
    }

    /// The job with `id`.
    /// - Throws: ``ServerError`` 404 for an unknown id.
    func job(_ id: String) throws -> ScanJob {
        guard let job = jobs.withLock({ $0.first { $0.id == id } }) else { throw ServerError(status: 404, message: "no scan with id \(id)") }
        return job
    }
}
