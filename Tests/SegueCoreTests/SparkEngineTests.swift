import DJModel
import Foundation
import Recommender
@testable import SegueCore
import SegueMath
import Testing

/// `segue train --engine spark` against a real local Spark, when pyspark and Java are installed
/// (`.ci/run` installs both; set `SEGUE_PYTHON` to a Python that has pyspark). Under `CI=true` it
/// runs whatever is installed, so a missing tool fails the build instead of skipping the test.
@Suite("Spark engine")
struct SparkEngineTests {
    /// Whether `SEGUE_PYTHON` (or python3) imports pyspark and Java runs; the reason when not.
    static let availability: (ready: Bool, reason: String) = {
        let python = SparkOptions().python
        func succeeds(_ arguments: [String]) -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        guard succeeds([python, "-c", "import pyspark"]) else { return (false, "\(python) cannot import pyspark (set SEGUE_PYTHON)") }
        guard succeeds(["java", "-version"]) else { return (false, "no Java runtime on PATH (Spark needs Java 17+)") }
        return (true, "")
    }()

    @Test(.enabled(if: availability.ready || ProcessInfo.processInfo.environment["CI"] == "true", "skipped: \(availability.reason)"),
          .timeLimit(.minutes(5)))
    func sparkFactorsKeepScenesTogether() throws {
        try withTemporaryLibraryPath("spark") { path in try sparkFactorsKeepScenesTogether(at: path) }
    }

    private func sparkFactorsKeepScenesTogether(at path: String) throws {
        let (segue, ids) = try ContentSpaceTests.makeLibrary(tracks: 80, at: path)
        let als = try ALSConfiguration(factors: 8, regularization: 0.1, alpha: 10, iterations: 8, threads: 2)
        let report = try segue.train(options: TrainingOptions(als: als, engine: .spark(SparkOptions(master: "local[2]"))))
        #expect(report.engine == "spark (local[2])")
        #expect(report.tracksWithFactors == 80)
        let factors = try segue.library.factors(kind: .als)
        // Tracks i and j share a scene when i ≡ j (mod 4): they must be closer than other pairs.
        var same = 0.0, other = 0.0, sameCount = 0.0, otherCount = 0.0
        for i in 0..<40 {
            for j in (i + 1)..<40 {
                let similarity = Double(VectorMath.cosine(try #require(factors[ids[i]]), try #require(factors[ids[j]])))
                if i % 4 == j % 4 { same += similarity; sameCount += 1 } else { other += similarity; otherCount += 1 }
            }
        }
        #expect(same / sameCount > other / otherCount + 0.3)
        #expect(["ridge", "network"].contains(report.contentModel))
    }

    @Test func aMissingInterpreterIsANamedError() throws {
        try withTemporaryLibraryPath("spark") { path in
            let (segue, _) = try ContentSpaceTests.makeLibrary(tracks: 24, at: path)
            let options = TrainingOptions(als: try ALSConfiguration(factors: 4, iterations: 2),
                                          engine: .spark(SparkOptions(python: "/nonexistent/python3")))
            #expect {
                try segue.train(options: options)
            } throws: { error in
                (error as? SegueError)?.message.contains("/nonexistent/python3") == true
            }
        }
    }
}
