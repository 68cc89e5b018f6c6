import DJModel
import SegueMath
#if canImport(Glibc)
import Glibc
#endif

/// A mono sample-rate converter for rates in a small rational ratio (44.1 → 22.05 kHz is 1/2,
/// 48 → 22.05 kHz is 147/320): a Kaiser-windowed sinc evaluated once per phase and stored, so
/// each output sample is one dot product.
///
/// Analysis decodes every file to 22.05 kHz, and libsamplerate's sinc converter, which
/// interpolates its filter for every output sample so that any ratio works, took 58 % of a
/// whole analysis. A table per phase does the same filtering at a fraction of that cost when
/// the ratio has few phases, which is the case for every rate audio files use.
///
/// The filter passes 0–80 % of the lower Nyquist frequency and stops ≥ 80 dB from the lower
/// Nyquist frequency on (Kaiser β 7.86). Output sample `n` is the input at time `n / ratio`,
/// with no delay, as libsamplerate's converter gives it.
public struct PolyphaseResampler: Sendable {
    /// Output rate ÷ input rate.
    public let ratio: Double
    /// Phases of the filter table (the ratio's numerator).
    public let upFactor: Int
    /// Input samples per `upFactor` output samples (the ratio's denominator).
    public let downFactor: Int
    /// The most phases a table may have; rates needing more use ``StreamingResampler``.
    public static let maximumPhases = 2048

    /// Taps per phase, padded with zeros to a multiple of 8 so the SIMD dot has no scalar tail.
    private let taps: Int
    /// Input samples from a phase's first tap to the output's time, rounded down.
    private let tapsBefore: Int
    /// Coefficients, `upFactor` phases of `taps` each.
    private let table: [Float]
    /// Input not yet fully used; `pending[0]` is input sample `pendingStart`.
    private var pending: [Float]
    private var pendingStart: Int
    /// The next output's first input sample (may be negative: the stream starts in silence)
    /// and its phase.
    private var nextBase: Int
    private var nextPhase: Int
    /// Input samples received, and output samples produced.
    private var received = 0
    private var produced = 0

    /// Creates a converter from `inputRate` to `outputRate` Hz, or `nil` when the two rates are
    /// not integers in a ratio of at most ``maximumPhases`` phases (or beyond 1/16…16).
    public init?(inputRate: Double, outputRate: Double) {
        guard inputRate > 0, outputRate > 0, inputRate == inputRate.rounded(), outputRate == outputRate.rounded(),
              inputRate < 1e7, outputRate < 1e7, (1.0 / 16...16).contains(outputRate / inputRate) else { return nil }
        let input = Int(inputRate), output = Int(outputRate)
        let divisor = Self.greatestCommonDivisor(input, output)
        upFactor = output / divisor
        downFactor = input / divisor
        guard upFactor <= Self.maximumPhases else { return nil }
        ratio = outputRate / inputRate
        // Cut-off and transition band in cycles per input sample, from the lower Nyquist frequency.
        let nyquist = 0.5 * min(1, ratio)
        let transition = 0.2 * nyquist
        let cutoff = 0.9 * nyquist
        // Kaiser's estimate of the length for 80 dB: (A − 7.95) / (2.285 · 2π · Δf).
        let halfLength = Int(((80 - 7.95) / (2.285 * 2 * Double.pi * transition) / 2).rounded(.up))
        tapsBefore = halfLength - 1
        taps = (2 * halfLength + 7) / 8 * 8
        table = Self.makeTable(phases: upFactor, taps: taps, tapsBefore: tapsBefore, halfLength: halfLength, cutoff: cutoff)
        pending = []
        pendingStart = 0
        nextBase = -tapsBefore
        nextPhase = 0
    }

    /// Converts the next block of input; call ``finish(into:)`` after the last.
    /// Appends the output samples this block completes to `output`.
    public mutating func process(_ input: UnsafeBufferPointer<Float>, into output: inout [Float]) {
        pending.append(contentsOf: input)
        received += input.count
        emit(into: &output, limit: Int.max)
    }

    /// Ends the stream: the input is taken to continue in silence until every output sample
    /// whose time lies within the input has been produced (`⌈input × ratio⌉` in all).
    public mutating func finish(into output: inout [Float]) {
        let total = Int((Double(received) * ratio).rounded(.up))
        pending.append(contentsOf: repeatElement(0, count: taps + downFactor / upFactor + 1))
        emit(into: &output, limit: total)
    }

    private mutating func emit(into output: inout [Float], limit: Int) {
        let available = pendingStart + pending.count
        let start = pendingStart, taps = taps, up = upFactor, down = downFactor
        var base = nextBase, phase = nextPhase, count = produced
        pending.withUnsafeBufferPointer { buffer in
            table.withUnsafeBufferPointer { coefficients in
                while count < limit && base + taps <= available {
                    let first = base - start
                    var sum: Float = 0
                    if first >= 0 {
                        sum = VectorMath.dot(buffer.baseAddress! + first, coefficients.baseAddress! + phase * taps, count: taps)
                    } else {
                        // The first outputs reach back before the stream, where it is silent.
                        for tap in -first..<taps { sum += buffer[first + tap] * coefficients[phase * taps + tap] }
                    }
                    output.append(sum)
                    count += 1
                    phase += down
                    base += phase / up
                    phase %= up
                }
            }
        }
        (nextBase, nextPhase, produced) = (base, phase, count)
        let consumed = min(max(0, base - start), pending.count)
        if consumed > 0 {
            pending.removeFirst(consumed)
            pendingStart += consumed
        }
    }

    /// Phase `p`'s tap `i` weighs input sample `base + i` for an output at time `base +
    /// tapsBefore + p / phases`, where the windowed sinc is centred.
    private static func makeTable(phases: Int, taps: Int, tapsBefore: Int, halfLength: Int, cutoff: Double) -> [Float] {
        let beta = 0.1102 * (80 - 8.7)
        var table = [Float](repeating: 0, count: phases * taps)
        for phase in 0..<phases {
            let fraction = Double(phase) / Double(phases)
            var row = [Double](repeating: 0, count: taps)
            for tap in 0..<min(taps, 2 * halfLength) {
                let distance = Double(tap - tapsBefore) - fraction
                let position = distance / Double(halfLength)
                guard abs(position) < 1 else { continue }
                let argument = 2 * cutoff * distance
                let sinc = argument == 0 ? 1 : sin(Double.pi * argument) / (Double.pi * argument)
                row[tap] = sinc * besselI0(beta * (1 - position * position).squareRoot())
            }
            // Each phase is scaled to sum to one, so a constant passes at the same level whatever
            // the phase (the scaling stands for the ideal low-pass's gain and the window's I0(β)).
            let total = row.reduce(0, +)
            for tap in 0..<taps { table[phase * taps + tap] = Float(row[tap] / total) }
        }
        return table
    }

    /// The zeroth-order modified Bessel function of the first kind, by its power series.
    private static func besselI0(_ x: Double) -> Double {
        var sum = 1.0, term = 1.0
        let quarterSquare = x * x / 4
        for k in 1..<64 {
            term *= quarterSquare / Double(k * k)
            sum += term
            if term < sum * 1e-17 { break }
        }
        return sum
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
