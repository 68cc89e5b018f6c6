import Foundation
import Hummingbird
import Logging
import SegueCore

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

/// Builds the HTTP JSON API over `core`.
///
/// Routes: `GET /health`, `GET /tracks?query=&limit=&offset=`, `POST /sets`, `POST /bridges`.
/// Every error is `{ "error": message }` with a 4xx/5xx status.
/// - Parameter onRunning: called with the bound port once the server accepts connections.
public func buildApplication(core: Segue, configuration: ServerConfiguration,
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let router = Router()
    router.middlewares.add(ErrorMiddleware())
    let limit = configuration.maxBodyBytes

    router.get("/health") { _, _ -> Response in
        let counts = try core.counts()
        return try JSONResponses.encode(HealthResponse(status: "ok", tracks: counts.analysed))
    }
    router.get("/tracks") { request, _ -> Response in
        let parameters = request.uri.queryParameters
        let query = parameters.get("query") ?? ""
        guard let limitValue = Int(parameters.get("limit") ?? "50"), let offset = Int(parameters.get("offset") ?? "0") else {
            throw ServerError(status: 400, message: "limit and offset must be integers")
        }
        let (tracks, total) = try core.search(query, limit: limitValue, offset: offset)
        return try JSONResponses.encode(TrackPage(tracks: tracks.compactMap(\.entry), total: total))
    }
    router.post("/sets") { request, _ -> Response in
        let body = try await JSONResponses.decode(SetRequest.self, from: request, limit: limit)
        return try JSONResponses.encode(try core.planSet(body))
    }
    router.post("/bridges") { request, _ -> Response in
        let body = try await JSONResponses.decode(BridgeRequest.self, from: request, limit: limit)
        return try JSONResponses.encode(try core.planBridge(body))
    }
    router.addRoutes(NotFoundRoutes().routes)

    var logger = Logger(label: "segue.server")
    logger.logLevel = .warning
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Segue"),
        onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

extension Track {
    /// The track as the set document shows it (start 0), or `nil` when not analysed.
    var entry: DJSet.Entry? {
        guard let analysis else { return nil }
        return DJSet.Entry(id: id, path: path ?? "", artist: metadata.artist, title: metadata.title, duration: analysis.duration,
                           bpm: analysis.tempo.bpm, key: analysis.key.name, camelot: analysis.key.camelot, energy: analysis.energy, start: 0)
    }
}
