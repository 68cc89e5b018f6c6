import AudioIO
import Foundation
import Testing

/// The renderer's file ends: stereo reading from any point at any rate, and writing that never
/// leaves a half-written file under the final name.
@Suite struct AudioFileReaderWriterTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-rw-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesThroughAPartFileRenamedWhenFinished() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/mix.flac"
        let writer = try AudioFileWriter(path: path, channels: 2, sampleRate: 44_100)
        try writer.write([Float](repeating: 0.25, count: 2 * 44_100))
        #expect(!FileManager.default.fileExists(atPath: path) && FileManager.default.fileExists(atPath: writer.partPath))
        try writer.finish()
        #expect(FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: writer.partPath))
        let reader = try AudioFileReader(path: path, sampleRate: 44_100)
        let samples = try reader.read(frames: 100_000)
        #expect(samples.count == 2 * 44_100)
        #expect(samples.allSatisfy { abs($0 - 0.25) < 0.001 })
    }

    @Test func aCancelledOrAbandonedWriterLeavesNothing() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cancelled = try AudioFileWriter(path: "\(folder)/a.wav", channels: 2, sampleRate: 44_100)
        try cancelled.write([Float](repeating: 0.1, count: 2_000))
        cancelled.cancel()
        do {
            let abandoned = try AudioFileWriter(path: "\(folder)/b.wav", channels: 2, sampleRate: 44_100)
            try abandoned.write([Float](repeating: 0.1, count: 2_000))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(throws: AudioIOError.self) { try AudioFileWriter(path: "\(folder)/c.xyz", channels: 2, sampleRate: 44_100) }
    }

    /// A link planted where a part file used to be named (`.NAME.part.EXT`) or at the final name
    /// is never written through; two writers of one output have their own part files.
    @Test func partFilesAreNewUniqueAndNeverFollowLinks() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let victim = "\(folder)/victim.txt"
        try Data("the DJ's notes".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/.o.flac.part.flac", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/o.flac", withDestinationPath: victim)
        let first = try AudioFileWriter(path: "\(folder)/o.flac", channels: 2, sampleRate: 44_100)
        let second = try AudioFileWriter(path: "\(folder)/o.flac", channels: 2, sampleRate: 44_100)
        #expect(first.partPath != second.partPath && !first.partPath.hasSuffix(".part.flac"))
        try first.write([Float](repeating: 0.25, count: 2 * 4_410))
        try second.write([Float](repeating: 0.25, count: 2 * 8_820))
        try first.finish()
        try second.finish()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "the DJ's notes", "the link's target is untouched")
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(folder)/o.flac")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular, "the output replaced the link instead of writing through it")
        #expect(try AudioFileReader(path: "\(folder)/o.flac", sampleRate: 44_100).read(frames: 100_000).count == 2 * 8_820,
                "the output is the last writer's whole file")
    }

    @Test func readsMonoAsStereoSeeksAndResamples() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // One second of a ramp at 22.05 kHz, mono.
        let ramp = (0..<22_050).map { Float($0) / 22_050 }
        let path = "\(folder)/ramp.wav"
        try AudioEncoder().write(channels: [ramp], sampleRate: 22_050, to: path, bitDepth: .twentyFour)
        let reader = try AudioFileReader(path: path, sampleRate: 44_100)
        #expect(reader.frameCount == 44_100)
        try reader.seek(to: 22_050)
        let block = try reader.read(frames: 4_410)
        #expect(block.count == 2 * 4_410)
        // Half a second in, the ramp is at 0.5 on both channels.
        #expect(abs(block[200] - 0.5) < 0.01 && block[200] == block[201])
        #expect(reader.position == 22_050 + 4_410)
        let rest = try reader.read(frames: 1_000_000)
        #expect(abs(rest.count / 2 - (44_100 - 22_050 - 4_410)) < 200, "about the rest of the second")
    }
}
