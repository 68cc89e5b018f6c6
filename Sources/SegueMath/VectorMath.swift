/// Vector arithmetic every numeric module shares: unit length, dot products and cosine, on arrays
/// and on raw float buffers.
public enum VectorMath {
    /// `vector` scaled to unit Euclidean length (unchanged when it is all zeros).
    @inlinable
    public static func normalized(_ vector: [Float]) -> [Float] {
        var sum: Float = 0
        for value in vector { sum += value * value }
        guard sum > 0 else { return vector }
        let norm = sum.squareRoot()
        return vector.map { $0 / norm }
    }

    /// Dot product over the first `min(a.count, b.count)` entries, summed in order (the graph's
    /// scores depend on it bit for bit). Inlinable and on buffers: called once per candidate pair
    /// when scoring transitions, where a call across modules with checked indexing cost 50 %.
    @inlinable
    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum: Float = 0
                for index in 0..<min(a.count, b.count) { sum += a[index] * b[index] }
                return sum
            }
        }
    }

    /// Cosine of two vectors over their common length (0 when either is zero there).
    @inlinable
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var dot: Float = 0, normA: Float = 0, normB: Float = 0
                for index in 0..<min(a.count, b.count) {
                    dot += a[index] * b[index]
                    normA += a[index] * a[index]
                    normB += b[index] * b[index]
                }
                let denominator = (normA * normB).squareRoot()
                return denominator > 0 ? dot / denominator : 0
            }
        }
    }

    /// Dot product of `count` floats at `a` and `b`, on two 8-lane SIMD accumulators (16 floats
    /// per step, the rest one at a time). `acc += x * y`, not `addProduct`: without a target CPU
    /// the latter calls libm's `fmaf` and runs about 30 times slower. The hot loop of ALS's
    /// conjugate-gradient solver and of the graph build's similarity terms.
    @inlinable @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var first = SIMD8<Float>(), second = SIMD8<Float>()
        var index = 0
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        while index &+ 16 <= count {
            first += rawA.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
            second += rawA.loadUnaligned(fromByteOffset: index &* 4 &+ 32, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: index &* 4 &+ 32, as: SIMD8<Float>.self)
            index &+= 16
        }
        if index &+ 8 <= count {
            first += rawA.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
            index &+= 8
        }
        var sum = (first + second).sum()
        while index < count {
            sum += a[index] * b[index]
            index &+= 1
        }
        return sum
    }
}
