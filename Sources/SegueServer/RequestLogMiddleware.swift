import Hummingbird
import Logging

/// Gives every request an id (the client's `X-Request-Id` when it is short, printable ASCII,
/// else Hummingbird's), returns it in the `X-Request-Id` response header, and logs one line per
/// request with its id, method, path, status and time in milliseconds as metadata.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        let offered = request.headers[.init("X-Request-Id")!]
        let id = offered.flatMap { $0.count <= 64 && $0.allSatisfy { $0.isASCII && !$0.isWhitespace && $0.asciiValue! >= 0x21 } ? $0 : nil }
            ?? context.id
        context.logger[metadataKey: "request.id"] = .string(id)
        var response = try await next(request, context)
        response.headers[.init("X-Request-Id")!] = id
        let elapsed = started.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "status": .stringConvertible(response.status.code), "ms": .string(String(Int(saturating: milliseconds.rounded()))),
        ])
        return response
    }
}
