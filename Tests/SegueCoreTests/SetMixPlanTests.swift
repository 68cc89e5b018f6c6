import DJModel
import Foundation
import SegueCore
import Testing

/// Every transition of a planned set carries its mix, every track its cues, and the start times
/// and the set's length follow the mix points.
@Suite struct SetMixPlanTests {
    @Test func transitionsCarryMixesAndTracksCarryCues() throws {
        let report = try SmallDemo.report.get()
        let set = report.set
        #expect(set.transitions.count == set.tracks.count - 1)
        for (offset, transition) in set.transitions.enumerated() {
            let mix = try #require(transition.mix, "transition \(offset + 1) has no mix")
            let outgoing = set.tracks[offset], incoming = set.tracks[offset + 1]
            #expect(mix.beats % 8 == 0 && mix.beats >= 0 && mix.beats <= 64)
            #expect(mix.tempoFrom == outgoing.bpm && mix.tempoTo == incoming.bpm)
            if mix.technique == .bassSwap { #expect(mix.bassSwapBeat.map { $0 > 0 && $0 < mix.beats } == true) }
            // The cues in the tracks are the mix's.
            let outCue = try #require(outgoing.cues?.first { $0.kind == .mixOut })
            let inCue = try #require(incoming.cues?.first { $0.kind == .mixIn })
            #expect(outCue.time == mix.outCue && inCue.time == mix.inCue)
            #expect(mix.outCue > 0 && mix.outCue <= outgoing.duration && mix.inCue >= 0 && mix.inCue < incoming.duration / 2)
            // B starts in the set where A reaches its out cue.
            let outgoingIn = try #require(outgoing.cues?.first { $0.kind == .mixIn }).time
            #expect(abs(incoming.start - (outgoing.start + mix.outCue - outgoingIn)) < 1e-6,
                    "track \(offset + 2) starts at \(incoming.start), A's out cue plays at \(outgoing.start + mix.outCue - outgoingIn)")
            // The explanation says why, then what to do.
            #expect(transition.explanation.split(separator: ".").count >= 2, "\(transition.explanation)")
        }
        for entry in set.tracks {
            let cues = try #require(entry.cues)
            #expect(cues.map(\.time) == cues.map(\.time).sorted())
            #expect(cues.contains { $0.kind == .load } && cues.contains { $0.kind == .mixIn })
            #expect(cues.allSatisfy { $0.time >= 0 && $0.time <= entry.duration && !$0.name.isEmpty })
        }
        let last = try #require(set.tracks.last)
        let lastIn = try #require(last.cues?.first { $0.kind == .mixIn }).time
        #expect(abs(set.duration - (last.start + last.duration - lastIn)) < 1e-6)
    }

    @Test func mixesSurviveTheSetDocument() throws {
        let set = try SmallDemo.report.get().set
        let data = try JSONEncoder().encode(set)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"mix\"") && text.contains("\"outCue\"") && text.contains("\"cues\"") && text.contains("\"mix-in\""))
        let decoded = try JSONDecoder().decode(DJSet.self, from: data)
        #expect(decoded.transitions.map(\.mix) == set.transitions.map(\.mix))
        #expect(decoded.tracks.map(\.cues) == set.tracks.map(\.cues))
    }
}
