import CFFTW
import DJModel
import Synchronization

/// FFTW's planner is one process-wide structure that is not thread-safe: every plan creation
/// and destruction goes through this lock (executing a plan is thread-safe).
private let fftwPlannerLock = Mutex(())

/// A reusable real-to-complex FFT of a fixed size (FFTW, single precision).
///
/// Plan once, execute many times; one instance is not shared between threads (each worker
/// makes its own). Complexity O(n log n) per transform.
public final class RealFFT {
    /// Transform size (number of real input samples).
    public let size: Int
    /// Number of complex output bins, `size / 2 + 1`.
    public var binCount: Int { size / 2 + 1 }

    private let input: UnsafeMutablePointer<Float>
    private let output: UnsafeMutablePointer<fftwf_complex>
    private let plan: fftwf_plan

    /// Plans a transform of `size` samples (`size` even, ≥ 2).
    public init(size: Int) throws(DSPError) {
        guard size >= 2, size % 2 == 0 else { throw .invalidParameter(InvalidParameter("FFT size", "must be even and at least 2, got \(size)")) }
        self.size = size
        input = fftwf_alloc_real(size)
        output = fftwf_alloc_complex(size / 2 + 1)
        let buffers = PlannerTransfer(value: (input, output))
        plan = fftwPlannerLock.withLock { _ in
            PlannerTransfer(value: fftwf_plan_dft_r2c_1d(Int32(size), buffers.value.0, buffers.value.1, UInt32(FFTW_ESTIMATE)))
        }.value
    }

    deinit {
        let plan = PlannerTransfer(value: self.plan)
        fftwPlannerLock.withLock { _ in fftwf_destroy_plan(plan.value) }
        fftwf_free(input)
        fftwf_free(output)
    }

    /// Transforms `samples` (zero-padded or truncated to `size`) and writes the power spectrum
    /// |X(k)|² into `power` (`binCount` values).
    public func powerSpectrum(of samples: UnsafeBufferPointer<Float>, into power: UnsafeMutableBufferPointer<Float>) {
        let count = min(samples.count, size)
        for index in 0..<count { input[index] = samples[index] }
        for index in count..<size { input[index] = 0 }
        fftwf_execute(plan)
        let bins = min(binCount, power.count)
        output.withMemoryRebound(to: Float.self, capacity: 2 * binCount) { pairs in
            for bin in 0..<bins {
                let real = pairs[2 &* bin], imaginary = pairs[2 &* bin &+ 1]
                power[bin] = real * real + imaginary * imaginary
            }
        }
    }

    /// Transforms `samples` and returns the complex spectrum as (real, imaginary) pairs.
    public func spectrum(of samples: [Float]) -> [(real: Float, imaginary: Float)] {
        let count = min(samples.count, size)
        for index in 0..<count { input[index] = samples[index] }
        for index in count..<size { input[index] = 0 }
        fftwf_execute(plan)
        return output.withMemoryRebound(to: Float.self, capacity: 2 * binCount) { pairs in
            (0..<binCount).map { (pairs[2 * $0], pairs[2 * $0 + 1]) }
        }
    }
}

/// Carries FFTW pointers into and out of the planner lock; they are owned by one `RealFFT`.
private struct PlannerTransfer<Value>: @unchecked Sendable {
    let value: Value
}
