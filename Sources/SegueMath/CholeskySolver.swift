/// Solves symmetric positive-definite systems by Cholesky factorisation (ALS's exact reference
/// solver and the cold-start ridge regression).
public enum CholeskySolver {
    /// Solves A x = b for a row-major n×n SPD matrix; `nil` when A is not positive definite.
    public static func solve(_ matrix: [Double], _ b: [Double], size n: Int) -> [Double]? {
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
