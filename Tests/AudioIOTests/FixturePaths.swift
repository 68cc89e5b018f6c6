import Foundation

/// Paths of the committed files under `Fixtures/`.
enum FixturePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func audio(_ name: String) -> String { root.appendingPathComponent("audio").appendingPathComponent(name).path }
}
