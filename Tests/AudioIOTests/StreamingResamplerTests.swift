import AudioIO
import Foundation
import Testing

@Suite struct StreamingResamplerTests {
    private func rms(_ x: ArraySlice<Float>) -> Float { (x.reduce(0) { $0 + $1 * $1 } / Float(max(x.count, 1))).squareRoot() }

    private func resample(_ signal: [Float], from: Double, to: Double, block: Int) throws -> [Float] {
        let resampler = try StreamingResampler(inputRate: from, outputRate: to)
        var output: [Float] = []
        var start = 0
        while start < signal.count {
            output += try resampler.process(Array(signal[start..<min(signal.count, start + block)]), endOfInput: false)
            start += block
        }
        return output + (try resampler.process([], endOfInput: true))
    }

    @Test func keepsThePassbandAndRemovesWhatWouldAlias() throws {
        let rate = 44100.0
        let low = (0..<44100).map { Float(0.5 * sin(2 * Double.pi * 1000 * Double($0) / rate)) }
        let high = (0..<44100).map { Float(0.5 * sin(2 * Double.pi * 15000 * Double($0) / rate)) }
        let lowOut = try resample(low, from: rate, to: 22050, block: 4096)
        let highOut = try resample(high, from: rate, to: 22050, block: 4096)
        #expect(abs(lowOut.count - 22050) <= 2)
        // 1 kHz passes at full level (RMS of a 0.5 sine ≈ 0.354); 15 kHz (above the new Nyquist) is removed.
        #expect(abs(rms(lowOut[1000..<21000]) - 0.3536) < 0.01)
        #expect(rms(highOut[1000..<21000]) < 0.01)
    }

    @Test func blockSizeDoesNotChangeTheResult() throws {
        let signal = (0..<20000).map { Float(sin(Double($0) * 0.05)) }
        let a = try resample(signal, from: 48000, to: 22050, block: 1000)
        let b = try resample(signal, from: 48000, to: 22050, block: 7919)
        #expect(a.count == b.count)
        #expect(zip(a, b).map { abs($0 - $1) }.max() ?? 1 < 1e-4)
    }

    @Test func rejectsAbsurdRatios() {
        #expect(throws: AudioIOError.self) { try StreamingResampler(inputRate: 44100, outputRate: 0) }
    }
}
