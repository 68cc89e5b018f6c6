import SegueMath
import Testing

/// The seeded generator is reproducible and its draws stay in range.
struct SeededGeneratorTests {
    @Test func theSameSeedGivesTheSameDraws() {
        var first = SeededGenerator(seed: 42), second = SeededGenerator(seed: 42), other = SeededGenerator(seed: 43)
        let a = (0..<8).map { _ in first.next() }
        #expect(a == (0..<8).map { _ in second.next() })
        #expect(a != (0..<8).map { _ in other.next() })
    }

    @Test func drawsStayInTheirRanges() {
        var random = SeededGenerator(seed: 7)
        let floats = random.uniformFloats(count: 10_000, below: 0.01)
        #expect(floats.allSatisfy { (0..<0.01).contains($0) })
        #expect(abs(floats.reduce(0, +) / 10_000 - 0.005) < 0.0005)
        #expect((0..<10_000).allSatisfy { _ in (-1...1).contains(random.noise()) })
    }
}
