import DJModel
import Foundation
import Mixing
import SegueCore
import Testing

/// A set document laid out for rendering: missing files named and skipped with a gap, a set
/// with no file at all refused before anything is written.
@Suite struct RenderLayoutTests {
    @Test func missingFilesAreNamedAndSkippedWithAGap() throws {
        var set = try SmallDemo.report.get().set
        try #require(set.tracks.count >= 3)
        let missing = set.tracks[1]
        set.tracks[1].path = "/nowhere/gone.flac"
        let layout = try Segue.renderLayout(for: set)
        #expect(layout.missing.count == 1 && layout.missing[0].contains("/nowhere/gone.flac") && layout.missing[0].contains(missing.title))
        #expect(layout.plan.decks.count == set.tracks.count - 1)
        let first = layout.plan.overlaps[0]
        #expect(first.technique == .cut && first.gap == 2)
        // The cut happens at the first track's planned out cue.
        let outCue = try #require(set.transitions[0].mix?.outCue)
        let deck = layout.plan.decks[0]
        #expect(abs((deck.passages.last!.sourceStart + deck.passages.last!.mixEnd - deck.passages.last!.mixStart) - outCue) < 1e-6)
    }

    @Test func aSetWithNoFileIsRefusedNamingThem() throws {
        var set = try SmallDemo.report.get().set
        for index in set.tracks.indices { set.tracks[index].path = "/elsewhere/\(index).flac" }
        #expect {
            try Segue.renderLayout(for: set)
        } throws: { error in
            guard let error = error as? SegueError else { return false }
            return error.kind == .notFound && error.message.contains("/elsewhere/0.flac") && error.message.contains("--path-prefix")
        }
    }
}
