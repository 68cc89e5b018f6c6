import Foundation
import SegueCore
import Testing

extension ServerTests {
    @Test func transitionsPreviewAndSetsRenderAsJobs() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            let body = try JSONSerialization.data(withJSONObject: ["seed": "\(demo.set.tracks[0].id)", "minutes": 3, "energy": "flat"])
            let (status, set) = try await request(base.appendingPathComponent("sets"), method: "POST", body: body)
            #expect(status == 200, "\(set)")
            let id = try #require(set["id"] as? String)
            try #require((set["transitions"] as? [Any])?.isEmpty == false)

            // A transition's preview: MP3, rendered once and then served from the cache.
            let first = try await fetch(base.appendingPathComponent("sets/\(id)/transitions/1/preview"))
            #expect(first.0 == 200 && first.1["content-type"] == "audio/mpeg", "\(String(decoding: first.2.prefix(200), as: UTF8.self))")
            #expect(first.2.count > 20_000, "about 40 seconds of MP3")
            let isMP3 = first.2.starts(with: Array("ID3".utf8)) || (first.2.count > 1 && first.2[0] == 0xFF && first.2[1] & 0xE0 == 0xE0)
            #expect(isMP3)
            let again = try await fetch(base.appendingPathComponent("sets/\(id)/transitions/1/preview"))
            #expect(again.2 == first.2)

            // The whole set as a job: 202, progress events ending in `finished`, then the audio.
            let (started, job) = try await request(base.appendingPathComponent("sets/\(id)/render"), method: "POST", body: Data("{}".utf8))
            #expect(started == 202, "\(job)")
            let jobId = try #require(job["id"] as? String)
            let (_, headers, stream) = try await fetch(base.appendingPathComponent("renders/\(jobId)/events"))
            #expect(headers["content-type"] == "text/event-stream")
            let text = String(decoding: stream, as: UTF8.self)
            #expect(text.contains("event: step") && text.contains("event: finished"), "\(text.suffix(400))")
            let (_, status2) = try await request(base.appendingPathComponent("renders/\(jobId)"))
            #expect(status2["state"] as? String == "finished")
            #expect((status2["duration"] as? Double ?? 0) > 60)
            let audio = try await fetch(base.appendingPathComponent("renders/\(jobId)/audio"))
            #expect(audio.0 == 200 && audio.1["content-type"] == "audio/mpeg" && audio.2.count > first.2.count)

            try await expectErrors(base, [
                ("sets/\(id)/transitions/0/preview", "GET", nil, 400), ("sets/\(id)/transitions/99/preview", "GET", nil, 400),
                ("sets/\(id)/transitions/x/preview", "GET", nil, 400), ("sets/0123abcd/transitions/1/preview", "GET", nil, 404),
                ("sets/0123abcd/render", "POST", Data("{}".utf8), 404), ("renders/abc", "GET", nil, 404),
                ("renders/abc/audio", "GET", nil, 404), ("renders/abc/events", "GET", nil, 404),
            ])
        }
    }
}
