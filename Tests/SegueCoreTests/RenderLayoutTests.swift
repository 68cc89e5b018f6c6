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

    /// Every beat-matched overlap is checked from the audio before it is committed to; a deck cued
    /// 90 ms late is never mixed a flam apart: the overlap becomes an echo-out.
    @Test func everyBeatMatchedOverlapIsCheckedFromTheAudio() throws {
        var set = try SmallDemo.report.get().set
        let layout = try Segue.renderLayout(for: set)
        let matched = layout.plan.overlaps.indices.filter { [.blend, .bassSwap].contains(layout.plan.overlaps[$0].technique) }
        try #require(!matched.isEmpty)
        for index in matched {
            let alignment = try #require(layout.plan.overlaps[index].alignment, "overlap \(index + 1) was not checked")
            #expect(alignment.action == .unverified || abs(alignment.lagMilliseconds) <= BeatAlignment.tolerance, "\(alignment)")
        }
        let index = matched[0]
        var mix = try #require(set.transitions[index].mix)
        mix.inCue += 0.09
        mix.alignment = nil
        set.transitions[index].mix = mix
        let moved = try Segue.renderLayout(for: set).plan.overlaps[index]
        let alignment = try #require(moved.alignment)
        #expect(alignment.action == .unverified && moved.technique == .echoOut && alignment.fallback == .echoOut, "\(alignment)")
        #expect(abs(alignment.lagMilliseconds + 90) < 15, "the lag measured: \(alignment)")
    }
}
