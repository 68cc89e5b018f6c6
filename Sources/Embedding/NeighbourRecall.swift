import SegueMath

/// Recall@k of nearest neighbours: how many of a query's true `k` nearest catalogue rows a
/// predicted query finds among its own `k` nearest. All vectors are unit length (dot = cosine).
enum NeighbourRecall {
    /// Indices of the `count` rows of `space` with the highest dot product with `query`.
    static func nearest(to query: [Float], in space: [[Float]], count: Int) -> [Int] {
        Ranking.topIndices(space.map { VectorMath.dot(query, $0) }, count: count, excluding: -1)
    }

    /// Mean recall@k over the queries: truth from `trueQueries` against `trueSpace`, found from
    /// `predictedQueries` against `searchedSpace` (rows of both spaces are the same items).
    static func recall(predictedQueries: [[Float]], searchedSpace: [[Float]], trueQueries: [[Float]], trueSpace: [[Float]], k: Int) -> Double {
        guard !predictedQueries.isEmpty, k > 0 else { return 0 }
        var hits = 0
        for (predicted, truth) in zip(predictedQueries, trueQueries) {
            let expected = Set(nearest(to: truth, in: trueSpace, count: k))
            hits += nearest(to: predicted, in: searchedSpace, count: k).filter(expected.contains).count
        }
        return Double(hits) / Double(predictedQueries.count * k)
    }
}
