import Foundation
@testable import SegueCore
import Testing

/// The Spark program is the file `Sources/SegueCore/Resources/segue_spark_als.py`: the binary
/// carries it unchanged, and Python compiles it.
@Suite("Spark ALS script")
struct SparkALSScriptTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/SegueCore/Resources/segue_spark_als.py")

    @Test func theBinaryCarriesTheFileAndPythonCompilesIt() throws {
        #expect(SparkALSScript.source == (try String(contentsOf: Self.file, encoding: .utf8)))
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("segue-spark-\(UUID().uuidString).py")
        try SparkALSScript.source.write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Compiles without writing a cache file next to the copy.
        process.arguments = ["python3", "-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')", copy.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
