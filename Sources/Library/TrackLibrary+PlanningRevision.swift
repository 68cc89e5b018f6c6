import GRDB

extension TrackLibrary {
    /// A number that changes whenever tracks, analyses, factors, the graph or the transition
    /// weights change (kept by triggers), so a loaded graph can be reused until it does.
    public func planningRevision() throws(LibraryError) -> String {
        try read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE name = '\(LibrarySetting.planningRevision.rawValue)'")) ?? "" }
    }
}
