import DJModel
import DSP
import Foundation

/// Runs every estimator on one track's mono PCM and assembles a ``TrackAnalysis``.
///
/// Audio should be at ``TrackAnalyzer/analysisSampleRate`` (other rates work; the estimators
/// adapt their frequency mapping). Audio under one second is rejected; under four seconds the
/// tempo and key come back with confidence 0.
public struct TrackAnalyzer: Sendable {
    /// The rate Segue decodes to for analysis, in Hz.
    public static let analysisSampleRate = 22050.0
    /// Shortest audio analysed, in seconds.
    public static let minimumDuration = 1.0

    private let tempoEstimator: TempoEstimator
    private let keyEstimator: KeyEstimator

    /// Creates an analyser with the given estimator parameters.
    public init(tempo: TempoConfiguration = .standard, key: KeyConfiguration = .standard) {
        tempoEstimator = TempoEstimator(configuration: tempo)
        keyEstimator = KeyEstimator(configuration: key)
    }

    /// Analyses `samples` (mono, −1…1) at `sampleRate` Hz; `sourceChannels` is the channel count
    /// of the file they came from (for loudness).
    public func analyze(samples: [Float], sampleRate: Double, sourceChannels: Int = 2) throws(AnalysisError) -> TrackAnalysis {
        let duration = Double(samples.count) / sampleRate
        guard duration >= Self.minimumDuration else { throw .tooShort(seconds: duration, minimum: Self.minimumDuration) }
        let frames: SpectralFrames
        let pitchProfile: PitchClassProfile
        do {
            frames = try SpectralFrames(samples: samples, sampleRate: sampleRate)
            pitchProfile = try PitchClassProfile(samples: samples, sampleRate: sampleRate)
        } catch {
            throw .backend("spectral analysis failed: \(error)")
        }
        let onset = OnsetEnvelope.compute(frames)
        let onsetRate = OnsetRate.compute(onset: onset, frameRate: frames.frameRate)
        let (bpm, tempoConfidence) = tempoEstimator.estimate(onset: onset, frameRate: frames.frameRate, onsetRate: onsetRate)
        let kickOnset = OnsetEnvelope.compute(frames, maximumHz: 150, linear: true)
        let firstBeat = BeatGridEstimator().firstBeat(onset: kickOnset, frameRate: frames.frameRate, bpm: bpm)
        let (key, keyConfidence) = keyEstimator.estimate(pitchProfile)
        let loudness = try LoudnessMeter().measure(samples: samples, sampleRate: sampleRate, sourceChannels: sourceChannels)
        let highShare = frames.frameCount > 0
            ? stride(from: 2, to: frames.bandShares.count, by: 3).reduce(0.0) { $0 + Double(frames.bandShares[$1]) } / Double(frames.frameCount)
            : 0
        let energy = EnergyEstimator().estimate(loudness: loudness.integrated, onsetRate: onsetRate, highShare: highShare, bpm: bpm)
        let features = TimbreExtractor().extract(frames, onsetRate: onsetRate)
        let silent = loudness.integrated <= -69.9
        return TrackAnalysis(
            duration: duration,
            tempo: Tempo(bpm: bpm, firstBeat: firstBeat, confidence: silent ? 0 : tempoConfidence),
            key: key, keyConfidence: silent ? 0 : keyConfidence,
            loudness: loudness.integrated, loudnessRange: loudness.range,
            energy: energy, features: features)
    }
}
