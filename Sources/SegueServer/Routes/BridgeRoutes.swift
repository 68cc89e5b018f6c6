import Hummingbird
import SegueCore

/// `POST /bridges`: plan the music between two tracks and store it like a set (read, edit and
/// export it through ``SetRoutes``).
struct BridgeRoutes {
    /// The use cases (answering remote clients).
    let core: Segue
    /// The largest request body accepted, in bytes.
    let maxBodyBytes: Int

    /// The route.
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        let limit = maxBodyBytes
        collection.post(RouterPath(APIRoute.bridges.routerPath)) { [core] request, _ -> Response in
            let body = try await JSONResponses.decode(BridgeRequest.self, from: request, limit: limit)
            return JSONResponses.json(try await BlockingWork.run { try core.saveDocument(try core.planBridge(body)).json })
        }
        return collection
    }
}
