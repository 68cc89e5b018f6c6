import AudioIO
import Foundation
import Testing

@Suite struct PolyphaseResamplerTests {
    private func rms(_ x: ArraySlice<Float>) -> Float { (x.reduce(0) { $0 + $1 * $1 } / Float(max(x.count, 1))).squareRoot() }

    private func sine(_ frequency: Double, rate: Double, seconds: Double, amplitude: Double = 0.5) -> [Float] {
        (0..<Int(rate * seconds)).map { Float(amplitude * sin(2 * Double.pi * frequency * Double($0) / rate)) }
    }

    private func resample(_ signal: [Float], from: Double, to: Double, block: Int) throws -> [Float] {
        var resampler = try #require(PolyphaseResampler(inputRate: from, outputRate: to))
        var output: [Float] = []
        var start = 0
        while start < signal.count {
            signal[start..<min(signal.count, start + block)].withUnsafeBufferPointer { resampler.process($0, into: &output) }
            start += block
        }
        resampler.finish(into: &output)
        return output
    }

    private func libsamplerate(_ signal: [Float], from: Double, to: Double) throws -> [Float] {
        let converter = try StreamingResampler(inputRate: from, outputRate: to)
        return try converter.process(signal, endOfInput: false) + converter.process([], endOfInput: true)
    }

    @Test(arguments: [44100.0, 48000, 96000, 32000, 16000, 8000])
    func keepsThePassbandAndRemovesWhatWouldAlias(rate: Double) throws {
        let low = try resample(sine(1000, rate: rate, seconds: 1), from: rate, to: 22050, block: 4096)
        #expect(low.count == 22050)
        // 1 kHz passes at full level (the RMS of a 0.5 sine is 0.3536).
        #expect(abs(rms(low[1000..<21000]) - 0.3536) < 0.002)
        if rate > 22050 {
            // A tone above the new Nyquist frequency (11 025 Hz) is at least 80 dB down.
            let high = try resample(sine(min(15000, rate * 0.45), rate: rate, seconds: 1), from: rate, to: 22050, block: 4096)
            #expect(rms(high[1000..<21000]) < 0.3536 * 1e-4)
        }
    }

    @Test(arguments: [44100.0, 48000, 96000, 8000])
    func givesLibsamplerateSamplesAtTheSameTimes(rate: Double) throws {
        // Two tones inside both converters' passbands: the outputs must agree sample for sample
        // (same length, no delay between them, same level), not merely in spectrum.
        let signal = zip(sine(440, rate: rate, seconds: 2), sine(2500, rate: rate, seconds: 2, amplitude: 0.3)).map { $0 + $1 }
        let ours = try resample(signal, from: rate, to: 22050, block: 5000)
        let reference = try libsamplerate(signal, from: rate, to: 22050)
        #expect(abs(ours.count - reference.count) <= 1)
        let inner = 2000..<(min(ours.count, reference.count) - 2000)
        let error = rms(ArraySlice(inner.map { ours[$0] - reference[$0] }))
        #expect(error < 1e-4, "RMS difference \(error) from libsamplerate at \(rate) Hz")
    }

    @Test func blockSizeDoesNotChangeTheResult() throws {
        let signal = (0..<20000).map { Float(sin(Double($0) * 0.05)) }
        let a = try resample(signal, from: 48000, to: 22050, block: 1000)
        let b = try resample(signal, from: 48000, to: 22050, block: 7919)
        let c = try resample(signal, from: 48000, to: 22050, block: 20000)
        #expect(a == b && b == c)
    }

    @Test func declinesRatesWithoutASmallRatio() {
        #expect(PolyphaseResampler(inputRate: 44101, outputRate: 22050) == nil)
        #expect(PolyphaseResampler(inputRate: 44100.5, outputRate: 22050) == nil)
        #expect(PolyphaseResampler(inputRate: 44100, outputRate: 0) == nil)
        #expect(PolyphaseResampler(inputRate: 1_000_000, outputRate: 22050) == nil)
    }
}
