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
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        // FoundationXML may report success after a recovered error; the delegate saw it.
        guard parser.parse(), delegate.problem == nil else {
            throw .malformed(source: source, line: max(1, parser.lineNumber), reason: "not well-formed XML: \(delegate.problem ?? "XML error")")
        }
        guard delegate.sawRoot else { throw .malformed(source: source, line: 0, reason: notRoot) }
    }
}
