import Foundation

/// Serato's `Serato BeatGrid` object: the beat grid Serato DJ keeps inside each audio file (an
/// ID3v2 `GEOB` frame in MP3 and AIFF; the Vorbis comment `SERATO_BEATGRID` in FLAC).
///
/// The object is `01 00`, the number of markers (32-bit big-endian), then the markers: each but
/// the last is a position in seconds (32-bit big-endian float) and the beats until the next marker
/// (32-bit big-endian); the last is a position and the tempo in BPM (both floats); then one byte.
/// Serato counts bars from a marker, so a constant grid written as one marker on a downbeat puts
/// Serato's bar lines on those bars.
public struct SeratoBeatGrid: Hashable, Sendable {
    /// One marker: where it is and, for all but the last, the beats until the next.
    public struct Marker: Hashable, Sendable {
        /// Seconds from the start of the file.
        public var position: Double
        /// Beats until the next marker (`nil` for the last).
        public var beatsUntilNext: UInt32?
    }

    /// The markers, in order.
    public var markers: [Marker]
    /// The tempo from the last marker on, BPM.
    public var bpm: Double

    /// The GEOB frame's description.
    public static let frameDescription = "Serato BeatGrid"
    /// The FLAC Vorbis comment field.
    public static let vorbisCommentField = "SERATO_BEATGRID"

    /// A constant grid: one marker at `downbeat` seconds, `bpm` beats a minute.
    public init(downbeat: Double, bpm: Double) {
        markers = [Marker(position: downbeat, beatsUntilNext: nil)]
        self.bpm = bpm
    }

    /// Decodes the GEOB frame's object.
    /// - Throws: ``PlaylistFormatError/malformedBinary(source:offset:reason:)`` naming `source`.
    public init(object: Data, source: String) throws(PlaylistFormatError) {
        let bytes = [UInt8](object)
        guard bytes.count >= 6, bytes[0] == 1, bytes[1] == 0 else {
            throw .malformedBinary(source: source, offset: 0, reason: "a Serato BeatGrid starts with 01 00")
        }
        let count = Int(Self.word(bytes, at: 2))
        guard count >= 1, count <= (bytes.count - 6) / 8 else {
            throw .malformedBinary(source: source, offset: 2, reason: "a Serato BeatGrid with \(count) markers does not fit its \(bytes.count) bytes")
        }
        var markers: [Marker] = [], tempo = 0.0
        for index in 0..<count {
            let offset = 6 + 8 * index
            let position = Double(Float(bitPattern: Self.word(bytes, at: offset)))
            if index < count - 1 {
                markers.append(Marker(position: position, beatsUntilNext: Self.word(bytes, at: offset + 4)))
            } else {
                markers.append(Marker(position: position, beatsUntilNext: nil))
                tempo = Double(Float(bitPattern: Self.word(bytes, at: offset + 4)))
            }
        }
        self.markers = markers
        bpm = tempo
        guard tempo.isFinite, tempo > 0, markers.allSatisfy({ $0.position.isFinite }) else {
            throw .malformedBinary(source: source, offset: 6, reason: "a Serato BeatGrid marker holds no finite position or tempo")
        }
    }

    /// Decodes FLAC's `SERATO_BEATGRID` value.
    public init(vorbisCommentValue value: String, source: String) throws(PlaylistFormatError) {
        try self.init(object: try SeratoVorbisEnvelope.object(in: value, described: Self.frameDescription, field: Self.vorbisCommentField,
                                                              source: source), source: source)
    }

    /// The GEOB frame's object.
    public func object() -> Data {
        var bytes: [UInt8] = [1, 0] + SeratoMarkers2.bigEndian(UInt32(markers.count))
        for (index, marker) in markers.enumerated() {
            bytes += SeratoMarkers2.bigEndian(Float(marker.position).bitPattern)
            bytes += index < markers.count - 1 ? SeratoMarkers2.bigEndian(marker.beatsUntilNext ?? 0) : SeratoMarkers2.bigEndian(Float(bpm).bitPattern)
        }
        bytes.append(0)
        return Data(bytes)
    }

    /// FLAC's `SERATO_BEATGRID` value for this object.
    public func vorbisCommentValue() -> String { SeratoVorbisEnvelope.value(of: object(), described: Self.frameDescription) }

    static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

}
