import SegueMath

/// Cosine similarity between factor rows.
public enum Similarity {
    /// The `count` rows of `matrix` most cosine-similar to row `index` (excluding itself), best first.
    public static func mostSimilar(to index: Int, in matrix: DenseMatrix, count: Int) -> [(index: Int, score: Float)] {
        let target = matrix.row(index)
        var scored: [(index: Int, score: Float)] = []
        for other in 0..<matrix.rowCount where other != index {
            scored.append((other, VectorMath.cosine(target, matrix.row(other))))
        }
        return Array(scored.sorted { $0.score > $1.score }.prefix(count))
    }
}
