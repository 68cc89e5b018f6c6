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
        discussion: "Binds to 127.0.0.1 unless --host says otherwise; port 0 picks a free port. Prints `listening on http://HOST:PORT` once ready; stops cleanly on Ctrl-C or SIGTERM.")

    @Option(help: "Host to bind.") var host: String = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).") var port: Int = 8080
    @Option(help: "Lowest log level: trace, debug, info (one line per request), notice, warning, error, critical.")
    var logLevel: String = "info"
    @OptionGroup var library: LibraryOption

    func run() async throws {
        let core = try library.open()
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown log level '\(logLevel)'") }
        let configuration = try ServerConfiguration(host: host, port: port, logLevel: level)
        let host = self.host
        let app = buildApplication(core: core, configuration: configuration) { boundPort in
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(boundPort)\n".utf8))
        }
        try await app.runService()
    }
}
