import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import SegueCore
import SegueTools
import SegueServer
import Testing
import PlaylistFormats
import SetGraph
import DJModel

/// The API over a small demo library: in process where a test sends requests and reads answers,
/// headers and downloads included (``Transport/inProcess``); served for real on a free port of
/// 127.0.0.1 only where it needs a socket — a foreign `Host`, idle timeouts, half-sent or malformed
/// HTTP, a client hanging up mid-stream, the browser (6 of the 26 server tests).
@Suite(.serialized) struct ServerTests {
    static let demo: Result<DemoReport, SegueError> = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segue-server-demo-\(UUID().uuidString)").path
        let options = Segue.DemoOptions.quick(tracks: 12, seconds: 40...60, setMinutes: 3, bridgeMinutes: 2)
        return Result { () throws(SegueError) in try Segue.runDemo(directory: directory, options: options) }
    }()

    /// How a test reaches the server: in process (HummingbirdTesting's router framework, no
    /// socket; its requests always carry `Host: localhost`), or on a real socket for what needs one.
    enum Transport { case inProcess, socket }

    /// The in-process client of the running test, if it runs in process: ``request(_:method:body:)``
    /// sends through it instead of the network.
    @TaskLocal static var inProcessClient: (any TestClientProtocol)?

    /// Runs `body` against the server (by default on a live socket), then shuts it down. In process,
    /// `body` gets a placeholder base URL that only ``request(_:method:body:)`` understands.
    func withServer(library: String? = nil, configuration: ServerConfiguration? = nil, transport: Transport = .socket,
                    _ body: @Sendable (URL) async throws -> Void) async throws {
        let core = try Segue(libraryPath: try library ?? Self.demo.get().libraryPath)
        let serverConfiguration = try configuration ?? ServerConfiguration(host: "127.0.0.1", port: 0, logLevel: .warning)
        if transport == .inProcess {
            try await buildApplication(core: core, configuration: serverConfiguration).test(.router) { client in
                try await Self.$inProcessClient.withValue(client) { try await body(URL(string: "http://in-process.invalid")!) }
            }
            return
        }
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = buildApplication(core: core, configuration: serverConfiguration) { port in
            portContinuation.yield(port)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = portStream.makeAsyncIterator()
            guard let port = await iterator.next() else { throw ServerError(status: 500, message: "no port") }
            try await body(URL(string: "http://127.0.0.1:\(port)")!)
            group.cancelAll()
        }
    }

    /// A scratch folder (`segue-NAME-UUID` in the temporary directory) holding a copy of the demo
    /// library, so the other tests keep their 12 tracks, and a `music` folder with copies of the
    /// demo set's first `tracks` tracks. The caller removes `folder`.
    func scratchLibrary(_ name: String, copyingTracks tracks: Int = 0) throws -> (folder: URL, library: String, music: URL) {
        let demo = try Self.demo.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-\(name)-\(UUID().uuidString)")
        let music = folder.appendingPathComponent("music")
        try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
        let library = folder.appendingPathComponent("library.sqlite").path
        try Segue(libraryPath: demo.libraryPath).snapshotLibrary(to: library)
        for (index, track) in demo.set.tracks.prefix(tracks).enumerated() {
            try FileManager.default.copyItem(atPath: track.path, toPath: music.appendingPathComponent("copy \(index).flac").path)
        }
        return (folder, library, music)
    }

    /// Sends a request and returns the status, the headers (names in lower case) and the body, in
    /// process when the test runs so, over the socket otherwise. A JSON body gets its content type.
    func fetch(_ url: URL, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) async throws
        -> (status: Int, headers: [String: String], data: Data) {
        var fields = headers
        if body != nil, fields["Content-Type"] == nil { fields["Content-Type"] = "application/json" }
        if let client = Self.inProcessClient {
            let uri = url.path(percentEncoded: true) + (url.query(percentEncoded: true).map { "?" + $0 } ?? "")
            var httpFields: HTTPFields = [:]
            for (name, value) in fields { if let field = HTTPField.Name(name) { httpFields[field] = value } }
            return try await client.execute(uri: uri, method: HTTPRequest.Method(rawValue: method) ?? .get, headers: httpFields,
                                            body: body.map { ByteBuffer(bytes: $0) }) { response in
                var answerHeaders: [String: String] = [:]
                for field in response.headers { answerHeaders[field.name.canonicalName] = field.value }
                return (Int(response.status.code), answerHeaders, Data(buffer: response.body))
            }
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in fields { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        var answerHeaders: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] { answerHeaders[String(describing: name).lowercased()] = String(describing: value) }
        return (http?.statusCode ?? 0, answerHeaders, data)
    }

    /// ``fetch(_:method:headers:body:)`` for a JSON answer: the status and the decoded object (the
    /// text as `raw` when the body is not a JSON object).
    func request(_ url: URL, method: String = "GET", body: Data? = nil) async throws -> (Int, [String: Any]) {
        let answer = try await fetch(url, method: method, body: body)
        let object = (try? JSONSerialization.jsonObject(with: answer.data)) as? [String: Any]
            ?? ["raw": String(decoding: answer.data, as: UTF8.self)]
        return (answer.status, object)
    }

    /// Sends each `(path, method, body, status)` and expects that status with a JSON error body.
    func expectErrors(_ base: URL, _ cases: [(String, String, Data?, Int)]) async throws {
        for (path, method, body, expected) in cases {
            let (code, object) = try await request(URL(string: "\(base)/\(path)")!, method: method, body: body)
            #expect(code == expected, "\(method) /\(path): \(code) \(object)")
            #expect(object["error"] is String, "\(method) /\(path) answered \(object)")
        }
    }

    @Test func healthTracksSetsAndBridges() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            let (healthStatus, health) = try await request(base.appendingPathComponent("health"))
            #expect(healthStatus == 200)
            #expect(health["status"] as? String == "ok")
            #expect(health["tracks"] as? Int == 12)

            let (tracksStatus, tracks) = try await request(URL(string: "\(base)/tracks?query=&limit=5&offset=0")!)
            #expect(tracksStatus == 200)
            #expect((tracks["tracks"] as? [[String: Any]])?.count == 5)
            #expect(tracks["total"] as? Int == 12)

            let seed = demo.set.tracks[0]
            let setBody = try JSONSerialization.data(withJSONObject: ["seed": "\(seed.artist) - \(seed.title)", "minutes": 3, "energy": "flat"])
            let (setStatus, set) = try await request(base.appendingPathComponent("sets"), method: "POST", body: setBody)
            #expect(setStatus == 200, "\(set)")
            #expect(set["kind"] as? String == "set")
            #expect(((set["tracks"] as? [[String: Any]])?.count ?? 0) >= 2)
            #expect((set["quality"] as? [String: Any])?["harmonicShare"] is Double)

            // Rules, a custom energy curve: every transition of the answer obeys the strict key rule.
            let ruledBody = try JSONSerialization.data(withJSONObject: [
                "seed": seed.id.rawValue, "minutes": 3, "energy": [[0, 5], [1, 7]],
                "rules": ["keyRule": "strict", "keyLock": true, "maxStepPercent": 6, "artistSpacing": 2]] as [String: Any])
            let (ruledStatus, ruled) = try await request(base.appendingPathComponent("sets"), method: "POST", body: ruledBody)
            #expect(ruledStatus == 200 || ruledStatus == 422, "\(ruled)")
            if ruledStatus == 200 {
                let camelots = (ruled["tracks"] as? [[String: Any]] ?? []).compactMap { $0["camelot"] as? String }
                for (from, to) in zip(camelots, camelots.dropFirst()) {
                    #expect(KeyMoveRule.strict.allows(from: MusicalKey(parsing: from)!, to: MusicalKey(parsing: to)!), "\(from) → \(to)")
                }
            } else {
                #expect((ruled["error"] as? String)?.contains("strict") == true)
            }

            let (similarStatus, similar) = try await request(URL(string: "\(base)/tracks/\(seed.id)/similar?by=content&limit=3")!)
            #expect(similarStatus == 200, "\(similar)")
            let neighbours = similar["similar"] as? [[String: Any]] ?? []
            #expect(neighbours.count == 3)
            #expect(neighbours.allSatisfy { ($0["components"] as? [String: Any])?["content"] is Double && $0["score"] is Double })
            // The seed project's "same key, ±3 BPM, other genre", in one request.
            let (filteredStatus, filtered) = try await request(URL(string: "\(base)/tracks/\(seed.id)/similar?key=compatible&bpmTolerance=8&genre=other&limit=50")!)
            #expect(filteredStatus == 200, "\(filtered)")
            for neighbour in filtered["similar"] as? [[String: Any]] ?? [] {
                let track = neighbour["track"] as? [String: Any] ?? [:]
                #expect((track["genre"] as? String)?.lowercased() != seed.genre?.lowercased(), "\(track)")
                let bpm = track["bpm"] as? Double ?? 0
                #expect([0.5, 1, 2].map { abs(bpm * $0 - seed.bpm) / seed.bpm }.min()! <= 0.08 + 1e-9, "\(track)")
            }

            let last = demo.bridge.tracks[demo.bridge.tracks.count - 1]
            let bridgeBody = try JSONSerialization.data(withJSONObject: ["from": "\(seed.id)", "to": "\(last.id)", "minutes": 2])
            let (bridgeStatus, bridge) = try await request(base.appendingPathComponent("bridges"), method: "POST", body: bridgeBody)
            // The right answer is the one the planner gives in process for the same request: the
            // same tracks with 200, or its error with 422.
            let reference = try Segue(libraryPath: demo.libraryPath)
            switch Result(catching: { () throws(SegueError) in
                try reference.planBridge(BridgeRequest(from: "\(seed.id)", to: "\(last.id)", minutes: 2))
            }) {
            case .success(let expected):
                #expect(bridgeStatus == 200, "\(bridge)")
                #expect(bridge["kind"] as? String == "bridge")
                let ids = (bridge["tracks"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
                #expect(ids == expected.tracks.map(\.id.rawValue), "\(bridge)")
            case .failure(let error):
                #expect(bridgeStatus == 422, "\(bridge)")
                #expect(bridge["error"] as? String == error.message)
            }
        }
    }

    @Test func badRequestsGetJSONErrors() async throws {
        try await withServer(transport: .inProcess) { base in
            let cases: [(String, String, Data?, Int)] = [
                ("sets", "POST", Data("{not json".utf8), 400),
                ("sets", "POST", Data("{\"seed\": 5.5, \"minutes\": 10}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": true, \"minutes\": 10}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": 999999, \"minutes\": 10}".utf8), 404),
                ("sets", "POST", Data("{\"minutes\": 10}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": \"no such track at all\", \"minutes\": 10}".utf8), 404),
                ("sets", "POST", Data("{\"seed\": \"1\", \"minutes\": -3}".utf8), 400),
                ("bridges", "POST", Data("{\"from\": \"1\", \"to\": \"1\", \"minutes\": 5}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": \"1\", \"minutes\": 10, \"rules\": {\"keyRule\": \"loose\"}}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": \"1\", \"minutes\": 10, \"energy\": [[0, 4], [0.5, 12]]}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": \"1\", \"minutes\": 10, \"energy\": \"upward\"}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": \"1\", \"minutes\": 10, \"rules\": {\"maxStepPercent\": -1}}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": \"1\", \"minutes\": 10, \"pins\": {\"0\": \"2\"}}".utf8), 400),
                ("sets", "POST", Data("{\"seed\": \"1\", \"minutes\": 10, \"alternatives\": 11}".utf8), 400),
                ("bridges", "POST", Data("{\"from\": \"1\", \"to\": \"2\", \"minutes\": 5, \"toleranceMinutes\": -1}".utf8), 400),
                ("sets", "POST", Data(repeating: 0x20, count: 2 << 20), 413),
                ("nowhere", "GET", nil, 404),
                ("tracks?limit=abc", "GET", nil, 400),
                ("tracks/1/similar?by=vibes", "GET", nil, 400),
                ("tracks/abc/similar", "GET", nil, 400),
                ("tracks/999999/similar", "GET", nil, 404),
                ("tracks/1/similar?limit=0", "GET", nil, 400),
                ("tracks/1/similar?key=major", "GET", nil, 400),
                ("tracks/1/similar?bpmTolerance=abc", "GET", nil, 400),
                ("tracks/1/similar?genre=jazz", "GET", nil, 400),
                ("tracks/1/similar?energy=0-11", "GET", nil, 400),
            ]
            try await expectErrors(base, cases)
        }
    }


    @Test func plannedSetsAreStoredAndExportInEveryFormat() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            let seed = demo.set.tracks[0]
            let body = try JSONSerialization.data(withJSONObject: ["seed": "\(seed.id)", "minutes": 3, "energy": "flat"])
            let (status, set) = try await request(base.appendingPathComponent("sets"), method: "POST", body: body)
            #expect(status == 200, "\(set)")
            let id = try #require(set["id"] as? String)
            let paths = (set["tracks"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }

            let (storedStatus, stored) = try await request(base.appendingPathComponent("sets/\(id)"))
            #expect(storedStatus == 200)
            #expect((stored["tracks"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } == paths)

            for format in SetFormat.allCases {
                let (exportStatus, headers, data) = try await fetch(URL(string: "\(base)/sets/\(id)/export?format=\(format.rawValue)")!)
                #expect(exportStatus == 200, "\(format): \(String(decoding: data, as: UTF8.self))")
                #expect(headers["content-type"] == format.codec.contentType)
                #expect(headers["content-disposition"]?.hasPrefix("attachment; filename=\"") == true)
                let read = try format.codec.readTracks(data, source: "download")
                let expected = paths.map { format == .serato ? "/" + SeratoCrate.relativePath($0, volumeRoot: nil) : $0 }
                #expect(read.map(\.path) == expected.map { FileLocation.normalized($0, format.codec.pathNormalization) }, "\(format)")
            }
            // A right-to-left override in the crate name does not reach the download's file name.
            let disguised = try await fetch(URL(string: "\(base)/sets/\(id)/export?format=serato&name=Friday%E2%80%AEexe.crate")!)
            let disposition = disguised.1["content-disposition"] ?? ""
            #expect(disposition.contains("Fridayexe.crate.crate") && !disposition.contains("%E2%80%AE"), "\(disposition)")
            let mapped = try await fetch(URL(string: "\(base)/sets/\(id)/export?format=rekordbox&pathPrefix=/=D:/")!)
            #expect(try RekordboxXML().readTracks(mapped.2, source: "mapped").allSatisfy { $0.path.hasPrefix("D:/") })

            try await expectErrors(base, [("sets/\(id)/export", 400), ("sets/\(id)/export?format=wma", 400),
                                          ("sets/\(id)/export?format=m3u8&pathPrefix=nothing", 400),
                                          ("sets/0123abcd/export?format=m3u8", 404), ("sets/0123abcd", 404),
                                          ("sets/..%2F..%2Fetc", 400)].map { ($0.0, "GET", nil, $0.1) })
        }
    }

    @Test func openAPIDescribesEveryRoute() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            let (status, document) = try await request(base.appendingPathComponent("openapi.json"))
            #expect(status == 200)
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let served: Set<String> = ["/health", "/tracks", "/tracks/{id}", "/tracks/{id}/audio", "/tracks/{id}/similar", "/sets", "/bridges",
                                       "/sets/{id}", "/sets/{id}/edit",
                                       "/sets/{id}/export", "/sets/{id}/positions/{position}/alternatives", "/sets/{id}/replace",
                                       "/scans", "/scans/{id}", "/scans/{id}/events", "/tracklists", "/openapi.json",
                                       "/sets/{id}/render", "/sets/{id}/transitions/{n}/preview", "/renders/{id}", "/renders/{id}/events",
                                       "/renders/{id}/audio"]
            #expect(Set(paths.keys) == served)
            #expect(Set(APIRoute.allCases.map(\.rawValue)) == served, "the routes the page and the router share")
            // Every described GET answers something other than 404 for a real id.
            let seed = demo.set.tracks[0].id.rawValue
            let body = try JSONSerialization.data(withJSONObject: ["seed": "\(seed)", "minutes": 3])
            let (_, set) = try await request(base.appendingPathComponent("sets"), method: "POST", body: body)
            let setId = try #require(set["id"] as? String)
            for (path, operations) in paths where operations["get"] != nil && !path.hasPrefix("/scans/") && !path.hasPrefix("/renders/") {
                let concrete = path.replacingOccurrences(of: "/tracks/{id}", with: "/tracks/\(seed)")
                    .replacingOccurrences(of: "/sets/{id}", with: "/sets/\(setId)").replacingOccurrences(of: "{position}", with: "1")
                    .replacingOccurrences(of: "{n}", with: "1")
                    + (path.hasSuffix("export") ? "?format=m3u8" : "")
                let (code, object) = try await request(URL(string: "\(base)\(concrete)")!)
                #expect(code == 200, "GET \(concrete): \(code) \(object)")
            }
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            #expect(Set(["SetDocument", "SetRequest", "BridgeRequest", "PlanRules", "TrackDetail", "Error"]).isSubset(of: Set(schemas.keys)))
        }
    }

    /// openapi-spec-validator (PyPI, installed by scripts/install-test-tools.sh) accepts the document.
    @Test(.enabled(if: validatorAvailable || ProcessInfo.processInfo.environment["CI"] == "true",
                   "skipped: SEGUE_PYTHON cannot import openapi_spec_validator (run scripts/install-test-tools.sh)"))
    func openAPIDocumentIsValid() async throws {
        try await withServer(transport: .inProcess) { base in
            let data = try await fetch(base.appendingPathComponent("openapi.json")).data
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("segue-openapi-\(UUID().uuidString).json")
            try data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let check = "import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('valid')"
            #expect(Self.run([Self.python, "-c", check, file.path]) == 0)
        }
    }

    static let python = ProcessInfo.processInfo.environment["SEGUE_PYTHON"] ?? "python3"
    static let validatorAvailable = run([python, "-c", "import openapi_spec_validator"]) == 0

    /// Runs a command and returns its exit status (-1 when it cannot start).
    /// `run` on a dispatch thread, for async tests that talk to the server in this process (see
    /// ``raw(_:_:_:headers:body:)``).
    static func runOffPool(_ arguments: [String]) async -> Int32 {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: run(arguments)) }
        }
    }

    static func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aTrackOfAStoredSetCanBeSwappedForAnAlternative() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            let body = try JSONSerialization.data(withJSONObject: ["seed": "\(demo.set.tracks[0].id)", "minutes": 4, "energy": "rise"])
            let (_, set) = try await request(base.appendingPathComponent("sets"), method: "POST", body: body)
            let id = try #require(set["id"] as? String)
            let tracks = set["tracks"] as? [[String: Any]] ?? []
            try #require(tracks.count >= 3, "\(set)")
            #expect((set["energyTargets"] as? [[Double]])?.count == 21)
            // A 12-track library: the first position with a candidate within the tempo step of both neighbours.
            var found: (position: Int, alternatives: [[String: Any]])?
            for position in 0..<tracks.count where found == nil {
                let (status, answer) = try await request(URL(string: "\(base)/sets/\(id)/positions/\(position)/alternatives?limit=5")!)
                #expect(status == 200, "\(answer)")
                let alternatives = answer["alternatives"] as? [[String: Any]] ?? []
                if !alternatives.isEmpty { found = (position, alternatives) }
            }
            let (position, alternatives) = try #require(found)
            let setIds = Set(tracks.compactMap { $0["id"] as? Int })
            let scores = alternatives.compactMap { $0["score"] as? Double }
            #expect(scores == scores.sorted(by: >))
            for alternative in alternatives {
                let track = alternative["track"] as? [String: Any] ?? [:]
                #expect(!setIds.contains(track["id"] as? Int ?? -1))
                if position > 0 { #expect((alternative["incoming"] as? [String: Any])?["explanation"] is String) }
                if position + 1 < tracks.count { #expect((alternative["outgoing"] as? [String: Any])?["explanation"] is String) }
            }
            let chosen = try #require((alternatives[0]["track"] as? [String: Any])?["id"] as? Int)
            let replace = try JSONSerialization.data(withJSONObject: ["position": position, "track": "\(chosen)"])
            let (editedStatus, edited) = try await request(base.appendingPathComponent("sets/\(id)/replace"), method: "POST", body: replace)
            #expect(editedStatus == 200, "\(edited)")
            let editedTracks = edited["tracks"] as? [[String: Any]] ?? []
            #expect(editedTracks.count == tracks.count)
            #expect(editedTracks[position]["id"] as? Int == chosen)
            for index in tracks.indices where index != position { #expect(editedTracks[index]["id"] as? Int == tracks[index]["id"] as? Int) }
            #expect((edited["id"] as? String).map { $0 != id } == true)
            #expect((edited["quality"] as? [String: Any])?["energyArcError"] is Double)
            let transitions = edited["transitions"] as? [[String: Any]] ?? []
            #expect(transitions.count == tracks.count - 1)
            if position > 0 { #expect(transitions[position - 1]["to"] as? Int == chosen) }
            if position + 1 < tracks.count { #expect(transitions[position]["from"] as? Int == chosen) }

            try await expectErrors(base, [
                ("sets/\(id)/positions/99/alternatives", "GET", nil, 400), ("sets/\(id)/positions/x/alternatives", "GET", nil, 400),
                ("sets/\(id)/replace", "POST", Data("{\"position\": 1, \"track\": \"\(tracks[0]["id"] as? Int ?? 0)\"}".utf8), 400),
                ("sets/\(id)/replace", "POST", Data("{\"position\": 1}".utf8), 400),
                ("sets/ffff/replace", "POST", Data("{\"position\": 1, \"track\": \"1\"}".utf8), 404),
            ])
        }
    }

    @Test func scansRunAsJobsWithStreamedProgress() async throws {
        // Four tracks, a file that is not audio and a named pipe to scan, into a copy of the
        // library. The test holds the library's write lock, so the scan cannot store anything —
        // or finish — until the conflicting requests below have been answered.
        let (folder, library, music) = try scratchLibrary("scan-job", copyingTracks: 4)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not audio at all".utf8).write(to: music.appendingPathComponent("broken.flac"))
        try #require(mkfifo(music.appendingPathComponent("pipe.flac").path, 0o600) == 0)
        try await withServer(library: library, transport: .inProcess) { base in
            let lock = try LibraryWriteLock(library: library)
            let body = try JSONSerialization.data(withJSONObject: ["folder": music.path])
            let (status, job) = try await request(base.appendingPathComponent("scans"), method: "POST", body: body)
            #expect(status == 202, "\(job)")
            let id = try #require(job["id"] as? String)
            // The same folder however spelled, one inside it or one holding it, while the first
            // scan runs: 409.
            for spelling in [music.path, music.path + "/", music.path + "/./", folder.path + "//music", folder.path] {
                let (again, conflict) = try await request(base.appendingPathComponent("scans"), method: "POST",
                                                          body: try JSONSerialization.data(withJSONObject: ["folder": spelling]))
                #expect(again == 409, "\(spelling): \(conflict)")
            }
            lock.release()

            let (_, headers, data) = try await fetch(base.appendingPathComponent("scans/\(id)/events"))
            #expect(headers["content-type"] == "text/event-stream")
            let events = String(decoding: data, as: UTF8.self).components(separatedBy: "\n\n").compactMap { block -> [String: Any]? in
                guard let line = block.split(separator: "\n").first(where: { $0.hasPrefix("data: ") }) else { return nil }
                return try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8)) as? [String: Any]
            }
            let types = events.compactMap { $0["type"] as? String }
            #expect(types.contains("stage"))
            #expect(types.contains("step"))
            #expect(types.last == "finished", "\(types)")
            #expect(events.contains { ($0["message"] as? String)?.contains("broken.flac") == true }, "the broken file is named")
            #expect(events.contains { ($0["message"] as? String)?.contains("pipe.flac: a named pipe") == true }, "the pipe is named as skipped")

            let (_, finished) = try await request(base.appendingPathComponent("scans/\(id)"))
            #expect(finished["state"] as? String == "finished")
            #expect(finished["analysed"] as? Int == 4)
            #expect((finished["failures"] as? [String])?.count == 1)
            // Once it has finished, the folder can be scanned again.
            let (afterStatus, after) = try await request(base.appendingPathComponent("scans"), method: "POST", body: body)
            #expect(afterStatus == 202)
            try await waitUntilStopped(base, scan: after["id"] as? String ?? "")

            try await expectErrors(base, [
                ("scans", "POST", Data("{\"folder\": \"/no/such/folder\"}".utf8), 400), ("scans", "POST", Data("{}".utf8), 400),
                ("scans/abc", "GET", nil, 404), ("scans/abc/events", "GET", nil, 404),
            ])
        }
    }

    @Test func tracklistFilesUploadAndImport() async throws {
        let demo = try Self.demo.get()
        let (folder, library, _) = try scratchLibrary("upload")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withServer(library: library, transport: .inProcess) { base in
            let nml = try TraktorNML().write(demo.set)
            let (status, report) = try await request(URL(string: "\(base)/tracklists?format=nml&name=friday")!, method: "POST", body: nml)
            #expect(status == 200, "\(report)")
            #expect(report["tracklists"] as? Int == 1)
            #expect(report["matched"] as? Int == demo.set.tracks.count)
            // A Spotify playlist (Exportify's columns): matched, with Spotify's numbers on the track.
            let track = demo.set.tracks[0]
            let csv = "Track URI,Track Name,Artist Name(s),Tempo,Key,Mode,Energy\nspotify:track:abc,\"\(track.title)\",\"\(track.artist)\",\(track.bpm),9,0,0.75\n"
            let (spotifyStatus, spotify) = try await request(URL(string: "\(base)/tracklists?format=csv&name=spotify")!, method: "POST", body: Data(csv.utf8))
            #expect(spotifyStatus == 200 && spotify["matched"] as? Int == 1 && spotify["serviceFeatures"] as? Int == 1, "\(spotify)")
            #expect(spotify["matchedTrackIds"] as? [Int] == [Int(track.id.rawValue)])
            let (_, detail) = try await request(base.appendingPathComponent("tracks/\(track.id)"))
            let services = detail["services"] as? [[String: Any]] ?? []
            #expect(services.first?["camelot"] as? String == "8A" && services.first?["energy"] as? Double == 0.75, "\(services)")
            try await expectErrors(base, [("tracklists?format=doc", Data("x".utf8), 400), ("tracklists", Data("x".utf8), 400),
                                          ("tracklists?format=nml", Data("<NML><COLLECTION>".utf8), 400),
                                          ("tracklists?format=csv", Data(repeating: 0x41, count: 17 << 20), 413)].map { ($0.0, "POST", $0.1, $0.2) })
        }
    }

    static let browserReady = run(["test", "-x", "/usr/bin/chromium"]) == 0 && run(["test", "-x", "/usr/bin/chromedriver"]) == 0
        && run([python, "-c", "import selenium, pyrekordbox"]) == 0

    /// The web page in a real headless Chromium (Tests/SegueServerTests/Browser/browser_test.py):
    /// Camelot search, a track preview, similar with "same key, ±3 BPM, other genre", plan and
    /// plot, keyboard reorder, delete, undo, pin, swap, save and reopen after a reload, a
    /// transition, a named rekordbox export parsed by pyrekordbox, a bridge, a 360 px phone, the
    /// server unreachable. Screenshots go to `test-artifacts/browser` (or `$SEGUE_ARTIFACTS/browser`).
    @Test(.enabled(if: browserReady || ProcessInfo.processInfo.environment["CI"] == "true",
                   "skipped: needs /usr/bin/chromium, /usr/bin/chromedriver and selenium in SEGUE_PYTHON (scripts/install-test-tools.sh)"),
          .timeLimit(.minutes(3)))
    func theWebPageWorksInARealBrowser() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let artifacts = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SEGUE_ARTIFACTS"] ?? root.appendingPathComponent("test-artifacts").path)
            .appendingPathComponent("browser")
        try? FileManager.default.removeItem(at: artifacts)
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let script = root.appendingPathComponent("Tests/SegueServerTests/Browser/browser_test.py").path
        try await withServer { base in
            let status = await Self.runOffPool([Self.python, script, base.absoluteString, artifacts.path])
            #expect(status == 0, "the browser test failed; see the screenshots in \(artifacts.path)")
        }
        #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent("5-set.png").path))
    }

    @Test func thePageIsServedWithItsPolicy() async throws {
        try await withServer(transport: .inProcess) { base in
            for (path, type) in [("", "text/html"), ("app.js", "text/javascript"), ("app.css", "text/css")] {
                let (status, headers, data) = try await fetch(URL(string: "\(base)/\(path)")!)
                #expect(status == 200)
                #expect(headers["content-type"]?.hasPrefix(type) == true)
                #expect(headers["content-security-policy"]?.contains("default-src 'self'") == true)
                #expect(!data.isEmpty)
                if path == "app.js" {
                    // The scan event types come from the server's own list, not a copy in the script.
                    let script = String(decoding: data, as: UTF8.self)
                    #expect(script.contains(#"const SCAN_EVENT = {"stage": "stage", "step": "step", "warning": "warning", "stageFinished": "stageFinished", "finished": "finished", "failed": "failed"}"#))
                    #expect(!script.contains(#"=== "finished""#))
                }
            }
            // No route serves files from disk: traversal attempts are plain 404s.
            for path in ["../Package.swift", "%2e%2e/%2e%2e/etc/passwd", "app.js/../../etc/passwd", "static/../../etc/passwd"] {
                let (code, _) = try await request(URL(string: "\(base)/\(path)")!)
                #expect(code == 404, "/\(path)")
            }
        }
    }

    /// CORS is off: no answer carries Access-Control-Allow-Origin, and a preflight is not approved.
    @Test func crossOriginRequestsAreNotAllowed() async throws {
        try await withServer(transport: .inProcess) { base in
            let answer = try await fetch(base.appendingPathComponent("health"), headers: ["Origin": "http://elsewhere.example"])
            #expect(answer.status == 200 && answer.headers["access-control-allow-origin"] == nil)
            let preflight = try await fetch(base.appendingPathComponent("sets"), method: "OPTIONS",
                                            headers: ["Origin": "http://elsewhere.example", "Access-Control-Request-Method": "POST"])
            #expect(preflight.headers["access-control-allow-origin"] == nil)
            #expect(preflight.status >= 400, "\(preflight.status)")
        }
    }

    /// A client that drops an event stream halfway does not stop the scan or the server.
    @Test func aClientLeavingAnEventStreamStopsNothing() async throws {
        let (folder, library, music) = try scratchLibrary("scan-drop", copyingTracks: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withServer(library: library) { base in
            let body = try JSONSerialization.data(withJSONObject: ["folder": music.path])
            let (_, job) = try await request(base.appendingPathComponent("scans"), method: "POST", body: body)
            let id = try #require(job["id"] as? String)
            // Read the first bytes of the stream over a raw socket, then hang up.
            let drop = """
            import socket, sys
            host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
            connection = socket.create_connection((host, port), timeout=10)
            connection.sendall(("GET %s HTTP/1.1\\r\\nHost: %s\\r\\n\\r\\n" % (path, host)).encode())
            data = connection.recv(200)
            connection.close()
            sys.exit(0 if b"200" in data.split(b"\\r\\n")[0] else 1)
            """
            let status = await Self.runOffPool(["python3", "-c", drop, "127.0.0.1", "\(base.port ?? 0)", "/scans/\(id)/events"])
            #expect(status == 0, "the stream started")
            var state = ""
            for _ in 0..<600 where state != "finished" {
                try await Task.sleep(for: .milliseconds(100))
                state = (try await request(base.appendingPathComponent("scans/\(id)")).1["state"] as? String) ?? ""
            }
            #expect(state == "finished")
            let (health, _) = try await request(base.appendingPathComponent("health"))
            #expect(health == 200)
            let (data, _) = try await URLSession.shared.data(from: base.appendingPathComponent("scans/\(id)/events"))
            #expect(String(decoding: data, as: UTF8.self).contains("event: finished"))
        }
    }

    @Test func responsesCarryARequestId() async throws {
        try await withServer(transport: .inProcess) { base in
            let named = try await fetch(base.appendingPathComponent("health"), headers: ["X-Request-Id": "dj-42"])
            #expect(named.headers["x-request-id"] == "dj-42")
            let other = try await fetch(base.appendingPathComponent("nowhere"))
            let generated = other.headers["x-request-id"] ?? ""
            #expect(!generated.isEmpty && generated != "dj-42")
        }
    }

    @Test func searchFiltersAndTrackDetail() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            let (_, all) = try await request(URL(string: "\(base)/tracks?limit=100")!)
            let tracks = all["tracks"] as? [[String: Any]] ?? []
            let bpms = tracks.compactMap { $0["bpm"] as? Double }.sorted()
            let low = bpms[bpms.count / 4], high = bpms[3 * bpms.count / 4]
            let (status, page) = try await request(URL(string: "\(base)/tracks?bpmMin=\(low)&bpmMax=\(high)&limit=100")!)
            #expect(status == 200)
            let inRange = (page["tracks"] as? [[String: Any]] ?? []).compactMap { $0["bpm"] as? Double }
            #expect(inRange.count == bpms.filter { $0 >= low && $0 <= high }.count)
            #expect(page["total"] as? Int == inRange.count)

            let camelot = try #require(tracks.first?["camelot"] as? String)
            let (_, byKey) = try await request(URL(string: "\(base)/tracks?key=\(camelot)&limit=100")!)
            let keyed = byKey["tracks"] as? [[String: Any]] ?? []
            #expect(!keyed.isEmpty && keyed.allSatisfy { $0["camelot"] as? String == camelot })
            #expect(keyed.count == tracks.filter { $0["camelot"] as? String == camelot }.count)

            let (_, energetic) = try await request(URL(string: "\(base)/tracks?energyMin=6&energyMax=10&limit=100")!)
            #expect((energetic["tracks"] as? [[String: Any]] ?? []).allSatisfy { ($0["energy"] as? Int ?? 0) >= 6 })

            let id = demo.set.tracks[0].id.rawValue
            let (detailStatus, detail) = try await request(URL(string: "\(base)/tracks/\(id)")!)
            #expect(detailStatus == 200, "\(detail)")
            #expect((detail["track"] as? [String: Any])?["id"] as? Int == Int(id))
            for field in ["bpm", "firstBeat", "tempoConfidence", "keyConfidence", "tuningCents", "loudness", "loudnessRange"] {
                #expect(detail[field] is Double, "\(field)")
            }
            #expect(detail["openKey"] is String && detail["inTracklists"] is Bool)

            try await expectErrors(base, [("tracks?bpmMin=fast", 400), ("tracks?key=H%20minor", 400), ("tracks?energyMin=11", 400),
                                          ("tracks?bpmMin=130&bpmMax=120", 400), ("tracks/999999", 404), ("tracks/abc", 400)]
                                          .map { ($0.0, "GET", nil, $0.1) })
        }
    }
}
