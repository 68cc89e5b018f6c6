import DJModel
import Foundation
import Hummingbird
import SegueCore

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

/// `POST /sets` (plan and store a set), `GET /sets/{id}`, its alternatives, `POST
/// /sets/{id}/replace` (the edited set, stored under a new id) and `GET /sets/{id}/export`.
struct SetRoutes {
    /// The use cases (answering remote clients).
    let core: Segue
    /// The largest request body accepted, in bytes.
    let maxBodyBytes: Int

    /// The five routes.
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        let limit = maxBodyBytes
        collection.post(RouterPath(APIRoute.sets.routerPath)) { [core] request, _ -> Response in
            let body = try await JSONResponses.decode(SetRequest.self, from: request, limit: limit)
            return JSONResponses.json(try await BlockingWork.run { try core.saveDocument(try core.planSet(body)).json })
        }
        collection.get(RouterPath(APIRoute.set.routerPath)) { [core] _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            return try JSONResponses.encode(try await BlockingWork.run { try core.savedSet(id: id) })
        }
        collection.get(RouterPath(APIRoute.alternatives.routerPath)) { [core] request, context -> Response in
            let id = context.parameters.get("id") ?? ""
            guard let position = context.parameters.get("position").flatMap({ Int($0) }) else {
                throw ServerError(status: 400, message: "the position must be an integer")
            }
            guard let count = Int(request.uri.queryParameters.get("limit") ?? "10") else {
                throw ServerError(status: 400, message: "limit must be an integer")
            }
            let alternatives = try await BlockingWork.run { try core.alternatives(in: try core.savedSet(id: id), position: position, limit: count) }
            return try JSONResponses.encode(AlternativesResponse(position: position, alternatives: alternatives))
        }
        collection.post(RouterPath(APIRoute.replace.routerPath)) { [core] request, context -> Response in
            let id = context.parameters.get("id") ?? ""
            let body = try await JSONResponses.decode(ReplaceRequest.self, from: request, limit: limit)
            let edited = try await BlockingWork.run {
                try core.save(try core.replacing(in: try core.savedSet(id: id), position: body.position, with: body.track))
            }
            return try JSONResponses.encode(edited)
        }
        collection.get(RouterPath(APIRoute.export.routerPath)) { [core] request, context -> Response in
            let id = context.parameters.get("id") ?? ""
            let set = try await BlockingWork.run { try core.savedSet(id: id) }
            return try ExportResponse.make(set, request: request)
        }
        return collection
    }
}
