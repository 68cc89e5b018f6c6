import AudioIO
import Foundation

/// Renders the General MIDI fixtures (`Fixtures/midi/`, written by `Benchmarks/analysis/gm_corpus.py`)
/// with FluidSynth on Debian's General MIDI soundfonts, so that the estimators are tested on
/// sampled instruments and drum kits that Segue's own synthesiser did not make.
///
/// `scripts/install-test-tools.sh` installs FluidSynth and the soundfonts; tests that need them
/// are skipped when they are missing, except under CI (`CI=true`), where they fail.
enum GeneralMIDIRendering {
    /// The soundfonts the tests render with, by name.
    static let soundfonts = [
        "timgm6mb": "/usr/share/sounds/sf2/TimGM6mb.sf2",
        "musescore": "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3",
    ]
    /// The FluidSynth executable, if installed.
    static let fluidsynth = ["/usr/bin/fluidsynth", "/usr/local/bin/fluidsynth"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// Whether FluidSynth and every soundfont are installed.
    static let available = fluidsynth != nil && soundfonts.values.allSatisfy { FileManager.default.fileExists(atPath: $0) }
    /// Whether the tests run: the tools are there, or CI demands them.
    static let enabled = available || ProcessInfo.processInfo.environment["CI"] == "true"

    /// The fixture folder.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent("midi")

    /// One fixture's truth, from `Fixtures/midi/truth.csv`.
    struct Fixture: Sendable, CustomStringConvertible {
        var id: String
        var style: String
        var bpm: Double?
        var key: String
        var kit: String
        var description: String { "\(id) (\(style), \(kit))" }
    }

    /// Every fixture listed in `truth.csv`.
    static func fixtures() throws -> [Fixture] {
        let text = try String(contentsOf: folder.appendingPathComponent("truth.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
            return Fixture(id: row["id"] ?? "", style: row["style"] ?? "", bpm: Double(row["bpm"] ?? ""), key: row["key"] ?? "",
                           kit: row["kit"] ?? "")
        }
    }

    /// Renders `fixture` with the soundfont `soundfont` and returns mono samples at 22 050 Hz.
    static func render(_ fixture: Fixture, soundfont: String) throws -> DecodedAudio {
        guard let fluidsynth, let font = soundfonts[soundfont] else {
            throw RenderingError("FluidSynth or the \(soundfont) soundfont is not installed (run scripts/install-test-tools.sh)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("segue-gm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let wav = scratch.appendingPathComponent("\(fixture.id).wav").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fluidsynth)
        process.arguments = ["-ni", "-q", "-g", "0.4", "-r", "44100", "-F", wav, "-T", "wav", font,
                             folder.appendingPathComponent("\(fixture.id).mid").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RenderingError("fluidsynth failed on \(fixture.id) (status \(process.terminationStatus))") }
        return try AudioDecoder().decode(path: wav, sampleRate: 22050)
    }

    /// A rendering failure, with what went wrong.
    struct RenderingError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
