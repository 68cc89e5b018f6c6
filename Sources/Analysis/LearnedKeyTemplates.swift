/// The two key templates of ``KeyProfile/learned``, fitted rather than chosen.
///
/// Each is the mean, over clips in a known key, of the pitch-class profile the key estimator
/// sees (``PitchClassProfile/chroma``, square-root compressed and standardised), rotated so that
/// the true tonic comes first, then standardised; dance and classical music weigh the same in the
/// mean however many clips each has. Fitted by `Benchmarks/analysis/key_profile_fit.py --emit` on
/// 775 clips from three generators of different harmony, so that no one generator's chord
/// progressions are what the templates learn: 480 General MIDI dance clips (eight styles, three
/// soundfonts, five kits, half with their own balance of the parts; a tuning draw of their own
/// seeds), 240 TrackSynth clips, and the 55 classical pieces of the General MIDI corpus's tuning
/// half. Fitted on one generator, they read the other better than the Krumhansl profile with
/// harmonics did (TrackSynth → General MIDI dance 89.7 → 90.6 % MIREX; General MIDI →
/// TrackSynth 95.8 → 99.7 %); the held-out figures are in the README.
///
/// They look as theory says a spectrum of tonal music should: the tonic and the fifth highest,
/// then the third of the mode; the minor template's sixth and seventh low, since the raised
/// leading tone and the minor sixth share those degrees with the major key a third up.
enum LearnedKeyTemplates {
    /// Major, tonic first.
    static let major = [1.402, -1.092, 0.748, -1.252, 0.825, 0.211, -0.672, 1.454, -1.180, 0.484, -1.291, 0.364]
    /// Minor, tonic first.
    static let minor = [1.702, -1.588, 0.526, 0.767, -0.954, 0.448, -1.223, 1.427, 0.099, -0.800, 0.213, -0.617]
}
