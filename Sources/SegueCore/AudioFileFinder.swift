import AudioIO
import Foundation

/// Finds audio files under folders (recursively), by extension, in a stable order.
public enum AudioFileFinder {
    /// Extensions Segue tries to decode.
    public static let extensions: Set<String> = ["wav", "wave", "aif", "aiff", "flac", "ogg", "oga", "opus", "mp3"]

    /// What a search found: canonical paths of regular audio files, and the audio-named entries
    /// that were passed over with the reason (named pipes, sockets, devices, dangling links,
    /// paths too long to open).
    public struct Result: Sendable, Hashable {
        /// Canonical paths (see ``CanonicalPath``) of regular files, sorted, each once.
        public var files: [String]
        /// `"PATH: reason; skipped"` for every entry not taken.
        public var skipped: [String]
    }

    /// The audio files under `paths` (files are taken as they are; hidden files and folders,
    /// such as unfinished `.partial-` renders, are skipped). Only regular files are returned: the
    /// type is checked with `stat` before anything opens the file, so a named pipe never blocks
    /// a scan. Paths are canonical, so a folder named two ways yields each file once.
    /// - Throws: ``SegueError`` when a path does not exist or is not a file or folder.
    public static func find(_ paths: [String]) throws(SegueError) -> Result {
        var found = Set<String>()
        var skipped: [String] = []
        for path in paths {
            let root = CanonicalPath.of(path)
            switch FileKind.of(root) {
            case .regular: found.insert(root)
            case .directory: walk(root, into: &found, skipped: &skipped)
            case .special(let kind): throw SegueError(.invalidInput, "\(path): \(kind), not a file or folder")
            case .missing: throw SegueError(.notFound, "\(path): no such file or folder")
            }
        }
        return Result(files: found.sorted(), skipped: skipped.sorted())
    }

    /// Walks `folder` depth first with `readdir` (links to folders are not followed, so a loop
    /// cannot trap the walk); a folder or file whose path would be longer than the system allows
    /// is named and skipped instead of vanishing silently.
    private static func walk(_ folder: String, into found: inout Set<String>, skipped: inout [String]) {
        guard let directory = opendir(folder) else {
            skipped.append("\(folder): cannot be listed (\(String(cString: strerror(errno)))); skipped")
            return
        }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder == "/" ? "/" + name : folder + "/" + name
            guard path.utf8.count < Int(PATH_MAX) else {
                skipped.append("\(path.prefix(160))…: the path is longer than the system allows (\(PATH_MAX) bytes); skipped")
                continue
            }
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isLink = info.st_mode & S_IFMT == S_IFLNK
            if info.st_mode & S_IFMT == S_IFDIR {
                folders.append(path)
                continue
            }
            guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            // The walk starts at a canonical folder and never enters a link, so a file that is not
            // a link already has its canonical path; only links are followed and resolved.
            switch isLink ? FileKind.of(path) : FileKind(mode: info.st_mode) {
            case .regular: found.insert(isLink ? CanonicalPath.of(path) : path)
            case .directory: continue
            case .special(let kind): skipped.append("\(path): \(kind), not an audio file; skipped")
            case .missing(let reason): skipped.append("\(path): cannot be opened (\(reason)); skipped")
            }
        }
        for inner in folders.sorted() { walk(inner, into: &found, skipped: &skipped) }
    }
}
