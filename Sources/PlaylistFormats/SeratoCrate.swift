import DJModel
import Foundation

/// A Serato crate (`_Serato_/Subcrates/NAME.crate` on the drive the files are on): a sequence of
/// tagged fields, each a 4-letter ASCII tag, a 32-bit big-endian length and a payload; tags
/// starting with `o` hold nested fields, `t`/`p` UTF-16BE text, `b` one byte, `u` a 32-bit
/// unsigned; `vrsn` is text. Segue writes `vrsn` (`1.0/Serato ScratchLive Crate`), the sort
/// (`osrt`) and the visible columns (`ovct`), then one `otrk` per track holding its `ptrk`: the
/// path relative to the drive root (`Music/a.mp3`), `/`-separated, as the file system spells it.
///
/// A crate holds paths only; Serato reads titles, artists, BPM and keys from the files' tags.
public struct SeratoCrate: SetCodec {
    /// The root the reader puts before crate paths (`/` unless given).
    public let readRoot: String

    /// Creates the format; `readRoot` is the drive root crate paths are read relative to.
    public init(readRoot: String = "/") { self.readRoot = readRoot }

    public var fileExtension: String { "crate" }
    public var contentType: String { "application/octet-stream" }
    public var storedFields: Set<PlaylistField> { [] }

    /// The crate version string Serato writes.
    public static let version = "1.0/Serato ScratchLive Crate"

    public func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data {
        let set = options.mapped(set)
        var data = Data()
        Self.append(tag: "vrsn", payload: Self.utf16(Self.version), to: &data)
        var sort = Data()
        Self.append(tag: "tvcn", payload: Self.utf16("song"), to: &sort)
        Self.append(tag: "brev", payload: Data([0]), to: &sort)
        Self.append(tag: "osrt", payload: sort, to: &data)
        for column in ["song", "artist", "bpm", "key", "album", "length"] {
            var fields = Data()
            Self.append(tag: "tvcn", payload: Self.utf16(column), to: &fields)
            Self.append(tag: "tvcw", payload: Self.utf16("0"), to: &fields)
            Self.append(tag: "ovct", payload: fields, to: &data)
        }
        for track in set.tracks {
            var fields = Data()
            Self.append(tag: "ptrk", payload: Self.utf16(Self.relativePath(track.path, volumeRoot: options.volumeRoot)), to: &fields)
            Self.append(tag: "otrk", payload: fields, to: &data)
        }
        return data
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        try Self.paths(data, source: source).map { relative in
            let root = readRoot.hasSuffix("/") || readRoot.hasSuffix("\\") ? readRoot : readRoot + "/"
            return PlaylistEntry(path: root + relative, artist: "", title: "")
        }
    }

    /// The track paths of a crate, relative to the drive root, in order.
    /// - Throws: ``PlaylistFormatError/malformedBinary(source:offset:reason:)`` naming the byte offset.
    public static func paths(_ data: Data, source: String) throws(PlaylistFormatError) -> [String] {
        let bytes = [UInt8](data)
        let fields = try parse(bytes, range: 0..<bytes.count, source: source)
        guard let first = fields.first, first.tag == "vrsn" else {
            throw .malformedBinary(source: source, offset: 0, reason: "not a Serato crate (it does not start with vrsn)")
        }
        var paths: [String] = []
        for field in fields where field.tag == "otrk" {
            let inner = try parse(bytes, range: field.payload, source: source)
            guard let path = inner.first(where: { $0.tag == "ptrk" }) else {
                throw .malformedBinary(source: source, offset: field.payload.lowerBound, reason: "a track (otrk) without a path (ptrk)")
            }
            paths.append(try text(bytes, range: path.payload, source: source))
        }
        return paths
    }

    /// The path relative to the drive root: below `volumeRoot` when given, else below the drive
    /// (`C:/Music/a.mp3` → `Music/a.mp3`), `/Volumes/NAME/` or `/`.
    public static func relativePath(_ path: String, volumeRoot: String?) -> String {
        var slashed = path.replacingOccurrences(of: "\\", with: "/")
        if let volumeRoot, !volumeRoot.isEmpty {
            let root = volumeRoot.replacingOccurrences(of: "\\", with: "/")
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if slashed.hasPrefix(prefix) { return String(slashed.dropFirst(prefix.count)) }
        }
        if FileLocation.isWindowsDrivePath(slashed) {
            slashed = String(slashed.dropFirst(2))
        } else if slashed.hasPrefix("/Volumes/"), let end = slashed.dropFirst("/Volumes/".count).firstIndex(of: "/") {
            slashed = String(slashed[end...])
        }
        return String(slashed.drop { $0 == "/" })
    }

    /// A crate file name for a playlist name: characters a file system refuses (`/ \ : * ? " < > |`
    /// and control characters) become `-`, leading dots are dropped; never empty.
    public static func fileName(for name: String) -> String {
        let forbidden = Set("/\\:*?\"<>|")
        // Invisible format characters (right-to-left overrides, zero-width joiners used to
        // disguise an extension) and controls are dropped: a file name shows what it is.
        let visible = String(String.UnicodeScalarView(name.unicodeScalars.filter {
            $0.properties.generalCategory != .format && $0.properties.generalCategory != .control || $0 == "\n"
        }))
        var cleaned = String(visible.map { forbidden.contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) ? "-" : $0 })
        cleaned = String(cleaned.drop { $0 == "." || $0 == " " }).trimmingCharacters(in: .whitespaces)
        return (cleaned.isEmpty ? "Segue" : String(cleaned.prefix(100))) + ".crate"
    }

    private static func utf16(_ text: String) -> Data {
        var data = Data(capacity: text.utf16.count * 2)
        for unit in text.utf16 { data.append(UInt8(unit >> 8)); data.append(UInt8(unit & 0xFF)) }
        return data
    }

    private static func append(tag: String, payload: Data, to data: inout Data) {
        data.append(contentsOf: Array(tag.utf8))
        let length = UInt32(payload.count)
        data.append(contentsOf: [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)])
        data.append(payload)
    }

    private static func parse(_ bytes: [UInt8], range: Range<Int>, source: String) throws(PlaylistFormatError)
        -> [(tag: String, payload: Range<Int>)] {
        var fields: [(tag: String, payload: Range<Int>)] = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard range.upperBound - offset >= 8 else {
                throw .malformedBinary(source: source, offset: offset, reason: "truncated field header (\(range.upperBound - offset) bytes left)")
            }
            let tagBytes = bytes[offset..<offset + 4]
            guard tagBytes.allSatisfy({ (0x21...0x7E).contains($0) }) else {
                throw .malformedBinary(source: source, offset: offset, reason: "not a field tag")
            }
            let length = bytes[offset + 4..<offset + 8].reduce(0) { $0 << 8 | Int($1) }
            let start = offset + 8
            guard length <= range.upperBound - start else {
                throw .malformedBinary(source: source, offset: offset, reason: "field \(String(decoding: tagBytes, as: UTF8.self)) says \(length) bytes, only \(range.upperBound - start) left")
            }
            fields.append((String(decoding: tagBytes, as: UTF8.self), start..<start + length))
            offset = start + length
        }
        return fields
    }

    private static func text(_ bytes: [UInt8], range: Range<Int>, source: String) throws(PlaylistFormatError) -> String {
        guard range.count % 2 == 0 else { throw .malformedBinary(source: source, offset: range.lowerBound, reason: "UTF-16 text of odd length") }
        var units: [UInt16] = []
        units.reserveCapacity(range.count / 2)
        var index = range.lowerBound
        while index < range.upperBound {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
