import AudioIO
import Foundation

/// One deck of the mix: plays its track's passages at the mix's frames — straight from the file,
/// or stretched by Rubber Band onto a transition's tempo ramp — with the deck's loudness gain,
/// the transitions' fades, bass cut and echo. Opens its file when it first sounds and closes it
/// when done, so only the decks sounding hold a file.
final class DeckPlayer {
    /// Its place on the timeline.
    let deck: MixPlan.Deck
    /// Linear gain matching the track to the target loudness.
    var gain: Float = 1
    /// Its position in the plan.
    let index: Int
    private let incoming: MixPlan.Overlap?
    private let outgoing: MixPlan.Overlap?
    private let sampleRate: Double
    private let stretcher: TimeStretcher
    private var reader: AudioFileReader?
    private var lowCut: LowCutFilter
    private var echo: EchoEffect?
    private var nextFrame = Int.min
    /// The stretched audio of one ramp passage (interleaved), by passage index.
    private var stretched: (passage: Int, audio: [Float])?
    /// Frames of the short fades at a cut, at the deck's ends and where stretched and straight
    /// audio meet.
    private let edgeFrames: Int

    /// A deck for `plan.decks[index]`.
    init(index: Int, plan: MixPlan, sampleRate: Int, keyLock: Bool) {
        self.index = index
        deck = plan.decks[index]
        incoming = index > 0 ? plan.overlaps[index - 1] : nil
        outgoing = index < plan.overlaps.count ? plan.overlaps[index] : nil
        self.sampleRate = Double(sampleRate)
        stretcher = TimeStretcher(sampleRate: sampleRate, keyLock: keyLock)
        lowCut = LowCutFilter(sampleRate: Double(sampleRate))
        edgeFrames = max(1, Int(saturating: 0.005 * Double(sampleRate)))
        echo = freshEcho()
    }

    /// A new, silent echo of one of the track's beats for an echo-out; `nil` for other techniques.
    private func freshEcho() -> EchoEffect? {
        guard let outgoing, outgoing.technique == .echoOut else { return nil }
        return EchoEffect(delayFrames: Int(saturating: (deck.track.beatPeriod * sampleRate).rounded()), sampleRate: sampleRate)
    }

    /// The first and one past the last mix frame where the deck sounds.
    var frames: Range<Int> { frame(deck.mixStart)..<max(frame(deck.mixStart), frame(deck.mixEnd)) }

    /// The mix frame of a time on the timeline.
    func frame(_ seconds: Double) -> Int { Int(saturating: (seconds * sampleRate).rounded()) }

    /// The deck's audio for mix frames `start..<start + count` (interleaved stereo; silence where
    /// it does not sound).
    /// - Throws: ``MixingError`` when the file cannot be read or a passage cannot be stretched.
    func render(start: Int, count: Int) throws(MixingError) -> [Float] {
        var output = [Float](repeating: 0, count: 2 * count)
        let span = frames
        let from = max(start, span.lowerBound), to = min(start + count, span.upperBound)
        guard from < to else { return output }
        if from != nextFrame {
            lowCut.reset()
            echo = freshEcho()
        }
        var dry = try source(from: from, to: to)
        // Levels per frame.
        var gains = [Float](repeating: gain, count: to - from)
        var cuts = [Bool](repeating: false, count: to - from)
        var sends = [Float](repeating: 0, count: to - from), returns = [Float](repeating: 0, count: to - from)
        for offset in 0..<(to - from) {
            let time = Double(from + offset) / sampleRate
            var levels = DeckLevels.full
            if let incoming, time >= incoming.start + incoming.gap, time < incoming.end + incoming.gap, incoming.technique != .cut {
                levels = DeckLevels.incoming(atBeat: incoming.ramp.beat(atSeconds: time - incoming.start - incoming.gap), in: incoming)
            }
            if let outgoing, time >= outgoing.start {
                let beat = outgoing.ramp.beat(atSeconds: time - outgoing.start)
                levels = DeckLevels.outgoing(atBeat: beat, in: outgoing)
                if outgoing.technique == .echoOut { returns[offset] = Float(DeckLevels.echoReturn(atBeat: beat, in: outgoing)) }
            }
            var edge: Float = 1
            let frame = from + offset
            // Short fades where the deck starts or stops at once (its ends, a cut, after an echo's feed).
            edge = min(edge, Float(frame - span.lowerBound + 1) / Float(edgeFrames))
            if outgoing?.technique == .cut || outgoing == nil { edge = min(edge, Float(span.upperBound - frame) / Float(edgeFrames)) }
            gains[offset] *= Float(levels.gain) * max(0, min(1, edge))
            cuts[offset] = levels.bassCut
            sends[offset] = Float(levels.echoSend)
        }
        if var echo {
            var send = [Float](repeating: 0, count: dry.count)
            for offset in 0..<(to - from) {
                send[2 * offset] = dry[2 * offset] * sends[offset] * gain
                send[2 * offset + 1] = dry[2 * offset + 1] * sends[offset] * gain
            }
            let wet = echo.process(send)
            self.echo = echo
            for offset in 0..<(to - from) {
                dry[2 * offset] = dry[2 * offset] * gains[offset] + wet[2 * offset] * returns[offset]
                dry[2 * offset + 1] = dry[2 * offset + 1] * gains[offset] + wet[2 * offset + 1] * returns[offset]
            }
        } else {
            for offset in 0..<(to - from) {
                dry[2 * offset] *= gains[offset]
                dry[2 * offset + 1] *= gains[offset]
            }
        }
        lowCut.process(&dry) { cuts[$0] }
        output.replaceSubrange(2 * (from - start)..<2 * (to - start), with: dry)
        nextFrame = to
        if to >= span.upperBound { close() }
        return output
    }

    /// Releases the file and buffers (the deck is done, or the render is over).
    func close() {
        reader = nil
        stretched = nil
    }

    /// The deck's unprocessed audio for mix frames `from..<to`, passage by passage.
    private func source(from: Int, to: Int) throws(MixingError) -> [Float] {
        var audio: [Float] = []
        audio.reserveCapacity(2 * (to - from))
        var frame = from
        while frame < to {
            guard let passageIndex = deck.passages.lastIndex(where: { self.frame($0.mixStart) <= frame }),
                  self.frame(deck.passages[passageIndex].mixEnd) > frame else {
                // After the last passage (an echo's tail) or in a gap: silence.
                let next = deck.passages.first(where: { self.frame($0.mixStart) > frame }).map { self.frame($0.mixStart) } ?? to
                audio += [Float](repeating: 0, count: 2 * (min(to, next) - frame))
                frame = min(to, next)
                continue
            }
            let passage = deck.passages[passageIndex]
            let end = min(to, self.frame(passage.mixEnd))
            if passage.ramp == nil {
                audio += try straight(passage, from: frame, to: end)
            } else {
                let buffer = try stretchedAudio(passageIndex)
                let base = self.frame(passage.mixStart)
                let lower = 2 * (frame - base), upper = min(buffer.count, 2 * (end - base))
                if lower < upper { audio += buffer[lower..<upper] }
                audio += [Float](repeating: 0, count: 2 * (end - frame) - max(0, upper - lower))
            }
            frame = end
        }
        return audio
    }

    /// Frames of a straight passage, read from the file (silence past its end).
    private func straight(_ passage: MixPlan.Passage, from: Int, to: Int) throws(MixingError) -> [Float] {
        let reader = try openReader()
        let sourceFrame = Int(saturating: ((passage.sourceStart + (Double(from) / sampleRate - passage.mixStart)) * sampleRate).rounded())
        do {
            if reader.position != sourceFrame { try reader.seek(to: sourceFrame) }
            var audio = try reader.read(frames: to - from)
            if audio.count < 2 * (to - from) { audio += [Float](repeating: 0, count: 2 * (to - from) - audio.count) }
            return audio
        } catch {
            throw .audio(error)
        }
    }

    /// A ramp passage stretched onto the mix's frames, kept while the deck plays it. Rubber Band
    /// gets a quarter of a second either side at the track's own speed, so the passage's edges
    /// are inside the stretch; where the stretched audio meets straight audio at full level (an
    /// outgoing ramp's start, an incoming ramp's end) the two are crossfaded over 5 ms.
    private func stretchedAudio(_ passageIndex: Int) throws(MixingError) -> [Float] {
        if let stretched, stretched.passage == passageIndex { return stretched.audio }
        let passage = deck.passages[passageIndex]
        guard let ramp = passage.ramp else { return [] }
        let reader = try openReader()
        let period = deck.track.beatPeriod
        let pad = Int(saturating: 0.25 * sampleRate)
        let sourceStart = Int(saturating: (passage.sourceStart * sampleRate).rounded())
        let sourceEnd = Int(saturating: ((passage.sourceStart + ramp.beats * period) * sampleRate).rounded())
        let mixFrames = frame(passage.mixEnd) - frame(passage.mixStart)
        var input: [Float]
        do {
            try reader.seek(to: max(0, sourceStart - pad))
            // Silence in front when the passage starts less than the pad into the file.
            input = [Float](repeating: 0, count: 2 * max(0, pad - sourceStart))
            input += try reader.read(frames: sourceEnd + pad - max(0, sourceStart - pad))
        } catch {
            throw .audio(error)
        }
        let inputFrames = sourceEnd - sourceStart + 2 * pad
        if input.count < 2 * inputFrames { input += [Float](repeating: 0, count: 2 * inputFrames - input.count) }
        var keyFrames: [(input: Int, output: Int)] = [(pad, pad)]
        for beat in stride(from: 1.0, through: ramp.beats, by: 1) {
            let inputFrame = Int(saturating: ((passage.sourceStart + beat * period) * sampleRate).rounded()) - sourceStart + pad
            let outputFrame = Int(saturating: (ramp.seconds(atBeat: beat) * sampleRate).rounded()) + pad
            keyFrames.append((inputFrame, outputFrame))
        }
        let output = try stretcher.stretch(input, outputFrames: mixFrames + 2 * pad, keyFrames: keyFrames)
        var audio = Array(output[(2 * pad)..<(2 * (pad + mixFrames))])
        // Crossfade into straight audio where the deck is at full level.
        let fade = min(edgeFrames, mixFrames / 2)
        let startsOutgoing = outgoing.map { abs($0.start - passage.mixStart) < 1e-9 } ?? false
        for offset in 0..<fade {
            let weight = Float(offset) / Float(fade)
            if startsOutgoing {
                for channel in 0..<2 {
                    let raw = input[2 * (pad + offset) + channel]
                    audio[2 * offset + channel] = raw * (1 - weight) + audio[2 * offset + channel] * weight
                }
            } else {
                let mixOffset = mixFrames - fade + offset
                let rawIndex = inputFrames - pad - (fade - offset)
                for channel in 0..<2 {
                    let raw = input[2 * rawIndex + channel]
                    audio[2 * mixOffset + channel] = audio[2 * mixOffset + channel] * (1 - weight) + raw * weight
                }
            }
        }
        stretched = (passageIndex, audio)
        return audio
    }

    /// The deck's file, opened on first use.
    private func openReader() throws(MixingError) -> AudioFileReader {
        if let reader { return reader }
        do {
            let opened = try AudioFileReader(path: deck.track.path, sampleRate: sampleRate, scanned: deck.track.scanned)
            reader = opened
            return opened
        } catch {
            throw .audio(error)
        }
    }
}
