import Almanac
import AlmanacStore
import ArgumentParser
import Foundation

/// The archive a command works on.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            The archive: a SQLite file path or a postgres://user:password@host:port/database URL. \
            Default: $ALMANAC_DATABASE_URL, else ./almanac.sqlite.
            """)
    var db: String?

    /// The path or URL as given.
    var location: String {
        db ?? ProcessInfo.processInfo.environment["ALMANAC_DATABASE_URL"] ?? "almanac.sqlite"
    }

    @available(*, deprecated, renamed: "location", message: "--db may be a URL; open it with withStore(_:)")
    var path: String { location }

    func validate() throws {
        do {
            _ = try StoreLocation(location)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Opens the archive, runs `body` with it and closes it; a store that cannot be opened is a usage error.
    func withStore<Result: Sendable>(_ body: (any Store) async throws -> Result) async throws -> Result {
        let store: any Store
        do {
            store = try await openStore(location)
        } catch {
            // PostgreSQL errors already name the (password-masked) URL.
            throw ValidationError(
                error is PostgresStoreError ? "\(error)" : "cannot open the archive at \(location): \(error)")
        }
        return try await withClosing(store, body)
    }
}

/// How page files are decoded.
struct EncodingOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Decode pages as utf-8, gb18030 or gbk instead of detecting the encoding.",
        transform: { name in
            guard let encoding = TextEncoding(name: name) else {
                throw ValidationError("unknown encoding '\(name)'; use utf-8, gb18030 or gbk")
            }
            return encoding
        })
    var encoding: TextEncoding?
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Whether standard error is a terminal, where progress lines may be redrawn in place.
var standardErrorIsTerminal: Bool {
    isatty(STDERR_FILENO) == 1
}
