/// The form of a track on its bar grid: where bars start, where phrases change, what each part
/// is, and the mixable ends a DJ blends over.
///
/// Times are seconds from the start of the file. Bars are 4/4 on the track's constant beat grid
/// (``Tempo``): the bar grid is ``downbeat`` plus multiples of four beat periods.
public struct TrackStructure: Hashable, Sendable, Codable {
    /// The first downbeat (0 ≤ downbeat < one bar).
    public var downbeat: Double
    /// How clearly the bar phase stood out from the other three, 0 (a guess) to 1.
    public var barConfidence: Double
    /// Phrase boundaries: every change of parts, each on a downbeat, in order; the first is where
    /// the music starts.
    public var phrases: [Double]
    /// The labelled parts, in order and contiguous, each starting on a phrase boundary;
    /// neighbouring parts with one label are one section.
    public var sections: [TrackSection]
    /// The end of the mixable intro: where a DJ has the incoming track fully in (the first
    /// section after the intro).
    public var mixIn: Double
    /// The start of the mixable outro: where a DJ starts bringing the next track in.
    public var mixOut: Double
    /// The track's amplitude over its length in ``overviewPoints`` equal slices, as a percentage
    /// of the loudest slice's (6 dB quieter is 50): the waveform overview a page draws.
    /// Absent in analyses from before version 9.
    public var overview: [Int]?

    /// How many slices ``overview`` has.
    public static let overviewPoints = 120

    /// Creates a structure.
    public init(downbeat: Double, barConfidence: Double, phrases: [Double], sections: [TrackSection], mixIn: Double, mixOut: Double,
                overview: [Int]? = nil) {
        self.overview = overview
        self.downbeat = downbeat
        self.barConfidence = barConfidence
        self.phrases = phrases
        self.sections = sections
        self.mixIn = mixIn
        self.mixOut = mixOut
    }

    /// Where a listener previewing the track starts: the first main part (the drop), else the
    /// end of the intro, else the second phrase; never in the last 20 seconds when it can help.
    public func previewStart(duration: Double) -> Double {
        let start = sections.first { $0.label == .main }?.start ?? (mixIn > musicStart ? mixIn : (phrases.count > 1 ? phrases[1] : musicStart))
        return max(0, min(start, duration - 20))
    }

    /// Where the music starts: the first phrase (the first downbeat when there is none).
    public var musicStart: Double { phrases.first ?? downbeat }
    /// Where the intro ends and the outro starts, as a length in bars at `bpm`.
    public func introBars(bpm: Double) -> Int { Int(saturating: ((mixIn - musicStart) * bpm / 240).rounded()) }
    /// The outro's length in bars at `bpm`, from ``mixOut`` to the end of the last section.
    public func outroBars(bpm: Double) -> Int { Int(saturating: (((sections.last?.end ?? mixOut) - mixOut) * bpm / 240).rounded()) }
}

/// One labelled part of a track.
public struct TrackSection: Hashable, Sendable, Codable {
    /// What the part is.
    public var label: SectionLabel
    /// Start, in seconds.
    public var start: Double
    /// End, in seconds.
    public var end: Double

    /// Creates a section.
    public init(label: SectionLabel, start: Double, end: Double) {
        self.label = label
        self.start = start
        self.end = end
    }
}

/// The kinds of part a dance track is made of, as DJ software names them.
public enum SectionLabel: String, Hashable, Sendable, Codable, CaseIterable {
    /// The opening part, sparse or drum-led, made to be mixed over.
    case intro
    /// A rise into a main part (a roll, a filter, the kick taken out).
    case build
    /// A full part: drums, bass and the harmony or hook together (the drop).
    case main
    /// A part between main parts with the drums or the bass taken out.
    case breakdown
    /// The closing part, sparse or drum-led, made to be mixed out of.
    case outro
}
