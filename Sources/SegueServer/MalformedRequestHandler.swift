import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request that cannot be parsed as HTTP — an unknown method, a URL or headers beyond
/// the decoder's limits (80 KiB, 1000 fields) — with `400 {"error": …}` and closes the
/// connection. Without it such a request gets a 400 with an empty body: every answer of the
/// server is JSON. Sits after the HTTP decoder in the channel pipeline and swallows the parser
/// error once it has answered.
final class MalformedRequestHandler: ChannelDuplexHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let reason: String
        switch parserError {
        case .invalidMethod: reason = "unknown HTTP method"
        case .headerOverflow: reason = "the request line or headers are larger than 80 KiB or more than 1000 fields"
        case .invalidURL: reason = "the URL is not valid"
        default: reason = "the request is not valid HTTP/1.1"
        }
        let body = "{\"error\":\"\(reason)\"}"
        let head = HTTPResponse(status: .badRequest, headerFields: [
            .contentType: "application/json; charset=utf-8", .contentLength: String(body.utf8.count), .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(string: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
