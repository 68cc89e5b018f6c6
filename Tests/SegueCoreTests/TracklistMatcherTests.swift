import DJModel
import Foundation
@testable import SegueCore
import SegueMath
import Testing

/// The indexed fuzzy matcher (prefix filtering over title trigrams) gives the same outcome as
/// scoring every library file, on names with typos, dropped and swapped letters and versions.
struct TracklistMatcherTests {
    @Test func indexedMatchingAgreesWithScanningEveryFile() {
        var random = SeededGenerator(seed: 77)
        let words = ["night", "drive", "harbour", "circuit", "neon", "garden", "pulse", "mirror", "atlas", "lunar", "silent", "echo",
                     "deep", "ocean", "fire", "storm", "velvet", "signal", "orbit", "glass"]
        func name(_ count: Int) -> String { (0..<count).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") }
        var tracks: [Track] = []
        for index in 0..<600 {
            let version = index % 7 == 0 ? " (Dub Mix)" : ""
            tracks.append(Track(id: TrackID(Int64(index + 1)), path: "/m/\(index).flac",
                                metadata: TrackMetadata(artist: name(2), title: name(Int.random(in: 1...3, using: &random)) + version),
                                duration: 300, analysis: nil))
        }
        let matcher = TracklistMatcher(tracks: tracks)
        var matched = 0
        for round in 0..<800 {
            let source = tracks[Int.random(in: 0..<tracks.count, using: &random)].metadata
            var title = Array(source.title)
            // Typos: drop, double or swap a letter, or take another title altogether.
            switch round % 4 {
            case 0: if title.count > 4 { title.remove(at: Int.random(in: 0..<title.count, using: &random)) }
            case 1: if let index = title.indices.randomElement(using: &random) { title.insert(title[index], at: index) }
            case 2: if title.count > 3 { let at = Int.random(in: 0..<(title.count - 1), using: &random); title.swapAt(at, at + 1) }
            default: title = Array(name(2))
            }
            let indexed = matcher.match(artist: source.artist, title: String(title))
            let scanned = matcher.match(artist: source.artist, title: String(title), scanningAll: true)
            #expect(indexed == scanned, "\(source.artist) - \(String(title))")
            if case .matched = indexed { matched += 1 }
        }
        #expect(matched > 200, "the typos were matched (\(matched) of 800)")
    }
}
