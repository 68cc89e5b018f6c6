import DJModel
import Testing
import TrackSynth

@Suite struct TrackSynthesizerTests {
    @Test func sameSeedSameAudio() throws {
        let spec = try SynthesisSpec(style: .drumAndBass, bpm: 174, key: MusicalKey(tonic: 4, mode: .minor), duration: 5, seed: 11, sampleRate: 22050)
        let a = TrackSynthesizer().render(spec), b = TrackSynthesizer().render(spec)
        #expect(a == b)
        #expect(a.count == 5 * 22050)
        #expect((a.map(abs).max() ?? 0) <= 1)
    }

    @Test func differentSeedsDiffer() throws {
        let one = try SynthesisSpec(style: .house, bpm: 124, key: MusicalKey(tonic: 0, mode: .major), duration: 5, seed: 1, sampleRate: 22050)
        var two = one
        two.seed = 2
        #expect(TrackSynthesizer().render(one) != TrackSynthesizer().render(two))
    }

    @Test func everyStyleRendersSound() throws {
        for style in DJStyle.allCases {
            let spec = try SynthesisSpec(style: style, bpm: style.tempoRange.lowerBound, key: MusicalKey(tonic: 3, mode: .minor), duration: 4,
                                         seed: 3, sampleRate: 22050, noiseLevel: 0.1, reverb: 0.3)
            let samples = TrackSynthesizer().render(spec)
            let rms = (samples.reduce(0) { $0 + $1 * $1 } / Float(samples.count)).squareRoot()
            #expect(rms > 0.01, "\(style) is silent")
        }
    }

    @Test func rejectsOutOfRangeParameters() {
        #expect(throws: SynthesisError.self) { try SynthesisSpec(style: .house, bpm: 10, key: MusicalKey(tonic: 0, mode: .major), duration: 5, seed: 1) }
        #expect(throws: SynthesisError.self) { try SynthesisSpec(style: .house, bpm: 120, key: MusicalKey(tonic: 0, mode: .major), duration: 0, seed: 1) }
    }
}
