import AlmanacServer
import AlmanacStore
import ArgumentParser
import Foundation
import Logging

/// `almanac serve`: the web app and JSON API over an archive.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the archive as a web app and a JSON API until stopped (Ctrl-C).",
        discussion: """
            The web app is at http://HOST:PORT/, the API under /api/v1 (described at \
            /api/v1/openapi.json), a health check at /healthz. Everything is read-only except \
            POST /api/v1/pages, which ingests a page and is allowed only with the bearer token \
            given by --token or $ALMANAC_TOKEN (off when neither is set). SIGINT and SIGTERM stop \
            the server gracefully: requests in flight are answered first.

            Examples:
              almanac serve --db almanac.sqlite
              ALMANAC_TOKEN=s3cret almanac serve --host 0.0.0.0 --port 9000
            """)

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var server: ServerOptions

    func run() async throws {
        let location = try StoreLocation(database.location)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no archive at \(path); create one with `almanac ingest PATH…` or try `almanac demo`")
        }
        try await database.withStore { store in
            try await server.serve(store: store, archive: location.description)
        }
    }
}

/// Where and how the server listens; shared by `serve` and `demo`.
struct ServerOptions: ParsableArguments {
    @Option(help: "The address to listen on. Use 0.0.0.0 to accept connections from other machines.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "Allow POST /api/v1/pages to holders of this bearer token. Default: $ALMANAC_TOKEN; uploads are off without one.")
    var token: String?

    @Option(help: "Keep this many recent search responses for up to 10 s (0: no cache). Uploads empty it.")
    var searchCache = 1024

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if searchCache < 0 { throw ValidationError("--search-cache must not be negative") }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    /// Serves `store` until SIGINT or SIGTERM; prints the URL once the server listens.
    func serve(store: any Store, archive: String) async throws {
        var logger = Logger(label: "almanac")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let token = token ?? ProcessInfo.processInfo.environment["ALMANAC_TOKEN"]
        let configuration = ServerConfiguration(host: host, port: port, uploadToken: token, searchCacheSize: searchCache)
        let host = self.host
        let app = try buildApplication(store: store, configuration: configuration, logger: logger) { port in
            let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
            let uploads = configuration.uploadsEnabled ? "on" : "off"
            // Written unbuffered: a script waiting for the URL reads it at once.
            FileHandle.standardOutput.write(
                Data("serving \(archive) at http://\(shown):\(port)/  (API: /api/v1, uploads \(uploads); Ctrl-C stops)\n".utf8))
        }
        try await app.runService()
    }
}
