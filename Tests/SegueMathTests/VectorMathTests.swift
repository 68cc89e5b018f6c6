import SegueMath
import Testing

/// The shared vector arithmetic against plain scalar loops.
struct VectorMathTests {
    @Test func normalizedHasUnitLengthAndLeavesZeroAlone() {
        let unit = VectorMath.normalized([3, 4])
        #expect(abs(unit[0] - 0.6) < 1e-6 && abs(unit[1] - 0.8) < 1e-6)
        #expect(VectorMath.normalized([0, 0, 0]) == [0, 0, 0])
    }

    @Test func arrayDotAndCosineUseTheCommonLength() {
        #expect(VectorMath.dot([1, 2, 3], [4, 5]) == 14)
        #expect(abs(VectorMath.cosine([1, 0], [1, 1]) - 0.5.squareRoot().float) < 1e-6)
        #expect(VectorMath.cosine([0, 0], [1, 1]) == 0)
    }

    /// Every length from 0 to 40 exercises the 16-float steps, the 8-float step and the scalar tail.
    @Test func simdDotEqualsTheScalarLoopAtEveryLength() {
        var random = SeededGenerator(seed: 3)
        for count in 0...40 {
            let a = (0..<count).map { _ in random.noise() }, b = (0..<count).map { _ in random.noise() }
            let expected = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            let simd = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in VectorMath.dot(x.baseAddress!, y.baseAddress!, count: count) } }
            #expect(abs(simd - expected) < 1e-4, "count \(count)")
        }
    }
}

private extension Double {
    var float: Float { Float(self) }
}
