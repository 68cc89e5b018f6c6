import DJModel
import SetGraph

/// Small random track graphs with a fixed seed, for comparing planners with brute force.
enum GraphFixtures {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func unit() -> Double { Double(next() % 10_000) / 10_000 }
    }

    static func nodes(count: Int, seed: UInt64) -> [TrackNode] {
        var random = Random(state: seed)
        return (0..<count).map { index in
            TrackNode(id: TrackID(Int64(index + 1)), artist: "artist \(index % (count / 2 + 1))", duration: 240 + 120 * random.unit(),
                      bpm: 120 + 8 * random.unit(), key: MusicalKey.all[Int(random.next() % 24)], energy: 4 + Int(random.next() % 5),
                      alsVector: index % 4 == 3 ? nil : (0..<4).map { _ in Float(random.unit() - 0.5) },
                      contentVector: (0..<6).map { _ in Float(random.unit() - 0.5) })
        }
    }
}
