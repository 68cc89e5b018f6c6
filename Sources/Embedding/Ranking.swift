/// Ranking helpers of the embedding models' evaluation.
enum Ranking {
    /// Indices of the `count` largest scores, best first, skipping `excluded`.
    static func topIndices(_ scores: [Float], count: Int, excluding excluded: Int) -> [Int] {
        var best: [(index: Int, score: Float)] = []
        best.reserveCapacity(count + 1)
        for (index, score) in scores.enumerated() where index != excluded {
            if best.count == count, let last = best.last, score <= last.score { continue }
            let position = best.firstIndex { score > $0.score } ?? best.count
            best.insert((index, score), at: position)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.index)
    }
}
