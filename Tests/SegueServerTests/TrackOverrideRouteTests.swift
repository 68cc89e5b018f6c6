import DJModel
import Foundation
import Hummingbird
import HummingbirdTesting
import SegueCore
import SegueServer
import Testing

/// `PATCH /tracks/{id}`: a DJ's corrections of tempo, grid, bar 1 and key, on a copy of the small
/// demo library (the other route tests share the original).
@Suite(.serialized) struct TrackOverrideRouteTests {
    let routes = RouteTests()

    func withCopiedLibrary(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("segue-overrides-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
        try Segue(libraryPath: try ServerTests.demo.get().libraryPath).snapshotLibrary(to: copy)
        let app = buildApplication(core: try Segue(libraryPath: copy), configuration: try ServerConfiguration(host: "127.0.0.1", port: 0, logLevel: .warning))
        try await app.test(.router) { client in try await body(client) }
    }

    @Test func overridesRoundTripIntoDetailPlansAndExports() async throws {
        let demo = try ServerTests.demo.get()
        let track = demo.set.tracks[0]
        try await withCopiedLibrary { client in
            let before = try await routes.send(client, .get, "/tracks/\(track.id.rawValue)")
            let measuredBPM = try #require(before.object["bpm"] as? Double)
            let doubled = (measuredBPM * 2 * 100).rounded() / 100
            let patched = try await routes.send(client, .patch, "/tracks/\(track.id.rawValue)",
                                                json: ["bpm": doubled, "key": "8A", "downbeat": 2.5])
            #expect(patched.status == 200, "\(patched.text)")
            let overrides = try #require(patched.object["overrides"] as? [String: Any], "\(patched.text)")
            #expect(overrides["bpm"] as? Double == doubled && overrides["downbeat"] as? Double == 2.5)
            #expect(patched.object["bpm"] as? Double == doubled && patched.object["camelot"] as? String == "8A")
            #expect((patched.object["measured"] as? [String: Any])?["bpm"] as? Double == measuredBPM)
            let structure = try #require(patched.object["structure"] as? [String: Any])
            let bar = 4 * 60 / doubled
            let downbeat = try #require(structure["downbeat"] as? Double)
            #expect(abs(downbeat - 2.5.truncatingRemainder(dividingBy: bar)) < 1e-6, "bar 1 on the DJ's downbeat")
            for phrase in structure["phrases"] as? [Double] ?? [] {
                let bars = (phrase - downbeat) / bar
                #expect(abs(bars - bars.rounded()) < 1e-6, "phrase \(phrase) on a bar line")
            }
            let detail = try await routes.send(client, .get, "/tracks/\(track.id.rawValue)")
            #expect(detail.object["bpm"] as? Double == doubled && detail.object["overrides"] != nil)

            // A set planned now, and its exports, carry the corrected tempo and key.
            let planned = try await routes.send(client, .post, APIRoute.sets.rawValue, json: ["seed": "\(track.id.rawValue)", "minutes": 3])
            let first = try #require((planned.object["tracks"] as? [[String: Any]])?.first, "\(planned.text)")
            #expect(first["bpm"] as? Double == doubled && first["camelot"] as? String == "8A", "\(first)")
            let id = try #require(planned.object["id"] as? String)
            let rekordbox = try await routes.send(client, .get, "/sets/\(id)/export?format=rekordbox")
            #expect(rekordbox.text.contains(String(format: "AverageBpm=\"%.2f\"", doubled)), "\(rekordbox.text.prefix(600))")

            // null removes one override; the others stay.
            let cleared = try await routes.send(client, .patch, "/tracks/\(track.id.rawValue)", json: ["bpm": NSNull()])
            #expect(cleared.status == 200 && cleared.object["bpm"] as? Double == measuredBPM, "\(cleared.text)")
            #expect(cleared.object["camelot"] as? String == "8A")
            let all = try await routes.send(client, .patch, "/tracks/\(track.id.rawValue)",
                                            json: ["key": NSNull(), "downbeat": NSNull(), "firstBeat": NSNull()])
            #expect(all.status == 200 && all.object["overrides"] == nil && all.object["measured"] == nil, "\(all.text)")
        }
    }

    @Test func overridesThatMakeNoSenseAreNamed400sAndAMissingTrackA404() async throws {
        let demo = try ServerTests.demo.get()
        let id = demo.set.tracks[0].id.rawValue
        try await withCopiedLibrary { client in
            for (body, field) in [(["bpm": -5] as [String: Any], "bpm"), (["bpm": 1e300], "bpm"), (["downbeat": 1e9], "downbeat"),
                                  (["downbeat": 100_000], "downbeat"), (["firstBeat": -1], "firstBeat"), (["key": "H minor"], "key"),
                                  (["key": 8], "key"), (["tempo": 120], "tempo")] {
                let answer = try await routes.send(client, .patch, "/tracks/\(id)", json: body)
                #expect(answer.status == 400 && (answer.object["error"] as? String)?.contains(field) == true, "\(body): \(answer.text)")
            }
            let missing = try await routes.send(client, .patch, "/tracks/987654", json: ["bpm": 120])
            #expect(missing.status == 404, "\(missing.text)")
            let untouched = try await routes.send(client, .get, "/tracks/\(id)")
            #expect(untouched.object["overrides"] == nil)
        }
    }
}
