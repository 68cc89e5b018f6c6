import Foundation
import SegueCore
import Synchronization

/// Shows progress on standard error: a redrawn bar on a terminal, plain lines otherwise
/// (about every 10 % and at the end), warnings always on their own line.
final class ProgressPrinter: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lastPrinted = Mutex<[String: Int]>([:])

    /// The handler to pass to SegueCore.
    var handler: ProgressHandler { { [self] event in self.show(event) } }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    private func show(_ event: ProgressEvent) {
        switch event {
        case .stage(let name, let total):
            if !isTerminal { write("\(name): starting\(total > 0 ? " (\(total) steps)" : "")\n") }
        case .step(let name, let done, let total, let item):
            guard total > 0 else { return }
            // The item is a file or track name: its control characters are shown, not obeyed.
            let item = TerminalText.escaped(item)
            if isTerminal {
                let width = 30
                let filled = done * width / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let label = item.count > 40 ? String(item.prefix(37)) + "..." : item
                write("\r\u{1B}[K\(name) \(bar) \(done)/\(total) \(label)")
            } else {
                let decile = done * 10 / total
                let shouldPrint = lastPrinted.withLock { printed -> Bool in
                    if printed[name] == decile && done != total { return false }
                    printed[name] = decile
                    return true
                }
                if shouldPrint { write("\(name): \(done)/\(total) \(item)\n") }
            }
        case .warning(let message):
            let message = TerminalText.escaped(message)
            write((isTerminal ? "\r\u{1B}[K" : "") + "warning: \(message)\n")
        case .stageFinished(let name, let summary):
            let summary = TerminalText.escaped(summary)
            write((isTerminal ? "\r\u{1B}[K" : "") + "\(name): \(summary)\n")
        }
    }
}
