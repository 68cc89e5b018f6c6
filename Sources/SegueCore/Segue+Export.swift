import DJModel
import Foundation
import PlaylistFormats

extension Segue {
    /// Serialises `set` in `format`.
    /// - Throws: ``SegueError`` for a format not available yet.
    public static func export(_ set: DJSet, format: SetFormat) throws(SegueError) -> Data {
        guard let writer = format.writer else {
            throw SegueError(.invalidInput, "the \(format.rawValue) export is not available yet; use m3u8, json or csv")
        }
        do { return try writer.write(set) } catch { throw SegueError(.invalidInput, error.description) }
    }

    /// Writes `set` in `format` to `path`, creating the folder if needed.
    public static func export(_ set: DJSet, format: SetFormat, to path: String) throws(SegueError) {
        let data = try export(set, format: format)
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw SegueError(.ioFailure, "\(path): cannot write (\(error.localizedDescription))")
        }
    }

    /// Reads a JSON set document.
    public static func readSetDocument(at path: String) throws(SegueError) -> DJSet {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw SegueError(.notFound, "\(path): cannot read (\(error.localizedDescription))")
        }
        do { return try JSONSetDocument().decode(data, source: path) } catch { throw SegueError(.invalidInput, error.description) }
    }
}
