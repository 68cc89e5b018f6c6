extension String {
    /// The string, or `nil` when it is empty (for optional fields of documents).
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
