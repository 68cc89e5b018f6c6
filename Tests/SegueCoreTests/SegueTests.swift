import Analysis
import AudioIO
import Library
import Foundation
import SegueCore
import Testing
import DJModel

@Suite(.serialized) struct SegueTests {
    @Test func demoRunsTheWholePipeline() throws {
        let report = try SmallDemo.report.get()
        #expect(report.scan.analysed == 16 && report.scan.failures.isEmpty)
        #expect(report.imported.tracklists == 300)
        #expect(report.imported.unmatched > 0, "the demo tracklists name tracks outside the library")
        #expect(report.trained.tracksWithFactors > 0 && report.trained.edges > 0)
        #expect(report.set.kind == .set && report.set.tracks.count >= 3)
        #expect(report.set.duration >= 0.9 * 4 * 60)
        #expect(report.set.transitions.count == report.set.tracks.count - 1)
        #expect(report.bridge.kind == .bridge)
        #expect(report.files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        // Start times follow each other.
        for (previous, next) in zip(report.set.tracks, report.set.tracks.dropFirst()) {
            #expect(next.start > previous.start && next.start < previous.start + previous.duration)
        }
    }

    @Test func rescanSkipsUnchangedFilesAndNamesBrokenOnes() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let music = (report.directory as NSString).appendingPathComponent("music")
        let broken = (music as NSString).appendingPathComponent("zz broken.mp3")
        try Data("not an mp3".utf8).write(to: URL(fileURLWithPath: broken))
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let warnings = WarningLog()
        let again = try segue.scan([music], jobs: 2, progress: { event in if case .warning(let text) = event { warnings.add(text) } })
        #expect(again.unchanged == 16)
        #expect(again.analysed == 0)
        #expect(again.failures.count == 1)
        #expect(warnings.all.contains { $0.contains("zz broken.mp3") })
    }

    @Test func anAnalysisFromAnOlderVersionIsRedoneOnTheNextScan() throws {
        let report = try SmallDemo.report.get()
        let library = try TrackLibrary(path: report.libraryPath)
        guard let (path, state) = try library.fileStates().min(by: { $0.key < $1.key }),
              let track = try library.track(path: path), var analysis = track.analysis else {
            Issue.record("the demo library has no analysed file")
            return
        }
        analysis.version = TrackAnalysis.currentVersion - 1
        try library.storeScannedFile(path: path, size: state.size, modifiedAt: state.modifiedAt, contentHash: "stale",
                                     metadata: track.metadata, analysis: analysis)
        let music = (report.directory as NSString).appendingPathComponent("music")
        let again = try Segue(libraryPath: report.libraryPath).scan([music], jobs: 1)
        #expect(again.analysed == 1 && again.unchanged == 15)
        #expect(try library.track(path: path)?.analysis?.version == TrackAnalysis.currentVersion)
        #expect(try library.track(path: path)?.analysis?.featureVersion == TimbreExtractor.featureVersion)
    }

    @Test func reimportingTracklistsChangesNothing() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let before = try segue.counts()
        let again = try segue.importTracklists(files: [report.files[0]])
        #expect(again.tracklists == report.imported.tracklists)
        let after = try segue.counts()
        #expect(after.tracks == before.tracks)
    }

    @Test func textTracklistsImportWithAMatchReport() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let first = report.set.tracks[0], second = report.set.tracks[1]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("club-\(UUID().uuidString).txt").path
        try """
        [00:00] \(first.artist) - \(first.title) (Demo Label)
        [06:10] \(second.artist.uppercased()) – \(second.title) [Demo Label]
        [12:30] ID - ID
        [18:00] Nobody Known - Not In The Library
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try segue.importTracklists(files: [path])
        #expect(imported.tracklists == 1 && imported.matched == 2 && imported.unmatched == 1 && imported.unknown == 1)
        let before = try segue.counts()
        let again = try segue.importTracklists(files: [path])
        #expect(again == imported)
        #expect(try segue.counts().tracks == before.tracks)
        let other = path.replacingOccurrences(of: ".txt", with: ".doc")
        try FileManager.default.copyItem(atPath: path, toPath: other)
        #expect {
            _ = try segue.importTracklists(files: [other])
        } throws: { error in
            "\(error)".contains("unsupported playlist format")
        }
    }

    @Test func m3uPlaylistsImportByPathThenByName() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let first = report.set.tracks[0], second = report.set.tracks[1]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString).m3u8").path
        let url = URL(fileURLWithPath: second.path).absoluteString
        try "#EXTM3U\n#EXTINF:300,Somebody - Wrong Tags\n\(first.path)\n\(url)\nmissing/Nobody Known - Lost Track.mp3\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try segue.importTracklists(files: [path])
        #expect(imported.tracklists == 1 && imported.matched == 2 && imported.unmatched == 1, "\(imported)")
        let catalogue = try TrackLibrary(path: report.libraryPath).tracks(matchingArtist: "Nobody Known", title: "Lost Track")
        #expect(catalogue.count == 1 && catalogue.first?.path == nil)
    }

    @Test func fuzzyMatchingForgivesTyposButNotADifferentVersion() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let track = report.set.tracks[2]
        let typo = String(track.title.dropLast())  // "Golden Harbou"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuzzy-\(UUID().uuidString).txt").path
        try "\(track.artist.lowercased()) - \(typo) [Some Label - CAT 12]\n\(track.artist) - \(track.title) (Somebody Remix)\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try segue.importTracklists(files: [path])
        #expect(imported.matched == 1 && imported.fuzzy == 1 && imported.unmatched == 1, "\(imported)")
        let again = try segue.importTracklists(files: [path])
        #expect(again == imported)
    }

    @Test func rekordboxHistoryImportsAsSets() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let first = report.set.tracks[0], second = report.set.tracks[1]
        func attribute(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "<", with: "&lt;")
        }
        let location = URL(fileURLWithPath: first.path).absoluteString.replacingOccurrences(of: "file://", with: "file://localhost")
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DJ_PLAYLISTS Version="1.0.0"><PRODUCT Name="rekordbox"/>
        <COLLECTION Entries="2">
        <TRACK TrackID="7" Name="x" Artist="y" Location="\(attribute(location))"/>
        <TRACK TrackID="8" Name="\(attribute(second.title))" Artist="\(attribute(second.artist))" Location="file://localhost/D:/Elsewhere/b.mp3"/>
        </COLLECTION>
        <PLAYLISTS><NODE Type="0" Name="ROOT"><NODE Type="0" Name="HISTORY">
        <NODE Type="1" Name="2024-05-01" KeyType="0" Entries="2"><TRACK Key="7"/><TRACK Key="8"/></NODE>
        </NODE></NODE></PLAYLISTS></DJ_PLAYLISTS>
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rekordbox-\(UUID().uuidString).xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try segue.importTracklists(files: [path])
        #expect(imported.tracklists == 1 && imported.matched == 2 && imported.unmatched == 0, "\(imported)")
    }

    @Test func similarTracksRankByTheAskedScore() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let seed = report.set.tracks[0]
        for kind in NeighbourRanking.allCases {
            let similar = try segue.similarTracks(to: "\(seed.id)", by: kind, limit: 5)
            #expect(!similar.isEmpty && similar.count <= 5, "\(kind)")
            #expect(!similar.contains { $0.track.id == seed.id })
            #expect(zip(similar, similar.dropFirst()).allSatisfy { $0.score >= $1.score }, "\(kind) is not sorted")
            if kind == .content { #expect(similar.allSatisfy { $0.score == $0.components.content }) }
        }
        #expect(throws: SegueError.self) { try segue.similarTracks(to: "\(seed.id)", limit: 0) }
    }

    @Test func badTracklistRowRejectsTheWholeFile() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv").path
        try "set_id,position,artist,title\nnew-set,0,A,B\nnew-set,oops,C,D\n".write(toFile: path, atomically: true, encoding: .utf8)
        let before = try segue.counts()
        #expect {
            _ = try segue.importTracklists(files: [path])
        } throws: { error in
            "\(error)".contains("\(path):3:")
        }
        #expect(try segue.counts().tracks == before.tracks)
    }

    @Test func unknownSeedListsClosestMatches() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let seed = report.set.tracks[0]
        let misspelt = String(seed.title.dropLast(2)) + "xq"
        do {
            _ = try segue.planSet(SetRequest(seed: "\(seed.artist) - \(misspelt)zz", minutes: 5))
            Issue.record("planned from a seed that does not exist")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message.contains("Closest"))
            #expect(error.message.contains(seed.artist))
        }
        #expect(throws: SegueError.self) { try segue.planSet(SetRequest(seed: "\(seed.id)", minutes: 0)) }
        #expect(throws: SegueError.self) { try segue.planSet(SetRequest(seed: "\(seed.id)", minutes: 100_000)) }
    }

    @Test func resolvesIdsPathsAndNames() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let track = report.set.tracks[1]
        #expect(try segue.resolveTrack("\(track.id)").id == track.id)
        #expect(try segue.resolveTrack(track.path).id == track.id)
        #expect(try segue.resolveTrack("\(track.artist) - \(track.title)").id == track.id)
    }

    @Test func exportedFilesReadBack() throws {
        let report = try SmallDemo.report.get()
        let json = try #require(report.files.first { $0.hasSuffix("demo-set.json") })
        let set = try Segue.readSetDocument(at: json)
        #expect(set == report.set)
    }
}

/// Collects warnings from worker threads.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ text: String) { lock.lock(); items.append(text); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

extension SegueTests {
    @Test func setsComeWithDistinctAlternativesWhenAsked() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let seed = report.set.tracks[0]
        let set = try segue.planSet(SetRequest(seed: "\(seed.id)", minutes: 3, alternatives: 3))
        let alternatives = set.alternatives ?? []
        #expect(alternatives.count <= 2)
        for alternative in alternatives {
            #expect(alternative.tracks.first?.id == seed.id)
            #expect(alternative.tracks.map(\.id) != set.tracks.map(\.id))
            #expect(alternative.quality != nil)
        }
        #expect(throws: SegueError.self) { try segue.planSet(SetRequest(seed: "\(seed.id)", minutes: 3, alternatives: 0)) }
    }
}
