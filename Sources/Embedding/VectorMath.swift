/// Small vector helpers shared by the embedding models and their evaluation.
enum VectorMath {
    /// `vector` scaled to unit Euclidean length (unchanged when it is all zeros).
    static func normalized(_ vector: [Float]) -> [Float] {
        var sum: Float = 0
        for value in vector { sum += value * value }
        guard sum > 0 else { return vector }
        let scale = 1 / sum.squareRoot()
        return vector.map { $0 * scale }
    }

    /// Dot product of two equal-length vectors.
    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        var sum: Float = 0
        for index in a.indices { sum += a[index] * b[index] }
        return sum
    }

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
