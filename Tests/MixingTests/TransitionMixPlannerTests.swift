import DJModel
import Foundation
import Mixing
import Testing

/// The DJ's rules for how a transition is played, one case each.
@Suite struct TransitionMixPlannerTests {
    /// A track at `bpm` in `key` whose music starts at 0.5 s with an intro of `introBars` bars and
    /// ends with an outro of `outroBars`, 96 bars in all.
    private func track(bpm: Double, key: MusicalKey, introBars: Int = 16, outroBars: Int = 16, confidence: Double = 0.9,
                       structured: Bool = true, drift: Double = 0) -> TrackAnalysis {
        let bar = 240 / bpm, start = 0.5, bars = 96
        let end = start + Double(bars) * bar
        let mixIn = start + Double(introBars) * bar, mixOut = end - Double(outroBars) * bar
        let structure = TrackStructure(
            downbeat: start, barConfidence: 0.8, phrases: [start, mixIn, mixOut],
            sections: [TrackSection(label: .intro, start: start, end: mixIn), TrackSection(label: .main, start: mixIn, end: mixOut),
                       TrackSection(label: .outro, start: mixOut, end: end)],
            mixIn: mixIn, mixOut: mixOut)
        return TrackAnalysis(duration: end + 1, tempo: Tempo(bpm: bpm, firstBeat: start, confidence: confidence, drift: drift), key: key, keyConfidence: 0.8,
                             loudness: -9, loudnessRange: 5, energy: 6, features: FeatureVector([1]), structure: structured ? structure : nil)
    }

    private let aMinor = MusicalKey(tonic: 9, mode: .minor), eMinor = MusicalKey(tonic: 4, mode: .minor)
    private let fSharpMajor = MusicalKey(tonic: 6, mode: .major)

    @Test func compatibleTracksGetALongBlendWithABassSwapOnThePhrase() {
        let from = track(bpm: 124, key: aMinor, outroBars: 16), to = track(bpm: 126, key: eMinor, introBars: 32)
        let (mix, explanation) = TransitionMixPlanner().plan(from: from, to: to)
        #expect(mix.technique == .bassSwap)
        #expect(mix.beats == 64, "the shorter of a 16-bar outro and a 32-bar intro")
        #expect(mix.bassSwapBeat == 32)
        #expect(mix.outCue == from.structure!.mixOut && mix.inCue == to.structure!.musicStart)
        #expect(mix.tempoFrom == 124 && mix.tempoTo == 126 && mix.confident)
        #expect(explanation.contains("swap the bass at bar 9"), "\(explanation)")
    }

    @Test func keyClashGetsAShortDrumBlendOrAnEchoOut() {
        let from = track(bpm: 124, key: aMinor), to = track(bpm: 124, key: fSharpMajor)
        let short = TransitionMixPlanner().plan(from: from, to: to)
        #expect(short.mix.technique == .blend && short.mix.beats == 16)
        #expect(short.explanation.contains("keys clash"))
        let noIntro = track(bpm: 124, key: fSharpMajor, introBars: 0)
        let echo = TransitionMixPlanner().plan(from: from, to: noIntro)
        #expect(echo.mix.technique == .echoOut && echo.mix.beats == 8)
    }

    @Test func tempoJumpsAndHalfTimeAreCutOnThePhrase() {
        let from = track(bpm: 124, key: aMinor)
        let jump = TransitionMixPlanner().plan(from: from, to: track(bpm: 140, key: aMinor))
        #expect(jump.mix.technique == .cut && jump.mix.beats == 0)
        #expect(jump.mix.outCue == from.structure!.mixOut)
        let half = TransitionMixPlanner().plan(from: track(bpm: 87, key: aMinor), to: track(bpm: 174, key: aMinor))
        #expect(half.mix.technique == .cut)
        #expect(half.explanation.contains("half/double time"))
    }

    @Test func unstructuredTracksGetAShortBlendOnTheGridAndSaySo() {
        let from = track(bpm: 124, key: aMinor, structured: false), to = track(bpm: 124, key: aMinor)
        let (mix, explanation) = TransitionMixPlanner().plan(from: from, to: to)
        #expect(!mix.confident && mix.technique == .blend && mix.beats == 16)
        let beats = (mix.outCue - from.tempo.firstBeat) / from.tempo.beatPeriod
        #expect(abs(beats - beats.rounded()) < 1e-9, "on A's beat grid")
        #expect(mix.outCue + 16 * from.tempo.beatPeriod <= from.duration)
        #expect(explanation.contains("no confident beat grid or structure on A"))
        let unstructured = TransitionMixPlanner().plan(from: to, to: track(bpm: 124, key: aMinor, structured: false))
        #expect(!unstructured.mix.confident && unstructured.explanation.contains("on B"))
    }

    /// A grid that cannot be trusted — low confidence, or a tempo that drifts (rubato) — is never
    /// beat-matched: an echo-out, which needs no aligned beats, and the explanation says why.
    @Test func untrustedGridsAreNeverBeatMatched() {
        for from in [track(bpm: 124, key: aMinor, confidence: 0.1), track(bpm: 124, key: aMinor, drift: 4)] {
            let (mix, explanation) = TransitionMixPlanner().plan(from: from, to: track(bpm: 124, key: aMinor))
            #expect(!mix.confident && mix.technique == .echoOut, "\(mix)")
            #expect(explanation.contains("beat grid of A is uncertain") && explanation.contains("no beat-matched blend"), "\(explanation)")
        }
        let (mix, explanation) = TransitionMixPlanner().plan(from: track(bpm: 124, key: aMinor), to: track(bpm: 124, key: aMinor, drift: 4))
        #expect(mix.technique == .echoOut && explanation.contains("of B"), "\(explanation)")
    }

    @Test func mixEncodesTheTechniqueAsDJSoftwareNamesIt() throws {
        let mix = TransitionMix(outCue: 200, inCue: 0.5, beats: 32, technique: .bassSwap, bassSwapBeat: 16, tempoFrom: 124, tempoTo: 126, confident: true)
        let json = String(decoding: try JSONEncoder().encode(mix), as: UTF8.self)
        #expect(json.contains("\"technique\":\"bass-swap\""))
        #expect(try JSONDecoder().decode(TransitionMix.self, from: Data(json.utf8)) == mix)
    }
}

extension TransitionMixPlannerTests {
    @Test func cuesComeFromTheStructureOrTheGrid() {
        let planner = TransitionMixPlanner()
        let structured = track(bpm: 124, key: aMinor)
        let cues = planner.cues(of: structured)
        #expect(cues.fromStructure && cues.inCue == structured.structure!.musicStart && cues.outCue == structured.structure!.mixOut)
        let bare = track(bpm: 120, key: aMinor, structured: false)
        let grid = planner.cues(of: bare)
        #expect(!grid.fromStructure && grid.inCue == bare.tempo.firstBeat)
        let beats = (grid.outCue - bare.tempo.firstBeat) / bare.tempo.beatPeriod
        #expect(abs(beats - beats.rounded()) < 1e-9, "the out cue is on the grid")
        #expect(bare.duration - grid.outCue >= 16 * bare.tempo.beatPeriod && bare.duration - grid.outCue < 17 * bare.tempo.beatPeriod)
        // An outro that would leave less than a third of the track is not trusted.
        let early = track(bpm: 124, key: aMinor, outroBars: 80)
        #expect(!planner.cues(of: early).fromStructure)
    }

    @Test func anUnconfidentTempoJumpIsACutOnTheGrid() {
        let from = track(bpm: 124, key: aMinor, confidence: 0.1), to = track(bpm: 140, key: aMinor)
        let (mix, explanation) = TransitionMixPlanner().plan(from: from, to: to)
        #expect(mix.technique == .cut && mix.beats == 0 && !mix.confident)
        #expect(explanation.contains("no confident beat grid") && explanation.contains("cut"), "\(explanation)")
    }
}
