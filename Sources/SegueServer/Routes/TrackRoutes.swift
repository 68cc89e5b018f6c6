import DJModel
import Foundation
import Hummingbird
import SegueCore

/// The answer of `GET /tracks`.
struct TrackPage: Codable, Sendable {
    var tracks: [DJSet.Entry]
    var total: Int
}

/// The answer of `GET /tracks/{id}/similar`.
struct SimilarResponse: Codable, Sendable {
    var by: NeighbourRanking
    var similar: [SimilarTrack]
}

/// `GET /tracks` (search with filters, paged), `GET /tracks/{id}`, `PATCH /tracks/{id}` (the
/// DJ's corrections: tempo, grid, bar 1, key), its audio file and `GET /tracks/{id}/similar`.
struct TrackRoutes {
    /// The use cases (answering remote clients).
    let core: Segue
    /// Largest request body accepted, bytes.
    let maxBodyBytes: Int

    /// The five routes.
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        let limit = maxBodyBytes
        collection.get(RouterPath(APIRoute.tracks.routerPath)) { [core] request, _ -> Response in
            let parameters = request.uri.queryParameters
            let query = parameters.get("query") ?? ""
            guard let limit = Int(parameters.get("limit") ?? "50"), let offset = Int(parameters.get("offset") ?? "0") else {
                throw ServerError(status: 400, message: "limit and offset must be integers")
            }
            let filter = try TrackFilterQuery.filter(from: request)
            let (tracks, total) = try await BlockingWork.run { try core.search(query, filter: filter, limit: limit, offset: offset) }
            return try JSONResponses.encode(TrackPage(tracks: tracks.compactMap(\.setEntry), total: total))
        }
        collection.get(RouterPath(APIRoute.track.routerPath)) { [core] _, context -> Response in
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                throw ServerError(status: 400, message: "the track id must be an integer")
            }
            return try JSONResponses.encode(try await BlockingWork.run { try core.trackDetail(id: id) })
        }
        collection.patch(RouterPath(APIRoute.track.routerPath)) { [core] request, context -> Response in
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                throw ServerError(status: 400, message: "the track id must be an integer")
            }
            let patch = try await JSONResponses.decode(TrackOverridePatch.self, from: request, limit: limit)
            return try JSONResponses.encode(try await BlockingWork.run { try core.updateOverrides(id: id, with: patch) })
        }
        collection.get(RouterPath(APIRoute.trackAudio.routerPath)) { [core] request, context -> Response in
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                throw ServerError(status: 400, message: "the track id must be an integer")
            }
            try CrossSiteMedia.refuse(request)
            return try LibraryAudioResponse.make(try await BlockingWork.run { try core.openTrackAudio(id: id) }, request: request)
        }
        collection.get(RouterPath(APIRoute.similarTracks.routerPath)) { [core] request, context -> Response in
            guard let id = context.parameters.get("id"), Int64(id) != nil else {
                throw ServerError(status: 400, message: "the track id must be an integer")
            }
            let parameters = request.uri.queryParameters
            let byName = parameters.get("by") ?? NeighbourRanking.combined.rawValue
            guard let kind = NeighbourRanking(rawValue: byName) else {
                throw ServerError(status: 400, message: "by must be one of \(NeighbourRanking.allCases.map(\.rawValue).joined(separator: ", ")), got '\(byName)'")
            }
            guard let count = Int(parameters.get("limit") ?? "10") else { throw ServerError(status: 400, message: "limit must be an integer") }
            let filter = try SimilarFilter(key: parameters.get("key"), bpmTolerance: parameters.get("bpmTolerance"),
                                           genre: parameters.get("genre"), energy: parameters.get("energy"))
            let similar = try await BlockingWork.run { try core.similarTracks(to: id, by: kind, limit: count, filter: filter) }
            return try JSONResponses.encode(SimilarResponse(by: kind, similar: similar))
        }
        return collection
    }
}
