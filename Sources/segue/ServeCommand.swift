import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SegueCore
import SegueServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP JSON API (tracks, similar tracks, sets, bridges, stored sets and their exports).",
        discussion: "Binds to 127.0.0.1 unless --host says otherwise; port 0 picks a free port. Prints `listening on http://HOST:PORT` once ready; stops cleanly on Ctrl-C or SIGTERM. Requests name library tracks only (never a file on this machine); requests with another Host (DNS rebinding) get 421, and changes from another site's page (a foreign Origin) get 403.")

    @Option(help: "Host to bind.") var host: String = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).") var port: Int = 8080
    @Option(help: "Lowest log level: trace, debug, info (one line per request), notice, warning, error, critical.")
    var logLevel: String = "info"
    @Option(name: .customLong("allowed-host"), help: "A host name the server also answers as (besides the bound address and localhost); repeatable. Requests naming any other Host get 421.")
    var allowedHosts: [String] = []
    @Option(help: "Seconds a scan job may go without finishing a file before it is given up and its folder released.")
    var scanStallSeconds: Int = 600
    @OptionGroup var library: LibraryOption

    func run() async throws {
        let core = try library.open()
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown log level '\(logLevel)'") }
        let configuration = try ServerConfiguration(host: host, port: port, logLevel: level, allowedHosts: Set(allowedHosts),
                                                    scanStallSeconds: scanStallSeconds)
        let host = self.host
        let app = buildApplication(core: core, configuration: configuration) { boundPort in
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(boundPort)\n".utf8))
        }
        // Rendered mixes and previews live in a scratch folder of this process: gone when it stops.
        defer { removeServerScratchFolders() }
        try await app.runService()
    }
}
