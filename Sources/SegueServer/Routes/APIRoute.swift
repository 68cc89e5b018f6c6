/// Every path the JSON API answers, written once as OpenAPI path templates (`/sets/{id}/export`).
/// The route collections register them (``routerPath``), the page's script receives them as its
/// `ROUTE` constant (``javaScriptConstants``, filled in by ``EmbeddedDocuments``), and
/// `ServerTests` checks that the OpenAPI document describes exactly these.
public enum APIRoute: String, CaseIterable, Sendable {
    /// `GET`: the server answers and how many tracks are analysed.
    case health = "/health"
    /// `GET`: the API described as OpenAPI 3.0.
    case openAPI = "/openapi.json"
    /// `GET`: library tracks by words and filters, paged.
    case tracks = "/tracks"
    /// `GET`: one track with its analysis; `PATCH`: the DJ's corrections of its tempo, grid, bar 1 and key.
    case track = "/tracks/{id}"
    /// `GET`: a library track's audio file (Range requests answered).
    case trackAudio = "/tracks/{id}/audio"
    /// `GET`: the tracks most similar to one.
    case similarTracks = "/tracks/{id}/similar"
    /// `POST`: plan a set from a seed; `GET`: the named sets.
    case sets = "/sets"
    /// `POST`: plan a bridge between two tracks.
    case bridges = "/bridges"
    /// `GET`: a stored set or bridge; `PATCH`: name it; `DELETE`: forget it.
    case set = "/sets/{id}"
    /// `GET`: the alternatives for one position of a stored set.
    case alternatives = "/sets/{id}/positions/{position}/alternatives"
    /// `POST`: a stored set with one position replaced.
    case replace = "/sets/{id}/replace"
    /// `POST`: a stored set after a list of edits (move, delete, insert, replace, pin).
    case edit = "/sets/{id}/edit"
    /// `GET`: a stored set in a DJ-software format (a download).
    case export = "/sets/{id}/export"
    /// `POST`: start rendering a stored set as one mix.
    case render = "/sets/{id}/render"
    /// `GET`: about 40 seconds around one transition of a stored set, as MP3.
    case transitionPreview = "/sets/{id}/transitions/{n}/preview"
    /// `GET`: a render job's state.
    case renderJob = "/renders/{id}"
    /// `GET`: a render job's progress as server-sent events.
    case renderEvents = "/renders/{id}/events"
    /// `GET`: a finished render's mix, as MP3.
    case renderAudio = "/renders/{id}/audio"
    /// `POST`: import a tracklist file.
    case tracklists = "/tracklists"
    /// `POST`: start scanning a folder.
    case scans = "/scans"
    /// `GET`: a scan job's state.
    case scan = "/scans/{id}"
    /// `GET`: a scan job's progress as server-sent events.
    case scanEvents = "/scans/{id}/events"

    /// The path in the router's syntax (`/sets/:id/export`).
    public var routerPath: String {
        rawValue.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    /// What `app.js` holds where the routes go.
    public static let placeholder = "SEGUE_ROUTES"

    /// The routes as a JavaScript object literal, `{ health: "/health", … }` (the case names as
    /// keys, the OpenAPI templates as values).
    public static var javaScriptConstants: String {
        "{ " + allCases.map { "\($0): \"\($0.rawValue)\"" }.joined(separator: ", ") + " }"
    }
}
