import Foundation

/// The one spelling of a file's path that the library stores and compares: absolute, with
/// symbolic links resolved and no `//`, `.`, `..` or trailing `/`. Two spellings of the same file
/// ("/music//a.flac", "/music/./a.flac", a link to it) give the same canonical path, so one file
/// is one track however the folder was named.
public enum CanonicalPath {
    /// The canonical form of `path` (made absolute against the working directory first).
    ///
    /// Existing files and folders are resolved with `realpath(3)` (links followed); a path that
    /// does not exist (a moved file, a catalogue entry) is only standardised lexically.
    /// - Complexity: one `realpath` call (a few `lstat`s).
    public static func of(_ path: String) -> String {
        let lexical = standardized(path)
        guard let resolved = realpath(lexical, nil) else { return lexical }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` made absolute and standardised without touching the file system: repeated slashes
    /// collapsed, `.` removed, `..` applied, no trailing slash (except for `/` itself).
    public static func standardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether `inner` is `outer` or lies inside it (both canonical).
    public static func contains(_ outer: String, _ inner: String) -> Bool {
        outer == inner || outer == "/" || inner.hasPrefix(outer + "/")
    }
}
