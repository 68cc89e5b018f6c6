import DSP
import Foundation

/// The rhythm and timbre pass over one track: a single Hann-windowed STFT (2048 samples, hop
/// 512 at 22 050 Hz, about 23 ms per frame) fed block by block, whose frames give the onset
/// envelopes (tempo, beat grid, drift, onset rate) and the timbre statistics (MFCCs, centroid,
/// flatness, band shares) in one go.
///
/// Memory is O(frames) for the five onset envelopes (about 24 bytes per frame: 7 MB for a 2-hour mix)
/// plus a fixed-size ``TimbreStatistics``; spectra and mel frames are not kept.
public final class SpectralFeatureAccumulator {
    /// Mel bands per frame.
    public static let melBandCount = 40
    /// Upper edge of the kick band of the beat-grid envelope, in Hz.
    public static let kickBandHz = 150.0
    /// The band of the beat-phase envelope (``SpectralSummary/beatFlux``), by the centre
    /// frequency of its mel bands, Hz: bass, snare body, chords and vocals — where recorded music
    /// puts its beats — without the sub-kick alone or the hats that play off-beats and sixteenths.
    public static let beatBandHz = 150.0...3000.0
    /// The bands of the backbeat envelopes, by the centre frequency of their mel bands (Hz): those
    /// of ``BackbeatEvidence/bands``.
    public static let backbeatBandsHz = BackbeatEvidence.bands.map(\.hertz)

    private let sampleRate: Double
    private let stft: STFT
    private let bank: MelFilterBank
    private let dct: DCT
    private let kickBands: Int
    /// The mel bands of ``beatBandHz``.
    private let beatBands: Range<Int>
    /// For each mel band, the backbeat envelope it feeds (the bands do not overlap), or `nil`.
    private let backbeatEnvelopeOfBand: [Int?]
    private let lowBin: Int, midBin: Int
    private let binHz: Double
    private var bands: [Float]
    private var previousLogMel: [Float]
    private var logMel: [Float]
    private var previousMel: [Float]
    private var coefficients = [Float](repeating: 0, count: 14)
    private var onsetFlux: [Float] = []
    private var kickFlux: [Float] = []
    private var beatFlux: [Float] = []
    private var backbeatFluxes: [[Float]]
    private var backbeatFrame: [Float]
    private var highShareSum = 0.0
    private var statistics = TimbreStatistics()
    private var structure: FrameGrouper
    private var structureFrame = [Float](repeating: 0, count: StructureColumns.width)

    /// Prepares the pass for audio at `sampleRate` Hz.
    public init(sampleRate: Double, frameSize: Int = 2048, hopSize: Int = 512) throws(DSPError) {
        self.sampleRate = sampleRate
        stft = try STFT(configuration: STFTConfiguration(frameSize: frameSize, hopSize: hopSize))
        bank = try MelFilterBank(bandCount: Self.melBandCount, fftSize: frameSize, sampleRate: sampleRate, lowHz: 30,
                                 highHz: min(11000, sampleRate / 2))
        dct = try DCT(inputCount: Self.melBandCount, outputCount: 14)
        kickBands = max(1, bank.centerFrequencies.filter { $0 <= Self.kickBandHz }.count)
        let beatLow = bank.centerFrequencies.firstIndex { $0 >= Self.beatBandHz.lowerBound } ?? 0
        let beatHigh = bank.centerFrequencies.lastIndex { $0 <= Self.beatBandHz.upperBound } ?? (Self.melBandCount - 1)
        beatBands = beatLow..<max(beatLow + 1, beatHigh + 1)
        backbeatEnvelopeOfBand = bank.centerFrequencies.map { center in Self.backbeatBandsHz.firstIndex { $0.contains(center) } }
        backbeatFluxes = Array(repeating: [], count: Self.backbeatBandsHz.count)
        backbeatFrame = [Float](repeating: 0, count: Self.backbeatBandsHz.count)
        binHz = sampleRate / Double(frameSize)
        lowBin = Int(saturating: 150 / binHz)
        midBin = Int(saturating: 2000 / binHz)
        bands = [Float](repeating: 0, count: Self.melBandCount)
        previousLogMel = [Float](repeating: 0, count: Self.melBandCount)
        logMel = previousLogMel
        previousMel = [Float](repeating: 0, count: Self.melBandCount)
        let frameRate = sampleRate / Double(hopSize)
        structure = FrameGrouper(sourceRate: frameRate, sourceOrigin: Double(frameSize) / 2 / sampleRate,
                                 groupSize: max(1, Int(saturating: (frameRate / 10).rounded())), width: StructureColumns.width)
    }

    /// Adds a block of mono samples.
    public func add(_ block: UnsafeBufferPointer<Float>) {
        stft.push(block) { index, spectrum in self.consume(index: index, spectrum: spectrum) }
    }

    /// Ends the signal and returns what the pass measured.
    public func finish() -> SpectralSummary {
        stft.finish { index, spectrum in self.consume(index: index, spectrum: spectrum) }
        let frames = onsetFlux.count
        return SpectralSummary(frameRate: sampleRate / Double(stft.configuration.hopSize), onsetFlux: onsetFlux, kickFlux: kickFlux, beatFlux: beatFlux,
                               backbeatFluxes: backbeatFluxes, highShare: frames > 0 ? highShareSum / Double(frames) : 0, timbre: statistics,
                               structureFrames: structure.series)
    }

    private func consume(index: Int, spectrum: UnsafeBufferPointer<Float>) {
        bands.withUnsafeMutableBufferPointer { bank.apply(spectrum, into: $0) }
        var flux: Float = 0, kick: Float = 0, beat: Float = 0
        for envelope in backbeatFrame.indices { backbeatFrame[envelope] = 0 }
        for band in 0..<Self.melBandCount {
            let mel = 1000 * bands[band]
            logMel[band] = log1p(mel)
            if index > 0 {
                let rise = logMel[band] - previousLogMel[band]
                if rise > 0 {
                    flux += rise
                    if beatBands.contains(band) { beat += rise }
                }
                if mel > previousMel[band] {
                    if band < kickBands { kick += mel - previousMel[band] }
                    if let envelope = backbeatEnvelopeOfBand[band] { backbeatFrame[envelope] += mel - previousMel[band] }
                }
            }
            previousMel[band] = mel
        }
        swap(&previousLogMel, &logMel)
        onsetFlux.append(flux)
        kickFlux.append(kick)
        beatFlux.append(beat)
        for envelope in backbeatFrame.indices { backbeatFluxes[envelope].append(backbeatFrame[envelope]) }

        var total: Float = 0, weighted: Float = 0, logSum: Float = 0, low: Float = 0, mid: Float = 0
        for bin in 1..<spectrum.count {
            let value = spectrum[bin]
            total += value
            weighted += value * Float(Double(bin) * binHz)
            logSum += log(value + 1e-12)
            if bin < lowBin { low += value } else if bin < midBin { mid += value }
        }
        var centroid: Float = 0, flatness: Float = 0, shares: (Float, Float, Float) = (0, 0, 0)
        let count = Float(spectrum.count - 1)
        if total > 1e-10 {
            centroid = weighted / total
            flatness = exp(logSum / count) / (total / count)
            shares = (low / total, mid / total, max(0, total - low - mid) / total)
        }
        highShareSum += Double(shares.2)
        previousLogMel.withUnsafeBufferPointer { mel in
            coefficients.withUnsafeMutableBufferPointer { dct.apply(mel, into: $0) }
        }
        statistics.add(power: total, mfcc: coefficients[1...13], centroidHz: centroid, flatness: flatness,
                       shares: (shares.0, shares.1, shares.2))
        recordStructureFrame(low: low, mid: mid, high: max(0, total - low - mid), flux: flux, kick: kick)
    }

    /// Keeps the coarse copy of this frame for the structure pass: band powers, onset fluxes and
    /// the log-mel spectrum in ``StructureColumns/timbreGroups`` groups.
    private func recordStructureFrame(low: Float, mid: Float, high: Float, flux: Float, kick: Float) {
        structureFrame[StructureColumns.low] = low
        structureFrame[StructureColumns.mid] = mid
        structureFrame[StructureColumns.high] = high
        structureFrame[StructureColumns.flux] = flux
        structureFrame[StructureColumns.kick] = kick
        let perGroup = Self.melBandCount / StructureColumns.timbreGroups
        for group in 0..<StructureColumns.timbreGroups {
            var sum: Float = 0
            for band in group * perGroup..<(group + 1) * perGroup { sum += previousLogMel[band] }
            structureFrame[StructureColumns.timbre + group] = sum / Float(perGroup)
        }
        structure.add(structureFrame)
    }
}

/// What the rhythm and timbre pass measured over a whole track.
public struct SpectralSummary: Sendable {
    /// Frames per second.
    public let frameRate: Double
    /// Number of frames.
    public var frameCount: Int { onsetFlux.count }
    /// Half-wave rectified spectral flux of log-mel energies, summed over all bands, per frame.
    public let onsetFlux: [Float]
    /// Half-wave rectified flux of linear mel energies in the kick band (≤ 150 Hz), per frame:
    /// the loudest low-band events (kicks) dominate quieter bass notes.
    public let kickFlux: [Float]
    /// Half-wave rectified spectral flux of log-mel energies in
    /// ``SpectralFeatureAccumulator/beatBandHz``, per frame: the beat grid's phase.
    public let beatFlux: [Float]
    /// Half-wave rectified flux of linear mel energies in each of
    /// ``SpectralFeatureAccumulator/backbeatBandsHz``, per frame: the envelopes of ``BackbeatEvidence``.
    public let backbeatFluxes: [[Float]]
    /// Mean share of power above 2 kHz over all frames (0…1).
    public let highShare: Double
    /// Timbre statistics for the feature vector.
    public let timbre: TimbreStatistics
    /// About ten frames a second of band powers, fluxes and coarse log-mel values (the columns of
    /// ``StructureColumns``), for the structure pass.
    public let structureFrames: FrameSeries
}

/// The columns of ``SpectralSummary/structureFrames``.
public enum StructureColumns {
    /// Power below 150 Hz (kick and bass).
    public static let low = 0
    /// Power from 150 Hz to 2 kHz.
    public static let mid = 1
    /// Power above 2 kHz (hats, cymbals, air).
    public static let high = 2
    /// Onset flux over all bands (drum density).
    public static let flux = 3
    /// Onset flux of the kick band.
    public static let kick = 4
    /// First of the coarse log-mel groups.
    public static let timbre = 5
    /// Number of coarse log-mel groups.
    public static let timbreGroups = 8
    /// Values per frame.
    public static let width = timbre + timbreGroups
}
