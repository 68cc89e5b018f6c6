import Hummingbird

/// The server's answer to requests a browser page on another site, or a DNS-rebound name, could
/// make it run: it refuses, before any route runs,
/// - a `Host` that is not the bound address, `localhost` or an `--allowed-host` name (421), so a
///   rebound name (`attacker.example` resolving to 127.0.0.1) gets nothing;
/// - a state-changing request (POST, PUT, PATCH, DELETE) or preflight whose `Origin` is present
///   and not the server's own origin (403), and one a browser marks `Sec-Fetch-Site: cross-site`;
/// and it answers `OPTIONS` with 204 and `Allow` (CORS stays off: no `Access-Control-Allow-*`
/// header is ever sent). `HEAD` reaches it as `GET` (``HeadRequestResponder``).
struct RequestGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Host names (lower case, no port) the server answers.
    let allowedHosts: Set<String>

    /// The names a server bound to `host` answers: that address, `localhost` and the loopback
    /// spellings when it is a loopback address, and `extra`.
    static func allowedHosts(boundTo host: String, extra: Set<String>) -> Set<String> {
        var names = extra.union([host.lowercased(), "localhost"])
        if ["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) { names.formUnion(["127.0.0.1", "::1", "localhost"]) }
        return names
    }

    /// The host name of a `Host` header value: without the port, and without brackets for IPv6.
    static func hostName(_ authority: String) -> String {
        let value = authority.lowercased()
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            return String(value[value.index(after: value.startIndex)..<close])
        }
        if let colon = value.lastIndex(of: ":"), value.firstIndex(of: ":") == colon { return String(value[..<colon]) }
        return value
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, !authority.isEmpty else {
            throw ServerError(status: 400, message: "the request has no Host header")
        }
        guard allowedHosts.contains(Self.hostName(authority)) else {
            throw ServerError(status: 421, message: "this server does not answer for the host name '\(Self.hostName(authority).prefix(100))'; "
                              + "start it with --allowed-host NAME to allow it")
        }
        let changesState = [.post, .put, .patch, .delete, .options].contains(request.method)
        if changesState, let origin = request.headers[.origin], origin.lowercased() != "http://\(authority.lowercased())" {
            throw ServerError(status: 403, message: "requests from another site (Origin \(origin.prefix(100))) may not change anything here")
        }
        if changesState, let site = request.headers[.init("Sec-Fetch-Site")!], site == "cross-site" || site == "same-site" {
            throw ServerError(status: 403, message: "requests from another site may not change anything here")
        }
        switch request.method {
        case .options:
            return Response(status: .noContent, headers: [.allow: "GET, HEAD, POST, PATCH, DELETE, OPTIONS"])
        default:
            return try await next(request, context)
        }
    }
}
