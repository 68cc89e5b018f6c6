/// Dance-music styles that Segue synthesises and whose tempo ranges inform the tempo prior.
public enum DJStyle: String, Sendable, Codable, CaseIterable, Hashable {
    case house, techno, drumAndBass = "drum-and-bass", dubstep, hipHop = "hip-hop", breakbeat, downtempo, trance

    /// The style's usual tempo range in BPM (as DJs count it: dubstep at 140, not 70).
    public var tempoRange: ClosedRange<Double> {
        switch self {
        case .house: return 118...128
        case .techno: return 125...140
        case .drumAndBass: return 165...178
        case .dubstep: return 138...142
        case .hipHop: return 85...100
        case .breakbeat: return 125...138
        case .downtempo: return 80...110
        case .trance: return 132...142
        }
    }

    /// A display name, e.g. `Drum & Bass`.
    public var displayName: String {
        switch self {
        case .house: return "House"
        case .techno: return "Techno"
        case .drumAndBass: return "Drum & Bass"
        case .dubstep: return "Dubstep"
        case .hipHop: return "Hip-Hop"
        case .breakbeat: return "Breakbeat"
        case .downtempo: return "Downtempo"
        case .trance: return "Trance"
        }
    }
}
