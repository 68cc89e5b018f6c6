import DJModel
import Foundation

/// Names the parts between phrase boundaries as a DJ reads them: the parts with the kick and the
/// harmony in are `main`; the parts before the first main are
/// the intro, with a short last one (8 bars or fewer) that leads into it a `build`; the parts
/// between mains are breakdowns, with the same short build before the next main; the parts after
/// the last main are the outro.
public struct SectionLabeler: Sendable {
    /// Smallest spread of the harmony strength among the parts with a kick that tells main parts
    /// from drum-led ones.
    public var harmonySpread: Double
    /// Longest build, in bars.
    public var longestBuildBars: Int

    /// Creates a labeler.
    public init(harmonySpread: Double = 0.05, longestBuildBars: Int = 8) {
        self.harmonySpread = harmonySpread
        self.longestBuildBars = longestBuildBars
    }

    /// One part's measurements: its length in bars and the mean of each layer over its bars.
    public struct Part: Sendable {
        /// Length in bars.
        public var bars: Int
        /// Kick onset strength.
        public var kick: Double
        /// Tonal strength of the bass.
        public var bass: Double
        /// Tonal strength above the bass (chords, leads).
        public var harmony: Double
        /// Level (log power).
        public var level: Double

        /// Creates a part.
        public init(bars: Int, kick: Double, bass: Double, harmony: Double, level: Double) {
            self.bars = bars
            self.kick = kick
            self.bass = bass
            self.harmony = harmony
            self.level = level
        }
    }

    /// The label of each part, in order.
    public func labels(_ parts: [Part]) -> [SectionLabel] {
        guard !parts.isEmpty else { return [] }
        let kicks = Self.scaled(parts.map(\.kick))
        // The parts with the kick in; among them, the main parts are those with the harmony (chords,
        // a lead, a hook) in: the harmony's share among the kick parts, scaled between their least
        // and most, at least one half. Drum-led intros and outros, with or without the bass, and
        // builds without the hook fall below. When the harmony hardly varies among them (under
        // `harmonySpread`), every kick part is main.
        let kickParts = parts.indices.filter { kicks[$0] >= 0.5 }
        let harmonies = kickParts.map { parts[$0].harmony }
        let low = harmonies.min() ?? 0, high = harmonies.max() ?? 0
        var isMain = [Bool](repeating: false, count: parts.count)
        for part in kickParts {
            isMain[part] = high - low < harmonySpread || (parts[part].harmony - low) / (high - low) >= 0.5
        }
        guard let firstMain = isMain.firstIndex(of: true), let lastMain = isMain.lastIndex(of: true) else {
            return parts.indices.map { $0 < (parts.count + 1) / 2 ? .intro : .outro }
        }
        var labels = [SectionLabel](repeating: .main, count: parts.count)
        for index in parts.indices where !isMain[index] {
            labels[index] = index < firstMain ? .intro : index > lastMain ? .outro : .breakdown
        }
        // A short part just before a main, after another part that is not main, builds into it.
        for index in parts.indices.dropFirst() where !isMain[index] && index + 1 < parts.count && isMain[index + 1]
            && !isMain[index - 1] && parts[index].bars <= longestBuildBars {
            labels[index] = .build
        }
        return labels
    }

    /// `values` scaled to 0…1 between their least and most (1 throughout when they do not vary).
    static func scaled(_ values: [Double]) -> [Double] {
        let low = values.min() ?? 0, high = values.max() ?? 0
        return values.map { high - low > 1e-9 ? ($0 - low) / (high - low) : 1 }
    }
}
