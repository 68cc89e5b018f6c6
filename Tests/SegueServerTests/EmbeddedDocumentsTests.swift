import Foundation
@testable import SegueServer
import Testing

/// The server's documents are files under `Sources/SegueServer/Resources/`, checked as what they
/// are: the script by `node --check`, the OpenAPI document as JSON (and, served, by the OpenAPI
/// validator in ``ServerTests``); and what the binary serves is those files with the scan event
/// types filled in.
@Suite("Embedded documents")
struct EmbeddedDocumentsTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/SegueServer/Resources")
    static let node = ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func file(_ name: String) throws -> String {
        try String(contentsOf: resources.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func theServedTextIsTheFileWithTheEventTypesFilledIn() throws {
        #expect(EmbeddedDocuments.pageHTML == (try Self.file("index.html")))
        #expect(EmbeddedDocuments.pageStyle == (try Self.file("app.css")))
        let script = try Self.file("app.js")
        #expect(script.contains("const SCAN_EVENT = \(EmbeddedDocuments.scanEventTypesPlaceholder);"))
        #expect(!EmbeddedDocuments.pageScript.contains(EmbeddedDocuments.scanEventTypesPlaceholder))
        #expect(EmbeddedDocuments.pageScript.contains("const SCAN_EVENT = \(ScanEventType.javaScriptConstants);"))
        #expect(!EmbeddedDocuments.openAPI.contains(EmbeddedDocuments.scanEventTypesPlaceholder))
        for type in ScanEventType.allCases { #expect(EmbeddedDocuments.openAPI.contains("\"\(type.rawValue)\"")) }
    }

    @Test func theOpenAPIFileAndTheServedDocumentAreJSON() throws {
        let file = try Self.file("openapi.json")
        #expect((try JSONSerialization.jsonObject(with: Data(file.utf8))) is [String: Any])
        let served = try JSONSerialization.jsonObject(with: Data(EmbeddedDocuments.openAPI.utf8)) as? [String: Any]
        #expect(served?["openapi"] as? String == "3.0.3")
    }

    @Test(.enabled(if: node != nil || ProcessInfo.processInfo.environment["CI"] == "true",
                   "skipped: no node on PATH (scripts/install-test-tools.sh installs nodejs)"))
    func theScriptFileAndTheServedScriptPassNodeCheck() throws {
        let node = try #require(Self.node, "node is not installed")
        let served = FileManager.default.temporaryDirectory.appendingPathComponent("segue-app-\(UUID().uuidString).js")
        try EmbeddedDocuments.pageScript.write(to: served, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: served) }
        for path in [Self.resources.appendingPathComponent("app.js").path, served.path] {
            #expect(ServerTests.run([node, "--check", path]) == 0, "node --check \(path)")
        }
    }
}
