import Foundation
import Testing

/// The second round of attacks on the command line and on `segue serve` run as a user runs it:
/// escape sequences in tags never reach the terminal, and clients that stop reading never keep
/// `/health` from answering, even with few file descriptors.
@Suite("Hardening, command line", .serialized)
struct HardeningCommandTests {
    /// A library holding one track whose title carries a terminal escape (it would retitle the
    /// window and ring the bell if printed raw).
    static let evilLibrary: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-cli-evil-\(getuid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try CommandLineTests.run(["synth", "--seconds", "20", "--artist", "Mallory", "--title", "Evil\u{1B}]0;PWN\u{07}Title\u{202E}",
                                            "--out", folder.appendingPathComponent("evil.flac").path])
        guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: made.errors]) }
        let library = folder.appendingPathComponent("library.sqlite").path
        let scan = try CommandLineTests.run(["scan", folder.path, "--library", library, "--jobs", "1"])
        guard scan.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: scan.errors]) }
        return library
    }

    @Test func escapeSequencesInTagsAreShownNotObeyed() throws {
        let library = try Self.evilLibrary.get()
        let search = try CommandLineTests.run(["search", "Mallory", "--library", library])
        #expect(search.status == 0, "\(search.errors)")
        #expect(!search.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(search.output)")
        #expect(search.output.contains("Evil\\x1B]0;PWN\\x07Title\\u{202E}"), "\(search.output)")
        // A set name with an escape is refused outright.
        let named = try CommandLineTests.run(["sets", "rename", "ffff", "x\u{1B}]0;PWN\u{07}", "--library", library])
        #expect(named.status != 0 && !named.errors.unicodeScalars.contains { $0.value == 0x1B }, "\(named.errors)")
    }

    /// 300 clients that request a track's audio and never read, against a server allowed 256 file
    /// descriptors: `/health` keeps answering.
    @Test(.timeLimit(.minutes(3))) func clientsThatStopReadingDoNotStopHealth() throws {
        let library = try CommandLineTests.library.get().library
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/bin/bash")
        server.arguments = ["-c", "ulimit -n 256 && exec \"$0\" serve --library \"$1\" --port 0 --log-level error", CommandLineTests.binary, library]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let line = String(decoding: output.fileHandleForReading.availableDataUntilNewline(), as: UTF8.self)
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }, "\(line)")
        let script = """
            import socket, sys, time, http.client
            port = int(sys.argv[1])
            stuck = []
            for i in range(300):
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                s.sendall(b"GET /tracks/1/audio HTTP/1.1\\r\\nHost: 127.0.0.1:%d\\r\\n\\r\\n" % port)
                stuck.append(s)
            answered, slowest = 0, 0.0
            for i in range(20):
                started = time.time()
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    c.request("GET", "/health")
                    if c.getresponse().status == 200: answered += 1
                    c.close()
                except Exception as error:
                    print("health failed:", error, file=sys.stderr)
                slowest = max(slowest, time.time() - started)
                time.sleep(0.1)
            print(answered, round(slowest, 3))
            """
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        client.arguments = ["python3", "-c", script, String(port)]
        let answers = Pipe(), problems = Pipe()
        client.standardOutput = answers
        client.standardError = problems
        try client.run()
        let printed = String(decoding: answers.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: problems.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        client.waitUntilExit()
        let fields = printed.split(separator: " ")
        #expect(fields.first.flatMap { Int($0) } == 20, "health answered \(printed) of 20; \(errors)")
        #expect(server.isRunning, "the server is still up")
    }
}

extension FileHandle {
    /// Bytes up to and including the first newline (or to the end), read one at a time so nothing
    /// after it is consumed.
    func availableDataUntilNewline() -> Data {
        var line = Data()
        while let byte = try? read(upToCount: 1), let first = byte.first {
            line.append(first)
            if first == 0x0A { break }
        }
        return line
    }
}
