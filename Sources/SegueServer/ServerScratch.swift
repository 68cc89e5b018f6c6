import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The server's scratch folders in the system's temporary folder (`segue-renders-PID-…`,
/// `segue-upload-PID-…`): named after the process that made them, so that a server starting after
/// a crash or `kill -9` deletes those whose process is gone.
enum ServerScratch {
    /// The prefixes of the scratch folders the server makes.
    static let prefixes = ["segue-renders-", "segue-upload-"]

    /// A new folder `PREFIX-PID-RANDOM` under the temporary folder, created (mode 0700).
    static func makeFolder(prefix: String) -> URL {
        let name = "\(prefix)\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url
    }

    /// The scratch folders in the temporary folder, each with the process id in its name (nil
    /// for a folder named before names carried one).
    static func folders() -> [(url: URL, process: Int32?)] {
        let temporary = FileManager.default.temporaryDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary.path) else { return [] }
        return names.compactMap { name in
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { return nil }
            let rest = name.dropFirst(prefix.count)
            return (temporary.appendingPathComponent(name), rest.firstIndex(of: "-").flatMap { Int32(rest[..<$0]) })
        }
    }

    /// Deletes the scratch folders left by servers that are no longer running (their process id
    /// is gone, or the folder predates process ids in names and is over a day old).
    /// - Returns: how many folders were deleted.
    @discardableResult
    static func removeStale() -> Int {
        var removed = 0
        for (url, process) in folders() {
            let stale: Bool
            if let process {
                stale = process != getpid() && kill(process, 0) != 0 && errno == ESRCH
            } else {
                let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? nil
                stale = modified.map { Date().timeIntervalSince($0) > 86_400 } ?? false
            }
            if stale, (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }
}

/// Deletes this process's scratch folders (rendered mixes, previews, uploads in progress): call it
/// when the server has stopped. A server killed before it could is cleaned up by the next one.
/// - Parameter process: whose folders (this process's by default).
public func removeServerScratchFolders(of process: Int32 = getpid()) {
    for (url, owner) in ServerScratch.folders() where owner == process { try? FileManager.default.removeItem(at: url) }
}
