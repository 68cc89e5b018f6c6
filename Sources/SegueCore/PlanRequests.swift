import SetGraph

/// A request for a set grown from a seed (`segue set`, `POST /sets`).
public struct SetRequest: Sendable, Hashable, Codable {
    /// Track id, path or `artist - title`.
    public var seed: String
    /// Target length in minutes (1…600).
    public var minutes: Double
    /// Energy shape (default flat).
    public var energy: EnergyArc?
    /// Beam width (1…10 000; default 64).
    public var beamWidth: Int?

    /// Creates a request.
    public init(seed: String, minutes: Double, energy: EnergyArc? = nil, beamWidth: Int? = nil) {
        self.seed = seed
        self.minutes = minutes
        self.energy = energy
        self.beamWidth = beamWidth
    }
}

/// A request for a bridge between two tracks (`segue bridge`, `POST /bridges`).
public struct BridgeRequest: Sendable, Hashable, Codable {
    /// The first track (id, path or `artist - title`).
    public var from: String
    /// The last track.
    public var to: String
    /// Minutes of music between them (1…600).
    public var minutes: Double

    /// Creates a request.
    public init(from: String, to: String, minutes: Double) {
        self.from = from
        self.to = to
        self.minutes = minutes
    }
}

/// Bounds shared by set and bridge requests.
enum PlanLimits {
    static let minutes = 1.0...600.0

    static func checkMinutes(_ minutes: Double) throws(SegueError) {
        guard minutes.isFinite, minutes > 0 else { throw SegueError(.invalidInput, "minutes must be a positive number, got \(minutes)") }
        guard PlanLimits.minutes.contains(minutes) else {
            throw SegueError(.invalidInput, "minutes must be between 1 and 600, got \(minutes)")
        }
    }
}
