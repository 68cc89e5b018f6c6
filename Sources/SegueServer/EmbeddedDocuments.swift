import Foundation

/// The server's documents, kept as files under `Sources/SegueServer/Resources/` and compiled into
/// the binary by SwiftPM (`.embedInCode`), so nothing is read from disk at run time and no route
/// serves a file. Each file is valid as what it is (HTML, JavaScript, CSS, JSON) and is checked as
/// such by the tests; where a document names the scan event types or the API's routes, the file
/// holds a placeholder (``scanEventTypesPlaceholder``, ``APIRoute/placeholder``) and the text
/// served has the spellings of ``ScanEventType`` and ``APIRoute``.
enum EmbeddedDocuments {
    /// What `app.js` and `openapi.json` hold where the scan event types go.
    static let scanEventTypesPlaceholder = "SEGUE_SCAN_EVENT_TYPES"

    /// The web page (`GET /`): one page, no external resources, script and style from this server.
    static let pageHTML = text(PackageResources.index_html)

    /// The page's script (`GET /app.js`): plain JavaScript over the JSON API, no libraries, with
    /// `const SCAN_EVENT` filled from ``ScanEventType`` and `const ROUTE` from ``APIRoute``.
    static let pageScript = text(PackageResources.app_js)
        .replacingOccurrences(of: scanEventTypesPlaceholder, with: ScanEventType.javaScriptConstants)
        .replacingOccurrences(of: APIRoute.placeholder, with: APIRoute.javaScriptConstants)

    /// The page's style sheet (`GET /app.css`).
    static let pageStyle = text(PackageResources.app_css)

    /// The API described as OpenAPI 3.0 (`GET /openapi.json`), with the scan event types' enum
    /// filled from ``ScanEventType``. `ServerTests` checks that every route the server answers is
    /// described here and that every path described answers.
    static let openAPI = text(PackageResources.openapi_json)
        .replacingOccurrences(of: "[\"\(scanEventTypesPlaceholder)\"]", with: ScanEventType.jsonEnum)

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
