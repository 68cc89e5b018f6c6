import Foundation
import Hummingbird
import SegueCore
import PlaylistFormats
import DJModel

/// The download of `GET /sets/{id}/export`: the set in the asked format with its content type
/// and an attachment file name.
enum ExportResponse {
    /// Builds the response from the request's query: `format` (required), `pathPrefix` (FROM=TO,
    /// repeatable), `name`, `volume` (Traktor), `volumeRoot` (Serato).
    /// - Throws: ``ServerError`` 400 for a missing or unknown format or a bad option.
    static func make(_ set: DJSet, request: Request) throws -> Response {
        let query = request.uri.queryParameters
        guard let formatName = query.get("format") else {
            throw ServerError(status: 400, message: "format is required: one of \(SetFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let format: SetFormat
        let options: ExportOptions
        do {
            format = try SetFormat(name: formatName)
            options = ExportOptions(pathMapping: try PathMapping(parsing: query.getAll("pathPrefix").map { String($0) }),
                                    playlistName: query.get("name"), systemVolume: query.get("volume") ?? "Macintosh HD",
                                    volumeRoot: query.get("volumeRoot"))
        } catch {
            throw ServerError(status: 400, message: error.description)
        }
        let data = try Segue.export(set, format: format, options: options)
        // Both names are clean already: the crate name has no invisible format characters (a
        // right-to-left override would disguise the extension) and the other is an ASCII slug.
        let fileName = format == .serato ? SeratoCrate.fileName(for: options.name(for: set)) : Segue.exportFileName(for: set, format: format)
        // The ASCII fallback name and the RFC 5987 UTF-8 one.
        let ascii = String(fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let disposition = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(FileLocation.percentEncoded(fileName))"
        return Response(status: .ok, headers: [.contentType: format.codec.contentType, .contentDisposition: disposition],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
