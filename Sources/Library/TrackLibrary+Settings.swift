import GRDB

extension TrackLibrary {
    /// Stores a named setting (model parameters, timestamps).
    public func setSetting(_ name: LibrarySetting, _ value: String) throws(LibraryError) {
        try write { db in try SettingRecord(name: name.rawValue, value: value).insert(db, onConflict: .replace) }
    }

    /// A named setting, or `nil` (a cached statement: the planning revision is read on every plan).
    public func setting(_ name: LibrarySetting) throws(LibraryError) -> String? {
        try read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE name = ?"), arguments: [name.rawValue]) }
    }
}
