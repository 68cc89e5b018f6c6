import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SegueCore
import SegueServer
import Testing

/// A request sent byte for byte over a socket (Python's http.client), so that headers a browser
/// or URLSession would not let a test set — `Host`, `Origin`, `Sec-Fetch-Site` — can be sent.
struct RawAnswer {
    var status: Int
    var headers: [String: String]
    var body: String
}

extension ServerTests {
    /// `raw` on a dispatch thread: the test waits for the client, and the client for the server,
    /// whose handlers need Swift's cooperative threads — blocking one of those (two on two cores)
    /// while other suites block the other would stall the server.
    func raw(_ base: URL, _ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) async throws -> RawAnswer {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try self.rawBlocking(base, method, path, headers: headers, body: body) })
            }
        }
    }

    func rawBlocking(_ base: URL, _ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) throws -> RawAnswer {
        let script = """
            import http.client, json, sys
            port, method, path, headers, body = int(sys.argv[1]), sys.argv[2], sys.argv[3], json.loads(sys.argv[4]), sys.argv[5]
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.putrequest(method, path, skip_host="Host" in headers, skip_accept_encoding=True)
                for name, value in headers.items(): connection.putheader(name, value)
                data = body.encode() if body != "-" else None
                if data is not None: connection.putheader("Content-Length", str(len(data)))
                connection.endheaders(data)
                answer = connection.getresponse()
                print(json.dumps({"status": answer.status, "headers": dict(answer.getheaders()), "body": answer.read().decode("utf-8", "replace")}))
            except Exception as error:
                print(json.dumps({"status": 0, "headers": {}, "body": "%s %s: %r" % (method, path, error)}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let headerJSON = String(decoding: try JSONSerialization.data(withJSONObject: headers), as: UTF8.self)
        process.arguments = ["python3", "-c", script, "\(base.port ?? 0)", method, path, headerJSON, body ?? "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
        let headers = (object["headers"] as? [String: String] ?? [:]).reduce(into: [String: String]()) { $0[$1.key.lowercased()] = $1.value }
        return RawAnswer(status: object["status"] as? Int ?? 0, headers: headers, body: object["body"] as? String ?? "")
    }

    @Test func foreignHostsOriginsAndContentTypesAreRefused() async throws {
        let demo = try Self.demo.get()
        let seed = "\(demo.set.tracks[0].id.rawValue)"
        try await withServer { base in
            let own = "127.0.0.1:\(base.port ?? 0)"
            let json = ["Content-Type": "application/json"]
            let setBody = "{\"seed\": \"\(seed)\", \"minutes\": 3}"
            // DNS rebinding: the right address, a foreign name.
            let rebound = try await raw(base, "GET", "/health", headers: ["Host": "attacker.example"])
            #expect(rebound.status == 421 && rebound.body.contains("\"error\""), "\(rebound)")
            #expect(try await raw(base, "GET", "/health", headers: ["Host": "localhost:\(base.port ?? 0)"]).status == 200)
            #expect(try await raw(base, "GET", "/health", headers: ["Host": own]).status == 200)
            // A page on another site: refused whatever the content type.
            let foreign = try await raw(base, "POST", "/sets", headers: json.merging(["Host": own, "Origin": "http://evil.example"]) { $1 }, body: setBody)
            #expect(foreign.status == 403 && foreign.body.contains("another site"), "\(foreign)")
            let crossSite = try await raw(base, "POST", "/sets", headers: json.merging(["Host": own, "Sec-Fetch-Site": "cross-site"]) { $1 }, body: setBody)
            #expect(crossSite.status == 403)
            // The page itself (same origin) plans.
            let same = try await raw(base, "POST", "/sets", headers: json.merging(["Host": own, "Origin": "http://\(own)"]) { $1 }, body: setBody)
            #expect(same.status == 200, "\(same)")
            // A form or text/plain body, as a page can send without a preflight: 415.
            let plain = try await raw(base, "POST", "/scans", headers: ["Host": own, "Content-Type": "text/plain"], body: "{\"folder\":\"/tmp\",\"x\":\"=\"}")
            #expect(plain.status == 415, "\(plain)")
            let form = try await raw(base, "POST", "/tracklists?format=csv", headers: ["Host": own, "Content-Type": "application/x-www-form-urlencoded"],
                               body: "set_id,position,artist,title\nx,1,a,b\n")
            #expect(form.status == 415, "\(form)")
            #expect(try await raw(base, "POST", "/sets", headers: ["Host": own], body: setBody).status == 415)
            // HEAD mirrors GET; OPTIONS says what is allowed; neither approves a cross-origin call.
            let head = try await raw(base, "HEAD", "/health", headers: ["Host": own])
            #expect(head.status == 200 && head.body.isEmpty, "\(head)")
            let options = try await raw(base, "OPTIONS", "/sets", headers: ["Host": own])
            #expect(options.status == 204 && options.headers["allow"]?.contains("POST") == true, "\(options)")
            #expect(options.headers["access-control-allow-origin"] == nil)
        }
    }

    @Test func requestFieldsNeverOpenServerFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same file name in two folders, one existing: the answers may differ only by the path.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("here"), withIntermediateDirectories: true)
        let secret = folder.appendingPathComponent("here/secret.csv").path
        try Data("set_id,position,artist,title\nx,SECRET-TOKEN,a,b\n".utf8).write(to: URL(fileURLWithPath: secret))
        let missing = folder.appendingPathComponent("nowhere/secret.csv").path
        let demo = try Self.demo.get()
        let seed = "\(demo.set.tracks[0].id.rawValue)"
        try await withServer(transport: .inProcess) { base in
            var answers: [String: [String]] = [:]
            for path in [secret, missing] {
                let bodies: [(String, [String: Any])] = [
                    ("sets", ["seed": path, "minutes": 3]),
                    ("sets", ["seed": seed, "minutes": 3, "rules": ["exclude": [path]]]),
                    ("sets", ["seed": seed, "minutes": 3, "pins": ["1": path]]),
                    ("bridges", ["from": seed, "to": path, "minutes": 2]),
                ]
                for (route, body) in bodies {
                    let (status, object) = try await request(base.appendingPathComponent(route), method: "POST",
                                                             body: try JSONSerialization.data(withJSONObject: body))
                    let message = (object["error"] as? String ?? "\(object)").replacingOccurrences(of: path, with: "PATH")
                    #expect(!message.contains("SECRET"), "\(route): \(message)")
                    answers[path, default: []].append("\(status) \(message)")
                }
            }
            #expect(answers[secret] == answers[missing], "an existing file and a missing one answer alike (no existence oracle)")
            #expect(answers[secret]?.allSatisfy { $0.hasPrefix("4") } == true, "\(answers)")
        }
    }

    @Test func everyRequestsWorkIsBounded() async throws {
        let demo = try Self.demo.get()
        let seed = "\(demo.set.tracks[0].id.rawValue)"
        try await withServer(transport: .inProcess) { base in
            let words = Array(repeating: "ab", count: 100).joined(separator: "%20")
            let (status, object) = try await request(URL(string: "\(base)/tracks?query=\(words)")!)
            #expect(status == 400 && (object["error"] as? String)?.contains("at most 32 words") == true, "\(object)")
            #expect(!"\(object)".contains("SELECT"))
            try await expectErrors(base, [
                ("sets", "POST", try JSONSerialization.data(withJSONObject: ["seed": seed, "minutes": 3, "rules": ["exclude": (0...200).map { "x\($0)" }]]), 400),
                ("sets", "POST", try JSONSerialization.data(withJSONObject: ["seed": seed, "minutes": 3,
                                                                             "pins": Dictionary(uniqueKeysWithValues: (1...101).map { ("\($0)", seed) })]), 400),
            ])
            // Field types are named, not reported as broken JSON.
            let stored = try await request(base.appendingPathComponent("sets"), method: "POST",
                                           body: try JSONSerialization.data(withJSONObject: ["seed": seed, "minutes": 3]))
            let id = try #require(stored.1["id"] as? String)
            let (code, answer) = try await request(base.appendingPathComponent("sets/\(id)/replace"), method: "POST", body: Data("{\"position\": 1.5, \"track\": \"1\"}".utf8))
            #expect(code == 400 && (answer["error"] as? String)?.contains("'position'") == true, "\(answer)")
            // A parameter out of range is named in the answer's `field`.
            let (badWidth, widthAnswer) = try await request(base.appendingPathComponent("sets"), method: "POST",
                                                            body: try JSONSerialization.data(withJSONObject: ["seed": seed, "minutes": 3, "beamWidth": 0]))
            #expect(badWidth == 400 && widthAnswer["field"] as? String == "beam width", "\(widthAnswer)")
            // /health answers while two long requests run (they run off the server's threads).
            async let first = request(base.appendingPathComponent("sets"), method: "POST",
                                      body: try JSONSerialization.data(withJSONObject: ["seed": seed, "minutes": 600, "beamWidth": 10000]))
            async let second = request(base.appendingPathComponent("sets"), method: "POST",
                                       body: try JSONSerialization.data(withJSONObject: ["seed": seed, "minutes": 600, "beamWidth": 10000]))
            let started = ContinuousClock.now
            let (health, _) = try await request(base.appendingPathComponent("health"))
            #expect(health == 200 && started.duration(to: .now) < .seconds(2))
            _ = try await (first, second)
        }
    }

    @Test func uploadsAreBoundedAndLeaveNoFiles() async throws {
        let (folder, library, _) = try scratchLibrary("upload-bounds")
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = FileManager.default.temporaryDirectory.path
        func leftovers() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("segue-upload-") }.count
        }
        let before = try leftovers()
        try await withServer(library: library, transport: .inProcess) { base in
            let rows = (1...10_001).map { "big,\($0),Artist \($0),Title \($0)" }.joined(separator: "\n")
            let (status, object) = try await request(URL(string: "\(base)/tracklists?format=csv&name=big")!, method: "POST",
                                                     body: Data(("set_id,position,artist,title\n" + rows + "\n").utf8))
            #expect(status == 400 && (object["error"] as? String)?.contains("10000") == true, "\(object)")
            let (ok, report) = try await request(URL(string: "\(base)/tracklists?format=csv&name=small")!, method: "POST",
                                                 body: Data("set_id,position,artist,title\nsmall,1,Nobody,Nothing\n".utf8))
            #expect(ok == 200, "\(report)")
            let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE playlist [<!ENTITY big \"\(String(repeating: "x", count: 100_000))\">]>\n<playlist>\(String(repeating: "&big;", count: 100_000))</playlist>"
            let started = ContinuousClock.now
            let entity = try await request(URL(string: "\(base)/tracklists?format=xspf&name=evil")!, method: "POST", body: Data(xml.utf8))
            #expect(entity.0 == 400 && started.duration(to: .now) < .seconds(2))
            let message = entity.1["error"] as? String ?? ""
            #expect(message.hasPrefix("evil.xspf:") && !message.contains("segue-upload"), "the upload is named as sent, not by a server path: \(message)")
        }
        #expect(try leftovers() == before, "uploads are deleted once imported or rejected")
    }

    @Test func aStalledScanReleasesItsFolder() async throws {
        let (folder, library, music) = try scratchLibrary("scan-stall", copyingTracks: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try ServerConfiguration(host: "127.0.0.1", port: 0, logLevel: .warning, scanStallSeconds: 1)
        try await withServer(library: library, configuration: configuration) { base in
            let lock = try LibraryWriteLock(library: library)
            let body = try JSONSerialization.data(withJSONObject: ["folder": music.path])
            let (first, job) = try await request(base.appendingPathComponent("scans"), method: "POST", body: body)
            #expect(first == 202)
            try await Task.sleep(for: .seconds(3))
            let (second, secondJob) = try await request(base.appendingPathComponent("scans"), method: "POST", body: body)
            #expect(second == 202, "a scan stuck for longer than the stall limit no longer holds the folder")
            let (_, status) = try await request(base.appendingPathComponent("scans/\(job["id"] as? String ?? "")"))
            #expect(status["state"] as? String == "failed" && (status["error"] as? String)?.contains("stalled") == true, "\(status)")
            #expect(status["stopped"] as? Bool == false, "the stalled scan is still on its file")
            // Let both scans stop before the library is removed (removing a library under a
            // running scan is not something this test is about).
            lock.release()
            for id in [job["id"], secondJob["id"]].compactMap({ $0 as? String }) {
                try await waitUntilStopped(base, scan: id)
            }
        }
    }

    @Test func aScanBPMRangeMustHoldAnOctaveAndReanalysesWhatItFinds() async throws {
        let (folder, library, music) = try scratchLibrary("scan-bpm-range", copyingTracks: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withServer(library: library, transport: .inProcess) { base in
            for range in [[100.0, 150.0], [120.0], [175.0, 88.0]] {
                let body = try JSONSerialization.data(withJSONObject: ["folder": music.path, "bpmRange": range] as [String: Any])
                let (status, answer) = try await request(base.appendingPathComponent("scans"), method: "POST", body: body)
                #expect(status == 400 && (answer["error"] as? String)?.contains("bpmRange") == true, "\(range): \(status) \(answer)")
            }
            // A plain scan analyses the new file; a second one finds it unchanged; a scan with a
            // range analyses it again.
            for (fields, analysed) in [(["folder": music.path] as [String: Any], 1), (["folder": music.path], 0),
                                       (["folder": music.path, "bpmRange": [88, 175]], 1)] {
                let (status, job) = try await request(base.appendingPathComponent("scans"), method: "POST",
                                                      body: try JSONSerialization.data(withJSONObject: fields))
                #expect(status == 202)
                let id = try #require(job["id"] as? String)
                try await waitUntilStopped(base, scan: id)
                let (_, done) = try await request(base.appendingPathComponent("scans/\(id)"))
                #expect(done["state"] as? String == "finished" && done["analysed"] as? Int == analysed, "\(fields): \(done)")
            }
        }
    }

    /// Waits (at most 60 s) until the scan job's thread has returned.
    func waitUntilStopped(_ base: URL, scan id: String) async throws {
        for _ in 0..<600 {
            if try await request(base.appendingPathComponent("scans/\(id)")).1["stopped"] as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("scan \(id) did not stop within 60 s")
    }

    @Test func halfSentRequestsAreClosed() async throws {
        let configuration = try ServerConfiguration(host: "127.0.0.1", port: 0, logLevel: .warning, idleTimeoutSeconds: 2)
        try await withServer(configuration: configuration) { base in
            let script = """
                import socket, sys, time
                connection = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
                connection.sendall(b"GET /health HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nX-Slow: ")
                started = time.time()
                try:
                    data = connection.recv(100)
                except socket.timeout:
                    sys.exit(2)
                sys.exit(0 if time.time() - started < 10 else 1)
                """
            let status = await Self.runOffPool(["python3", "-c", script, "\(base.port ?? 0)"])
            #expect(status == 0, "the half-sent request was held open")
        }
    }
}

extension ServerTests {
    @Test func requestsThatAreNotHTTPGetJSONErrors() async throws {
        try await withServer { base in
            let script = """
                import socket, sys
                port = int(sys.argv[1])
                requests = [b"FOO /health HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n",
                            b"GET /" + b"a" * 100000 + b" HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n",
                            b"GET /health HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n" + b"".join(b"X-H%d: v\\r\\n" % i for i in range(2000)) + b"\\r\\n"]
                for request in requests:
                    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
                    try:
                        connection.sendall(request)
                    except OSError:
                        pass  # the server may answer and close before reading all of an oversized request
                    answer = b""
                    try:
                        while True:
                            chunk = connection.recv(4096)
                            if not chunk: break
                            answer += chunk
                    except OSError:
                        pass
                    head, _, body = answer.partition(b"\\r\\n\\r\\n")
                    if not head.startswith(b"HTTP/1.1 400") or not body.startswith(b'{"error":'):
                        print(request[:20], answer[:200]); sys.exit(1)
                """
            #expect(await Self.runOffPool(["python3", "-c", script, "\(base.port ?? 0)"]) == 0, "a malformed request got a 400 without a JSON body")
            let (health, _) = try await request(base.appendingPathComponent("health"))
            #expect(health == 200)
        }
    }
}
