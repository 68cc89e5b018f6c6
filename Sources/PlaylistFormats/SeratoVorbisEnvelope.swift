import Foundation

/// How FLAC files carry Serato's objects: a Vorbis comment (`SERATO_MARKERS_V2`,
/// `SERATO_BEATGRID`, …) whose value is base64, a line feed every 72 characters, of the MIME
/// type `application/octet-stream`, `00 00`, the object's description (`Serato Markers2`), `00`,
/// then the object as MP3's `GEOB` frame holds it.
enum SeratoVorbisEnvelope {
    /// The comment value carrying `object` described as `description`.
    static func value(of object: Data, described description: String) -> String {
        let encoded = (Data(header(description)) + object).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 72).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 72, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }.joined(separator: "\n")
    }

    /// The object a comment value `field` carries, checked to be the one described as `description`.
    static func object(in value: String, described description: String, field: String, source: String) throws(PlaylistFormatError) -> Data {
        guard let envelope = base64Decode(Array(value.utf8).filter { $0 != 0x0A && $0 != 0x0D }) else {
            throw .malformedBinary(source: source, offset: 0, reason: "the \(field) value is not base64")
        }
        let header = header(description)
        guard envelope.starts(with: header) else {
            throw .malformedBinary(source: source, offset: 0, reason: "the \(field) value does not hold a \(description) object")
        }
        return Data(envelope[header.count...])
    }

    static func header(_ description: String) -> [UInt8] {
        Array("application/octet-stream".utf8) + [0, 0] + Array(description.utf8) + [0]
    }

    /// Base64 as Serato writes it: padding optional, and sometimes one character too many.
    static func base64Decode<Bytes: Collection>(_ text: Bytes) -> [UInt8]? where Bytes.Element == UInt8 {
        var characters = Array(text).filter { $0 != UInt8(ascii: "=") }
        if characters.count % 4 == 1 { characters.removeLast() }
        characters += [UInt8](repeating: UInt8(ascii: "="), count: (4 - characters.count % 4) % 4)
        return Data(base64Encoded: Data(characters)).map { [UInt8]($0) }
    }
}
