import DJModel
import Foundation
import GRDB
import Library
import Testing

/// A library written by a newer Segue is refused before anything is written; a saved set's name
/// is not taken from another set unless asked; a scanned file's identity is stored to check later opens.
@Suite struct LibraryHardeningTests {
    @Test func aLibraryFromANewerVersionIsRefusedUnwritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-newer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("library.sqlite").path
        _ = try TrackLibrary(path: path)
        // A migration this binary does not know, as a newer version would record it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        let error = #expect(throws: LibraryError.self) { try TrackLibrary(path: path) }
        #expect(error?.description.contains("newer version of Segue") == true, "\(String(describing: error))")
        let applied = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.last == "v99-from-the-future" && applied.count == Set(applied).count, "no migration was run on it: \(applied)")
    }

    @Test func aSetNameIsTakenOnlyWhenAsked() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-names-\(UUID().uuidString)/library.sqlite").path
        let library = try TrackLibrary(path: path)
        try library.saveSet(id: "a", document: Data("{}".utf8), name: "Friday")
        #expect(throws: LibraryError.nameTaken(name: "Friday", id: "a")) { try library.saveSet(id: "b", document: Data("{}".utf8), name: "Friday") }
        #expect(try library.savedSet(id: "b") == nil, "a refused save stores nothing")
        try library.saveSet(id: "b", document: Data("{}".utf8))
        #expect(throws: LibraryError.nameTaken(name: "Friday", id: "a")) { try library.nameSavedSet(id: "b", name: "Friday", document: Data("{}".utf8)) }
        #expect(try library.savedSetName(id: "a") == "Friday")
        #expect(try library.nameSavedSet(id: "b", name: "Friday", document: Data("{}".utf8), replacing: true))
        #expect(try library.savedSetName(id: "a") == nil && library.savedSetName(id: "b") == "Friday")
    }

    /// A library this user cannot write still opens, for reading: search works, writes are
    /// refused with a message that says why.
    @Test func aReadOnlyLibraryCanStillBeSearched() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-readonly-\(UUID().uuidString)/library.sqlite").path
        let writable = try TrackLibrary(path: path)
        let analysis = TrackAnalysis(duration: 300, tempo: Tempo(bpm: 124, firstBeat: 0.1, confidence: 0.9), key: MusicalKey(tonic: 9, mode: .minor),
                                     keyConfidence: 0.8, loudness: -9, loudnessRange: 5, energy: 7, features: FeatureVector([1, 2, 3]))
        let id = try writable.storeScannedFile(path: "/music/a.flac", size: 100, modifiedAt: 5, contentHash: "ab",
                                               metadata: TrackMetadata(artist: "Ann", title: "One"), analysis: analysis)
        let reader = try TrackLibrary(path: path, readOnly: true)
        #expect(reader.isReadOnly && !writable.isReadOnly)
        #expect(try reader.track(id: id)?.metadata.title == "One")
        #expect(try reader.search("ann", filter: .none, limit: 10, offset: 0).total == 1)
        #expect(throws: LibraryError.readOnly(path: path)) { try reader.saveSet(id: "x", document: Data("{}".utf8)) }
        #expect(throws: LibraryError.self) { try TrackLibrary(path: path + ".missing", readOnly: true) }
    }
}
