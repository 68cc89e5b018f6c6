import Foundation
import GRDB

/// A row of the `savedSet` table: a planned set's document as the API answered it, under its id.
struct SavedSetRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "savedSet"

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id), createdAt = Column(CodingKeys.createdAt), document = Column(CodingKeys.document),
            name = Column(CodingKeys.name)
    }

    /// The set's id (letters and digits).
    var id: String
    /// When it was stored (seconds since 1970).
    var createdAt: Double
    /// The JSON set document.
    var document: Data
    /// The DJ's name for it (nil for versions nobody named).
    var name: String?
}
