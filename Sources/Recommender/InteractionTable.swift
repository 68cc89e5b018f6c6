import DJModel
import Foundation

/// A `user,item[,count]` CSV turned into a sparse users × items matrix with id maps.
///
/// Rules: an optional header row (`user,item[,count]`) is skipped; fields may be quoted with
/// `"` (ids may then hold commas and doubled quotes); a missing count means 1; duplicate
/// (user, item) rows are summed; a count that is negative, non-numeric or not finite is an
/// error naming the line; a count of 0 keeps the ids but adds no interaction.
public struct InteractionTable: Sendable {
    /// User ids in row order.
    public let userIds: [String]
    /// Item ids in column order.
    public let itemIds: [String]
    /// Users × items counts.
    public let matrix: SparseMatrix

    /// Parses CSV text; `source` names the file in error messages.
    public init(csv text: String, source: String) throws(RecommenderError) {
        var userIndex: [String: Int] = [:], itemIndex: [String: Int] = [:]
        var users: [String] = [], items: [String] = []
        var triplets: [(row: Int, column: Int, value: Float)] = []
        var failure: RecommenderError?
        do {
            try CSVField.forEachRow(text) { lineNumber, rawFields in
                let fields = rawFields.map { $0.trimmingCharacters(in: .whitespaces) }
                if fields.allSatisfy(\.isEmpty) { return true }
                if lineNumber == 1, fields.first?.lowercased() == "user" { return true }
                guard fields.count == 2 || fields.count == 3 else {
                    failure = .invalidData("\(source):\(lineNumber): expected user,item[,count], found \(fields.count) fields")
                    return false
                }
                guard !fields[0].isEmpty, !fields[1].isEmpty else {
                    failure = .invalidData("\(source):\(lineNumber): empty user or item id")
                    return false
                }
                var count: Float = 1
                if fields.count == 3 {
                    guard let value = Float(fields[2]), value.isFinite else {
                        failure = .invalidData("\(source):\(lineNumber): count '\(fields[2])' is not a number")
                        return false
                    }
                    guard value >= 0 else {
                        failure = .invalidData("\(source):\(lineNumber): count \(value) is negative")
                        return false
                    }
                    count = value
                }
                let user = userIndex[fields[0]] ?? { users.append(fields[0]); userIndex[fields[0]] = users.count - 1; return users.count - 1 }()
                let item = itemIndex[fields[1]] ?? { items.append(fields[1]); itemIndex[fields[1]] = items.count - 1; return items.count - 1 }()
                if count > 0 { triplets.append((user, item, count)) }
                return true
            }
        } catch {
            throw .invalidData("\(source):\(error.line): \(error.reason)")
        }
        if let failure { throw failure }
        guard !triplets.isEmpty else { throw .invalidData("\(source): no interactions (the file is empty or all counts are 0)") }
        userIds = users
        itemIds = items
        matrix = try SparseMatrix(rowCount: users.count, columnCount: items.count, triplets: triplets)
    }
}

