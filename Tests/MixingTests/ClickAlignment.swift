import Foundation

/// Finds the clicks of two click-track decks in their stems and measures how far apart they are:
/// per expected beat, the first sample within ±30 ms whose sample-to-sample change passes 30 % of
/// the window's largest change (the click's edge, which the tone's slow swings never reach).
enum ClickAlignment {
    /// The click's onset, seconds, near `expected` seconds in interleaved stereo.
    static func onset(in stereo: [Float], near expected: Double, sampleRate: Double) -> Double? {
        let centre = Int(expected * sampleRate), reach = Int(0.03 * sampleRate)
        let frames = stereo.count / 2
        let lower = max(1, centre - reach), upper = min(frames, centre + reach)
        guard lower < upper else { return nil }
        let change = (lower..<upper).map { abs(stereo[2 * $0] - stereo[2 * ($0 - 1)]) }
        guard let largest = change.max(), largest > 0.05 else { return nil }
        guard let first = change.firstIndex(where: { $0 >= 0.3 * largest }) else { return nil }
        return Double(lower + first) / sampleRate
    }

    /// Milliseconds between the incoming and the outgoing deck's clicks at `beatTimes`.
    static func offsets(out outgoing: [Float], in incoming: [Float], beatTimes: [Double], sampleRate: Double) -> [Double] {
        beatTimes.compactMap { time in
            guard let a = onset(in: outgoing, near: time, sampleRate: sampleRate),
                  let b = onset(in: incoming, near: time, sampleRate: sampleRate) else { return nil }
            return (b - a) * 1000
        }
    }
}
