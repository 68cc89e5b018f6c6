import Foundation
import Hummingbird
import SegueCore

/// The answer of `GET /health`: the library's size, the server's platform (the page's export
/// defaults follow it) and the limits requests are checked against (the page checks them first).
struct HealthResponse: Codable, Sendable {
    /// The bounds a request must keep.
    struct Limits: Codable, Sendable {
        var minMinutes = PlanLimits.minutes.lowerBound, maxMinutes = PlanLimits.minutes.upperBound
        var maxSetNameCharacters = Segue.maxSetNameCharacters
        var maxEditOperations = SetEdit.maxPerRequest
        var maxQueryCharacters = Segue.maxQueryCharacters
    }

    var status: String
    var tracks: Int
    /// `linux`, `macOS` or `windows`.
    var platform: String
    var limits = Limits()

    /// This server's platform.
    static var currentPlatform: String {
        #if os(macOS)
        "macOS"
        #elseif os(Windows)
        "windows"
        #else
        "linux"
        #endif
    }
}

/// `GET /health` and `GET /openapi.json`: whether the server answers, and what it answers.
struct ServiceRoutes {
    /// The use cases (answering remote clients).
    let core: Segue

    /// The two routes.
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        collection.get(RouterPath(APIRoute.openAPI.routerPath)) { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: EmbeddedDocuments.openAPI)))
        }
        collection.get(RouterPath(APIRoute.health.routerPath)) { [core] _, _ -> Response in
            let counts = try await BlockingWork.run { try core.counts() }
            return try JSONResponses.encode(HealthResponse(status: "ok", tracks: counts.analysed, platform: HealthResponse.currentPlatform))
        }
        return collection
    }
}
