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
        let percent = String(format: "%+.1f%%", change.percent)
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

    private static func format(_ bpm: Double) -> String {
        bpm == bpm.rounded() ? String(Int(bpm)) : String(format: "%.1f", bpm)
    }
}
