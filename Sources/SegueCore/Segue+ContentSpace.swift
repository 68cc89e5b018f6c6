import DJModel
import Embedding
import Foundation
import Library

extension Segue {
    /// Library setting holding the content space as JSON (``ContentSpace``).
    static let contentModelSetting = LibrarySetting.contentSpace
    /// Most tracks the cold-start models are fitted on (an even sample of larger libraries).
    static let contentFitRows = 20_000
    /// Most tracks the cold-start check uses.
    static let coldStartCheckRows = 5_000

    /// How raw feature vectors become content vectors: the cold-start embedding into the ALS
    /// space when one is trained, otherwise standardised features. Stored with the library so that
    /// tracks scanned after training land in the same space.
    struct ContentSpace: Codable, Sendable {
        /// The feature scaling (always present).
        var standardizer: FeatureStandardizer
        /// The embedding into the ALS space, when trained.
        var embedding: ContentEmbedding?

        /// The content vector of one feature vector.
        func vector(for features: FeatureVector) -> [Float] {
            embedding?.embed(features) ?? standardizer.transform(features)
        }
    }

    /// The input of the content space for one analysis: the timbral feature vector, then the
    /// tempo (log₂ BPM), energy ÷ 10, loudness ÷ 10 LUFS and loudness range ÷ 10 LU, since DJ
    /// scenes differ in tempo and level as much as in timbre.
    static func contentInput(_ analysis: TrackAnalysis) -> FeatureVector {
        FeatureVector(analysis.features.values + [Float(log2(max(analysis.tempo.bpm, 1))), Float(analysis.energy) / 10,
                                                  Float(analysis.loudness) / 10, Float(analysis.loudnessRange) / 10])
    }

    /// Fits the content space on the analysed tracks, stores it and every analysed track's
    /// content vector, and fills in the report. Fewer than
    /// ``ContentEmbeddingTrainer/minimumRows`` tracks with both audio and ALS factors, or a failed
    /// fit, leave the space at standardised features, with the reason in the report.
    public func trainContentSpace(analysed: [Track], report: inout TrainReport, progress: ProgressHandler?) throws(SegueError) {
        let withFeatures = analysed.compactMap { track in track.analysis.map { (track.id, Self.contentInput($0)) } }
        let standardizer: FeatureStandardizer
        do { standardizer = try FeatureStandardizer(fitting: withFeatures.map(\.1)) } catch {
            throw SegueError.wrap(error, as: .unsatisfiable)
        }
        var space = ContentSpace(standardizer: standardizer, embedding: nil)
        let als = try libraryCall { try library.factors(kind: .als) }
        let allPairs = withFeatures.compactMap { id, features in als[id].map { (standardizer.transform(features), $0) } }
        // Large libraries fit on an even sample: the models have a few thousand parameters, and
        // the network's epochs grow with the rows.
        let pairs = allPairs.count > Self.contentFitRows
            ? stride(from: 0, to: allPairs.count, by: allPairs.count / Self.contentFitRows + 1).map { allPairs[$0] } : allPairs
        if pairs.count >= ContentEmbeddingTrainer.minimumRows {
            progress?(.stage(name: "content model", total: 0))
            do {
                let trainer = try ContentEmbeddingTrainer()
                let (embedding, fitReport) = try trainer.fit(standardizer: standardizer, features: pairs.map(\.0), factors: pairs.map(\.1))
                space.embedding = embedding
                report.embedding = fitReport
                report.contentModel = fitReport.chosen.rawValue
                if pairs.count >= 50 {
                    let checked = pairs.count > Self.coldStartCheckRows
                        ? Array(stride(from: 0, to: pairs.count, by: pairs.count / Self.coldStartCheckRows + 1).map { pairs[$0] }) : pairs
                    report.coldStart = try ColdStartEvaluation(features: checked.map(\.0), factors: checked.map(\.1), trainer: trainer)
                }
                progress?(.stageFinished(name: "content model", summary: "\(fitReport.chosen.rawValue) on \(pairs.count) tracks with audio and ALS factors"))
            } catch {
                report.contentModelNote = "the cold-start model could not be fitted (\(error.description)); content similarity uses standardised features"
            }
        } else {
            report.contentModelNote = "\(pairs.count) tracks have both audio and ALS factors (the cold-start model needs "
                + "\(ContentEmbeddingTrainer.minimumRows)); content similarity uses standardised features"
        }
        var content: [TrackID: [Float]] = [:]
        for (id, features) in withFeatures { content[id] = space.vector(for: features) }
        let json: String
        do { json = String(decoding: try JSONEncoder().encode(space), as: UTF8.self) } catch {
            throw SegueError(.ioFailure, "could not encode the content model: \(error)")
        }
        try libraryCall { try library.replaceFactors(kind: .content, content) }
        try libraryCall { try library.setSetting(Self.contentModelSetting, json) }
        report.tracksWithContent = content.count
    }

    /// The stored content space, if training has run since the factors last changed.
    /// - Throws: ``SegueError`` `.ioFailure` naming the setting and the repair when it cannot be read.
    func storedContentSpace() throws(SegueError) -> ContentSpace? {
        guard let json = try libraryCall({ try library.setting(Self.contentModelSetting) }), !json.isEmpty else { return nil }
        do { return try JSONDecoder().decode(ContentSpace.self, from: Data(json.utf8)) } catch {
            throw SegueError(.ioFailure, "the library's stored content space (setting '\(Self.contentModelSetting.rawValue)') is unreadable "
                + "(\(DecodingProblem.summary(of: error))); fit it again with `segue train`")
        }
    }
}
