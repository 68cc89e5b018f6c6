import Dispatch
import Foundation
@testable import SegueServer
import SegueCore
import Testing

/// Render work is bounded: previews queue behind one running render and are refused with 503 and
/// `Retry-After` beyond the queue; the cache is evicted; scratch folders do not outlive servers.
@Suite(.serialized) struct RenderQueueTests {
    @Test func previewsBeyondTheQueueAreAskedToComeBack() async throws {
        let renders = RenderJobs()
        defer { renders.removeFolder() }
        let release = DispatchSemaphore(value: 0)
        let capacity = RenderJobs.runningPreviews + RenderJobs.waitingPreviews
        try await withThrowingTaskGroup(of: String.self) { group in
            for number in 1...capacity {
                group.addTask {
                    try await renders.preview(setId: "s\(number)", number: 1) { path throws(SegueError) in
                        release.wait()
                        FileManager.default.createFile(atPath: path, contents: Data("mp3".utf8))
                    }
                }
            }
            // Wait until every slot is taken (one running, the rest waiting). Under a loaded test run
            // the tasks may take a while to start: wait for the state, not a fixed time.
            let deadline = ContinuousClock.now + .seconds(120)
            while renders.previewLoad != (RenderJobs.runningPreviews, RenderJobs.waitingPreviews), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            guard renders.previewLoad == (RenderJobs.runningPreviews, RenderJobs.waitingPreviews) else {
                Issue.record("the queue never filled: \(renders.previewLoad)")
                for _ in 1...capacity { release.signal() }
                return
            }
            do {
                _ = try await renders.preview(setId: "late", number: 1) { _ throws(SegueError) in Issue.record("a preview beyond the queue was rendered") }
                Issue.record("a preview beyond the queue was accepted")
            } catch let error as ServerError {
                #expect(error.status == 503 && error.retryAfter == RenderJobs.retryAfterSeconds, "\(error)")
            }
            for _ in 1...capacity { release.signal() }
            var rendered = 0
            for try await path in group where path.hasSuffix("-1.mp3") { rendered += 1 }
            #expect(rendered == capacity)
        }
        #expect(renders.previewLoad.running == 0 && renders.previewLoad.waiting == 0)
        // A cached preview is served without a turn.
        let cached = try await renders.preview(setId: "s1", number: 1) { _ throws(SegueError) in Issue.record("rendered again") }
        #expect(cached.hasSuffix("preview-s1-1.mp3"))
    }

    @Test func thePreviewCacheIsEvictedBySizeAndAgeAndWithItsSet() throws {
        let renders = RenderJobs()
        defer { renders.removeFolder() }
        func make(_ name: String, bytes: Int, age: TimeInterval) throws {
            let path = "\(renders.folder)/\(name)"
            try Data(count: bytes).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
        }
        try make("preview-old-1.mp3", bytes: 10, age: RenderJobs.previewCacheSeconds + 60)
        try make("preview-big-1.mp3", bytes: Int(RenderJobs.previewCacheBytes), age: 120)
        try make("preview-new-1.mp3", bytes: 10, age: 1)
        try make("preview-gone-1.mp3", bytes: 10, age: 1)
        try make("preview-gone-2.mp3", bytes: 10, age: 1)
        renders.evictPreviews()
        var names = Set(try FileManager.default.contentsOfDirectory(atPath: renders.folder))
        #expect(!names.contains("preview-old-1.mp3"), "older than the cache's age")
        #expect(!names.contains("preview-big-1.mp3"), "the oldest go first while the cache is over its size")
        #expect(names.contains("preview-new-1.mp3"))
        renders.forgetPreviews(ofSet: "gone")
        names = Set(try FileManager.default.contentsOfDirectory(atPath: renders.folder))
        #expect(names == ["preview-new-1.mp3"], "a deleted set's previews go with it: \(names)")
    }

    @Test func scratchFoldersOfStoppedServersAreRemoved() throws {
        // The id of a process that has ended.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let temporary = FileManager.default.temporaryDirectory
        let stale = temporary.appendingPathComponent("segue-renders-\(process.processIdentifier)-test")
        let staleUpload = temporary.appendingPathComponent("segue-upload-\(process.processIdentifier)-test")
        let live = temporary.appendingPathComponent("segue-renders-\(getpid())-test")
        for folder in [stale, staleUpload, live] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: live) }
        let renders = RenderJobs()
        #expect(!FileManager.default.fileExists(atPath: stale.path) && !FileManager.default.fileExists(atPath: staleUpload.path),
                "a crashed server's folders are deleted by the next one")
        #expect(FileManager.default.fileExists(atPath: live.path), "a running server's are kept")
        #expect(renders.folder.contains("segue-renders-\(getpid())-"))
        renders.removeFolder()
        // What a stopping server runs, for a stand-in process id (this test process's own folders
        // belong to servers of other tests running now).
        let standIn: Int32 = 2_000_000_000 + Int32.random(in: 0..<1_000_000)
        let own = [temporary.appendingPathComponent("segue-renders-\(standIn)-a"), temporary.appendingPathComponent("segue-upload-\(standIn)-b")]
        for folder in own { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        removeServerScratchFolders(of: standIn)
        #expect(own.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) }, "a server that stops removes its own")
        #expect(FileManager.default.fileExists(atPath: live.path), "and only its own")
    }

    @Test func malformedRangesAreIgnored() {
        #expect(ByteRange.parse("bytes=--5", size: 100) == .whole)
        #expect(ByteRange.parse("bytes=+1-2", size: 100) == .whole)
        #expect(ByteRange.parse("bytes=-", size: 100) == .whole)
        #expect(ByteRange.parse("bytes=-5", size: 100) == .range(ByteRange(start: 95, end: 99)))
        #expect(ByteRange.parse("bytes=200-", size: 100) == .unsatisfiable)
    }
}
