import Analysis
import AudioIO
import DJModel
import Mixing

/// The self-check before every beat-matched overlap: reads what each deck plays over it, measures
/// whether their beats coincide (``BeatAlignmentMeter``) and settles the mix — as planned when
/// they do, the incoming deck moved by the lag when it is clear, or an echo-out (which needs no
/// aligned beats) when the audio cannot tell. The planner runs it on the set it answers (so the
/// set document says what was measured) and the renderer on what it is about to play.
enum BeatAlignmentCheck {
    /// Rate the excerpts are read at, Hz.
    static let sampleRate = 22050.0

    /// `mixes[i]` (from `tracks[i]` to `tracks[i + 1]`) checked: each blend and bass swap carries
    /// its ``TransitionMix/alignment`` and, when the lag was clear, a corrected in cue; one the
    /// audio could not verify becomes an echo-out. Other techniques, and overlaps whose audio
    /// cannot be read, are left as they are (without an alignment).
    static func checked(_ mixes: [TransitionMix], tracks: [MixTrack], meter: BeatAlignmentMeter = BeatAlignmentMeter()) -> [TransitionMix] {
        mixes.enumerated().map { index, mix in
            index + 1 < tracks.count ? checked(mix, from: tracks[index], to: tracks[index + 1], meter: meter) : mix
        }
    }

    /// `mix` from `outgoing` to `incoming` checked (see ``checked(_:tracks:meter:)``).
    static func checked(_ mix: TransitionMix, from outgoing: MixTrack, to incoming: MixTrack,
                        meter: BeatAlignmentMeter = BeatAlignmentMeter()) -> TransitionMix {
        guard mix.technique == .blend || mix.technique == .bassSwap, mix.beats >= 8,
              let out = excerpt(outgoing, from: mix.outCue, beats: mix.beats),
              let into = excerpt(incoming, from: mix.inCue, beats: mix.beats),
              let measured = meter.measure(outgoing: out, outgoingPeriod: outgoing.beatPeriod, incoming: into,
                                           incomingPeriod: incoming.beatPeriod, beats: mix.beats, sampleRate: sampleRate) else { return mix }
        return settled(mix, by: measured, incomingPeriod: incoming.beatPeriod)
    }

    /// A planned mix and its explanation checked from the decks' audio when both are at hand
    /// (the set document's transitions and the alternatives offered for a position alike).
    static func checked(_ planned: (mix: TransitionMix, explanation: String)?, from outgoing: MixTrack?,
                        to incoming: MixTrack?) -> (mix: TransitionMix, explanation: String)? {
        guard let planned, let outgoing, let incoming else { return planned }
        let mix = checked(planned.mix, from: outgoing, to: incoming)
        return (mix, planned.explanation + explanation(of: mix.alignment))
    }

    /// What the check did, as a sentence to add to a transition's explanation ("" when it did
    /// not run or the beats met as planned).
    static func explanation(of alignment: BeatAlignment?) -> String {
        guard let alignment else { return "" }
        switch alignment.action {
        case .aligned: return ""
        case .corrected:
            return String(format: ". Checked from the audio: the incoming beats fell %.0f ms %@, so it starts that much %@", abs(alignment.lagMilliseconds),
                          alignment.lagMilliseconds > 0 ? "late" : "early", alignment.lagMilliseconds > 0 ? "further in" : "earlier")
        case .unverified:
            return ". The audio could not confirm that the two decks' beats meet, so it echoes out instead of blending"
        }
    }

    /// `mix` settled by what was measured: aligned, corrected or fallen back to an echo-out.
    static func settled(_ mix: TransitionMix, by measured: BeatAlignmentMeter.Measurement, incomingPeriod: Double) -> TransitionMix {
        var result = mix
        let lagSeconds = measured.lagBeats * incomingPeriod
        let lag = (lagSeconds * 1000 * 10).rounded() / 10, strength = (measured.strength * 1000).rounded() / 1000
        // The grids say the beats meet: a correlation that peaks there agrees, even where the
        // off-beat correlates nearly as well (off-beat hats over kicks). Moving a deck needs more:
        // a peak that stands clearly above the off-beat.
        if measured.hasCorrelation, abs(lagSeconds * 1000) <= BeatAlignment.tolerance {
            result.alignment = BeatAlignment(lagMilliseconds: lag, strength: strength, action: .aligned)
        } else if !measured.isTrusted {
            result.technique = .echoOut
            result.bassSwapBeat = nil
            result.alignment = BeatAlignment(lagMilliseconds: lag, strength: strength, action: .unverified, fallback: .echoOut)
        } else {
            // Its beats come `lag` late: start it that much further in, and they meet.
            result.inCue = max(0, mix.inCue + lagSeconds)
            result.alignment = BeatAlignment(lagMilliseconds: lag, strength: strength, action: .corrected)
        }
        return result
    }

    /// Mono samples of `track` from `start` over `beats` of its beats, or `nil` when the file
    /// cannot be read there.
    static func excerpt(_ track: MixTrack, from start: Double, beats: Int) -> [Float]? {
        guard let reader = try? AudioFileReader(path: track.path, sampleRate: sampleRate, scanned: track.scanned) else { return nil }
        let frames = Int(saturating: (Double(beats) * track.beatPeriod * sampleRate).rounded(.up))
        guard (try? reader.seek(to: Int(saturating: (start * sampleRate).rounded()))) != nil,
              let stereo = try? reader.read(frames: frames), stereo.count >= 4 else { return nil }
        return (0..<(stereo.count / 2)).map { 0.5 * (stereo[2 * $0] + stereo[2 * $0 + 1]) }
    }
}
