import DJModel

/// The energy a set should have over time: one of the preset arcs (relative to the seed's
/// energy) or a custom curve of points.
public enum EnergyCurve: Sendable, Hashable, Codable {
    /// A preset shape, starting from the first track's energy.
    case preset(EnergyArc)
    /// Energies (1…10) at fractions of the set (0…1), linearly interpolated and held flat before
    /// the first point and after the last.
    case custom([Point])

    /// One point of a custom curve.
    public struct Point: Sendable, Hashable, Codable {
        /// Position in the set, 0…1.
        public var fraction: Double
        /// Target energy, 1…10.
        public var energy: Double

        /// Creates a point.
        public init(fraction: Double, energy: Double) {
            self.fraction = fraction
            self.energy = energy
        }
    }

    /// A checked custom curve: 1…100 points, fractions within 0…1 and increasing, energies 1…10.
    public static func custom(points: [Point]) throws(SetGraphError) -> EnergyCurve {
        guard (1...100).contains(points.count) else { throw .invalidParameter(InvalidParameter("energy curve", "needs 1…100 points when custom")) }
        guard points.allSatisfy({ (0...1).contains($0.fraction) && (1...10).contains($0.energy) }) else {
            throw .invalidParameter(InvalidParameter("energy curve points", "need a position in 0…1 and an energy in 1…10"))
        }
        guard zip(points, points.dropFirst()).allSatisfy({ $0.fraction < $1.fraction }) else {
            throw .invalidParameter(InvalidParameter("energy curve points", "must be in increasing order of position"))
        }
        return .custom(points)
    }

    /// The target energy at `fraction` of the set, for a set starting at energy `start`.
    public func target(at fraction: Double, start: Int) -> Double {
        switch self {
        case .preset(let arc):
            return arc.target(at: fraction, start: start)
        case .custom(let points):
            guard let first = points.first, let last = points.last else { return Double(start) }
            if fraction <= first.fraction { return first.energy }
            if fraction >= last.fraction { return last.energy }
            for (a, b) in zip(points, points.dropFirst()) where fraction <= b.fraction {
                return a.energy + (b.energy - a.energy) * (fraction - a.fraction) / (b.fraction - a.fraction)
            }
            return last.energy
        }
    }

    /// `flat`, `rise`, `peak`, `wave`, or `custom`.
    public var name: String {
        switch self {
        case .preset(let arc): return arc.rawValue
        case .custom: return "custom"
        }
    }

    /// Decodes a preset name (`"rise"`) or a list of `[fraction, energy]` pairs or
    /// `{"fraction":…, "energy":…}` objects.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let name = try? container.decode(String.self) {
            guard let arc = EnergyArc(rawValue: name) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown energy arc '\(name)': use flat, rise, peak, wave or a list of points")
            }
            self = .preset(arc)
            return
        }
        let points: [Point]
        if let pairs = try? container.decode([[Double]].self) {
            guard pairs.allSatisfy({ $0.count == 2 }) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "energy curve points are [position, energy] pairs")
            }
            points = pairs.map { Point(fraction: $0[0], energy: $0[1]) }
        } else {
            points = try container.decode([Point].self)
        }
        do { self = try Self.custom(points: points) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes a preset as its name, a custom curve as `[[fraction, energy], …]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .preset(let arc): try container.encode(arc.rawValue)
        case .custom(let points): try container.encode(points.map { [$0.fraction, $0.energy] })
        }
    }

    /// Parses the command-line form: a preset name, or `0:4,0.5:8,1:5` (position:energy pairs).
    public init(parsing text: String) throws(SetGraphError) {
        if let arc = EnergyArc(rawValue: text) { self = .preset(arc); return }
        var points: [Point] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let fraction = Double(parts[0]), let energy = Double(parts[1]) else {
                throw .invalidParameter(InvalidParameter("energy", "must be flat, rise, peak, wave or position:energy pairs like 0:4,0.6:8,1:5; got '\(text)'"))
            }
            points.append(Point(fraction: fraction, energy: energy))
        }
        self = try Self.custom(points: points)
    }
}
