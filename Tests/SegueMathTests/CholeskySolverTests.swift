import SegueMath
import Testing

/// Cholesky solves of small symmetric positive-definite systems.
struct CholeskySolverTests {
    @Test func solvesAPositiveDefiniteSystem() throws {
        // A = [[4, 2], [2, 3]], x = [1, −2] → b = [0, −4].
        let x = try #require(CholeskySolver.solve([4, 2, 2, 3], [0, -4], size: 2))
        #expect(abs(x[0] - 1) < 1e-12 && abs(x[1] + 2) < 1e-12)
    }

    @Test func refusesAMatrixThatIsNotPositiveDefinite() {
        #expect(CholeskySolver.solve([1, 2, 2, 1], [1, 1], size: 2) == nil)
    }
}
