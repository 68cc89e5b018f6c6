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
    /// Host names answered besides the bound address and `localhost` (`--allowed-host`): a
    /// request whose `Host` names anything else is refused (421), which defeats DNS rebinding.
    public var allowedHosts: Set<String>
    /// Seconds a scan job may go without finishing a file before it is given up and its folder
    /// released (default 600; 1…86 400).
    public var scanStallSeconds: Int
    /// Seconds a connection may stay idle or half-sent before it is closed (default 30; 1…3600).
    public var idleTimeoutSeconds: Int

    /// Checks and stores the settings.
    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, logLevel: Logger.Level = .info,
                allowedHosts: Set<String> = [], scanStallSeconds: Int = 600, idleTimeoutSeconds: Int = 30) throws(ServerError) {
        guard (0...65535).contains(port) else { throw ServerError(status: 400, message: "port must be 0…65535, got \(port)") }
        guard maxBodyBytes >= 1024 else { throw ServerError(status: 400, message: "body limit must be at least 1024 bytes") }
        guard (1...86_400).contains(scanStallSeconds) else { throw ServerError(status: 400, message: "the scan stall limit must be 1…86400 s, got \(scanStallSeconds)") }
        guard (1...3600).contains(idleTimeoutSeconds) else { throw ServerError(status: 400, message: "the idle timeout must be 1…3600 s, got \(idleTimeoutSeconds)") }
        for name in allowedHosts where name.isEmpty || name.contains(where: { $0 == "/" || $0 == "@" || $0.isWhitespace }) {
            throw ServerError(status: 400, message: "'\(name)' is not a host name")
        }
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.logLevel = logLevel
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.scanStallSeconds = scanStallSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
