import AudioIO
import DJModel
import Foundation
import PlaylistFormats
import SegueCore
import Testing

/// `--write-tags`: a set's cues written into its files as Serato hot cues and read back by
/// serato-tools (MP3, AIFF; FLAC through mutagen), the DJ's own cues kept, unwritable files named
/// and skipped. The serato-tools part is skipped when the reader is missing, except under
/// `CI=true`, where a missing reader fails the test.
@Suite("Serato cues in tags")
struct SeratoCueTests {
    static let python = ProcessInfo.processInfo.environment["SEGUE_PYTHON"] ?? "python3"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ThirdParty/read_serato_cues.py").path
    static let readerInstalled: Bool = (try? run([python, "-c", "import serato_tools, mutagen"])) != nil
    static let readerRequired = readerInstalled || ProcessInfo.processInfo.environment["CI"] == "true"

    struct ReadCue: Decodable, Equatable {
        var name: String
        var seconds: Double
        var hotCue: Int
        var color: String
    }

    struct ReadGrid: Decodable, Equatable {
        var positions: [Double]
        var bpm: Double
    }

    struct ReadFile: Decodable {
        var path: String
        var entries: [String]
        var cues: [ReadCue]
        var grid: ReadGrid?
    }

    struct ReaderOutput: Decodable {
        var reader: String
        var files: [ReadFile]
    }

    struct ReaderFailure: Error, CustomStringConvertible {
        var description: String
    }

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
        guard process.terminationStatus == 0 else { throw ReaderFailure(description: "\(arguments.joined(separator: " ")): \(errorText)") }
        return data
    }

    /// Bar 1 of the `number`th file: a beat of its grid (first beat 0.05 s, 124 BPM).
    static func downbeat(_ number: Int) -> Double { 0.05 + Double(number) * 60 / 124 }

    static func library() throws -> (folder: URL, set: DJSet) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-serato-cues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let samples = (0..<44100).map { Float(0.3 * sin(2 * Double.pi * 220 * Double($0) / 22050)) }
        var tracks: [DJSet.Entry] = []
        for (number, name) in ["one.mp3", "two.aiff", "three.flac", "four.ogg", "gone.mp3"].enumerated() {
            let path = folder.appendingPathComponent(name).path
            if name != "gone.mp3" {
                try AudioEncoder().write(channels: [samples, samples], sampleRate: 22050, to: path,
                                         metadata: TrackMetadata(artist: "Artist \(number)", title: name, album: "", genre: "", comment: ""))
            }
            let cues = [TrackCue(name: "Load", kind: .load, time: 0.25 + Double(number)),
                        TrackCue(name: "Mix in", kind: .mixIn, time: 0.5 + Double(number)),
                        TrackCue(name: "Mix out (bass-swap)", kind: .mixOut, time: 1.5)]
            tracks.append(DJSet.Entry(id: TrackID(Int64(number + 1)), path: path, artist: "Artist \(number)", title: name, duration: 2, bpm: 124,
                                      key: nil, energy: 5, start: Double(number) * 2, firstBeat: 0.05, cues: cues,
                                      downbeat: Self.downbeat(number)))
        }
        return (folder, DJSet(kind: .set, seed: "one", duration: 10, tracks: tracks, transitions: []))
    }

    @Test("cues land in MP3, AIFF and FLAC, Ogg and a missing file are named and skipped, the audio and tags stay")
    func writesAndSkips() throws {
        let (_, set) = try Self.library()
        let outcomes = Segue.writeSeratoCues(set)
        #expect(outcomes.map(\.status) == [.written, .written, .written, .skipped, .skipped])
        #expect(outcomes[3].detail.contains(".ogg"))
        #expect(outcomes[4].detail == "not found")
        #expect(outcomes[0].detail == "F Load, G Mix in, H Mix out (bass-swap); beat grid 124.00 BPM, bar 1 at 0.050 s", "\(outcomes[0].detail)")
        for track in set.tracks.prefix(3) {
            #expect(TagReader().read(path: track.path).metadata.artist == track.artist)
            #expect(try AudioDecoder().decode(path: track.path).samples.count == 44100)
        }
    }

    @Test("serato-tools reads each cue's slot, name, position and colour")
    func thirdPartyReader() throws {
        guard Self.readerRequired else { return }
        let (_, set) = try Self.library()
        _ = Segue.writeSeratoCues(set)
        let paths = set.tracks.prefix(3).map(\.path)
        let output = try JSONDecoder().decode(ReaderOutput.self, from: Self.run([Self.python, Self.script] + paths))
        #expect(output.files.count == 3)
        for (number, file) in output.files.enumerated() {
            #expect(file.entries.first == "COLOR" && file.entries.last == "BPMLOCK", "\(file.path): \(file.entries)")
            #expect(file.cues == [ReadCue(name: "Segue Load", seconds: 0.25 + Double(number), hotCue: 5, color: "88cc00"),
                                  ReadCue(name: "Segue Mix in", seconds: 0.5 + Double(number), hotCue: 6, color: "0000cc"),
                                  ReadCue(name: "Segue Mix out (bass-swap)", seconds: 1.5, hotCue: 7, color: "cc0000")],
                    "\(file.path)")
            // Serato's bar lines from Segue's bar 1: one marker there, at the set's tempo.
            let grid = try #require(file.grid, "\(file.path) has no beat grid")
            #expect(grid.positions.count == 1 && abs(grid.positions[0] - Self.downbeat(number)) < 1e-5 && abs(grid.bpm - 124) < 1e-4,
                    "\(file.path): \(grid)")
        }
    }

    @Test("a second write with other cues replaces Segue's, keeps a cue the DJ set in Serato, and the reader agrees")
    func rewriteKeepsTheDJsCue() throws {
        let (_, first) = try Self.library()
        _ = Segue.writeSeratoCues(first)
        // The DJ adds a hot cue in slot A of the MP3 (as Serato would), then Segue writes again.
        let mp3 = first.tracks[0].path
        let store = TagObjectStore()
        var markers = try SeratoMarkers2(object: try #require(try store.readObject(described: "Serato Markers2", in: mp3)), source: mp3)
        markers.entries.insert(.init(name: "CUE", data: [0, 0, 0, 0, 0x01, 0xF4, 0, 0xCC, 0x88, 0, 0, 0] + Array("Vocal".utf8) + [0]), at: 1)
        try store.writeObject(markers.object(), described: "Serato Markers2", in: mp3)
        var second = first
        second.tracks[0].cues = [TrackCue(name: "Mix in", kind: .mixIn, time: 1.0)]
        let outcome = Segue.writeSeratoCues(second)[0]
        #expect(outcome.status == .written && outcome.detail == "H Mix in; beat grid 124.00 BPM, bar 1 at 0.050 s", "\(outcome.detail)")
        guard Self.readerRequired else { return }
        let output = try JSONDecoder().decode(ReaderOutput.self, from: Self.run([Self.python, Self.script, mp3]))
        #expect(output.files[0].cues == [ReadCue(name: "Vocal", seconds: 0.5, hotCue: 0, color: "cc8800"),
                                         ReadCue(name: "Segue Mix in", seconds: 1.0, hotCue: 7, color: "0000cc")])
    }

    @Test("a beat grid the DJ locked in Serato is left as it is; the cues are still written")
    func lockedGridIsKept() throws {
        let (_, set) = try Self.library()
        let mp3 = set.tracks[0].path
        let store = TagObjectStore()
        var markers = SeratoMarkers2()
        markers.entries = markers.entries.map { $0.name == "BPMLOCK" ? .init(name: "BPMLOCK", data: [1]) : $0 }
        try store.writeObject(markers.object(), described: SeratoMarkers2.frameDescription, in: mp3)
        let theirs = SeratoBeatGrid(downbeat: 0.25, bpm: 123.5)  // exact in 32-bit floats
        try store.writeObject(theirs.object(), described: SeratoBeatGrid.frameDescription, in: mp3)
        let outcome = Segue.writeSeratoCues(set)[0]
        #expect(outcome.status == .written && outcome.detail.hasSuffix("; beat grid left as it is (locked in Serato)"), "\(outcome.detail)")
        let kept = try SeratoBeatGrid(object: try #require(try store.readObject(described: SeratoBeatGrid.frameDescription, in: mp3)), source: mp3)
        #expect(kept == theirs)
        let roundTrip = try SeratoBeatGrid(vorbisCommentValue: theirs.vorbisCommentValue(), source: "test")
        #expect(roundTrip == theirs)
    }
}
