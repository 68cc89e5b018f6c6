/// One change a DJ makes to a stored set's order (`POST /sets/{id}/edit`): positions count from 0
/// and each operation applies to the order the previous one left.
///
/// JSON: `{"op": "move", "from": 2, "to": 4}`, `{"op": "delete", "position": 3}`,
/// `{"op": "insert", "position": 1, "track": 62}`, `{"op": "replace", "position": 1, "track":
/// "Artist - Title"}`, `{"op": "pin", "position": 0, "pinned": true}`.
public enum SetEdit: Sendable, Hashable, Codable {
    /// Moves the track at `from` so that it ends up at `to`.
    case move(from: Int, to: Int)
    /// Removes the track at `position`.
    case delete(position: Int)
    /// Puts the track `track` names (id, path or `artist - title`) before `position` (the set's
    /// length appends it).
    case insert(position: Int, track: String)
    /// Plays the track `track` names at `position` instead of the one there.
    case replace(position: Int, track: String)
    /// Pins (or unpins) the track at `position`: a re-plan keeps it where it is.
    case pin(position: Int, pinned: Bool)

    /// The operations a request may carry at most.
    public static let maxPerRequest = 100

    private enum CodingKeys: String, CodingKey { case op, from, to, position, track, pinned }

    /// Reads an operation from its JSON object (`track` may be a string or an integer id).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let op = try container.decode(String.self, forKey: .op)
        switch op {
        case "move": self = .move(from: try container.decode(Int.self, forKey: .from), to: try container.decode(Int.self, forKey: .to))
        case "delete": self = .delete(position: try container.decode(Int.self, forKey: .position))
        case "insert": self = .insert(position: try container.decode(Int.self, forKey: .position), track: try container.decodeTrackReference(forKey: .track))
        case "replace": self = .replace(position: try container.decode(Int.self, forKey: .position), track: try container.decodeTrackReference(forKey: .track))
        case "pin": self = .pin(position: try container.decode(Int.self, forKey: .position), pinned: try container.decodeIfPresent(Bool.self, forKey: .pinned) ?? true)
        default:
            throw DecodingError.dataCorruptedError(forKey: .op, in: container, debugDescription: "op must be move, delete, insert, replace or pin, got '\(op)'")
        }
    }

    /// Writes the operation as the JSON object it is read from.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .move(let from, let to): try container.encode("move", forKey: .op); try container.encode(from, forKey: .from); try container.encode(to, forKey: .to)
        case .delete(let position): try container.encode("delete", forKey: .op); try container.encode(position, forKey: .position)
        case .insert(let position, let track): try container.encode("insert", forKey: .op); try container.encode(position, forKey: .position); try container.encode(track, forKey: .track)
        case .replace(let position, let track): try container.encode("replace", forKey: .op); try container.encode(position, forKey: .position); try container.encode(track, forKey: .track)
        case .pin(let position, let pinned): try container.encode("pin", forKey: .op); try container.encode(position, forKey: .position); try container.encode(pinned, forKey: .pinned)
        }
    }
}
