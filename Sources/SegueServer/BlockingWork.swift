import Dispatch

/// Runs synchronous, CPU-heavy or blocking use cases (planning, search, import, database reads)
/// on a dispatch queue of their own instead of Swift's cooperative thread pool, which on a
/// 2-core machine has two threads: two long plans there would stall every other request,
/// `/health` included.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "segue.server.blocking-work", attributes: .concurrent)

    /// The result of `body`, computed off the server's threads.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
