import DJModel

/// A change to a track's overrides (`PATCH /tracks/{id}`, `segue track`): each field is left as
/// it is when absent, removed when `null`, set otherwise.
public struct TrackOverridePatch: Sendable, Decodable, Equatable {
    /// What happens to one field.
    public enum Change<Value: Sendable & Equatable>: Sendable, Equatable {
        /// Left as it is.
        case keep
        /// The override removed (the analysis's value applies again).
        case remove
        /// Overridden with this value.
        case set(Value)

        func applied(to current: Value?) -> Value? {
            switch self {
            case .keep: current
            case .remove: nil
            case .set(let value): value
            }
        }
    }

    /// Tempo, BPM.
    public var bpm: Change<Double>
    /// A beat of the grid, seconds.
    public var firstBeat: Change<Double>
    /// Bar 1 (a downbeat), seconds.
    public var downbeat: Change<Double>
    /// Key.
    public var key: Change<MusicalKey>

    /// A patch of these changes.
    public init(bpm: Change<Double> = .keep, firstBeat: Change<Double> = .keep, downbeat: Change<Double> = .keep, key: Change<MusicalKey> = .keep) {
        (self.bpm, self.firstBeat, self.downbeat, self.key) = (bpm, firstBeat, downbeat, key)
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case bpm, firstBeat, downbeat, key }

    /// Decodes `{"bpm": 174, "firstBeat": null, "key": "8A"}`; unknown fields, numbers that are
    /// not finite or out of range and unknown keys are errors naming the field. Positions are
    /// checked against the track's length by ``Segue/updateOverrides(id:with:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).filter { CodingKeys(stringValue: $0) == nil }
        if let name = unknown.first {
            throw DecodingError.dataCorrupted(.init(codingPath: [AnyKey(stringValue: name)], debugDescription:
                "'\(name)' is not a field of a track's overrides; use \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        func number(_ key: CodingKeys, in range: ClosedRange<Double>) throws -> Change<Double> {
            guard container.contains(key) else { return .keep }
            if try container.decodeNil(forKey: key) { return .remove }
            return .set(try container.decodeNumber(key, in: range))
        }
        bpm = try number(.bpm, in: TrackOverrides.bpmRange)
        firstBeat = try number(.firstBeat, in: DocumentLimits.seconds)
        downbeat = try number(.downbeat, in: DocumentLimits.seconds)
        if !container.contains(.key) {
            key = .keep
        } else if try container.decodeNil(forKey: .key) {
            key = .remove
        } else {
            let text = try container.decode(String.self, forKey: .key)
            guard let parsed = MusicalKey(parsing: text) else {
                throw DecodingError.dataCorruptedError(forKey: .key, in: container, debugDescription:
                    "'key' must be a key such as 8A, 1m, A minor or F#m, got '\(text.prefix(40))'")
            }
            key = .set(parsed)
        }
    }

    /// `current` with this patch applied.
    public func applied(to current: TrackOverrides) -> TrackOverrides {
        var result = current
        result.bpm = bpm.applied(to: current.bpm)
        result.firstBeat = firstBeat.applied(to: current.firstBeat)
        result.downbeat = downbeat.applied(to: current.downbeat)
        result.key = key.applied(to: current.key)
        result.needsReview = false
        return result
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
