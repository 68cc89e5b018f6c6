/// A musical key: a tonic pitch class and a mode, with its Camelot and Open Key codes.
///
/// Pitch classes count semitones from C (0 = C, 9 = A). Names use sharps and English
/// spelling (`C major`, `F# minor`), as the CLI's CSV contract requires.
public struct MusicalKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Major or minor.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case major, minor
    }

    /// The tonic's pitch class, 0 (C) to 11 (B).
    public let tonic: Int
    /// Major or minor.
    public let mode: Mode

    /// The pitch-class names used in key names, sharps only.
    public static let pitchClassNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]

    /// All 24 keys, majors first, each in pitch-class order.
    public static let all: [MusicalKey] = Mode.allCases.flatMap { mode in (0..<12).map { MusicalKey(tonic: $0, mode: mode) } }

    /// Creates a key; the tonic is reduced modulo 12.
    public init(tonic: Int, mode: Mode) {
        self.tonic = ((tonic % 12) + 12) % 12
        self.mode = mode
    }

    /// The name, e.g. `C major`, `F# minor`.
    public var name: String { "\(Self.pitchClassNames[tonic]) \(mode.rawValue)" }

    public var description: String { name }

    /// The Camelot wheel number, 1–12 (8 = C major / A minor).
    public var camelotNumber: Int {
        let relativeMajor = mode == .major ? tonic : (tonic + 3) % 12
        return ((relativeMajor * 7) % 12 + 7) % 12 + 1
    }

    /// The Camelot code, e.g. `8B` for C major and `8A` for A minor.
    public var camelot: String { "\(camelotNumber)\(mode == .major ? "B" : "A")" }

    /// The Open Key code, e.g. `1d` for C major and `1m` for A minor.
    public var openKey: String { "\((camelotNumber + 4) % 12 + 1)\(mode == .major ? "d" : "m")" }

    /// The relative key (A minor for C major and back).
    public var relative: MusicalKey {
        mode == .major ? MusicalKey(tonic: tonic + 9, mode: .minor) : MusicalKey(tonic: tonic + 3, mode: .major)
    }

    /// Parses a key name (`C major`, `Am`, `F#m`, `Bb minor`), a Camelot code (`8A`) or an Open Key code (`1m`).
    ///
    /// - Returns: `nil` when the text is none of these.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace
        guard let first = trimmed.first else { return nil }
        if first.isNumber {
            guard let letter = trimmed.last, let number = Int(trimmed.dropLast()), (1...12).contains(number) else { return nil }
            let camelotNumber: Int
            let mode: Mode
            switch letter {
            case "A", "a": (camelotNumber, mode) = (number, .minor)
            case "B", "b": (camelotNumber, mode) = (number, .major)
            case "m": (camelotNumber, mode) = ((number + 6) % 12 + 1, .minor)
            case "d": (camelotNumber, mode) = ((number + 6) % 12 + 1, .major)
            default: return nil
            }
            guard let key = MusicalKey.all.first(where: { $0.mode == mode && $0.camelotNumber == camelotNumber }) else { return nil }
            self = key
            return
        }
        let letters: [Character: Int] = ["C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11]
        guard let base = letters[Character(first.uppercased())] else { return nil }
        var rest = Substring(trimmed.dropFirst())
        var tonic = base
        if rest.first == "#" || rest.first == "♯" { tonic += 1; rest = rest.dropFirst() }
        else if rest.first == "b" || rest.first == "♭" { tonic -= 1; rest = rest.dropFirst() }
        let modeText = rest.trimmingWhitespace.lowercased()
        switch modeText {
        case "", "maj", "major": self.init(tonic: tonic, mode: .major)
        case "m", "min", "minor": self.init(tonic: tonic, mode: .minor)
        default: return nil
        }
    }

    /// Steps between two keys' Camelot numbers around the wheel, 0–6.
    public func camelotDistance(to other: MusicalKey) -> Int {
        let difference = abs(camelotNumber - other.camelotNumber) % 12
        return min(difference, 12 - difference)
    }

    /// Whether a move from this key to `other` is harmonic: the same key, ±1 on the Camelot wheel
    /// in the same mode, or the relative major/minor.
    public func mixesHarmonically(into other: MusicalKey) -> Bool {
        let distance = camelotDistance(to: other)
        return distance == 0 || (distance == 1 && mode == other.mode)
    }

    /// The key heard when a track in this key is played `semitones` higher (pitch shift without key lock).
    public func transposed(by semitones: Int) -> MusicalKey { MusicalKey(tonic: tonic + semitones, mode: mode) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let key = MusicalKey(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a key: \(text)"))
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
