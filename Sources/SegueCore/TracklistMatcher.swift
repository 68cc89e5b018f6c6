import DJModel
import Foundation
import Library

/// Fuzzy matching of tracklist entries to the library's audio files, for entries whose
/// normalised artist and title (``MatchKey``) match no track exactly: typos, missing accents,
/// "&" against "and", a label or catalogue number left in the title.
///
/// A candidate scores 0.4 × artist spelling match + 0.6 × title spelling match (the Dice
/// coefficient of character trigrams on the normalised fields, ``Trigrams``) and must name the same version: a title's
/// bracketed version ("(X Remix)", "(Dub)", "(VIP)") is part of its identity, so "Track" never
/// fuzzily matches "Track (X Remix)". The best candidate at or above ``threshold`` wins when no
/// other is within ``ambiguityMargin`` of it; otherwise the entry is ambiguous and left
/// unlinked. Candidates come from an inverted index of title trigrams (prefix filtering), so an
/// entry costs the postings of its rarest trigrams rather than a pass over the library.
struct TracklistMatcher {
    /// Lowest score accepted.
    static let threshold = 0.82
    /// Scores this close to the best make the match ambiguous.
    static let ambiguityMargin = 0.03

    /// The outcome for one entry.
    enum Outcome: Equatable {
        case matched(TrackID, score: Double)
        case ambiguous([TrackID])
        case none
    }

    private let candidates: [(id: TrackID, artist: Trigrams, title: Trigrams, version: String)]
    /// Title trigram → the candidates whose title has it (an inverted index).
    private let postings: [UInt64: [Int32]]

    /// The lowest title Dice coefficient with which a candidate can still reach the accepted
    /// score: 0.4 × artist (at most 1) + 0.6 × title ≥ threshold − margin.
    static let minimumTitleDice = (threshold - ambiguityMargin - 0.4) / 0.6

    /// Indexes the tracks that have a file.
    init(tracks: [Track]) {
        candidates = tracks.compactMap { track in
            guard track.path != nil else { return nil }
            let (artist, title) = Self.fields(artist: track.metadata.artist, title: track.metadata.title)
            return (track.id, Trigrams(artist), Trigrams(title), Self.version(of: track.metadata.title))
        }
        var postings: [UInt64: [Int32]] = [:]
        for (index, candidate) in candidates.enumerated() {
            for gram in candidate.title.packed { postings[gram, default: []].append(Int32(index)) }
        }
        self.postings = postings
    }

    /// The candidates whose title can reach ``minimumTitleDice`` with `title`, by prefix
    /// filtering: a Dice coefficient of at least d with a trigram set A needs an overlap of at
    /// least d·|A| / (2 − d) trigrams, so a candidate that has it shares at least one of the
    /// |A| − overlap + 1 rarest trigrams of A; only their postings are read.
    /// - Complexity: O(postings of the rarest trigrams), not O(library).
    private func plausibleCandidates(forTitle title: Trigrams) -> [Int] {
        let grams = title.packed
        guard !grams.isEmpty else { return [] }
        let dice = Self.minimumTitleDice - 1e-9  // never round the needed overlap up past the true bound
        let overlap = Int(saturating: (dice * Double(grams.count) / (2 - dice)).rounded(.up))
        let prefixLength = max(1, grams.count - overlap + 1)
        let rarest = grams.sorted { (postings[$0]?.count ?? 0) < (postings[$1]?.count ?? 0) }.prefix(prefixLength)
        var seen = Set<Int32>()
        for gram in rarest { for index in postings[gram] ?? [] { seen.insert(index) } }
        return seen.map(Int.init).sorted()
    }

    /// The best file for `artist`/`title`.
    func match(artist: String, title: String) -> Outcome { match(artist: artist, title: title, scanningAll: false) }

    /// The best file for `artist`/`title`; with `scanningAll` every candidate is scored (the
    /// reference the indexed search is tested against).
    func match(artist: String, title: String, scanningAll: Bool) -> Outcome {
        let (artistText, titleText) = Self.fields(artist: artist, title: title)
        let wantedArtist = Trigrams(artistText), wantedTitle = Trigrams(titleText)
        let wantedVersion = Self.version(of: title)
        var scored: [(id: TrackID, score: Double)] = []
        let indices = scanningAll ? Array(candidates.indices) : plausibleCandidates(forTitle: wantedTitle)
        for index in indices where candidates[index].version == wantedVersion {
            let candidate = candidates[index]
            let score = 0.4 * wantedArtist.dice(candidate.artist) + 0.6 * wantedTitle.dice(candidate.title)
            if score >= Self.threshold - Self.ambiguityMargin { scored.append((candidate.id, score)) }
        }
        scored.sort { $0.score > $1.score }
        guard let best = scored.first, best.score >= Self.threshold else { return .none }
        let rivals = scored.filter { best.score - $0.score < Self.ambiguityMargin }
        return rivals.count > 1 ? .ambiguous(rivals.map(\.id)) : .matched(best.id, score: best.score)
    }

    /// The normalised artist and title (the two halves of the match key).
    static func fields(artist: String, title: String) -> (String, String) {
        let parts = MatchKey.make(artist: artist, title: title).split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : "")
    }

    /// The version words of a title's bracketed parts ("remix", "dub", "vip"…, with the remixer),
    /// normalised; empty for an original.
    static func version(of title: String) -> String {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var parts: [String] = []
        var depth = 0, current = ""
        for character in folded {
            if character == "(" || character == "[" { depth += 1; if depth == 1 { current = "" }; continue }
            if character == ")" || character == "]" {
                depth = max(0, depth - 1)
                if depth == 0 { parts.append(current) }
                continue
            }
            if depth > 0 { current.append(character) }
        }
        let versionWords = ["remix", "mix", "edit", "dub", "vip", "rework", "bootleg", "version", "instrumental", "refix", "flip"]
        return parts.filter { part in versionWords.contains { part.contains($0) } && !part.contains("original mix") }
            .map { $0.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined() }
            .sorted().joined(separator: "+")
    }
}
