import AudioIO
import DJModel
import Foundation
import Library
import Mixing
import SegueCore
import Testing
import TrackSynth

/// The second round of attacks on files (issue: hardening, second round): a library track serves
/// only the file that was scanned, and a render never overwrites music.
@Suite(.serialized) struct ScannedFileTests {
    private let folder: String = {
        let path = NSTemporaryDirectory() + "segue-scanned-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path + "/music", withIntermediateDirectories: true)
        return path
    }()

    private func writeTrack(_ path: String, seed: UInt64) throws {
        let spec = try SynthesisSpec(style: .house, bpm: 124, key: MusicalKey(tonic: 9, mode: .minor), duration: 30,
                                     seed: seed, sampleRate: 22050, djIntroOutro: false)
        try AudioEncoder().write(channels: [TrackSynthesizer().render(spec)], sampleRate: 22050, to: path, bitDepth: .sixteen)
    }

    /// Two scanned tracks and the library.
    private func scannedLibrary() throws -> (segue: Segue, a: Int64, b: Int64) {
        try writeTrack(folder + "/music/a.flac", seed: 1)
        try writeTrack(folder + "/music/b.flac", seed: 2)
        let segue = try Segue(libraryPath: folder + "/library.sqlite")
        _ = try segue.scan([folder + "/music"], jobs: 1)
        let states = try segue.library.fileStates()
        let a = try #require(states[CanonicalPath.of(folder + "/music/a.flac")]).id.rawValue
        let b = try #require(states[CanonicalPath.of(folder + "/music/b.flac")]).id.rawValue
        return (segue, a, b)
    }

    @Test func aLinkOrOtherContentInATracksPlaceIsNotServed() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (segue, a, b) = try scannedLibrary()
        let opened = try segue.openTrackAudio(id: a)
        close(opened.descriptor)
        #expect(opened.contentType == "audio/flac" && opened.size > 0)

        // A private file linked in the track's place: refused, and the track marked for a rescan.
        let path = CanonicalPath.of(folder + "/music/a.flac")
        try Data("the DJ's private notes\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder + "/notes.txt")
        let linked = #expect(throws: SegueError.self) { try segue.openTrackAudio(id: a) }
        #expect(linked?.kind == .notFound && linked?.message.contains("symbolic link") == true, "\(String(describing: linked))")
        #expect(try segue.library.fileStates()[path]?.modifiedAt == 0, "marked so the next scan analyses it again")

        // Other content of the same size and time: refused by its content hash.
        let other = CanonicalPath.of(folder + "/music/b.flac")
        let stored = try #require(try segue.library.fileStates()[other])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: other))
        bytes[bytes.count / 2] ^= 0xFF
        bytes[100] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: other))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: stored.modifiedAt)], ofItemAtPath: other)
        let changed = #expect(throws: SegueError.self) { try segue.openTrackAudio(id: b) }
        #expect(changed?.message.contains("content changed") == true, "\(String(describing: changed))")
    }

    @Test func aRenderNeverOverwritesItsSourcesOrTheLibrary() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (segue, a, b) = try scannedLibrary()
        func entry(_ id: Int64, _ name: String) -> DJSet.Entry {
            DJSet.Entry(id: TrackID(id), path: CanonicalPath.of(folder + "/music/\(name)"), artist: "A", title: name, duration: 30, bpm: 124,
                        key: nil, energy: 5, start: 0, firstBeat: 0)
        }
        let set = DJSet(kind: .set, seed: "a", duration: 60, tracks: [entry(a, "a.flac"), entry(b, "b.flac")], transitions: [])
        let layout = try Segue.renderLayout(for: set)
        let source = set.tracks[1].path
        let before = try Data(contentsOf: URL(fileURLWithPath: source))
        // The source itself, another spelling of it, and a link to it.
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.flac", withDestinationPath: source)
        for output in [source, folder + "/music/./b.flac", folder + "/link.flac"] {
            let refused = #expect(throws: SegueError.self) { try Segue.render(layout, to: output, options: RenderOptions()) }
            #expect(refused?.kind == .invalidInput && refused?.field == "out", "\(output): \(String(describing: refused))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == before, "the source is untouched")
        // Library files and the database are refused by the library's check.
        for output in [source, folder + "/library.sqlite"] {
            #expect(throws: SegueError.self) { try segue.refuseOverwritingLibrary(output: output) }
        }
        try segue.refuseOverwritingLibrary(output: folder + "/mix.flac")
        // Two renders to one output: each writes its own part and the output ends whole.
        let output = folder + "/mix.wav"
        let reports = LockedBox<[Double]>()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if let report = try? Segue.render(layout, to: output, options: RenderOptions()) {
                reports.update { $0 = ($0 ?? []) + [report.duration] }
            }
        }
        #expect(reports.get()?.count == 2)
        let decoded = try AudioDecoder().decode(path: output)
        #expect(abs(Double(decoded.samples.count) / decoded.sampleRate - (reports.get()?.first ?? 0)) < 0.1, "the output is one whole render")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains(".part-") }, "no part file left")
    }
}
