import DJModel
import Foundation

/// Serato's `Serato Markers2` object: the hot cues, loops, track colour and BPM lock Serato DJ
/// keeps inside each audio file (an ID3v2 `GEOB` frame in MP3 and AIFF; the Vorbis comment
/// `SERATO_MARKERS_V2` in FLAC, see ``vorbisCommentValue()``).
///
/// The object is `01 01`, then the payload in base64 (a line feed every 72 characters, no `=`
/// padding), then a zero byte, zero-padded to at least 470 bytes. The payload is `01 01`, then
/// entries, then a zero byte; an entry is an ASCII name ended by a zero byte, a 32-bit big-endian
/// length and that many bytes. A `CUE` entry is `00`, the slot (0–7, A–H), the position in
/// milliseconds (32-bit big-endian), `00`, the colour (RGB), `00 00`, and the name in UTF-8 ended
/// by a zero byte. Entries Segue does not write (`COLOR`, `BPMLOCK`, `LOOP`, `FLIP`, …) are kept
/// byte for byte.
public struct SeratoMarkers2: Hashable, Sendable {
    /// One entry as stored: its name and its bytes.
    public struct Entry: Hashable, Sendable {
        /// `CUE`, `COLOR`, `BPMLOCK`, `LOOP`, …
        public var name: String
        /// The entry's bytes after its length.
        public var data: [UInt8]

        /// Creates an entry.
        public init(name: String, data: [UInt8]) {
            self.name = name
            self.data = data
        }
    }

    /// A hot cue, as a `CUE` entry holds it.
    public struct HotCue: Hashable, Sendable {
        /// The slot, 0–7 (Serato's A–H).
        public var slot: Int
        /// Milliseconds from the start of the file.
        public var milliseconds: UInt32
        /// The pad colour, `0xRRGGBB`.
        public var color: UInt32
        /// The name shown on the deck.
        public var name: String

        /// Creates a hot cue.
        public init(slot: Int, milliseconds: UInt32, color: UInt32, name: String) {
            self.slot = slot
            self.milliseconds = milliseconds
            self.color = color
            self.name = name
        }
    }

    /// Serato's hot-cue slots (A–H).
    public static let slotCount = 8
    /// The GEOB frame's description.
    public static let frameDescription = "Serato Markers2"
    /// The FLAC Vorbis comment field.
    public static let vorbisCommentField = "SERATO_MARKERS_V2"
    /// What Segue puts before the names of the cues it writes, so that a later write replaces
    /// Segue's own cues and never the DJ's.
    public static let segueNamePrefix = "Segue "

    /// The entries, in order.
    public var entries: [Entry]

    /// An object with `entries`; by default what Serato writes for a fresh track (a white track
    /// colour, BPM lock off).
    public init(entries: [Entry] = [Entry(name: "COLOR", data: [0, 0xFF, 0xFF, 0xFF]), Entry(name: "BPMLOCK", data: [0])]) {
        self.entries = entries
    }

    /// Decodes a GEOB frame's object.
    /// - Throws: ``PlaylistFormatError/malformedBinary(source:offset:reason:)``.
    public init(object: Data, source: String) throws(PlaylistFormatError) {
        let bytes = [UInt8](object)
        guard bytes.count >= 2, bytes[0] == 1, bytes[1] == 1 else {
            throw .malformedBinary(source: source, offset: 0, reason: "a Serato Markers2 object starts with 01 01")
        }
        let text = bytes[2...].prefix { $0 != 0 }.filter { $0 != 0x0A && $0 != 0x0D }
        guard let payload = SeratoVorbisEnvelope.base64Decode(text) else {
            throw .malformedBinary(source: source, offset: 2, reason: "the Serato Markers2 payload is not base64")
        }
        entries = try Self.parseEntries(payload, source: source)
    }

    /// Decodes FLAC's `SERATO_MARKERS_V2` value: base64 of `application/octet-stream`, `00 00`,
    /// `Serato Markers2`, `00`, then the object.
    public init(vorbisCommentValue value: String, source: String) throws(PlaylistFormatError) {
        try self.init(object: try SeratoVorbisEnvelope.object(in: value, described: Self.frameDescription, field: Self.vorbisCommentField,
                                                              source: source), source: source)
    }

    /// The GEOB frame's object.
    public func object() -> Data {
        var payload: [UInt8] = [1, 1]
        for entry in entries {
            payload += Array(entry.name.utf8) + [0]
            payload += Self.bigEndian(UInt32(entry.data.count))
            payload += entry.data
        }
        payload.append(0)
        let encoded = Array(Data(payload).base64EncodedString().utf8).filter { $0 != UInt8(ascii: "=") }
        var object: [UInt8] = [1, 1]
        for (index, character) in encoded.enumerated() {
            if index > 0 && index % 72 == 0 { object.append(0x0A) }
            object.append(character)
        }
        object.append(0)
        if object.count < 470 { object += [UInt8](repeating: 0, count: 470 - object.count) }
        return Data(object)
    }

    /// FLAC's `SERATO_MARKERS_V2` value for this object.
    public func vorbisCommentValue() -> String { SeratoVorbisEnvelope.value(of: object(), described: Self.frameDescription) }

    /// Whether the DJ locked the track's beat grid in Serato (the `BPMLOCK` entry): Segue then
    /// leaves the file's `Serato BeatGrid` alone.
    public var isBeatGridLocked: Bool { entries.first { $0.name == "BPMLOCK" }?.data.first == 1 }

    /// The hot cues, in entry order (entries too short to be cues are skipped).
    public var hotCues: [HotCue] {
        entries.compactMap { entry in entry.name == "CUE" ? Self.hotCue(entry.data) : nil }
    }

    /// Replaces the cues Segue wrote before (named with ``segueNamePrefix``) by `cues`, keeping the
    /// DJ's own cues where they are: Segue takes the highest free slots (DJs fill A first), in
    /// the cues' order (three cues on an empty track: F, G, H).
    /// - Returns: the cues left out because every slot was taken.
    @discardableResult
    public mutating func replaceSegueCues(with cues: [TrackCue]) -> [TrackCue] {
        entries.removeAll { $0.name == "CUE" && (Self.hotCue($0.data)?.name.hasPrefix(Self.segueNamePrefix) ?? false) }
        // The highest free slots, as many as there are cues, given out in order.
        let free = Array(Set(0..<Self.slotCount).subtracting(hotCues.map(\.slot))).sorted(by: >).prefix(cues.count).sorted()
        let leftOut = Array(cues.dropFirst(free.count))
        var written: [(slot: Int, entry: Entry)] = []
        for (cue, slot) in zip(cues, free) {
            let cueEntry = HotCue(slot: slot, milliseconds: UInt32(saturating: max(0, min(cue.time * 1000, Double(UInt32.max))).rounded()),
                                  color: Self.color(of: cue.kind), name: Self.segueNamePrefix + cue.name)
            written.append((slot, Entry(name: "CUE", data: Self.cueData(cueEntry))))
        }
        let insertAt = entries.firstIndex { $0.name == "BPMLOCK" } ?? entries.count
        entries.insert(contentsOf: written.sorted { $0.slot < $1.slot }.map(\.entry), at: insertAt)
        return leftOut
    }

    /// The pad colour for a kind of cue, from Serato's hot-cue palette.
    public static func color(of kind: CueKind) -> UInt32 {
        switch kind {
        case .load: return 0x88CC00
        case .mixIn: return 0x0000CC
        case .mixOut: return 0xCC0000
        case .drop: return 0xCC8800
        }
    }


    static func cueData(_ cue: HotCue) -> [UInt8] {
        [0, UInt8(cue.slot)] + bigEndian(cue.milliseconds) + [0, UInt8((cue.color >> 16) & 0xFF), UInt8((cue.color >> 8) & 0xFF),
                                                              UInt8(cue.color & 0xFF), 0, 0] + Array(cue.name.utf8) + [0]
    }

    static func hotCue(_ data: [UInt8]) -> HotCue? {
        guard data.count >= 13 else { return nil }
        let milliseconds = data[2...5].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let color = data[7...9].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let name = String(decoding: data[12...].prefix { $0 != 0 }, as: UTF8.self)
        return HotCue(slot: Int(data[1]), milliseconds: milliseconds, color: color, name: name)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// Base64 without padding or with Serato's odd extra character (a length of 4k+1).
    static func parseEntries(_ payload: [UInt8], source: String) throws(PlaylistFormatError) -> [Entry] {
        guard payload.count >= 2, payload[0] == 1, payload[1] == 1 else {
            throw .malformedBinary(source: source, offset: 0, reason: "the Serato Markers2 payload starts with 01 01")
        }
        var entries: [Entry] = []
        var offset = 2
        while offset < payload.count, payload[offset] != 0 {
            guard let nameEnd = payload[offset...].firstIndex(of: 0), nameEnd + 4 < payload.count else {
                throw .malformedBinary(source: source, offset: offset, reason: "a Serato Markers2 entry is cut short")
            }
            let name = String(decoding: payload[offset..<nameEnd], as: UTF8.self)
            let length = Int(payload[(nameEnd + 1)...(nameEnd + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            let start = nameEnd + 5
            guard length <= payload.count - start else {
                throw .malformedBinary(source: source, offset: nameEnd + 1, reason: "the \(name) entry runs past the end")
            }
            entries.append(Entry(name: name, data: Array(payload[start..<(start + length)])))
            offset = start + length
        }
        return entries
    }
}
