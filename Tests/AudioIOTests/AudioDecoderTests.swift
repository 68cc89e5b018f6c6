import AudioIO
import Foundation
import Testing

/// The committed fixtures are `segue synth --style house --bpm 124 --key 'A minor' --seconds 4
/// --sample-rate 22050 --seed 5` in each container (see Fixtures/README.md).
@Suite struct AudioDecoderTests {
    @Test(arguments: ["clip.wav", "clip.aiff", "clip.flac", "clip.ogg", "clip.mp3"])
    func decodesEveryContainerToMonoAtTheAskedRate(name: String) throws {
        let audio = try AudioDecoder().decode(path: FixturePaths.audio(name), sampleRate: 11025)
        #expect(audio.sampleRate == 11025)
        #expect(audio.sourceSampleRate == 22050)
        // 4 s of audio; lossy codecs add encoder delay and padding.
        #expect(abs(audio.duration - 4) < 0.1, "\(name): \(audio.duration) s")
        let peak = audio.samples.map(abs).max() ?? 0
        #expect(peak > 0.3 && peak <= 1.01, "\(name): peak \(peak)")
    }

    @Test func keepsTheFileRateWhenAskedTo() throws {
        let audio = try AudioDecoder().decode(path: FixturePaths.audio("clip.flac"))
        #expect(audio.sampleRate == 22050)
        #expect(audio.samples.count == 4 * 22050)
    }

    @Test(arguments: ["not-audio.wav", "empty.flac", "truncated-header.flac"])
    func rejectsBrokenFilesWithAMessageNamingThem(name: String) {
        let path = FixturePaths.audio(name)
        do {
            _ = try AudioDecoder().decode(path: path, sampleRate: 22050)
            Issue.record("\(name) decoded")
        } catch {
            #expect(error.description.contains(path))
        }
    }

    @Test func decodesAMislabelledFileByItsContent() throws {
        // FLAC bytes behind an .mp3 name: libsndfile reads the content, not the extension.
        let audio = try AudioDecoder().decode(path: FixturePaths.audio("flac-named.mp3"), sampleRate: 22050)
        #expect(abs(audio.duration - 4) < 0.01)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: AudioIOError.self) { try AudioDecoder().decode(path: "/nonexistent/segue.wav") }
    }

    /// Decoding never leaks a descriptor (libsndfile owns it once opened) and never opens a
    /// named pipe: the pipe is refused at once, without waiting for a writer.
    @Test func descriptorsAreNeitherLeakedNorWaitedOn() throws {
        func openDescriptors() throws -> Int { try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count }
        let folder = NSTemporaryDirectory() + "segue-descriptors-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = folder + "/notes.mp3", pipe = folder + "/pipe.wav"
        try Data("plain text, not audio\n".utf8).write(to: URL(fileURLWithPath: text))
        try #require(mkfifo(pipe, 0o600) == 0)
        let good = FixturePaths.audio("clip.flac")
        let before = try openDescriptors()
        for _ in 0..<50 {
            _ = try AudioDecoder().decode(path: good)
            do { _ = try AudioDecoder().decode(path: text) } catch {
                #expect(error.description.contains("holds text, not audio"), "\(error)")
            }
            do { _ = try AudioDecoder().decode(path: pipe) } catch {
                #expect(error.description.contains("a named pipe"), "\(error)")
            }
        }
        // Other tests run in this process and open files too: a leak would add 100 or more.
        let after = try openDescriptors()
        #expect(after - before < 40, "\(after - before) more descriptors open after 150 decodes")
    }
}
