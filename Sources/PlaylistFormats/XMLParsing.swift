import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parser delegate that records the first parse error and whether it saw the root element.
protocol CheckedXMLDelegate: XMLParserDelegate {
    /// The first parse error's description, if any.
    var problem: String? { get }
    /// Whether the document's expected root element was seen.
    var sawRoot: Bool { get }
}

/// Runs an XML parse the same way for every reader.
enum XMLParsing {
    /// Parses `data` with `delegate`.
    /// - Throws: ``PlaylistFormatError/malformed(source:line:reason:)`` with the parser's line for
    ///   broken XML, or `notRoot` when the root element never appeared.
    static func parse(_ data: Data, delegate: some CheckedXMLDelegate, source: String, notRoot: String) throws(PlaylistFormatError) {
        try refuseUnsafeXML(data, source: source)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        // FoundationXML may report success after a recovered error; the delegate saw it.
        guard parser.parse(), delegate.problem == nil else {
            throw .malformed(source: source, line: max(1, parser.lineNumber), reason: "not well-formed XML: \(delegate.problem ?? "XML error")")
        }
        guard delegate.sawRoot else { throw .malformed(source: source, line: 0, reason: notRoot) }
    }
}

extension XMLParsing {
    /// Refuses a document that is not valid UTF-8, or one with a document type declaration (`<!DOCTYPE`, and so `<!ENTITY`):
    /// rekordbox, Traktor and XSPF files have none, and one entity repeated a million times turns
    /// a 4 MB upload into minutes of parsing. Checked on the raw bytes before any parse.
    /// - Throws: ``PlaylistFormatError/malformed(source:line:reason:)`` with the declaration's line.
    static func refuseUnsafeXML(_ data: Data, source: String) throws(PlaylistFormatError) {
        // FoundationXML traps on element or attribute names that are not valid UTF-8 (a crash
        // found by ReaderFuzzTests): such a file is refused before the parser sees it.
        guard String(data: data, encoding: .utf8) != nil else {
            throw .malformed(source: source, line: 0, reason: "not valid UTF-8 text; rekordbox, Traktor and XSPF files are UTF-8")
        }
        let markers: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
        let reason = "the file declares a document type or entities (<!DOCTYPE/<!ENTITY); playlist files need none, so it is refused"
        // The bytes are scanned in place (no copy of a 16 MiB upload).
        let declarationLine: Int? = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            var line = 1
            for index in bytes.indices {
                if bytes[index] == 0x0A { line += 1 }
                guard bytes[index] == 0x3C, index + 1 < bytes.count, bytes[index + 1] == 0x21 else { continue }
                for marker in markers where index + marker.count <= bytes.count
                    && bytes[index..<(index + marker.count)].elementsEqual(marker) { return line }
            }
            return nil
        }
        if let line = declarationLine { throw .malformed(source: source, line: line, reason: reason) }
    }
}
