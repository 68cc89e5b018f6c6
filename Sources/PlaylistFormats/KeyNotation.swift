import DJModel

/// Key spellings of DJ programs.
public enum KeyNotation {
    /// Short names with the spelling DJ software uses around the Camelot wheel (`Am`, `F#m`,
    /// `Dbm`, `C`, `Ab`): rekordbox's `Tonality` and Serato's key tag.
    public static func shortName(_ key: MusicalKey) -> String {
        let names = ["C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
        return names[key.tonic] + (key.mode == .minor ? "m" : "")
    }

    /// Traktor's `MUSICAL_KEY VALUE`: 0–11 the major keys from C, 12–23 the minor keys from C.
    public static func traktorValue(_ key: MusicalKey) -> Int { key.tonic + (key.mode == .minor ? 12 : 0) }

    /// The key of a Traktor `MUSICAL_KEY VALUE`, or `nil` outside 0–23.
    public static func key(traktorValue value: Int) -> MusicalKey? {
        guard (0..<24).contains(value) else { return nil }
        return MusicalKey(tonic: value % 12, mode: value >= 12 ? .minor : .major)
    }
}
