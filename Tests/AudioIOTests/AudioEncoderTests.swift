import AudioIO
import DJModel
import Foundation
import Testing

@Suite struct AudioEncoderTests {
    private func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-audioio-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test(arguments: ["wav", "aiff", "flac"])
    func losslessRoundTripKeepsSamplesAndTags(fileExtension: String) throws {
        let samples = (0..<22050).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 22050)) }
        let path = temporaryPath("tone.\(fileExtension)")
        let tags = TrackMetadata(artist: "Ünïcode Artist", title: "Tone, 440 Hz", album: "Tests", genre: "Test", comment: "round trip")
        try AudioEncoder().write(channels: [samples, samples], sampleRate: 22050, to: path, metadata: tags)
        let audio = try AudioDecoder().decode(path: path)
        #expect(audio.sourceChannels == 2)
        #expect(audio.samples.count == samples.count)
        let maxError = zip(audio.samples, samples).map { abs($0 - $1) }.max() ?? 1
        #expect(maxError < 1.0 / 16384, "16-bit quantisation error \(maxError)")
        let read = TagReader().read(path: path)
        #expect(read.metadata.artist == tags.artist)
        #expect(read.metadata.title == tags.title)
        #expect(abs(read.duration - 1) <= 1)
    }

    @Test func refusesUnknownExtensions() {
        #expect(throws: AudioIOError.unsupportedFormat("xyz")) {
            try AudioEncoder().write(channels: [[0, 0]], sampleRate: 44100, to: temporaryPath("a.xyz"))
        }
    }
}
