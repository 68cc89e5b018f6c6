@testable import Analysis
import DJModel
import Foundation
import Testing
import TrackSynth

/// Bars, phrases and sections: each estimator on evidence with a known answer, then the whole
/// pass on synthesised audio.
@Suite struct StructureTests {
    @Test func frameSeriesAveragesTheFramesInsideASpan() {
        var series = FrameSeries(frameRate: 10, origin: 0.05, width: 2)
        for index in 0..<20 { series.append([Float(index), 1]) }
        // Frames 0…19 describe 0.05, 0.15, … 1.95 s; 0.5–1.0 s holds frames 5…9.
        #expect(series.mean(from: 0.5, to: 1.0) == [7, 1])
        #expect(series.mean(from: 5, to: 6) == [0, 0])
    }

    @Test func refinerCorrectsATempoATenthOfABPMOff() {
        // Onsets every beat of 128.00 BPM for four minutes, with quieter off-beats; the estimate
        // says 127.90 and puts the first beat 30 ms late.
        let frameRate = 22050.0 / 512, bpm = 128.0, firstBeat = 0.21
        var onset = [Float](repeating: 0, count: Int(240 * frameRate))
        var time = firstBeat
        while time < 239 {
            let frame = Int((time * frameRate - 2).rounded())
            if frame >= 0, frame < onset.count { onset[frame] = 1 }
            let offBeat = Int(((time + 30 / bpm) * frameRate - 2).rounded())
            if offBeat < onset.count { onset[offBeat] = 0.6 }
            time += 60 / bpm
        }
        let refined = BeatGridRefiner().refine(onset: onset, frameRate: frameRate, bpm: 127.9, firstBeat: firstBeat + 0.03)
        #expect(abs(refined.bpm - bpm) <= 0.01, "refined to \(refined.bpm) BPM")
        #expect(abs(refined.firstBeat - firstBeat) < 0.012, "first beat \(refined.firstBeat) s")
    }

    @Test func downbeatIsWhereTheHarmonyChanges() {
        // Chords change on eighth-note position 4 of every bar of 8 positions; kicks on every beat
        // (even positions).
        let positions = 8 * 32
        let harmonic = (0..<positions).map { $0 % 8 == 4 ? 0.8 : 0.1 }
        let kick = (0..<positions).map { $0 % 2 == 0 ? 1.0 : 0.1 }
        let estimate = DownbeatEstimator().phase(harmonicChange: harmonic, kick: kick, highRise: Array(repeating: 0, count: positions))
        #expect(estimate.phase == 4)
        #expect(estimate.confidence > 0.5)
    }

    @Test func phrasesFallOnTheEightBarGridWhereTheNoveltyIs() {
        // Parts of 16, 8 and 24 bars: novelty peaks at bars 16 and 24 (the second a bar early, as
        // a build's last bar makes it), noise elsewhere.
        var novelty = (0..<48).map { 0.1 + 0.02 * Double($0 % 3) }
        novelty[16] = 1.2
        novelty[23] = 1.0
        novelty[24] = 0.6
        #expect(PhraseSegmenter().boundaries(novelty: novelty, first: 0, end: 48) == [0, 16, 24])
        let flat = [Double](repeating: 0.1, count: 48)
        #expect(PhraseSegmenter().boundaries(novelty: flat, first: 0, end: 48) == [0])
    }

    @Test func noveltyMarksTheBarWhereTheFeaturesChange() {
        let bars = (0..<24).map { $0 < 12 ? [0.0, 1.0] : [2.0, -1.0] }
        let novelty = PhraseSegmenter().novelty(bars: bars)
        #expect(novelty.indices.max { novelty[$0] < novelty[$1] } == 12)
    }

    @Test func sectionsAreLabelledAsADJReadsThem() {
        typealias Part = SectionLabeler.Part
        let intro = Part(bars: 16, kick: 1, midLevel: 24)
        let build = Part(bars: 8, kick: 1, midLevel: 33)
        let main = Part(bars: 16, kick: 1, midLevel: 35)
        let breakdown = Part(bars: 16, kick: 0, midLevel: 31)
        let rise = Part(bars: 8, kick: 0.05, midLevel: 26)
        let outro = Part(bars: 16, kick: 1, midLevel: 32)
        let labels = SectionLabeler().labels([intro, build, main, breakdown, rise, main, outro])
        #expect(labels == [.intro, .build, .main, .breakdown, .build, .main, .outro])
        // A track that never thins out: its last parts keep the kick and stay within 2.5 dB of the
        // loudest, so they are main, not an outro from halfway through.
        let verse = Part(bars: 16, kick: 1, midLevel: 33.2), chorus = Part(bars: 16, kick: 1, midLevel: 34)
        #expect(SectionLabeler().labels([intro, main, chorus, verse, verse]) == [.intro, .main, .main, .main, .main])
    }

    @Test func buildsOfAnyLengthAndOutrosThatKeepTheBassAreFoundInTracksThatNeverDropTheKick() {
        typealias Part = SectionLabeler.Part
        // The kick never stops, and the parts differ by what plays over it: drums alone, the bass
        // coming in for 16 bars, the full drop, drums and bass again, drums alone.
        let drums = Part(bars: 16, kick: 1.0, midLevel: 27, harmony: 0.3)
        let drumsAndBass = Part(bars: 16, kick: 0.97, midLevel: 34.5, harmony: 0.45)
        let drop = Part(bars: 32, kick: 0.96, midLevel: 36, harmony: 0.6)
        let labels = SectionLabeler().labels([drums, drumsAndBass, drop, drop, drumsAndBass, drums])
        #expect(labels == [.intro, .build, .main, .main, .outro, .outro])
        // Without the harmony, the drums-and-bass parts (1.5 dB under the drop) pass for main.
        let unknown = [drums, drumsAndBass, drop, drumsAndBass, drums].map { Part(bars: $0.bars, kick: $0.kick, midLevel: $0.midLevel) }
        #expect(SectionLabeler().labels(unknown) == [.intro, .main, .main, .main, .outro])
    }

    @Test func synthesisedTrackHasASelfConsistentStructure() throws {
        let spec = try SynthesisSpec(style: .house, bpm: 124, key: MusicalKey(tonic: 9, mode: .minor), duration: 150, seed: 11,
                                     sampleRate: 22050, djIntroOutro: true)
        let analysis = try TrackAnalyzer().analyze(samples: TrackSynthesizer().render(spec), sampleRate: 22050)
        let structure = try #require(analysis.structure)
        let bar = 240 / analysis.tempo.bpm
        #expect(structure.downbeat >= 0 && structure.downbeat < bar)
        #expect(abs(analysis.tempo.firstBeat - structure.downbeat.truncatingRemainder(dividingBy: 60 / analysis.tempo.bpm)) < 1e-9)
        #expect(structure.phrases == structure.phrases.sorted())
        for phrase in structure.phrases {
            let bars = (phrase - structure.downbeat) / bar
            #expect(abs(bars - bars.rounded()) < 1e-6, "phrase at \(phrase) s is off the bar grid")
        }
        #expect(structure.sections.first?.start == structure.phrases.first)
        #expect(structure.sections.allSatisfy { structure.phrases.contains($0.start) }, "every section starts on a phrase")
        for (section, next) in zip(structure.sections, structure.sections.dropFirst()) {
            #expect(section.end == next.start)
            #expect(section.label != next.label, "neighbouring parts with one label are one section")
        }
        #expect(structure.sections.contains { $0.label == .main })
        #expect(structure.mixIn <= structure.mixOut)
        #expect(structure.sections.last!.end <= analysis.duration + 1e-9)
    }

    @Test func tooShortForFourBarsHasNoStructure() throws {
        let spec = try SynthesisSpec(style: .techno, bpm: 130, key: MusicalKey(tonic: 0, mode: .minor), duration: 5, seed: 1, sampleRate: 22050)
        let analysis = try TrackAnalyzer().analyze(samples: TrackSynthesizer().render(spec), sampleRate: 22050)
        #expect(analysis.structure == nil)
    }
}
