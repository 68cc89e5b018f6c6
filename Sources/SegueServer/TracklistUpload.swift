import Foundation
import Hummingbird
import SegueCore

/// `POST /tracklists?format=FMT&name=NAME`: the body is a tracklist or playlist file in one of the
/// formats `segue import-tracklists` reads; it is imported as that command would import a file
/// called NAME.FMT (uploading the same name again replaces its sets).
enum TracklistUpload {
    /// Largest upload accepted (16 MiB: a rekordbox XML of a large collection).
    static let maxBytes = 16 << 20
    /// Most entries one upload may hold.
    static let maxEntries = 10_000
    /// Content types a page on another site can send without a CORS preflight (which this
    /// server never approves): an upload declared as one of them is refused.
    static let simpleContentTypes: Set<String> = ["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"]

    /// Imports the request's body, in one transaction, and deletes the uploaded copy whatever
    /// the outcome.
    /// - Throws: ``ServerError`` 400 for a missing or unknown format, a malformed file or more than
    ///   ``maxEntries`` entries, 413 for a body over ``maxBytes``, 415 for a missing or
    ///   form/plain-text content type.
    static func handle(_ request: Request, core: Segue) async throws -> ImportReport {
        let query = request.uri.queryParameters
        let declared = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard !declared.isEmpty, !simpleContentTypes.contains(declared) else {
            throw ServerError(status: 415, message: "send the file with Content-Type: application/octet-stream (or its own type, e.g. application/xml); "
                              + "plain-text and form bodies are refused")
        }
        guard let format = query.get("format")?.lowercased(), Segue.playlistFileExtensions.contains(format) else {
            throw ServerError(status: 400, message: "format is required: one of \(Segue.playlistFileExtensions.joined(separator: ", "))")
        }
        let rawName = query.get("name") ?? "upload"
        let name = String(rawName.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(80))
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maxBytes) } catch {
            throw ServerError(status: 413, message: "the file is larger than \(maxBytes) bytes")
        }
        guard buffer.readableBytes > 0 else { throw ServerError(status: 400, message: "the body is empty; send the file as the request body") }
        let fileName = "\(name.isEmpty ? "upload" : name).\(format)"
        let folder = ServerScratch.makeFolder(prefix: "segue-upload-")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fileName)
        try Data(buffer.readableBytesView).write(to: file)
        do {
            return try await BlockingWork.run {
                try core.importTracklists(files: [file.path], sourceNames: ["upload:\(fileName)"], maxEntriesPerFile: maxEntries)
            }
        } catch let error as SegueError {
            // Messages name the upload as the client named it, not the server's temporary copy.
            throw SegueError(error.kind, error.message.replacingOccurrences(of: file.path, with: fileName)
                .replacingOccurrences(of: folder.path + "/", with: ""))
        }
    }
}
