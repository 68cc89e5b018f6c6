import Foundation

/// Holds a library's SQLite write lock from another process (Python's sqlite3, `BEGIN
/// IMMEDIATE`) until released: a scan started meanwhile cannot store a track or finish, so a test
/// can ask for conflicting scans without racing it.
final class LibraryWriteLock: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()

    /// Takes the lock and returns once it is held.
    init(library: String) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
            connection.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            sys.stdin.read()
            connection.execute("ROLLBACK")
            """, library]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.readData(ofLength: 7), as: UTF8.self)
        guard line.hasPrefix("locked") else { throw CocoaError(.fileLocking) }
    }

    /// Releases the lock and waits for the holder to exit.
    func release() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
