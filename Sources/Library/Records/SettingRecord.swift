import GRDB

/// A row of the `setting` table: one named value (``LibrarySetting``).
struct SettingRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "setting"

    /// The table's columns.
    enum Columns {
        static let name = Column(CodingKeys.name), value = Column(CodingKeys.value)
    }

    /// The setting's name (``LibrarySetting/rawValue``).
    var name: String
    /// Its value, as text (JSON for structured settings).
    var value: String
}
