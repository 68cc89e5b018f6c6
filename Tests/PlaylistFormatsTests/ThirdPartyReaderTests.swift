import DJModel
import Foundation
import PlaylistFormats
import Testing

/// Segue's rekordbox, Traktor and Serato exports read back by the readers DJs' tools use:
/// pyrekordbox, traktor-nml-utils and serato-tools (PyPI; `scripts/install-test-tools.sh` puts
/// them in `.venv-tools`, `SEGUE_PYTHON` names that Python). Every track's path, title, artist,
/// BPM, key and the order must be what Segue wrote (a crate holds paths only). Skipped when the
/// readers are missing, except under `CI=true`, where a missing reader fails the test.
@Suite("Third-party readers")
struct ThirdPartyReaderTests {
    static let python = ProcessInfo.processInfo.environment["SEGUE_PYTHON"] ?? "python3"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ThirdParty/read_export.py").path
    static let readersInstalled: Bool = (try? run([python, "-c", "import pyrekordbox, traktor_nml_utils, serato_tools"])) != nil
    static let enabled = readersInstalled || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Runs a command, returning its standard output; throws with its standard error when it fails.
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ReaderFailure(message: "\(arguments.joined(separator: " ")): \(errorText)") }
        return data
    }

    struct ReaderFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// What a third-party reader returned for one track.
    struct ReadTrack: Decodable {
        struct TraktorPath: Decodable { var volume: String, dir: String, file: String }
        enum PathValue: Decodable {
            case plain(String), traktor(TraktorPath)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) { self = .plain(text) } else { self = .traktor(try container.decode(TraktorPath.self)) }
            }
        }
        enum KeyValue: Decodable {
            case text(String), number(Int)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
            }
        }
        var path: PathValue
        var title: String?
        var artist: String?
        var bpm: Double?
        var key: KeyValue?
        var keyText: String?
        var gridBpm: [Double]?
        var cues: [ReadCue]?
        /// Beat-grid anchors: where (seconds) and which beat of the bar (rekordbox `TEMPO`
        /// `Inizio` and `Battito`; Traktor's grid marker, always beat 1).
        var grid: [ReadGridAnchor]?
    }

    /// A beat-grid anchor as a third-party reader returned it.
    struct ReadGridAnchor: Decodable, Equatable {
        var seconds: Double
        var beat: Int
    }

    /// A cue as a third-party reader returned it.
    struct ReadCue: Decodable, Equatable {
        var name: String
        var type: String
        var seconds: Double
        var hotCue: Int
    }

    struct ReaderOutput: Decodable {
        var reader: String
        var tracks: [ReadTrack]
    }

    static func read(_ set: DJSet, format: SetFormat, options: ExportOptions = .standard) throws -> ReaderOutput {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A crate lives in _Serato_/Subcrates on the drive; serato-tools works out the drive from that.
        let file = format == .serato
            ? folder.appendingPathComponent("_Serato_/Subcrates/Segue.crate")
            : folder.appendingPathComponent("export.\(format.codec.fileExtension)")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try format.codec.write(set, options: options).write(to: file)
        return try JSONDecoder().decode(ReaderOutput.self, from: try run([python, script, format.rawValue, file.path]))
    }

    static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    @Test(.enabled(if: enabled, "skipped: \(python) cannot import pyrekordbox, traktor_nml_utils and serato_tools (run scripts/install-test-tools.sh, set SEGUE_PYTHON)"))
    func pyrekordboxReadsEveryField() throws {
        let set = ExportSamples.hard
        let output = try Self.read(set, format: .rekordbox)
        #expect(output.reader == "pyrekordbox")
        try #require(output.tracks.count == set.tracks.count)
        for (read, track) in zip(output.tracks, set.tracks) {
            guard case .plain(let path) = read.path else { Issue.record("rekordbox path is not text"); continue }
            #expect(path == Self.nfc(track.path))
            #expect(read.title == Self.nfc(track.title))
            #expect(read.artist == Self.nfc(track.artist))
            #expect(read.bpm == track.bpm)
            #expect(read.gridBpm == [track.bpm])
            guard case .text(let tonality) = read.key else { Issue.record("no Tonality for \(track.title)"); continue }
            #expect(MusicalKey(parsing: tonality) == track.key)
        }
    }

    /// A set whose tracks' first beat is not their downbeat (bar 1 three beats later): rekordbox
    /// gets the first beat as the bar's second beat, Traktor's grid marker sits on the downbeat,
    /// so the software's bar lines fall on Segue's bars.
    @Test(.enabled(if: enabled, "skipped: third-party readers are not installed"))
    func exportsPutTheBarLinesOnSeguesDownbeats() throws {
        var set = ExportSamples.hard
        let period = 60 / set.tracks[0].bpm
        set.tracks[0].firstBeat = 0.489
        set.tracks[0].downbeat = 0.489 + 3 * period
        set.tracks[1].firstBeat = 0.25
        set.tracks[1].downbeat = 0.25
        let rekordbox = try Self.read(set, format: .rekordbox)
        #expect(rekordbox.tracks[0].grid == [ReadGridAnchor(seconds: 0.489, beat: 2)], "\(String(describing: rekordbox.tracks[0].grid))")
        #expect(rekordbox.tracks[1].grid == [ReadGridAnchor(seconds: 0.25, beat: 1)])
        let traktor = try Self.read(set, format: .traktor)
        let marker = try #require(traktor.tracks[0].grid?.first)
        // On a downbeat of Segue's bars: bar 1, or a whole number of bars before it, at or after 0:00.
        let barsBefore = (marker.seconds - (0.489 + 3 * period)) / (4 * period)
        #expect(marker.seconds >= 0 && abs(barsBefore - barsBefore.rounded()) < 0.001, "Traktor's grid marker off Segue's bars: \(marker.seconds)")
        #expect(abs((traktor.tracks[1].grid?.first?.seconds ?? -1) - 0.25) < 0.001)
    }

    @Test(.enabled(if: enabled, "skipped: third-party readers are not installed"))
    func pyrekordboxReadsTheCues() throws {
        let set = ExportSamples.hard
        let output = try Self.read(set, format: .rekordbox)
        try #require(output.tracks.count == set.tracks.count)
        for (read, track) in zip(output.tracks, set.tracks) {
            let cues = try #require(track.cues)
            let marks = try #require(read.cues)
            // Every cue a memory cue (Num −1) with its name and time; mix in and out again as hot cues A and B.
            let memory = marks.filter { $0.hotCue == -1 }
            #expect(memory.map(\.name) == cues.map { Self.nfc($0.name) })
            for (mark, cue) in zip(memory, cues) {
                #expect(abs(mark.seconds - cue.time) < 0.0005, "\(cue.name) of \(track.title): \(mark.seconds) s, wrote \(cue.time) s")
                #expect(mark.type == (cue.kind == .load ? "load" : "cue"))
            }
            let hot = marks.filter { $0.hotCue >= 0 }
            #expect(hot.map(\.hotCue) == [0, 1])
            #expect(hot.map(\.seconds) == [cues.first { $0.kind == .mixIn }!.time, cues.first { $0.kind == .mixOut }!.time])
        }
    }

    @Test(.enabled(if: enabled, "skipped: third-party readers are not installed"))
    func traktorNMLUtilsReadsTheCues() throws {
        let set = ExportSamples.hard
        let output = try Self.read(set, format: .traktor)
        try #require(output.tracks.count == set.tracks.count)
        for (read, track) in zip(output.tracks, set.tracks) {
            let cues = try #require(track.cues)
            let markers = try #require(read.cues)
            #expect(markers.map(\.name) == cues.map { Self.nfc($0.name) })
            for (marker, cue) in zip(markers, cues) {
                #expect(abs(marker.seconds - cue.time) < 0.000_001, "\(cue.name) of \(track.title): \(marker.seconds) s, wrote \(cue.time) s")
                // Traktor's marker types: 0 cue, 1 fade-in, 2 fade-out, 3 load.
                let expected: (type: String, hotCue: Int) = switch cue.kind {
                case .load: ("3", -1)
                case .mixIn: ("1", 1)
                case .mixOut: ("2", 2)
                case .drop: ("0", 3)
                }
                #expect(marker.type == expected.type && marker.hotCue == expected.hotCue, "\(cue.name): \(marker)")
            }
        }
    }

    @Test(.enabled(if: enabled, "skipped: third-party readers are not installed"))
    func pyrekordboxReadsWindowsPaths() throws {
        let options = ExportOptions(pathMapping: try PathMapping(parsing: ["/music=D:/DJ Music"]))
        let output = try Self.read(ExportSamples.hard, format: .rekordbox, options: options)
        guard case .plain(let path) = output.tracks.first?.path else { Issue.record("no path"); return }
        #expect(path == "D:/DJ Music/Nova - Hollow Atlas.flac")
    }

    @Test(.enabled(if: enabled, "skipped: third-party readers are not installed"))
    func traktorNMLUtilsReadsEveryField() throws {
        let set = ExportSamples.hard
        let output = try Self.read(set, format: .traktor)
        #expect(output.reader == "traktor-nml-utils")
        try #require(output.tracks.count == set.tracks.count)
        for (read, track) in zip(output.tracks, set.tracks) {
            guard case .traktor(let location) = read.path else { Issue.record("Traktor location missing"); continue }
            let folders = Self.nfc(track.path).split(separator: "/").dropLast()
            #expect(location.volume == "Macintosh HD")
            #expect(location.dir == "/:" + folders.map { $0 + "/:" }.joined())
            #expect(location.file == String(Self.nfc(track.path).split(separator: "/").last ?? ""))
            #expect(read.title == Self.nfc(track.title))
            #expect(read.artist == Self.nfc(track.artist))
            #expect(read.bpm == track.bpm)
            let key = try #require(track.key)
            // Traktor numbers keys 0–11 for C…B major and 12–23 for C…B minor.
            guard case .number(let value) = read.key else { Issue.record("no MUSICAL_KEY"); continue }
            #expect(value == key.tonic + (key.mode == .minor ? 12 : 0))
            #expect(read.keyText == key.openKey)
        }
    }

    @Test(.enabled(if: enabled, "skipped: third-party readers are not installed"))
    func traktorNMLUtilsReadsWindowsDrives() throws {
        let options = ExportOptions(pathMapping: try PathMapping(parsing: ["/music=C:/Music"]))
        let output = try Self.read(ExportSamples.hard, format: .traktor, options: options)
        guard case .traktor(let location) = output.tracks.first?.path else { Issue.record("no location"); return }
        #expect(location.volume == "C:")
        #expect(location.dir == "/:Music/:")
        #expect(location.file == "Nova - Hollow Atlas.flac")
    }

    @Test(.enabled(if: enabled, "skipped: third-party readers are not installed"))
    func seratoToolsReadsPathsRelativeToTheDrive() throws {
        let set = ExportSamples.hard
        let output = try Self.read(set, format: .serato, options: ExportOptions(volumeRoot: "/music"))
        #expect(output.reader == "serato-tools")
        let paths = output.tracks.compactMap { read -> String? in if case .plain(let path) = read.path { path } else { nil } }
        #expect(paths == set.tracks.map { String($0.path.dropFirst("/music/".count)) })
    }
}
