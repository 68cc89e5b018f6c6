import DJModel
import Foundation
import PlaylistFormats
import SegueMath
import Testing

/// Every reader against thousands of mutated inputs grown from the hard fixtures: each input is
/// either read or rejected with a ``PlaylistFormatError`` naming the source — never a crash (a
/// crash fails the whole test run), never another error type, never over a second.
struct ReaderFuzzTests {
    /// A reader under test: a name and how it reads bytes.
    struct Reader: Sendable, CustomStringConvertible {
        var description: String
        var seedInputs: @Sendable () throws -> [Data]
        var read: @Sendable (Data) throws(PlaylistFormatError) -> Void
    }

    static let tracklistCSV = Data("set_id,position,artist,title\nfriday,1,Nova,Hollow Atlas\nfriday,2,\"Sigur, Rós\",\"Title - With Dash\"\nsaturday,1,DJ \"Less\",It's 100%\n".utf8)
    static let textTracklist = Data("01. Nova - Hollow Atlas [Label]\n02 Sigur Rós – Title - With Dash\n[03:15] DJ Less - It's 100%\nID - ID\n".utf8)

    static let readers: [Reader] = SetFormat.allCases.map { format in
        Reader(description: format.rawValue, seedInputs: { [try format.codec.write(ExportSamples.hard), try format.codec.write(SetCodecContractTests.sample)] },
               read: { data throws(PlaylistFormatError) in _ = try format.codec.readTracks(data, source: "fuzz.\(format.codec.fileExtension)") })
    } + [
        Reader(description: "rekordbox playlists", seedInputs: { [try SetFormat.rekordbox.codec.write(ExportSamples.hard)] },
               read: { data throws(PlaylistFormatError) in _ = try RekordboxXMLReader.read(data, source: "fuzz.xml") }),
        Reader(description: "Traktor playlists", seedInputs: { [try SetFormat.traktor.codec.write(ExportSamples.hard)] },
               read: { data throws(PlaylistFormatError) in _ = try TraktorNML.read(data, source: "fuzz.nml") }),
        Reader(description: "tracklist CSV", seedInputs: { [tracklistCSV] },
               read: { data throws(PlaylistFormatError) in _ = try TracklistCSV.read(String(decoding: data, as: UTF8.self), source: "fuzz.csv") }),
        Reader(description: "text tracklist", seedInputs: { [textTracklist] },
               read: { data throws(PlaylistFormatError) in _ = try TextTracklist.read(String(decoding: data, as: UTF8.self), setId: "fuzz", source: "fuzz.txt") }),
    ]

    /// One mutation of `data`: flip, insert or delete bytes, truncate, duplicate or swap a chunk,
    /// or splice in a token that readers treat specially.
    static func mutate(_ data: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = data
        let tokens: [[UInt8]] = ["<", ">", "\"", ",", "\n", "&amp;", "&#0;", "<!ENTITY x \"y\">", "]]>", "%00", "\u{FEFF}", "\\", "\0",
                                 "vrsn", "otrk", "ptrk", "#EXTINF:", "-1,", "{", "}", "[", "]", ":", "null", "1e309", "-0"].map { Array($0.utf8) }
        let operations = Int.random(in: 1...4, using: &random)
        for _ in 0..<operations {
            guard !bytes.isEmpty else { bytes = tokens.randomElement(using: &random)!; continue }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.insert(contentsOf: tokens.randomElement(using: &random)!, at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &random)))
            case 4: bytes = Array(bytes[0..<at])
            case 5:
                let end = min(bytes.count, at + Int.random(in: 1...64, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &random))
            default:
                let other = Int.random(in: 0..<bytes.count, using: &random)
                bytes.swapAt(at, other)
            }
        }
        return bytes
    }

    @Test(arguments: readers)
    func mutatedInputIsReadOrRejectedByName(reader: Reader) throws {
        var random = SeededGenerator(seed: 0x5E6E)
        let seeds = try reader.seedInputs().map { [UInt8]($0) }
        var rejected = 0, slowest = 0.0
        for round in 0..<2000 {
            let input = Data(Self.mutate(seeds[round % seeds.count], using: &random))
            if let dump = ProcessInfo.processInfo.environment["SEGUE_FUZZ_DUMP"] {
                try input.write(to: URL(fileURLWithPath: "\(dump)/\(reader.description.replacingOccurrences(of: " ", with: "-"))"))
            }
            let started = ContinuousClock.now
            do { try reader.read(input) } catch {
                rejected += 1
                #expect(error.description.hasPrefix("fuzz"), "\(reader): the error does not name the source: \(error)")
            }
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            slowest = max(slowest, seconds)
            #expect(seconds < 1, "\(reader): round \(round) took \(seconds) s")
        }
        // M3U and text tracklists are any list of lines: they may read every mutation.
        if !["m3u8", "text tracklist"].contains(reader.description) {
            #expect(rejected > 0, "\(reader) accepted all 2000 mutated inputs")
        }
    }
}

/// Uploaded XML may not declare entities: the "billion laughs" family is refused before parsing.
struct XMLEntityTests {
    @Test func entityDeclarationsAreRefusedAtOnce() throws {
        let entity = String(repeating: "x", count: 100_000)
        let uses = String(repeating: "&big;", count: 200_000)
        let documents = [
            "<?xml version=\"1.0\"?>\n<!DOCTYPE playlist [<!ENTITY big \"\(entity)\">]>\n<playlist xmlns=\"http://xspf.org/ns/0/\"><title>\(uses)</title><trackList/></playlist>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE NML [<!ENTITY big \"\(entity)\">]>\n<NML VERSION=\"19\"><COLLECTION>\(uses)</COLLECTION></NML>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE DJ_PLAYLISTS SYSTEM \"file:///etc/passwd\">\n<DJ_PLAYLISTS Version=\"1.0.0\"></DJ_PLAYLISTS>",
        ]
        for (document, format) in zip(documents, [SetFormat.xspf, .traktor, .rekordbox]) {
            let started = ContinuousClock.now
            #expect(throws: PlaylistFormatError.self) { _ = try format.codec.readTracks(Data(document.utf8), source: "evil.xml") }
            #expect(started.duration(to: .now) < .seconds(1), "\(format.rawValue)")
        }
        #expect(throws: PlaylistFormatError.self) { _ = try RekordboxXMLReader.read(Data(documents[2].utf8), source: "evil.xml") }
        do { _ = try SetFormat.xspf.codec.readTracks(Data(documents[0].utf8), source: "evil.xspf") } catch {
            #expect(error.description == "evil.xspf:2: the file declares a document type or entities (<!DOCTYPE/<!ENTITY); playlist files need none, so it is refused")
        }
    }
}
