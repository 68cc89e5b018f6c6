import AudioIO
import Foundation
import Hummingbird
import SegueCore

/// A library track's audio file as a player wants it: the whole file or the one byte range the
/// request's `Range` header asks for (206, `Content-Range`), with `Accept-Ranges: bytes`, read
/// piece by piece. The file comes from the library by track id, never from a request's path.
enum LibraryAudioResponse {
    /// The response for `file` to `request`.
    /// The file is opened by the core (``Segue/openTrackAudio(id:)``), checked to be the scanned file.
    static func make(_ file: (descriptor: Int32, contentType: String, size: Int64), request: Request) throws -> Response {
        let handle = FileHandle(fileDescriptor: file.descriptor, closeOnDealloc: true)
        let size = file.size
        var headers: HTTPFields = [.contentType: file.contentType, .acceptRanges: "bytes", .cacheControl: "no-cache"]
        let range: ByteRange
        let status: HTTPResponse.Status
        switch ByteRange.parse(request.headers[.range], size: size) {
        case .whole:
            range = ByteRange(start: 0, end: size - 1)
            status = .ok
        case .range(let asked):
            range = asked
            status = .partialContent
            headers[.contentRange] = "bytes \(asked.start)-\(asked.end)/\(size)"
        case .unsatisfiable:
            try? handle.close()
            headers[.contentRange] = "bytes */\(size)"
            headers[.contentType] = "application/json"
            let body = Data("{\"error\":\"the range starts past the end of the \(size)-byte file\"}".utf8)
            headers[.contentLength] = String(body.count)
            return Response(status: .rangeNotSatisfiable, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        headers[.contentLength] = String(max(0, range.length))
        return Response(status: status, headers: headers,
                        body: AudioFileResponse.pieces(of: handle, from: UInt64(max(0, range.start)), length: max(0, range.length)))
    }
}
