import Recommender
import Testing

@Suite("Dense matrix")
struct DenseMatrixTests {
    @Test("the Gram matrix matches a direct sum, with one worker or several")
    func gramMatchesDirectSum() {
        let rows = 5000, k = 12
        var state: UInt32 = 7
        let values = (0..<(rows * k)).map { _ -> Float in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Float(state >> 8) / Float(1 << 24) - 0.5
        }
        let matrix = DenseMatrix(rowCount: rows, columnCount: k, values: values)
        var direct = [Double](repeating: 0, count: k * k)
        for r in 0..<rows { for i in 0..<k { for j in 0..<k { direct[i * k + j] += Double(values[r * k + i]) * Double(values[r * k + j]) } } }
        for threads in [1, 3] {
            let gram = matrix.gram(addingToDiagonal: 0.5, threads: threads)
            for i in 0..<k {
                for j in 0..<k {
                    let expected = direct[i * k + j] + (i == j ? 0.5 : 0)
                    #expect(abs(Double(gram[i * k + j]) - expected) < 1e-3 * max(1, abs(expected)), "(\(i), \(j)) with \(threads) threads")
                }
            }
        }
        #expect(DenseMatrix(rowCount: 0, columnCount: 3).gram(threads: 2) == [Float](repeating: 0, count: 9))
    }
}
