/// Character trigrams of a string, packed as integers and sorted, for the Dice coefficient that
/// fuzzy track matching uses. Computing a string's trigrams once and comparing sorted integer
/// arrays is what keeps matching a 10 000-entry tracklist against a large library in seconds.
struct Trigrams: Sendable, Hashable {
    /// The distinct trigrams of `"  " + text + " "`, each three Unicode scalar values packed into
    /// 63 bits, ascending.
    let packed: [UInt64]

    /// The trigrams of `text` (padded with two spaces in front and one behind, so short words
    /// and word starts count).
    init(_ text: String) {
        let scalars = Array("  \(text) ".unicodeScalars)
        guard scalars.count >= 3 else { packed = []; return }
        var grams = Set<UInt64>()
        grams.reserveCapacity(scalars.count)
        for index in 0...(scalars.count - 3) {
            grams.insert(UInt64(scalars[index].value) << 42 | UInt64(scalars[index + 1].value) << 21 | UInt64(scalars[index + 2].value))
        }
        packed = grams.sorted()
    }

    /// The Dice coefficient 2|A ∩ B| / (|A| + |B|), 0…1 (0 when both are empty).
    /// - Complexity: O(|A| + |B|), a merge of the two sorted arrays.
    func dice(_ other: Trigrams) -> Double {
        let total = packed.count + other.packed.count
        guard total > 0 else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < packed.count && j < other.packed.count {
            if packed[i] == other.packed[j] { shared += 1; i += 1; j += 1 } else if packed[i] < other.packed[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(shared) / Double(total)
    }
}
