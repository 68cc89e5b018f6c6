import DJModel
import Foundation

/// Which neighbours ``Segue/similarTracks(to:by:limit:filter:)`` may return, relative to the
/// track asked about: by key, tempo (half and double time count), genre and energy. The seed
/// project's "same key, ±3 BPM, other genre" is `SimilarFilter(key: .same, bpmTolerancePercent:
/// 2.5, genre: .other)` (±3 BPM at 120).
public struct SimilarFilter: Sendable, Hashable, Codable {
    /// How a neighbour's key must relate to the seed's.
    public enum KeyMatch: String, Sendable, Hashable, Codable, CaseIterable {
        /// Any key (and tracks without one).
        case any
        /// The seed's key.
        case same
        /// A key that mixes harmonically: the same, ±1 on the Camelot wheel, or the relative.
        case compatible
    }

    /// How a neighbour's genre tag must relate to the seed's (compared without case or the
    /// spaces around it; tracks without a genre pass only `any`).
    public enum GenreMatch: String, Sendable, Hashable, Codable, CaseIterable {
        /// Any genre.
        case any
        /// The seed's genre.
        case same
        /// A genre other than the seed's.
        case other
    }

    /// The key rule.
    public var key: KeyMatch
    /// Largest tempo distance from the seed, percent, after halving or doubling the neighbour's
    /// tempo when that brings it closer (87 BPM is within 1 % of 174); nil for any tempo.
    public var bpmTolerancePercent: Double?
    /// The genre rule.
    public var genre: GenreMatch
    /// The energies (1–10) allowed; nil for any.
    public var energy: ClosedRange<Int>?

    /// A filter; by default it lets every track through.
    public init(key: KeyMatch = .any, bpmTolerancePercent: Double? = nil, genre: GenreMatch = .any, energy: ClosedRange<Int>? = nil) {
        self.key = key
        self.bpmTolerancePercent = bpmTolerancePercent
        self.genre = genre
        self.energy = energy
    }

    /// The filter from its text forms (the CLI's options and the API's query parameters): `key`
    /// any|same|compatible, `bpmTolerance` a percentage 0–50, `genre` any|same|other, `energy`
    /// `MIN-MAX` or one level, 1–10.
    /// - Throws: ``SegueError`` `.invalidInput` naming the field and what it accepts.
    public init(key: String?, bpmTolerance: String?, genre: String?, energy: String?) throws(SegueError) {
        self.init()
        if let key {
            guard let match = KeyMatch(rawValue: key.lowercased()) else {
                throw SegueError(.invalidInput, "key must be any, same or compatible, got '\(key)'", field: "key")
            }
            self.key = match
        }
        if let bpmTolerance {
            let text = bpmTolerance.hasSuffix("%") ? String(bpmTolerance.dropLast()) : bpmTolerance
            guard let percent = Double(text.trimmingCharacters(in: .whitespaces)), percent.isFinite, (0...50).contains(percent) else {
                throw SegueError(.invalidInput, "bpmTolerance must be a percentage 0–50, got '\(bpmTolerance)'", field: "bpmTolerance")
            }
            bpmTolerancePercent = percent
        }
        if let genre {
            guard let match = GenreMatch(rawValue: genre.lowercased()) else {
                throw SegueError(.invalidInput, "genre must be any, same or other, got '\(genre)'", field: "genre")
            }
            self.genre = match
        }
        if let energy {
            let parts = energy.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(parts.count), let low = parts.first ?? nil, let high = parts.last ?? nil,
                  (1...10).contains(low), (1...10).contains(high), low <= high else {
                throw SegueError(.invalidInput, "energy must be MIN-MAX or one level, within 1–10, got '\(energy)'", field: "energy")
            }
            self.energy = low...high
        }
    }

    /// True when the filter lets every track through.
    public var isOpen: Bool { key == .any && bpmTolerancePercent == nil && genre == .any && energy == nil }

    /// Whether `candidate` passes, for a seed of `seedBPM`, `seedKey` and `seedGenre`.
    public func admits(bpm: Double, key candidateKey: MusicalKey?, genre candidateGenre: String, energy candidateEnergy: Int,
                       seedBPM: Double, seedKey: MusicalKey?, seedGenre: String) -> Bool {
        if let energy, !energy.contains(candidateEnergy) { return false }
        if let tolerance = bpmTolerancePercent {
            guard seedBPM > 0, bpm > 0 else { return false }
            let distance = [0.5, 1, 2].map { abs(bpm * $0 - seedBPM) / seedBPM * 100 }.min() ?? .infinity
            if distance > tolerance + 1e-9 { return false }
        }
        switch key {
        case .any: break
        case .same:
            guard let seedKey, let candidateKey, seedKey == candidateKey else { return false }
        case .compatible:
            guard let seedKey, let candidateKey, seedKey.mixesHarmonically(into: candidateKey) else { return false }
        }
        let mine = Self.normalised(seedGenre), theirs = Self.normalised(candidateGenre)
        switch genre {
        case .any: break
        case .same: if theirs.isEmpty || theirs != mine { return false }
        case .other: if theirs.isEmpty || theirs == mine { return false }
        }
        return true
    }

    /// A genre as compared: lower case, without surrounding spaces.
    static func normalised(_ genre: String) -> String { genre.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
}
