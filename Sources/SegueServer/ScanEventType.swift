/// The kinds of scan progress event the API sends (`type` of a ScanEvent, and the SSE event
/// name). The page's script and the OpenAPI document take their spellings from here.
enum ScanEventType: String, Codable, Sendable, CaseIterable {
    /// A stage begins (`name`, `total` when known).
    case stage
    /// One item of a stage is done (`name`, `done`, `total`, `item`).
    case step
    /// A file was skipped (`message` names it and why).
    case warning
    /// A stage ended (`name`, `message` summarises it).
    case stageFinished
    /// The scan ended (`done` analysed of `total` found, `message`).
    case finished
    /// The scan stopped on an error (`message`).
    case failed

    /// The types as a JavaScript object literal, e.g. `{"stage": "stage", …}`, for the page's script.
    static var javaScriptConstants: String {
        "{" + allCases.map { "\"\($0.rawValue)\": \"\($0.rawValue)\"" }.joined(separator: ", ") + "}"
    }

    /// The types as a JSON array of strings, for the OpenAPI document's enum.
    static var jsonEnum: String { "[" + allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]" }
}
