import AudioIO
import Dispatch
import Foundation
import Synchronization

/// Renders a ``MixPlan`` to one audio file, block by block: every track matched to the target
/// loudness (EBU R128, measured over its solo part, see `measuredSpan(of:)`), the decks summed as the plan
/// lays them out, and a look-ahead limiter keeping the true peak under the ceiling. Memory stays
/// flat: only the sounding decks hold a file, and a stretched passage is at most an overlap long.
public struct MixRenderer: Sendable {
    /// The layout.
    public let plan: MixPlan
    /// How to render.
    public let options: RenderOptions
    private let blockFrames = 8_192

    /// A renderer of `plan`.
    /// - Throws: ``MixingError/invalidParameter(_:)`` for options out of range.
    public init(plan: MixPlan, options: RenderOptions = RenderOptions()) throws(MixingError) {
        try options.validate()
        self.plan = plan
        self.options = options
    }

    /// The stretch of the output: the whole mix, or a window around each transition (merged
    /// where they meet), in mix frames.
    func ranges(sampleRate: Double) -> [Range<Int>] {
        let total = Int(saturating: (plan.duration * sampleRate).rounded())
        guard let seconds = options.previewSeconds else { return [0..<total] }
        var ranges: [Range<Int>] = []
        for overlap in plan.overlaps {
            let centre = (overlap.start + overlap.end + overlap.gap) / 2
            let lower = max(0, Int(saturating: ((centre - seconds / 2) * sampleRate).rounded()))
            let upper = min(total, Int(saturating: ((centre + seconds / 2) * sampleRate).rounded()))
            guard lower < upper else { continue }
            if let last = ranges.last, last.upperBound >= lower {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                ranges.append(lower..<upper)
            }
        }
        return ranges.isEmpty ? [0..<min(total, Int(saturating: seconds * sampleRate))] : ranges
    }

    /// Renders the mix to `path` (the container from its extension).
    /// - Parameters:
    ///   - progress: called as tracks are measured and as each few seconds of output are done.
    ///   - isCancelled: polled between blocks; when it answers true the render stops and leaves
    ///     nothing under `path`.
    /// - Throws: ``MixingError`` (`.cancelled` when cancelled); no file is left under `path` or
    ///   among the stems on any error.
    public func render(to path: String, progress: (RenderProgress) -> Void = { _ in },
                       isCancelled: () -> Bool = { false }) throws(MixingError) -> RenderReport {
        let began = DispatchTime.now().uptimeNanoseconds
        let rate = Double(options.sampleRate)
        let decks = plan.decks.indices.map { DeckPlayer(index: $0, plan: plan, sampleRate: options.sampleRate, keyLock: options.keyLock) }
        // 1. Loudness of each track over its solo part (see measuredSpan), two tracks at a time.
        let laidOut = plan.decks, sampleRate = options.sampleRate
        let measured = try Self.measureSources(count: laidOut.count, progress: progress, isCancelled: isCancelled) { index throws(MixingError) in
            try Self.sourceLoudness(of: laidOut[index], sampleRate: sampleRate)
        }
        var gains = measured.map { level in level.loudness.map { min(Self.largestGainDB, max(-24, options.loudness - $0)) } ?? 0 }
        // A track boosted into the limiter comes out quieter than its gain says: measure those
        // through the limiter and make up what it takes (once; the rest is within a few tenths).
        let ceiling = options.truePeakCeiling - 0.5
        let limited = plan.decks.indices.filter { gains[$0] < Self.largestGainDB && measured[$0].peakDB + gains[$0] > ceiling }
        if !limited.isEmpty {
            let through = try Self.measureSources(count: limited.count, progress: { _ in }, isCancelled: isCancelled) { [gains] item throws(MixingError) in
                try Self.sourceLoudness(of: laidOut[limited[item]], sampleRate: sampleRate,
                                        throughLimiter: (gainDB: gains[limited[item]], ceilingDB: ceiling))
            }
            for (index, level) in zip(limited, through) {
                if let loudness = level.loudness { gains[index] = min(Self.largestGainDB, gains[index] + max(0, options.loudness - loudness)) }
            }
        }
        var levels: [RenderReport.TrackLevel] = []
        for (index, deck) in decks.enumerated() {
            deck.gain = Float(pow(10, gains[index] / 20))
            levels.append(RenderReport.TrackLevel(name: deck.deck.track.name, sourceLoudness: measured[index].loudness, gainDB: gains[index],
                                                  mixLoudness: nil))
        }
        // 2. The mix.
        let writer: AudioFileWriter
        do { writer = try AudioFileWriter(path: path, channels: 2, sampleRate: options.sampleRate) } catch { throw .audio(error) }
        var stems = try StemWriters(plan: plan, folder: options.stemsFolder, sampleRate: options.sampleRate)
        var limiter = PeakLimiter(ceilingDB: options.truePeakCeiling - 0.5, sampleRate: rate)
        let peakMeter = StereoLoudnessMeter(sampleRate: options.sampleRate, truePeak: true)
        let trackMeters = plan.decks.map { _ in StereoLoudnessMeter(sampleRate: options.sampleRate) }
        let ranges = ranges(sampleRate: rate)
        let totalFrames = ranges.reduce(0) { $0 + $1.count }
        var toDrop = limiter.latency
        var outputFrames = 0
        // Mix frames of the limiter's input still to come out, to meter each track's solo part.
        var pendingMixFrames: [Int] = []
        func emit(_ block: [Float]) throws(MixingError) {
            var block = block
            if toDrop > 0 {
                let dropped = min(toDrop, block.count / 2)
                block.removeFirst(2 * dropped)
                toDrop -= dropped
            }
            guard !block.isEmpty else { return }
            let frames = block.count / 2
            let mixFrames = pendingMixFrames.prefix(frames)
            pendingMixFrames.removeFirst(min(frames, pendingMixFrames.count))
            // Per-track loudness over each track's solo part.
            var runStart = 0
            let mixFrameArray = Array(mixFrames)
            while runStart < mixFrameArray.count {
                let frame = mixFrameArray[runStart]
                let time = Double(frame) / rate
                var runEnd = runStart + 1
                while runEnd < mixFrameArray.count && mixFrameArray[runEnd] == mixFrameArray[runEnd - 1] + 1 { runEnd += 1 }
                if let deckIndex = plan.decks.firstIndex(where: { $0.solo.contains(time) }) {
                    let soloEnd = Int(saturating: (plan.decks[deckIndex].solo.upperBound * rate).rounded())
                    let end = min(runEnd, runStart + max(1, soloEnd - frame))
                    trackMeters[deckIndex].add(Array(block[(2 * runStart)..<(2 * end)]))
                    runEnd = end
                }
                runStart = runEnd
            }
            peakMeter.add(block)
            do { try writer.write(block) } catch { throw .audio(error) }
            outputFrames += frames
        }
        do {
            var done = 0, lastReported = -1
            for range in ranges {
                var start = range.lowerBound
                while start < range.upperBound {
                    if isCancelled() { throw MixingError.cancelled }
                    let count = min(blockFrames, range.upperBound - start)
                    var mix = [Float](repeating: 0, count: 2 * count)
                    var deckAudio: [Int: [Float]] = [:]
                    for deck in decks where deck.frames.overlaps(start..<(start + count)) {
                        let audio = try deck.render(start: start, count: count)
                        deckAudio[deck.index] = audio
                        for sample in 0..<mix.count { mix[sample] += audio[sample] }
                    }
                    try stems.add(start: start, count: count, decks: deckAudio)
                    // A preview reel fades 10 ms in and out at each window's edges.
                    if ranges.count > 1 || options.previewSeconds != nil {
                        Self.fadeEdges(&mix, start: start, range: range, fadeFrames: Int(saturating: 0.01 * rate))
                    }
                    pendingMixFrames += start..<(start + count)
                    try emit(limiter.process(mix))
                    start += count
                    done += count
                    let seconds = Int(saturating: Double(done) / rate)
                    if seconds / 10 != lastReported / 10 {
                        lastReported = seconds
                        progress(RenderProgress(stage: "mixing", done: seconds, total: Int(saturating: Double(totalFrames) / rate)))
                    }
                }
            }
            pendingMixFrames += [Int](repeating: Int.max / 2, count: limiter.latency)
            try emit(limiter.flush())
            try stems.finish()
            try writer.finish()
        } catch let error as MixingError {
            writer.cancel()
            stems.cancel()
            throw error
        } catch {
            writer.cancel()
            stems.cancel()
            throw .stretchFailed("\(error)")
        }
        decks.forEach { $0.close() }
        progress(RenderProgress(stage: "mixing", done: Int(saturating: Double(totalFrames) / rate), total: Int(saturating: Double(totalFrames) / rate)))
        for index in levels.indices { levels[index].mixLoudness = trackMeters[index].integrated }
        let transitions = plan.overlaps.enumerated().compactMap { number, overlap -> RenderReport.TransitionSpan? in
            guard let start = Self.outputTime(of: overlap.start + overlap.gap, ranges: ranges, rate: rate),
                  let end = Self.outputTime(of: overlap.end + overlap.gap, ranges: ranges, rate: rate) else { return nil }
            return RenderReport.TransitionSpan(number: number + 1, technique: overlap.technique.rawValue, overlapStart: start, overlapEnd: end,
                                               tempoFrom: overlap.ramp.from, tempoTo: overlap.ramp.to, alignment: overlap.alignment)
        }
        return RenderReport(path: path, duration: Double(outputFrames) / rate, tracks: levels, transitions: transitions,
                            truePeak: peakMeter.truePeakDB, elapsed: Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
    }

    /// Where a moment of the mix falls in the output file, `nil` when it was not rendered.
    static func outputTime(of time: Double, ranges: [Range<Int>], rate: Double) -> Double? {
        let frame = Int(saturating: (time * rate).rounded())
        var offset = 0
        for range in ranges {
            if range.contains(frame) || frame == range.upperBound { return Double(offset + frame - range.lowerBound) / rate }
            offset += range.count
        }
        return nil
    }

    /// Fades a block's frames within `fadeFrames` of its range's edges.
    static func fadeEdges(_ block: inout [Float], start: Int, range: Range<Int>, fadeFrames: Int) {
        guard fadeFrames > 0 else { return }
        for offset in 0..<(block.count / 2) {
            let frame = start + offset
            let edge = min(frame - range.lowerBound, range.upperBound - 1 - frame)
            guard edge < fadeFrames else { continue }
            let weight = Float(max(0, edge)) / Float(fadeFrames)
            block[2 * offset] *= weight
            block[2 * offset + 1] *= weight
        }
    }

    /// The largest gain a track is given, dB.
    static let largestGainDB = 12.0

    /// What the pre-pass learns of a track: its integrated loudness (nil when too short or
    /// silent) and its sample peak, dBFS, over the measured span.
    struct SourceLevel: Sendable {
        var loudness: Double?
        var peakDB: Double
    }

    /// `measure` applied to items `0..<count` (decks) on as many threads as there are cores (one
    /// file open per thread at once), in order.
    static func measureSources(count: Int, progress: (RenderProgress) -> Void, isCancelled: () -> Bool,
                               measure: @Sendable (Int) throws(MixingError) -> SourceLevel) throws(MixingError) -> [SourceLevel] {
        let results = Mutex<[Int: Result<SourceLevel, MixingError>]>([:])
        let next = Atomic<Int>(0)
        let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
        progress(RenderProgress(stage: "measuring", done: 0, total: count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let result = Result { () throws(MixingError) in try measure(index) }
                results.withLock { $0[index] = result }
            }
        }
        if isCancelled() { throw .cancelled }
        progress(RenderProgress(stage: "measuring", done: count, total: count))
        var levels: [SourceLevel] = []
        for index in 0..<count {
            guard let result = results.withLock({ $0[index] }) else { throw .stretchFailed("track \(index + 1) was not measured") }
            levels.append(try result.get())
        }
        return levels
    }

    /// Solo parts shorter than this are not measured alone (seconds).
    static let shortestMeasuredSolo = 10.0

    /// The file span whose loudness sets a deck's gain: its solo part — what the listener hears of
    /// it alone, and where the report measures it in the mix — or, when that is shorter than
    /// ``shortestMeasuredSolo``, everything it plays.
    static func measuredSpan(of deck: MixPlan.Deck) -> ClosedRange<Double>? {
        guard let first = deck.passages.first, let last = deck.passages.last else { return nil }
        let soloLength = deck.solo.upperBound - deck.solo.lowerBound
        if soloLength >= shortestMeasuredSolo,
           let straight = deck.passages.first(where: { $0.ramp == nil && abs($0.mixStart - deck.solo.lowerBound) < 1e-6 }) {
            return straight.sourceStart...(straight.sourceStart + soloLength)
        }
        let end = last.sourceStart + (last.ramp.map { $0.beats * deck.track.beatPeriod } ?? (last.mixEnd - last.mixStart))
        return first.sourceStart...max(first.sourceStart, end)
    }

    /// The integrated loudness and sample peak of a deck's track over ``measuredSpan(of:)``; with
    /// `throughLimiter`, of the track with that gain through a limiter with that ceiling, as the
    /// mix will play it.
    static func sourceLoudness(of deck: MixPlan.Deck, sampleRate: Int,
                               throughLimiter: (gainDB: Double, ceilingDB: Double)? = nil) throws(MixingError) -> SourceLevel {
        guard let span = measuredSpan(of: deck) else { return SourceLevel(loudness: nil, peakDB: -.infinity) }
        let meter = StereoLoudnessMeter(sampleRate: sampleRate)
        var limiter = throughLimiter.map { PeakLimiter(ceilingDB: $0.ceilingDB, sampleRate: Double(sampleRate)) }
        let gain = Float(pow(10, (throughLimiter?.gainDB ?? 0) / 20))
        var peak: Float = 0
        do {
            let reader = try AudioFileReader(path: deck.track.path, sampleRate: Double(sampleRate), scanned: deck.track.scanned)
            try reader.seek(to: Int(saturating: span.lowerBound * Double(sampleRate)))
            var remaining = Int(saturating: (span.upperBound - span.lowerBound) * Double(sampleRate))
            while remaining > 0 {
                var block = try reader.read(frames: min(65_536, remaining))
                if block.isEmpty { break }
                remaining -= block.count / 2
                if var active = limiter {
                    for index in block.indices { block[index] *= gain }
                    block = active.process(block)
                    limiter = active
                } else {
                    for sample in block { peak = max(peak, abs(sample)) }
                }
                meter.add(block)
            }
            if var active = limiter { meter.add(active.flush()) }
        } catch {
            throw .audio(error)
        }
        return SourceLevel(loudness: meter.integrated, peakDB: peak > 0 ? 20 * log10(Double(peak)) : -.infinity)
    }
}
