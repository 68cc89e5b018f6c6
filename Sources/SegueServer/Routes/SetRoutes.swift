import DJModel
import Foundation
import Hummingbird
import SegueCore

/// The answer of `GET /sets/{id}/positions/{position}/alternatives`.
struct AlternativesResponse: Codable, Sendable {
    var position: Int
    var alternatives: [PositionAlternative]
}

/// The body of `POST /sets/{id}/replace`: the position (0 = first track) and the new track (id
/// as a number or a string, path or "Artist - Title").
struct ReplaceRequest: Decodable, Sendable {
    var position: Int
    var track: String

    private enum CodingKeys: String, CodingKey { case position, track }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        position = try container.decode(Int.self, forKey: .position)
        track = try container.decodeTrackReference(forKey: .track)
    }
}

/// The body of `POST /sets/{id}/edit`: operations applied in order, and optionally a name to
/// save the result under (no operations and a name duplicates a set).
struct EditRequest: Decodable, Sendable {
    var operations: [SetEdit]
    var name: String?
    /// Whether `name` may be taken from another set holding it (409 otherwise).
    var replace: Bool?
}

/// The body of `PATCH /sets/{id}`.
struct RenameRequest: Decodable, Sendable {
    var name: String
    /// Whether `name` may be taken from another set holding it (409 otherwise).
    var replace: Bool?
}

/// The answer of `GET /sets`.
struct SavedSetList: Codable, Sendable {
    var sets: [SavedSetSummary]
}

/// `POST /sets` (plan and store a set), `GET /sets` (the named ones), `GET`, `PATCH` (name) and
/// `DELETE /sets/{id}`, its alternatives, `POST /sets/{id}/replace` and `POST /sets/{id}/edit`
/// (the edited set, stored under a new id, so every version stays reachable for undo) and `GET
/// /sets/{id}/export`.
struct SetRoutes {
    /// The use cases (answering remote clients).
    let core: Segue
    /// The largest request body accepted, in bytes.
    let maxBodyBytes: Int
    /// The renders, whose cached previews of a deleted set go with it.
    let renders: RenderJobs

    /// The routes.
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        let limit = maxBodyBytes
        collection.post(RouterPath(APIRoute.sets.routerPath)) { [core] request, _ -> Response in
            let body = try await JSONResponses.decode(SetRequest.self, from: request, limit: limit)
            return JSONResponses.json(try await BlockingWork.run { try core.saveDocument(try core.planSet(body)).json })
        }
        collection.get(RouterPath(APIRoute.sets.routerPath)) { [core] _, _ -> Response in
            try JSONResponses.encode(SavedSetList(sets: try await BlockingWork.run { try core.namedSets() }))
        }
        collection.get(RouterPath(APIRoute.set.routerPath)) { [core] _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            return try JSONResponses.encode(try await BlockingWork.run { try core.savedSet(id: id) })
        }
        collection.patch(RouterPath(APIRoute.set.routerPath)) { [core] request, context -> Response in
            let id = context.parameters.get("id") ?? ""
            let body = try await JSONResponses.decode(RenameRequest.self, from: request, limit: limit)
            return try JSONResponses.encode(try await BlockingWork.run { try core.nameSet(id: id, name: body.name, replacing: body.replace ?? false) })
        }
        collection.delete(RouterPath(APIRoute.set.routerPath)) { [core, renders] _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            try await BlockingWork.run { try core.deleteSet(id: id) }
            renders.forgetPreviews(ofSet: id)
            return Response(status: .noContent)
        }
        collection.post(RouterPath(APIRoute.edit.routerPath)) { [core] request, context -> Response in
            let id = context.parameters.get("id") ?? ""
            let body = try await JSONResponses.decode(EditRequest.self, from: request, limit: limit)
            let edited = try await BlockingWork.run { try core.save(try core.editing(try core.savedSet(id: id), with: body.operations), name: body.name,
                                                                               replacing: body.replace ?? false) }
            return try JSONResponses.encode(edited)
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
