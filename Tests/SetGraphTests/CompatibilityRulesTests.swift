import DJModel
import SetGraph
import Testing

@Suite struct CompatibilityRulesTests {
    private func key(_ text: String) -> MusicalKey { MusicalKey(parsing: text)! }

    @Test func camelotMovesAreGraded() {
        #expect(CompatibilityRules.key(from: key("8A"), to: key("8A")) == 1)
        #expect(CompatibilityRules.key(from: key("8A"), to: key("9A")) == 0.9)
        #expect(CompatibilityRules.key(from: key("8A"), to: key("7A")) == 0.9)
        #expect(CompatibilityRules.key(from: key("12A"), to: key("1A")) == 0.9)
        #expect(CompatibilityRules.key(from: key("8A"), to: key("8B")) == 0.85)
        #expect(CompatibilityRules.key(from: key("8A"), to: key("10A")) == 0.5)
        let far = CompatibilityRules.key(from: key("8A"), to: key("2B"))
        #expect(far < 0.2)
        #expect(CompatibilityRules.isHarmonic(from: key("8A"), to: key("8B")))
        #expect(!CompatibilityRules.isHarmonic(from: key("8A"), to: key("10A")))
    }

    @Test func tempoCountsHalfAndDoubleTime() {
        #expect(CompatibilityRules.tempo(from: 124, to: 124, pitchRange: 8, halfDoubleFactor: 0.8) == 1)
        #expect(abs(CompatibilityRules.tempo(from: 124, to: 128, pitchRange: 8, halfDoubleFactor: 0.8) - (1 - 3.2258 / 8)) < 1e-3)
        #expect(CompatibilityRules.tempo(from: 124, to: 140, pitchRange: 8, halfDoubleFactor: 0.8) == 0)
        #expect(abs(CompatibilityRules.tempo(from: 87, to: 174, pitchRange: 8, halfDoubleFactor: 0.8) - 0.8) < 1e-9)
        let change = CompatibilityRules.tempoChange(from: 170, to: 86)
        #expect(change.halfOrDouble && abs(change.percent - 1.176) < 0.01)
    }

    @Test func coldPairsScoreTheNeutralALSPrior() throws {
        let a = TrackNode(id: TrackID(1), artist: "a", duration: 300, bpm: 124, key: key("8A"), energy: 5, alsVector: nil, contentVector: [1, 0])
        let b = TrackNode(id: TrackID(2), artist: "b", duration: 300, bpm: 124, key: key("8A"), energy: 5, alsVector: [1, 0], contentVector: [1, 0])
        let c = TrackNode(id: TrackID(3), artist: "c", duration: 300, bpm: 124, key: key("8A"), energy: 5, alsVector: [1, 0], contentVector: [1, 0])
        let weights = TransitionWeights.standard
        let total = weights.als + weights.content + weights.bpm + weights.key + weights.energy
        // Everything perfect but ALS, which is unknown: it counts as coldALS with its full weight.
        let (score, components) = TransitionScorer().score(from: a, to: b)
        #expect(abs(score - (total - weights.als * (1 - weights.coldALS)) / total) < 1e-12)
        #expect(components.als == 0.5)
        // A pair that DJs played together beats it; a cold pair beats an ALS-dissimilar one.
        #expect(TransitionScorer().score(from: b, to: c).score > score)
        let d = TrackNode(id: TrackID(4), artist: "d", duration: 300, bpm: 124, key: key("8A"), energy: 5, alsVector: [-1, 0], contentVector: [1, 0])
        #expect(TransitionScorer().score(from: b, to: d).score < score)
        let optimistic = TransitionScorer(weights: try TransitionWeights(parsing: "cold-als=0.9")).score(from: a, to: b).score
        #expect(optimistic > score)
    }

    @Test func explanationsSpeakDJ() {
        let a = TrackNode(id: TrackID(1), artist: "a", duration: 300, bpm: 124, key: key("8A"), energy: 5, alsVector: [1, 0], contentVector: [1])
        let b = TrackNode(id: TrackID(2), artist: "b", duration: 300, bpm: 126, key: key("9A"), energy: 5, alsVector: [1, 0], contentVector: [1])
        let (_, components) = TransitionScorer().score(from: a, to: b)
        let text = TransitionExplainer.explain(from: a, to: b, components: components)
        #expect(text == "8A → 9A, +1 on the Camelot wheel; 124 → 126 BPM (+1.6%); often played together in DJ sets")
        // A change too small to show reads 0.0 %, not "-0.0%"; 127.98 reads as the 128 the page shows.
        let c = TrackNode(id: TrackID(3), artist: "c", duration: 300, bpm: 127.98, key: key("8A"), energy: 5, alsVector: [0, 1], contentVector: [1])
        let d = TrackNode(id: TrackID(4), artist: "d", duration: 300, bpm: 127.95, key: key("8A"), energy: 5, alsVector: [0, 1], contentVector: [1])
        let small = TransitionExplainer.explain(from: c, to: d, components: TransitionScorer().score(from: c, to: d).components)
        #expect(small.contains("128 → 128 BPM (0.0%)") && !small.contains("-0.0"), "\(small)")
        #expect(TransitionExplainer.format(127.5) == "127.5" && TransitionExplainer.format(128.04) == "128")
    }
}
