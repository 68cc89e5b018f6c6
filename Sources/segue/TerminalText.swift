import DJModel
import Foundation

/// Text from tags, file names and set names made safe to print on a terminal: a title holding
/// `ESC ] 0 ; … BEL` would otherwise retitle the window, move the cursor or worse. Control
/// characters (C0 but newline and tab, DEL, C1) and the bidirectional overrides that reorder
/// what is shown are printed as visible `\x1B`, `\u{202E}` escapes.
enum TerminalText {
    /// `text` with every control character and bidirectional override written as an escape.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A || value == 0x09 {
                result.unicodeScalars.append(scalar)
            } else if scalar.isHiddenControl || value == 0x200E || value == 0x200F {
                // Control characters (all below U+0100) as \x1B, the direction marks as \u{202E}.
                result += value < 0x100 ? String(format: "\\x%02X", value) : String(format: "\\u{%04X}", value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Printing for people: standard output and standard error with ``TerminalText/escaped(_:)``
/// applied (machine formats — CSV, JSONL, JSON — are printed as they are).
enum Console {
    /// Prints `text` and a newline on standard output, escaped.
    static func say(_ text: String) {
        print(TerminalText.escaped(text))
    }

    /// Writes `text` (ending it with a newline when it has none) on standard error, escaped.
    static func warn(_ text: String) {
        let line = TerminalText.escaped(text)
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }
}
