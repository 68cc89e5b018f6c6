import Foundation
import SegueCore
import Testing

extension ServerTests {
    /// The page's workbench routes: a number as a track id, edits stored under new ids (undo is
    /// going back to the previous id), named sets listed, renamed and deleted.
    @Test func setsAreEditedNamedListedAndDeleted() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            // The id exactly as `GET /tracks` answers it: a JSON number.
            let body = try JSONSerialization.data(withJSONObject: ["seed": demo.set.tracks[0].id.rawValue, "minutes": 4, "energy": "rise"])
            let (status, set) = try await request(base.appendingPathComponent("sets"), method: "POST", body: body)
            #expect(status == 200, "\(set)")
            let id = try #require(set["id"] as? String)
            let ids = (set["tracks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            try #require(ids.count >= 3)

            let operations: [[String: Any]] = [["op": "move", "from": 0, "to": 1], ["op": "pin", "position": 0], ["op": "delete", "position": 2]]
            let edit = try JSONSerialization.data(withJSONObject: ["operations": operations])
            let (editStatus, edited) = try await request(base.appendingPathComponent("sets/\(id)/edit"), method: "POST", body: edit)
            #expect(editStatus == 200, "\(edited)")
            let editedTracks = edited["tracks"] as? [[String: Any]] ?? []
            var expected = ids
            expected.swapAt(0, 1)
            expected.remove(at: 2)
            #expect(editedTracks.compactMap { $0["id"] as? Int } == expected)
            #expect(editedTracks.first?["pinned"] as? Bool == true && editedTracks.dropFirst().allSatisfy { $0["pinned"] == nil })
            #expect((edited["transitions"] as? [Any])?.count == expected.count - 1)
            let editedId = try #require(edited["id"] as? String)
            #expect(editedId != id)
            let (_, original) = try await request(base.appendingPathComponent("sets/\(id)"))
            #expect((original["tracks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } == ids, "the version before stays for undo")

            // Name it, list it, rename it, duplicate it, delete both.
            let name = "Workbench \(UUID().uuidString.prefix(6))"
            let (patchStatus, patched) = try await request(base.appendingPathComponent("sets/\(editedId)"), method: "PATCH",
                                                           body: try JSONSerialization.data(withJSONObject: ["name": name]))
            #expect(patchStatus == 200 && patched["name"] as? String == name, "\(patched)")
            let (_, reopened) = try await request(base.appendingPathComponent("sets/\(editedId)"))
            #expect(reopened["name"] as? String == name)
            let (listStatus, list) = try await request(base.appendingPathComponent("sets"))
            #expect(listStatus == 200)
            let listed = try #require((list["sets"] as? [[String: Any]])?.first { $0["id"] as? String == editedId })
            #expect(listed["name"] as? String == name && listed["tracks"] as? Int == expected.count && listed["savedAt"] is String)
            let copy = try JSONSerialization.data(withJSONObject: ["operations": [] as [Any], "name": name + " (copy)"])
            let (copyStatus, copied) = try await request(base.appendingPathComponent("sets/\(editedId)/edit"), method: "POST", body: copy)
            #expect(copyStatus == 200 && copied["name"] as? String == name + " (copy)", "\(copied)")
            let copyId = try #require(copied["id"] as? String)
            // A name another set holds: 409 naming the field, unless the request says to replace it.
            let clash = try await request(base.appendingPathComponent("sets/\(copyId)"), method: "PATCH",
                                          body: try JSONSerialization.data(withJSONObject: ["name": name]))
            #expect(clash.0 == 409 && clash.1["field"] as? String == "name", "\(clash)")
            let (_, stillNamed) = try await request(base.appendingPathComponent("sets/\(editedId)"))
            #expect(stillNamed["name"] as? String == name, "a refused name moves nothing")
            let taken = try await request(base.appendingPathComponent("sets/\(copyId)"), method: "PATCH",
                                          body: try JSONSerialization.data(withJSONObject: ["name": name, "replace": true]))
            #expect(taken.0 == 200 && taken.1["name"] as? String == name, "\(taken)")
            for doomed in [editedId, copyId] {
                let deleted = try await fetch(base.appendingPathComponent("sets/\(doomed)"), method: "DELETE").status
                #expect(deleted == 204)
            }
            let (_, after) = try await request(base.appendingPathComponent("sets"))
            #expect((after["sets"] as? [[String: Any]] ?? []).allSatisfy { ![editedId, copyId].contains($0["id"] as? String ?? "") })

            try await expectErrors(base, [
                ("sets/\(id)/edit", "POST", Data("{\"operations\": [{\"op\": \"shuffle\"}]}".utf8), 400),
                ("sets/\(id)/edit", "POST", Data("{\"operations\": [{\"op\": \"move\", \"from\": 0, \"to\": 99}]}".utf8), 400),
                ("sets/\(id)/edit", "POST", Data("{\"operations\": [{\"op\": \"insert\", \"position\": 0, \"track\": \(ids[1])}]}".utf8), 400),
                ("sets/\(id)/edit", "POST", Data("{\"operations\": {}}".utf8), 400),
                ("sets/ffff/edit", "POST", Data("{\"operations\": []}".utf8), 404),
                ("sets/\(id)", "PATCH", Data("{\"name\": \"\"}".utf8), 400),
                ("sets/\(id)", "PATCH", Data("{\"title\": \"x\"}".utf8), 400),
                ("sets/ffff", "PATCH", Data("{\"name\": \"x\"}".utf8), 404),
                ("sets/\(editedId)", "DELETE", nil, 404),
                ("sets/../etc", "DELETE", nil, 404),
            ])
        }
    }

    /// `GET /tracks/{id}/audio`: the library's file by id, whole or by byte range, with its
    /// media type; ranges past the end get 416; a preview start and the overview come with the
    /// track's detail.
    @Test func trackAudioIsStreamedByRange() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            let track = demo.set.tracks[0]
            let file = try Data(contentsOf: URL(fileURLWithPath: track.path))
            let whole = try await fetch(base.appendingPathComponent("tracks/\(track.id)/audio"))
            #expect(whole.status == 200 && whole.data == file && whole.headers["accept-ranges"] == "bytes")
            #expect(whole.headers["content-type"] == TrackAudioFile.contentType(ofExtension: (track.path as NSString).pathExtension))
            #expect(whole.headers["content-type"]?.hasPrefix("audio/") == true)
            let middle = try await fetch(base.appendingPathComponent("tracks/\(track.id)/audio"), headers: ["Range": "bytes=100-1099"])
            #expect(middle.status == 206 && middle.data == file[100..<1100], "\(middle.status)")
            #expect(middle.headers["content-range"] == "bytes 100-1099/\(file.count)" && middle.headers["content-length"] == "1000")
            let tail = try await fetch(base.appendingPathComponent("tracks/\(track.id)/audio"), headers: ["Range": "bytes=-500"])
            #expect(tail.status == 206 && tail.data == file.suffix(500))
            let open = try await fetch(base.appendingPathComponent("tracks/\(track.id)/audio"), headers: ["Range": "bytes=\(file.count - 10)-"])
            #expect(open.status == 206 && open.data == file.suffix(10))
            let past = try await fetch(base.appendingPathComponent("tracks/\(track.id)/audio"), headers: ["Range": "bytes=\(file.count)-"])
            #expect(past.status == 416 && past.headers["content-range"] == "bytes */\(file.count)")
            let several = try await fetch(base.appendingPathComponent("tracks/\(track.id)/audio"), headers: ["Range": "bytes=0-1,5-9"])
            #expect(several.status == 200 && several.data == file, "several ranges: the whole file")

            let foreign = try await fetch(base.appendingPathComponent("tracks/\(track.id)/audio"), headers: ["Sec-Fetch-Site": "cross-site"])
            #expect(foreign.status == 403 && foreign.data.count < 500, "another site's page plays nothing")
            let own = try await fetch(base.appendingPathComponent("tracks/\(track.id)/audio"), headers: ["Sec-Fetch-Site": "same-origin", "Range": "bytes=0-9"])
            #expect(own.status == 206 && own.data == file.prefix(10))

            let (_, detail) = try await request(base.appendingPathComponent("tracks/\(track.id)"))
            let previewStart = try #require(detail["previewStart"] as? Double)
            #expect(previewStart > 0 && previewStart < track.duration - 19)
            let overview = (detail["structure"] as? [String: Any])?["overview"] as? [Int] ?? []
            #expect(overview.count == 120 && overview.max() == 100 && overview.allSatisfy { (0...100).contains($0) })

            try await expectErrors(base, [
                ("tracks/abc/audio", "GET", nil, 400), ("tracks/999999/audio", "GET", nil, 404),
                ("tracks/1/audio/../../etc/passwd", "GET", nil, 404),
            ])
        }
    }

    /// The search box's words: "7A" finds the tracks in 7A, "128 bpm" the tracks at 128.
    @Test func searchReadsKeysAndTemposFromTheWords() async throws {
        let demo = try Self.demo.get()
        try await withServer(transport: .inProcess) { base in
            let track = demo.set.tracks[0]
            let camelot = track.camelot
            let (status, page) = try await request(URL(string: "\(base)/tracks?query=\(camelot)&limit=100")!)
            #expect(status == 200)
            let found = page["tracks"] as? [[String: Any]] ?? []
            #expect(!found.isEmpty && found.allSatisfy { $0["camelot"] as? String == camelot }, "\(found.map { $0["camelot"] ?? "" })")
            #expect(found.contains { $0["id"] as? Int == Int(track.id.rawValue) })
            let bpm = Int(track.bpm.rounded())
            let (_, tempo) = try await request(URL(string: "\(base)/tracks?query=\(bpm)%20bpm&limit=100")!)
            let atTempo = tempo["tracks"] as? [[String: Any]] ?? []
            #expect(atTempo.contains { $0["id"] as? Int == Int(track.id.rawValue) })
            #expect(atTempo.allSatisfy { abs(($0["bpm"] as? Double ?? 0) - Double(bpm)) <= 0.5 })
        }
    }
}
