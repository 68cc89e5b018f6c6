import Dispatch
import Foundation
import SegueMath

/// Implicit-feedback alternating least squares (Hu, Koren & Volinsky 2008, "Collaborative
/// filtering for implicit feedback datasets"), with the conjugate-gradient row solver of
/// Takács et al. (2011) as in the `implicit` library, or an exact Cholesky solve as reference.
///
/// Each sweep solves all user rows against fixed item factors, then all item rows against
/// fixed user factors; rows are split over `threads` workers. After every sweep the factors
/// are checked for NaN/∞. Complexity per sweep O(nnz · k · steps + (users + items) · k² · steps)
/// for CG, O((users + items) · k³ + nnz · k²) for the exact solver.
public struct ImplicitALS: Sendable {
    /// The hyper-parameters.
    public let configuration: ALSConfiguration

    /// Creates a trainer.
    public init(configuration: ALSConfiguration) { self.configuration = configuration }

    /// Learned factors.
    public struct Model: Sendable {
        /// One row per user (set).
        public var userFactors: DenseMatrix
        /// One row per item (track).
        public var itemFactors: DenseMatrix
        /// Seconds spent in `fit`.
        public var fitSeconds: Double
    }

    /// Fits factors to a users × items matrix of counts (≥ 0; zero cells are ignored).
    /// - Parameter progress: called after each sweep with (iteration, total).
    public func fit(_ counts: SparseMatrix, progress: ((Int, Int) -> Void)? = nil) throws(RecommenderError) -> Model {
        guard counts.nonZeroCount > 0 else { throw .invalidData("no interactions to learn from") }
        guard counts.values.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw .invalidData("counts must be finite and non-negative") }
        let start = DispatchTime.now()
        let alpha = configuration.alpha
        let userItems = configuration.confidence == .paper ? counts.mapValues { 1 + alpha * $0 } : counts.scaled(by: alpha)
        let itemUsers = userItems.transposed()
        let k = configuration.factors
        var random = SeededGenerator(seed: configuration.seed)
        var users = DenseMatrix(rowCount: counts.rowCount, columnCount: k, values: random.uniformFloats(count: counts.rowCount * k, below: 0.01))
        var items = DenseMatrix(rowCount: counts.columnCount, columnCount: k, values: random.uniformFloats(count: counts.columnCount * k, below: 0.01))
        for iteration in 1...configuration.iterations {
            solveRows(&users, interactions: userItems, other: items)
            solveRows(&items, interactions: itemUsers, other: users)
            guard users.isFinite, items.isFinite else { throw .diverged(iteration: iteration) }
            progress?(iteration, configuration.iterations)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Model(userFactors: users, itemFactors: items, fitSeconds: seconds)
    }

    /// Solves every row of `target` against fixed `other` factors, rows dealt out to the workers
    /// in turn (row r to worker r mod workers).
    func solveRows(_ target: inout DenseMatrix, interactions: SparseMatrix, other: DenseMatrix) {
        let k = configuration.factors
        let gram = other.gram(addingToDiagonal: configuration.regularization, threads: configuration.threads)
        let rows = target.rowCount
        let workers = min(configuration.threads, max(1, rows))
        let configuration = self.configuration
        RowSweepView.with(target: &target.values, gram: gram, other: other.values, interactions: interactions) { view in
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 3 * k)
                defer { scratch.deallocate() }
                for row in stride(from: worker, to: rows, by: workers) {
                    Self.solve(row: row, in: view, k: k, configuration: configuration, scratch: scratch)
                }
            }
        }
    }

    /// Solves one row with the configured solver.
    @inline(__always)
    private static func solve(row: Int, in view: RowSweepView, k: Int, configuration: ALSConfiguration,
                              scratch: UnsafeMutablePointer<Float>) {
        let (columns, confidences) = view.interactions(ofRow: row)
        let x = view.target + row * k
        switch configuration.solver {
        case .conjugateGradient:
            RowSolvers.conjugateGradient(x: x, k: k, gram: view.gram, other: view.other, columns: columns, confidences: confidences,
                                         steps: configuration.cgSteps, scratch: scratch)
        case .exact:
            RowSolvers.exact(x: x, k: k, gram: view.gram, other: view.other, columns: columns, confidences: confidences)
        }
    }
}

/// Raw views of one half-sweep's arrays, shared by its workers: the rows being solved (each
/// worker writes only its own), and read-only the Gram matrix, the fixed factors and the
/// interactions in CSR form. Raw pointers inside the workers mean no reference counting per row.
/// A view is valid only inside the closure given to ``with(target:gram:other:interactions:_:)``.
private struct RowSweepView: @unchecked Sendable {
    let target: UnsafeMutablePointer<Float>
    let gram: UnsafePointer<Float>
    let other: UnsafePointer<Float>
    let rowStarts: UnsafeBufferPointer<Int>
    let columns: UnsafeBufferPointer<Int32>
    let values: UnsafeBufferPointer<Float>

    /// Calls `body` with a view of the arrays, pinned for the duration of the call.
    static func with(target: inout [Float], gram: [Float], other: [Float], interactions: SparseMatrix, _ body: (RowSweepView) -> Void) {
        target.withUnsafeMutableBufferPointer { target in
            gram.withUnsafeBufferPointer { gram in
                other.withUnsafeBufferPointer { other in
                    interactions.rowStarts.withUnsafeBufferPointer { rowStarts in
                        interactions.columns.withUnsafeBufferPointer { columns in
                            interactions.values.withUnsafeBufferPointer { values in
                                body(RowSweepView(target: target.baseAddress!, gram: gram.baseAddress!, other: other.baseAddress!,
                                                  rowStarts: rowStarts, columns: columns, values: values))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The columns of `row` and their confidences.
    @inline(__always)
    func interactions(ofRow row: Int) -> (columns: UnsafeBufferPointer<Int32>, confidences: UnsafeBufferPointer<Float>) {
        let start = rowStarts[row], end = rowStarts[row + 1]
        return (UnsafeBufferPointer(rebasing: columns[start..<end]), UnsafeBufferPointer(rebasing: values[start..<end]))
    }
}
