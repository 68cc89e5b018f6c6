import DJModel
import Foundation
import PlaylistFormats
import SegueCore
import SegueMath
import TrackSynth

/// The demo library: synthetic artists, tracks and DJ-set tracklists with hidden scenes,
/// reproducible from a seed.
public struct DemoCatalogue: Sendable {
    /// One demo track: tags and how to synthesise it.
    public struct Item: Sendable, Hashable {
        /// Artist.
        public var artist: String
        /// Title.
        public var title: String
        /// The synthesis specification (style, tempo, key, length, seed).
        public var spec: SynthesisSpec
        /// The scene the track belongs to (styles DJs mix together).
        public var scene: Int
        /// File name inside the music folder.
        public var fileName: String
    }

    /// The tracks.
    public let items: [Item]

    /// Scenes: styles that DJs play together (a track's scene follows from its style).
    static func scene(of style: DJStyle) -> Int {
        switch style {
        case .house, .trance: return 0
        case .techno, .breakbeat: return 1
        case .drumAndBass, .dubstep: return 2
        case .hipHop, .downtempo: return 3
        }
    }

    /// Styles in proportion: club styles dominate, as in a house/techno DJ's library.
    static let styleMix: [DJStyle] = [.house, .techno, .house, .techno, .trance, .drumAndBass, .house, .techno, .breakbeat,
                                      .dubstep, .house, .techno, .drumAndBass, .hipHop, .house, .downtempo]

    static let firstNames = ["Nova", "Kestrel", "Lumen", "Ossia", "Vektor", "Marlo", "Sable", "Tessier", "Quill", "Ember",
                                     "Rhea", "Dunmore", "Halcyon", "Juno", "Kairo", "Pallas"]
    static let secondNames = ["", " Collective", " & Finch", " Unit", "", " System", "", " Sound", "", " Duo", "", " Trio",
                                      "", " Ensemble", "", " Works"]
    static let adjectives = ["Midnight", "Velvet", "Electric", "Hollow", "Golden", "Broken", "Silent", "Neon", "Distant",
                                     "Liquid", "Crimson", "Static", "Paper", "Lunar", "Solar", "Quiet"]
    static let nouns = ["Harbour", "Signal", "Garden", "Circuit", "Mirror", "River", "Engine", "Orbit", "Canyon", "Pulse",
                                "Lantern", "Tide", "Meridian", "Drift", "Atlas", "Bloom"]

    /// Builds `count` tracks (at least 8) of `durations` seconds at `sampleRate` Hz from `seed`.
    public init(count: Int = 64, durations: ClosedRange<Int> = 180...420, sampleRate: Int = 44100, seed: UInt64 = 2026) throws(SegueError) {
        guard count >= 8 else { throw SegueError(.invalidInput, "the demo needs at least 8 tracks") }
        guard durations.lowerBound >= 10 else { throw SegueError(.invalidInput, "demo tracks must last at least 10 s") }
        var random = SeededGenerator(seed: seed)
        // Four artists per scene at least, taken in turn within the scene, so that sets can keep
        // the same artist three tracks apart.
        let artistsPerScene = max(4, count / 16)
        var tracksInScene = [0, 0, 0, 0]
        var items: [Item] = []
        var usedTitles = Set<String>()
        for index in 0..<count {
            let style = Self.styleMix[index % Self.styleMix.count]
            let scene = Self.scene(of: style)
            let artistIndex = scene + 4 * (tracksInScene[scene] % artistsPerScene)
            tracksInScene[scene] += 1
            let range = style.tempoRange
            let bpm = ((range.lowerBound + (range.upperBound - range.lowerBound) * Double(random.next() % 1000) / 999) * 2).rounded() / 2
            let key = MusicalKey.all[Int(random.next() % 24)]
            let duration = Double(durations.lowerBound + Int(random.next() % UInt64(durations.count)))
            let artist = Self.firstNames[artistIndex % Self.firstNames.count] + Self.secondNames[(artistIndex / Self.firstNames.count + artistIndex) % Self.secondNames.count]
            var title: String
            repeat {
                title = "\(Self.adjectives[Int(random.next() % 16)]) \(Self.nouns[Int(random.next() % 16)])"
            } while usedTitles.contains(title)
            usedTitles.insert(title)
            let spec: SynthesisSpec
            do {
                spec = try SynthesisSpec(style: style, bpm: min(max(bpm, range.lowerBound), range.upperBound), key: key, duration: duration,
                                         seed: random.next(), sampleRate: sampleRate)
            } catch { throw SegueError.wrap(error, as: .invalidInput) }
            let fileName = String(format: "%02d ", index + 1) + "\(artist) - \(title).flac"
            items.append(Item(artist: artist, title: title, spec: spec, scene: scene, fileName: fileName))
        }
        self.items = items
    }

    /// Synthetic DJ-set tracklists as the tracklist CSV (`set_id,position,artist,title`).
    ///
    /// Each set draws from one scene (house/trance and techno/breaks sets borrow a fifth of their
    /// tracks from each other) with Zipf-like track popularity and 8–14 tracks; about
    /// one track in ten appears in no set (cold start), and about one entry in twelve is a track
    /// that is not in the library (it becomes a catalogue-only track).
    public func tracklistsCSV(sets: Int = 300, seed: UInt64 = 7) -> String {
        var random = SeededGenerator(seed: seed)
        let coldStart = Set(items.indices.filter { $0 % 10 == 9 })
        var lines = ["set_id,position,artist,title"]
        for set in 0..<sets {
            let scene = Int(random.next() % 4)
            let neighbour = scene < 2 ? 1 - scene : scene
            let pool = items.indices.filter { (items[$0].scene == scene || (items[$0].scene == neighbour && $0 % 5 == 0)) && !coldStart.contains($0) }
            guard !pool.isEmpty else { continue }
            let length = 8 + Int(random.next() % 7)
            var chosen: [Int] = []
            var position = 0
            while chosen.count < min(length, pool.count) {
                // Zipf-like popularity: rank r is chosen with weight 1 / (r + 1).
                let weights = pool.indices.map { 1.0 / Double($0 + 1) }
                var pick = Double(random.next() % 1_000_000) / 1_000_000 * weights.reduce(0, +)
                var choice = pool[pool.count - 1]
                for (rank, weight) in weights.enumerated() {
                    pick -= weight
                    if pick <= 0 { choice = pool[rank]; break }
                }
                if chosen.contains(choice) { continue }
                chosen.append(choice)
                if random.next() % 12 == 0 {
                    lines.append("demo-\(set),\(position),Unknown Artist \(random.next() % 40),ID \(random.next() % 200)")
                    position += 1
                }
                lines.append("demo-\(set),\(position),\(CSVField.quote(items[choice].artist)),\(CSVField.quote(items[choice].title))")
                position += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

