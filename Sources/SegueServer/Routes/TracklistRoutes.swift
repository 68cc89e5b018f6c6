import Hummingbird
import SegueCore

/// `POST /tracklists?format=&name=`: import a tracklist file sent as the body (``TracklistUpload``).
struct TracklistRoutes {
    /// The use cases (answering remote clients).
    let core: Segue

    /// The route.
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        collection.post(RouterPath(APIRoute.tracklists.routerPath)) { [core] request, _ -> Response in
            try JSONResponses.encode(try await TracklistUpload.handle(request, core: core))
        }
        return collection
    }
}
