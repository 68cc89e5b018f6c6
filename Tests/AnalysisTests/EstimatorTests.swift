import Analysis
import DJModel
import Foundation
import SegueMath
import TrackSynth
import Testing

@Suite struct EstimatorTests {
    private func sine(frequency: Double, amplitude: Float, seconds: Double, rate: Double = 22050) -> [Float] {
        (0..<Int(seconds * rate)).map { amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / rate)) }
    }

    @Test func loudnessOfASineMatchesBS1770() throws {
        // A 997 Hz sine at −20 dBFS in one channel reads −23.0 LUFS; counted as dual mono, −20.0 LUFS.
        let tone = sine(frequency: 997, amplitude: 0.1, seconds: 10)
        let mono = try LoudnessMeter.measure(samples: tone, sampleRate: 22050, sourceChannels: 1)
        let stereo = try LoudnessMeter.measure(samples: tone, sampleRate: 22050, sourceChannels: 2)
        #expect(abs(mono.integrated - -23.0) < 0.15, "\(mono.integrated)")
        #expect(abs(stereo.integrated - -20.0) < 0.15, "\(stereo.integrated)")
        #expect(mono.range < 0.5)
    }

    @Test func silenceGivesTheAbsoluteGateAndNoConfidence() throws {
        let analysis = try TrackAnalyzer().analyze(samples: [Float](repeating: 0, count: 22050 * 10), sampleRate: 22050)
        #expect(analysis.loudness == -70)
        #expect(analysis.tempo.confidence == 0)
        #expect(analysis.keyConfidence == 0)
        #expect(analysis.features.values.allSatisfy { $0.isFinite })
    }

    @Test func noiseHasLowTempoConfidence() throws {
        var random = SeededGenerator(seed: 9)
        let noise = (0..<(22050 * 20)).map { _ in 0.3 * random.noise() }
        let analysis = try TrackAnalyzer().analyze(samples: noise, sampleRate: 22050)
        #expect(analysis.tempo.confidence < 0.3, "\(analysis.tempo.confidence)")
    }

    @Test func shortAudioIsRejectedOrLowConfidence() throws {
        #expect(throws: AnalysisError.self) { try TrackAnalyzer().analyze(samples: [Float](repeating: 0.1, count: 5000), sampleRate: 22050) }
        let spec = try SynthesisSpec(style: .house, bpm: 124, key: MusicalKey(tonic: 9, mode: .minor), duration: 2, seed: 1, sampleRate: 22050)
        let analysis = try TrackAnalyzer().analyze(samples: TrackSynthesizer().render(spec), sampleRate: 22050)
        #expect(analysis.tempo.confidence == 0)
    }

    @Test func clippedAudioStillAnalyses() throws {
        let spec = try SynthesisSpec(style: .techno, bpm: 130, key: MusicalKey(tonic: 2, mode: .minor), duration: 30, seed: 4, sampleRate: 22050)
        let clipped = TrackSynthesizer().render(spec).map { max(-0.2, min(0.2, $0 * 4)) }
        let analysis = try TrackAnalyzer().analyze(samples: clipped, sampleRate: 22050)
        #expect(abs(analysis.tempo.bpm - 130) < 1.5)
    }

    @Test func beatGridLandsOnTheKicks() throws {
        // House kicks fall on every beat from t = 0, so the grid offset is 0 (mod one beat).
        let spec = try SynthesisSpec(style: .house, bpm: 125, key: MusicalKey(tonic: 0, mode: .minor), duration: 30, seed: 2,
                                     sampleRate: 22050, djIntroOutro: false)
        let analysis = try TrackAnalyzer().analyze(samples: TrackSynthesizer().render(spec), sampleRate: 22050)
        let beat = 60 / analysis.tempo.bpm
        let offset = min(analysis.tempo.firstBeat, beat - analysis.tempo.firstBeat)
        #expect(offset < 0.03, "first beat \(analysis.tempo.firstBeat) s")
    }

    @Test func onlyADecisiveKickMovesTheGridToTheOffBeat() {
        // Off-beat bass in house: the beat band open, the kicks on the grid's off-beats.
        #expect(BeatGridEstimator.kickMovesTheGrid(beatBand: 0.84, kick: 4.1))
        // Off-beat open hats in techno outweigh the beats in the beat band, but a kick on every
        // off-beat of the grid and none on its beats is beyond doubt.
        #expect(BeatGridEstimator.kickMovesTheGrid(beatBand: 0.59, kick: 5.9))
        // Syncopated breakbeat and drum & bass kicks, and recordings with a loose kick, stay.
        #expect(!BeatGridEstimator.kickMovesTheGrid(beatBand: 0.74, kick: 2.0))
        #expect(!BeatGridEstimator.kickMovesTheGrid(beatBand: 0.92, kick: 2.6))
        // A beat band clearly on the grid's side holds, however the kick reads.
        #expect(!BeatGridEstimator.kickMovesTheGrid(beatBand: 0.3, kick: 50))
    }

    @Test func energySpreadsFromDowntempoToDrumAndBass() throws {
        func energy(_ style: DJStyle, _ bpm: Double) throws -> Int {
            let spec = try SynthesisSpec(style: style, bpm: bpm, key: MusicalKey(tonic: 5, mode: .minor), duration: 30, seed: 3, sampleRate: 22050)
            return try TrackAnalyzer().analyze(samples: TrackSynthesizer().render(spec), sampleRate: 22050, sourceChannels: 1).energy
        }
        let calm = try energy(.downtempo, 90), hard = try energy(.drumAndBass, 174)
        #expect(calm <= 5, "downtempo energy \(calm)")
        #expect(hard >= 6, "drum & bass energy \(hard)")
        #expect(hard > calm)
    }

    @Test func featureVectorHasTheDocumentedDimensions() throws {
        let spec = try SynthesisSpec(style: .trance, bpm: 138, key: MusicalKey(tonic: 7, mode: .major), duration: 10, seed: 8, sampleRate: 22050)
        let analysis = try TrackAnalyzer().analyze(samples: TrackSynthesizer().render(spec), sampleRate: 22050)
        #expect(analysis.features.count == TimbreExtractor.featureNames.count)
        #expect(analysis.features.values.allSatisfy { $0.isFinite })
    }

    @Test func tuningEstimateFollowsADetunedTone() throws {
        // A4 at 446 Hz is +23 cents.
        let tone = (0..<(22050 * 5)).map { index -> Float in
            let t = Double(index) / 22050
            return Float(0.3 * sin(2 * Double.pi * 446 * t) + 0.2 * sin(2 * Double.pi * 446 * 1.5 * t))
        }
        let profile = try PitchClassProfile(samples: tone, sampleRate: 22050)
        #expect(abs(profile.tuningCents - 23) < 8, "\(profile.tuningCents) cents")
    }

    @Test func tempoDriftFlagsATempoChangeAndNotAConstantTrack() throws {
        func render(_ bpm: Double, _ seconds: Double, seed: UInt64) throws -> [Float] {
            let spec = try SynthesisSpec(style: .techno, bpm: bpm, key: MusicalKey(tonic: 4, mode: .minor), duration: seconds, seed: seed,
                                         sampleRate: 22050, djIntroOutro: false)
            return TrackSynthesizer().render(spec)
        }
        let constant = try TrackAnalyzer().analyze(samples: render(128, 80, seed: 1), sampleRate: 22050)
        // Tolerance: a programmed track measures about 0.1 %; the flag starts at 1.5 %.
        #expect(constant.tempo.drift < 0.5, "constant track drift \(constant.tempo.drift) %")
        #expect(!constant.tempo.isVariable)
        let changing = try TrackAnalyzer().analyze(samples: render(126, 40, seed: 2) + render(132, 40, seed: 3), sampleRate: 22050)
        #expect(changing.tempo.isVariable, "126 → 132 BPM drift \(changing.tempo.drift) %")
        #expect(changing.tempo.drift > 3 && changing.tempo.drift < 6, "\(changing.tempo.drift) %")
    }
}
