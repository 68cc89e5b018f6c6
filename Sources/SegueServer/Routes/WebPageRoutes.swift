import Hummingbird

/// Serves the web page: `/` (HTML), `/app.js` and `/app.css`, compiled into the binary (``EmbeddedDocuments``), so
/// the page works offline and no route reads files from disk (nothing to traverse). A strict
/// Content-Security-Policy allows only this server's script, style and API.
enum WebPageRoutes {
    /// The Content-Security-Policy of the page.
    static let securityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

    /// A response with `text` of MIME `type` and the page's headers.
    @Sendable static func page(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentSecurityPolicy: securityPolicy, .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The three routes.
    static var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        collection.get("/") { _, _ in page(EmbeddedDocuments.pageHTML, type: "text/html; charset=utf-8") }
        collection.get("/app.js") { _, _ in page(EmbeddedDocuments.pageScript, type: "text/javascript; charset=utf-8") }
        collection.get("/app.css") { _, _ in page(EmbeddedDocuments.pageStyle, type: "text/css; charset=utf-8") }
        return collection
    }
}
