import Foundation
import SegueCore
import Testing

extension ServerTests {
    /// `POST /scans` tells a caller nothing about which paths exist: a missing path and one that
    /// is not a folder get the same answer.
    @Test func aScanAnswersMissingAndNonFolderPathsAlike() async throws {
        try await withServer(transport: .inProcess) { base in
            var messages: [String] = []
            for folder in ["/nonexistent-segue-\(UUID().uuidString)", "/etc/hostname"] {
                let body = try JSONSerialization.data(withJSONObject: ["folder": folder])
                let (status, object) = try await request(base.appendingPathComponent("scans"), method: "POST", body: body)
                #expect(status == 400 && object["field"] as? String == "folder", "\(object)")
                messages.append((object["error"] as? String ?? "").replacingOccurrences(of: folder, with: "PATH"))
            }
            #expect(messages[0] == messages[1] && messages[0].contains("not a folder this server can read"), "\(messages)")
        }
    }

    /// Library audio: a malformed range is ignored (the whole file), another site's page gets
    /// nothing, and previews and mixes are refused to it too.
    @Test func libraryAudioRangesAndCrossSiteMedia() async throws {
        let demo = try Self.demo.get()
        let id = demo.set.tracks[0].id.rawValue
        try await withServer(transport: .inProcess) { base in
            let whole = try await fetch(base.appendingPathComponent("tracks/\(id)/audio"), headers: ["Range": "bytes=--5"])
            #expect(whole.status == 200 && whole.data.count > 1000, "\(whole.status)")
            for path in ["tracks/\(id)/audio", "sets/abc/transitions/1/preview", "renders/abc/audio"] {
                let foreign = try await fetch(base.appendingPathComponent(path), headers: ["Sec-Fetch-Site": "cross-site"])
                #expect(foreign.status == 403, "\(path): \(foreign.status)")
            }
        }
    }

    /// An upload holding one 15 MB field is refused at once, and nothing of it is stored.
    @Test func anUploadWithAHugeFieldIsRefusedQuickly() async throws {
        let (folder, library, _) = try scratchLibrary("upload-field")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withServer(library: library, transport: .inProcess) { base in
            let csv = "set_id,position,artist,title\nhuge,1,Nobody,\(String(repeating: "x", count: 15_000_000))\n"
            let started = ContinuousClock.now
            let (status, object) = try await request(URL(string: "\(base)/tracklists?format=csv&name=huge")!, method: "POST", body: Data(csv.utf8))
            #expect(status == 400 && (object["error"] as? String)?.contains("longer than 4096 bytes") == true, "\(object)")
            #expect(started.duration(to: .now) < .seconds(10), "refused without matching the field")
        }
        #expect(try Segue(libraryPath: library).library.tracklists().allSatisfy { !$0.source.contains("huge") })
    }
}
