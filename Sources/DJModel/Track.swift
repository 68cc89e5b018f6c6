/// A track of the library: its file, tags and, once analysed, its analysis.
public struct Track: Hashable, Sendable, Identifiable {
    /// Library identifier.
    public var id: TrackID
    /// Absolute file path; `nil` for catalogue-only tracks known from tracklists alone.
    public var path: String?
    /// Tags.
    public var metadata: TrackMetadata
    /// Duration in seconds (from the tags or the analysis).
    public var duration: Double
    /// The analysis, when the file has been analysed, with the DJ's ``overrides`` applied.
    public var analysis: TrackAnalysis?
    /// What the DJ corrected by hand, if anything (already applied to ``analysis`` unless they
    /// need review).
    public var overrides: TrackOverrides?

    /// Creates a track.
    public init(id: TrackID, path: String?, metadata: TrackMetadata, duration: Double, analysis: TrackAnalysis?, overrides: TrackOverrides? = nil) {
        self.overrides = overrides
        self.id = id
        self.path = path
        self.metadata = metadata
        self.duration = duration
        self.analysis = analysis
    }
}
