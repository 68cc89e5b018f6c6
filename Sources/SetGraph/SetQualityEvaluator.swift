import DJModel

/// Measures how well a set flows (``DJSet/Quality``), the same way for every planner
/// (`segue evaluate-set`, the JSON answer, and the quality benchmark).
public enum SetQualityEvaluator {
    /// One track of the set, in play order.
    public struct Item: Sendable, Hashable {
        /// Artist, compared case-insensitively.
        public var artist: String
        /// Tempo, BPM.
        public var bpm: Double
        /// Key.
        public var key: MusicalKey
        /// Energy 1–10.
        public var energy: Int
        /// Start within the set and length, seconds.
        public var start: Double, duration: Double

        /// Creates an item.
        public init(artist: String, bpm: Double, key: MusicalKey, energy: Int, start: Double, duration: Double) {
            self.artist = artist
            self.bpm = bpm
            self.key = key
            self.energy = energy
            self.start = start
            self.duration = duration
        }
    }

    /// Measures a planned path with the start times its rules give (each track starts at the previous one's
    /// out cue, or the rules' overlap before it ends), artist repeats counted within the rules' spacing.
    public static func measure(_ path: PlannedPath, in graph: TrackGraph, constraints: SetConstraints, arc: EnergyCurve? = nil,
                               targetSeconds: Double? = nil) -> DJSet.Quality {
        var start = 0.0, items: [Item] = []
        for (position, index) in path.nodes.enumerated() {
            let node = graph.nodes[index]
            let played = constraints.playedSeconds(node)
            items.append(Item(artist: node.artist, bpm: node.bpm, key: node.key, energy: node.energy, start: start, duration: played))
            if position + 1 < path.nodes.count { start += played - constraints.overlapSeconds(outgoing: node) }
        }
        return measure(items: items, similarities: path.edges.map { ($0.components.als + $0.components.content) / 2 }, arc: arc,
                       targetSeconds: targetSeconds, artistSpacing: constraints.artistSpacing)
    }

    /// Measures `items` against an energy arc from the first track's energy and a target time.
    /// - Parameter similarities: one similarity (0…1) per transition.
    public static func measure(items: [Item], similarities: [Double], arc: EnergyCurve? = nil, targetSeconds: Double? = nil,
                               artistSpacing: Int = SetConstraints.standard.artistSpacing) -> DJSet.Quality {
        let transitions = max(0, items.count - 1)
        var harmonic = 0, tempoSum = 0.0, tempoMax = 0.0
        for (from, to) in zip(items, items.dropFirst()) {
            if CompatibilityRules.isHarmonic(from: from.key, to: to.key) { harmonic += 1 }
            let change = abs(CompatibilityRules.tempoChange(from: from.bpm, to: to.bpm).percent)
            tempoSum += change
            tempoMax = max(tempoMax, change)
        }
        let harmonicShare = transitions > 0 ? Double(harmonic) / Double(transitions) : 1
        let playing = (items.last.map { $0.start + $0.duration }) ?? 0
        var energyArcError = 0.0
        if let arc, let first = items.first, playing > 0 {
            let total = targetSeconds ?? playing
            energyArcError = items.map { abs(Double($0.energy) - arc.target(at: $0.start / total, start: first.energy)) }
                .reduce(0, +) / Double(items.count)
        }
        let durationErrorPercent = targetSeconds.map { $0 > 0 ? abs(playing - $0) / $0 * 100 : 0 } ?? 0
        var repeats = 0
        for (index, item) in items.enumerated() where artistSpacing > 0 && !item.artist.isEmpty {
            if items[max(0, index - artistSpacing)..<index].contains(where: { $0.artist.lowercased() == item.artist.lowercased() }) { repeats += 1 }
        }
        return DJSet.Quality(transitions: transitions, harmonicShare: harmonicShare,
                             meanTempoChangePercent: transitions > 0 ? tempoSum / Double(transitions) : 0, maxTempoChangePercent: tempoMax,
                             energyArcError: energyArcError, durationErrorPercent: durationErrorPercent, artistRepeats: repeats,
                             meanSimilarity: similarities.isEmpty ? 0 : similarities.reduce(0, +) / Double(similarities.count))
    }
}
