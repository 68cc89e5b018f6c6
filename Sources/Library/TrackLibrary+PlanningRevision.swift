extension TrackLibrary {
    /// A number that changes whenever tracks, analyses, factors, the graph or the transition
    /// weights change (kept by triggers), so a loaded graph can be reused until it does.
    public func planningRevision() throws(LibraryError) -> String {
        try setting(.planningRevision) ?? ""
    }
}
