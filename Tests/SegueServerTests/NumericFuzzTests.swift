import Foundation
import SegueCore
import Testing

/// Numbers that trap a careless conversion to an integer (`Int(1e300)`, `Int(Double.nan)`),
/// written as they would arrive in JSON, a query string or a CSV cell.
enum HostileNumbers {
    /// JSON number tokens and the two non-JSON spellings a careless client might send.
    static let json = ["1e300", "-1e300", "NaN", "Infinity", "-0", "9223372036854775808", "-9223372036854775809", "1.5"]
    /// The same in a query string or a text file.
    static let text = ["1e300", "-1e300", "NaN", "Infinity", "-Infinity", "-0", "9223372036854775808", "inf", "nan"]
}

extension ServerTests {
    /// Every numeric field of every route's body and query, sent each hostile number: the answer is
    /// a JSON error or a normal answer, never a crash (in process, a trap would end the test run),
    /// and `/health` answers after each route.
    @Test func numbersNeverTrapAnyRoute() async throws {
        let demo = try Self.demo.get()
        let seed = demo.set.tracks[0].id.rawValue, end = demo.set.tracks.last!.id.rawValue
        try await withServer(transport: .inProcess) { base in
            let (planned, set) = try await request(base.appendingPathComponent("sets"), method: "POST",
                                                   body: Data("{\"seed\":\(seed),\"minutes\":3}".utf8))
            #expect(planned == 200)
            let id = try #require(set["id"] as? String)
            // (method, path with NUMBER where the number goes, body template with NUMBER or nil)
            let bodies: [(String, String, String?)] = [
                ("POST", "sets", "{\"seed\":\(seed),\"minutes\":NUMBER}"),
                ("POST", "sets", "{\"seed\":\(seed),\"minutes\":3,\"beamWidth\":NUMBER}"),
                ("POST", "sets", "{\"seed\":\(seed),\"minutes\":3,\"alternatives\":NUMBER}"),
                ("POST", "sets", "{\"seed\":NUMBER,\"minutes\":3}"),
                ("POST", "sets", "{\"seed\":\(seed),\"minutes\":3,\"rules\":{\"maxStepPercent\":NUMBER}}"),
                ("POST", "sets", "{\"seed\":\(seed),\"minutes\":3,\"rules\":{\"maxDriftPercent\":NUMBER}}"),
                ("POST", "sets", "{\"seed\":\(seed),\"minutes\":3,\"rules\":{\"artistSpacing\":NUMBER,\"albumSpacing\":NUMBER}}"),
                ("POST", "sets", "{\"seed\":\(seed),\"minutes\":3,\"pins\":[{\"position\":NUMBER,\"track\":\(seed)}]}"),
                ("POST", "bridges", "{\"from\":\(seed),\"to\":\(end),\"minutes\":NUMBER}"),
                ("POST", "bridges", "{\"from\":\(seed),\"to\":\(end),\"minutes\":2,\"toleranceMinutes\":NUMBER}"),
                ("POST", "bridges", "{\"from\":NUMBER,\"to\":\(end),\"minutes\":2}"),
                ("POST", "scans", "{\"folder\":\"/nonexistent-segue-folder\",\"bpmRange\":[60,NUMBER]}"),
                ("POST", "scans", "{\"folder\":\"/nonexistent-segue-folder\",\"bpmRange\":[NUMBER,180]}"),
                ("POST", "sets/\(id)/replace", "{\"position\":NUMBER,\"track\":\(seed)}"),
                ("POST", "sets/\(id)/replace", "{\"position\":1,\"track\":NUMBER}"),
                ("POST", "sets/\(id)/edit", "{\"operations\":[{\"op\":\"move\",\"from\":NUMBER,\"to\":0}]}"),
                ("POST", "sets/\(id)/edit", "{\"operations\":[{\"op\":\"delete\",\"position\":NUMBER}]}"),
                ("POST", "sets/\(id)/edit", "{\"operations\":[{\"op\":\"insert\",\"position\":NUMBER,\"track\":\(seed)}]}"),
                ("POST", "sets/\(id)/edit", "{\"operations\":[{\"op\":\"pin\",\"position\":NUMBER}]}"),
                ("PATCH", "sets/\(id)", "{\"name\":NUMBER}"),
                ("GET", "tracks?limit=NUMBER", nil), ("GET", "tracks?offset=NUMBER", nil),
                ("GET", "tracks?bpmMin=NUMBER", nil), ("GET", "tracks?bpmMax=NUMBER", nil),
                ("GET", "tracks?energyMin=NUMBER", nil), ("GET", "tracks?energyMax=NUMBER", nil),
                ("GET", "tracks?query=NUMBER%20bpm", nil), ("GET", "tracks?query=energy%20NUMBER-8", nil),
                ("GET", "tracks/NUMBER", nil), ("GET", "tracks/NUMBER/audio", nil),
                ("GET", "tracks/\(seed)/similar?limit=NUMBER", nil), ("GET", "tracks/\(seed)/similar?bpmTolerance=NUMBER", nil),
                ("GET", "tracks/\(seed)/similar?energy=NUMBER-9", nil), ("GET", "tracks/NUMBER/similar", nil),
                ("GET", "sets/\(id)/positions/NUMBER/alternatives", nil), ("GET", "sets/\(id)/positions/1/alternatives?limit=NUMBER", nil),
                ("GET", "sets/\(id)/transitions/NUMBER/preview", nil),
            ]
            for (method, path, body) in bodies {
                for number in body == nil ? HostileNumbers.text : HostileNumbers.json {
                    let url = try #require(URL(string: "\(base)/\(path.replacingOccurrences(of: "NUMBER", with: number))"))
                    let answer = try await fetch(url, method: method, body: body.map { Data($0.replacingOccurrences(of: "NUMBER", with: number).utf8) })
                    #expect(answer.status < 500, "\(method) /\(path) with \(number): \(answer.status) \(String(decoding: answer.data, as: UTF8.self))")
                    if answer.status >= 400 {
                        let object = (try? JSONSerialization.jsonObject(with: answer.data)) as? [String: Any]
                        #expect(object?["error"] is String, "\(method) /\(path) with \(number)")
                    }
                }
                #expect(try await request(base.appendingPathComponent("health")).0 == 200)
            }
            // The numbers of the uploaded files: an Exportify CSV, an M3U8, an XSPF, a rekordbox XML.
            let uploads: [(String, String)] = [
                ("csv", "Track URI,Track Name,Artist Name(s),Key,Mode,Tempo,Energy,Loudness,Duration (ms)\nspotify:track:x,T,A,NUMBER,1,NUMBER,NUMBER,NUMBER,NUMBER\n"),
                ("m3u8", "#EXTM3U\n#EXTINF:NUMBER,Artist - Title\n/music/x.flac\n"),
                ("xspf", "<?xml version=\"1.0\"?><playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\"><trackList><track><creator>A</creator><title>T</title><duration>NUMBER</duration></track></trackList></playlist>"),
                ("rekordbox", "<?xml version=\"1.0\"?><DJ_PLAYLISTS Version=\"1.0.0\"><COLLECTION Entries=\"1\"><TRACK TrackID=\"1\" Name=\"T\" Artist=\"A\" TotalTime=\"NUMBER\" AverageBpm=\"NUMBER\" Location=\"file://localhost/x.flac\"/></COLLECTION><PLAYLISTS><NODE Type=\"0\" Name=\"ROOT\" Count=\"1\"><NODE Name=\"p\" Type=\"1\" KeyType=\"0\" Entries=\"1\"><TRACK Key=\"1\"/></NODE></NODE></PLAYLISTS></DJ_PLAYLISTS>"),
            ]
            for (format, template) in uploads {
                for number in HostileNumbers.text {
                    let url = try #require(URL(string: "\(base)/tracklists?format=\(format)&name=fuzz"))
                    let answer = try await fetch(url, method: "POST", headers: ["Content-Type": "application/octet-stream"],
                                                 body: Data(template.replacingOccurrences(of: "NUMBER", with: number).utf8))
                    #expect(answer.status < 500, "\(format) with \(number): \(answer.status) \(String(decoding: answer.data, as: UTF8.self))")
                }
                #expect(try await request(base.appendingPathComponent("health")).0 == 200)
            }
        }
    }
}
