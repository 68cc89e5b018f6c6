import DJModel
import Foundation
import SegueCore
import Testing

/// Editing a stored set: moves, deletions, insertions, replacements and pins apply in order, the
/// transitions and quality are measured again for the new order, and bad operations are refused
/// with the operation named; saved sets are named, listed and deleted.
@Suite struct SetEditingTests {
    @Test func operationsApplyInOrderAndTheSetIsMeasuredAgain() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let set = try segue.save(try segue.planSet(SetRequest(seed: "\(report.set.tracks[0].id)", minutes: 4, energy: .preset(.rise))))
        let ids = set.tracks.map(\.id)
        try #require(ids.count >= 3, "\(ids)")
        let outside = try #require(try segue.search("", limit: 100).tracks.map(\.id).first { !ids.contains($0) })

        let edited = try segue.editing(set, with: [.move(from: 0, to: 2), .insert(position: 1, track: "\(outside.rawValue)"),
                                                   .delete(position: 0), .pin(position: 1, pinned: true)])
        var expected = ids
        expected.insert(expected.remove(at: 0), at: 2)
        expected.insert(outside, at: 1)
        expected.remove(at: 0)
        #expect(edited.tracks.map(\.id) == expected)
        #expect(edited.tracks.map { $0.pinned == true } == expected.indices.map { $0 == 1 })
        #expect(edited.transitions.count == expected.count - 1)
        for (transition, pair) in zip(edited.transitions, zip(expected, expected.dropFirst())) {
            #expect(transition.from == pair.0 && transition.to == pair.1 && !transition.explanation.isEmpty)
        }
        #expect(edited.quality != nil && edited.targetMinutes == set.targetMinutes && edited.energyTargets == set.energyTargets)
        for (entry, next) in zip(edited.tracks, edited.tracks.dropFirst()) { #expect(next.start > entry.start) }
        // A pin travels with its track, and unpinning clears it.
        let moved = try segue.editing(edited, with: [.move(from: 1, to: 0)])
        #expect(moved.tracks[0].pinned == true && moved.tracks.dropFirst().allSatisfy { $0.pinned != true })
        #expect(try segue.editing(moved, with: [.pin(position: 0, pinned: false)]).tracks.allSatisfy { $0.pinned != true })
        // No operations: the same order, measured the same way.
        #expect(try segue.editing(set, with: []).tracks.map(\.id) == ids)
    }

    /// An alternative's transitions read as the set's would once it is chosen: the same
    /// explanation (pair and mix plan) and the same mix.
    @Test func alternativesExplainTheirTransitionsAsTheSetWould() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let set = try segue.save(try segue.planSet(SetRequest(seed: "\(report.set.tracks[0].id)", minutes: 4, energy: .preset(.flat))))
        var checked = 0
        for position in 1..<max(1, set.tracks.count - 1) {
            guard let alternative = try segue.alternatives(in: set, position: position, limit: 3).first else { continue }
            let chosen = try segue.editing(set, with: [.replace(position: position, track: "\(alternative.track.id.rawValue)")])
            let incoming = try #require(alternative.incoming), outgoing = try #require(alternative.outgoing)
            #expect(incoming.explanation == chosen.transitions[position - 1].explanation && incoming.mix == chosen.transitions[position - 1].mix)
            #expect(outgoing.explanation == chosen.transitions[position].explanation && outgoing.mix == chosen.transitions[position].mix)
            #expect(incoming.mix != nil)
            checked += 1
        }
        #expect(checked > 0, "no inner position had an alternative")
    }

    @Test func badOperationsAreRefusedByNumber() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let set = report.bridge
        let count = set.tracks.count
        let cases: [([SetEdit], String)] = [
            ([.move(from: 0, to: count)], "operation 1: position must be 0…\(count - 1)"),
            ([.pin(position: 0, pinned: true), .delete(position: -1)], "operation 2: position"),
            ([.insert(position: count + 1, track: "1")], "operation 1: position must be 0…\(count)"),
            ([.replace(position: 0, track: "\(set.tracks[1].id.rawValue)")], "is already in the set"),
            ([.insert(position: 0, track: "no such track anywhere")], "operation 1: no track matches"),
            (Array(repeating: SetEdit.pin(position: 0, pinned: true), count: SetEdit.maxPerRequest + 1), "at most \(SetEdit.maxPerRequest)"),
            (Array(repeating: SetEdit.delete(position: 0), count: count - 1), "at least two tracks"),
        ]
        for (operations, message) in cases {
            let error = #expect(throws: SegueError.self) { try segue.editing(set, with: operations) }
            #expect(error?.message.contains(message) == true, "\(operations): \(error?.message ?? "")")
        }
    }

    @Test func setsAreNamedListedAndDeleted() throws {
        let report = try SmallDemo.report.get()
        let library = FileManager.default.temporaryDirectory.appendingPathComponent("segue-named-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: library) }
        try Segue(libraryPath: report.libraryPath).snapshotLibrary(to: library)
        let segue = try Segue(libraryPath: library)
        let first = try segue.save(report.set), second = try segue.save(report.bridge)
        #expect(try segue.namedSets().isEmpty, "versions nobody named are not listed")
        let named = try segue.nameSet(id: try #require(first.id), name: "  Friday warm-up ")
        #expect(try named.name == "Friday warm-up" && segue.savedSet(id: first.id!).name == "Friday warm-up")
        _ = try segue.nameSet(id: try #require(second.id), name: "Bridge")
        let list = try segue.namedSets()
        #expect(list.map(\.name) == ["Bridge", "Friday warm-up"] || list.map(\.name) == ["Friday warm-up", "Bridge"])
        let friday = try #require(list.first { $0.name == "Friday warm-up" })
        #expect(friday.id == first.id && friday.tracks == report.set.tracks.count && friday.kind == .set && !friday.firstTrack.isEmpty)
        // A name another set holds is refused unless the caller says to replace it; saving an
        // edited version under the same name with `replacing` moves the name to it.
        let edited = try segue.save(try segue.editing(first, with: [.move(from: 0, to: 1)]))
        let taken = #expect(throws: SegueError.self) { try segue.nameSet(id: edited.id!, name: "Friday warm-up") }
        #expect(taken?.kind == .conflict && taken?.field == "name", "\(String(describing: taken))")
        #expect(throws: SegueError.self) { try segue.save(report.set, name: "Bridge") }
        #expect(try segue.namedSets().filter { $0.name == "Friday warm-up" }.map(\.id) == [first.id!], "the refused names changed nothing")
        _ = try segue.nameSet(id: try #require(edited.id), name: "Friday warm-up", replacing: true)
        #expect(try segue.namedSets().filter { $0.name == "Friday warm-up" }.map(\.id) == [edited.id!])
        #expect(try segue.savedSet(id: first.id!).tracks.count == report.set.tracks.count, "the older version is still there for undo")
        // Names are bounded in bytes as well as characters, and hold no control characters.
        let heavy = String(repeating: "e" + String(repeating: "\u{301}", count: 10_000), count: 90)
        for bad in ["", "   ", String(repeating: "x", count: 101), "two\nlines", heavy, "x\u{1B}]0;PWN\u{07}", "nul\u{0}", "bell\u{7}", "\u{202E}evil"] {
            #expect(throws: SegueError.self) { try segue.nameSet(id: first.id!, name: bad) }
        }
        #expect(throws: SegueError.self) { try segue.nameSet(id: "ffff", name: "x") }
        try segue.deleteSet(id: second.id!)
        #expect(try segue.namedSets().map(\.name) == ["Friday warm-up"])
        let gone = #expect(throws: SegueError.self) { try segue.savedSet(id: second.id!) }
        #expect(gone?.kind == .notFound)
        #expect((#expect(throws: SegueError.self) { try segue.deleteSet(id: second.id!) })?.kind == .notFound)
    }
}
