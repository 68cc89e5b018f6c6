import DJModel
import Dispatch

/// Builds the k-nearest track graph without scoring every pair: only tracks whose tempo a DJ can
/// reach (straight, half or double time) become edges, so each track is compared with the
/// tracks inside its tempo windows and nothing else.
///
/// Tracks are sorted by key, then tempo, so every window of one key is a contiguous range; sources are processed in
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

    /// Each node's best successors, best first, with their scores and components.
    func adjacency() -> [[TrackGraph.Edge]] {
        let table = successorTable()
        return nodes.indices.map { source in
            table.successors(of: source).map { target in
                let (score, components) = scorer.score(from: nodes[source], to: nodes[Int(target)])
                return TrackGraph.Edge(target: Int(target), score: score, components: components)
            }
        }
    }

    /// Each node's best successors, best first, as node indices in one flat table (4 bytes per
    /// edge: a million tracks' 24 successors take 96 MB).
    func successorTable() -> SuccessorTable {
        let count = nodes.count
        var targets = [Int32](repeating: -1, count: count * neighbors)
        guard count > 1 else { return SuccessorTable(width: neighbors, targets: targets) }
        // Everything below works in (key, tempo) order, so that the targets of one key inside a
        // tempo window are contiguous in memory as well as in the index.
        let keyOf = nodes.map { ScoreTables.keyIndex($0.key) }
        let order = nodes.indices.sorted { (keyOf[$0], nodes[$0].bpm, $0) < (keyOf[$1], nodes[$1].bpm, $1) }
        let sorted = order.map { nodes[$0] }
        let tables = ScoreTables(weights: scorer.weights, nodes: sorted)
        let vectors = PackedVectors(nodes: sorted)
        let buckets = KeyBuckets(nodes: sorted, tables: tables)
        let window = scorer.weights.pitchRangePercent * Self.windowFactor / 100
        let blockSize = 64
        let blocks = (count + blockSize - 1) / blockSize
        let workers = max(1, min(threads, blocks))
        let width = neighbors
        targets.withUnsafeMutableBufferPointer { output in
            let sink = SuccessorSink(pointer: output.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var block = worker
                while block < blocks {
                    for position in (block * blockSize)..<min(count, (block + 1) * blockSize) {
                        let row = sink.pointer + order[position] * width
                        for (slot, target) in bestTargets(of: position, bpm: sorted[position].bpm, order: order, window: window,
                                                          tables: tables, vectors: vectors, buckets: buckets).enumerated() {
                            row[slot] = Int32(target)
                        }
                    }
                    block += workers
                }
            }
        }
        return SuccessorTable(width: neighbors, targets: targets)
    }

    /// The best `neighbors` targets of the track at sorted `position` among its tempo
    /// windows, best first, as node indices. Targets are visited key by key, most compatible key
    /// first; once even a perfect match in the next key could not reach the current k-th best
    /// score, the search stops. Inside a key's window the candidates are visited outwards from
    /// the window's centre, closest tempo first, so the tempo score only falls: once a perfect
    /// match at the next tempo (perfect ALS, content and energy) could not reach the k-th best,
    /// nothing further out can, and the window is left. A candidate whose own bound (perfect ALS
    /// and content) falls short is skipped before its dot products. All three cuts are exact.
    private func bestTargets(of position: Int, bpm: Double, order: [Int], window: Double, tables: ScoreTables,
                             vectors: PackedVectors, buckets: KeyBuckets) -> [Int] {
        guard bpm > 0 else { return [] }
        var best = TopScores(capacity: neighbors)
        let pitchRange = scorer.weights.pitchRangePercent
        let sourceKey = tables.keyIndex(of: position)
        for targetKey in buckets.keysByCompatibility[sourceKey] {
            if best.isFull && tables.bestPossible(sourceKey: sourceKey, targetKey: targetKey) < best.threshold { break }
            let members = buckets.positions[targetKey], memberBPM = buckets.bpm[targetKey]
            for ratio in [1.0, 0.5, 2.0] {
                let centre = bpm * ratio
                let low = Self.lowerBound(memberBPM, centre * (1 - window) * (1 - 1e-12))
                let high = Self.lowerBound(memberBPM, centre * (1 + window) * (1 + 1e-12))
                guard low < high else { continue }
                let tempoFactor = ratio == 1 ? 1 : scorer.weights.halfDoubleTimeFactor
                // Two cursors walking away from the centre; the closer one goes next.
                var up = min(max(Self.lowerBound(memberBPM, centre), low), high), down = up - 1
                while up < high || down >= low {
                    let upDistance = up < high ? memberBPM[up] / centre - 1 : .infinity
                    let downDistance = down >= low ? 1 - memberBPM[down] / centre : .infinity
                    let index: Int
                    if upDistance <= downDistance { index = up; up += 1 } else { index = down; down -= 1 }
                    let tempo = max(0, 1 - min(upDistance, downDistance) * 100 / pitchRange) * tempoFactor
                    if best.isFull, tables.bestPossible(sourceKey: sourceKey, targetKey: targetKey, tempo: tempo) < best.threshold { break }
                    let candidate = members[index]
                    guard candidate != position else { continue }
                    if best.isFull, tables.upperBound(source: position, target: candidate, tempo: tempo, vectors: vectors) < best.threshold { continue }
                    best.offer(score: tables.score(source: position, target: candidate, tempo: tempo, vectors: vectors), target: order[candidate])
                }
            }
        }
        return best.sorted().map(\.target)
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
private struct SuccessorSink: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Int32>
}

/// Key and energy compatibility tables, each node's key and energy index, and the weights, for
/// scoring pairs without touching the nodes (copying a node retains its strings and arrays).
final class ScoreTables: @unchecked Sendable {
    let weights: TransitionWeights
    /// Key score by (from key index) × 24 + (to key index), index = tonic + 12 · minor.
    private let key: UnsafeMutablePointer<Double>
    /// Energy score by (from − 1) × 10 + (to − 1).
    private let energy: UnsafeMutablePointer<Double>
    /// Per node: key index × 24 and (energy − 1) × 10, ready for the tables.
    private let keyRow: UnsafeMutablePointer<Int>, keyColumn: UnsafeMutablePointer<Int>
    private let energyRow: UnsafeMutablePointer<Int>, energyColumn: UnsafeMutablePointer<Int>
    private let count: Int
    private let weightSum: Double

    init(weights: TransitionWeights, nodes: [TrackNode]) {
        self.weights = weights
        count = nodes.count
        key = .allocate(capacity: 24 * 24)
        for from in MusicalKey.all {
            for to in MusicalKey.all { key[Self.keyIndex(from) * 24 + Self.keyIndex(to)] = CompatibilityRules.key(from: from, to: to) }
        }
        energy = .allocate(capacity: 100)
        for index in 0..<100 { energy[index] = CompatibilityRules.energy(from: index / 10 + 1, to: index % 10 + 1) }
        keyRow = .allocate(capacity: max(1, count))
        keyColumn = .allocate(capacity: max(1, count))
        energyRow = .allocate(capacity: max(1, count))
        energyColumn = .allocate(capacity: max(1, count))
        for (index, node) in nodes.enumerated() {
            keyColumn[index] = Self.keyIndex(node.key)
            keyRow[index] = keyColumn[index] * 24
            energyColumn[index] = min(10, max(1, node.energy)) - 1
            energyRow[index] = energyColumn[index] * 10
        }
        weightSum = weights.content + weights.bpm + weights.key + weights.energy + weights.als
    }

    deinit {
        key.deallocate()
        energy.deallocate()
        keyRow.deallocate()
        keyColumn.deallocate()
        energyRow.deallocate()
        energyColumn.deallocate()
    }

    static func keyIndex(_ key: MusicalKey) -> Int { key.tonic + (key.mode == .minor ? 12 : 0) }

    /// The key index (tonic + 12 · minor) of the node at `position`.
    @inline(__always)
    func keyIndex(of position: Int) -> Int { keyColumn[position] }

    /// The key compatibility of two key indices.
    func keyScore(_ from: Int, _ to: Int) -> Double { key[from * 24 + to] }

    /// The highest score any pair between these keys could have (perfect similarity, tempo and
    /// energy, ALS counted).
    @inline(__always)
    func bestPossible(sourceKey: Int, targetKey: Int) -> Double {
        (weights.content + weights.bpm + weights.key * key[sourceKey * 24 + targetKey] + weights.energy + weights.als)
            / weightSum + 1e-12
    }

    /// The highest score any pair between these keys could have at this tempo score (perfect
    /// similarity and energy, ALS counted).
    @inline(__always)
    func bestPossible(sourceKey: Int, targetKey: Int, tempo: Double) -> Double {
        (weights.content + weights.bpm * tempo + weights.key * key[sourceKey * 24 + targetKey] + weights.energy + weights.als)
            / weightSum + 1e-12
    }

    /// The highest score the pair could have, whatever its ALS and content similarity.
    @inline(__always)
    func upperBound(source: Int, target: Int, tempo: Double, vectors: PackedVectors) -> Double {
        let total = weights.content + weights.bpm * tempo + weights.key * key[keyRow[source] + keyColumn[target]]
            + weights.energy * energy[energyRow[source] + energyColumn[target]] + weights.als
        return total / weightSum + 1e-12
    }

    /// The weighted score of a pair given its tempo score (same formula as ``TransitionScorer``).
    @inline(__always)
    func score(source: Int, target: Int, tempo: Double, vectors: PackedVectors) -> Double {
        let content = (Double(vectors.contentDot(source, target)) + 1) / 2
        let als = vectors.alsDot(source, target).map { (Double($0) + 1) / 2 } ?? weights.coldALS
        let total = weights.content * content + weights.bpm * tempo + weights.key * key[keyRow[source] + keyColumn[target]]
            + weights.energy * energy[energyRow[source] + energyColumn[target]] + weights.als * als
        return total / weightSum
    }
}

/// The sorted positions of each key's nodes (a contiguous range, by tempo), and for each key the
/// 24 keys by falling compatibility.
struct KeyBuckets: Sendable {
    /// Positions of the nodes in each key index, ascending in tempo.
    let positions: [[Int]]
    /// Their tempi, ascending.
    let bpm: [[Double]]
    /// For each source key index, the target key indices from most to least compatible.
    let keysByCompatibility: [[Int]]

    init(nodes: [TrackNode], tables: ScoreTables) {
        var positions = [[Int]](repeating: [], count: 24), bpm = [[Double]](repeating: [], count: 24)
        for (position, node) in nodes.enumerated() {
            let key = tables.keyIndex(of: position)
            positions[key].append(position)
            bpm[key].append(node.bpm)
        }
        self.positions = positions
        self.bpm = bpm
        keysByCompatibility = (0..<24).map { from in (0..<24).sorted { (tables.keyScore(from, $0), -$0) > (tables.keyScore(from, $1), -$1) } }
    }
}

/// Unit vectors of every node in two flat, zero-padded buffers (content and ALS), so that a dot
/// product is a fixed number of 8-lane steps on raw memory.
final class PackedVectors: @unchecked Sendable {
    private let content: UnsafeMutablePointer<Float>, als: UnsafeMutablePointer<Float>, hasALS: UnsafeMutablePointer<Bool>
    private let contentStride: Int, alsStride: Int

    init(nodes: [TrackNode]) {
        func stride(_ length: Int) -> Int { max(8, (length + 7) / 8 * 8) }
        contentStride = stride(nodes.map(\.contentVector.count).max() ?? 0)
        alsStride = stride(nodes.map { $0.alsVector?.count ?? 0 }.max() ?? 0)
        let count = max(1, nodes.count)
        content = .allocate(capacity: count * contentStride)
        content.initialize(repeating: 0, count: count * contentStride)
        als = .allocate(capacity: count * alsStride)
        als.initialize(repeating: 0, count: count * alsStride)
        hasALS = .allocate(capacity: count)
        hasALS.initialize(repeating: false, count: count)
        for (index, node) in nodes.enumerated() {
            for (dimension, value) in node.contentVector.enumerated() { content[index * contentStride + dimension] = value }
            if let vector = node.alsVector {
                hasALS[index] = true
                for (dimension, value) in vector.enumerated() { als[index * alsStride + dimension] = value }
            }
        }
    }

    deinit {
        content.deallocate()
        als.deallocate()
        hasALS.deallocate()
    }

    @inline(__always)
    func contentDot(_ a: Int, _ b: Int) -> Float { Self.dot(content + a * contentStride, content + b * contentStride, contentStride) }

    /// The ALS cosine, or `nil` when either node has no factors.
    @inline(__always)
    func alsDot(_ a: Int, _ b: Int) -> Float? {
        guard hasALS[a], hasALS[b] else { return nil }
        return Self.dot(als + a * alsStride, als + b * alsStride, alsStride)
    }

    @inline(__always)
    private static func dot(_ first: UnsafeMutablePointer<Float>, _ second: UnsafeMutablePointer<Float>, _ count: Int) -> Float {
        let a = UnsafeRawPointer(first), b = UnsafeRawPointer(second)
        var sum = SIMD8<Float>()
        var offset = 0
        while offset < count {
            sum += a.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self) * b.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self)
            offset += 8
        }
        return sum.sum()
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

    /// Whether `capacity` entries are held.
    var isFull: Bool { entries.count == capacity }

    /// The lowest score held (−∞ until full).
    var threshold: Double { isFull ? entries[entries.count - 1].score : -.infinity }
}
