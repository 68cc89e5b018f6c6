import Foundation

/// Finds audio files under folders (recursively), by extension, in a stable order.
public enum AudioFileFinder {
    /// Extensions Segue tries to decode.
    public static let extensions: Set<String> = ["wav", "wave", "aif", "aiff", "flac", "ogg", "oga", "opus", "mp3"]

    /// Absolute paths of audio files under `paths` (files are taken as they are; hidden files
    /// and folders, such as unfinished `.partial-` renders, are skipped).
    /// - Throws: ``SegueError`` when a path does not exist.
    public static func find(_ paths: [String]) throws(SegueError) -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for path in paths {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw SegueError(.notFound, "\(path): no such file or folder")
            }
            if !isDirectory.boolValue {
                found.append(absolute)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: absolute) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let fileExtension = (relative as NSString).pathExtension.lowercased()
                if extensions.contains(fileExtension) { found.append((absolute as NSString).appendingPathComponent(relative)) }
            }
        }
        return Array(Set(found)).sorted()
    }
}
