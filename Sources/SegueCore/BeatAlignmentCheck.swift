import Analysis
import AudioIO
import DJModel
import Mixing

/// The self-check before every beat-matched overlap: reads what each deck plays over it, measures
/// whether their beats coincide (``BeatAlignmentMeter``) and settles the mix — as planned when
/// they do, an echo-out (which needs no aligned beats) when the audio cannot confirm it. The
/// planner runs it on the set it answers (so the set document says what was measured) and the
/// renderer on what it is about to play.
enum BeatAlignmentCheck {
    /// Rate the excerpts are read at, Hz.
    static let sampleRate = 22050.0

    /// `mixes[i]` (from `tracks[i]` to `tracks[i + 1]`) checked: each blend and bass swap carries
    /// its ``TransitionMix/alignment``; one the audio could not verify becomes an echo-out. Other
    /// techniques, and overlaps whose audio cannot be read, are left as they are (without an
    /// alignment).
    static func checked(_ mixes: [TransitionMix], tracks: [MixTrack], meter: BeatAlignmentMeter = BeatAlignmentCheck.meter) -> [TransitionMix] {
        mixes.enumerated().map { index, mix in
            index + 1 < tracks.count ? checked(mix, from: tracks[index], to: tracks[index + 1], meter: meter) : mix
        }
    }

    /// `mix` from `outgoing` to `incoming` checked (see ``checked(_:tracks:meter:)``).
    static func checked(_ mix: TransitionMix, from outgoing: MixTrack, to incoming: MixTrack,
                        meter: BeatAlignmentMeter = BeatAlignmentCheck.meter) -> TransitionMix {
        guard mix.technique == .blend || mix.technique == .bassSwap, mix.beats >= 8,
              let out = excerpt(outgoing, from: mix.outCue, beats: mix.beats),
              let into = excerpt(incoming, from: mix.inCue, beats: mix.beats),
              let measured = meter.measure(outgoing: out, outgoingPeriod: outgoing.beatPeriod, incoming: into,
                                           incomingPeriod: incoming.beatPeriod, beats: mix.beats, sampleRate: sampleRate) else { return mix }
        return settled(mix, by: measured, incomingPeriod: incoming.beatPeriod, outgoingPeriod: outgoing.beatPeriod)
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
        case .unverified:
            return ". The audio could not confirm that the two decks' beats meet, so it echoes out instead of blending"
        }
    }

    /// How far a deck's beat-folded onsets must stand out (standard deviations) for its grid to
    /// be taken as holding over the overlap.
    static let minimumGridContrast = 1.0
    /// The measurement, trusting a correlation of the two decks' onsets of 0.3 or more
    /// (``BeatAlignmentMeter/Measurement/hasCorrelation``) where the grids put the beats.
    static let meter = BeatAlignmentMeter(minimumStrength: 0.3)

    /// `mix` settled by what was measured: aligned, or fallen back to an echo-out.
    ///
    /// The beats meet when the two decks' onsets correlate where the grids put the beats (within
    /// ``BeatAlignment/tolerance``) and each deck's own onsets peak on its own grid (its beats or
    /// off-beats) over the overlap. Anything else becomes an echo-out, which needs no aligned
    /// beats. The check never moves a deck by the cross-correlation's lag: on a real-music set, the two corrections it
    /// made (131 and 182 ms) were where two different rhythms matched best, not where the beats
    /// were — an independent beat tracker found those overlaps that far apart after moving.
    static func settled(_ mix: TransitionMix, by measured: BeatAlignmentMeter.Measurement, incomingPeriod: Double,
                        outgoingPeriod: Double) -> TransitionMix {
        var result = mix
        let lagSeconds = measured.lagBeats * incomingPeriod
        let lag = (lagSeconds * 1000 * 10).rounded() / 10, strength = (measured.strength * 1000).rounded() / 1000
        // A deck's onsets may peak on its off-beats (hats): the fold cannot tell beat from
        // off-beat (the whole track's analysis did), but it shows a grid that has slipped or runs
        // at the wrong tempo.
        let onGrid = { (fit: BeatAlignmentMeter.GridFit, period: Double) in
            let offGrid = min(abs(fit.phase), abs(abs(fit.phase) - 0.5)) * period * 1000
            return fit.contrast >= minimumGridContrast && offGrid <= BeatAlignment.tolerance
        }
        if measured.hasCorrelation, abs(lagSeconds * 1000) <= BeatAlignment.tolerance,
           onGrid(measured.outgoingFit, outgoingPeriod), onGrid(measured.incomingFit, incomingPeriod) {
            result.alignment = BeatAlignment(lagMilliseconds: lag, strength: strength, action: .aligned)
        } else {
            result.technique = .echoOut
            result.bassSwapBeat = nil
            result.alignment = BeatAlignment(lagMilliseconds: lag, strength: strength, action: .unverified, fallback: .echoOut)
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
