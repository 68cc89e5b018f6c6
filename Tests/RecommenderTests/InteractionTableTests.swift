import Recommender
import Testing

@Suite struct InteractionTableTests {
    @Test func parsesHeaderQuotesAndSumsDuplicates() throws {
        let table = try InteractionTable(csv: "user,item,count\nu1,\"a, b\",2\nu1,\"a, b\",3\nu2,\"say \"\"hi\"\"\"\nu3,c,0\n", source: "t.csv")
        #expect(table.userIds == ["u1", "u2", "u3"])
        #expect(table.itemIds == ["a, b", "say \"hi\"", "c"])
        #expect(table.matrix.nonZeroCount == 2)
        #expect(table.matrix.values.sorted() == [1, 5])
    }

    @Test(arguments: [("", "no interactions"), ("u,i,-1\n", "negative"), ("u,i,abc\n", "not a number"), ("u\n", "fields"),
                      ("u,i,1\nv,\"j,1\n", "unterminated")])
    func badInputNamesFileAndLine(text: String, fragment: String) {
        do {
            _ = try InteractionTable(csv: text, source: "bad.csv")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains("bad.csv"))
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    @Test func transposeRoundTrips() throws {
        let matrix = try SparseMatrix(rowCount: 3, columnCount: 4, triplets: [(0, 3, 1), (2, 0, 2), (1, 1, 3), (2, 3, 4)])
        #expect(matrix.transposed().transposed() == matrix)
        #expect(matrix.transposed().rowCount == 4)
    }
}
