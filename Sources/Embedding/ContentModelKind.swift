/// The two regressions the content space chooses between (``ContentEmbedding/Model``), by the
/// names reports and the library use.
public enum ContentModelKind: String, Sendable, Hashable, CaseIterable {
    /// Linear map (``RidgeRegression``).
    case ridge
    /// One-hidden-layer network (``NeuralEmbedding``).
    case network
}
