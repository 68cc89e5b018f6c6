/// A row-major dense Float matrix (factor matrices: one row per user or item).
public struct DenseMatrix: Sendable, Hashable {
    /// Number of rows.
    public let rowCount: Int
    /// Number of columns.
    public let columnCount: Int
    /// Row-major values, `rowCount · columnCount`.
    public var values: [Float]

    /// A zero matrix.
    public init(rowCount: Int, columnCount: Int) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        values = [Float](repeating: 0, count: rowCount * columnCount)
    }

    /// Wraps row-major values.
    public init(rowCount: Int, columnCount: Int, values: [Float]) {
        precondition(values.count == rowCount * columnCount, "value count must equal rows × columns")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
    }

    /// One row as an array.
    public func row(_ index: Int) -> [Float] { Array(values[(index * columnCount)..<((index + 1) * columnCount)]) }

    /// Whether every value is finite.
    public var isFinite: Bool { values.allSatisfy(\.isFinite) }

    /// The Gram matrix AᵀA (columnCount × columnCount), plus `diagonal` on its diagonal.
    /// O(rows · columns²).
    public func gram(addingToDiagonal diagonal: Float = 0) -> [Float] {
        let k = columnCount
        // Rank-one updates row by row: the inner loop is a contiguous a·x + y, which vectorises.
        // Rows are summed in blocks of 256 in Float and the blocks in Double, keeping the
        // rounding error of long sums small.
        var total = [Double](repeating: 0, count: k * k)
        var block = [Float](repeating: 0, count: k * k)
        values.withUnsafeBufferPointer { a in
            block.withUnsafeMutableBufferPointer { partial in
                var row = 0
                while row < rowCount {
                    for index in 0..<(k * k) { partial[index] = 0 }
                    let end = min(rowCount, row + 256)
                    for r in row..<end {
                        let base = a.baseAddress! + r * k
                        for i in 0..<k {
                            let value = base[i]
                            if value == 0 { continue }
                            let target = partial.baseAddress! + i * k
                            for j in 0..<k { target[j] += value * base[j] }
                        }
                    }
                    for index in 0..<(k * k) { total[index] += Double(partial[index]) }
                    row = end
                }
            }
        }
        var gram = [Float](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0..<k { gram[i * k + j] = Float(0.5 * (total[i * k + j] + total[j * k + i])) }
            gram[i * k + i] += diagonal
        }
        return gram
    }
}
