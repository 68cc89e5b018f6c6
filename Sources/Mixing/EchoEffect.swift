import Foundation

/// A DJ mixer's echo on one stereo deck: a delay of one beat fed back at `feedback`, its return
/// without bass, so the echoes of an echo-out ring on the beat and thin out.
struct EchoEffect {
    private var buffer: [Float]
    private var index = 0
    private let feedback: Float
    private var lowState: [Float] = [0, 0]
    private let lowCoefficient: Float

    /// An echo of `delayFrames` frames.
    init(delayFrames: Int, feedback: Float = 0.55, sampleRate: Double) {
        buffer = [Float](repeating: 0, count: 2 * max(1, delayFrames))
        self.feedback = feedback
        // A one-pole low-pass at 250 Hz, subtracted to take the bass out of the return.
        lowCoefficient = Float(1 - exp(-2 * Double.pi * 250 / sampleRate))
    }

    /// Sends `input` (interleaved stereo, already scaled by the send level) through the echo and
    /// returns the echo's output for the same frames.
    mutating func process(_ input: [Float]) -> [Float] {
        var output = [Float](repeating: 0, count: input.count)
        let length = buffer.count
        for sample in stride(from: 0, to: input.count, by: 2) {
            for channel in 0..<2 {
                let delayed = buffer[index + channel]
                lowState[channel] += lowCoefficient * (delayed - lowState[channel])
                output[sample + channel] = delayed - lowState[channel]
                buffer[index + channel] = input[sample + channel] + feedback * delayed
            }
            index = (index + 2) % length
        }
        return output
    }
}
