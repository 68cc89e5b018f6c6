import DJModel
import SegueMath

/// The sounds of one synthesised track, drawn from its seed so that a corpus does not play
/// every track on the same instruments: the harmonic spectrum of the pad, lead and bass, and
/// the chord voicing (root position or an inversion).
public struct Instrumentation: Sendable, Hashable {
    /// Relative amplitudes of harmonics 1, 2, 3… of the chord pad.
    public let pad: [Float]
    /// Relative amplitudes of the lead's harmonics.
    public let lead: [Float]
    /// Relative amplitudes of the bass's harmonics.
    public let bass: [Float]
    /// Chord inversion: 0 root position, 1 first (root up an octave), 2 second (root and third up).
    public let inversion: Int

    /// Spectra to choose from: sawtooth-like, square-like (odd harmonics), soft (nearly sine),
    /// organ (octave drawbars), and the original additive pad.
    static let spectra: [[Float]] = [
        [1, 0.5, 0.33, 0.25, 0.2, 0.17, 0.14],
        [1, 0, 0.33, 0, 0.2, 0, 0.14],
        [1, 0.25, 0.08],
        [1, 0.5, 0, 0.35, 0, 0, 0, 0.2],
        [1, 0.5, 0.3, 0.2, 0.1],
    ]
    static let bassSpectra: [[Float]] = [[1, 0.45, 0.25, 0.12], [1, 0.1], [1, 0.5, 0.33, 0.25, 0.2]]

    /// The instrumentation for `seed` (independent of the other random choices of the track).
    public init(seed: UInt64) {
        var random = SeededGenerator(seed: seed ^ 0x1257_A3C9_0B7E_44D1)
        pad = Self.spectra[Int(random.next() % UInt64(Self.spectra.count))]
        lead = Self.spectra[Int(random.next() % UInt64(Self.spectra.count))]
        bass = Self.bassSpectra[Int(random.next() % UInt64(Self.bassSpectra.count))]
        inversion = Int(random.next() % 3)
    }

    /// The MIDI note of chord tone `index` (0 root, 1 third, 2 fifth…) voiced around octave 4.
    func chordNote(index: Int, pitchClass: Int, offset: Int) -> Int {
        48 + pitchClass + (offset >= 12 ? 12 : 0) + (index < inversion ? 12 : 0)
    }
}
