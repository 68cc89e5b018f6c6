import CPrefetch
import SegueMath

/// Per-row least-squares solvers of implicit ALS. For row u with observed columns i and total
/// confidences c_ui, both solve (YᵀY + λI + Σ_i (c_ui − 1) y_i y_iᵀ) x_u = Σ_i c_ui y_i, where
/// `gram` already holds YᵀY + λI.
enum RowSolvers {
    /// `result += scale · vector` over `count` floats, eight lanes at a time.
    @inline(__always)
    static func addScaled(_ vector: UnsafePointer<Float>, _ scale: Float, into result: UnsafeMutablePointer<Float>, _ count: Int) {
        var index = 0
        let source = UnsafeRawPointer(vector), target = UnsafeMutableRawPointer(result)
        let lanes = SIMD8<Float>(repeating: scale)
        while index &+ 8 <= count {
            let sum = target.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
                + lanes * source.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
            target.storeBytes(of: sum, toByteOffset: index &* 4, as: SIMD8<Float>.self)
            index &+= 8
        }
        while index < count {
            result[index] += scale * vector[index]
            index &+= 1
        }
    }

    /// `result = matrix · vector` for a symmetric k×k `matrix` (so column j is row j): 32 outputs
    /// at a time accumulate in four 8-lane registers over the k rows, a broadcast of vector[j]
    /// times 32 contiguous floats of row j each; no partial result goes through memory (an a·x + y
    /// per row into `result` took 1.8× as long at k = 64, store-to-load chains).
    @inline(__always)
    static func symmetricProduct(_ matrix: UnsafePointer<Float>, _ vector: UnsafePointer<Float>,
                                 into result: UnsafeMutablePointer<Float>, _ k: Int) {
        let rows = UnsafeRawPointer(matrix), output = UnsafeMutableRawPointer(result)
        var column = 0
        while column &+ 32 <= k {
            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
            for j in 0..<k {
                let lanes = SIMD8<Float>(repeating: vector[j])
                let offset = (j &* k &+ column) &* 4
                a0 += lanes * rows.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                a1 += lanes * rows.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
                a2 += lanes * rows.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD8<Float>.self)
                a3 += lanes * rows.loadUnaligned(fromByteOffset: offset &+ 96, as: SIMD8<Float>.self)
            }
            output.storeBytes(of: a0, toByteOffset: column &* 4, as: SIMD8<Float>.self)
            output.storeBytes(of: a1, toByteOffset: column &* 4 &+ 32, as: SIMD8<Float>.self)
            output.storeBytes(of: a2, toByteOffset: column &* 4 &+ 64, as: SIMD8<Float>.self)
            output.storeBytes(of: a3, toByteOffset: column &* 4 &+ 96, as: SIMD8<Float>.self)
            column &+= 32
        }
        while column &+ 8 <= k {
            var a0 = SIMD8<Float>()
            for j in 0..<k {
                a0 += SIMD8<Float>(repeating: vector[j]) * rows.loadUnaligned(fromByteOffset: (j &* k &+ column) &* 4, as: SIMD8<Float>.self)
            }
            output.storeBytes(of: a0, toByteOffset: column &* 4, as: SIMD8<Float>.self)
            column &+= 8
        }
        while column < k {
            var sum: Float = 0
            for j in 0..<k { sum += vector[j] * matrix[j &* k &+ column] }
            result[column] = sum
            column &+= 1
        }
    }

    /// Rows of the other side fetched ahead while the first pass of a row solve gathers them.
    static let prefetchDistance = 6

    /// Starts loading the `k` floats at `row` into the cache.
    @inline(__always)
    static func prefetch(_ row: UnsafePointer<Float>, _ k: Int) {
        var offset = 0
        while offset < k {
            segue_prefetch(row + offset)
            offset &+= 16  // one 64-byte cache line
        }
    }

    /// Conjugate gradient warm-started from `x` (Takács, Pilászy & Tikk 2011), as `implicit`
    /// does: `steps` iterations, stopping early when the residual vanishes. O(steps · (k² + n_u · k)).
    /// The first pass over the row's observed columns gathers their factor rows from all over the
    /// other side's matrix, so it prefetches ``prefetchDistance`` rows ahead (measured 30 % off a
    /// whole solve with uniformly random columns); later passes find them in the cache.
    static func conjugateGradient(x: UnsafeMutablePointer<Float>, k: Int, gram: UnsafePointer<Float>,
                                  other: UnsafePointer<Float>, columns: UnsafeBufferPointer<Int32>, confidences: UnsafeBufferPointer<Float>,
                                  steps: Int, scratch: UnsafeMutablePointer<Float>) {
        let r = scratch, p = scratch + k, ap = scratch + 2 * k
        // r = b − A x (the first rows start loading while YᵀY·x is computed)
        for ahead in 0..<min(columns.count, prefetchDistance) { prefetch(other + Int(columns[ahead]) &* k, k) }
        symmetricProduct(gram, UnsafePointer(x), into: r, k)
        for i in 0..<k { r[i] = -r[i] }
        for index in 0..<columns.count {
            if index &+ prefetchDistance < columns.count { prefetch(other + Int(columns[index &+ prefetchDistance]) &* k, k) }
            let y = other + Int(columns[index]) &* k, confidence = confidences[index]
            let scale = confidence - (confidence - 1) * VectorMath.dot(y, UnsafePointer(x), count: k)
            addScaled(y, scale, into: r, k)
        }
        for i in 0..<k { p[i] = r[i] }
        var oldNorm = VectorMath.dot(UnsafePointer(r), UnsafePointer(r), count: k)
        if oldNorm < 1e-20 { return }
        for _ in 0..<steps {
            symmetricProduct(gram, UnsafePointer(p), into: ap, k)
            for (column, confidence) in zip(columns, confidences) {
                let y = other + Int(column) &* k
                let scale = (confidence - 1) * VectorMath.dot(y, UnsafePointer(p), count: k)
                addScaled(y, scale, into: ap, k)
            }
            let curvature = VectorMath.dot(UnsafePointer(p), UnsafePointer(ap), count: k)
            if curvature <= 0 { return }
            let step = oldNorm / curvature
            for i in 0..<k {
                x[i] += step * p[i]
                r[i] -= step * ap[i]
            }
            let newNorm = VectorMath.dot(UnsafePointer(r), UnsafePointer(r), count: k)
            if newNorm < 1e-20 { return }
            let ratio = newNorm / oldNorm
            for i in 0..<k { p[i] = r[i] + ratio * p[i] }
            oldNorm = newNorm
        }
    }

    /// The exact solve by Cholesky factorisation in double precision (the reference). O(k³ + n_u · k²).
    static func exact(x: UnsafeMutablePointer<Float>, k: Int, gram: UnsafePointer<Float>, other: UnsafePointer<Float>,
                      columns: UnsafeBufferPointer<Int32>, confidences: UnsafeBufferPointer<Float>) {
        var a = (0..<(k * k)).map { Double(gram[$0]) }
        var b = [Double](repeating: 0, count: k)
        for (column, confidence) in zip(columns, confidences) {
            let y = other + Int(column) * k
            for i in 0..<k {
                b[i] += Double(confidence) * Double(y[i])
                let scaled = Double(confidence - 1) * Double(y[i])
                for j in 0..<k { a[i * k + j] += scaled * Double(y[j]) }
            }
        }
        guard let solution = CholeskySolver.solve(a, b, size: k) else { return }
        for i in 0..<k { x[i] = Float(solution[i]) }
    }
}
