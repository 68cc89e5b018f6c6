import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Every other subcommand of `segue` end to end on the small library of ``CommandLineTests``:
/// parsing, what is printed, the files written and the exit code, for a good run and a bad one.
/// Commands that change a library run on a copy of it.
@Suite("Subcommands")
struct SubcommandTests {
    typealias CLI = CommandLineTests

    /// A scratch folder for one test, removed by the caller.
    static func scratch(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-cli-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A copy of the suite's library in `folder` (so that training or importing leaves the shared one alone).
    static func copyOfLibrary(in folder: URL) throws -> String {
        let (_, library) = try CLI.library.get()
        let copy = folder.appendingPathComponent("library.sqlite").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: library + suffix) {
            try FileManager.default.copyItem(atPath: library + suffix, toPath: copy + suffix)
        }
        return copy
    }

    @Test func analyzePrintsOneJSONLinePerFileAndNamesABrokenOne() throws {
        let (folder, _) = try CLI.library.get()
        let good = try CLI.run(["analyze", folder.appendingPathComponent("t1.flac").path, "--format", "jsonl"])
        #expect(good.status == 0, "\(good.errors)")
        let line = try #require(good.output.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let bpm = try #require(object["bpm"] as? Double)
        #expect(abs(bpm - 122) < 2, "\(line)")
        let broken = try CLI.run(["analyze", folder.appendingPathComponent("broken.flac").path])
        #expect(broken.status != 0 && broken.errors.contains("broken.flac"), "\(broken.errors)")
    }

    @Test func searchListsTheMatchingTracks() throws {
        let (_, library) = try CLI.library.get()
        let found = try CLI.run(["search", "Artist", "3", "--library", library])
        #expect(found.status == 0 && found.output.contains("Artist 3 - Track 3") && found.output.contains("1 tracks match"), "\(found.output)")
        let limit = try CLI.run(["search", "--limit", "0", "--library", library])
        #expect(limit.status != 0)
    }

    @Test func aBridgeJoinsTheTwoTracksAndAMissingEndIsNamed() throws {
        let (_, library) = try CLI.library.get()
        let bridge = try CLI.run(["bridge", "--from", "Artist 1 - Track 1", "--to", "Artist 3 - Track 3", "--minutes", "2", "--library", library])
        #expect(bridge.status == 0, "\(bridge.errors)")
        let rows = bridge.output.split(separator: "\n").filter { $0.contains("Artist ") && $0.contains(":") && !$0.contains("→") }
        #expect(rows.first?.contains("Artist 1 – Track 1") == true && rows.last?.contains("Artist 3 – Track 3") == true, "\(bridge.output)")
        let missing = try CLI.run(["bridge", "--from", "Artist 1 - Track 1", "--to", "Nobody - Nothing", "--library", library])
        #expect(missing.status != 0 && missing.errors.contains("Nobody - Nothing"), "\(missing.errors)")
    }

    @Test func namedSetsAreSavedListedShownRenamedAndDeleted() throws {
        let folder = try Self.scratch("sets")
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = try Self.copyOfLibrary(in: folder)
        let json = folder.appendingPathComponent("set.json").path
        let planned = try CLI.run(["set", "--seed", "Artist 1 - Track 1", "--minutes", "3", "--library", library, "--out", json])
        #expect(planned.status == 0, "\(planned.errors)")
        let empty = try CLI.run(["sets", "--library", library])
        #expect(empty.status == 0 && empty.output.contains("No named sets yet"), "\(empty.output)")
        let saved = try CLI.run(["sets", "save", json, "--name", "Friday warm-up", "--library", library])
        #expect(saved.status == 0 && saved.output.contains("Saved “Friday warm-up”"), "\(saved.errors)")
        let id = try #require(saved.output.split(separator: " ").first { $0.count == 32 && $0.allSatisfy(\.isHexDigit) }.map(String.init),
                              "\(saved.output)")
        let listed = try CLI.run(["sets", "list", "--library", library])
        #expect(listed.status == 0 && listed.output.contains(id) && listed.output.contains("Friday warm-up"), "\(listed.output)")
        let shown = try CLI.run(["sets", "show", id, "--library", library])
        #expect(shown.status == 0 && shown.output.contains("“Friday warm-up”") && shown.output.contains("Artist 1 – Track 1"), "\(shown.output)")
        let document = try CLI.run(["sets", "show", id, "--format", "json", "--library", library])
        let object = try JSONSerialization.jsonObject(with: Data(document.output.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "Friday warm-up")
        let renamed = try CLI.run(["sets", "rename", id, "Saturday", "--library", library])
        let afterRename = try CLI.run(["sets", "--library", library])
        #expect(renamed.status == 0 && afterRename.output.contains("Saturday"))
        let deleted = try CLI.run(["sets", "delete", id, "--library", library])
        let afterDelete = try CLI.run(["sets", "--library", library])
        #expect(deleted.status == 0 && afterDelete.output.contains("No named sets yet"))
        let gone = try CLI.run(["sets", "show", id, "--library", library])
        #expect(gone.status != 0 && gone.errors.contains(id), "\(gone.errors)")
        let badName = try CLI.run(["sets", "save", json, "--name", " ", "--library", library])
        #expect(badName.status != 0 && badName.errors.contains("name"), "\(badName.errors)")
    }

    @Test func aSetDocumentExportsAndEvaluates() throws {
        let (_, library) = try CLI.library.get()
        let folder = try Self.scratch("export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("set.json").path
        let planned = try CLI.run(["set", "--seed", "Artist 1 - Track 1", "--minutes", "3", "--library", library, "--out", json])
        #expect(planned.status == 0, "\(planned.errors)")
        let xml = folder.appendingPathComponent("set.xml").path
        let exported = try CLI.run(["export", json, "--format", "rekordbox", "--out", xml])
        #expect(exported.status == 0 && exported.output.contains("Wrote"), "\(exported.errors)")
        let document = try String(contentsOfFile: xml, encoding: .utf8)
        #expect(document.contains("<DJ_PLAYLISTS") && document.contains("Track 1"))
        let evaluated = try CLI.run(["evaluate-set", json])
        #expect(evaluated.status == 0 && evaluated.output.contains("harmonic transitions"), "\(evaluated.output)")
        let unknownFormat = try CLI.run(["export", json, "--format", "winamp", "--out", xml])
        #expect(unknownFormat.status != 0 && unknownFormat.errors.contains("winamp"), "\(unknownFormat.errors)")
        let notADocument = try CLI.run(["evaluate-set", xml])
        #expect(notADocument.status != 0 && notADocument.errors.contains("set.xml"), "\(notADocument.errors)")
    }

    @Test func trainingImportAndGraphRunOnACopy() throws {
        let folder = try Self.scratch("train")
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = try Self.copyOfLibrary(in: folder)
        let tracklist = folder.appendingPathComponent("sets.csv")
        try Data("""
            set_id,position,artist,title
            night,1,Artist 1,Track 1
            night,2,Artist 6,Track 6
            night,3,Artist 4,Track 4
            day,1,Artist 3,Track 3
            day,2,Artist 5,Track 5
            day,3,Somebody Else,Not Here

            """.utf8).write(to: tracklist)
        let imported = try CLI.run(["import-tracklists", tracklist.path, "--library", library])
        #expect(imported.status == 0 && imported.output.contains("2"), "\(imported.output) \(imported.errors)")
        let trained = try CLI.run(["train", "--library", library, "--factors", "4", "--iterations", "3"])
        #expect(trained.status == 0, "\(trained.errors)")
        #expect(trained.output.lowercased().contains("edges"), "\(trained.output)")
        let graph = try CLI.run(["graph", "--library", library, "--weights", "bpm=0.5"])
        #expect(graph.status == 0, "\(graph.errors)")
        let badWeights = try CLI.run(["graph", "--library", library, "--weights", "vibes=1"])
        #expect(badWeights.status != 0 && badWeights.errors.contains("vibes"), "\(badWeights.errors)")
    }

    @Test func alsWritesFactorsForEveryUserAndItem() throws {
        let folder = try Self.scratch("als")
        defer { try? FileManager.default.removeItem(at: folder) }
        let interactions = folder.appendingPathComponent("plays.csv")
        try Data("0,0,3\n0,1,1\n1,1,2\n1,2,5\n2,0,1\n2,2,1\n".utf8).write(to: interactions)
        let items = folder.appendingPathComponent("items.csv").path, users = folder.appendingPathComponent("users.csv").path
        let fitted = try CLI.run(["als", "--interactions", interactions.path, "--factors", "2", "--iterations", "5",
                                  "--item-factors", items, "--user-factors", users])
        #expect(fitted.status == 0, "\(fitted.errors)")
        let itemRows = try String(contentsOfFile: items, encoding: .utf8).split(separator: "\n")
        let userRows = try String(contentsOfFile: users, encoding: .utf8).split(separator: "\n")
        #expect(itemRows.count == 3 && userRows.count == 3, "\(itemRows) \(userRows)")
        let badFactors = try CLI.run(["als", "--interactions", interactions.path, "--factors", "0", "--item-factors", items, "--user-factors", users])
        #expect(badFactors.status != 0 && badFactors.errors.contains("factors"), "\(badFactors.errors)")
    }

    @Test func aSyntheticCatalogueBenchmarksItsGraphAndPlanner() throws {
        let folder = try Self.scratch("catalogue")
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = folder.appendingPathComponent("catalogue.sqlite").path
        let made = try CLI.run(["synth-catalogue", "--library", library, "--tracks", "400", "--threads", "2"])
        #expect(made.status == 0 && made.output.contains("400"), "\(made.output) \(made.errors)")
        let graph = try CLI.run(["bench-graph", "--library", library, "--sample", "10", "--threads", "2"])
        #expect(graph.status == 0 && graph.output.contains("Recall@24 on 10 sampled tracks"), "\(graph.output) \(graph.errors)")
        let plan = try CLI.run(["bench-plan", "--library", library, "--sets", "2", "--bridges", "2", "--small-graphs", "2"])
        #expect(plan.status == 0 && plan.output.contains("set ("), "\(plan.output) \(plan.errors)")
        let quality = try CLI.run(["bench-quality", "--library", library, "--seeds", "2", "--minutes", "10"])
        #expect(quality.status == 0 && quality.output.contains("|"), "\(quality.output) \(quality.errors)")
        let tooFew = try CLI.run(["synth-catalogue", "--library", library, "--tracks", "0"])
        #expect(tooFew.status != 0)
    }

    @Test func serveAnswersOnThePortItPrints() async throws {
        let folder = try Self.scratch("serve")
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = try Self.copyOfLibrary(in: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["serve", "--port", "0", "--library", library, "--log-level", "warning"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var printed = ""
        while !printed.contains("\n"), process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let address = try #require(printed.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                                   "serve printed \(printed)")
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: address + "/health")))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let health = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(health["tracks"] as? Int == 6, "\(health)")
        let busy = try CLI.run(["serve", "--port", "70000", "--library", library])
        #expect(busy.status != 0 && busy.errors.contains("70000"), "\(busy.errors)")
    }

    /// The demo's success path synthesises full-length tracks (minutes in a debug build): the
    /// README's first command runs it, and `SegueTests` runs the same pipeline on a small demo; here
    /// its options are checked.
    @Test func theDemoRefusesTooFewTracksBeforeAnyWork() throws {
        let folder = try Self.scratch("demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tooSmall = try CLI.run(["demo", "--tracks", "2", "--dir", folder.path])
        #expect(tooSmall.status != 0 && tooSmall.errors.contains("8"), "\(tooSmall.errors)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty ?? true, "nothing written")
    }
}
