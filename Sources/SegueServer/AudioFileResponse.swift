import Foundation
import Hummingbird

/// An MP3 the server rendered, streamed in 256 KiB pieces.
enum AudioFileResponse {
    /// The file at `path` (a file of the server's own, never a path from a request) as
    /// `audio/mpeg`, read piece by piece so a long mix is never held whole.
    static func mp3(at path: String, fileName: String) throws -> Response {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ServerError(status: 404, message: "the audio is gone; render it again") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        let body = ResponseBody { writer in
            defer { try? handle.close() }
            while let piece = try handle.read(upToCount: 256 * 1024), !piece.isEmpty {
                try await writer.write(ByteBuffer(bytes: piece))
            }
            try await writer.finish(nil)
        }
        var headers: HTTPFields = [.contentType: "audio/mpeg", .contentDisposition: "inline; filename=\"\(fileName)\""]
        if let size { headers[.contentLength] = String(size) }
        return Response(status: .ok, headers: headers, body: body)
    }
}
