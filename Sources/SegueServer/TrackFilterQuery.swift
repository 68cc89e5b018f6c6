import Hummingbird
import SegueCore
import DJModel

/// The filters of `GET /tracks` from its query: `bpmMin`, `bpmMax`, `key` (repeatable; a name,
/// Camelot or Open Key code), `energyMin`, `energyMax` (1–10) and `genre`.
enum TrackFilterQuery {
    /// The filter the request asks for.
    /// - Throws: ``ServerError`` 400 naming the parameter that is not a number or not a key.
    static func filter(from request: Request) throws -> TrackFilter {
        let parameters = request.uri.queryParameters
        func number(_ name: String) throws -> Double? {
            guard let text = parameters.get(name), !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite else { throw ServerError(status: 400, message: "\(name) must be a number, got '\(text)'") }
            return value
        }
        func energy(_ name: String) throws -> Int? {
            guard let value = try number(name) else { return nil }
            guard value == value.rounded(), (1...10).contains(value) else { throw ServerError(status: 400, message: "\(name) must be an integer 1…10") }
            return Int(saturating: value)
        }
        let keys = try parameters.getAll("key").filter { !$0.isEmpty }.map { text throws -> MusicalKey in
            guard let key = MusicalKey(parsing: String(text)) else {
                throw ServerError(status: 400, message: "key '\(text)' is not a key name (A minor, F#m), Camelot (8A) or Open Key (1m) code")
            }
            return key
        }
        return TrackFilter(minBPM: try number("bpmMin"), maxBPM: try number("bpmMax"), keys: keys, minEnergy: try energy("energyMin"),
                           maxEnergy: try energy("energyMax"), genre: parameters.get("genre"))
    }
}
