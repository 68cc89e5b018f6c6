import AudioIO
import DJModel
import Foundation
import SegueCore
import SegueMath
import TrackSynth
import Testing

/// Files a DJ's library really contains besides clean stereo tracks: each gives a result with a
/// fitting confidence, or an error naming the file; none crashes or hangs.
@Suite struct AwkwardAudioTests {
    private let folder: String = {
        let path = NSTemporaryDirectory() + "segue-awkward-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    private func house(seconds: Double, rate: Int) throws -> [Float] {
        let spec = try SynthesisSpec(style: .house, bpm: 124, key: MusicalKey(tonic: 9, mode: .minor), duration: seconds,
                                     seed: 21, sampleRate: rate, djIntroOutro: false)
        return TrackSynthesizer().render(spec)
    }

    private func write(_ channels: [[Float]], rate: Int, name: String, bitDepth: PCMBitDepth = .sixteen) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try AudioEncoder().write(channels: channels, sampleRate: rate, to: path, bitDepth: bitDepth)
        return path
    }

    @Test func silenceHasNoConfidence() throws {
        let path = try write([[Float](repeating: 0, count: 441_000), [Float](repeating: 0, count: 441_000)], rate: 44100, name: "silence.wav")
        let analysis = try AudioFileAnalyzer().analyze(path: path).analysis
        #expect(analysis.tempo.confidence == 0 && analysis.keyConfidence == 0)
        #expect(analysis.loudness == -70)
    }

    @Test func noiseHasLowConfidence() throws {
        var random = SeededGenerator(seed: 5)
        let noise = (0..<(44100 * 20)).map { _ in 0.3 * random.noise() }
        let analysis = try AudioFileAnalyzer().analyze(path: write([noise], rate: 44100, name: "noise.flac")).analysis
        #expect(analysis.tempo.confidence < 0.3, "tempo confidence \(analysis.tempo.confidence)")
        #expect(analysis.keyConfidence < 0.3, "key confidence \(analysis.keyConfidence)")
    }

    @Test func twoSecondsGiveAResultWithoutConfidenceAndHalfASecondANamedError() throws {
        let short = try AudioFileAnalyzer().analyze(path: write([house(seconds: 2, rate: 44100)], rate: 44100, name: "two.wav")).analysis
        #expect(short.tempo.confidence == 0 && short.keyConfidence == 0)
        #expect(abs(short.duration - 2) < 0.01)
        let path = try write([Array(house(seconds: 2, rate: 44100).prefix(22050))], rate: 44100, name: "blip.wav")
        do {
            _ = try AudioFileAnalyzer().analyze(path: path)
            Issue.record("half a second was analysed")
        } catch {
            #expect(error.description.contains("blip.wav") && error.description.contains("too short"), "\(error)")
        }
    }

    @Test func eightKilohertzMonoKeepsTheTempo() throws {
        let resampler = try StreamingResampler(inputRate: 22050, outputRate: 8000)
        let low = try resampler.process(house(seconds: 30, rate: 22050), endOfInput: true)
        let analysis = try AudioFileAnalyzer().analyze(path: write([low], rate: 8000, name: "phone.wav")).analysis
        #expect(abs(analysis.tempo.bpm - 124) < 1, "\(analysis.tempo.bpm) BPM")
    }

    @Test func ninetySixKilohertzTwentyFourBitSixChannels() throws {
        let music = try house(seconds: 30, rate: 96000)
        let hiRes = try write([music, music], rate: 96000, name: "hires.flac", bitDepth: .twentyFour)
        let surround = try write([music, music, music.map { $0 * 0.5 }, music.map { $0 * 0.1 }, music, music], rate: 96000,
                                 name: "surround.wav", bitDepth: .twentyFour)
        for path in [hiRes, surround] {
            let analysis = try AudioFileAnalyzer().analyze(path: path).analysis
            #expect(abs(analysis.tempo.bpm - 124) < 1, "\(path): \(analysis.tempo.bpm) BPM")
            #expect(analysis.key == MusicalKey(tonic: 9, mode: .minor), "\(path): \(analysis.key.name)")
        }
    }

    @Test func clippedAudioKeepsTempoAndKeyAndReadsLoud() throws {
        let clipped = try house(seconds: 30, rate: 44100).map { max(-1, min(1, $0 * 6)) }
        let analysis = try AudioFileAnalyzer().analyze(path: write([clipped, clipped], rate: 44100, name: "clipped.wav")).analysis
        #expect(abs(analysis.tempo.bpm - 124) < 1, "\(analysis.tempo.bpm) BPM")
        #expect(analysis.key == MusicalKey(tonic: 9, mode: .minor), "\(analysis.key.name)")
        #expect(analysis.loudness > -8, "\(analysis.loudness) LUFS")
    }

    /// BS.1770 sums the channels' power: a 997 Hz sine at half scale in the left channel only
    /// reads −3.01 − 6.02 = −9.03 LKFS (a full-scale sine in one channel is −3.01 by the
    /// standard's own calibration). A mono downmix would read it 3 dB low (−12.04), and two
    /// uncorrelated channels equally loud would read 3 dB low too; both are measured as the
    /// file has them.
    @Test func stereoLoudnessIsMeasuredOnBothChannelsAsBS1770Says() throws {
        let rate = 48000, count = 48000 * 12
        let sine = (0..<count).map { Float(0.5 * sin(2 * Double.pi * 997 * Double($0) / Double(rate))) }
        let oneSided = try AudioFileAnalyzer().analyze(path: write([sine, [Float](repeating: 0, count: count)], rate: rate, name: "left.wav",
                                                                    bitDepth: .twentyFour)).analysis
        #expect(abs(oneSided.loudness - -9.03) < 0.1, "\(oneSided.loudness) LUFS")
        var random = SeededGenerator(seed: 9)
        let left = (0..<count).map { _ in 0.2 * random.noise() }, right = (0..<count).map { _ in 0.2 * random.noise() }
        let wide = try AudioFileAnalyzer().analyze(path: write([left, right], rate: rate, name: "wide.wav", bitDepth: .twentyFour)).analysis
        let leftOnly = try AudioFileAnalyzer().analyze(path: write([left, [Float](repeating: 0, count: count)], rate: rate, name: "l.wav",
                                                                   bitDepth: .twentyFour)).analysis
        // Two uncorrelated channels of equal power: twice the power of one, +3.01 dB.
        #expect(abs(wide.loudness - leftOnly.loudness - 3.01) < 0.15, "\(wide.loudness) vs \(leftOnly.loudness) LUFS")
    }
}
