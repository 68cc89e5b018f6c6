import Foundation
@testable import Recommender
import Testing

@Suite struct ImplicitALSTests {
    /// Users in two scenes, each listening to items of their own scene.
    private func twoScenes(users: Int = 40, items: Int = 30) throws -> SparseMatrix {
        var triplets: [(row: Int, column: Int, value: Float)] = []
        for user in 0..<users {
            let scene = user % 2
            for item in stride(from: scene, to: items, by: 2) where (user * 7 + item) % 3 != 0 {
                triplets.append((user, item, Float(1 + (user + item) % 3)))
            }
        }
        return try SparseMatrix(rowCount: users, columnCount: items, triplets: triplets)
    }

    @Test func conjugateGradientAgreesWithTheExactSolver() throws {
        let matrix = try twoScenes()
        let exact = try ImplicitALS(configuration: ALSConfiguration(factors: 8, regularization: 0.1, alpha: 2, iterations: 10, solver: .exact)).fit(matrix)
        let cg = try ImplicitALS(configuration: ALSConfiguration(factors: 8, regularization: 0.1, alpha: 2, iterations: 10, cgSteps: 8)).fit(matrix)
        // Compare predictions X·Yᵀ (factors are only defined up to rotation).
        var maxDifference: Float = 0
        for user in 0..<matrix.rowCount {
            for item in 0..<matrix.columnCount {
                let a = zip(exact.userFactors.row(user), exact.itemFactors.row(item)).reduce(0) { $0 + $1.0 * $1.1 }
                let b = zip(cg.userFactors.row(user), cg.itemFactors.row(item)).reduce(0) { $0 + $1.0 * $1.1 }
                maxDifference = max(maxDifference, abs(a - b))
            }
        }
        #expect(maxDifference < 0.02, "max prediction difference \(maxDifference)")
    }

    @Test(arguments: [ALSConfiguration.Solver.exact, .conjugateGradient], [4, 37, 64])
    func rowSolveZeroesTheGradientOfTheUserObjective(solver: ALSConfiguration.Solver, k: Int) throws {
        // Fixed item factors; solve the user rows once; the gradient of
        // Σ_i c_ui (x·y_i − p_ui)² + λ‖x‖² must vanish at the solution. k = 37 and 64 run every
        // path of the SIMD symmetric product (32-wide blocks, 8-wide blocks, scalar tail).
        let matrix = try twoScenes(users: 6, items: 10)
        let lambda: Float = 0.5
        let configuration = try ALSConfiguration(factors: k, regularization: lambda, alpha: 3, iterations: 1, cgSteps: 16, solver: solver)
        let als = ImplicitALS(configuration: configuration)
        let items = DenseMatrix(rowCount: 10, columnCount: k, values: (0..<(10 * k)).map { Float(sin(Double($0) * 1.3)) * 0.5 })
        var users = DenseMatrix(rowCount: 6, columnCount: k)
        let confidences = matrix.scaled(by: 3)
        als.solveRows(&users, interactions: confidences, other: items)
        for user in 0..<matrix.rowCount {
            let x = users.row(user)
            var gradient = x.map { $0 * lambda }
            for item in 0..<matrix.columnCount {
                let y = items.row(item)
                let range = confidences.rowStarts[user]..<confidences.rowStarts[user + 1]
                let stored = range.first { Int(confidences.columns[$0]) == item }
                let (c, p): (Float, Float) = stored.map { (confidences.values[$0], 1) } ?? (1, 0)
                let error = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } - p
                for dimension in 0..<k { gradient[dimension] += c * error * y[dimension] }
            }
            #expect(gradient.allSatisfy { abs($0) < 1e-3 }, "user \(user) gradient \(gradient)")
        }
    }

    @Test func similarItemsStayInTheirScene() throws {
        let matrix = try twoScenes()
        let model = try ImplicitALS(configuration: ALSConfiguration(factors: 8, regularization: 0.05, alpha: 5, iterations: 15, threads: 2)).fit(matrix)
        for item in 0..<6 {
            // The data also groups items by index mod 6 within a scene (clusters of five), so the four
            // nearest are checked.
            let neighbours = Similarity.mostSimilar(to: item, in: model.itemFactors, count: 4)
            #expect(neighbours.allSatisfy { $0.index % 2 == item % 2 }, "item \(item): \(neighbours)")
        }
    }

    @Test func threadsDoNotChangeTheResult() throws {
        let matrix = try twoScenes()
        let one = try ImplicitALS(configuration: ALSConfiguration(factors: 6, iterations: 5, threads: 1)).fit(matrix)
        let two = try ImplicitALS(configuration: ALSConfiguration(factors: 6, iterations: 5, threads: 2)).fit(matrix)
        #expect(one.itemFactors == two.itemFactors)
    }

    @Test func moreFactorsThanItemsStaysFinite() throws {
        let matrix = try SparseMatrix(rowCount: 3, columnCount: 2, triplets: [(0, 0, 1), (1, 1, 2), (2, 0, 1)])
        let model = try ImplicitALS(configuration: ALSConfiguration(factors: 16, regularization: 0.01, iterations: 5)).fit(matrix)
        #expect(model.itemFactors.isFinite && model.userFactors.isFinite)
    }

    @Test func aUserWithNoItemsAndAnItemWithNoUsersGetNearZeroFactors() throws {
        // Documented behaviour: such rows are solved like any other, with nothing pulling them
        // away from zero, so their factors shrink toward 0 and score nothing; they stay finite.
        let table = try InteractionTable(csv: "u1,a,1\nu1,b,2\nu2,b,1\nu2,c,1\nlonely,a,0\nu3,unplayed,0\nu3,c,3\n", source: "t.csv")
        let model = try ImplicitALS(configuration: ALSConfiguration(factors: 4, regularization: 0.1, iterations: 8)).fit(table.matrix)
        #expect(model.userFactors.isFinite && model.itemFactors.isFinite)
        let lonely = try #require(table.userIds.firstIndex(of: "lonely"))
        let unplayed = try #require(table.itemIds.firstIndex(of: "unplayed"))
        let norm: ([Float]) -> Float = { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        #expect(norm(model.userFactors.row(lonely)) < 1e-3, "\(model.userFactors.row(lonely))")
        #expect(norm(model.itemFactors.row(unplayed)) < 1e-3, "\(model.itemFactors.row(unplayed))")
        #expect(norm(model.userFactors.row(0)) > 0.1)
    }

    @Test func rejectsBadParameters() {
        #expect(throws: RecommenderError.self) { try ALSConfiguration(factors: 0) }
        #expect(throws: RecommenderError.self) { try ALSConfiguration(alpha: -1) }
        #expect(throws: RecommenderError.self) { try ImplicitALS(configuration: ALSConfiguration()).fit(SparseMatrix(rowCount: 2, columnCount: 2, triplets: [])) }
    }
}
