/// Cosine similarity between factor rows.
public enum Similarity {
    /// Cosine of two equal-length vectors (0 when either is zero).
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0, normA: Float = 0, normB: Float = 0
        for index in 0..<min(a.count, b.count) {
            dot += a[index] * b[index]
            normA += a[index] * a[index]
            normB += b[index] * b[index]
        }
        let denominator = (normA * normB).squareRoot()
        return denominator > 0 ? dot / denominator : 0
    }

    /// The `count` rows of `matrix` most cosine-similar to row `index` (excluding itself), best first.
    public static func mostSimilar(to index: Int, in matrix: DenseMatrix, count: Int) -> [(index: Int, score: Float)] {
        let target = matrix.row(index)
        var scored: [(index: Int, score: Float)] = []
        for other in 0..<matrix.rowCount where other != index {
            scored.append((other, cosine(target, matrix.row(other))))
        }
        return Array(scored.sorted { $0.score > $1.score }.prefix(count))
    }
}
