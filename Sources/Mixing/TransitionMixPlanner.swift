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
/// - a track without a confident structure: a 16-beat blend on the beat grid only, and the
///   explanation says so; a track whose grid is not trusted (low confidence, a variable tempo):
///   never a beat-matched blend, but an echo-out (or a cut on a tempo jump).
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

    /// Where a track is cued in a set and where the next one comes in, from its analysis alone:
    /// its music start and the start of its outro when its grid and structure are confident (and
    /// the outro leaves at least a third of the track to play), else its first beat and the
    /// 16-beat line before its end on the beat grid. ``plan(from:to:)`` cues every transition
    /// here, so a planner counting minutes with these cues counts what the set document says.
    public func cues(of analysis: TrackAnalysis) -> DeckCues {
        if isConfident(analysis), let structure = analysis.structure {
            let inCue = max(0, structure.musicStart)
            if structure.mixOut - inCue >= (analysis.duration - inCue) / 3 && structure.mixOut < analysis.duration {
                return DeckCues(inCue: inCue, outCue: structure.mixOut, fromStructure: true)
            }
        }
        let tempo = analysis.tempo
        let inCue = min(max(0, tempo.firstBeat), analysis.duration / 3)
        guard tempo.bpm > 0 else { return DeckCues(inCue: inCue, outCue: analysis.duration * 2 / 3, fromStructure: false) }
        let period = tempo.beatPeriod
        let lastStart = max(0, analysis.duration - 16 * period - tempo.firstBeat)
        let outCue = max(inCue + (analysis.duration - inCue) / 3, tempo.firstBeat + (lastStart / period).rounded(.down) * period)
        return DeckCues(inCue: inCue, outCue: min(outCue, analysis.duration), fromStructure: false)
    }

    /// The mix from the track analysed as `from` into the one analysed as `to`, and a sentence
    /// saying what to do.
    public func plan(from: TrackAnalysis, to: TrackAnalysis) -> (mix: TransitionMix, explanation: String) {
        let change = TempoChange(from: from.tempo.bpm, to: to.tempo.bpm)
        let outgoingCues = cues(of: from), incomingCues = cues(of: to)
        guard outgoingCues.fromStructure, incomingCues.fromStructure, let outgoing = from.structure, let incoming = to.structure else {
            let unconfident = !outgoingCues.fromStructure && !incomingCues.fromStructure ? "A or B" : outgoingCues.fromStructure ? "B" : "A"
            return onTheGrid(from: from, to: to, outCue: outgoingCues.outCue, inCue: incomingCues.inCue, unconfident: unconfident,
                             jump: change.halfOrDouble || abs(change.percent) > maximumTempoChangePercent,
                             gridsTrusted: gridIsTrusted(from) && gridIsTrusted(to))
        }
        let outCue = outgoingCues.outCue, inCue = incomingCues.inCue
        let outroBeats = 4 * outgoing.outroBars(bpm: from.tempo.bpm), introBeats = 4 * incoming.introBars(bpm: to.tempo.bpm)
        let at = Self.clock(outCue)
        if change.halfOrDouble || abs(change.percent) > maximumTempoChangePercent {
            let jump = change.halfOrDouble ? "half/double time" : String(format: "a %.0f %% tempo jump", abs(change.percent))
            let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: 0, technique: .cut, tempoFrom: from.tempo.bpm, tempoTo: to.tempo.bpm,
                                    confident: true)
            return (mix, String(format: "%@ (%.0f → %.0f BPM): cut from A at %@, the start of its outro, to B's first phrase", jump,
                                from.tempo.bpm, to.tempo.bpm, at))
        }
        if !from.key.mixesHarmonically(into: to.key) {
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

    /// Whether a track's beat grid can carry a beat-matched overlap: a tempo, confident, and
    /// steady (a drifting or rubato tempo is never beat-matched: its beats leave any fixed grid).
    public func gridIsTrusted(_ analysis: TrackAnalysis) -> Bool {
        analysis.tempo.bpm > 0 && analysis.tempo.confidence >= minimumTempoConfidence && !analysis.tempo.isVariable
    }

    /// The conservative mix: 16 beats from A's out cue on its beat grid into B from its in cue,
    /// or a cut there when the tempo jumps; when either grid cannot be trusted, an echo-out,
    /// which needs no aligned beats.
    func onTheGrid(from: TrackAnalysis, to: TrackAnalysis, outCue: Double, inCue: Double, unconfident: String, jump: Bool,
                   gridsTrusted: Bool) -> (mix: TransitionMix, explanation: String) {
        let at = Self.clock(outCue)
        if !jump && !gridsTrusted {
            let which = !gridIsTrusted(from) && !gridIsTrusted(to) ? "A and B" : gridIsTrusted(from) ? "B" : "A"
            let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: 8, technique: .echoOut, tempoFrom: from.tempo.bpm,
                                    tempoTo: to.tempo.bpm, confident: false)
            return (mix, "the beat grid of \(which) is uncertain (a drifting tempo or low confidence), so no beat-matched blend: "
                + "echo A out from \(at) and start B under the echo")
        }
        if jump {
            let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: 0, technique: .cut, tempoFrom: from.tempo.bpm,
                                    tempoTo: to.tempo.bpm, confident: false)
            return (mix, String(format: "no confident beat grid or structure on %@ and the tempo jumps (%.0f → %.0f BPM): cut to B on A's beat grid at %@",
                                unconfident, from.tempo.bpm, to.tempo.bpm, at))
        }
        let mix = TransitionMix(outCue: outCue, inCue: inCue, beats: 16, technique: .blend, tempoFrom: from.tempo.bpm,
                                tempoTo: to.tempo.bpm, confident: false)
        return (mix, "no confident beat grid or structure on \(unconfident): a short 4-bar blend on the beat grid from \(at)")
    }

    /// m:ss.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(saturating: seconds.rounded(.down))
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}

/// Where one track is cued in a set: where it starts playing and where the next track comes in.
public struct DeckCues: Hashable, Sendable {
    /// Seconds into the track where it starts playing.
    public var inCue: Double
    /// Seconds into the track where the next one starts.
    public var outCue: Double
    /// Whether the cues come from the track's structure (else from its beat grid alone).
    public var fromStructure: Bool

    /// Creates cues.
    public init(inCue: Double, outCue: Double, fromStructure: Bool) {
        self.inCue = inCue
        self.outCue = outCue
        self.fromStructure = fromStructure
    }
}
