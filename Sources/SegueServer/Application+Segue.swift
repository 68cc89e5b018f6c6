import Foundation
import Hummingbird
import Logging
import SegueCore
import DJModel

/// The answer of `GET /health`.
struct HealthResponse: Codable, Sendable {
    var status: String
    var tracks: Int
}

/// The answer of `GET /tracks`.
struct TrackPage: Codable, Sendable {
    var tracks: [DJSet.Entry]
    var total: Int
}

/// The answer of `GET /sets/{id}/positions/{position}/alternatives`.
struct AlternativesResponse: Codable, Sendable {
    var position: Int
    var alternatives: [PositionAlternative]
}

/// The body of `POST /sets/{id}/replace`: the position (0 = first track) and the new track (id,
/// path or "Artist - Title").
struct ReplaceRequest: Codable, Sendable {
    var position: Int
    var track: String
}

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
        guard bpmRange.count == 2, bpmRange[0] < bpmRange[1] else {
            throw ServerError(status: 400, message: "bpmRange must be [low, high] in BPM with low < high, e.g. [88, 175]")
        }
        return bpmRange[0]...bpmRange[1]
    }
}

/// The answer of `GET /tracks/{id}/similar`.
struct SimilarResponse: Codable, Sendable {
    var by: NeighbourRanking
    var similar: [SimilarTrack]
}

/// Builds the HTTP JSON API over `core`.
///
/// Routes (described at `GET /openapi.json`): `GET /health`, `GET /tracks?query=&limit=&offset=&bpmMin=&bpmMax=&key=&energyMin=&energyMax=&genre=`,
/// `GET /tracks/{id}`,
/// `GET /tracks/{id}/similar?by=als|content|combined&limit=`, `POST /sets`, `POST /bridges` (the
/// planned set, stored under its `id`), `GET /sets/{id}`, and
/// `GET /sets/{id}/export?format=&pathPrefix=FROM=TO&name=&volume=&volumeRoot=` (a download),
/// `GET /sets/{id}/positions/{position}/alternatives?limit=` and `POST /sets/{id}/replace`
/// `{ "position", "track" }` (the edited set, stored under a new id), `POST /scans` `{ "folder" }`
/// (202 with the job; 409 while that folder is being scanned), `GET /scans/{id}` and
/// `GET /scans/{id}/events` (server-sent events), `POST /tracklists?format=&name=` (a file to import).
/// Every error is `{ "error": message }` with a 4xx/5xx status. Every response carries an
/// `X-Request-Id`, and every request is logged with it (``RequestLogMiddleware``).
/// - Parameter onRunning: called with the bound port once the server accepts connections.
///
/// Safety (see the README's threat model): track queries name library tracks only (the facade is
/// ``Segue/answeringRemoteClients()``, which never opens a path a request names);
/// ``RequestGuardMiddleware`` refuses foreign `Host` names and cross-site state changes; JSON is
/// accepted only as `application/json`; use cases run off the server's threads (``BlockingWork``)
/// within the planning budget; idle or half-sent connections are closed after
/// ``ServerConfiguration/idleTimeoutSeconds``.
public func buildApplication(core: Segue, configuration: ServerConfiguration,
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let core = core.answeringRemoteClients()
    let router = Router()
    router.middlewares.add(RequestLogMiddleware())
    router.middlewares.add(ErrorMiddleware())
    router.middlewares.add(RequestGuardMiddleware(allowedHosts: RequestGuardMiddleware<BasicRequestContext>.allowedHosts(
        boundTo: configuration.host, extra: configuration.allowedHosts)))
    let limit = configuration.maxBodyBytes

    router.get("/openapi.json") { _, _ -> Response in
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: EmbeddedDocuments.openAPI)))
    }
    router.get("/health") { _, _ -> Response in
        let counts = try await BlockingWork.run { try core.counts() }
        return try JSONResponses.encode(HealthResponse(status: "ok", tracks: counts.analysed))
    }
    router.get("/tracks") { request, _ -> Response in
        let parameters = request.uri.queryParameters
        let query = parameters.get("query") ?? ""
        guard let limitValue = Int(parameters.get("limit") ?? "50"), let offset = Int(parameters.get("offset") ?? "0") else {
            throw ServerError(status: 400, message: "limit and offset must be integers")
        }
        let filter = try TrackFilterQuery.filter(from: request)
        let (tracks, total) = try await BlockingWork.run { try core.search(query, filter: filter, limit: limitValue, offset: offset) }
        return try JSONResponses.encode(TrackPage(tracks: tracks.compactMap(\.setEntry), total: total))
    }
    router.get("/tracks/:id") { _, context -> Response in
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
            throw ServerError(status: 400, message: "the track id must be an integer")
        }
        return try JSONResponses.encode(try await BlockingWork.run { try core.trackDetail(id: id) })
    }
    router.get("/tracks/:id/similar") { request, context -> Response in
        guard let id = context.parameters.get("id"), Int64(id) != nil else {
            throw ServerError(status: 400, message: "the track id must be an integer")
        }
        let parameters = request.uri.queryParameters
        let byName = parameters.get("by") ?? NeighbourRanking.combined.rawValue
        guard let kind = NeighbourRanking(rawValue: byName) else {
            throw ServerError(status: 400, message: "by must be one of \(NeighbourRanking.allCases.map(\.rawValue).joined(separator: ", ")), got '\(byName)'")
        }
        guard let count = Int(parameters.get("limit") ?? "10") else { throw ServerError(status: 400, message: "limit must be an integer") }
        let similar = try await BlockingWork.run { try core.similarTracks(to: id, by: kind, limit: count) }
        return try JSONResponses.encode(SimilarResponse(by: kind, similar: similar))
    }
    router.post("/sets") { request, _ -> Response in
        let body = try await JSONResponses.decode(SetRequest.self, from: request, limit: limit)
        return JSONResponses.json(try await BlockingWork.run { try core.saveDocument(try core.planSet(body)).json })
    }
    router.post("/bridges") { request, _ -> Response in
        let body = try await JSONResponses.decode(BridgeRequest.self, from: request, limit: limit)
        return JSONResponses.json(try await BlockingWork.run { try core.saveDocument(try core.planBridge(body)).json })
    }
    router.get("/sets/:id") { _, context -> Response in
        let id = context.parameters.get("id") ?? ""
        return try JSONResponses.encode(try await BlockingWork.run { try core.savedSet(id: id) })
    }
    router.get("/sets/:id/positions/:position/alternatives") { request, context -> Response in
        let id = context.parameters.get("id") ?? ""
        guard let position = context.parameters.get("position").flatMap({ Int($0) }) else {
            throw ServerError(status: 400, message: "the position must be an integer")
        }
        guard let limit = Int(request.uri.queryParameters.get("limit") ?? "10") else { throw ServerError(status: 400, message: "limit must be an integer") }
        let alternatives = try await BlockingWork.run { try core.alternatives(in: try core.savedSet(id: id), position: position, limit: limit) }
        return try JSONResponses.encode(AlternativesResponse(position: position, alternatives: alternatives))
    }
    router.post("/sets/:id/replace") { request, context -> Response in
        let id = context.parameters.get("id") ?? ""
        let body = try await JSONResponses.decode(ReplaceRequest.self, from: request, limit: limit)
        let edited = try await BlockingWork.run { try core.save(try core.replacing(in: try core.savedSet(id: id), position: body.position, with: body.track)) }
        return try JSONResponses.encode(edited)
    }
    router.get("/sets/:id/export") { request, context -> Response in
        let id = context.parameters.get("id") ?? ""
        let set = try await BlockingWork.run { try core.savedSet(id: id) }
        return try ExportResponse.make(set, request: request)
    }
    router.post("/tracklists") { request, _ -> Response in
        try JSONResponses.encode(try await TracklistUpload.handle(request, core: core))
    }
    let scans = ScanJobs(core: core, stallLimit: .seconds(configuration.scanStallSeconds))
    router.post("/scans") { request, _ -> Response in
        let body = try await JSONResponses.decode(ScanRequest.self, from: request, limit: limit)
        return try JSONResponses.encode(try scans.start(folder: body.folder, bpmRange: body.range()).status, status: .accepted)
    }
    router.get("/scans/:id") { _, context -> Response in
        try JSONResponses.encode(try scans.job(context.parameters.get("id") ?? "").status)
    }
    router.get("/scans/:id/events") { _, context -> Response in
        ScanEventStream.response(for: try scans.job(context.parameters.get("id") ?? ""))
    }
    WebPageRoutes.add(to: router)
    router.addRoutes(NotFoundRoutes().routes)

    var logger = Logger(label: "segue.server")
    logger.logLevel = configuration.logLevel
    return Application(
        responder: HeadRequestResponder(base: router.buildResponder()),
        server: .http1(configuration: .init(additionalChannelHandlers: [MalformedRequestHandler()],
                                            idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Segue"),
        onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
