import DJModel
import Foundation

/// Plans how each transition is played, by the rules a DJ uses:
///
/// - tempi within ``maximumTempoChangePercent`` and keys that mix (same, ±1 on the Camelot wheel,
///   relative): a long blend of the incoming track's intro under the outgoing track's outro,
///   starting on the outro's first phrase, as long as the shorter of the two (a multiple of 8
///   beats, at most ``longestOverlapBeats``), with the bass swapped at the phrase in its middle
///   once it reaches 32 beats; the tempo ramps from one track's to the other's over the overlap;
/// - keys that clash: 16 beats, the drum-led outro under the drum-led intro, or an echo-out when
///   either has no mixable part;
/// - a tempo jump beyond ``maximumTempoChangePercent``, or half or double time: a cut on the
///   outro's first phrase into the incoming track's first phrase;
/// - a track without a confident grid or structure: a 16-beat blend on the beat grid only, and
///   the explanation says so.
public struct TransitionMixPlanner: Sendable {
    /// Largest tempo change, in percent, ramped through an overlap.
    public var maximumTempoChangePercent: Double
    /// Longest overlap, in beats.
    public var longestOverlapBeats: Int
    /// Tempo confidence under which a track's grid is not trusted for a long blend.
    public var minimumTempoConfidence: Double

    /// Creates a planner.
    public init(maximumTempoChangePercent: Double = 6, longestOverlapBeats: Int = 64, minimumTempoConfidence: Double = 0.3) {
        self.maximumTempoChangePercent = maximumTempoChangePercent
        self.longestOverlapBeats = longestOverlapBeats
        self.minimumTempoConfidence = minimumTempoConfidence
    }

    /// The mix from the track analysed as `from` into the one analysed as `to`, and a sentence
    /// saying what to do.
    public func plan(from: TrackAnalysis, to: TrackAnalysis) -> (mix: TransitionMix, explanation: String) {
        let change = CompatibilityRules.tempoChange(from: from.tempo.bpm, to: to.tempo.bpm)
        guard let outgoing = from.structure, let incoming = to.structure, isConfident(from), isConfident(to) else {
            return onTheGrid(from: from, to: to)
        }
        let outCue = outgoing.mixOut, inCue = incoming.musicStart
        let outroBeats = 4 * outgoing.outroBars(bpm: from.tempo.bpm), introBeats = 4 * incoming.introBars(bpm: to.tempo.bpm)
        let at = Self.clock(outCue)
        if change.halfOrDouble || abs(change.percent) > maximumTempoChangePercent {
            let jump = change.halfOrDouble ? "half/double time" : String(format: "a %.0f %% tempo jump", abs(change.percent))
            let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: 0, technique: .cut, tempoFrom: from.tempo.bpm, tempoTo: to.tempo.bpm,
                                    confident: true)
            return (mix, String(format: "%@ (%.0f → %.0f BPM): cut from A at %@, the start of its outro, to B's first phrase", jump,
                                from.tempo.bpm, to.tempo.bpm, at))
        }
        if !CompatibilityRules.isHarmonic(from: from.key, to: to.key) {
            let keys = "\(from.key.camelot) → \(to.key.camelot)"
            if outroBeats >= 16 && introBeats >= 16 {
                let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: 16, technique: .blend, tempoFrom: from.tempo.bpm,
                                        tempoTo: to.tempo.bpm, confident: true)
                return (mix, "keys clash (\(keys)): a short 4-bar blend of drums only, B's intro under A's outro from \(at)")
            }
            let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: 8, technique: .echoOut, tempoFrom: from.tempo.bpm,
                                    tempoTo: to.tempo.bpm, confident: true)
            return (mix, "keys clash (\(keys)) and there is no drum-led \(outroBeats < 16 ? "outro on A" : "intro on B"): echo A out at \(at) and start B on the phrase")
        }
        let available = min(outroBeats, introBeats, longestOverlapBeats)
        let beats = max(16, available / 8 * 8)
        if beats >= 32 {
            // The swap falls on the phrase (8 bars) nearest the middle, or the 4-bar line for 32 beats.
            let swap = beats >= 64 ? beats / 2 / 32 * 32 : beats / 2 / 16 * 16
            let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: beats, technique: .bassSwap, bassSwapBeat: swap,
                                    tempoFrom: from.tempo.bpm, tempoTo: to.tempo.bpm, confident: true)
            return (mix, "bring B in at its \(introBeats / 4)-bar intro under A's outro from \(at), swap the bass at bar \(swap / 4 + 1) of the \(beats / 4)-bar blend")
        }
        let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: beats, technique: .blend, tempoFrom: from.tempo.bpm,
                                tempoTo: to.tempo.bpm, confident: true)
        return (mix, "blend B's intro over A's outro from \(at) for \(beats / 4) bars")
    }

    /// Whether a track's grid and structure can carry a long blend.
    func isConfident(_ analysis: TrackAnalysis) -> Bool {
        analysis.tempo.confidence >= minimumTempoConfidence && !analysis.tempo.isVariable && analysis.structure != nil
    }

    /// The conservative mix: 16 beats at the end of A on its beat grid, B from its first beat.
    func onTheGrid(from: TrackAnalysis, to: TrackAnalysis) -> (mix: TransitionMix, explanation: String) {
        let period = from.tempo.beatPeriod
        let lastStart = max(0, from.duration - 16 * period - from.tempo.firstBeat)
        let outCue = from.tempo.firstBeat + (lastStart / period).rounded(.down) * period
        let mix = TransitionMix(outCue: outCue, inCue: to.tempo.firstBeat, beats: 16, technique: .blend, tempoFrom: from.tempo.bpm,
                                tempoTo: to.tempo.bpm, confident: false)
        return (mix, "no confident beat grid or structure on \(isConfident(from) ? "B" : "A"): a short 4-bar blend on the beat grid from \(Self.clock(outCue))")
    }

    /// m:ss.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
