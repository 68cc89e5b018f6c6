import Foundation

/// Analysis windows.
public enum Window {
    /// A periodic Hann window of `length` samples (sums to a constant at 50% overlap).
    public static func hann(_ length: Int) -> [Float] {
        guard length > 1 else { return [Float](repeating: 1, count: max(length, 0)) }
        return (0..<length).map { index in
            0.5 - 0.5 * Float(cos(2 * Double.pi * Double(index) / Double(length)))
        }
    }
}
