import DJModel
import Dispatch

/// Builds the k-nearest track graph without scoring every pair: only tracks whose tempo a DJ can
/// reach (straight, half or double time) become edges, so each track is compared with the
/// tracks inside its tempo windows and nothing else.
///
/// Tracks are sorted by tempo, so every window is a contiguous range; sources are processed in
/// blocks of consecutive tempo, split over worker threads. For each pair the score is exactly
/// ``TransitionScorer``'s: ALS and content cosines by 8-lane SIMD dot products of the stored
/// unit vectors, tempo from the window's ratio (no logarithms), key and energy from 24×24 and
/// 10×10 tables. Each source keeps its best `neighbors` targets (ties to the lower index).
///
/// The window is ±1.5 × the pitch range of the weights (±12 % by default), so steps a little
/// beyond the pitch fader stay representable for planners told to allow them; a track outside
/// every window of a source scores at most the non-tempo weights and could never be mixed in
/// anyway. O(n · w · d) for w tracks per window and d vector dimensions, against O(n² · d) for
/// all pairs.
struct TrackGraphBuilder: Sendable {
    let nodes: [TrackNode]
    let scorer: TransitionScorer
    let neighbors: Int
    let threads: Int

    /// How far beyond the pitch range edges are still built, as a factor of it.
    static let windowFactor = 1.5

    /// Each node's best successors, best first.
    func adjacency() -> [[TrackGraph.Edge]] {
        let count = nodes.count
        guard count > 1 else { return [[TrackGraph.Edge]](repeating: [], count: count) }
        let order = nodes.indices.sorted { (nodes[$0].bpm, $0) < (nodes[$1].bpm, $1) }
        let sortedBPM = order.map { nodes[$0].bpm }
        let tables = ScoreTables(weights: scorer.weights)
        let vectors = PackedVectors(nodes: nodes)
        let window = scorer.weights.pitchRangePercent * Self.windowFactor / 100
        var result = [[TrackGraph.Edge]](repeating: [], count: count)
        let blockSize = 64
        let blocks = (count + blockSize - 1) / blockSize
        let workers = max(1, min(threads, blocks))
        result.withUnsafeMutableBufferPointer { output in
            let sink = AdjacencySink(pointer: output.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var block = worker
                while block < blocks {
                    for position in (block * blockSize)..<min(count, (block + 1) * blockSize) {
                        let source = order[position]
                        sink.pointer[source] = bestTargets(of: source, order: order, sortedBPM: sortedBPM, window: window,
                                                           tables: tables, vectors: vectors)
                    }
                    block += workers
                }
            }
        }
        return result
    }

    /// The best `neighbors` targets of one source among its tempo windows.
    private func bestTargets(of source: Int, order: [Int], sortedBPM: [Double], window: Double, tables: ScoreTables,
                             vectors: PackedVectors) -> [TrackGraph.Edge] {
        let node = nodes[source]
        guard node.bpm > 0 else { return [] }
        var best = TopScores(capacity: neighbors)
        for ratio in [1.0, 0.5, 2.0] {
            let centre = node.bpm * ratio
            let low = Self.lowerBound(sortedBPM, centre * (1 - window) * (1 - 1e-12)), high = Self.lowerBound(sortedBPM, centre * (1 + window) * (1 + 1e-12))
            guard low < high else { continue }
            let tempoFactor = ratio == 1 ? 1 : scorer.weights.halfDoubleTimeFactor
            for position in low..<high {
                let target = order[position]
                guard target != source else { continue }
                let change = (nodes[target].bpm / centre - 1) * 100
                let tempo = max(0, 1 - abs(change) / scorer.weights.pitchRangePercent) * tempoFactor
                let score = tables.score(source: source, target: target, tempo: tempo, nodes: nodes, vectors: vectors)
                best.offer(score: score, target: target)
            }
        }
        return best.sorted().map { entry in
            let (score, components) = scorer.score(from: node, to: nodes[entry.target])
            return TrackGraph.Edge(target: entry.target, score: score, components: components)
        }
    }

    /// First index whose value is ≥ `value` in an ascending array.
    static func lowerBound(_ values: [Double], _ value: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The output rows, each written by exactly one worker.
private struct AdjacencySink: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<[TrackGraph.Edge]>
}

/// Key and energy compatibility tables and the weights, for scoring pairs without recomputing
/// the rules.
struct ScoreTables: Sendable {
    let weights: TransitionWeights
    /// Key score by (from key index) × 24 + (to key index), index = tonic + 12 · minor.
    private let key: [Double]
    /// Energy score by (from − 1) × 10 + (to − 1).
    private let energy: [Double]

    init(weights: TransitionWeights) {
        self.weights = weights
        let keys = MusicalKey.all
        var key = [Double](repeating: 0, count: 24 * 24)
        for from in keys { for to in keys { key[Self.keyIndex(from) * 24 + Self.keyIndex(to)] = CompatibilityRules.key(from: from, to: to) } }
        self.key = key
        energy = (0..<100).map { CompatibilityRules.energy(from: $0 / 10 + 1, to: $0 % 10 + 1) }
    }

    static func keyIndex(_ key: MusicalKey) -> Int { key.tonic + (key.mode == .minor ? 12 : 0) }

    /// The weighted score of a pair given its tempo score (same formula as ``TransitionScorer``).
    @inline(__always)
    func score(source: Int, target: Int, tempo: Double, nodes: [TrackNode], vectors: PackedVectors) -> Double {
        let from = nodes[source], to = nodes[target]
        let content = (Double(vectors.contentDot(source, target)) + 1) / 2
        var total = weights.content * content + weights.bpm * tempo
            + weights.key * key[Self.keyIndex(from.key) * 24 + Self.keyIndex(to.key)]
            + weights.energy * energy[(min(10, max(1, from.energy)) - 1) * 10 + min(10, max(1, to.energy)) - 1]
        var weightSum = weights.content + weights.bpm + weights.key + weights.energy
        if let als = vectors.alsDot(source, target) {
            total += weights.als * (Double(als) + 1) / 2
            weightSum += weights.als
        }
        return total / weightSum
    }
}

/// Unit vectors of every node in two flat, zero-padded arrays (content and ALS), so that a dot
/// product is a fixed number of 8-lane steps.
struct PackedVectors: Sendable {
    private let content: [Float], als: [Float], hasALS: [Bool]
    private let contentStride: Int, alsStride: Int

    init(nodes: [TrackNode]) {
        func stride(_ length: Int) -> Int { max(8, (length + 7) / 8 * 8) }
        contentStride = stride(nodes.map(\.contentVector.count).max() ?? 0)
        alsStride = stride(nodes.map { $0.alsVector?.count ?? 0 }.max() ?? 0)
        var content = [Float](repeating: 0, count: nodes.count * contentStride)
        var als = [Float](repeating: 0, count: nodes.count * alsStride)
        for (index, node) in nodes.enumerated() {
            for (dimension, value) in node.contentVector.enumerated() { content[index * contentStride + dimension] = value }
            if let vector = node.alsVector { for (dimension, value) in vector.enumerated() { als[index * alsStride + dimension] = value } }
        }
        self.content = content
        self.als = als
        hasALS = nodes.map { $0.alsVector != nil }
    }

    @inline(__always)
    func contentDot(_ a: Int, _ b: Int) -> Float { Self.dot(content, a * contentStride, b * contentStride, contentStride) }

    /// The ALS cosine, or `nil` when either node has no factors.
    @inline(__always)
    func alsDot(_ a: Int, _ b: Int) -> Float? {
        guard hasALS[a], hasALS[b] else { return nil }
        return Self.dot(als, a * alsStride, b * alsStride, alsStride)
    }

    @inline(__always)
    private static func dot(_ values: [Float], _ first: Int, _ second: Int, _ count: Int) -> Float {
        values.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawPointer(buffer.baseAddress!)
            var sum = SIMD8<Float>()
            var offset = 0
            while offset < count {
                sum += raw.loadUnaligned(fromByteOffset: (first + offset) * 4, as: SIMD8<Float>.self)
                    * raw.loadUnaligned(fromByteOffset: (second + offset) * 4, as: SIMD8<Float>.self)
                offset += 8
            }
            return sum.sum()
        }
    }
}

/// The best `capacity` (score, target) pairs seen, ties to the lower target.
struct TopScores {
    private(set) var entries: [(score: Double, target: Int)] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(capacity + 1)
    }

    @inline(__always)
    static func better(_ a: (score: Double, target: Int), _ b: (score: Double, target: Int)) -> Bool {
        a.score > b.score || (a.score == b.score && a.target < b.target)
    }

    mutating func offer(score: Double, target: Int) {
        let entry = (score: score, target: target)
        if entries.count == capacity, let last = entries.last, !Self.better(entry, last) { return }
        var position = entries.count
        while position > 0 && Self.better(entry, entries[position - 1]) { position -= 1 }
        entries.insert(entry, at: position)
        if entries.count > capacity { entries.removeLast() }
    }

    func sorted() -> [(score: Double, target: Int)] { entries }
}
