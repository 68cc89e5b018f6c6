import Analysis
import DJModel
import Foundation
import SegueMath
import TrackSynth
import Testing

/// The self-check's measurement: two decks of known grids, cued on the beat or off it by a known
/// amount, read back as that lag; noise is not trusted.
@Suite struct BeatAlignmentMeterTests {
    static let rate = 22050.0

    /// A synthesised track and its analysed first beat.
    static func track(_ style: DJStyle, bpm: Double, tonic: Int, seed: UInt64) throws -> (samples: [Float], firstBeat: Double) {
        let spec = try SynthesisSpec(style: style, bpm: bpm, key: MusicalKey(tonic: tonic, mode: .minor), duration: 40, seed: seed,
                                     sampleRate: Int(rate), djIntroOutro: false)
        let samples = TrackSynthesizer().render(spec)
        return (samples, try TrackAnalyzer().analyze(samples: samples, sampleRate: rate).tempo.firstBeat)
    }

    static func excerpt(_ samples: [Float], from start: Double, seconds: Double) -> [Float] {
        let first = Int(start * rate), count = Int(seconds * rate)
        return Array(samples[max(0, first)..<min(samples.count, first + count)])
    }

    /// Two excerpts of one track on its grid (bars 3–10 and 11–18) meet whatever the grid's own
    /// phase; the incoming one cued early by a known offset is read back as that lag.
    @Test func decksCuedOnTheBeatMeetAndAKnownOffsetIsReadBack() throws {
        let track = try Self.track(.house, bpm: 124, tonic: 9, seed: 3)
        let period = 60 / 124.0, beats = 32
        let out = Self.excerpt(track.samples, from: track.firstBeat + 8 * period, seconds: Double(beats) * period)
        let meter = BeatAlignmentMeter()
        for offset in [0.0, 0.060, -0.045, period / 4] {
            // Cued `offset` early: its beats arrive `offset` late in the overlap.
            let into = Self.excerpt(track.samples, from: track.firstBeat + 40 * period - offset, seconds: Double(beats) * period)
            let measured = try #require(meter.measure(outgoing: out, outgoingPeriod: period, incoming: into, incomingPeriod: period,
                                                      beats: beats, sampleRate: Self.rate))
            let lag = measured.lagBeats * period
            #expect(abs(lag - offset) < 0.008, "offset \(offset): read \(lag) (strength \(measured.strength), off-beat \(measured.offBeatStrength))")
            #expect(measured.hasCorrelation && measured.isTrusted, "offset \(offset): \(measured)")
        }
    }

    /// Decks of different tempi and styles, each read on its own beat axis: moving the incoming
    /// one by 50 ms moves the measured lag by 50 ms.
    @Test func decksOfDifferentTempiShareTheOverlapsBeatAxis() throws {
        let outgoing = try Self.track(.house, bpm: 120, tonic: 9, seed: 5)
        let incoming = try Self.track(.techno, bpm: 126, tonic: 9, seed: 6)
        let beats = 32, fast = 60 / 126.0
        let out = Self.excerpt(outgoing.samples, from: outgoing.firstBeat + 4 * 0.5, seconds: Double(beats) * 0.5)
        func lag(early offset: Double) throws -> Double {
            let into = Self.excerpt(incoming.samples, from: incoming.firstBeat + 4 * fast - offset, seconds: Double(beats) * fast)
            let measured = try #require(BeatAlignmentMeter().measure(outgoing: out, outgoingPeriod: 0.5, incoming: into, incomingPeriod: fast,
                                                                     beats: beats, sampleRate: Self.rate))
            #expect(measured.hasCorrelation, "\(measured)")
            return measured.lagBeats * fast
        }
        let moved = try lag(early: 0.05) - lag(early: 0)
        #expect(abs(moved - 0.05) < 0.008, "moved \(moved) s")
    }

    @Test func noiseAgainstMusicIsNotTrusted() throws {
        let outgoing = try Self.track(.house, bpm: 124, tonic: 9, seed: 3)
        var random = SeededGenerator(seed: 12)
        let noise = (0..<Int(20 * Self.rate)).map { _ in 0.3 * random.noise() }
        let period = 60 / 124.0
        let out = Self.excerpt(outgoing.samples, from: outgoing.firstBeat, seconds: 32 * period)
        let measured = BeatAlignmentMeter().measure(outgoing: out, outgoingPeriod: period, incoming: noise, incomingPeriod: period,
                                                    beats: 32, sampleRate: Self.rate)
        #expect(measured.map { !$0.isTrusted } ?? true, "\(String(describing: measured))")
    }
}
