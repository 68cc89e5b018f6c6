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
        var result = [Double](repeating: 0, count: k * k)
        values.withUnsafeBufferPointer { a in
            for row in 0..<rowCount {
                let base = row * k
                for i in 0..<k {
                    let value = Double(a[base + i])
                    if value == 0 { continue }
                    for j in i..<k { result[i * k + j] += value * Double(a[base + j]) }
                }
            }
        }
        var gram = [Float](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in i..<k {
                gram[i * k + j] = Float(result[i * k + j])
                gram[j * k + i] = Float(result[i * k + j])
            }
            gram[i * k + i] += diagonal
        }
        return gram
    }
}
