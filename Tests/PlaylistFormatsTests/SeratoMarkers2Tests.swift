import DJModel
import Foundation
import PlaylistFormats
import Testing

/// The `Serato Markers2` object: decoding the layout Serato writes, Segue's cues in free slots
/// from H down, the DJ's own cues and entries kept, and malformed objects refused by offset.
@Suite("Serato Markers2")
struct SeratoMarkers2Tests {
    /// A fresh track's object as Serato DJ writes it (a white track colour, BPM lock off): the
    /// published layout, `01 01`, base64 text, zero bytes to 470.
    static let serato: Data = {
        var bytes: [UInt8] = [1, 1] + Array("AQFDT0xPUgAAAAAEAP///0JQTUxPQ0sAAAAAAQAA".utf8)
        bytes += [UInt8](repeating: 0, count: 470 - bytes.count)
        return Data(bytes)
    }()

    static let cues = [TrackCue(name: "Load", kind: .load, time: 0.52), TrackCue(name: "Mix in", kind: .mixIn, time: 16.25),
                       TrackCue(name: "Mix out (blend)", kind: .mixOut, time: 301.5)]

    @Test("decodes the object Serato writes for a fresh track")
    func decodesSerato() throws {
        let markers = try SeratoMarkers2(object: Self.serato, source: "fresh.mp3")
        #expect(markers.entries == [.init(name: "COLOR", data: [0, 0xFF, 0xFF, 0xFF]), .init(name: "BPMLOCK", data: [0])])
        #expect(markers.hotCues.isEmpty)
    }

    @Test("writes the layout it reads: 01 01, base64 without padding in lines of 72, a zero, at least 470 bytes")
    func layout() throws {
        var markers = SeratoMarkers2()
        markers.replaceSegueCues(with: Self.cues)
        let object = [UInt8](markers.object())
        #expect(object.count >= 470)
        #expect(Array(object.prefix(2)) == [1, 1])
        let text = object[2...].prefix { $0 != 0 }
        #expect(!text.contains(UInt8(ascii: "=")))
        let lines = String(decoding: text, as: UTF8.self).split(separator: "\n")
        #expect(lines.count > 1 && lines.dropLast().allSatisfy { $0.count == 72 })
        #expect(try SeratoMarkers2(object: Data(object), source: "t") == markers)
        // A fresh object's bytes are the ones Serato writes.
        #expect(SeratoMarkers2().object() == Self.serato)
    }

    @Test("Segue's cues take the highest free slots in order, named and coloured, in milliseconds")
    func slots() throws {
        var markers = try SeratoMarkers2(object: Self.serato, source: "t")
        #expect(markers.replaceSegueCues(with: Self.cues).isEmpty)
        let cues = markers.hotCues
        #expect(cues.map(\.slot) == [5, 6, 7])
        #expect(cues.map(\.name) == ["Segue Load", "Segue Mix in", "Segue Mix out (blend)"])
        #expect(cues.map(\.milliseconds) == [520, 16_250, 301_500])
        #expect(cues.last?.color == SeratoMarkers2.color(of: .mixOut))
        // The track colour and BPM lock stay, BPMLOCK last as Serato orders them.
        #expect(markers.entries.first?.name == "COLOR" && markers.entries.last?.name == "BPMLOCK")
    }

    @Test("a second write replaces Segue's cues and keeps the DJ's own cues, loops and colour")
    func keepsTheDJsCues() throws {
        var markers = try SeratoMarkers2(object: Self.serato, source: "t")
        let loop = SeratoMarkers2.Entry(name: "LOOP", data: [0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0x20, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0x27, 0xAA, 0xE1, 0, 0, 0])
        markers.entries.insert(loop, at: 1)
        markers.replaceSegueCues(with: [])
        // The DJ's cue in slot H (index 7) and slot A.
        var mine = markers
        mine.entries.insert(.init(name: "CUE", data: [0, 7, 0, 0, 0x03, 0xE8, 0, 0xCC, 0, 0, 0, 0] + Array("Vocal".utf8) + [0]), at: 0)
        mine.entries.insert(.init(name: "CUE", data: [0, 0, 0, 0, 0, 0x64, 0, 0xCC, 0, 0, 0, 0, 0]), at: 0)
        mine.replaceSegueCues(with: Self.cues)
        var again = try SeratoMarkers2(object: mine.object(), source: "t")
        again.replaceSegueCues(with: [TrackCue(name: "Mix in", kind: .mixIn, time: 32)])
        let cues = again.hotCues
        #expect(cues.filter { $0.name.hasPrefix("Segue") }.map(\.slot) == [6])  // H is the DJ's
        #expect(cues.filter { $0.name.hasPrefix("Segue") }.map(\.milliseconds) == [32_000])
        #expect(cues.contains(.init(slot: 7, milliseconds: 1000, color: 0xCC0000, name: "Vocal")))
        #expect(cues.contains(.init(slot: 0, milliseconds: 100, color: 0xCC0000, name: "")))
        #expect(again.entries.contains(loop))
    }

    @Test("with all eight slots taken, Segue's cues are left out and said so")
    func fullSlots() throws {
        var markers = SeratoMarkers2()
        for slot in 0..<8 {
            markers.entries.insert(.init(name: "CUE", data: [0, UInt8(slot), 0, 0, 0, UInt8(slot), 0, 0xCC, 0, 0, 0, 0, 0]), at: 0)
        }
        let leftOut = markers.replaceSegueCues(with: Self.cues)
        #expect(leftOut == Self.cues)
        #expect(markers.hotCues.count == 8)
    }

    @Test("FLAC's SERATO_MARKERS_V2 value wraps the same object with its MIME type and description")
    func vorbisComment() throws {
        var markers = SeratoMarkers2()
        markers.replaceSegueCues(with: Self.cues)
        let value = markers.vorbisCommentValue()
        let decoded = try #require(Data(base64Encoded: value.replacingOccurrences(of: "\n", with: "")))
        #expect(decoded.starts(with: Data("application/octet-stream".utf8) + Data([0, 0]) + Data("Serato Markers2".utf8) + Data([0])))
        #expect(try SeratoMarkers2(vorbisCommentValue: value, source: "t.flac") == markers)
    }

    @Test("malformed objects are refused with the byte offset")
    func malformed() {
        #expect(throws: PlaylistFormatError.self) { try SeratoMarkers2(object: Data([2, 1, 0]), source: "t") }
        #expect(throws: PlaylistFormatError.self) { try SeratoMarkers2(object: Data([1, 1] + Array("!!!!".utf8)), source: "t") }
        // An entry whose length runs past the payload.
        let payload: [UInt8] = [1, 1] + Array("CUE".utf8) + [0, 0, 0, 0xFF, 0xFF, 0]
        let object = Data([1, 1] + Array(Data(payload).base64EncodedString().utf8) + [0])
        #expect(throws: PlaylistFormatError.self) { try SeratoMarkers2(object: object, source: "t") }
        #expect(throws: PlaylistFormatError.self) { try SeratoMarkers2(vorbisCommentValue: "bm90IHNlcmF0bw==", source: "t.flac") }
    }
}
