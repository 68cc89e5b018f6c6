import Hummingbird

/// Audio for this server's own page only. A media element on another site's page needs no CORS
/// to play a URL: a browser that says the request comes from another site (`Sec-Fetch-Site:
/// cross-site` or `same-site`) gets nothing — no library track, preview or rendered mix.
enum CrossSiteMedia {
    /// - Throws: ``ServerError`` 403 for a request another site's page made.
    static func refuse(_ request: Request) throws {
        if let site = request.headers[.init("Sec-Fetch-Site")!], site == "cross-site" || site == "same-site" {
            throw ServerError(status: 403, message: "another site's page may not play this library's audio")
        }
    }
}
