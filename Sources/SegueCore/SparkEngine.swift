import Foundation
import Recommender

/// Where and how `segue train --engine spark` runs Spark.
public struct SparkOptions: Sendable, Hashable {
    /// Spark master URL: `local[*]` (all cores of this machine, the default) or a cluster's
    /// `spark://host:7077`, `yarn`, `k8s://…`.
    public var master: String
    /// The Python interpreter that has pyspark (default `$SEGUE_PYTHON` or `python3`).
    public var python: String
    /// Memory of the Spark driver, in Spark's notation (default `2g`).
    public var driverMemory: String

    /// Creates options.
    public init(master: String = "local[*]", python: String? = nil, driverMemory: String = "2g") {
        self.master = master
        self.python = python ?? ProcessInfo.processInfo.environment["SEGUE_PYTHON"] ?? "python3"
        self.driverMemory = driverMemory
    }
}

/// Runs Spark MLlib's implicit ALS through pyspark in a child process and reads its item factors.
///
/// The interactions go out as CSV (`user,item,count` with integer ids) in a temporary folder
/// with the program of ``SparkALSScript``; the same rank, λ, α, iteration count and seed are
/// passed. Spark's semantics differ from `implicit`'s in two documented ways: confidence is
/// `1 + α·count` and λ is scaled by each row's number of interactions (ALS-WR), so equal numbers
/// give comparable but not identical factors.
struct SparkEngine: Sendable {
    let options: SparkOptions

    /// Item factors by column index (columns Spark returned no factors for are absent) and the
    /// fit time Spark reported.
    func fit(triplets: [(row: Int, column: Int, value: Float)], configuration: ALSConfiguration) throws(SegueError) -> (factors: [Int: [Float]], seconds: Double) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-spark-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("interactions.csv"), script = folder.appendingPathComponent(SparkALSScript.fileName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // A track played twice in one set is one cell with count 2, as in Segue's own ALS.
            var cells: [Int64: Float] = [:]
            for triplet in triplets { cells[Int64(triplet.row) << 32 | Int64(triplet.column), default: 0] += triplet.value }
            var csv = "user,item,count\n"
            csv.reserveCapacity(cells.count * 16)
            for (key, count) in cells.sorted(by: { $0.key < $1.key }) { csv += "\(key >> 32),\(key & 0xFFFF_FFFF),\(count)\n" }
            try csv.write(to: input, atomically: true, encoding: .utf8)
            try SparkALSScript.source.write(to: script, atomically: true, encoding: .utf8)
        } catch {
            throw SegueError(.ioFailure, "could not write the Spark job's files in \(folder.path): \(error.localizedDescription)")
        }
        let arguments = [script.path, "--input", input.path, "--output", folder.path, "--rank", String(configuration.factors),
                         "--regularization", String(configuration.regularization), "--alpha", String(configuration.alpha),
                         "--iterations", String(configuration.iterations), "--seed", String(configuration.seed % 1_000_000_007),
                         "--master", options.master, "--driver-memory", options.driverMemory]
        let (status, output, errors) = try run(options.python, arguments)
        guard status == 0 else {
            let tail = errors.split(separator: "\n").suffix(6).joined(separator: "\n")
            let hint = errors.contains("No module named") ? " (install the engine's Python packages: pip install pyspark numpy; Spark also needs Java 17 or later)"
                : errors.contains("JAVA_HOME") || errors.contains("Java gateway") ? " (Spark needs Java 17 or later: apt-get install openjdk-17-jre-headless)" : ""
            throw SegueError(.unsatisfiable, "the Spark ALS job failed with status \(status)\(hint):\n\(tail)")
        }
        let seconds = output.split(separator: "\n").last { $0.hasPrefix("fit_seconds=") }.flatMap { Double($0.dropFirst("fit_seconds=".count)) } ?? 0
        let text: String
        do { text = try String(contentsOf: folder.appendingPathComponent("item_factors.csv"), encoding: .utf8) } catch {
            throw SegueError(.ioFailure, "the Spark ALS job wrote no item factors: \(error.localizedDescription)")
        }
        var factors: [Int: [Float]] = [:]
        for (number, line) in text.split(separator: "\n").enumerated() {
            let fields = line.split(separator: ",")
            guard let id = Int(fields.first ?? ""), fields.count == configuration.factors + 1 else {
                throw SegueError(.ioFailure, "line \(number + 1) of Spark's item factors is malformed")
            }
            let vector = fields.dropFirst().compactMap { Float($0) }
            guard vector.count == configuration.factors, vector.allSatisfy(\.isFinite) else {
                throw SegueError(.unsatisfiable, "Spark returned non-finite factors for item \(id)")
            }
            factors[id] = vector
        }
        return (factors, seconds)
    }

    /// Runs `executable` (looked up on PATH when it has no slash) and collects its output.
    private func run(_ executable: String, _ arguments: [String]) throws(SegueError) -> (Int32, String, String) {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        let outputPipe = Pipe(), errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        do { try process.run() } catch {
            throw SegueError(.unsatisfiable, "could not start \(executable) for the Spark engine (set --python or $SEGUE_PYTHON): \(error.localizedDescription)")
        }
        // Read both pipes to the end before waiting, so a chatty job cannot fill a pipe and stall.
        let errorData = ErrorCollector(), finished = DispatchSemaphore(value: 0)
        Thread {
            errorData.set(errorPipe.fileHandleForReading.readDataToEndOfFile())
            finished.signal()
        }.start()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        finished.wait()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errorData.data, as: UTF8.self))
    }
}

/// Standard error of the child process, filled by a reader thread.
private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = Data()

    func set(_ data: Data) { lock.lock(); storage = data; lock.unlock() }
    var data: Data { lock.lock(); defer { lock.unlock() }; return storage }
}
