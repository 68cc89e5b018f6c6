import DJModel
import Foundation
import Library

/// Fuzzy matching of tracklist entries to the library's audio files, for entries whose
/// normalised artist and title (``MatchKey``) match no track exactly: typos, missing accents,
/// "&" against "and", a label or catalogue number left in the title.
///
/// A candidate scores 0.4 × artist similarity + 0.6 × title similarity (Dice coefficient of
/// character trigrams on the normalised fields) and must name the same version: a title's
/// bracketed version ("(X Remix)", "(Dub)", "(VIP)") is part of its identity, so "Track" never
/// fuzzily matches "Track (X Remix)". The best candidate at or above ``threshold`` wins when no
/// other is within ``ambiguityMargin`` of it; otherwise the entry is ambiguous and left
/// unlinked. O(library files) per entry, each a merge of two short sorted trigram arrays.
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

    /// Indexes the tracks that have a file.
    init(tracks: [Track]) {
        candidates = tracks.compactMap { track in
            guard track.path != nil else { return nil }
            let (artist, title) = Self.fields(artist: track.metadata.artist, title: track.metadata.title)
            return (track.id, Trigrams(artist), Trigrams(title), Self.version(of: track.metadata.title))
        }
    }

    /// The best file for `artist`/`title`.
    func match(artist: String, title: String) -> Outcome {
        let (artistText, titleText) = Self.fields(artist: artist, title: title)
        let wantedArtist = Trigrams(artistText), wantedTitle = Trigrams(titleText)
        let wantedVersion = Self.version(of: title)
        var scored: [(id: TrackID, score: Double)] = []
        for candidate in candidates where candidate.version == wantedVersion {
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
