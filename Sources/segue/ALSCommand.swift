import ArgumentParser
import Foundation
import SegueCore
import Recommender
import DJModel

struct ALSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "als",
        abstract: "Standalone implicit ALS on a CSV of user,item[,count], with the semantics of implicit 0.7.3.",
        discussion: """
            Confidence of an observed cell is alpha·count (as implicit does inside fit); --paper-confidence uses Hu et al.'s \
            1 + alpha·count. λ is added to YᵀY unscaled. Outputs CSV rows id,f1,…,fK; the last line of standard error is \
            fit_seconds=….
            """)

    @Option(help: "CSV of user,item[,count].") var interactions: String
    @Option(help: "Latent factors.") var factors: Int = 64
    @Option(help: "Regularisation λ.") var regularization: Float = 0.01
    @Option(help: "Confidence scale α.") var alpha: Float = 1
    @Option(help: "Iterations.") var iterations: Int = 15
    @Option(help: "Worker threads.") var threads: Int = 1
    @Option(help: "Conjugate-gradient steps per row.") var cgSteps: Int = 3
    @Option(help: "Row solver: cg or exact.") var solver: String = "cg"
    @Option(help: "Seed of the initial factors.") var seed: UInt64 = 42
    @Flag(help: "Use Hu et al.'s confidence 1 + alpha·count.") var paperConfidence = false
    @Option(help: "Output CSV of item factors.") var itemFactors: String
    @Option(help: "Output CSV of user factors.") var userFactors: String

    func run() throws {
        guard let solverKind: ALSConfiguration.Solver = ["cg": .conjugateGradient, "exact": .exact][solver] else {
            throw ValidationError("--solver must be cg or exact")
        }
        let text: String
        do { text = try String(contentsOfFile: interactions, encoding: .utf8) } catch {
            throw ValidationError("\(interactions): cannot read (\(error.localizedDescription))")
        }
        let table = try InteractionTable(csv: text, source: interactions)
        let configuration = try ALSConfiguration(factors: factors, regularization: regularization, alpha: alpha, iterations: iterations,
                                                 cgSteps: cgSteps, threads: threads, seed: seed,
                                                 confidence: paperConfidence ? .paper : .implicitLibrary, solver: solverKind)
        let model = try ImplicitALS(configuration: configuration).fit(table.matrix)
        try write(model.itemFactors, ids: table.itemIds, to: itemFactors)
        try write(model.userFactors, ids: table.userIds, to: userFactors)
        FileHandle.standardError.write(Data("users=\(table.userIds.count) items=\(table.itemIds.count) nnz=\(table.matrix.nonZeroCount)\n".utf8))
        FileHandle.standardError.write(Data(String(format: "fit_seconds=%.6f\n", model.fitSeconds).utf8))
    }

    private func write(_ matrix: DenseMatrix, ids: [String], to path: String) throws {
        var text = ""
        text.reserveCapacity(matrix.rowCount * (matrix.columnCount * 12 + 16))
        for (row, id) in ids.enumerated() {
            text += CSVField.quote(id)
            for value in matrix.row(row) { text += "," + String(value) }
            text += "\n"
        }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw ValidationError("\(path): cannot write (\(error.localizedDescription))")
        }
    }
}
