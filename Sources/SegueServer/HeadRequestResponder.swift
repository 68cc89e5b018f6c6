import Hummingbird

/// Answers `HEAD` as the router answers `GET` for the same path, without the body (RFC 9110
/// §9.3.2): the router itself matches routes by method, so a `HEAD` would otherwise be a 404.
struct HeadRequestResponder<Base: HTTPResponder>: HTTPResponder {
    /// The router's responder.
    let base: Base

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        let response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        return Response(status: response.status, headers: response.headers, body: ResponseBody())
    }
}
