import Foundation

/// The normalised `artist - title` used to match tracklist entries to library tracks:
/// case and diacritics folded, `feat.`/`ft.` credits and `(Original Mix)` dropped, other
/// bracketed parts (remixes) kept, punctuation removed, spaces collapsed.
public enum MatchKey {
    /// The match key of an artist and title.
    public static func make(artist: String, title: String) -> String {
        "\(normalize(artist, isTitle: false))|\(normalize(title, isTitle: true))"
    }

    /// Normalises one field.
    static func normalize(_ text: String, isTitle: Bool) -> String {
        var value = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        value = value.replacingOccurrences(of: "(original mix)", with: " ")
        value = value.replacingOccurrences(of: "(original)", with: " ")
        for marker in [" feat. ", " feat ", " ft. ", " ft ", " featuring ", "(feat. ", "(ft. ", "(feat ", "(ft "] {
            if let range = value.range(of: marker) {
                // A featured credit runs to the closing bracket (in a title) or to the end.
                if marker.hasPrefix("("), let close = value[range.upperBound...].firstIndex(of: ")") {
                    value.removeSubrange(range.lowerBound...close)
                } else if !marker.hasPrefix("(") {
                    let end = value[range.upperBound...].firstIndex(where: { $0 == "(" || $0 == "[" }) ?? value.endIndex
                    value.removeSubrange(range.lowerBound..<end)
                }
            }
        }
        value = value.replacingOccurrences(of: "&", with: " and ")
        let kept = value.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }
}
