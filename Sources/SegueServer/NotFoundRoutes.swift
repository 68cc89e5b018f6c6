import Hummingbird

/// Answers unknown paths with a JSON 404 instead of an empty body.
struct NotFoundRoutes {
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] {
            collection.on("**", method: method) { request, _ -> Response in
                throw ServerError(status: 404, message: "no route \(request.method) \(request.uri.path)")
            }
        }
        return collection
    }
}
