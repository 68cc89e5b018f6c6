import Foundation
import Hummingbird

/// An MP3 the server rendered, streamed in 256 KiB pieces (``pieces(of:from:length:)``, which
/// ``LibraryAudioResponse`` streams byte ranges with too).
enum AudioFileResponse {
    /// The file at `path` (a file of the server's own, never a path from a request) as
    /// `audio/mpeg`, read piece by piece so a long mix is never held whole.
    static func mp3(at path: String, fileName: String) throws -> Response {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ServerError(status: 404, message: "the audio is gone; render it again") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        var headers: HTTPFields = [.contentType: "audio/mpeg", .contentDisposition: "inline; filename=\"\(fileName)\""]
        if let size { headers[.contentLength] = String(size) }
        return Response(status: .ok, headers: headers, body: pieces(of: handle))
    }

    /// A body that reads `handle` in 256 KiB pieces from `offset` (wherever the handle was left),
    /// `length` bytes (to the end when nil), and closes it when done.
    static func pieces(of handle: FileHandle, from offset: UInt64 = 0, length: Int64? = nil) -> ResponseBody {
        ResponseBody { writer in
            defer { try? handle.close() }
            try handle.seek(toOffset: offset)
            var remaining = length ?? .max
            while remaining > 0, let piece = try handle.read(upToCount: Int(min(remaining, 256 * 1024))), !piece.isEmpty {
                try await writer.write(ByteBuffer(bytes: piece))
                remaining -= Int64(piece.count)
            }
            try await writer.finish(nil)
        }
    }
}
