import DSP
import Foundation
import Testing

@Suite struct DSPTests {
    @Test func fftFindsASineAtItsBin() throws {
        let fft = try RealFFT(size: 1024)
        let signal = (0..<1024).map { Float(sin(2 * Double.pi * 37 * Double($0) / 1024)) }
        var power = [Float](repeating: 0, count: fft.binCount)
        signal.withUnsafeBufferPointer { input in power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: input, into: $0) } }
        let peak = power.indices.max { power[$0] < power[$1] }
        #expect(peak == 37)
        // Parseval: |X(37)|² = (N/2)² for a unit sine.
        #expect(abs(power[37] - 512 * 512) / (512 * 512) < 1e-3)
    }

    @Test func rejectsOddSizes() {
        #expect(throws: DSPError.self) { try RealFFT(size: 1023) }
        #expect(throws: DSPError.self) { try STFTConfiguration(frameSize: 2048, hopSize: 0) }
    }

    @Test func stftVisitsEveryFrameInOrder() throws {
        let stft = try STFT(configuration: STFTConfiguration(frameSize: 256, hopSize: 128))
        var seen: [Int] = []
        stft.forEachFrame(of: [Float](repeating: 0.1, count: 1000)) { index, power in
            seen.append(index)
            #expect(power.count == 129)
        }
        #expect(seen == Array(0..<8))
    }

    @Test func streamedBlocksGiveTheSameFramesAsTheWholeSignal() throws {
        let signal: [Float] = (0..<5000).map { Float(sin(Double($0) * 0.05)) }
        let stft = try STFT(configuration: STFTConfiguration(frameSize: 512, hopSize: 128))
        var whole: [[Float]] = []
        stft.forEachFrame(of: signal) { _, power in whole.append(Array(power)) }
        var streamed: [[Float]] = []
        var indices: [Int] = []
        for blockSize in [1, 100, 777, 5000] {
            streamed.removeAll()
            indices.removeAll()
            var start = 0
            while start < signal.count {
                let end = min(signal.count, start + blockSize)
                signal[start..<end].withUnsafeBufferPointer { block in
                    stft.push(block) { index, power in indices.append(index); streamed.append(Array(power)) }
                }
                start = end
            }
            stft.finish { index, power in indices.append(index); streamed.append(Array(power)) }
            #expect(indices == Array(0..<whole.count), "block size \(blockSize)")
            #expect(streamed == whole, "block size \(blockSize)")
        }
        let expected = try STFTConfiguration(frameSize: 512, hopSize: 128).frameCount(sampleCount: 5000)
        #expect(whole.count == expected)
    }

    @Test func autocorrelationMatchesTheDirectSum() throws {
        let signal: [Float] = (0..<300).map { Float(sin(Double($0) * 0.3) + 0.2 * cos(Double($0) * 1.7)) }
        let fast = try Autocorrelation.compute(signal, maxLag: 40)
        for lag in [0, 1, 7, 21, 40] {
            var direct: Float = 0
            for index in 0..<(signal.count - lag) { direct += signal[index] * signal[index + lag] }
            #expect(abs(fast[lag] - direct) <= 1e-3 * max(1, abs(direct)), "lag \(lag)")
        }
    }

    @Test func melFilterBankCoversTheRangeWithPositiveWeights() throws {
        let bank = try MelFilterBank(bandCount: 40, fftSize: 2048, sampleRate: 22050, lowHz: 30, highHz: 11000)
        let flat = [Float](repeating: 1, count: 1025)
        var bands = [Float](repeating: 0, count: 40)
        flat.withUnsafeBufferPointer { input in bands.withUnsafeMutableBufferPointer { bank.apply(input, into: $0) } }
        #expect(bands.allSatisfy { $0 > 0 })
        #expect(throws: DSPError.self) { try MelFilterBank(bandCount: 40, fftSize: 2048, sampleRate: 22050, lowHz: 100, highHz: 20000) }
    }
}
