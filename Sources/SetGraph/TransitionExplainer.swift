import DJModel
import Foundation

/// Sentences a DJ understands for a transition:
/// "8A → 9A, +1 on the Camelot wheel; 124 → 126 BPM (+1.6%); often played together in DJ sets".
public enum TransitionExplainer {
    /// The explanation of moving from `from` to `to` with the given score components.
    public static func explain(from: TrackNode, to: TrackNode, components: Transition.Components) -> String {
        var parts: [String] = []
        let keyText = "\(from.key.camelot) → \(to.key.camelot)"
        let forward = ((to.key.camelotNumber - from.key.camelotNumber) % 12 + 12) % 12
        if from.key == to.key {
            parts.append("\(keyText), same key")
        } else if from.key.relative == to.key {
            parts.append("\(keyText), relative \(to.key.mode.rawValue)")
        } else if from.key.mode == to.key.mode && (forward == 1 || forward == 11) {
            parts.append("\(keyText), \(forward == 1 ? "+1" : "−1") on the Camelot wheel")
        } else if from.key.mode == to.key.mode && (forward == 2 || forward == 7) {
            parts.append("\(keyText), energy boost (+\(forward == 2 ? 2 : 7) on the wheel)")
        } else {
            parts.append("\(keyText), a key clash: mix on drums only")
        }
        let change = CompatibilityRules.tempoChange(from: from.bpm, to: to.bpm)
        // Rounded first, so a change of −0.03 % reads "0.0%", never "-0.0%".
        let tenths = (change.percent * 10).rounded()
        let percent = tenths == 0 ? "0.0%" : String(format: "%+.1f%%", tenths / 10)
        let tempoText = "\(format(from.bpm)) → \(format(to.bpm)) BPM (\(percent)\(change.halfOrDouble ? ", half/double time" : ""))"
        parts.append(tempoText)
        if components.als >= 0.8 {
            parts.append("often played together in DJ sets")
        } else if components.content >= 0.8 {
            parts.append("similar sound")
        }
        let step = to.energy - from.energy
        if step >= 2 { parts.append("energy up \(step)") } else if step <= -2 { parts.append("energy down \(-step)") }
        return parts.joined(separator: "; ")
    }

    /// A tempo as DJs read it and as the page shows it: whole within 0.05 BPM (`128`), else one
    /// decimal (`127.5`).
    public static func format(_ bpm: Double) -> String {
        abs(bpm - bpm.rounded()) < 0.05 ? String(Int(saturating: bpm.rounded())) : String(format: "%.1f", bpm)
    }
}
