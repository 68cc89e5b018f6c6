import DJModel
import Foundation

/// Prints a set as a table: start, artist – title, BPM, key, energy, transition score.
enum SetTable {
    static func render(_ set: DJSet) -> String {
        var lines: [String] = []
        let header = "  #  start  " + pad("artist – title", 46) + "    BPM  key           energy  score"
        lines.append(header)
        lines.append(String(repeating: "─", count: header.count))
        for (index, track) in set.tracks.enumerated() {
            let start = String(format: "%2d:%02d", Int(saturating: track.start) / 60, Int(saturating: track.start) % 60)
            let name = pad("\(track.artist) – \(track.title)", 46)
            let key = pad("\(track.camelot) \(track.key?.name ?? "")", 13)
            let score = index == 0 ? "    –" : String(format: "%5.2f", set.transitions[index - 1].score)
            lines.append(String(format: "%3d  ", index + 1) + start + "  " + name + String(format: " %6.2f  ", track.bpm) + key
                         + String(format: " %6d  ", track.energy) + score)
        }
        let minutes = Int(saturating: set.duration) / 60, seconds = Int(saturating: set.duration) % 60
        lines.append(String(format: "%d tracks, %d:%02d", set.tracks.count, minutes, seconds))
        return lines.joined(separator: "\n")
    }

    /// The explanations, one per transition.
    static func explanations(_ set: DJSet) -> String {
        set.transitions.enumerated().map { String(format: "%3d→%-3d ", $0 + 1, $0 + 2) + $1.explanation }.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width - 1)) + "…" : text + String(repeating: " ", count: width - text.count)
    }
}
