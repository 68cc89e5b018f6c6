import Foundation
import Testing

/// The `segue` command line end to end: the built binary run as a user runs it, on a small
/// library of six synthesised 40-second tracks (`segue synth`, then `segue scan`), checking exit
/// codes and what is printed.
@Suite("Command line")
struct CommandLineTests {
    /// The binary next to the test bundle (SwiftPM builds it: this target depends on it).
    static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("segue").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/segue").path
    }()

    /// What a run printed and how it ended.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   errors: String(decoding: errorData, as: UTF8.self))
    }

    /// A scanned library of six tracks (house and techno at 122–126 BPM in six keys) and a broken
    /// file, made once for the suite in one folder that each run replaces (so runs leave one
    /// folder behind, not one each).
    static let library: Result<(folder: URL, library: String), any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-cli-tests-\(getuid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let specs = [("house", 122, "A minor"), ("house", 124, "E minor"), ("techno", 126, "C major"),
                     ("house", 123, "D minor"), ("techno", 125, "G major"), ("house", 124, "A minor")]
        for (index, spec) in specs.enumerated() {
            let made = try run(["synth", "--style", spec.0, "--bpm", "\(spec.1)", "--key", spec.2, "--seconds", "40", "--seed", "\(index + 1)",
                                "--artist", "Artist \(index + 1)", "--title", "Track \(index + 1)",
                                "--out", folder.appendingPathComponent("t\(index + 1).flac").path])
            guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: made.errors]) }
        }
        try Data("not audio at all".utf8).write(to: folder.appendingPathComponent("broken.flac"))
        let library = folder.appendingPathComponent("library.sqlite").path
        let scan = try run(["scan", folder.path, "--library", library, "--jobs", "2"])
        guard scan.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: scan.errors]) }
        return (folder, library)
    }

    @Test func scanNamesTheFileItSkipped() throws {
        let (folder, library) = try Self.library.get()
        let again = try Self.run(["scan", folder.path, "--library", library])
        #expect(again.status == 0, "\(again.errors)")
        #expect((again.output + again.errors).contains("broken.flac"), "\(again.output)\(again.errors)")
        #expect(again.output.contains("6 unchanged"), "\(again.output)")
    }

    @Test func aSetPrintsItsTracksWithTheirKeys() throws {
        let (_, library) = try Self.library.get()
        let set = try Self.run(["set", "--seed", "Artist 1 - Track 1", "--minutes", "3", "--library", library])
        #expect(set.status == 0, "\(set.errors)")
        #expect(set.output.contains("Artist 1 – Track 1"))
        #expect(set.output.contains("A minor"), "\(set.output)")
        #expect(!set.output.contains("Optional"), "\(set.output)")
        #expect(set.output.contains("Transitions:"))
    }

    @Test func similarTracksListTheirScoresAndKeys() throws {
        let (_, library) = try Self.library.get()
        let similar = try Self.run(["similar", "Artist 2 - Track 2", "--by", "content", "--limit", "3", "--library", library])
        #expect(similar.status == 0, "\(similar.errors)")
        let rows = similar.output.split(separator: "\n").dropFirst()
        #expect(rows.count == 3, "\(similar.output)")
        #expect(!similar.output.contains("Optional"), "\(similar.output)")
    }

    @Test func anUnknownSeedFailsWithTheClosestMatches() throws {
        let (_, library) = try Self.library.get()
        let set = try Self.run(["set", "--seed", "nobody - nothing", "--library", library])
        #expect(set.status != 0)
        #expect(set.errors.contains("no track matches 'nobody - nothing'"), "\(set.errors)")
        #expect(set.errors.contains("Artist"), "\(set.errors)")
    }

    @Test func badArgumentsAreRejectedBeforeAnyWork() throws {
        let (_, library) = try Self.library.get()
        let minutes = try Self.run(["set", "--seed", "1", "--minutes", "-3", "--library", library])
        #expect(minutes.status != 0)
        #expect(!minutes.errors.isEmpty)
        let unknown = try Self.run(["no-such-command"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("no-such-command") || unknown.errors.lowercased().contains("unexpected"), "\(unknown.errors)")
    }
}
