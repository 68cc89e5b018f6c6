import DJModel
import Foundation
import PlaylistFormats
import SegueCore
import Testing

/// Every playlist format Segue reads, with its numeric fields (durations, tempi, times) replaced by
/// numbers no conversion survives: the import refuses the file naming what is wrong, or reads it
/// — never a crash — and a refused file changes nothing.
@Suite struct ImportNumberFuzzTests {
    static let hostile = ["1e300", "-1e300", "NaN", "Infinity", "-0", "9223372036854775808"]

    /// The numeric fields of each format's export, as patterns whose first group is the number.
    static func numericFields(of format: SetFormat) -> [String] {
        switch format {
        case .m3u8: [#"#EXTINF:([^,]*),"#]
        case .rekordbox: [#"TotalTime="([^"]*)""#, #"AverageBpm="([^"]*)""#, #"Start="([^"]*)""#, #"Inizio="([^"]*)""#]
        case .traktor: [#"PLAYTIME="([^"]*)""#, #"PLAYTIME_FLOAT="([^"]*)""#, #"BPM="([^"]*)""#, #"START="([^"]*)""#]
        case .xspf: [#"<duration>([^<]*)</duration>"#, #"bpm">([^<]*)</meta>"#]
        case .csv: [#"\n1,([^,]*),"#, #",(1[0-9][0-9]\.[0-9]{2}),"#, #",([0-9]+\.[0-9]),/"#]
        case .json: [#""duration" : ([-0-9.e+]+)"#, #""bpm" : ([-0-9.e+]+)"#, #""time" : ([-0-9.e+]+)"#]
        case .serato: []
        }
    }

    @Test(arguments: SetFormat.allCases.filter { $0 != .serato })
    func hostileNumbersInEveryReader(format: SetFormat) throws {
        let report = try SmallDemo.report.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-import-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = folder.appendingPathComponent("library.sqlite").path
        try Segue(libraryPath: report.libraryPath).snapshotLibrary(to: library)
        let segue = try Segue(libraryPath: library)
        let exported = try Segue.export(report.set, format: format, to: folder.appendingPathComponent("set.\(format.codec.fileExtension)").path)
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        let before = try segue.library.tracklists().count
        var mutated = 0
        for pattern in Self.numericFields(of: format) {
            let expression = try NSRegularExpression(pattern: pattern)
            guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range(at: 1), in: text) else { continue }
            for number in Self.hostile {
                let file = folder.appendingPathComponent("fuzz-\(mutated).\(format.codec.fileExtension)").path
                try text.replacingCharacters(in: range, with: number).write(toFile: file, atomically: true, encoding: .utf8)
                mutated += 1
                do {
                    _ = try segue.importTracklists(files: [file])
                } catch {
                    #expect(!error.message.isEmpty && error.kind == .invalidInput, "\(format) \(pattern) = \(number): \(error)")
                }
            }
        }
        #expect(mutated >= Self.hostile.count, "\(format): no numeric field found to mutate")
        #expect(try segue.library.tracklists().count >= before)
    }
}
