import DJModel
import Foundation

/// Names the parts between phrase boundaries as a DJ reads them: the parts with the kick in,
/// at full level and with the chords and leads on top are `main` (the drop); the parts before
/// the first main are the intro — the thin opening a DJ mixes over — until the bass or the
/// harmony comes in, where the `build` begins (of any length: 8 or 16 bars); the parts between
/// mains are breakdowns, with a short build (8 bars or fewer) before the next main; the parts
/// after the last main are the outro — once the music thins out: parts after the last main that
/// keep the kick, stay within ``outroLevelSpread`` dB of the loudest and keep their harmony are
/// still the main part, so a track that never thins out has no outro (its mix-out then falls
/// late, near its end, not halfway through where a chorus was a little quieter).
///
/// "Full level" is the level of the 150 Hz–2 kHz band, where chords, leads and hooks sit, within
/// ``mainLevelSpread`` dB of the loudest part with the kick: a drums-and-bass intro, build or
/// outro is a few dB under a main part there. On the tuning half of the arrangement corpus this
/// placed the outro at the right part in 46 of 48 arrangements, against 30 for the share of tonal
/// peaks above the bass (and 42 for the whole band's level within 1 dB). The level alone let a
/// drums-and-bass part pass for main where the bass is loud in that band (1–2 dB under the
/// drop); the harmony share (``fullHarmonyShare``) tells them apart — drums and bass carry
/// 0.63–0.80 of the drop's harmony on the tuning halves. The build's threshold
/// (``buildLevelSpread``, 5.5 dB) lies between the drums-only intros (6.6 dB and more under the
/// loudest) and the parts where the bass has come in (4.3 dB and less) on the tuning halves of
/// both arrangement corpora (README).
public struct SectionLabeler: Sendable {
    /// How far under the loudest kick part, in dB of the 150 Hz–2 kHz band, a main part may be.
    public var mainLevelSpread: Double
    /// Longest build, in bars.
    public var longestBuildBars: Int
    /// How far under the loudest kick part a part after the last main may be and still not have
    /// thinned out into an outro, dB of the 150 Hz–2 kHz band.
    public var outroLevelSpread: Double
    /// How far under the loudest kick part, dB of the 150 Hz–2 kHz band, a part before the first
    /// main may be and still be part of the build (the bass or the chords in) rather than the
    /// thin intro a DJ mixes over.
    public var buildLevelSpread: Double
    /// The share of the strongest main part's harmony (chords, leads) a part needs to be main
    /// (and to carry the main on, rather than begin the outro, after the last one).
    public var fullHarmonyShare: Double

    /// Creates a labeler.
    public init(mainLevelSpread: Double = 1.5, longestBuildBars: Int = 8, outroLevelSpread: Double = 2.5,
                buildLevelSpread: Double = 5.5, fullHarmonyShare: Double = 0.85) {
        self.mainLevelSpread = mainLevelSpread
        self.longestBuildBars = longestBuildBars
        self.outroLevelSpread = outroLevelSpread
        self.buildLevelSpread = buildLevelSpread
        self.fullHarmonyShare = fullHarmonyShare
    }

    /// One part's measurements: its length in bars and the mean over its bars of the kick, of
    /// the level and of the harmony.
    public struct Part: Sendable {
        /// Length in bars.
        public var bars: Int
        /// Kick onset strength.
        public var kick: Double
        /// Level of the 150 Hz–2 kHz band, in dB.
        public var midLevel: Double
        /// Strength of the chords and leads (``PitchColumns/harmony``); `nil` when unknown.
        public var harmony: Double?

        /// Creates a part.
        public init(bars: Int, kick: Double, midLevel: Double, harmony: Double? = nil) {
            self.bars = bars
            self.kick = kick
            self.midLevel = midLevel
            self.harmony = harmony
        }
    }

    /// The label of each part, in order.
    public func labels(_ parts: [Part]) -> [SectionLabel] {
        guard !parts.isEmpty else { return [] }
        // The kick is in a part when it is at least half as strong as in the part where it is
        // strongest — not scaled between the weakest and strongest parts, which in a track that
        // never drops the kick made a main part 3 % lighter on it a part without.
        let strongestKick = parts.map(\.kick).max() ?? 0
        let hasKick = parts.map { strongestKick > 0 && $0.kick >= 0.5 * strongestKick }
        let kickParts = parts.indices.filter { hasKick[$0] }
        let loudest = kickParts.map { parts[$0].midLevel }.max() ?? 0
        var isMain = [Bool](repeating: false, count: parts.count)
        for part in kickParts { isMain[part] = parts[part].midLevel >= loudest - mainLevelSpread }
        // The chords and leads: a drums-and-bass part can be nearly as loud in the mid band as
        // the full drop (the bass's partials are there), but it has less harmony on top.
        let fullHarmony = parts.indices.filter { isMain[$0] }.compactMap { parts[$0].harmony }.max() ?? 0
        let isFull = { (index: Int) in (parts[index].harmony ?? fullHarmony) >= self.fullHarmonyShare * fullHarmony }
        for part in kickParts where isMain[part] && !isFull(part) { isMain[part] = false }
        guard let firstMain = isMain.firstIndex(of: true), var lastMain = isMain.lastIndex(of: true) else {
            return parts.indices.map { $0 < (parts.count + 1) / 2 ? .intro : .outro }
        }
        // The main part goes on until the music thins out (the kick goes, or the level drops).
        while lastMain + 1 < parts.count, hasKick[lastMain + 1], parts[lastMain + 1].midLevel >= loudest - outroLevelSpread,
              isFull(lastMain + 1) {
            lastMain += 1
            isMain[lastMain] = true
        }
        var labels = [SectionLabel](repeating: .main, count: parts.count)
        for index in parts.indices where !isMain[index] {
            labels[index] = index < firstMain ? .intro : index > lastMain ? .outro : .breakdown
        }
        // Before the first main: the intro is the thin opening (drums, hats); from the first part
        // where the bass or the harmony comes in (within `buildLevelSpread` of the loudest) it builds.
        if let entry = (1..<max(1, firstMain)).first(where: { parts[$0].midLevel >= loudest - buildLevelSpread }) {
            for index in entry..<firstMain { labels[index] = .build }
        }
        // A short part just before a main, after another part that is not main, builds into it.
        for index in parts.indices.dropFirst() where !isMain[index] && index + 1 < parts.count && isMain[index + 1]
            && !isMain[index - 1] && parts[index].bars <= longestBuildBars {
            labels[index] = .build
        }
        return labels
    }
}
