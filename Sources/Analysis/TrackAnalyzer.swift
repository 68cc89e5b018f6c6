import DJModel
import DSP
import Foundation

/// Runs every estimator on one track's mono PCM and assembles a ``TrackAnalysis``.
///
/// Audio should be at ``TrackAnalyzer/analysisSampleRate`` (other rates work; the estimators
/// adapt their frequency mapping). Audio under one second is rejected; under four seconds the
/// tempo and key come back with confidence 0. For files, use ``session(sampleRate:sourceChannels:)``
/// and feed decoded blocks, so that memory stays flat however long the track.
public struct TrackAnalyzer: Sendable {
    /// The rate Segue decodes to for analysis, in Hz.
    public static let analysisSampleRate = 22050.0
    /// Shortest audio analysed, in seconds.
    public static let minimumDuration = 1.0

    let tempoEstimator: TempoEstimator
    let keyEstimator: KeyEstimator

    /// Creates an analyser with the given estimator parameters.
    public init(tempo: TempoConfiguration = .standard, key: KeyConfiguration = .standard) {
        tempoEstimator = TempoEstimator(configuration: tempo)
        keyEstimator = KeyEstimator(configuration: key)
    }

    /// Starts a streaming analysis of audio at `sampleRate` Hz from a file of `sourceChannels`
    /// channels (for loudness).
    public func session(sampleRate: Double, sourceChannels: Int = 2) throws(AnalysisError) -> TrackAnalysisSession {
        try TrackAnalysisSession(analyzer: self, sampleRate: sampleRate, sourceChannels: sourceChannels)
    }

    /// Analyses `samples` (mono, −1…1) at `sampleRate` Hz; `sourceChannels` is the channel count
    /// of the file they came from (for loudness).
    public func analyze(samples: [Float], sampleRate: Double, sourceChannels: Int = 2) throws(AnalysisError) -> TrackAnalysis {
        let session = try session(sampleRate: sampleRate, sourceChannels: sourceChannels)
        samples.withUnsafeBufferPointer { session.add($0) }
        return try session.finish()
    }
}
