import Logging

/// Where and how the HTTP server listens.
public struct ServerConfiguration: Sendable, Hashable {
    /// Host to bind (default 127.0.0.1: only this machine can connect).
    public var host: String
    /// Port (0 picks a free port).
    public var port: Int
    /// Largest request body accepted, bytes (default 1 MiB).
    public var maxBodyBytes: Int
    /// Lowest level logged (default `info`: one line per request).
    public var logLevel: Logger.Level

    /// Checks and stores the settings.
    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, logLevel: Logger.Level = .info) throws(ServerError) {
        guard (0...65535).contains(port) else { throw ServerError(status: 400, message: "port must be 0…65535, got \(port)") }
        guard maxBodyBytes >= 1024 else { throw ServerError(status: 400, message: "body limit must be at least 1024 bytes") }
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.logLevel = logLevel
    }
}
