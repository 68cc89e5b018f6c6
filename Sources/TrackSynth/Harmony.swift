import DJModel

/// Chord progressions that establish the tonic: each starts on it and returns to it or to a
/// dominant that leads back to it; minor keys use the major dominant (the raised leading tone of
/// harmonic minor), as most minor-key dance music does.
enum Harmony {
    /// A chord as scale-degree root (semitones above the tonic) and whether it is minor.
    struct Chord: Sendable {
        var rootOffset: Int
        var isMinor: Bool

        /// Semitone offsets (from the tonic) of the triad's notes.
        var notes: [Int] { [rootOffset, rootOffset + (isMinor ? 3 : 4), rootOffset + 7] }
    }

    /// Four-bar progressions; `variant` picks one.
    static func progression(mode: MusicalKey.Mode, variant: Int) -> [Chord] {
        switch mode {
        case .major:
            let options: [[Chord]] = [
                [.init(rootOffset: 0, isMinor: false), .init(rootOffset: 5, isMinor: false), .init(rootOffset: 7, isMinor: false), .init(rootOffset: 0, isMinor: false)],
                [.init(rootOffset: 0, isMinor: false), .init(rootOffset: 9, isMinor: true), .init(rootOffset: 5, isMinor: false), .init(rootOffset: 7, isMinor: false)],
                [.init(rootOffset: 0, isMinor: false), .init(rootOffset: 7, isMinor: false), .init(rootOffset: 0, isMinor: false), .init(rootOffset: 5, isMinor: false)],
            ]
            return options[variant % options.count]
        case .minor:
            let options: [[Chord]] = [
                [.init(rootOffset: 0, isMinor: true), .init(rootOffset: 5, isMinor: true), .init(rootOffset: 0, isMinor: true), .init(rootOffset: 7, isMinor: false)],
                [.init(rootOffset: 0, isMinor: true), .init(rootOffset: 8, isMinor: false), .init(rootOffset: 5, isMinor: true), .init(rootOffset: 0, isMinor: true)],
                [.init(rootOffset: 0, isMinor: true), .init(rootOffset: 10, isMinor: false), .init(rootOffset: 8, isMinor: false), .init(rootOffset: 7, isMinor: false)],
            ]
            return options[variant % options.count]
        }
    }

    /// Semitone offsets of the scale (natural minor for minor keys).
    static func scale(mode: MusicalKey.Mode) -> [Int] {
        mode == .major ? [0, 2, 4, 5, 7, 9, 11] : [0, 2, 3, 5, 7, 8, 10]
    }
}
