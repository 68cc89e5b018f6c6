import AudioIO
import DJModel
import Foundation
import Testing

/// Binary objects in tags: a GEOB frame in MP3, AIFF and WAV and a Vorbis comment field in FLAC
/// written, read back, replaced; the file's other tags and its audio kept; refusals named.
@Suite("Tag objects")
struct TagObjectStoreTests {
    private func encodedFile(_ fileExtension: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-tagobjects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("tone.\(fileExtension)").path
        let samples = (0..<22050).map { Float(0.4 * sin(2 * Double.pi * 330 * Double($0) / 22050)) }
        try AudioEncoder().write(channels: [samples, samples], sampleRate: 22050, to: path,
                                 metadata: TrackMetadata(artist: "Tag Artist", title: "Tag Title", album: "", genre: "House", comment: ""))
        return path
    }

    @Test("a GEOB frame is written, read back and replaced; the other tags and the audio stay", arguments: ["mp3", "aiff", "wav"])
    func geob(fileExtension: String) throws {
        let path = try encodedFile(fileExtension)
        let store = TagObjectStore()
        let before = try AudioDecoder().decode(path: path)
        #expect(try store.readObject(described: "Serato Markers2", in: path) == nil)
        let object = Data((0..<600).map { UInt8($0 % 251) })
        try store.writeObject(object, described: "Serato Markers2", in: path)
        try store.writeObject(Data([1, 2, 3]), described: "Other Object", in: path)
        #expect(try store.readObject(described: "Serato Markers2", in: path) == object)
        try store.writeObject(Data([9, 9]), described: "Serato Markers2", in: path)
        #expect(try store.readObject(described: "Serato Markers2", in: path) == Data([9, 9]))
        #expect(try store.readObject(described: "Other Object", in: path) == Data([1, 2, 3]))
        let tags = TagReader().read(path: path)
        #expect(tags.metadata.artist == "Tag Artist" && tags.metadata.title == "Tag Title")
        let after = try AudioDecoder().decode(path: path)
        #expect(after.samples.count == before.samples.count)
        // No copy is left beside the file.
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [(path as NSString).lastPathComponent])
    }

    @Test("a FLAC Vorbis comment field is set, replaced and read back; the other comments stay")
    func flacField() throws {
        let path = try encodedFile("flac")
        let store = TagObjectStore()
        #expect(try store.readCommentField("SERATO_MARKERS_V2", in: path) == nil)
        try store.writeCommentField("SERATO_MARKERS_V2", value: "first\nline", in: path)
        try store.writeCommentField("SERATO_MARKERS_V2", value: "second", in: path)
        #expect(try store.readCommentField("SERATO_MARKERS_V2", in: path) == "second")
        #expect(TagReader().read(path: path).metadata.artist == "Tag Artist")
        #expect(try AudioDecoder().decode(path: path).samples.count == 22050)
    }

    @Test("containers without objects and files TagLib cannot read are refused, and the file is untouched")
    func refusals() throws {
        let store = TagObjectStore()
        let ogg = try encodedFile("ogg")
        #expect(store.container(of: ogg) == nil)
        #expect(throws: AudioIOError.unsupportedFormat("ogg")) { try store.writeObject(Data([1]), described: "x", in: ogg) }
        #expect(throws: AudioIOError.unsupportedFormat("ogg")) { try store.writeCommentField("X", value: "y", in: ogg) }
        let broken = (ogg as NSString).deletingLastPathComponent + "/broken.mp3"
        let junk = Data(repeating: 0x5A, count: 4096)
        try junk.write(to: URL(fileURLWithPath: broken))
        #expect(throws: AudioIOError.self) { try store.writeObject(Data([1]), described: "x", in: broken) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: broken)) == junk)
        #expect(throws: AudioIOError.self) { try store.readObject(described: "x", in: "/nonexistent/segue/a.mp3") }
    }
}
