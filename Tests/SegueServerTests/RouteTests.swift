import DJModel
import Foundation
import Hummingbird
import HummingbirdTesting
import SegueCore
import SegueServer
import Testing

/// The routes in process (HummingbirdTesting's router framework: no socket, no port), over the
/// same small demo library as ``ServerTests``, which keeps the end-to-end checks on a real socket
/// (connections, timeouts, streaming, the browser page).
@Suite(.serialized) struct RouteTests {
    /// Runs `body` with a client of the application over the demo library.
    func withClient(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let core = try Segue(libraryPath: try ServerTests.demo.get().libraryPath)
        let app = buildApplication(core: core, configuration: try ServerConfiguration(host: "127.0.0.1", port: 0, logLevel: .warning))
        try await app.test(.router) { client in try await body(client) }
    }

    /// Sends a request and returns the status and the JSON object answered (empty when the body
    /// is not a JSON object).
    @discardableResult
    func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, json: [String: Any]? = nil)
        async throws -> (status: Int, object: [String: Any], text: String) {
        var headers: HTTPFields = [:]
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            let text = String(buffer: response.body)
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
            return (Int(response.status.code), object, text)
        }
    }

    @Test func tracksAnswerPagesDetailsAndNamedErrors() async throws {
        let demo = try ServerTests.demo.get()
        try await withClient { client in
            let health = try await send(client, .get, APIRoute.health.rawValue)
            #expect(health.status == 200 && health.object["tracks"] as? Int == 12, "\(health.text)")
            let page = try await send(client, .get, APIRoute.tracks.rawValue + "?limit=5&offset=10")
            #expect(page.status == 200 && (page.object["tracks"] as? [Any])?.count == 2 && page.object["total"] as? Int == 12, "\(page.text)")
            let id = demo.set.tracks[0].id.rawValue
            let detail = try await send(client, .get, "/tracks/\(id)")
            #expect(detail.status == 200 && detail.text.contains(demo.set.tracks[0].title), "\(detail.text)")
            let notAnId = try await send(client, .get, "/tracks/abc")
            #expect(notAnId.status == 400 && notAnId.object["error"] as? String == "the track id must be an integer")
            let badRanking = try await send(client, .get, "/tracks/\(id)/similar?by=vibes")
            #expect(badRanking.status == 400 && (badRanking.object["error"] as? String)?.contains("als, content") == true, "\(badRanking.text)")
            let similar = try await send(client, .get, "/tracks/\(id)/similar?by=content&limit=3")
            #expect(similar.status == 200 && (similar.object["similar"] as? [Any])?.count == 3, "\(similar.text)")
        }
    }

    @Test func aSetIsPlannedStoredEditedAndExported() async throws {
        let demo = try ServerTests.demo.get()
        try await withClient { client in
            let seed = "\(demo.set.tracks[0].id.rawValue)"
            let planned = try await send(client, .post, APIRoute.sets.rawValue, json: ["seed": seed, "minutes": 3])
            let id = try #require(planned.object["id"] as? String, "\(planned.text)")
            let tracks = try #require(planned.object["tracks"] as? [[String: Any]])
            #expect(planned.status == 200 && tracks.count >= 2)
            let stored = try await send(client, .get, "/sets/\(id)")
            #expect(stored.status == 200 && (stored.object["tracks"] as? [Any])?.count == tracks.count)
            let alternatives = try await send(client, .get, "/sets/\(id)/positions/1/alternatives?limit=3")
            let first = try #require((alternatives.object["alternatives"] as? [[String: Any]])?.first, "\(alternatives.text)")
            let replacement = try #require((first["track"] as? [String: Any])?["id"] as? Int)
            let edited = try await send(client, .post, "/sets/\(id)/replace", json: ["position": 1, "track": "\(replacement)"])
            #expect(edited.status == 200 && ((edited.object["tracks"] as? [[String: Any]])?[1]["id"] as? Int) == replacement, "\(edited.text)")
            #expect(edited.object["id"] as? String != id, "an edit is stored under a new id")
            let playlist = try await send(client, .get, "/sets/\(id)/export?format=m3u8")
            #expect(playlist.status == 200 && playlist.text.hasPrefix("#EXTM3U"))
            let missing = try await send(client, .get, "/sets/nosuchset")
            #expect(missing.status == 404 && missing.object["error"] as? String == "no set with id nosuchset", "\(missing.text)")
            let malformed = try await send(client, .get, "/sets/no-such-set")
            #expect(malformed.status == 400 && (malformed.object["error"] as? String)?.contains("letters and digits") == true)
        }
    }

    @Test func badRequestsAreJSONErrorsNamingWhatIsWrong() async throws {
        let demo = try ServerTests.demo.get()
        try await withClient { client in
            let seed = "\(demo.set.tracks[0].id.rawValue)"
            let width = try await send(client, .post, APIRoute.sets.rawValue, json: ["seed": seed, "minutes": 3, "beamWidth": 0])
            #expect(width.status == 400 && width.object["field"] as? String == "beam width", "\(width.text)")
            let minutes = try await send(client, .post, APIRoute.bridges.rawValue, json: ["from": seed, "to": seed, "minutes": -5])
            #expect(minutes.status == 400 && minutes.object["error"] != nil, "\(minutes.text)")
            let range = try await send(client, .post, APIRoute.scans.rawValue, json: ["folder": "/nowhere", "bpmRange": [175, 88]])
            #expect(range.status == 400 && (range.object["error"] as? String)?.contains("bpmRange") == true, "\(range.text)")
            let unknown = try await send(client, .get, "/no/such/route")
            #expect(unknown.status == 404 && (unknown.object["error"] as? String)?.contains("no route") == true)
        }
    }

    @Test func thePageGetsTheRoutesFromTheServer() async throws {
        try await withClient { client in
            let script = try await send(client, .get, "/app.js")
            #expect(script.status == 200)
            #expect(!script.text.contains(APIRoute.placeholder))
            for route in APIRoute.allCases { #expect(script.text.contains("\(route): \"\(route.rawValue)\""), "\(route)") }
        }
    }
}
