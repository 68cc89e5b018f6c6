import Foundation
import Hummingbird

/// `GET /scans/{id}/events` and `GET /renders/{id}/events`: a job's progress as server-sent
/// events, from its first event to its last (`finished` or `failed`), then the stream ends. Each
/// event is one `data:` line of JSON. A client that goes away ends the stream; the job goes on.
enum ScanEventStream {
    /// How often the stream looks for new events.
    static let pollInterval = Duration.milliseconds(100)

    /// The streaming response for `job`.
    static func response(for job: ScanJob) -> Response {
        response { job.events(from: $0) }
    }

    /// The streaming response for the events `events(from:)` gives (the events from an index
    /// on, and whether the job has ended).
    static func response(_ events: @escaping @Sendable (Int) -> (events: [JobEvent], ended: Bool)) -> Response {
        let body = ResponseBody { writer in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var sent = 0
            while true {
                let (batch, ended) = events(sent)
                for event in batch {
                    let data = try encoder.encode(event)
                    try await writer.write(ByteBuffer(string: "event: \(event.type.rawValue)\ndata: " + String(decoding: data, as: UTF8.self) + "\n\n"))
                }
                sent += batch.count
                if ended && batch.isEmpty { break }
                if !ended { try await Task.sleep(for: pollInterval) }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }
}
