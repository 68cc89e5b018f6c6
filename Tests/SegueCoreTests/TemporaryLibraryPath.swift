import Foundation

/// A fresh library path in the temporary directory, removed with its WAL and shared-memory files
/// when the body returns.
func withTemporaryLibraryPath<T>(_ name: String, _ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-\(name)-\(UUID().uuidString).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    return try body(path)
}
