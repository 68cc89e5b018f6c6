import DJModel
import Foundation
import SegueCore
import Library

/// What `synth-catalogue` did.
public struct SyntheticCatalogueReport: Sendable {
    /// Tracks stored, and how many of them have ALS factors.
    public var tracks: Int, tracksWithFactors: Int
    /// The content space fitted (see ``TrainReport/contentModel``).
    public var contentModel: String
    /// Edges in the track graph.
    public var edges: Int
    /// Seconds spent generating and storing, fitting the content space, and building the graph.
    public var storeSeconds: Double, contentSeconds: Double, graphSeconds: Double
}

extension Segue {
    /// Fills the library with a generated catalogue (see ``SyntheticCatalogue``): stores tracks,
    /// analyses and ALS factors, fits the content space and builds the track graph, as
    /// `segue train` would after ALS.
    public func synthesizeCatalogue(tracks count: Int, seed: UInt64 = 1, coldShare: Double = 0.3, threads: Int = 1,
                                    progress: ProgressHandler? = nil) throws(SegueError) -> SyntheticCatalogueReport {
        var clock = Date()
        func lap() -> Double { let now = Date(); defer { clock = now }; return now.timeIntervalSince(clock) }
        progress?(.stage(name: "generate", total: 0))
        let catalogue = try SyntheticCatalogue(count: count, coldShare: coldShare, seed: seed)
        let ids = try libraryCall { try library.storeAnalysedTracks(catalogue.entries.map { ($0.path, $0.metadata, $0.analysis) }) }
        var factors: [TrackID: [Float]] = [:]
        for (id, entry) in zip(ids, catalogue.entries) { if let vector = entry.factors { factors[id] = vector } }
        try libraryCall { try library.replaceFactors(kind: .als, factors) }
        let storeSeconds = lap()
        progress?(.stageFinished(name: "generate", summary: "\(count) tracks, \(factors.count) with ALS factors"))
        var report = TrainReport()
        report.tracksWithFactors = factors.count
        let analysed = try libraryCall { try library.analysedTracks() }
        try trainContentSpace(analysed: analysed, report: &report, progress: progress)
        let contentSeconds = lap()
        let edges = try buildGraph(neighbors: 24, threads: threads, progress: progress)
        return SyntheticCatalogueReport(tracks: count, tracksWithFactors: factors.count, contentModel: report.contentModel, edges: edges,
                                        storeSeconds: storeSeconds, contentSeconds: contentSeconds, graphSeconds: lap())
    }
}
