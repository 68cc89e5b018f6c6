/// The kinds of per-track vectors the library stores (the `kind` column of the factor table).
public enum FactorKind: String, Sendable, CaseIterable {
    /// Implicit-feedback ALS item factors, learned from tracklists.
    case als
    /// Content vectors: the track's audio features mapped into the ALS space.
    case content
}
