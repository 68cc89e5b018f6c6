import Foundation

/// File paths as DJ formats store them: `file://` URIs with percent-encoding, Windows drive
/// paths, and the Unicode normal form each program expects.
public enum FileLocation {
    /// Whether `path` starts with a drive letter (`C:/…`, `C:\…`, `C:`).
    public static func isWindowsDrivePath(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(3))
        guard scalars.count >= 2, scalars[1] == ":", scalars[0].isASCII, CharacterSet.letters.contains(scalars[0]) else { return false }
        return scalars.count == 2 || scalars[2] == "/" || scalars[2] == "\\"
    }

    /// Bytes left as they are in a path inside a URI: RFC 3986 unreserved characters, `/`, and
    /// `:` (drive letters). Everything else, including `%`, `#`, `&`, space and every non-ASCII
    /// byte of the UTF-8 encoding, becomes `%XX`.
    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: ":"): return true
        default: return false
        }
    }

    /// Percent-encodes `path` (UTF-8) for a URI.
    public static func percentEncoded(_ path: String) -> String {
        var out = ""
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if isKept(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// A `file://` URI for `path` with `host` (`localhost` for rekordbox, empty for XSPF):
    /// `/Users/a b.mp3` → `file://localhost/Users/a%20b.mp3`; `C:\Music\a.mp3` →
    /// `file://localhost/C:/Music/a.mp3`.
    public static func fileURI(_ path: String, host: String = "") -> String {
        var slashed = isWindowsDrivePath(path) ? "/" + path.replacingOccurrences(of: "\\", with: "/") : path
        if !slashed.hasPrefix("/") { slashed = "/" + slashed }
        return "file://" + host + percentEncoded(slashed)
    }

    /// The path of a `file://` URI (any host), percent-decoding it; Windows drive paths lose the
    /// leading slash. Text that is not a `file:` URI comes back unchanged.
    public static func path(fromFileURI uri: String) -> String {
        guard uri.lowercased().hasPrefix("file://") else { return uri }
        let rest = uri.dropFirst("file://".count)
        let pathPart = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        let withoutSlash = String(decoded.dropFirst())
        return isWindowsDrivePath(withoutSlash) ? withoutSlash : decoded
    }

    /// The Unicode form a DJ program matches paths in.
    public enum Normalization: Sendable {
        /// Composed (NFC): rekordbox, Traktor, and Windows programs.
        case composed
        /// Decomposed (NFD): how macOS HFS+ stores names, and Serato on macOS compares them.
        case decomposed
        /// Left as the library has it (players that open the bytes they are given).
        case asIs
    }

    /// `text` in `form`.
    public static func normalized(_ text: String, _ form: Normalization) -> String {
        switch form {
        case .composed: return text.precomposedStringWithCanonicalMapping
        case .decomposed: return text.decomposedStringWithCanonicalMapping
        case .asIs: return text
        }
    }
}

extension String {
    /// The string padded with leading zeros to `width` characters.
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
