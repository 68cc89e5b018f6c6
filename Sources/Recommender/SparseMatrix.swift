import DJModel

/// A compressed sparse row (CSR) matrix of Float values.
public struct SparseMatrix: Sendable, Hashable {
    /// Number of rows.
    public let rowCount: Int
    /// Number of columns.
    public let columnCount: Int
    /// Row start offsets into `columns`/`values`; `rowCount + 1` entries.
    public let rowStarts: [Int]
    /// Column index of each stored value, ascending within a row.
    public let columns: [Int32]
    /// The stored values.
    public let values: [Float]

    /// Number of stored values.
    public var nonZeroCount: Int { values.count }

    /// Builds a matrix from (row, column, value) triplets; duplicate cells are summed.
    /// O(nnz log nnz).
    public init(rowCount: Int, columnCount: Int, triplets: [(row: Int, column: Int, value: Float)]) throws(RecommenderError) {
        guard rowCount >= 0, columnCount >= 0 else { throw .invalidParameter(InvalidParameter("matrix dimensions", "must be non-negative")) }
        for triplet in triplets where !(0..<rowCount).contains(triplet.row) || !(0..<columnCount).contains(triplet.column) {
            throw .invalidData("cell (\(triplet.row), \(triplet.column)) lies outside a \(rowCount)×\(columnCount) matrix")
        }
        let sorted = triplets.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        var starts = [Int](repeating: 0, count: rowCount + 1)
        var columns: [Int32] = [], values: [Float] = []
        columns.reserveCapacity(sorted.count)
        values.reserveCapacity(sorted.count)
        var previous: (Int, Int)? = nil
        for triplet in sorted {
            if let previous, previous == (triplet.row, triplet.column) {
                values[values.count - 1] += triplet.value
                continue
            }
            columns.append(Int32(triplet.column))
            values.append(triplet.value)
            starts[triplet.row + 1] += 1
            previous = (triplet.row, triplet.column)
        }
        for row in 0..<rowCount { starts[row + 1] += starts[row] }
        self.init(rowCount: rowCount, columnCount: columnCount, rowStarts: starts, columns: columns, values: values)
    }

    /// Wraps CSR arrays (unchecked: callers build them consistently).
    init(rowCount: Int, columnCount: Int, rowStarts: [Int], columns: [Int32], values: [Float]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
    }

    /// The transpose, in CSR (the CSC view of this matrix). O(nnz + rows + columns).
    public func transposed() -> SparseMatrix {
        var starts = [Int](repeating: 0, count: columnCount + 1)
        for column in columns { starts[Int(column) + 1] += 1 }
        for column in 0..<columnCount { starts[column + 1] += starts[column] }
        var next = starts
        var newColumns = [Int32](repeating: 0, count: values.count)
        var newValues = [Float](repeating: 0, count: values.count)
        for row in 0..<rowCount {
            for index in rowStarts[row]..<rowStarts[row + 1] {
                let column = Int(columns[index])
                newColumns[next[column]] = Int32(row)
                newValues[next[column]] = values[index]
                next[column] += 1
            }
        }
        return SparseMatrix(rowCount: columnCount, columnCount: rowCount, rowStarts: starts, columns: newColumns, values: newValues)
    }

    /// The matrix with every value multiplied by `factor`.
    public func scaled(by factor: Float) -> SparseMatrix {
        SparseMatrix(rowCount: rowCount, columnCount: columnCount, rowStarts: rowStarts, columns: columns, values: values.map { $0 * factor })
    }

    /// The matrix with `transform` applied to every stored value.
    public func mapValues(_ transform: (Float) -> Float) -> SparseMatrix {
        SparseMatrix(rowCount: rowCount, columnCount: columnCount, rowStarts: rowStarts, columns: columns, values: values.map(transform))
    }
}
