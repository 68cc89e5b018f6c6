/// A timbral feature vector (MFCC statistics, spectral shape, onset rate) for content similarity.
///
/// `names` documents each dimension; ``TrackAnalysis/version`` says which extractor made it.
public struct FeatureVector: Hashable, Sendable, Codable {
    /// The values, one per dimension.
    public var values: [Float]

    /// Creates a vector from its values.
    public init(_ values: [Float]) { self.values = values }

    /// Number of dimensions.
    public var count: Int { values.count }
}
