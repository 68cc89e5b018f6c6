import DJModel
import DSP
import Foundation

/// One track's analysis in progress: decoded blocks go in (``add(_:)``) and feed the rhythm and
/// timbre pass, the tonal pass and the loudness meter at once; ``finish()`` runs the estimators
/// on what they accumulated. Memory is a few MB whatever the track's length (2.5 MB of onset
/// envelope per two hours). One session per track, on one thread.
public final class TrackAnalysisSession {
    private let analyzer: TrackAnalyzer
    private let sampleRate: Double
    private let spectral: SpectralFeatureAccumulator
    private let pitch: PitchClassAccumulator
    private let loudness: LoudnessMeter
    /// The meter of the file's own channels, once ``addSourceFrames(_:channels:sampleRate:)`` is fed.
    private var sourceLoudness: Result<LoudnessMeter, AnalysisError>?
    private var sampleCount = 0
    private var peak: Float = 0

    init(analyzer: TrackAnalyzer, sampleRate: Double, sourceChannels: Int) throws(AnalysisError) {
        guard sampleRate >= 4000, sampleRate <= 768_000 else {
            throw .invalidParameter(InvalidParameter("sample rate", "must be 4 000…768 000 Hz, got \(sampleRate)"))
        }
        self.analyzer = analyzer
        self.sampleRate = sampleRate
        do {
            spectral = try SpectralFeatureAccumulator(sampleRate: sampleRate)
            let key = analyzer.keyEstimator.configuration
            pitch = try PitchClassAccumulator(sampleRate: sampleRate, lowHz: key.peakRange.lowerBound, highHz: key.peakRange.upperBound,
                                              bassRampHz: key.bassRampHz)
        } catch {
            throw .backend("spectral analysis could not start: \(error)")
        }
        loudness = try LoudnessMeter(sampleRate: sampleRate, sourceChannels: sourceChannels)
    }

    /// Seconds of audio received so far.
    public var duration: Double { Double(sampleCount) / sampleRate }

    /// Adds a block of mono samples (−1…1).
    public func add(_ block: UnsafeBufferPointer<Float>) {
        sampleCount += block.count
        for sample in block { peak = max(peak, abs(sample)) }
        spectral.add(block)
        pitch.add(block)
        if sourceLoudness == nil { loudness.add(block) }
    }

    /// Adds a block of the file's own frames, before downmix and resampling (interleaved,
    /// `channels` per frame, at `sampleRate` Hz): loudness is then measured on them, as BS.1770
    /// says, instead of on the mono analysis signal. Feed every block or none.
    public func addSourceFrames(_ block: UnsafeBufferPointer<Float>, channels: Int, sampleRate: Double) {
        if sourceLoudness == nil {
            sourceLoudness = Result { () throws(AnalysisError) -> LoudnessMeter in try LoudnessMeter(sampleRate: sampleRate, channels: channels) }
        }
        if case .success(let meter) = sourceLoudness, meter.channels == channels { meter.addInterleaved(block) }
    }

    /// Runs the estimators and returns the analysis.
    /// - Throws: ``AnalysisError/tooShort(seconds:minimum:)`` under one second.
    public func finish() throws(AnalysisError) -> TrackAnalysis {
        let duration = self.duration
        guard duration >= TrackAnalyzer.minimumDuration else {
            throw .tooShort(seconds: duration, minimum: TrackAnalyzer.minimumDuration)
        }
        let summary = spectral.finish()
        let profile = pitch.finish()
        let level = try (sourceLoudness?.get() ?? loudness).result()
        let onset = OnsetEnvelope.compute(flux: summary.onsetFlux, frameRate: summary.frameRate)
        let onsetRate = OnsetRate.compute(onset: onset, frameRate: summary.frameRate)
        // The kick envelope serves three times: taken out of the backbeat bands, its bar in the
        // octave decision, and the beat grid's phase.
        let kickOnset = OnsetEnvelope.compute(flux: summary.kickFlux, frameRate: summary.frameRate)
        let tempoConfiguration = analyzer.tempoEstimator.configuration
        let backbeat = BackbeatEvidence(fluxes: summary.backbeatFluxes, kickOnset: kickOnset,
                                        takingOutKick: tempoConfiguration.backbeatWithoutKick, frameRate: summary.frameRate, longestBeat: 60 / tempoConfiguration.minimumBPM)
        let (estimatedBPM, tempoConfidence) = analyzer.tempoEstimator.estimate(onset: onset, frameRate: summary.frameRate, onsetRate: onsetRate,
                                                                               backbeat: backbeat)
        // The grid's phase from the beat band (bass, snare body, chords), refined on it.
        let beatOnset = OnsetEnvelope.compute(flux: summary.beatFlux, frameRate: summary.frameRate)
        let grid = BeatGridEstimator()
        let roughFirstBeat = grid.firstBeat(onset: beatOnset, frameRate: summary.frameRate, bpm: estimatedBPM)
        var (bpm, firstBeat) = BeatGridRefiner().refine(onset: beatOnset, frameRate: summary.frameRate, bpm: estimatedBPM, firstBeat: roughFirstBeat)
        // The rough tempo smears the first comb; with the refined tempo the whole beat is combed
        // again, and a phase an eighth of a beat or more away is refined in its turn.
        let recombed = grid.firstBeat(onset: beatOnset, frameRate: summary.frameRate, bpm: bpm)
        let period = 60 / bpm
        let apart = abs(recombed - firstBeat).truncatingRemainder(dividingBy: period)
        if min(apart, period - apart) > period / 8 {
            (bpm, firstBeat) = BeatGridRefiner().refine(onset: beatOnset, frameRate: summary.frameRate, bpm: bpm, firstBeat: recombed)
        }
        // Beat or off-beat: where the beat band leaves it open (an off-beat bassline nearly as
        // strong as the beats, as in house) and the kicks land on the grid's off-beats, the grid
        // goes half a beat later, onto the kicks; otherwise the beat band stands (syncopated
        // kicks in breakbeats and drum & bass must not move it). The bar step never moves it.
        if BeatGridEstimator.kickMovesTheGrid(
            beatBand: grid.offBeatRatio(onset: beatOnset, frameRate: summary.frameRate, bpm: bpm, firstBeat: firstBeat),
            kick: grid.offBeatRatio(onset: kickOnset, frameRate: summary.frameRate, bpm: bpm, firstBeat: firstBeat)) {
            (bpm, firstBeat) = BeatGridRefiner().refine(onset: beatOnset, frameRate: summary.frameRate, bpm: bpm,
                                                        firstBeat: (firstBeat + period / 2).truncatingRemainder(dividingBy: period))
        }
        let drift = TempoDriftEstimator().measure(onset: onset, frameRate: summary.frameRate, bpm: bpm).drift
        let (key, keyConfidence) = analyzer.keyEstimator.estimate(profile)
        let energy = EnergyEstimator().estimate(loudness: level.integrated, onsetRate: onsetRate, highShare: summary.highShare, bpm: bpm)
        let features = TimbreExtractor().extract(summary.timbre, onsetRate: onsetRate)
        let silent = level.integrated <= -69.9 || peak < 1e-4
        let structure = silent ? nil : StructureAnalyzer().analyze(spectral: summary.structureFrames, pitch: pitch.pitchFrames, bpm: bpm,
                                                                  firstBeat: firstBeat, duration: duration, gridIsOnTheBeat: true)
        // Under four seconds there are too few beats and chords to trust (documented on TrackAnalyzer).
        let tooShortToTrust = duration < 4
        return TrackAnalysis(
            duration: duration,
            tempo: Tempo(bpm: bpm, firstBeat: structure.map { $0.downbeat.truncatingRemainder(dividingBy: 60 / bpm) } ?? firstBeat, confidence: silent ? 0 : tempoConfidence, drift: drift),
            key: key, keyConfidence: silent || tooShortToTrust ? 0 : keyConfidence, tuningCents: profile.tuningCents,
            chroma: profile.chroma,
            loudness: level.integrated, loudnessRange: level.range,
            energy: energy, features: features, featureVersion: TimbreExtractor.featureVersion, structure: structure)
    }
}
