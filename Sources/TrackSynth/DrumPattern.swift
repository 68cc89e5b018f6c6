import DJModel

/// One bar of drums on a sixteen-step grid, per style.
struct DrumPattern: Sendable {
    var kick: [Int]
    var snare: [Int]
    var clap: [Int]
    var closedHat: [Int]
    var openHat: [Int]
    /// Delay of odd eighth-note positions as a fraction of a sixteenth (hip-hop swing).
    var swing: Double

    /// The style's pattern; `variant` picks among a few idiomatic ones.
    static func pattern(for style: DJStyle, variant: Int) -> DrumPattern {
        let eighths = [0, 2, 4, 6, 8, 10, 12, 14], offbeats = [2, 6, 10, 14], sixteenths = Array(0..<16)
        switch style {
        case .house:
            return DrumPattern(kick: [0, 4, 8, 12], snare: [], clap: [4, 12], closedHat: variant % 2 == 0 ? offbeats : eighths,
                               openHat: variant % 2 == 0 ? [] : offbeats, swing: 0)
        case .techno:
            return DrumPattern(kick: [0, 4, 8, 12], snare: [], clap: variant % 2 == 0 ? [4, 12] : [], closedHat: sixteenths,
                               openHat: offbeats, swing: 0)
        case .trance:
            return DrumPattern(kick: [0, 4, 8, 12], snare: [], clap: [4, 12], closedHat: [], openHat: offbeats, swing: 0)
        case .drumAndBass:
            return DrumPattern(kick: variant % 2 == 0 ? [0, 10] : [0, 6, 10], snare: [4, 12], clap: [], closedHat: eighths,
                               openHat: [], swing: 0)
        case .dubstep:
            return DrumPattern(kick: variant % 2 == 0 ? [0] : [0, 3], snare: [8], clap: [8], closedHat: eighths,
                               openHat: [], swing: 0)
        case .hipHop:
            return DrumPattern(kick: variant % 2 == 0 ? [0, 7, 10] : [0, 3, 10], snare: [4, 12], clap: [], closedHat: eighths,
                               openHat: [], swing: 0.45)
        case .breakbeat:
            return DrumPattern(kick: [0, 6, 10], snare: [4, 12], clap: [], closedHat: sixteenths, openHat: [], swing: 0)
        case .downtempo:
            return DrumPattern(kick: [0, 8], snare: [4, 12], clap: [], closedHat: eighths, openHat: [], swing: variant % 2 == 0 ? 0 : 0.25)
        }
    }
}
