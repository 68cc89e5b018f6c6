import Foundation
import GRDB
@testable import Library
import Testing

/// The settings' spellings in ``LibrarySetting`` are the ones the frozen migrations wrote into
/// the planning-revision triggers.
struct LibrarySettingTests {
    @Test func triggersNameTheSettingsAsTheEnumSpellsThem() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-settings-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let library = try TrackLibrary(path: path)
        let triggers = try library.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger'") }
        // Insert, update and delete on track, analysis, factor, graphAdjacency and trackOverride; two on the weights setting.
        #expect(triggers.count == 17)
        #expect(triggers.filter { $0.contains("NEW.name = '\(LibrarySetting.transitionWeights.rawValue)'") }.count == 2)
        #expect(triggers.allSatisfy { $0.contains("WHERE name = '\(LibrarySetting.planningRevision.rawValue)'") })
        #expect(try library.setting(.planningRevision) == "0")
        try library.setSetting(.transitionWeights, "{}")
        #expect(try library.planningRevision() == "1")
    }
}
