import Foundation
import Hummingbird
import SegueCore

/// The answer of `GET /health`.
struct HealthResponse: Codable, Sendable {
    var status: String
    var tracks: Int
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
            return try JSONResponses.encode(HealthResponse(status: "ok", tracks: counts.analysed))
        }
        return collection
    }
}
