import DJModel
import Foundation

/// A playlist format that writes a set and reads back what it wrote (every exporter is also a
/// reader, checked by one shared round-trip contract test).
public protocol SetCodec: Sendable {
    /// File extension without the dot.
    var fileExtension: String { get }
    /// MIME type for downloads.
    var contentType: String { get }
    /// Serialises `set` with its paths mapped by `options`.
    func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data
    /// Reads the tracks back in order (as much of each entry as the format keeps).
    func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry]
    /// The Unicode form paths are written in (the program's; `.asIs` keeps the file system's).
    var pathNormalization: FileLocation.Normalization { get }
    /// What the format keeps of each track besides its path and order.
    var storedFields: Set<PlaylistField> { get }
}

/// A field of a track a playlist format may keep.
public enum PlaylistField: Sendable, Hashable, CaseIterable {
    /// Track title.
    case title
    /// Artist.
    case artist
    /// Duration in seconds.
    case duration
    /// Tempo.
    case bpm
    /// Musical key.
    case key
}

extension SetCodec {
    /// Paths are written as the library has them.
    public var pathNormalization: FileLocation.Normalization { .asIs }
    /// Title, artist, duration, BPM and key.
    public var storedFields: Set<PlaylistField> { Set(PlaylistField.allCases) }

    /// Serialises `set` with default options.
    public func write(_ set: DJSet) throws(PlaylistFormatError) -> Data { try write(set, options: .standard) }
}

/// One track as a playlist file holds it.
public struct PlaylistEntry: Sendable, Hashable {
    /// File path (or location), possibly empty.
    public var path: String
    /// Artist, possibly empty.
    public var artist: String
    /// Title, possibly empty.
    public var title: String
    /// Duration in seconds, when stored.
    public var duration: Double?
    /// Tempo in BPM, when stored.
    public var bpm: Double?
    /// Key, when stored.
    public var key: MusicalKey?
    /// What a streaming service says about the track, when the file carries it (Spotify's
    /// audio features in an Exportify CSV).
    public var service: ServiceFeatures?

    /// The longest track a playlist may name, seconds (48 hours): longer durations are refused.
    public static let longestSeconds = 172_800.0
    /// The fastest tempo a playlist may state, BPM.
    public static let fastestBPM = 1000.0
    /// The longest artist, title or path a playlist may hold, UTF-8 bytes: longer fields are
    /// refused before matching or storing them (a 15 MB title would cost a minute of matching).
    public static let longestText = 4096

    /// Creates an entry.
    public init(path: String, artist: String, title: String, duration: Double? = nil, bpm: Double? = nil, key: MusicalKey? = nil,
                service: ServiceFeatures? = nil) {
        self.service = service
        self.path = path
        self.artist = artist
        self.title = title
        self.duration = duration
        self.bpm = bpm
        self.key = key
    }
}

extension PlaylistEntry {
    /// The entry when its numbers are finite and plausible (duration 0…48 h, tempo 0…1000 BPM,
    /// a service's energy 0…1), checked before anything converts them, and its texts at most
    /// ``longestText`` bytes.
    /// - Parameter position: the entry's place in its file (1 = first), for the message.
    /// - Throws: ``PlaylistFormatError/malformed(source:line:reason:)`` naming the entry and field.
    public func checked(position: Int, source: String) throws(PlaylistFormatError) -> PlaylistEntry {
        for (name, text) in [("artist", artist), ("title", title), ("path", path)] where text.utf8.count > Self.longestText {
            throw .malformed(source: source, line: 0, reason: "entry \(position) \(name) is longer than \(Self.longestText) bytes")
        }
        do {
            if let duration { _ = try CheckedNumber.finite(duration, "entry \(position) duration", in: 0...Self.longestSeconds, unit: "s") }
            if let bpm { _ = try CheckedNumber.finite(bpm, "entry \(position) bpm", in: 0...Self.fastestBPM) }
            if let service {
                if let bpm = service.bpm { _ = try CheckedNumber.finite(bpm, "entry \(position) tempo", in: 0...Self.fastestBPM) }
                if let energy = service.energy { _ = try CheckedNumber.finite(energy, "entry \(position) energy", in: 0...1) }
                if let loudness = service.loudness { _ = try CheckedNumber.finite(loudness, "entry \(position) loudness", in: -200...50) }
            }
        } catch {
            throw .malformed(source: source, line: 0, reason: error.description)
        }
        return self
    }
}
