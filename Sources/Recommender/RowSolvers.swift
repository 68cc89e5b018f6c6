/// Per-row least-squares solvers of implicit ALS. For row u with observed columns i and total
/// confidences c_ui, both solve (YᵀY + λI + Σ_i (c_ui − 1) y_i y_iᵀ) x_u = Σ_i c_ui y_i, where
/// `gram` already holds YᵀY + λI.
enum RowSolvers {
    /// Dot product with eight independent accumulators, which the compiler turns into one
    /// vector register (a plain loop stays scalar: reordering a floating-point sum needs
    /// permission the compiler does not take).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var s4: Float = 0, s5: Float = 0, s6: Float = 0, s7: Float = 0
        var index = 0
        while index + 8 <= count {
            s0 += a[index] * b[index]
            s1 += a[index + 1] * b[index + 1]
            s2 += a[index + 2] * b[index + 2]
            s3 += a[index + 3] * b[index + 3]
            s4 += a[index + 4] * b[index + 4]
            s5 += a[index + 5] * b[index + 5]
            s6 += a[index + 6] * b[index + 6]
            s7 += a[index + 7] * b[index + 7]
            index += 8
        }
        var sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
        while index < count {
            sum += a[index] * b[index]
            index += 1
        }
        return sum
    }

    /// Conjugate gradient warm-started from `x` (Takács, Pilászy & Tikk 2011), as `implicit`
    /// does: `steps` iterations, stopping early when the residual vanishes. O(steps · (k² + n_u · k)).
    static func conjugateGradient(x: UnsafeMutablePointer<Float>, k: Int, gram: UnsafePointer<Float>,
                                  other: UnsafePointer<Float>, columns: UnsafeBufferPointer<Int32>, confidences: UnsafeBufferPointer<Float>,
                                  steps: Int, scratch: UnsafeMutablePointer<Float>) {
        let r = scratch, p = scratch + k, ap = scratch + 2 * k
        // r = b − A x
        for i in 0..<k { r[i] = -dot(gram + i * k, UnsafePointer(x), k) }
        for (column, confidence) in zip(columns, confidences) {
            let y = other + Int(column) * k
            let scale = confidence - (confidence - 1) * dot(y, UnsafePointer(x), k)
            for i in 0..<k { r[i] += scale * y[i] }
        }
        for i in 0..<k { p[i] = r[i] }
        var oldNorm = dot(UnsafePointer(r), UnsafePointer(r), k)
        if oldNorm < 1e-20 { return }
        for _ in 0..<steps {
            for i in 0..<k { ap[i] = dot(gram + i * k, UnsafePointer(p), k) }
            for (column, confidence) in zip(columns, confidences) {
                let y = other + Int(column) * k
                let scale = (confidence - 1) * dot(y, UnsafePointer(p), k)
                for i in 0..<k { ap[i] += scale * y[i] }
            }
            let curvature = dot(UnsafePointer(p), UnsafePointer(ap), k)
            if curvature <= 0 { return }
            let step = oldNorm / curvature
            for i in 0..<k {
                x[i] += step * p[i]
                r[i] -= step * ap[i]
            }
            let newNorm = dot(UnsafePointer(r), UnsafePointer(r), k)
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

/// Solves symmetric positive-definite systems by Cholesky factorisation.
enum CholeskySolver {
    /// Solves A x = b for a row-major n×n SPD matrix; `nil` when A is not positive definite.
    static func solve(_ matrix: [Double], _ b: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i * n + j]
                for m in 0..<j { sum -= l[i * n + m] * l[j * n + m] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for m in 0..<i { sum -= l[i * n + m] * y[m] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for m in (i + 1)..<n { sum -= l[m * n + i] * x[m] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
