/// Rewrites path prefixes for a library analysed on one machine and played on another
/// (`--path-prefix /home/dj/Music=D:/Music`).
///
/// Rules are tried longest prefix first and match whole path components only (`/music` maps
/// `/music/a.mp3` but not `/musical/a.mp3`). A prefix ending in a drive letter
/// (`D:` or `D:/Music`) makes the rest of the path use `/` (Windows programs read both
/// separators; DJ formats store `/`).
public struct PathMapping: Sendable, Hashable {
    /// One rule: paths starting with `from` start with `to` instead.
    public struct Rule: Sendable, Hashable {
        /// The prefix to replace.
        public var from: String
        /// Its replacement.
        public var to: String

        /// Creates a rule.
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// The rules, longest `from` first.
    public let rules: [Rule]

    /// No rewriting.
    public static let identity = PathMapping(rules: [])

    /// Creates a mapping; rules are ordered longest prefix first.
    public init(rules: [Rule]) {
        self.rules = rules.sorted { $0.from.count > $1.from.count }
    }

    /// Parses `FROM=TO` rules.
    /// - Throws: ``PlaylistFormatError/invalidOption(_:)`` for a rule without `=` or with an empty `FROM`.
    public init(parsing texts: [String]) throws(PlaylistFormatError) {
        var rules: [Rule] = []
        for text in texts {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw .invalidOption("a path prefix rule is FROM=TO, got '\(text)'")
            }
            rules.append(Rule(from: String(text[..<equals]), to: String(text[text.index(after: equals)...])))
        }
        self.init(rules: rules)
    }

    /// `path` with the first matching rule applied (unchanged when none matches).
    public func apply(_ path: String) -> String {
        for rule in rules {
            let from = rule.from.hasSuffix("/") || rule.from.hasSuffix("\\") ? String(rule.from.dropLast()) : rule.from
            guard path.hasPrefix(from) else { continue }
            let rest = path.dropFirst(from.count)
            guard rest.isEmpty || rest.hasPrefix("/") || rest.hasPrefix("\\") else { continue }
            let to = rule.to.hasSuffix("/") || rule.to.hasSuffix("\\") ? String(rule.to.dropLast()) : rule.to
            var mapped = to + rest
            if FileLocation.isWindowsDrivePath(mapped) { mapped = mapped.replacingOccurrences(of: "\\", with: "/") }
            return mapped
        }
        return path
    }
}
