import Foundation
import Hummingbird

/// JSON bodies in and out.
enum JSONResponses {
    /// A JSON response with `status`.
    static func encode<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return json(try encoder.encode(value), status: status)
    }

    /// An answer with an already encoded JSON body.
    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The error document `{ "error": message }`.
    static func error(_ error: ServerError) -> Response {
        var fields = ["error": error.message]
        if let field = error.field { fields["field"] = field }
        let body = (try? JSONEncoder().encode(fields)) ?? Data("{\"error\":\"internal error\"}".utf8)
        var response = json(body, status: HTTPResponse.Status(code: error.status))
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    /// Why a body failed to decode when the decoder does not say: Foundation reports a fraction
    /// given for an integer field (`"position": 1.5`) as "not valid JSON" with no field, so a
    /// body that is valid JSON is searched for the fractional numbers that are the likely cause.
    static func describeUndecodable(_ body: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            return "the request body is not valid JSON"
        }
        var fractional: [String] = []
        func walk(_ value: Any, _ path: String) {
            if let dictionary = value as? [String: Any] {
                for (key, inner) in dictionary { walk(inner, path.isEmpty ? key : "\(path).\(key)") }
            } else if let array = value as? [Any] {
                for (index, inner) in array.enumerated() { walk(inner, "\(path)[\(index)]") }
            } else if let number = value as? NSNumber, !(value is Bool), number.doubleValue.rounded() != number.doubleValue {
                fractional.append(path)
            }
        }
        walk(object, "")
        if fractional.isEmpty { return "a field of the request body has a value of the wrong type" }
        let names = fractional.sorted().prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return fractional.count == 1 ? "field \(names) must be a whole number" : "one of the fields \(names) must be a whole number"
    }

    /// Decodes a request body of at most `limit` bytes as `T`.
    /// - Throws: ``ServerError`` 415 unless the body is declared `application/json` (a page on
    ///   another site can only send `text/plain` and form types without a preflight, which this
    ///   server never approves), 413 for a body over the limit, 400 for malformed JSON or wrong types.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let declared = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard declared == "application/json" else {
            throw ServerError(status: 415, message: "send the body as JSON with Content-Type: application/json (got \(declared.map { "'\($0.prefix(60))'" } ?? "none"))")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw ServerError(status: 413, message: "request body is larger than \(limit) bytes")
        }
        do { return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)) } catch let DecodingError.keyNotFound(key, _) {
            throw ServerError(status: 400, message: "missing field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(expected, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ServerError(status: 400, message: "field '\(field)' must be \(JSONTypeName.of(expected))")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            // Foundation reports a number that does not fit the field's type (1.5 for an integer)
            // as corrupt data: say which type the field takes.
            if context.debugDescription.contains("does not fit") || context.debugDescription.contains("Parsed JSON number") {
                throw ServerError(status: 400, message: "field '\(field)' must be a whole number")
            }
            throw ServerError(status: 400, message: "field '\(field)' is invalid: \(context.debugDescription.prefix(200))")
        } catch {
            throw ServerError(status: 400, message: describeUndecodable(Data(buffer.readableBytesView)))
        }
    }
}
