import DJModel
import Foundation
import Testing

/// Numbers from outside are refused before any conversion; numbers from inside convert without trapping.
struct CheckedNumberTests {
    static let hostile: [Double] = [1e300, -1e300, .nan, .infinity, -.infinity, 9.3e18, -9.3e18]

    @Test func saturatingConversionNeverTraps() {
        #expect(Int(saturating: 1e300) == Int.max)
        #expect(Int(saturating: -1e300) == Int.min)
        #expect(Int(saturating: Double.nan) == 0)
        #expect(Int(saturating: Double.infinity) == Int.max)
        #expect(Int(saturating: -0.0) == 0)
        #expect(Int(saturating: 9_223_372_036_854_775_808.0) == Int.max)
        #expect(Int32(saturating: 3e9) == Int32.max)
        #expect(UInt32(saturating: -5.0) == 0)
        #expect(UInt64(saturating: Float.nan) == 0)
        #expect(Int(saturating: 2.9) == 2 && Int(saturating: -2.9) == -2)
    }

    @Test func finiteChecksNameTheFieldAndTheRange() throws {
        for value in Self.hostile {
            let error = #expect(throws: InvalidParameter.self) { try CheckedNumber.finite(value, "bpm", in: 0...1000) }
            #expect(error?.field == "bpm")
            #expect(error?.reason.contains("0…1000") == true, "\(String(describing: error))")
        }
        #expect(try CheckedNumber.finite(-0.0, "bpm", in: 0...1000) == 0)
        #expect(try CheckedNumber.finite(128, "bpm", in: 0...1000) == 128)
    }

    /// A set document whose numbers could not be converted is refused at decoding, naming the field.
    @Test func setDocumentsRefuseNumbersOutOfRange() throws {
        let entry = #"{"id":1,"path":"/a.flac","artist":"A","title":"T","duration":DURATION,"bpm":BPM,"key":"A minor","camelot":"8A","energy":5,"start":0,"cues":[{"name":"Mix in","kind":"mix-in","time":CUE}]}"#
        let document = #"{"kind":"set","seed":"x","duration":SETDURATION,"tracks":[ENTRY],"transitions":[]}"#
        func decode(duration: String = "300", bpm: String = "128", cue: String = "1", setDuration: String = "300") throws -> DJSet {
            let text = document.replacingOccurrences(of: "SETDURATION", with: setDuration).replacingOccurrences(of: "ENTRY", with: entry)
                .replacingOccurrences(of: "DURATION", with: duration).replacingOccurrences(of: "BPM", with: bpm).replacingOccurrences(of: "CUE", with: cue)
            return try JSONDecoder().decode(DJSet.self, from: Data(text.utf8))
        }
        #expect(try decode().tracks[0].bpm == 128)
        for number in ["1e300", "-1e300", "-5", "9223372036854775808"] {
            for (field, attempt) in [("duration", { try decode(duration: number) }), ("bpm", { try decode(bpm: number) }),
                                     ("time", { try decode(cue: number) }), ("duration", { try decode(setDuration: number) })] as [(String, () throws -> DJSet)] {
                do {
                    _ = try attempt()
                    Issue.record("\(field) = \(number) was accepted")
                } catch {
                    #expect(DecodingProblem.summary(of: error).contains(field), "\(DecodingProblem.summary(of: error))")
                    #expect(DecodingProblem.summary(of: error).contains("must be a finite number"), "\(DecodingProblem.summary(of: error))")
                }
            }
        }
    }
}
