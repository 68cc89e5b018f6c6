import AudioIO
import DJModel
import Foundation
import PlaylistFormats

extension Segue {
    /// Serialises `set` in `format`, paths mapped and names chosen by `options`.
    public static func export(_ set: DJSet, format: SetFormat, options: ExportOptions = .standard) throws(SegueError) -> Data {
        do { return try format.codec.write(set, options: options) } catch { throw SegueError.wrap(error, as: .invalidInput) }
    }

    /// Writes `set` in `format` and returns the path of the file written.
    ///
    /// `path` is the file to write, except for Serato when it does not end in `.crate`: then it is
    /// the root of the drive the music is on, and the crate goes to
    /// `PATH/_Serato_/Subcrates/NAME.crate` (NAME from the playlist name, made safe as a file
    /// name). Nothing is written outside the folder of `path` (or below `path` for Serato).
    @discardableResult
    public static func export(_ set: DJSet, format: SetFormat, to path: String, options: ExportOptions = .standard) throws(SegueError) -> String {
        let data = try export(set, format: format, options: options)
        var target = URL(fileURLWithPath: path).standardizedFileURL
        let folder: URL
        if format == .serato && target.pathExtension.lowercased() != "crate" {
            folder = target
            target = target.appendingPathComponent("_Serato_").appendingPathComponent("Subcrates")
                .appendingPathComponent(SeratoCrate.fileName(for: options.name(for: set))).standardizedFileURL
        } else {
            folder = target.deletingLastPathComponent()
        }
        guard target.path.hasPrefix(folder.path.hasSuffix("/") ? folder.path : folder.path + "/") else {
            throw SegueError(.invalidInput, "\(target.path) is outside \(folder.path); refusing to write it")
        }
        try createFolders(from: folder.path, to: target.deletingLastPathComponent().path)
        do {
            try data.write(to: target, options: .atomic)
        } catch {
            throw SegueError(.ioFailure, "\(target.path): cannot write (\(error.localizedDescription))")
        }
        return target.path
    }

    /// Creates (or enters) each folder from `root` down to `folder`, checking after every step
    /// that its real path — links resolved — is still inside the real path of `root`: a
    /// `_Serato_` that is a link to another folder is refused, not written through.
    /// - Throws: ``SegueError`` naming the folder that leads outside, or that cannot be created.
    static func createFolders(from root: String, to folder: String) throws(SegueError) {
        let manager = FileManager.default
        do { try manager.createDirectory(atPath: root, withIntermediateDirectories: true) } catch {
            throw SegueError(.ioFailure, "\(root): cannot create the folder (\(error.localizedDescription))")
        }
        let realRoot = CanonicalPath.of(root)
        var current = root
        let steps = folder.hasPrefix(root) ? folder.dropFirst(root.count).split(separator: "/").map(String.init) : []
        for step in [""] + steps {
            if !step.isEmpty {
                current = (current as NSString).appendingPathComponent(step)
                if case .missing = FileKind.of(current) {
                    do { try manager.createDirectory(atPath: current, withIntermediateDirectories: false) } catch {
                        throw SegueError(.ioFailure, "\(current): cannot create the folder (\(error.localizedDescription))")
                    }
                }
            }
            guard case .directory = FileKind.of(current) else { throw SegueError(.invalidInput, "\(current) is not a folder; refusing to write into it") }
            guard CanonicalPath.contains(realRoot, CanonicalPath.of(current)) else {
                throw SegueError(.invalidInput, "\(current) leads outside \(root) (a symbolic link to \(CanonicalPath.of(current))); refusing to write through it")
            }
        }
    }

    /// A download file name for `set` in `format`: `segue-set-SEED.EXT` with the seed reduced to
    /// ASCII letters, digits and dashes (at most 60 characters).
    public static func exportFileName(for set: DJSet, format: SetFormat) -> String {
        let slug = set.seed.lowercased().unicodeScalars.map { $0.isASCII && CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" }
        let collapsed = String(slug).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        let seed = collapsed.isEmpty ? "" : "-" + String(collapsed.prefix(60))
        return "segue-\(set.kind.rawValue)\(seed).\(format.codec.fileExtension)"
    }

    /// Reads a JSON set document.
    public static func readSetDocument(at path: String) throws(SegueError) -> DJSet {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw SegueError(.notFound, "\(path): cannot read (\(error.localizedDescription))")
        }
        do { return try JSONSetDocument().decode(data, source: path) } catch { throw SegueError.wrap(error, as: .invalidInput) }
    }
}
