import Foundation
import Hummingbird

/// JSON bodies in and out.
enum JSONResponses {
    /// A JSON response with `status`.
    static func encode<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The error document `{ "error": message }`.
    static func error(_ error: ServerError) -> Response {
        let body = (try? JSONEncoder().encode(["error": error.message])) ?? Data("{\"error\":\"internal error\"}".utf8)
        return Response(status: HTTPResponse.Status(code: error.status), headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Decodes a request body of at most `limit` bytes as `T`.
    /// - Throws: ``ServerError`` 413 for a body over the limit, 400 for malformed JSON or wrong types.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw ServerError(status: 413, message: "request body is larger than \(limit) bytes")
        }
        do { return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)) } catch let DecodingError.keyNotFound(key, _) {
            throw ServerError(status: 400, message: "missing field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ServerError(status: 400, message: "field '\(field)' has the wrong type: \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ServerError(status: 400, message: "field '\(field)' is invalid: \(context.debugDescription)")
        } catch {
            throw ServerError(status: 400, message: "the request body is not valid JSON")
        }
    }
}
