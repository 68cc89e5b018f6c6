import CRubberBand

/// Stretches a stereo passage with Rubber Band (offline mode, its faster engine, crisp
/// transients for drums) so that given input frames land on given output frames: the beats of
/// a deck land on the beats of the mix's tempo ramp. With key lock the pitch stays; without it
/// the pitch follows the speed, as a turntable's would.
struct TimeStretcher {
    /// The output rate, Hz.
    let sampleRate: Int
    /// Whether the pitch is kept.
    let keyLock: Bool

    /// Stretches interleaved stereo `input` to `outputFrames` frames, with `keyFrames` pairs of
    /// (input frame, output frame) held exactly (increasing in both).
    /// - Returns: interleaved stereo, exactly `outputFrames` frames.
    /// - Throws: ``MixingError/stretchFailed(_:)`` when Rubber Band cannot be set up.
    func stretch(_ input: [Float], outputFrames: Int, keyFrames: [(input: Int, output: Int)]) throws(MixingError) -> [Float] {
        let inputFrames = input.count / 2
        guard inputFrames > 0, outputFrames > 0 else { return [Float](repeating: 0, count: 2 * max(0, outputFrames)) }
        let ratio = Double(outputFrames) / Double(inputFrames)
        guard (0.25...4).contains(ratio) else { throw .stretchFailed(String(format: "a time ratio of %.3f is out of 0.25…4", ratio)) }
        let options = Int32(bitPattern: UInt32(RubberBandOptionProcessOffline.rawValue | RubberBandOptionEngineFaster.rawValue
                                                | RubberBandOptionTransientsCrisp.rawValue | RubberBandOptionThreadingNever.rawValue))
        guard let state = rubberband_new(UInt32(sampleRate), 2, RubberBandOptions(options), ratio, keyLock ? 1 : 1 / ratio) else {
            throw .stretchFailed("Rubber Band could not be created")
        }
        defer { rubberband_delete(state) }
        let block = 8_192
        rubberband_set_expected_input_duration(state, UInt32(inputFrames))
        rubberband_set_max_process_size(state, UInt32(block))
        var left = [Float](repeating: 0, count: inputFrames), right = left
        for frame in 0..<inputFrames {
            left[frame] = input[2 * frame]
            right[frame] = input[2 * frame + 1]
        }
        func feed(_ body: (UnsafePointer<UnsafePointer<Float>?>, Int, Bool) -> Void) {
            left.withUnsafeBufferPointer { leftBuffer in
                right.withUnsafeBufferPointer { rightBuffer in
                    var start = 0
                    while start < inputFrames {
                        let count = min(block, inputFrames - start)
                        let pointers: [UnsafePointer<Float>?] = [leftBuffer.baseAddress! + start, rightBuffer.baseAddress! + start]
                        pointers.withUnsafeBufferPointer { body($0.baseAddress!, count, start + count >= inputFrames) }
                        start += count
                    }
                }
            }
        }
        feed { pointers, count, last in rubberband_study(state, pointers, UInt32(count), last ? 1 : 0) }
        let usable = keyFrames.filter { $0.input > 0 && $0.input < inputFrames && $0.output > 0 && $0.output < outputFrames }
        if !usable.isEmpty {
            var from = usable.map { UInt32($0.input) }, to = usable.map { UInt32($0.output) }
            rubberband_set_key_frame_map(state, UInt32(usable.count), &from, &to)
        }
        var outLeft: [Float] = [], outRight: [Float] = []
        outLeft.reserveCapacity(outputFrames + block)
        outRight.reserveCapacity(outputFrames + block)
        var scratchLeft = [Float](repeating: 0, count: block), scratchRight = scratchLeft
        func drain() {
            while true {
                let available = Int(rubberband_available(state))
                if available <= 0 { return }
                let count = min(available, block)
                let got = scratchLeft.withUnsafeMutableBufferPointer { leftBuffer in
                    scratchRight.withUnsafeMutableBufferPointer { rightBuffer in
                        var pointers: [UnsafeMutablePointer<Float>?] = [leftBuffer.baseAddress, rightBuffer.baseAddress]
                        return Int(pointers.withUnsafeMutableBufferPointer { rubberband_retrieve(state, $0.baseAddress!, UInt32(count)) })
                    }
                }
                outLeft += scratchLeft[0..<got]
                outRight += scratchRight[0..<got]
            }
        }
        feed { pointers, count, last in
            rubberband_process(state, pointers, UInt32(count), last ? 1 : 0)
            drain()
        }
        drain()
        var output = [Float](repeating: 0, count: 2 * outputFrames)
        for frame in 0..<min(outputFrames, outLeft.count) {
            output[2 * frame] = outLeft[frame]
            output[2 * frame + 1] = outRight[frame]
        }
        return output
    }
}
