import AudioIO
import Foundation

/// Writes each transition's two decks as they sound in the mix, so alignment can be checked from
/// outside: `NN-out.wav` and `NN-in.wav` over the same stretch of the mix (the overlap and four
/// bars either side), and `NN.json` with that stretch's `start` and `end` and the overlap's
/// `overlapStart` and `overlapEnd`, seconds into the mix.
struct StemWriters {
    /// One transition's stems.
    struct Stem {
        var number: Int
        var outgoing: Int
        var frames: Range<Int>
        var overlap: MixPlan.Overlap
        var outWriter: AudioFileWriter?
        var inWriter: AudioFileWriter?
        var finished = false
    }

    private var stems: [Stem] = []
    private let folder: String?
    private let sampleRate: Int
    private var written: [String] = []

    /// Stems for every transition of `plan` into `folder` (none when `nil`).
    /// - Throws: ``MixingError/audio(_:)`` when the folder cannot be made.
    init(plan: MixPlan, folder: String?, sampleRate: Int) throws(MixingError) {
        self.folder = folder
        self.sampleRate = sampleRate
        guard let folder else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .audio(.unwritable(path: folder, reason: "cannot create the stems folder"))
        }
        let rate = Double(sampleRate)
        for (index, overlap) in plan.overlaps.enumerated() {
            let before = 16 * plan.decks[index].track.beatPeriod, after = 16 * plan.decks[index + 1].track.beatPeriod
            let lower = max(0, Int(saturating: ((overlap.start - before) * rate).rounded()))
            let upper = min(Int(saturating: (plan.duration * rate).rounded()), Int(saturating: ((overlap.end + overlap.gap + after) * rate).rounded()))
            stems.append(Stem(number: index + 1, outgoing: index, frames: lower..<max(lower, upper), overlap: overlap))
        }
    }

    /// Adds the decks' audio of mix frames `start..<start + count` (by deck index) to every stem
    /// whose stretch they fall in.
    mutating func add(start: Int, count: Int, decks: [Int: [Float]]) throws(MixingError) {
        guard let folder else { return }
        let block = start..<(start + count)
        for index in stems.indices where !stems[index].finished && stems[index].frames.overlaps(block) {
            let frames = stems[index].frames
            let lower = max(frames.lowerBound, start), upper = min(frames.upperBound, start + count)
            let paths = MixPlan.stemPaths(number: stems[index].number, in: folder)
            do {
                if stems[index].outWriter == nil {
                    stems[index].outWriter = try AudioFileWriter(path: paths.outgoing, channels: 2, sampleRate: sampleRate, bitDepth: .twentyFour)
                    stems[index].inWriter = try AudioFileWriter(path: paths.incoming, channels: 2, sampleRate: sampleRate, bitDepth: .twentyFour)
                }
                let silence = [Float](repeating: 0, count: 2 * count)
                let outgoing = decks[stems[index].outgoing] ?? silence, incoming = decks[stems[index].outgoing + 1] ?? silence
                let slice = (2 * (lower - start))..<(2 * (upper - start))
                try stems[index].outWriter?.write(Array(outgoing[slice]))
                try stems[index].inWriter?.write(Array(incoming[slice]))
                if upper >= frames.upperBound { try close(index) }
            } catch {
                throw .audio(error)
            }
        }
    }

    /// Closes the stems and writes their JSON.
    private mutating func close(_ index: Int) throws(AudioIOError) {
        guard let folder else { return }
        let paths = MixPlan.stemPaths(number: stems[index].number, in: folder)
        try stems[index].outWriter?.finish()
        try stems[index].inWriter?.finish()
        stems[index].outWriter = nil
        stems[index].inWriter = nil
        stems[index].finished = true
        let stem = stems[index], rate = Double(sampleRate)
        let document: [String: Any] = [
            "start": Double(stem.frames.lowerBound) / rate, "end": Double(stem.frames.upperBound) / rate,
            "overlapStart": stem.overlap.start + stem.overlap.gap, "overlapEnd": stem.overlap.end + stem.overlap.gap,
            "technique": stem.overlap.technique.rawValue, "beats": stem.overlap.ramp.beats,
            "tempoFrom": stem.overlap.ramp.from, "tempoTo": stem.overlap.ramp.to,
        ]
        let path = paths.json
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted]),
              FileManager.default.createFile(atPath: path, contents: data) else {
            throw .unwritable(path: path, reason: "cannot write the stem description")
        }
        written += [paths.outgoing, paths.incoming, path]
    }

    /// Closes what is still open (a stretch that reaches the mix's end).
    mutating func finish() throws(MixingError) {
        for index in stems.indices where !stems[index].finished && stems[index].outWriter != nil {
            do { try close(index) } catch { throw .audio(error) }
        }
    }

    /// Abandons every stem: open parts and finished stems are deleted.
    mutating func cancel() {
        for index in stems.indices {
            stems[index].outWriter?.cancel()
            stems[index].inWriter?.cancel()
            stems[index].outWriter = nil
            stems[index].inWriter = nil
        }
        for path in written { try? FileManager.default.removeItem(atPath: path) }
        written = []
    }
}
