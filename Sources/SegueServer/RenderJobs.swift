import DJModel
import Dispatch
import Foundation
import Mixing
import SegueCore
import Synchronization

/// One render of a stored set running (or run) in the background for the API.
final class RenderJob: Sendable {
    /// How far a job is.
    enum State: String, Codable, Sendable { case running, finished, failed }

    /// The job's state as `GET /renders/{id}` shows it.
    struct Status: Codable, Sendable {
        var id: String
        var set: String
        var state: State
        var events: Int
        var done: Int?
        var total: Int?
        /// The mix's length, seconds (when finished).
        var duration: Double?
        /// Files that could not be found and were skipped.
        var missing: [String]?
        var error: String?
        /// Where to `GET` the mix (when finished).
        var audio: String?
        /// The transitions in the mix's time, each with what the self-check of its beats
        /// measured and what was done (when finished).
        var transitions: [RenderReport.TransitionSpan]?
    }

    let id: String
    let setId: String
    /// The rendered file.
    let path: String
    private let record = Mutex<(state: State, events: [JobEvent], report: RenderReport?, missing: [String], error: String?)>((.running, [], nil, [], nil))

    init(id: String, setId: String, path: String) {
        self.id = id
        self.setId = setId
        self.path = path
    }

    /// Appends a progress event.
    func add(_ event: ProgressEvent) { record.withLock { $0.events.append(JobEvent(event)) } }

    /// Notes the tracks skipped for missing files, as warnings.
    func noteMissing(_ missing: [String]) {
        record.withLock { job in
            job.missing = missing
            job.events += missing.map { JobEvent(type: .warning, message: "cannot find \($0); skipped with a gap") }
        }
    }

    /// Ends the job with its report or error.
    func finish(_ result: Result<RenderReport, SegueError>) {
        record.withLock { job in
            switch result {
            case .success(let report):
                job.state = .finished
                job.report = report
                job.events.append(JobEvent(type: .finished, message: String(format: "%d:%02d of mix, %d tracks", Int(saturating: report.duration) / 60,
                                                                           Int(saturating: report.duration) % 60, report.tracks.count)))
            case .failure(let error):
                job.state = .failed
                job.error = error.message
                job.events.append(JobEvent(type: .failed, message: error.message))
            }
        }
    }

    /// Events from `index` on, and whether the job has ended.
    func events(from index: Int) -> (events: [JobEvent], ended: Bool) {
        record.withLock { job in (Array(job.events.dropFirst(index)), job.state != .running) }
    }

    /// The job's state.
    var state: State { record.withLock { $0.state } }

    /// The state for `GET /renders/{id}`.
    var status: Status {
        record.withLock { job in
            let lastStep = job.events.last { $0.type == .step }
            return Status(id: id, set: setId, state: job.state, events: job.events.count, done: lastStep?.done, total: lastStep?.total,
                          duration: job.report?.duration, missing: job.missing.isEmpty ? nil : job.missing, error: job.error,
                          audio: job.state == .finished ? APIRoute.renderAudio.rawValue.replacingOccurrences(of: "{id}", with: id) : nil,
                          transitions: job.report?.transitions)
        }
    }
}

/// The API's renders: whole mixes as jobs (one at a time, the newest 10 kept with their files)
/// and transition previews rendered on request and cached, all in a folder of the server's own
/// (never a path from a request).
final class RenderJobs: Sendable {
    /// Previews rendering at once (each uses a core; the server's requests keep the other): the
    /// previews' serial queue.
    static let runningPreviews = 1
    /// Preview requests that may wait for a turn; more are answered 503 with `Retry-After`.
    static let waitingPreviews = 6
    /// Seconds a client is asked to wait before asking again when the queue is full.
    static let retryAfterSeconds = 5
    /// The preview cache's bounds: total bytes and age in seconds (the oldest go first).
    static let previewCacheBytes: Int64 = 256 << 20
    static let previewCacheSeconds: Double = 6 * 3600

    private let jobs = Mutex<[RenderJob]>([])
    /// Previews rendering and waiting.
    private let previewQueue = Mutex<(running: Int, waiting: Int)>((0, 0))
    /// Renders previews one at a time (``runningPreviews``). A thread of its own: it does not take
    /// a thread from the pool that answers requests (``BlockingWork``), nor wait for one while a
    /// scan fills the cores.
    private let previewWorker = WorkerThread(name: "segue-previews")
    /// Renders whole mixes, one at a time, on a thread of their own too.
    private let renderWorker = WorkerThread(name: "segue-renders")
    /// The folder holding the rendered files.
    let folder: String

    /// Renders into a fresh folder of the server's own under the system's temporary folder
    /// (``ServerScratch``), after deleting those that servers no longer running left behind.
    init() {
        ServerScratch.removeStale()
        folder = ServerScratch.makeFolder(prefix: "segue-renders-").path
    }

    /// Previews rendering and waiting now.
    var previewLoad: (running: Int, waiting: Int) { previewQueue.withLock { $0 } }

    /// Deletes the folder and every file rendered into it (when the server stops).
    func removeFolder() { try? FileManager.default.removeItem(atPath: folder) }

    /// Deletes the cached previews of set `setId` (when the set is deleted).
    func forgetPreviews(ofSet setId: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix("preview-\(setId)-") { try? FileManager.default.removeItem(atPath: "\(folder)/\(name)") }
    }

    /// Keeps the preview cache within ``previewCacheBytes`` and ``previewCacheSeconds``: older
    /// previews are deleted first (a request for one renders it again).
    func evictPreviews() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var previews: [(path: String, size: Int64, modified: Date)] = names.filter { $0.hasPrefix("preview-") && $0.hasSuffix(".mp3") }.compactMap { name in
            let path = "\(folder)/\(name)"
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
            return (path, (attributes[.size] as? NSNumber)?.int64Value ?? 0, attributes[.modificationDate] as? Date ?? .distantPast)
        }
        previews.sort { $0.modified < $1.modified }
        var total = previews.reduce(0) { $0 + $1.size }
        for preview in previews where total > Self.previewCacheBytes || Date().timeIntervalSince(preview.modified) > Self.previewCacheSeconds {
            try? FileManager.default.removeItem(atPath: preview.path)
            total -= preview.size
        }
    }

    /// Starts rendering `set` (stored as `setId`) as MP3 on a background thread.
    /// - Throws: ``ServerError`` 409 while another render runs, 404 when none of its files can be
    ///   found, 400 for a set that cannot be mixed.
    func start(layout: RenderLayout, setId: String) throws -> RenderJob {
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let job = RenderJob(id: id, setId: setId, path: "\(folder)/\(id).mp3")
        try jobs.withLock { jobs in
            if let running = jobs.first(where: { $0.state == .running }) {
                throw ServerError(status: 409, message: "a render is running (\(running.id)); one at a time")
            }
            jobs.append(job)
            if jobs.count > 10 {
                let dropped = jobs.removeFirst()
                try? FileManager.default.removeItem(atPath: dropped.path)
            }
        }
        job.noteMissing(layout.missing)
        renderWorker.async {
            job.finish(Result { () throws(SegueError) in
                try Segue.render(layout, to: job.path, options: RenderOptions(), progress: { job.add($0) })
            })
        }
        return job
    }

    /// The job with `id`.
    /// - Throws: ``ServerError`` 404 for an unknown id.
    func job(_ id: String) throws -> RenderJob {
        guard let job = jobs.withLock({ $0.first { $0.id == id } }) else { throw ServerError(status: 404, message: "no render with id \(id)") }
        return job
    }

    /// The preview of transition `number` of `set` (stored as `setId`), rendered on first request
    /// and kept; concurrent requests for one preview render it once.
    /// - Throws: ``ServerError`` 400 for a number outside the set, 404 when its files are
    ///   missing, 500 when the render fails.
    func preview(setId: String, number: Int, render: @escaping @Sendable (String) throws(SegueError) -> Void) async throws -> String {
        guard setId.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw ServerError(status: 400, message: "bad set id") }
        let path = "\(folder)/preview-\(setId)-\(number).mp3"
        if FileManager.default.fileExists(atPath: path) { return path }
        // A turn among the running previews, or a place in the queue; beyond it, come back later.
        let admitted = previewQueue.withLock { queue -> Bool in
            guard queue.running + queue.waiting < Self.runningPreviews + Self.waitingPreviews else { return false }
            queue.waiting += 1
            return true
        }
        guard admitted else {
            throw ServerError(status: 503, message: "the server is rendering other previews; try again in a few seconds",
                              retryAfter: Self.retryAfterSeconds)
        }
        // Waiting requests are suspended, not parked on threads: the previews' own serial queue
        // renders one at a time (a request for a preview already queued finds its file then),
        // and the threads that answer other requests are never taken by previews.
        return try await withCheckedThrowingContinuation { continuation in
            previewWorker.async { [self] in
                previewQueue.withLock { $0.waiting -= 1; $0.running += 1 }
                let result = Result { try renderPreview(at: path, render) }
                // The turn ends before the request goes on, so the queue's count is never stale.
                previewQueue.withLock { $0.running -= 1 }
                continuation.resume(with: result)
            }
        }
    }

    /// Renders one preview to `path` unless an earlier request already has; keeps the cache
    /// bounded. A render's ``SegueError`` reaches the client through ``ErrorMiddleware``, with
    /// the status ``ServerError/init(_:)`` gives it.
    private func renderPreview(at path: String, _ render: (String) throws(SegueError) -> Void) throws(SegueError) -> String {
        if FileManager.default.fileExists(atPath: path) { return path }
        defer { evictPreviews() }
        try render(path)
        return path
    }
}
