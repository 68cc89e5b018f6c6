import AudioIO
import DJModel
import Foundation
import Library
import PlaylistFormats
import SegueCore
import Testing
import TrackSynth

/// The faults found by attacking the CLI, each reproduced: named pipes and text files named like
/// audio, one file spelled many ways, moved files, half-finished imports, exports through links
/// and track queries naming server files.
@Suite(.serialized) struct HardeningTests {
    private let folder: String = {
        let path = NSTemporaryDirectory() + "segue-hardening-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes a short synthesised track (house, 124 BPM, A minor) at `path`.
    private func writeTrack(_ path: String, seed: UInt64 = 21) throws {
        let spec = try SynthesisSpec(style: .house, bpm: 124, key: MusicalKey(tonic: 9, mode: .minor), duration: 12,
                                     seed: seed, sampleRate: 22050, djIntroOutro: false)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AudioEncoder().write(channels: [TrackSynthesizer().render(spec)], sampleRate: 22050, to: path, bitDepth: .sixteen)
    }

    /// Runs `body` on a dispatch thread and waits at most `seconds`: a scan that blocks for ever
    /// fails the test instead of hanging the run. (Not a Foundation `Thread`: a scan's
    /// `concurrentPerform` from one corrupts the heap while another runs.)
    private func withinSeconds<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = LockedBox<Result<T, any Error>>()
        DispatchQueue.global().async {
            box.set(Result { try body() })
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success, let result = box.get() else {
            throw SegueError(.ioFailure, "did not finish within \(seconds) s")
        }
        return try result.get()
    }

    @Test func aNamedPipeOrATextFileNamedLikeAudioIsNamedAndSkipped() throws {
        let music = folder + "/music"
        try writeTrack(music + "/real.wav")
        try #require(mkfifo(music + "/pipe.mp3", 0o600) == 0)
        try Data("these are my notes, not a song\n".utf8).write(to: URL(fileURLWithPath: music + "/notes.mp3"))
        let segue = try Segue(libraryPath: folder + "/library.sqlite")
        let events = LockedBox<[ProgressEvent]>()
        let report = try withinSeconds(120) { try segue.scan([music], jobs: 1, progress: { event in events.update { $0 = ($0 ?? []) + [event] } }) }
        #expect(report.analysed == 1)
        #expect(report.skipped.count == 1 && report.skipped[0].contains("pipe.mp3") && report.skipped[0].contains("named pipe"), "\(report.skipped)")
        #expect(report.failures.count == 1 && report.failures[0].contains("notes.mp3") && report.failures[0].contains("holds text"), "\(report.failures)")
        #expect(!report.failures[0].contains("pipe"), "a text file is not called a pipe: \(report.failures[0])")
        #expect((events.get() ?? []).contains { if case .warning(let message) = $0 { return message.contains("pipe.mp3") } else { return false } })
        // Decoding the pipe directly is refused without blocking too.
        #expect(throws: AudioIOError.self) { _ = try withinSeconds(10) { try AudioDecoder().decode(path: music + "/pipe.mp3") } }
    }

    @Test func aPathLongerThanTheSystemAllowsIsNamedAndSkipped() throws {
        let deep = folder + "/deep"
        // 45 folders of 100 characters: a file at the bottom has a path over PATH_MAX (4096).
        let script = "import os,sys\nos.makedirs(sys.argv[1])\nos.chdir(sys.argv[1])\nfor _ in range(45):\n  os.mkdir('d'*100); os.chdir('d'*100)\nopen('x.mp3','w').write('x')"
        try #require(Self.python(["-c", script, deep]) == 0)
        let segue = try Segue(libraryPath: folder + "/library.sqlite")
        let report = try withinSeconds(60) { try segue.scan([deep], jobs: 1) }
        #expect(report.found == 0)
        #expect(report.skipped.count == 1 && report.skipped[0].contains("longer than the system allows"), "\(report.skipped)")
    }

    @Test func oneFileIsOneTrackHoweverItsFolderIsSpelled() throws {
        let music = folder + "/music"
        try writeTrack(music + "/a.wav")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: music)
        let segue = try Segue(libraryPath: folder + "/library.sqlite")
        for spelling in [music, music + "/", folder + "//music", music + "/./", folder + "/link", folder + "/music/../music"] {
            _ = try segue.scan([spelling], jobs: 1)
        }
        let tracks = try segue.library.allTracks()
        #expect(tracks.count == 1, "\(tracks.map { $0.path ?? "" })")
        #expect(tracks.first?.path == CanonicalPath.of(music + "/a.wav"))
        #expect(CanonicalPath.contains("/", "/music") && CanonicalPath.contains("/a", "/a/b") && !CanonicalPath.contains("/a", "/ab"))
        #expect(CanonicalPath.standardized("//x/./y/../z/") == "/x/z")
    }

    @Test func aMovedFileKeepsItsTrack() throws {
        let music = folder + "/music"
        try writeTrack(music + "/old name.wav")
        let segue = try Segue(libraryPath: folder + "/library.sqlite")
        _ = try segue.scan([music], jobs: 1)
        let before = try #require(try segue.library.allTracks().first)
        try segue.library.replaceTracklists(source: "friday.csv", [("friday", "friday", [before.id])])
        try FileManager.default.createDirectory(atPath: music + "/sorted", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: music + "/old name.wav", toPath: music + "/sorted/new name.wav")
        let report = try segue.scan([music], jobs: 1)
        #expect(report.moved == 1 && report.analysed == 0, "\(report)")
        let after = try segue.library.allTracks()
        #expect(after.count == 1, "the old path is not left as a dead track")
        #expect(after.first?.id == before.id && after.first?.path == CanonicalPath.of(music + "/sorted/new name.wav"))
        #expect(after.first?.analysis != nil)
        #expect(try segue.library.tracklists().first?.trackIds == [before.id])
    }

    @Test func aMigrationMergesTracksStoredUnderTwoSpellings() throws {
        let library = folder + "/old.sqlite"
        do { _ = try TrackLibrary(path: library) }
        // Rows as an older Segue stored them after a scan of "/": the same file as "//m/a.flac"
        // and "/m/a.flac", each in a tracklist and the duplicate in a saved set.
        let set = #"{"kind":"set","seed":"A","duration":1,"tracks":[{"id":2,"path":"//m/a.flac","artist":"","title":"A","duration":1,"bpm":120,"key":"A minor","camelot":"8A","energy":5,"start":0}],"transitions":[{"from":2,"to":1,"score":1,"components":{"als":0,"content":0,"bpm":0,"key":0,"energy":0},"explanation":""}]}"#
        let sql = """
            INSERT INTO track (id, path, title, matchKey) VALUES (1, '/m/a.flac', 'A', 'a'), (2, '//m/a.flac', 'A', 'a'), (3, '/m/./b.flac/', 'B', 'b');
            INSERT INTO tracklist (id, source, externalId) VALUES (1, 's', 'x');
            INSERT INTO tracklistEntry (tracklistId, position, trackId) VALUES (1, 0, 1), (1, 1, 2), (1, 2, 3);
            INSERT INTO savedSet (id, createdAt, document) VALUES ('s1', 0, CAST('\(set)' AS BLOB));
            DELETE FROM grdb_migrations WHERE identifier = 'v6-canonical-paths';
            """
        try #require(Self.python(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", library, sql]) == 0)
        let reopened = try TrackLibrary(path: library)
        let tracks = try reopened.allTracks()
        #expect(tracks.map(\.id.rawValue) == [1, 3] && tracks.map { $0.path ?? "" } == ["/m/a.flac", "/m/b.flac"], "\(tracks)")
        #expect(try reopened.tracklists().first?.trackIds.map(\.rawValue) == [1, 1, 3], "no tracklist entry is lost")
        let document = try #require(try reopened.savedSet(id: "s1"))
        let stored = try JSONDecoder().decode(DJSet.self, from: document)
        #expect(stored.tracks.map(\.id.rawValue) == [1] && stored.transitions.first?.from.rawValue == 1)
    }

    @Test func anImportIsAllOrNothing() throws {
        let library = folder + "/import.sqlite"
        let segue = try Segue(libraryPath: library)
        let before = try segue.library.counts().tracks
        // 2000 entries no library track matches: all of them become catalogue tracks, or none.
        let rows = (1...2000).map { "big,\($0),Artist \($0),Title \($0)" }.joined(separator: "\n")
        let file = folder + "/big.csv"
        try Data(("set_id,position,artist,title\n" + rows + "\n").utf8).write(to: URL(fileURLWithPath: file))
        // A fault injected inside the store (as a crash would be): the 1500th entry fails.
        let trigger = "CREATE TRIGGER fault AFTER INSERT ON tracklistEntry WHEN NEW.position = 1500 BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
        try #require(Self.python(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", library, trigger]) == 0)
        #expect(throws: SegueError.self) { _ = try segue.importTracklists(files: [file]) }
        #expect(try segue.library.counts().tracks == before, "catalogue tracks of a failed import stayed")
        #expect(try segue.library.tracklists().isEmpty)
        try #require(Self.python(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TRIGGER fault'); c.commit()", library]) == 0)
        #expect(throws: SegueError.self) { _ = try segue.importTracklists(files: [file], maxEntriesPerFile: 1000) }
        let report = try segue.importTracklists(files: [file])
        let after = try segue.library.counts().tracks
        #expect(report.unmatched == 2000 && after == before + 2000)
    }

    @Test func anExportNeverWritesThroughALink() throws {
        let usb = folder + "/usb", elsewhere = folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: usb + "/_Serato_", withDestinationPath: elsewhere)
        let set = DJSet(kind: .set, seed: "A", duration: 60, tracks: [
            DJSet.Entry(id: TrackID(1), path: usb + "/a.flac", artist: "A", title: "B", duration: 60, bpm: 120, key: MusicalKey(parsing: "A minor"),
                         energy: 5, start: 0)], transitions: [])
        do {
            _ = try Segue.export(set, format: .serato, to: usb)
            Issue.record("the crate was written through the link")
        } catch {
            #expect(error.description.contains("_Serato_") && error.description.contains("outside"), "\(error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        try FileManager.default.removeItem(atPath: usb + "/_Serato_")
        let written = try Segue.export(set, format: .serato, to: usb)
        #expect(written.hasPrefix(usb + "/_Serato_/Subcrates/"))
    }

    @Test func remoteQueriesNeverOpenFiles() throws {
        let demo = try SmallDemo.report.get()
        // The same file name in two folders, one existing: the answers may differ only by the path.
        try FileManager.default.createDirectory(atPath: folder + "/here", withIntermediateDirectories: true)
        let secret = folder + "/here/secret.csv"
        try Data("set_id,position,artist,title\nx,SECRET-TOKEN,a,b\n".utf8).write(to: URL(fileURLWithPath: secret))
        let remote = try Segue(libraryPath: demo.libraryPath, queryFiles: .libraryOnly)
        var messages: [String] = []
        for query in [secret, folder + "/nowhere/secret.csv"] {
            do { _ = try remote.resolveTrack(query) } catch { messages.append(error.description.replacingOccurrences(of: query, with: "Q")) }
        }
        #expect(messages.count == 2 && messages[0] == messages[1], "an existing and a missing file answer alike: \(messages)")
        #expect(!messages.joined().contains("SECRET"))
        // The CLI reads local playlists, and its errors name the file and line without the content.
        let local = try Segue(libraryPath: demo.libraryPath)
        do { _ = try local.resolveTrack(secret) } catch {
            #expect(error.description.contains("secret.csv:2") && !error.description.contains("SECRET"), "\(error)")
        }
        #expect(throws: SegueError.self) { _ = try remote.resolveTrack(Array(repeating: "w", count: 40).joined(separator: " ")) }
        #expect(throws: SegueError.self) {
            _ = try remote.planSet(SetRequest(seed: demo.set.tracks[0].artist + " - " + demo.set.tracks[0].title, minutes: 5,
                                              rules: PlanRules(exclude: (0...200).map { "/nowhere/\($0).flac" })))
        }
    }

    /// A parameter out of range from a lower layer keeps its field up to the use case's error.
    @Test func anInvalidPlannerParameterNamesItsField() throws {
        let demo = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: demo.libraryPath)
        let seed = "\(demo.set.tracks[0].id.rawValue)"
        do {
            _ = try segue.planSet(SetRequest(seed: seed, minutes: 5, beamWidth: 0))
            Issue.record("a beam width of 0 was accepted")
        } catch {
            #expect(error.kind == .invalidInput && error.field == "beam width", "\(error.kind) \(error.field ?? "no field"): \(error)")
            #expect(error.message == "beam width must be 1…10000, got 0")
        }
    }

    static func python(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A value shared between threads in a test, behind a lock.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value? { lock.withLock { value } }
    func update(_ body: (inout Value?) -> Void) { lock.withLock { body(&value) } }
}
