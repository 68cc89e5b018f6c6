import Hummingbird
import SegueCore

/// The body of `POST /scans`: a folder on the server's machine, and optionally the tempo range
/// `[low, high]` in BPM to report tempi in (it must hold an octave, e.g. `[88, 175]`; every file
/// found is then analysed again).
struct ScanRequest: Codable, Sendable {
    var folder: String
    var bpmRange: [Double]?

    /// The range, or `nil` when none was given.
    /// - Throws: ``ServerError`` 400 unless `bpmRange` is two increasing numbers.
    func range() throws -> ClosedRange<Double>? {
        guard let bpmRange else { return nil }
        guard bpmRange.count == 2, bpmRange.allSatisfy({ $0.isFinite && (30...300).contains($0) }), bpmRange[0] < bpmRange[1] else {
            throw ServerError(status: 400, message: "bpmRange must be [low, high] in 30…300 BPM with low < high, e.g. [88, 175]", field: "bpmRange")
        }
        return bpmRange[0]...bpmRange[1]
    }
}

/// `POST /scans` (202 with the job; 409 while that folder is being scanned), `GET /scans/{id}`
/// and `GET /scans/{id}/events` (progress as server-sent events).
struct ScanRoutes {
    /// The scan jobs of this server.
    let scans: ScanJobs
    /// The largest request body accepted, in bytes.
    let maxBodyBytes: Int

    /// The three routes.
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        let limit = maxBodyBytes
        collection.post(RouterPath(APIRoute.scans.routerPath)) { [scans] request, _ -> Response in
            let body = try await JSONResponses.decode(ScanRequest.self, from: request, limit: limit)
            return try JSONResponses.encode(try scans.start(folder: body.folder, bpmRange: body.range()).status, status: .accepted)
        }
        collection.get(RouterPath(APIRoute.scan.routerPath)) { [scans] _, context -> Response in
            try JSONResponses.encode(try scans.job(context.parameters.get("id") ?? "").status)
        }
        collection.get(RouterPath(APIRoute.scanEvents.routerPath)) { [scans] _, context -> Response in
            ScanEventStream.response(for: try scans.job(context.parameters.get("id") ?? ""))
        }
        return collection
    }
}
