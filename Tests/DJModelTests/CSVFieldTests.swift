import DJModel
import Testing

@Suite("CSV fields")
struct CSVFieldTests {
    @Test("rows keep quoted commas, doubled quotes, line breaks and non-ASCII text, with their starting lines")
    func parsesRFC4180() throws {
        let text = "a,b\r\n\r\n\"Beyoncé, feat. Jay-Z\",\"say \"\"hi\"\"\"\n\"two\nlines\",🎧\rlast,\"\"\n"
        let rows = try CSVField.rows(text)
        #expect(rows.map(\.line) == [1, 3, 4, 6])
        #expect(rows[0].fields == ["a", "b"])
        #expect(rows[1].fields == ["Beyoncé, feat. Jay-Z", "say \"hi\""])
        #expect(rows[2].fields == ["two\nlines", "🎧"])
        #expect(rows[3].fields == ["last", ""])
    }

    @Test("quoting and parsing round-trip any field")
    func roundTrips() throws {
        let fields = ["plain", "with, comma", "with \"quotes\"", "multi\nline", "é 日本 🎛", ""]
        let line = fields.map(CSVField.quote).joined(separator: ",")
        #expect(try CSVField.rows(line).first?.fields == fields)
    }

    @Test("an unterminated quote names its line; forEachRow can stop early")
    func errorsAndStopping() throws {
        #expect { try CSVField.rows("ok,1\n\"open,2\n") } throws: { error in
            (error as? CSVSyntaxError).map { $0.line == 2 && $0.reason == "unterminated quoted field" } ?? false
        }
        var seen = 0
        try CSVField.forEachRow("1\n2\n3\n") { _, _ in
            seen += 1
            return seen < 2
        }
        #expect(seen == 2)
    }
}
