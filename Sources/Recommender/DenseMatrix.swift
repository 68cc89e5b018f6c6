import Dispatch

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

    /// The Gram matrix AᵀA (columnCount × columnCount), plus `diagonal` on its diagonal, with
    /// the rows split over `threads` workers. O(rows · columns²).
    public func gram(addingToDiagonal diagonal: Float = 0, threads: Int = 1) -> [Float] {
        let k = columnCount
        let workers = max(1, min(threads, rowCount / 1024))
        let chunk = (rowCount + workers - 1) / workers
        let partials = PartialSums(count: workers, size: k * k)
        values.withUnsafeBufferPointer { a in
            let rows = SharedRows(pointer: a.baseAddress)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = (worker * chunk)..<min(rowCount, (worker + 1) * chunk)
                partials.store(worker, Self.partialGram(rows.pointer, range, k))
            }
        }
        let total = partials.sum()
        var gram = [Float](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0..<k { gram[i * k + j] = Float(0.5 * (total[i * k + j] + total[j * k + i])) }
            gram[i * k + i] += diagonal
        }
        return gram
    }

    /// Σ aᵣaᵣᵀ over `range` of the rows at `a` (row-major, k columns), in double precision.
    /// Rank-one updates row by row: the inner loop is a contiguous a·x + y, which vectorises.
    /// Rows are summed in blocks of 256 in Float and the blocks in Double, keeping the rounding
    /// error of long sums small.
    private static func partialGram(_ a: UnsafePointer<Float>?, _ range: Range<Int>, _ k: Int) -> [Double] {
        var total = [Double](repeating: 0, count: k * k)
        guard let a, !range.isEmpty else { return total }
        let partial = UnsafeMutablePointer<Float>.allocate(capacity: k * k)
        defer { partial.deallocate() }
        var row = range.lowerBound
        while row < range.upperBound {
            partial.initialize(repeating: 0, count: k * k)
            let end = min(range.upperBound, row + 256)
            for r in row..<end {
                let base = a + r &* k
                for i in 0..<k {
                    let value = base[i]
                    if value == 0 { continue }
                    let target = partial + i &* k
                    for j in 0..<k { target[j] += value * base[j] }
                }
            }
            total.withUnsafeMutableBufferPointer { sums in
                for index in 0..<(k * k) { sums[index] += Double(partial[index]) }
            }
            row = end
        }
        return total
    }
}

/// Read-only row storage shared by the Gram workers.
private struct SharedRows: @unchecked Sendable {
    let pointer: UnsafePointer<Float>?
}

/// One slot of partial sums per worker in one flat buffer; each worker writes only its slot.
private final class PartialSums: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Double>
    private let count: Int, size: Int

    init(count: Int, size: Int) {
        self.count = count
        self.size = size
        storage = .allocate(capacity: count * size)
        storage.initialize(repeating: 0, count: count * size)
    }

    deinit { storage.deallocate() }

    func store(_ worker: Int, _ values: [Double]) {
        let slot = storage + worker * size
        for index in 0..<size { slot[index] = values[index] }
    }

    /// Element-wise sum of the slots, in worker order (deterministic).
    func sum() -> [Double] {
        var total = [Double](repeating: 0, count: size)
        for worker in 0..<count {
            let slot = storage + worker * size
            for index in 0..<size { total[index] += slot[index] }
        }
        return total
    }
}
