import DJModel
import SetGraph
import Testing

@Suite("Set quality")
struct SetQualityTests {
    func item(_ artist: String, _ bpm: Double, _ key: String, _ energy: Int, _ start: Double) -> SetQualityEvaluator.Item {
        SetQualityEvaluator.Item(artist: artist, bpm: bpm, key: MusicalKey(parsing: key)!, energy: energy, start: start, duration: 300)
    }

    @Test("measures each property of a hand-made set")
    func measures() {
        let items = [item("A", 124, "8A", 5, 0), item("B", 126, "9A", 6, 270), item("a", 126, "3B", 6, 540), item("C", 63, "3B", 7, 810)]
        let quality = SetQualityEvaluator.measure(items: items, similarities: [0.8, 0.6, 0.7], arc: .preset(.flat), targetSeconds: 1200, artistSpacing: 3)
        #expect(quality.transitions == 3)
        #expect(abs(quality.harmonicShare - 2.0 / 3) < 1e-12)  // 8A→9A and 3B→3B; 9A→3B clashes
        let first = (126.0 / 124 - 1) * 100, last = (126.0 / 126 - 1) * 100  // 126 → 63 is exact half time
        #expect(abs(quality.meanTempoChangePercent - (first + 0 + last) / 3) < 1e-9)
        #expect(abs(quality.maxTempoChangePercent - first) < 1e-9)
        #expect(abs(quality.energyArcError - (0 + 1 + 1 + 2) / 4.0) < 1e-12)
        #expect(abs(quality.durationErrorPercent - abs(1110.0 - 1200) / 1200 * 100) < 1e-9)
        #expect(quality.artistRepeats == 1)
        #expect(abs(quality.meanSimilarity - 0.7) < 1e-12)
    }

    @Test("an empty or one-track set measures as neutral")
    func degenerate() {
        let none = SetQualityEvaluator.measure(items: [], similarities: [])
        #expect(none.transitions == 0 && none.harmonicShare == 1 && none.durationErrorPercent == 0)
        let one = SetQualityEvaluator.measure(items: [item("A", 124, "8A", 5, 0)], similarities: [], arc: .preset(.rise), targetSeconds: 300)
        #expect(one.transitions == 0 && one.energyArcError == 0 && one.durationErrorPercent == 0)
    }
}
