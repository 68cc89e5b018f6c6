import Foundation
import Hummingbird
import SegueCore

/// `POST /tracklists?format=FMT&name=NAME`: the body is a tracklist or playlist file in one of the
/// formats `segue import-tracklists` reads; it is imported as that command would import a file
/// called NAME.FMT (uploading the same name again replaces its sets).
enum TracklistUpload {
    /// Largest upload accepted (16 MiB: a rekordbox XML of a large collection).
    static let maxBytes = 16 << 20

    /// Imports the request's body.
    /// - Throws: ``ServerError`` 400 for a missing or unknown format or a malformed file, 413 for
    ///   a body over ``maxBytes``.
    static func handle(_ request: Request, core: Segue) async throws -> ImportReport {
        let query = request.uri.queryParameters
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-uploads")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(name.isEmpty ? "upload" : name).\(format)")
        try Data(buffer.readableBytesView).write(to: file, options: .atomic)
        return try core.importTracklists(files: [file.path])
    }
}
