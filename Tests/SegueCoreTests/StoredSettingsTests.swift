import Foundation
@testable import SegueCore
import SegueTools
import Testing

/// Stored model settings that cannot be read are an error naming the setting and the repair, not
/// a silent fall back to defaults the graph was not built with.
struct StoredSettingsTests {
    @Test func corruptStoredWeightsAndContentSpaceSayWhatToRun() throws {
        try withTemporaryLibraryPath("settings") { path in
            let segue = try Segue(libraryPath: path)
            _ = try segue.synthesizeCatalogue(tracks: 300, seed: 2, threads: 1)
            #expect(try segue.storedWeights() == .standard)
            try segue.library.setSetting(Segue.weightsSetting, #"{"als": "high"}"#)
            let weights = #expect(throws: SegueError.self) { try segue.storedWeights() }
            #expect(weights?.message.contains("transition-weights") == true && weights?.message.contains("segue graph --weights") == true)
            // The repair named works.
            try segue.buildGraph(weights: .standard)
            #expect(try segue.storedWeights() == .standard)
            try segue.library.setSetting(Segue.contentModelSetting, "not json")
            let space = #expect(throws: SegueError.self) { try segue.storedContentSpace() }
            #expect(space?.message.contains("segue train") == true && space?.message.contains("not valid JSON") == true)
        }
    }
}
