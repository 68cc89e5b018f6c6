import Foundation
import PlaylistFormats
import Testing

@Suite struct TracklistCSVTests {
    @Test func readsSetsInPositionOrder() throws {
        let text = "set_id,position,artist,title\nb,2,Juno,Drift\na,0,Nova,\"Harbour, Part 2\"\nb,1,Nova,Pulse\n"
        let lists = try TracklistCSV.read(text, source: "t.csv")
        #expect(lists.map(\.setId) == ["b", "a"])
        #expect(lists[0].entries.map(\.title) == ["Pulse", "Drift"])
        #expect(lists[1].entries[0].title == "Harbour, Part 2")
    }

    @Test func readsTheFixture() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/tracklists/two-sets.csv")
        let lists = try TracklistCSV.read(try String(contentsOf: url, encoding: .utf8), source: url.path)
        #expect(lists.count == 2)
        #expect(lists.allSatisfy { $0.entries.count >= 3 })
    }

    @Test(arguments: [
        ("set,pos,artist,title\n", 1, "header"),
        ("set_id,position,artist,title\na,1,X,Y\na,x,X,Z\n", 3, "position"),
        ("set_id,position,artist,title\na,1,X,Y\na,1,X,Z\n", 3, "twice"),
        ("set_id,position,artist,title\na,1,X\n", 2, "4 fields"),
        ("set_id,position,artist,title\na,1,\"X,Y\n", 2, "unterminated"),
    ])
    func badRowsNameFileAndLine(text: String, line: Int, fragment: String) {
        do {
            _ = try TracklistCSV.read(text, source: "bad.csv")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("bad.csv:\(line):"), "\(error.description)")
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }
}
