import DJModel
import Foundation
import PlaylistFormats

extension Segue {
    /// Stores `set` in the library under a new id (the newest 1000 are kept) and returns it with
    /// that id.
    public func save(_ set: DJSet) throws(SegueError) -> DJSet { try saveDocument(set).set }

    /// Stores `set` under a new id and returns it with its stored document: compact JSON with
    /// sorted keys, the same bytes the API answers with, so a service encodes each set once.
    public func saveDocument(_ set: DJSet) throws(SegueError) -> (set: DJSet, json: Data) {
        var saved = set
        saved.id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let document: Data
        do { document = try JSONSetDocument().compact(saved) } catch { throw SegueError.wrap(error, as: .invalidInput) }
        try libraryCall { try library.saveSet(id: saved.id!, document: document) }
        return (saved, document)
    }

    /// The set stored under `id`.
    /// - Throws: ``SegueError`` `.notFound` for an unknown id.
    public func savedSet(id: String) throws(SegueError) -> DJSet {
        guard id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw SegueError(.invalidInput, "a set id is letters and digits, got '\(id.prefix(64))'")
        }
        guard let data = try libraryCall({ try library.savedSet(id: id) }) else { throw SegueError(.notFound, "no set with id \(id)") }
        do { return try JSONSetDocument().decode(data, source: "set \(id)") } catch { throw SegueError(.ioFailure, error.description) }
    }
}
