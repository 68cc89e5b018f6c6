import DJModel

/// What a DJ's search text asks for: the words to match in tags and paths, and the filters it
/// spells out — keys (`7A`, `8B`, Open Key `1m`, `D minor`, `F#m`), tempo (`128 bpm`,
/// `120-130 bpm`, `126bpm`) and energy (`energy 7`, `energy 5-8`).
public struct SearchText: Sendable, Hashable {
    /// The words left once the filters are taken out, joined by spaces.
    public var words: String
    /// The filters the text names (keys, BPM, energy).
    public var filter: TrackFilter

    /// Reads `text`: filter tokens anywhere, the rest as words.
    public init(_ text: String) {
        var words: [String] = []
        var filter = TrackFilter()
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var index = 0
        func next(_ offset: Int = 1) -> String? { index + offset < tokens.count ? tokens[index + offset] : nil }
        while index < tokens.count {
            let token = tokens[index]
            let lower = token.lowercased()
            if let key = Self.code(token) {
                filter.keys.append(key)
            } else if let following = next(), Self.isNoteName(token), ["major", "minor", "maj", "min"].contains(following.lowercased()),
                      let key = MusicalKey(parsing: token + " " + following) {
                filter.keys.append(key)
                index += 1
            } else if Self.isCompactKeyName(token), let key = MusicalKey(parsing: token) {
                filter.keys.append(key)
            } else if lower.hasSuffix("bpm"), lower.count > 3, let range = Self.range(String(lower.dropLast(3)), within: 20...400) {
                (filter.minBPM, filter.maxBPM) = Self.bpmBounds(range)
            } else if next()?.lowercased() == "bpm", let range = Self.range(lower, within: 20...400) {
                (filter.minBPM, filter.maxBPM) = Self.bpmBounds(range)
                index += 1
            } else if lower == "energy", let following = next(), let range = Self.range(following, within: 1...10) {
                (filter.minEnergy, filter.maxEnergy) = (Int(saturating: range.lowerBound), Int(saturating: range.upperBound))
                index += 1
            } else if lower.hasPrefix("energy:"), let range = Self.range(String(lower.dropFirst(7)), within: 1...10) {
                (filter.minEnergy, filter.maxEnergy) = (Int(saturating: range.lowerBound), Int(saturating: range.upperBound))
            } else {
                words.append(token)
            }
            index += 1
        }
        self.words = words.joined(separator: " ")
        self.filter = filter
    }

    /// A Camelot (`8A`) or Open Key (`1m`, `6d`) code.
    static func code(_ token: String) -> MusicalKey? {
        guard let last = token.last, "AaBbmd".contains(last), token.dropLast().allSatisfy(\.isASCII),
              let number = Int(token.dropLast()), (1...12).contains(number) else { return nil }
        return MusicalKey(parsing: token)
    }

    /// A capital note letter with an optional sharp or flat (`D`, `F#`, `Bb`).
    static func isNoteName(_ token: String) -> Bool {
        guard let first = token.first, "ABCDEFG".contains(first) else { return false }
        return token.count == 1 || (token.count == 2 && "#b♯♭".contains(token.last!))
    }

    /// A key written in one token, capital note first: `Am`, `F#m`, `Ebmin`, `Cmaj` (not `am`, a word).
    static func isCompactKeyName(_ token: String) -> Bool {
        guard let first = token.first, "ABCDEFG".contains(first) else { return false }
        var rest = token.dropFirst()
        if let accidental = rest.first, "#♯♭".contains(accidental) || (accidental == "b" && rest.count > 1) { rest = rest.dropFirst() }
        return ["m", "min", "maj"].contains(String(rest))
    }

    /// `N` or `N-M` within `bounds` (`N` alone is `N...N`).
    static func range(_ text: String, within bounds: ClosedRange<Double>) -> ClosedRange<Double>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let values = parts.compactMap { Double($0) }
        guard values.count == parts.count, let low = values.first, let high = values.last, low <= high,
              bounds.contains(low), bounds.contains(high) else { return nil }
        return low...high
    }

    /// One tempo is the tempos that round to it (128 → 127.5…128.5); a range is itself.
    static func bpmBounds(_ range: ClosedRange<Double>) -> (Double, Double) {
        range.lowerBound == range.upperBound ? (range.lowerBound - 0.5, range.upperBound + 0.5) : (range.lowerBound, range.upperBound)
    }

    /// `filter` narrowed by what the text names: keys intersect (or are the text's when the
    /// filter has none), ranges are the overlap of both; nil when no track can pass both.
    public func narrowing(_ filter: TrackFilter) -> TrackFilter? {
        var merged = filter
        if !self.filter.keys.isEmpty {
            merged.keys = filter.keys.isEmpty ? self.filter.keys : filter.keys.filter(self.filter.keys.contains)
            if merged.keys.isEmpty { return nil }
        }
        func tighter(_ a: Double?, _ b: Double?, _ pick: (Double, Double) -> Double) -> Double? { a.flatMap { x in b.map { pick(x, $0) } ?? x } ?? b }
        merged.minBPM = tighter(merged.minBPM, self.filter.minBPM, max)
        merged.maxBPM = tighter(merged.maxBPM, self.filter.maxBPM, min)
        merged.minEnergy = tighter(merged.minEnergy.map(Double.init), self.filter.minEnergy.map(Double.init), max).map { Int(saturating: $0) }
        merged.maxEnergy = tighter(merged.maxEnergy.map(Double.init), self.filter.maxEnergy.map(Double.init), min).map { Int(saturating: $0) }
        if let low = merged.minBPM, let high = merged.maxBPM, low > high { return nil }
        if let low = merged.minEnergy, let high = merged.maxEnergy, low > high { return nil }
        return merged
    }
}
