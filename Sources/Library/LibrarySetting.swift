/// The named settings the library stores (the `name` column of the setting table). The triggers
/// that keep the planning revision name two of them, so their spellings live here once.
public enum LibrarySetting: String, Sendable, CaseIterable {
    /// The transition weights the graph was built with (JSON); changing them moves the planning revision.
    case transitionWeights = "transition-weights"
    /// The fitted content space (JSON), empty when the ALS factors changed since it was fitted.
    case contentSpace = "content-space"
    /// The counter the triggers bump on every change the planner reads (tracks, analyses, factors, graph, weights).
    case planningRevision = "planning-revision"
}
