import ArgumentParser

/// A tempo range on the command line, written `LOW-HIGH` in BPM (e.g. `88-175`), as DJ software
/// offers it for a crate whose tempo octave the analysis gets wrong.
struct BPMRangeArgument: ExpressibleByArgument {
    /// The range.
    let range: ClosedRange<Double>

    /// Parses `LOW-HIGH`; `nil` (an error naming the option) for anything else.
    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low.isFinite, high.isFinite, low < high else {
            return nil
        }
        range = low...high
    }
}
