import SegueCore

/// One progress event of a background job (a scan or a render) as the API sends it, in its
/// `GET …/events` stream and counted in its status.
struct JobEvent: Codable, Sendable, Hashable {
    var type: ScanEventType
    var name: String?
    var done: Int?
    var total: Int?
    var item: String?
    var message: String?

    /// An event with the given fields.
    init(type: ScanEventType, name: String? = nil, done: Int? = nil, total: Int? = nil, item: String? = nil, message: String? = nil) {
        self.type = type
        self.name = name
        self.done = done
        self.total = total
        self.item = item
        self.message = message
    }

    /// The API's form of a use case's progress event.
    init(_ event: ProgressEvent) {
        switch event {
        case .stage(let name, let total): self.init(type: .stage, name: name, total: total)
        case .step(let name, let done, let total, let item): self.init(type: .step, name: name, done: done, total: total, item: item)
        case .warning(let message): self.init(type: .warning, message: message)
        case .stageFinished(let name, let summary): self.init(type: .stageFinished, name: name, message: summary)
        }
    }
}
