import DJModel
import Dispatch
import SegueMath

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
/// anyway. Inside a window, candidates are visited outwards from its centre and the window is
/// left as soon as a perfect match at that tempo could not enter the best k; most candidates are
/// ruled out by the same bound with their own key, energy and cold-start ALS term before their
/// dot products. Every cut is exact: the graph equals scoring every pair inside the windows
/// (``ReferenceSuccessors``). Measured on the synthetic catalogue (2 cores): 100 000 tracks in
/// 2.4 s, 1 000 000 in 170 s — the windows fill up with the library, so the work per track grows
/// with its density and the whole build about as n^1.8.
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
        return nodes.indices.map { table.edges(of: $0, nodes: nodes, scorer: scorer) }
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
    /// total (the floor), the search stops. Inside a key's window the candidates are visited
    /// outwards from the window's centre, the closer side first until k are held, then each side
    /// until it leaves the tempo range where a perfect match (perfect ALS, content and energy)
    /// could still reach the floor; that range narrows as the floor rises. A candidate whose own
    /// bound (perfect similarity with its real key, tempo, energy and cold-start terms) falls short
    /// is skipped before its dot products. All cuts are exact.
    private func bestTargets(of position: Int, bpm: Double, order: [Int], window: Double, tables: ScoreTables,
                             vectors: PackedVectors, buckets: KeyBuckets) -> [Int] {
        guard bpm > 0 else { return [] }
        // Unnormalised totals (Σ weight × component) throughout: the same order as the scores.
        var best = TopScores(capacity: neighbors)
        let weights = scorer.weights
        let margin = 1e-9 * tables.weightSum
        let tempoScale = 100 / weights.pitchRangePercent
        let coldALS = weights.als * weights.coldALS
        let sourceKey = tables.keyIndex(of: position), sourceHasALS = vectors.hasFactors(position)
        var floor = -Double.infinity  // the k-th best total once k are held
        for targetKey in buckets.keysByCompatibility[sourceKey] {
            let keyTerm = weights.key * tables.keyScore(sourceKey, targetKey)
            // Everything but tempo at its best: perfect similarity and energy (for a source without
            // factors every ALS term is the cold-start one).
            let perfectRest = weights.content + (sourceHasALS ? weights.als : coldALS) + weights.energy + keyTerm
            if perfectRest + weights.bpm + margin < floor { break }
            let first = buckets.start[targetKey]
            buckets.bpm[targetKey].withUnsafeBufferPointer { tempi in
                for ratio in [1.0, 0.5, 2.0] {
                    let centre = bpm * ratio, inverse = 1 / centre
                    let low = Self.lowerBound(tempi, centre * (1 - window) * (1 - 1e-12))
                    let high = Self.lowerBound(tempi, centre * (1 + window) * (1 + 1e-12))
                    guard low < high else { continue }
                    let tempoWeight = weights.bpm * (ratio == 1 ? 1 : weights.halfDoubleTimeFactor)
                    // The tempo range a candidate must lie in to possibly enter the best k: its tempo
                    // term must reach floor − (everything else at its best). Narrows as the floor rises.
                    var lowBPM = -Double.infinity, highBPM = Double.infinity
                    func narrow() {
                        let needed = (floor - perfectRest - margin) / tempoWeight
                        guard needed > 0 else { return }
                        let distance = (1 - needed) / tempoScale
                        if distance < 0 { (lowBPM, highBPM) = (.infinity, -.infinity); return }
                        (lowBPM, highBPM) = (centre * (1 - distance) * (1 - 1e-12), centre * (1 + distance) * (1 + 1e-12))
                    }
                    narrow()
                    @inline(__always) func consider(_ index: Int) {
                        let candidate = first &+ index
                        if candidate == position { return }
                        let distance = abs(tempi[index] * inverse - 1)
                        let tempoTerm = tempoWeight * max(0, 1 - distance * tempoScale)
                        let partial = keyTerm + tempoTerm + tables.energyTerm(source: position, target: candidate)
                        let hasALS = sourceHasALS && vectors.hasFactors(candidate)
                        // Cheap before the dot products: could perfect similarity reach the floor?
                        if partial + weights.content + (hasALS ? weights.als : coldALS) + margin < floor { return }
                        let content = weights.content * (Double(vectors.contentDot(position, candidate)) + 1) / 2
                        let als = hasALS ? weights.als * (Double(vectors.alsDotOfFactored(position, candidate)) + 1) / 2 : coldALS
                        let total = partial + content + als
                        guard total >= floor else { return }
                        best.offer(score: total, target: order[candidate])
                        if best.isFull, best.threshold > floor {
                            floor = best.threshold
                            narrow()
                        }
                    }
                    // Outwards from the centre: the closer side first until k are held (so the floor
                    // rises early), then each side in turn, each until it leaves the narrowing range.
                    var up = min(max(Self.lowerBound(tempi, centre), low), high), down = up - 1
                    while !best.isFull, up < high || down >= low {
                        if down < low || (up < high && tempi[up] * inverse - 1 <= 1 - tempi[down] * inverse) {
                            consider(up)
                            up += 1
                        } else {
                            consider(down)
                            down -= 1
                        }
                    }
                    while up < high, tempi[up] <= highBPM {
                        consider(up)
                        up += 1
                    }
                    while down >= low, tempi[down] >= lowBPM {
                        consider(down)
                        down -= 1
                    }
                }
            }
        }
        return best.sorted().map(\.target)
    }

    /// First index whose value is ≥ `value` in an ascending array.
    static func lowerBound(_ values: [Double], _ value: Double) -> Int {
        values.withUnsafeBufferPointer { lowerBound($0, value) }
    }

    /// First index whose value is ≥ `value` in an ascending buffer.
    static func lowerBound(_ values: UnsafeBufferPointer<Double>, _ value: Double) -> Int {
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
    /// The sum of the five weights.
    let weightSum: Double

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
    @inline(__always)
    func keyScore(_ from: Int, _ to: Int) -> Double { key[from &* 24 &+ to] }

    /// The weighted energy term of a pair of nodes.
    @inline(__always)
    func energyTerm(source: Int, target: Int) -> Double { weights.energy * energy[energyRow[source] &+ energyColumn[target]] }
}

/// Where each key's nodes start in (key, tempo) order (a contiguous run, ascending in tempo),
/// their tempi, and for each key the 24 keys by falling compatibility.
struct KeyBuckets: Sendable {
    /// The sorted position of each key index's first node.
    let start: [Int]
    /// The tempi of each key index's nodes, ascending.
    let bpm: [[Double]]
    /// For each source key index, the target key indices from most to least compatible.
    let keysByCompatibility: [[Int]]

    /// The buckets of `nodes`, already sorted by key index, then tempo.
    init(nodes: [TrackNode], tables: ScoreTables) {
        var start = [Int](repeating: nodes.count, count: 24), bpm = [[Double]](repeating: [], count: 24)
        for (position, node) in nodes.enumerated() {
            let key = tables.keyIndex(of: position)
            if bpm[key].isEmpty { start[key] = position }
            bpm[key].append(node.bpm)
        }
        self.start = start
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

    /// Whether node `index` has ALS factors.
    @inline(__always)
    func hasFactors(_ index: Int) -> Bool { hasALS[index] }

    @inline(__always)
    func contentDot(_ a: Int, _ b: Int) -> Float { Self.paddedDot(content + a &* contentStride, content + b &* contentStride, contentStride) }

    /// The ALS cosine of two nodes that both have factors.
    @inline(__always)
    func alsDotOfFactored(_ a: Int, _ b: Int) -> Float { Self.paddedDot(als + a &* alsStride, als + b &* alsStride, alsStride) }

    /// The dot product of two zero-padded vectors of `count` floats, a multiple of 8: one 8-lane
    /// accumulator and no tail. Deliberately not ``VectorMath/dot(_:_:count:)`` (two accumulators
    /// and a tail for any length): this is the graph build's innermost loop, run for every
    /// candidate pair, and `bench-graph` on 100 000 tracks built successors in a median 3.2 s with
    /// it against 4.9 s with the general one (three interleaved runs each, plain `-O`).
    @inline(__always)
    static func paddedDot(_ first: UnsafePointer<Float>, _ second: UnsafePointer<Float>, _ count: Int) -> Float {
        let a = UnsafeRawPointer(first), b = UnsafeRawPointer(second)
        var sum = SIMD8<Float>()
        var offset = 0
        while offset < count {
            sum += a.loadUnaligned(fromByteOffset: offset &* 4, as: SIMD8<Float>.self) * b.loadUnaligned(fromByteOffset: offset &* 4, as: SIMD8<Float>.self)
            offset &+= 8
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
