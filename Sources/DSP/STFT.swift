import DJModel

/// Configuration of a short-time Fourier transform.
public struct STFTConfiguration: Sendable, Hashable {
    /// Frame (and FFT) size in samples; even, 64…65536.
    public let frameSize: Int
    /// Hop between frames in samples; 1…frameSize.
    public let hopSize: Int

    /// Checks and stores the parameters.
    public init(frameSize: Int, hopSize: Int) throws(DSPError) {
        guard (64...65536).contains(frameSize), frameSize % 2 == 0 else {
            throw .invalidParameter(InvalidParameter("STFT frame size", "must be even and in 64…65536, got \(frameSize)"))
        }
        guard (1...frameSize).contains(hopSize) else {
            throw .invalidParameter(InvalidParameter("STFT hop", "must be in 1…\(frameSize), got \(hopSize)"))
        }
        self.frameSize = frameSize
        self.hopSize = hopSize
    }

    /// Number of frames for `sampleCount` samples (frames start at 0, hop, 2·hop… while they
    /// begin inside the signal; the last ones are zero-padded).
    public func frameCount(sampleCount: Int) -> Int {
        sampleCount <= 0 ? 0 : (sampleCount - 1) / hopSize + 1
    }
}

/// A Hann-windowed short-time power spectrum, visited frame by frame so that callers keep only
/// what they accumulate (memory stays flat on long files). O(F · n log n) for F frames of size n.
///
/// Audio can be given whole (``forEachFrame(of:_:)``) or streamed in blocks of any size
/// (``push(_:_:)`` then ``finish(_:)``); both visit the same frames: frames start at 0, hop,
/// 2·hop… while they begin inside the signal, and the last ones are zero-padded.
public final class STFT {
    /// The frame and hop sizes.
    public let configuration: STFTConfiguration
    private let fft: RealFFT
    private let window: [Float]
    private var frame: [Float]
    private var power: [Float]
    /// Samples received but not yet consumed by a frame start, from `pendingStart`.
    private var pending: [Float] = []
    private var pendingStart = 0
    private var nextFrameIndex = 0

    /// Plans the transform.
    public init(configuration: STFTConfiguration) throws(DSPError) {
        self.configuration = configuration
        fft = try RealFFT(size: configuration.frameSize)
        window = Window.hann(configuration.frameSize)
        frame = [Float](repeating: 0, count: configuration.frameSize)
        power = [Float](repeating: 0, count: configuration.frameSize / 2 + 1)
    }

    /// Number of power bins per frame, `frameSize / 2 + 1`.
    public var binCount: Int { configuration.frameSize / 2 + 1 }

    /// Calls `body(frameIndex, power)` for each frame of `samples`, in order. Forgets any
    /// streamed samples first.
    public func forEachFrame(of samples: [Float], _ body: (Int, UnsafeBufferPointer<Float>) -> Void) {
        reset()
        samples.withUnsafeBufferPointer { push($0, body) }
        finish(body)
    }

    /// Adds a block of samples and calls `body(frameIndex, power)` for every frame that is now
    /// complete. Memory: one frame plus one block.
    public func push(_ block: UnsafeBufferPointer<Float>, _ body: (Int, UnsafeBufferPointer<Float>) -> Void) {
        pending.append(contentsOf: block)
        let size = configuration.frameSize, hop = configuration.hopSize
        while pending.count - pendingStart >= size {
            emitFrame(available: size, body)
            pendingStart += hop
        }
        if pendingStart > 0 && pendingStart >= pending.count / 2 {
            let consumed = min(pendingStart, pending.count)
            pending.removeFirst(consumed)
            pendingStart -= consumed
        }
    }

    /// Emits the remaining, zero-padded frames (those starting inside the signal) and resets the
    /// stream for the next signal.
    public func finish(_ body: (Int, UnsafeBufferPointer<Float>) -> Void) {
        while pendingStart < pending.count {
            emitFrame(available: pending.count - pendingStart, body)
            pendingStart += configuration.hopSize
        }
        reset()
    }

    /// Forgets streamed samples and restarts frame numbering at 0.
    public func reset() {
        pending.removeAll(keepingCapacity: true)
        pendingStart = 0
        nextFrameIndex = 0
    }

    private func emitFrame(available: Int, _ body: (Int, UnsafeBufferPointer<Float>) -> Void) {
        let size = configuration.frameSize
        let start = pendingStart
        pending.withUnsafeBufferPointer { signal in
            frame.withUnsafeMutableBufferPointer { buffer in
                window.withUnsafeBufferPointer { window in
                    for index in 0..<available { buffer[index] = signal[start &+ index] * window[index] }
                    for index in available..<size { buffer[index] = 0 }
                }
            }
        }
        frame.withUnsafeBufferPointer { buffer in
            power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: buffer, into: $0) }
        }
        power.withUnsafeBufferPointer { body(nextFrameIndex, $0) }
        nextFrameIndex += 1
    }
}
