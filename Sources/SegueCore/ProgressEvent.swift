/// Progress of long work, for a terminal bar, plain log lines or API events.
public enum ProgressEvent: Sendable, Hashable {
    /// A stage begins (`total` steps, 0 when unknown).
    case stage(name: String, total: Int)
    /// `done` of `total` steps finished; `item` names the last one.
    case step(name: String, done: Int, total: Int, item: String)
    /// Something was skipped or went wrong without stopping the work (an unreadable file).
    case warning(String)
    /// A stage ended.
    case stageFinished(name: String, summary: String)
}

/// Receives progress events; called from worker threads, so implementations are thread-safe.
public typealias ProgressHandler = @Sendable (ProgressEvent) -> Void
