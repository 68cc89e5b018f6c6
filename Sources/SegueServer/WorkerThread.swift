import Foundation
import Synchronization

/// A thread of its own that runs the work given to it one item at a time, in order.
///
/// Dispatch queues borrow their threads from libdispatch's pool, which on Linux grows to the
/// number of cores for ordinary work: while a scan or an analysis fills both cores with
/// `concurrentPerform`, a serial queue's next item waits for one of them to come free (in a test
/// run, a queued preview waited over two minutes behind an analysis). A worker thread is never
/// borrowed, so the render queues keep their turn whatever else the process is doing. The
/// thread ends when the worker is released, once the work given so far is done.
final class WorkerThread: Sendable {
    /// The work not yet run, shared with the thread (which must not keep the worker alive).
    private final class Backlog: Sendable {
        let items = Mutex<(work: [@Sendable () -> Void], stopped: Bool)>(([], false))
        let available = DispatchSemaphore(value: 0)

        /// The next item, waiting for one; `nil` once stopped and empty.
        func next() -> (@Sendable () -> Void)? {
            while true {
                available.wait()
                let (item, stopped) = items.withLock { state -> ((@Sendable () -> Void)?, Bool) in
                    (state.work.isEmpty ? nil : state.work.removeFirst(), state.stopped)
                }
                if let item { return item }
                if stopped { return nil }
            }
        }
    }

    private let backlog = Backlog()

    /// Starts the thread, named `name` (as debuggers and `top -H` show it).
    init(name: String) {
        let thread = Thread { [backlog] in
            while let work = backlog.next() { work() }
        }
        thread.name = name
        thread.start()
    }

    /// Runs `work` on the thread after the work given before it.
    func async(_ work: @escaping @Sendable () -> Void) {
        backlog.items.withLock { $0.work.append(work) }
        backlog.available.signal()
    }

    deinit {
        backlog.items.withLock { $0.stopped = true }
        backlog.available.signal()
    }
}
