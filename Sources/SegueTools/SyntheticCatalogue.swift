import DJModel
import Foundation
import SegueCore
import SegueMath

/// A library without audio for scale work (`segue synth-catalogue`): tags, analyses, timbre
/// features and ALS factors drawn from a generator of DJ scenes, reproducible from a seed.
///
/// Tracks belong to scenes (about one per 400 tracks, each of one style in the proportions of
/// ``DemoCatalogue``): a scene has a tempo centre inside its style's range, an energy level
/// following the style (downtempo 4 … drum & bass 9, as measured on synthesised audio), a pool
/// of artists and labels, a timbre centroid and an ALS centroid. A track takes its scene's
/// values plus noise: tempo ±2 %, energy ±1, any of the 24 keys (minor twice as likely), 4–8
/// minutes. `coldShare` of the tracks get no ALS factors (in no tracklist).
public struct SyntheticCatalogue: Sendable {
    /// One generated track.
    public struct Entry: Sendable {
        /// A unique pseudo-path (no file exists).
        public var path: String
        /// Tags.
        public var metadata: TrackMetadata
        /// The analysis.
        public var analysis: TrackAnalysis
        /// ALS factors, or `nil` for a cold-start track.
        public var factors: [Float]?
        /// The scene index.
        public var scene: Int
    }

    /// The tracks.
    public let entries: [Entry]

    /// Generates `count` tracks (1…5 000 000) with `factorCount` ALS factors.
    public init(count: Int, factorCount: Int = 32, coldShare: Double = 0.3, seed: UInt64 = 1) throws(SegueError) {
        guard (1...5_000_000).contains(count) else { throw SegueError(.invalidInput, "a synthetic catalogue has 1…5 000 000 tracks, got \(count)") }
        guard (0...1).contains(coldShare) else { throw SegueError(.invalidInput, "the cold-start share must be 0…1, got \(coldShare)") }
        guard (1...512).contains(factorCount) else { throw SegueError(.invalidInput, "factors must be 1…512, got \(factorCount)") }
        var random = SeededGenerator(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        func normal() -> Double { (-2 * log(max(uniform(), 1e-12))).squareRoot() * cos(2 * .pi * uniform()) }
        let featureCount = 34
        let styleCentroids = (0..<8).map { _ in (0..<featureCount).map { _ in normal() } }
        let sceneCount = max(8, count / 400)
        struct Scene { var style: DJStyle; var styleIndex: Int; var bpm: Double; var energy: Double; var timbre: [Double]; var taste: [Double]; var artistBase: Int }
        let styles = DJStyle.allCases
        var scenes: [Scene] = []
        for index in 0..<sceneCount {
            let style = DemoCatalogue.styleMix[index % DemoCatalogue.styleMix.count]
            let styleIndex = styles.firstIndex(of: style)!
            let range = style.tempoRange
            scenes.append(Scene(style: style, styleIndex: styleIndex, bpm: range.lowerBound + (range.upperBound - range.lowerBound) * uniform(),
                                energy: Self.styleEnergy(style) + (uniform() - 0.5), timbre: styleCentroids[styleIndex].map { $0 + 0.6 * normal() },
                                taste: (0..<factorCount).map { _ in normal() }, artistBase: index * 40))
        }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            let sceneIndex = Int(random.next() % UInt64(sceneCount))
            let scene = scenes[sceneIndex]
            let bpm = ((scene.bpm * (1 + 0.02 * (2 * uniform() - 1))) * 100).rounded() / 100
            let energy = max(1, min(10, Int(saturating: (scene.energy + 2 * uniform() - 1).rounded())))
            let minor = uniform() < 2.0 / 3
            let key = MusicalKey(tonic: Int(random.next() % 12), mode: minor ? .minor : .major)
            let artistIndex = scene.artistBase + Int(random.next() % 40)
            let artist = DemoCatalogue.firstNames[artistIndex % 16] + DemoCatalogue.secondNames[(artistIndex / 16) % 16]
                + (artistIndex >= 256 ? " \(artistIndex / 256)" : "")
            let title = "\(DemoCatalogue.adjectives[Int(random.next() % 16)]) \(DemoCatalogue.nouns[Int(random.next() % 16)]) \(index + 1)"
            let label = "\(DemoCatalogue.nouns[sceneIndex % 16]) Records \(sceneIndex / 16 + 1)"
            let duration = 240 + 240 * uniform()
            let loudness = -17 + 1.1 * Double(energy) + normal()
            let features = FeatureVector(scene.timbre.map { Float($0 + 0.5 * normal()) })
            let analysis = TrackAnalysis(duration: duration, tempo: Tempo(bpm: bpm, confidence: 0.9), key: key, keyConfidence: 0.7,
                                         loudness: loudness, loudnessRange: 3 + 3 * uniform(), energy: energy, features: features)
            let factors: [Float]? = uniform() < coldShare ? nil : scene.taste.map { Float($0 + 0.7 * normal()) }
            let metadata = TrackMetadata(artist: artist, title: title, album: label, genre: scene.style.displayName, comment: "synthetic scene \(sceneIndex)")
            entries.append(Entry(path: "/synthetic/\(scene.style.rawValue)/\(index + 1).flac", metadata: metadata, analysis: analysis,
                                 factors: factors, scene: sceneIndex))
        }
        self.entries = entries
    }

    /// Typical energy of a style (medians measured on TrackSynth audio, see README).
    static func styleEnergy(_ style: DJStyle) -> Double {
        switch style {
        case .downtempo, .hipHop: return 4
        case .house, .trance: return 6
        case .techno, .dubstep, .breakbeat: return 7
        case .drumAndBass: return 8.5
        }
    }
}
