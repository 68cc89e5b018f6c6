import DJModel
import Foundation

/// An orthonormal DCT-II of a fixed size, keeping the first `outputCount` coefficients (for MFCCs).
public struct DCT: Sendable {
    /// Input length.
    public let inputCount: Int
    /// Number of coefficients kept.
    public let outputCount: Int
    private let basis: [Float]

    /// Precomputes the basis. O(inputCount · outputCount).
    public init(inputCount: Int, outputCount: Int) throws(DSPError) {
        guard inputCount >= 1, (1...inputCount).contains(outputCount) else {
            throw .invalidParameter(InvalidParameter("DCT", "needs 1 ≤ outputs (\(outputCount)) ≤ inputs (\(inputCount))"))
        }
        self.inputCount = inputCount
        self.outputCount = outputCount
        var basis = [Float](repeating: 0, count: inputCount * outputCount)
        for k in 0..<outputCount {
            let scale = k == 0 ? sqrt(1 / Double(inputCount)) : sqrt(2 / Double(inputCount))
            for n in 0..<inputCount {
                basis[k * inputCount + n] = Float(scale * cos(Double.pi * Double(k) * (Double(n) + 0.5) / Double(inputCount)))
            }
        }
        self.basis = basis
    }

    /// Transforms `input` (`inputCount` values) into `output` (`outputCount` values).
    public func apply(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        for k in 0..<outputCount {
            var sum: Float = 0
            for n in 0..<inputCount { sum += basis[k * inputCount + n] * input[n] }
            output[k] = sum
        }
    }
}
